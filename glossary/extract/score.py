"""Confidence: how likely a pair is right, from the evidence its sighting had.

Each sighting gets a confidence from its pattern's reliability, how clearly the boundary decision won, whether
the dictionary saw the English in the Chinese, and whether markup or the corpus vouched for the span. A pair
seen several times combines its sightings (combine_confidence). The bench prints precision per confidence
band on the d2l-zh yardstick: it must rise with confidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from ..lexicon import of_english_vocabulary
from ..normalize import is_abbreviation, pinyin_key, without_layout_spaces
from .align import aligns, dictionary_knows
from .boundary import Choice, ends_phrase, unexplained
from .corpus import CorpusStats
from .english_side import CAMEL_WORD, EnglishSide, expected_chars
from .patterns import Site
from .segment import NUMERALS, tokens

# How often each pattern holds a real translation, before looking at the particular sighting (log-odds).
PATTERN_PRIOR = {
    "zh(en)": 1.0,
    "zh ABBR(en)": 1.0,
    "en(zh)": 0.6,
    "abbr(zh)": 0.8,
    "zh，也称en": 0.8,
    "zh译为en": 0.5,  # 把“个人信息处理者”译为personal information processor: a rendering named (no corpus has one)
    "en译为zh": 0.5,  # robustness 一般译为鲁棒性 (nor this)
    "zh，即en": 0.5,
    "en，即zh": 0.5,
    "关于en，zh": 0.4,
    "zh/en": -0.2,
    "en/zh": -0.2,
    "list": 0.0,  # a line of a term and its English: a glossary's, or metadata's (作者：John Smith)
    "entry": 0.0,  # a line of a term and its English after a space: a vocabulary's entry (数据集 dataset), or not
    "keywords": 0.5,  # a paper's Chinese and English keywords, in the same order (not measured: no corpus has them)
    "table": 0.8,  # a column headed 英文 beside the term's
    "abbr(en，zh)": 1.0,  # RAG（Retrieval-Augmented Generation，检索增强生成）: as explicit as zh(en，ABBR)
    "(zh，en)": 0.5,  # （一阶条件，first-order condition）: a textbook's label, or a remark's (作者，John Smith)
}


# Particles and localisers that end phrases, not names (上 中 里 内 时 too, unless the English says them:
# boundary.ends_phrase).
_PHRASE_ENDINGS = frozenset("下 后 前 了 着 过 地 得".split())


# English that names an X-to-Y (序列到序列 "sequence to sequence", 端到端 "end-to-end", seq2seq), where 到 is part
# of the name; "aligned to human preferences" is a verb phrase, as 对齐到人类喜好 is.
_SAYS_TO = re.compile(r"[a-z]-to-[a-z]|[a-z]2[a-z]|\b(\w+) to \1\b", re.IGNORECASE)


def _names_x_to_y(english: str, site: Site) -> bool:
    """Whether the English names an X-to-Y: written so (end-to-end, seq2seq, sequence to sequence), or a 'to' in
    a name, which an abbreviation or Title Case marks (Text To Speech，TTS); "converge to the optimum" is a
    verb phrase."""
    if _SAYS_TO.search(english):
        return True
    words = re.findall(r"[A-Za-z]{4,}", english)
    named = site.gloss.abbr is not None or (bool(words) and all(w[0].isupper() for w in words))
    return named and re.search(r"\bto\b", english, re.IGNORECASE) is not None


def _brand_name(english: str) -> bool:
    """A word with a capital inside it (DeepMind, OpenAI, PyTorch): a name, where capitalised words alone are
    only a book's style for glosses (Variational Inference)."""
    return re.search(r"[a-z][A-Z]", english) is not None


def _proper_name(english: str, zh: str) -> bool:
    """Capitalised words none of which CC-CEDICT's definitions use (Ollama, Velodyne VLP-16): a name, as a brand
    name is, where a capitalised word of the vocabulary is a book's style for a gloss (Attention). Not the
    Chinese's own pinyin (鲲鹏 Kunpeng): the name of the same thing."""
    words = re.findall(r"[A-Za-z]{3,}", english)
    named = bool(words) and all(w[0].isupper() and not of_english_vocabulary(w) for w in words)
    return named and pinyin_key(zh) != re.sub("[^a-z]", "", english.lower())


# A capitalised word inside a name (Torch, Adam, Polar): not the letters of an acronym (LoRA, RoBERTa, kNN)
_NAMED_WORD = re.compile(r"[A-Z][a-z]{3,}")
_COMMON_WORDS = re.compile(r"[a-z]+(?:[ -][a-z]+)+")


def _common_english(english: str) -> bool:
    """English in lower case made of words CC-CEDICT's definitions use (durability, eventual consistency): not a
    name (pytorch, django)."""
    words = re.findall(r"[A-Za-z]+", english)
    return english == english.lower() and bool(words) and all(of_english_vocabulary(w) for w in words)


def _writes_a_number(text: str) -> bool:
    return any(c.isdigit() or c in NUMERALS for c in text)


_NUMBER = re.compile(r"\d+")


