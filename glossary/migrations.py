"""The glossary schema, built only by these migrations (append-only: never edit one that has shipped).

Each migration runs in one transaction together with its record in ``_sqlite_migrations``. A new glossary is not
migrated step by step: the store creates it from ``glossary/data/schema.sql``, the script these migrations come to
(``python -m glossary.migrations`` writes it from a freshly migrated database; a test pins the two together), in
one transaction and without importing sqlite-utils. Only a database of an older schema runs migrations.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .store import execute_statements

MIGRATIONS = Migrations("glossary")


@MIGRATIONS()
def m001_create_glossary(db: Database) -> None:
    execute_statements(
        db.conn,
        """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,          -- absolute path, or stdin:<sha256 prefix>
    sha256 TEXT NOT NULL,               -- of the decoded text
    title TEXT,
    encoding TEXT NOT NULL,
    format TEXT NOT NULL,               -- txt, md, html
    chars INTEGER NOT NULL,
    text TEXT NOT NULL,                 -- the decoded text that occurrence offsets point into
    extractor TEXT NOT NULL,            -- extractor version that produced this document's evidence
    first_ingested TEXT NOT NULL,
    last_ingested TEXT NOT NULL
);

-- One concept per row, keyed by its simplified Chinese; the surface forms seen are in the view term_forms.
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    zh TEXT NOT NULL UNIQUE,
    pinyin TEXT NOT NULL,               -- tone marks: hòu xùn liàn
    pinyin_key TEXT NOT NULL,           -- toneless, no spaces: houxunlian
    initials TEXT NOT NULL,             -- hxl
    search TEXT NOT NULL DEFAULT '',    -- tokens for full-text search (see normalize.search_tokens)
    note TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX terms_pinyin_key ON terms(pinyin_key);
CREATE INDEX terms_initials ON terms(initials);

-- An English form, shared by every term it translates; key ignores case, hyphens, spaces and plural.
CREATE TABLE english (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    display TEXT NOT NULL,              -- the most frequent surface form
    is_abbr INTEGER NOT NULL DEFAULT 0
);

-- A Chinese-English pair: the unit of curation.
CREATE TABLE pairs (
    id INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES terms(id),
    english_id INTEGER NOT NULL REFERENCES english(id),
    abbr TEXT,
    status TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'approved', 'rejected')),
    origin TEXT NOT NULL CHECK (origin IN ('extracted', 'derived', 'manual', 'imported')),
    curated INTEGER NOT NULL DEFAULT 0, -- a person decided: extraction never changes or removes this row
    confidence REAL NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 1),
    count INTEGER NOT NULL DEFAULT 0,   -- occurrences in documents
    note TEXT,
    tags TEXT NOT NULL DEFAULT '[]',    -- JSON list
    source TEXT,                        -- the file a pair was imported from
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (term_id, english_id)
);
CREATE INDEX pairs_english ON pairs(english_id);
CREATE INDEX pairs_status ON pairs(status);

-- Evidence: where a pair was seen. Derived pairs point at the pair they were derived from.
CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,             -- offsets of the Chinese term in documents.text
    end INTEGER NOT NULL,
    line INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    zh_surface TEXT NOT NULL,           -- as written (traditional stays traditional)
    en_surface TEXT NOT NULL,
    pattern TEXT NOT NULL,
    confidence REAL NOT NULL,
    parent_pair_id INTEGER REFERENCES pairs(id) ON DELETE SET NULL
);
CREATE INDEX occurrences_pair ON occurrences(pair_id);
CREATE INDEX occurrences_document ON occurrences(document_id);

-- Later names for a merged term or English form, so a re-extraction lands on the merged row.
CREATE TABLE term_aliases (
    zh TEXT PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE
);
CREATE TABLE english_aliases (
    key TEXT PRIMARY KEY,
    english_id INTEGER NOT NULL REFERENCES english(id) ON DELETE CASCADE
);

