"""Markdown and plain-text term lists, one pair a line, such as the d2l-zh book's TERMINOLOGY.md.

    鞍点，saddle point                              Chinese, a separator (，,：:|=, or " - "), English
    - 长短期记忆网络: long short-term memory (LSTM)  bullets and emphasis go; "(LSTM)" is the abbreviation
    saddle point, 鞍点                              English first works too
    预训练（pre-training）                           the inline-gloss form
    实例/示例，instance                              alternatives: one pair each
    | 中文 | English | 缩写 |                        a Markdown table; a header row names its columns

Blank lines, headings, rules, code blocks and table separator rows are skipped. Any other line that is not a
pair is an error naming it, so a stray paragraph cannot slip in as a term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..errors import FormatError
from ..model import ImportedPair
from ..normalize import clean_surface, is_abbreviation
from .delimited import pairs_from_rows
from .fields import checked_pair, decode_text, is_chinese

_SKIP_RE = re.compile(r"^(?:#|<!--|([-*_])(?:\s*\1){2,}\s*$|\|?[\s:|-]*-[\s:|-]*$)")
_FENCE_RE = re.compile(r"^(```|~~~)")
_BULLET_RE = re.compile(r"^(?:[-*+•·]|\d{1,3}[.)、．])\s+")
_SEPARATOR_RE = re.compile(r"\s*(?:[，,：:；;|｜\t=＝→]|\s[-–—]{1,2}\s)\s*")
_INLINE_GLOSS_RE = re.compile(r"^(?P<zh>[^（(]+?)\s*[（(](?P<en>[^（）()]+)[)）]$")
_TRAILING_PARENS_RE = re.compile(r"^(?P<en>.*?\S)\s*[（(](?P<abbr>[^（）()]+)[)）]$")
_ALTERNATIVES_RE = re.compile(r"\s*[/／]\s*")
_RULE_CELL_RE = re.compile(r"^:?-+:?$")


def abbreviates(abbr: str, en: str) -> bool:
    """Whether ``abbr`` reads as an abbreviation of ``en``: LLM, or i.i.d. for independent and identically ..."""
    abbr = abbr.strip()
    if not abbr or " " in abbr:
        return False
    if is_abbreviation(abbr):
        return True
    letters = [c.casefold() for c in abbr if c.isalnum()]
    initials = iter(word[0].casefold() for word in re.split(r"[\s\-]+", en) if word)
    return len(letters) >= 2 and letters[0] == en.strip()[:1].casefold() and all(c in initials for c in letters)


def _split(text: str) -> tuple[str, str] | None:
    """(Chinese, English) of a pair line, whichever order it is written in; None if it is not one."""
    cuts = list(_SEPARATOR_RE.finditer(text))
    if cuts:
        first, last = cuts[0], cuts[-1]
        left, right = text[: first.start()], text[first.end() :]
        if is_chinese(left) and right and not is_chinese(right):
            return left, right
        left, right = text[: last.start()], text[last.end() :]
        if left and not is_chinese(left) and is_chinese(right):
            return right, left
    gloss = _INLINE_GLOSS_RE.match(text)
    if gloss and is_chinese(gloss["zh"]) and not is_chinese(gloss["en"]):
        return gloss["zh"], gloss["en"]
    return None


def _pairs_of_line(text: str, place: str, line: int) -> Iterator[ImportedPair]:
    split = _split(_BULLET_RE.sub("", text))
    if split is None:
        raise FormatError(f'{place}: not a "中文，English" pair: "{text[:60]}"')
    zh, en = (clean_surface(side) for side in split)
    abbr = None
    parens = _TRAILING_PARENS_RE.match(en)
    if parens and abbreviates(parens["abbr"], parens["en"]):
        en, abbr = parens["en"], parens["abbr"].strip()
    # 实例/示例 are two Chinese terms for one English; "输入/输出, input/output" is one term with a slash in it.
    alternatives = [zh] if "/" in en else [a for a in _ALTERNATIVES_RE.split(zh) if a]
    for alternative in alternatives:
        zh_term, en_term = checked_pair(alternative, en, place)
        yield ImportedPair(zh=zh_term, en=en_term, abbr=abbr, where=f"line {line}")


def _table_rows(lines: Sequence[tuple[int, str]]) -> Iterator[tuple[int, list[str]]]:
    for line, text in lines:
        cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
        if not all(_RULE_CELL_RE.match(cell) for cell in cells):  # the |---|:---:| row under a header
            yield line, cells


def read_list(stream: BinaryIO, name: str, *, encoding: str | None = None) -> Iterator[ImportedPair]:
    text = decode_text(stream.read(), encoding, name)
    table: list[tuple[int, str]] = []
    fence = ""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate([*lines, ""], start=1):
        stripped = raw.strip()
        if stripped.startswith("|") and not fence:
            table.append((number, stripped))
            continue
        if table:  # a table ends at the first line that is not a row; its header, if any, is its first row
            yield from pairs_from_rows(_table_rows(table), name)
            table = []
        if fence:  # inside a code block, which is no list
            fence = "" if stripped.startswith(fence) else fence
            continue
        if opening := _FENCE_RE.match(stripped):
            fence = opening[1]
            continue
        if not stripped or _SKIP_RE.match(stripped):
            continue
        yield from _pairs_of_line(stripped, f"{name}: line {number}", number)
