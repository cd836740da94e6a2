"""The glossary against a reference list, compared by keys."""

from __future__ import annotations

from glossary.exchange.diff import Difference, compare
from glossary.model import Entry, ImportedPair


def entry(zh: str, en: str, status: str = "approved") -> Entry:
    return Entry(
        pair_id=0,
        term_id=0,
        zh=zh,
        en=en,
        abbr=None,
        pinyin="",
        status=status,
        origin="imported",
        confidence=1,
        count=0,
    )


def ref(zh: str, en: str, line: int) -> ImportedPair:
    return ImportedPair(zh=zh, en=en, where=f"line {line}")


def test_keys_not_spelling_decide_agreement():
    result = compare(
        [entry("后训练", "post-training"), entry("智能体", "agents", "candidate")],
        [ref("後訓練", "Post Training", 1), ref("智能体", "Agent", 2), ref("智能体", "agent", 3)],
    )
    assert (result.differences, result.reference_pairs, result.agreed, result.missing) == ((), 2, 2, 0)


def test_every_disagreeing_glossary_pair_against_every_reference_pair_it_meets():
    result = compare(
        [
            entry("智能体", "agent"),
            entry("智能体", "intelligent agent", "candidate"),
            entry("代理", "agent", "candidate"),
            entry("汇聚层", "pooling layer", "rejected"),
            entry("汇聚层", "pooling", "rejected"),  # rejected and unknown to the reference: no disagreement
        ],
        [
            ref("智能体", "agent", 1),
            ref("智能体", "agentic system", 2),
            ref("汇聚层", "pooling layer", 3),
            ref("鞍点", "saddle point", 4),
        ],
    )
    assert result.differences == (
        Difference("english", "智能体", "intelligent agent", "candidate", "智能体", "agent", "line 1"),
        Difference("english", "智能体", "intelligent agent", "candidate", "智能体", "agentic system", "line 2"),
        Difference("chinese", "代理", "agent", "candidate", "智能体", "agent", "line 1"),
        Difference("rejected", "汇聚层", "pooling layer", "rejected", "汇聚层", "pooling layer", "line 3"),
    )
    assert (result.reference_pairs, result.agreed, result.missing) == (4, 1, 2)
