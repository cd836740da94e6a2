"""glossary scan: the glossary's terms a document uses (longest first, any script) and the new terms it lacks."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.model import Document
from glossary.scan import Preferred, TermMatcher, count_terms, scan_documents

TEXT = (
    "本章介绍卷积神经网络与强化学习。卷积神经网络很常用，卷积也是。\n"
    "奖励模型很重要：强化学习用奖励模型，奖励模型需要训练。\n"
)


def matcher(*keys: str, aliases: dict[str, str] | None = None) -> TermMatcher:
    return TermMatcher({**(aliases or {}), **{k: k for k in keys}})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # longest match first, never overlapping
        ("我们用卷积神经网络", [("卷积神经网络", "卷积神经网络")]),
        ("卷积和神经网络", [("卷积", "卷积"), ("神经网络", "神经网络")]),
        # traditional text: matched as simplified, shown as written
        ("我們用卷積神經網絡", [("卷积神经网络", "卷積神經網絡")]),
        ("強化學習與卷積", [("强化学习", "強化學習"), ("卷积", "卷積")]),
        # Latin inside a term: case-insensitive, never inside a longer word
        ("用transformer架构和ChatGPT架构", [("Transformer架构", "transformer架构")]),
        ("GPT架构", [("GPT架构", "GPT架构")]),
        # code and markup hold no term
        ("```python\nx = 1  # no terms here\n```", []),
    ],
)
def test_matcher_finds_terms_longest_first_in_either_script(text, expected):
    m = matcher("卷积", "神经网络", "卷积神经网络", "强化学习", "Transformer架构", "GPT架构")
    assert list(m.find(text)) == expected


def test_matcher_finds_merged_names_as_their_term():
    m = matcher("预训练模型", aliases={"预训练的模型": "预训练模型"})
    assert list(m.find("一个预训练的模型")) == [("预训练模型", "预训练的模型")]


def test_empty_glossary_finds_nothing():
    assert list(TermMatcher({}).find("卷积神经网络")) == []


def test_count_terms_counts_sightings_documents_and_forms():
    m = matcher("卷积", "强化学习")
    counted = count_terms(m, [("a", "卷积与卷積"), ("b", "强化学习"), ("c", "卷积")])
    assert {k: (n, d, dict(f)) for k, (n, d, f) in counted.items()} == {
        "卷积": (3, 2, {"卷積": 1}),
        "强化学习": (1, 1, {}),
    }


def test_terms_in_code_and_urls_are_not_counted():
    vocabulary = {"键值缓存": Preferred("键值缓存", "KV cache", None, "jiàn zhí huǎn cún", "approved")}
    text = (
        "正文提到键值缓存。\n\n```python\n# 键值缓存\n```\n\n`键值缓存` 和 [键值缓存](https://example.com/键值缓存)\n"
    )
    report = scan_documents(vocabulary, {}, [Document("/a.md", text, "0" * 64, "utf-8", "md")], new_limit=0)
    assert [(t.zh, t.count) for t in report.known] == [("键值缓存", 2)]  # the prose and the link's text


def test_scan_documents_lists_known_terms_by_count_and_new_terms():
    vocabulary = {
        "卷积神经网络": Preferred("卷积神经网络", "convolutional neural network", "CNN", "juǎn jī", "approved"),
        "强化学习": Preferred("强化学习", "reinforcement learning", "RL", "qiáng huà xué xí", "candidate"),
        "模型": Preferred("模型", "model", None, "mó xíng", "approved"),
        "奖励": Preferred("奖励", "reward", None, "jiǎng lì", "approved"),
    }
    doc = Document("/a.md", TEXT, "0" * 64, "utf-8", "md")
    report = scan_documents(vocabulary, {}, [doc], new_limit=5)
    assert [(t.zh, t.en, t.count, t.documents) for t in report.known] == [
        ("奖励", "reward", 3, 1),
        ("模型", "model", 3, 1),
        ("卷积神经网络", "convolutional neural network", 2, 1),
        ("强化学习", "reinforcement learning", 2, 1),
    ]
    new = {u.zh: u for u in report.new}
    assert "奖励模型" in new and new["奖励模型"].proposed_en == "reward model"
    assert not set(new) & set(vocabulary)
    assert scan_documents(vocabulary, {}, [doc], new_limit=0).new == []


@pytest.fixture
def scan_glossary(glossary):
    glossary.add("卷积神经网络", "convolutional neural network", abbr="CNN")
    glossary.add("强化学习", "reinforcement learning", abbr="RL", status="candidate")
    glossary.add("强化学习", "RL training", status="candidate", confidence=0.2)
    glossary.add("卷积", "convolution")
    glossary.add("奖励", "reward")
    glossary.add("模型", "model")
    glossary.add("噪声", "noise")
    glossary.set_status("噪声", None, "rejected")
    return glossary


def test_scan_cli_table_on_traditional_text(scan_glossary, run, tmp_path):
    doc = tmp_path / "tw.txt"
    doc.write_bytes("本章介紹卷積神經網絡與強化學習。卷積神經網絡很常用。噪聲很大。\n".encode("big5"))
    result = run("scan", str(doc), "-n", "0")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:5] == [
        "Glossary terms (2):",
        "zh            en                            abbr  status     count  as written",
        "------------  ----------------------------  ----  ---------  -----  ------------",
        "卷积神经网络  convolutional neural network  CNN   approved   2      卷積神經網絡",
        "强化学习      reinforcement learning        RL    candidate  1      強化學習",
    ]


def test_a_terms_english_is_the_one_its_documents_use_most(run, tmp_path):
    (tmp_path / "a.md").write_text("模型推理（inference）很贵。推理（inference）需要显存。\n", encoding="utf-8")
    run("extract", str(tmp_path / "a.md"))
    run("add", "推理", "reasoning")  # by hand: approved, confidence 1, no sighting
    run("approve", "推理", "inference")
    (tmp_path / "b.md").write_text("推理成本很高，推理服务很重要。\n", encoding="utf-8")
    rows = csv.DictReader(io.StringIO(run("scan", str(tmp_path / "b.md"), "-n", "0", "--format", "csv").output))
    assert [(r["zh"], r["en"]) for r in rows] == [("推理", "inference")]


def test_scan_cli_csv_and_json(scan_glossary, run, tmp_path):
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run("scan", str(tmp_path / "a.md"), "--format", "csv").output)))
    assert list(rows[0]) == ["kind", "zh", "en", "abbr", "pinyin", "status", "count", "documents", "forms", "example"]
    known = [(r["zh"], r["en"], r["count"]) for r in rows if r["kind"] == "known"]
    assert known == [
        ("奖励", "reward", "3"),
        ("模型", "model", "3"),
        ("卷积神经网络", "convolutional neural network", "2"),
        ("强化学习", "reinforcement learning", "2"),
        ("卷积", "convolution", "1"),
    ]
    new = [r for r in rows if r["kind"] == "new"]
    assert ("奖励模型", "reward model") in {(r["zh"], r["en"]) for r in new}
    data = json.loads(run("scan", str(tmp_path / "a.md"), "--format", "json").output)
    assert set(data) == {"known", "new"}
    assert data["known"][0] == {
        "kind": "known",
        "zh": "奖励",
        "en": "reward",
        "abbr": None,
        "pinyin": "jiǎng lì",
        "status": "approved",
        "count": 3,
        "documents": 1,
        "forms": [],
    }


def test_scan_skips_unreadable_files_with_a_warning_and_exit_1(scan_glossary, run, tmp_path):
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02\x03binary")
    result = run("scan", str(tmp_path / "a.md"), str(tmp_path / "b.bin"), str(tmp_path / "missing.md"), "-n", "0")
    assert result.exit_code == 1
    # (a file of another kind, named: what is read instead)
    assert f"skipped: {tmp_path / 'b.bin'}: binary file, not text (only .txt, .text, .md" in result.output
    assert f"skipped: {tmp_path / 'missing.md'}: no such file\n" in result.output
    assert "卷积神经网络" in result.stdout


def test_scan_refuses_a_missing_database(run, tmp_path):
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    result = run("scan", str(tmp_path / "a.md"))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: no glossary at {tmp_path / 'test.db'}")


def naive_longest(keys: set[str], text: str) -> list[str]:
    """Leftmost-longest non-overlapping matches, by brute force."""
    found, i = [], 0
    while i < len(text):
        for j in range(len(text), i, -1):
            if text[i:j] in keys:
                found.append(text[i:j])
                i = j
                break
        else:
            i += 1
    return found


# Characters whose UTF-16 bytes line up across character boundaries (乎 is 4E4E, 一 4E00, 丁 4E01, 丐 4E10,
# 乀 4E40, 与 4E0E): the matcher feeds the automaton bytes and must never report a match that straddles two.
@given(
    keys=st.sets(st.text(alphabet="乎一丁丐乀与", min_size=1, max_size=4), min_size=1, max_size=6),
    text=st.text(alphabet="乎一丁丐乀与", max_size=40),
)
@settings(max_examples=300, deadline=None)
def test_matcher_equals_brute_force_longest_match(keys, text):
    assert [key for key, _ in matcher(*keys).find(text)] == naive_longest(keys, text)
