"""Keys and readings for Chinese and English terms: pure functions over strings.

A term is stored under keys that make variants meet: the Chinese key is the simplified form (OpenCC), the English
key ignores case, hyphens, spaces and a plural ending. Converters are built once and only when first needed, so
a command that never touches pinyin never imports pypinyin.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

# CJK Unified Ideographs, Extension A and the compatibility block: the characters a Chinese term is made of.
CJK_CHAR = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK_CHAR}]")
# Greek letters, which name things in Chinese as Latin letters do (μ律, ε-贪心 "ε-greedy")
GREEK_CHAR = r"\u0391-\u03a9\u03b1-\u03c9\u03d5\u03f5\u00b5"  # (and ϕ, ϵ, and µ as typed for mu)
LATIN_RE = re.compile(r"[A-Za-z]")
# Latin letters with diacritics, which names keep in Chinese text (Erdős–Rényi 图, Fréchet 距离): Latin-1's letters,
# Latin Extended-A and pinyin's ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
ACCENTED_CHAR = r"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u01cd-\u01dc"
# The letters of Latin words, theirs with diacritics included
LATIN_CHAR = f"A-Za-z{ACCENTED_CHAR}"

_WS_RE = re.compile(r"\s+")
# Text pasted from web pages and word processors carries characters that look like nothing or like a space: a
# zero-width space splits 大\u200b语言模型 in two, a soft hyphen (pre\u00adtraining) or a no-break space hides an
# English word from the extractor, and a search for what the reader sees finds nothing. The first kind goes (the
# zero-width joiners stay: emoji are made with them), the second becomes a plain space. So does the ideographic
# space, but where it indents a paragraph (at the start of a line).
_INVISIBLE = str.maketrans(dict.fromkeys(map(ord, "\u00ad\u200b\u200e\u200f\u2060\ufeff")))
_PLAIN = str.maketrans({**_INVISIBLE, **dict.fromkeys([0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F], " ")})
_NOT_PLAIN = re.compile("[" + "".join(map(chr, _PLAIN)) + "\u3000]")  # (what plain_text changes)
_SPACE_NOT_INDENTING = re.compile("(?<=[^\n\u3000])\u3000+")
# Wrapping that is markup or quotation, never part of a term.
_WRAP = "*_`\"'“”‘’「」『』《》〈〉【】"
# Everything that separates English words without being meaningful for identity.
_EN_SEP_RE = re.compile(r"[\s\-‐‑‒–—_/.·]+")


def has_cjk(text: str) -> bool:
    return CJK_RE.search(text) is not None


@cache
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


_SURROGATE = re.compile(f"([{chr(0xD800)}-{chr(0xDFFF)}])")  # (no surrogate literal: mypyc compiles this module)


def _convert(config: str, text: str) -> str:
    """OpenCC's conversion. A lone surrogate (text from JSON or the API may hold one; a decoded file cannot),
    which OpenCC cannot encode, stays as it is between the converted pieces."""
    if not text:
        return text
    try:
        return _opencc(config).convert(text)
    except UnicodeEncodeError:
        pieces = _SURROGATE.split(text)  # odd positions hold the surrogates
        return "".join(p if i % 2 else _opencc(config).convert(p) for i, p in enumerate(pieces))


def to_simplified(text: str) -> str:
    """Traditional -> simplified characters (OpenCC t2s: characters only, no regional vocabulary)."""
    return _convert("t2s", text) if may_be_traditional(text) else text


def may_be_traditional(text: str) -> bool:
    """Whether OpenCC's t2s may change the text. Most text is simplified, and one search says so without loading
    OpenCC (20 ms) or converting the text (three times the search's time)."""
    changes = _t2s_changes()
    if len(text) > _SHORT:
        found: Iterable[tuple[int, str]] = ((m.start(), m.group()) for m in _t2s_search().finditer(text))
    else:  # (a query or a term, read a character at a time: compiling the search costs a lookup 4 ms)
        found = ((at, c) for at, c in enumerate(text) if c in changes.characters or c in changes.phrases)
    for at, c in found:
        if c in changes.characters:
            return True
        if any(at >= i and text.startswith(phrase, at - i) for phrase, i in changes.phrases.get(c, ())):
            return True
    return False


_SHORT = 500


@dataclass(frozen=True)
class _T2sChanges:
    """What t2s may change, from OpenCC's dictionaries (data/t2s_changes.txt, see tools/make_t2s_changes.py): a
    character, or a phrase none of whose characters it changes alone (反覆 -> 反复), looked for where one of the
    characters it changes there (覆) is."""

    characters: frozenset[str]
    phrases: dict[str, list[tuple[str, int]]]  # a character -> the phrases it changes in, and where it is in them


@cache
def _t2s_search() -> re.Pattern[str]:
    """Either kind of character, and any beyond the Basic Multilingual Plane: a class that lists those would be
    matched by walking the list at every character of the text (the rest of a class is a table)."""
    changes = _t2s_changes()
    listed = "".join(sorted(c for c in {*changes.characters, *changes.phrases} if c <= "\uffff"))
    return re.compile(f"[{listed}\\U00010000-\\U0010ffff]")


@cache
def _t2s_changes() -> _T2sChanges:
    # (a plain path rather than importlib.resources, which costs a few milliseconds of start-up)
    listed = (Path(__file__).parent / "data" / "t2s_changes.txt").read_text(encoding="utf-8")
    characters, _, phrase_lines = listed.partition("\n\n")
    characters = characters.replace("\n", "")
    phrases: dict[str, list[tuple[str, int]]] = {}
    for line in phrase_lines.splitlines():
        phrase, changed = line.split()
        for i, c in enumerate(phrase):
            if c in changed:
                phrases.setdefault(c, []).append((phrase, i))
    return _T2sChanges(frozenset(characters), phrases)


def reading_text(text: str) -> str:
    """The text as the extractor reads it: traditional characters as simplified, since jieba's dictionary, the
    function words and the corpus counts are simplified (與測試集 reads as 与|测试集), and full-width letters and
    digits as ASCII (（ＬＬＭ） glosses as (LLM) does). OpenCC t2s maps character for character, so every offset
    holds; a conversion that changed the length would leave the characters as they are."""
    simplified = to_simplified(text)
    read = simplified if len(simplified) == len(text) else text
    # (translate looks every character up: ten times slower than the search that finds none, as in most texts)
    return _halfwidth_alphanumerics(read) if _FULLWIDTH_ALNUM_RE.search(read) else read


def to_simplified_taiwan(text: str) -> str:
    """Taiwan usage -> mainland simplified, vocabulary included (OpenCC tw2sp: 軟體 -> 软件, 記憶體 -> 内存).

    Only for text known to be traditional: on simplified text its phrase rules rewrite words (文件 -> 文档).
    """
    return _convert("tw2sp", text)


def to_traditional(text: str) -> str:
    """Simplified -> traditional characters (OpenCC s2t)."""
    return _convert("s2t", text)


def plain_text(text: str) -> str:
    """The text without invisible characters, and with one kind of space (see _INVISIBLE)."""
    if not _NOT_PLAIN.search(text):
        return text  # (as most texts are: the search is ten times quicker than translate)
    return _SPACE_NOT_INDENTING.sub(lambda m: " " * len(m.group()), text.translate(_PLAIN))


def clean_surface(text: str) -> str:
    """A surface form as it should be stored: NFC, nothing invisible, collapsed whitespace, no wrapping quotes or
    emphasis."""
    text = _WS_RE.sub(" ", unicodedata.normalize("NFC", text.translate(_INVISIBLE))).strip()
    return text.strip(_WRAP + " ").strip()


_FULLWIDTH_ALNUM = {
    c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)
}


