"""Lookup: what a translator typed -> the pairs they meant, best first. Pure: strings and rows in, hits out.

A query is read every way it can mean something (:func:`parse_query`):

- Chinese, simplified or traditional: the simplified key (OpenCC t2s, and tw2sp for Taiwan vocabulary such as
  記憶體 -> 内存). OpenCC is loaded only when a character of the query is not one t2s leaves alone.
- Latin letters: an English form (:func:`glossary.normalize.en_key`: case, hyphens, spaces and a plural ending do
  not count), an abbreviation, pinyin with or without tones (hòu xùn liàn, hou4xun4lian4, houxunlian) and
  initials (hxl, or the start of a longer term's: hxlj for 后训练阶段).
- both (Transformer架构): the whole as a Chinese term, and each part on its own.

The store retrieves candidates from the database (exact keys, prefixes, and the gram postings of
``lookup_grams``, see :func:`grams` and :func:`rarest_grams`); :func:`rank` scores only those with rapidfuzz's
plain ``ratio``, which puts the intended term first where WRatio and partial_ratio favour short fragments.
Ranking: exact before prefix before partial before fuzzy; within a kind, approved before candidate, then the
closer match, the higher confidence and the more frequent pair.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Entry
from .normalize import (
    CJK_RE,
    TONE_OF_MARK,
    en_key,
    is_syllable,
    may_be_traditional,
    to_simplified_taiwan,
    toneless,
    zh_key,
)

MATCHES = ("exact", "prefix", "partial", "fuzzy")
STATUS_ORDER = {"approved": 0, "candidate": 1, "rejected": 2}
# Among hits of one kind: what the query matched. Chinese, English and abbreviations say most; pinyin can be
# ambiguous (shi yan: 实验 and 试验); initials are a shorthand many terms share.
FIELD_ORDER = {"zh": 0, "en": 0, "abbr": 0, "pinyin": 1, "initials": 2}
# Lowest score (rapidfuzz ratio, 0-100) a fuzzy hit needs. Chinese keys are short: one wrong character in
# three scores 67; English keys are long enough to ask more.
FUZZY_MIN = {"zh": 60.0, "en": 75.0, "pinyin": 90.0}
# ... and what "did you mean" still offers: English keys half made of common letters score 50 (reinforcment
# learning against data cleaning)
NEAREST_MIN = {"zh": 50.0, "en": 65.0}

# Gram sizes of the postings in lookup_grams (glossary.migrations.LOOKUP_FIELDS): field 1 is terms.zh,
# field 2 is english.key.
ZH_FIELD, EN_FIELD = 1, 2
GRAM_SIZE = {ZH_FIELD: 2, EN_FIELD: 3}
ZH_PAD = "$"
MAX_POSITION = 255


@dataclass(frozen=True)
class Query:
    """The readings of what was typed; an empty field means the query cannot be read that way."""

    text: str
    zh: tuple[str, ...] = ()  # simplified keys (t2s first, then tw2sp when it differs)
    en: str = ""  # en_key
    abbr: str = ""  # abbr_key
    pinyin: str = ""  # toneless syllables without spaces: houxunlian
    pinyin_umlauts: tuple[str, ...] = ()  # the key with a u after l or n read as ü (xuexilu: xuexilv, 学习率)
    tones: tuple[int | None, ...] | None = None  # per syllable when syllables were delimited, else in order
    delimited: bool = False  # the syllables were separated (spaces, apostrophes or tone numbers)
    initials: str = ""
    parts: tuple[Query, ...] = ()  # a mixed query's Chinese and Latin parts, each read on its own

    @property
    def pinyin_keys(self) -> tuple[str, ...]:
        return (self.pinyin, *self.pinyin_umlauts) if self.pinyin else ()

    @property
    def has_tones(self) -> bool:
        return bool(self.tones) and any(t is not None for t in self.tones or ())


@dataclass(frozen=True)
class Row:
    """A candidate pair as the store retrieved it, with the keys ranking compares."""

    pair_id: int
    term_id: int
    zh: str
    en: str
    en_key: str
    abbr: str | None
    pinyin: str  # tone marks: hòu xùn liàn
    pinyin_key: str
    initials: str
    status: str
    confidence: float
    count: int
    zh_aliases: tuple[str, ...] = ()  # other names of the term (merged into it) that the query named
    en_aliases: tuple[str, ...] = ()  # keys of English forms merged into this one that the query named


@dataclass(frozen=True)
class Scored:
    """How one candidate row matches a query: the kind of match, what it matched, and how closely (0-100)."""

    row: Row
    match: str
    field: str
    score: float


@dataclass(frozen=True)
class Hit:
    """A lookup result: the pair, with its evidence, and how it matched."""

    entry: Entry
    match: str
    field: str
    score: float


# --- reading the query ----------------------------------------------------------------------------------------


def chinese_keys(text: str) -> tuple[str, ...]:
    """Simplified keys for Chinese as typed: zh_key, and where it may be traditional, tw2sp's reading too."""
    keys = [zh_key(text)]
    if may_be_traditional(text):
        keys.append(zh_key(to_simplified_taiwan(text)))
    return tuple(dict.fromkeys(k for k in keys if k))


