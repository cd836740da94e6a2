"""CSV and TSV export: awkward text survives (or is flattened, for TSV, where a tab would end the field)."""

from __future__ import annotations

import csv
import io

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
