"""Pairs inside pairs: coordination split into its members, sub-terms derived where the parts align.

From 后训练阶段(post-training stage) come 后训练/post-training and 阶段/stage, because the dictionary says 阶段 is
"stage" and 后 is "post-"; from de-duplication methods and data cleaning mechanisms，即去重和清洗 come
去重/de-duplication and 清洗/data cleaning: the members pair in order and the generic head nouns (methods,
mechanisms) that the Chinese leaves out are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import can_be_verb, is_entry, pos_tag
from ..normalize import CJK_RE, en_key, is_abbreviation
from .align import aligns
from .corpus import CorpusStats
from .english import Form
from .english_side import EnglishSide
from .patterns import COORDINATION_EN, COORDINATION_ZH, members
from .segment import tokens

# Head nouns English adds and Chinese often leaves implicit (去重 = de-duplication methods).
_GENERIC_HEADS = frozenset(
    "method methods mechanism mechanisms technique techniques approach approaches strategy strategies scheme schemes "
    "procedure procedures".split()
)


def coordinate(zh: str, zh_start: int, form: Form, *, named: bool = False) -> list[tuple[str, int, str, int, int]]:
    """(zh, zh_start, en, en_start, en_end) for each member when both sides coordinate the same number of
    members (预训练和微调 / pre-training and fine-tuning); otherwise, or where an abbreviation ``named`` the whole
    as one term (探索与利用（exploration and exploitation，E&E）), the pair as it is. ``zh`` starts at ``zh_start``
    in the document."""
    whole = [(zh, zh_start, form.text, form.start, form.end)]
    # (without the spaces around a coordinator: L1 和 L2 正则化)
    zh_members = [(z.strip(), at + len(z) - len(z.lstrip())) for z, at in members(zh, COORDINATION_ZH)]
    if len(zh_members) < 2 or named:
        return whole
    en_members = members(form.text, COORDINATION_EN)
    if len(en_members) != len(zh_members):
        return whole
    head = shared_head([z for z, _ in zh_members], [e for e, _ in en_members])
    last_zh, last_en = zh_members[-1][0], en_members[-1][0].split()
    return [
        (z, zh_start + zs, f"{e} {head}", form.start + es, form.end)
        if head and k < len(en_members) - 1
        else (z, zh_start + zs, e, form.start + es, form.start + es + len(e))
        for k, ((z, zs), (e, es)) in enumerate(zip(zh_members, en_members, strict=True))
        # (not a member that is the last one's head alone, saying nothing of its English, a modifier: the span
        # started after its own modifier, 精确|去重和模糊去重 "exact and fuzzy deduplication" gave 去重 / exact; but
        # 标注和数据标注 "annotation and data labeling")
        if head
        or k == len(en_members) - 1
        or not (last_zh.endswith(z) and len(e.split()) < len(last_en) and not _says_its_own(z, e, last_en))
    ]


def _says_its_own(zh: str, english: str, last: list[str]) -> bool:
    """Whether a member that is the last member's head says its English: by the dictionary (标注 "annotation"),
    or as the last member's English ends with it (分词和子词分词 "tokenization and subword tokenization")."""
    return aligns(zh, english) or last[-len(english.split()) :] == english.split()


def shared_head(zh_members: list[str], en_members: list[str]) -> str | None:
    """The head noun the English members share, written once after the last (input, forget and output gates;
    tensor and pipeline parallelism), where the Chinese says it in every member: they all start or all end with
    the same characters, which mean it (输入门、遗忘门和输出门; 梯度消失和梯度爆炸 "vanishing and exploding gradients").
    Otherwise None: 分词和词性标注 (tokenization and part-of-speech tagging) are two terms as written."""
    *modifiers, last = (member.split() for member in en_members)
    if len(last) < 2 or any(len(words) >= len(last) for words in modifiers):
        return None
    if any(_complete(" ".join(words), last) or en_key(words[-1]) == en_key(last[-1]) for words in modifiers):
        return None  # LLMs and diffusion models, CNN and recurrent neural networks, deep learning and deep
        # reinforcement learning: each a name already
    head = last[-1]
    prefix = _common_prefix(zh_members)
    suffix = _common_prefix([member[::-1] for member in zh_members])[::-1]
    # (a member that is the shared word alone has no modifier to share it with: 标注和数据标注 "annotation and data
    # labeling", 微调和指令微调 "fine-tuning and instruction tuning")
    shared = [affix for affix in (prefix, suffix) if CJK_RE.search(affix) and affix not in zh_members]
    if any(aligns(affix, head) for affix in shared):
        return head
    # Where the dictionary lacks the sense (分割 is "cut up" there), the form alone says it: one-word modifiers
    # of a two-word last member, and the same word of two characters or more ending every Chinese member, as a
    # Chinese head ends its term (实例分割和全景分割 "instance and panoptic segmentation"; not 码器 of 编码器和解码器).
    one_word_modifiers = len(last) == 2 and all(len(words) == 1 for words in modifiers)
    if one_word_modifiers and suffix in shared and len(suffix) >= 2 and is_entry(suffix):
        return head
    return None


