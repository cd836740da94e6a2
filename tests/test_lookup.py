"""Lookup: every way a translator types a term finds it, in the right order; the index stays true to the data."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from glossary.errors import GlossaryError
from glossary.lookup import (
    abbr_key,
    chinese_keys,
    grams,
    length_window,
    parse_query,
    rarest_grams,
    read_pinyin,
    tones_agree,
)
from glossary.model import Candidate, Document, ImportedPair
from glossary.normalize import zh_key
from glossary.store import ABBR_KEY_SQL, open_glossary

from .conftest import FIXTURES

PAIRS = [
    # zh, en, abbr, status, confidence
    ("后训练", "post-training", None, "approved", 0.9),
    ("后训练阶段", "post-training stage", None, "candidate", 0.8),
    ("强化学习", "reinforcement learning", "RL", "approved", 0.9),
    ("深度学习", "deep learning", None, "candidate", 0.7),
    ("合成数据", "synthetic data", None, "approved", 0.9),
    ("合成数据集", "synthetic dataset", None, "candidate", 0.6),
    ("大语言模型", "large language model", "LLM", "approved", 0.95),
    ("卷积神经网络", "convolutional neural network", "CNN", "approved", 0.9),
    ("卷积", "convolution", None, "approved", 0.9),
    ("内存", "memory", None, "approved", 0.9),
    ("实验", "experiment", None, "approved", 0.9),
    ("试验", "trial", None, "candidate", 0.5),
    ("Transformer架构", "Transformer architecture", None, "candidate", 0.7),
    ("编码器", "encoder", None, "approved", 0.9),
    ("解码器", "decoder", None, "approved", 0.9),
]


@pytest.fixture
def filled(glossary):
    for zh, en, abbr, status, confidence in PAIRS:
        glossary.add(zh, en, abbr=abbr, status=status, confidence=confidence)
    return glossary


def found(glossary, query: str, **kw) -> list[tuple[str, str]]:
    return [(h.entry.zh, h.match) for h in glossary.lookup(query, **kw).hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Chinese: simplified, traditional (characters and Taiwan vocabulary), whole or a part
        ("后训练", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("後訓練", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("大語言模型", [("大语言模型", "exact")]),
        ("記憶體", [("内存", "exact")]),
        ("强化学", [("强化学习", "prefix")]),
        ("学习", [("强化学习", "partial"), ("深度学习", "partial")]),
        ("器", [("编码器", "partial"), ("解码器", "partial")]),
        ("卷积神经网路", [("卷积神经网络", "fuzzy")]),
        # pinyin: toneless, spaced, tone numbers, tone marks, initials
        ("houxunlian", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("hou xun lian", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("hou4xun4lian4", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("hòu xùn liàn", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("HXL", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("hxlj", [("后训练阶段", "prefix")]),  # the initials a longer term starts with
        # ... or whole syllables inside a term's reading, as its Chinese would be (not letters across syllables)
        ("xuexi", [("强化学习", "partial"), ("深度学习", "partial")]),
        ("yu yan mo xing", [("大语言模型", "partial")]),
        ("ianghuaxue", []),
        # tones choose between homophones; without tones, the approved pair comes first
        ("shì yàn", [("试验", "exact"), ("实验", "fuzzy")]),
        ("shi2yan4", [("实验", "exact"), ("试验", "fuzzy")]),
        ("shiyan", [("实验", "exact"), ("试验", "exact")]),
        # English: case, hyphen, space, plural; prefixes; typos
        ("Post Training", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("posttraining", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("post-trainings", [("后训练", "exact"), ("后训练阶段", "prefix")]),
        ("synthetic", [("合成数据", "prefix"), ("合成数据集", "prefix")]),
        ("sythetic data", [("合成数据", "fuzzy"), ("合成数据集", "fuzzy")]),
        ("reinforcment learning", [("强化学习", "fuzzy")]),
        ("learning", [("强化学习", "partial"), ("深度学习", "partial")]),
        # abbreviations
        ("RL", [("强化学习", "exact")]),
        ("llm", [("大语言模型", "exact")]),
        ("LLMs", [("大语言模型", "exact")]),
        # mixed
        ("Transformer架构", [("Transformer架构", "exact")]),
        ("transformer架构", [("Transformer架构", "exact")]),
    ],
)
def test_every_input_kind_finds_its_term_in_order(filled, query, expected):
    assert found(filled, query) == expected


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("bias", "biases"),
        ("biases", "bias"),
        ("KV cache", "KV caches"),
        ("KV caches", "kv cache"),
        ("alias", "aliases"),
    ],
)
def test_a_plural_finds_its_singular_and_back(glossary, stored, query):
    """Where the ending is not a plain -s (the s of bias is no plural, caches keeps the e of cache)."""
    glossary.add("偏置", stored)
    assert found(glossary, query, exact=True) == [("偏置", "exact")]
    assert [glossary.entry(i).en for i in glossary.find_pairs("偏置", query)] == [stored]


@pytest.mark.parametrize(("stored", "query"), [("state", "stat"), ("plane", "plan"), ("note", "not"), ("use", "us")])
def test_a_word_that_is_no_plural_of_another_names_none_of_it(glossary, stored, query):
    glossary.add("状态", stored)
    assert found(glossary, query, exact=True) == []
    with pytest.raises(GlossaryError, match="has no English form"):
        glossary.find_pairs("状态", query)


@pytest.mark.parametrize(
    ("query", "zh"),
    [
        ("xuexilu", "学习率"),
        ("xue xi lu4", "学习率"),
        ("lubo", "滤波"),
        ("nuer", "女儿"),
        ("luniao", "旅鸟"),
        ("lunwen", "论文"),
    ],
)
def test_pinyin_typed_with_u_for_u_umlaut_finds_its_term(glossary, query, zh):
    """Keyboards have no ü: people type 学习率 (xué xí lǜ) as xuexilu as often as xuexilv."""
    terms = [("学习率", "learning rate"), ("滤波", "filtering"), ("女儿", "daughter"), ("路由", "routing")]
    for term, en in [*terms, ("旅鸟", "migrant bird"), ("论文", "paper")]:
        glossary.add(term, en)
    assert found(glossary, query) == [(zh, "exact")]


def test_pinyin_inside_a_reading_is_whole_syllables_with_the_tones_typed(glossary):
    terms = [
        ("公共子表达式消除", "common subexpression elimination"),
        ("计算机安全", "computer security"),
        ("化学实验室", "chemistry laboratory"),
        ("大型GPT模型", "large GPT model"),
    ]
    for zh, en in terms:
        glossary.add(zh, en)
    assert found(glossary, "biaodashi") == [("公共子表达式消除", "partial")]
    assert found(glossary, "gptmoxing") == [("大型GPT模型", "partial")]  # (Latin in the reading, in capitals)
    # one syllable is no two: jian is not ji'an, which pinyin writes with its apostrophe
    assert found(glossary, "jian") == []
    assert found(glossary, "ji'an") == [("计算机安全", "partial")]
    # tones typed choose, as they do for whole readings: 实验 is shí yàn; but a neutral tone stored (子 zi) takes
    # any, and marks that do not line up with the syllables (one a word) say nothing
    assert found(glossary, "shi4 yan4") == []
    assert found(glossary, "shi2 yan4") == [("化学实验室", "partial")]
    assert found(glossary, "zi3biao3") == [("公共子表达式消除", "partial")]
    assert found(glossary, "biǎodá shìxiāo") == [("公共子表达式消除", "partial")]


def test_pinyin_inside_readings_is_not_crowded_out_by_letters_across_syllables(glossary):
    """(a scan for the letters anshi found 300 terms 现实 xiàn shí first, and stopped before 按时 àn shí)"""
    for k in range(320):
        glossary.add(f"第{k}种现实", f"reality {k}")
    glossary.add("项目按时交付", "on-time delivery")
    assert found(glossary, "anshi") == [("项目按时交付", "partial")]


@pytest.mark.parametrize("query", ["transformer架构", "TRANSFORMER架构", "Transformer架构"])
def test_an_exact_lookup_finds_what_a_lookup_calls_exact(filled, query):
    assert found(filled, query, exact=True) == [("Transformer架构", "exact")]


def test_an_exact_lookup_finds_a_term_through_a_key_merged_into_it(filled):
    filled.merge_terms("合成数据集", "合成数据")
    filled.merge_english("encoder", "decoder")
    # (合成数据 holds both pairs now; 编码器 and 解码器 both say "decoder", which "encoder" is a key of)
    assert found(filled, "合成数据集") == found(filled, "合成数据集", exact=True) == [("合成数据", "exact")] * 2
    assert found(filled, "encoder") == found(filled, "encoder", exact=True)
    assert {zh for zh, match in found(filled, "encoder", exact=True) if match == "exact"} == {"编码器", "解码器"}


def test_partial_english_orders_approved_before_candidate(filled):
    # Within a kind: status first, then the closer key (deep learning is nearer "learning" than reinforcement ...).
    filled.set_status("深度学习", None, "approved")
    filled.add("机器学习", "machine learning", status="candidate", confidence=0.99)
    assert [zh for zh, _ in found(filled, "learning")] == ["深度学习", "强化学习", "机器学习"]


def test_approved_before_candidate_then_confidence(glossary):
    glossary.add("智能体", "agent", status="candidate", confidence=0.95)
    glossary.add("代理", "agent", status="approved", confidence=0.5)
    glossary.add("主体", "agent", status="candidate", confidence=0.6)
    assert [h.entry.zh for h in glossary.lookup("agent").hits] == ["代理", "智能体", "主体"]


def test_traditional_evidence_is_found_by_simplified_and_traditional_queries(glossary):
    text = "本文介紹後訓練(post-training)的流程。"
    sighting = Candidate("後訓練", "post-training", 4, 7, 8, 21, 1, text, "zh(en)", 0.8)
    glossary.replace_document(Document("/tw.txt", text, "0" * 64, "big5", "txt"), [sighting], "test")
    for query in ("后训练", "後訓練"):
        (hit,) = glossary.lookup(query).hits
        assert (hit.entry.zh, hit.entry.en, hit.entry.forms, hit.match) == (
            "后训练",
            "post-training",
            ("後訓練",),
            "exact",
        )


def test_a_term_is_shown_as_the_documents_write_it(glossary, run):
    text = "本文介紹後訓練(post-training)的流程。"
    sighting = Candidate("後訓練", "post-training", 4, 7, 8, 21, 1, text, "zh(en)", 0.8)
    glossary.replace_document(Document("/tw.txt", text, "0" * 64, "big5", "txt"), [sighting], "test")
    glossary.close()
    result = run("lookup", "后训练")
    assert result.output.splitlines()[2].split()[:2] == ["後訓練", "post-training"]
    (hit,) = json.loads(run("lookup", "后训练", "--json").output)
    assert (hit["zh"], hit["written"]) == ("后训练", "後訓練")  # (the key, and the display form)


def test_simplified_data_is_found_by_a_traditional_query_and_back(filled):
    assert found(filled, "卷積神經網路") == [("卷积神经网络", "exact")]
    filled.add("記憶體容量", "memory capacity")  # stored under its simplified key
    assert found(filled, "记忆体容量") == [("记忆体容量", "exact")]


def test_rejected_pairs_only_on_request(filled, run):
    filled.set_status("试验", None, "rejected")
    assert found(filled, "trial") == []
    assert found(filled, "trial", statuses=("approved", "candidate", "rejected")) == [("试验", "exact")]
    result = run("lookup", "trial")
    assert result.exit_code == 1
    assert result.output == (
        'No term matches "trial" with status approved or candidate; 1 pair with another status does '
        "(--all shows every status).\n"
    )
    for flags in (["--all"], ["--status", "rejected"]):
        hits = json.loads(run("lookup", "trial", "--json", *flags).output)
        assert [(h["zh"], h["status"]) for h in hits] == [("试验", "rejected")]


def test_status_exact_and_limit_options(filled, run):
    assert [h["zh"] for h in json.loads(run("lookup", "learning", "--json", "--status", "approved").output)] == [
        "强化学习"
    ]
    assert [h["zh"] for h in json.loads(run("lookup", "后训练", "--json", "-n", "1").output)] == ["后训练"]
    assert [h["match"] for h in json.loads(run("lookup", "RL", "--json", "--exact").output)] == ["exact"]
    result = run("lookup", "synthetic", "--exact")
    assert result.exit_code == 1
    assert result.output.startswith('No term matches "synthetic"')


def test_json_shape(filled, run):
    result = run("lookup", "大语言模型", "--json")
    assert result.exit_code == 0
    (hit,) = json.loads(result.output)
    assert hit == {
        "zh": "大语言模型",
        "written": "大语言模型",
        "en": "large language model",
        "abbr": "LLM",
        "pinyin": "dà yǔ yán mó xíng",
        "status": "approved",
        "confidence": 0.95,
        "count": 0,
        "match": "exact",
        "field": "zh",
        "score": 100.0,
        "forms": [],
        "example": None,
        "document": None,
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("xyzzy", 'No term matches "xyzzy".\n'),
        ("模型训练", 'No term matches "模型训练" -- did you mean 后训练 (post-training)?\n'),
    ],
)
def test_no_match_says_so_offers_the_nearest_and_exits_1(filled, run, query, message):
    result = run("lookup", query)
    assert result.exit_code == 1
    assert result.output == message
    result = run("lookup", query, "--json")
    assert (result.exit_code, result.stdout) == (1, "[]\n")


def test_did_you_mean_offers_english_that_is_near_not_any_that_shares_letters(glossary):
    glossary.add("清洗", "data cleaning")
    glossary.add("扩散模型", "diffusion model")
    assert [s.row.zh for s in glossary.lookup("diffusion process").nearest] == ["扩散模型"]
    assert glossary.lookup("reinforcment learning").nearest == []  # half its letters are data cleaning's


def test_empty_query_is_a_usage_error(filled, run):
    result = run("lookup", "  ")
    assert result.exit_code == 2
    assert result.output.endswith(
        "Error: Invalid value for QUERY: is empty: type a term in Chinese, pinyin or English\n"
    )


def test_table_and_verbose_output(run, tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("本节介绍扩散模型(diffusion model)的原理。\n", encoding="utf-8")
    run("extract", str(doc))
    result = run("lookup", "kuosan moxing", "-v")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["zh", "en", "abbr", "pinyin", "status", "conf", "count", "match"]
    assert lines[2].split()[:2] == ["扩散模型", "diffusion"]
    assert "kuò sàn mó xíng" in lines[2]
    assert lines[-2:] == [
        "扩散模型 / diffusion model: 本节介绍扩散模型(diffusion model)的原理。",
        f"  -- {doc}",
    ]


# --- reading queries ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "key", "tones", "delimited"),
    [
        ("houxunlian", "houxunlian", (), False),
        ("hou xun lian", "houxunlian", (None, None, None), True),
        ("hou4xun4lian4", "houxunlian", (4, 4, 4), True),
        ("hòu xùn liàn", "houxunlian", (4, 4, 4), True),
        ("hòuxùnliàn", "houxunlian", (4, 4, 4), False),
        ("xi'an", "xian", (None, None), True),
        ("lǜsè", "lvse", (4, 4), False),
        ("lü4 se4", "lvse", (4, 4), True),
        ("de5", "de", (None,), True),
    ],
)
def test_pinyin_is_read_with_its_tones(typed, key, tones, delimited):
    assert read_pinyin(typed) == (key, tones, delimited)


@pytest.mark.parametrize("typed", ["", "GPT-4o!", "3.14"])
def test_text_that_cannot_be_pinyin(typed):
    assert read_pinyin(typed) is None


@pytest.mark.parametrize(
    ("typed", "stored", "agree"),
    [
        ("shì yàn", "shì yàn", True),
        ("shì yàn", "shí yàn", False),
        ("shi yàn", "shí yàn", True),
        ("shìyàn", "shì yàn", True),
        ("shi4yan4", "shí yàn", False),
        ("shiyan", "shí yàn", True),
    ],
)
def test_tones_typed_must_agree_with_the_reading(typed, stored, agree):
    assert tones_agree(parse_query(typed), stored) is agree


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        ("后训练", ("后训练",)),
        ("後訓練", ("后训练",)),
        ("記憶體", ("记忆体", "内存")),
        ("文件", ("文件",)),  # simplified text never goes through tw2sp (it would make 文档 of it)
        ("反覆", ("反复",)),  # 覆 is simplified alone but not in 反覆: OpenCC decides
        ("Transformer 架构", ("Transformer架构",)),  # the space between Chinese and Latin is layout
        (" 大 语言 模型 ", ("大语言模型",)),
        ("「后训练」", ("后训练",)),
        ("ＧＰＴ模型", ("GPT模型",)),
    ],
)
def test_chinese_keys(typed, keys):
    assert chinese_keys(typed) == keys
    assert chinese_keys(typed)[0] == zh_key(typed)


# --- the index ------------------------------------------------------------------------------------------------


def index_rows(glossary) -> set[tuple]:
    """The postings, after checking that the per-gram counts agree with them."""
    counted = {tuple(r) for r in glossary.query("SELECT gram, field, n FROM lookup_gram_counts WHERE n > 0")}
    grouped = glossary.query("SELECT gram, field, count(*) FROM lookup_grams GROUP BY gram, field")
    assert counted == {tuple(r) for r in grouped}
    return {tuple(r) for r in glossary.query("SELECT gram, field, len, id FROM lookup_grams")}


def expected_index(glossary) -> set[tuple]:
    """The postings the index should hold, computed in Python from the current rows."""
    rows = set()
    for field, sql in ((1, "SELECT id, zh FROM terms"), (2, "SELECT id, key FROM english")):
        for row_id, key in glossary.query(sql):
            rows |= {(g, field, len(key), row_id) for g in grams(key, field)}
    return rows


def test_index_matches_the_python_grams_through_every_change(filled, run, tmp_path):
    assert index_rows(filled) == expected_index(filled)
    filled.edit("后训练", None, new_en="post training phase")
    filled.merge_terms("合成数据集", "合成数据")
    filled.merge_english("convolution", "convolutional neural network")
    filled.remove("卷积神经网络")
    filled.add("GPT-4模型", "GPT-4 model")
    doc = tmp_path / "a.txt"
    doc.write_text("本节介绍扩散模型(diffusion model)和噪声调度(noise schedules)。\n", encoding="utf-8")
    run("extract", str(doc))
    assert index_rows(filled) == expected_index(filled)
    assert found(filled, "difusion model") == [("扩散模型", "fuzzy")]


def test_imported_pairs_are_indexed_and_found(glossary):
    pairs = [ImportedPair(zh, en, abbr=abbr, status=status, confidence=c) for zh, en, abbr, status, c in PAIRS]
    glossary.import_pairs(pairs, source="/terms.csv")
    assert index_rows(glossary) == expected_index(glossary)
    assert found(glossary, "reinforcment learning") == [("强化学习", "fuzzy")]


@pytest.mark.parametrize("abbr", ["LLM", "llm", "L.L.M.", "GPT-4", "Gpt 4", "ReLU"])
def test_abbreviation_key_in_python_is_the_index_expression(glossary, abbr):
    sql = glossary.execute(f"SELECT {ABBR_KEY_SQL.replace('abbr', '?')}", [abbr]).fetchone()[0]
    assert abbr_key(abbr) == sql


def test_old_database_gets_its_index_when_upgraded(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "glossary-v1.db", path)
    with open_glossary(path) as g:
        assert index_rows(g) == expected_index(g) != set()
        assert found(g, "pre-trainng stage") == [("预训练阶段", "fuzzy")]
        assert found(g, "da yu yan mo xing") == [("大语言模型", "exact")]


@pytest.mark.parametrize(
    ("query", "loaded"),
    [
        ("后训练", []),
        ("houxunlian", []),
        ("sythetic data", []),
        ("後訓練", ["opencc"]),
    ],
)
def test_lookup_loads_no_heavy_library_it_does_not_need(filled, db_path, query, loaded):
    filled.close()
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from glossary.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['lookup', '--db', {str(db_path)!r}, {query!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in ('jieba', 'opencc', 'pypinyin', 'sqlite_utils') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(loaded)


@pytest.mark.parametrize(
    ("counts", "budget", "at_least", "chosen"),
    [
        ({"abc": 0, "bcd": 5, "cde": 1, "def": 100}, 10, 1, ["cde", "bcd"]),  # a typo's gram (0) votes for nothing
        ({"abc": 0, "bcd": 5, "cde": 1, "def": 100}, 10, 3, ["cde", "bcd", "def"]),  # at least three, over budget
        ({"abc": 7, "bcd": 7, "cde": 7}, 100, 1, ["abc", "bcd", "cde"]),
    ],
)
def test_votes_come_from_the_rarest_grams_within_budget(counts, budget, at_least, chosen):
    assert rarest_grams(counts, budget, at_least=at_least) == chosen


@pytest.mark.parametrize(
    ("field", "length", "window"),
    [
        (2, 12, (8, 20)),  # English: ratio 75 against 12 characters needs 8 to 20
        (1, 6, (3, 14)),  # Chinese: ratio 60
        (1, 1, (1, 2)),
    ],
)
def test_length_window_holds_every_key_that_can_pass(field, length, window):
    assert length_window(field, length) == window
