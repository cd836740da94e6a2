"""The schema comes only from migrations; data/schema.sql pins it and creates new glossaries; old databases upgrade;
foreign ones are refused."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time

import pytest
from sqlite_utils import Database

from glossary.errors import NewerSchemaError, NotAGlossaryError
from glossary.migrations import MIGRATIONS, schema_sql
from glossary.normalize import en_key
from glossary.store import SCHEMA_VERSION, execute_statements, open_glossary

from .conftest import FIXTURES, ROOT


def fresh_schema() -> str:
    db = Database(memory=True, execute_plugins=False)
    MIGRATIONS.apply(db)
    return schema_sql(db)


def test_schema_sql_is_generated_from_migrations():
    pinned = (ROOT / "glossary" / "data" / "schema.sql").read_text(encoding="utf-8")
    assert fresh_schema() == pinned, "glossary/data/schema.sql is stale: python -m glossary.migrations"


def test_a_new_glossary_holds_what_the_migrations_build(db_path):
    """open_glossary creates a new database from data/schema.sql rather than migrating it: the same objects, the
    same rows (the lookup positions) and a record of every migration, so that a later migration finds it."""
    open_glossary(db_path).close()
    created = Database(db_path, execute_plugins=False)
    assert schema_sql(created) == fresh_schema()
    every = [m.name for m in MIGRATIONS.pending(Database(memory=True, execute_plugins=False))]
    assert [m.name for m in MIGRATIONS.applied(created)] == every
    assert not MIGRATIONS.pending(created)


def test_two_processes_creating_one_glossary_both_open_it(db_path, monkeypatch):
    """Two first runs at once (a Makefile with -j): the one that finds the file empty while the other creates
    it waits for the other's transaction, then finds the glossary made instead of failing on its tables."""
    monkeypatch.setenv("GLOSSARY_BUSY_TIMEOUT", "30")  # however slow the machine, the wait ends at the COMMIT
    first = sqlite3.connect(db_path, isolation_level=None)
    first.execute("BEGIN IMMEDIATE")  # the first process, creating the glossary
    opened: dict[str, object] = {}

    def second() -> None:
        try:
            with open_glossary(db_path) as g:
                opened["version"] = g.execute("PRAGMA user_version").fetchone()[0]
        except Exception as exc:
            opened["error"] = exc

    thread = threading.Thread(target=second)
    thread.start()
    time.sleep(0.5)  # the second has read the empty file by now, and waits for the lock (either order must work)
    execute_statements(first, (ROOT / "glossary" / "data" / "schema.sql").read_text(encoding="utf-8"))
    first.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    first.execute("COMMIT")
    thread.join()
    first.close()
    assert opened == {"version": SCHEMA_VERSION}


def test_schema_version_counts_the_migrations():
    db = Database(memory=True, execute_plugins=False)
    assert len(MIGRATIONS.pending(db)) == SCHEMA_VERSION


def test_new_database_is_migrated_and_in_wal_mode(db_path):
    with open_glossary(db_path) as g:
        assert g.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert g.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        applied = [r[0] for r in g.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [m.name for m in MIGRATIONS.pending(Database(memory=True, execute_plugins=False))]


def test_old_version_database_upgrades_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "glossary-v1.db", path)
    with open_glossary(path) as g:
        entries = {(e.zh, e.en): e for e in g.entries()}
        assert g.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert set(entries) == {("预训练阶段", "pre-training stage"), ("大语言模型", "large language model")}
    llm = entries[("大语言模型", "large language model")]
    assert (llm.abbr, llm.status, llm.note, llm.tags) == ("LLM", "approved", "note", ("llm",))
    assert entries[("预训练阶段", "pre-training stage")].example == "预训练阶段(pre-training stage)是第一步。"


