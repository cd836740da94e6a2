"""CSV and TSV term lists: ours (zh,en,abbr,...,note,tags) and other people's.

A first row that names a Chinese and an English column is a header, and columns are found by name (English or
Chinese names, any case; columns it does not know, such as pinyin or count, are ignored). Without a header the
columns are zh,en,abbr, or en,zh,abbr when the Chinese is in the second column. ``columns`` names them
explicitly and wins over a header; with it, a first row without Chinese in the zh column is a header too.
TSV is read without quoting, as glossary and spreadsheets write it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from ..errors import FormatError
from ..model import ImportedPair
from .fields import checked_abbreviation, checked_pair, decode_text, is_chinese, parse_status

SKIP = "-"
ALIASES: dict[str, tuple[str, ...]] = {
    "zh": ("zh", "zh-cn", "zh_cn", "zh-hans", "zh-tw", "zh-hant", "chinese", "中文", "汉语", "中文术语", "术语"),
    "en": ("en", "en-us", "en_us", "en-gb", "english", "英文", "英语", "英文术语", "译文"),
    "abbr": ("abbr", "abbreviation", "acronym", "缩写", "简称"),
    "note": ("note", "notes", "comment", "comments", "备注", "注释", "说明"),
    "status": ("status", "状态"),
    "tags": ("tags", "tag", "标签"),
    "confidence": ("confidence",),
}
COLUMNS = tuple(ALIASES)
_COLUMN_OF = {alias.casefold(): column for column, aliases in ALIASES.items() for alias in aliases}


def column_named(name: str) -> str:
    """The column a header cell (or a JSON key) names: zh, en, ..., or SKIP for one not read."""
    return _COLUMN_OF.get(name.strip().casefold(), SKIP)


def header_columns(cells: Sequence[str]) -> list[str] | None:
    """The columns a header row names (unknown ones as SKIP), or None when the row is not a header."""
    names = [column_named(cell) for cell in cells]
    return names if "zh" in names and "en" in names else None


def split_csv_line(line: str) -> list[str]:
    return next(csv.reader([line]), [])


def _names_columns(cells: Sequence[str], mapping: Sequence[str]) -> bool:
    """With columns given, a first row whose zh column holds no Chinese is a header (Term, Translation, ...)."""
    zh = dict(zip(mapping, cells, strict=False)).get("zh", "")
    return not is_chinese(zh)


def _positional(cells: Sequence[str], place: str) -> list[str]:
    first, second = [*cells, "", ""][:2]
    if is_chinese(first):
        return ["zh", "en", "abbr"]
    if is_chinese(second):
        return ["en", "zh", "abbr"]
    known = ",".join(COLUMNS)
    raise FormatError(
        f"{place}: no Chinese in the first two columns and no header naming them; "
        f"name the columns with --columns (from {known}, - to skip one)"
    )


def pairs_from_rows(
    rows: Iterable[tuple[int, list[str]]], name: str, columns: Sequence[str] | None = None
) -> Iterator[ImportedPair]:
    """(line number, cells) rows -> pairs, the first row a header if it names the zh and en columns."""
    mapping: list[str] | None = list(columns) if columns else None
    first = True
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        place = f"{name}: line {line}"
        if first:
            first = False
            header = header_columns(cells)
            if header or (mapping and _names_columns(cells, mapping)):
                mapping = mapping or header
                continue
            mapping = mapping or _positional(cells, place)
        assert mapping is not None
        yield pair_from_cells(cells, mapping, place, line)


_NOT_THE_ABBREVIATION = "; if that column holds something else, name the columns with --columns"


def pair_from_cells(cells: Sequence[str], mapping: Sequence[str], place: str, line: int) -> ImportedPair:
    values: dict[str, str] = {}
    for column, cell in zip(mapping, cells, strict=False):
        if column != SKIP and column not in values:
            values[column] = cell.strip()
    zh, en = checked_pair(values.get("zh", ""), values.get("en", ""), place)
    confidence = None
    if values.get("confidence"):
        try:
            confidence = float(values["confidence"])
        except ValueError:
            confidence = -1.0
        if not 0 <= confidence <= 1:
            raise FormatError(f'{place}: confidence "{values["confidence"]}" is not a number from 0 to 1')
    return ImportedPair(
        zh=zh,
        en=en,
        abbr=checked_abbreviation(values.get("abbr"), place, _NOT_THE_ABBREVIATION),
        note=values.get("note") or None,
        status=parse_status(values.get("status", ""), place),
        tags=tuple(tag.strip() for tag in values.get("tags", "").split(",") if tag.strip()),
        confidence=confidence,
        where=f"line {line}",
    )


def _records(reader: Any, name: str) -> Iterator[tuple[int, list[str]]]:
    """csv rows with the line each starts on (a quoted field may span lines); csv.Error names its line."""
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):  # read to the end for a quote: the record's line is the news
            raise FormatError(f"{name}: line {start}: a quoted field opens here and never closes") from exc
        raise FormatError(f"{name}: line {reader.line_num}: {exc}") from exc


def _read(
    stream: BinaryIO, name: str, columns: Sequence[str] | None, encoding: str | None, tsv: bool
) -> Iterator[ImportedPair]:
    text = decode_text(stream.read(), encoding, name)
    buffer = io.StringIO(text, newline="")
    # glossary's TSV has no quoting (a quote in a note is just a quote); CSV is strict, so a broken quote is an error.
    reader = csv.reader(buffer, delimiter="\t", quoting=csv.QUOTE_NONE) if tsv else csv.reader(buffer, strict=True)
    return pairs_from_rows(_records(reader, name), name, columns)


def read_csv(
    stream: BinaryIO, name: str, *, columns: Sequence[str] | None = None, encoding: str | None = None
) -> Iterator[ImportedPair]:
    return _read(stream, name, columns, encoding, tsv=False)


def read_tsv(
    stream: BinaryIO, name: str, *, columns: Sequence[str] | None = None, encoding: str | None = None
) -> Iterator[ImportedPair]:
    return _read(stream, name, columns, encoding, tsv=True)
