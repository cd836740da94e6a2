"""Files, directories and stdin -> decoded, normalised documents.

Users have Chinese text in every encoding: UTF-8 (with or without BOM), UTF-16, GB18030/GBK and Big5. Detectors
are unreliable on short GBK text, and GB18030 decodes almost any bytes without error, so every encoding that
decodes cleanly is judged by how plausible its text is: real Chinese is made of common characters, a wrong
decoding of rare ones.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import ClassVar

from .errors import DocumentError
from .model import STDIN, STDIN_NAME, Document
from .normalize import CJK_CHAR, CJK_RE, plain_text, to_traditional
from .render import width

SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".srt": "subtitles",
    ".vtt": "subtitles",  # (WebVTT: the same cues, after a header)
}
*_others, _last = SUFFIX_FORMATS
SUFFIXES_READ = f"{', '.join(_others)} and {_last}"  # (for messages: ".txt, .text, ... and .vtt")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text (NUL aside, which UTF-16 is full of): C0 controls but tab, newlines, FF, ESC.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\ufffd\ue000-\uf8ff]")


@cache
def _common_chars() -> frozenset[str]:
    simplified = resources.files("glossary").joinpath("data/common_chars.txt").read_text(encoding="utf-8")
    simplified = simplified.replace("\n", "")
    return frozenset(simplified) | frozenset(to_traditional(simplified))


_PUNCTUATION = frozenset("，。、；：？！（）「」『』《》〈〉【】“”‘’—…·～　％＋－＝／")


def plausibility(text: str) -> float:
    """How much a decoding looks like real text, 0..1.

    Among the characters outside ASCII, the share that are common CJK characters, CJK punctuation or
    accented Latin letters; a wrong decoding yields rare characters, kana, symbols and control characters
    (which count five times).
    """
    sample = text[:20000]
    common = _common_chars()
    good = bad = 0
    for ch in sample:
        if ch < "\x80":
            if ch < " " and ch not in "\t\n\r\x0c\x1b":
                bad += 5
            continue
        if ch in common or ch in _PUNCTUATION or ("\u00c0" <= ch <= "\u024f"):
            good += 1
        elif _CONTROL_CHARS.match(ch):
            bad += 5
        else:
            bad += 1
    if good + bad == 0:
        return 1.0
    return good / (good + bad)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    controls = sum(sample.count(b) for b in _CONTROL_BYTES) + sample.count(0)
    return bool(sample) and controls / len(sample) > 0.01


_PLAUSIBLE = 0.75  # (the plausibility of the right decoding; wrong ones score far below)


def decode(data: bytes, encoding: str | None = None, name: str = "input") -> tuple[str, str]:
    """Bytes -> (text, encoding name). Raises DocumentError for binary or undecodable input.

    UTF-8 that decodes cleanly is taken as is (other encodings almost never do); otherwise every candidate
    that decodes strictly competes on plausibility, which also rejects binary files: their decodings are
    full of control characters.
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DocumentError(f"{name}: cannot decode as {encoding} ({exc.__class__.__name__})") from exc
        if plausibility(text) < _PLAUSIBLE:
            # A wrong encoding that decodes all the same (GBK bytes as Big5) would store nonsense in place of the
            # document, and its pairs with it: refused where another reads as text.
            try:
                _, found = decode(data, None, name)
            except DocumentError:
                found = encoding
            if codecs.lookup(found).name != codecs.lookup(encoding).name:
                raise DocumentError(f"{name}: reads as {found}, not {encoding}; leave --encoding out or correct it")
        return text, encoding
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(bom_encoding), bom_encoding
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{name}: starts with a {bom_encoding} BOM but does not decode as it") from exc
    try:
        text = data.decode("utf-8")
        if not _CONTROL_CHARS.search(text[:8192]):
            return text, "utf-8"
    except UnicodeDecodeError:
        pass
    guesses = ["gb18030", "big5hkscs"]
    if len(data) % 2 == 0:
        guesses += ["utf-16-le", "utf-16-be"]
    detected = _charset_normalizer_guess(data)
    if detected and detected not in guesses:
        guesses.append(detected)
    decoded: list[tuple[float, int, str]] = []
    for rank, candidate in enumerate(guesses):
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        decoded.append((plausibility(text), -rank, candidate))
    best_score, _, best = max(decoded, default=(0.0, 0, ""))
    if best_score >= _PLAUSIBLE:
        names = {"big5hkscs": "big5", "utf-16-le": "utf-16", "utf-16-be": "utf-16"}
        return data.decode(best), names.get(best, best)
    if _looks_binary(data):
        suffix = Path(name).suffix.lower()
        # (a .docx or .pdf named explicitly: the note a directory's files of other kinds get)
        other = f" (only {SUFFIXES_READ} files are read)" if suffix and suffix not in SUFFIX_FORMATS else ""
        raise DocumentError(f"{name}: binary file, not text{other}")
    raise DocumentError(f"{name}: cannot tell its encoding (not UTF-8, UTF-16, GB18030 or Big5); pass --encoding")


