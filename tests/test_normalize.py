"""Keys that make variants meet, and readings."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.normalize import (
    en_key,
    is_abbreviation,
    may_be_traditional,
    pinyin,
    pinyin_initials,
    pinyin_key,
    pinyin_readings,
    search_tokens,
    to_simplified,
    written_pinyin,
    zh_key,
)

from .conftest import generated_by_tool


@pytest.mark.parametrize(
    ("forms", "key"),
    [
        (["Pre-Training", "pre-training", "pretraining", "pre training", "Pre-trainings"], "pretraining"),
        (["post-training", "Post Training", "posttraining", "post_training"], "posttraining"),
        (["large language models", "Large Language Model", "large-language model"], "largelanguagemodel"),
        (["Activation Functions", "activation function"], "activationfunction"),
        (["probabilities", "probability"], "probability"),
        (["loss", "Loss"], "loss"),
    ],
)
def test_english_variants_share_a_key(forms, key):
    assert {en_key(f) for f in forms} == {key}


@pytest.mark.parametrize(
    "forms",
    [
        # a word ending in s, an e kept, a Latin or Greek plural, an acronym's plural in any case
        ("bias", "biases", "Bias"),
        ("exposure bias", "exposure biases"),
        ("virus", "viruses"),
        ("time series", "time-series"),
        ("KV cache", "KV caches", "kv-cache"),
        ("cookie", "cookies"),
        ("matrix", "matrices"),
        ("adjacency matrix", "adjacency matrices"),
        ("hypothesis", "hypotheses"),
        ("vertex", "vertices"),
        ("softmax", "softmaxes"),
        ("syntax", "syntaxes"),
        ("abuse", "abuses"),
        ("GPU", "GPUs", "gpus", "(GPUs)"),
        ("API", "APIs", "apis"),
        ("ReLU", "ReLUs"),
        ("IoU", "IoUs"),
        ("menu", "menus"),
        ("valid_len", "valid_lens"),
        ("phobia", "phobias"),
    ],
    ids=lambda forms: forms[0],
)
def test_a_plural_shares_its_singulars_key(forms):
    assert len({en_key(f) for f in forms}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [("state", "stat"), ("use", "us"), ("caches", "cach"), ("iOS", "I/O"), ("FPS", "FP"), ("DNS", "DN")],
)
def test_english_forms_that_are_no_inflection_of_each_other_keep_apart(one, other):
    assert en_key(one) != en_key(other)


@pytest.mark.parametrize(
    ("form", "key"),
    [
        ("後訓練", "后训练"),
        (" 大語言模型 ", "大语言模型"),
        ("*预训练*", "预训练"),
        ("「智能体」", "智能体"),
        ("Ｑ网络", "Q网络"),
        ("注意 力", "注意力"),
        ("大\u200b语言\u00ad模型", "大语言模型"),  # nothing invisible (pasted from a web page)
        # the space many writers put between Chinese and Latin letters or digits is layout too
        ("薴", "苎"),  # OpenCC simplifies it in two steps (薴 -> 苧 -> 苎); a key is its own key
        ("Transformer 架构", "Transformer架构"),
        ("根据 CAP 定理", "根据CAP定理"),
        ("t 分布", "t分布"),
        ("路径 MTU 发现", "路径MTU发现"),
        # ... but not between Latin words
        ("Adam optimizer", "Adam optimizer"),
        ("Adam\u00a0optimizer", "Adam optimizer"),
    ],
)
def test_chinese_key_is_simplified_and_clean(form, key):
    assert zh_key(form) == key


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        ("tiáo cān", ("tiáo cān", "tiaocan", "tc")),
        ("tiao2 can1", ("tiáo cān", "tiaocan", "tc")),
        ("TIAO2 CAN1", ("tiáo cān", "tiaocan", "tc")),
    ],
)
def test_a_reading_a_person_gives_is_read_as_pypinyin_writes_readings(reading, expected):
    assert written_pinyin("调参", reading) == expected
    assert (
        written_pinyin("学习率", "xue2 xi2 lv4") == written_pinyin("学习率", "xué xí lǜ") == pinyin_readings("学习率")
    )
    assert written_pinyin("Transformer架构", "transformer jia4 gou4")[0] == "Transformer jià gòu"
    assert written_pinyin("绿色", "lv se4")[0] == "lü sè"  # ü as v, without its tone too
    assert written_pinyin("柳树", "liu3 shu4")[0] == "liǔ shù"  # the mark on the last of i and u
    assert written_pinyin("调参", "tiaó cān")[0] == "tiáo cān"  # ... wherever it was typed
    assert written_pinyin("学习率", "xve2 xi2 lv4") == pinyin_readings("学习率")  # ü is written u after x


@pytest.mark.parametrize(
    "reading", ["tiao", "tiao2 can1 x", "tiao2 c@n", "ti4o2 can1", "tiáo2 cān", "xyz qq", "tiao2 cuen1", "ü2 can1"]
)
def test_a_reading_that_does_not_fit_the_term_is_refused(reading):
    with pytest.raises(ValueError, match="syllable"):
        written_pinyin("调参", reading)


def test_pinyin_readings():
    assert pinyin("后训练") == "hòu xùn liàn"
    assert pinyin_key("后训练") == "houxunlian"
    assert pinyin_initials("后训练") == "hxl"
    assert pinyin("Transformer架构") == "Transformer jià gòu"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LLM", True),
        ("RLHF", True),
        ("GPT-4", True),
        ("ReLU", True),
        ("agent", False),
        ("Transformer", False),
        ("large model", False),
    ],
)
def test_abbreviations(text, expected):
    assert is_abbreviation(text) is expected


def test_search_tokens_make_every_part_of_a_chinese_term_findable():
    tokens = search_tokens("奖励模型", ["獎勵模型"], ["reward model"], "jiǎng lì mó xíng").split()
    for wanted in ["奖励", "模型", "励模", "奖励模型", "獎勵", "rew", "reward", "model", "mod"]:
        assert wanted in tokens


@given(st.text(max_size=40))
def test_keys_are_idempotent(text):
    assert zh_key(zh_key(text)) == zh_key(text)
    assert en_key(en_key(text)) == en_key(text)
    assert to_simplified(to_simplified(text)) == to_simplified(text)


def test_what_t2s_changes_is_listed_from_the_opencc_installed():
    assert generated_by_tool("t2s_changes.txt", "make_t2s_changes"), "stale: python tools/make_t2s_changes.py"


@pytest.mark.parametrize(
    ("text", "traditional"),
    [
        ("大语言模型的预训练", False),
        ("預訓練", True),
        ("覆盖率", False),  # 覆 alone is simplified ...
        ("反覆", True),  # ... but t2s writes 反覆 as 反复
        ("重覆的", True),
        ("𩏂", True),  # beyond the Basic Multilingual Plane
        ("😀 emoji", False),
        ("", False),
    ],
)
def test_text_t2s_would_change_is_told_apart(text, traditional):
    assert may_be_traditional(text) is traditional
    assert (opencc.OpenCC("t2s").convert(text) != text) is traditional


# Characters of every kind the gate tells apart: simplified, traditional, those that t2s changes only in some
# phrases, beyond the Basic Multilingual Plane, and others.
_MIXED = "模型训练覆盖反复坏打么麼發後預訓練反覆打坏沈思一目瞭然𩏂😀 aZ，。"


@given(st.text(alphabet=_MIXED, max_size=30))
def test_simplified_text_is_what_opencc_makes_of_it(text):
    assert to_simplified(text) == opencc.OpenCC("t2s").convert(text)