def test_terms_stored_under_an_old_key_move_to_the_new_one(db_path):
    """m006: zh_key now drops the space between Chinese and Latin letters and simplifies to a fixed point; a
    schema 5 glossary may hold terms (and aliases and suppressions) under older keys, which must move, folding
    into a term already stored under the new key."""
    with open_glossary(db_path) as g:
        g.add("CAP定理", "CAP theorem", note="kept")
        g.add("t分布", "Student's t-distribution")
        # Written as schema 5's zh_key left them, around today's zh_key.
        g.execute(
            "INSERT INTO terms (zh, pinyin, pinyin_key, initials, created, updated) VALUES ('CAP 定理', "
            "'CAP dìng lǐ', 'capdingli', 'cdl', 'x', 'x')"
        )
        spaced = g.execute("SELECT id FROM terms WHERE zh = 'CAP 定理'").fetchone()[0]
        english = g.execute("SELECT english_id FROM pairs").fetchone()[0]
        g.execute(
            "INSERT INTO pairs (term_id, english_id, status, origin, first_seen, last_seen, updated) "
            "VALUES (?, ?, 'candidate', 'manual', 'x', 'x', 'x')",
            [spaced, english],
        )
        g.execute(
            "INSERT INTO terms (zh, pinyin, pinyin_key, initials, created, updated) VALUES ('Z 缓冲', "
            "'Z huǎn chōng', 'zhuanchong', 'zhc', 'x', 'x')"
        )
        g.execute(
            "INSERT INTO pairs (term_id, english_id, status, origin, first_seen, last_seen, updated) "
            "VALUES ((SELECT id FROM terms WHERE zh = 'Z 缓冲'), ?, 'candidate', 'manual', 'x', 'x', 'x')",
            [english],
        )
        g.execute(
            "INSERT INTO terms (zh, pinyin, pinyin_key, initials, created, updated) VALUES ('苧麻', "
            "'zhù má', 'zhuma', 'zm', 'x', 'x')"  # schema 5 simplified 苧 once; it simplifies on to 苎
        )
        g.execute(
            "INSERT INTO pairs (term_id, english_id, status, origin, first_seen, last_seen, updated) "
            "VALUES ((SELECT id FROM terms WHERE zh = '苧麻'), ?, 'candidate', 'manual', 'x', 'x', 'x')",
            [english],
        )
        g.execute("INSERT INTO term_aliases (zh, term_id) VALUES ('t 分布', (SELECT id FROM terms WHERE zh = 't分布'))")
        g.execute("INSERT INTO suppressed (zh, en_key, created) VALUES ('p 值', 'pvalue', 'x')")
        g.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_layout_space_keys'")
        g.execute("PRAGMA user_version = 5")
    with open_glossary(db_path) as g:
        keys = {r[0] for r in g.execute("SELECT zh FROM terms")}
        assert keys == {"CAP定理", "t分布", "Z缓冲", "苎麻"}
        (cap,) = [e for e in g.entries() if e.zh == "CAP定理"]
        assert (cap.en, cap.note) == ("CAP theorem", "kept")  # the two pairs folded into one
        assert g.execute("SELECT count(*) FROM pairs").fetchone()[0] == 4
        assert g.find_pairs("t 分布")  # an alias under its new key
        assert {r[0] for r in g.execute("SELECT zh FROM term_aliases")} == {"t分布"}
        assert {r[0] for r in g.execute("SELECT zh FROM suppressed")} == {"p值"}
        assert g.execute("SELECT pinyin_key FROM terms WHERE zh = 'Z缓冲'").fetchone()[0] == "zhuanchong"


def test_a_term_spaced_beside_a_greek_letter_moves_to_its_new_key(db_path):
    """m007: zh_key drops the space between Chinese and a Greek letter, as beside a Latin one."""
    with open_glossary(db_path) as g:
        g.add("φ函数", "phi function")
        _old_key_term(g, "φ 函数", en_key("phi function"), note="kept")
        _old_key_term(g, "μ 律压缩", en_key("mu-law companding"))
        g.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_greek_layout_keys'")
        g.execute("PRAGMA user_version = 6")
    with open_glossary(db_path) as g:
        assert dict(g.execute("SELECT zh, note FROM terms").fetchall()) == {"φ函数": "kept", "μ律压缩": None}
        assert [e.en for e in g.entries() if e.zh == "φ函数"] == ["phi function"]  # the two pairs folded into one


def test_a_term_spaced_beside_a_letter_with_a_diacritic_moves_to_its_new_key(db_path):
    """m014: zh_key drops the space between Chinese and a Latin letter with a diacritic, as beside any other."""
    with open_glossary(db_path) as g:
        _old_key_term(g, "Poincaré 嵌入", en_key("Poincaré embeddings"), note="kept")
        g.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_accented_layout_keys'")
        g.execute("PRAGMA user_version = 13")
    with open_glossary(db_path) as g:
        assert dict(g.execute("SELECT zh, note FROM terms").fetchall()) == {"Poincaré嵌入": "kept"}
        assert g.find_pairs("Poincaré 嵌入")  # looked up as written, spaced


