"""Search and serving figures on a real corpus: index size, reindex time, query latency, server start and memory.

    python bench/search_bench.py                       # extracts ../shared/bench/d2l-zh into a temp database
    python bench/search_bench.py --db my.db            # an existing glossary (copied; the original is untouched)
    python bench/search_bench.py --scale 20000         # plus 20,000 made-up pairs, for a team-sized glossary

Prints figures; asserts nothing. Latencies are wall-clock on this machine: compare runs on the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.serve import make_datasette  # noqa: E402
from glossary.store import open_glossary, reindex_search  # noqa: E402

CORPUS = ROOT.parent / "shared" / "bench" / "d2l-zh"
FTS_SQL = (
    "SELECT t.zh FROM terms t WHERE t.rowid IN (SELECT rowid FROM terms_fts WHERE terms_fts MATCH ?) ORDER BY t.zh"
)


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):.2f} ms, p99 {p99:.2f} ms, n={len(ms)}"


def queries(g, rng: random.Random, n: int) -> dict[str, list[str]]:
    terms = [r[0] for r in g.query("SELECT zh FROM terms")]
    english = [w for (d,) in g.query("SELECT display FROM english") for w in d.lower().split() if len(w) >= 3]
    pinyin = [r[0] for r in g.query("SELECT pinyin_key FROM terms WHERE pinyin_key != ''")]
    two_chars = [t[i : i + 2] for t in terms for i in range(len(t) - 1)]
    return {
        "2-character Chinese": rng.sample(two_chars, min(n, len(two_chars))),
        "1-character Chinese": rng.sample([t[0] for t in terms], min(n, len(terms))),
        "English word": rng.sample(english, min(n, len(english))),
        "English prefix (3 letters)": [w[:3] for w in rng.sample(english, min(n, len(english)))],
        "pinyin run": rng.sample(pinyin, min(n, len(pinyin))),
    }


def add_synthetic(g, n: int, rng: random.Random) -> None:
    """n made-up pairs: 2-8 common characters, two or three English-looking words, some with an abbreviation."""
    chars = (ROOT / "glossary" / "data" / "common_chars.txt").read_text(encoding="utf-8").strip()
    syllables = ["ra", "ti", "mo", "del", "gra", "dient", "net", "work", "lay", "er", "ten", "sor", "vec", "lin"]
    with g.transaction():
        for _ in range(n):
            zh = "".join(rng.choice(chars[:2500]) for _ in range(rng.randint(2, 8)))
            words = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(2, 3))]
            abbr = "".join(w[0] for w in words).upper() if rng.random() < 0.2 else None
            g.add(zh, " ".join(words), abbr=abbr, status="candidate", origin="imported")


def sizes(g) -> dict[str, int]:
    page_size = g.query("PRAGMA page_size")[0][0]
    index_bytes = sum(
        g.query(f"SELECT coalesce(sum(length({column})), 0) FROM {table}")[0][0]
        for table, column in (("terms_fts_data", "block"), ("terms_fts_idx", "term"), ("terms_fts_docsize", "sz"))
    )
    return {
        "database": g.query("PRAGMA page_count")[0][0] * page_size,
        "terms.search text": g.query("SELECT coalesce(sum(length(CAST(search AS BLOB))), 0) FROM terms")[0][0],
        "terms_fts index": index_bytes,
    }


def serve_figures(db: Path) -> tuple[float, int]:
    """Seconds until `glossary serve` answers, and its resident memory after a few searches."""
    import urllib.request

    glossary = Path(sys.executable).with_name("glossary")
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(glossary), "serve", "--db", str(db), "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        url = line.split(" at ", 1)[1].split(" ", 1)[0]
        while True:
            try:
                urllib.request.urlopen(url + ".json", timeout=5).read()
                break
            except OSError:
                time.sleep(0.02)
        started = time.perf_counter() - start
        for q in ["模型", "训练", "reward", "moxing"]:
            urllib.request.urlopen(url + "/pairs.json?" + urlencode({"_search": q}), timeout=10).read()
        status = Path(f"/proc/{process.pid}/status").read_text()
        rss_kb = int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1])
        return started, rss_kb * 1024
    finally:
        process.terminate()
        process.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="an existing glossary database (copied first)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="documents to extract when no --db is given")
    parser.add_argument("--scale", type=int, default=0, help="add this many made-up pairs")
    parser.add_argument("-n", type=int, default=200, help="queries per kind")
    args = parser.parse_args()
    rng = random.Random(6)
    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        db = work / "glossary.db"
        if args.db:
            shutil.copy(args.db, db)
        else:
            glossary = Path(sys.executable).with_name("glossary")
            start = time.perf_counter()
            subprocess.run([str(glossary), "extract", "--db", str(db), str(args.corpus)], check=True)
            print(f"extracted {args.corpus} in {time.perf_counter() - start:.1f} s")
        with open_glossary(db) as g:
            if args.scale:
                start = time.perf_counter()
                add_synthetic(g, args.scale, rng)
                print(f"added {args.scale} made-up pairs in {time.perf_counter() - start:.1f} s")
            counts = {k: g.query(f"SELECT count(*) FROM {k}")[0][0] for k in ("documents", "terms", "pairs")}
            print("corpus:", ", ".join(f"{v} {k}" for k, v in counts.items()))
            tokens = g.query("SELECT sum(length(search) - length(replace(search, ' ', '')) + 1) FROM terms")[0][0]
            print(f"search tokens: {tokens} ({tokens / max(1, counts['terms']):.0f} per term)")
            for name, value in sizes(g).items():
                print(f"size of {name}: {value / 1024:.0f} KiB")

            with g.transaction():
                start = time.perf_counter()
                reindex_search(g.conn)
                g.execute("INSERT INTO terms_fts (terms_fts) VALUES ('rebuild')")
                print(f"reindex, as m004_search_fts does on upgrade: {time.perf_counter() - start:.2f} s")

            print("FTS query, as Datasette's search box runs it:")
            for kind, qs in queries(g, rng, args.n).items():
                timings, hits = [], 0
                for q in qs:
                    start = time.perf_counter()
                    hits += len(g.query(FTS_SQL, ['"' + q.replace('"', '""') + '"']))
                    timings.append(time.perf_counter() - start)
                print(f"  {kind:28} {percentiles(timings)}, {hits / max(1, len(qs)):.1f} terms per query")
            sample = queries(g, rng, args.n)

        ds = make_datasette(db)
        loop = asyncio.new_event_loop()
        print("Datasette in-process (HTTP stack included):")
        for label, path, key in [
            ("pairs search box", "/glossary/pairs.json", "_search"),
            ("canned query: search", "/glossary/search.json", "q"),
        ]:
            timings = []
            for q in sample["2-character Chinese"][:100] + sample["English word"][:100]:
                url = path + "?" + urlencode({key: q, "_shape": "array"})
                start = time.perf_counter()
                response = loop.run_until_complete(ds.client.get(url))
                timings.append(time.perf_counter() - start)
                assert response.status_code == 200, response.text
            print(f"  {label:28} {percentiles(timings)}")
        loop.close()

        started, rss = serve_figures(db)
        print(f"glossary serve: answers {started:.2f} s after start; resident memory {rss / 2**20:.0f} MiB")
        print(f"sidecar files after serving: {sorted(p.name for p in work.iterdir() if '-' in p.name) or 'none'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
