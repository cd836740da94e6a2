"""What one Chinese word says of the English that glosses it.

The boundary scorer (boundary.py) weighs a candidate span word by word; this module reads each word against the
English: its CC-CEDICT senses and the technical senses of characters the dictionary lacks, the entries a word
it does not list is made of, the Latin words, letters and digits the English may spell out, and the first sound
of a transliterated name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from importlib import resources

from ..lexicon import pos_tag, senses, stem
from ..normalize import CJK_RE, GREEK_CHAR
from .english_side import EnglishSide, spaced_words
from .segment import BOUND_SUFFIXES, CLAUSE_WORDS, JOINING_WORDS, LATIN, NAME_TAGS, content_character
from .transliteration import initial_and_final, transliterates

ALIGNED_WORD = 2.0  # credit for a matching word; a matching single character earns half


ALIGNED_CHAR = 1.0


# The technical senses of characters that head or open compounds, which CC-CEDICT, a general dictionary, lacks
# (图神经网络 graph neural network, 基本块 basic block, 边界框 bounding box, 核函数 kernel function, 矩估计 method
# of moments, 跳表 skip list), and of a word whose English is written short (对数 "log"). A word CC-CEDICT lists
# keeps its own senses besides (阶段 "stage", 框架 "framework").
_TECHNICAL_SENSES = {
    char: frozenset(stem(word) for word in words.split())
    for char, words in {
        "图": "graph",
        "块": "block",
        "框": "box",
        "核": "kernel core",
        "芯": "core",
        "元": "element",
        "池": "pool",
        "词": "term",
        "集": "set",
        "点": "node",
        "槽": "slot",
        "链": "link",
        "环": "cycle",
        "簇": "cluster",
        "阶": "order",
        "秩": "rank",
        "汇": "sink",
        "径": "path",
        "矩": "moment",
        "口": "port",
        "表": "list",
        "对数": "log",  # (对数似然 "log-likelihood", 对数梅尔声谱图 "log-mel spectrogram")
    }.items()
}


# Demonstratives and quantifiers, which a classifier follows (这块, 每集; not a numeral: 一阶 "first-order")
POINTING = frozenset("这那该某此每各")


@cache
def word_senses(word: str) -> frozenset[str]:
    """English stems the word can mean: its CC-CEDICT senses (and a character's technical ones), a Latin word's own
    stems, or else every sense of each of its characters."""
    known = senses(word)
    if known is not None:
        return known | _TECHNICAL_SENSES.get(word, frozenset())
    if LATIN.search(word) or word.isdigit():
        # (a name of English words run together says each: WordPiece "word piece")
        latin = {*re.findall(f"[a-z{GREEK_CHAR}]+", word.lower()), *spaced_words(word).lower().split()}
        return frozenset(stem(w) for w in [*latin, *_symbol_names(word)])
    return character_senses(word)


@cache
def character_senses(word: str) -> frozenset[str]:
    """Every sense of each of the word's characters."""
    chars: set[str] = set()
    for ch in word:
        chars |= senses(ch) or frozenset()
    return frozenset(chars)


# jieba's tags for a word it does not list, and for names of people and other proper nouns; not of places, which
# CC-CEDICT mostly lists and a term's English rarely leaves implicit.
_UNKNOWN_TAGS = NAME_TAGS - {"ns"}


def aligns(zh: str, english: str) -> bool:
    """Whether the dictionary (or the prefix table) says this Chinese word means something the English says."""
    return alignment(zh, EnglishSide.of(english))[0] > 0


@cache
def alignment(word: str, english: EnglishSide) -> tuple[float, int, bool]:
    """(credit, English words accounted for, whether CC-CEDICT lists the word) for one Chinese word.

    A word the dictionary lists is matched as a whole. One it does not (凸函数, 长短期) is taken apart into the
    longest entries it is made of, from the left or from the right, whichever says more of the English (长短|期
    "length, period" or 长|短期 "long, short-term"), and each part that matches earns credit: a compound must not
    score below the part of it the dictionary happens to list.
    """
    credit, matched, chars, known = _aligned(word, english)
    return credit, english.covered(matched, chars), known


@cache
def _aligned(word: str, english: EnglishSide) -> tuple[float, frozenset[str], frozenset[str], bool]:
    """:func:`alignment`'s credit, with the English stems and leading characters the word matched, and whether it
    is known."""
    listed = senses(word) is not None or bool(LATIN.search(word))
    parts = word_units(word)
    credit, matched, chars = _parts_alignment(parts, english)
    if len(parts) > 1 and (other := tuple(dictionary_parts(word, from_right=True))) != parts:
        credit, matched, chars = max((credit, matched, chars), _parts_alignment(other, english), key=lambda a: a[0])
    if not credit and len(parts) == 1 and derived_senses(word):
        # A listed word whose senses miss may still say the English as the word it is made from: 触发器 is only
        # "flip-flop" to CC-CEDICT, and the "trigger" of a stream processor as 触发 "trigger" + 器 "device"
        credit, matched, chars = _parts_alignment((word[:-1], word[-1]), english)
    if credit and len(parts) == 1 and len(word) > 2 and _says_only_its_tail(word, english, frozenset(matched)):
        credit = ALIGNED_CHAR
    # Known: CC-CEDICT lists it, or jieba's dictionary does (之为, a conjunction CC-CEDICT lacks): not a coinage.
    # A name jieba lists that CC-CEDICT does not (马尔可夫, 贝尔曼) is, like a coinage, a word whose English is
    # unknown here: in 马尔可夫奖励过程 it is what "Markov" says, not context before the term.
    known = listed or (len(word) > 1 and pos_tag(word) not in _UNKNOWN_TAGS)
    return credit, frozenset(matched), frozenset(chars), known


def says_every_word(words: Sequence[str], english: str) -> bool:
    """Whether the dictionary sees every word of the English in these Chinese words, as jieba cut them or as the
    dictionary's own entries cut them all together (均|方|误差 is 均方|误差 "mean square, error"): 往返|时间
    "round-trip time", not 往返|时间 "response time", where nothing says "response"; nor 两|阶段 "two-phase
    commit", where two words say one."""
    side = EnglishSide.of(english)
    found = [_aligned(word, side) for word in words]
    matched = frozenset[str]().union(*(stems for _, stems, _, _ in found))
    chars = frozenset[str]().union(*(leads for _, _, leads, _ in found))
    said = max(side.covered(matched, chars), alignment("".join(words), side)[1])
    return said >= len(side.vocabulary) > 0


# A suffix that makes a device of the verb before it, which the English often names with the verb: 触发器 "trigger".
# (Not the bound suffixes 化 and 性: their English says them, -ization and -ity, and a listed word with them that
# misses, 规范化 for "add&norm", would pass as saying it.)
_DERIVING = frozenset("器")


@cache
def derived_senses(word: str) -> frozenset[str]:
    """The senses of the word a device word is made from (触发器: 触发 "trigger"); none for any other word."""
    if len(word) > 2 and word[-1] in _DERIVING and senses(word[:-1]) is not None:
        return word_senses(word[:-1])
    return frozenset()


def _parts_alignment(parts: Sequence[str], english: EnglishSide) -> tuple[float, set[str], set[str]]:
    """(credit, English stems matched, prefix characters matched) of a word read as these parts."""
    credit = 0.0
    matched: set[str] = set()
    chars: set[str] = set()
    for index, part in enumerate(parts):
        if index and parts[index - 1] in POINTING:
            # a classifier after a demonstrative or quantifier points, it has no technical sense (每|块 "each", not
            # "block"; 这|集)
            hit = (senses(part) or frozenset()) & english.stems
        else:
            hit = word_senses(part) & english.stems
        lead = english.prefix_chars & set(part[:1]) if index == 0 or len(part) == 1 else frozenset()
        if hit or lead:
            credit += ALIGNED_WORD if len(part) > 1 else ALIGNED_CHAR
            matched |= hit
            chars |= lead
    return credit, matched, chars


def dictionary_knows(words: Sequence[str]) -> bool:
    """Whether CC-CEDICT knows every word: as an entry, or as entries of two characters or more (代码|生成).
    Single characters have too many senses to count, but for particles and the suffixes jieba cut off a word
    (正则|化)."""
    return all(
        word in JOINING_WORDS
        or word in BOUND_SUFFIXES
        or (len(word) > 1 and not LATIN.search(word) and all(len(unit) > 1 for unit in word_units(word)))
        for word in words
    )


_DIGIT_NAMES = "zero one two three four five six seven eight nine".split()


# Unicode's names that are not the letter's English name: λ is LAMDA, µ the MICRO SIGN
_GREEK_NAMES = {"LAMDA": "lambda", "SIGN": "mu"}


@cache
def _symbol_names(word: str) -> tuple[str, ...]:
    """The English names of the Greek letters and one-digit numbers in a word: φ "phi", 0-1 "zero-one"."""
    names = [_DIGIT_NAMES[int(n)] for n in re.findall(r"(?<![0-9])[0-9](?![0-9])", word)]
    for letter in re.findall(f"[{GREEK_CHAR}]", word):
        parts = unicodedata.name(letter, "?").split()  # GREEK SMALL LETTER FINAL SIGMA, GREEK PHI SYMBOL, MICRO SIGN
        name = parts[-2] if parts[-1] == "SYMBOL" else parts[-1]
        names.append(_GREEK_NAMES.get(name, name.lower()))
    return tuple(names)


def latin_said(word: str, english: EnglishSide) -> bool:
    """Whether the English says a Latin word of the span: as a word (Q of Q-learning) or by the initials of its
    words (KL散度 "Kullback-Leibler divergence", AdaBoost算法 "Adaptive Boosting")."""
    camel = re.findall("[A-Z][a-z]+", word)
    named = len(camel) > 1 and "".join(camel) == word  # (Tomcat is one word, not a T- name)
    letters = "".join(part[0] for part in camel).lower() if named else re.sub("[^a-z]", "", word.lower())
    initials = {w[0] for w in english.said}
    names = _symbol_names(word)
    return (
        word.lower() in english.said
        or (bool(letters) and set(letters) <= initials)
        or (bool(names) and set(names) <= english.said)
    )


def _says_only_its_tail(word: str, english: EnglishSide, matched: frozenset[str]) -> bool:
    """Whether the English says only a last character of a dictionary word, not the word before it: 应用层
    "application layer" against "layer normalization" says 层, not 应用 (紧接着应用|层规范化). Such a word earns
    what that character would, so that the span starting at the character is not outscored by a longer one."""
    head, tail = word[:-1], word[-1]
    return (
        senses(head) is not None
        and not word_senses(head) & english.stems
        and not english.prefix_chars & set(head[:1])
        and matched <= word_senses(tail)
    )


def dictionary_parts(word: str, *, from_right: bool = False) -> list[str]:
    """Greedy longest-match split of a word into CC-CEDICT entries (single characters always are), from the
    left or from the right."""
    parts: list[str] = []
    i, j = 0, len(word)  # what is left to split: word[i:j]
    while i < j:
        for size in range(j - i, 0, -1):
            part = word[j - size : j] if from_right else word[i : i + size]
            if size == 1 or senses(part) is not None:
                parts.append(part)
                i, j = (i, j - size) if from_right else (i + size, j)
                break
    return parts[::-1] if from_right else parts


def says_all(word: str, stems: frozenset[str]) -> bool:
    """Whether a word says all these stems, read whole or as its characters and read as its dictionary words (see
    word_units): 不变|性 does not say the "translation" 变 "transform" might (平移不变性 "translation invariance"), nor
    表示|法 the "state" of 表示 "to state" (状态空间表示法 "state-space representation")."""
    return stems <= word_senses(word) and stems <= _unit_senses(word)


@cache
def _unit_senses(word: str) -> frozenset[str]:
    """Every sense of the dictionary words a word is made of (see word_units)."""
    return frozenset().union(*(word_senses(unit) for unit in word_units(word)))


@cache
def word_units(word: str) -> tuple[str, ...]:
    """A word as the dictionary reads it: itself, or the entries it is made of when CC-CEDICT does not list it."""
    return tuple(dictionary_parts(word)) if senses(word) is None and not LATIN.search(word) else (word,)


def sounded_name(words: tuple[str, ...], english: EnglishSide) -> int:
    """How many words at the start of a span sound out a name of the English together, 0 for none: characters and
    names jieba cut a transliteration into (狄|里克|雷 "Dirichlet": "Rick", "thunder"; 里|卡蒂 "Riccati", with the
    localiser 里 "in"), which say nothing of the English, are mostly characters transliterations are made of (see
    tools/make_name_chars.py) unless they are one word jieba guessed, and which no later word of the span goes on
    to say the name for (根据|柯西不等式 "Cauchy inequality": 柯西 says Cauchy)."""
    if not english.spelled_names:
        return 0
    return _sounded_name(words, english)


@cache
def _sounded_name(words: tuple[str, ...], english: EnglishSide) -> int:
    for n in range(len(words), 0, -1):
        chars = "".join(words[:n])
        guessed = n == 1 and pos_tag(chars) == "x"  # (one word jieba guessed: 德劳内 "Delaunay")
        if (
            len(chars) < 2
            or (not guessed and sum(c in _name_chars() for c in chars) * 2 < len(chars))
            or not all(_name_piece(w, english) for w in words[:n])
        ):
            continue
        for name in english.spelled_names:
            if transliterates(chars, name) and not any(_says_name(w, name) for w in words[n:]):
                return n
    return 0


def titled_name(words: Sequence[str], english: EnglishSide) -> bool:
    """Whether a span is a person's name the English gives, after a title or a role that says none of it
    (数学家|高斯 "Carl Friedrich Gauss", 图灵奖|得主|辛顿 "Geoffrey Hinton", 之|父|萨尔顿), which Chinese writes before
    the name and the English leaves out. Its last words sound out the surname; before them are words the
    dictionary lists or characters no transliteration is made of, the last a word for a person (家, 者, 人, 员 ...;
    not 朴素|贝叶斯 "Naive Bayes", a method). The name's words are no dictionary word but a name (一次 "once" sounds
    like once, but is a word: 精确一次 "Exactly Once")."""
    if not english.surname:
        return False
    for k in range(len(words) - 1, 0, -1):
        if transliterates("".join(words[k:]), english.surname):
            return (
                words[k - 1][-1] in _PERSON_CHARS
                and all(_transliteration_piece(word) for word in words[k:])
                and all(_context_before_a_name(word, english) for word in words[:k])
            )
    return False


# The characters a word for a person ends in: agentive suffixes (学者, 科学家, 成员, 工程师, 博士, 创始人) and kin
# and titles (之父, 得主, 教授, 院长)
_PERSON_CHARS = frozenset("家者人员师士手生父母主授长")


def _transliteration_piece(word: str) -> bool:
    if len(word) == 1:
        return word in _name_chars()
    return senses(word) is None or pos_tag(word) in NAME_TAGS


def _context_before_a_name(word: str, english: EnglishSide) -> bool:
    if alignment(word, english)[0] or not CJK_RE.match(word):
        return False
    return senses(word) is not None if len(word) > 1 else word not in _name_chars()


def _name_piece(word: str, english: EnglishSide) -> bool:
    """Whether a word may be a piece of a transliteration: it says nothing of the English, and it is a character, a
    name or a word jieba guessed; not a word of the general vocabulary (比赛 is no Pearson, 希望 no Schwarz)."""
    if alignment(word, english)[0]:
        return False
    if len(word) == 1:
        # (a function character only where transliterations use it: 里 of 里卡蒂, not 用 of 用|伊辛 "Ising")
        return word not in CLAUSE_WORDS or word in _name_chars()
    return pos_tag(word) in NAME_TAGS


def _says_name(word: str, name: str) -> bool:
    """Whether a word says this name, by the dictionary or by its sounds."""
    return bool(CJK_RE.match(word)) and (stem(name) in word_senses(word) or transliterates(word, name))


@cache
def _name_chars() -> frozenset[str]:
    """The characters transliterations of names are made of (tools/make_name_chars.py)."""
    text = resources.files("glossary").joinpath("data/name_chars.txt").read_text(encoding="utf-8")
    return frozenset(text.replace("\n", ""))


def opens_a_name(char: str, rest: Sequence[str], english: EnglishSide) -> bool:
    """Whether a lone content character may open a transliteration of a name in the English, which the Chinese word
    after it goes on with: its pinyin starts as the name does (切 qie for Chebyshev), the next word's does not (in
    新|霍夫丁不等式 "Hoeffding's inequality", 霍 opens the name, and 新 "new" is context), nor does a later word no
    dictionary knows (先|构建|哈夫曼树 "Huffman tree": 哈 opens it, 先 "first" is context), nor later words that
    sound out a name of the English (边|构建|德布|鲁因图 "de Bruijn graph": 德布鲁因 does, 边 "edge" is context)."""
    then = rest[0] if rest else ""
    if len(char) != 1 or not english.name_sounds or not content_character(char) or not CJK_RE.match(then):
        return False
    return (
        _sounds_like(char, english)
        and not _sounds_like(then[0], english)
        and not any(CJK_RE.match(w) and _sounds_like(w[0], english) and not alignment(w, english)[2] for w in rest[1:])
        and not any(sounded_name(tuple(rest[k:]), english) for k in range(1, len(rest)))
    )


def _sounds_like(char: str, english: EnglishSide) -> bool:
    """Whether a character's pinyin opens as a name of the English does (see EnglishSide.name_sounds)."""
    return initial_and_final(char)[0] in english.name_sounds
