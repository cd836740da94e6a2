"""The command line: what users see, exit codes, and error messages for bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
import subprocess
import threading

import pytest

from glossary.store import open_glossary

from .conftest import venv_bin, write_locked

GLOSSED = "本节介绍扩散模型(diffusion model)。\n"


def write(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_path_follows_option_then_environment_then_default(run, monkeypatch, tmp_path):
    assert run("path", db=False).output.strip() == str(tmp_path.joinpath("db/glossary.db").relative_to(tmp_path))
    monkeypatch.setenv("GLOSSARY_DB", "/tmp/elsewhere.db")
    assert run("path", db=False).output.strip() == "/tmp/elsewhere.db"
    assert run("path", "--db", "x.db", db=False).output.strip() == "x.db"


def test_default_database_is_created_under_db(tmp_path, run):
    write(tmp_path / "a.txt", GLOSSED)
    result = run("extract", str(tmp_path / "a.txt"), db=False)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "db" / "glossary.db").exists()


def test_extract_then_export_lists_pairs_with_document_and_sentence(run, seeds):
    assert run("extract", str(seeds)).exit_code == 0
    result = run("export", "--format", "csv", "--all")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0])[:3] == ["zh", "en", "abbr"]
    assert list(rows[0])[3:9] == ["pinyin", "status", "confidence", "count", "documents", "example"]
    assert rows, "no pairs from the seeds"
    for row in rows:
        assert row["documents"].startswith(str(seeds)), row
        assert row["en"] in row["example"] or row["origin"] == "derived", row


def test_export_formats_and_file_output(run, tmp_path):
    write(tmp_path / "a.txt", GLOSSED)
    run("extract", str(tmp_path / "a.txt"))
    run("approve", "扩散模型", "diffusion model")
    jsonl = run("export", "--format", "jsonl", "--status", "approved").output.splitlines()
    record = json.loads(jsonl[0])
    assert (record["zh"], record["en"], record["status"], record["pinyin"]) == (
        "扩散模型",
        "diffusion model",
        "approved",
        "kuò sàn mó xíng",
    )
    tsv = run("export", "--format", "tsv", "--status", "approved").output.splitlines()
    assert tsv[0].split("\t")[:3] == ["zh", "en", "abbr"] and tsv[1].split("\t")[:2] == [
        "扩散模型",
        "diffusion model",
    ]
    result = run("export", "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 0
    assert "扩散模型,diffusion model" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_export_filters_by_status_and_confidence(run, glossary):
    glossary.add("后训练", "post-training")
    glossary.add("智能体", "agent", status="candidate", confidence=0.3)
    glossary.add("扩散模型", "diffusion model", status="candidate", confidence=0.9)
    glossary.add("相当标准的架构", "MoE transformer", confidence=0.2)
    glossary.set_status("相当标准的架构", None, "rejected")

    def zh(*args):
        return {r["zh"] for r in csv.DictReader(io.StringIO(run("export", *args).output))}

    assert zh() == {"后训练", "扩散模型"}
    assert zh("--min-confidence", "0") == {"后训练", "扩散模型", "智能体"}
    assert zh("--status", "approved") == {"后训练"}
    assert zh("--all") == {"后训练", "扩散模型", "智能体", "相当标准的架构"}
    # the threshold is the candidates': rejected pairs asked for are there whatever their confidence
    assert zh("--status", "rejected", "--min-confidence", "0.9") == {"相当标准的架构"}
    # --all is every status and every confidence: asking for both is a usage error, not a silent precedence
    for conflict in (["--status", "approved"], ["--min-confidence", "0.9"]):
        result = run("export", "--all", *conflict)
        assert result.exit_code == 2 and "--all is every" in result.output
    assert run("lookup", "后训练", "--all", "--status", "approved").exit_code == 2


def test_edit_onto_a_pair_already_there_says_it_merged(run):
    run("add", "推理", "inference")
    run("add", "推理", "reasoning")
    result = run("edit", "推理", "reasoning", "--en", "inference")
    assert result.output == "merged into the pair already there: 推理 = inference [approved]\n"
    # ... but a new spelling of the same English is an edit of the pair
    assert run("edit", "推理", "--en", "Inference").output.startswith("edited: 推理 = Inference")


def test_edit_pinyin_corrects_a_terms_reading_for_lookup_and_exports(run):
    """(pypinyin reads 调参 diào cān; nothing let a person say tiáo cān)"""
    run("add", "调参", "hyperparameter tuning")
    run("add", "调参", "tuning", "--status", "candidate")  # a reading is the term's, whatever its pairs
    assert run("edit", "调参", "--pinyin", "tiao2 can1").output == "调参: tiáo cān\n"
    assert [h["zh"] for h in json.loads(run("lookup", "tiaocan", "--json").output)] == ["调参", "调参"]
    assert "tiáo cān" in run("export", "--format", "csv").output
    wrong = run("edit", "调参", "--pinyin", "tiao")
    assert (wrong.exit_code, wrong.output) == (
        1,
        'Error: pinyin of 调参: "tiao" gives 1 syllable; 调参 reads in 2 (diào cān)\n',
    )
    assert run("edit", "调参", "--pinyin", "").output == "调参: diào cān\n"  # the reading computed, back
    # with another term: the reading is the new term's
    refused = run("edit", "调参", "tuning", "--zh", "调超参", "--pinyin", "xyz qq")
    assert refused.exit_code == 1 and run("lookup", "调超参", "--exact").exit_code == 1  # nothing changed
    result = run("edit", "调参", "tuning", "--zh", "调超参", "--pinyin", "tiao2 chao1 can1")
    assert result.output.splitlines()[-1] == "调超参: tiáo chāo cān"


def test_curation_commands(run, tmp_path):
    assert run("add", "大语言模型", "large language model", "--abbr", "LLM", "--tag", "llm").exit_code == 0
    run("add", "智能体", "agent", "--status", "candidate")
    assert "approved: 智能体 = agent" in run("approve", "智能体").output
    assert "rejected: 智能体 = agent" in run("reject", "智能体", "agent").output
    assert run("edit", "大语言模型", "--note", "常用").exit_code == 0
    assert run("merge", "大语言模型", "智能体").exit_code == 0
    hits = json.loads(run("lookup", "智能体", "--json", "--all").output)
    assert {(h["en"], h["status"]) for h in hits} == {
        ("large language model", "approved"),
        ("agent", "rejected"),
    }
    assert run("rm", "智能体", "agent").exit_code == 0
    assert json.loads(run("lookup", "智能体", "--json", "--all").output)[0]["en"] == "large language model"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["approve", "不存在"], 'Error: no term "不存在" in the glossary; see: glossary lookup 不存在'),
        (["merge", "模型", "model"], "merge takes two Chinese terms or two English forms"),
        # each side in its own language, as every importer checks
        (["add", "abc", "alpha"], 'Error: add: "abc" is not a Chinese term'),
        (["add", "甲", "甲乙"], 'Error: add: "甲乙" is not English (it has Chinese characters)'),
        (["add", "梯度", "123"], 'Error: add: "123" is not English (it has no letters)'),
        (["edit", "模型", "model", "--zh", "abc"], 'Error: edit: "abc" is not a Chinese term'),
        (["edit", "模型", "model", "--en", "模型"], 'Error: edit: "模型" is not English'),
    ],
)
def test_curation_errors(run, glossary, args, message):
    glossary.add("模型", "model")
    result = run(*args)
    assert result.exit_code in (1, 2)
    assert message in result.output
    assert [(e.zh, e.en) for e in glossary.entries()] == [("模型", "model")]


def test_add_says_whether_it_added_updated_or_found_the_pair(run):
    assert run("add", "梯度下降", "gradient descent").output == "added: 梯度下降 = gradient descent [approved]\n"
    again = run("add", "梯度下降", "gradient descent")
    assert (again.exit_code, again.output) == (0, "already in the glossary: 梯度下降 = gradient descent [approved]\n")
    assert run("add", "梯度下降", "Gradient Descent").output == "updated: 梯度下降 = Gradient Descent [approved]\n"
    assert run("add", "梯度下降", "Gradient Descent", "--abbr", "GD").output == (
        "updated: 梯度下降 = Gradient Descent (GD) [approved]\n"
    )


def test_respelling_a_shared_english_form_says_where_else_it_shows(run, glossary):
    glossary.add("互相关", "cross-correlation")
    glossary.add("互相关运算", "cross-correlation")
    result = run("edit", "互相关", "cross-correlation", "--en", "Cross-Correlation")
    assert result.output.splitlines() == [
        "edited: 互相关 = Cross-Correlation [approved]",
        "  the English form is shared; it reads so for 互相关运算 too",
    ]
    assert {e.en for e in glossary.entries()} == {"Cross-Correlation"}


def test_an_edit_without_a_change_is_a_usage_error_and_changes_nothing(run, glossary):
    glossary.add("扩散模型", "diffusion model", status="candidate")
    before = glossary.query("SELECT * FROM pairs")
    result = run("edit", "扩散模型", "diffusion model")
    assert result.exit_code == 2
    assert "Error: nothing to change: give --zh, --en, --abbr, --note, --tag or --pinyin" in result.output
    assert glossary.query("SELECT * FROM pairs") == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["approve", "智能体"], "name one: glossary approve 智能体 ENGLISH, or --all for all of them"),
        (["reject", "智能体", "AGENT"], "name one: glossary reject 智能体 ENGLISH, or --all for all of them"),
        (["edit", "智能体", "--note", "x"], "name one: glossary edit 智能体 ENGLISH\n"),
        (["rm", "智能体", "agent"], "name one: glossary rm 智能体 ENGLISH\n"),
    ],
)
def test_an_ambiguous_name_says_which_command_to_run_again(run, glossary, args, message):
    glossary.add("智能体", "AI agent", abbr="agent")
    glossary.add("智能体", "software agent", abbr="AGENT")
    result = run(*args)
    assert result.exit_code == 1
    assert message in result.output
    assert {(e.en, e.status) for e in glossary.entries()} == {("AI agent", "approved"), ("software agent", "approved")}


def test_lookup_finds_both_languages_and_says_when_nothing_matches(run, glossary):
    glossary.add("后训练", "post-training")
    glossary.add("后训练阶段", "post-training stage")
    assert [h["zh"] for h in json.loads(run("lookup", "后训练", "--json").output)] == ["后训练", "后训练阶段"]
    assert [h["zh"] for h in json.loads(run("lookup", "Post-Training", "--json").output)] == [
        "后训练",
        "后训练阶段",
    ]
    assert json.loads(run("lookup", "後訓練", "--json").output)[0]["zh"] == "后训练"
    result = run("lookup", "扩散模型")
    assert result.exit_code == 1
    assert 'No term matches "扩散模型"' in result.output


def test_read_and_curation_commands_refuse_a_missing_database(run, tmp_path):
    # (a mistyped --db must not leave a new, empty glossary behind for approve, rm, edit or merge to find nothing in)
    curation = (["approve", "后训练"], ["reject", "后训练"], ["rm", "后训练"], ["edit", "后训练", "--note", "x"])
    for command in (["lookup", "模型"], ["export"], ["stats"], ["sources"], *curation, ["merge", "甲", "乙"]):
        result = run(*command)
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: no glossary at {tmp_path / 'test.db'}")
    assert not (tmp_path / "test.db").exists()
    # ... nor an empty file there (touch glossary.db): none of them writes a schema into it
    (tmp_path / "test.db").touch()
    for command in (["stats"], ["lookup", "模型"], ["rm", "后训练"]):
        assert run(*command).output.startswith(f"Error: no glossary at {tmp_path / 'test.db'}")
    assert (tmp_path / "test.db").stat().st_size == 0


def test_a_directory_with_nothing_to_read_is_skipped_with_a_reason(run, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    write(tmp_path / "notes" / "a.rst", GLOSSED)
    write(tmp_path / "a.txt", GLOSSED)
    result = run("extract", str(tmp_path / "empty"), str(tmp_path / "notes"), str(tmp_path / "a.txt"))
    assert result.exit_code == 1
    for name in ("empty", "notes"):
        assert f"skipped: {tmp_path / name}: a directory with no .txt, .text, .md" in result.output
    assert "1 document extracted" in result.output


def test_an_unknown_encoding_is_a_usage_error(run, tmp_path):
    write(tmp_path / "a.txt", GLOSSED)
    for command in ("extract", "scan"):
        result = run(command, "--encoding", "nope", str(tmp_path / "a.txt"))
        assert result.exit_code == 2
        assert "Invalid value for '--encoding': unknown encoding 'nope'" in result.output


def test_a_size_limit_is_shown_as_it_was_given(run, tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes("模型（model）。".encode() * 200)
    # (stdin is read up to the limit, a file's size is asked first)
    for given, said in (("-", "more than 0.001 MB"), (str(path), "0.003815 MB > 0.001 MB")):
        result = run("extract", given, "--max-size", "0.001", input=path.read_bytes())
        assert result.exit_code == 1
        assert f"too large ({said}); raise --max-size to read it" in result.output


def test_a_database_under_a_file_is_refused_with_one_line(run, tmp_path):
    (tmp_path / "notes").write_text("a file, not a folder", encoding="utf-8")
    path = tmp_path / "notes" / "team" / "glossary.db"
    result = run("add", "梯度", "gradient", "--db", str(path))
    assert (result.exit_code, result.output) == (1, f"Error: cannot create the folder of {path}: Not a directory\n")


def test_a_device_is_no_database(run, tmp_path):
    require_device("/dev/null")
    link = tmp_path / "null.db"  # (reached through a link: whatever the code does, /dev is left alone)
    link.symlink_to("/dev/null")
    for args in (["stats"], ["add", "梯度", "gradient"]):
        result = run(args[0], "--db", str(link), *args[1:], db=False)
        assert (result.exit_code, result.output) == (
            1,
            f"Error: {link} is not a file; pass --db with the path of a glossary database\n",
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null.db"]  # no journal beside it


def test_foreign_database_is_refused_with_one_line(run, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    result = run("extract", "-", input=GLOSSED)
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: {db_path} is a SQLite database but not a glossary (it has other tables); it was left untouched\n"
    )
    assert db_path.read_bytes() == before


def test_locked_database_waits_then_says_so(run, db_path):
    open_glossary(db_path).close()
    with write_locked(db_path):
        result = run("add", "后训练", "post-training")
    assert result.exit_code == 1
    assert result.output == f"Error: {db_path} is locked by another process (waited 1 s); try again when it finishes\n"


# (3000000 s is more milliseconds than SQLite's int holds: it would not wait at all)
@pytest.mark.parametrize("value", ["ten", "-1", "nan", "inf", "3000000"])
def test_a_busy_timeout_that_is_not_seconds_is_refused(run, db_path, monkeypatch, tmp_path, value):
    open_glossary(db_path).close()
    monkeypatch.setenv("GLOSSARY_BUSY_TIMEOUT", value)
    result = run("add", "后训练", "post-training")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: GLOSSARY_BUSY_TIMEOUT={value!r} is not a number of seconds (0 to 2147483); set it to e.g. 10\n"
    )
    assert run("add", "--db", str(tmp_path / "new" / "g.db"), "后训练", "post-training", db=False).exit_code == 1
    assert not (tmp_path / "new").exists()  # refused before anything was created
    for accepted in ("0", ""):  # no waiting at all; set but empty is the default
        monkeypatch.setenv("GLOSSARY_BUSY_TIMEOUT", accepted)
        assert run("lookup", "后训练").output == 'No term matches "后训练".\n'  # and the add above changed nothing


def test_extract_tells_which_files_of_a_directory_it_did_not_read(run, tmp_path):
    (tmp_path / "d").mkdir()
    write(tmp_path / "d" / "a.md", GLOSSED)
    (tmp_path / "d" / "b.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "d" / "c.pdf").write_bytes(b"%PDF-1.7")
    result = run("extract", str(tmp_path / "d"))
    assert result.exit_code == 0  # (what it reads, it reads)
    read = ".txt, .text, .md, .markdown, .html, .htm, .srt and .vtt"
    assert f"2 files not read (.docx, .pdf): only {read} files are read" in result.output
    assert "not read" not in run("extract", str(tmp_path / "d" / "a.md")).output
    assert "2 files not read" in run("extract", str(tmp_path / "d"), str(tmp_path / "d")).output  # (counted once)
    # the glossary kept in the same folder is none of them
    inside = str(tmp_path / "d" / "g.db")
    for _ in range(2):  # (as it is created, and once it is there, with its -wal and -shm)
        assert "2 files not read (.docx, .pdf)" in run("extract", "--db", inside, str(tmp_path / "d"), db=False).output


def test_counts_of_one_are_singular(run, tmp_path):
    write(tmp_path / "a.txt", GLOSSED)
    assert (
        "1 document extracted, 0 unchanged, 0 skipped; 1 occurrence of 1 pair (1 new)"
        in run("extract", str(tmp_path / "a.txt")).output
    )
    assert "2 documents extracted" in run("extract", "--force", str(tmp_path / "a.txt"), "-", input=GLOSSED * 2).output


def test_stats_and_sources(run, tmp_path):
    write(tmp_path / "a.txt", GLOSSED)
    run("extract", str(tmp_path / "a.txt"))
    figures = json.loads(run("stats", "--json").output)
    # 扩散模型/diffusion model only: its parts never occur alone in this corpus, so nothing is derived
    assert (figures["documents"], figures["pairs"], figures["by_origin"]) == (1, 1, {"extracted": 1})
    (source,) = json.loads(run("sources", "--json").output)
    assert (source["path"], source["pairs"], source["encoding"]) == (str(tmp_path / "a.txt"), 1, "utf-8")
    assert "a.txt" in run("sources").output


def test_sources_keeps_the_file_name_of_a_path_too_long_for_its_column(run, tmp_path):
    deep = tmp_path / ("a-directory-with-a-long-name-" * 3) / "chapter_attention.md"
    deep.parent.mkdir()
    write(deep, GLOSSED)
    run("extract", str(deep))
    (line,) = run("sources").output.splitlines()[2:]
    assert line.startswith("…") and "-name-/chapter_attention.md" in line


def test_exported_files_get_the_usual_permissions(run, glossary, tmp_path):
    import os

    glossary.add("后训练", "post-training")
    umask = os.umask(0o022)
    try:
        assert run("export", "-o", str(tmp_path / "pairs.csv")).exit_code == 0
    finally:
        os.umask(umask)
    assert (tmp_path / "pairs.csv").stat().st_mode & 0o777 == 0o644
    # ... and a file replaced keeps its own: a private one stays private
    (tmp_path / "pairs.csv").chmod(0o600)
    assert run("export", "-o", str(tmp_path / "pairs.csv")).exit_code == 0
    assert (tmp_path / "pairs.csv").stat().st_mode & 0o777 == 0o600


def test_export_to_dev_stdout_writes_stdout_where_the_shell_put_it(glossary, db_path, tmp_path):
    glossary.add("后训练", "post-training")
    log = tmp_path / "log.txt"
    log.write_text("an earlier line\n", encoding="utf-8")
    with open(log, "ab") as appended:  # glossary export -o /dev/stdout >> log.txt
        subprocess.run([venv_bin("glossary"), "export", "--db", str(db_path), "-o", "/dev/stdout"], stdout=appended)
    assert log.read_text(encoding="utf-8").splitlines()[:2] == [
        "an earlier line",
        "zh,en,abbr,pinyin,status,confidence,count,documents,example,origin,note,tags",
    ]


def test_export_onto_the_glossary_itself_is_refused(run, glossary, db_path):
    glossary.add("后训练", "post-training")
    before = db_path.read_bytes()
    result = run("export", "-o", str(db_path))
    assert result.exit_code == 2
    assert f"{db_path} is the glossary itself" in result.output
    assert db_path.read_bytes() == before


def test_a_database_path_the_system_refuses_is_one_line(run, tmp_path):
    path = tmp_path / f"{'a' * 300}.db"
    result = run("stats", "--db", str(path), db=False)
    assert (result.exit_code, result.output) == (1, f"Error: {path}: File name too long\n")


def test_export_to_a_name_ending_in_a_slash_is_refused(run, glossary, tmp_path):
    result = run("export", "-o", f"{tmp_path / 'newdir'}/")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: cannot write {tmp_path / 'newdir'}/: a folder, not a file name\n",
    )
    assert not (tmp_path / "newdir").exists()


def require_device(path: str) -> None:
    if not stat.S_ISCHR(os.stat(path).st_mode):
        pytest.skip(f"{path} is not a device on this machine")


def buffered_stdout() -> dict[str, str]:
    """The environment without PYTHONUNBUFFERED: stdout buffered as a user's is, so that output left in the buffer
    fails only as Python flushes it at exit."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


