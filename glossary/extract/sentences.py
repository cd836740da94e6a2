"""Sentences around a span: the evidence a translator reads."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

_STOPS = "。！？!?\n"
_LONGEST = 2000  # characters looked at on either side: a longer "sentence" is cut there


def sentence_at(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence containing text[start:end] and the 1-based line number of ``start``.

    Time depends on the sentence, not on the text: a document of many glosses is not scanned once per gloss.
    """
    window = max(0, start - _LONGEST)
    left = max(max(text.rfind(c, window, start) for c in _STOPS) + 1, window)
    rights = [i for i in (text.find(c, end, end + _LONGEST) for c in _STOPS) if i != -1]
    right = min(rights) + 1 if rights else min(len(text), end + _LONGEST)
    return text[left:right].strip(), bisect.bisect_left(_newlines(text), start) + 1


@lru_cache(maxsize=16)
def _newlines(text: str) -> list[int]:
    """Offsets of the text's line breaks (a string's hash is computed once, so the lookup costs nothing)."""
    return [m.start() for m in re.finditer("\n", text)]
