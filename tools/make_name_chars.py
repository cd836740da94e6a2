"""Write glossary/data/name_chars.txt: the characters transliterations of foreign names are made of.

jieba's dictionary tags transliterated names nrt (卡尔曼, 维特比); a character in ten or more of them, and in them
for one in twenty of the words it is in (斯 尔 克 特 拉), is one transliterations use, where the characters of common
words occur in a handful of them or none (开 始 进 行), or in a few among thousands of other words (一 人 山). The
boundary scorer reads a run of dictionary words as a name it sounds out only where they are mostly such characters
(see glossary/extract/transliteration.py). Run once when the list needs refreshing: python tools/make_name_chars.py
"""

from collections import Counter
from pathlib import Path

import jieba

names: Counter[str] = Counter()
words: Counter[str] = Counter()
with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
    for line in f:
        word, _, tag = line.split()[:3]
        chars = {ch for ch in word if "\u4e00" <= ch <= "\u9fff"}
        words.update(chars)
        if tag == "nrt":
            names.update(chars)
chars = "".join(sorted(ch for ch, n in names.items() if n >= 10 and n >= 0.05 * words[ch]))
out = Path(__file__).resolve().parent.parent / "glossary" / "data" / "name_chars.txt"
out.write_text("\n".join(chars[i : i + 100] for i in range(0, len(chars), 100)) + "\n", encoding="utf-8")
print(f"{len(chars)} characters -> {out}")