def test_rekeying_two_curated_pairs_keeps_the_later_decision_and_both_notes(db_path):
    """Where a spaced key and today's key both hold a pair a person decided on, the fold loses neither."""
    with open_glossary(db_path) as g:
        g.add("φ函数", "phi function")
        _old_key_term(g, "φ 函数", en_key("phi function"), note="spaced")
        g.execute("UPDATE terms SET note = 'own' WHERE zh = 'φ函数'")
        g.execute(
            "UPDATE pairs SET curated = 1, status = 'rejected', note = 'rejected: too short', updated = '2026-01-01' "
            "WHERE term_id = (SELECT id FROM terms WHERE zh = 'φ函数')"
        )
        g.execute(
            "UPDATE pairs SET curated = 1, status = 'approved', note = 'checked', updated = '2026-06-01' "
            "WHERE term_id = (SELECT id FROM terms WHERE zh = 'φ 函数')"
        )
        g.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_greek_layout_keys'")
        g.execute("PRAGMA user_version = 6")
    with open_glossary(db_path) as g:
        assert [tuple(r) for r in g.execute("SELECT zh, note FROM terms")] == [("φ函数", "own\nspaced")]
        assert [tuple(r) for r in g.execute("SELECT status, curated, note FROM pairs")] == [
            ("approved", 1, "rejected: too short\nchecked")
        ]


def _old_key_term(g, zh: str, en_key: str, *, origin: str = "manual", note: str | None = None) -> None:
    """A term stored as schema 5 would have it (a key today's zh_key would not give), with one pair."""
    g.execute(
        "INSERT INTO terms (zh, pinyin, pinyin_key, initials, note, created, updated) "
        "VALUES (?, '', '', '', ?, 'x', 'x')",
        [zh, note],
    )
    english = g.execute("SELECT id FROM english WHERE key = ?", [en_key]).fetchone()
    if english is None:
        g.execute("INSERT INTO english (key, display) VALUES (?, ?)", [en_key, en_key])
        english = g.execute("SELECT id FROM english WHERE key = ?", [en_key]).fetchone()
    g.execute(
        "INSERT INTO pairs (term_id, english_id, status, origin, first_seen, last_seen, updated) "
        "VALUES ((SELECT id FROM terms WHERE zh = ?), ?, 'candidate', ?, 'x', 'x', 'x')",
        [zh, english[0], origin],
    )


def _downgrade_to_schema_5(g) -> None:
    g.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_layout_space_keys'")
    g.execute("PRAGMA user_version = 5")


def test_rekeying_keeps_what_people_decided(db_path):
    """A merge (alias), a rejection (suppression) and a note survive m006's folding."""
    with open_glossary(db_path) as g:
        g.add("布鲁尔定理", "Brewer's theorem")
        g.add("CAP定理", "CAP theorem")
        g.merge_terms("CAP定理", "布鲁尔定理")  # CAP定理 is now an alias of 布鲁尔定理
        _old_key_term(g, "CAP 定理", "captheorem", note="from the CAP paper")
        g.add("t分布", "t distribution")
        _old_key_term(g, "p 值", "pvalue", origin="extracted")
        g.execute("INSERT INTO suppressed (zh, en_key, created) VALUES ('p值', 'pvalue', 'x')")
        _downgrade_to_schema_5(g)
    with open_glossary(db_path) as g:
        terms = {r[0]: r[1] for r in g.execute("SELECT zh, note FROM terms")}
        assert "CAP定理" not in terms and "CAP 定理" not in terms  # folded where the person's merge points
        assert terms["布鲁尔定理"] == "from the CAP paper"
        assert {e.en for e in g.entries() if e.zh == "布鲁尔定理"} == {"Brewer's theorem", "CAP theorem"}
        assert "p值" not in terms and "p 值" not in terms  # the suppressed pair does not come back
        assert g.execute("PRAGMA foreign_key_check").fetchall() == []


def _schema_9_english(g, rows) -> None:
    """Pairs added as schema 9 stored them: each English form under its earlier key (ids in this order)."""
    for zh, en, key, note in rows:
        g.add(zh, en, note=note)
        g.execute("UPDATE english SET key = ? WHERE key = ?", [key, en_key(en)])


