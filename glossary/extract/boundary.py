"""Where the Chinese term starts: the span of Chinese that the English actually translates.

Public miners take the whole run of Chinese before a gloss (使用小批量随机梯度下降) or jieba's last word (下降).
Here jieba only proposes cut points (segment.py makes the candidate spans), and every candidate span ending at
the gloss is scored on evidence:

- the bilingual dictionary (CC-CEDICT): a word whose meaning the English says belongs in the term; a word the
  dictionary knows that the English does not say (使用, 标记为, 优化问题的) is context;
- function words and framing verbs (的, 在, 称为, 使用, 例如 ...) never start a term, and clause words never
  occur inside one; 的 and 和 may, at a price;
- the English says how much Chinese it covers: its content-word count predicts the span's length;
- the corpus: a term recurs as a unit, after varied left neighbours.

The same scorer serves every pattern: the caller passes the window of text that could hold the term.
What each word says of the English is align.py's to read; this module weighs the span as a whole.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lexicon import STOP_WORDS, can_be_verb, general_frequency, is_entry, pos_tag, senses, stem
from ..normalize import CJK_RE, GREEK_CHAR
from .align import (
    ALIGNED_CHAR,
    ALIGNED_WORD,
    POINTING,
    alignment,
    aligns,
    character_senses,
    derived_senses,
    dictionary_knows,
    latin_said,
    opens_a_name,
    says_all,
    sounded_name,
    titled_name,
    word_senses,
    word_units,
)
from .corpus import CorpusStats
from .english_side import EnglishSide, adjectival, expected_chars, same_morpheme
from .patterns import COORDINATION_EN
from .patterns import members as coordinated
from .resegment import (
    join_names,
    join_negations,
    merge_dictionary_words,
    recut_before_suffix,
    rejoined_option,
    rejoined_words,
)
from .segment import (
    BOUND_SUFFIXES,
    CLASSIFIERS,
    CLAUSE_WORDS,
    FRAME_OPENERS,
    FUNCTION_CHARS,
    FUNCTION_WORDS,
    HYPHENS,
    JOINING_WORDS,
    LATIN,
    LOCALISERS,
    MODALS,
    NAME_DOTS,
    NAMING_WORDS,
    NEGATIONS,
    NEVER_FIRST_TAGS,
    NOT_STARTING,
    NUMERALS,
    PROPER_TAGS,
    SpanOption,
    content_character,
    content_conjunction,
    counted_noun,
    first_tag,
    glued_preposition,
    inside_unknown_word,
    is_counting_numeral,
    tokens,
)

# Characters a classifier follows when it counts: numerals in characters or digits, demonstratives and 每 "each"
# (align.POINTING), 哪 "which", 若干 "several", 多 "many", 单 "single", 整 "whole", 半 "half" (多个, 单张)
QUANTIFIERS = NUMERALS | POINTING | frozenset("哪干多单整半0123456789０１２３４５６７８９")

_WHOLE_COUNTING = NUMERALS | frozenset("整每各")  # what counts with a classifier and starts no name (整个, 每种)
_EXCLUDED = (-math.inf, 0, 0)  # score_span of a span where no term starts
# Function words of one character (的, 和, 在), which are no term's only Chinese: not a bound suffix (token 化), a
# localiser or a character that starts no term but may end one
_PARTICLE_CHARS = frozenset(
    w for w in FUNCTION_WORDS - BOUND_SUFFIXES - NOT_STARTING if len(w) == 1 and w not in LOCALISERS
)


@dataclass(frozen=True)
class Weights:
    aligned: float = 2.0  # a word whose meaning the English says
    unaligned_content: float = 0.6  # the span's first word: a dictionary noun, adjective or morpheme the English
    unaligned_other: float = 2.0  # ... or a dictionary verb, adverb, pronoun ... the English does not say
    unaligned_explained: float = 0.3  # ... that may translate an English word the dictionary found nothing for
    unaligned_inner: float = 0.3  # a word inside the span the English does not say (terse names leave words out)
    unknown: float = 0.3  # a word the dictionary does not know: terms are often new coinages
    unexplained: float = 0.5  # an English word that no word of the span says or could say
    short_of_gloss: float = 1.0  # the span ends before a trailing 的-phrase (指令跟随|的任务)
    cohesion: float = 1.5  # the span's first word is usually followed by the rest of the span in the corpus
    joining_inside: float = 1.5  # 的 or 和 inside the span
    length: float = 2.0  # per unit of |log(chars / expected chars)|
    fragment: float = 4.0  # the span nearly always follows the same character: part of a longer unit
    markup: float = 4.0  # the span starts just after an opening quote or emphasis
    splits_word: float = 2.0  # the span starts inside a word (see segment._splits_word)
    named: float = 0.5  # the span starts right after a word that names it (称为|偶然不确定性), with no 的-phrase


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


def unexplained(words: Sequence[str], english: str) -> int:
    """English content words that no word of the span says and no word of it could (one the dictionary does
    not match, whatever it may translate): 模型 for "language model" leaves "language" unexplained."""
    side = EnglishSide.of(english)
    covered = free = 0
    for word in rejoined_words(merge_dictionary_words(words), side):
        if word in JOINING_WORDS:
            continue
        _, accounted, _ = alignment(word, side)
        if accounted:
            covered += accounted
        else:
            free += 1  # says nothing whole (可 of -able says a suffix): it may say what is left
    return max(0, len(side.vocabulary) - covered - free)


_LATIN_WORD = re.compile(f"[A-Za-z0-9{GREEK_CHAR}]+")


def _length(span: str, english: EnglishSide) -> float:
    """A span's length in Chinese characters: a Latin word or number in it (Frobenius范数, RNN-T) stands for
    one English word, two characters' worth, and an acronym the English writes too for the words the English
    counts it as (CAP定理 "CAP theorem"); spaces and hyphens are layout."""
    latin = sum(english.latin_size(w) for w in _LATIN_WORD.findall(span))
    chinese = sum(1 for c in span if CJK_RE.match(c))
    return max(1, chinese + 2 * latin)


# Particles of English phrasal verbs, which CC-CEDICT's senses carry (进行 "carry out", 指出 "point out", 提出 "put
# forward"), as stems
_PARTICLES = frozenset(stem(w) for w in "out up off on in down away over forward back".split())


def _ends_the_search(word: str, position: int, words: Sequence[str], english: EnglishSide) -> bool:
    """Whether a clause word in the span (or a word no term starts with, see _never_first) ends the search: a word
    that names the term (称为) or a copula (是, 就是) always does; any other unless the English says it (通过时间反向
    传播 "backpropagation through time", 同时检测并分割 "simultaneous detection and segmentation"), or where it joins
    two of the span's words as the English does (基础设施即代码 "infrastructure as code", 人在回路 "human in the
    loop", LLM作为评委 "LLM-as-a-judge"). A single character always does, but for the morpheme of an English affix
    (最 of shortest: 最短作业优先), a localiser the English says (网络中的网络 "network in network"), a first
    character that says the English's first word (和积算法, see _says_a_word) and a later one that says an English
    word (自由|能 "free energy")."""
    if word in NAMING_WORDS or (word in CLAUSE_WORDS and word.endswith("是")):
        # (nor is a copula ever a term's, whatever it says: 就是 "exactly" in 这就是|精确线搜索 "exact line search")
        return True
    if word in FRAME_OPENERS and len(word) > 1 and position > 0:
        # a frame's preposition opens the term where the English says the frame (基于梯度的方法 "gradient-based
        # method"), and otherwise ends what is before it (方法|基于|元路径 "meta-path": "method based on"); not 带,
        # inside a term a morpheme (有向带权图 "directed weighted graph", 带掩码注意力 "masked attention")
        return not FRAME_OPENERS[word] & english.said
    if word not in CLAUSE_WORDS:
        # ... nor does a word no term starts with (GPU 无论是|显存 "GPU memory": the conjunction 无论是 "whether");
        # but a pronoun may be a term's (分割一切模型 "Segment Anything Model": 一切 "everything")
        return _never_first(word, english, starting=position == 0) and pos_tag(word) != "r"
    if 0 < position < len(words) - 1 and _JOINS.get(word, frozenset()) & english.said:
        return False  # it joins two of the span's words as the English does
    if len(word) > 1:
        # ... as a content word: not by a particle of a phrasal verb in its senses (进行 "carry out", for the out of
        # "out-of-bag estimate"), nor by a word a later word of the span says again (就是 "precisely", for the
        # precision of 就是|精确率-召回率曲线, which 精确 says)
        said = word_senses(word) & english.stems
        return (
            not alignment(word, english)[0]
            or (bool(said) and said <= _PARTICLES)
            or _said_again(said, words[position + 1 :], english)
        )
    return not (
        word in english.prefix_chars
        or (word in LOCALISERS and not ends_phrase(word, english))
        or (position == 0 and _says_a_word(word, words[1:], english))
        # (after a word the English says, where it says this one too: 能 "energy" of 自由|能|原理, no modal there;
        # not 模型|用|工具 "tool use")
        or (position > 0 and alignment(word, english)[0] > 0 and alignment(words[position - 1], english)[0] > 0)
    )


def _said_again(said: frozenset[str], later: Sequence[str], english: EnglishSide) -> bool:
    """Whether later words of two characters or more say every English word these stems say, read by its stem or
    the stem's first four letters ("precisely" gives preci, "precise" prec: both precision's)."""
    parts = [part for part in english.parts if part in said or part[:4] in said]
    senses = frozenset().union(*(word_senses(word) for word in later if len(word) > 1))
    return bool(parts) and all(part in senses or part[:4] in senses for part in parts)


def _joins_what_is_said(words: Sequence[str], k: int, english: EnglishSide) -> bool:
    """Whether the k-th word of what the author marked as a term, quoted or set in bold, joins two parts that
    each say the English: the marks then hold the term, a 的 or a 即 inside it as well (“设计即隐私" "privacy by
    design", 「了解你的客户」 "know your customer"). Or the part after says something, and leaves English unsaid that
    the part before may say where the dictionary cannot tell, unless a preposition opens the part after (“鬼魅般的
    超距作用" "spooky action at a distance": 鬼魅 "spooky"; not “患者在术后出现的感染" "postoperative infection rate").
    Not a clause: “过拟合是最常见的问题" "overfitting", 所谓的长尾分布, 经典的卷积神经网络 "convolutional neural
    network"."""
    if not 0 < k < len(words) - 1 or words[k] in NAMING_WORDS:
        return False
    before, after = "".join(words[:k]), "".join(words[k + 1 :])
    said_before, said_after = alignment(before, english)[1], alignment(after, english)[1]
    said = alignment(before + after, english)[1]
    unsaid_after = said_after < len(english.vocabulary) and pos_tag(words[k]) != "p"
    return said > said_before and (said > said_after or unsaid_after)


def _marks_a_clause(option: SpanOption, english: EnglishSide) -> bool:
    """Whether a word after the first of what the author marked ends the search for a term's start, other than
    the 的 of a phrase before the term (所谓的|长尾分布): a verb or clause word (可以 of 梯度裁剪可以缓解梯度爆炸)."""
    words = _read_words(option, english)
    return any(k and word != "的" and _ends_the_marked_search(word, k, words, english) for k, word in enumerate(words))


def _ends_the_marked_search(word: str, k: int, words: Sequence[str], english: EnglishSide) -> bool:
    """_ends_the_search, in what the author marked as a term (see _joins_what_is_said)."""
    return _ends_the_search(word, k, words, english) and not _joins_what_is_said(words, k, english)


def _verb_before_acronym(word: str, english: EnglishSide) -> bool:
    """A verb before the term an acronym glosses, context however many words its letters leave unsaid (关闭|防火墙
    "FW"): no sense of it starts with one of the letters, as 支持 "support" of 支持向量机 "SVM" does."""
    if not english.acronym or len(word) < 2 or not can_be_verb(word):
        return False
    letters = set("".join(english.said))
    return not any(sense[:1] in letters for sense in word_senses(word))


def _function_character(word: str) -> bool:
    """A function character or a one-character adverb (再, 仍); not a pronoun, which may be a surname (何初始化
    "He initialization"), nor a negation, which is a prefix of terms (未登录词 "out-of-vocabulary word")."""
    return word in FUNCTION_CHARS or (len(word) == 1 and pos_tag(word) == "d" and word not in NEGATIONS)


def _says_a_word(char: str, rest: Sequence[str], english: EnglishSide) -> bool:
    """Whether a function character at the start of a span says the first English word, which the rest of the
    span does not: 和 "sum" in 和积算法 "sum-product algorithm", 等 "equal" in 等错误率 "equal error rate"; not 和
    "set" in 和|测试集 "test set", nor 还 "back" in 还|反向传播 "back propagation". Only a short word, whose stem
    is the word itself: five-letter stems of longer words collide (是 "correct" and correlation)."""
    if not english.vocabulary or any(not alignment(other, english)[0] for other in rest):
        return False  # a later word that says nothing the dictionary knows may say it (以|均|方|误差 "mean ...")
    first, chars = english.vocabulary[0]  # the first character of a term says the first word of its English
    return any(
        len(word) <= 5
        and word not in STOP_WORDS
        and (said := stem(word)) in first & word_senses(char)
        and not any(said in word_senses(other) or other[:1] in chars for other in rest)
        for word in english.said
    )


def ends_phrase(word: str, english: EnglishSide) -> bool:
    """A localiser the English does not say: 处理器|上 "on the processor" against "processor", not 片上 "on-chip"."""
    return word in LOCALISERS and not LOCALISERS[word] & english.said


def _lead_repeated(char: str, others: Sequence[str], english: EnglishSide) -> bool:
    """Whether a character says part of an English word that a later word says too: both cannot say it.

    Either the character is one the word's prefix or morpheme is translated with and a later word starts with
    one for the same English word (后 in 训练后|反向传播 "backpropagation"), or a later word says the whole word
    the character says a part of (后 "back" in 加载后|骨干 "backbone"). The same character again counts (去 of
    去|重分为精确去|重 "exact deduplication")."""
    later = [other for other in others if len(other) > 1 or other == char]
    if not later:
        return False
    mine = word_senses(char)
    # (as often as the English has words with that prefix: 多|输入|多|输出 "multi-input multi-output")
    led = [chars for _, chars in english.vocabulary if char in chars]
    again = sum(1 for other in later if any(other[:1] in chars for chars in led) and same_morpheme(char, other[:1]))
    if led and again >= len(led):
        return True
    for i, (stems, chars) in enumerate(english.vocabulary):
        whole = english.wholes[i]
        # (a character saying the whole word itself says no part of it: 零 "extra" of 零|噪声|外推 "zero-noise
        # extrapolation", which the stemmer cuts to extra)
        if (
            whole
            and (char in chars or (mine & stems) - {whole})
            and any(whole in word_senses(other) for other in later)
        ):
            return True
    return False


_COORDINATORS = frozenset(("和", "与", "及", "、", "以及"))


def _rest_of_member(words: Sequence[str], position: int, english: EnglishSide) -> tuple[Sequence[str], int]:
    """The words after ``position`` up to the next coordinator, where the English coordinates too, and how many
    members the span coordinates: members of a coordination say their shared words again where the English says
    them once (梯度消失和梯度爆炸 "vanishing and exploding gradients"), and each says its share of what the English
    says in each (内在幻觉和外在幻觉 "intrinsic hallucination and extrinsic hallucination": 幻觉 once, not
    幻觉分成内在幻觉). Otherwise all of them, one member: 结构化数据和非结构化数据 says 数据 twice, "unstructured data"
    once."""
    rest = words[position + 1 :]
    if "and" not in english.said:
        return rest, 1
    end = next((k for k, word in enumerate(rest) if word in _COORDINATORS), len(rest))
    return rest[:end], 1 + sum(word in _COORDINATORS for word in words)


def _repeats(words: Sequence[str], position: int, english: EnglishSide) -> bool:
    """Whether the span says the English of its word at ``position`` more often than the English does (序列到序列
    "sequence to sequence" may say 序列 twice; 空格代替不间断空格 "non-breaking space" may not say 空格 twice), or,
    in one member of a coordination, more often than its share (see _rest_of_member)."""
    word = words[position]
    others, members = _rest_of_member(words, position, english)
    mine = word_senses(word) & english.stems or derived_senses(word) & english.stems
    if not mine:
        return False
    if len(word) == 1:
        # A character's senses are too many to compare with other characters: itself again only; but a later word
        # saying all it says does (上 "attend" before 注意力 "attention")
        in_chinese = 1 + sum(1 for other in others if other == word or (len(other) > 1 and says_all(other, mine)))
    else:
        # ... and a word's, the same word again (冷启动 in 冷启动分为用户冷启动 "user cold start") or a later word that
        # says it through a dictionary word of two characters or more, not through a lone character (部分 "part" of
        # partial, before 主|元法 "pivoting", where 元 may mean "part"), nor through the next word where that says
        # another English word too: that is its sense here (统计 "statistical" before 显著|性, where 显著 is
        # "significant" and "statistically significant"); a word further on says it again all the same (回答 before
        # 的|多|跳|问答 "multi-hop question answering")
        in_chinese = 1 + sum(
            1
            for k, other in enumerate(others)
            if other == word
            or any(
                len(unit) > 1 and says_all(unit, mine) and (k > 0 or not word_senses(unit) & english.stems - mine)
                for unit in word_units(other)
            )
        )
    # How often the English says all the word says: 二阶 says "second" and "order", which second-order says once
    # (parts: see EnglishSide.of)
    allowed = _times_said(english.parts, mine)
    if not allowed:  # ... or a word that says it by its base (earliest: early, 最早)
        bases = [stems for stems, _ in english.vocabulary if stems & mine]
        allowed = len(bases) / len(set(bases)) if bases else 0
    if members > 1:
        # ... in one member: as often as the member of the English that says it most (sequence-to-sequence models
        # and Transformers: 序列 twice in 序列到序列模型; intrinsic hallucination and extrinsic hallucination: once)
        allowed = max((_times_said(parts, mine) for parts in english.member_parts), default=0) or math.ceil(
            allowed / members
        )
    return in_chinese > allowed


def _times_said(parts: Sequence[str], mine: frozenset[str]) -> float:
    """How often the parts say all of ``mine``, by the stem or its first four letters (see EnglishSide.of)."""
    said = [part for part in parts if part in mine or part[:4] in mine]
    return len(said) / len(set(said)) if said else 0.0


def _counts_what_it_says(word: str, english: EnglishSide) -> bool:
    """Whether a numeral word says only the noun or classifier it counts, not its number (一帧 "frame", not "one
    frame"; 两组 "group" of 组归一化; 一阶 "first-order" is a word of its own)."""
    return bool(counted_noun(word, classifiers=True)) and not (
        word_senses(word[0]) & english.stems or word[0] in english.prefix_chars
    )


def _classifier_repeated(word: str, others: Sequence[str], english: EnglishSide) -> bool:
    """Whether a numeral word says only what a later word says again, as a whole or by a character: its
    classifier, the term's head (一层|隐藏层 "hidden layer", 两层|的|多层感知器 "multi-layer perceptron")."""
    if not is_counting_numeral(word):
        return False
    said = word_senses(word) & english.stems
    return bool(said) and any(said <= word_senses(other) | character_senses(other) for other in others)


# Parts of speech that do not begin a term: numerals, classifiers, pronouns, adverbs (一套, 这种, 狠狠).
_NOT_TERM_START_TAGS = frozenset("m q mq r d zg".split())


def _says_its_lead(words: Sequence[str], english: EnglishSide) -> bool:
    """Whether the English says every word of a delimited span, or its first word where that is a character of
    its own, a bound morpheme (异 "off-" of 异策略 "off-policy", whose 策略 is only "tactics" to CC-CEDICT; not
    很多示例 "many-shot" or 一对一映射 "one-to-one", whose first word says all the English does)."""
    if len(words[0]) == 1 and alignment(words[0], english)[0]:
        return True
    return all(alignment(word, english)[0] for word in words)


def acceptable_term(option: SpanOption, english: str = "x", *, delimited: bool = False, listed: bool = False) -> bool:
    """Whether a span a pattern delimited (or a derived part) could be a term for this English at all: a clause
    word may end it only where the English says it (tool use（工具使用）). What the pattern ``delimited`` is
    whatever the tagger reads in a word that translates the English (对齐 "alignment", a verb or an adverb to
    it): a pattern that names it a term, a table or a list of terms, knows better; and what a vocabulary or a
    table of terms ``listed`` is, whatever adverb the tagger reads in its first word (最终一致性 "eventual
    consistency", | 更正权 | right to rectification |), though not a numeral (第一章 Introduction)."""
    side = EnglishSide.of(english)
    if not 2 <= _length(option.span, side) <= 12:  # (a Latin word is two characters' worth: Transformer 架构)
        return False
    if (
        option.first_tag in _NOT_TERM_START_TAGS
        and not (listed and option.first_tag == "d")
        and not (delimited and _says_its_lead(option.words, side))
        and not (len(side.vocabulary) > 1 and word_senses(option.words[0]) & side.vocabulary[0][0])
    ):
        # A numeral, classifier, pronoun or adverb; but for one a name of several words starts with (组相对策略优化
        # "Group Relative Policy Optimization"). Alone it is not: 随机 "random", 多头 "multi-head" are no terms.
        return False
    last = option.words[-1]
    if last in JOINING_WORDS or (last in CLAUSE_WORDS and not alignment(last, side)[0]):
        return False
    return score_span(option, side, None)[0] != -math.inf


def _cohesion(stats: CorpusStats, words: Sequence[str]) -> float:
    """How often the first word is followed by the rest of the words, when the whole recurs."""
    if len(words) < 2:
        return 0.0
    count = stats.count("".join(words))
    first = stats.count(words[0])
    return count / first if count >= 2 and first else 0.0


def _fragment_evidence(stats: CorpusStats, text: str, before: str = "", previous: str = "") -> float:
    """0..1: how surely ``text`` is the tail of a longer unit where it follows the character ``before`` (if
    known), the last of the word ``previous``: in 使用|束搜索, 束 is no tail of 约束, however often that is. 0 for
    few sightings, or for varied neighbours unless ``before`` or ``previous`` and the text recur together as a
    unit."""
    count = stats.count(text)
    if count < 2 or (before and stats.left.get(text, {}).get(before, 0) * 2 < count):
        return 0.0
    certainty = min(1.0, (count - 1) / 2)  # two sightings after the same character count half
    # A particle or function character before it (的基准 twice) is a phrase boundary, not a longer unit's head.
    confined = max(0.0, 1.0 - stats.left_entropy(text, FUNCTION_CHARS))
    # Or the longer unit recurs after varied neighbours itself, while the text also stands alone now and then
    # (多模态 after 和, 从, 是, ...; 模态 alone in 单独的模态); but a function character ends a phrase however its
    # phrase recurs (个模型 after 这, 一, 两, 每), and so does a classifier where it counts (位 of 三位专家, not of
    # 位姿 "pose", after 的, 对, 用 ...)
    unit = before + text
    varied = _unit_recurs(stats, unit) if before and _heads_a_unit(stats, before, unit) else 0.0
    # ... or the word before it does (迭代|周期 "epoch", where 迭代周期 recurs after 个, 的, 将 ... and 周期 is seldom
    # anything else's)
    if len(previous) > 1 and previous not in FUNCTION_WORDS and previous.endswith(before):
        varied = max(varied, _unit_recurs(stats, previous + text))
    return certainty * max(confined, varied)


def _unit_recurs(stats: CorpusStats, unit: str) -> float:
    """0..1: how surely a string recurs as a unit: three sightings or more, after varied neighbours."""
    return min(1.0, stats.left_entropy(unit, FUNCTION_CHARS) / 2) if stats.count(unit) >= 3 else 0.0


def _heads_a_unit(stats: CorpusStats, before: str, unit: str) -> bool:
    """Whether the character ``before`` may be the head of ``unit``: no function character, or a classifier that
    mostly follows no numeral or demonstrative there (位姿 "pose"; 个模型 follows 这, 一, 两, 每)."""
    if before not in FUNCTION_CHARS:
        return True
    neighbours = stats.left.get(unit, {})
    counting = sum(n for neighbour, n in neighbours.items() if neighbour in QUANTIFIERS)
    return before in CLASSIFIERS and counting * 2 < stats.count(unit)


def _tail_of_a_unit(stats: CorpusStats, previous: str, char: str) -> float:
    """0..1: how surely the word before a span and its first character are one word jieba does not know: they
    recur together as a unit."""
    return _unit_recurs(stats, previous + char) if previous and previous not in FUNCTION_WORDS else 0.0


def score_span(
    option: SpanOption,
    english: EnglishSide,
    stats: CorpusStats | None,
    weights: Weights = WEIGHTS,
    *,
    at_markup: bool = False,
    rejoin: bool = True,
) -> tuple[float, int, int]:
    """Score a candidate span; (score, aligned words, unaligned dictionary words), -inf where no term starts."""
    words = _read_words(option, english)
    glued = option.first_glued and not says_glued_word(words[0], english)
    if not words or glued or all(word in _PARTICLE_CHARS or not CJK_RE.search(word) for word in words):
        return _EXCLUDED  # (nor is Latin around a particle a term: Linux 的 futex)
    if titled_name(words, english):
        return _EXCLUDED  # (the name is the term, not its title: 数学家|高斯 "Carl Friedrich Gauss")
    # Words that sound out a name of the English (狄|里克|雷 "Dirichlet", 里|卡蒂 "Riccati") are one word of it,
    # whatever the dictionary reads in them
    named = sounded_name(words, english)
    if not named and _starts_no_term(words, english, option.before):
        return _EXCLUDED
    ends = _ends_the_marked_search if at_markup else _ends_the_search
    if any(ends(word, k, words, english) for k, word in enumerate(words) if k >= named):
        # ... but for one inside a dictionary word the English says, which jieba split (斐波|那|契堆
        # "Fibonacci heap": 那 "that" in 斐波那契)
        rejoined = rejoined_option(option, words, english) if rejoin else None
        return _EXCLUDED if rejoined is None else score_span(rejoined, english, stats, weights, at_markup=at_markup)
    said = _said(words, english, weights, head_free=not option.short_of_gloss, named=named)
    # English words nothing in the span accounts for: the dictionary's gaps. As many unaligned Chinese words,
    # nearest the gloss first, may be their translation (迁移 for "transfer" in 迁移学习); the rest are context.
    slack = max(0, len(english.vocabulary) - said.covered)
    if (slack or said.unaligned) and rejoin and (rejoined := rejoined_option(option, words, english)) is not None:
        # ... or jieba split a word that says one (数据|集, 后验|概率 "posteriori", see rejoined_words): the better
        # reading
        return max(
            score_span(option, english, stats, weights, at_markup=at_markup, rejoin=False),
            score_span(rejoined, english, stats, weights, at_markup=at_markup, rejoin=False),
        )
    says_everything = not slack
    # A first word of two characters that jieba tags a noun but CC-CEDICT reads as a verb too (小心 "to take care",
    # 惩罚 "to punish") says nothing a term needs where the rest of the span says all the English: context
    # (小心|前视偏差 "look-ahead bias"). (One character is a morpheme of the term as often: 退|相干 "decoherence".)
    first_content = option.first_is_content and not (
        says_everything and len(words) > 1 and len(words[0]) > 1 and can_be_verb(words[0])
    )
    content_first = _content_first(words, first_content, 0 in said.unaligned, stats)
    # Words of the span no dictionary knows (酉 of 酉矩阵 "unitary matrix", 德布|鲁因 "de Bruijn") say what they may
    # first: they are nearer the gloss than a dictionary word before them (对应|酉矩阵 "corresponds to a unitary
    # matrix", 构建|德布鲁因图 "build a de Bruijn graph").
    # ... but where they outnumber the English words left, the first word, unknown, says nothing: jieba's guess glued
    # context (读数据前加|共享锁 "shared lock", 外部晶振|经过|锁相回路 "phase-locked loop"); it is weighed as a
    # dictionary word the English does not say, a noun (see _unaligned_cost), and loses its credit
    context = said.first_unknown and not named and (said.unknown > slack or _glued_to_a_name(words, english))
    slack = max(0, slack - said.unknown)
    # After 把, words that say nothing before a verb that says all the English are its object: context
    # (把|权重|卸载 "offload", 把|数据|去重 "deduplicate"; not 将|多个|小|芯片 "chiplet")
    object_first = (
        option.after_disposal
        and says_everything
        and 0 in said.unaligned
        and can_be_verb(next((w for k, w in enumerate(words) if k not in said.unaligned), ""))
    )
    # (需要|定义凸集: after a modal comes a verb)
    context_first = object_first or (option.after_modal and can_be_verb(words[0]))
    cost, slack = _unaligned_cost(words, said.unaligned, content_first, slack, english, context_first, weights)
    # English words left that no word of the span could translate: the term is more than the span (最终|一致性
    # "eventual consistency" against 一致性).
    score = said.score - cost - weights.unexplained * max(0, slack - (said.free - said.unknown))
    if context:
        score -= weights.unknown + weights.unaligned_content
    score -= weights.length * abs(math.log(_length("".join(words), english) / expected_chars(english)))
    if stats is not None:
        fragment = not (says_everything and option.after_word)
        score += _corpus_evidence(stats, words, option.before, weights, fragment=fragment, previous=option.previous)
        if 0 in said.unaligned and len(words[0]) == 1:
            # An unexplained character that opens the span ends a word jieba does not know, which the corpus
            # keeps together: 智能|体框架 "agent framework", where 智能体 recurs after 多, 的, 个 ...
            score -= weights.fragment * _tail_of_a_unit(stats, option.previous, words[0])
    if at_markup:
        score += weights.markup
    elif option.previous in NAMING_WORDS and "的" not in words:
        # What a naming word introduces is the name, all of it (这种不确定性称为|偶然不确定性 "aleatoric
        # uncertainty", where the dictionary does not know 偶然's sense) ... unless a 的-phrase modifies the name
        # (称为|相机的外参 "extrinsic parameters"): a hint, as markup is, though far weaker
        score += weights.named
    return score, said.aligned, len(said.unaligned)


def _read_words(option: SpanOption, english: EnglishSide) -> tuple[str, ...]:
    """The span's words as the scorer reads them: without layout spaces (CAP 定理), jieba's splits of dictionary
    words joined, a suffix the English says cut off (see resegment)."""
    words = join_negations(merge_dictionary_words(tuple(w for w in option.words if not w.isspace())), english)
    return recut_before_suffix(join_names(words, english), english)


def says_glued_word(word: str, english: EnglishSide) -> bool:
    """Whether the English says a word that opens with a function word jieba glued to what follows (see
    segment.glued_function_word), which is then no function word: a dictionary word (使用者 "user", not 一个多 of
    一个多头注意力), or one whose opening word says an English word (通过|率 "pass rate")."""
    return bool(((senses(word) or frozenset()) | (senses(word[:2]) or frozenset())) & english.stems)


def _glued_to_a_name(words: tuple[str, ...], english: EnglishSide) -> bool:
    """Whether the first word is jieba's guess that glued context to the first sound of a name the English holds
    (阶切|比雪夫 of K阶|切比雪夫多项式 "Chebyshev polynomials"): the name, read from inside that word, sounds out."""
    first = words[0]
    return (
        len(first) > 1
        and bool(english.spelled_names)
        and any(sounded_name((first[k:], *words[1:]), english) for k in range(1, len(first)))
    )


def _never_first(word: str, english: EnglishSide, *, starting: bool = False) -> bool:
    """A word of two characters or more that no term starts with: a conjunction, particle, interjection or pronoun
    by jieba's tag (之为, 而且, 无论是), unless the English says it (自我反思 "self-reflection"). A conjunction of
    content senses (see content_conjunction) may start a term (即时编译), but where the span goes on before it, it
    ends the search all the same: 回传|即时结果 "real-time result"."""
    if len(word) < 2 or pos_tag(word) not in NEVER_FIRST_TAGS or alignment(word, english)[1]:
        return False
    return not (starting and content_conjunction(word))


def _starts_no_term(words: tuple[str, ...], english: EnglishSide, before: str = "") -> bool:
    """The first word is one no term starts with: a joining word, a function word, a conjunction or particle, a
    modal verb, a classifier counting what follows (after ``before``), each unless the English says it."""
    first = words[0]
    if first in JOINING_WORDS and not _says_a_word(first, words[1:], english):
        return True
    if before.isdigit() and first in ("年", "月", "日"):
        return True  # the rest of a date (2022年|5月TerraUSD)
    # A classifier after a numeral or a quantifier counts what follows (若干个|锚框 "anchor boxes", 数千块|图形处理器),
    # and so does a word of a numeral, 整, 每 or 各 and a classifier (一个|图形处理器, 整个|键值缓存), unless it is a
    # word of the name (组); not of the quantifiers that start names (单位 "unit", 多组学 "multi-omics"); elsewhere
    # a classifier may start a word jieba does not know (位|姿图优化 "pose graph")
    counting = first in CLASSIFIERS and before in QUANTIFIERS
    counting |= len(first) == 2 and first[0] in _WHOLE_COUNTING and first[1] in CLASSIFIERS
    # (or as jieba cuts it: 每|个)
    counting |= first in _WHOLE_COUNTING - NUMERALS and len(words) > 1 and words[1] in CLASSIFIERS
    if counting and not alignment(first, english)[1]:
        return True
    if first in NOT_STARTING and not (len(words) == 2 and first in english.prefix_chars):
        # Unless it is the prefix of a two-part calque the English's prefix says (同策略 "on-policy"): in
        # 同在线学习（on-line learning）相比 it is "compared with".
        return True
    if _never_first(first, english, starting=True):
        return True
    if glued_preposition(first) and senses(first) is None and not word_senses(first) & english.stems:
        # 以图|卷积网络 "graph convolutional network": a preposition jieba glued to a noun, in a word CC-CEDICT does
        # not list, which says nothing of the English as a whole; the span after it starts with the noun (a cut of
        # its own). Not a word CC-CEDICT lists (对数 "logarithm" of 对数几率回归), nor one the English says
        # (按序存取 "sequential access")
        return True
    # 会释放互斥锁 "mutex": a modal verb starts a clause, not a term, unless the English says it (不可抢占 "no
    # preemption", 可学习 "learnable", 开始符号 "start symbol")
    return first in MODALS and first not in english.prefix_chars and not alignment(first, english)[1]


@dataclass
class _Said:
    """What the words of a span say of the English."""

    score: float = 0.0  # credit for the words that say an English word, less the price of joining words inside
    aligned: int = 0  # words that say an English word
    covered: int = 0  # English words they say
    free: int = 0  # words that may say an English word the dictionary did not match them with
    unknown: int = 0  # ... of them, runs of words or parts of words no dictionary knows (coinages, names)
    first_unknown: bool = False  # ... one of them is the first word
    _last_unknown: int = -2  # the position of the last such word

    def add_unknown(self, position: int, words: Sequence[str]) -> None:
        """Count a word no dictionary knows, once for a run of them (迪基-富勒 "Dickey-Fuller", 马尔|可夫)."""
        run = position - 1 == self._last_unknown or (
            position - 2 == self._last_unknown and words[position - 1] in HYPHENS
        )
        self.unknown += not run
        self._last_unknown = position
        self.first_unknown = self.first_unknown or position == 0

    def add_unknown_word(self, position: int, words: Sequence[str], credit: float) -> None:
        """Count a word no dictionary knows, or the first piece of a name, which may say an English word."""
        self.score += credit
        self.free += 1
        self.add_unknown(position, words)

    unaligned: list[int] = field(default_factory=list)  # positions of dictionary words that say none


# Joining words and the English words that join as they do
_JOINS = {
    "和": frozenset({"and"}),
    "、": frozenset({"and"}),  # (a list: input, forget and output gates)
    "&": frozenset({"and"}),
    "与": frozenset({"and"}),
    "及": frozenset({"and"}),
    "以及": frozenset({"and"}),
    "或": frozenset({"or"}),
    "到": frozenset({"to"}),
    "即": frozenset({"as"}),  # (a clause word, but 函数即服务 "function as a service")
    "在": frozenset({"in", "at", "on"}),  # (a clause word, but 人在回路 "human in the loop")
    "作为": frozenset({"as"}),  # (LLM作为评委 "LLM-as-a-judge")
}


def _frame_said(words: tuple[str, ...], english: EnglishSide) -> bool:
    """Whether the English says the frame 基于 ... 的 (item-based, object-oriented) or what it holds (人类反馈
    "human feedback"), which it does not in 基于|UDP|的|QUIC协议 "QUIC protocol"; an acronym's words are unknown."""
    if english.acronym or english.said & FRAME_OPENERS[words[0]]:
        return True
    return any(alignment(word, english)[0] or latin_said(word, english) for word in words[1 : words.index("的", 2)])


def _said(
    words: tuple[str, ...], english: EnglishSide, weights: Weights, head_free: bool = True, named: int = 0
) -> _Said:
    said = _Said()
    for position, word in enumerate(words):
        if position < named:
            # the first ``named`` words sound out a name (see align.sounded_name): one word no dictionary knows
            if position == 0:
                said.add_unknown_word(position, words, weights.unknown)
            else:
                said.add_unknown(position, words)
            continue
        if word in JOINING_WORDS and position > 0:  # (at the start only where it says a word, see _starts_no_term)
            if not _JOINS.get(word, frozenset()) & english.said:  # free where the English joins so too (Wide & Deep)
                said.score -= weights.joining_inside
            continue
        if word in NOT_STARTING and word not in english.prefix_chars:
            said.free += 1  # (对 of 图文对 may say "pair", 同 of 独立同分布 "identically")
            continue
        if position == 0 and word in FRAME_OPENERS and "的" in words[2:] and _frame_said(words, english):
            # 基于人类反馈的强化学习 "reinforcement learning from human feedback": the frame 基于 ... 的 ("X-based")
            # is one piece of the name; without 基于, 人类反馈的强化学习 is no name at all.
            said.score += weights.aligned
            said.aligned += 1
            continue
        credit, accounted, known = alignment(word, english)
        if credit and _repeats(words, position, english):
            # A later word says again what this one says (空格 in 空格代替不间断空格 "non-breaking space", 出现
            # "emerge" in 会出现涌现能力 "emergent abilities"): a translation pairs each English word with one
            # Chinese word, the one nearest the rest of the term.
            credit = 0.0
        if (
            credit
            and (len(word) == 1 or not word_senses(word) & english.stems)
            and _lead_repeated(word[0], words[position + 1 :], english)
        ):
            # A character standing for a prefix the next words already spell (后 "after" in 训练后|反向传播
            # "backpropagation", where 反向 says back-) is context, as in 后训练 "post-training" it is not; so is a
            # word that says only that by its first character (一个 "uni-" before 一元语言模型 "unigram ...").
            credit = 0.0
        if credit and (
            _classifier_repeated(word, words[position + 1 :], english)
            or _counts_what_it_says(word, english)
            or (
                is_counting_numeral(word)
                and word[-1] in FUNCTION_CHARS
                and not any(word_senses(unit) & english.stems for unit in word_units(word))
            )
        ):
            # a numeral word saying only its classifier, which the head says again (一层|隐藏层) or the English says
            # alone (称为一帧 "frame"), or only a prefix by its numeral before a classifier (一个 "uni-" before
            # 通用门集合 "universal gate set"; not 一元语法 "unigram"): it counts, it names nothing
            credit = 0.0
        if credit and len(words) == 1:
            # a lone character that is the whole term (头 "head"), by a sense of its own; a technical sense is what
            # it says heading a compound (卷积|核 "kernel", 线程|池 "pool"), alone only by half (若干个|块 "block")
            own = len(word) > 1 or (senses(word) or frozenset()) & english.stems
            credit = max(credit, ALIGNED_WORD) if own else ALIGNED_CHAR / 2
        if credit:
            said.score += credit * weights.aligned / ALIGNED_WORD
            said.aligned += 1
            said.covered += accounted
            if len(units := word_units(word)) > 1 and not alignment(units[0], english)[0]:
                said.free += 1  # a word the dictionary matched only at its end (池化|层 "layer") may say more
                said.add_unknown(position, words)
        elif word[:1].isdigit():
            # A number: first, a word the English must say (3-5个候选框); inside a span, free (2-3跳邻居)
            if position == 0:
                said.unaligned.append(position)
            else:
                said.free += 1
        elif position == 0 and len(words) > 1 and opens_a_name(word, words[1:], english):
            # the first sound of a name the English writes (切|比雪夫不等式 "Chebyshev's inequality", 雅|可比矩阵
            # "Jacobian"): a piece of a transliteration jieba cut, like a word it does not know
            said.add_unknown_word(position, words, weights.unknown)
        elif not known and (english.names or first_tag(word) not in PROPER_TAGS):
            # (a name jieba knows is a coinage only for an English that could name someone: not 皮尔逊 "Pearson"
            # in 皮尔逊|卡方检验 "chi-squared test")
            said.add_unknown_word(position, words, weights.unknown)
        elif head_free and 0 < position == len(words) - 1 and content_character(word):
            # A character heading a compound at the gloss may say what the English word's suffix or the word
            # itself leaves implicit (智能|体 "agent", 编排|器 "orchestrator", 离群|值 "outliers"): free, like a
            # bound suffix. After a word of CC-CEDICT's the English does not say either, it makes one word with it,
            # which may say one English word (波动|率 "volatility" of 特质波动率 "idiosyncratic volatility"): not free
            # again. (A word only jieba lists may be its mis-cut: 多组|学 "omics".)
            before = words[position - 1]
            if not (said.unaligned and said.unaligned[-1] == position - 1 and len(before) > 1 and is_entry(before)):
                said.free += 1
        else:
            said.unaligned.append(position)
    return said


def _content_first(
    words: tuple[str, ...], first_is_content: bool, first_unaligned: bool, stats: CorpusStats | None
) -> bool:
    """Whether the first word may belong to the term though the English does not say it. A verb or adverb before a
    term is usually context (使用, 说明); one that recurs with the rest of the span as a unit is part of the term
    (随机梯度下降, 位|姿)."""
    return (
        len(words) == 1
        or first_is_content
        or inside_unknown_word(words[0], words[1])  # (直|推学习, see segment._splits_word)
        or (stats is not None and first_unaligned and max(_cohesion(stats, words), _cohesion(stats, words[:2])) >= 0.25)
    )


def _unaligned_cost(
    words: tuple[str, ...],
    unaligned: Sequence[int],
    content_first: bool,
    slack: int,
    english: EnglishSide,
    context_first: bool,
    weights: Weights,
) -> tuple[float, int]:
    """The price of the dictionary words at these positions that say no English word, nearest the gloss first;
    and the slack (English words nothing said) they leave. ``context_first``: the first word is context, whatever
    it is."""
    cost = 0.0
    for position in reversed(unaligned):
        if position == 0 and (LATIN.search(words[0]) or words[0][:1].isdigit()):
            # A100 显卡 "GPU": a Latin word the English would have kept; one it writes (S 型函數 "sigmoid") is free
            cost += 0 if latin_said(words[0], english) else weights.unaligned_other
        elif position == 0 and (context_first or words[0] in FRAME_OPENERS):
            # 需要|定义凸集: after a modal comes a verb, context for the term (not a word with no verb sense:
            # 需要|智能体); 把|权重|卸载: the object of the verb the English says; 面向|多跳问答 "for multi-hop
            # question answering": a frame's preposition without the frame's 的 (see _said) opens a phrase, not a
            # name
            cost += weights.unaligned_other
        elif position > 0 and ends_phrase(words[position], english):
            # 处理器|上（CPU）, 情况|下|早停: a localiser ends a phrase
            cost += weights.unaligned_other
        elif is_counting_numeral(words[position]) or (
            position == 0 and _function_character(words[0]) and not content_first
        ):
            # 加上一层|嵌入层, 若干个|锚框, 有|三个|颜色通道, 再|全量: a numeral word or a function character translates
            # nothing
            cost += weights.unaligned_other
        elif slack > 0 and not (position == 0 and not content_first and _verb_before_acronym(words[0], english)):
            # (an acronym's words the dictionary cannot match, but a verb first is context, see _verb_before_acronym,
            # unless the corpus keeps it with the rest: 强化学习（RL） where 强化学习 recurs)
            slack -= 1
            cost += weights.unaligned_explained
        elif position > 0:
            # Inside the span a word is included anyway once a word left of it is; the boundary decision
            # is about the first word.
            cost += weights.unaligned_inner
        else:
            cost += weights.unaligned_content if content_first else weights.unaligned_other
    return cost, slack


def _corpus_evidence(
    stats: CorpusStats,
    words: tuple[str, ...],
    before: str,
    weights: Weights,
    *,
    fragment: bool = True,
    previous: str = "",
) -> float:
    """What the corpus says of the span: it holds a unit the corpus keeps together (a credit), or it starts inside
    one (a price), which is not asked (``fragment``) of a span that says every English word after a word of its
    own: that is no tail of a longer unit, whatever the corpus puts before it (控制|错误发现率 "false discovery
    rate", where the corpus controls the rate twice; but 置|信度 "confidence", inside jieba's word 置信度)."""
    score = 0.0
    # A word nearly always followed by the rest of the span (马尔可夫 -> 马尔可夫模型), or a character nearly always
    # followed by the next word: a word jieba does not know (位|姿图优化). A longer span holding the same unit keeps
    # the credit (一阶马尔可夫模型, 无锚|框检测).
    if any(
        _cohesion(stats, words[k:]) >= 0.5 or (len(words[k]) == 1 and _cohesion(stats, words[k : k + 2]) >= 0.5)
        for k in range(len(words) - 1)
    ):
        score += weights.cohesion
    # A term does not start inside a recurring unit: the span, its first word or its first character nearly always
    # following the same character marks a fragment (连接层 of 全连接层, 模态 of 多模态, 姿图 of 位姿 where jieba
    # reads 位|姿图|优化).
    if not fragment:
        return score
    span = "".join(words)
    return score - weights.fragment * max(
        _fragment_evidence(stats, head, before, previous) for head in {span, words[0], span[0]}
    )


def _says_left_out(left_out: str, kept: str, english: EnglishSide) -> bool:
    """Whether the English says the part of a word a span leaves out. A clause's verb or preposition it may only
    seem to by its senses (做 "to compose" against "component"): it says one as the English's own preposition
    (在 "in" of in-place), or as the word it makes with the part kept (做功 "to do work" of "work done")."""
    if left_out not in CLAUSE_WORDS:
        return bool(word_senses(left_out) & english.stems)
    return bool(_JOINS.get(left_out, frozenset()) & english.said or word_senses(left_out + kept) & english.stems)


# How often jieba's general corpus has a character alone for it to be a word of its own: 8 in 100,000 words (讲
# 23, 加 19; not 超 6, 预 1)
_FREE_VERB_SHARE = 8e-5


def _verb_glued_before(outside: str, inside: str, english: EnglishSide) -> bool:
    """Whether jieba's guess glued a verb of one character, which the English does not say, to a first character
    that it does (讲|微表面理论 "microfacet theory": 微 "micro-"). A verb that jieba's dictionary tags so and counts
    as a word of its own often (讲, 加, 拉), not one mostly bound in words (预 of 预|写式日志, 超 of 超|参数)."""
    return (
        len(outside) == 1
        and not is_entry(outside + inside)  # (not 接|受者 "acceptor": CC-CEDICT's 接受者 is the word split)
        and pos_tag(outside) == "v"
        and (general_frequency(outside) or 0) >= _FREE_VERB_SHARE
        and outside not in english.prefix_chars
        and not word_senses(outside) & english.stems
        and bool(inside[:1] in english.prefix_chars or word_senses(inside) & english.stems)
    )


def _free(left_out: str, option: SpanOption, english: str) -> bool:
    """Whether a span may leave out these words of a 的-phrase: the dictionary knows them, or the span says all the
    English."""
    if senses(left_out) is not None or dictionary_knows(tokens(left_out)):
        return True
    side = EnglishSide.of(english)
    return sum(alignment(word, side)[1] for word in _read_words(option, side)) >= len(side.vocabulary)


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
    # Where a span coordinates as many members as the English, one of more members or fewer cannot pair them
    # (流量、错误和饱和度 "latency, traffic, errors, and saturation" leaves one out, and 延迟 "delay" says none of
    # it); where none does, one of fewer only where a word says two (读写和执行权限 "read, write, and execute
    # permissions"; not 剪枝和量化 "pruning, quantization, and distillation", where nothing says the third).
    members = [m for m, _ in coordinated(english, COORDINATION_EN)]
    coordinating = len(members) > 1
    counts = [1 + sum(word in _COORDINATORS for word in option.words) for option in options] if coordinating else []
    pairing = coordinating and len(members) in counts
    scored: list[tuple[float, int, int, int]] = []
    for index, option in enumerate(options):
        if (
            coordinating
            and 1 < counts[index] != len(members)
            and (pairing or not all(any(aligns(word, m) for word in option.words) for m in members))
        ):
            continue
        if option.short_of_gloss.startswith("的") and adjectival(english):
            continue  # Lipschitz continuous: 利普希茨连续的 keeps its 的
        if option.short_of_gloss and alignment(option.short_of_gloss.removeprefix("的"), side)[1]:
            continue  # the English says what the span would leave out: 很大的感受野 "receptive field" (野 field)
        marked = markup_start == option.start
        s, aligned, unaligned = score_span(option, side, stats, weights, at_markup=marked)
        if s == -math.inf and marked and not option.short_of_gloss and _marks_a_clause(option, side):
            # What the author marked as one thing, quoted or set in bold, is a clause (**梯度裁剪可以缓解梯度爆炸**
            # "gradient clipping"): no term, nor the words at its end. (A phrase before the term, 所谓的长尾分布,
            # leaves the term.)
            return None
        left_out = option.short_of_gloss.removeprefix("的")
        if s == -math.inf or (
            left_out and option.short_of_gloss[0] == "的" and not (aligned and _free(left_out, option, english))
        ):
            # Leaving out the words of a 的-phrase next to the gloss takes a span that says some of the English:
            # 更好|的提示词 "prompt" is no "better"; and words the dictionary knows, which say none of it, where the
            # span leaves English unsaid: a word it does not know may say that (单张 GPU|的显存 "GPU memory"; not
            # 知识蒸馏|的超参 "knowledge distillation"). (A bare 的, as in 智能体的(AI Agents), leaves out no word; a
            # localiser, as in 词表|中, none of the term's.)
            continue
        if option.short_of_gloss:
            s -= weights.short_of_gloss
        outside, inside = option.splits_word
        left_out, kept = option.inside_listed
        if (
            left_out
            and not outside
            and (
                (len(kept) == 1 and option.span == kept)
                or _says_left_out(left_out, kept, side)
                or not alignment(option.words[0], side)[1]
                or (left_out in FRAME_OPENERS and "的" in option.span)
            )
        ):
            # Starting inside a word of jieba's dictionary costs what starting inside any word does, unless the
            # English says the span's first word and not the part left out: 应用|层规范化 "layer normalization",
            # 多|通道 "channel", 做|主成分分析 "principal component analysis", 把|握手协议 "handshake protocol" are
            # free; 检|查点 "checkpoint" (检 "check"), 在|位操作 "in-place operation" (在 "in") are not, nor is a
            # span that is only the word's last character (做|功 "work done"), nor one that keeps the 的 of a frame
            # and leaves out its opener (面向|对象的影像分析 "object-based image analysis").
            s -= weights.splits_word
        elif outside in NAME_DOTS:
            # the dot of a transliterated name joins its parts where the English names more of them than the span
            # holds (冯·|诺依曼结构 "von Neumann architecture", 托马斯·|贝叶斯 "Thomas Bayes"), not where it names
            # those only (阿兰·|图灵 "Turing", 约翰·|冯·诺依曼 "von Neumann")
            if side.name_words > sum(option.span.count(dot) for dot in NAME_DOTS) + 1:
                s -= weights.splits_word
        elif outside in HYPHENS:
            # a hyphen joins a name only where the English hyphenates too (崩溃-|恢复模型 "crash-recovery model");
            # otherwise it sets a label apart (实验1-|基线对比 "baseline comparison")
            if any(h in english for h in HYPHENS):
                s -= weights.splits_word
        elif (
            outside
            and not (
                (len(outside) > 1 or outside in FUNCTION_CHARS)
                and (word_senses(outside + inside) | word_senses(inside)) & side.stems
            )
            and not _verb_glued_before(outside, inside, side)
            and not sounded_name(_read_words(option, side), side)
        ):
            # ... unless the English says part of that word and leaves out a word of its own: 紧接着应用|层规范化
            # "layer normalization", 做|工作流编排 "workflow orchestration", 常用|字错误率 "character error rate"
            # (常用字 "everyday word"); a bound character is none (自|适应提升 "adaptive boosting"); or the span opens
            # with the sounds of a name the English holds, which start where the name does (有|斯皮尔曼相关系数
            # "Spearman correlation coefficient", whatever jieba guessed around 有)
            s -= weights.splits_word
        scored.append((s, index, aligned, unaligned))
    if not scored:
        return None
    scored.sort(key=lambda t: -t[0])
    best = scored[0]
    margin = best[0] - scored[1][0] if len(scored) > 1 else math.inf
    return Choice(options[best[1]], best[0], margin, best[2], best[3])