-- Pairs a person removed or edited away: extraction must not bring them back.
CREATE TABLE suppressed (
    zh TEXT NOT NULL,
    en_key TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (zh, en_key)
);

CREATE VIEW term_forms AS
    SELECT p.term_id, o.zh_surface AS form, count(*) AS count
    FROM occurrences o JOIN pairs p ON p.id = o.pair_id
    GROUP BY p.term_id, o.zh_surface;

CREATE VIEW english_forms AS
    SELECT p.english_id, o.en_surface AS form, count(*) AS count
    FROM occurrences o JOIN pairs p ON p.id = o.pair_id
    GROUP BY p.english_id, o.en_surface;
""",
    )


@MIGRATIONS()
def m002_untranslated(db: Database) -> None:
    """Terms awaiting translation: domain terms seen with no English, ranked by termhood (see glossary todo)."""
    execute_statements(
        db.conn,
        """
CREATE TABLE untranslated (
    id INTEGER PRIMARY KEY,
    zh TEXT NOT NULL UNIQUE,            -- as the documents write it
    count INTEGER NOT NULL,             -- occurrences in the corpus
    documents INTEGER NOT NULL,         -- documents it occurs in
    score REAL NOT NULL,                -- termhood, higher first
    example TEXT,                       -- a sentence it occurs in
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    proposed_en TEXT,                   -- an English form the glossary suggests, if any
    updated TEXT NOT NULL
);
CREATE INDEX untranslated_score ON untranslated(score DESC);
""",
    )


@MIGRATIONS()
def m004_search_fts(db: Database) -> None:
    """Full-text search over terms.search (see normalize.search_tokens) for Datasette's search box.

    The tokens are whole words of unicode61 (every part of a Chinese term is one), so ``_search=模型`` finds
    大语言模型. The index is external-content (content=[terms], the form Datasette and sqlite-utils detect) and
    triggers keep it in step with terms; search tokens of existing terms are recomputed first, because this
    version indexes traditional forms, abbreviations and pinyin runs too.
    """
    from .store import reindex_search

    reindex_search(db.conn)
    execute_statements(
        db.conn,
        """
