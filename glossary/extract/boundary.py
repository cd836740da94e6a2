"""Where the Chinese term starts: the span of Chinese that the English actually translates.

Public miners take the whole run of Chinese before a gloss (使用小批量随机梯度下降) or jieba's last word (下降).
Here jieba only proposes cut points, and every candidate span ending at the gloss is scored on evidence:

- the bilingual dictionary (CC-CEDICT): a word whose meaning the English says belongs in the term; a word the
  dictionary knows that the English does not say (使用, 标记为, 优化问题的) is context;
- function words and framing verbs (的, 在, 称为, 使用, 例如 ...) never start a term, and clause words never
  occur inside one; 的 and 和 may, at a price;
- the English says how much Chinese it covers: its content-word count predicts the span's length;
- the corpus: a term recurs as a unit, after varied left neighbours.

The same scorer serves every pattern: the caller passes the window of text that could hold the term.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate, pairwise

from ..lexicon import STOP_WORDS, is_entry, jieba_tokenizer, pos_tag, senses, stem
from ..normalize import CJK_CHAR, CJK_RE
from .corpus import CorpusStats
from .english_side import EnglishSide, adjectival, expected_chars

# Words that end the search: a term never starts with, nor contains, one of these.
CLAUSE_WORDS = frozenset(
    "是 为 被 把 将 由 从 在 让 使 用 做 令 以 于 至 给 跟 等 即 也 又 还 就 都 而 但 则 若 如 或者 了 着 中 里 "
    "称 称为 称作 称之为 被称为 被称作 叫 叫做 叫作 记为 记作 定义为 表示为 简称 又称 也称 也叫 即为 就是 也就是 "
    "使用 利用 采用 通过 根据 进行 实现 包括 包含 介绍 讨论 描述 考虑 提出 引入 得到 获得 成为 作为 具有 需要 "
    "可以 能够 可能 应该 我们 你 我 他 她 它 它们 他们 这 那 这个 那个 这些 那些 这种 那种 这样 该 其 此 每个 "
    "一个 一种 一些 某个 所有 许多 很多 各种 例如 比如 譬如 如果 因为 由于 所以 因此 然后 之后 之前 通常 一般 "
    "非常 十分 很 最 更 已经 正在 如何 什么 怎样 主要 常见 常用 所谓 著名 经典 传统 简单 重要 不同 相同 这里 "
    "这时 此时 其中 其他 另 另一个 另一种 首先 其次 最后 同时 还有 以及 并且 而且 以便 用于 用来 称其为 将其".split()
)
# Words that may sit inside a term (基于位置的前馈网络, 加法和规范化) but never start one; inside, they cost.
JOINING_WORDS = frozenset("的 和 与 及 之 或 到".split())
# Prepositions that open a frame closed by 的 inside a name: 基于梯度的方法 "gradient-based methods", 面向对象的
# 程序设计 "object-oriented programming".
FRAME_OPENERS = frozenset("基于 面向".split())
# Modal and auxiliary verbs: the word after one is a verb (需要|定义|凸集), not the start of a term.
MODALS = frozenset(
    "需要 要 可以 可 能 能够 会 应 应该 应当 必须 得以 不 没 没有 将 试图 尝试 开始 继续 已经 正在".split()
)
# Function words that are also bound morphemes of terms: 对 (字节对编码, "pair"), 比 (交并比, "ratio"),
# 向 (后向, "direction"), 同 (独立同分布, "same"), 并 (检测并分割, "and"), the particles 地 and 得 after an
# adverb (准确地|预测, where 地 "ground" would align with "ground-truth"), and the suffixes 化, 性 and 式 that
# jieba cuts off words it does not list (正则|化|方法, 抢占|式调度). They start a term only where the English says them
# (同策略 "on-policy", see english_side.HYPHEN_PREFIXES); inside one, they are free.
BOUND_SUFFIXES = frozenset("化 性 式".split())
# Localisers end a phrase (处理器上 "on the processor", 训练中 "in training"), not a term, unless the English says
# them (片上 "on-chip", 设备上 "on-device"): each with the English words that do.
_LOCALISERS_SAID = (
    "上:on,up,upper,online 中:in,within,during,middle 里:in,inside 内:in,within,inside,inner,internal,intra "
    "时:when,time,during"
)
LOCALISERS = {zh: frozenset(english.split(",")) for zh, english in (i.split(":") for i in _LOCALISERS_SAID.split())}
NOT_STARTING = frozenset("对 比 向 同 并 地 得".split()) | BOUND_SUFFIXES


_LATIN = re.compile(r"[A-Za-z]")
_TERM_START = re.compile(f"[{CJK_CHAR}A-Za-z]")


ALIGNED_WORD = 2.0  # credit for a matching word; a matching single character earns half
ALIGNED_CHAR = 1.0


@dataclass(frozen=True)
class Weights:
    aligned: float = 2.0  # a word whose meaning the English says
    unaligned_content: float = 0.6  # the span's first word: a dictionary noun, adjective or morpheme the English
    unaligned_other: float = 2.0  # ... or a dictionary verb, adverb, pronoun ... the English does not say
    unaligned_explained: float = 0.3  # ... that may translate an English word the dictionary found nothing for
    unaligned_inner: float = 0.3  # a word inside the span the English does not say (terse names leave words out)
    unknown: float = 0.3  # a word the dictionary does not know: terms are often new coinages
    short_of_gloss: float = 1.0  # the span ends before a trailing 的-phrase (指令跟随|的任务)
    cohesion: float = 1.5  # the span's first word is usually followed by the rest of the span in the corpus
    joining_inside: float = 1.5  # 的 or 和 inside the span
    length: float = 2.0  # per unit of |log(chars / expected chars)|
    fragment: float = 4.0  # the span nearly always follows the same character: part of a longer unit
    markup: float = 4.0  # the span starts just after an opening quote or emphasis
    splits_word: float = 2.0  # the span starts inside a dictionary word of three characters or more


WEIGHTS = Weights()


@dataclass(frozen=True)
class Choice:
    option: SpanOption
    score: float
    margin: float  # score over the runner-up (inf when there was no other candidate)

    @property
    def start(self) -> int:
        return self.option.start

    aligned: int  # words of the span the dictionary aligned with the English
    unaligned: int  # dictionary words of the span the English does not say


@cache
def tokens(text: str) -> tuple[str, ...]:
    """jieba's words for a span, the span segmented on its own (its segmentation in context may differ).

    jieba's HMM glues characters its dictionary does not know into words; a glued "word" holding a function
    character (语是, 个键, 或协) is taken apart again, so the function word is seen for what it is.
    """
    frequencies = jieba_tokenizer().FREQ
    out: list[str] = []
    for word in jieba_tokenizer().cut(text, HMM=True):
        if (
            len(word) > 1
            and not frequencies.get(word)
            and not _LATIN.search(word)
            and _FUNCTION_CHARS & set(word)
            and senses(word) is None  # 线上 "online" is a word, 器上 is not
        ):
            out.extend(word)
        elif word == "/" and out and _SLASHED_NAME.search(out[-1] + "/" + text[len("".join(out)) + 1 :][:1]):
            out[-1] += word  # A/B, I/O: one name; what follows the slash joins it below
        elif out and len(out[-1]) > 1 and out[-1].endswith("/") and _LATIN.match(word):
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


_SLASHED_NAME = re.compile(r"[A-Z0-9]/[A-Z0-9]$")


def cut_points(window: str, segmented: Sequence[str] | None = None) -> list[int]:
    """Offsets where a term may start, right to left: jieba's cuts with and without its HMM guesses.

    Two segmentations disagree exactly where one is unsure (或协|变量 against 或|协|变量), and the union
    keeps the right cut in either case. ``segmented`` is ``tokens(window)`` when the caller has it (the HMM
    segmentation, function characters split off).
    """
    points = set()
    for words in (segmented or tokens(window), jieba_tokenizer().cut(window, HMM=False)):
        offset = 0
        for word in words:
            points.add(offset)
            points.update(offset + cut for cut in _inner_cuts(word))
            offset += len(word)
    return sorted(
        (p for p in points if _TERM_START.match(window, p) and not _SLASHED_NAME.match(window[max(0, p - 2) : p + 1])),
        reverse=True,
    )


@cache
def _inner_cuts(word: str) -> tuple[int, ...]:
    """Cuts inside a dictionary word that glues a non-noun to a word: 应用|层 (application layer, in 应用层规范化
    "apply layer normalisation"), 多|通道. jieba's dictionary prefers the longer word; the shorter reading must
    stay possible."""
    if len(word) < 3:
        return ()
    frequencies = jieba_tokenizer().FREQ
    return tuple(
        cut
        for cut in range(1, len(word))
        if frequencies.get(word[cut:]) and frequencies.get(word[:cut]) and not _first_tag(word[:cut]).startswith("n")
    )


@cache
def _senses(word: str) -> frozenset[str]:
    """English stems the word can mean: its CC-CEDICT senses, a Latin word's own stems, or else every sense of
    each of its characters."""
    known = senses(word)
    if known is not None:
        return known
    if _LATIN.search(word):
        return frozenset(stem(w) for w in re.findall(r"[a-z]+", word.lower()))
    chars: set[str] = set()
    for ch in word:
        chars |= senses(ch) or frozenset()
    return frozenset(chars)


FUNCTION_WORDS = CLAUSE_WORDS | JOINING_WORDS | NOT_STARTING
# Single function characters, classifiers among them (个键 is 一个 + 键), and localisers (器上 is 处理器 + 上);
# not the suffixes, which jieba's HMM rightly glues to the word they end (加性, "additive").
_CLASSIFIERS = frozenset("个种些位只条件每各组套张批")
# Numerals and classifiers: before a noun they count it, they are not part of its name.
_COUNTING = frozenset("一二三四五六七八九十百千万几每各两") | _CLASSIFIERS
_FUNCTION_CHARS = (
    frozenset(w for w in FUNCTION_WORDS - BOUND_SUFFIXES if len(w) == 1) | _CLASSIFIERS | frozenset(LOCALISERS)
)


@cache
def _glued_function_word(word: str) -> bool:
    """A function word that jieba's HMM glued to what follows (或协, 和束, 一个头): a token its dictionary does
    not list, starting with a function word.

    Adjectives and nouns among the clause words (重要, 主要, 经典: context before a term, 重要的概念) are
    content words where they start a compound (重要性 "importance", 经典力学 "classical mechanics").
    """
    if len(word) < 2 or _LATIN.search(word):
        return False
    if jieba_tokenizer().FREQ.get(word):
        # A dictionary word made of a function word and a word (一个头 "a head taller") still reads as one; a
        # suffix glued to a word of two characters or more (抢占|式调度) does not.
        if word[0] in BOUND_SUFFIXES and len(word) > 2 and jieba_tokenizer().FREQ.get(word[1:]):
            return senses(word) is None  # 化工厂 "chemical plant" and 性取向 are words of their own
        return any(_function_prefix(word[:n], CLAUSE_WORDS) and jieba_tokenizer().FREQ.get(word[n:]) for n in (2, 3))
    if senses(word) is not None:
        return False  # a CC-CEDICT entry jieba does not list is a word (地址解析协议 "ARP", not 地 + 址解析协议)
    return any(_function_prefix(word[:n], FUNCTION_WORDS) for n in range(1, min(3, len(word) - 1) + 1))


def _function_prefix(prefix: str, words: frozenset[str]) -> bool:
    return prefix in words and (len(prefix) == 1 or not pos_tag(prefix).startswith(_CONTENT_TAGS))


_CONTENT_TAGS = ("a", "b", "n")  # jieba's adjectives, distinguishing words (主要, 常用) and nouns


def _first_tag(word: str) -> str:
    return pos_tag(word)


# jieba's tags for a word it does not list, and for names of people and other proper nouns.
_UNKNOWN_TAGS = frozenset("x nr nrt nrfg nz".split())


def aligns(zh: str, english: str) -> bool:
    """Whether the dictionary (or the prefix table) says this Chinese word means something the English says."""
    return _alignment(zh, EnglishSide.of(english))[0] > 0


@cache
def _alignment(word: str, english: EnglishSide) -> tuple[float, int, bool]:
    """(credit, English words accounted for, whether CC-CEDICT lists the word) for one Chinese word.

    A word the dictionary lists is matched as a whole. One it does not (凸函数, 长短期) is taken apart into the
    longest entries it is made of, from the left or from the right, whichever says more of the English (长短|期
    "length, period" or 长|短期 "long, short-term"), and each part that matches earns credit: a compound must not
    score below the part of it the dictionary happens to list.
    """
    listed = senses(word) is not None or bool(_LATIN.search(word))
    parts = _units(word)
    credit, matched, chars = _parts_alignment(parts, english)
    if len(parts) > 1 and (other := tuple(_dictionary_parts(word, from_right=True))) != parts:
        credit, matched, chars = max((credit, matched, chars), _parts_alignment(other, english), key=lambda a: a[0])
    if credit and len(parts) == 1 and len(word) > 2 and _says_only_its_tail(word, english, frozenset(matched)):
        credit = ALIGNED_CHAR
    # Known: CC-CEDICT lists it, or jieba's dictionary does (之为, a conjunction CC-CEDICT lacks): not a coinage.
    # A name jieba lists that CC-CEDICT does not (马尔可夫, 贝尔曼) is, like a coinage, a word whose English is
    # unknown here: in 马尔可夫奖励过程 it is what "Markov" says, not context before the term.
    known = listed or (len(word) > 1 and pos_tag(word) not in _UNKNOWN_TAGS)
    return credit, english.covered(frozenset(matched), frozenset(chars)), known


def _parts_alignment(parts: Sequence[str], english: EnglishSide) -> tuple[float, set[str], set[str]]:
    """(credit, English stems matched, prefix characters matched) of a word read as these parts."""
    credit = 0.0
    matched: set[str] = set()
    chars: set[str] = set()
    for index, part in enumerate(parts):
        hit = _senses(part) & english.stems
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
        or (len(word) > 1 and not _LATIN.search(word) and all(len(unit) > 1 for unit in _units(word)))
        for word in words
    )


def unexplained(words: Sequence[str], english: str) -> int:
    """English content words that no word of the span says and no word of it could (one the dictionary does
    not match, whatever it may translate): 模型 for "language model" leaves "language" unexplained."""
    side = EnglishSide.of(english)
    covered = free = 0
    for word in _rejoined(merge_dictionary_words(words), side):
        if word in JOINING_WORDS:
            continue
        _, accounted, _ = _alignment(word, side)
        if accounted:
            covered += accounted
        else:
            free += 1  # says nothing whole (可 of -able says a suffix): it may say what is left
    return max(0, len(side.vocabulary) - covered - free)


_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")


def _length(span: str) -> int:
    """A span's length in Chinese characters: a Latin word or number in it (Frobenius范数, RNN-T) stands for
    one English word, two characters' worth; spaces and hyphens are layout."""
    latin = _LATIN_WORD.findall(span)
    chinese = sum(1 for c in span if CJK_RE.match(c))
    return max(1, chinese + 2 * len(latin))