def _charset_normalizer_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return best.encoding if best else None


class _HTMLText(HTMLParser):
    """Visible text of an HTML page; emphasis and code keep Markdown marks as hints for the extractor."""

    SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "template", "svg", "head"}
    BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "hr",
        "dd",
        "dt",
        "figcaption",
        "header",
        "footer",
        "main",
    }
    # ... and preformatted text is fenced: code, which the extractor masks as it masks Markdown's; table cells are
    # written as Markdown writes them (| 批量归一化 | batch normalization |), where a term list's rows are read
    MARKS: ClassVar[dict[str, str]] = {"em": "*", "i": "*", "strong": "**", "b": "**", "code": "`", "pre": "\n```\n"}
    CELLS: ClassVar[set[str]] = {"td", "th"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: list[str] = []
        self.in_title = False
        self.tables = 0  # tables open: the layout between their tags is no text
        self.cells = 0  # 1 in a table cell: what is in one stays on its row's line

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skipping += 1
        elif not self.skipping:
            if tag in self.BLOCK:
                self.parts.append(" " if self.cells else "\n")
            self.parts.append(self.MARKS.get(tag, ""))
            if tag == "tr":
                self._end_cell()  # (HTML may leave a cell's end tag out: the next cell or row ends it)
                self.parts.append("\n|")  # (a line a row: not a block, whose blank lines would part the rows)
            elif tag in self.CELLS:
                self._end_cell()
                self.parts.append(" ")
                self.cells = 1
            elif tag == "table":
                self.tables += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif not self.skipping:
            self.parts.append(self.MARKS.get(tag, ""))
            if tag in (*self.CELLS, "tr", "table"):
                self._end_cell()
                self.tables = max(0, self.tables - (tag == "table"))
            if tag in self.BLOCK:
                self.parts.append(" " if self.cells else "\n")

    def _end_cell(self) -> None:
        if self.cells:
            self.parts.append(" |")
            self.cells = 0

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            if self.cells:
                self.parts.append(data.replace("\n", " "))  # (a row is one line)
            elif not self.tables or data.strip() or "\n" not in data:  # (not the layout between a table's tags)
                self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = plain_text("".join(parser.parts))  # again: &nbsp; is a no-break space once the markup is read
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" ?\n[ \n]*", lambda m: "\n\n" if m.group().count("\n") > 1 else "\n", text).strip()
    title = plain_text(html.unescape("".join(parser.title))).strip() or None
    return text, title


