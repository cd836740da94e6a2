"""CSV and TSV: one row per Chinese-English pair. The first three columns, zh,en,abbr, are a fixed contract."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO

from ..model import Entry

COLUMNS = [
    "zh",
    "en",
    "abbr",
    "pinyin",
    "status",
    "confidence",
    "count",
    "documents",
    "example",
    "origin",
    "note",
    "tags",
]


def row(entry: Entry) -> list[str]:
    return [
        entry.written,
        entry.en,
        entry.abbr or "",
        entry.pinyin,
        entry.status,
        f"{entry.confidence:.3f}",
        str(entry.count),
        " | ".join(entry.documents),
        entry.example or "",
        entry.origin,
        entry.note or "",
        ",".join(entry.tags),
    ]


def one_line(cells: list[str]) -> list[str]:
    """TSV has no quoting: a tab or newline inside a field would break the row, so it becomes a space."""
    return [" ".join(c.split()) if any(ch in c for ch in "\t\r\n") else c for c in cells]


def _write(entries: Iterable[Entry], dest: BinaryIO, tsv: bool) -> int:
    text = io.TextIOWrapper(dest, encoding="utf-8", newline="")
    try:
        if tsv:
            # No quoting at all: a quote in a note is just a quote (tabs and newlines were made spaces).
            out = csv.writer(text, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")
        else:
            out = csv.writer(text, lineterminator="\n")
        out.writerow(COLUMNS)
        n = 0
        for entry in entries:
            cells = row(entry)
            out.writerow(one_line(cells) if tsv else cells)
            n += 1
        text.flush()
        return n
    finally:
        text.detach()


def write_csv(entries: Iterable[Entry], dest: BinaryIO) -> int:
    return _write(entries, dest, tsv=False)


def write_tsv(entries: Iterable[Entry], dest: BinaryIO) -> int:
    return _write(entries, dest, tsv=True)
