"""Anki decks (.apkg): one note per Chinese term, re-importable every week without losing review history.

Anki matches an imported note to one it already has by GUID, and replaces its fields and tags only when the
imported note is newer (``mod``, whole seconds). So identity never comes from text a person can edit: the note
type id is a constant, a deck's id derives from its name, and a note's GUID from the term's uid (random, never
reused, different in every glossary). Cards of notes
Anki already has are left alone, which keeps their scheduling; a card the deck now asks for (a direction added
later) is added.

Anki updates notes only while the note type's field and template names stay the same (it compares a hash of
them), so ``FIELDS`` and the two template names are frozen: add a field and every learner's re-import would
stop updating. Styling and template markup may change; Anki takes them from a newer deck.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import itertools
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import MissingExtraError
from ..model import Entry
from ..normalize import to_traditional

# Frozen once shipped: see the module docstring.
MODEL_ID = 1_738_204_517
MODEL_NAME = "glossary: Chinese-English term"
FIELDS = (
    "Simplified",
    "Traditional",
    "Pinyin",
    "English",
    "Abbreviation",
    "Example",
    "Source",
    "Note",
    "Recognition",  # non-empty: make the 中 -> EN card
    "Production",  # non-empty: make the EN -> 中 card
)
RECOGNITION, PRODUCTION = "Recognition 中→EN", "Production EN→中"

DEFAULT_DECK = "Glossary"
DIRECTIONS = ("zh-en", "en-zh", "both")
DEFAULT_DIRECTION = "both"

_CARD_ON = "y"
_STATUS_ORDER = {"approved": 0, "candidate": 1}

_ZH_FRONT = """<div class="term" lang="zh-Hans">{{Simplified}}</div>
{{#Traditional}}<div class="traditional" lang="zh-Hant">{{Traditional}}</div>{{/Traditional}}"""
_EN_FRONT = """<div class="english">{{English}}</div>
{{#Abbreviation}}<div class="abbr">{{Abbreviation}}</div>{{/Abbreviation}}"""
_EVIDENCE = """<div class="evidence">
{{#Example}}<div class="example" lang="zh-Hans">{{Example}}</div>{{/Example}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}
{{#Note}}<div class="note">{{Note}}</div>{{/Note}}
</div>"""

TEMPLATES = [
    {
        "name": RECOGNITION,
        # Wrapped in the Recognition field: Anki makes (and keeps making, when a note is edited) this card only
        # when the field is non-empty, so --direction holds inside Anki too.
        "qfmt": "{{#Recognition}}\n" + _ZH_FRONT + "\n{{/Recognition}}",
        "afmt": '{{FrontSide}}\n<hr id=answer>\n<div class="pinyin">{{Pinyin}}</div>\n' + _EN_FRONT + "\n" + _EVIDENCE,
    },
    {
        "name": PRODUCTION,
        "qfmt": "{{#Production}}\n" + _EN_FRONT + "\n{{/Production}}",
        "afmt": "{{FrontSide}}\n<hr id=answer>\n" + _ZH_FRONT + '\n<div class="pinyin">{{Pinyin}}</div>\n' + _EVIDENCE,
    },
]

# CJK fonts are chosen by language so that Han characters get Chinese (not Japanese) glyphs on every platform;
# sizes step down on narrow screens (AnkiDroid, AnkiMobile).
CSS = """\
.card {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Noto Sans CJK SC",
    "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  font-size: 20px;
  line-height: 1.6;
  text-align: center;
  color: #1f2328;
  background: #fff;
  padding: 0 0.75em;
}
.nightMode.card, .night_mode .card { color: #e6e6e6; background: #1e1e1e; }
:lang(zh-Hans) { font-family: "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
  "Hiragino Sans GB", sans-serif; }
:lang(zh-Hant) { font-family: "PingFang TC", "Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei",
  sans-serif; }
.term { font-size: 2.6em; line-height: 1.25; letter-spacing: 0.04em; }
.traditional { font-size: 1.3em; color: #6e7781; }
.pinyin { font-size: 1.25em; color: #0969da; margin-bottom: 0.4em; }
.nightMode .pinyin, .night_mode .pinyin { color: #79c0ff; }
.english { font-size: 1.4em; }
.abbr { font-size: 1.1em; color: #6e7781; }
.evidence { max-width: 34em; margin: 1em auto 0; text-align: left; }
.example { font-size: 0.95em; }
.example b { color: #bc4c00; font-weight: 600; }
.nightMode .example b, .night_mode .example b { color: #ffa657; }
.source, .note { font-size: 0.8em; color: #6e7781; margin-top: 0.4em; }
.source::before { content: "— "; }
hr#answer { margin: 0.8em 0; }
@media (max-width: 480px) {
  .card { font-size: 18px; }
  .term { font-size: 2.2em; }
}
"""


def deck_id(name: str) -> int:
    """A deck's id, derived from its name: exporting again to the same deck name updates that deck.

    In genanki's recommended range [2**30, 2**31). Frozen: changing it would give every learner a second deck.
    """
    digest = hashlib.sha256(f"glossary deck\x1f{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(term_uid: str) -> str:
    """A note's GUID: from the term's uid only, so edits to the term's text update the same note, and a term
    added after another was removed does not inherit its review history.

    Spelled out here rather than with genanki.guid_for, whose hashing a later genanki could change. Frozen.
    """
    return f"glossary-term-{term_uid}"


def _text(value: str | None) -> str:
    """Plain text as Anki field HTML: <think> and A&B show literally, line breaks stay."""
    return html.escape(value or "", quote=False).replace("\r\n", "\n").replace("\n", "<br>")


# Markup a card's reader would see as marks, as Markdown and HTML render it: a link's brackets and target (its
# text stays); HTML's inline tags, whole (not anything in angle brackets: x<a 且 y>b, and the tokens LLM writing
# names, <think>, <s>); emphasis, stars enclosing text, nested too (not where a Latin letter or digit outside them
# touches Latin text inside: a*b*c, x**2; GPU**加速** is emphasis); the marks that open a list item, a heading or
# a quote. Code keeps what it holds without its backticks, and math ($...$, without Chinese) stays as written.
_PROTECTED = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)|(\${1,2})((?:(?![\u3400-\u9fff])[^$\n])+?)\3")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)")
_TAG = re.compile(
    r"</?(?:a|abbr|b|big|br|code|del|em|font|i|img|ins|kbd|mark|p|small|span|strong|sub|sup|u)"
    r"""(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*\s*/?>"""
)
_EMPHASIS = re.compile(r"(?<![*\\])(\*{1,3})(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\1(?!\*)")
_OPENING = re.compile(r"^\s*(?:(?:[-*+]|\d{1,3}[.)]|#{1,6}|>)\s+)+")


def readable(sentence: str) -> str:
    """The sentence as its document's reader sees it: 「- **微调**：[Fine-tuning](url)」 reads 「微调：Fine-tuning」."""
    kept: list[str] = []

    def keep(protected: re.Match[str]) -> str:
        kept.append(protected.group(2) if protected.group(1) else protected.group())
        return f"\0{len(kept) - 1}\0"

    text = _TAG.sub("", _LINK.sub(r"\1", _PROTECTED.sub(keep, _OPENING.sub("", sentence, count=1))))
    for _ in range(3):  # (emphasis inside emphasis, inside out)
        unmarked = _EMPHASIS.sub(_unemphasised, text)
        if unmarked == text:
            break
        text = unmarked
    return re.sub("\0(\\d+)\0", lambda m: kept[int(m.group(1))], text).strip()


def _unemphasised(match: re.Match[str]) -> str:
    """The emphasised text, unless Latin text inside meets a Latin letter or digit outside (a*b*c, x**2)."""
    text, inside = match.string, match.group(2)
    outside = text[match.start() - 1 : match.start()] + text[match.end() : match.end() + 1]
    if inside.isascii() and "\0" not in inside and any(c.isascii() and c.isalnum() for c in outside):
        return match.group()
    return inside


def highlight(sentence: str, chinese: Sequence[str], english: Sequence[str] = ()) -> str:
    """The sentence as escaped HTML with every occurrence of the term (any of its forms) in <b>.

    English forms match case-insensitively and only as whole words, so "AI" is not marked inside "AIGC". Where
    forms overlap, the one starting first wins, then the longest. (A plain scan: compiling a regular expression
    per note was most of the time of a 100k-term export.)
    """
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a rare letter whose lower case is longer: match case exactly
        lowered = sentence
    spans: list[tuple[int, int]] = []
    for forms, text, whole_words in ((chinese, sentence, False), (english, lowered, True)):
        for form in {f.lower() if whole_words else f for f in forms if f}:
            at = text.find(form)
            while at != -1:
                end = at + len(form)
                if not whole_words or not (_is_word_char(text, at - 1) or _is_word_char(text, end)):
                    spans.append((at, end))
                at = text.find(form, at + 1)
    out: list[str] = []
    last = 0
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= last:
            out.append(_text(sentence[last:start]))
            out.append(f"<b>{_text(sentence[start:end])}</b>")
            last = end
    out.append(_text(sentence[last:]))
    return "".join(out)


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalnum()


def _tag(*parts: str) -> str:
    """An Anki tag under glossary::. Anki tags cannot hold spaces; '::' would nest them, so a part keeps none."""
    cleaned = [re.sub(r"\s+", "_", p.strip()).replace("::", ":") for p in parts]
    return "::".join(["glossary", *cleaned])


def _document_name(path: str) -> str:
    """What a learner sees of a document: its file name (paths are private to the machine that extracted)."""
    return Path(path).name or path


def note_fields(pairs: Sequence[Entry], direction: str = DEFAULT_DIRECTION) -> list[str]:
    """The fields (HTML) of one term's note, from its pairs (rejected ones already left out)."""
    ranked = sorted(pairs, key=lambda e: _STATUS_ORDER.get(e.status, 2))  # stable: keeps the store's order
    first = ranked[0]
    english = list(dict.fromkeys(e.en for e in ranked))
    abbreviations = list(dict.fromkeys(e.abbr for e in ranked if e.abbr))
    traditional = to_traditional(first.zh)
    example_entry = next((e for e in ranked if e.example), None)
    example, source = "", ""
    if example_entry and example_entry.example:
        chinese = [first.zh, traditional, *(f for e in ranked for f in e.forms)]
        example = highlight(readable(example_entry.example), chinese, [*english, *abbreviations])
        source = _text(_document_name(example_entry.example_document or ""))
    notes = list(dict.fromkeys(e.note for e in ranked if e.note))
    return [
        _text(first.zh),
        _text(traditional) if traditional != first.zh else "",
        _text(first.pinyin),
        "; ".join(_text(en) for en in english),
        ", ".join(_text(a) for a in abbreviations),
        example,
        source,
        "<br>".join(_text(n) for n in notes),
        _CARD_ON if direction in ("zh-en", "both") else "",
        _CARD_ON if direction in ("en-zh", "both") else "",
    ]


def note_tags(pairs: Sequence[Entry]) -> list[str]:
    """Tags for status, the documents the term was seen in, and its domain (the pairs' own tags)."""
    statuses = sorted({e.status for e in pairs}, key=lambda s: _STATUS_ORDER.get(s, 2))
    documents = sorted({_document_name(d) for e in pairs for d in e.documents})
    domains = sorted({t for e in pairs for t in e.tags})
    return [
        *(_tag("status", s) for s in statuses),
        *(_tag("doc", Path(d).stem or d) for d in documents),
        *(_tag("domain", t) for t in domains),
    ]


def _genanki() -> Any:
    try:
        import genanki
    except ImportError as exc:
        raise MissingExtraError("genanki", "anki") from exc
    return genanki


def write_anki(
    entries: Iterable[Entry],
    dest: BinaryIO,
    *,
    deck: str | None = None,
    direction: str | None = None,
    timestamp: float | None = None,
) -> int:
    """Write an Anki package: one note per term with all its non-rejected English forms. Returns pairs used.

    ``deck`` names the deck (default "Glossary"); ``direction`` is zh-en (recognition cards), en-zh (production)
    or both. ``timestamp`` (seconds) is the notes' modification time, default now: Anki updates a note it has
    only from a newer one, so a re-export must be at least a second later than the import it should update.
    New cards are ordered by how often the term was seen, most frequent first.
    """
    genanki = _genanki()
    direction = direction or DEFAULT_DIRECTION
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    deck_name = deck or DEFAULT_DECK
    stamp = time.time() if timestamp is None else timestamp

    terms: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.status != "rejected":
            terms.setdefault(entry.term_uid, []).append(entry)

    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[dict(t) for t in TEMPLATES],
        css=CSS,
    )
    anki_deck = genanki.Deck(
        deck_id(deck_name), deck_name, description="Chinese-English terms from glossary (re-import to update)."
    )
    anki_deck.add_model(model)
    pairs_used = sum(len(pairs) for pairs in terms.values())
    by_frequency = sorted(terms, key=lambda term_uid: -sum(e.count for e in terms[term_uid]))
    with _package(dest, stamp) as (cursor, ids):
        genanki.Package(anki_deck).write_to_db(cursor, stamp, ids)  # the collection, its deck and note type
        # Notes go straight to the database as they are made, and each term's entries are let go once its
        # note is written: a 100k-term deck never holds all its notes in memory.
        for position, term_uid in enumerate(by_frequency):
            pairs = terms.pop(term_uid)
            note = genanki.Note(
                model=model,
                fields=note_fields(pairs, direction),
                tags=note_tags(pairs),
                guid=note_guid(term_uid),
                due=position,
            )
            note.write_to_db(cursor, stamp, anki_deck.deck_id, ids)
    return pairs_used


@contextlib.contextmanager
def _package(dest: BinaryIO, timestamp: float) -> Iterator[tuple[sqlite3.Cursor, Iterator[int]]]:
    """A scratch collection to fill (cursor, id generator), zipped into ``dest`` as an .apkg when done.

    In place of genanki's Package.write_to_file, which leaves its mkstemp() database behind in the temp
    directory on every call and stores the collection uncompressed; a 100k-term deck is five times smaller
    deflated (Anki reads either).
    """
    with tempfile.TemporaryDirectory(prefix="glossary-anki-") as tmp:
        collection = os.path.join(tmp, "collection.anki2")
        conn = sqlite3.connect(collection)
        try:
            conn.execute("PRAGMA synchronous = OFF")  # a scratch file: durability would only cost time
            yield conn.cursor(), itertools.count(int(timestamp * 1000))
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(collection, "collection.anki2")
            archive.writestr("media", "{}")
    dest.flush()
