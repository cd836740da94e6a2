"""The glossary_* SQL functions: one definition, registered on the store's connections, cheap to register."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from glossary.sqlfunctions import FUNCTIONS, register

# (SQL, expected) for every function; the Datasette and sqlite-utils tests run the same table.
FUNCTION_CASES = [
    ("SELECT glossary_pinyin('后训练')", "hòu xùn liàn"),
    ("SELECT glossary_pinyin('Transformer架构')", "Transformer jià gòu"),
    ("SELECT glossary_pinyin(NULL)", None),
    ("SELECT glossary_simplified('後訓練')", "后训练"),
    ("SELECT glossary_simplified('獎勵模型 reward model')", "奖励模型 reward model"),
    ("SELECT glossary_simplified(NULL)", None),
    ("SELECT glossary_en_key('Post-Trainings')", "posttraining"),
    ("SELECT glossary_en_key('large language models')", "largelanguagemodel"),
    ("SELECT glossary_en_key(NULL)", None),
    ("SELECT glossary_similarity('pre-training', 'Pretraining')", 1.0),
    ("SELECT glossary_similarity('後訓練', '后训练')", 1.0),
    ("SELECT glossary_similarity('奖励模型', '奖励')", 0.6667),
    ("SELECT glossary_similarity('reward model', 'policy')", 0.2353),
    ("SELECT glossary_similarity('模型', 'model')", 0.0),
    ("SELECT glossary_similarity('模型', NULL)", None),
]


@pytest.mark.parametrize(("sql", "expected"), FUNCTION_CASES)
def test_functions_on_a_plain_connection(sql, expected):
    conn = sqlite3.connect(":memory:")
    register(conn)
    assert conn.execute(sql).fetchone()[0] == expected


@pytest.mark.parametrize(("sql", "expected"), FUNCTION_CASES)
def test_the_store_registers_them(glossary, sql, expected):
    assert glossary.execute(sql).fetchone()[0] == expected


def test_functions_work_over_the_glossary_tables(glossary):
    glossary.add("奖励模型", "reward model")
    glossary.add("獎勵函數", "reward functions")
    rows = glossary.query(
        "SELECT t.zh, glossary_pinyin(t.zh) AS py, glossary_en_key(e.display) AS key "
        "FROM pairs p JOIN terms t ON t.id = p.term_id JOIN english e ON e.id = p.english_id ORDER BY t.zh"
    )
    assert [tuple(r) for r in rows] == [
        ("奖励函数", "jiǎng lì hán shù", "rewardfunction"),
        ("奖励模型", "jiǎng lì mó xíng", "rewardmodel"),
    ]


def test_functions_are_deterministic_so_indexes_may_use_them(glossary):
    glossary.execute("CREATE TEMP TABLE t (en TEXT)")
    glossary.execute("CREATE INDEX temp.t_key ON t (glossary_en_key(en))")
    glossary.execute("INSERT INTO t VALUES ('Pre-Training')")
    assert glossary.execute("SELECT en FROM t WHERE glossary_en_key(en) = 'pretraining'").fetchone()[0] == (
        "Pre-Training"
    )


def test_registering_does_not_import_the_heavy_libraries():
    code = (
        "import sqlite3, sys; from glossary.sqlfunctions import register; register(sqlite3.connect(':memory:')); "
        "print(sorted(m for m in ('rapidfuzz', 'pypinyin', 'opencc') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_function_is_prefixed():
    assert FUNCTIONS and all(name.startswith("glossary_") for name in FUNCTIONS)
