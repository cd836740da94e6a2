"""The term list a translator wants before a job: the glossary's terms a document uses, and the ones it lacks.

Glossary terms are found with an Aho-Corasick automaton (pyahocorasick) over the simplified keys, longest match
first, in traditional text as well (it is converted to simplified first, offsets kept). pyahocorasick looks a
character up among a node's children one by one, and the root of 100k Chinese terms has thousands: fed code
points, it runs at 1-3 MB/s. Fed each character as its two UTF-16 bytes, no node has more than 256 children
and it runs several times faster. New terms come from the extraction's termhood ranking
(glossary.extract.termhood), for the terms the glossary does not have.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from .lookup import ascii_lower
from .model import Document, Untranslated
from .normalize import to_simplified

# A run: characters a term can be made of, from Chinese to Chinese, widened over Latin letters, digits and hyphens
# on either side (Transformer架构, GPT-4模型). Starting at a Chinese character keeps the regex from trying every
# position of the (many) Latin words.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_WORD_CHAR = re.compile("[a-z0-9]")


@dataclass(frozen=True)
class Preferred:
    """A term's preferred pair: approved first, then the one its documents use most (see Glossary.preferred_pairs)."""

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
        for name, key in names.items():
            folded = name.lower()
            if folded and not _ASTRAL.search(folded):  # text beyond the BMP is masked (see find)
                # Whether the name starts or ends with a letter or digit: only then can a match cut a word.
                edges = bool(_WORD_CHAR.match(folded[0]) or _WORD_CHAR.match(folded[-1]))
                self._automaton.add_word(_as_bytes(folded), (len(folded), key, edges))
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
        # Characters beyond the Basic Multilingual Plane take four bytes in UTF-16: one placeholder each keeps
        # two bytes a character (no term has one).
        if _ASTRAL.search(folded):
            folded = _ASTRAL.sub("\ufffd", folded)
        for start, end, (length, key, edges) in self._matches(_as_bytes(folded)):
            if edges and _cuts_a_word(folded, start, end):
                continue
            yield key, written[start : start + length]

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
    """Each character of the Basic Multilingual Plane as its two UTF-16 bytes (as latin-1 characters)."""
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
    from .extract.patterns import mask

    matcher = TermMatcher(names)
    texts = [(d.path, d.text) for d in documents]
    # (read as extraction reads them: a term in code, a URL or front matter is none the job translates)
    counted = count_terms(matcher, [(path, mask(text)) for path, text in texts])
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
