"""Confidence: what a pair's evidence adds up to."""

from __future__ import annotations

from collections.abc import Iterable


def combine_confidence(confidences: Iterable[float]) -> float:
    """Confidence of a pair seen several times: independent evidence (noisy-or), capped below certainty.

    Only the three strongest sightings count, so a systematic mistake repeated a hundred times cannot
    outweigh the extractor's judgement of a single sighting by much.
    """
    strongest = sorted((min(max(c, 0.0), 1.0) for c in confidences), reverse=True)[:3]
    if not strongest:
        return 0.0
    doubt = 1.0
    for c in strongest:
        doubt *= 1.0 - c
    combined = 1.0 - doubt
    # Repetition raises confidence at most halfway from the best single sighting to certainty.
    return round(min(combined, strongest[0] + (1.0 - strongest[0]) / 2, 0.99), 4)
