"""Term lists from other tools: a file in, rows of :class:`ImportedPair` out. No database here.

Readers share one shape, ``read_<fmt>(stream, name, **options) -> Iterator[ImportedPair]``, one module per
family, registered in READERS and imported only when their format is used. A reader checks what it reads and
raises a FormatError naming the line or element; Glossary.import_pairs writes the rows in one transaction, so
a malformed file imports nothing.
"""

from __future__ import annotations

import codecs
import importlib
import inspect
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import FormatError, GlossaryError
from ..model import STDIN, STDIN_NAME, ImportedPair

# format name -> (module in this package, reader function)
READERS: dict[str, tuple[str, str]] = {
    "csv": ("delimited", "read_csv"),
    "tsv": ("delimited", "read_tsv"),
    "jsonl": ("jsonl", "read_jsonl"),
    "tbx": ("tbx", "read_tbx"),
    "omegat": ("omegat", "read_omegat"),
    "list": ("lists", "read_list"),
}


def reader(fmt: str) -> Callable[..., Iterator[ImportedPair]]:
    module, function = READERS[fmt]
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


def reader_options(fmt: str) -> set[str]:
    """Keyword options this format's reader takes (columns, encoding)."""
    return set(inspect.signature(reader(fmt)).parameters) - {"stream", "name"}


def sniff_text(head: bytes) -> str:
    """The start of a file as text, good enough to see its structure (tabs, commas, tags) in any encoding."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def detect_format(name: str, head: bytes) -> str:
    """A file's format from its content first (XML is TBX, an object JSON Lines), then its name, then its first
    line."""
    from .delimited import header_columns, split_csv_line

    text = sniff_text(head)
    if text.lstrip().startswith("<"):
        return "tbx"
    if text.lstrip().startswith("{"):
        return "jsonl"
    suffix = Path(name).suffix.lower()
    by_suffix = {
        ".tbx": "tbx",
        ".xml": "tbx",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".csv": "csv",
        ".md": "list",
        ".markdown": "list",
    }
    if suffix in by_suffix:
        return by_suffix[suffix]
    first = next((line for line in text.splitlines() if line.strip() and not line.startswith("#")), "")
    if "\t" in first:
        return "tsv" if header_columns(first.split("\t")) else "omegat"
    if suffix == ".tsv":
        return "tsv"
    if header_columns(split_csv_line(first)):
        return "csv"
    return "list"


def read_pairs(path: str, fmt: str, *, content: bytes | None = None, **options: object) -> Iterator[ImportedPair]:
    """Pairs of a file in a given format, read lazily: a FormatError can come at any row.

    ``content``, if given, is what the file holds (stdin's, for the path "-"). Options left as None are the
    reader's defaults. A file that yields no pair at all is an error too: it is most likely in another format
    than the one it was read as.
    """
    read = reader(fmt)
    given = {k: v for k, v in options.items() if v is not None}
    name = display_name(path)
    count = 0
    try:
        with _opened(path, content) as stream:
            for pair in read(stream, name, **given):
                count += 1
                yield pair
    except OSError as exc:
        raise GlossaryError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if not count:
        raise FormatError(
            f"{name}: no Chinese-English pairs in it, read as {fmt} (pass --format if it is another format)"
        )


def read_head(path: str, size: int = 8192, *, content: bytes | None = None) -> bytes:
    try:
        with _opened(path, content) as stream:
            return stream.read(size)
    except OSError as exc:
        raise GlossaryError(f"{display_name(path)}: cannot read ({exc.strerror or exc})") from exc


def display_name(path: str) -> str:
    """A path as messages name it (stdin's content is what the caller passes as ``content``)."""
    return STDIN_NAME if path == STDIN else path


def _opened(path: str, content: bytes | None) -> BinaryIO:
    return io.BytesIO(content) if content is not None else open(path, "rb")