def _latin_said(word: str, english: EnglishSide) -> bool:
    """Whether the English says a Latin word of the span: as a word (Q of Q-learning) or by the initials of its
    words (KL散度 "Kullback-Leibler divergence")."""
    letters = re.sub("[^a-z]", "", word.lower())
    initials = {w[0] for w in english.said}
    return word.lower() in english.said or (bool(letters) and set(letters) <= initials)


def _says_a_word(char: str, rest: Sequence[str], english: EnglishSide) -> bool:
    """Whether a function character at the start of a span says the first English word, which the rest of the
    span does not: 和 "sum" in 和积算法 "sum-product algorithm", 等 "equal" in 等错误率 "equal error rate"; not 和
    "set" in 和|测试集 "test set", nor 还 "back" in 还|反向传播 "back propagation". Only a short word, whose stem
    is the word itself: five-letter stems of longer words collide (是 "correct" and correlation)."""
    if not english.vocabulary or any(not _alignment(other, english)[0] for other in rest):
        return False  # a later word that says nothing the dictionary knows may say it (以|均|方|误差 "mean ...")
    first, chars = english.vocabulary[0]  # the first character of a term says the first word of its English
    return any(
        len(word) <= 5
        and word not in STOP_WORDS
        and (said := stem(word)) in first & _senses(char)
        and not any(said in _senses(other) or other[:1] in chars for other in rest)
        for word in english.said
    )


