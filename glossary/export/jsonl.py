"""JSON Lines: one object per pair with every field the store reports, and ``written``, the term as the corpus (or
whoever added it) writes it, which zh, its simplified key, may not be."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import BinaryIO

from ..model import Entry


def write_jsonl(entries: Iterable[Entry], dest: BinaryIO) -> int:
    n = 0
    for entry in entries:
        record = dataclasses.asdict(entry)
        record["written"] = entry.written
        dest.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    dest.flush()
    return n