def ascii_lower(text: str) -> str:
    """Lower-case A-Z only, as SQLite's lower() does: grams are cut the same way on both sides."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def abbr_key(text: str) -> str:
    """An abbreviation however typed: LLM, llm and L.L.M. meet. The same expression as the pairs_abbr_key index."""
    return ascii_lower(text.replace("-", "").replace(" ", "").replace(".", ""))


# Tone marks as Unicode combining characters: macron, acute, caron, grave.
_DIAERESIS = "\u0308"
_PINYIN_RE = re.compile(r"^[a-zü:\u0300-\u030c' 0-5-]+$")
_SYLLABLE_SPLIT = re.compile(r"[\s'-]+")


def read_pinyin(text: str) -> tuple[str, tuple[int | None, ...], bool] | None:
    """(toneless key, tones, delimited) of pinyin as typed, or None when the text cannot be pinyin.

    Tones come from marks (hòu) or numbers (hou4; 5 and 0 are the neutral tone). When syllables are delimited
    (spaces, apostrophes or numbers) there is one tone per syllable, None where none was given; otherwise the
    tones given, in order. ü is written v, as pypinyin writes the keys (绿 -> lv).
    """
    decomposed = unicodedata.normalize("NFD", text.strip().lower())
    if not decomposed or not _PINYIN_RE.match(decomposed) or not re.search("[a-z]", decomposed):
        return None
    decomposed = decomposed.replace("u" + _DIAERESIS, "v").replace("u:", "v").replace("ü", "v")
    has_numbers = bool(re.search(r"[a-z][0-5]", decomposed))
    delimited = has_numbers or bool(_SYLLABLE_SPLIT.search(decomposed.strip()))
    syllables: list[tuple[str, int | None]] = []
    for chunk in _SYLLABLE_SPLIT.split(decomposed.strip()):
        for letters, number in re.findall(r"([^0-5]+)([0-5]?)", chunk) if has_numbers else [(chunk, "")]:
            marks = [TONE_OF_MARK[c] for c in letters if c in TONE_OF_MARK]
            plain = "".join(c for c in letters if "a" <= c <= "z")
            if not plain:
                return None
            if number:
                tone = int(number) if number in "1234" else None
                syllables.append((plain, tone))
            elif delimited:
                syllables.append((plain, marks[0] if marks else None))
            else:
                syllables.extend((plain if i == 0 else "", m) for i, m in enumerate(marks or [None]))
    key = "".join(s for s, _ in syllables)
    if delimited:
        return key, tuple(t for _, t in syllables), True
    return key, tuple(t for _, t in syllables if t is not None), False


# A u that may stand for ü: after l or n, where no syllable lua-, luo- or lun (nu-) goes on; an n that starts the
# next syllable (lu niao, 旅鸟) is no lun. Keyboards have no ü, and people type lu for 绿 (lü) as often as v.
_MAYBE_UMLAUT = re.compile(r"(?<=[ln])u(?![ao]|n(?![aeiouv]))")


def _umlauts(key: str) -> tuple[str, ...]:
    """The other keys a pinyin key may be, each u that may stand for ü read as v (at most three of them)."""
    places = [m.start() for m in _MAYBE_UMLAUT.finditer(key)][:3]
    variants = []
    for chosen in range(1, 1 << len(places)):
        letters = list(key)
        for bit, place in enumerate(places):
            if chosen >> bit & 1:
                letters[place] = "v"
        variants.append("".join(letters))
    return tuple(variants)


def stored_tones(pinyin: str) -> tuple[int | None, ...]:
    """Tone per syllable of a stored reading (tone marks, syllables separated by spaces)."""
    tones: list[int | None] = []
    for syllable in pinyin.split():
        marks = [TONE_OF_MARK[c] for c in unicodedata.normalize("NFD", syllable) if c in TONE_OF_MARK]
        tones.append(marks[0] if marks else None)
    return tuple(tones)


def tones_agree(query: Query, pinyin: str) -> bool:
    """Whether the tones typed (if any) are the stored reading's: shì yàn is 试验, not 实验 (shí yàn)."""
    if not query.has_tones or query.tones is None:
        return True
    stored = stored_tones(pinyin)
    if query.delimited and len(query.tones) == len(stored):
        return all(q is None or q == s for q, s in zip(query.tones, stored, strict=True))
    return tuple(t for t in query.tones if t is not None) == tuple(t for t in stored if t is not None)