_FULLWIDTH_ALNUM_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def _halfwidth_alphanumerics(text: str) -> str:
    """Ｑ网络 -> Q网络; full-width punctuation (键－值存储) is the author's choice and stays."""
    return text.translate(_FULLWIDTH_ALNUM)


def zh_key(text: str) -> str:
    """The key a Chinese term is stored under: simplified, half-width Latin, no spaces between CJK characters.

    >>> zh_key(" 後訓練 ")
    '后训练'
    """
    # Simplify first: OpenCC also normalises some punctuation, which must then be cleaned like the rest.
    return without_layout_spaces(clean_surface(_fully_simplified(_halfwidth_alphanumerics(text))))


def _fully_simplified(text: str) -> str:
    """t2s until it changes nothing: OpenCC maps some characters in steps (薴 -> 苧 -> 苎), and a key must be its
    own key."""
    for _ in range(3):
        simpler = to_simplified(text)
        if simpler == text:
            break
        text = simpler
    return text


# The space between Chinese and Latin or Greek letters or digits, and (for keys) a space between two Chinese
# characters.
# Each pattern starts with the space, so that the regex engine skips from space to space (10x faster on prose).
# Compiled on first use: their CJK classes cost Python's compiler ~8 ms, which `glossary lookup` need not pay.
_LETTER_OR_DIGIT = f"[{LATIN_CHAR}0-9{GREEK_CHAR}]"
_BETWEEN_SCRIPTS = f"(?<=[{CJK_CHAR}] )(?={_LETTER_OR_DIGIT})|(?<={_LETTER_OR_DIGIT} )(?=[{CJK_CHAR}])"