CREATE VIRTUAL TABLE terms_fts USING fts5(
    search, content=[terms], content_rowid=id, tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO terms_fts (terms_fts) VALUES ('rebuild');
CREATE TRIGGER terms_fts_insert AFTER INSERT ON terms BEGIN
    INSERT INTO terms_fts (rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER terms_fts_delete AFTER DELETE ON terms BEGIN
    INSERT INTO terms_fts (terms_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- The store rewrites terms.search on every refresh; only a change of tokens touches the index.
CREATE TRIGGER terms_fts_update AFTER UPDATE OF search ON terms WHEN old.search IS NOT new.search BEGIN
    INSERT INTO terms_fts (terms_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO terms_fts (rowid, search) VALUES (new.id, new.search);
END;
""",
    )


@MIGRATIONS()
def m005_term_uid(db: Database) -> None:
    """A random id per term that is never reused: Anki notes derive their GUID from it. terms.id can be
    reused after a delete (a new term would inherit a removed term's review history), and two glossaries
    number their terms alike (their decks would overwrite each other's notes)."""
    execute_statements(
        db.conn,
        """
ALTER TABLE terms ADD COLUMN uid TEXT;
UPDATE terms SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX terms_uid ON terms(uid);
CREATE TRIGGER terms_uid_insert AFTER INSERT ON terms WHEN new.uid IS NULL BEGIN
    UPDATE terms SET uid = lower(hex(randomblob(16))) WHERE id = new.id;
END;
""",
    )


# Grams for lookup (see glossary.lookup): field 1 holds bigrams of terms.zh, padded with "$" at the end so that a
# one-character query finds the terms ending with it; field 2 holds trigrams of english.key. Triggers compute them
# in plain SQL, so every writer keeps the index right whatever code it runs (the store, Datasette, a sqlite3
# shell). lookup.grams() is the Python twin of these expressions; a test keeps the two in step.
LOOKUP_FIELDS = {
    # field: (table, key column, gram size, the text grams are cut from)
    1: ("terms", "zh", 2, "lower({row}.zh) || '$'"),
    2: ("english", "key", 3, "{row}.key"),
}
LOOKUP_MAX_POSITION = 255  # grams past this position of a (very long) key are not indexed


def lookup_grams_select(field: int, row: str, source: str = "") -> str:
    """SELECT the postings (gram, field, len, id) of one row of a table (NEW, OLD) or, with source, of all rows."""
    _, column, size, text = LOOKUP_FIELDS[field]
    text = text.format(row=row)
    return (
        f"SELECT substr({text}, p.n, {size}), {field}, length({row}.{column}), {row}.id\n"
        f"        FROM lookup_positions p {source}WHERE p.n <= length({text}) - {size - 1}"
    )


@MIGRATIONS()
def m003_lookup_index(db: Database) -> None:
    """Gram postings for fuzzy lookup, kept by triggers; an index for abbreviations typed in any case."""
    execute_statements(
        db.conn,
        """
CREATE TABLE lookup_positions (n INTEGER PRIMARY KEY);  -- 1, 2, ...: where a gram starts in a key

-- Postings: the terms (field 1) and English forms (field 2) that contain a gram. Ordered by key length within a
-- gram, so a length window (a fuzzy match is not much shorter or longer than the query) is one range scan.
CREATE TABLE lookup_grams (
    gram TEXT NOT NULL,
    field INTEGER NOT NULL,             -- 1: bigram of terms.zh, 2: trigram of english.key
    len INTEGER NOT NULL,               -- characters in the whole key
    id INTEGER NOT NULL,                -- terms.id or english.id
    PRIMARY KEY (gram, field, len, id)
) WITHOUT ROWID;

-- How many postings each gram has: the rarest grams of a query are chosen to vote, and these are exact (a count
-- capped to stay fast would make every common gram look alike). Kept by triggers on lookup_grams.
CREATE TABLE lookup_gram_counts (
    gram TEXT NOT NULL,
    field INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (gram, field)
) WITHOUT ROWID;

-- Abbreviations however typed: llm, LLM and L.L.M. meet (lookup.abbr_key is the same expression in Python).
CREATE INDEX pairs_abbr_key ON pairs(lower(replace(replace(replace(abbr, '-', ''), ' ', ''), '.', '')))
    WHERE abbr IS NOT NULL;
""",
    )
    db.execute(
        f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {LOOKUP_MAX_POSITION}) "
        "INSERT INTO lookup_positions SELECT n FROM k"
    )
    for field, (table, _, _, _) in LOOKUP_FIELDS.items():
        # Backfill the rows an older version stored.
        db.execute(
            f"INSERT OR IGNORE INTO lookup_grams (gram, field, len, id) "
            f"{lookup_grams_select(field, table, f'JOIN {table} ')}"
        )
    db.execute("INSERT INTO lookup_gram_counts SELECT gram, field, count(*) FROM lookup_grams GROUP BY gram, field")
    db.execute(
        "CREATE TRIGGER lookup_grams_insert AFTER INSERT ON lookup_grams BEGIN\n"
        "INSERT INTO lookup_gram_counts (gram, field, n) VALUES (NEW.gram, NEW.field, 1)\n"
        "    ON CONFLICT (gram, field) DO UPDATE SET n = n + 1;\nEND"
    )
    db.execute(
        "CREATE TRIGGER lookup_grams_delete AFTER DELETE ON lookup_grams BEGIN\n"
        "UPDATE lookup_gram_counts SET n = n - 1 WHERE gram = OLD.gram AND field = OLD.field;\nEND"
    )
    for field, (table, column, _, _) in LOOKUP_FIELDS.items():
        new, old = lookup_grams_select(field, "NEW"), lookup_grams_select(field, "OLD")
        insert = f"INSERT OR IGNORE INTO lookup_grams (gram, field, len, id)\n    {new};"
        delete = f"DELETE FROM lookup_grams WHERE (gram, field, len, id) IN (\n    {old});"
        db.execute(f"CREATE TRIGGER lookup_{table}_insert AFTER INSERT ON {table} BEGIN\n{insert}\nEND")
        db.execute(f"CREATE TRIGGER lookup_{table}_delete AFTER DELETE ON {table} BEGIN\n{delete}\nEND")
        db.execute(
            f"CREATE TRIGGER lookup_{table}_update AFTER UPDATE OF {column} ON {table} BEGIN\n{delete}\n{insert}\nEND"
        )


@MIGRATIONS()
def m006_layout_space_keys(db: Database) -> None:
    """zh_key drops the space writers put between Chinese and Latin letters or digits (CAP 定理 is CAP定理), and
    simplifies to a fixed point (薴 -> 苧 -> 苎): terms stored under an older key move to the new one, folded into
    a term already there."""
    _rekey_terms(db)


@MIGRATIONS()
def m007_greek_layout_keys(db: Database) -> None:
    """zh_key drops the space between Chinese and a Greek letter too (φ 函数 is φ函数), as it does beside Latin
    letters: terms stored under the spaced key move to the new one (see m006)."""
    _rekey_terms(db)


@MIGRATIONS()
def m008_term_written(db: Database) -> None:
    """The term as a person or a term list wrote it, when that is not its key (監督式學習, keyed 监督式学习): the
    form exports show where no document gives one. Without it, a traditional term base imported and exported
    again came back simplified."""
    execute_statements(db.conn, "ALTER TABLE terms ADD COLUMN written TEXT;")


@MIGRATIONS()
def m009_english_written(db: Database) -> None:
    """The spelling a person added or edited an English form in (Pre-Training, keyed pretraining): the form it
    shows whatever the documents write most. Without it a recount of the evidence put the most frequent spelling
    back, and an edit to another spelling of the same key changed nothing."""
    execute_statements(db.conn, "ALTER TABLE english ADD COLUMN written TEXT;")


@MIGRATIONS()
def m010_english_plural_keys(db: Database) -> None:
    """en_key reads a final s as an ending wherever the key is longer than three and does not end -ss (the s of
    GPUs, APIs and bias alike: schema 9 kept -us and -is), and knows plurals that keep an e (caches), add -es to
    a word ending in s (biases) or change more (matrices): GPU and GPUs, bias and biases, cache and caches,
    matrix and matrices each make one English form now. English forms move to their new keys and fold
    together; aliases and suppressions keep what people decided (see Glossary.rekey_english)."""
    from .store import Glossary

    Glossary(db.conn, _database_path(db)).rekey_english(_en_key_schema_9)


@MIGRATIONS()
def m011_pinyin_corrections(db: Database) -> None:
    """Terms read with pypinyin alone may read wrong where CC-CEDICT knows the word (微调 wēi diào, not wēi tiáo:
    lookup weitiao found nothing); the readings now take data/pinyin_corrections.json, and every term is read
    again."""
    from .store import Glossary

    Glossary(db.conn, _database_path(db)).reread_pinyin()  # (before m012: no reading a person gave yet)


@MIGRATIONS()
def m012_term_pinyin_written(db: Database) -> None:
    """The reading a person gave a term (edit --pinyin: 调参 tiáo cān where pypinyin reads diào cān), which its
    pinyin columns hold and a new reading of every term leaves alone."""
    execute_statements(db.conn, "ALTER TABLE terms ADD COLUMN pinyin_written TEXT;")


@MIGRATIONS()
def m013_pinyin_tones(db: Database) -> None:
    """CC-CEDICT's tones where pypinyin reads a word it lacks character by character in another (因子 was yīn zi,
    标准差 biāo zhǔn chà): data/pinyin_corrections.json holds them now, and every term is read again (but for a
    reading a person gave)."""
    from .store import Glossary

    Glossary(db.conn, _database_path(db)).reread_pinyin()


@MIGRATIONS()
def m014_accented_layout_keys(db: Database) -> None:
    """zh_key drops the space between Chinese and a Latin letter with a diacritic too (Poincaré 嵌入 is
    Poincaré嵌入), as it does beside other Latin letters: terms stored under the spaced key move to the new one
    (see m006)."""
    _rekey_terms(db)


def _en_key_schema_9(text: str) -> str:
    """en_key as glossaries up to schema 9 were keyed with."""
    strip = "*_`\"'“”‘’「」『』《》〈〉【】,;:()[]"
    text = " ".join(unicodedata.normalize("NFKC", text).casefold().replace("’", "'").split())
    words = [w.strip(strip) for w in re.split(r"[\s\-‐‑‒–—_/.·]+", text)]
    key = unicodedata.normalize("NFKC", "".join(w for w in words if w))
    while True:
        shorter = key
        if len(key) > 3 and key.endswith("ies"):
            shorter = key[:-3] + "y"
        elif len(key) > 4 and key.endswith(("sses", "xes", "ches", "shes")):
            shorter = key[:-2]
        elif len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
            shorter = key[:-1]
        shorter = shorter.rstrip(strip)
        if shorter == key:
            return key
        key = shorter


def _database_path(db: Database) -> Path:
    return Path(db.conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:")


def _rekey_terms(db: Database) -> None:
    """Store every term under the key zh_key gives it now (see Glossary.rekey_terms)."""
    from .store import Glossary

    Glossary(db.conn, _database_path(db)).rekey_terms()


def schema_sql(db: Database) -> str:
    """glossary/data/schema.sql: a script that builds what the migrations build, schema and rows alike.

    Every object of the migrated database in a stable order (the full-text index's shadow tables are left to the
    index, which makes them), then the rows the migrations wrote, with each migration's record dated when the
    script runs.
    """
    shadow = {r[1] for r in db.execute("PRAGMA table_list") if r[2] == "shadow"}
    objects = [
        sql
        for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name"
        ).fetchall()
        if name not in shadow
    ]
    rows = []
    for table in db.table_names():
        if table == MIGRATIONS.migrations_table or table in shadow or not db[table].count:
            continue
        quoted = ", ".join(f"quote([{column}])" for column in db[table].columns_dict)  # SQLite's own literals
        values = ["(" + ", ".join(row) + ")" for row in db.execute(f"SELECT {quoted} FROM [{table}]")]
        rows.append(f"INSERT INTO [{table}] VALUES\n{_wrapped(values)}")
    records = MIGRATIONS.migrations_table
    applied = [
        f"({migration_set}, {name}, {_NOW})"
        for migration_set, name in db.execute(
            f"SELECT quote(migration_set), quote(name) FROM {records} WHERE migration_set = ? ORDER BY id",
            [MIGRATIONS.name],
        )
    ]
    rows.append(f"INSERT INTO {records} (migration_set, name, applied_at) VALUES\n{_wrapped(applied)}")
    return "".join(f"{sql};\n\n" for sql in [*objects, *rows]).rstrip("\n") + "\n"


# When the script runs, as sqlite-utils dates a migration it applies (in UTC).
_NOW = "strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')"


def _wrapped(values: list[str], width: int = 112) -> str:
    """Comma-separated, as many to a line as fit, never breaking one (a line break inside a string would be data)."""
    lines: list[list[str]] = [[]]
    for value in values:
        if lines[-1] and len(", ".join([*lines[-1], value])) > width:
            lines.append([])
        lines[-1].append(value)
    return ",\n".join("    " + ", ".join(line) for line in lines)


def write_schema_sql(path: Path = Path(__file__).parent / "data" / "schema.sql") -> None:
    memory = Database(memory=True, execute_plugins=False)
    MIGRATIONS.apply(memory)
    path.write_text(schema_sql(memory), encoding="utf-8")


if __name__ == "__main__":
    write_schema_sql()