def ends_phrase(word: str, english: EnglishSide) -> bool:
    """A localiser the English does not say: 处理器|上 "on the processor" against "processor", not 片上 "on-chip"."""
    return word in LOCALISERS and not LOCALISERS[word] & english.said


def _says_only_its_tail(word: str, english: EnglishSide, matched: frozenset[str]) -> bool:
    """Whether the English says only a last character of a dictionary word, not the word before it: 应用层
    "application layer" against "layer normalization" says 层, not 应用 (紧接着应用|层规范化). Such a word earns
    what that character would, so that the span starting at the character is not outscored by a longer one."""
    head, tail = word[:-1], word[-1]
    return (
        senses(head) is not None
        and not _senses(head) & english.stems
        and not english.prefix_chars & set(head[:1])
        and matched <= _senses(tail)
    )


def _lead_repeated(char: str, others: Sequence[str], english: EnglishSide) -> bool:
    """Whether a character says part of an English word that a later word says too: both cannot say it.

    Either the character is one the word's prefix or morpheme is translated with and a later word starts with
    one for the same English word (后 in 训练后|反向传播 "backpropagation"), or a later word says the whole word
    the character says a part of (后 "back" in 加载后|骨干 "backbone")."""
    later = [other for other in others if len(other) > 1]
    if not later:
        return False
    mine = _senses(char)
    for i, (stems, chars) in enumerate(english.vocabulary):
        if char in chars and any(other[:1] in chars for other in later):
            return True
        whole = english.wholes[i]
        if whole and (char in chars or mine & stems) and any(whole in _senses(other) for other in later):
            return True
    return False


