"""Where a gloss is: a Chinese term and its English equivalent side by side."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..normalize import CJK_CHAR

# An English gloss: starts with a Latin letter, Latin-script words, digits and light punctuation.
_EN = r"[A-Za-z][A-Za-z0-9 .'’&+\-‐/_]{0,80}?"
BRACKET_AFTER_ZH = re.compile(
    rf"(?P<zh>[{CJK_CHAR}][{CJK_CHAR}A-Za-z0-9\-]*?)\s*[（(]\s*(?P<en>{_EN})\s*(?:[，,]\s*(?P<abbr>[A-Za-z][A-Za-z0-9\-]{{0,11}})\s*)?[)）]"
)
BRACKET_AFTER_EN = re.compile(rf"(?P<en>{_EN})\s*[（(]\s*(?P<zh>[{CJK_CHAR}]{{2,12}})\s*[)）]")


@dataclass(frozen=True)
class Gloss:
    """A place where English glosses Chinese. The Chinese ends at ``zh_end``; where it starts is for boundary.py."""

    pattern: str
    zh_end: int
    zh_window_start: int
    en: str
    en_start: int
    en_end: int
    abbr: str | None = None


def find_glosses(text: str) -> Iterator[Gloss]:
    for m in BRACKET_AFTER_ZH.finditer(text):
        en = m.group("en").strip()
        yield Gloss("zh(en)", m.end("zh"), m.start("zh"), en, m.start("en"), m.start("en") + len(en), m.group("abbr"))
