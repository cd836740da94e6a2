"""The compiled lexicon: jieba over the trie segments exactly as jieba over its own dictionary."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from glossary import lexicon

from .conftest import generated_by_tool

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*"))


@pytest.fixture(scope="module")
def jieba_own():
    """jieba's tokenizer with its dictionary loaded the usual way (the reference)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@pytest.mark.parametrize("hmm", [True, False], ids=["hmm", "dictionary-only"])
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_trie_segmentation_is_jiebas(jieba_own, path: Path, hmm: bool):
    text = path.read_text(encoding="utf-8")
    assert list(lexicon.jieba_tokenizer().cut(text, HMM=hmm)) == list(jieba_own.cut(text, HMM=hmm))


@pytest.mark.parametrize("word", ["模型", "训练", "的", "预训练", "不是词的串", "Ｔ恤", "T恤"])
def test_frequencies_are_jiebas(jieba_own, word: str):
    assert lexicon.jieba_tokenizer().FREQ.get(word) == (jieba_own.FREQ.get(word) or None)
    assert lexicon.jieba_tokenizer().total == jieba_own.total


def test_jieba_is_imported_without_pkg_resources():
    # jieba imports pkg_resources (0.11 s, deprecated) only to open the dictionary the trie replaces; hiding it
    # for that import must not keep anyone else from importing it later.
    code = (
        "import sys; from glossary.lexicon import jieba_tokenizer; jieba_tokenizer().cut('模型')\n"
        "print('pkg_resources' in sys.modules)\n"
        # find_spec raises ValueError while sys.modules holds None for the name
        "import importlib.util; print(importlib.util.find_spec('pkg_resources') is not None)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() in (["False", "True"], ["False", "False"])


# Readings of a sample of jieba's words and of mixed text, by pypinyin in a fresh interpreter: imported as usual
# (the reference) or through the lexicon, which must then really serve its tables.
_READINGS = """
import sys
from pathlib import Path
import jieba
words = [line.split()[0] for line in (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8")][::25]
words += ["银行行长", "重庆重新", "乐器音乐", "後訓練階段", "绿色GPT-4模型", "〇", "𠀋", "abc", "", "，。", "了解了"]
words += ["微调", "重排序"]
if sys.argv[1] == "lexicon":
    from glossary.lexicon import _blobs
    from glossary.normalize import _pypinyin
    _blobs()  # compiled, as extraction would have
    pypinyin = _pypinyin()
    assert type(sys.modules["pypinyin.constants"].PHRASES_DICT).__name__ == "_Readings"
else:
    from glossary.normalize import _pypinyin
    pypinyin = _pypinyin()  # no lexicon compiled (XDG_CACHE_HOME is empty): pypinyin's tables, corrected
    assert type(sys.modules["pypinyin.constants"].PHRASES_DICT).__name__ == "dict"
for style in (pypinyin.Style.TONE, pypinyin.Style.NORMAL):
    for word in words:
        print(pypinyin.lazy_pinyin(word, style=style, errors=lambda s: [s]))
"""


@pytest.mark.parametrize(
    ("word", "verb"),
    [("定义", True), ("使用", True), ("定義", True), ("智能", False), ("空间", False), ("模型", False)],
)
def test_a_word_can_be_a_verb_where_cc_cedict_writes_a_sense_to_do(word: str, verb: bool):
    assert lexicon.can_be_verb(word) is verb


def test_an_ordinal_cc_cedict_leaves_out_says_its_english_ordinal():
    # CC-CEDICT lists 第一 and 第二, not 第三: "third normal form" was left for 第三范式 to say in part
    assert lexicon.senses("第三") == {lexicon.stem("third")}
    assert lexicon.senses("第十") == {lexicon.stem("tenth")}
    assert lexicon.senses("第几") is None


def test_pypinyin_over_the_lexicon_reads_as_pypinyin(tmp_path):
    uncompiled = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", _READINGS, how], capture_output=True, text=True, check=True, env=env
        ).stdout
        for how, env in (("reference", uncompiled), ("lexicon", None))
    ]
    assert outputs[0].count("\n") > 25_000
    assert outputs[1] == outputs[0]


