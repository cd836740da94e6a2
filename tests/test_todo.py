"""Terms awaiting translation: domain terms with no English, ranked by termhood."""

from __future__ import annotations

import csv
import io

from glossary.extract.termhood import untranslated_terms

from .conftest import SEEDS, write_locked


def seed_documents() -> list[tuple[str, str]]:
    return [(str(p), p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def test_seed_domain_terms_are_awaiting_translation():
    found = {u.zh: u for u in untranslated_terms(seed_documents(), set(), limit=None)}
    for term in ["合成数据", "奖励模型", "强化学习", "预训练"]:
        assert term in found, term
    assert found["合成数据"].count == 8 and found["合成数据"].documents == 2
    assert "合成数据" in found["合成数据"].example


def test_the_example_is_a_sentence_that_reads_as_one():
    documents = [
        ("tags.md", "标签：合成数据 人工智能 模型 训练\n"),
        ("post.md", "合成数据\n我非常看好合成数据，随着模型性能提升，情况也会变得更好。\n合成数据能补足真实数据。\n"),
    ]
    (found,) = [u for u in untranslated_terms(documents, set(), limit=None) if u.zh == "合成数据"]
    assert found.example == "我非常看好合成数据，随着模型性能提升，情况也会变得更好。"
    assert found.document == "post.md"


def test_nothing_in_front_matter_is_a_term_nor_its_example():
    documents = [
        (
            "a.md",
            "---\ntitle: 大模型入门\ntags: 模拟退火算法\n---\n# 大模型入门\n\n"
            "模拟退火算法很常见。我们采用模拟退火算法求解。这里的模拟退火算法收敛很快。\n",
        )
    ]
    found = {u.zh: u for u in untranslated_terms(documents, set(), limit=None)}
    assert "大模型入门" not in found  # (a heading, and the front matter's title)
    assert found["模拟退火算法"].count == 3
    assert "tags" not in (found["模拟退火算法"].example or "")


def test_the_label_of_a_gloss_is_no_term():
    text = "我们用提示工程（英文：prompt engineering）。还有思维链（英文：chain of thought）。"
    text += "提示工程很重要，思维链也是。"
    assert [u.zh for u in untranslated_terms([("a.md", text)], set(), limit=None)] == ["提示工程", "思维链"]


def test_general_vocabulary_and_fragments_are_not_terms():
    found = {u.zh for u in untranslated_terms(seed_documents(), set(), limit=None)}
    # function words, a lone adverb/verb, coordination, a span that starts inside the word 中国, and a clause that
    # ends in a verb relating it to what follows ("the problem lies in")
    for not_a_term in ["我们", "可能", "应该", "因此", "国国家图书馆", "国家图书馆和", "问题在于"]:
        assert not_a_term not in found, not_a_term


def test_what_is_only_ever_a_heading_a_label_or_a_tag_is_no_term():
    documents = [
        (
            "a.md",
            "## 项目概览\n论文地址：https://arxiv.org/abs/1\n我们用合成数据训练。\n"
            "【开源免费】一个工具。\n- 合成数据的来源很多。\n知识蒸馏是一种压缩模型的方法。\n",
        ),
        (
            "b.md",
            "## 项目概览\n论文地址: https://arxiv.org/abs/2\n【开源免费】另一个工具。\n"
            "知识蒸馏的核心是软标签。\n| 梯度裁剪 | 限制梯度的范数 |\n| 梯度裁剪 | 另一种说法 |\n",
        ),
    ]
    found = {u.zh for u in untranslated_terms(documents, set(), limit=None)}
    # a heading, a label and a bracketed tag, each twice and each a line's whole heading, label or tag
    assert found.isdisjoint({"项目概览", "论文地址", "开源免费"})
    # a term that also runs in a sentence, the subject two paragraphs open with, a table's term column
    assert {"合成数据", "知识蒸馏", "梯度裁剪"} <= found


def test_a_relation_that_names_an_operator_is_a_term():
    # 等于 relates a phrase to what follows (像素值等于), but 小于等于 "less than or equal to" names an operator
    documents = [("a.md", "当误差小于等于阈值时停止。\n如果步长小于等于零就报错。\n我们检查损失是否小于等于上界。\n")]
    assert "小于等于" in {u.zh for u in untranslated_terms(documents, set(), limit=None)}


def test_known_terms_are_left_out_and_compounds_of_known_terms_get_a_proposal():
    found = {
        u.zh: u
        for u in untranslated_terms(
            seed_documents(), {"合成数据", "奖励", "模型"}, limit=None, propose={"奖励": "reward", "模型": "model"}
        )
    }
    assert "合成数据" not in found
    assert found["奖励模型"].proposed_en == "reward model"


def test_ranking_puts_a_recurring_domain_term_before_a_rare_one():
    ranked = [u.zh for u in untranslated_terms(seed_documents(), set(), limit=None)]
    assert ranked.index("合成数据") < ranked.index("奖励模型")


def test_a_word_any_dictionary_translates_ranks_below_a_compound_none_does():
    # 图书馆 "library" recurs 22 times in one seed article, 合成数据 8 times: the translator needs the second
    ranked = [u.zh for u in untranslated_terms(seed_documents(), set(), limit=None)]
    assert ranked.index("合成数据") < ranked.index("图书馆")


def test_todo_command_lists_and_stores_the_ranking(run, seeds, glossary):
    run("extract", str(seeds))
    result = run("todo", "--format", "csv", "-n", "500")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0])[:3] == ["zh", "count", "example"]
    assert "合成数据" in [r["zh"] for r in rows]
    assert [float(r["score"]) for r in rows] == sorted((float(r["score"]) for r in rows), reverse=True)
    assert "合成数据" in [u.zh for u in glossary.untranslated()]


