"""JSON Lines term lists: one object per line, as `glossary export --format jsonl` writes them.

An object's keys are read as a CSV header is (zh, en, abbr, note, status, tags, confidence, or their other names;
keys it does not know, such as pinyin or count, are ignored). tags may be a list or a comma-separated string.
``written``, where our export gives the term as written beside its simplified key zh, is read as its Chinese when
zh is that key, as the export wrote it (a zh edited by hand, to another term or another form, wins).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import FormatError
from ..model import ImportedPair
from ..normalize import zh_key
from .delimited import SKIP, column_named, pair_from_cells
from .fields import decode_text


def read_jsonl(stream: BinaryIO, name: str, *, encoding: str | None = None) -> Iterator[ImportedPair]:
    text = decode_text(stream.read(), encoding, name)
    # Records end at a line feed only: JSON writes U+2028 and U+0085 raw inside strings, where splitlines would cut
    for line, record_text in enumerate(text.split("\n"), 1):
        if not record_text.strip():
            continue
        place = f"{name}: line {line}"
        try:
            record = json.loads(record_text)
        except json.JSONDecodeError as exc:
            raise FormatError(f"{place}: not JSON ({exc.msg}, column {exc.colno})") from exc
        if not isinstance(record, dict):
            raise FormatError(f"{place}: a JSON {type(record).__name__}, not an object with zh and en")
        keys = list(record)
        mapping = [column_named(key) for key in keys]
        first = {column: key for column, key in reversed(list(zip(mapping, keys, strict=True)))}  # as CSV reads
        cells = [
            _cell(record[key], key, column, place) if column != SKIP else ""
            for column, key in zip(mapping, keys, strict=True)
        ]
        written = record.get("written")
        zh_at = keys.index(first["zh"]) if "zh" in first else -1
        # (zh_key(written) is a key: a zh equal to it is one the export wrote, not a form typed over it)
        if zh_at >= 0 and isinstance(written, str) and zh_key(written) == cells[zh_at].strip():
            cells[zh_at] = written
        pair = pair_from_cells(cells, mapping, place, line)
        if "tags" in first and isinstance(record[first["tags"]], list):  # a list keeps a tag with a comma whole
            pair = dataclasses.replace(pair, tags=tuple(t.strip() for t in record[first["tags"]] if t.strip()))
        yield pair


def _cell(value: object, key: str, column: str, place: str) -> str:
    """A value as the CSV cell of the same column would hold it: a list of tags comma-separated, null empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if column == "tags":
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return ",".join(value)
        raise FormatError(f'{place}: "{key}" is neither text nor a list of text')
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise FormatError(f'{place}: "{key}" holds a JSON {type(value).__name__}, not text or a number')