@cache
def _scripts_space() -> re.Pattern[str]:
    return re.compile(f" (?:{_BETWEEN_SCRIPTS})")


@cache
def _layout_space() -> re.Pattern[str]:
    return re.compile(f" (?:(?<=[{CJK_CHAR}] )(?=[{CJK_CHAR}])|{_BETWEEN_SCRIPTS})")


def separates_scripts(before: str, after: str) -> bool:
    """Whether a space between these two characters is the one put between Chinese and Latin (CAP 定理)."""
    return _scripts_space().match(f"{before} {after}", 1) is not None


def without_layout_spaces(text: str) -> str:
    """Spaces beside Chinese characters are layout, not content: line wraps in Markdown, justified text, and the
    space many writers put between Chinese and Latin letters or digits (CAP 定理 is CAP定理, t 分布 is t分布)."""
    if " " not in text:
        return text
    return _layout_space().sub("", text)


# Plurals that are not the singular with -s or -es (matrices: matrix) or that the rules below would read wrong
# (biases, whose singular ends in s: its key is that of bias), as the key ends.
_IRREGULAR_PLURALS = {
    "matrices": "matrix", "vertices": "vertex", "indices": "index", "simplices": "simplex", "appendices": "appendix",
    "theses": "thesis", "lyses": "lysis", "crises": "crisis", "diagnoses": "diagnosis", "criteria": "criterion",
    "phenomena": "phenomenon", "automata": "automaton", "corpora": "corpus", "schemata": "schema", "radii": "radius",
    "nuclei": "nucleus", "stimuli": "stimulus", "loci": "locus", "foci": "focus", "halves": "half",
    "shelves": "shelf", "children": "child",
    **{word + "es": word for word in (
        "bias", "alias", "atlas", "canvas", "gas", "lens", "virus", "status", "focus", "bonus", "census",
        "consensus", "campus", "corpus", "radius", "nexus", "syllabus", "surplus", "apparatus", "minus", "plus",
    )},
}  # fmt: skip
_IRREGULAR_ENDINGS = tuple(_IRREGULAR_PLURALS)
# Words whose -e stays before the plural's -s where the rules below would drop it (caches: cache, not "cach";
# cookies: cookie, not "cooky").
_E_BEFORE_S = (
    "cache", "niche", "avalanche", "cliche", "moustache", "cookie", "movie", "zombie", "calorie", "rookie", "selfie",
    "hoodie", "newbie", "freebie", "brownie", "smoothie", "prairie", "sortie",
)  # fmt: skip
_E_BEFORE_S_PLURALS = tuple(word + "s" for word in _E_BEFORE_S)


def _singular(key: str) -> str:
    """The key without its plural ending, one step (en_key repeats it). A final s is an ending unless it ends -ss
    or the key is short: the s of bias or GPUs alike (case is gone), so bias is keyed "bia", as biases is."""
    if key.endswith(_IRREGULAR_ENDINGS):
        for plural, singular in _IRREGULAR_PLURALS.items():
            if key.endswith(plural):
                return key[: -len(plural)] + singular
    if key.endswith(_E_BEFORE_S_PLURALS):
        return key[:-1]  # caches, cookies
    if len(key) > 3 and key.endswith("ies"):
        return key[:-3] + "y"
    if len(key) > 4 and key.endswith(("sses", "xes", "ches", "shes")):
        return key[:-2]  # losses, boxes, batches
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        return key[:-1]
    return key


def en_key(text: str) -> str:
    """The key an English form is stored under: case, hyphens, spaces and a plural ending do not count.

    >>> en_key("Post-Trainings") == en_key("posttraining") == "posttraining"
    True
    """
    text = " ".join(unicodedata.normalize("NFKC", text).casefold().replace("’", "'").split())
    words = [w.strip(_WRAP + ",;:()[]") for w in _EN_SEP_RE.split(text)]
    # Removing separators can leave a combining mark beside a letter: compose again so the key is stable.
    key = unicodedata.normalize("NFKC", "".join(w for w in words if w))
    # The plural ending of the whole key (so "data sets" and "datasets" meet), to a fixed point: stripping
    # one ending may expose another character that the key must not end with.
    while True:
        shorter = _singular(key).rstrip(_WRAP + ",;:()[]")
        if shorter == key:
            return key
        key = shorter