def _repeats(word: str, others: Sequence[str], english: EnglishSide) -> bool:
    """Whether the span says this word's English more often than the English does (序列到序列 "sequence to
    sequence" may say 序列 twice; 空格代替不间断空格 "non-breaking space" may not say 空格 twice)."""
    mine = _senses(word) & english.stems
    if not mine:
        return False
    if len(word) == 1:  # a character's senses are too many to compare with other words: itself again only
        in_chinese = 1 + sum(1 for other in others if other == word)
    else:
        in_chinese = 1 + sum(1 for other in others if len(other) > 1 and mine <= _senses(other))
    in_english = sum(1 for part in english.parts if part in mine or part[:4] in mine)  # (see EnglishSide.of)
    return in_chinese > in_english


def _dictionary_parts(word: str, *, from_right: bool = False) -> list[str]:
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


@dataclass(frozen=True)
class SpanOption:
    """A candidate term: a span at the gloss, with its words (from pass 1, where jieba runs)."""

    start: int  # offsets in the document
    end: int
    span: str
    words: tuple[str, ...]
    first_tag: str  # jieba's part of speech of the first word
    short_of_gloss: str = ""  # what the span stops short of instead of ending at the gloss: a 的-phrase, a localiser
    first_glued: bool = False  # the first word is a function word glued to the next by jieba's HMM
    after_modal: bool = False  # the word before the span is a modal verb (需要定义凸集): its first word is a verb
    splits_word: str = ""  # a dictionary word the span starts inside (服务器 of 服务|器用公钥), if any

    @property
    def first_is_content(self) -> bool:
        """The first word is not a verb, adverb, pronoun, numeral or particle: nouns, adjectives and bound
        morphemes in a compound often add what a terse English name leaves implicit (全连接层, 主成分分析).
        jieba's tags are a general-language guess (it tags 层次 a numeral), so only clear cases count."""
        if len(self.words[0]) == 1:
            # nor a numeral or classifier, which jieba tags loosely (若干个|块 "block")
            return self.first_tag not in _FUNCTION_TAGS and self.words[0] not in _COUNTING
        if self.first_tag == "m":
            # a numeral word counts (一个, 多种, 若干个) where it ends in a numeral or classifier; 多层 "multi-layer"
            # and 层次 (jieba's numerals) are content
            return self.words[0][-1] not in _COUNTING
        return self.first_tag not in _NON_CONTENT_TAGS


