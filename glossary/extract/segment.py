"""The Chinese side of a gloss, as pass 1 reads it: the word classes the boundary rules name, jieba's words around
a gloss, and the candidate spans (SpanOption) that boundary.py scores in pass 2.

jieba only proposes cut points: with and without its HMM guesses, inside dictionary words that glue a modifier to
a word (应用|层), never after the slash of a name (A/B). Each option records what pass 2 cannot see without the
text: the words before it (a modal), a function word jieba glued to it, a dictionary word it starts inside.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from ..lexicon import STOP_WORDS, can_be_verb, is_entry, jieba_tokenizer, pos_tag, senses, stem
from ..normalize import CJK_CHAR, CJK_RE, GREEK_CHAR, LATIN_CHAR
from .english import SLASHED
from .english_side import says_number
from .frozen import Picklable

LATIN = re.compile(f"[{LATIN_CHAR}{GREEK_CHAR}]")  # a letter of a Latin (or Greek) word: Q学习, μ律
# A term starts with a Chinese character, a letter, or a number joined to a letter or another number (3D 并行 "3D
# parallelism", 0-1背包问题 "zero-one knapsack problem", 2-SAT问题).
_TERM_START = re.compile(f"[{CJK_CHAR}{LATIN_CHAR}{GREEK_CHAR}]|[0-9]+(?:[A-Za-z]|[-–][0-9A-Za-z])")
# The three characters around a cut inside a Latin name, which no term starts after: A/B 测试, Weisfeiler-Lehman.
# (Qwen2.5-7B, α-β, pass@k, Q&A, C4.5)
# (and between two Latin letters, where jieba parts a word at a letter with a diacritic: Erd|ő|s)
_NAME_CHAR = f"[{LATIN_CHAR}0-9{GREEK_CHAR}]"
_INSIDE_A_NAME = re.compile(
    f"{SLASHED.pattern}|{_NAME_CHAR}[-–@&]{_NAME_CHAR}|[0-9][.][0-9]|.[{LATIN_CHAR}]{{2}}", re.S
)

# The clause words that name what follows (称为 "is called"): a term never holds one, whatever sense of it the
# English shares (称为|工具调用 "tool calling": 称 "call")
NAMING_WORDS = frozenset(
    "称为 称作 称之为 被称为 被称作 叫做 叫作 记为 记作 定义为 表示为 简称 又称 也称 也叫 命名为 称其为 统称 统称为 "
    "合称 并称 俗称 通称 泛称 别称 译为 译作 意为 亦称 又名 名为 也称为 又称为 也被称为 也叫做".split()
)

# Words that end the search: a term never starts with, nor contains, one of these.
CLAUSE_WORDS = (
    frozenset(
        "是 为 被 把 将 由 从 在 让 使 用 做 令 以 于 至 给 跟 等 即 也 又 还 就 都 而 但 则 "
        "若 如 或者 了 着 中 里 称 叫 即为 就是 也就是 使用 利用 采用 通过 根据 进行 实现 包括 包含 "
        "介绍 讨论 描述 考虑 提出 引入 得到 获得 成为 作为 具有 需要 可以 能够 能 会 可能 应该 我们 你 我 "
        "他 她 它 它们 他们 这 那 这个 那个 这些 那些 这种 那种 这样 该 其 此 每个 一个 一种 一些 "
        "某个 所有 许多 很多 各种 例如 比如 譬如 如果 因为 由于 所以 因此 然后 之后 之前 通常 一般 "
        "非常 十分 很 最 更 已经 正在 如何 什么 怎样 主要 常见 常用 所谓 著名 经典 传统 简单 重要 "
        "不同 相同 这里 这时 此时 其中 其他 另 另一个 另一种 首先 其次 最后 同时 还有 以及 并且 而且 "
        "以便 用于 用来 将其 必须 应当 得以 试图 满足 产生 属于 若干 大量 少量 诸多 众多 同一个 亦即 "
        "用作 乘以 除以 之间 是指 成 呈 借助 凭借 借由 依靠".split()
    )
    | NAMING_WORDS
)


_CLAUSE_WORD = re.compile("|".join(sorted((w for w in CLAUSE_WORDS if len(w) > 1), key=len, reverse=True)))


ASPECT_PARTICLES = frozenset("了 着 过".split())


# Complements of result that jieba's dictionary glues to the verb before them (翻译成, 编译成 "compile into"): a
# clause word, which the term after them does not hold.
_RESULTATIVES = frozenset("成 为".split())


# Words that may sit inside a term (基于位置的前馈网络, 加法和规范化) but never start one; inside, they cost.
JOINING_WORDS = frozenset("的 和 与 及 以及 之 或 到 、 &".split())


# Prepositions that open a frame closed by 的 inside a name: 基于梯度的方法 "gradient-based methods", 面向对象的
# 程序设计 "object-oriented programming", 带偏置的线性层 "linear layer with bias"; each with the English words that
# say the frame.
FRAME_OPENERS = {
    "基于": frozenset({"based", "using"}),
    "面向": frozenset({"oriented", "aware"}),
    "带": frozenset({"with"}),
}


# Modal and auxiliary verbs: the word after one is a verb (需要|定义|凸集), not the start of a term.
MODALS = frozenset(
    "需要 要 可以 可 能 能够 会 应 应该 应当 必须 得以 不 没 没有 将 试图 尝试 开始 继续 已经 正在".split()
)


# Function words that are also bound morphemes of terms: 对 (字节对编码, "pair"), 比 (交并比, "ratio"),
# 向 (后向, "direction"), 同 (独立同分布, "same"), 并 (检测并分割, "and"), the particles 地 and 得 after an
# adverb (准确地|预测, where 地 "ground" would align with "ground-truth"), and the suffixes 化, 性, 式 and 者 that
# jieba cuts off words it does not list (正则|化|方法, 抢占|式调度, 掉队|者问题). They start a term only where the
# English says them (同策略 "on-policy", see english_side.HYPHEN_PREFIXES); inside one, they are free.
BOUND_SUFFIXES = frozenset("化 性 式 者".split())


# Localisers end a phrase (处理器上 "on the processor", 训练中 "in training"), not a term, unless the English says
# them (片上 "on-chip", 设备上 "on-device"): each with the English words that do.
_LOCALISERS_SAID = (
    "上:on,up,upper,online 中:in,within,during,middle 里:in,inside 内:in,within,inside,inner,internal,intra "
    "时:when,time,during,on 下:under,down,below,lower,sub,next"
)


LOCALISERS = {zh: frozenset(english.split(",")) for zh, english in (i.split(":") for i in _LOCALISERS_SAID.split())}


NOT_STARTING = frozenset("对 比 向 同 并 地 得".split()) | BOUND_SUFFIXES


@cache
def tokens(text: str) -> tuple[str, ...]:
    """jieba's words for a span, the span segmented on its own (its segmentation in context may differ).

    jieba's HMM glues characters its dictionary does not know into words; a glued "word" holding a function
    character (语是, 个键, 或协, 下核) is taken apart again, so the function word is seen for what it is; not a
    longer one whose only function characters are localisers after its first, most likely a name (德劳内
    "Delaunay"). So is a phrase of function characters jieba's dictionary lists (是从 "is from", 并用), not a noun
    (下位) nor a word CC-CEDICT lists. A verb glued to its complement of result (翻译成) is cut before it. A name
    written with a slash between capitals or digits (A/B, I/O) is one word, and so is a Latin word with a letter
    jieba does not know as a letter (Fréchet).
    """
    frequencies = jieba_tokenizer().FREQ
    out: list[str] = []
    at = 0  # where the word starts in text
    for word in jieba_tokenizer().cut(text, HMM=True):
        if (
            len(word) > 1
            and not LATIN.search(word)
            and FUNCTION_CHARS & set(word)
            and senses(word) is None  # 线上 "online" is a word, 器上 is not
            and (
                # a phrase of function characters jieba's dictionary lists (是从 "is from"), not a noun (下位 of 下位词)
                (set(word) <= FUNCTION_CHARS and not pos_tag(word).startswith("n"))
                or (
                    not frequencies.get(word)
                    and not (
                        len(word) > 2
                        and word[0] not in FUNCTION_CHARS
                        and set(word) & FUNCTION_CHARS <= set(LOCALISERS)
                    )
                )
            )
        ):
            out.extend(word)
        elif len(word) > 2 and word[-1] in _RESULTATIVES and senses(word) is None and can_be_verb(word[:-1]):
            out.extend((word[:-1], word[-1]))  # a verb and its result: 翻译|成 "translate into", 编译|成
        elif out and word == "/" and SLASHED.fullmatch(out[-1][-1:] + text[at : at + 2]):
            out[-1] += word  # A/: the word after the slash joins it next
        elif out and len(out[-1]) > 1 and out[-1].endswith("/") and LATIN.match(word):
            out[-1] += word
        elif (
            out
            and out[-1] in MODALS
            and len(word) == 1
            and first_tag(word).startswith("n")
            and is_entry(out[-1] + word)
        ):
            # a modal verb before a noun is a word jieba does not list: 会|话 "session", 应|力 "stress"
            out[-1] += word
        elif out and _LATIN_LETTER.match(word) and _LATIN_LETTER.match(out[-1][-1]):
            out[-1] += word  # a Latin word jieba parted at a letter with a diacritic: Fr|é|chet
        else:
            out.append(word)
        at += len(word)
    return tuple(out)


_LATIN_LETTER = re.compile(f"[{LATIN_CHAR}]")


def cut_points(window: str, segmented: Sequence[str] | None = None, numbered: str = "") -> list[int]:
    """Offsets where a term may start, right to left: jieba's cuts with and without its HMM guesses; and the ends
    of clause words of two characters or more (never inside one ending in 为, whatever jieba read: 称|为主成分分析).

    Two segmentations disagree exactly where one is unsure (或协|变量 against 或|协|变量), and the union
    keeps the right cut in either case. ``segmented`` is ``tokens(window)`` when the caller has it (the HMM
    segmentation, function characters split off). A term starts with a number before Chinese only where its
    English starts with that number, ``numbered`` (4 比特量化 "4-bit quantization"; not 2个模型).
    """
    points = set()
    for words in (segmented or tokens(window), jieba_tokenizer().cut(window, HMM=False)):
        offset = 0
        for word in words:
            points.add(offset)
            points.update(offset + cut for cut in _inner_cuts(word))
            offset += len(word)
    for clause_word in _CLAUSE_WORD.finditer(window):
        points.add(clause_word.end())
        if clause_word.group().endswith("为"):
            # 称为|主成分分析, where jieba reads 称|为主 ("mainly"). Not every clause word: a match may straddle two
            # words jieba rightly cut (即使|用户画像 holds 使用, 其|中心点 其中).
            points.difference_update(range(clause_word.start() + 1, clause_word.end()))
    return sorted(
        (
            p
            for p in points
            if (_TERM_START.match(window, p) or _starts_numbered(window, p, numbered))
            and not _INSIDE_A_NAME.fullmatch(window, max(0, p - 2), p + 1)
        ),
        reverse=True,
    )


def _starts_numbered(window: str, at: int, number: str) -> bool:
    """Whether the number a term's English starts with starts here, before Chinese or a Greek letter (4 比特量化,
    3σ准则), which does not say it again (a figure's number before the term: 图 1 独热编码 "one-hot encoding")."""
    if not number or not window.startswith(number, at) or (at and window[at - 1].isdigit()):
        return False
    after = window[at + len(number) : at + len(number) + 2].lstrip(" ")
    return _CHINESE_OR_GREEK.match(after) is not None and not says_number(after[0], number)


_CHINESE_OR_GREEK = re.compile(f"[{CJK_CHAR}{GREEK_CHAR}]")


# Negations that are the prefixes of terms (非凸 non-convex, 不可约 irreducible, 无监督 unsupervised, 未命中 miss).
NEGATIONS = frozenset("非不无未")
# ... and the prefixes a clause character is glued to in a word of jieba's (是非, 即可): 可 "-able" (可忽略性
# "ignorability", 可学习 "learnable")
_TERM_PREFIXES = NEGATIONS | {"可"}


@cache
def _inner_cuts(word: str) -> tuple[int, ...]:
    """Cuts inside a dictionary word that glues a non-noun to a word: 应用|层 (application layer, in 应用层规范化
    "apply layer normalisation"), 多|通道, or between two dictionary words of a phrase (记录|时间戳). jieba's
    dictionary prefers the longer word; the shorter reading must stay possible. And after a clause or joining
    character glued to a prefix that starts terms: 是|非凸 "non-convex", where jieba reads 是非 "right and
    wrong", 即|可忽略性 "ignorability" (即可 "then can"); or after a verb or preposition of the clause glued to the
    next character in a phrase jieba lists and CC-CEDICT does not take for a word: 用|布隆过滤器, where jieba reads
    用布 "use cloth" (not 用词 "wording", nor 用户 "user", which are words)."""
    if len(word) >= 2 and (word[0] in CLAUSE_WORDS or word[0] in JOINING_WORDS) and word[1] in _TERM_PREFIXES:
        return (1,)  # (与|非监督学习, where jieba reads 与非 "NAND")
    if len(word) == 2 and word[0] in CLAUSE_WORDS and first_tag(word[0]) in _TAKES_AN_OBJECT and senses(word) is None:
        return (1,)
    if glued_preposition(word) or clause_verb_word(word):
        return (1,)
    if counted_noun(word, classifiers=True):
        # 一|帧 "frame": the noun a numeral counts may be the term; and a classifier the English says may be a word
        # of it (两|组归一化 "group normalization"; see boundary._starts_no_term)
        return (1,)
    if len(word) < 3:
        return ()
    frequencies = jieba_tokenizer().FREQ
    return tuple(
        cut
        for cut in range(1, len(word))
        if frequencies.get(word[cut:])
        and frequencies.get(word[:cut])
        and (not first_tag(word[:cut]).startswith("n") or _dictionary_words(word, cut))
    )


def _dictionary_words(word: str, cut: int) -> bool:
    """Whether a word of jieba's is a verb and its object, words of CC-CEDICT of two characters or more, which
    CC-CEDICT does not list whole: jieba's dictionary holds phrases (记录时间 "record time"), and a term may start
    at the object (时间戳 "timestamp"). Not two nouns: 体系结构 "architecture", 数据备份 "backup" are compounds
    that one English word may translate whole. (A single character may be the sound of a name: 埃|尔德.)"""
    return (
        1 < cut < len(word) - 1
        and senses(word) is None
        and can_be_verb(word[:cut])  # (a word of CC-CEDICT's, then)
        and is_entry(word[cut:])
    )


@cache
def clause_verb_word(word: str) -> bool:
    """A verb of two characters that a clause's verb or preposition opens (做主 "to decide", 用于 "to use in"), which
    jieba may have read where that verb or preposition comes before a term that starts with the second character:
    做|主成分分析 "principal component analysis". (A noun, 用户 "user", is read as written.)"""
    return (
        len(word) == 2
        and word[0] in CLAUSE_WORDS
        and first_tag(word[0]) in _TAKES_AN_OBJECT
        and pos_tag(word) == "v"
        and senses(word) is not None
    )


@cache
def glued_preposition(word: str) -> bool:
    """A dictionary word of a preposition and a noun character, which may be a preposition before a term that
    starts with the noun: 对|流处理 "stream processing", where jieba reads 对流 "convection". A span starting
    inside costs what starting inside any word does, unless the English says the noun (流 "stream"; not 对|象存储
    "object storage")."""
    return len(word) == 2 and first_tag(word[0]) == "p" and first_tag(word[1]).startswith("n")


FUNCTION_WORDS = CLAUSE_WORDS | JOINING_WORDS | NOT_STARTING
_TAKES_AN_OBJECT = frozenset("p v".split())  # jieba's tags of prepositions and verbs


CLASSIFIERS = frozenset("个种些位只条件每各组套张批块台颗枚款")


NUMERALS = frozenset("一二三四五六七八九十百千万几两")
_VERBAL_CLASSIFIERS = frozenset("次遍回趟番")  # how many times something happens (两次往返 "two round trips")

# Numerals and classifiers: before a noun they count it, they are not part of its name.
_COUNTING = NUMERALS | frozenset("每各") | CLASSIFIERS


def counted_noun(word: str, *, classifiers: bool = False) -> str:
    """The noun a numeral jieba glued it to counts, as a classifier (一帧 "one frame", 两层), or "": not in a word
    of its own (一级 "first-class"), nor a numeral (一万), a classifier of times (两次 "twice") or a localiser (一下
    "a bit"). With ``classifiers``, also the classifier it counts by (两组: 组, "group" where the English says it).
    """
    noun = word[1:]
    if len(word) != 2 or word[0] not in NUMERALS or senses(word) is not None:
        return ""
    if classifiers and noun in CLASSIFIERS:
        return noun
    if noun not in _COUNTING and noun not in _VERBAL_CLASSIFIERS and content_character(noun) and pos_tag(noun) != "f":
        return noun
    return ""


def is_counting_numeral(word: str) -> bool:
    """A numeral word that counts or qualifies what follows, of jieba's numerals: one ending in a numeral or
    classifier (多种, 若干个) or starting with 一, 两 or 几 (一层 "one layer", 一下 "a bit"); not 多层 "multi-layer",
    二元 "binary", 三维 or 层次, which name, nor an ordinal (第三范式 "third normal form"; but 第一个 counts), nor
    一致性, which jieba tags a noun."""
    return (
        len(word) > 1
        and (word[0] in "一两几" or word[-1] in _COUNTING)
        and not (word.startswith("第") and word[-1] not in CLASSIFIERS)
        and first_tag(word) in ("m", "mq", "q")
    )


# Single function characters, classifiers among them (个键 is 一个 + 键), and localisers (器上 is 处理器 + 上);
# not the suffixes, which jieba's HMM rightly glues to the word they end (加性, "additive").
FUNCTION_CHARS = (
    frozenset(w for w in FUNCTION_WORDS - BOUND_SUFFIXES if len(w) == 1) | CLASSIFIERS | frozenset(LOCALISERS)
)


# Characters that open no term, which jieba's HMM glues to the next one in a word it does not know: a modal verb
# (要|加位置编码), or an aspect or phase complement of the verb before (做完|预训练, 有了|它); not a term's prefix
# (可 "-able", 不 "un-", 过 "over-" of 过压保护).
_GLUED_OPENERS = (frozenset(m for m in MODALS if len(m) == 1) | ASPECT_PARTICLES | {"完"}) - _TERM_PREFIXES - {"过"}


@cache
def glued_function_word(word: str) -> bool:
    """A function word that jieba's HMM glued to what follows (或协, 和束, 一个头): a token its dictionary does
    not list, starting with a function word.

    Adjectives and nouns among the clause words (重要, 主要, 经典: context before a term, 重要的概念) are
    content words where they start a compound (重要性 "importance", 经典力学 "classical mechanics").
    """
    if len(word) < 2 or LATIN.search(word):
        return False
    if jieba_tokenizer().FREQ.get(word):
        # A dictionary word made of a function word and a word (一个头 "a head taller") still reads as one; a
        # suffix glued to a word of two characters or more (抢占|式调度) does not.
        if word[0] in BOUND_SUFFIXES and len(word) > 2 and jieba_tokenizer().FREQ.get(word[1:]):
            return senses(word) is None  # 化工厂 "chemical plant" and 性取向 are words of their own
        return any(_function_prefix(word[:n], CLAUSE_WORDS) and jieba_tokenizer().FREQ.get(word[n:]) for n in (2, 3))
    if senses(word) is not None:
        return False  # a CC-CEDICT entry jieba does not list is a word (地址解析协议 "ARP", not 地 + 址解析协议)
    return word[0] in _GLUED_OPENERS or any(
        _function_prefix(word[:n], FUNCTION_WORDS) for n in range(1, min(3, len(word) - 1) + 1)
    )


def _function_prefix(prefix: str, words: frozenset[str]) -> bool:
    return prefix in words and (len(prefix) == 1 or not pos_tag(prefix).startswith(_CONTENT_TAGS))


_CONTENT_TAGS = ("a", "b", "n")  # jieba's adjectives, distinguishing words (主要, 常用) and nouns


# English senses a conjunction's CC-CEDICT entry has, as stems (senses() gives stems): connectives and discourse
# adverbs (因此 "therefore", 或者 "perhaps", 不管 "regardless"), as against a content word's (即时 "immediate").
_CONNECTIVE_SENSES = frozenset(
    stem(word)
    for word in [
        *STOP_WORDS,
        *(
            "if but and or because so therefore thus hence moreover besides furthermore however although though even "
            "whether unless otherwise since while yet still despite addition consequently result conversely contrary "
            "instead namely after later then next afterwards subsequently meanwhile other another his her their not "
            "isn't only maybe perhaps possibly probably rather regardless matter when how why what where which who "
            "whatever always never ever just merely simply exactly indeed really quite very too all any every each "
            "some none nothing anything everything order lest avoid case suppose given provided far concerning "
            "regarding speaking short brief sum summary word fact course whole general hand side reason accordingly "
            "except including let alone say mention without"
        ).split(),
    ]
)


def first_tag(word: str) -> str:
    return pos_tag(word)


@cache
def content_conjunction(word: str) -> bool:
    """A conjunction by jieba's tag to which CC-CEDICT gives only senses no connective or discourse adverb has (即时
    "immediate", 因果 "cause and effect", 假说 "hypothesis", 既有 "existing"): jieba's general-language dictionary
    tags those c, and a term may start with them (即时编译 "just-in-time compilation"). Not a negation's (不是
    "fault"), nor one CC-CEDICT gives no sense (进而)."""
    known = senses(word) or frozenset()
    return (
        pos_tag(word) == "c"
        and len(word) > 1
        and word[0] not in NEGATIONS
        and bool(known)
        and not known & _CONNECTIVE_SENSES
    )


@dataclass(frozen=True)
class SpanOption(Picklable):
    """A candidate term: a span at the gloss, with its words (from pass 1, where jieba runs)."""

    start: int  # offsets in the document
    end: int
    span: str
    words: tuple[str, ...]
    first_tag: str  # jieba's part of speech of the first word
    short_of_gloss: str = ""  # what the span stops short of instead of ending at the gloss: a 的-phrase, a localiser
    first_glued: bool = False  # the first word is a function word glued to the next by jieba's HMM
    after_modal: bool = False  # the word before the span is a modal verb (需要定义凸集): its first word is a verb
    # a word the span starts inside, as its parts outside and inside the span (服务|器 of 服务|器用公钥, 直|推学习;
    # see _splits_word)
    splits_word: tuple[str, str] = ("", "")
    before: str = ""  # the character before the span, layout spaces skipped ("" at the window's start)
    after_word: bool = False  # jieba's words in context cut before the span, after a word of two characters or more
    previous: str = ""  # jieba's word before the span in context ("" at the window's start, or inside a word)
    # a word of three characters or more in jieba's dictionary that the span starts inside, as its parts outside and
    # inside the span (应用|层规范化, 检|查点): a word all the same where the English says the part left out
    inside_listed: tuple[str, str] = ("", "")
    # a 把 (or 将 before a noun) before the span in its clause: the disposal construction, whose verb's object comes
    # between them and the verb (把权重卸载到 CPU "offload the weights to the CPU")
    after_disposal: bool = False

    @property
    def first_is_content(self) -> bool:
        """The first word is not a verb, adverb, pronoun, numeral or particle: nouns, adjectives and bound
        morphemes in a compound often add what a terse English name leaves implicit (全连接层, 主成分分析).
        jieba's tags are a general-language guess (it tags 层次 a numeral), so only clear cases count."""
        if len(self.words[0]) == 1:
            # nor a numeral or classifier, which jieba tags loosely (若干个|块 "block"), nor a localiser, which ends
            # a phrase before the term (多核环境下|秩 "rank")
            return self.first_tag not in _FUNCTION_TAGS and self.first_tag != "f" and self.words[0] not in _COUNTING
        if self.first_tag == "m":
            return not is_counting_numeral(self.words[0])
        return self.first_tag not in _NON_CONTENT_TAGS


_NON_CONTENT_TAGS = frozenset("v vd d p r c u uj ul uz uv ud ug y e o zg ad".split())


NEVER_FIRST_TAGS = frozenset("c u uj ul uz uv ud ug r y e o".split())


# Single characters that are particles, prepositions, conjunctions, pronouns or adverbs (地, 至).
_FUNCTION_TAGS = frozenset("uv ud ug uj ul uz u p c r d y e o zg".split())

# ... less adverbs, which jieba tags characters of a word it does not know as (直|推 of 直推学习)
_PARTICLE_TAGS = _FUNCTION_TAGS - {"d"}


# What may trail a term before its gloss: a 的-phrase (指令跟随的任务) or a localiser (处理器上).
_TRAILING = re.compile(f"(?:的[{CJK_CHAR}]{{0,3}}|[{''.join(LOCALISERS)}])$")


def span_options(window: str, offset: int = 0, *, numbered: str = "") -> list[SpanOption]:
    """Every span the scorer may consider for a window ending at the gloss (uses jieba); ``numbered``, the number
    the English starts with (see cut_points).

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
        # starts inside a name jieba guessed in context (古|斯塔夫, 维|克里), at no common word (出|会话 is no name),
        # or after a preposition glued to the first character (对|流处理)
        inside_word: dict[int, tuple[str, str]] = {}
        inner: dict[int, tuple[str, str]] = {}
        disposed: set[int] = set()  # starts after a 把 of the window (把|权重|卸载)
        for k, word in enumerate(in_context):
            suffixes[at] = in_context[k:]
            previous[at] = in_context[k - 1] if k else ""
            # (将 is as often "will": 将|在第三章|介绍 has no object after it)
            if k and (disposed or _disposes(in_context[k - 1], word)):
                disposed.add(at)
            if _name_piece(word):
                inside_word.update({at + cut: (word[:cut], word[cut:]) for cut in range(1, len(word))})
            elif glued_preposition(word):
                inside_word[at + 1] = (word[0], word[1])
            elif len(word) > 2 or clause_verb_word(word):
                inner.update({at + cut: (word[:cut], word[cut:]) for cut in _inner_cuts(word)})
            at += len(word)
        for clause_word in _CLAUSE_WORD.finditer(window, 0, end):
            # a cut of its own (称为|主问题, where jieba reads 称|为主), see cut_points
            inner.pop(clause_word.end(), None)
        for start in cut_points(window[:end], in_context, numbered):
            span = window[start:end]
            if not CJK_RE.search(span):
                continue  # a Chinese term holds Chinese: DistServe（OSDI 2024）, GPT-4o（OpenAI） pair no Latin names
            words = suffixes.get(start) or tokens(span)
            options.append(
                SpanOption(
                    offset + start,
                    offset + end,
                    span,
                    words,
                    first_tag(words[0]),
                    window[end:],
                    glued_function_word(words[0]),
                    previous.get(start, "") in MODALS,
                    (not _common_word(words[0]) and inside_word.get(start))
                    or _splits_word(window, start, previous.get(start, ""), words[0]),
                    window[:start].rstrip(" ")[-1:],
                    len(previous.get(start, "")) > 1,
                    previous.get(start, ""),
                    inner.get(start, ("", "")),
                    start in disposed,
                )
            )
    return options


def _disposes(word: str, after: str) -> bool:
    """Whether a word is the 把 of the disposal construction (将 too, before a noun: 将|在 is "will be at")."""
    return word == "把" or (word == "将" and first_tag(after).startswith("n"))


def _splits_word(text: str, at: int, before: str = "", first: str = "") -> tuple[str, str]:
    """A word across position ``at``, as its parts before and after it, or ("", ""): jieba cut it, and a term does
    not start inside a word. Either a CC-CEDICT word of three or four characters (服务|器 across 服务|器用), or
    two single content characters ``before`` and ``first`` (jieba's words around the cut): where jieba leaves a
    word it does not know as characters, a cut between them is a guess, most likely inside that word (直|推学习
    "transductive learning"); or a hyphen joining a word to the span, as the hyphen of a name does."""
    for i, j in ((at - 3, at + 1), (at - 2, at + 2), (at - 2, at + 1), (at - 1, at + 3), (at - 1, at + 2)):
        if i >= 0 and j <= len(text) and is_entry(text[i:j]):
            return text[i:at], text[at:j]
    if at >= 2 and text[at - 1] in HYPHENS and (CJK_RE.match(text[at - 2]) or text[at - 2].isalnum()):
        return text[at - 1], first  # (崩溃-|恢复模型 "crash-recovery")
    if not before and at >= 1 and counted_noun(text[at - 1 : at + 1]):
        return text[at - 1], text[at]  # (四|阶龙格-库塔法: the noun a numeral counts, inside jieba's word 四阶)
    if at >= 2 and text[at - 1] in NAME_DOTS and CJK_RE.match(text[at - 2]):
        return text[at - 1], first  # (冯·|诺依曼结构 "von Neumann architecture")
    if (
        at >= 1
        and len(first) > 1
        and CJK_RE.match(first)
        and senses(first) is None
        and before == text[at - 1]
        and before not in FUNCTION_CHARS
        and can_be_verb(text[at - 1 : at + 1])
        and senses(first[1:]) is not None
    ):
        # jieba's first word is no word a dictionary lists, but a verb that it left the first character of alone
        # takes its first character, and leaves a word: 重|试加熔断器 is 重试|加 "retry", "add". (Not any entry: one
        # across a cut is often there by chance, 多个|子图 of 个子 "height", 经过|后处理 of 过后 "afterwards".)
        return text[at - 1], text[at]
    return (before, first) if inside_unknown_word(before, first) else ("", "")


HYPHENS = frozenset(
    "-－‐–"
)  # between two words of a name, in Chinese or English (崩溃-恢复, crash-recovery, Erdős–Rényi)
NAME_DOTS = frozenset("·・‧•")  # between the parts of a transliterated name (冯·诺依曼 "von Neumann")


@cache
def inside_unknown_word(before: str, first: str) -> bool:
    """Whether jieba's cut between two words is most likely inside a word it does not know: left as characters
    (直|推 of 直推学习, which its HMM kept apart), both single content characters, the first no verb (a clause's
    verb, with its object after it: 有|粗编码 "coarse coding"); or a transliterated name cut in pieces (柯克|霍夫,
    迪杰|斯特拉, 古斯塔夫|森, 古|德哈特), a piece no dictionary lists, jieba's guess at a name, next to another or to
    a character; a piece it does not know at all only next to another (再|全量 is "again" and a word)."""
    pieces = [_name_piece(word) or first_tag(word) in PROPER_TAGS for word in (before, first)]
    if all(pieces) and not (_listed(before) and _listed(first)):
        return True  # (伯|罗斯, 霍尔|德: parts of one name, which CC-CEDICT lists apart; not 德国|高斯, two names)
    if (_name_piece(before) and content_character(first)) or (
        content_character(before) and _name_piece(first) and first_tag(first) != "x"
    ):
        return True
    if not content_character(before) or first_tag(before).startswith("v"):
        return False
    # A noun character jieba left alone before a word of its own that no dictionary lists (声|码器 "vocoder", 马|可夫
    # "Markov"): jieba's guess at a word it does not know. Not an adverb, classifier, numeral or adjective, which
    # modify such a word (再|全量 "again", 这类|逐层自适应 "this kind of", 三|卷积层, 新|分词器 "new").
    return content_character(first) or (
        first_tag(before).startswith("n") and len(first) > 1 and CJK_RE.match(first) is not None and not _listed(first)
    )


def content_character(c: str) -> bool:
    """A single Chinese character that is no function character or particle."""
    return (
        len(c) == 1 and c not in FUNCTION_CHARS and CJK_RE.match(c) is not None and first_tag(c) not in _PARTICLE_TAGS
    )


# jieba's tags for words it does not know and for names (of people, transliterated, of places, other proper nouns)
NAME_TAGS = frozenset("x nr nrt nrfg ns nz".split())
PROPER_TAGS = frozenset("nr nrt nrfg ns".split())  # ... names of people and places only


def _listed(word: str) -> bool:
    """A word of two characters or more that CC-CEDICT lists (会话; 德国 and 高斯, names of their own)."""
    return len(word) > 1 and senses(word) is not None


def _common_word(word: str) -> bool:
    """A listed word that jieba does not take for a name (会话, not 克里)."""
    return _listed(word) and first_tag(word) not in PROPER_TAGS


def _name_piece(word: str) -> bool:
    """Part of a name jieba does not know whole: two Chinese characters or more, not in CC-CEDICT, that jieba
    guesses is a name or does not know; without a function character or particle (过回 of 进行过回滚 is jieba's
    guess across a word boundary), but for one inside a name it tags as such (维克里 "Vickrey")."""
    if len(word) < 2 or _listed(word) or CJK_RE.fullmatch(word[0]) is None:
        return False
    tag = first_tag(word)
    functional = [c in FUNCTION_CHARS or c in ASPECT_PARTICLES for c in word]
    functional[0] = functional[0] or word[0] in _GLUED_OPENERS
    return (tag in PROPER_TAGS and not functional[0]) or (tag in NAME_TAGS and not any(functional))


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
    words = _word_at_start(tokens(span))
    return SpanOption(
        offset, offset + len(span), span, words, first_tag(words[0]), first_glued=glued_function_word(words[0])
    )


def _word_at_start(words: tuple[str, ...]) -> tuple[str, ...]:
    """A delimited span's words, starting with the dictionary word that starts it where jieba cut a character off it
    into the next word, whose rest is a suffix (向|量化|表示, in Embedding，即向量化表示: 向量|化|表示; 张|量化:
    张量|化). The delimiter says a word starts there; jieba's best path over the span alone may not. Not where the
    rest would be a fragment (为|数据添加扰动 "add noise to the data" is no 为数 "a number of" + 据)."""
    if len(words) < 2 or len(words[0]) != 1 or len(words[1]) != 2 or words[1][1] not in BOUND_SUFFIXES:
        return words
    entry = words[0] + words[1][0]
    return (entry, words[1][1], *words[2:]) if is_entry(entry) else words


def fixed_options(span: str, offset: int = 0) -> list[SpanOption]:
    """The options of a span a pattern delimited: the span, and the span short of a trailing 的-phrase the
    English may not say (sliding window，即滑动窗口的方法)."""
    options = [fixed_option(span, offset)]
    trailing = _TRAILING.search(span)
    if trailing and trailing.start() > 1 and not _inside_a_word(options[0].words, trailing.start()):
        options.append(replace(fixed_option(span[: trailing.start()], offset), short_of_gloss=span[trailing.start() :]))
    return options
