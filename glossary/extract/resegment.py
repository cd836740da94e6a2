"""How the boundary scorer re-reads jieba's words of a candidate span before weighing them.

jieba cuts for general text; a term's words are often cut otherwise. A function word it split off a dictionary
word is joined back (下|一个 -> 下一个), characters it split between words that CC-CEDICT lists as one entry the
English says are one word (数据|集 -> 数据集 "dataset", 均|方根 -> 均方|根 "mean square", "root"), and a character
it glued to a bound suffix is re-cut (向|量化 -> 向量|化 "vectorization").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import accumulate, pairwise

from ..lexicon import senses
from ..normalize import CJK_RE
from .align import word_senses, word_units
from .english_side import EnglishSide
from .segment import (
    ASPECT_PARTICLES,
    BOUND_SUFFIXES,
    CLAUSE_WORDS,
    HYPHENS,
    JOINING_WORDS,
    NAME_DOTS,
    NEGATIONS,
    NOT_STARTING,
    SpanOption,
    first_tag,
    glued_function_word,
)
from .transliteration import transliterates

_FUNCTIONAL = CLAUSE_WORDS | JOINING_WORDS | NOT_STARTING


@cache
def _merged(words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for word in words:
        # One function word with a word, not two function words (中|的 is "in ...'s", not 中的 "hit the target"),
        # and not an aspect particle after its verb (有|了 is "came to have", not 有了 "I've got it").
        if (
            out
            and (word in _FUNCTIONAL) != (out[-1] in _FUNCTIONAL)
            and word not in ASPECT_PARTICLES
            and senses(out[-1] + word) is not None
        ):
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


def merge_dictionary_words(words: Sequence[str]) -> tuple[str, ...]:
    """Rejoin a function word jieba split off a dictionary word: 下|一个 -> 下一个 ("next one"), 向|后 -> 向后
    ("backward")."""
    return _merged(tuple(words))


@cache
def rejoined_words(words: tuple[str, ...], english: EnglishSide) -> tuple[str, ...]:
    """Resegment where CC-CEDICT lists as one entry, saying what the English says, characters jieba split
    between words, not every part of which says it: 数据|集 -> 数据集 "dataset" (数据 is only "data"), 有|界 ->
    有界 "bounded" (有 "have" says nothing of it), and 测试数据|集 -> 测试|数据集 (a word the dictionary does not
    list splits into the entries it is made of); also where the entry ends inside a word whose rest says the
    English too (均|方根 -> 均方|根)."""
    merged: list[tuple[int, int]] = []
    for start, end, entry, parts, rest in _entries_across(words):
        # An entry that ends inside a dictionary unit leaves the rest of it, which must say another word of the
        # English (均|方根 -> 均方|根 "root mean square"; not 用|量子 -> 用量|子 "quantum", nor 做|错误 -> 做错|误
        # "error", where both would say "error")
        said = word_senses(entry) & english.stems
        if (
            (not merged or start >= merged[-1][1])
            and said
            and not all(word_senses(part) & english.stems for part in parts)
            and (not rest or word_senses(rest) & english.stems - said)
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
def _entries_across(words: tuple[str, ...]) -> tuple[tuple[int, int, str, tuple[str, ...], str], ...]:
    """CC-CEDICT entries of two to four units (see word_units) that cross a cut between words, or that end inside
    a unit after the first word, as (start, end, entry, its units, the rest of a unit it ends inside), by start and
    longest first. Computed from the first word on, the rest (the same words less the first: the scorer's next
    candidate span) cached."""
    if len(words) < 2:
        return ()
    first = word_units(words[0])
    units = [*first, *(unit for word in words[1:4] for unit in word_units(word))]
    offsets = [0]
    for unit in units:
        offsets.append(offsets[-1] + len(unit))
    own = []
    for i in range(len(first)):
        for j in range(min(len(units), i + 4), max(len(first), i + 1), -1):
            entry = "".join(units[i:j])
            if senses(entry) is not None:
                own.append((offsets[i], offsets[j], entry, tuple(units[i:j]), ""))
            if j - 1 < len(first):
                continue
            # ... or one that ends inside the unit (均|方根 -> 均方|根): the unit's first characters, one part
            last = units[j - 1]
            for cut in range(1, len(last)):
                inside = "".join(units[i : j - 1]) + last[:cut]
                if len(inside) <= 4 and senses(inside) is not None:
                    own.append((offsets[i], offsets[j - 1] + cut, inside, (*units[i : j - 1], last[:cut]), last[cut:]))
    own.sort(key=lambda found: (found[0], -found[1]))
    shift = len(words[0])
    later = (
        (start + shift, end + shift, entry, parts, rest)
        for start, end, entry, parts, rest in _entries_across(words[1:])
    )
    return (*own, *later)


@cache
def recut_before_suffix(words: tuple[str, ...], english: EnglishSide) -> tuple[str, ...]:
    """Re-cut a character jieba split off a dictionary word that says the English, where it glued the word's
    second character to a bound suffix instead: 向|量化 -> 向量|化 "vectorization" (向 "towards" alone, 量化
    "quantify")."""
    out = list(words)
    for k in range(len(out) - 1):
        one, two = out[k], out[k + 1]
        if (
            len(one) == 1
            and len(two) == 2
            and two[1] in BOUND_SUFFIXES
            and (senses(one + two[0]) or frozenset()) & english.stems
            and not word_senses(two) & english.stems
        ):
            out[k], out[k + 1] = one + two[0], two[1]
    return tuple(out)


@cache
def join_negations(words: tuple[str, ...], english: EnglishSide) -> tuple[str, ...]:
    """Join a negation jieba left as a word of its own to the word it negates where the English says neither:
    then they are one word of it, as English writes non- or un- words (非|确定 "nondeterministic", the N of
    NFA); where it says them, each is read for what it says (非|参数 "non" + "parametric")."""
    out: list[str] = []
    for word in words:
        if (
            out
            and out[-1] in NEGATIONS
            and word not in _FUNCTIONAL
            and word not in NEGATIONS
            and not (out[-1] in english.prefix_chars or word_senses(out[-1] + word) & english.stems)
            and not word_senses(word) & english.stems
        ):
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


def rejoined_option(option: SpanOption, words: tuple[str, ...], english: EnglishSide) -> SpanOption | None:
    """The option with the words rejoined_words makes of its (merged) words, its first word judged anew if that
    changed (测试数据|集 -> 测试|数据集); None where nothing rejoins."""
    rejoined = rejoined_words(words, english)
    if rejoined == words:
        return None
    if rejoined[0] == option.words[0]:
        return replace(option, words=rejoined)
    first = rejoined[0]
    return replace(option, words=rejoined, first_tag=first_tag(first), first_glued=glued_function_word(first))


_NAME_JOINS = HYPHENS | NAME_DOTS


@cache
def join_names(words: tuple[str, ...], english: EnglishSide) -> tuple[str, ...]:
    """Join the pieces jieba cut a name after a hyphen or a dot into where together they sound out a name the
    English spells: 谢尔曼-莫里森-伍|德伯|里公式 -> 伍德伯里 "Woodbury", whose 里 is no localiser "in". (A name at the
    span's start is align.sounded_name's.)"""
    if not english.spelled_names:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        end = i + 1
        if i and words[i - 1] in _NAME_JOINS:
            end = next(
                (
                    j
                    for j in range(min(len(words), i + 4), i + 1, -1)
                    if all(CJK_RE.match(word) for word in words[i:j])
                    and any(transliterates("".join(words[i:j]), name) for name in english.spelled_names)
                ),
                end,
            )
        out.append("".join(words[i:end]))
        i = end
    return tuple(out)
