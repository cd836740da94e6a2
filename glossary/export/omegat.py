"""OmegaT glossary: tab-separated source, target, comment; UTF-8; no escaping inside fields.

One direction per file (OmegaT has one source language per project). The comment carries the abbreviation,
status and note as ``abbr: LLM; status: approved; note: ...`` (see glossary.exchange.omegat, which reads it
back). A tab or line break inside a field would end it, so it becomes a space.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from ..errors import BadOptionError
from ..exchange.omegat import MAGIC_COMMENT, comment
from ..model import Entry
from .delimited import one_line


def write_omegat(entries: Iterable[Entry], dest: BinaryIO, direction: str = "zh-en") -> int:
    if direction not in ("zh-en", "en-zh"):
        raise BadOptionError(
            f"an OmegaT glossary has one source language: --direction must be zh-en or en-zh, not {direction}"
        )
    dest.write(f"{MAGIC_COMMENT}\n".encode())
    n = 0
    for entry in entries:
        fields = [entry.written, entry.en, comment(entry.abbr, entry.status, entry.note)]
        if direction == "en-zh":
            fields[:2] = fields[1::-1]
        dest.write(("\t".join(one_line(fields)) + "\n").encode("utf-8"))
        n += 1
    dest.flush()
    return n
