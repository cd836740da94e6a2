"""Sentences around a span: the evidence a translator reads."""

from __future__ import annotations

_STOPS = "。！？!?\n"


def sentence_at(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence containing text[start:end] and the 1-based line number of ``start``."""
    left = max(text.rfind(c, 0, start) for c in _STOPS) + 1
    rights = [i for i in (text.find(c, end) for c in _STOPS) if i != -1]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip(), text.count("\n", 0, start) + 1
