"""The glossary against a reference list: where they disagree, for a translator to review. Pure: no database.

A glossary pair (not rejected) disagrees when the reference has its Chinese term with other English only
("english": the glossary says 智能体 = intelligent agent, the reference 智能体 = agent) or its English with
other Chinese only ("chinese"). A reference pair the glossary has rejected is a disagreement too ("rejected").
Terms are compared by their keys, so 後訓練 / Post-Training match 后训练 / post-training.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Entry, ImportedPair
from ..normalize import en_key, zh_key


@dataclass(frozen=True)
class Difference:
    kind: str  # english, chinese or rejected
    zh: str  # the glossary's pair
    en: str
    status: str
    reference_zh: str  # the reference pair it disagrees with
    reference_en: str
    reference_where: str


@dataclass(frozen=True)
class Comparison:
    differences: tuple[Difference, ...]
    reference_pairs: int  # distinct pairs in the reference
    agreed: int  # reference pairs the glossary has (not rejected)
    missing: int  # reference pairs the glossary does not have at all
    rejected: int = 0  # reference pairs the glossary has rejected: with the two above, every reference pair


def compare(entries: Iterable[Entry], reference: Iterable[ImportedPair]) -> Comparison:
    by_zh: dict[str, list[ImportedPair]] = defaultdict(list)
    by_en: dict[str, list[ImportedPair]] = defaultdict(list)
    reference_keys: dict[tuple[str, str], ImportedPair] = {}
    for pair in reference:
        keys = (zh_key(pair.zh), en_key(pair.en))
        if keys not in reference_keys:
            reference_keys[keys] = pair
            by_zh[keys[0]].append(pair)
            by_en[keys[1]].append(pair)
    differences: list[Difference] = []
    held: dict[tuple[str, str], str] = {}
    for entry in entries:
        zh, en = zh_key(entry.zh), en_key(entry.en)
        held[(zh, en)] = entry.status
        if entry.status == "rejected":
            disagreeing = [reference_keys[(zh, en)]] if (zh, en) in reference_keys else []
            kind = "rejected"
        elif (zh, en) in reference_keys:
            continue
        else:
            differences.extend(_difference("english", entry, p) for p in by_zh.get(zh, ()))
            disagreeing, kind = list(by_en.get(en, ())), "chinese"
        differences.extend(_difference(kind, entry, p) for p in disagreeing)
    agreed = sum(1 for keys in reference_keys if held.get(keys) not in (None, "rejected"))
    missing = sum(1 for keys in reference_keys if keys not in held)
    rejected = len(reference_keys) - agreed - missing
    return Comparison(tuple(differences), len(reference_keys), agreed, missing, rejected)


def _difference(kind: str, entry: Entry, pair: ImportedPair) -> Difference:
    return Difference(kind, entry.zh, entry.en, entry.status, pair.zh, pair.en, pair.where)
