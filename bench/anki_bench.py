#!/usr/bin/env python3
"""Anki export of a large glossary: build a synthetic glossary of N terms, export it, print time and size.

    python bench/anki_bench.py [--terms 100000] [--keep DIR]

The glossary is built through the store as extraction builds it (documents, evidence sentences, pinyin), from
AI/ML vocabulary combined into terms such as 稀疏注意力机制 / sparse attention mechanism, so notes have the
fields, tags and example sentences of a real deck. Figures: time to build (not the point), time to read the
entries, time to write the .apkg, then the whole `glossary export --format anki` command in a process of its own
(wall time and peak memory), and the deck's size.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from glossary.export.anki import write_anki
from glossary.model import Candidate, Document
from glossary.store import open_glossary

MODIFIERS = [
    ("稀疏", "sparse"), ("稠密", "dense"), ("自适应", "adaptive"), ("分布式", "distributed"),
    ("多模态", "multimodal"), ("因果", "causal"), ("双向", "bidirectional"), ("残差", "residual"),
    ("层次化", "hierarchical"), ("对比", "contrastive"), ("生成式", "generative"), ("判别式", "discriminative"),
    ("无监督", "unsupervised"), ("自监督", "self-supervised"), ("半监督", "semi-supervised"), ("增量", "incremental"),
    ("量化", "quantized"), ("低秩", "low-rank"), ("局部", "local"), ("全局", "global"), ("随机", "stochastic"),
    ("动态", "dynamic"), ("静态", "static"), ("条件", "conditional"), ("递归", "recursive"), ("并行", "parallel"),
    ("在线", "online"), ("离线", "offline"), ("联邦", "federated"), ("鲁棒", "robust"), ("可解释", "interpretable"),
    ("端到端", "end-to-end"), ("多头", "multi-head"), ("跨模态", "cross-modal"), ("零样本", "zero-shot"),
    ("少样本", "few-shot"), ("长上下文", "long-context"), ("视觉", "visual"), ("语音", "speech"), ("混合", "hybrid"),
]  # fmt: skip
CORES = [
    ("注意力", "attention"), ("卷积", "convolution"), ("梯度", "gradient"), ("嵌入", "embedding"),
    ("编码器", "encoder"), ("解码器", "decoder"), ("损失", "loss"), ("正则化", "regularization"),
    ("归一化", "normalization"), ("采样", "sampling"), ("检索", "retrieval"), ("蒸馏", "distillation"),
    ("剪枝", "pruning"), ("对齐", "alignment"), ("推理", "inference"), ("微调", "fine-tuning"),
    ("预训练", "pre-training"), ("优化", "optimization"), ("表示", "representation"), ("聚类", "clustering"),
    ("分类", "classification"), ("回归", "regression"), ("生成", "generation"), ("池化", "pooling"),
    ("激活", "activation"), ("记忆", "memory"), ("路由", "routing"), ("搜索", "search"), ("规划", "planning"),
    ("奖励", "reward"), ("策略", "policy"), ("价值", "value"), ("特征", "feature"), ("位置编码", "positional encoding"),
    ("知识", "knowledge"), ("语言", "language"), ("图像", "image"), ("图", "graph"), ("序列", "sequence"),
    ("专家", "expert"),
]  # fmt: skip
HEADS = [
    ("机制", "mechanism"), ("模型", "model"), ("网络", "network"), ("方法", "method"), ("算法", "algorithm"),
    ("框架", "framework"), ("函数", "function"), ("层", "layer"), ("模块", "module"), ("矩阵", "matrix"),
    ("向量", "vector"), ("空间", "space"), ("阶段", "stage"), ("任务", "task"), ("数据集", "dataset"),
    ("基准", "benchmark"), ("误差", "error"), ("缓存", "cache"), ("系统", "system"), ("架构", "architecture"),
    ("范式", "paradigm"), ("目标", "objective"), ("分布", "distribution"), ("管道", "pipeline"), ("评估", "evaluation"),
]  # fmt: skip
SENTENCES = [
    "本节介绍{zh}({en})的基本原理与实现细节。",
    "与传统方法相比,{zh}({en})在长文本上的效果更好。",
    "我们在实验中使用了{zh}({en}),并报告了三次运行的平均值。",
    "所谓{zh}({en}),是指一类以数据驱动为核心的技术。",
]
TERMS_PER_DOCUMENT = 200


def synthetic_terms(n: int, seed: int = 5) -> list[tuple[str, str, str | None]]:
    """n distinct (zh, en, abbr) terms: modifier + core + head, then two modifiers when those run out."""
    two_modifiers = (
        (m1, (m2[0] + c[0], f"{m2[1]} {c[1]}"), h)
        for m1, m2, c, h in itertools.product(MODIFIERS, MODIFIERS, CORES, HEADS)
        if m1 != m2
    )
    combos = itertools.chain(itertools.product(MODIFIERS, CORES, HEADS), two_modifiers)
    terms = []
    rng = random.Random(seed)
    for (mz, me), (cz, ce), (hz, he) in itertools.islice(combos, n):
        en = f"{me} {ce} {he}"
        abbr = "".join(w[0] for w in en.replace("-", " ").split()).upper() if rng.random() < 0.1 else None
        terms.append((mz + cz + hz, en, abbr))
    if len(terms) < n:
        sys.exit(f"the vocabulary makes at most {len(terms)} terms")
    rng.shuffle(terms)
    return terms


def build(path: Path, n: int) -> None:
    rng = random.Random(7)
    terms = synthetic_terms(n)
    with open_glossary(path) as glossary:
        for start in range(0, n, TERMS_PER_DOCUMENT):
            text, candidates = "", []
            for zh, en, abbr in terms[start : start + TERMS_PER_DOCUMENT]:
                sentence = rng.choice(SENTENCES).format(zh=zh, en=en)
                at = len(text)
                zh_at, en_at = at + sentence.index(zh), at + sentence.index(en)
                line = text.count("\n") + 1
                candidates.append(
                    Candidate(zh, en, zh_at, zh_at + len(zh), en_at, en_at + len(en), line, sentence, "zh(en)",
                              round(rng.uniform(0.55, 0.98), 2), abbr=abbr)
                )  # fmt: skip
                text += sentence + "\n"
            digest = hashlib.sha256(text.encode()).hexdigest()
            document = Document(f"/corpus/chapter-{start // TERMS_PER_DOCUMENT:04d}.md", text, digest, "utf-8", "md")
            glossary.replace_document(document, candidates, "bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=100_000, help="terms in the synthetic glossary")
    parser.add_argument("--keep", type=Path, help="keep the database and deck in this directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db, deck = folder / "anki-bench.db", folder / "anki-bench.apkg"
        db.unlink(missing_ok=True)

        started = time.perf_counter()
        build(db, args.terms)
        built = time.perf_counter() - started

        with open_glossary(db, create=False, readonly=True) as glossary:
            started = time.perf_counter()
            entries = list(glossary.entries(statuses=("approved", "candidate")))
            read = time.perf_counter() - started
        notes = len({e.term_id for e in entries})
        started = time.perf_counter()
        with open(deck, "wb") as dest:
            pairs = write_anki(entries, dest)
        written = time.perf_counter() - started
        del entries

        # What a user waits for, and the memory it takes: the command itself, in a process of its own.
        command = [sys.executable, "-m", "glossary", "export", "--db", str(db), "--format", "anki", "-o", str(deck)]
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        cli = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        size = deck.stat().st_size
        with zipfile.ZipFile(deck) as archive:
            unpacked = archive.getinfo("collection.anki2").file_size

        print(f"terms: {args.terms}  notes: {notes}  pairs exported: {pairs}")
        print(f"build glossary: {built:.1f} s")
        print(f"read entries: {read:.2f} s")
        print(f"write deck: {written:.2f} s ({notes / written:,.0f} notes/s)")
        print(f"glossary export --format anki: {cli:.2f} s, peak memory {peak:.0f} MB")
        print(f"deck size: {size / 1e6:.1f} MB ({size / notes:.0f} bytes/note; collection {unpacked / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
