"""Reading term lists: format detection, each reader, and a clear error naming the line for malformed input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from glossary.errors import FormatError
from glossary.exchange import detect_format, read_pairs, reader
from glossary.exchange.lists import abbreviates
from glossary.exchange.omegat import comment, parse_comment
from glossary.model import ImportedPair

D2L_TERMINOLOGY = Path(__file__).resolve().parents[2] / "shared" / "bench" / "d2l-zh-TERMINOLOGY.md"


def read(fmt: str, text: str | bytes, **options) -> list[ImportedPair]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return list(reader(fmt)(io.BytesIO(data), "terms", **options))


def simple(pairs: list[ImportedPair]) -> list[tuple]:
    return [(p.zh, p.en, p.abbr, p.note, p.status) for p in pairs]


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("terms.tbx", '<?xml version="1.0"?><tbx type="TBX-Basic">', "tbx"),
        ("client.xml", "<martif>", "tbx"),
        ("no-suffix", '\ufeff<?xml version="1.0"?>\n<martif>', "tbx"),
        ("terms.txt", "  <tbx>", "tbx"),
        ("terms.csv", "鞍点,saddle point\n", "csv"),
        ("terms.txt", "Chinese,English,Notes\n", "csv"),
        ("terms.txt", "zh\ten\tabbr\tpinyin\n", "tsv"),
        ("terms.tsv", "鞍点\tsaddle point\n", "omegat"),
        ("project.utf8", "# Glossary in tab-separated format -*- coding: utf-8 -*-\n鞍点\tsaddle point\n", "omegat"),
        ("terms.tab", "saddle point\t鞍点\tstatus: approved\n", "omegat"),
        ("TERMINOLOGY.md", "## 英汉术语对照\n\n鞍点，saddle point\n", "list"),
        ("terms.txt", "鞍点，saddle point\n", "list"),
        ("export.txt", '{"zh": "鞍点", "en": "saddle point"}\n', "jsonl"),
        ("terms.ndjson", '\n\n  {"zh": "鞍点", "en": "saddle point"}\n', "jsonl"),
        ("terms", "- 鞍点: saddle point\n", "list"),
    ],
)
def test_format_is_detected_from_content_then_name(name, head, fmt):
    assert detect_format(name, head.encode("utf-8")) == fmt


# --- CSV and TSV ----------------------------------------------------------------------------------------


def test_csv_header_names_columns_in_any_order_and_unknown_ones_are_ignored():
    text = (
        "\ufeffNotes,English,pinyin,中文,Status,Tags,abbr,confidence\n"
        '常用,large language model,dà,大语言模型,approved,"llm, nlp",LLM,0.9\n'
    )
    (pair,) = read("csv", text)
    assert pair == ImportedPair(
        zh="大语言模型",
        en="large language model",
        abbr="LLM",
        note="常用",
        status="approved",
        tags=("llm", "nlp"),
        confidence=0.9,
        where="line 2",
    )


@pytest.mark.parametrize(
    ("text", "columns", "expected"),
    [
        ("鞍点,saddle point\n步幅,stride,\n", None, [("鞍点", "saddle point", None), ("步幅", "stride", None)]),
        ("saddle point,鞍点\n", None, [("鞍点", "saddle point", None)]),
        ("长短期记忆网络,long short-term memory,LSTM\n", None, [("长短期记忆网络", "long short-term memory", "LSTM")]),
        (
            "LSTM,长短期记忆网络,x,long short-term memory\n",
            ("abbr", "zh", "-", "en"),
            [("长短期记忆网络", "long short-term memory", "LSTM")],
        ),
        ("term,translation\nsaddle point,鞍点\n", ("en", "zh"), [("鞍点", "saddle point", None)]),
        ("zh,en\nsaddle point,鞍点\n", ("en", "zh"), [("鞍点", "saddle point", None)]),
    ],
)
def test_csv_without_header_is_positional_unless_columns_are_named(text, columns, expected):
    pairs = read("csv", text, columns=columns)
    assert [(p.zh, p.en, p.abbr) for p in pairs] == expected


def test_csv_quoted_fields_may_span_lines_and_errors_name_the_line_a_row_starts_on():
    text = 'zh,en,note\n鞍点,saddle point,"two\nlines"\n步幅,stride,ok\n梯度,,x\n'
    with pytest.raises(FormatError, match=r"^terms: line 5: no English for 梯度$"):
        read("csv", text)
    assert read("csv", text.rsplit("梯度", 1)[0])[0].note == "two\nlines"


def test_csv_in_gbk_as_excel_saves_it_on_chinese_windows():
    pairs = read("csv", "中文,英文,备注\n鞍点,saddle point,优化\n".encode("gbk"))
    assert simple(pairs) == [("鞍点", "saddle point", None, "优化", None)]


def test_characters_beyond_the_basic_plane_and_private_use_ones_are_text():
    # OpenCC simplifies 鶰 to 𫛫 (CJK Extension E); a note may hold a private-use icon, which is still UTF-8.
    pairs = read("csv", "zh,en,note\n𫛫,night heron,\ue000 icon\n")
    assert simple(pairs) == [("𫛫", "night heron", None, "\ue000 icon", None)]


def test_jsonl_keys_are_read_as_a_csv_header_and_tags_may_be_a_list():
    text = (
        '{"pair_id": 3, "zh": "大语言模型", "English": "large language model", "abbr": "LLM", "pinyin": "dà",\n'
        ' "status": "approved", "confidence": 0.9, "note": null, "tags": ["llm", "nlp"]}\n'
    ).replace(",\n ", ", ")
    text += '\n{"中文": "鞍点", "en": "saddle point", "tags": "optimisation, maths", "documents": ["a.md"]}\n'
    assert read("jsonl", text) == [
        ImportedPair(
            zh="大语言模型",
            en="large language model",
            abbr="LLM",
            status="approved",
            tags=("llm", "nlp"),
            confidence=0.9,
            where="line 1",
        ),
        ImportedPair(zh="鞍点", en="saddle point", tags=("optimisation", "maths"), where="line 3"),
    ]


def test_jsonl_written_form_stands_for_zh_unless_zh_was_edited_to_another_term():
    text = (
        '{"zh": "监督式学习", "written": "監督式學習", "en": "supervised learning"}\n'
        '{"zh": "鞍部点", "written": "鞍點", "en": "saddle point"}\n'
        '{"中文": "深度学习", "written": "深度學習", "en": "deep learning", "note": "a\u2028b\u0085c"}\n'
        '{"zh": "強化學習", "written": "强化学习", "en": "reinforcement learning"}\n'
    )
    assert [(p.zh, p.note) for p in read("jsonl", text)] == [
        ("監督式學習", None),
        ("鞍部点", None),
        ("深度學習", "a\u2028b\u0085c"),  # record separators and line breaks inside a string are text
        ("強化學習", None),  # zh typed over in another form
    ]


def test_jsonl_tags_as_a_list_keep_their_commas():
    (pair,) = read("jsonl", '{"zh": "鞍点", "en": "saddle point", "tags": ["optimisation, maths", " 2024 "]}\n')
    assert pair.tags == ("optimisation, maths", "2024")


def test_tsv_is_unquoted():
    pairs = read("tsv", 'zh\ten\tnote\n鞍点\tsaddle point\t"quoted" note\n')
    assert pairs[0].note == '"quoted" note'


@pytest.mark.parametrize(
    ("fmt", "text", "message"),
    [
        ("csv", 'zh,en\n大语言模型,"large\n', "terms: line 2: a quoted field opens here and never closes"),
        # ... the line it opens on, not the end of the file the reader went on to
        ("csv", 'zh,en\n智能体,"agent\n大语言模型,LLM\n', "terms: line 2: a quoted field opens here and never closes"),
        ("csv", 'zh,en\n大语言模型,"large" model\n', "terms: line 2: ',' expected after '\"'"),
        (
            "csv",
            "zh,en\nlarge language model,大语言模型\n",
            'terms: line 2: "large language model" is not a Chinese term',
        ),
        ("csv", "zh,en\n模型,模型\n", 'terms: line 2: "模型" is not English (it has Chinese characters)'),
        ("csv", "zh,en\n模型,80.4\n", 'terms: line 2: "80.4" is not English (it has no letters)'),
        ("csv", "zh,en\n,model\n", "terms: line 2: no Chinese term"),
        (
            "csv",
            "zh,en,status\n模型,model,maybe\n",
            'terms: line 2: status "maybe" is not approved, candidate or rejected',
        ),
        ("csv", "zh,en,confidence\n模型,model,high\n", 'terms: line 2: confidence "high" is not a number from 0 to 1'),
        (
            "csv",
            "source,target\nsaddle point,鞍点\n",
            "terms: line 1: no Chinese in the first two columns and no header naming them; name the columns with "
            "--columns (from zh,en,abbr,note,status,tags,confidence, - to skip one)",
        ),
        ("tsv", "zh\ten\n模型\n", "terms: line 2: no English for 模型"),
        ("list", "鞍点，saddle point\n这是一段说明\n", 'terms: line 2: not a "中文，English" pair: "这是一段说明"'),
        (
            "list",
            "鞍点，saddle point\n本表列出术语，供参考\n",
            'terms: line 2: not a "中文，English" pair: "本表列出术语，供参考"',
        ),
        ("list", "| 中文 | English |\n|---|---|\n| 鞍点 | |\n", "terms: line 3: no English for 鞍点"),
        ("omegat", "# comment\n预训练\n", "terms: line 2: one field where OmegaT has source, tab, target"),
        (
            "jsonl",
            '{"zh": "鞍点", "en": "saddle point"}\n{"zh": "模型", "en": "model"\n',
            "terms: line 2: not JSON (Expecting ',' delimiter, column 27)",
        ),
        ("jsonl", '["鞍点", "saddle point"]\n', "terms: line 1: a JSON list, not an object with zh and en"),
        ("jsonl", '{"zh": "鞍点", "en": null}\n', "terms: line 1: no English for 鞍点"),
        (
            "jsonl",
            '{"chinese": "鞍点", "en": "saddle point", "status": 1}\n',
            'terms: line 1: status "1" is not approved, candidate or rejected',
        ),
        # other values must be text (or a number; tags, a list of text)
        ("jsonl", '{"zh": "鞍点", "en": true}\n', 'terms: line 1: "en" holds a JSON bool, not text or a number'),
        (
            "jsonl",
            '{"zh": "鞍点", "en": "saddle point", "note": {"a": 1}}\n',
            'terms: line 1: "note" holds a JSON dict, not text or a number',
        ),
        (
            "jsonl",
            '{"zh": ["张量", "向量"], "en": "tensor"}\n',
            'terms: line 1: "zh" holds a JSON list, not text or a number',
        ),
        (
            "jsonl",
            '{"zh": "鞍点", "en": "saddle point", "tags": [1, "a"]}\n',
            'terms: line 1: "tags" is neither text nor a list of text',
        ),
        ("omegat", "pre-training\ttraining\n", 'terms: line 1: "pre-training" is not a Chinese term'),
    ],
)
def test_malformed_text_formats_name_the_line(fmt, text, message):
    with pytest.raises(FormatError) as raised:
        read(fmt, text)
    assert str(raised.value) == message


def test_a_file_with_no_pairs_is_an_error(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("# Terms\n\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"empty.md: no Chinese-English pairs in it, read as list \(pass --format"):
        list(read_pairs(str(path), "list"))


# --- Markdown and plain lists ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("鞍点，saddle point", [("鞍点", "saddle point", None)]),
        ("鞍点, saddle point", [("鞍点", "saddle point", None)]),
        ("鞍点：saddle point", [("鞍点", "saddle point", None)]),
        ("鞍点 | saddle point", [("鞍点", "saddle point", None)]),
        ("鞍点 - saddle point", [("鞍点", "saddle point", None)]),
        ("- **鞍点**：*saddle point*", [("鞍点", "saddle point", None)]),
        ("3. 鞍点，saddle point", [("鞍点", "saddle point", None)]),
        ("saddle point, 鞍点", [("鞍点", "saddle point", None)]),
        (
            "independent, identically distributed, 独立同分布",
            [("独立同分布", "independent, identically distributed", None)],
        ),
        ("预训练（pre-training）", [("预训练", "pre-training", None)]),
        ("長短期記憶網絡，long short-term memory (LSTM)", [("長短期記憶網絡", "long short-term memory", "LSTM")]),
        (
            "独立同分布，independent and identically distributed (i.i.d.)",
            [("独立同分布", "independent and identically distributed", "i.i.d.")],
        ),
        ("动量法，momentum (method)", [("动量法", "momentum (method)", None)]),
        ("实例/示例，instance", [("实例", "instance", None), ("示例", "instance", None)]),
        ("输入/输出，input/output", [("输入/输出", "input/output", None)]),
        ("层序softmax，hierarchical softmax", [("层序softmax", "hierarchical softmax", None)]),
    ],
)
def test_list_line_forms(line, expected):
    assert [(p.zh, p.en, p.abbr) for p in read("list", f"# 术语\n\n{line}\n")] == expected


def test_list_skips_markdown_furniture_and_reads_tables_by_their_header():
    text = "\n".join(
        [
            "# 术语表",
            "<!-- 校对中 -->",
            "---",
            "```python",
            "print('not a term')",
            "```",
            "| English | 中文 | 备注 |",
            "|:---|:---:|---|",
            "| saddle point | 鞍点 | 优化 |",
            "",
            "步幅，stride",
        ]
    )
    assert simple(read("list", text)) == [
        ("鞍点", "saddle point", None, "优化", None),
        ("步幅", "stride", None, None, None),
    ]


@pytest.mark.parametrize(
    ("abbr", "en", "expected"),
    [
        ("LSTM", "long short-term memory", True),
        ("i.i.d.", "independent and identically distributed", True),
        ("CBOW", "continuous bag-of-words", True),
        ("method", "momentum", False),
        ("e.g.", "for example", False),
        ("two words", "two words", False),
    ],
)
def test_abbreviates(abbr, en, expected):
    assert abbreviates(abbr, en) is expected


def test_the_d2l_terminology_list_imports_every_pair():
    with open(D2L_TERMINOLOGY, "rb") as stream:
        pairs = list(reader("list")(stream, str(D2L_TERMINOLOGY)))
    lines = [line for line in D2L_TERMINOLOGY.read_text(encoding="utf-8").splitlines() if "，" in line]
    assert len(lines) == 138
    # 138 lines, two of which give two Chinese terms for one English (实例/示例, 准确率/精度).
    assert len(pairs) == 140
    assert len({(p.zh, p.en) for p in pairs}) == 140
    by_zh = {p.zh: p for p in pairs}
    assert (by_zh["长短期记忆网络"].en, by_zh["长短期记忆网络"].abbr) == ("long short-term memory", "LSTM")
    assert (by_zh["独立同分布"].abbr, by_zh["动量法"].en) == ("i.i.d.", "momentum (method)")
    assert by_zh["示例"].en == by_zh["实例"].en == "instance"
    assert by_zh["鞍点"].where == "line 3"


# --- OmegaT ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("abbr", "status", "note"),
    [
        ("LLM", "approved", "常用; 见 “术语表”: note: nested"),
        (None, "candidate", None),
        (None, "rejected", "status: 旧译"),
        ("i.i.d.", "candidate", None),
    ],
)
def test_omegat_comment_round_trip(abbr, status, note):
    assert parse_comment(comment(abbr, status, note)) == (abbr, status, note)


def test_omegat_reads_both_directions_and_takes_a_foreign_comment_as_note():
    text = (
        "# Glossary in tab-separated format -*- coding: utf-8 -*-\n"
        "大语言模型\tlarge language model\tabbr: LLM; status: approved\n"
        "saddle point \t 鞍点\tfrom the client, 2024\n"
        "梯度\t\tno target: OmegaT shows it, there is no pair\n"
    )
    assert simple(read("omegat", text)) == [
        ("大语言模型", "large language model", "LLM", None, "approved"),
        ("鞍点", "saddle point", None, "from the client, 2024", None),
    ]


# --- TBX ------------------------------------------------------------------------------------------------

FOREIGN_TBX_V3 = """<?xml version="1.0" encoding="utf-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">
  <tbxHeader><fileDesc><sourceDesc><p>MultiTerm export</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <descrip type="subjectField">Machine learning</descrip>
      <note>G-Source: client style guide</note>
      <langSec xml:lang="en-US">
        <termSec>
          <term>large language model</term>
          <termNote type="termType">fullForm</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <note>Spell out on first use.</note>
        </termSec>
        <termSec>
          <term>LLM</term>
          <termNote type="termType">acronym</termNote>
        </termSec>
        <termSec>
          <term>big language model</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
        </termSec>
      </langSec>
      <langSec xml:lang="de"><termSec><term>großes Sprachmodell</term></termSec></langSec>
      <langSec xml:lang="zh-Hans">
        <termSec><term>大语言模型</term></termSec>
        <termSec>
          <term>大型语言模型</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
        </termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>orphan</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_v3_from_another_tool():
    pairs = read("tbx", FOREIGN_TBX_V3)
    assert simple(pairs) == [
        ("大语言模型", "large language model", "LLM", "Spell out on first use.", "approved"),
        ("大语言模型", "big language model", None, "G-Source: client style guide", "rejected"),
        ("大型语言模型", "large language model", "LLM", "Spell out on first use.", "rejected"),
        ("大型语言模型", "big language model", None, "G-Source: client style guide", "rejected"),
    ]
    assert {p.tags for p in pairs} == {("Machine learning",)}
    assert pairs[0].where == "line 9"


