"""OmegaT glossaries: tab-separated source, target and an optional comment; UTF-8; no quoting or escaping.

OmegaT skips lines that start with ``#``, trims every field and shows the third one as a free comment. Export
writes a pair's abbreviation, status and note into that comment as labelled parts, ``abbr: LLM; status:
approved; note: ...``, which reads well in OmegaT's glossary pane and comes back on import; any other comment
is imported as the note. Which column is Chinese is seen per line, so zh-en and en-zh glossaries both import.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import FormatError
from ..model import STATUSES, ImportedPair
from .fields import checked_abbreviation, checked_pair, decode_text, is_chinese

# OmegaT writes this line at the top of a glossary it creates; its "coding" tells OmegaT the encoding.
MAGIC_COMMENT = "# Glossary in tab-separated format -*- coding: utf-8 -*-"
_COMMENT_RE = re.compile(
    rf"(?:abbr: (?P<abbr>[^;]+?)(?:; |$))?(?:status: (?P<status>{'|'.join(STATUSES)})(?:; |$))?(?:note: (?P<note>.*))?",
    re.DOTALL,
)


def comment(abbr: str | None, status: str, note: str | None) -> str:
    parts = [f"abbr: {abbr}"] if abbr else []
    parts.append(f"status: {status}")
    if note:
        parts.append(f"note: {note}")
    return "; ".join(parts)


def parse_comment(text: str) -> tuple[str | None, str | None, str | None]:
    """(abbreviation, status, note) of a comment; a comment not in our labelled form is all note."""
    parts = _COMMENT_RE.fullmatch(text)
    if parts is None:
        return None, None, text or None
    return parts["abbr"], parts["status"], parts["note"] or None


def read_omegat(stream: BinaryIO, name: str, *, encoding: str | None = None) -> Iterator[ImportedPair]:
    text = decode_text(stream.read(), encoding, name)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        place = f"{name}: line {number}"
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) < 2:
            raise FormatError(f"{place}: one field where OmegaT has source, tab, target")
        source, target = fields[:2]
        if not target:
            continue  # OmegaT allows an entry with no target, to show a comment; it is no pair
        zh, en = (target, source) if is_chinese(target) and not is_chinese(source) else (source, target)
        zh, en = checked_pair(zh, en, place)
        abbr, status, note = parse_comment("\t".join(fields[2:]).strip())
        abbr = checked_abbreviation(abbr, place)
        yield ImportedPair(zh=zh, en=en, abbr=abbr, note=note, status=status, where=f"line {number}")
