"""The term list a translator wants before a job: the glossary's terms a document uses, and the ones it lacks.

Glossary terms are found with an Aho-Corasick automaton (pyahocorasick) over the simplified keys, longest match
first, in traditional text as well (it is converted to simplified first, offsets kept). The automaton is fed only
the runs of characters a term can be made of: fed whole text, it walks a root with thousands of children for
every character of markup and code, several times slower. New terms come from the extraction's termhood ranking
(glossary.extract.termhood), for the terms the glossary does not have.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from .lookup import ascii_lower
from .model import Document, Untranslated
from .normalize import CJK_CHAR, to_simplified

# A run: characters a term can be made of, from Chinese to Chinese, widened over Latin letters, digits and hyphens
# on either side (Transformer架构, GPT-4模型). Starting at a Chinese character keeps the regex from trying every
# position of the (many) Latin words.
_RUN = re.compile(f"[{CJK_CHAR}](?:[{CJK_CHAR}a-z0-9-]*[{CJK_CHAR}])?")
_RUN_LATIN = re.compile(f"[{CJK_CHAR}](?:[{CJK_CHAR}a-z0-9-]*[{CJK_CHAR}])?[a-z0-9-]*")
_RUN_CHARS = re.compile(f"[{CJK_CHAR}a-z0-9-]+")
_LATIN_BEFORE = re.compile("[a-z0-9-]+$")
_LATIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_WORD_CHAR = re.compile("[a-z0-9]")


@dataclass(frozen=True)
class Preferred:
    """A term's preferred pair: approved first, then the most confident."""

    zh: str
    en: str
    abbr: str | None
    pinyin: str
    status: str


@dataclass(frozen=True)
class KnownTerm:
    """A glossary term seen in the documents."""

    zh: str
    en: str
    abbr: str | None
    pinyin: str
    status: str
    count: int
    documents: int
    forms: tuple[str, ...]  # as written, when not the key itself (traditional stays traditional)


@dataclass(frozen=True)
class ScanReport:
    known: list[KnownTerm]
    new: list[Untranslated]


