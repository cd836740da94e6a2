"""Extraction runs over real files: idempotence, replacement, bad input, stdin, workers, kills, concurrent readers."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

from .conftest import SEEDS, venv_bin

GLOSSED = "本节介绍扩散模型(diffusion model)。\n"


def dump(db_path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_same_files_twice_change_nothing(run, seeds, db_path):
    assert run("extract", str(seeds)).exit_code == 0
    first = dump(db_path)
    result = run("extract", str(seeds))
    assert result.exit_code == 0
    assert "0 documents extracted, 3 unchanged" in result.output
    assert dump(db_path) == first


def test_a_document_added_later_reads_abbreviations_as_the_glossary_defines_them(run, tmp_path):
    """卷积神经网络（CNN） alone is the pair the document already in the glossary defines CNN for, as it is when both
    documents are extracted together: not a second pair whose English is CNN."""
    a, b, c = tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"
    a.write_text("卷积神经网络（convolutional neural network，CNN）是一种神经网络。\n", encoding="utf-8")
    b.write_text("我们训练了一个卷积神经网络（CNN）来识别图像。\n", encoding="utf-8")
    # ... and lends no abbreviation that the documents together would not (卷积网络 is no CNN of its own)
    c.write_text("也有人叫它卷积网络（convolutional neural network）。\n", encoding="utf-8")
    exports = []
    for runs in ([[a, b, c]], [[a], [b], [c]]):
        db = tmp_path / f"{len(runs)}.db"
        for paths in runs:
            assert run("extract", "--db", str(db), *map(str, paths), db=False).exit_code == 0
        lines = run("export", "--db", str(db), "--all", "--format", "jsonl", db=False).output.splitlines()
        exports.append([(e["zh"], e["en"], e["abbr"], e["count"]) for e in map(json.loads, lines)])
    together, one_by_one = exports
    assert one_by_one == together
    assert ("卷积神经网络", "convolutional neural network", "CNN", 2) in together


def test_terms_pasted_with_invisible_characters_are_extracted_whole(run, tmp_path, glossary):
    path = tmp_path / "pasted.md"
    path.write_text("我们使用大\u200b语言模型\u00a0(large\u00a0language model)，以及预训练（pre\u00adtraining）。\n")
    assert run("extract", str(path)).exit_code == 0
    pairs = {(e.zh, e.en) for e in glossary.entries()}
    assert pairs == {("大语言模型", "large language model"), ("预训练", "pretraining")}


def test_the_summary_counts_each_pair_of_the_run_once(run, tmp_path, glossary):
    """Documents share pairs: two files glossing one term are one pair, as stats says, not one per file."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("张量（tensor）是多维数组。\n", encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert "2 occurrences of 1 pair (1 new)" in result.output
    assert glossary.stats()["pairs"] == 1


def test_changed_file_replaces_its_evidence(run, tmp_path, glossary):
    path = tmp_path / "a.txt"
    path.write_text(GLOSSED, encoding="utf-8")
    run("extract", str(path))
    path.write_text("我们训练奖励模型(reward model)。\n", encoding="utf-8")
    run("extract", str(path))
    assert {(e.zh, e.en) for e in glossary.entries(origins=["extracted"])} == {("奖励模型", "reward model")}
    assert glossary.stats()["documents"] == 1


