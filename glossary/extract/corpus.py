"""Corpus statistics for the left boundary: how often a candidate span occurs, and after what.

A span that is a term recurs as a unit after varied left neighbours; a span glued to 使用 or 介绍 that occurs
once is not one. The candidates of every gloss site in a run are counted over every document of the corpus in
one Aho-Corasick pass over the runs of Chinese (scanning only those runs is ~10x faster than whole texts: the
automaton's root otherwise walks thousands of children per Latin character). Spans and texts are read without
layout spaces, so CAP 定理 and CAP定理 count as one string.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from ..normalize import CJK_CHAR, CJK_RE, GREEK_CHAR, reading_text, without_layout_spaces

# Runs that candidate spans can occur in: Chinese with embedded Latin words and hyphens (Frobenius范数). Only
# runs holding Chinese are found (no candidate span could occur in the others). A run starts only where no Latin
# character is before it, so a search inside a run of Latin without Chinese fails at once rather than reading
# to its end from every character of it (an alternative that consumed such runs whole cost a third more).
_LATIN = f"A-Za-z0-9{GREEK_CHAR}@\\-－‐–·"
_RUN = re.compile(f"(?<![{_LATIN}])[{_LATIN}]*+[{CJK_CHAR}][{CJK_CHAR}{_LATIN}]*+")


# The neighbour key that counts sightings at the start of a run: each of those is a different neighbour.
RUN_START = ""

Neighbours = dict[str, dict[str, int]]  # span -> left neighbour -> sightings


@dataclass
class CorpusStats:
    """Occurrence counts and left-neighbour distributions of a set of spans over a corpus."""

    counts: dict[str, int] = field(default_factory=dict)
    left: Neighbours = field(default_factory=dict)
    _entropy: dict[tuple[str, frozenset[str]], float] = field(default_factory=dict, repr=False, compare=False)

    def count(self, span: str) -> int:
        return self.counts.get(span, 0)

    def left_entropy(self, span: str, boundaries: frozenset[str] = frozenset()) -> float:
        """Entropy (bits) of the character before the span; a run boundary counts as a distinct neighbour, and so
        does each sighting after one of ``boundaries`` (characters that end a phrase, such as particles)."""
        key = (span, boundaries)
        known = self._entropy.get(key)
        if known is None:
            known = self._entropy[key] = self._left_entropy(span, boundaries)
        return known

    def _left_entropy(self, span: str, boundaries: frozenset[str]) -> float:
        neighbours = self.left.get(span)
        total = self.counts.get(span, 0)
        if not neighbours or not total:
            return 0.0
        h = 0.0
        # In order of counts, so that counts added up from shards in any order give the same float.
        for neighbour, n in sorted(neighbours.items(), key=lambda item: (item[1], item[0])):
            if neighbour == RUN_START or neighbour in boundaries:
                h += n / total * math.log2(total)  # n neighbours seen once each
            else:
                p = n / total
                h -= p * math.log2(p)
        return h

    @classmethod
    def build(cls, spans: Iterable[str], texts: Iterable[str]) -> CorpusStats:
        return cls.merged([count_neighbours(spans, texts)])

    @classmethod
    def merged(cls, parts: Iterable[Neighbours]) -> CorpusStats:
        """Statistics from counts over parts of a corpus (each from :func:`count_neighbours`)."""
        left: Neighbours = {}
        for part in parts:
            for span, seen in part.items():
                into = left.setdefault(span, {})
                for neighbour, n in seen.items():
                    into[neighbour] = into.get(neighbour, 0) + n
        return cls({span: sum(seen.values()) for span, seen in left.items()}, left)


def distinct_texts(texts: Iterable[str]) -> list[str]:
    """The texts, each once: a document posted twice (or passed as its own corpus) is no second sighting of
    the phrases in it, and would make any phrase it repeats (借助回译) look like a unit."""
    return list(dict.fromkeys(texts))


def count_neighbours(spans: Iterable[str], texts: Iterable[str]) -> Neighbours:
    """Left neighbours of every sighting of the spans (those holding Chinese) in the texts; spans never seen
    are left out. Counts over parts of a corpus add up (:meth:`CorpusStats.merged`)."""
    import ahocorasick

    automaton: Any = ahocorasick.Automaton()
    neighbours: Neighbours = {}
    for span in spans:
        if span and span not in neighbours and CJK_RE.search(span):
            neighbours[span] = {}
            automaton.add_word(span, (len(span), neighbours[span]))
    if not neighbours:
        return {}
    automaton.make_automaton()
    for text in texts:
        # As pass 1 read them (in simplified characters), without layout spaces (CAP 定理 is CAP定理)
        runs: list[str] = _RUN.findall(without_layout_spaces(reading_text(text)))
        for run in runs:
            # Typed for mypyc, which then compiles the arithmetic, the indexing and the dict update (a tenth of
            # the count)
            for match in automaton.iter(run):
                end: int = match[0]
                value = cast(tuple[int, dict[str, int]], match[1])
                start = end - value[0] + 1
                neighbour = run[start - 1] if start else RUN_START
                seen = value[1]
                seen[neighbour] = seen.get(neighbour, 0) + 1
    return {span: seen for span, seen in neighbours.items() if seen}
