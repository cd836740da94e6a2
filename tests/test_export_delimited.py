"""CSV and TSV export: awkward text survives (or is flattened, for TSV, where a tab would end the field)."""

from __future__ import annotations

import csv
import io
import re

import pytest

AWKWARD_NOTE = '引号"quoted" and ‘curly’,\ta tab 😀，全角：；\nnext line'


@pytest.mark.parametrize(
    ("fmt", "note"),
    [
        ("csv", AWKWARD_NOTE),
        ("tsv", '引号"quoted" and ‘curly’, a tab 😀，全角：； next line'),
    ],
)
def test_notes_with_quotes_tabs_and_newlines(run, glossary, fmt, note):
    glossary.add("大语言模型", "large language model", abbr="LLM", note=AWKWARD_NOTE)
    result = run("export", "--format", fmt)
    assert result.exit_code == 0, result.output
    rows = list(
        csv.DictReader(
            io.StringIO(result.output), **({"delimiter": "\t", "quoting": csv.QUOTE_NONE} if fmt == "tsv" else {})
        )
    )
    assert [(r["zh"], r["abbr"], r["note"]) for r in rows] == [("大语言模型", "LLM", note)]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "omegat", "tbx"])
def test_exports_write_the_chinese_as_the_corpus_most_often_writes_it(run, tmp_path, fmt):
    # A Taiwanese text keeps its characters (a CAT tool matches them against its source); where both scripts
    # occur, the more frequent one is shown. Either way the term is one entry, keyed by its simplified form.
    (tmp_path / "tw.md").write_text("我們使用監督式學習（supervised learning）來訓練模型。", encoding="utf-8")
    (tmp_path / "cn.md").write_text(
        "后训练（post-training）很重要。後訓練（post-training）也很重要。后训练（post-training）之后是评估。",
        encoding="utf-8",
    )
    assert run("extract", str(tmp_path / "tw.md"), str(tmp_path / "cn.md")).exit_code == 0
    result = run("export", "--format", fmt)
    assert result.exit_code == 0, result.output
    chinese = _chinese_terms(result.output, fmt)
    assert "監督式學習" in chinese and "监督式学习" not in chinese
    assert "后训练" in chinese and "後訓練" not in chinese


def test_between_forms_seen_as_often_the_one_glossed_itself_is_shown(run, tmp_path):
    # 幻觉 glossed on its own once; 幻覺 seen once, as part of 物件幻覺 (a derived sighting)
    (tmp_path / "cn.md").write_text("这也就是常说的幻觉（hallucination）。", encoding="utf-8")
    (tmp_path / "tw.md").write_text(
        "VLM 同樣會產生幻覺，最典型的是物件幻覺（object hallucination）：描述出影像中根本不存在的東西。"
        "物件偵測也會出錯，減少幻覺很難。",
        encoding="utf-8",
    )
    assert run("extract", str(tmp_path / "tw.md"), str(tmp_path / "cn.md")).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").output)))
    assert ("幻觉", "hallucination") in {(r["zh"], r["en"]) for r in rows}


def _chinese_terms(output: str, fmt: str) -> list[str]:
    """The Chinese term of every entry of an export (not the example sentences around it)."""
    if fmt == "tbx":
        return [m for m in re.findall(r"<term>(.*?)</term>", output) if not m.isascii()]
    lines = output.splitlines()[1:]  # the header row, or OmegaT's magic comment
    return [line.split("," if fmt == "csv" else "\t")[0] for line in lines]


def test_an_edited_or_merged_term_exports_as_the_person_named_it(run, tmp_path):
    # Its evidence still reads 户画像 (and 批归一化): a form of another key, which the export does not show.
    (tmp_path / "a.md").write_text(
        "即使户画像（user profile）不完整。批归一化（batch normalization）很常用。批量归一化（batch norm）也是。",
        encoding="utf-8",
    )
    assert run("extract", str(tmp_path / "a.md")).exit_code == 0
    assert run("edit", "户画像", "--zh", "用户画像").exit_code == 0
    assert run("merge", "批归一化", "批量归一化").exit_code == 0
    chinese = _chinese_terms(run("export", "--format", "csv").output, "csv")
    assert "用户画像" in chinese and "户画像" not in chinese
    assert "批量归一化" in chinese and "批归一化" not in chinese