def test_bad_files_are_skipped_with_one_line_each_and_the_rest_goes_on(run, tmp_path, glossary):
    good = tmp_path / "good.txt"
    good.write_text(GLOSSED, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("我们训练奖励模型(reward model)。\n".encode("gbk"))
    result = run(
        "extract",
        str(tmp_path / "empty.txt"),
        str(tmp_path / "image.txt"),
        str(good),
        str(gbk),
        str(tmp_path / "missing.txt"),
    )
    assert result.exit_code == 1
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped: ")]
    assert skipped == [
        f"skipped: {tmp_path / 'empty.txt'}: empty",
        f"skipped: {tmp_path / 'image.txt'}: binary file, not text",
        f"skipped: {tmp_path / 'missing.txt'}: no such file",
    ]
    assert "Traceback" not in result.output
    assert {(e.zh, e.en) for e in glossary.entries(origins=["extracted"])} == {
        ("扩散模型", "diffusion model"),
        ("奖励模型", "reward model"),
    }
    encodings = {s.path.rsplit("/", 1)[1]: s.encoding for s in glossary.sources()}
    assert encodings == {"good.txt": "utf-8", "gbk.txt": "gb18030"}


def test_a_mistyped_path_creates_no_glossary(run, db_path, tmp_path):
    (tmp_path / "link.md").symlink_to(tmp_path / "moved.md")  # (a link to nothing is no file either)
    result = run("extract", str(tmp_path / "artcle.md"), str(tmp_path / "link.md"), "")
    assert result.exit_code == 1
    assert result.output == f"Error: no such file or directory: {tmp_path / 'artcle.md'}, {tmp_path / 'link.md'}, ''\n"
    assert not db_path.exists()


def test_stdin_is_a_document(run, glossary):
    result = run("extract", "-", input=GLOSSED.encode("gbk"))
    assert result.exit_code == 0, result.output
    (source,) = glossary.sources()
    assert source.path.startswith("stdin:") and source.encoding == "gb18030"
    assert run("extract", "-", input=GLOSSED).output.startswith("0 documents extracted, 1 unchanged")


def test_a_document_posted_twice_is_no_more_evidence_than_once(run, tmp_path):
    # A repeated phrase (借助回译) looks like a unit once the same text is counted twice.
    text = "我们借助回译（back-translation）扩充数据。\n"
    once, twice = tmp_path / "once", tmp_path / "twice"
    for folder, copies in ((once, 1), (twice, 2)):
        folder.mkdir()
        for k in range(copies):
            (folder / f"{k}.md").write_text(text, encoding="utf-8")
    exported = []
    for folder in (once, twice):
        db = tmp_path / f"{folder.name}.db"
        run("extract", "--db", str(db), str(folder))
        exported.append(
            {line.split(",")[0] for line in run("export", "--db", str(db), "--format", "csv").output.splitlines()[1:]}
        )
    assert exported[0] == exported[1] == {"回译"}


def test_workers_give_the_same_glossary(run, seeds, tmp_path):
    from click.testing import CliRunner

    from glossary.cli import cli

    one, two = tmp_path / "one.db", tmp_path / "two.db"
    CliRunner().invoke(cli, ["extract", "--db", str(one), str(seeds)], catch_exceptions=False)
    CliRunner().invoke(cli, ["extract", "--db", str(two), "--jobs", "2", str(seeds)], catch_exceptions=False)
    query = (
        "SELECT t.zh, t.pinyin, t.pinyin_key, t.initials, t.search, e.key, p.count, p.confidence "
        "FROM pairs p JOIN terms t ON t.id = p.term_id "
        "JOIN english e ON e.id = p.english_id ORDER BY 1, 2"
    )
    assert sqlite3.connect(one).execute(query).fetchall() == sqlite3.connect(two).execute(query).fetchall()


@pytest.fixture
def big_corpus(tmp_path):
    """Enough documents that an extraction takes a few seconds: each seed article with a unique glossed line."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(240):
        (corpus / f"doc{i:03}.txt").write_text(texts[i % 3] + f"\n第{i}号样本(sample number {i})。\n", encoding="utf-8")
    return corpus


def _extract_process(db_path, corpus) -> subprocess.Popen:
    return subprocess.Popen(
        [venv_bin("glossary"), "extract", "--db", str(db_path), str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _documents(db_path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def _wait_for_documents(db_path, n: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while _documents(db_path) < n:
        assert proc.poll() is None, "extraction finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)


def _occurrences_by_document(db_path) -> dict[str, int]:
    conn = sqlite3.connect(db_path)
    rows = conn.execute(
        "SELECT d.path, count(o.id) FROM documents d LEFT JOIN occurrences o ON o.document_id = d.id GROUP BY d.id"
    ).fetchall()
    conn.close()
    return dict(rows)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_mid_run_says_what_was_kept_and_exits_130(tmp_path, big_corpus, jobs):
    stopped = tmp_path / "stopped.db"
    proc = subprocess.Popen(
        [venv_bin("glossary"), "extract", "--jobs", jobs, "--db", str(stopped), str(big_corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    _wait_for_documents(stopped, 1, proc)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the workers too (no traceback of theirs)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr.strip() == (
        "Interrupted: the documents stored so far are whole, the others untouched; run it again for the rest."
    )
    conn = sqlite3.connect(stopped)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_sigkill_mid_run_leaves_whole_documents_only(tmp_path, big_corpus):
    killed = tmp_path / "killed.db"
    proc = _extract_process(killed, big_corpus)
    _wait_for_documents(killed, 3, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(killed)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    partial = _occurrences_by_document(killed)
    assert 3 <= len(partial) < 240

    complete = tmp_path / "complete.db"
    subprocess.run(
        [venv_bin("glossary"), "extract", "--db", str(complete), str(big_corpus)],
        check=True,
        capture_output=True,
    )
    full = _occurrences_by_document(complete)
    assert {path: full[path] for path in partial} == partial  # every stored document is whole

    # running again finishes the job
    subprocess.run(
        [venv_bin("glossary"), "extract", "--db", str(killed), str(big_corpus)],
        check=True,
        capture_output=True,
    )
    assert _occurrences_by_document(killed) == full


def test_lookup_works_while_an_extraction_writes(tmp_path, big_corpus):
    db_path = tmp_path / "busy.db"
    subprocess.run(
        [venv_bin("glossary"), "add", "--db", str(db_path), "后训练", "post-training"],
        check=True,
        capture_output=True,
    )
    proc = _extract_process(db_path, big_corpus)
    try:
        _wait_for_documents(db_path, 2, proc)
        looked_up = 0
        while proc.poll() is None and looked_up < 5:
            result = subprocess.run(
                [venv_bin("glossary"), "lookup", "--db", str(db_path), "后训练", "--json"],
                capture_output=True,
                text=True,
                env={**os.environ, "GLOSSARY_BUSY_TIMEOUT": "2"},
            )
            assert result.returncode == 0, result.stderr
            assert json.loads(result.stdout)[0]["en"] == "post-training"
            looked_up += 1
        assert looked_up >= 2, "the extraction ended before lookups could overlap it"
    finally:
        proc.kill()
        proc.wait()
