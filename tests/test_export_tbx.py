"""TBX export, v3 and v2: valid against the project's RELAX NG schemas, and what each field becomes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from lxml import etree

from glossary.model import Candidate, Document

SCHEMAS = Path(__file__).resolve().parent / "schemas"
V3_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOTE = '引号"quoted"\tand a tab 😀，全角：\x0bvertical tab'
EXAMPLE = "本节介绍大语言模型(large language model)。"


def varied(glossary) -> None:
    """Every kind of pair the writer has to express."""
    start = EXAMPLE.index("大语言模型")
    en_start = EXAMPLE.index("large")
    glossary.replace_document(
        Document(
            path="/docs/llm.md",
            text=EXAMPLE,
            sha256=hashlib.sha256(EXAMPLE.encode()).hexdigest(),
            encoding="utf-8",
            format="md",
        ),
        [
            Candidate(
                "大语言模型", "large language model", start, start + 5, en_start, en_start + 20, 1, EXAMPLE, "x", 0.9
            )
        ],
        "test",
    )
    glossary.edit("大语言模型", None, abbr="LLM", note=NOTE, tags=["llm", "nlp"])
    glossary.set_status("大语言模型", None, "approved")
    glossary.add("大语言模型", "GPT-4", status="candidate")
    glossary.add("汇聚层", "pooling layer")
    glossary.set_status("汇聚层", None, "rejected")
    glossary.add("鞍点", "saddle point", status="candidate")


FORMATS = [("tbx", "tbx-basic-v3.rng", "conceptEntry"), ("tbx2", "tbx-basic-v2.rng", "termEntry")]


def export(run, tmp_path, fmt: str) -> etree._ElementTree:
    out = tmp_path / f"out.{fmt}"
    result = run("export", "--format", fmt, "--all", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"4 pairs -> {out}\n"
    return etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True))


@pytest.mark.parametrize(("fmt", "schema", "entry"), FORMATS)
def test_export_is_valid_against_the_schema(run, glossary, tmp_path, fmt, schema, entry):
    varied(glossary)
    document = export(run, tmp_path, fmt)
    validator = etree.RelaxNG(etree.parse(str(SCHEMAS / schema)))
    assert validator.validate(document), validator.error_log
    # The schema is not vacuous: a status outside TBX-Basic's picklist breaks it.
    status = document.xpath("//*[local-name()='termNote'][@type='administrativeStatus']")[0]
    status.text = "approved"
    assert not validator.validate(document)


@pytest.mark.parametrize(("fmt", "schema", "entry"), FORMATS)
def test_one_concept_entry_per_chinese_term_with_every_field(run, glossary, tmp_path, fmt, schema, entry):
    varied(glossary)
    root = export(run, tmp_path, fmt).getroot()
    ns = {"t": V3_NS} if fmt == "tbx" else {}
    p = "t:" if ns else ""

    def texts(node, path: str) -> list[str]:
        return [e.text for e in node.xpath(path.replace("~", p), namespaces=ns)]

    entries = root.xpath(f"//{p}{entry}", namespaces=ns)
    assert [texts(e, ".//~term")[0] for e in entries] == ["大语言模型", "汇聚层", "鞍点"]
    llm = entries[0]
    assert texts(llm, "~descrip[@type='subjectField']") == ["llm", "nlp"]
    zh_section, en_section = llm.xpath("*[@xml:lang]", namespaces=ns)
    assert [zh_section.get(XML_LANG), en_section.get(XML_LANG)] == ["zh", "en"]
    assert texts(zh_section, ".//~termNote[@type='administrativeStatus']") == ["preferredTerm-admn-sts"]
    assert texts(zh_section, ".//~descripGrp/~descrip[@type='context']") == [EXAMPLE]
    assert texts(zh_section, ".//~descripGrp/~admin[@type='source']") == ["/docs/llm.md"]
    # The acronym-only English form comes first; an abbreviation follows its full form.
    assert texts(en_section, "*/~term") == ["GPT-4", "large language model", "LLM"]
    assert texts(en_section, "*/~termNote[@type='termType']") == ["acronym", "fullForm", "acronym"]
    assert texts(en_section, "*/~termNote[@type='administrativeStatus']") == [
        "admittedTerm-admn-sts",
        "preferredTerm-admn-sts",
        "preferredTerm-admn-sts",
    ]
    assert texts(en_section, "*/~note") == ['引号"quoted"\tand a tab 😀，全角：vertical tab']
    (full_form,) = [section for section in en_section if texts(section, "~term") == ["large language model"]]
    assert texts(full_form, "~transacGrp/~transac") == ["origination", "modification"]
    assert all(len(d) == 10 and d[4] == "-" for d in texts(full_form, "~transacGrp/~date"))
    rejected = entries[1]
    assert set(texts(rejected, ".//~termNote[@type='administrativeStatus']")) == {"deprecatedTerm-admn-sts"}


def test_an_empty_export_is_an_error_and_writes_no_file(run, glossary, tmp_path):
    out = tmp_path / "empty.tbx"
    result = run("export", "--format", "tbx", "-o", str(out))
    assert result.exit_code == 1
    assert result.output == "Error: no pairs to export, and a TBX file needs at least one entry\n"
    assert not out.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".empty.tbx")]