@pytest.mark.parametrize(
    "args",
    [
        ["export"],
        ["export", "--format", "tbx"],
        ["lookup", "后训练"],
        ["scan", "doc.txt", "--format", "csv"],  # a few bytes: still buffered as the command returns
    ],
    ids=" ".join,
)
def test_a_full_disk_under_stdout_is_one_line(glossary, db_path, tmp_path, args):
    require_device("/dev/full")
    glossary.add("后训练", "post-training")
    write(tmp_path / "doc.txt", "后训练")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [venv_bin("glossary"), args[0], "--db", str(db_path), *args[1:]],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=buffered_stdout(),
        )
    assert (result.returncode, result.stderr) == (1, "Error: cannot write output: No space left on device\n")


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_a_full_disk_under_the_groups_own_output_is_one_line(option):
    require_device("/dev/full")
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [venv_bin("glossary"), option], stdout=full, stderr=subprocess.PIPE, text=True, env=buffered_stdout()
        )
    assert (result.returncode, result.stderr) == (1, "Error: cannot write output: No space left on device\n")


def test_a_closed_pipe_under_stdout_stops_quietly(glossary, db_path):
    glossary.add("后训练", "post-training")
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head` does after its lines; here before the first write, every time
    # tbx writes to stdout's buffer, which keeps what it could not write for Python to flush again on exit
    try:
        result = subprocess.run(
            [venv_bin("glossary"), "export", "--db", str(db_path), "--format", "tbx"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=buffered_stdout(),
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, b"")


def test_export_to_dash_writes_stdout(run, glossary, tmp_path):
    glossary.add("后训练", "post-training")
    result = run("export", "-o", "-")
    assert (result.exit_code, result.stdout, result.stderr) == (0, run("export").stdout, "")
    assert not (tmp_path / "-").exists()  # (the current directory)


def test_export_through_a_symlink_replaces_its_target_and_keeps_the_link(run, glossary, tmp_path):
    glossary.add("后训练", "post-training")
    target = tmp_path / "project" / "glossary.csv"  # e.g. an OmegaT project's glossary, linked from elsewhere
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "terms.csv"
    link.symlink_to(target)
    assert run("export", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8") == run("export").stdout
    assert sorted(p.name for p in target.parent.iterdir()) == ["glossary.csv"]  # no temporary file left


def test_export_writes_into_a_fifo_instead_of_replacing_it(run, glossary, tmp_path):
    glossary.add("后训练", "post-training")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    assert run("export", "-o", str(fifo)).exit_code == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    reader.join(timeout=60)
    assert received == [run("export").stdout]


def test_export_into_a_fifo_whose_reader_stops_early_stops_quietly(glossary, db_path, tmp_path):
    for k in range(3000):  # more than a pipe holds
        glossary.add(f"术语{k}", f"term {k}")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = threading.Thread(target=lambda: open(fifo, "rb").close(), daemon=True)  # opens, reads nothing
    reader.start()
    result = subprocess.run(
        [venv_bin("glossary"), "export", "--db", str(db_path), "-o", str(fifo)], capture_output=True, text=True
    )
    reader.join(timeout=60)
    assert (result.returncode, result.stderr) == (0, "")


# A device is reached through a link in tmp_path: whatever the code does to the link, /dev is left alone.
@pytest.mark.parametrize(
    ("device", "exit_code", "message"),
    [
        ("/dev/null", 0, "1 pair -> {link}\n"),
        ("/dev/full", 1, "Error: cannot write {link}: No space left on device\n"),
    ],
)
def test_export_writes_to_a_device_in_place(run, glossary, tmp_path, device, exit_code, message):
    require_device(device)
    glossary.add("后训练", "post-training")
    link = tmp_path / "device"
    link.symlink_to(device)
    result = run("export", "-o", str(link))
    assert (result.exit_code, result.output) == (exit_code, message.format(link=link))
    assert link.is_symlink() and stat.S_ISCHR(link.stat().st_mode)