@lru_cache(maxsize=1 << 14)
def is_abbreviation(text: str) -> bool:
    """LLM, RLHF, GPT-4, ReLU: short, one word, with at least two capitals (or a capital and a digit)."""
    text = text.strip()
    if not text or " " in text or len(text) > 12 or not LATIN_RE.search(text):
        return False
    capitals = sum(c.isupper() for c in text)
    digits = sum(c.isdigit() for c in text)
    return capitals >= 2 or (capitals >= 1 and digits >= 1)


# --- pinyin -------------------------------------------------------------------------------------------------


def _pypinyin():
    from .lexicon import pypinyin_module  # its tables from the compiled lexicon: 0.15 s less to load

    return pypinyin_module()


def pinyin_syllables(zh: str, *, tones: bool = True) -> list[str]:
    """Readings of a Chinese string, one per character; runs of other characters stay as they are."""
    p = _pypinyin()
    style = p.Style.TONE if tones else p.Style.NORMAL
    out: list[str] = []
    for item in p.lazy_pinyin(zh, style=style, errors=lambda s: [s]):
        item = item.strip()
        if item:
            out.append(item)
    return out


@lru_cache(maxsize=8192)
def pinyin_readings(zh: str) -> tuple[str, str, str]:
    """(tone marks, toneless key, initials) from one pass of pypinyin: 后训练 -> ('hòu xùn liàn', 'houxunlian',
    'hxl'). The toneless form is pypinyin's own (ü as v), as the query side computes it."""
    marked = pinyin_syllables(zh, tones=True)
    toneless = [_toneless_key(s) for s in marked]
    return " ".join(marked), "".join(toneless), "".join(s[0] for s in toneless if s)


_TONE_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


def tone_marked(numbered: str) -> str:
    """A syllable with its tone number as a mark: tiao2 -> tiáo, lv4 -> lǜ, zi5 -> zi (neutral); the mark on a
    or e, on the o of ou, else on the last vowel."""
    letters, tone = numbered[:-1].replace("v", "ü"), numbered[-1]
    if not tone.isdigit():
        letters, tone = numbered.replace("v", "ü"), "5"
    vowels = [i for i, c in enumerate(letters) if c in _TONE_MARKS]
    if tone not in "1234" or not vowels:
        return letters
    at = next((letters.index(v) for v in "ae" if v in letters), None)
    if at is None:
        at = letters.index("o") if "ou" in letters else vowels[-1]
    return letters[:at] + _TONE_MARKS[letters[at]][int(tone) - 1] + letters[at + 1 :]


# A Mandarin syllable without its tone: an initial, a final (ü written ü or v), or an interjection's m, n, ng.
_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:i?(?:ang|ong|eng|ai|ao|an|ei|en|ou|a|o|e)|i(?:ng|n|u|e)?|u(?:ang|ai|an|a|o|i|n|e)?|"
    r"[üv](?:an|e|n)?|er)|m|n|ng|hm|hng"
)


def is_syllable(letters: str) -> bool:
    """Whether toneless letters (ü as ü or v) are one pinyin syllable: jian, not ji'an, which needs the apostrophe."""
    return _SYLLABLE.fullmatch(letters) is not None


_TONE_MARK_RE = re.compile("[\u0300-\u030c]")
TONE_OF_MARK = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}  # (combining macron, acute, caron, grave)


