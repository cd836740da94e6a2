"""Sentences around a span: the evidence a translator reads."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

_STOP = re.compile("[。！？!?\n]")
_LONGEST = 2000  # characters looked at on either side: a longer "sentence" is cut there


def sentence_at(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence containing text[start:end] and the 1-based line number of ``start``.

    Time depends on the sentence, not on the text: a document of many glosses is not scanned once per gloss.
    """
    left = max(0, start - _LONGEST)
    stops = [m.end() for m in _STOP.finditer(text, left, start)]
    left = stops[-1] if stops else left
    after = _STOP.search(text, end, end + _LONGEST)
    right = after.end() if after else min(len(text), end + _LONGEST)
    return text[left:right].strip(), bisect.bisect_left(_newlines(text), start) + 1


@lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    """Offsets of the text's line breaks (a string's hash is computed once, so the lookup costs nothing)."""
    return [m.start() for m in re.finditer("\n", text)]
