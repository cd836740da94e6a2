"""Terms awaiting translation: Chinese domain terms that a corpus uses, ranked by termhood.

A candidate is a run of 2-8 Chinese characters that recurs. Three kinds of evidence decide whether it is a term:

- it is a unit: the characters to its left and to its right vary (branching entropy), where a fragment such as
  训练数 is always followed by the same character;
- it is frequent in its own right and not only inside a longer candidate (C-value, Frantzi et al. 2000);
- it is not general vocabulary: a function word, pronoun or light verb at either edge (jieba's part-of-speech
  dictionary) disqualifies it, and a dictionary word more common in general Chinese than in this corpus ranks
  low (jieba's word frequencies serve as the general corpus);
- it awaits translation: a word CC-CEDICT lists has an English any dictionary gives, and ranks below compounds
  and coinages none does.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from ..lexicon import general_frequency, is_entry, jieba_pos, jieba_tokenizer
from ..model import Untranslated
from ..normalize import CJK_CHAR, to_simplified
from .patterns import without_front_matter
from .sentences import sentence_at

_RUN = re.compile(f"[{CJK_CHAR}]{{2,}}")
# What may open a line before a heading, a label or a tag (heading, list and quote marks, brackets, numbering),
# and what closes one after it (the line's end, a colon, a closing bracket, emphasis, a parenthesis). A table's
# cells are left out: a table of terms and their explanations lists terms.
_LINE_OPENING = re.compile(r"[\s#>*+\-【\[（(「『0-9.、:：)）•·]*")
_BRACKET_LABEL = re.compile("[（(【\\[].+[:：]", re.S)  # (the label of a bracket's content: （英文：...）)
_LINE_CLOSING = re.compile(r"[ \t\r\u3000]*(?:[】\]」』)）:：(（*_`]|$)", re.MULTILINE)

# Parts of speech (jieba/ICTCLAS tags) that never begin or end a term: prepositions, conjunctions, particles,
# pronouns, adverbs, numerals, classifiers, interjections, modal particles, localisers.
_EDGE_TAGS = frozenset("p c u uj ul uz uv ud ug r d m q e y o f t".split())
# Verbs that introduce or frame a term rather than belong to it, and verbs that relate it to something else
# (问题在于 "the problem lies in").
_LIGHT_VERBS = frozenset(
    "进行 使用 利用 采用 通过 提供 需要 可以 能够 成为 作为 具有 包括 包含 称为 叫做 得到 获得 实现 用于 用来 导致 "
    "表示 是 有 让 使 令 给 做 被 把 将 会 能 要 该 应 请 看 说 想 知道 认为 觉得 希望 开始 继续 尝试 发现 考虑 "
    "存在 出现 发生 提高 增加 减少 改变 保持 达到 选择 决定 介绍 讨论 描述 解决 处理 完成 "
    "在于 属于 来自 位于 意味着 取决于".split()
)
# Inside a term: no conjunction (高度和宽度 is two terms), preposition, pronoun, adverb, localiser or particle.
_INNER_TAGS = frozenset("c p r d f uj ul y e".split())
_NOUN_TAGS = ("n", "vn", "eng", "j")
_ENDING_WORDS = frozenset("等 中 上 下 时 后 前 里 内 外 间 之 们 来 去 起 过 着 了 的 地 得".split())


# Chinese text averages about 1.6 characters a word: turns a character count into a word count comparable
# with jieba's word frequencies.
_CHARS_PER_WORD = 1.6
# A dictionary word must be this many times more frequent here than in general Chinese to be a domain term.
_MIN_SPECIFICITY = 5.0
# The share of its score a word CC-CEDICT lists keeps (模型 "model", 矩阵 "matrix", 图书馆 "library"): a translator
# needs 合成数据 more. Measured against the terms authors marked for glossing (d2l-zh and two textbook corpora of
# 24 chapters), the share of the first 20 that they marked rises from 0.60, 0.05, 0.00 to 0.85, 0.45, 0.55, and
# on two corpora of LLM articles written after this was chosen from 0.00, 0.10 to 0.20, 0.25; a lower share
# (0.1) favours the textbooks' compounds further but loses d2l-zh's one-word terms (卷积).
_LISTED_SHARE = 0.25


@dataclass(frozen=True)
class _Candidate:
    zh: str
    count: int
    score: float


def _entropy(counts: Iterable[int], total: int) -> float:
    """Entropy (bits) of a neighbour distribution; occurrences at a text boundary count as distinct neighbours."""
    seen = 0
    h = 0.0
    for c in counts:
        seen += c
        p = c / total
        h -= p * math.log2(p)
    boundary = total - seen
    if boundary > 0:
        h -= boundary * (1 / total) * math.log2(1 / total)
    return h


def _is_general(zh: str) -> bool:
    """True for general language: a function word at an edge or inside, a light verb, a lone non-noun word."""
    words = jieba_pos(zh)
    if not words:
        return True
    first, first_tag = words[0]
    last, last_tag = words[-1]
    if first_tag in _EDGE_TAGS or last_tag in _EDGE_TAGS:
        return True
    if first in _LIGHT_VERBS or last in _LIGHT_VERBS or zh[-1] in _ENDING_WORDS or zh[0] in _ENDING_WORDS:
        return True
    if any(tag in _INNER_TAGS for _, tag in words[1:-1]):
        return True
    if len(words) == 1 and general_frequency(zh) and not first_tag.startswith(_NOUN_TAGS):
        return True  # a single dictionary word that is not a noun: 可能, 不同, 应该
    # a whole clause (three or more words with a verb in the middle) is not a term
    return len(words) >= 3 and any(tag == "v" for _, tag in words[1:-1])


@cache
def _log2(n: int) -> float:
    return math.log2(n)


def rank_candidates(runs: Sequence[str], *, min_count: int = 2, max_len: int = 8) -> list[_Candidate]:
    """Termhood ranking of recurring Chinese n-grams over runs of Chinese characters (simplified)."""
    # Level by level: an n-gram can recur only if its (n-1)-prefix does. N-grams counted once are not all
    # counted, which leaves neighbour entropies exact: an unseen extension is a distinct neighbour either way.
    counts: Counter[str] = Counter(run[i : i + 2] for run in runs for i in range(len(run) - 1))
    frontier = {g for g, c in counts.items() if c >= min_count}
    for n in range(3, max_len + 2):
        level = Counter(
            run[i : i + n] for run in runs for i in range(len(run) - n + 1) if run[i : i + n - 1] in frontier
        )
        counts.update(level)
        frontier = {g for g, c in level.items() if c >= min_count}
        if not frontier:
            break
    words = sum(len(r) for r in runs) / _CHARS_PER_WORD or 1.0
    right: dict[str, list[int]] = defaultdict(list)
    left: dict[str, list[int]] = defaultdict(list)
    for gram, c in counts.items():
        if len(gram) > 2 and c >= 1:
            right[gram[:-1]].append(c)
            left[gram[1:]].append(c)

    frequent = {g: c for g, c in counts.items() if c >= min_count and len(g) <= max_len}
    units = {}
    for gram, c in frequent.items():
        # Two different neighbours suffice for a pair of sightings; a frequent unit needs more variety,
        # so a fragment such as 码器 (in 编码器 and 解码器, hundreds of times) does not pass.
        needed = min(1.5, 0.4 * math.log2(c) + 0.5)
        if _entropy(left.get(gram, ()), c) < needed or _entropy(right.get(gram, ()), c) < needed:
            continue
        units[gram] = c

    # C-value: frequency net of the longer candidates a candidate is nested in.
    nested_in: dict[str, list[int]] = defaultdict(list)
    for gram, c in units.items():
        n = len(gram)
        for size in range(2, n):
            for i in range(n - size + 1):
                part = gram[i : i + size]
                if part in units:
                    nested_in[part].append(c)
    scored = []
    for gram, c in units.items():
        longer = nested_in.get(gram)
        net = c - (sum(longer) / len(longer) if longer else 0.0)
        if net <= 0:
            continue
        cvalue = _log2(len(gram)) * net
        # Specificity: how much more this corpus uses the word than general Chinese does.
        general = general_frequency(gram)
        if general:
            ratio = (c / words) / general
            if ratio < _MIN_SPECIFICITY:
                continue
            cvalue *= min(1.0, math.log10(ratio) / 2)
        if is_entry(gram):
            cvalue *= _LISTED_SHARE
        scored.append((gram, c, cvalue))
    scored.sort(key=lambda t: (-t[2], -t[1], t[0]))
    return [_Candidate(g, c, round(s, 3)) for g, c, s in scored]


def untranslated_terms(
    documents: Sequence[tuple[str, str]],
    known: Container[str],
    *,
    limit: int | None = 200,
    min_count: int = 2,
    propose: dict[str, str] | None = None,
) -> list[Untranslated]:
    """Domain terms of the documents ((path, text) pairs) that ``known`` (simplified keys) does not hold.

    ``propose`` maps known Chinese terms to English; a candidate made entirely of known terms gets their
    English joined as a proposal (奖励 reward + 模型 model -> "reward model").
    """
    # A Markdown file's front matter is metadata: its title: 大模型入门 is neither a sighting nor an example. (Code
    # is read: its comments are prose, and use the terms.)
    # Counted in simplified characters; shown as written (t2s maps character for character: the offsets hold).
    simplified = [(p, *_as_written(text)) for p, text in documents]
    runs = [run for _, _, read in simplified for run in _RUN.findall(read)]
    joined = "\n".join(runs)
    found: list[Untranslated] = []
    for cand in rank_candidates(runs, min_count=min_count):
        if cand.zh in known or _is_general(cand.zh) or not _aligned_with_words(cand.zh, joined):
            continue
        where = [(path, text, read) for path, text, read in simplified if cand.zh in read]
        if _only_opening_lines(cand.zh, [read for _, _, read in where]):
            continue
        example, document, written = _example(cand.zh, where)
        found.append(
            Untranslated(
                zh=written,
                count=cand.count,
                documents=len(where),
                score=cand.score,
                example=example,
                document=document,
                proposed_en=_compose(cand.zh, propose) if propose else None,
            )
        )
        if limit is not None and len(found) >= limit:
            break
    return found


def _only_opening_lines(zh: str, texts: Iterable[str]) -> bool:
    """Whether every sighting is a line's heading, label or tag: the whole of a heading (## 结论), a label before a
    colon (论文地址: https://...) or opening a bracket (（英文：...）), a tag in brackets (【开源免费】); never the
    running text a domain term turns up in, nor the subject a paragraph opens with (知识蒸馏是...)."""
    for text in texts:
        start = text.find(zh)
        while start != -1:
            line = text.rfind("\n", 0, start) + 1
            end = start + len(zh)
            labels = _LINE_OPENING.fullmatch(text, line, start) or _BRACKET_LABEL.match(text, start - 1, end + 1)
            if not (labels and _LINE_CLOSING.match(text, end)):
                return False
            start = text.find(zh, end)
    return True


def _as_written(text: str) -> tuple[str, str]:
    """The text to quote (as written, unless simplifying changed its length) and the text to count: simplified,
    its front matter masked."""
    simplified = to_simplified(text)
    return (text if len(simplified) == len(text) else simplified), without_front_matter(simplified)


def _example(zh: str, where: Sequence[tuple[str, str, str]], tries: int = 20) -> tuple[str | None, str | None, str]:
    """(sentence, document, the term as written there) showing the term in use: of its first sightings, a
    sentence that reads as one (it ends in a full stop, and is neither a heading nor a line of keywords), not too
    long to read, and where the term is a word of its own (not 个数 inside 一个|数量级). ``where`` holds (path,
    text, the text simplified and masked): a sighting is one outside code, its sentence is the text's."""
    sightings: list[tuple[float, int, str, str, str, str, int]] = []
    for path, text, read in where:
        start = read.find(zh)
        while start != -1 and len(sightings) < tries:
            sentence = sentence_at(text, start, start + len(zh))[0]
            sightings.append((_readability(sentence), -len(sightings), sentence, path, text, read, start))
            start = read.find(zh, start + len(zh))
        if len(sightings) >= tries:
            break
    if not sightings:
        return None, None, zh
    sightings.sort(reverse=True)
    best = next((s for s in sightings if _stands_alone(s[5], s[6], len(zh))), sightings[0])
    _, _, sentence, path, text, _, start = best
    return sentence, path, text[start : start + len(zh)]


def _stands_alone(text: str, start: int, length: int) -> bool:
    """Whether jieba, segmenting the sighting with a few characters either side, cuts at both its edges."""
    left = max(0, start - 6)
    cuts, position = {0}, 0
    for word in jieba_tokenizer().cut(text[left : start + length + 6], HMM=False):
        position += len(word)
        cuts.add(position)
    return start - left in cuts and start - left + length in cuts


def _readability(sentence: str) -> float:
    """How well a sentence serves as an example: a full sentence of 15-80 characters, mostly Chinese."""
    score = 1.0 if sentence[-1:] in "。！？!?" else 0.0
    score -= 0.02 * max(0, 15 - len(sentence)) + 0.01 * max(0, len(sentence) - 80)
    score -= 0.1 * sentence.count(" ")  # a line of keywords or a list of names
    return score


def _aligned_with_words(zh: str, joined_runs: str, samples: int = 5) -> bool:
    """Whether, in context, the candidate's edges fall between words (jieba's cuts) at least half the time.

    Statistics alone accept 国国家图书馆 (after 中, 德 and 法); segmenting its contexts shows it starts inside
    the word 中国.
    """
    tokenizer = jieba_tokenizer()
    aligned = seen = 0
    at = joined_runs.find(zh)
    while at != -1 and seen < samples:
        run_start = joined_runs.rfind("\n", 0, at) + 1
        run_end = joined_runs.find("\n", at)
        run = joined_runs[run_start : run_end if run_end != -1 else len(joined_runs)]
        cuts = {0}
        position = 0
        for word in tokenizer.cut(run, HMM=False):
            position += len(word)
            cuts.add(position)
        offset = at - run_start
        aligned += offset in cuts and offset + len(zh) in cuts
        seen += 1
        at = joined_runs.find(zh, at + len(zh))
    return seen > 0 and aligned * 2 >= seen


def _compose(zh: str, english: dict[str, str]) -> str | None:
    """English for a term made of known terms, longest known term first from the left; None if a gap remains."""
    parts: list[str] = []
    i = 0
    while i < len(zh):
        for j in range(len(zh), i, -1):
            if zh[i:j] in english and (j - i >= 2 or j - i == len(zh)):
                parts.append(english[zh[i:j]])
                i = j
                break
        else:
            return None
    return " ".join(parts) if len(parts) > 1 else None