def written_pinyin(zh: str, reading: str) -> tuple[str, str, str]:
    """pinyin_readings of a reading a person gives a term (tiáo cān, tiao2 can1; ü as v): a syllable for each
    of pypinyin's, Latin letters as the term writes them. ValueError says what does not fit."""
    computed = pinyin_syllables(zh, tones=True)
    given = reading.split()
    if len(given) != len(computed):
        n = len(given)
        raise ValueError(
            f'"{reading}" gives {n} syllable{"s" * (n != 1)}; {zh} reads in {len(computed)} ({" ".join(computed)})'
        )
    marked = []
    for mine, theirs in zip(computed, given, strict=True):
        if mine in zh:  # not read: Latin letters, digits, as the term has them
            if theirs.lower() != mine.lower():
                raise ValueError(f'"{theirs}" reads "{mine}" of {zh}: it is written as it is')
            marked.append(mine)
            continue
        syllable = unicodedata.normalize("NFD", theirs.lower()).replace("u\u0308", "ü").replace("u:", "ü")
        number = syllable[-1] if syllable[-1:] in ("0", "1", "2", "3", "4", "5") else ""
        letters = _TONE_MARK_RE.sub("", syllable.removesuffix(number)).replace("v", "ü")
        marks = _TONE_MARK_RE.findall(syllable)
        tones = [str(TONE_OF_MARK[m]) if m in TONE_OF_MARK else "" for m in marks] + ([number] if number else [])
        if not _SYLLABLE.fullmatch(letters) or letters.startswith("ü") or len(tones) > 1 or "" in tones:
            raise ValueError(f'"{theirs}" is no pinyin syllable (tiáo or tiao2, one tone; ü as v or ü)')
        if letters[:1] in ("j", "q", "x", "y"):
            letters = letters.replace("ü", "u")  # (ü is written u after them: xué, yú)
        # the mark where pinyin puts it, whichever letter it was typed on
        marked.append(unicodedata.normalize("NFC", tone_marked(letters + (tones[0] if tones else "5"))))
    toneless = [_toneless_key(s) for s in marked]
    return " ".join(marked), "".join(toneless), "".join(s[0] for s in toneless if s)


@lru_cache(maxsize=4096)
def _toneless_key(syllable: str) -> str:
    # pypinyin's conversion costs more than the reading itself, and a few hundred syllables make most terms.
    _pypinyin()
    from pypinyin.contrib.tone_convert import to_normal

    return to_normal(syllable).lower().replace(" ", "")


def pinyin(zh: str) -> str:
    """Pinyin with tone marks, syllables separated by spaces: 后训练 -> 'hòu xùn liàn'."""
    return pinyin_readings(zh)[0]


def pinyin_key(zh: str) -> str:
    """Toneless pinyin without spaces, lower case: 后训练 -> 'houxunlian'."""
    return pinyin_readings(zh)[1]


def pinyin_initials(zh: str) -> str:
    """First letter of each syllable: 后训练 -> 'hxl'."""
    return pinyin_readings(zh)[2]


_WORD_RE = re.compile(r"[0-9A-Za-z\u00c0-\u024f]+")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(unicodedata.normalize("NFKC", text).lower())


def toneless(syllable: str, umlaut: str) -> str:
    """jiǎng -> jiang; lǜ -> lu or lv (``umlaut``), the two ways people type ü."""
    decomposed = unicodedata.normalize("NFKD", syllable).replace("u\u0308", umlaut)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_tokens(zh: str, forms: list[str], english: list[str], pinyin_text: str) -> str:
    """Space-separated tokens for full-text search of a term (the FTS5 index terms_fts is built over them).

    SQLite's FTS tokenizers treat a run of Chinese as one token, so a two-character query such as 模型 would
    never match 大语言模型. Indexing every substring of the (short) Chinese forms, simplified and traditional,
    makes any contiguous part of a term a whole token. English words (abbreviations too) are indexed with their
    prefixes of three letters or more, so typing the start of a word finds it through Datasette's plain search
    box. Pinyin is indexed toneless, by syllable and as runs of syllables written together (jiangli, moxing,
    lvbo), the way people type it.
    """
    tokens: list[str] = []
    for form in dict.fromkeys([zh, to_traditional(zh), *forms]):
        compact = form.replace(" ", "")
        n = len(compact)
        tokens.extend(compact[i:j] for i in range(n) for j in range(i + 1, min(n, i + 12) + 1))
        tokens.append(compact)
    # Each English form's words stay side by side at the end, so a query the tokenizer splits into a phrase
    # (post-training, GPT-4) still matches.
    phrases = [" ".join(_words(text)) for text in dict.fromkeys(english)]
    for word in (w for phrase in phrases for w in phrase.split()):
        tokens.extend(word[:k] for k in range(3, len(word)))
    for umlaut in ("u", "v"):
        syllables = [toneless(s, umlaut) for s in _words(pinyin_text)]
        n = len(syllables)
        for i in range(n):
            tokens.extend(syllables[i][:k] for k in range(3, len(syllables[i])))
            tokens.extend("".join(syllables[i:j]) for j in range(i + 1, min(n, i + 12) + 1))
    return " ".join([*(t for t in dict.fromkeys(tokens) if t), *(p for p in phrases if p)])