_NON_CONTENT_TAGS = frozenset("v vd d p r c u uj ul uz uv ud ug y e o zg ad".split())
_NEVER_FIRST_TAGS = frozenset("c u uj ul uz uv ud ug r y e o".split())
# Single characters that are particles, prepositions, conjunctions, pronouns or adverbs (地, 至).
_FUNCTION_TAGS = frozenset("uv ud ug uj ul uz u p c r d y e o zg".split())
# What may trail a term before its gloss: a 的-phrase (指令跟随的任务) or a localiser (处理器上).
_TRAILING = re.compile(f"(?:的[{CJK_CHAR}]{{0,3}}|[{''.join(LOCALISERS)}])$")


def span_options(window: str, offset: int = 0) -> list[SpanOption]:
    """Every span the scorer may consider for a window ending at the gloss (uses jieba).

    Spans end at the gloss, or before a short trailing 的-phrase: in 指令跟随的任务(instruction following) the
    English glosses the words before 的.
    """
    ends = [len(window)]
    trailing = _TRAILING.search(window)
    if trailing and trailing.start() > 0 and not _inside_a_word(tokens(window), trailing.start()):
        ends.append(trailing.start())
    options = []
    for end in ends:
        # jieba finds the best segmentation right to left, so a span starting at one of its cuts is segmented
        # as the suffix of the whole: only spans starting elsewhere need segmenting on their own.
        in_context = tokens(window[:end])
        suffixes, previous, at = {}, {}, 0
        for k, word in enumerate(in_context):
            suffixes[at] = in_context[k:]
            previous[at] = in_context[k - 1] if k else ""
            at += len(word)
        for start in cut_points(window[:end], in_context):
            span = window[start:end]
            words = suffixes.get(start) or tokens(span)
            options.append(
                SpanOption(
                    offset + start,
                    offset + end,
                    span,
                    words,
                    _first_tag(words[0]),
                    window[end:],
                    _glued_function_word(words[0]),
                    previous.get(start, "") in MODALS,
                    _splits_word(window, start),
                )
            )
    return options


def _splits_word(text: str, at: int) -> str:
    """A CC-CEDICT word of three or four characters across position ``at`` (服务器 across 服务|器用), or "": jieba
    cut it, and a term does not start inside a word."""
    for i, j in ((at - 3, at + 1), (at - 2, at + 2), (at - 2, at + 1), (at - 1, at + 3), (at - 1, at + 2)):
        if i >= 0 and j <= len(text) and is_entry(text[i:j]):
            return text[i:j]
    return ""