def test_a_name_merged_into_a_term_awaits_no_translation(run, seeds, glossary):
    run("extract", str(seeds))
    run("add", "合成数据", "synthetic data")
    assert "合成数据" not in [r["zh"] for r in csv.DictReader(io.StringIO(run("todo", "--format", "csv").output))]
    run("add", "合成资料", "synthetic data")
    run("merge", "合成数据", "合成资料")  # 合成数据 is now a name of 合成资料
    assert "合成数据" not in [r["zh"] for r in csv.DictReader(io.StringIO(run("todo", "--format", "csv").output))]


def test_todo_on_a_locked_glossary_prints_the_list_and_warns_that_it_was_not_stored(run, seeds, db_path):
    run("extract", str(seeds))
    with write_locked(db_path):
        result = run("todo", "--format", "csv")
    assert result.exit_code == 0
    assert "合成数据" in [r["zh"] for r in csv.DictReader(io.StringIO(result.stdout))]
    assert result.stderr == (
        f"warning: the list was not stored for Datasette: {db_path} is locked by another process (waited 1 s); "
        "try again when it finishes\n"
    )


def test_the_example_shows_the_term_as_a_word_of_its_own():
    from glossary.extract.termhood import _example

    text = "这两种方法的速度相差了一个数量级，非常明显。词元的个数决定了序列的长度，也决定了计算量。"
    assert _example("个数", [("a.md", text, text)]) == ("词元的个数决定了序列的长度，也决定了计算量。", "a.md", "个数")


def test_a_term_of_a_traditional_document_and_its_example_are_shown_as_written():
    text = "開啟梯度檢查點之後，記憶體用量明顯下降。梯度檢查點會讓訓練變慢，但激活值記憶體可以省下很多。"
    (found,) = [u for u in untranslated_terms([("a.md", text)], set()) if u.zh.startswith("梯度")]
    assert (found.zh, found.example) == ("梯度檢查點", "開啟梯度檢查點之後，記憶體用量明顯下降。")