# Hard-wrapped text: lines broken at a fixed width run on, and a break may fall inside a term (共享密⏎钥) or a gloss
# (（replay⏎attack）). Lines broken so are read as one, as pandoc's east_asian_line_breaks reads them: a break
# between two wide characters, or beside wide punctuation, is nothing; after a hyphen, nothing; any other, a space.
#
# A line may run on into the next when both hold text, neither is code (fenced, or indented in Markdown), the
# next starts no block of its own (Markdown's headings, lists, quotes, tables, fences, HTML, display math, images,
# directives; numbered Chinese lists 一、 （1） ①; a paragraph indented by an ideographic space), and the line is not
# one (a heading, a table row, a setext rule) and does not end a sentence. It does only where wrapping broke it,
# not its author (a title, a byline, definitions one a line, verse, dialogue):
# - a gloss broken inside its bracket (（replay⏎attack）): no author does that;
# - or the text is wrapped at a width that a third of such lines fill (in display columns, as editors wrap),
#   breaking a gloss or a word somewhere, and the next line's first word (with a bracket before it, or
#   punctuation after it, which wrappers keep with it) would not have fitted on this one (see _wrapped_breaks).
#   A gloss pushed onto the next line whole (图着色⏎（graph coloring）) is joined so; not a title's English under
#   it, which an author writes.
_BREAK = re.compile(
    r"\n(?<=[^\n]{19}[^\n\s。！？]\n)"
    r"(?=(?P<indent>[ \t]*)(?P<next>(?![#>|<`~!:=\u3000\u2460-\u2473]|\$\$|[-*+•·][ \t]|[-=*_]{3,}[ \t]*$|"
    r"[（(]?[一二三四五六七八九十\d]{1,3}[.)）、．])[^\s][^\n]*))"
)
_ONE_LINE_BLOCK = re.compile(r"[ \t]*(?:#|\||[-=*_]{3,}[ \t]*$)|.*\S[ \t]\|[ \t]\S")  # (a | b: a table's row)
_FENCE = re.compile("\n[ \t]*(```|~~~)")
_INDENTED_CODE = re.compile(r" {4}|\t")  # (Markdown's code block, where no paragraph runs on into it)
# Wide characters: CJK, their punctuation and quotes, full-width forms: a break between two runs on without a
# space.
_WIDE = re.compile(
    "[\u1100-\u115f\u2018-\u201d\u2026\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]"
)
_WIDE_PUNCTUATION = re.compile(
    "[\u2018-\u201d\u2026\u3000-\u303f\ufe30-\ufe4f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff60]"
)
# What a wrapper moves to the next line as one: a Latin word or a character, with marks and brackets before it
# and punctuation after it (no line starts with punctuation, nor ends with an opening bracket)
_FIRST_WORD = re.compile(
    r"[*_`~]*[（(\[【「“‘《]*(?:[A-Za-z0-9][^\s\u3000-\u9fff\uff00-\uffef]*|.)[，。、；：？！,.;:?!）)\]】」”’》]*"
)
_OPEN_GLOSS = re.compile(r"[（(][^（）()]*$")  # (a bracket still open at the line's end)
# (a line that opens with a gloss of English and a comma after it: the sentence of the line before goes on; a
# list's item, (Encoder)：将输入编码 or (SGD) 收敛最慢, names its own subject)
_GLOSS_RUNS_ON = re.compile(r"[（(][A-Za-z][^（）()\n]*[）)][ \t]*[，、,]")
_LATIN_LETTER = re.compile("[A-Za-z]")
_MARKS = "*_`~"  # (emphasis and code marks, which a break between two characters may have beside it)
_WRAPPED_WIDTH = 40  # (no narrower than 20 CJK characters)


def unwrap(text: str, fmt: str = "txt") -> str:
    """The text with each line broken by wrapping run on into the next (see _BREAK); other lines as they are."""
    start = 0
    if fmt == "md":
        front = FRONT_MATTER.match(text)
        start = front.end() if front else 0
    prose = []  # (start, end) of the text between code blocks
    for code_start, code_end in _code_blocks(text, start):
        prose.append((start, code_start))
        start = code_end
    prose.append((start, len(text)))
    breaks: list[tuple[int, int, str, str]] = []  # (where the line ends, where the next starts, the two lines)
    paragraph = searched = 0  # (where the paragraph of the last break starts, and how far back that was sought)
    for m in (m for prose_start, prose_end in prose for m in _BREAK.finditer(text, prose_start, prose_end)):
        blank = text.rfind("\n\n", searched, m.start())
        paragraph, searched = (blank + 2 if blank >= 0 else paragraph), m.start()
        line_start = text.rfind("\n", 0, m.start()) + 1
        line, following = text[line_start : m.start()], m.group("next")
        if _ONE_LINE_BLOCK.match(line) or _ONE_LINE_BLOCK.match(following):
            continue
        if not (_WIDE.search(line) or _WIDE.search(following)):
            continue
        if fmt == "md" and _INDENTED_CODE.match(line) and _INDENTED_CODE.match(text, paragraph):
            continue  # (a line of an indented code block: its first line is indented too, after a blank line)
        breaks.append((m.start(), m.start("next"), line, following))
    if not breaks:
        return text
    wrapped = _wrapped_breaks([(line, following) for _, _, line, following in breaks])
    pieces: list[str] = []
    at = 0
    for (end, next_start, line, following), joined in zip(breaks, wrapped, strict=True):
        if joined:
            pieces.append(text[at:end])
            pieces.append(_joint(line, following))
            at = next_start
    pieces.append(text[at:])
    return "".join(pieces)


