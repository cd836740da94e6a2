"""Text -> candidate Chinese-English pairs. Pure functions: no I/O, no database.

``extract_pairs(text)`` is the whole interface worker processes call.
"""

from __future__ import annotations

from ..model import Candidate
from .boundary import choose_start
from .patterns import find_glosses
from .sentences import sentence_at

EXTRACTOR_VERSION = "0.1"

__all__ = ["EXTRACTOR_VERSION", "extract_pairs"]


def extract_pairs(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for g in find_glosses(text):
        window = text[g.zh_window_start : g.zh_end]
        start = g.zh_window_start + choose_start(window, g.en)
        zh = text[start : g.zh_end]
        if not zh:
            continue
        sentence, line = sentence_at(text, start, g.en_end)
        out.append(Candidate(zh, g.en, start, g.zh_end, g.en_start, g.en_end, line, sentence, g.pattern, 0.5, g.abbr))
    return out
