"""Write glossary/data/simplified_chars.txt: Chinese characters OpenCC's t2s leaves alone, alone or in any word.

`glossary lookup` reads a query made only of these characters as simplified Chinese without loading OpenCC (about
20 ms of a lookup's start-up). The candidates are the characters of jieba's dictionary that t2s maps to
themselves; a character that t2s still changes inside some dictionary word (覆 in 反覆, 沈 in 沈思) is dropped.
Run once when OpenCC or jieba changes: python tools/make_simplified_chars.py
"""

from pathlib import Path

import jieba
import opencc

t2s = opencc.OpenCC("t2s")
with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
    words = [line.split()[0] for line in f]
safe = {c for w in words for c in w if "\u3400" <= c <= "\u9fff" and t2s.convert(c) == c}
for word in words:
    if all(c in safe for c in word):
        converted = t2s.convert(word)
        if converted != word:
            # Drop the characters a phrase rule changed (the whole word's when its length changed).
            if len(converted) == len(word):
                safe -= {a for a, b in zip(word, converted, strict=True) if a != b}
            else:
                safe -= set(word)
chars = "".join(sorted(safe))
out = Path(__file__).resolve().parent.parent / "glossary" / "data" / "simplified_chars.txt"
out.write_text("\n".join(chars[i : i + 100] for i in range(0, len(chars), 100)) + "\n", encoding="utf-8")
print(f"{len(chars)} characters -> {out}")
