"""Write glossary/data/t2s_changes.txt: what OpenCC's t2s may change, so that text without it is known to be
simplified already (normalize.may_be_traditional): most text is, and then OpenCC is neither loaded nor run.

From the dictionaries t2s reads (opencc's t2s.json), every key that t2s converts to something else: a character
(發), or a phrase none of whose characters t2s changes alone (反覆 -> 反复, 打坏 -> 打坯). The file holds the
characters, then a blank line, then those phrases, each with the characters t2s changes in it (all of them where
the conversion changes the length); a phrase holding a listed character needs no line, since it cannot occur
where the character does not. A text holding none of the characters, and none of the phrases, matches no key
that changes it.

Run when OpenCC changes: python tools/make_t2s_changes.py (tests/test_normalize.py checks the file against the
OpenCC installed).
"""

from __future__ import annotations

import json
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "glossary" / "data" / "t2s_changes.txt"
_HEADER = b"OPENCC_MARISA_0.2.5"  # an .ocd2 file: this header, a marisa trie of the keys, then the values


def t2s_changes() -> str:
    import marisa_trie
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    files = [step["dict"]["file"] for step in config["normalization"]]
    for step in config["conversion_chain"]:
        group = step["dict"]
        files += [d["file"] for d in group.get("dicts", [group])]
    t2s = opencc.OpenCC("t2s")
    changed: list[str] = []
    for name in files:
        data = (share / name).read_bytes()
        if not data.startswith(_HEADER):
            raise SystemExit(f"{name}: not an OpenCC {_HEADER.decode()} dictionary")
        trie = marisa_trie.Trie()
        trie.frombytes(data[len(_HEADER) :])
        changed += ((key, value) for key in trie.iterkeys() if (value := t2s.convert(key)) != key)
    chars = "".join(sorted({key for key, _ in changed if len(key) == 1}))
    phrases = []
    for key, value in sorted(set(changed)):
        if len(key) > 1 and not any(c in chars for c in key):
            differ = key if len(value) != len(key) else "".join(a for a, b in zip(key, value, strict=True) if a != b)
            phrases.append(f"{key} {differ}")
    lines = [chars[i : i + 100] for i in range(0, len(chars), 100)]
    return "\n".join([*lines, "", *phrases]) + "\n"


if __name__ == "__main__":
    TARGET.write_text(t2s_changes(), encoding="utf-8")
    print(f"-> {TARGET}")
