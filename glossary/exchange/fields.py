"""What every reader checks in a cell: a status word, a Chinese term, an English one; and how text is decoded."""

from __future__ import annotations

import re

from ..errors import FormatError
from ..normalize import CJK_CHAR

# Status words a term list may use: ours, and TBX administrativeStatus values with and without their suffix.
STATUS_WORDS = {
    "approved": "approved",
    "candidate": "candidate",
    "rejected": "rejected",
    "preferred": "approved",
    "preferredterm-admn-sts": "approved",
    "standardizedterm-admn-sts": "approved",
    "admitted": "candidate",
    "admittedterm-admn-sts": "candidate",
    "deprecated": "rejected",
    "deprecatedterm-admn-sts": "rejected",
    "superseded": "rejected",
    "supersededterm-admn-sts": "rejected",
    "notrecommended": "rejected",
    "obsolete": "rejected",
}


# A term's characters may lie beyond the Basic Multilingual Plane: OpenCC simplifies 鶰 to 𫛫 (Extension E).
_CHINESE_RE = re.compile(f"[{CJK_CHAR}\U00020000-\U0003134f]")


def parse_status(value: str, place: str) -> str | None:
    """A status cell -> approved / candidate / rejected; None when empty. ``place`` prefixes the error."""
    word = value.strip()
    if not word:
        return None
    status = STATUS_WORDS.get(word.casefold().replace(" ", ""))
    if status is None:
        raise FormatError(f'{place}: status "{word}" is not approved, candidate or rejected')
    return status


def is_chinese(text: str) -> bool:
    """Whether text has a Chinese character, in any CJK block (has_cjk stops at the BMP)."""
    return _CHINESE_RE.search(text) is not None


def decode_text(data: bytes, encoding: str | None, name: str) -> str:
    """A term list's text, without BOM. UTF-8 is taken whenever the bytes are UTF-8, whatever characters
    they hold (a private-use symbol in a note is no sign of another encoding); anything else is detected.
    """
    from ..ingest import decode

    if encoding is None and b"\x00" not in data:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    return decode(data, encoding, name)[0].lstrip("\ufeff")


def checked_pair(zh: str, en: str, place: str) -> tuple[str, str]:
    """Both sides stripped, or a FormatError saying which side is missing or in the wrong language."""
    zh, en = zh.strip(), en.strip()
    if not zh:
        raise FormatError(f"{place}: no Chinese term")
    if not en:
        raise FormatError(f"{place}: no English for {zh}")
    if not is_chinese(zh):
        raise FormatError(f'{place}: "{zh}" is not a Chinese term')
    if is_chinese(en):
        raise FormatError(f'{place}: "{en}" is not English (it has Chinese characters)')
    if not any(c.isalpha() for c in en):
        raise FormatError(f'{place}: "{en}" is not English (it has no letters)')
    return zh, en


MAX_ABBREVIATION = 24  # characters: LLM, seq2seq, LayerNorm, RoBERTa-large


def checked_abbreviation(abbr: str | None, place: str, hint: str = "") -> str | None:
    """An abbreviation stripped (None when there is none), or a FormatError: an abbreviation is short, and
    Latin (大语言模型 / large language model / LLM), never a sentence nor Chinese. ``hint`` ends the error."""
    if abbr is None or not abbr.strip():
        return None
    abbr = abbr.strip()
    why = (
        "it has Chinese characters"
        if is_chinese(abbr)
        else "it has no letters"
        if not any(c.isalpha() for c in abbr)
        else f"it is longer than {MAX_ABBREVIATION} characters"
        if len(abbr) > MAX_ABBREVIATION
        else ""
    )
    if why:
        raise FormatError(f'{place}: "{abbr}" is not an abbreviation ({why}){hint}')
    return abbr
