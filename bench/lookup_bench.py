"""Lookup and scan speed and quality on synthetic glossaries of 10k, 100k and 1M terms. Prints figures.

    python bench/lookup_bench.py [--sizes 10000,100000,1000000] [--queries 200]

For each size: in-process lookup latency (p50/p99 ms) for exact Chinese, pinyin and fuzzy English queries (one or
two typos), recall@10 against a brute-force rapidfuzz scan of every key (the brute-force best match is among our
first ten hits; ties count), how often the term a typo was made from is among them, and the brute-force time per
query beside ours (process.extract with ratio, the scorer we rank with, and with WRatio as issue 4 measured it).
Then `glossary lookup` wall time on the 100k database beside `python -c pass`, the imports it pays for, and scan
throughput on the d2l corpus with 100k terms. Issue 4's targets: p99 <= 10 ms at 100k and <= 50 ms at 1M with
recall@10 >= 0.95; CLI <= 150 ms; scan >= 10 MB/s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import synthetic
from rapidfuzz import fuzz, process

from glossary.normalize import en_key
from glossary.store import open_glossary

ALL = ("approved", "candidate", "rejected")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(text: str, rng: random.Random) -> str:
    """One or two keyboard slips (a letter dropped, doubled, swapped or wrong), never at the first letter."""
    chars = list(text)
    for _ in range(1 if len(text) < 10 else 2):
        letters = [i for i, c in enumerate(chars) if c.isalpha() and i > 0]
        i = rng.choice(letters)
        kind = rng.choice(["drop", "double", "swap", "wrong"])
        if kind == "drop":
            del chars[i]
        elif kind == "double":
            chars.insert(i, chars[i])
        elif kind == "swap" and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars[i] = rng.choice(LETTERS.replace(chars[i].lower(), ""))
    return "".join(chars)


def pinyin_forms(pinyin: str, key: str, rng: random.Random) -> str:
    """As a translator might type it: tone marks, spaced toneless, or run together."""
    return rng.choice([pinyin, pinyin.replace("ü", "v"), key])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_size(n: int, queries: int, brute_queries: int) -> None:
    path = synthetic.build(n)
    rng = random.Random(n)
    with open_glossary(path, create=False, readonly=True) as g:
        terms = g.query("SELECT zh, pinyin, pinyin_key FROM terms")
        english = [r[0] for r in g.query("SELECT key FROM english")]
        displays = [r[0] for r in g.query("SELECT display FROM english WHERE length(key) >= 6")]
        sample = rng.sample(terms, queries)
        kinds = {
            "exact Chinese": [(t["zh"], t["zh"], t["zh"]) for t in sample],
            "pinyin": [(pinyin_forms(t["pinyin"], t["pinyin_key"], rng), t["pinyin_key"], t["zh"]) for t in sample],
            "fuzzy English": [(q, en_key(q), en_key(d)) for d in rng.sample(displays, queries) for q in [typo(d, rng)]],
        }
        keys = {
            "exact Chinese": [t["zh"] for t in terms],
            "pinyin": [t["pinyin_key"] for t in terms],
            "fuzzy English": english,
        }
        print(f"\n{n:,} terms ({path.stat().st_size / 1e6:.0f} MB database)")
        print(
            f"  {'query kind':<14} {'p50 ms':>7} {'p99 ms':>7} {'recall@10':>9} {'target@10':>9}"
            f" {'brute ratio ms':>14} {'brute WRatio ms':>15}"
        )
        for kind, cases in kinds.items():
            g.lookup(cases[0][0], statuses=ALL)  # warm the page cache and the lazy imports
            times, hits = [], []
            for typed, _, _ in cases:
                started = time.perf_counter()
                found = g.lookup(typed, limit=10, statuses=ALL).hits
                times.append((time.perf_counter() - started) * 1000)
                hits.append(found)
            recalled = target = 0
            brute_times = []
            for (_, query_key, _), found in list(zip(cases, hits, strict=True))[:brute_queries]:
                started = time.perf_counter()
                best = process.extract(query_key, keys[kind], scorer=fuzz.ratio, limit=10)
                brute_times.append((time.perf_counter() - started) * 1000)
                top = best[0][1]
                best_keys = {k for k, s, _ in best if s == top}
                ours = _keys_of(g, kind, found)
                recalled += bool(best_keys & ours)
            for (_, _, wanted), found in zip(cases, hits, strict=True):
                ours_zh = {h.entry.zh for h in found}
                ours_en = {en_key(h.entry.en) for h in found}
                target += wanted in (ours_en if kind == "fuzzy English" else ours_zh)
            checked = min(brute_queries, len(cases))
            wratio_times = []
            for _, query_key, _ in cases[:5]:
                started = time.perf_counter()
                process.extract(query_key, keys[kind], scorer=fuzz.WRatio, limit=10)
                wratio_times.append((time.perf_counter() - started) * 1000)
            print(
                f"  {kind:<14} {percentile(times, 0.5):7.2f} {percentile(times, 0.99):7.2f}"
                f" {recalled / checked:9.3f} {target / len(cases):9.3f} {statistics.median(brute_times):14.1f}"
                f" {statistics.median(wratio_times):15.1f}"
            )


def _keys_of(g, kind: str, hits) -> set[str]:
    """The keys brute force compared, of our hits: Chinese, pinyin or English."""
    if kind == "fuzzy English":
        return {en_key(h.entry.en) for h in hits}
    zh = [h.entry.zh for h in hits]
    if kind == "exact Chinese" or not zh:
        return set(zh)
    rows = g.query(f"SELECT pinyin_key FROM terms WHERE zh IN ({','.join('?' * len(zh))})", zh)
    return {r[0] for r in rows}


# As after an install: bytecode cached (pip compiles it; this sandbox sets PYTHONDONTWRITEBYTECODE, which would
# make every run compile click and glossary afresh).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(argv: list[str], runs: int = 15) -> float:
    """Median wall time of a command, after one run to warm the page cache and write bytecode."""
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def bench_cli(n: int) -> None:
    path = synthetic.build(n)
    glossary = str(Path(sys.executable).parent / "glossary")
    print(f"\nglossary lookup wall time on the {n:,}-term database (median of 15 runs)")
    print(f"  {'python -c pass':<40} {wall([sys.executable, '-c', 'pass']):6.0f} ms")
    for query in ("卷积神经网络", "後訓練", "juan ji shen jing wang luo", "reinforcment learning", "xyzzy"):
        print(f"  {'glossary lookup ' + query:<40} {wall([glossary, 'lookup', '--db', str(path), query]):6.0f} ms")
    script = (
        "from glossary.cli import cli; import sys; "
        f"sys.argv = ['glossary', 'lookup', '--db', {str(path)!r}, 'reinforcment learning']; cli()"
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", script], capture_output=True, text=True, check=False, env=ENV
    )
    rows = []
    for line in result.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[1].isdigit() and not parts[2].startswith(" "):
            rows.append((int(parts[1]), parts[2]))
    top = sorted((r for r in rows if "." not in r[1] or r[1].startswith("glossary.")), reverse=True)[:8]
    print("  largest imports of a fuzzy English lookup (python -X importtime, cumulative):")
    for micros, name in top:
        print(f"    {name:<30} {micros / 1000:6.1f} ms")


def bench_scan(n: int) -> None:
    from glossary.ingest import read_document
    from glossary.scan import TermMatcher, count_terms

    path = synthetic.build(n)
    with open_glossary(path, create=False, readonly=True) as g:
        vocabulary, aliases = g.preferred_pairs(), g.term_aliases()
    documents = [(str(p), read_document(str(p)).text) for p in synthetic.corpus_files()]
    size = sum(len(text.encode("utf-8")) for _, text in documents)
    started = time.perf_counter()
    matcher = TermMatcher({**aliases, **{k: k for k in vocabulary}})
    built = time.perf_counter() - started
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        counted = count_terms(matcher, documents)
        best = min(best, time.perf_counter() - started)
    # For comparison: pyahocorasick as usually fed, the keys and the text as code points (every match, as scan
    # takes them).
    import ahocorasick

    plain = ahocorasick.Automaton()
    for key in vocabulary:
        plain.add_word(key.lower(), len(key))
    plain.make_automaton()
    started = time.perf_counter()
    whole = sum(1 for _, text in documents for _ in plain.iter(text.lower()))
    whole_time = time.perf_counter() - started
    sightings = sum(c[0] for c in counted.values())
    print(f"\nscan of the d2l corpus ({len(documents)} files, {size / 1e6:.1f} MB) with {len(vocabulary):,} terms")
    print(f"  automaton built in {built * 1000:.0f} ms")
    print(f"  glossary scan's matcher: {size / 1e6 / best:6.1f} MB/s ({len(counted):,} terms, {sightings:,} sightings)")
    print(f"  automaton over code points: {size / 1e6 / whole_time:6.1f} MB/s ({whole:,} overlapping matches)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--brute-queries", type=int, default=50, help="queries checked against brute force")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    for n in sizes:
        bench_size(n, args.queries, args.brute_queries)
    mid = 100_000 if 100_000 in sizes else sizes[0]
    bench_cli(mid)
    bench_scan(mid)


if __name__ == "__main__":
    main()