def _inside_a_word(words: Sequence[str], at: int) -> bool:
    """Whether position ``at`` falls inside a dictionary word: the 中 of 未|命中 "miss" is no localiser (jieba's
    guesses, such as 处理|器上, do not count)."""
    start = 0
    for word in words:
        if start < at < start + len(word):
            return senses(word) is not None
        start += len(word)
    return False


def fixed_option(span: str, offset: int = 0) -> SpanOption:
    """The one option of a span a pattern delimited itself (English（中文）, English，即中文)."""
    words = tokens(span)
    return SpanOption(
        offset, offset + len(span), span, words, _first_tag(words[0]), first_glued=_glued_function_word(words[0])
    )


def fixed_options(span: str, offset: int = 0) -> list[SpanOption]:
    """The options of a span a pattern delimited: the span, and the span short of a trailing 的-phrase the
    English may not say (sliding window，即滑动窗口的方法)."""
    options = [fixed_option(span, offset)]
    trailing = _TRAILING.search(span)
    if trailing and trailing.start() > 1 and not _inside_a_word(options[0].words, trailing.start()):
        options.append(replace(fixed_option(span[: trailing.start()], offset), short_of_gloss=span[trailing.start() :]))
    return options


# Parts of speech that do not begin a term: numerals, classifiers, pronouns, adverbs (一套, 这种, 狠狠).
_NOT_TERM_START_TAGS = frozenset("m q mq r d zg".split())


def acceptable_term(option: SpanOption) -> bool:
    """Whether a span a pattern delimited (or a derived part) could be a term at all."""
    if not 2 <= len(option.span) <= 12 or option.first_tag in _NOT_TERM_START_TAGS:
        return False
    if option.words[-1] in JOINING_WORDS or option.words[-1] in CLAUSE_WORDS:
        return False
    return score_span(option.words, EnglishSide.of("x"), None, first_glued=option.first_glued)[0] != -math.inf


_FUNCTIONAL = CLAUSE_WORDS | JOINING_WORDS
_ASPECT_PARTICLES = frozenset("了 着 过".split())


