"""JSON Lines term lists: one object per line, as `glossary export --format jsonl` writes them.

An object's keys are read as a CSV header is (zh, en, abbr, note, status, tags, confidence, or their other names;
keys it does not know, such as pinyin or count, are ignored). tags may be a list or a comma-separated string.
``written``, where our export gives the term as written beside its simplified key zh, is read as its Chinese.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import FormatError
from ..model import ImportedPair
from .delimited import SKIP, column_named, pair_from_cells
from .fields import decode_text


def read_jsonl(stream: BinaryIO, name: str, *, encoding: str | None = None) -> Iterator[ImportedPair]:
    text = decode_text(stream.read(), encoding, name)
    for line, record_text in enumerate(text.splitlines(), 1):
        if not record_text.strip():
            continue
        place = f"{name}: line {line}"
        try:
            record = json.loads(record_text)
        except json.JSONDecodeError as exc:
            raise FormatError(f"{place}: not JSON ({exc.msg}, column {exc.colno})") from exc
        if not isinstance(record, dict):
            raise FormatError(f"{place}: a JSON {type(record).__name__}, not an object with zh and en")
        if isinstance(record.get("written"), str) and record["written"].strip():
            record["zh"] = record.pop("written")
        mapping = [column_named(str(key)) for key in record]
        cells = [_cell(value) if column != SKIP else "" for column, value in zip(mapping, record.values(), strict=True)]
        yield pair_from_cells(cells, mapping, place, line)


def _cell(value: object) -> str:
    """A value as the CSV cell of the same column would hold it: a list of tags comma-separated, null empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(_cell(item) for item in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