class TermMatcher:
    """Finds terms in text: longest match first, case-insensitive for Latin letters, simplified or traditional.

    ``names`` maps every name to look for (a term's key, or a merged-away alias) to the term's key.
    """

    def __init__(self, names: Mapping[str, str]):
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        self._latin = False
        for name, key in names.items():
            folded = name.lower()
            if folded and _RUN_CHARS.fullmatch(folded):  # a name with other characters never lies in a run
                # Whether the name starts or ends with a letter or digit: only then can a match cut a word.
                edges = bool(_WORD_CHAR.match(folded[0]) or _WORD_CHAR.match(folded[-1]))
                self._automaton.add_word(_as_bytes(folded), (len(folded), key, edges))
                self._latin = self._latin or _WORD_CHAR.search(folded) is not None
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> Iterator[tuple[str, str]]:
        """(term key, text as written) for every sighting, left to right, never overlapping."""
        if self._empty:
            return
        simplified = to_simplified(text)
        # t2s maps character to character but for rare phrases; where lengths differ, show the simplified text.
        written = text if len(simplified) == len(text) else simplified
        folded = simplified.lower()
        if len(folded) != len(simplified):  # a few letters lower-case to two characters (İ): keep offsets
            folded = ascii_lower(simplified)
        # One pass of the automaton over the runs joined by newlines (no term has one), rather than a call per run.
        starts: list[int] = []  # where each run starts in the text
        offsets: list[int] = []  # and in the joined runs
        chunks: list[str] = []
        joined_length = 0
        for run in (_RUN_LATIN if self._latin else _RUN).finditer(folded):
            begin, finish = run.span()
            if self._latin and begin and folded[begin - 1] in _LATIN_CHARS:
                before = _LATIN_BEFORE.search(folded, max(0, begin - 40), begin)
                begin = before.start() if before else begin
            starts.append(begin)
            offsets.append(joined_length)
            chunks.append(folded[begin:finish])
            joined_length += finish - begin + 1
        joined = "\n".join(chunks)
        for start, end, (length, key, edges) in self._matches(_as_bytes(joined)):
            if edges and _cuts_a_word(joined, start, end):
                continue
            which = bisect_right(offsets, start) - 1
            at = starts[which] + start - offsets[which]
            yield key, written[at : at + length]

    def _matches(self, encoded: str) -> list[tuple[int, int, tuple[int, str, bool]]]:
        """(start, end, value) of the leftmost-longest matches, in characters of the text before _as_bytes.

        From every match (iter), not iter_long: pyahocorasick's iter_long misses matches (its issues #133,
        #185), and a name can match across two characters' bytes, which only the whole list lets us drop.
        """
        longest: dict[int, tuple[int, tuple[int, str, bool]]] = {}  # start -> (end, value) of the longest
        for end, value in self._automaton.iter(encoded):
            start = end + 1 - 2 * value[0]
            if start % 2 == 0 and (start not in longest or longest[start][0] < end):
                longest[start] = (end, value)
        kept = []
        free_from = 0
        for start in sorted(longest):
            if start >= free_from:
                end, value = longest[start]
                kept.append((start // 2, end // 2, value))
                free_from = end + 1
        return kept


def _as_bytes(text: str) -> str:
    """Each character as its two UTF-16 bytes (latin-1 characters): the automaton's nodes get at most 256
    children instead of thousands (pyahocorasick scans a node's children one by one), 3x faster at 100k terms.
    Runs hold only characters of the Basic Multilingual Plane, two bytes each."""
    return text.encode("utf-16-be").decode("latin-1")


def _cuts_a_word(chunk: str, start: int, end: int) -> bool:
    """Whether a match's Latin edge falls inside a word: GPT架构 is not in ChatGPT架构."""
    before = start > 0 and _WORD_CHAR.match(chunk[start]) and _WORD_CHAR.match(chunk[start - 1])
    after = end + 1 < len(chunk) and _WORD_CHAR.match(chunk[end]) and _WORD_CHAR.match(chunk[end + 1])
    return bool(before or after)


def count_terms(matcher: TermMatcher, documents: Iterable[tuple[str, str]]) -> dict[str, tuple[int, int, Counter]]:
    """key -> (sightings, documents, surface forms) over (path, text) documents."""
    sightings: Counter[str] = Counter()
    in_documents: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for _, text in documents:
        seen = set()
        for key, surface in matcher.find(text):
            sightings[key] += 1
            seen.add(key)
            if surface != key:
                forms[key][surface] += 1
        in_documents.update(seen)
    return {key: (n, in_documents[key], forms[key]) for key, n in sightings.items()}


def read_documents(paths: Iterable[str], *, encoding: str | None = None) -> tuple[list[Document], list[str]]:
    """Documents from files, directories or stdin ("-"), and a one-line reason for each one that cannot be read."""
    from .errors import DocumentError
    from .ingest import iter_inputs, read_document

    documents: list[Document] = []
    skipped: list[str] = []
    for path in iter_inputs(paths):
        try:
            documents.append(read_document(path, encoding=encoding))
        except DocumentError as exc:
            skipped.append(str(exc))
    return documents, skipped


def scan_documents(
    vocabulary: Mapping[str, Preferred],
    aliases: Mapping[str, str],
    documents: Sequence[Document],
    *,
    new_limit: int | None = 30,
) -> ScanReport:
    """The vocabulary's terms the documents use (most frequent first) and their domain terms it lacks."""
    names = {alias: key for alias, key in aliases.items() if key in vocabulary}
    names.update((key, key) for key in vocabulary)
    matcher = TermMatcher(names)
    texts = [(d.path, d.text) for d in documents]
    counted = count_terms(matcher, texts)
    known = [
        KnownTerm(
            zh=key,
            en=vocabulary[key].en,
            abbr=vocabulary[key].abbr,
            pinyin=vocabulary[key].pinyin,
            status=vocabulary[key].status,
            count=n,
            documents=docs,
            forms=tuple(f for f, _ in forms.most_common()),
        )
        for key, (n, docs, forms) in counted.items()
    ]
    known.sort(key=lambda t: (-t.count, t.zh))
    new: list[Untranslated] = []
    if new_limit != 0:
        from .extract.termhood import untranslated_terms

        english = {key: p.en for key, p in vocabulary.items()}
        new = untranslated_terms(texts, vocabulary.keys() | aliases.keys(), limit=new_limit, propose=english)
    return ScanReport(known, new)
