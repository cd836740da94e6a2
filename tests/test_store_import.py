"""Glossary.import_pairs: the merge rules, and all or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest

from glossary.errors import FormatError
from glossary.model import Candidate, Document, ImportedPair
from glossary.store import Conflict

SOURCE = "/lists/client.tbx"


def pair(zh: str, en: str, **fields) -> ImportedPair:
    return ImportedPair(zh=zh, en=en, where=fields.pop("where", "line 1"), **fields)


def state(glossary) -> dict[tuple[str, str], tuple]:
    """(zh, en) -> (status, origin, curated, abbr, note, tags, source) of every pair."""
    rows = glossary.query(
        "SELECT t.zh, e.display AS en, p.status, p.origin, p.curated, p.abbr, p.note, p.tags, p.source "
        "FROM pairs p JOIN terms t ON t.id = p.term_id JOIN english e ON e.id = p.english_id"
    )
    return {(r["zh"], r["en"]): tuple(r)[2:] for r in rows}


def extract(glossary, zh: str, en: str) -> None:
    text = f"本节介绍{zh}({en})。"
    sha = hashlib.sha256(text.encode()).hexdigest()
    start = text.index(zh)
    glossary.replace_document(
        Document(path=f"/docs/{sha[:8]}.txt", text=text, sha256=sha, encoding="utf-8", format="txt"),
        [Candidate(zh, en, start, start + len(zh), text.index(en), text.index(en) + len(en), 1, text, "zh(en)", 0.8)],
        "test",
    )


def test_new_pairs_are_imported_candidates_with_the_file_as_source(glossary):
    report = glossary.import_pairs(
        [
            pair("大语言模型", "large language model", abbr="LLM", note="常用", tags=("llm",)),
            pair("鞍点", "saddle point", status="approved"),
        ],
        source=SOURCE,
    )
    assert (report.read, report.added, report.conflicts) == (2, 2, ())
    assert state(glossary) == {
        ("大语言模型", "large language model"): ("candidate", "imported", 0, "LLM", "常用", '["llm"]', SOURCE),
        ("鞍点", "saddle point"): ("approved", "imported", 0, None, None, "[]", SOURCE),
    }
    assert next(glossary.entries()).confidence == 1.0


@pytest.mark.parametrize(
    ("option", "in_file", "status", "curated"),
    [
        (None, None, "candidate", 0),
        (None, "approved", "approved", 0),
        ("candidate", "approved", "candidate", 0),
        ("approved", None, "approved", 1),
        ("approved", "candidate", "approved", 1),
        ("approved", "rejected", "rejected", 0),
        ("candidate", "rejected", "rejected", 0),
    ],
)
def test_status_of_a_new_pair(glossary, option, in_file, status, curated):
    glossary.import_pairs([pair("鞍点", "saddle point", status=in_file)], source=SOURCE, status=option)
    assert state(glossary)[("鞍点", "saddle point")][:3] == (status, "imported", curated)


def test_curated_pairs_are_never_changed(glossary):
    glossary.add("大语言模型", "large language model", abbr="LLM", note="人工", status="candidate")
    glossary.add("智能体", "agent")
    glossary.set_status("智能体", "agent", "rejected")
    before = state(glossary)
    report = glossary.import_pairs(
        [
            pair("大语言模型", "large language model", abbr="LM", note="file", status="approved"),
            pair("智能体", "Agent", status="approved"),
            pair("智能体", "agent"),
        ],
        source=SOURCE,
        status="approved",
    )
    assert state(glossary) == before
    assert (report.kept, report.repeated, report.added) == (2, 1, 0)


def test_an_uncurated_pair_takes_the_files_abbreviation_note_and_a_firmer_status(glossary):
    extract(glossary, "大语言模型", "large language model")
    glossary.import_pairs([pair("预训练", "pre-training", note="old", status="approved")], source="/lists/a.csv")
    report = glossary.import_pairs(
        [
            pair("大语言模型", "Large Language Model", abbr="LLM", note="新", tags=("llm",), status="approved"),
            pair("预训练", "pre-training", note="new", status="candidate"),
        ],
        source=SOURCE,
    )
    assert (report.updated, report.added) == (2, 0)
    after = state(glossary)
    assert after[("大语言模型", "large language model")] == ("approved", "extracted", 0, "LLM", "新", '["llm"]', None)
    # A candidate in the file never demotes an approved pair; the note still comes from the newer file.
    assert after[("预训练", "pre-training")] == ("approved", "imported", 0, None, "new", "[]", "/lists/a.csv")


def test_rejected_pairs_stay_rejected_and_a_file_may_reject(glossary):
    glossary.import_pairs([pair("鞍点", "saddle point"), pair("步幅", "stride")], source=SOURCE)
    glossary.import_pairs([pair("鞍点", "saddle point", status="rejected")], source=SOURCE)
    report = glossary.import_pairs(
        [pair("鞍点", "saddle point", note="again")], source="/lists/b.csv", status="approved"
    )
    assert state(glossary)[("鞍点", "saddle point")][:5] == ("rejected", "imported", 0, None, None)
    assert report.kept == 1


def test_reimporting_the_same_file_changes_nothing(glossary):
    rows = [pair("鞍点", "saddle point", abbr="SP", note="n", tags=("t",), status="approved")]
    glossary.import_pairs(rows, source=SOURCE)
    before = state(glossary)
    report = glossary.import_pairs(rows, source=SOURCE)
    assert (report.unchanged, report.updated, report.added) == (1, 0, 0)
    assert state(glossary) == before


def test_same_chinese_with_other_english_is_a_conflict_added_as_candidate(glossary):
    extract(glossary, "智能体", "agent")
    glossary.import_pairs([pair("汇聚层", "pooling layer")], source=SOURCE)
    glossary.set_status("汇聚层", "pooling layer", "rejected")
    report = glossary.import_pairs(
        [
            pair("智能体", "intelligent agent", status="approved", where="line 3"),
            pair("汇聚层", "pooling", where="line 4"),  # the other English is rejected: no conflict
            pair("实例", "instance", where="line 5"),  # a new term with two English forms in the file: no conflict
            pair("实例", "example", where="line 6"),
        ],
        source=SOURCE,
        status="approved",
    )
    assert report.conflicts == (Conflict("智能体", "intelligent agent", "line 3", ("agent [candidate]",)),)
    after = state(glossary)
    assert after[("智能体", "intelligent agent")][:3] == ("candidate", "imported", 0)
    assert after[("智能体", "agent")][:3] == ("candidate", "extracted", 0)
    assert after[("汇聚层", "pooling")][:3] == ("approved", "imported", 1)
    assert after[("实例", "example")][:3] == ("approved", "imported", 1)


def test_pairs_a_person_removed_are_not_brought_back(glossary):
    glossary.add("相当标准的架构", "MoE transformer")
    glossary.remove("相当标准的架构")
    report = glossary.import_pairs([pair("相当标准的架构", "MoE Transformer")], source=SOURCE, status="approved")
    assert (report.suppressed, report.added, state(glossary)) == (1, 0, {})


def test_the_same_pair_twice_is_one_pair_completed_by_the_second(glossary):
    report = glossary.import_pairs(
        [pair("大语言模型", "large language model"), pair("大語言模型", "Large-Language Models", abbr="LLM")],
        source=SOURCE,
    )
    assert (report.added, report.repeated) == (1, 1)
    assert state(glossary)[("大语言模型", "large language model")][3] == "LLM"


def test_a_failure_anywhere_imports_nothing(glossary):
    glossary.add("鞍点", "saddle point", note="人工")
    before = state(glossary)

    def rows() -> Iterator[ImportedPair]:
        yield pair("步幅", "stride")
        yield pair("鞍点", "saddle point", note="changed")
        raise FormatError("client.tbx: line 40: <termSec> has no <term>")

    with pytest.raises(FormatError, match="line 40"):
        glossary.import_pairs(rows(), source=SOURCE)
    assert state(glossary) == before
    assert [e.zh for e in glossary.entries()] == ["鞍点"]


def test_imported_terms_can_be_looked_up(glossary):
    glossary.import_pairs([pair("后训练", "post-training")], source=SOURCE)
    assert [h.entry.en for h in glossary.lookup("houxunlian").hits] == ["post-training"]
    assert "post" in glossary.query("SELECT search FROM terms")[0][0].split()


def written(glossary, zh: str) -> str:
    (entry,) = [e for e in glossary.entries(statuses=("approved", "candidate", "rejected")) if e.zh == zh]
    return entry.written


def test_the_form_a_term_was_named_in_is_what_it_exports_as_where_no_document_writes_it(glossary):
    glossary.import_pairs([pair("監督式學習", "supervised learning")], source=SOURCE)
    assert written(glossary, "监督式学习") == "監督式學習"
    # a term list fills in a form only where none is kept ...
    report = glossary.import_pairs([pair("监督式学习", "supervised learning")], source=SOURCE)
    assert written(glossary, "监督式学习") == "監督式學習" and report.unchanged == 1
    # ... a person's edit names it anew, in simplified characters too
    glossary.edit("监督式学习", None, new_zh="监督式学习")
    assert written(glossary, "监督式学习") == "监督式学习"
    glossary.add("強化學習", "reinforcement learning")
    glossary.add("强化学习", "reinforcement learning")
    report = glossary.import_pairs([pair("強化學習", "reinforcement learning")], source=SOURCE)
    assert written(glossary, "强化学习") == "强化学习" and report.unchanged == 1  # as the person last added it


def test_an_import_that_gives_a_term_its_first_written_form_reports_an_update_where_it_shows(glossary):
    extract(glossary, "监督式学习", "supervised learning")
    glossary.add("强化学习", "reinforcement learning", status="candidate", origin="imported")
    glossary.query("UPDATE pairs SET curated = 0")
    glossary.query("UPDATE terms SET written = NULL")  # (as an import of the simplified key leaves it)
    report = glossary.import_pairs(
        [pair("監督式學習", "supervised learning"), pair("強化學習", "reinforcement learning")], source=SOURCE
    )
    # the documents' form comes first: the list's form changes nothing seen there
    assert written(glossary, "监督式学习") == "监督式学习" and written(glossary, "强化学习") == "強化學習"
    assert (report.updated, report.unchanged) == (1, 1)
    report = glossary.import_pairs([pair("強化學習", "reinforcement learning")], source=SOURCE)
    assert (report.updated, report.unchanged) == (0, 1)
