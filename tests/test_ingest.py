"""Documents in every encoding users have; binary, empty and oversized input refused in one line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.errors import DocumentError
from glossary.ingest import decode, document_from_bytes, html_to_text, iter_inputs, read_document
from glossary.pipeline import extract_files
from glossary.store import open_glossary

TEXT_SIMPLIFIED = "大语言模型（LLM）的后训练阶段(post-training stage)包括指令跟随。"
TEXT_TRADITIONAL = "大語言模型（LLM）的後訓練階段(post-training stage)包括指令跟隨。"
SHORT = "后训练"


@pytest.mark.parametrize(
    ("text", "data", "expected"),
    [
        (TEXT_SIMPLIFIED, TEXT_SIMPLIFIED.encode("utf-8"), "utf-8"),
        (TEXT_SIMPLIFIED, codecs.BOM_UTF8 + TEXT_SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (TEXT_SIMPLIFIED, TEXT_SIMPLIFIED.encode("utf-16"), "utf-16"),
        (TEXT_SIMPLIFIED, TEXT_SIMPLIFIED.encode("utf-16-le"), "utf-16"),
        (TEXT_SIMPLIFIED, TEXT_SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (TEXT_SIMPLIFIED, TEXT_SIMPLIFIED.encode("gbk"), "gb18030"),
        (TEXT_SIMPLIFIED, TEXT_SIMPLIFIED.encode("gb18030"), "gb18030"),
        (TEXT_TRADITIONAL, TEXT_TRADITIONAL.encode("big5"), "big5"),
        (TEXT_TRADITIONAL, TEXT_TRADITIONAL.encode("gbk"), "gb18030"),
        (TEXT_TRADITIONAL, TEXT_TRADITIONAL.encode("utf-16"), "utf-16"),
        # short texts are where detectors guess wrong
        (SHORT, SHORT.encode("gbk"), "gb18030"),
        ("模型", "模型".encode("big5"), "big5"),
        ("深度学习", "深度学习".encode("gbk"), "gb18030"),
        ("資料", "資料".encode("big5"), "big5"),
    ],
)
def test_decode_detects_the_encoding(text, data, expected):
    decoded, encoding = decode(data)
    assert decoded.lstrip("\ufeff") == text
    assert encoding == expected


def test_explicit_encoding_wins_and_fails_clearly():
    data = TEXT_SIMPLIFIED.encode("gbk")
    assert decode(data, "gbk") == (TEXT_SIMPLIFIED, "gbk")
    with pytest.raises(DocumentError, match="cannot decode as utf-8"):
        decode(data, "utf-8", "a.txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "binary"),
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00" + bytes(200), "binary"),
    ],
)
def test_unusable_input_is_refused_naming_the_file(data, message):
    with pytest.raises(DocumentError, match=message) as info:
        document_from_bytes(data, "some/file.txt")
    assert str(info.value).startswith("some/file.txt: ")
    assert "\n" not in str(info.value)


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes("模型".encode() * 1000)
    with pytest.raises(DocumentError, match="too large"):
        read_document(str(path), max_bytes=1000)
    # a size just over the limit is in bytes: not "1 MB > 1 MB"
    with pytest.raises(DocumentError, match=r"\(1048577 bytes > 1048576 bytes\)"):
        document_from_bytes("模".encode() * 349525 + b"ab", "big.txt", max_bytes=1048576)


def test_document_normalises_newlines_and_finds_a_title(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(codecs.BOM_UTF8 + "前言\r\n# 大语言模型入门\r\n正文。\r\n".encode())
    doc = read_document(str(path))
    assert doc.text == "前言\n# 大语言模型入门\n正文。\n"
    assert (doc.title, doc.format, doc.encoding) == ("大语言模型入门", "md", "utf-8-sig")


def test_text_opening_with_a_heading_is_titled_without_its_marks():
    # Markdown piped to stdin is read as text: its title had kept the # (# 大语言模型入门)
    doc = document_from_bytes("# 大语言模型入门\n正文。\n".encode(), "-")
    assert doc.title == "大语言模型入门"
    assert document_from_bytes("#标签 不是标题\n".encode(), "a.txt").title == "#标签 不是标题"


@pytest.mark.parametrize(
    ("name", "raw", "text"),
    [
        # nothing invisible: a zero-width space, a soft hyphen, a byte order mark inside, directional marks
        ("a.md", "大\u200b语言模型（pre\u00adtraining）\ufeff\u200e。", "大语言模型（pretraining）。"),
        # one kind of space: no-break, narrow and thin spaces, and an ideographic one between words ...
        ("a.md", "模型\u00a0(large\u202flanguage\u2009model)\u3000见下。", "模型 (large language model) 见下。"),
        ("a.md", "大语言模型\u3000\u3000（LLM）", "大语言模型  （LLM）"),  # (each of a run)
        # ... but one that indents a paragraph stays
        ("a.txt", "\u3000\u3000第一段。\n\u3000\u3000第二段。", "\u3000\u3000第一段。\n\u3000\u3000第二段。"),
        ("a.html", "<p>大语言模型&nbsp;(large&#160;language model)</p>", "大语言模型 (large language model)"),
        ("a.md", "\u200b\u200b\n", None),  # nothing visible: no text
    ],
)
def test_documents_hold_the_text_as_a_reader_sees_it(name, raw, text):
    """Text pasted from web pages holds characters that show as nothing or as a space; they split terms
    (大\u200b语言模型) and hide English words from the extractor, and searches for what the reader sees miss."""
    if text is None:
        with pytest.raises(DocumentError, match="no text"):
            document_from_bytes(raw.encode(), name)
    else:
        assert document_from_bytes(raw.encode(), name).text == text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('---\ntitle: "大模型入门"\ndate: 2024-01-01\n---\n# 第一章\n', "大模型入门"),  # the front matter's title
        ('+++\ntitle = "TOML 标题"\n+++\n正文。\n', "TOML 标题"),
        ("---\ndate: 2024-01-01\n---\n正文第一行。\n", "正文第一行。"),  # no title there: not the rule
        ('---\ntitle: ""\n---\n# 标题\n', "标题"),  # an empty title, a YAML block's >: the heading
        ("---\ntitle: >\n  长标题\n---\n# 标题二\n", "标题二"),
    ],
)
def test_a_markdown_title_comes_from_its_front_matter(text, title):
    assert document_from_bytes(text.encode(), "a.md").title == title


def test_an_encoding_given_that_reads_the_bytes_as_nonsense_is_refused():
    data = "大语言模型（large language model）是一种模型，我们用它来生成文本。".encode("gbk")
    with pytest.raises(DocumentError, match="reads as gb18030, not big5; leave --encoding out or correct it"):
        document_from_bytes(data, "a.txt", encoding="big5")  # (it decodes, into rare characters)
    assert document_from_bytes(data, "a.txt", encoding="gbk").text.startswith("大语言模型")
    assert document_from_bytes("café crème".encode("latin-1"), "a.txt", encoding="latin-1").text == "café crème"


def test_html_keeps_visible_text_and_emphasis_hints():
    text, title = html_to_text(
        "<html><head><title>後訓練</title><style>p{}</style></head><body><p>我们使用<em>强化学习</em>"
        "（reinforcement learning）。</p><script>var x='模型';</script><p>A &amp; B</p></body></html>"
    )
    assert title == "後訓練"
    assert text == "我们使用*强化学习*（reinforcement learning）。\n\nA & B"


def test_html_preformatted_text_is_fenced_as_code():
    text, _ = html_to_text("<p>正文</p><pre>预格式（preformatted）\n  缩进</pre><p>后记</p>")
    assert text == "正文\n\n```\n预格式（preformatted）\n缩进\n```\n\n后记"


def test_html_table_cells_are_written_as_markdown_writes_them(tmp_path):
    """(a table of terms came out 批量归一化batch normalization, one word, and gave no pair)"""
    page = (
        "<table><tr><th>中文</th><th>英文</th></tr><tr><td>批量归一化</td><td>batch normalization</td></tr>"
        "<tr><td><b>注意力机制</b></td><td>attention mechanism</td></tr></table><p>正文。</p>"
    )
    text, _ = html_to_text(page)
    assert text == (
        "| 中文 | 英文 |\n| 批量归一化 | batch normalization |\n| **注意力机制** | attention mechanism |\n\n正文。"
    )
    # ... written out over lines, as editors write HTML, with paragraphs in cells: the same rows
    pretty = page.replace("<tr>", "\n  <tr>\n    ").replace("</td>", "</td>\n    ").replace("<td>批量", "<td><p>批量")
    assert html_to_text(pretty.replace("归一化</td>", "归一化</p></td>"))[0] == text
    # ... and with the cells' end tags left out, as HTML allows: the rows end them, and what follows is no cell
    loose = (
        "<table><tr><th>中文<th>英文\n<tr><td>批量归一化<td>batch normalization\n</table><h2>低秩适配</h2><p>正文。</p>"
    )
    assert html_to_text(loose)[0] == "| 中文 | 英文 |\n| 批量归一化 | batch normalization |\n\n低秩适配\n\n正文。"
    (tmp_path / "terms.html").write_text(page, encoding="utf-8")
    with open_glossary(tmp_path / "g.db") as g:
        extract_files(g, [str(tmp_path / "terms.html")])
        assert {(e.zh, e.en) for e in g.entries()} == {
            ("批量归一化", "batch normalization"),
            ("注意力机制", "attention mechanism"),
        }


# Notes hard-wrapped at 80 columns, as editors wrap them: breaks fall inside terms and inside glosses.
WRAPPED = """\
TLS 1.3 笔记
作者：某某