# A subtitle file's cues (SubRip's .srt, WebVTT's .vtt): a cue's number, its times and settings, WebVTT's header
# and its NOTE, STYLE and REGION blocks, and styling tags (<i>, <c.yellow>, <00:01.500>, {\\an8}) are no text.
_CUE_TIMING = re.compile(r"[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{3}[ \t]*-->")
_CUE_TAG = re.compile(r"</?(?:[biuc]|font|span|ruby|rt|lang|v)(?:[ .][^<>\n]*)?>|<\d{1,2}:[\d:.]+>|\{\\[^}\n]*\}")
_PHRASE_SPACE = re.compile(f"(?<=[{CJK_CHAR}]) +(?=[{CJK_CHAR}])")
# A cue that opens with a gloss: a bracket of two English words or more, or one the cue goes on after; a bracket of
# one word alone is a sound, (Applause), not a gloss
_GLOSS_CUE = re.compile(r"[（(][^（）()]*[A-Za-z][^（）()]*\s[^（）()]*[）)]|[（(][^（）()]+[）)]\s*\S")


def subtitle_text(text: str) -> str:
    """A subtitle file's words, a cue a line: its lines joined with a space, as subtitles part phrases, and a space
    between two Chinese characters read as the comma it stands for (往返时间 也就是RTT); but in bilingual subtitles, a
    line of English only stays a line of its own. A cue that opens with a gloss of what the cue before ends with
    (传输控制协议⏎⏎（Transmission Control Protocol）) runs on from it."""
    cues: list[list[str]] = []
    in_cue = False  # (a blank line ends a cue's text; what comes before the next times is a number, a NOTE ...)
    for line in text.split("\n"):
        if _CUE_TIMING.match(line):
            if cues and cues[-1] and cues[-1][-1].isdigit():
                cues[-1].pop()  # (the next cue's number, where no blank line came before it)
            cues.append([])
            in_cue = True
        elif not line.strip():
            in_cue = False
        elif in_cue:
            cues[-1].append(html.unescape(_CUE_TAG.sub("", line)).strip())
    # A file of bilingual subtitles gives most cues a line of English only, its translation (大家好⏎Hello everyone):
    # that line stays its own. Elsewhere such a line is a term's English, shown beside it (快速恢复⏎fast recovery).
    cues = [[line for line in cue if line] for cue in cues]
    translated = sum(1 for cue in cues if any(not CJK_RE.search(line) and line[0] not in "（(" for line in cue[1:]))
    bilingual = translated * 2 >= len([cue for cue in cues if cue])
    out: list[str] = []
    for cue in cues:
        lines: list[str] = []
        for line in cue:
            if lines and (not bilingual or CJK_RE.search(line) or line[0] in "（("):
                lines[-1] += " " + line
            else:
                lines.append(line)
        if not lines:
            continue
        if out and _GLOSS_CUE.match(lines[0]):
            out[-1] += " " + lines[0]
            lines = lines[1:]
        out.extend(lines)
    return _PHRASE_SPACE.sub("，", "\n".join(out))


