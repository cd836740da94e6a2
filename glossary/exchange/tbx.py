"""TBX term bases, v2 (martif: Trados MultiTerm, memoQ, OmegaT) and v3 (ISO 30042:2019), DCA or DCT style.

Each concept entry (conceptEntry / termEntry) gives a pair for every Chinese term with every English term of
its zh* and en* language sections; other languages are ignored. Per English term: termType acronym or
abbreviation right after a full form is that form's abbreviation (glossary writes them so), otherwise a term
of its own; administrativeStatus gives the status (preferred -> approved, admitted -> candidate, deprecated or
superseded -> rejected, also when the Chinese term is the deprecated one); notes of the English term (else of
the Chinese one, else of the entry) become the note; subjectField becomes tags.

The file is untrusted input. It is parsed with expat directly, streaming, one entry in memory at a time:
a DOCTYPE is allowed (TBX v2 files name their DTD) but never fetched, and entity declarations are refused,
since expanding them is how XML bombs work and no term base needs them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.parsers import expat

from ..errors import FormatError
from ..model import ImportedPair
from .fields import checked_abbreviation, checked_pair, parse_status

ROOTS = ("tbx", "martif")
ENTRY = ("conceptEntry", "termEntry")
LANGUAGE_SECTION = ("langSec", "langSet")
TERM_SECTION = ("termSec", "tig", "ntig")
ABBREVIATION_TYPES = ("acronym", "abbreviation")
# DCA style names a data category with a type attribute on one of these; DCT style with the element's name.
_DCA_ELEMENTS = ("termNote", "descrip", "admin", "transac", "ref", "xref")
_CHUNK = 1 << 16


@dataclass
class Element:
    """An XML element of one entry: local name, attributes by local name, and where it starts."""

    name: str
    attributes: dict[str, str]
    line: int
    content: list[str | Element] = field(default_factory=list)

    def children(self, *names: str) -> Iterator[Element]:
        return (c for c in self.content if isinstance(c, Element) and (not names or c.name in names))

    def descendants(self) -> Iterator[Element]:
        for child in self.children():
            yield child
            yield from child.descendants()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.content)

    @property
    def category(self) -> str:
        return self.attributes.get("type", "") if self.name in _DCA_ELEMENTS else self.name


@dataclass
class _Term:
    text: str
    status: str | None
    note: str | None
    line: int
    abbreviation: bool = False
    abbr: str | None = None


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def entries(stream: BinaryIO, name: str) -> Iterator[Element]:
    """The entry elements of a TBX file, one at a time; malformed XML is a FormatError naming the line."""
    parser = expat.ParserCreate(namespace_separator=" ")
    open_elements: list[Element] = []
    finished: list[Element] = []
    root: list[str] = []

    def start(tag: str, attributes: dict[str, str]) -> None:
        local = _local(tag)
        if not root:
            root.append(local)
            if local not in ROOTS:
                raise FormatError(f"{name}: line {parser.CurrentLineNumber}: <{local}> is not TBX (<tbx> or <martif>)")
        if open_elements or local in ENTRY:
            element = Element(local, {_local(k): v for k, v in attributes.items()}, parser.CurrentLineNumber)
            if open_elements:
                open_elements[-1].content.append(element)
            open_elements.append(element)

    def end(tag: str) -> None:
        if open_elements:
            element = open_elements.pop()
            if not open_elements:
                finished.append(element)

    def characters(data: str) -> None:
        if open_elements:
            open_elements[-1].content.append(data)

    def refuse_entities(entity: str, *_: object) -> None:
        raise FormatError(
            f"{name}: line {parser.CurrentLineNumber}: declares the XML entity {entity}; "
            "entities are refused (a term base never needs them)"
        )

    def undefined_entity(entity: str, _is_parameter: bool) -> None:
        raise FormatError(f"{name}: line {parser.CurrentLineNumber}: undefined entity &{entity};")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.EntityDeclHandler = refuse_entities
    parser.SkippedEntityHandler = undefined_entity
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
            yield from finished
            finished.clear()
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code) if exc.code is not None else str(exc)
        raise FormatError(f"{name}: line {exc.lineno}, column {exc.offset + 1}: {message}") from None
    yield from finished


def _language(code: str) -> str | None:
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return {"zh": "zh", "zho": "zh", "chi": "zh", "cmn": "zh", "en": "en", "eng": "en"}.get(base)


def _notes(element: Element) -> str | None:
    notes = [n.text().strip() for n in element.children("note")]
    return "\n".join(n for n in notes if n) or None


def _term(section: Element, name: str) -> _Term:
    inner = list(section.descendants())
    term = next((e for e in inner if e.name == "term"), None)
    if term is None or not term.text().strip():
        raise FormatError(f"{name}: line {section.line}: <{section.name}> has no <term>")
    notes = {e.category: e for e in inner if e.category in ("administrativeStatus", "termType")}
    status_note = notes.get("administrativeStatus")
    status = parse_status(status_note.text(), f"{name}: line {status_note.line}") if status_note else None
    term_type = notes["termType"].text().strip() if "termType" in notes else ""
    # A v2 ntig keeps its notes one level down, in termGrp.
    note = _notes(section) or next((_notes(g) for g in section.children("termGrp") if _notes(g)), None)
    return _Term(term.text().strip(), status, note, section.line, abbreviation=term_type in ABBREVIATION_TYPES)


def _english(terms: list[_Term]) -> list[_Term]:
    """English terms with each abbreviation folded into the full form it follows."""
    forms: list[_Term] = []
    for term in terms:
        previous = forms[-1] if forms else None
        if term.abbreviation and previous and not previous.abbreviation and previous.abbr is None:
            previous.abbr = term.text
            continue
        forms.append(term)
    return forms


def pairs_of_entry(entry: Element, name: str) -> Iterator[ImportedPair]:
    # subjectField belongs to the entry itself (TBX-Basic), possibly inside a descripGrp.
    fields = [*entry.children(), *(e for group in entry.children("descripGrp") for e in group.children())]
    tags = tuple(dict.fromkeys(e.text().strip() for e in fields if e.category == "subjectField" and e.text().strip()))
    sides: dict[str, list[_Term]] = {"zh": [], "en": []}
    section_notes: list[str] = [n for n in [_notes(entry)] if n]
    for section in entry.children(*LANGUAGE_SECTION):
        code = section.attributes.get("lang")
        if code is None:
            raise FormatError(f"{name}: line {section.line}: <{section.name}> has no xml:lang")
        side = _language(code)
        if side is None:
            continue
        section_notes.extend(n for n in [_notes(section)] if n)
        sides[side].extend(_term(s, name) for s in section.children(*TERM_SECTION))
    fallback_note = "\n".join(section_notes) or None
    english = _english(sides["en"])
    for zh in sides["zh"]:
        for en in english:
            zh_text, en_text = checked_pair(zh.text, en.text, f"{name}: line {en.line}")
            status = "rejected" if "rejected" in (zh.status, en.status) else en.status or zh.status
            yield ImportedPair(
                zh=zh_text,
                en=en_text,
                abbr=checked_abbreviation(en.abbr, f"{name}: line {en.line}"),
                note=en.note or zh.note or fallback_note,
                status=status,
                tags=tags,
                where=f"line {en.line}",
            )


def read_tbx(stream: BinaryIO, name: str) -> Iterator[ImportedPair]:
    for entry in entries(stream, name):
        yield from pairs_of_entry(entry, name)