_INITIALS_RE = re.compile(r"^[a-z]{2,8}$")


def parse_query(text: str) -> Query:
    """Every reading of a query: Chinese keys, English key, abbreviation, pinyin, initials; a mixed query's parts."""
    text = " ".join(text.split())
    if not text:
        return Query(text)
    if CJK_RE.search(text):
        zh = chinese_keys(text)
        latin = re.findall(r"[A-Za-z][A-Za-z0-9 .\-]*[A-Za-z0-9]|[A-Za-z]", text)
        if not latin:
            return Query(text, zh=zh)
        parts = [parse_query(p) for p in (*re.findall(f"[{CJK_RE.pattern[1:-1]}]+", text), *latin)]
        return Query(text, zh=zh, parts=tuple(p for p in parts if p.text))
    reading = read_pinyin(text)
    pinyin, tones, delimited = reading if reading else ("", None, False)
    compact = text.replace(" ", "").lower()
    # Tone marks say pinyin; tone numbers do not rule English out (GPT4).
    marked = any(c in TONE_OF_MARK for c in unicodedata.normalize("NFD", text))
    return Query(
        text,
        en="" if marked else en_key(text),
        abbr="" if marked else abbr_key(text),
        pinyin=pinyin,
        pinyin_umlauts=_umlauts(pinyin),
        tones=tones,
        delimited=delimited,
        initials=compact if _INITIALS_RE.match(compact) else "",
    )


# --- grams: the Python twin of the SQL in glossary.migrations ---------------------------------------------------


def grams(key: str, field: int) -> list[str]:
    """The grams the database indexes for a key (terms.zh for field 1, english.key for field 2), in order."""
    size = GRAM_SIZE[field]
    text = ascii_lower(key) + ZH_PAD if field == ZH_FIELD else key
    return [text[i : i + size] for i in range(min(len(text) - size + 1, MAX_POSITION))]


def length_window(field: int, length: int) -> tuple[int, int]:
    """Key lengths a fuzzy match can have: ratio = 2M / (a + b) reaches FUZZY_MIN only if b is near a."""
    floor = FUZZY_MIN["zh" if field == ZH_FIELD else "en"] / 100
    low = math.ceil(length * floor / (2 - floor) - 1e-9)
    high = math.floor(length * (2 - floor) / floor + 1e-9)
    return max(1, low), high


