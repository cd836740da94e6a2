"""Synthetic glossaries of realistic terms, for the lookup and scan benchmarks.

Real terms come first: the pairs d2l-zh marks as *中文*（English） (read from ../shared/bench/d2l-zh, never
copied into the project). The rest are compounds as technical glossaries have them: one to three nouns of
jieba's dictionary (the Chinese) beside one to four words of the book's glosses (the English), some with an
abbreviation; three nouns in five are ones the book uses. Statuses and confidences vary. Databases are built
once through the store's own code (Glossary.import_pairs, one transaction per 50,000 pairs) and kept in bench/out/
for the next run.
"""

from __future__ import annotations

import random
import re
import sys
import time
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "bench" / "d2l-zh"
OUT = ROOT / "bench" / "out"
VERSION = 2  # bump when the generator changes: cached databases are rebuilt

_MARKED = re.compile(r"(?<!\*)\*(?!\*)([^*\n]{1,40}?)\*\s*[（(]\s*([A-Za-z][^（）()\n]{0,100}?)\s*[)）]")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")


def corpus_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.md"))
    if not files:
        sys.exit(f"no benchmark corpus at {CORPUS} (see ../shared/bench/README.md)")
    return files


def real_pairs() -> list[tuple[str, str]]:
    pairs: dict[str, str] = {}
    for path in corpus_files():
        for zh, en in _MARKED.findall(path.read_text(encoding="utf-8")):
            zh = zh.strip()
            if re.search("[\u4e00-\u9fff]", zh):
                pairs.setdefault(zh, en.strip())
    return sorted(pairs.items())


def _nouns() -> tuple[list[str], list[str]]:
    """jieba's dictionary nouns: those the book uses (technical ones, mostly), and the others."""
    text = "".join(p.read_text(encoding="utf-8") for p in corpus_files())
    spec = find_spec("jieba")
    assert spec and spec.origin
    nouns = []
    with open(Path(spec.origin).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            if tag in ("n", "vn", "nz") and int(freq) >= 20 and _CJK_WORD.fullmatch(word):
                nouns.append(word)
    used = [w for w in nouns if w in text]
    return used, [w for w in nouns if w not in text]


def generate(n: int, seed: int = 42) -> list[tuple[str, str, str | None, str, float]]:
    """n pairs (zh, en, abbr, status, confidence), unique in Chinese and in English."""
    rng = random.Random(seed)
    real = real_pairs()
    words = sorted({w.lower() for _, en in real for w in re.findall(r"[A-Za-z]{2,}", en)})
    used, other = _nouns()
    out: list[tuple[str, str, str | None, str, float]] = []
    seen_zh: set[str] = set()
    seen_en: set[str] = set()

    def keep(zh: str, en: str, abbr: str | None) -> None:
        key = en.lower().replace("-", "").replace(" ", "")
        if zh in seen_zh or key in seen_en:
            return
        seen_zh.add(zh)
        seen_en.add(key)
        status = rng.choices(["approved", "candidate", "rejected"], [0.2, 0.75, 0.05])[0]
        out.append((zh, en, abbr, status, round(rng.uniform(0.3, 1.0), 2)))

    for zh, en in real[:n]:
        keep(zh, en, None)
    while len(out) < n:
        parts = rng.choices([1, 2, 3], [0.2, 0.55, 0.25])[0]
        zh = "".join(rng.choice(used if rng.random() < 0.6 else other) for _ in range(parts))
        en_words = [rng.choice(words) for _ in range(rng.choices([1, 2, 3, 4], [0.15, 0.45, 0.3, 0.1])[0])]
        abbr = "".join(w[0] for w in en_words).upper() if len(en_words) > 1 and rng.random() < 0.1 else None
        keep(zh, " ".join(en_words), abbr)
    return out


def build(n: int) -> Path:
    """A glossary database of n synthetic pairs, built once and cached in bench/out/."""
    sys.path.insert(0, str(ROOT))
    from glossary.model import ImportedPair
    from glossary.store import SCHEMA_VERSION, open_glossary

    path = OUT / f"lookup-{n}-v{VERSION}-s{SCHEMA_VERSION}.db"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    pairs = generate(n)
    started = time.perf_counter()
    with open_glossary(partial) as g:
        for i in range(0, len(pairs), 50000):
            g.import_pairs(
                (
                    ImportedPair(zh, en, abbr, status=status, confidence=c)
                    for zh, en, abbr, status, c in pairs[i : i + 50000]
                ),
                source="synthetic",
            )
            print(f"  built {min(i + 50000, n):,} of {n:,} pairs", file=sys.stderr, end="\r")
        g.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    print(f"  built {path.name} in {time.perf_counter() - started:.0f} s{' ' * 20}", file=sys.stderr)
    return path
