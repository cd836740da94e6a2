"""glossary import and glossary diff: what users see, exit codes, and files that import nothing."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess

import pytest

from glossary.store import open_glossary
from tests.conftest import venv_bin
from tests.test_exchange import D2L_TERMINOLOGY


def write(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def pairs(run, *extra: str) -> dict[tuple[str, str], tuple[str, str, str]]:
    rows = csv.DictReader(io.StringIO(run("export", "--all", *extra).stdout))
    return {(r["zh"], r["en"]): (r["status"], r["abbr"], r["note"]) for r in rows}


def test_import_the_d2l_terminology_list(run):
    result = run("import", str(D2L_TERMINOLOGY))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{D2L_TERMINOLOGY}: 140 pairs read as list: 140 added, 0 updated, 0 unchanged\n"
    imported = pairs(run)
    assert len(imported) == 140
    assert imported[("长短期记忆网络", "long short-term memory")] == ("candidate", "LSTM", "")
    again = run("import", str(D2L_TERMINOLOGY), "--status", "approved")
    assert again.stderr == f"{D2L_TERMINOLOGY}: 140 pairs read as list: 0 added, 140 updated, 0 unchanged\n"
    assert {status for status, _, _ in pairs(run).values()} == {"approved"}
    record = json.loads(run("export", "--format", "jsonl").stdout.splitlines()[0])
    assert (record["origin"], record["source"]) == ("imported", str(D2L_TERMINOLOGY.resolve()))


def test_import_reports_conflicts_and_leaves_curated_pairs(run, tmp_path):
    run("add", "智能体", "agent", "--note", "人工")
    run("add", "鞍点", "saddle point", "--status", "candidate")
    run("rm", "鞍点")
    terms = write(
        tmp_path / "client.csv",
        "中文,English,Note\n智能体,intelligent agent,客户\n智能体,agent,客户\n鞍点,saddle point,\n步幅,stride,\n",
    )
    result = run("import", str(terms), "--status", "approved")
    assert result.exit_code == 0, result.output
    assert result.stdout == "conflict: 智能体 = intelligent agent (line 2); the glossary has agent [approved]\n"
    assert result.stderr == (
        f"{terms}: 4 pairs read as csv: 2 added, 0 updated, 0 unchanged; 1 left as curated or rejected; "
        "1 removed by hand, not restored; 1 conflict (added as candidates)\n"
    )
    assert pairs(run) == {
        ("智能体", "agent"): ("approved", "", "人工"),
        ("智能体", "intelligent agent"): ("candidate", "", "客户"),
        ("步幅", "stride"): ("approved", "", ""),
    }


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "terms.csv",
            "zh,en\n鞍点,saddle point\n步幅,stride\n梯度,\n",
            "Error: {path}: line 4: no English for 梯度\n",
        ),
        (
            "terms.tbx",
            '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>鞍点</term></tig></langSet>'
            '<langSet xml:lang="en"><tig><term>saddle point</term></tig></langSet></termEntry>\n'
            "<termEntry><langSet xml:lang='zh'><tig><term>步幅</tig></langSet></termEntry></body></text></martif>",
            "Error: {path}: line 2, column 50: mismatched tag\n",
        ),
        (
            "TERMS.md",
            "鞍点，saddle point\n一段说明文字\n",
            'Error: {path}: line 2: not a "中文，English" pair: "一段说明文字"\n',
        ),
        (
            "terms.md",
            "# 术语\n",
            "Error: {path}: no Chinese-English pairs in it, read as list (pass --format if it is another format)\n",
        ),
        ("terms.txt", "\x00\x01\x02\x03binary\x00\x00", "Error: {path}: binary file, not text\n"),
    ],
)
def test_a_malformed_file_imports_nothing(run, tmp_path, name, text, message):
    run("add", "鞍点", "saddle point", "--status", "candidate")
    before = pairs(run)
    path = write(tmp_path / name, text)
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.output == message.format(path=path)
    assert pairs(run) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--columns", "zh,english"],
            "Invalid value for '--columns': unknown column 'english'; "
            "columns are zh, en, abbr, note, status, tags, confidence, or - to skip one",
        ),
        (["--columns", "zh,abbr"], "Invalid value for '--columns': name at least the zh and the en column"),
        (["--format", "tbx", "--columns", "zh,en"], "Error: --columns does not apply to tbx files\n"),
        (
            ["--columns", "zh,en"],
            "Error: --columns does not apply to omegat files "
            "({path} reads as omegat; pass the format if it is another)\n",
        ),
    ],
)
def test_import_option_errors(run, tmp_path, args, message):
    path = write(tmp_path / "terms.txt", "鞍点\tsaddle point\n")
    result = run("import", str(path), *args)
    assert result.exit_code == 2
    assert message.format(path=path) in result.output


def test_columns_and_encoding_for_a_headerless_gbk_csv(run, tmp_path):
    path = write(tmp_path / "terms.csv", "saddle point,备注一,鞍点\n", encoding="gbk")
    result = run("import", str(path), "--columns", "en,note,zh", "--encoding", "gbk")
    assert result.exit_code == 0, result.output
    assert pairs(run) == {("鞍点", "saddle point"): ("candidate", "", "备注一")}


def test_a_headerless_third_column_that_is_no_abbreviation_is_refused_not_stored(run, tmp_path):
    path = write(tmp_path / "terms.csv", "tokenizer,分词器,一种把文本切分为词元的工具\n")
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.output == (
        f'Error: {path}: line 1: "一种把文本切分为词元的工具" is not an abbreviation (it has Chinese characters); '
        "if that column holds something else, name the columns with --columns\n"
    )
    assert pairs(run) == {}
    assert run("import", str(path), "--columns", "en,zh,note").exit_code == 0
    assert pairs(run) == {("分词器", "tokenizer"): ("candidate", "", "一种把文本切分为词元的工具")}


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["add", "分词器", "tokenizer", "--abbr", "分词缩写"], "it has Chinese characters"),
        (["add", "分词器", "tokenizer", "--abbr", "1.0"], "it has no letters"),
        (["edit", "鞍点", "--abbr", "a sentence that says what the term means"], "longer than 24 characters"),
    ],
)
def test_an_abbreviation_is_short_and_latin(run, args, why):
    run("add", "鞍点", "saddle point")
    result = run(*args)
    assert result.exit_code == 1 and why in result.output
    assert run("edit", "鞍点", "--abbr", "SP").exit_code == 0
    assert run("edit", "鞍点", "--abbr", "").exit_code == 0  # clears it


def test_diff_against_a_reference_list(run, tmp_path):
    run("add", "智能体", "intelligent agent", "--status", "candidate")
    run("add", "代理", "agent", "--status", "candidate")
    run("add", "汇聚层", "pooling layer")
    run("reject", "汇聚层", "pooling layer")
    run("add", "鞍点", "saddle points")
    reference = write(
        tmp_path / "reference.md", "智能体，agent\n汇聚层，pooling layer\n鞍点，saddle point\n步幅，stride\n"
    )
    result = run("diff", str(reference))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "kind      zh      en                 status     reference               where",
        "--------  ------  -----------------  ---------  ----------------------  ------",
        "chinese   代理    agent              candidate  智能体 = agent          line 1",
        "english   智能体  intelligent agent  candidate  智能体 = agent          line 1",
        "rejected  汇聚层  pooling layer      rejected   汇聚层 = pooling layer  line 2",
    ]
    # (the counts add up: 汇聚层 / pooling layer is rejected there)
    assert result.stderr == (
        f"{reference}: 4 reference pairs, 1 in the glossary, 1 rejected there, 2 missing; 3 glossary pairs disagree\n"
    )
    as_csv = run("diff", str(reference), "--format", "csv").stdout
    assert list(csv.reader(io.StringIO(as_csv))) == [
        ["kind", "zh", "en", "status", "reference_zh", "reference_en", "reference_where"],
        ["chinese", "代理", "agent", "candidate", "智能体", "agent", "line 1"],
        ["english", "智能体", "intelligent agent", "candidate", "智能体", "agent", "line 1"],
        ["rejected", "汇聚层", "pooling layer", "rejected", "汇聚层", "pooling layer", "line 2"],
    ]


def test_diff_reads_any_import_format_and_needs_a_glossary(run, tmp_path):
    reference = write(tmp_path / "reference.tsv", "zh\ten\n鞍点\tsaddle point\n")
    result = run("diff", str(reference))
    assert result.exit_code == 1
    assert result.output.startswith("Error: no glossary at ")
    run("add", "鞍点", "saddle point")
    result = run("diff", str(reference), "--reference-format", "tsv")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"{reference}: 1 reference pair, 1 in the glossary, 0 missing; 0 glossary pairs disagree\n"


def test_import_and_diff_read_stdin_for_a_dash(run):
    tbx = (
        '<martif type="TBX"><text><body><termEntry>'
        '<langSet xml:lang="zh"><tig><term>汇聚层</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>pooling layer</term></tig></langSet>'
        "</termEntry></body></text></martif>"
    )
    result = run("import", "-", input=tbx)  # the format is told by the content, as for a file without a suffix
    assert (result.exit_code, result.stderr) == (0, "<stdin>: 1 pair read as tbx: 1 added, 0 updated, 0 unchanged\n")
    record = json.loads(run("export", "--format", "jsonl").stdout)
    assert (record["zh"], record["en"], record["source"]) == ("汇聚层", "pooling layer", "<stdin>")
    broken = run("import", "-", input='zh,en\n"汇聚层,pooling layer\n')
    assert (broken.exit_code, broken.output) == (
        1,
        "Error: <stdin>: line 2: a quoted field opens here and never closes\n",
    )
    differs = run("diff", "-", "--format", "csv", input="zh\ten\n汇聚层\tpooling\n")
    assert differs.stdout.splitlines()[1] == "english,汇聚层,pooling layer,candidate,汇聚层,pooling,line 2"
    assert differs.stderr == "<stdin>: 1 reference pair, 0 in the glossary, 1 missing; 1 glossary pair disagrees\n"


@pytest.mark.parametrize("command", ["import", "diff", "extract"])
def test_a_closed_stdin_is_one_line_not_a_traceback(db_path, command):
    open_glossary(db_path).close()  # (diff reads a glossary that exists)
    # started with stdin closed (<&-), Python has no sys.stdin at all
    result = subprocess.run(
        [venv_bin("glossary"), command, "--db", str(db_path), "-"],
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.close(0),
    )
    assert (result.returncode, "Traceback" in result.stderr) == (1, False)
    assert "<stdin>: closed, nothing to read" in result.stderr