def _complete(member: str, last: list[str]) -> bool:
    """Whether an English member is a name of its own, not a modifier waiting for the head: an acronym, a plural,
    a capitalised word before a last member in lower case (Transformers and vision models)."""
    plural = member.endswith("s") and not member.endswith(("ss", "us", "is")) and en_key(member) != member.lower()
    # (a letter and its number is a level or a norm, which waits for the head: L1 and L2 caches)
    acronym = is_abbreviation(member) and not re.fullmatch("[A-Za-z][0-9]", member)
    return acronym or plural or (member[:1].isupper() and not last[0][:1].isupper())


def _common_prefix(texts: list[str]) -> str:
    first, last = min(texts), max(texts)  # (the prefix of these two is every text's)
    k = 0
    while k < len(first) and first[k] == last[k]:
        k += 1
    return first[:k]


# ... and the Chinese head nouns that say them, where CC-CEDICT has other senses (方案 "plan" for scheme).
_HEAD_NOUNS = tuple("方案 方法 法 策略 机制 技术 技巧 流程 过程 步骤".split())


def trim_generic_head(english: str, zh: str) -> str:
    """Drop a trailing generic head noun (methods, mechanisms ...) the Chinese does not say (去重 "de-duplication
    methods"); not where it ends in a head noun (BIO 标注方案 "BIO tagging scheme", 逐点法 "pointwise approach")."""
    words = english.split()
    chinese = "".join(CJK_RE.findall(zh))  # (the Latin written with it says nothing of the head)
    if len(words) < 2 or words[-1].lower() not in _GENERIC_HEADS or not chinese:
        return english
    if chinese.endswith(_HEAD_NOUNS) or any(aligns(chinese, head) for head in _GENERIC_HEADS):
        return english  # the Chinese says one, which stands for them all (逐点法 "pointwise approach")
    rest = english[: english.rindex(words[-1])].rstrip()
    *before, last = tokens(chinese)
    # ... or may: a noun the dictionary knows that says none of the rest, after words that say it (肘部|法则 "elbow
    # method": 法则 is "rule" there; not a verb's noun of action, 数据|增强 "data augmentation techniques", nor the
    # one word that translates the rest, 课程 "curriculum strategy")
    noun = len(last) > 1 and pos_tag(last).startswith("n") and is_entry(last) and not can_be_verb(last)
    if noun and not aligns(last, rest) and any(aligns(word, rest) for word in before):
        return english
    return rest  # as written (the evidence points at it)


def derive_parts(
    zh: str, english: str, words: Sequence[str], stats: CorpusStats | None = None
) -> list[tuple[str, int, str]]:
    """Sub-terms (zh part, its offset in zh, English part) of a pair whose halves align.

    A split of the Chinese words and of the English words is taken when both halves have at least two Chinese
    characters, every Chinese word of one half aligns with that half's English, some word of the other half
    does, and no word aligns across the split. At most one split: the one with the most aligned words. With
    corpus statistics, each half must also occur outside the term: 大语言 (only ever in 大语言模型) is not a term.
    """
    en_words = english.split()
    if len(words) < 2 or len(en_words) < 2:
        return []
    best: tuple[int, list[tuple[str, int, str]]] | None = None
    for k in range(1, len(words)):
        left_zh, right_zh = "".join(words[:k]), "".join(words[k:])
        if len(left_zh) < 2 or len(right_zh) < 2:
            continue
        for j in range(1, len(en_words)):
            left_en, right_en = " ".join(en_words[:j]), " ".join(en_words[j:])
            left = [aligns(w, left_en) for w in words[:k]]
            right = [aligns(w, right_en) for w in words[k:]]
            if (len(words[k]) == 1 and not right[0]) or (len(words[0]) == 1 and not left[0]):
                continue  # a half must not start with a stray character: 参数|化ReLU
            crossed = any(aligns(w, right_en) for w in words[:k]) or any(aligns(w, left_en) for w in words[k:])
            if crossed or not (any(left) and any(right)) or not (all(left) or all(right)):
                continue
            if not (_plausible(left_zh, left_en) and _plausible(right_zh, right_en)):
                continue
            if not (_accounted(words[:k], left_en) and _accounted(words[k:], right_en)):
                continue
            if stats is not None and not (_used_alone(left_zh, zh, stats) and _used_alone(right_zh, zh, stats)):
                continue
            aligned = sum(left) + sum(right)
            if best is None or aligned > best[0]:
                best = (aligned, [(left_zh, 0, left_en), (right_zh, len(left_zh), right_en)])
    return best[1] if best else []


def _used_alone(part: str, whole: str, stats: CorpusStats) -> bool:
    """Whether the corpus uses the part other than inside the whole term."""
    return stats.count(part) > stats.count(whole)


def _accounted(words: Sequence[str], english: str) -> bool:
    """Every word of a half is either matched by the dictionary or one of the English words it leaves
    unmatched could be its translation: 自然语言推断语料库 "natural language inference" keeps 语料库 (corpus)
    with nothing in the English for it."""
    if not CJK_RE.search("".join(words)):
        return False  # a half with no Chinese (参数化ReLU -> ReLU) is not a Chinese term
    unmatched_english = len(EnglishSide.of(english).vocabulary) - sum(1 for w in words if aligns(w, english))
    unmatched_chinese = sum(1 for w in words if not aligns(w, english))
    return unmatched_chinese <= max(0, unmatched_english)


def _plausible(zh: str, english: str) -> bool:
    """Lengths that can translate each other: about two characters an English content word."""
    expected = 2 * EnglishSide.of(english).words
    return expected / 2.5 <= len(zh) <= expected * 2
