"""Ranking lookup hits: exact before prefix before partial; approved before candidates; confident first. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Entry
from .normalize import en_key, zh_key

MATCH_ORDER = {"exact": 0, "prefix": 1, "partial": 2, "fuzzy": 3}
STATUS_ORDER = {"approved": 0, "candidate": 1, "rejected": 2}


@dataclass(frozen=True)
class Hit:
    entry: Entry
    match: str
    score: float


def classify(query: str, entry: Entry) -> str:
    q_zh, q_en = zh_key(query), en_key(query)
    keys = [entry.zh, en_key(entry.en), en_key(entry.abbr or "")]
    plain = query.replace(" ", "").lower()
    if q_zh == entry.zh or (q_en and q_en in keys[1:]) or plain == entry.pinyin.replace(" ", ""):
        return "exact"
    if entry.zh.startswith(q_zh) or (q_en and any(k.startswith(q_en) for k in keys[1:] if k)):
        return "prefix"
    return "partial"


def rank(query: str, entries: Iterable[Entry], *, include_rejected: bool = False) -> list[Hit]:
    hits = [Hit(e, classify(query, e), 1.0) for e in entries if include_rejected or e.status != "rejected"]
    hits.sort(
        key=lambda h: (
            MATCH_ORDER[h.match],
            STATUS_ORDER[h.entry.status],
            -h.entry.confidence,
            -h.entry.count,
            len(h.entry.zh),
            h.entry.zh,
        )
    )
    return hits
