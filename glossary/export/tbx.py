"""TBX, TBX-Basic dialect: v3 (ISO 30042:2019) for Trados, memoQ and other CAT tools, and v2 (martif), the only
version OmegaT and translate-toolkit read. The two differ in names only, so one writer serves both.

One concept entry per Chinese term. Its zh language section holds the term, with the sentences it was found in
(context) and their documents (source). Its en section holds one term section per English form: termType
fullForm (acronym for a form such as GPT-4), administrativeStatus from the pair's status (approved ->
preferred, candidate -> admitted, rejected -> deprecated), the pair's origination and modification dates and
its note; the pair's abbreviation follows as a term section of type acronym. Tags become subjectField.
glossary's TBX import reads all of it back (see glossary.exchange.tbx).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import GlossaryError
from ..model import Entry
from ..normalize import is_abbreviation

LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ADMINISTRATIVE_STATUS = {
    "approved": "preferredTerm-admn-sts",
    "candidate": "admittedTerm-admn-sts",
    "rejected": "deprecatedTerm-admn-sts",
}
# Characters XML 1.0 cannot carry at all, not even escaped (a pasted note can hold a vertical tab).
_NOT_XML_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SOURCE_DESC = "<p>Chinese-English term pairs exported by glossary</p>"


@dataclass(frozen=True)
class Dialect:
    head: str
    tail: str
    entry: str
    language: str
    term: str


V3 = Dialect(
    head=f"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="zh" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <sourceDesc>{_SOURCE_DESC}</sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
""",
    tail="    </body>\n  </text>\n</tbx>\n",
    entry="conceptEntry",
    language="langSec",
    term="termSec",
)
V2 = Dialect(
    head=f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="zh">
  <martifHeader>
    <fileDesc>
      <sourceDesc>{_SOURCE_DESC}</sourceDesc>
    </fileDesc>
    <encodingDesc>
      <p type="XCSURI">TBXBasicXCSV02.xcs</p>
    </encodingDesc>
  </martifHeader>
  <text>
    <body>
""",
    tail="    </body>\n  </text>\n</martif>\n",
    entry="termEntry",
    language="langSet",
    term="tig",
)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    child = ET.SubElement(parent, tag, attributes)
    if text is not None:
        child.text = _NOT_XML_RE.sub("", text)
    return child


def _term_section(language: ET.Element, dialect: Dialect, term: str, term_type: str, status: str) -> ET.Element:
    section = _add(language, dialect.term)
    _add(section, "term", term)
    _add(section, "termNote", term_type, type="termType")
    _add(section, "termNote", ADMINISTRATIVE_STATUS[status], type="administrativeStatus")
    return section


def _transaction(section: ET.Element, kind: str, stamp: str) -> None:
    if _DATE_RE.match(stamp):
        group = _add(section, "transacGrp")
        _add(group, "transac", kind, type="transactionType")
        _add(group, "date", stamp[:10])


def _best_status(pairs: list[Entry]) -> str:
    statuses = {p.status for p in pairs}
    return next(s for s in ("approved", "candidate", "rejected") if s in statuses)


def concept_entry(pairs: list[Entry], dialect: Dialect) -> ET.Element:
    """The entry of one Chinese term and its pairs."""
    entry = ET.Element(dialect.entry, id=f"c{pairs[0].term_id}")
    for tag in dict.fromkeys(tag for pair in pairs for tag in pair.tags):
        _add(entry, "descrip", tag, type="subjectField")
    chinese = _add(entry, dialect.language, **{LANG: "zh"})
    written = max(pairs, key=lambda p: p.count).written  # as the corpus most often writes it
    zh = _term_section(chinese, dialect, written, "fullForm", _best_status(pairs))
    for example, document in dict.fromkeys((p.example, p.example_document) for p in pairs if p.example):
        context = _add(zh, "descripGrp")
        _add(context, "descrip", example, type="context")
        if document:
            _add(context, "admin", document, type="source")
    english = _add(entry, dialect.language, **{LANG: "en"})
    # An English form that is itself an acronym goes first: an acronym right after a full form is read back
    # as that form's abbreviation.
    for pair in sorted(pairs, key=lambda p: not (is_abbreviation(p.en) and not p.abbr)):
        own_acronym = is_abbreviation(pair.en) and not pair.abbr
        en = _term_section(english, dialect, pair.en, "acronym" if own_acronym else "fullForm", pair.status)
        _transaction(en, "origination", pair.first_seen)
        _transaction(en, "modification", pair.updated)
        if pair.note:
            _add(en, "note", pair.note)
        if pair.abbr:
            _term_section(english, dialect, pair.abbr, "acronym", pair.status)
    return entry


def _write(entries: Iterable[Entry], dest: BinaryIO, dialect: Dialect) -> int:
    by_term: dict[int, list[Entry]] = {}
    for entry in entries:
        by_term.setdefault(entry.term_id, []).append(entry)
    if not by_term:
        raise GlossaryError("no pairs to export, and a TBX file needs at least one entry")
    dest.write(dialect.head.encode("utf-8"))
    for pairs in by_term.values():
        element = concept_entry(pairs, dialect)
        ET.indent(element, space="  ", level=3)
        dest.write(f"      {ET.tostring(element, encoding='unicode')}\n".encode())
    dest.write(dialect.tail.encode("utf-8"))
    dest.flush()
    return sum(len(pairs) for pairs in by_term.values())


def write_tbx(entries: Iterable[Entry], dest: BinaryIO) -> int:
    """TBX v3, TBX-Basic dialect, DCA style."""
    return _write(entries, dest, V3)


def write_tbx2(entries: Iterable[Entry], dest: BinaryIO) -> int:
    """TBX v2 (martif), TBX-Basic dialect: what OmegaT and translate-toolkit read."""
    return _write(entries, dest, V2)