def test_tbx_v2_ntig_and_dct_style():
    v2 = """<?xml version="1.0" encoding="UTF-16"?>
<!DOCTYPE martif SYSTEM "http://127.0.0.1:9/TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="zh"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="e1">
  <langSet xml:lang="zh"><ntig><termGrp><term>预训练</term></termGrp></ntig></langSet>
  <langSet xml:lang="en"><ntig><termGrp><term>pre-training</term>
    <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig></langSet>
</termEntry></body></text></martif>"""
    dct = """<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic" xmlns:min="http://www.tbxinfo.net/ns/min">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body><conceptEntry id="c1">
  <min:subjectField>AI</min:subjectField>
  <langSec xml:lang="zh"><termSec><term>智能体</term></termSec></langSec>
  <langSec xml:lang="en"><termSec><term>agent</term>
    <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>
  </termSec></langSec>
</conceptEntry></body></text></tbx>"""
    # The DOCTYPE names a DTD on a port nothing listens on: it is never fetched.
    assert simple(read("tbx", v2.encode("utf-16"))) == [("预训练", "pre-training", None, None, "candidate")]
    (agent,) = read("tbx", dct)
    assert (agent.zh, agent.en, agent.status, agent.tags) == ("智能体", "agent", "approved", ("AI",))