@cache
def _merged(words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for word in words:
        # One function word with a word, not two function words (中|的 is "in ...'s", not 中的 "hit the target"),
        # and not an aspect particle after its verb (有|了 is "came to have", not 有了 "I've got it").
        if (
            out
            and (word in _FUNCTIONAL) != (out[-1] in _FUNCTIONAL)
            and word not in _ASPECT_PARTICLES
            and senses(out[-1] + word) is not None
        ):
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


def _cohesion(stats: CorpusStats, words: Sequence[str]) -> float:
    """How often the first word is followed by the rest of the words, when the whole recurs."""
    if len(words) < 2:
        return 0.0
    count = stats.count("".join(words))
    first = stats.count(words[0])
    return count / first if count >= 2 and first else 0.0


def _fragment_evidence(stats: CorpusStats, text: str) -> float:
    """0..1: how surely ``text`` is the tail of a longer unit (few sightings, or varied neighbours: 0)."""
    count = stats.count(text)
    if count < 2:
        return 0.0
    certainty = min(1.0, (count - 1) / 2)  # two sightings after the same character count half
    # A particle or function character before it (的基准 twice) is a phrase boundary, not a longer unit's head.
    return certainty * max(0.0, 1.0 - stats.left_entropy(text, _FUNCTION_CHARS))


def merge_dictionary_words(words: Sequence[str]) -> tuple[str, ...]:
    """Rejoin a function word jieba split off a dictionary word: 下|一个 -> 下一个 ("next one")."""
    return _merged(tuple(words))


@cache
def _rejoined(words: tuple[str, ...], english: EnglishSide) -> tuple[str, ...]:
    """Resegment where CC-CEDICT lists as one entry, saying what the English says, characters jieba split
    between words and none of whose parts says it: 数据|集 -> 数据集 "dataset" (数据 is only "data"), and
    测试数据|集 -> 测试|数据集 (a word the dictionary does not list splits into the entries it is made of)."""
    merged: list[tuple[int, int]] = []
    for start, end, entry, parts in _entries_across(words):
        if (
            (not merged or start >= merged[-1][1])
            and _senses(entry) & english.stems
            and not any(_senses(part) & english.stems for part in parts)
        ):
            merged.append((start, end))
    if not merged:
        return words
    cuts = {0, *accumulate(map(len, words))}
    for start, end in merged:
        cuts = {cut for cut in cuts if not start < cut < end} | {start, end}
    text = "".join(words)
    return tuple(text[a:b] for a, b in pairwise(sorted(cuts)))


@cache
def _units(word: str) -> tuple[str, ...]:
    """A word as the dictionary reads it: itself, or the entries it is made of when CC-CEDICT does not list it."""
    return tuple(_dictionary_parts(word)) if senses(word) is None and not _LATIN.search(word) else (word,)


@cache
def _entries_across(words: tuple[str, ...]) -> tuple[tuple[int, int, str, tuple[str, ...]], ...]:
    """CC-CEDICT entries of two to four units (see _units) that cross a cut between words, as (start, end,
    entry, its units), by start and longest first. Computed from the first word on, the rest (the same words
    less the first: the scorer's next candidate span) cached."""
    if len(words) < 2:
        return ()
    first = _units(words[0])
    units = [*first, *(unit for word in words[1:4] for unit in _units(word))]
    offsets = [0]
    for unit in units:
        offsets.append(offsets[-1] + len(unit))
    own = []
    for i in range(len(first)):
        for j in range(min(len(units), i + 4), max(len(first), i + 1), -1):
            entry = "".join(units[i:j])
            if senses(entry) is not None:
                own.append((offsets[i], offsets[j], entry, tuple(units[i:j])))
    shift = len(words[0])
    rest = ((start + shift, end + shift, entry, parts) for start, end, entry, parts in _entries_across(words[1:]))
    return (*own, *rest)


def score_span(
    words: Sequence[str],
    english: EnglishSide,
    stats: CorpusStats | None,
    weights: Weights = WEIGHTS,
    starts_at_markup: bool = False,
    first_is_content: bool = True,
    first_glued: bool = False,
    after_modal: bool = False,
    *,
    rejoin: bool = True,
) -> tuple[float, int, int]:
    """Score a candidate span given as its words; (score, aligned words, unaligned dictionary words)."""
    words = merge_dictionary_words(tuple(w for w in words if not w.isspace()))  # (CAP 定理: a layout space)
    if not words or first_glued or (words[0] in JOINING_WORDS and not _says_a_word(words[0], words[1:], english)):
        return -math.inf, 0, 0
    if words[0] in NOT_STARTING and not (len(words) == 2 and words[0] in english.prefix_chars):
        # Unless it is the prefix of a two-part calque the English's prefix says (同策略 "on-policy"): in
        # 同在线学习（on-line learning）相比 it is "compared with".
        return -math.inf, 0, 0
    if len(words[0]) > 1 and pos_tag(words[0]) in _NEVER_FIRST_TAGS and not _alignment(words[0], english)[1]:
        # a conjunction, particle or pronoun (之为, 而且) never starts a term, unless the English says it (自我反思
        # "self-reflection")
        return -math.inf, 0, 0
    if words[0] in MODALS and words[0] not in english.prefix_chars and not _alignment(words[0], english)[1]:
        # 会释放互斥锁 "mutex": a modal verb starts a clause, not a term, unless the English says it (不可抢占 "no
        # preemption", 可学习 "learnable", 开始符号 "start symbol")
        return -math.inf, 0, 0
    # A clause word ends the search, unless the English says it (通过时间反向传播 "backpropagation through
    # time", 同时检测并分割 "simultaneous detection and segmentation"): single characters always do, but for
    # the morpheme of an English affix (最 of shortest: 最短作业优先).
    if any(
        word in CLAUSE_WORDS
        and (
            (
                word not in english.prefix_chars
                and not (k == 0 and _says_a_word(word, words[1:], english))
                and not (word in LOCALISERS and not ends_phrase(word, english))  # 网络中的网络 "network in network"
            )
            if len(word) == 1
            else not _alignment(word, english)[0]
        )
        for k, word in enumerate(words)
    ):
        return -math.inf, 0, 0
    score = 0.0
    aligned = unaligned = covered = 0
    unaligned_positions = []
    for position, word in enumerate(words):
        if word in JOINING_WORDS and position > 0:  # (at the start only where it says a word, see above)
            score -= weights.joining_inside
            continue
        if word in NOT_STARTING and word not in english.prefix_chars:
            continue
        if position == 0 and word in FRAME_OPENERS and "的" in words[2:]:
            # 基于人类反馈的强化学习 "reinforcement learning from human feedback": the frame 基于 ... 的 ("X-based")
            # is one piece of the name; without 基于, 人类反馈的强化学习 is no name at all.
            score += weights.aligned
            aligned += 1
            continue
        credit, accounted, known = _alignment(word, english)
        if credit and _repeats(word, words[position + 1 :], english):
            # A later word says again what this one says (空格 in 空格代替不间断空格 "non-breaking space", 出现
            # "emerge" in 会出现涌现能力 "emergent abilities"): a translation pairs each English word with one
            # Chinese word, the one nearest the rest of the term.
            credit = 0.0
        if credit and len(word) == 1 and _lead_repeated(word, words[position + 1 :], english):
            # A character standing for a prefix the next words already spell (后 "after" in 训练后|反向传播
            # "backpropagation", where 反向 says back-) is context, as in 后训练 "post-training" it is not.
            credit = 0.0
        if credit and len(words) == 1:
            credit = max(credit, ALIGNED_WORD)  # a lone character that is the whole term (头 "head")
        if credit:
            score += credit * weights.aligned / ALIGNED_WORD
            aligned += 1
            covered += accounted
        elif not known:
            score += weights.unknown
        else:
            unaligned_positions.append(position)
    # English words nothing in the span accounts for: the dictionary's gaps. As many unaligned Chinese words,
    # nearest the gloss first, may be their translation (迁移 for "transfer" in 迁移学习); the rest are context.
    slack = max(0, len(english.vocabulary) - covered)
    if slack and rejoin and (rejoined := _rejoined(words, english)) != words:
        # ... or jieba split a word that says one (数据|集, see _rejoined): score the words it makes, the first
        # of them judged anew if it changed (测试数据|集 -> 测试|数据集).
        if rejoined[0] != words[0]:
            first = SpanOption(0, 0, rejoined[0], rejoined, _first_tag(rejoined[0]))
            first_is_content, first_glued = first.first_is_content, _glued_function_word(rejoined[0])
        return score_span(
            rejoined,
            english,
            stats,
            weights,
            starts_at_markup,
            first_is_content,
            first_glued,
            after_modal,
            rejoin=False,
        )
    for position in reversed(unaligned_positions):
        unaligned += 1
        if position == 0 and _LATIN.search(words[0]) and not _latin_said(words[0], english):
            score -= weights.unaligned_other  # A100 显卡 "GPU": a Latin word the English would have kept
        elif position == 0 and after_modal:
            score -= weights.unaligned_other  # 需要|定义凸集: after a modal comes a verb, context for the term
        elif position == len(words) - 1 and ends_phrase(words[-1], english):
            score -= weights.unaligned_other  # 处理器|上（CPU）: a localiser ends a phrase
        elif slack > 0:
            slack -= 1
            score -= weights.unaligned_explained
        elif position > 0:
            # Inside the span a word is included anyway once a word left of it is; the boundary decision
            # is about the first word.
            score -= weights.unaligned_inner
        else:
            # A verb or adverb before a term is usually context (使用, 说明); one that recurs with the rest of
            # the span as a unit is part of the term (随机梯度下降).
            content = len(words) == 1 or first_is_content or (stats is not None and _cohesion(stats, words) >= 0.25)
            score -= weights.unaligned_content if content else weights.unaligned_other
    span = "".join(words)
    score -= weights.length * abs(math.log(_length(span) / expected_chars(english)))
    if stats is not None:
        # The span holds a unit the corpus keeps together: a word nearly always followed by the rest of the span
        # (马尔可夫 -> 马尔可夫模型). A longer span holding the same unit keeps the credit (一阶马尔可夫模型).
        if any(_cohesion(stats, words[k:]) >= 0.5 for k in range(len(words) - 1)):
            score += weights.cohesion
        # A term does not start inside a recurring unit: the span (or its first word) nearly always following
        # the same character marks a fragment (连接层 of 全连接层, 模态 of 多模态).
        score -= weights.fragment * max(_fragment_evidence(stats, span), _fragment_evidence(stats, words[0]))
    if starts_at_markup:
        score += weights.markup
    return score, aligned, unaligned


def choose(
    options: Sequence[SpanOption],
    english: str,
    stats: CorpusStats | None = None,
    *,
    markup_start: int | None = None,
    weights: Weights = WEIGHTS,
) -> Choice | None:
    """The best of the candidate spans for this English, or None when none qualifies."""
    side = EnglishSide.of(english)
    scored: list[tuple[float, int, int, int]] = []
    for index, option in enumerate(options):
        if option.short_of_gloss.startswith("的") and adjectival(english):
            continue  # Lipschitz continuous: 利普希茨连续的 keeps its 的
        s, aligned, unaligned = score_span(
            option.words,
            side,
            stats,
            weights,
            markup_start == option.start,
            option.first_is_content,
            option.first_glued,
            option.after_modal,
        )
        if s == -math.inf:
            continue
        if option.short_of_gloss:
            s -= weights.short_of_gloss
        if option.splits_word and not _senses(option.splits_word) & side.stems:
            # ... unless the English says part of that word: 紧接着应用|层规范化 "layer normalization"
            s -= weights.splits_word
        scored.append((s, index, aligned, unaligned))
    if not scored:
        return None
    scored.sort(key=lambda t: -t[0])
    best = scored[0]
    margin = best[0] - scored[1][0] if len(scored) > 1 else math.inf
    return Choice(options[best[1]], best[0], margin, best[2], best[3])