2. 服务器回复 ServerHello，同样带上自己的临时公钥。此时双方已经可以用椭圆曲线迪
   菲-赫尔曼密钥交换（Elliptic Curve Diffie-Hellman Ephemeral，ECDHE）算出共享密
   钥（shared secret）。

更进一步，客户端可以在第一个报文里就带上应用数据，这就是 0-RTT，也称早期数据（
early data）。代价是 0-RTT 数据没有前向保密性，而且可能遭受重放攻击（replay
attack），所以只应该用于幂等（idempotent）请求，例如 GET。
"""


def test_hard_wrapped_paragraphs_are_read_as_one_line(tmp_path):
    """(a break inside a term gave 钥 / shared secret; one inside a gloss gave no pair)"""
    text = document_from_bytes(WRAPPED.encode(), "notes.txt").text
    assert text.splitlines() == [
        "TLS 1.3 笔记",  # (short lines are their author's: a title, a byline)
        "作者：某某",
        "",
        "2. 服务器回复 ServerHello，同样带上自己的临时公钥。此时双方已经可以用椭圆曲线迪菲-赫尔曼密钥交换"
        "（Elliptic Curve Diffie-Hellman Ephemeral，ECDHE）算出共享密钥（shared secret）。",
        "",
        "更进一步，客户端可以在第一个报文里就带上应用数据，这就是 0-RTT，也称早期数据（early data）。代价是 0-RTT "
        "数据没有前向保密性，而且可能遭受重放攻击（replay attack），所以只应该用于幂等（idempotent）请求，例如 GET。",
    ]
    # ... a bracket left open with the English after the break is a gloss broken too
    broken = (
        "模型在“可见类”（seen classes）上训练，在“不可见类”（\nunseen classes）上测试，这就是零样本语义分割的设定。"
    )
    assert document_from_bytes(broken.encode(), "a.txt").text == broken.replace("\n", "")
    (tmp_path / "notes.txt").write_text(WRAPPED, encoding="utf-8")
    with open_glossary(tmp_path / "g.db") as g:
        extract_files(g, [str(tmp_path / "notes.txt")])
        found = {(e.zh, e.en) for e in g.entries()}
    assert {("共享密钥", "shared secret"), ("重放攻击", "replay attack"), ("早期数据", "early data")} <= found


@pytest.mark.parametrize(
    ("wrapped", "joined"),
    [
        # emphasis and code marks at a break are looked past (a space would end the emphasis: *⏎输出*)
        (
            "这一节我们先确定模型的*输入*（input）和它们的维度，再确定模型的*\n"
            "输出*（output）和它们的维度，然后讲怎样训练这个模型，最后讲怎么评\n"
            "估它的效果，以及在不同的数据集上它的表现有什么样的差别，这些都很\n"
            "重要。",
            "这一节我们先确定模型的*输入*（input）和它们的维度，再确定模型的*输出*（output）和它们的维度，然后讲怎样"
            "训练这个模型，最后讲怎么评估它的效果，以及在不同的数据集上它的表现有什么样的差别，这些都很重要。",
        ),
        # a word broken after its hyphen
        (
            "网络协议里有一个很重要的量，叫做往返时延（round-\n"
            "trip time），它决定了握手要等多久，这个量通常用毫\n"
            "秒来度量，不同网络的差别很大，我们要多次测量它，\n"
            "才行。",
            "网络协议里有一个很重要的量，叫做往返时延（round-trip time），它决定了握手要等多久，这个量通常用毫秒来"
            "度量，不同网络的差别很大，我们要多次测量它，才行。",
        ),
        # a gloss a wrapper moved to the next line whole, its bracket with its first word (kinsoku)
        (
            "下一篇我们讲寄存器分配，会介绍两种经典的算法：第一种是图着色\n"
            "（graph coloring），第二种是线性扫描，它们各有各的优点和缺点，\n"
            "后面会用具体的例子来比较它们在编译速度和生成代码的质量上的差\n"
            "别。",
            "下一篇我们讲寄存器分配，会介绍两种经典的算法：第一种是图着色（graph coloring），第二种是线性扫描，它们各有"
            "各的优点和缺点，后面会用具体的例子来比较它们在编译速度和生成代码的质量上的差别。",
        ),
    ],
)
def test_a_wrapped_line_runs_on_as_it_reads(wrapped, joined):
    assert document_from_bytes(wrapped.encode(), "a.md").text == joined


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_a_line_that_opens_with_a_gloss_and_runs_on_is_the_sentence_of_the_line_before(name):
    """Lines of no common width, broken by their author before a gloss: the sentence goes on after it (a title's
    English under it ends its line, see test_lines_that_are_not_wrapped_stay_apart)."""
    text = (
        "在传输层，我们首先要讲的是用户数据报协议\n（User Datagram Protocol，UDP），它是一种无连接的协议，\n"
        "不保证可靠交付，也不保证顺序。\n"
    )
    assert document_from_bytes(text.encode(), name).text.splitlines()[0] == (
        "在传输层，我们首先要讲的是用户数据报协议（User Datagram Protocol，UDP），它是一种无连接的协议，"
    )


LONG = "大语言模型的后训练阶段包括指令微调和基于人类反馈的强化学习两个步骤，"  # (a line as wide as wrapped ones)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.md", f"# {LONG}\n{LONG}\n"),  # a heading is a line of its own
        ("a.md", f"| {LONG} |\n| {LONG} |\n"),  # so is a table row
        ("a.md", f"```\n{LONG}\n{LONG}\n```\n"),  # code is as written
        ("a.md", f"    {LONG}\n    {LONG}\n"),  # (indented, in Markdown)
        ("a.md", f"- {LONG}\n- {LONG}\n"),  # list items, quotes, Chinese numbering
        ("a.md", f"> {LONG}\n> {LONG}\n"),
        ("a.txt", f"一、{LONG}\n（二）{LONG}\n"),
        ("a.txt", f"{LONG}\n\u3000\u3000{LONG}\n"),  # a paragraph indented as Chinese text indents them
        ("a.txt", f"{LONG[:-1]}。\n{LONG}\n"),  # a line that ends a sentence: perhaps one paragraph a line
        ("a.txt", f"{LONG[:12]}\n{LONG}\n"),  # a short line before a wide one
        ("a.md", f"---\ntitle: {LONG}\nauthor: {LONG}\n---\n正文。\n"),  # front matter
        # lines of no common width are their author's: definitions one a line (two of about one width too), a
        # lead-in before a term, dialogue
        (
            "a.txt",
            "自注意力（self-attention）：让序列中每个位置都关注其他所有位置的注意力机制\n"
            "多头注意力（multi-head attention）：并行计算多组注意力后拼接输出\n"
            "位置编码（positional encoding）：为每个位置加入位置信息的向量表示方法\n",
        ),
        (
            "a.txt",
            "自注意力（self-attention）：让序列中每个位置都关注其他位置的注意力机制\n"
            "位置编码（positional encoding）：为每个位置加入位置信息的向量表示\n"
            "多头注意力（multi-head attention）：并行计算多组注意力后拼接输出\n"
            "层归一化（layer normalization）：对每个样本的特征维做标准化的方法\n",
        ),
        (
            "a.txt",
            "他看了看窗外，说：“今天的天气真不错，我们出去走走吧。”\n"
            "她摇了摇头，说：“我还有很多工作没有做完，你自己去吧。”\n"
            "他说：“那我一个人去公园转一圈，晚饭前就回来。”\n",
        ),
        # a title or caption with its English under it; a smiley
        (
            "a.txt",
            "基于深度强化学习的多智能体协同决策方法研究\n(Research on Multi-Agent Cooperative Decision Making)\n",
        ),
        ("a.txt", "今天调了一整天参数，训练损失一直在震荡，还是没有收敛 :(\n明天打算换一个学习率调度策略再试一试\n"),
        # a list's items that open with their English (not a gloss the sentence before goes on after)
        ("a.txt", "模型主要包括以下三个组件，分别负责不同的功能和任务\n(Encoder)：将输入序列编码为隐藏表示。\n"),
        ("a.txt", "下面比较三种不同的优化算法的收敛速度和最终的精度表现\n(SGD) 收敛最慢，但泛化最好。\n"),
        # a table's rows without the leading pipe, an indented code block's lines
        ("a.md", f"{LONG} | gradient descent | 一种方法\n{LONG} | backpropagation | 另一种方法\n"),
        ("a.md", f"例子：\n\n    // {LONG}\n    // {LONG}\n    // {LONG}\n"),
        (
            "a.md",
            "本节介绍几种在工业界被广泛使用的分布式数据存储系统\n键值存储（key-value store）以键值对的形式保存数据\n",
        ),
    ],
)
def test_lines_that_are_not_wrapped_stay_apart(name, text):
    assert document_from_bytes(text.encode(), name).text == text


LECTURE_SRT = """1
00:00:03,200 --> 00:00:07,380
好 同学们 我们上课
今天我们进入<i>传输层</i>