def _downgrade_to_schema_9(g) -> None:
    g.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_english_plural_keys'")
    g.execute("PRAGMA user_version = 9")


def test_english_stored_under_an_earlier_plural_key_moves_to_the_new_one(db_path):
    """m010: en_key reads the s of GPUs as an ending (schema 9 kept -us), and the e of caches and the es of
    biases are kept and dropped as the singular's: forms of one English stored apart fold into one, notes and a
    person's spelling kept."""
    with open_glossary(db_path) as g:
        _schema_9_english(
            g,
            [
                ("偏差", "biases", "biase", "plural"),
                ("偏差", "bias", "bia", "a person's"),
                ("键值缓存", "KV caches", "kvcach", None),
                ("键值缓存", "KV cache", "kvcache", "cache, singular"),
                ("图形处理器", "GPUs", "gpus", None),
                ("图形处理器", "GPU", "gpu", None),
            ],
        )
        g.execute("UPDATE english SET written = NULL WHERE display IN ('bias', 'GPU')")  # as extraction leaves them
        _downgrade_to_schema_9(g)
    with open_glossary(db_path) as g:
        assert sorted(r[0] for r in g.execute("SELECT key FROM english")) == ["bia", "gpu", "kvcache"]
        pairs = {(e.zh, e.en): e for e in g.entries()}
        # into the form that keeps its key; where a person wrote only the other, it shows what they wrote
        assert set(pairs) == {("偏差", "biases"), ("键值缓存", "KV cache"), ("图形处理器", "GPUs")}
        assert pairs[("偏差", "biases")].note == "a person's\nplural"
        assert pairs[("键值缓存", "KV cache")].note == "cache, singular"
        for query in ("gpus", "GPU"):
            assert [(h.entry.zh, h.entry.en) for h in g.lookup(query, exact=True).hits] == [("图形处理器", "GPUs")]
        assert g.execute("PRAGMA foreign_key_check").fetchall() == []


def test_english_moving_onto_a_key_a_person_merged_folds_where_they_merged_it(db_path):
    with open_glossary(db_path) as g:
        g.add("显卡", "graphics card")
        g.add("图形处理器", "GPU")
        g.merge_english("GPU", "graphics card")  # the key gpu is an alias of graphics card
        g.execute("INSERT INTO english (key, display) VALUES ('gpus', 'GPUs')")  # and schema 9 kept GPUs apart
        g.execute(
            "INSERT INTO pairs (term_id, english_id, status, origin, first_seen, last_seen, updated) VALUES "
            "((SELECT id FROM terms WHERE zh = '图形处理器'), (SELECT id FROM english WHERE key = 'gpus'), "
            "'candidate', 'extracted', 'x', 'x', 'x')"
        )
        _downgrade_to_schema_9(g)
    with open_glossary(db_path) as g:
        assert [r[0] for r in g.execute("SELECT display FROM english")] == ["graphics card"]
        assert [g.entry(i).en for i in g.find_pairs("图形处理器", "GPUs")] == ["graphics card"]
        assert [tuple(r) for r in g.execute("SELECT key FROM english_aliases")] == [("gpu",)]


def test_english_merged_crosswise_folds_into_one_form(db_path):
    """Two people merged opposite ways (KV cache into key-value caches, key-value cache into KV caches): each
    form's new key is an alias of the other."""
    with open_glossary(db_path) as g:
        _schema_9_english(
            g, [("键值缓存", "key-value caches", "keyvaluecach", None), ("键值缓存", "KV caches", "kvcach", None)]
        )
        g.execute("INSERT INTO english_aliases SELECT 'kvcache', id FROM english WHERE key = 'keyvaluecach'")
        g.execute("INSERT INTO english_aliases SELECT 'keyvaluecache', id FROM english WHERE key = 'kvcach'")
        _downgrade_to_schema_9(g)
    with open_glossary(db_path) as g:
        assert [(e.zh, e.en) for e in g.entries()] == [("键值缓存", "key-value caches")]
        assert g.find_pairs("键值缓存", "KV cache") == g.find_pairs("键值缓存", "key-value cache")
        assert g.execute("PRAGMA foreign_key_check").fetchall() == []