_CORRECTED = """
import sys
from glossary.lexicon import _blobs
from glossary.normalize import pinyin
if sys.argv[1] == "lexicon":
    _blobs()
for word in sys.argv[2:]:
    print(pinyin(word))
"""


@pytest.mark.parametrize("how", ["lexicon", "pypinyin's tables"])
def test_words_pypinyin_reads_wrong_read_as_cc_cedict_does(tmp_path, how):
    """pypinyin read these character by character, each in its commonest reading (微调 wēi diào)."""
    readings = {
        "微调": "wēi tiáo",
        "指令微调": "zhǐ lìng wēi tiáo",
        "重排序": "chóng pái xù",
        "多重重要性采样": "duō chóng zhòng yào xìng cǎi yàng",
        "栅格地图": "shān gé dì tú",
        "长尾": "cháng wěi",
        "重庆": "chóng qìng",  # pypinyin's own phrases still read
        # tones: CC-CEDICT's, but not its neutral tone nor its 一 and 不, which pypinyin writes as said; nor where
        # CC-CEDICT gives another reading too (下载 "also pr. xia4 zai4"), or reads a word inside otherwise (中毒
        # zhòng, though its 甲醇中毒 says zhōng)
        "因子": "yīn zǐ",
        "评为": "píng wéi",
        "一个": "yí gè",
        "桌子": "zhuō zi",
        "下载": "xià zài",
        "甲醇中毒": "jiǎ chún zhòng dú",
    }
    env = None if how == "lexicon" else {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", _CORRECTED, how, *readings], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.splitlines() == list(readings.values())


def test_pypinyin_set_up_by_threads_at_once_is_set_up_once():
    # Datasette runs SQL functions in threads: a second thread waiting for the first one's setup then read
    # pypinyin as imported the usual way, and failed to add the corrections to the lexicon's read-only tables
    code = (
        "import threading\n"
        "from glossary.lexicon import _blobs, pypinyin_module\n"
        "_blobs()\n"
        "start, failed = threading.Barrier(8), []\n"
        "def setup():\n"
        "    start.wait()\n"
        "    try:\n"
        "        pypinyin_module()\n"
        "    except Exception as exc:\n"
        "        failed.append(exc)\n"
        "threads = [threading.Thread(target=setup) for _ in range(8)]\n"
        "for t in threads: t.start()\n"
        "for t in threads: t.join()\n"
        "print(failed)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


def test_pinyin_corrections_are_what_the_dictionaries_installed_make():
    assert generated_by_tool("pinyin_corrections.json", "make_pinyin_corrections"), "stale: run the tool"


@pytest.mark.parametrize("cache", ["empty", "x" * 300], ids=["empty", "unsearchable"])
def test_readings_do_not_wait_for_a_lexicon_that_is_not_compiled(tmp_path, cache):
    # A command that needs a few readings (add, import) imports pypinyin as it is rather than compile the
    # lexicon for seconds, or fail over a cache directory it cannot even look into (a name too long).
    code = (
        "import sys; from glossary.normalize import pinyin; print(pinyin('后训练'))\n"
        "print(type(sys.modules['pypinyin.constants'].PHRASES_DICT).__name__)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / cache)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.split("\n")[:2] == ["hòu xùn liàn", "dict"]
    assert list(tmp_path.iterdir()) == []


def test_pypinyin_that_failed_to_set_up_is_set_up_again_whole():
    # Half set up (its prefix set not yet replaced), pypinyin would read 重庆 without its phrases: zhòng qìng.
    code = (
        "import sys, types\n"
        "from glossary.lexicon import _blobs\n"
        "from glossary.normalize import pinyin\n"
        "_blobs()\n"
        "# a segmenter without the prefix set that the setup replaces: it fails after pypinyin imported\n"
        "sys.modules['pypinyin.seg.mmseg'] = types.SimpleNamespace(seg=types.SimpleNamespace(cut=list))\n"
        "try:\n"
        "    pinyin('重庆')\n"
        "except AttributeError:\n"
        "    print('failed')\n"
        "sys.modules.pop('pypinyin.seg.mmseg', None)\n"
        "print(pinyin('重庆'))\n"
        "print(type(sys.modules['pypinyin.constants'].PHRASES_DICT).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:3] == ["failed", "chóng qìng", "_Readings"]


def test_a_changed_dictionary_gets_a_new_fingerprint(tmp_path):
    # An edit that keeps the size (a reading corrected in the middle of pypinyin's JSON) must compile anew.
    source = tmp_path / "phrases_dict.json"
    source.write_text('{"重庆": [["chóng"], ["qìng"]]}' + " " * 200_000, encoding="utf-8")
    before = lexicon._fingerprint(source)
    source.write_text('{"重庆": [["zhòng"], ["qìng"]]}' + " " * 200_000, encoding="utf-8")
    assert lexicon._fingerprint(source) != before


def test_a_changed_compiler_compiles_anew(tmp_path, monkeypatch):
    # The lexicon holds stems: a stemmer changed without a new LEXICON_VERSION must not read the old ones.
    before = lexicon._sources()[0]
    edited = tmp_path / "lexicon.py"
    edited.write_text(Path(lexicon.__file__).read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "__file__", str(edited))
    lexicon._sources.cache_clear()
    try:
        assert lexicon._sources()[0] != before
    finally:
        lexicon._sources.cache_clear()


def test_a_new_lexicon_removes_stale_ones_but_not_a_build_in_progress(tmp_path):
    current = tmp_path / f"lexicon-v{lexicon.LEXICON_VERSION}-1.2-3.4.sqlite"
    stale = [tmp_path / "lexicon-v1-1.2-3.4.sqlite", tmp_path / f"lexicon-v{lexicon.LEXICON_VERSION}-9.9-3.4.sqlite"]
    building = tmp_path / f".{current.name}.x1y2"  # another process's temporary file
    for path in [current, *stale, building]:
        path.write_bytes(b"")
    lexicon._remove_stale(current)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([current.name, building.name])


@pytest.fixture
def quick_build(monkeypatch):
    """Compiling the real lexicon takes seconds: these tests are about where it goes, so a stand-in compiles."""
    built = []

    def build(target, *sources):
        target.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL)")
        conn.executemany("INSERT INTO blobs VALUES (?, ?)", [(name, b"x") for name in lexicon._BLOB_NAMES])
        conn.commit()
        conn.close()
        built.append(target)

    monkeypatch.setattr(lexicon, "_build", build)
    lexicon._blobs.cache_clear()
    yield built
    lexicon._blobs.cache_clear()  # the next user reads the real lexicon again


def test_a_damaged_lexicon_is_compiled_again(tmp_path, monkeypatch, quick_build):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon._blobs()
    (target,) = quick_build
    target.write_bytes(b"not a database at all" * 100)
    lexicon._blobs.cache_clear()
    assert lexicon._blobs()["pos"] == b"x"
    assert quick_build == [target, target] and target.read_bytes().startswith(b"SQLite format 3")


def test_without_a_writable_cache_the_lexicon_is_compiled_for_the_process(tmp_path, monkeypatch, quick_build):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file: no cache directory can be made in it
    assert lexicon._blobs()["senses"] == b"x"
    (target,) = quick_build
    assert not target.exists()  # the temporary copy is gone once read


@pytest.mark.parametrize(
    "family",
    [
        ("class", "classes", "classification"),
        ("loss", "losses"),
        ("focus", "focuses"),
        ("analysis", "analyses"),
        ("fit", "fitting", "fits"),
        ("calibrate", "calibration", "calibrated"),
        ("model", "models"),
        ("embed", "embedding", "embedded", "embeds"),
        ("bias", "biases"),
        ("infer", "inference", "inferred"),
        ("layer", "layers"),
        ("order", "ordering", "orders"),
        ("cover", "covering"),
        ("enter", "entering"),
        ("infer", "infers", "inference"),
        ("encoder", "encoders", "encoding", "encode"),
        ("mutual", "mutually"),  # -ally as one suffix, as -al is
        ("statistical", "statistically"),
        ("vary", "varies", "variation"),  # -y and -ies as -i
        ("study", "studies"),
        ("pay", "payment", "payments"),
    ],
    ids=lambda family: family[0],
)
def test_inflections_and_derivations_share_a_stem(family):
    assert len({lexicon.stem(word) for word in family}) == 1