2
00:00:07,730 --> 00:00:16,970
上节课我们讲了用户数据报协议
（User Datagram Protocol，UDP）

3
00:00:17,320 --> 00:00:25,680
{\\an8}它不保证可靠 传输控制协议

4
00:00:26,030 --> 00:00:29,990
（Transmission Control Protocol）
也就是大家天天说的TCP
"""


def test_a_subtitle_file_is_read_a_cue_a_line(tmp_path):
    """Numbers, times, tags are no text; a space between Chinese is the comma subtitles write it for; a cue that
    opens with a gloss runs on from the cue before."""
    assert document_from_bytes(LECTURE_SRT.encode(), "lecture.srt").text.splitlines() == [
        "好，同学们，我们上课，今天我们进入传输层",
        "上节课我们讲了用户数据报协议 （User Datagram Protocol，UDP）",
        "它不保证可靠，传输控制协议 （Transmission Control Protocol） 也就是大家天天说的TCP",
    ]
    vtt = "WEBVTT\n\nNOTE 讲座字幕\n\n00:03.200 --> 00:07.380 line:0\n我们讲拥塞窗口（congestion window）\n"
    document = document_from_bytes(vtt.encode(), "lecture.vtt")
    assert (document.text, document.title) == ("我们讲拥塞窗口（congestion window）",) * 2
    # a sound is no gloss; a term's English shown under it runs on; comparisons are no tags; cues with no blank
    # line between them
    odd = (
        "1\n00:00:01,000 --> 00:00:02,000\n下面我们来看拥塞控制\n2\n00:00:02,500 --> 00:00:03,000\n(Applause)\n\n"
        "3\n00:00:04,000 --> 00:00:05,000\n快速恢复\nfast recovery\n\n"
        "4\n00:00:06,000 --> 00:00:07,000\n如果 x<0 并且 y>0 &amp; <i>z</i>\n"
    )
    assert document_from_bytes(odd.encode(), "odd.srt").text.splitlines() == [
        "下面我们来看拥塞控制",
        "(Applause)",
        "快速恢复 fast recovery",
        "如果 x<0 并且 y>0 & z",
    ]
    # ... but in bilingual subtitles, where most cues have their translation under them, it is a line of its own
    bilingual = (
        "1\n00:00:01,000 --> 00:00:02,000\n大家好\nHello everyone\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n今天讲拥塞控制\nToday: congestion control\n"
    )
    assert document_from_bytes(bilingual.encode(), "b.vtt").text.splitlines() == [
        "大家好",
        "Hello everyone",
        "今天讲拥塞控制",
        "Today: congestion control",
    ]
    (tmp_path / "lecture.srt").write_text(LECTURE_SRT, encoding="utf-8")
    with open_glossary(tmp_path / "g.db") as g:
        extract_files(g, list(iter_inputs([str(tmp_path)])))  # (a directory's subtitle files are read)
        found = {(e.zh, e.en) for e in g.entries()}
    assert {("用户数据报协议", "User Datagram Protocol"), ("传输控制协议", "Transmission Control Protocol")} <= found


def test_iter_inputs_walks_directories_for_text_files(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / ".hidden").mkdir()
    for name in ["d/a.md", "d/sub/b.txt", "d/c.html", "d/image.png", "d/.hidden/x.md", "d/sub/.y.txt"]:
        (tmp_path / name).write_text("模型", encoding="utf-8")
    passed_over: list[Path] = []
    found = [p.split("/d/")[1] for p in iter_inputs([str(tmp_path / "d")], passed_over)]
    assert found == ["a.md", "c.html", "sub/b.txt"]
    assert passed_over == [tmp_path / "d" / "image.png"]  # (told, not read; hidden files are neither)
    assert list(iter_inputs(["-", "missing.txt"])) == ["-", "missing.txt"]


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co"), blacklist_characters="\ufffd")
        | st.sampled_from("\n\t"),
        max_size=200,
    )
)
def test_utf8_text_without_control_characters_round_trips(text):
    """Every such text decodes to itself, but for a leading U+FEFF: in a file, that is the UTF-8 byte order mark."""
    if not text.strip():
        return
    decoded, _ = decode(text.encode("utf-8"))
    assert decoded == text.removeprefix("\ufeff")
