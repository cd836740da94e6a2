"""The glossary database: the only module that writes SQL.

Opening a database checks that it is a glossary (or empty), refuses a newer schema, applies pending migrations
and switches to WAL so readers never wait for a writer. A document's evidence is replaced in one transaction;
curated pairs (a person approved, rejected, added or edited them) are never changed or removed by extraction.

The read path imports only the standard library: `glossary lookup` must start fast, and sqlite-utils (needed
for migrations) costs ~150 ms to import. It is loaded only when a database needs creating or migrating.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import os
import shlex
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import (
    AmbiguousError,
    BadSettingError,
    DatabaseLockedError,
    FormatError,
    GlossaryError,
    NewerSchemaError,
    NoSuchTermError,
    NotAGlossaryError,
)
from .model import ORIGINS, STATUSES, Candidate, Document, Entry, ImportedPair, Untranslated
from .normalize import (
    LATIN_RE,
    en_key,
    is_abbreviation,
    pinyin_readings,
    search_tokens,
    written_pinyin,
    zh_key,
)
from .sqlfunctions import register as register_sql_functions

if TYPE_CHECKING:
    from .scan import Preferred

DEFAULT_DB = Path("db") / "glossary.db"
# The number of migrations in glossary.migrations; a test keeps the two in step. Stored in PRAGMA user_version
# so the read path can tell an up-to-date database without importing sqlite-utils.
SCHEMA_VERSION = 14
MIGRATION_SET = "glossary"
SQLITE_MAGIC = b"SQLite format 3\x00"
# An abbreviation's key, as the index pairs_abbr_key (migration m003) has it; lookup.abbr_key is its Python twin.
ABBR_KEY_SQL = "lower(replace(replace(replace(abbr, '-', ''), ' ', ''), '.', ''))"
# The keys of surface forms as extraction stores them: the same few thousand strings come again and again.
_zh_key = functools.lru_cache(maxsize=8192)(zh_key)
_en_key = functools.lru_cache(maxsize=8192)(en_key)
# The command that sets each status, for error messages that tell a person what to run (none sets candidate).


def busy_timeout() -> float:
    """Seconds a command waits for another process's write lock (GLOSSARY_BUSY_TIMEOUT, default 10)."""
    value = os.environ.get("GLOSSARY_BUSY_TIMEOUT") or "10"  # (set but empty, as env files do: the default)
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    # A typo would otherwise wait 10 s where 1 or 60 was meant, and say nothing; SQLite takes milliseconds as a
    # C int, and past it waits not at all.
    if not 0 <= seconds <= MAX_BUSY_TIMEOUT:
        raise BadSettingError(
            f"GLOSSARY_BUSY_TIMEOUT={value!r} is not a number of seconds (0 to {MAX_BUSY_TIMEOUT}); set it to e.g. 10"
        )
    return seconds


MAX_BUSY_TIMEOUT = (2**31 - 1) // 1000


def resolve_db_path(option: str | os.PathLike | None = None) -> Path:
    """--db PATH, else $GLOSSARY_DB, else db/glossary.db under the current directory."""
    chosen = option or os.environ.get("GLOSSARY_DB") or DEFAULT_DB
    return Path(chosen).expanduser()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class DocumentSummary:
    document_id: int
    path: str
    pair_ids: frozenset[int]  # the pairs the document is evidence of; ids, so that a run can count them once
    occurrences: int
    new_pair_ids: frozenset[int]  # those of them it created


@dataclass(frozen=True)
class LookupResult:
    hits: list  # list[lookup.Hit], best first
    nearest: list = field(default_factory=list)  # list[lookup.Scored]: closest terms, offered when nothing matched
    hidden: int = 0  # hits left out by the statuses asked for


@dataclass(frozen=True)
class Source:
    path: str
    title: str | None
    encoding: str
    format: str
    chars: int
    pairs: int
    occurrences: int
    first_ingested: str
    last_ingested: str


@dataclass(frozen=True)
class Conflict:
    """An imported pair whose Chinese term the glossary already translated otherwise."""

    zh: str
    en: str
    where: str
    glossary: tuple[str, ...]  # the term's other English forms, as "agent [approved]"


@dataclass(frozen=True)
class ImportReport:
    """What an import did, pair by pair read from the file."""

    source: str
    read: int
    added: int
    updated: int
    unchanged: int
    repeated: int  # the file gave the same pair again
    kept: int  # curated or rejected pairs the file would have changed, left as they were
    suppressed: int  # pairs a person removed, not brought back
    conflicts: tuple[Conflict, ...]


@dataclass
class _Known:
    """What the glossary holds of one document's candidates, read up front in a few queries (Glossary._known).

    Kept up to date as the document's rows are created: nothing else writes during its transaction.
    """

    suppressed: set[tuple[str, str]]  # (Chinese key, English key) a person removed
    terms: dict[str, int]  # key, or alias merges left, -> terms.id
    english: dict[str, int]  # key, or alias, -> english.id
    pairs: dict[tuple[int, int], list]  # (term id, English id) -> [pair id, curated, abbr]


@contextlib.contextmanager
def translate_sqlite_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3's errors about the file itself into one-line GlossaryErrors."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if "locked" in message or "busy" in message:
            raise DatabaseLockedError(
                f"{path} is locked by another process (waited {busy_timeout():g} s); try again when it finishes"
            ) from exc
        if "unable to open" in message or "readonly" in message:
            raise GlossaryError(f"cannot write {path}: {message}") from exc
        raise
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise NotAGlossaryError(
                f"{path} is damaged ({exc}); it was left untouched: a backup, or sqlite3's .recover, may save what "
                "it holds"
            ) from exc
        if "not a database" in str(exc):
            raise NotAGlossaryError(f"{path} is not a glossary database ({exc}); it was left untouched") from exc
        raise


