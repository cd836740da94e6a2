"""OmegaT glossary export: source, target, comment; one direction per file."""

from __future__ import annotations

import pytest


@pytest.fixture
def terms(glossary):
    glossary.add("大语言模型", "large language model", abbr="LLM", note='常用;\t"引号"\n第二行 😀')
    glossary.add("鞍点", "saddle point", status="candidate")
    return glossary


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (
            [],
            [
                '大语言模型\tlarge language model\tabbr: LLM; status: approved; note: 常用; "引号" 第二行 😀',
                "鞍点\tsaddle point\tstatus: candidate",
            ],
        ),
        (
            ["--direction", "zh-en"],
            [
                '大语言模型\tlarge language model\tabbr: LLM; status: approved; note: 常用; "引号" 第二行 😀',
                "鞍点\tsaddle point\tstatus: candidate",
            ],
        ),
        (
            ["--direction", "en-zh"],
            [
                'large language model\t大语言模型\tabbr: LLM; status: approved; note: 常用; "引号" 第二行 😀',
                "saddle point\t鞍点\tstatus: candidate",
            ],
        ),
    ],
)
def test_lines(run, terms, args, lines):
    result = run("export", "--format", "omegat", "--min-confidence", "0", *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n") == ["# Glossary in tab-separated format -*- coding: utf-8 -*-", *lines, ""]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "omegat", "--direction", "both"],
            "Error: an OmegaT glossary has one source language: --direction must be zh-en or en-zh, not both\n",
        ),
        (["--format", "csv", "--direction", "en-zh"], "Error: --direction does not apply to --format csv\n"),
    ],
)
def test_direction_errors_write_nothing(run, terms, tmp_path, args, message):
    out = tmp_path / "glossary.utf8"
    result = run("export", *args, "-o", str(out))
    assert result.exit_code == 2
    assert result.output.endswith(message)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".glossary.utf8")]