def _code_blocks(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Where fenced code blocks start and end (an unclosed one runs to the end)."""
    opened: tuple[int, str] | None = None
    # (searched for after a newline, which is quick; one put before the text lets a fence open it, and makes a
    # position in the text one less than in what is searched)
    for m in _FENCE.finditer("\n" + text, start):
        if opened is None:
            opened = (m.start(), m.group(1))
        elif m.group(1) == opened[1]:
            line_end = text.find("\n", m.end() - 1)
            yield opened[0], len(text) if line_end < 0 else line_end
            opened = None
    if opened is not None:
        yield opened[0], len(text)


def _wrapped_breaks(lines: list[tuple[str, str]]) -> list[bool]:
    """Which of these breaks (each a line and the next) wrapping made (see _BREAK): inside a gloss, or before one
    the sentence goes on after; or, in a text wrapped at a width that also breaks a gloss or a word somewhere
    (密⏎钥: lines of about one width may be an author's list), where the next word would not have fitted."""
    # (a bracket still open, with English in it before the break or right after: 重放攻击（replay⏎attack）,
    # （⏎unseen classes）, （又称⏎round-trip time）; or a gloss that opens the next line, after which its sentence
    # goes on: 用户数据报协议⏎（User Datagram Protocol，UDP），它是, where a title's English under it ends its line)
    glosses = [
        bool(gloss and (_LATIN_LETTER.search(gloss.group()) or _LATIN_LETTER.match(following)))
        or bool(CJK_RE.match(line[-1]) and _GLOSS_RUNS_ON.match(following))
        for line, following in lines
        for gloss in [_OPEN_GLOSS.search(line)]
    ]
    sizes = [width(line) for line, _ in lines]
    wrap = _wrap_width(sizes)
    if wrap is None or not (any(glosses) or any(_splits_a_word(line, following) for line, following in lines)):
        return glosses
    return [
        broken or (size <= wrap and size + width(word) + word[:1].isascii() > wrap - 2)  # (or nearly: wrappers
        for broken, size, (_, following) in zip(glosses, sizes, lines, strict=True)  # keep a column or two)
        for word in [_FIRST_WORD.match(following).group()]  # type: ignore[union-attr]
    ]


def _splits_a_word(line: str, following: str) -> bool:
    from .lexicon import is_entry

    return bool(CJK_RE.match(line[-1]) and CJK_RE.match(following[0])) and is_entry(line[-1] + following[0])


def _wrap_width(sizes: list[int]) -> int | None:
    """The width a text was wrapped at: the widest size that three of its lines or more, and a third, fill
    to within two columns (a wide character does not fit in the last one, a Latin word ends short); None for a
    text not wrapped."""
    needed = max(3, (len(sizes) + 2) // 3)
    counts: dict[int, int] = {}
    for size in sizes:
        counts[size] = counts.get(size, 0) + 1
    for size in sorted(counts, reverse=True):
        if size < _WRAPPED_WIDTH:
            break
        if counts[size] + counts.get(size - 1, 0) + counts.get(size - 2, 0) >= needed:
            return size
    return None


def _joint(line: str, following: str) -> str:
    """What a line broken by wrapping is joined to the next with: nothing between two wide characters, beside
    wide punctuation or after a hyphen; a space otherwise. Emphasis and code marks at the break are looked past
    (和*⏎输出*)."""
    before, after = line.rstrip(_MARKS)[-1:] or line[-1], following.lstrip(_MARKS)[:1] or following[0]
    if before == "-" and line[-2:-1].isalpha():
        return ""
    return "" if _glued(before, after) else " "


def _glued(before: str, after: str) -> bool:
    """Whether a line broken between two characters runs on with no space: between two wide characters, or
    beside wide punctuation."""
    wide = _WIDE.match(before) and _WIDE.match(after)
    return bool(wide or _WIDE_PUNCTUATION.match(before) or _WIDE_PUNCTUATION.match(after))


# A Markdown file's front matter (---, YAML, which may end with ...; +++, TOML), opening with a key as they are
# written (title:, Title:; not 注意: nor A: of a dialogue under a rule): metadata, not prose. Its title: is the
# document's.
FRONT_MATTER = re.compile(
    r"\A(---|\+\+\+)[ \t]*\n[A-Za-z][A-Za-z0-9_\-]+[ \t]*[:=].{0,20000}?^(?:\1|\.\.\.)[ \t]*$", re.M | re.S
)
_FRONT_TITLE = re.compile(r"^title[ \t]*[:=][ \t]*[\"']?(.+?)[\"']?[ \t]*$", re.M | re.I)


def _title(text: str, fmt: str) -> str | None:
    if fmt == "md":
        front = FRONT_MATTER.match(text)
        if front:
            title = _FRONT_TITLE.search(text, 0, front.end())
            if title and title.group(1).strip("\"'|> "):  # (not title: "", nor a YAML block's | or >)
                return title.group(1)[:120]
            text = text[front.end() :]
        heading = re.search(r"^#{1,3}\s+(.+?)\s*#*\s*$", text, re.M)
        if heading:
            return heading.group(1)[:120]
    for line in text.splitlines():
        if line.strip():
            # (a heading's marks in text read as plain, such as Markdown piped to stdin: # 大语言模型)
            return (re.sub(r"^#{1,6}\s+", "", line.strip()) or line.strip())[:120]
    return None


def format_of(path: str) -> str:
    return SUFFIX_FORMATS.get(Path(path).suffix.lower(), "txt")


def _too_large(path: str, size: int | None, max_bytes: int) -> DocumentError:
    """``size`` None: not known (stdin is read up to the limit). (--max-size 0.1 is 104858 bytes: shown as the 0.1
    MB it was given, not 0.1000004; and the size as precisely, not 0.6 MB > 0.62 MB)"""
    limit = f"{max_bytes / 1048576:.4g} MB"
    said = f"more than {limit}" if size is None else f"{size / 1048576:.4g} MB > {limit}"
    if size is not None and said.startswith(f"{limit} >"):  # (20 MB and 1 KB: in bytes, not "20 MB > 20 MB")
        said = f"{size} bytes > {max_bytes} bytes"
    return DocumentError(f"{path}: too large ({said}); raise --max-size to read it")


def document_from_bytes(
    data: bytes, path: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Decode and normalise one document; DocumentError (one line, naming it) when it cannot be used."""
    if len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes)
    if not data.strip():
        raise DocumentError(f"{path}: empty")
    text, used = decode(data, encoding, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = format_of(path)
    title = None
    if fmt == "html":
        text, title = html_to_text(text)  # (plain text, entities read)
    elif fmt == "subtitles":
        text = subtitle_text(plain_text(text))
    else:
        text = unwrap(plain_text(text), fmt)
    if not text.strip():
        raise DocumentError(f"{path}: no text")
    title = title or _title(text, fmt)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if path == STDIN:
        path = f"stdin:{sha[:16]}"
    return Document(path=path, text=text, sha256=sha, encoding=used, format=fmt, title=title)


def read_stdin(limit: int = -1) -> bytes:
    """What stdin holds (up to ``limit`` bytes); an error where the process was started without one (<&-)."""
    if sys.stdin is None:
        raise DocumentError(f"{STDIN_NAME}: closed, nothing to read")
    return sys.stdin.buffer.read(limit)


def read_document(path: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a file (or stdin for "-") into a Document."""
    try:
        if path == STDIN:
            data = read_stdin(max_bytes + 1)
            if len(data) > max_bytes:
                raise _too_large(path, None, max_bytes)
        else:
            size = Path(path).stat().st_size
            if size > max_bytes:
                raise _too_large(path, size, max_bytes)
            data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        # (iter_inputs passes on a directory with nothing to read in it)
        raise DocumentError(f"{path}: a directory with no {SUFFIXES_READ} files in it") from exc
    except PermissionError as exc:
        raise DocumentError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return document_from_bytes(data, path, encoding=encoding, max_bytes=max_bytes)


def iter_inputs(paths: Iterable[str], passed_over: list[Path] | None = None) -> Iterator[str]:
    """Expand arguments: a directory yields its readable files (recursively, hidden ones skipped, sorted); the
    other files in it are added to ``passed_over``.

    A file named explicitly is read whatever its suffix; missing paths, and directories with nothing to read,
    are passed on so that reading them reports them.
    """
    seen: set[str] = set()
    told: set[Path] = set()  # (files passed over, each once however often its directory is named)
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            files = [
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            found = sorted(p for p in files if p.suffix.lower() in SUFFIX_FORMATS)
            if passed_over is not None:
                for p in files:
                    if p.suffix.lower() not in SUFFIX_FORMATS and p.resolve() not in told:
                        told.add(p.resolve())
                        passed_over.append(p)
            for p in found:
                key = str(p.resolve())
                if key not in seen:
                    seen.add(key)
                    yield key
            if not found:
                yield raw
        else:
            key = str(path.resolve()) if path.exists() else raw
            if key not in seen:
                seen.add(key)
                yield key