def test_tbx_is_read_one_entry_at_a_time():
    entries = "".join(
        f'<termEntry id="e{i}"><langSet xml:lang="zh"><tig><term>术语{i}</term></tig></langSet>'
        f'<langSet xml:lang="en"><tig><term>term {i}</term></tig></langSet></termEntry>'
        for i in range(3000)
    )
    document = f"<martif><text><body>{entries}</body></text></martif>".encode()
    stream = io.BytesIO(document)
    pairs = reader("tbx")(stream, "big.tbx")
    assert next(pairs).zh == "术语0"
    assert stream.tell() < len(document)  # the first pair came before the whole file was read
    assert sum(1 for _ in pairs) == 2999


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "terms: line 1, column 1: no element found"),
        ("<html><body/></html>", "terms: line 1: <html> is not TBX (<tbx> or <martif>)"),
        (
            '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>中文</term></tig></langSet>\n'
            '<langSet xml:lang="en"><tig><term>x</tig></langSet></termEntry></body></text></martif>',
            "terms: line 2, column 38: mismatched tag",
        ),
        (
            '<!DOCTYPE martif [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
            '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&b;</term></tig></langSet>'
            "</termEntry></body></text></martif>",
            "terms: line 2: declares the XML entity a; entities are refused (a term base never needs them)",
        ),
        (
            '<!DOCTYPE martif [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<martif><text><body>'
            "<termEntry><langSet xml:lang='zh'><tig><term>&secret;</term></tig></langSet></termEntry>"
            "</body></text></martif>",
            "terms: line 1: declares the XML entity secret; entities are refused (a term base never needs them)",
        ),
        (
            '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif><text><body><termEntry><langSet xml:lang="zh">'
            "<tig><term>&nbsp;</term></tig></langSet></termEntry></body></text></martif>",
            "terms: line 2: undefined entity &nbsp;",
        ),
        (
            "<martif><text><body><termEntry>\n<langSet><tig><term>中文</term></tig></langSet>"
            "</termEntry></body></text></martif>",
            "terms: line 2: <langSet> has no xml:lang",
        ),
        (
            '<martif><text><body><termEntry>\n<langSet xml:lang="zh">\n<tig><note>x</note></tig></langSet>'
            "</termEntry></body></text></martif>",
            "terms: line 3: <tig> has no <term>",
        ),
        (
            '<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>中文</term></tig></langSet>\n'
            '<langSet xml:lang="en"><tig><term>Chinese</term>\n<termNote type="administrativeStatus">'
            "weird</termNote></tig></langSet></termEntry></body></text></martif>",
            'terms: line 3: status "weird" is not approved, candidate or rejected',
        ),
    ],
)
def test_malformed_or_hostile_tbx_is_refused_naming_the_line(text, message):
    with pytest.raises(FormatError) as raised:
        read("tbx", text)
    assert str(raised.value) == message


def test_a_tbx_without_chinese_and_english_has_no_pairs(tmp_path):
    path = tmp_path / "en-de.tbx"
    path.write_text(
        '<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>book</term></tig></langSet>'
        '<langSet xml:lang="de"><tig><term>Buch</term></tig></langSet></termEntry></body></text></martif>',
        encoding="utf-8",
    )
    with pytest.raises(FormatError) as raised:
        list(read_pairs(str(path), "tbx"))
    assert (
        str(raised.value)
        == f"{path}: no Chinese-English pairs in it, read as tbx (pass --format if it is another format)"
    )