def rarest_grams(counts: Mapping[str, int], budget: int, *, at_least: int = 3) -> list[str]:
    """The grams to vote with: rarest first, as many as fit the budget of postings (but at least ``at_least``).

    A gram no key has is left out: it is a typo's, and votes for nothing.
    """
    chosen: list[str] = []
    total = 0
    for gram, n in sorted(counts.items(), key=lambda item: (item[1], item[0])):
        if n == 0:
            continue
        if len(chosen) >= at_least and total + n > budget:
            break
        chosen.append(gram)
        total += n
    return chosen


# --- ranking ----------------------------------------------------------------------------------------------


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio

    return round(ratio(a, b), 1)


def _compare(query: str, key: str, *, min_prefix: int = 1, min_partial: int = 1) -> tuple[str, float]:
    if query == key:
        return "exact", 100.0
    score = _ratio(query, key)
    if len(query) >= min_prefix and key.startswith(query):
        return "prefix", score
    if len(query) >= min_partial and query in key:
        return "partial", score
    return "fuzzy", score


def _candidates(query: Query, row: Row) -> Iterable[tuple[str, str, float]]:
    """(match, field, score) for every way the row matches the query."""
    for zh in query.zh:
        q = ascii_lower(zh)
        for name in (row.zh, *row.zh_aliases):
            match, closeness = _compare(q, ascii_lower(name))
            yield match, "zh", closeness
    if query.en:
        for key in (row.en_key, *row.en_aliases):
            match, closeness = _compare(query.en, key, min_prefix=2, min_partial=3)
            yield match, "en", closeness
    if query.abbr and row.abbr and query.abbr in (abbr_key(row.abbr), abbr_key(row.abbr) + "s"):
        yield "exact", "abbr", 100.0
    if query.pinyin and row.pinyin_key:
        if row.pinyin_key in query.pinyin_keys:
            yield ("exact", "pinyin", 100.0) if tones_agree(query, row.pinyin) else ("fuzzy", "pinyin", 90.0)
        elif len(query.pinyin) >= 3 and row.pinyin_key.startswith(query.pinyin_keys):
            yield "prefix", "pinyin", max(_ratio(key, row.pinyin_key) for key in query.pinyin_keys)
        elif _pinyin_within(query, row.pinyin):
            yield "partial", "pinyin", max(_ratio(key, row.pinyin_key) for key in query.pinyin_keys)
    if query.initials and query.initials == row.initials:
        yield "exact", "initials", 100.0
    elif len(query.initials) >= 3 and row.initials.startswith(query.initials):
        yield "prefix", "initials", _ratio(query.initials, row.initials)


# Pinyin found inside a term's (biaodashi in 公共子表达式消除) is two syllables or more: one (shi) is in most.
PARTIAL_PINYIN = 4


def partial_pinyin_keys(query: Query) -> tuple[str, ...]:
    """The keys whose syllables a partial match finds inside a reading: none for a short key, or for one
    syllable typed as one (jian is not ji'an of 计算机安全)."""
    if len(query.pinyin) < PARTIAL_PINYIN or (not query.delimited and is_syllable(query.pinyin)):
        return ()
    return query.pinyin_keys


def _pinyin_within(query: Query, pinyin: str) -> bool:
    """Whether the query's pinyin is two whole syllables or more inside a stored reading, with the tones typed,
    not letters across syllables."""
    syllables = pinyin.split()
    for key in partial_pinyin_keys(query):
        span = syllables_within(key, pinyin)
        if span and _tones_within(query, stored_tones(" ".join(syllables[span[0] : span[1]]))):
            return True
    return False


def _tones_within(query: Query, stored: tuple[int | None, ...]) -> bool:
    """Whether tones typed agree with those of the syllables found: where they line up one a syllable, and but
    for a neutral tone stored (子 of 子表达式, typed zi3); tones that do not line up (xùnliàn: one mark a word)
    say nothing."""
    if not query.has_tones or query.tones is None or len(query.tones) != len(stored):
        return True
    return all(q is None or s is None or q == s for q, s in zip(query.tones, stored, strict=True))