def test_rejections_and_approvals_survive_english_rekeying(db_path):
    """A rejection stored under schema 9's key holds under the new one; where it now names a pair a person
    approved (rm bias, then approve biases: one English now), the approval stands."""
    with open_glossary(db_path) as g:
        _schema_9_english(g, [("偏置", "biases", "biase", None), ("权重", "GPUs", "gpus", None)])
        g.execute(
            "UPDATE pairs SET status = 'approved', curated = 1 WHERE term_id = (SELECT id FROM terms WHERE zh = '偏置')"
        )
        for zh, key in [("偏置", "bia"), ("偏见", "biase"), ("显卡", "gpus")]:  # rm 偏置 bias, rm 偏见 biases ...
            g.execute("INSERT INTO suppressed (zh, en_key, created) VALUES (?, ?, 'x')", [zh, key])
        _downgrade_to_schema_9(g)
    with open_glossary(db_path) as g:
        suppressed = {tuple(r) for r in g.execute("SELECT zh, en_key FROM suppressed")}
        assert {("偏见", "bia"), ("显卡", "gpu")} <= suppressed  # rejections hold under the new keys
        assert ("偏置", "bia") not in suppressed  # the approval stands
        assert [(e.zh, e.en, e.status) for e in g.entries() if e.zh == "偏置"] == [("偏置", "biases", "approved")]


def test_terms_are_read_again_with_the_corrected_pinyin(db_path):
    """m011: 微调 was stored wēi diào (pypinyin alone), and lookup weitiao found nothing."""
    with open_glossary(db_path) as g:
        g.add("指令微调", "instruction tuning")
        g.add("模型", "model")
        g.execute(
            "UPDATE terms SET pinyin = 'zhǐ lìng wēi diào', pinyin_key = 'zhilingweidiao', initials = 'zlwd' "
            "WHERE zh = '指令微调'"
        )
        g.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_pinyin_corrections'")
        g.execute("PRAGMA user_version = 10")
    with open_glossary(db_path) as g:
        (entry,) = [e for e in g.entries() if e.zh == "指令微调"]
        assert entry.pinyin == "zhǐ lìng wēi tiáo"
        assert [h.entry.zh for h in g.lookup("zhilingweitiao").hits] == ["指令微调"]
        assert [h.entry.zh for h in g.lookup("zlwt").hits] == ["指令微调"]
        assert g.execute("SELECT count(*) FROM terms_fts WHERE terms_fts MATCH 'weitiao'").fetchone()[0] == 1
        # a reading a person gave is left alone by a later reading of every term
        g.set_pinyin("模型", "mu2 xing2")
        assert g.reread_pinyin() == 0 and {e.zh: e.pinyin for e in g.entries()}["模型"] == "mú xíng"


def test_terms_are_read_again_with_dictionary_tones(db_path):
    """m013: 因子 was stored yīn zi, pypinyin's neutral 子 of a word it lacks, where CC-CEDICT reads yīn zǐ."""
    with open_glossary(db_path) as g:
        g.add("因子", "factor")
        g.execute("UPDATE terms SET pinyin = 'yīn zi' WHERE zh = '因子'")
        g.execute("DELETE FROM _sqlite_migrations WHERE name = 'm013_pinyin_tones'")
        g.execute("PRAGMA user_version = 12")
    with open_glossary(db_path) as g:
        assert [e.pinyin for e in g.entries() if e.zh == "因子"] == ["yīn zǐ"]


def test_newer_schema_is_refused_and_left_untouched(db_path):
    open_glossary(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('glossary', 'm999_future', 'x')"
    )
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer glossary"):
        open_glossary(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("readonly", [False, True])
def test_other_sqlite_database_is_refused_untouched(tmp_path, readonly):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAGlossaryError, match="not a glossary"):
        open_glossary(path, readonly=readonly)
    assert path.read_bytes() == before
    assert not (tmp_path / "other.db-wal").exists()


def test_non_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("预训练阶段 is not a database\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NotAGlossaryError, match="not SQLite"):
        open_glossary(path)
    assert path.read_bytes() == before


def test_corrupt_database_is_reported_in_one_line(db_path):
    with open_glossary(db_path) as g:
        g.add("后训练", "post-training")
        g.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the magic header, wreck the schema page
    db_path.write_bytes(bytes(data))
    damaged = r"is damaged \(database disk image is malformed\); it was left untouched"
    with pytest.raises(NotAGlossaryError, match=damaged), open_glossary(db_path) as g:
        list(g.entries())
    assert db_path.read_bytes() == bytes(data)