def _writes_its_numbers(zh: str, english: str) -> bool:
    """Whether the Chinese writes the English's numbers: in Chinese numerals, or each in its digits."""
    written = set(_NUMBER.findall(zh))
    return any(c in NUMERALS for c in zh) or (bool(written) and set(_NUMBER.findall(english)) <= written)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def site_confidence(site: Site, choice: Choice | None, zh: str, english: str, stats: CorpusStats | None) -> float:
    logit = PATTERN_PRIOR.get(site.pattern.split("+")[0], 0.0)
    if site.fixed:
        logit += 0.5  # the pattern delimits the Chinese itself: no boundary to get wrong
    if site.pattern.endswith("+coordination"):
        logit += 0.3  # both sides listed the same number of members
    if site.pattern.endswith("+vocabulary") and _common_english(english):
        # an entry of a list the dictionary sees translations in: where it sees none in this one (持久性 durability,
        # where 持久 is "lasting"), it lacks the sense, not the list its term
        logit += 0.5
    words = choice.option.words if choice is not None else tokens(zh)
    if is_abbreviation(english) and not CAMEL_WORD.fullmatch(english) and not _NAMED_WORD.search(english):
        # RLHF: letters, nothing the dictionary could compare, only the length they predict (学习 is too short).
        # HumanEval, a name made of words, is no acronym; nor are PyTorch, AdamW and PolarDB, which hold one.
        logit -= 0.5 * abs(math.log(len(zh) / expected_chars(EnglishSide.of(english))))
    elif any(aligns(w, english) for w in words):
        logit += 1.0  # the dictionary sees the English in the Chinese ...
        # ... unless it sees only part of it, with nothing left that could say the rest: 回归 for "logistic
        # regression" (a span cut short, or Chinese that leaves a word out)
        logit -= 1.5 * unexplained(words, english)
    elif dictionary_knows(words) and not (site.pattern.endswith("+vocabulary") and _common_english(english)):
        # The dictionary knows every word, and none means what the English says: 架构(MoE transformer) is an
        # example, not an equivalent. A brand name for such words, 公司(Google DeepMind) or 代码生成基准
        # (HumanEval), names an instance of them.
        # An English of two words or more matched by as many Chinese words, one each (提示|注入 "prompt
        # injection"), is the shape of a translation: more likely senses the dictionary lacks.
        # Not for names (BLEU score, Hugging Face, seq2seq): only English words in lower case.
        # (In a vocabulary, English words the dictionary does not see are its gap: 持久性 "durability".)
        side = EnglishSide.of(english)
        parallel = (
            _COMMON_WORDS.fullmatch(english) is not None
            and len(side.vocabulary) >= 2
            and len(words) == len(side.vocabulary)
            and min(map(len, words)) > 1
        )
        # (A table's column headed 英文 pairs each row as its author did: gaps, as a vocabulary's, | 同步副本集合 |
        # In-Sync Replicas |, where 副本 is "copy")
        parallel |= site.pattern == "table"
        logit -= 2.5 if _brand_name(english) or _proper_name(english, zh) else 0.5 if parallel else 1.5
    else:
        logit -= 0.3  # new coinages: the dictionary cannot judge
    if choice is not None:
        # A clear winner among the candidate spans; a close call is a coin toss.
        logit += min(choice.margin, 3.0) * 0.5 - 0.5 if choice.margin != math.inf else 0.8
    if site.markup_start is not None and choice is not None and choice.start == site.markup_start:
        logit += 1.0
    if stats is not None and stats.count(without_layout_spaces(zh)) >= 3:
        logit += 0.4  # the Chinese recurs as a unit
    if len(zh) == 1:
        logit -= 1.5  # a single character is rarely a term on its own
    if site.pattern in ("list", "entry", "(zh，en)") and not any(aligns(w, english) for w in words):
        # A line of a term and its English with nothing the dictionary sees of one in the other is as often a line
        # of settings (优化器：AdamW, 数据集：COCO; 安装 PyTorch) as a glossary's: below knowledge, whatever else the
        # line has
        logit = min(logit, -0.2)
    if _writes_a_number(english) and not _writes_its_numbers(zh, english) and not _names_x_to_y(english, site):
        # A number the Chinese does not write: the English names one thing, a version, a size, a format or a
        # dataset (RTX 2080Ti, FP16, ZeRO-2, CIFAR-10), which the Chinese more often puts in a class (消费级GPU,
        # 梯度, 图像分类) than translates (三级缓存 "L3 cache" writes its number; prod-sh-02 集群 writes another
        # than Kubernetes v1.28.6).
        logit -= 1.5
    phrase_end = words[-1] in _PHRASE_ENDINGS or ends_phrase(words[-1], EnglishSide.of(english))
    if phrase_end or ("到" in words and not _names_x_to_y(english, site)):
        logit -= 1.0  # 对齐到人类喜好上: a phrase, not a name
    return round(_sigmoid(logit), 4)


def combine_confidence(confidences: Iterable[float]) -> float:
    """Confidence of a pair seen several times: independent evidence (noisy-or), capped below certainty.

    Only the three strongest sightings count, so a systematic mistake repeated a hundred times cannot
    outweigh the extractor's judgement of a single sighting by much.
    """
    strongest = sorted((min(max(c, 0.0), 1.0) for c in confidences), reverse=True)[:3]
    if not strongest:
        return 0.0
    doubt = 1.0
    for c in strongest:
        doubt *= 1.0 - c
    combined = 1.0 - doubt
    # Repetition raises confidence at most halfway from the best single sighting to certainty.
    return round(min(combined, strongest[0] + (1.0 - strongest[0]) / 2, 0.99), 4)
