"""Corpus statistics for the left boundary: how often a candidate span occurs, and after what.

A span that is a term recurs as a unit after varied left neighbours; a span glued to 使用 or 介绍 that occurs
once is not one. The candidates of every gloss site in a run are counted over every document of the corpus in
one Aho-Corasick pass over the runs of Chinese (scanning only those runs is ~10x faster than whole texts: the
automaton's root otherwise walks thousands of children per Latin character).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..normalize import CJK_CHAR

# Runs that candidate spans can occur in: Chinese with embedded Latin words and hyphens (Frobenius范数).
_RUN = re.compile(f"[{CJK_CHAR}A-Za-z0-9\\-－‐·]+")


@dataclass
class CorpusStats:
    """Occurrence counts and left-neighbour distributions of a set of spans over a corpus."""

    counts: Counter[str] = field(default_factory=Counter)
    left: dict[str, Counter[str]] = field(default_factory=dict)

    def count(self, span: str) -> int:
        return self.counts.get(span, 0)

    def left_entropy(self, span: str) -> float:
        """Entropy (bits) of the character before the span; a run boundary counts as a distinct neighbour."""
        neighbours = self.left.get(span)
        total = self.counts.get(span, 0)
        if not neighbours or not total:
            return 0.0
        h = 0.0
        for n in neighbours.values():
            p = n / total
            h -= p * math.log2(p)
        return h

    @classmethod
    def build(cls, spans: Iterable[str], texts: Iterable[str]) -> CorpusStats:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for span in set(spans):
            if span:
                automaton.add_word(span, span)
        stats = cls()
        if len(automaton) == 0:
            return stats
        automaton.make_automaton()
        counts = stats.counts
        left = stats.left
        boundary = 0
        for text in texts:
            for run in _RUN.findall(text):
                for end, span in automaton.iter(run):
                    counts[span] += 1
                    start = end - len(span) + 1
                    if start > 0:
                        neighbour = run[start - 1]
                    else:
                        boundary += 1
                        neighbour = f"^{boundary}"  # every run start is a different neighbour
                    left.setdefault(span, Counter())[neighbour] += 1
        return stats
