"""Write glossary/data/common_chars.txt: the 3,000 most frequent simplified characters by jieba's word counts.

The decoder uses them to judge whether GB18030 or Big5 produced real Chinese: a wrong guess decodes to rare
characters. Run once when the list needs refreshing: python tools/make_common_chars.py
"""

from collections import Counter
from pathlib import Path

import jieba

counts: Counter[str] = Counter()
with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
    for line in f:
        word, freq, *_ = line.split()
        for ch in word:
            if "\u4e00" <= ch <= "\u9fff":
                counts[ch] += int(freq)
top = "".join(ch for ch, _ in counts.most_common(3000))
out = Path(__file__).resolve().parent.parent / "glossary" / "data" / "common_chars.txt"
out.write_text("\n".join(top[i : i + 100] for i in range(0, len(top), 100)) + "\n", encoding="utf-8")
print(f"{len(top)} characters -> {out}")
