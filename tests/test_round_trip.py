"""Export, import into a fresh database: the same pairs, statuses, abbreviations and notes, in every format."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.export import export
from glossary.model import ImportedPair
from glossary.store import open_glossary

AWKWARD_NOTE = '“智能体”不译作"代理"\t(见 RFC 7);\n第二行 😀，全角：！'
FLAT_NOTE = '“智能体”不译作"代理" (见 RFC 7); 第二行 😀，全角：！'  # where a tab or line break cannot be kept


def awkward(glossary) -> None:
    glossary.add("大语言模型", "large language model", abbr="LLM", note=AWKWARD_NOTE, tags=["llm", "nlp"])
    glossary.add("智能体", "agent", status="candidate", note="它")
    glossary.add("智能体", "intelligent agent", status="candidate")
    glossary.add("汇聚层", "pooling layer", note="d2l 用语")
    glossary.set_status("汇聚层", None, "rejected")
    glossary.add("后训练", "GPT-4")  # an English form that is itself an acronym
    glossary.add("后训练", "post-training", abbr="PT")
    glossary.add("層序softmax", "hierarchical softmax", status="candidate")  # written traditional: comes back so
    glossary.add("監督式學習", "supervised learning")


def snapshot(glossary, *, tags: bool = True) -> dict[tuple[str, str], tuple]:
    return {
        (e.zh, e.en): (e.status, e.abbr, e.note, e.tags if tags else (), e.written)
        for e in glossary.entries(statuses=("approved", "candidate", "rejected"))
    }


@pytest.mark.parametrize(
    ("fmt", "flat", "tags"),
    [
        ("tbx", False, True),
        ("tbx2", False, True),
        ("csv", False, True),
        ("jsonl", False, True),
        ("tsv", True, True),
        ("omegat", True, False),
    ],
)
def test_round_trip(run, glossary, tmp_path, fmt, flat, tags):
    awkward(glossary)
    exported = tmp_path / f"glossary.{fmt}"
    assert run("export", "--format", fmt, "--all", "-o", str(exported)).exit_code == 0
    fresh = tmp_path / "fresh.db"
    result = run("import", str(exported), "--db", str(fresh), db=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # no conflicts: a term's several English forms come from one file
    expected = snapshot(glossary, tags=tags)
    assert expected[("监督式学习", "supervised learning")][-1] == "監督式學習"  # as added, not its simplified key
    if flat:
        key = ("大语言模型", "large language model")
        expected[key] = (*expected[key][:2], FLAT_NOTE, *expected[key][3:])
    with open_glossary(fresh) as imported:
        assert snapshot(imported, tags=tags) == expected
        assert {e.origin for e in imported.entries()} == {"imported"}
    again = run("import", str(exported), "--db", str(fresh), db=False)
    assert (
        ": 8 pairs read as " + ("tbx" if fmt == "tbx2" else fmt) + ": 0 added, 0 updated, 8 unchanged\n" in again.stderr
    )


chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6)
english = st.from_regex(r"[A-Za-z][a-z]{0,8}( [a-z]{1,8}){0,2}", fullmatch=True)
note_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | st.sampled_from("\t\n\"'，😀"),
    max_size=30,
).map(str.strip)
rows = st.lists(
    st.tuples(chinese, english, st.sampled_from(["approved", "candidate", "rejected"]), note_text),
    min_size=1,
    max_size=8,
    unique_by=lambda row: row[0],
)


@pytest.mark.parametrize("fmt", ["tbx", "csv", "jsonl"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=rows)
def test_round_trip_of_any_text(tmp_path_factory, fmt, data):
    """Any note (quotes, tabs, line breaks, emoji, markup characters) comes back as it was."""
    base = tmp_path_factory.mktemp("rt")
    with open_glossary(base / "a.db") as source:
        source.import_pairs(
            [ImportedPair(zh=zh, en=en, status=status, note=note or None) for zh, en, status, note in data],
            source="hypothesis",
        )
        buffer = io.BytesIO()
        export(fmt, source.entries(), buffer)
        expected = snapshot(source)
    path = base / f"out.{fmt}"
    path.write_bytes(buffer.getvalue())
    from glossary.exchange import read_pairs

    with open_glossary(base / "b.db") as target:
        target.import_pairs(read_pairs(str(path), fmt), source=str(path))
        assert snapshot(target) == expected
