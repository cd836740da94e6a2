"""Exchange benchmark: export and import speed, and import memory, per format, on a synthetic glossary.

    python bench/exchange_bench.py [--pairs 20000]

Builds a glossary of N pairs (Chinese terms of 2-6 common characters, English of 1-3 words, some with an
abbreviation, a note with quotes/tabs/emoji and tags; a tenth of the terms with a second English form), then
for every exchange format prints the file size, export pairs/s, import pairs/s into a fresh database (one
transaction) and the peak Python memory the import allocated (tracemalloc, measured in a second, untimed
run). Finally times the import of the real d2l-zh term list when ../shared/bench is beside the clone.
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
import tracemalloc
from importlib import resources
from pathlib import Path

from glossary.exchange import read_pairs
from glossary.export import export
from glossary.model import ImportedPair
from glossary.store import open_glossary

FORMATS = [("csv", "csv"), ("tsv", "tsv"), ("tbx", "tbx"), ("tbx2", "tbx"), ("omegat", "omegat")]
# The project's list of common characters (frequency order): plausible terms, as the store will see them.
COMMON = (
    resources.files("glossary").joinpath("data/common_chars.txt").read_text(encoding="utf-8").replace("\n", "")[:1500]
)
WORDS = (
    "model training learning network attention layer gradient token vector embedding optimizer loss batch "
    "sample feature kernel pooling residual normalization dropout agent policy reward value sequence encoder "
    "decoder transformer diffusion inference alignment preference instruction retrieval memory context"
).split()
NOTES = ['常用"译法"', "见\t第3章", "😀 新词", "客户要求：不译", None, None, None]


def synthetic(n: int, seed: int = 7) -> list[ImportedPair]:
    rng = random.Random(seed)
    pairs: list[ImportedPair] = []
    seen: set[str] = set()
    while len(pairs) < n:
        zh = "".join(rng.choice(COMMON) for _ in range(rng.randint(2, 6)))
        if zh in seen:
            continue
        seen.add(zh)
        for variant in range(2 if rng.random() < 0.1 else 1):
            words = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))] + [f"x{len(pairs)}"] * variant
            en = " ".join(words)
            abbr = "".join(w[0] for w in words).upper() if len(words) > 1 and rng.random() < 0.3 else None
            pairs.append(
                ImportedPair(
                    zh=zh,
                    en=en,
                    abbr=abbr,
                    note=rng.choice(NOTES),
                    status=rng.choice(["approved", "candidate", "candidate", "rejected"]),
                    tags=("bench",) if rng.random() < 0.2 else (),
                )
            )
    return pairs[:n]


def timed_import(path: Path, fmt: str, db: Path) -> tuple[float, int]:
    with open_glossary(db) as g:
        start = time.perf_counter()
        report = g.import_pairs(read_pairs(str(path), fmt), source=str(path))
        return time.perf_counter() - start, report.read


def peak_import_memory(path: Path, fmt: str, db: Path) -> int:
    with open_glossary(db) as g:
        tracemalloc.start()
        g.import_pairs(read_pairs(str(path), fmt), source=str(path))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with open_glossary(work / "source.db") as source:
            start = time.perf_counter()
            source.import_pairs(synthetic(args.pairs), source="synthetic")
            built = time.perf_counter() - start
            entries = list(source.entries())
        print(f"glossary: {len(entries)} pairs, built through import_pairs in {built:.2f} s")
        print(f"{'format':8} {'size MB':>8} {'export pairs/s':>15} {'import pairs/s':>15} {'import peak MB':>15}")
        for fmt, reader in FORMATS:
            buffer = io.BytesIO()
            start = time.perf_counter()
            written = export(fmt, entries, buffer)
            export_s = time.perf_counter() - start
            path = work / f"glossary.{fmt}"
            path.write_bytes(buffer.getvalue())
            import_s, read = timed_import(path, reader, work / f"{fmt}.db")
            assert read == written, (fmt, read, written)
            peak = peak_import_memory(path, reader, work / f"{fmt}-mem.db")
            print(
                f"{fmt:8} {path.stat().st_size / 1e6:8.2f} {written / export_s:15,.0f} {read / import_s:15,.0f} "
                f"{peak / 1e6:15.1f}"
            )
        d2l = Path(__file__).resolve().parents[2] / "shared" / "bench" / "d2l-zh-TERMINOLOGY.md"
        if d2l.exists():
            seconds, read = timed_import(d2l, "list", work / "d2l.db")
            print(f"d2l-zh TERMINOLOGY.md: {read} pairs imported in {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
