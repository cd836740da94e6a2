"""Which index should give fuzzy English lookup its candidates? Three options, measured on the same typos.

    python bench/lookup_index_options.py [--sizes 100000,1000000] [--queries 200]

- gram postings (what glossary uses): trigrams of english.key in lookup_grams, ordered by key length; the query's
  rarest trigrams vote, within the lengths a match can have (Glossary._gram_candidates);
- FTS5 trigram: the keys in an FTS5 table with the trigram tokenizer, queried with an OR of the query's trigrams,
  best bm25 rank first;
- deletion neighbourhood (SymSpell, distance 1): every key and each key with one letter deleted; the query's own
  deletions are looked up. Finds keys one edit (or one swap) away, and nothing further.

For each: build time and rows, candidate-stage p50/p99 in ms, candidates returned, and recall (the key the typo
was made from is among the candidates). Candidates are then ranked by rapidfuzz in every case, so recall here
bounds the lookup's.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import synthetic
from lookup_bench import percentile, typo

from glossary.lookup import EN_FIELD, grams
from glossary.normalize import en_key
from glossary.store import open_glossary


def deletions(key: str) -> set[str]:
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


def build_fts(keys: dict[int, str]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(key, tokenize='trigram')")
    conn.executemany("INSERT INTO f (rowid, key) VALUES (?, ?)", keys.items())
    return conn


def query_fts(conn: sqlite3.Connection, key: str) -> set[int]:
    trigrams = dict.fromkeys(grams(key, EN_FIELD))
    if not trigrams:
        return set()
    match = " OR ".join('"' + t.replace('"', '""') + '"' for t in trigrams)
    return {r[0] for r in conn.execute("SELECT rowid FROM f WHERE f MATCH ? ORDER BY rank LIMIT 200", [match])}


def build_deletions(keys: dict[int, str]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE d (variant TEXT, id INTEGER, PRIMARY KEY (variant, id)) WITHOUT ROWID")
    conn.executemany(
        "INSERT OR IGNORE INTO d VALUES (?, ?)", ((v, i) for i, key in keys.items() for v in deletions(key))
    )
    return conn


def query_deletions(conn: sqlite3.Connection, key: str) -> set[int]:
    variants = sorted(deletions(key))
    sql = f"SELECT DISTINCT id FROM d WHERE variant IN ({','.join('?' * len(variants))})"
    return {r[0] for r in conn.execute(sql, variants)}


def measure(label: str, search, cases: list[tuple[str, int]], built: float, rows: int) -> None:
    times, found, sizes = [], 0, []
    for key, wanted in cases:
        started = time.perf_counter()
        candidates = search(key)
        times.append((time.perf_counter() - started) * 1000)
        found += wanted in candidates
        sizes.append(len(candidates))
    print(
        f"  {label:<24} {built:8.1f} {rows:>12,} {percentile(times, 0.5):8.2f} {percentile(times, 0.99):8.2f}"
        f" {sum(sizes) / len(sizes):11.0f} {found / len(cases):7.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        rng = random.Random(n)
        with open_glossary(synthetic.build(n), create=False, readonly=True) as g:
            keys = {r[0]: r[1] for r in g.query("SELECT id, key FROM english")}
            displays = g.query("SELECT id, display FROM english WHERE length(key) >= 6")
            cases = [(en_key(typo(d, rng)), i) for i, d in rng.sample(displays, args.queries)]
            cases = [(key, i) for key, i in cases if key != keys[i]]
            postings = g.execute("SELECT count(*) FROM lookup_grams WHERE field = 2").fetchone()[0]
            print(f"\n{n:,} English keys, {len(cases)} queries with one or two typos")
            print(
                f"  {'index':<24} {'build s':>8} {'rows':>12} {'p50 ms':>8} {'p99 ms':>8} {'candidates':>11}"
                f" {'recall':>7}"
            )
            measure("gram postings", lambda k: g._gram_candidates(EN_FIELD, k), cases, 0.0, postings)
            started = time.perf_counter()
            fts = build_fts(keys)
            measure("FTS5 trigram, OR", partial(query_fts, fts), cases, time.perf_counter() - started, len(keys))
            fts.close()
            started = time.perf_counter()
            neighbourhood = build_deletions(keys)
            rows = neighbourhood.execute("SELECT count(*) FROM d").fetchone()[0]
            measure(
                "deletion neighbourhood",
                partial(query_deletions, neighbourhood),
                cases,
                time.perf_counter() - started,
                rows,
            )
            neighbourhood.close()
    print("\n(gram postings are built by the store's triggers as pairs are added: no separate build time.)")


if __name__ == "__main__":
    main()
