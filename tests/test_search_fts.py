"""Full-text search over terms (m004_search_fts): Chinese of any length, traditional, English, pinyin; in sync."""

from __future__ import annotations

import shutil

import pytest

from glossary.store import open_glossary

from .conftest import FIXTURES
from .test_store import cand, doc

TERMS = [
    ("奖励模型", "reward model", "RM"),
    ("大语言模型", "large language model", "LLM"),
    ("后训练", "post-training", None),
    ("绿波", "green wave", None),
    ("小批量随机梯度下降", "minibatch stochastic gradient descent", None),
]


def search(g, query: str) -> list[str]:
    """What Datasette's search box runs: each word quoted (escape_fts), matched against terms_fts."""
    quoted = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
    rows = g.query(
        "SELECT zh FROM terms WHERE rowid IN (SELECT rowid FROM terms_fts WHERE terms_fts MATCH ?) ORDER BY zh",
        [quoted],
    )
    return [r[0] for r in rows]


def assert_index_matches_terms(g) -> None:
    """FTS5's own check of the index against the terms table: raises (malformed) when they disagree."""
    g.execute("INSERT INTO terms_fts (terms_fts, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def filled(glossary):
    for zh, en, abbr in TERMS:
        glossary.add(zh, en, abbr=abbr)
    return glossary


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("模型", ["大语言模型", "奖励模型"]),  # two characters inside a longer term
        ("奖励", ["奖励模型"]),  # two characters at its start
        ("型", ["大语言模型", "奖励模型"]),  # one character
        ("大语言模型", ["大语言模型"]),  # the whole term
        ("小批量随机梯度下降", ["小批量随机梯度下降"]),
        ("獎勵", ["奖励模型"]),  # traditional, never seen in a document
        ("後訓練", ["后训练"]),
        ("reward", ["奖励模型"]),  # an English word
        ("Rew", ["奖励模型"]),  # the start of one, any case
        ("language model", ["大语言模型"]),  # several words, in any order
        ("stochastic descent", ["小批量随机梯度下降"]),
        ("LLM", ["大语言模型"]),  # an abbreviation
        ("post-training", ["后训练"]),
        ("jiǎng lì", ["奖励模型"]),  # pinyin with tones
        ("jiangli", ["奖励模型"]),  # pinyin typed without spaces or tones
        ("moxing", ["大语言模型", "奖励模型"]),  # a run of syllables inside a term
        ("houxun", ["后训练"]),
        ("lvbo", ["绿波"]),  # ü typed as v
        ("lübo", ["绿波"]),
        ("lubo", ["绿波"]),
        ("训练模型", []),  # not contiguous in any term
        ("rewards model", []),
    ],
)
def test_search_finds_terms_by_any_part(filled, query, found):
    assert search(filled, query) == found


def test_index_follows_edits_merges_and_removals(filled):
    filled.edit("奖励模型", None, new_zh="奖赏模型")
    assert search(filled, "奖赏") == ["奖赏模型"]
    assert search(filled, "奖励") == []
    filled.merge_terms("绿波", "后训练")
    assert search(filled, "绿波") == []
    assert search(filled, "green") == ["后训练"]
    filled.remove("大语言模型")
    assert search(filled, "LLM") == []
    assert_index_matches_terms(filled)


def test_index_follows_extraction(glossary):
    text = "後訓練(post-training)是关键。"
    glossary.replace_document(doc("/c/t.txt", text), [cand(text, "後訓練", "post-training")], "t")
    assert search(glossary, "训练") == ["后训练"]
    glossary.replace_document(doc("/c/t.txt", "没有术语。"), [], "t")
    assert search(glossary, "训练") == []
    assert glossary.query("SELECT count(*) FROM terms_fts")[0][0] == 0
    assert_index_matches_terms(glossary)


def test_unchanged_tokens_do_not_touch_the_index(filled):
    before = filled.query("SELECT count(*) FROM terms_fts_data")[0][0]
    filled.execute("UPDATE terms SET updated = 'x', search = search")
    assert filled.query("SELECT count(*) FROM terms_fts_data")[0][0] == before


def test_an_old_database_is_reindexed_when_upgraded(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "glossary-v1.db", path)
    with open_glossary(path) as g:
        assert search(g, "模型") == ["大语言模型"]
        assert search(g, "LLM") == ["大语言模型"]
        assert search(g, "阶段") == ["预训练阶段"]
        assert_index_matches_terms(g)