class Glossary:
    """A glossary database. Open it with :func:`open_glossary`."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    # --- opening ------------------------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Glossary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nests through savepoints. The write lock is taken at the start (BEGIN IMMEDIATE)."""
        with translate_sqlite_errors(self.path):
            if self.conn.in_transaction:
                self.conn.execute("SAVEPOINT nested")
                try:
                    yield
                except BaseException:
                    self.conn.execute("ROLLBACK TO nested")
                    self.conn.execute("RELEASE nested")
                    raise
                self.conn.execute("RELEASE nested")
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def execute(self, sql: str, params: Sequence | dict = ()) -> sqlite3.Cursor:
        with translate_sqlite_errors(self.path):
            return self.conn.execute(sql, params)

    def query(self, sql: str, params: Sequence | dict = ()) -> list[sqlite3.Row]:
        return self.execute(sql, params).fetchall()

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> sqlite3.Cursor:
        with translate_sqlite_errors(self.path):
            return self.conn.executemany(sql, rows)

    # --- documents ----------------------------------------------------------------------------------------

    def document_state(self, path: str) -> tuple[str, str] | None:
        """(sha256, extractor version) of a document already ingested under this path, or None."""
        row = self.execute("SELECT sha256, extractor FROM documents WHERE path = ?", [path]).fetchone()
        return (row["sha256"], row["extractor"]) if row else None

    def replace_document(self, doc: Document, candidates: Sequence[Candidate], extractor: str) -> DocumentSummary:
        """Store a document and its candidate pairs, replacing whatever evidence it had. One transaction."""
        return self.replace_documents([(doc, candidates)], extractor)[0]

    def replace_documents(
        self, batch: Sequence[tuple[Document, Sequence[Candidate]]], extractor: str
    ) -> list[DocumentSummary]:
        """:meth:`replace_document` for several documents in one transaction: all of them or none.

        Pairs, English forms and terms are recounted once for the batch rather than after each document, and
        one commit writes the pages they all change: a run of many documents writes in batches.
        """
        stamp = now()
        summaries = []
        with self.transaction():
            touched: set[int] = set()
            for doc, candidates in batch:
                summary, pairs = self._write_document(doc, candidates, extractor, stamp)
                summaries.append(summary)
                touched |= pairs
            self._refresh_pairs(touched, stamp)
        return summaries

    def _write_document(
        self, doc: Document, candidates: Sequence[Candidate], extractor: str, stamp: str
    ) -> tuple[DocumentSummary, set[int]]:
        """A document's row and evidence, replacing its old evidence; (its summary, the pairs whose evidence
        changed), the pairs still to be recounted (_refresh_pairs)."""
        document_id, touched = self._put_document(doc, extractor, stamp)
        keys = [(_zh_key(cand.zh), _en_key(cand.en)) for cand in candidates]
        known = self._known(keys)
        pair_of: dict[int, int] = {}
        created: set[int] = set()
        occurrences: list[list] = []
        for index, (cand, (zh, en)) in enumerate(zip(candidates, keys, strict=True)):
            origin = "derived" if cand.parent is not None else "extracted"
            found = self._pair_for(known, zh, en, cand.en, origin, stamp, abbr=cand.abbr)
            if found is None:
                continue
            pair_id, new = found
            if new:
                created.add(pair_id)
            pair_of[index] = pair_id
            parent = pair_of.get(cand.parent) if cand.parent is not None else None
            occurrences.append(
                [
                    pair_id,
                    document_id,
                    cand.start,
                    cand.end,
                    cand.line,
                    cand.sentence,
                    cand.zh,
                    cand.en,
                    cand.pattern,
                    cand.confidence,
                    parent,
                ]
            )
        # All at once, in candidate order: nothing above reads occurrences back.
        self.executemany(
            "INSERT INTO occurrences (pair_id, document_id, start, end, line, sentence, zh_surface, "
            "en_surface, pattern, confidence, parent_pair_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            occurrences,
        )
        touched.update(pair_of.values())
        summary = DocumentSummary(
            document_id, doc.path, frozenset(pair_of.values()), len(occurrences), frozenset(created)
        )
        return summary, touched

    def _put_document(self, doc: Document, extractor: str, stamp: str) -> tuple[int, set[int]]:
        """Insert or update a document's row, dropping its old evidence: (its id, the pairs that evidence was of)."""
        row = self.execute("SELECT id FROM documents WHERE path = ?", [doc.path]).fetchone()
        fields = [doc.sha256, doc.title, doc.encoding, doc.format, len(doc.text), doc.text, extractor, stamp]
        if row is None:
            document_id = self.execute(
                "INSERT INTO documents (sha256, title, encoding, format, chars, text, extractor, last_ingested, "
                "path, first_ingested) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [*fields, doc.path, stamp],
            ).lastrowid
            assert document_id is not None
            return document_id, set()
        document_id = row["id"]
        touched = {
            r[0] for r in self.query("SELECT DISTINCT pair_id FROM occurrences WHERE document_id = ?", [document_id])
        }
        self.execute("DELETE FROM occurrences WHERE document_id = ?", [document_id])
        self.execute(
            "UPDATE documents SET sha256=?, title=?, encoding=?, format=?, chars=?, text=?, extractor=?, "
            "last_ingested=? WHERE id=?",
            [*fields, document_id],
        )
        return document_id, touched

    def sources(self) -> list[Source]:
        rows = self.query(
            """SELECT d.path, d.title, d.encoding, d.format, d.chars, d.first_ingested, d.last_ingested,
                      count(DISTINCT o.pair_id) AS pairs, count(o.id) AS occurrences
               FROM documents d LEFT JOIN occurrences o ON o.document_id = d.id
               GROUP BY d.id ORDER BY d.path"""
        )
        return [Source(**dict(r)) for r in rows]

    def document_texts(self) -> list[tuple[str, str]]:
        """(path, text) of every ingested document."""
        return [(r["path"], r["text"]) for r in self.query("SELECT path, text FROM documents ORDER BY path")]

    # --- terms, English forms, pairs ----------------------------------------------------------------------

    # Where a key is looked up: (table, key column, alias table, alias id column).
    _TERM_KEYS = ("terms", "zh", "term_aliases", "term_id")
    _ENGLISH_KEYS = ("english", "key", "english_aliases", "english_id")

    def _term_id(self, zh: str, *, create: bool, stamp: str = "") -> int | None:
        key = zh_key(zh)
        return self._keyed_id(self._TERM_KEYS, key, (lambda: self._new_term(key, stamp)) if create else None)

    def _write_form(self, term_id: int, zh: str, *, replace: bool) -> bool:
        """Keep the form a person (``replace``) or a term list (only where none is kept) wrote a term in, 監督式學習
        or 监督式学习 alike: exports write it where no document gives the term a form. Whether it changed."""
        written = zh.strip()
        if zh_key(written) != self.execute("SELECT zh FROM terms WHERE id = ?", [term_id]).fetchone()[0]:
            return False  # a form of an alias merged into this term: not this term's own
        cursor = self.execute(
            "UPDATE terms SET written = ?1 WHERE id = ?2 AND (written IS NULL OR (?3 AND written IS NOT ?1))",
            [written, term_id, replace],
        )
        return cursor.rowcount > 0

    def _write_english(self, english_id: int, en: str, stamp: str) -> bool:
        """Keep the spelling a person wrote an English form in (Pre-Training, for the key pretraining) and show it,
        whatever spelling the documents use most (see _refresh_english). Whether the form shown changed."""
        written = en.strip()
        key, display, kept = self.execute(
            "SELECT key, display, written FROM english WHERE id = ?", [english_id]
        ).fetchone()
        if _en_key(written) != key:
            return False  # a spelling of an alias merged into this form: not this form's own
        if written != kept:
            self.execute("UPDATE english SET written = ?1, display = ?1 WHERE id = ?2", [written, english_id])
        if written == display:
            return False
        # Terms are searched by the words of their English: every term this form translates
        terms = self.query("SELECT DISTINCT term_id FROM pairs WHERE english_id = ?", [english_id])
        self._refresh_terms([r[0] for r in terms], stamp)
        return True

    def _english_id(self, en: str, *, create: bool) -> int | None:
        key = en_key(en)
        return self._keyed_id(self._ENGLISH_KEYS, key, (lambda: self._new_english(key, en)) if create else None)

    def _new_term(self, key: str, stamp: str) -> int:
        term_id = self.execute(
            "INSERT INTO terms (zh, pinyin, pinyin_key, initials, created, updated) VALUES (?,?,?,?,?,?)",
            [key, *pinyin_readings(key), stamp or now(), stamp or now()],
        ).lastrowid
        assert term_id is not None
        return term_id

    def _new_english(self, key: str, en: str) -> int:
        english_id = self.execute(
            "INSERT INTO english (key, display, is_abbr) VALUES (?,?,?)", [key, en.strip(), is_abbreviation(en)]
        ).lastrowid
        assert english_id is not None
        return english_id

    def _keyed_id(self, keyed: tuple[str, ...], key: str, insert: Callable[[], int] | None) -> int | None:
        """The row a key names, directly or through the aliases merges left; created with ``insert`` if given."""
        if not key:
            return None
        found = self._keyed_ids(keyed, [key]).get(key)
        if found is None and insert is not None:
            found = insert()
        return found

    def _keyed_ids(self, keyed: tuple[str, ...], keys: Iterable[str]) -> dict[str, int]:
        """The rows these keys name, directly or through the aliases merges left."""
        table, column, aliases, alias_id = keyed
        keys = list(keys)
        found = {r[0]: r[1] for r in self._rows_in(f"SELECT {column}, {alias_id} FROM {aliases} WHERE {column}", keys)}
        # Read second so that it wins: a row's own key before an alias of the same key.
        found.update((r[0], r[1]) for r in self._rows_in(f"SELECT {column}, id FROM {table} WHERE {column}", keys))
        return found

    def _rows_in(self, sql: str, values: Iterable[str] | Iterable[int]) -> list[sqlite3.Row]:
        """The rows of ``sql ... WHERE column`` IN these values, bound as parameters a chunk at a time.

        Strings are not passed through json_each, which would cut one at a NUL character.
        """
        rows: list[sqlite3.Row] = []
        for chunk in _chunks(sorted(values), 500):
            rows += self.query(f"{sql} IN ({','.join('?' * len(chunk))})", chunk)
        return rows

    def _known(self, keys: Sequence[tuple[str, str]]) -> _Known:
        """What the glossary holds of these (Chinese key, English key) pairs: a few queries for a whole document."""
        zh_keys = {zh for zh, _ in keys}
        suppressed = {(r[0], r[1]) for r in self._rows_in("SELECT zh, en_key FROM suppressed WHERE zh", zh_keys)}
        terms = self._keyed_ids(self._TERM_KEYS, zh_keys - {""})
        english = self._keyed_ids(self._ENGLISH_KEYS, {en for _, en in keys if en})
        rows = self.query(
            "SELECT id, term_id, english_id, curated, abbr FROM pairs "
            "WHERE term_id IN (SELECT value FROM json_each(?)) AND english_id IN (SELECT value FROM json_each(?))",
            [_json_list(terms.values()), _json_list(english.values())],
        )
        pairs = {(r["term_id"], r["english_id"]): [r["id"], r["curated"], r["abbr"]] for r in rows}
        return _Known(suppressed, terms, english, pairs)

    @staticmethod
    def _known_id(ids: dict[str, int], key: str, insert: Callable[[], int]) -> int | None:
        """The id of a key read up front (see _known), else of the row ``insert`` creates for it."""
        if not key:
            return None
        if key not in ids:
            ids[key] = insert()
        return ids[key]

    def _pair_for(
        self, known: _Known, zh: str, en: str, en_text: str, origin: str, stamp: str, *, abbr: str | None = None
    ) -> tuple[int, bool] | None:
        """(pair id, whether it was created) for an extracted pair of these keys; None when a person suppressed it.

        ``en_text`` is the English as written, which a new English form displays.
        """
        if (zh, en) in known.suppressed:
            return None
        term_id = self._known_id(known.terms, zh, lambda: self._new_term(zh, stamp))
        english_id = self._known_id(known.english, en, lambda: self._new_english(en, en_text))
        if term_id is None or english_id is None:
            return None
        found = known.pairs.get((term_id, english_id))
        if found is not None:
            pair_id, curated, stored_abbr = found
            if abbr and not stored_abbr and not curated:
                self.execute("UPDATE pairs SET abbr = ? WHERE id = ?", [abbr, pair_id])
                found[2] = abbr
            return pair_id, False
        pair_id = self.execute(
            "INSERT INTO pairs (term_id, english_id, abbr, status, origin, confidence, first_seen, last_seen, updated) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [term_id, english_id, abbr, "candidate", origin, 0.0, stamp, stamp, stamp],
        ).lastrowid
        assert pair_id is not None
        known.pairs[(term_id, english_id)] = [pair_id, 0, abbr]
        return pair_id, True

    def _refresh_pairs(self, pair_ids: Iterable[int], stamp: str) -> None:
        """Recount evidence of these pairs, drop extracted pairs left without any, tidy what hangs off them."""
        from .extract.score import combine_confidence

        ids = sorted(set(pair_ids))
        if not ids:
            return
        terms: set[int] = set()
        english: set[int] = set()
        dropped: list[list] = []
        recounted: list[list] = []
        counted: list[list] = []
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            pairs = self.query(
                f"SELECT id, term_id, english_id, origin, curated FROM pairs WHERE id IN ({marks})", chunk
            )
            confidences: dict[int, list[float]] = {p["id"]: [] for p in pairs}
            for r in self.query(f"SELECT pair_id, confidence FROM occurrences WHERE pair_id IN ({marks})", chunk):
                confidences[r["pair_id"]].append(r["confidence"])
            for p in pairs:
                terms.add(p["term_id"])
                english.add(p["english_id"])
                seen = confidences[p["id"]]
                if not seen and p["origin"] in ("extracted", "derived") and not p["curated"]:
                    dropped.append([p["id"]])
                elif p["origin"] in ("extracted", "derived"):
                    recounted.append([len(seen), combine_confidence(seen), stamp, p["id"]])
                else:
                    counted.append([len(seen), p["id"]])
        # Each statement changes other rows than the others: grouped, they give what one at a time would.
        self.executemany("DELETE FROM pairs WHERE id = ?", dropped)
        self.executemany("UPDATE pairs SET count = ?, confidence = ?, last_seen = ? WHERE id = ?", recounted)
        self.executemany("UPDATE pairs SET count = ? WHERE id = ?", counted)
        shown_otherwise = self._refresh_english(english)
        # Terms are searched by their English forms' displays: every term whose form shows another spelling now
        terms.update(r[0] for r in self._rows_in("SELECT term_id FROM pairs WHERE english_id", shown_otherwise))
        self._refresh_terms(terms, stamp)

    def _refresh_english(self, ids: Iterable[int]) -> list[int]:
        """Drop English forms no pair uses; show the spelling a person wrote (see _write_english), else the most
        frequent surface form that still has this key.

        Evidence moved by an edit keeps its old wording, which must not vote for the edited form's display.
        """
        listed = [_json_list(ids)]
        rows = self.query(
            "SELECT id, key, display, written FROM english WHERE id IN (SELECT value FROM json_each(?))", listed
        )
        used = {
            r[0]
            for r in self.query(
                "SELECT DISTINCT english_id FROM pairs WHERE english_id IN (SELECT value FROM json_each(?))", listed
            )
        }
        # The view english_forms, written out so that the ids reach the indexes (through the view SQLite would
        # count every occurrence); most frequent first.
        forms: dict[int, list[str]] = {}
        for english_id, form in self.query(
            "SELECT p.english_id, o.en_surface FROM pairs p JOIN occurrences o ON o.pair_id = p.id "
            "WHERE p.english_id IN (SELECT value FROM json_each(?)) "
            "GROUP BY p.english_id, o.en_surface ORDER BY p.english_id, count(*) DESC, o.en_surface",
            listed,
        ):
            forms.setdefault(english_id, []).append(form)
        displays = []
        for english_id, key, display, written in rows:
            best = written or next((form for form in forms.get(english_id, ()) if _en_key(form) == key), None)
            if english_id in used and best and best != display:
                displays.append([best, english_id])
        self.executemany("DELETE FROM english WHERE id = ?", [[r[0]] for r in rows if r[0] not in used])
        self.executemany("UPDATE english SET display = ? WHERE id = ?", displays)
        return [english_id for _, english_id in displays]

    def _refresh_terms(self, ids: Iterable[int], stamp: str) -> None:
        with translate_sqlite_errors(self.path):
            texts = term_search_texts(self.conn, ids)
        self.executemany("DELETE FROM terms WHERE id = ?", [[i] for i, tokens in texts.items() if tokens is None])
        self.executemany(
            "UPDATE terms SET search = ?, updated = ? WHERE id = ?",
            [[tokens, stamp, i] for i, tokens in texts.items() if tokens is not None],
        )

    # --- curation -----------------------------------------------------------------------------------------

    def find_pairs(self, zh: str, en: str | None = None, *, every: bool = False) -> list[int]:
        """Pair ids for a term: all of them, or those ``en`` names.

        An English form named exactly wins over an abbreviation: 区域卷积神经网络 R-CNN is the pair whose English is
        R-CNN while there is one, however many pairs are abbreviated R-CNN. An abbreviation that several pairs
        have is AmbiguousError unless ``every``: acting on all of them would surprise a person who named one.
        """
        term_id = self._term_id(zh, create=False)
        if term_id is None:
            raise NoSuchTermError(f'no term "{zh}" in the glossary; see: glossary lookup {zh}')
        rows = self.query(
            "SELECT p.id, e.key, p.abbr FROM pairs p JOIN english e ON e.id = p.english_id WHERE p.term_id = ? "
            "ORDER BY p.id",
            [term_id],
        )
        if en is None:
            return [r["id"] for r in rows]
        key = en_key(en)
        alias = self.execute(
            "SELECT e.key FROM english_aliases a JOIN english e ON e.id = a.english_id WHERE a.key = ?", [key]
        ).fetchone()
        keys = {key, alias[0]} if alias else {key}
        named = [r["id"] for r in rows if r["key"] in keys]
        if named:
            return named
        abbreviated = [r["id"] for r in rows if r["abbr"] and en_key(r["abbr"]) in keys]
        if not abbreviated:
            have = ", ".join(self.entry(r["id"]).en for r in rows) or "none"
            raise NoSuchTermError(f'"{zh}" has no English form "{en}" (it has: {have})')
        if len(abbreviated) > 1 and not every:
            raise self._ambiguous(zh, abbreviated, f"English forms abbreviated {en}")
        return abbreviated

    def _one_pair(self, zh: str, en: str | None) -> int:
        ids = self.find_pairs(zh, en)
        if len(ids) > 1:
            raise self._ambiguous(zh, ids, "English forms")
        return ids[0]

    def _ambiguous(self, zh: str, ids: list[int], what: str) -> AmbiguousError:
        """'"ZH" has 2 English forms (a, b); name one'."""
        forms = ", ".join(self.entry(i).en for i in ids)
        return AmbiguousError(f'"{zh}" has {len(ids)} {what} ({forms}); name one', zh)

    def add(
        self,
        zh: str,
        en: str,
        *,
        abbr: str | None = None,
        note: str | None = None,
        tags: Sequence[str] = (),
        status: str = "approved",
        origin: str = "manual",
        source: str | None = None,
        confidence: float = 1.0,
    ) -> tuple[str, Entry]:
        """Add a pair by hand (or from an import). An existing pair is updated and becomes curated; the spellings
        given are the ones shown. ("added", "updated" or "unchanged", the pair)."""
        if status not in STATUSES or origin not in ORIGINS:
            raise ValueError(f"bad status/origin {status}/{origin}")
        if not zh_key(zh) or not en_key(en):
            raise GlossaryError("a pair needs both a Chinese term and an English form")
        _check_languages(zh, en, "add")
        _check_abbreviation(abbr, "add")
        stamp = now()
        with self.transaction():
            self.execute("DELETE FROM suppressed WHERE zh = ? AND en_key = ?", [zh_key(zh), en_key(en)])
            term_id = self._term_id(zh, create=True, stamp=stamp)
            english_id = self._english_id(en, create=True)
            assert term_id is not None and english_id is not None  # both keys were checked non-empty
            respelled = self._write_form(term_id, zh, replace=True)
            respelled = self._write_english(english_id, en, stamp) or respelled
            row = self.execute(
                "SELECT * FROM pairs WHERE term_id = ? AND english_id = ?", [term_id, english_id]
            ).fetchone()
            if row:
                pair_id = row["id"]
                update = {
                    "status": status,
                    "curated": 1,
                    "abbr": row["abbr"] if abbr is None else abbr,
                    "note": row["note"] if note is None else note,
                    "tags": json.dumps(list(dict.fromkeys([*json.loads(row["tags"]), *tags])), ensure_ascii=False),
                    "source": row["source"] or source,
                }
                changes = _changed(row, update)
                self._update_pair(pair_id, changes, stamp)
                outcome = "updated" if changes or respelled else "unchanged"
            else:
                pair_id = self.execute(
                    "INSERT INTO pairs (term_id, english_id, abbr, status, origin, curated, confidence, note, tags, "
                    "source, first_seen, last_seen, updated) VALUES (?,?,?,?,?,1,?,?,?,?,?,?,?)",
                    [
                        term_id,
                        english_id,
                        abbr,
                        status,
                        origin,
                        confidence,
                        note,
                        json.dumps(list(tags), ensure_ascii=False),
                        source,
                        stamp,
                        stamp,
                        stamp,
                    ],
                ).lastrowid
                outcome = "added"
            if outcome != "unchanged":
                self._refresh_terms([term_id], stamp)
        return outcome, self.entry(pair_id)

    def import_pairs(self, pairs: Iterable[ImportedPair], *, source: str, status: str | None = None) -> ImportReport:
        """Merge pairs read from a term list: all of them or, if reading fails anywhere, none (one transaction).

        - A new pair gets origin=imported, ``source`` (the file) and the status ``status`` gives, else the
          file's, else candidate; but a pair the file rejects (TBX deprecated) is rejected whatever ``status``.
        - ``status="approved"`` is a person vouching for the list: its approved pairs become curated, as if
          approved by hand. Otherwise an import is data, not a decision, and a later import may update it.
        - A new pair for a Chinese term the glossary already translated otherwise (by a pair not rejected) is a
          conflict: reported, and added as a candidate at most, so that a person decides.
        - A pair the glossary has is left as it is when curated (approved, rejected, added or edited by a
          person) or rejected. Otherwise it takes the file's abbreviation and note when the file gives them,
          gains its tags, and becomes approved or rejected when the file says so; never candidate again.
        - A pair a person removed (rm, or edited away) is not brought back; the same pair twice is one pair.
        """
        if status not in (None, "approved", "candidate"):
            raise ValueError(f"bad import status {status}")
        stamp = now()
        outcomes = dict.fromkeys(("added", "updated", "unchanged", "repeated", "kept", "suppressed"), 0)
        conflicts: list[Conflict] = []
        created: set[int] = set()
        seen: set[int] = set()
        terms: set[int] = set()
        read = 0
        with self.transaction():
            for pair in pairs:
                read += 1
                outcome, term_id = self._import_pair(pair, source, status, stamp, created, seen, conflicts)
                outcomes[outcome] += 1
                if term_id is not None:
                    terms.add(term_id)
            self._refresh_terms(terms, stamp)
        return ImportReport(source=source, read=read, conflicts=tuple(conflicts), **outcomes)

    def _import_pair(
        self,
        pair: ImportedPair,
        source: str,
        status: str | None,
        stamp: str,
        created: set[int],
        seen: set[int],
        conflicts: list[Conflict],
    ) -> tuple[str, int | None]:
        """One row of an import (see import_pairs): its outcome and the term it touched."""
        if not zh_key(pair.zh) or not en_key(pair.en):
            raise FormatError(f"{source}: {pair.where}: a pair needs both a Chinese term and an English form")
        if self.execute(
            "SELECT 1 FROM suppressed WHERE zh = ? AND en_key = ?", [zh_key(pair.zh), en_key(pair.en)]
        ).fetchone():
            return "suppressed", None
        term_id = self._term_id(pair.zh, create=True, stamp=stamp)
        english_id = self._english_id(pair.en, create=True)
        assert term_id is not None and english_id is not None  # both keys were checked non-empty
        new_form = self._write_form(term_id, pair.zh, replace=False)
        row = self.execute("SELECT * FROM pairs WHERE term_id = ? AND english_id = ?", [term_id, english_id]).fetchone()
        wanted = "rejected" if pair.status == "rejected" else status or pair.status or "candidate"
        tags = json.dumps(
            list(dict.fromkeys([*json.loads(row["tags"] if row else "[]"), *pair.tags])), ensure_ascii=False
        )
        if row is None:
            others = self.query(
                "SELECT p.id, e.display, p.status FROM pairs p JOIN english e ON e.id = p.english_id "
                "WHERE p.term_id = ? AND p.status != 'rejected' ORDER BY p.id",
                [term_id],
            )
            others = [r for r in others if r["id"] not in created]
            if others:
                conflicts.append(
                    Conflict(pair.zh, pair.en, pair.where, tuple(f"{r['display']} [{r['status']}]" for r in others))
                )
                wanted = "candidate" if wanted == "approved" else wanted
            pair_id = self.execute(
                "INSERT INTO pairs (term_id, english_id, abbr, status, origin, curated, confidence, note, tags, "
                "source, first_seen, last_seen, updated) VALUES (?,?,?,?,'imported',?,?,?,?,?,?,?,?)",
                [
                    term_id,
                    english_id,
                    pair.abbr,
                    wanted,
                    int(status == "approved" and wanted == "approved"),
                    1.0 if pair.confidence is None else pair.confidence,
                    pair.note,
                    tags,
                    source,
                    stamp,
                    stamp,
                    stamp,
                ],
            ).lastrowid
            assert pair_id is not None
            created.add(pair_id)
            seen.add(pair_id)
            return "added", term_id
        if row["id"] in seen:
            if row["id"] in created:
                self.execute(
                    "UPDATE pairs SET abbr = coalesce(abbr, ?), note = coalesce(note, ?), tags = ? WHERE id = ?",
                    [pair.abbr, pair.note, tags, row["id"]],
                )
            return "repeated", term_id
        seen.add(row["id"])
        update = {
            "abbr": pair.abbr or row["abbr"],
            "note": pair.note or row["note"],
            "tags": tags,
            "status": row["status"] if wanted == "candidate" else wanted,
            "curated": 1 if status == "approved" and wanted == "approved" else row["curated"],
        }
        changes = _changed(row, update)
        if not changes:
            # A written form the term had not is news where it shows: where no document writes the term
            shown = (
                new_form
                and not self.execute(
                    "SELECT 1 FROM pairs p JOIN occurrences o ON o.pair_id = p.id WHERE p.term_id = ? LIMIT 1",
                    [term_id],
                ).fetchone()
            )
            return ("updated" if shown else "unchanged"), term_id
        if row["curated"] or row["status"] == "rejected":
            return "kept", term_id
        self._update_pair(row["id"], changes, stamp)
        return "updated", term_id

    def _update_pair(self, pair_id: int, changes: dict[str, object], stamp: str) -> None:
        """Write these columns of a pair (see _changed), and when it was updated; nothing when there are none."""
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            self.execute(
                f"UPDATE pairs SET {assignments}, updated = ? WHERE id = ?", [*changes.values(), stamp, pair_id]
            )

    def set_status(self, zh: str, en: str | None, status: str, *, every: bool = False) -> list[Entry]:
        """approve / reject: a person's decision, kept through every later extraction."""
        if status not in STATUSES:
            raise ValueError(status)
        ids = self.find_pairs(zh, en, every=every) if (en or every) else [self._one_pair(zh, None)]
        with self.transaction():
            for pair_id in ids:
                self.execute(
                    "UPDATE pairs SET status = ?, curated = 1, updated = ? WHERE id = ?",
                    [status, now(), pair_id],
                )
        return [self.entry(i) for i in ids]

    def edit(
        self,
        zh: str,
        en: str | None,
        *,
        new_zh: str | None = None,
        new_en: str | None = None,
        abbr: str | None = None,
        note: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> Entry:
        """Change one pair. A changed Chinese or English moves the pair, and the old pairing stays suppressed."""
        _check_abbreviation(abbr, "edit")
        pair_id = self._one_pair(zh, en)
        stamp = now()
        with self.transaction():
            old = self.entry(pair_id)
            old_english = self._english_id(old.en, create=False)
            if new_zh is not None or new_en is not None:
                zh_after = new_zh if new_zh is not None else old.zh
                en_after = new_en if new_en is not None else old.en
                _check_languages(zh_after, en_after, "edit")
                term_id = self._term_id(zh_after, create=True, stamp=stamp)
                english_id = self._english_id(en_after, create=True)
                if term_id is None or english_id is None:
                    raise GlossaryError("a pair needs both a Chinese term and an English form")
                if new_zh is not None:
                    self._write_form(term_id, new_zh, replace=True)
                if new_en is not None:
                    self._write_english(english_id, new_en, stamp)
                if (term_id, english_id) != (old.term_id, old_english):
                    # Not merely the same keys written otherwise (監督式學習 for 监督式学习, a capital), where the
                    # pair stays and no suppression keeps extraction from adding evidence to it
                    self._suppress(old.zh, old.en)
                    pair_id = self._move_pair(pair_id, term_id, english_id)
            sets: list[str] = ["curated = 1", "updated = ?"]
            params: list[object] = [stamp]
            for column, value in (("abbr", abbr), ("note", note)):
                if value is not None:
                    sets.append(f"{column} = ?")
                    params.append(value or None)
            if tags is not None:
                sets.append("tags = ?")
                params.append(json.dumps(list(tags), ensure_ascii=False))
            self.execute(f"UPDATE pairs SET {', '.join(sets)} WHERE id = ?", [*params, pair_id])
            self._refresh_pairs([pair_id], stamp)
            if old_english:
                self._refresh_english([old_english])
            self._refresh_terms([old.term_id], stamp)
        return self.entry(pair_id)

    def remove(self, zh: str, en: str | None = None) -> list[Entry]:
        """Delete pairs and their evidence; extraction will not bring them back (use `add` to restore one)."""
        ids = self.find_pairs(zh, en)
        removed = [self.entry(i) for i in ids]
        with self.transaction():
            for entry in removed:
                self._suppress(entry.zh, entry.en)
                self.execute("DELETE FROM pairs WHERE id = ?", [entry.pair_id])
                english_id = self._english_id(entry.en, create=False)
                if english_id:
                    self._refresh_english([english_id])
            self._refresh_terms({e.term_id for e in removed}, now())
        return removed

    def merge_terms(self, source_zh: str, target_zh: str) -> int:
        """Fold term SOURCE into TARGET: its pairs and evidence move, and SOURCE becomes an alias of TARGET."""
        source, target = self._existing_term(source_zh), self._existing_term(target_zh)
        if source == target:
            raise GlossaryError(f'"{source_zh}" and "{target_zh}" are already the same term')
        with self.transaction():
            source_key = self.execute("SELECT zh FROM terms WHERE id = ?", [source]).fetchone()[0]
            moved = self._fold_term(source, target, now())
            self.execute("INSERT OR REPLACE INTO term_aliases (zh, term_id) VALUES (?, ?)", [source_key, target])
        return moved

    def _fold_term(self, source: int, target: int, stamp: str) -> int:
        """Move a term's pairs, evidence, aliases and note (after the target's own) to another term and delete
        it; how many pairs moved. Its uid goes with it: decks made before know it as a note of its own."""
        moved = self.query("SELECT id, english_id FROM pairs WHERE term_id = ?", [source])
        merged = [self._move_pair(p["id"], target, p["english_id"]) for p in moved]
        notes = dict(self.execute("SELECT id, note FROM terms WHERE id IN (?, ?)", [source, target]).fetchall())
        self.execute("UPDATE terms SET note = ? WHERE id = ?", [_joined_notes(notes[target], notes[source]), target])
        self.execute("UPDATE term_aliases SET term_id = ? WHERE term_id = ?", [target, source])
        self.execute("DELETE FROM terms WHERE id = ?", [source])
        self._refresh_pairs(merged, stamp)
        return len(moved)

    def rekey_terms(self) -> int:
        """Store every term, alias and suppression under the key zh_key now gives it; a migration calls this when
        zh_key changes. A term whose new key is another term's is folded into it, as merge_terms would. Returns
        how many terms changed key."""
        stamp = now()
        changed = 0
        with self.transaction():
            # Aliases and suppressions first: a key a person merged into another term (an alias) or rejected (a
            # suppression) keeps that decision under its new key. Where keys now meet, the row there stays.
            for table in ("term_aliases", "suppressed", "untranslated"):
                for (zh,) in self.query(f"SELECT DISTINCT zh FROM {table}"):
                    if (key := zh_key(zh)) != zh:
                        self.execute(f"UPDATE OR IGNORE {table} SET zh = ? WHERE zh = ?", [key, zh])
                        self.execute(f"DELETE FROM {table} WHERE zh = ?", [zh])
            for term_id, zh, written in self.query(f"SELECT id, zh, {self._written_pinyin} FROM terms ORDER BY id"):
                key = zh_key(zh)
                if key == zh:
                    continue
                changed += 1
                owner = self._keyed_ids(self._TERM_KEYS, [key]).get(key)
                if owner is not None and owner != term_id:
                    self._fold_term(term_id, owner, stamp)
                    continue
                self.execute("DELETE FROM term_aliases WHERE zh = ?", [key])  # its own key now
                self.execute(
                    "UPDATE terms SET zh = ?, pinyin = ?, pinyin_key = ?, initials = ?, updated = ? WHERE id = ?",
                    [key, *self._readings(key, written), stamp, term_id],
                )
                self._refresh_terms([term_id], stamp)
            self._drop_suppressed(stamp)
        return changed

    def rekey_english(self, earlier_key: Callable[[str], str]) -> int:
        """Store every English form, alias and suppression under the key en_key now gives it; a migration calls
        this when en_key changes, passing the en_key the glossary was keyed with. Returns how many English
        forms changed key.

        A form's new key comes from its spelling. A form whose new key is taken folds, as merge_english would,
        into the form that keeps that key, else the form a person merged the key into (an alias), else the
        first of the forms moving there; a person's spelling of a folded form is kept where the other has none.
        Aliases and suppressions hold only a key, which stands for every spelling the earlier en_key gave it:
        they are stored under the new keys of those spellings too (a rejected "biase", from biases, under
        "bia" as well). A rejection that now names a pair a person approved (rm bias, approve biases) gives way.
        """
        stamp = now()
        with self.transaction():
            for key, english_id in self.query("SELECT key, english_id FROM english_aliases"):
                for new in _rekeyed(key, earlier_key):
                    self.execute(
                        "INSERT OR IGNORE INTO english_aliases (key, english_id) VALUES (?, ?)", [new, english_id]
                    )
            for zh, key, created in self.query("SELECT zh, en_key, created FROM suppressed"):
                for new in _rekeyed(key, earlier_key):
                    self.execute(
                        "INSERT OR IGNORE INTO suppressed (zh, en_key, created) VALUES (?, ?, ?)", [zh, new, created]
                    )
            rows = self.query("SELECT id, key, display, written FROM english ORDER BY id")
            moving = {r["id"]: new for r in rows if (new := en_key(r["written"] or r["display"])) and new != r["key"]}
            kept = {r["key"]: r["id"] for r in rows if r["id"] not in moving}
            merged_into: dict[str, int] = {
                r[0]: r[1] for r in self.query("SELECT key, english_id FROM english_aliases")
            }
            first: dict[str, int] = {}
            into = {i: kept.get(new) or merged_into.get(new) or first.setdefault(new, i) for i, new in moving.items()}
            # A form moving where another moves on lands where that one does; where they move into each other
            # (two aliases, made by opposite merges), the first of them stays
            for english_id in into:
                path = [english_id]
                while (next_id := into.get(path[-1], path[-1])) not in path:
                    path.append(next_id)
                into[english_id] = next_id if next_id == path[-1] else min(path[path.index(next_id) :])
            # Keys change in two steps: one a form leaves may be another's new key (UNIQUE)
            staying = [i for i in moving if into[i] == i]
            self.executemany("UPDATE english SET key = ? WHERE id = ?", [[f"\0{i}", i] for i in staying])
            self.executemany("UPDATE english SET key = ? WHERE id = ?", [[moving[i], i] for i in staying])
            written = {r["id"]: r["written"] for r in rows}
            key_of = {**{r["id"]: r["key"] for r in rows}, **{i: moving[i] for i in staying}}
            for english_id, target in into.items():
                if target != english_id:
                    spelling = written[english_id]
                    if spelling and not written[target] and en_key(spelling) == key_of[target]:
                        self._write_english(target, spelling, stamp)
                        written[target] = spelling
                    self._fold_english(english_id, target, stamp)
            self.execute(
                "DELETE FROM english_aliases WHERE key IN (SELECT key FROM english e WHERE e.id = english_id)"
            )  # (their own key now)
            self.execute(
                "DELETE FROM suppressed WHERE (zh, en_key) IN (SELECT t.zh, e.key FROM pairs p "
                "JOIN terms t ON t.id = p.term_id JOIN english e ON e.id = p.english_id WHERE p.status = 'approved')"
            )
            self._drop_suppressed(stamp)
        return len(moving)

    def set_pinyin(self, zh: str, reading: str) -> str:
        """Give a term the reading a person says it has (调参 tiáo cān, where pypinyin reads diào cān; tone marks or
        numbers), which lookup, exports and cards then use; "" gives back the reading computed. Returns the
        reading the term has now."""
        term_id = self._existing_term(zh)
        key = self.execute("SELECT zh FROM terms WHERE id = ?", [term_id]).fetchone()[0]
        try:
            readings = written_pinyin(key, reading) if reading.strip() else pinyin_readings(key)
        except ValueError as exc:
            raise GlossaryError(f"pinyin of {key}: {exc}") from exc
        stamp = now()
        with self.transaction():
            self.execute(
                "UPDATE terms SET pinyin = ?, pinyin_key = ?, initials = ?, pinyin_written = ?, updated = ? "
                "WHERE id = ?",
                [*readings, readings[0] if reading.strip() else None, stamp, term_id],
            )
            self._refresh_terms([term_id], stamp)  # (search tokens hold the pinyin)
        return readings[0]

    def reread_pinyin(self) -> int:
        """Read every term's pinyin again; a migration calls this when the readings change. Returns how many
        terms read otherwise."""
        stamp = now()
        changed = []
        with self.transaction():
            for term_id, zh, stored, written in self.query(f"SELECT id, zh, pinyin, {self._written_pinyin} FROM terms"):
                readings = self._readings(zh, written)
                if readings[0] != stored:
                    self.execute(
                        "UPDATE terms SET pinyin = ?, pinyin_key = ?, initials = ? WHERE id = ?", [*readings, term_id]
                    )
                    changed.append(term_id)
            self._refresh_terms(changed, stamp)  # (search tokens hold the pinyin)
        return len(changed)

    @functools.cached_property
    def _written_pinyin(self) -> str:
        """The column of the reading a person gave a term, or NULL before m012 (a migration before it reads)."""
        columns = {r[1] for r in self.execute("PRAGMA table_info(terms)")}
        return "pinyin_written" if "pinyin_written" in columns else "NULL"

    @staticmethod
    def _readings(key: str, written: str | None) -> tuple[str, str, str]:
        """A term's pinyin_readings: the reading a person gave while it fits the term, else the one computed."""
        if written:
            with contextlib.suppress(ValueError):
                return written_pinyin(key, written)
        return pinyin_readings(key)

    def _drop_suppressed(self, stamp: str) -> None:
        """Remove extracted pairs that a suppression names (pairs a rekey moved onto a suppressed key)."""
        rows = self.query(
            "SELECT p.id, p.term_id, p.english_id FROM pairs p JOIN terms t ON t.id = p.term_id "
            "JOIN english e ON e.id = p.english_id JOIN suppressed s ON s.zh = t.zh AND s.en_key = e.key "
            "WHERE p.curated = 0 AND p.origin IN ('extracted', 'derived')"
        )
        if not rows:
            return
        self.executemany("DELETE FROM pairs WHERE id = ?", [[r["id"]] for r in rows])
        self._refresh_english({r["english_id"] for r in rows})
        self._refresh_terms({r["term_id"] for r in rows}, stamp)

    def merge_english(self, source_en: str, target_en: str) -> int:
        """Fold English form SOURCE into TARGET for every term; SOURCE becomes an alias of TARGET."""
        source, target = self._existing_english(source_en), self._existing_english(target_en)
        if source == target:
            raise GlossaryError(f'"{source_en}" and "{target_en}" are already the same English form')
        with self.transaction():
            source_key = self.execute("SELECT key FROM english WHERE id = ?", [source]).fetchone()[0]
            moved = self._fold_english(source, target, now())
            self.execute("INSERT OR REPLACE INTO english_aliases (key, english_id) VALUES (?, ?)", [source_key, target])
        return moved

    def _fold_english(self, source: int, target: int, stamp: str) -> int:
        """Move an English form's pairs (into the target's pair where a term has both) and aliases to another form
        and delete it; how many pairs moved."""
        pairs = self.query("SELECT id, term_id FROM pairs WHERE english_id = ?", [source])
        merged = [self._move_pair(p["id"], p["term_id"], target) for p in pairs]
        self.execute("UPDATE english_aliases SET english_id = ? WHERE english_id = ?", [target, source])
        self.execute("DELETE FROM english WHERE id = ?", [source])
        self._refresh_pairs(merged, stamp)
        return len(pairs)

    def _existing_term(self, zh: str) -> int:
        found = self._term_id(zh, create=False)
        if found is None:
            raise NoSuchTermError(f'no term "{zh}" in the glossary')
        return found

    def _existing_english(self, en: str) -> int:
        found = self._english_id(en, create=False)
        if found is None:
            raise NoSuchTermError(f'no English form "{en}" in the glossary')
        return found

    def _suppress(self, zh: str, en: str) -> None:
        self.execute(
            "INSERT OR IGNORE INTO suppressed (zh, en_key, created) VALUES (?,?,?)",
            [zh_key(zh), en_key(en), now()],
        )

    def _move_pair(self, pair_id: int, term_id: int, english_id: int) -> int:
        """Point a pair at another term/English form; if that pair exists, fold this one into it."""
        target = self.execute(
            "SELECT * FROM pairs WHERE term_id = ? AND english_id = ?", [term_id, english_id]
        ).fetchone()
        if target is None:
            self.execute("UPDATE pairs SET term_id = ?, english_id = ? WHERE id = ?", [term_id, english_id, pair_id])
            return pair_id
        if target["id"] == pair_id:
            return pair_id
        source = self.execute("SELECT * FROM pairs WHERE id = ?", [pair_id]).fetchone()
        self.execute("UPDATE occurrences SET pair_id = ? WHERE pair_id = ?", [target["id"], pair_id])
        self.execute("UPDATE occurrences SET parent_pair_id = ? WHERE parent_pair_id = ?", [target["id"], pair_id])
        # The curated side's decision wins, the later one where both are (a rekey folds two a person made); neither
        # side's note is lost.
        later = source["updated"] > target["updated"]
        status = source["status"] if source["curated"] and (not target["curated"] or later) else target["status"]
        tags = list(dict.fromkeys([*json.loads(target["tags"]), *json.loads(source["tags"])]))
        self.execute(
            "UPDATE pairs SET status = ?, curated = max(curated, ?), abbr = coalesce(abbr, ?), "
            "note = ?, tags = ?, first_seen = min(first_seen, ?), updated = max(updated, ?) WHERE id = ?",
            [
                status,
                source["curated"],
                source["abbr"],
                _joined_notes(target["note"], source["note"]),
                json.dumps(tags, ensure_ascii=False),
                source["first_seen"],
                source["updated"],
                target["id"],
            ],
        )
        self.execute("DELETE FROM pairs WHERE id = ?", [pair_id])
        return target["id"]

    # --- reading ------------------------------------------------------------------------------------------

    _ENTRY_SQL = """
        SELECT p.id AS pair_id, p.term_id, t.uid AS term_uid, t.zh, e.display AS en, p.abbr, t.pinyin,
               p.status, p.origin, p.confidence, p.count, p.note, p.tags, p.source, p.first_seen, p.last_seen,
               p.updated,
               (SELECT group_concat(path, char(10)) FROM (
                    SELECT DISTINCT d.path FROM occurrences o JOIN documents d ON d.id = o.document_id
                    WHERE o.pair_id = p.id ORDER BY d.path)) AS documents,
               (SELECT o.sentence || char(10) || d.path FROM occurrences o JOIN documents d ON d.id = o.document_id
                    WHERE o.pair_id = p.id ORDER BY o.parent_pair_id IS NOT NULL, o.confidence DESC, o.id
                    LIMIT 1) AS example,
               (SELECT group_concat(form, char(10)) FROM (
                    SELECT zh_surface AS form, count(*) AS n, sum(o.parent_pair_id IS NULL) AS glossed
                    FROM occurrences o WHERE o.pair_id = p.id GROUP BY zh_surface
                    ORDER BY n DESC, glossed DESC, form)) AS forms,
               t.written
        FROM pairs p JOIN terms t ON t.id = p.term_id JOIN english e ON e.id = p.english_id
    """

    @staticmethod
    def _entry(row: sqlite3.Row) -> Entry:
        example, example_document = None, None
        if row["example"]:
            example, _, example_document = row["example"].rpartition("\n")
        return Entry(
            pair_id=row["pair_id"],
            term_id=row["term_id"],
            term_uid=row["term_uid"] or "",
            zh=row["zh"],
            en=row["en"],
            abbr=row["abbr"],
            pinyin=row["pinyin"],
            status=row["status"],
            origin=row["origin"],
            confidence=round(row["confidence"], 4),
            count=row["count"],
            note=row["note"],
            tags=tuple(json.loads(row["tags"] or "[]")),
            source=row["source"],
            documents=tuple(row["documents"].split("\n")) if row["documents"] else (),
            example=example,
            example_document=example_document,
            forms=_forms(row["forms"], row["written"], row["zh"]),
            first_seen=row["first_seen"],
            last_seen=row["last_seen"],
            updated=row["updated"],
        )

    def entry(self, pair_id: int) -> Entry:
        row = self.execute(self._ENTRY_SQL + " WHERE p.id = ?", [pair_id]).fetchone()
        if row is None:
            raise NoSuchTermError(f"no pair with id {pair_id}")
        return self._entry(row)

    def entries(
        self,
        *,
        statuses: Sequence[str] = (),
        min_confidence: float | None = None,
        origins: Sequence[str] = (),
        tag: str | None = None,
        pair_ids: Sequence[int] | None = None,
    ) -> Iterator[Entry]:
        """Pairs with their evidence summarised, ordered by Chinese key then confidence."""
        where: list[str] = []
        params: list = []
        if statuses:
            where.append(f"p.status IN ({','.join('?' * len(statuses))})")
            params.extend(statuses)
        if origins:
            where.append(f"p.origin IN ({','.join('?' * len(origins))})")
            params.extend(origins)
        if min_confidence is not None:
            where.append("p.confidence >= ?")
            params.append(min_confidence)
        if tag:
            where.append("EXISTS (SELECT 1 FROM json_each(p.tags) WHERE value = ?)")
            params.append(tag)
        if pair_ids is not None:
            where.append("p.id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(pair_ids)))
        sql = (
            self._ENTRY_SQL
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY t.zh, p.confidence DESC, e.key"
        )
        for row in self.execute(sql, params):
            yield self._entry(row)

    def sharing_english(self, pair_id: int) -> list[str]:
        """The other terms whose pairs use this pair's English form (a respelling shows for them too)."""
        rows = self.query(
            "SELECT DISTINCT t.zh FROM pairs p JOIN pairs q ON q.english_id = p.english_id AND q.term_id != p.term_id "
            "JOIN terms t ON t.id = q.term_id WHERE p.id = ? ORDER BY t.zh",
            [pair_id],
        )
        return [r[0] for r in rows]

    def abbreviated(self) -> list[tuple[str, str, str]]:
        """(Chinese key, English, abbreviation) of every pair with an abbreviation that nobody rejected."""
        rows = self.query(
            "SELECT t.zh, e.display, p.abbr FROM pairs p JOIN terms t ON t.id = p.term_id "
            "JOIN english e ON e.id = p.english_id WHERE p.abbr IS NOT NULL AND p.status != 'rejected' ORDER BY p.id"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def term_english(self) -> dict[str, str]:
        """Each term's preferred English form (see preferred_pairs), by simplified Chinese."""
        return {zh: preferred.en for zh, preferred in self.preferred_pairs().items()}

    def preferred_pairs(self) -> dict[str, Preferred]:
        """Each term's preferred pair, by simplified key: approved first, then the one the documents use most, then
        the most confident. (A pair added by hand has confidence 1 and no sightings: the documents' own wins.)

        Terms whose every pair is rejected are left out.
        """
        from .scan import Preferred

        rows = self.query(
            "SELECT t.zh, e.display, p.abbr, t.pinyin, p.status FROM pairs p JOIN terms t ON t.id = p.term_id "
            "JOIN english e ON e.id = p.english_id WHERE p.status != 'rejected' "
            "ORDER BY t.zh, p.status = 'approved', p.count, p.confidence, e.key DESC"
        )
        return {r[0]: Preferred(*r) for r in rows}  # the last row of each term wins

    def term_aliases(self) -> dict[str, str]:
        """Names merged into other terms (glossary merge) -> the term's key."""
        rows = self.query("SELECT a.zh, t.zh FROM term_aliases a JOIN terms t ON t.id = a.term_id")
        return {r[0]: r[1] for r in rows}

    def replace_untranslated(self, terms: Iterable[Untranslated]) -> int:
        """Replace the list of terms awaiting translation (it is recomputed over the whole corpus)."""
        stamp = now()
        with self.transaction():
            self.execute("DELETE FROM untranslated")
            n = 0
            for t in terms:
                document_id = None
                if t.document:
                    row = self.execute("SELECT id FROM documents WHERE path = ?", [t.document]).fetchone()
                    document_id = row[0] if row else None
                self.execute(
                    "INSERT INTO untranslated (zh, count, documents, score, example, document_id, proposed_en, "
                    "updated) "
                    "VALUES (?,?,?,?,?,?,?,?)",
                    [t.zh, t.count, t.documents, t.score, t.example, document_id, t.proposed_en, stamp],
                )
                n += 1
        return n

    def untranslated(self, limit: int | None = None) -> list[Untranslated]:
        """Terms awaiting translation, best first."""
        rows = self.query(
            "SELECT u.zh, u.count, u.documents, u.score, u.example, d.path AS document, u.proposed_en "
            "FROM untranslated u LEFT JOIN documents d ON d.id = u.document_id ORDER BY u.score DESC, u.zh LIMIT ?",
            [-1 if limit is None else limit],
        )
        return [Untranslated(**dict(r)) for r in rows]

    def stats(self) -> dict[str, int | dict[str, int]]:
        one = lambda sql: self.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "terms": one("SELECT count(*) FROM terms"),
            "english_forms": one("SELECT count(*) FROM english"),
            "pairs": one("SELECT count(*) FROM pairs"),
            "occurrences": one("SELECT count(*) FROM occurrences"),
            "by_status": {
                r[0]: r[1] for r in self.query("SELECT status, count(*) FROM pairs GROUP BY status ORDER BY 1")
            },
            "by_origin": {
                r[0]: r[1] for r in self.query("SELECT origin, count(*) FROM pairs GROUP BY origin ORDER BY 1")
            },
        }

    # --- lookup -------------------------------------------------------------------------------------------

    def lookup(
        self, text: str, *, limit: int = 10, statuses: Sequence[str] = ("approved", "candidate"), exact: bool = False
    ) -> LookupResult:
        """Pairs matching what a translator typed, best first (see glossary.lookup for how a query is read).

        With no hit, ``nearest`` offers the closest terms and ``hidden`` counts the hits that ``statuses`` left
        out (rejected pairs, by default).
        """
        from .lookup import Hit, nearest, parse_query, rank

        query = parse_query(text)
        rows = self._lookup_rows(query, exact=exact)
        ranked = rank(query, rows, statuses=statuses, exact=exact)[:limit]
        entries = {e.pair_id: e for e in self.entries(pair_ids=[s.row.pair_id for s in ranked])} if ranked else {}
        hits = [Hit(entries[s.row.pair_id], s.match, s.field, s.score) for s in ranked]
        if hits:
            return LookupResult(hits)
        hidden = len(rank(query, rows, statuses=(), exact=exact))
        return LookupResult([], nearest(query, rows), hidden)

    # Candidates per way of matching: enough that the best of them survive ranking, few enough to rank fast.
    _PREFIX_LIMIT = 200
    _PARTIAL_LIMIT = 300
    _FUZZY_LIMIT = 200
    # Grams that vote for keys of about the query's length, and postings read to vote for any length a match
    # can have (counted before the length window narrows them).
    _NEAR_GRAMS = 8
    _GRAM_BUDGET = 5000

    def _lookup_rows(self, query, *, exact: bool) -> list:
        """Candidate rows for a query: exact keys, prefixes, and what the gram postings vote for. No ranking."""
        from .lookup import EN_FIELD, ZH_FIELD, Row, partial_pinyin_keys

        term_ids: set[int] = set()
        english_ids: set[int] = set()
        pair_ids: set[int] = set()
        maybe_terms: set[int] = set()  # from prefixes and grams: their keys are checked before their pairs are read
        maybe_english: set[int] = set()
        zh_aliases: dict[int, list[str]] = {}
        en_aliases: dict[int, list[str]] = {}
        one = lambda sql, params: {r[0] for r in self.query(sql, params)}  # noqa: E731
        for q in (query, *query.parts):
            for zh in q.zh:
                # Ranking compares the Latin letters of a Chinese key without case (Transformer架构): so does this
                # (a scan of the table, only where the key has letters)
                same = "= ? COLLATE NOCASE" if LATIN_RE.search(zh) else "= ?"
                term_ids |= one(f"SELECT id FROM terms WHERE zh {same}", [zh])
                for r in self.query(f"SELECT term_id, zh FROM term_aliases WHERE zh {same}", [zh]):
                    zh_aliases.setdefault(r[0], []).append(r[1])
                    term_ids.add(r[0])  # a key merged into a term finds that term
                if not exact:
                    maybe_terms |= self._prefixed("terms", "zh", zh)
                    maybe_terms |= self._gram_candidates(ZH_FIELD, zh)
            if q.en:
                english_ids |= one("SELECT id FROM english WHERE key = ?", [q.en])
                for r in self.query("SELECT english_id, key FROM english_aliases WHERE key = ?", [q.en]):
                    en_aliases.setdefault(r[0], []).append(r[1])
                    english_ids.add(r[0])
                if not exact:
                    maybe_english |= self._prefixed("english", "key", q.en)
                    maybe_english |= self._gram_candidates(EN_FIELD, q.en)
            if q.abbr:
                keys = [q.abbr, q.abbr[:-1]] if len(q.abbr) > 2 and q.abbr.endswith("s") else [q.abbr]
                pair_ids |= one(
                    f"SELECT id FROM pairs WHERE abbr IS NOT NULL AND {ABBR_KEY_SQL} IN ({','.join('?' * len(keys))})",
                    keys,
                )
            for key in q.pinyin_keys:
                term_ids |= one("SELECT id FROM terms WHERE pinyin_key = ?", [key])
                if not exact and len(key) >= 3:
                    term_ids |= self._prefixed("terms", "pinyin_key", key)
            for key in () if exact else partial_pinyin_keys(q):
                # whole syllables inside a term's reading: terms_fts indexes each run of them (see search_tokens)
                term_ids |= one(
                    f"SELECT rowid FROM terms_fts WHERE terms_fts MATCH ? LIMIT {self._PARTIAL_LIMIT}", [f'"{key}"']
                )
            if q.initials:
                term_ids |= one(f"SELECT id FROM terms WHERE initials = ? LIMIT {self._PREFIX_LIMIT}", [q.initials])
                if not exact and len(q.initials) >= 3:  # (zyl: 注意力机制 zyljz)
                    term_ids |= self._prefixed("terms", "initials", q.initials)
        term_ids |= self._closest("terms", "zh", "zh", maybe_terms - term_ids, query)
        english_ids |= self._closest("english", "key", "en", maybe_english - english_ids, query)
        if not (term_ids or english_ids or pair_ids):
            return []
        rows = self.query(
            """SELECT p.id, p.term_id, p.english_id, t.zh, e.display, e.key, p.abbr, t.pinyin, t.pinyin_key,
                      t.initials, p.status, p.confidence, p.count
               FROM pairs p JOIN terms t ON t.id = p.term_id JOIN english e ON e.id = p.english_id
               WHERE p.id IN (SELECT p.id FROM pairs p WHERE p.term_id IN (SELECT value FROM json_each(?))
                              UNION SELECT p.id FROM pairs p WHERE p.english_id IN (SELECT value FROM json_each(?))
                              UNION SELECT value FROM json_each(?))""",
            [json.dumps(sorted(term_ids)), json.dumps(sorted(english_ids)), json.dumps(sorted(pair_ids))],
        )
        return [
            Row(
                pair_id=r[0],
                term_id=r[1],
                zh=r[3],
                en=r[4],
                en_key=r[5],
                abbr=r[6],
                pinyin=r[7],
                pinyin_key=r[8],
                initials=r[9],
                status=r[10],
                confidence=r[11],
                count=r[12],
                zh_aliases=tuple(zh_aliases.get(r[1], ())),
                en_aliases=tuple(en_aliases.get(r[2], ())),
            )
            for r in rows
        ]

    def _closest(self, table: str, column: str, field: str, ids: set[int], query, nearest: int = 3) -> set[int]:
        """Of these rows, those whose key can make a hit, and the few closest others (for "did you mean")."""
        from .lookup import key_closeness

        if not ids:
            return set()
        rows = self.query(
            f"SELECT id, {column} FROM {table} WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(ids))]
        )
        judged = [(key_closeness(query, field, r[1]), r[0]) for r in rows]
        kept = {row_id for (passing, _), row_id in judged if passing}
        others = sorted(((closeness, row_id) for (passing, closeness), row_id in judged if not passing), reverse=True)
        return kept | {row_id for _, row_id in others[:nearest]}

    def _prefixed(self, table: str, column: str, prefix: str) -> set[int]:
        """Ids of rows whose key starts with prefix (a range of the key's index), shortest keys first."""
        rows = self.query(
            f"SELECT id FROM {table} WHERE {column} > ? AND {column} < ? ORDER BY length({column}) "
            f"LIMIT {self._PREFIX_LIMIT}",
            [prefix, prefix + "\U0010ffff"],
        )
        return {r[0] for r in rows}

    def _gram_candidates(self, field: int, key: str) -> set[int]:
        """Terms (field 1) or English forms (field 2) that share the query's rarer grams.

        Partial matches (the query inside a longer key) come from the postings of the query's rarest gram, shortest
        keys first. Fuzzy matches are voted for by the rarest grams that fit a budget of postings, among keys of a
        length that could score as a match; the keys with the most votes are kept.
        """
        from .lookup import ZH_PAD, ascii_lower, grams, length_window, rarest_grams

        if field == 1 and len(key) == 1:
            # One character: every term with it has a gram starting with it (the "$" pad covers the last one).
            rows = self.query(
                "SELECT id FROM lookup_grams WHERE gram > ? AND gram < ? AND field = 1 ORDER BY len "
                f"LIMIT {self._PARTIAL_LIMIT}",
                [ascii_lower(key), ascii_lower(key) + "\U0010ffff"],
            )
            return {r[0] for r in rows}
        query_grams = list(dict.fromkeys(grams(key, field)))
        if not query_grams:
            return set()
        low, high = length_window(field, len(key))
        marks = ",".join("?" * len(query_grams))
        counts = dict.fromkeys(query_grams, 0)
        for gram, n in self.query(
            f"SELECT gram, n FROM lookup_gram_counts WHERE field = ? AND gram IN ({marks})", [field, *query_grams]
        ):
            counts[gram] = n
        found: set[int] = set()
        inner = [g for g in query_grams if not g.endswith(ZH_PAD) or field != 1]
        if inner:
            rarest = min(inner, key=lambda g: (counts[g], g))
            found |= {
                r[0]
                for r in self.query(
                    "SELECT id FROM lookup_grams WHERE gram = ? AND field = ? AND len >= ? "
                    f"LIMIT {self._PARTIAL_LIMIT}",
                    [rarest, field, len(key)],
                )
            }
        # Typos: keys within a few characters of the query's length, voted for by its eight rarest grams. Then
        # anything a ratio could still pass (a word more or less): the rarest grams that fit the budget.
        near = 1 + len(key) // 10
        for chosen, (shortest, longest) in (
            (rarest_grams(counts, 0, at_least=self._NEAR_GRAMS), (len(key) - near, len(key) + near)),
            (rarest_grams(counts, self._GRAM_BUDGET, at_least=2), (low, high)),
        ):
            found |= self._votes(field, chosen, shortest, longest)
        return found

    def _votes(self, field: int, chosen: list[str], shortest: int, longest: int) -> set[int]:
        """The keys of these lengths that the most of these grams vote for."""
        if not chosen:
            return set()
        rows = self.query(
            f"SELECT id FROM lookup_grams WHERE gram IN ({','.join('?' * len(chosen))}) AND field = ? "
            f"AND len BETWEEN ? AND ? GROUP BY id ORDER BY count(*) DESC LIMIT {self._FUZZY_LIMIT}",
            [*chosen, field, shortest, longest],
        )
        return {r[0] for r in rows}


def _rekeyed(key: str, earlier_key: Callable[[str], str]) -> list[str]:
    """The keys en_key now gives the spellings that ``earlier_key`` gave this key (see rekey_english): the key
    itself, or it with a plural ending the earlier key dropped."""
    spellings = [key, key + "s", key + "es"]
    if key.endswith("y"):
        spellings.append(key[:-1] + "ies")
    new = (en_key(spelling) for spelling in spellings if earlier_key(spelling) == key)
    return [k for k in dict.fromkeys(new) if k and k != key]


def _forms(seen: str | None, written: str | None, key: str) -> tuple[str, ...]:
    """A term's surface forms: those the documents use, most frequent first, then the one a person or a term
    list wrote (terms.written) if the documents do not use it and it is not the key itself."""
    forms = seen.split("\n") if seen else []
    return (*forms, written) if written and written != key and written not in forms else tuple(forms)


def term_search_texts(conn: sqlite3.Connection, term_ids: Iterable[int]) -> dict[int, str | None]:
    """Search tokens of these terms (terms.search, indexed by terms_fts); None for a term no pair uses."""
    listed = [_json_list(term_ids)]
    terms = conn.execute("SELECT id, zh, pinyin FROM terms WHERE id IN (SELECT value FROM json_each(?))", listed)
    english: dict[int, list[tuple[str, str | None]]] = {}
    for term_id, display, abbr in conn.execute(
        "SELECT p.term_id, e.display, p.abbr FROM pairs p JOIN english e ON e.id = p.english_id "
        "WHERE p.term_id IN (SELECT value FROM json_each(?)) ORDER BY p.term_id, p.english_id",
        listed,
    ):
        english.setdefault(term_id, []).append((display, abbr))
    # The view term_forms, written out so that the ids reach the indexes.
    forms: dict[int, list[str]] = {}
    for term_id, form in conn.execute(
        "SELECT DISTINCT p.term_id, o.zh_surface FROM pairs p JOIN occurrences o ON o.pair_id = p.id "
        "WHERE p.term_id IN (SELECT value FROM json_each(?))",
        listed,
    ):
        forms.setdefault(term_id, []).append(form)
    texts: dict[int, str | None] = {}
    for term_id, zh, pinyin_text in terms.fetchall():
        pairs = english.get(term_id)
        if not pairs:
            texts[term_id] = None
            continue
        words = [display for display, _ in pairs] + [abbr for _, abbr in pairs if abbr]
        texts[term_id] = _search_tokens(zh, tuple(sorted(forms.get(term_id, ()))), tuple(words), pinyin_text)
    return texts


@functools.lru_cache(maxsize=4096)
def _search_tokens(zh: str, forms: tuple[str, ...], words: tuple[str, ...], pinyin_text: str) -> str:
    # A term refreshed again with the same forms and English (another document mentions it) costs nothing.
    return search_tokens(zh, list(forms), list(words), pinyin_text)


def reindex_search(conn: sqlite3.Connection) -> int:
    """Recompute every term's search tokens: a migration calls this when normalize.search_tokens changes."""
    term_ids = [r[0] for r in conn.execute("SELECT id FROM terms")]
    texts = term_search_texts(conn, term_ids)
    conn.executemany(
        "UPDATE terms SET search = ? WHERE id = ?", [[tokens, i] for i, tokens in texts.items() if tokens is not None]
    )
    return len(term_ids)


def _changed(row: sqlite3.Row, update: dict[str, object]) -> dict[str, object]:
    """The columns of ``update`` whose values differ from the row's."""
    return {column: value for column, value in update.items() if value != row[column]}


def _joined_notes(kept: str | None, added: str | None) -> str | None:
    """Two notes folded into one: both, where they differ."""
    if not added or added == kept:
        return kept
    return f"{kept}\n{added}" if kept else added


def _json_list(values: Iterable[int]) -> str:
    """Ids for ``IN (SELECT value FROM json_each(?))``: one parameter however many there are."""
    return json.dumps(sorted(values), ensure_ascii=False)


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --- opening ----------------------------------------------------------------------------------------------


def _connect(path: Path, *, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    if readonly and not immutable and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        # Read-only by SQL, not by file: a connection opened mode=ro leaves the -wal and -shm files it needed
        # behind when it closes, and in a shared folder they are then the reader's, which the glossary's owner
        # may not write. query_only refuses every write all the same.
        conn = sqlite3.connect(str(path), timeout=busy_timeout())
        conn.execute("PRAGMA query_only = ON")
    elif readonly:
        # immutable=1 takes no locks and creates no -wal/-shm files: only for a file nobody writes meanwhile.
        mode = "immutable=1" if immutable else "mode=ro"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=busy_timeout())
    else:
        conn = sqlite3.connect(str(path), timeout=busy_timeout())
        # In WAL mode NORMAL keeps every commit atomic and the file consistent after a crash or kill; only the
        # last commits can be lost on power failure. FULL would fsync each document's transaction.
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.isolation_level = None  # transactions are explicit: Glossary.transaction()
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    register_sql_functions(conn)
    # Lookups read a few hundred scattered rows: memory-mapped pages spare a system call each.
    conn.execute("PRAGMA mmap_size = 1073741824")
    return conn


def _check_languages(zh: str, en: str, place: str) -> None:
    """A pair's Chinese has Chinese characters, and its English has letters and none (as every importer checks)."""
    from .exchange.fields import checked_pair

    checked_pair(zh, en, place)


def _check_abbreviation(abbr: str | None, place: str) -> None:
    """An abbreviation given is short and Latin (as every importer checks); '' clears one."""
    from .exchange.fields import checked_abbreviation

    checked_abbreviation(abbr, place)


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite touches it (a WAL switch would otherwise rewrite it)."""
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise NotAGlossaryError(f"{path} is not a glossary database (not SQLite); it was left untouched")


def _schema_state(conn: sqlite3.Connection, path: Path) -> int:
    """The database's schema version: 0 for an empty file; refuses foreign or newer databases."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return 0
    applied = []
    if "_sqlite_migrations" in tables:
        applied = [
            r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
        ]
    if not applied:
        raise NotAGlossaryError(
            f"{path} is a SQLite database but not a glossary (it has other tables); it was left untouched"
        )
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION or len(applied) > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer glossary (schema {max(version, len(applied))}, this one knows "
            f"{SCHEMA_VERSION}); upgrade glossary to use it"
        )
    return len(applied)


def _create(conn: sqlite3.Connection, path: Path) -> None:
    """Make an empty database a glossary of the current schema in one transaction, from the script the
    migrations come to (data/schema.sql, see glossary.migrations): a tenth of the time of running them. Another
    process may have created it since this one looked: then there is nothing to do."""
    script = (Path(__file__).parent / "data" / "schema.sql").read_text(encoding="utf-8")
    conn.execute("BEGIN IMMEDIATE")  # no other writer until COMMIT
    try:
        if _schema_state(conn, path) == 0:
            execute_statements(conn, script)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL mode. The switch needs the file to itself and SQLite does not wait for that (no busy
    handler): while another process holds a lock, try again until the busy timeout."""
    deadline = time.monotonic() + busy_timeout()
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def execute_statements(conn: sqlite3.Connection, sql: str) -> None:
    """Run a script statement by statement, in the transaction open: sqlite3's executescript() would COMMIT it."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


def _migrate(conn: sqlite3.Connection) -> None:
    from sqlite_utils import Database

    from .migrations import MIGRATIONS

    db = Database(conn, execute_plugins=False)
    MIGRATIONS.apply(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def prepare_to_write() -> None:
    """Load what storing new terms needs (pypinyin for their readings, OpenCC for their keys and search text),
    e.g. while worker processes extract; otherwise the first new term pays for it."""
    pinyin_readings("模型")
    search_tokens("模型", [], [], "")
    zh_key("模型")


_NO_SHARED_MEMORY = ("unable to open", "attempt to write a readonly database")


def open_glossary(
    path: str | os.PathLike | None = None, *, create: bool = True, readonly: bool = False, immutable: bool = False
) -> Glossary:
    """Open (and if needed create and migrate) a glossary database.

    ``create=False`` refuses a missing file instead of creating it: the read-only commands should not leave an
    empty database behind a typo. ``readonly`` opens with SQLite's mode=ro when the schema is current;
    ``immutable`` (with ``readonly``) opens with immutable=1, which leaves no -wal/-shm files beside the database.
    """
    path = resolve_db_path(path)
    busy_timeout()  # a bad setting is refused before anything is created
    exists = path.exists()
    # (an empty file is none either: a read-only command would write the schema into it)
    if not create and (not exists or (path.is_file() and path.stat().st_size == 0)):
        raise GlossaryError(
            f"no glossary at {path}; extract documents into it first: glossary extract --db {shlex.quote(str(path))} "
            "FILES (or pass --db with an existing glossary)"
        )
    if exists and not path.is_file():  # a folder, a device (/dev/null): SQLite would put its journal beside it
        raise GlossaryError(f"{path} is not a file; pass --db with the path of a glossary database")
    if exists:
        _check_header(path)
    elif path.parent and not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # (a file where a folder should be, a folder nobody may create)
            raise GlossaryError(f"cannot create the folder of {path}: {exc.strerror}") from exc
    with translate_sqlite_errors(path):
        conn = _connect(path, readonly=readonly and exists, immutable=immutable)
        try:
            try:
                version = _schema_state(conn, path)
            except sqlite3.OperationalError as exc:
                if not (readonly and exists and not immutable and any(m in str(exc) for m in _NO_SHARED_MEMORY)):
                    raise
                # A read-only directory: SQLite cannot make the -shm file that reading a WAL database takes (it says
                # it cannot open the file, or, where the database is read-only too, cannot write it). Nobody can
                # write the glossary there either, so it is read as the file holds it.
                conn.close()
                conn = _connect(path, readonly=True, immutable=True)
                version = _schema_state(conn, path)
            if version < SCHEMA_VERSION:
                if readonly:
                    conn.close()
                    conn = _connect(path, readonly=False)
                if version == 0:
                    _create(conn, path)
                _use_wal(conn)
                if _schema_state(conn, path) < SCHEMA_VERSION:
                    _migrate(conn)
                if readonly:
                    conn.close()
                    conn = _connect(path, readonly=True, immutable=immutable)
            elif not readonly:
                _use_wal(conn)
        except BaseException:
            conn.close()
            raise
    return Glossary(conn, path)
