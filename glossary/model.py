"""The values that cross module boundaries.

Documents go into extraction, candidate pairs come out of it, entries come out of the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from .normalize import zh_key

STDIN = "-"  # the path that names standard input, in every command that reads a file
STDIN_NAME = "<stdin>"  # how messages and sources name it
STATUSES = ("candidate", "approved", "rejected")
ORIGINS = ("extracted", "derived", "manual", "imported")


@dataclass(frozen=True)
class Document:
    """A decoded document, ready for extraction. ``text`` is what occurrence offsets point into."""

    path: str
    text: str
    sha256: str
    encoding: str
    format: str
    title: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A Chinese-English pair found in one place of a text.

    ``start``/``end`` are the offsets of the Chinese term in the text (``text[start:end] == zh``), and
    ``en_start``/``en_end`` those of the English. A derived pair (a part of a longer glossed term, such as
    预训练 from 预训练阶段) names its parent by index in the same result list.
    """

    zh: str
    en: str
    start: int
    end: int
    en_start: int
    en_end: int
    line: int
    sentence: str
    pattern: str
    confidence: float
    abbr: str | None = None
    parent: int | None = None


@dataclass(frozen=True)
class Entry:
    """One Chinese-English pair as the store reports it, with its evidence summarised."""

    pair_id: int
    term_id: int
    zh: str
    en: str
    abbr: str | None
    pinyin: str
    status: str
    origin: str
    confidence: float
    count: int
    note: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None
    documents: tuple[str, ...] = ()
    example: str | None = None
    example_document: str | None = None
    forms: tuple[str, ...] = ()
    first_seen: str = ""
    last_seen: str = ""
    updated: str = ""
    term_uid: str = ""  # random, never reused: what exports that must recognise a term later key on

    @property
    def written(self) -> str:
        """The Chinese as the corpus most often writes it (traditional characters, a layout space), between forms
        seen as often the one glossed itself rather than seen inside a longer term; else as a person or a term
        list wrote it: what exports for tools that match source text show. ``zh`` is the key all its forms share
        (simplified, no spaces). A form of another key (what an edit or a merge moved here) is not this term's:
        then the key."""
        return next((form for form in self.forms if zh_key(form) == self.zh), self.zh)


@dataclass(frozen=True)
class Untranslated:
    """A Chinese domain term seen with no English equivalent: work for a translator."""

    zh: str
    count: int
    documents: int
    score: float
    example: str | None = None
    document: str | None = None
    proposed_en: str | None = None


@dataclass(frozen=True)
class ImportedPair:
    """A Chinese-English pair read from a term list (CSV, TBX, OmegaT, Markdown), before it meets the glossary.

    ``status`` is what the file says (None when it says nothing); ``where`` names the place in the file
    ("line 12") for messages.
    """

    zh: str
    en: str
    abbr: str | None = None
    note: str | None = None
    status: str | None = None
    tags: tuple[str, ...] = ()
    confidence: float | None = None
    where: str = ""