def syllables_within(key: str, pinyin: str) -> tuple[int, int] | None:
    """The syllables (first, past the last) of a stored reading (tone marks, syllables separated by spaces) that
    a toneless key spells whole, two of them or more: biaodashi in gōng gòng zi biǎo dá shì xiāo chú, not aoda."""
    syllables = [toneless(s, "v").lower() for s in pinyin.split()]
    starts: dict[int, int] = {}  # where each syllable starts in the letters -> its index
    at = 0
    for index, syllable in enumerate(syllables):
        starts[at] = index
        at += len(syllable)
    starts[at] = len(syllables)
    letters = "".join(syllables)
    found = letters.find(key)
    while found >= 0:
        first, end = starts.get(found), starts.get(found + len(key))
        if first is not None and end is not None and end - first >= 2:
            return first, end
        found = letters.find(key, found + 1)
    return None


def key_closeness(query: Query, field: str, key: str) -> tuple[bool, float]:
    """Whether a Chinese key (field "zh") or an English key ("en") can make a hit, and its best score.

    Lets the store rank candidate keys before it reads their pairs: most candidates of a fuzzy search fail here.
    """
    passing, best = False, 0.0
    for q in (query, *query.parts):
        if field == "zh":
            tries = [_compare(ascii_lower(zh), ascii_lower(key)) for zh in q.zh]
        else:
            tries = [_compare(q.en, key, min_prefix=2, min_partial=3)] if q.en else []
        for match, closeness in tries:
            passing = passing or match != "fuzzy" or closeness >= FUZZY_MIN[field]
            best = max(best, closeness)
    return passing, best


def _matches(query: Query, row: Row) -> list[Scored]:
    """Every way a row matches a query; a mixed query's parts count as partial matches at best."""
    found = [Scored(row, m, f, s) for m, f, s in _candidates(query, row)]
    for part in query.parts:
        for m, f, s in _candidates(part, row):
            found.append(Scored(row, MATCHES[max(MATCHES.index(m), MATCHES.index("partial"))], f, s))
    return found


def _passes(s: Scored) -> bool:
    return s.match != "fuzzy" or s.score >= FUZZY_MIN[s.field]


def score(query: Query, row: Row) -> Scored | None:
    """The best way a row matches a query well enough, or None."""
    passing = [s for s in _matches(query, row) if _passes(s)]
    return min(passing, key=lambda s: (MATCHES.index(s.match), FIELD_ORDER[s.field], -s.score), default=None)


def _order(s: Scored) -> tuple:
    # Fuzzy hits are ordered by closeness first (in steps of 5, so that near-ties go to the approved pair).
    closeness = int(s.score // 5) if s.match == "fuzzy" else 0
    return (
        MATCHES.index(s.match),
        FIELD_ORDER[s.field],
        -closeness,
        STATUS_ORDER.get(s.row.status, 3),
        -s.score,
        -s.row.confidence,
        -s.row.count,
        len(s.row.zh),
        s.row.zh,
        s.row.en_key,
    )


def rank(
    query: Query, rows: Iterable[Row], *, statuses: Sequence[str] = ("approved", "candidate"), exact: bool = False
) -> list[Scored]:
    """The rows that match the query well enough, with one of the statuses, best first."""
    scored = (score(query, row) for row in rows if not statuses or row.status in statuses)
    kept = [s for s in scored if s is not None and _passes(s) and (not exact or s.match == "exact")]
    return sorted(kept, key=_order)


def nearest(query: Query, rows: Iterable[Row], *, k: int = 3) -> list[Scored]:
    """Terms to offer when nothing matches: the closest rows by score, one per Chinese term, rejected ones aside."""
    scored = [
        max(matches, key=lambda s: s.score)
        for row in rows
        if row.status != "rejected" and (matches := _matches(query, row))
    ]
    scored = [s for s in scored if s.score >= NEAREST_MIN.get(s.field, NEAREST_MIN["zh"])]
    scored.sort(key=lambda s: (-s.score, STATUS_ORDER.get(s.row.status, 3), -s.row.confidence, s.row.zh))
    seen: dict[str, Scored] = {}
    for s in scored:
        seen.setdefault(s.row.zh, s)
    return list(seen.values())[:k]
