"""Datasette in-process: the metadata, search that works for Chinese, every canned query and SQL function."""

from __future__ import annotations

import asyncio
import importlib.metadata
import json
import subprocess
from urllib.parse import urlencode

import pytest

from glossary.model import Untranslated
from glossary.serve import load_metadata, make_datasette
from glossary.store import open_glossary

from .conftest import ROOT, venv_bin
from .test_sqlfunctions import FUNCTION_CASES
from .test_store import cand, doc

RL = "奖励模型(reward model)给回答打分，大语言模型(large language model)经过后训练(post-training)。"
TRAD = "後訓練(post-training)之後，模型(model)還要評估。"


def build_glossary(path) -> None:
    """A small glossary with evidence, curation, conflicts and terms awaiting translation."""
    with open_glossary(path) as g:
        g.replace_document(
            doc("/corpus/rl.md", RL),
            [
                cand(RL, "奖励模型", "reward model"),
                cand(RL, "大语言模型", "large language model"),
                cand(RL, "后训练", "post-training"),
            ],
            "t",
        )
        g.replace_document(
            doc("/corpus/eval.md", TRAD), [cand(TRAD, "後訓練", "post-training"), cand(TRAD, "模型", "model")], "t"
        )
        g.add("大语言模型", "large language model", abbr="LLM")
        g.add("模型", "pattern", status="candidate")
        g.add("奖赏模型", "reward model", status="candidate")
        g.set_status("后训练", "post-training", "approved")
        g.replace_untranslated(
            [
                Untranslated("价值函数", 3, 1, 4.25, "价值函数估计回报。", "/corpus/rl.md", "value function"),
                Untranslated("策略梯度", 5, 2, 9.5, "策略梯度方法很常用。", "/corpus/rl.md", None),
            ]
        )


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("datasette") / "team.db"  # not named glossary.db: served as /glossary anyway
    build_glossary(path)
    return path


@pytest.fixture(scope="module")
def get(db):
    """get(path, **params) -> the response of the in-process Datasette client."""
    ds = make_datasette(db)
    loop = asyncio.new_event_loop()

    def fetch(path: str, **params: str):
        url = path + ("?" + urlencode(params) if params else "")
        return loop.run_until_complete(ds.client.get(url))

    yield fetch
    loop.close()


def rows(get, path: str, **params: str) -> list[dict]:
    response = get(path, _shape="array", **params)
    assert response.status_code == 200, response.text
    return response.json()


# --- SQL functions -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sql", "expected"), FUNCTION_CASES)
def test_every_sql_function_works_in_datasette(get, sql, expected):
    assert rows(get, "/glossary.json", sql=sql + " AS value") == [{"value": expected}]


def test_plugin_is_an_entry_point_of_both_tools():
    found = {
        (group, ep.name, ep.value)
        for group in ("datasette", "sqlite_utils")
        for ep in importlib.metadata.entry_points(group=group)
        if ep.name == "glossary"
    }
    assert found == {
        ("datasette", "glossary", "glossary.datasette_plugin"),
        ("sqlite_utils", "glossary", "glossary.sqlite_utils_plugin"),
    }


def test_plain_datasette_command_loads_the_plugin_and_metadata(tmp_path, db):
    """The README's other form: datasette db/glossary.db -m db/metadata.yml (the entry point, not our code)."""
    path = tmp_path / "glossary.db"
    path.write_bytes(db.read_bytes())
    url = "/glossary.json?" + urlencode({"sql": "select glossary_pinyin('奖励') as p", "_shape": "array"})
    out = subprocess.run(
        [venv_bin("datasette"), str(path), "-m", str(ROOT / "db" / "metadata.yml"), "--get", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out) == [{"p": "jiǎng lì"}]
    out = subprocess.run(
        [venv_bin("datasette"), str(path), "-m", str(ROOT / "db" / "metadata.yml"), "--get", "/glossary/search.json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out)["query_name"] == "search"


def test_sqlite_utils_query_has_the_functions(db):
    out = subprocess.run(
        [
            venv_bin("sqlite-utils"),
            "query",
            str(db),
            "select zh, glossary_pinyin(zh) as pinyin, glossary_en_key('Reward Models') as key "
            "from terms where zh = '奖励模型'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out) == [{"zh": "奖励模型", "pinyin": "jiǎng lì mó xíng", "key": "rewardmodel"}]


# --- search box --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("模型", ["大语言模型", "奖励模型", "奖赏模型", "模型"]),
        ("奖励", ["奖励模型"]),
        ("训练", ["后训练"]),
        ("獎勵", ["奖励模型"]),
        ("reward", ["奖励模型", "奖赏模型"]),
        ("lang", ["大语言模型"]),
        ("LLM", ["大语言模型"]),
        ("post-training", ["后训练"]),
        ("houxunlian", ["后训练"]),
        ("jiǎng", ["奖励模型", "奖赏模型"]),  # jiǎng lì, jiǎng shǎng
        ("没有", []),
    ],
)
def test_search_box_on_terms_and_pairs(get, query, terms):
    found = rows(get, "/glossary/terms.json", _search=query, _sort="zh")
    assert sorted(r["zh"] for r in found) == sorted(terms)
    pairs = rows(get, "/glossary/pairs.json", _search=query, _labels="on")
    assert {r["term_id"]["label"] for r in pairs} == set(terms)


def test_search_box_is_offered_on_the_html_page(get):
    page = get("/glossary/terms", _search="模型").text
    assert 'name="_search"' in page and 'value="模型"' in page
    assert "奖励模型" in page


def test_search_tokens_are_shortened_on_pages_but_not_in_json(get):
    page = get("/glossary/terms", _search="奖励模型").text
    assert "奖 奖励 奖励模 奖励模型 励 励模 … (" in page and " tokens)" in page
    (row,) = rows(get, "/glossary/terms.json", _search="奖励模型")
    assert "jianglimoxing" in row["search"].split()


def test_terms_fts_is_detected_without_metadata(db):
    from datasette.app import Datasette

    ds = Datasette([str(db)])
    assert asyncio.run(ds.get_database("team").fts_table("terms")) == "terms_fts"


# --- canned queries ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "first", "all_terms"),
    [
        ("模型", "模型", {"模型", "大语言模型", "奖励模型", "奖赏模型"}),  # the exact term first
        ("獎勵模型", "奖励模型", {"奖励模型"}),  # traditional
        ("reward model", "奖励模型", {"奖励模型", "奖赏模型"}),  # the one seen in documents first
        ("Reward Models", "奖励模型", {"奖励模型", "奖赏模型"}),  # English key: case and plural
        ("llm", "大语言模型", {"大语言模型"}),  # abbreviation
        ("houxunlian", "后训练", {"后训练"}),  # pinyin key
        ("hou xun lian", "后训练", {"后训练"}),
        ("jlmx", "奖励模型", {"奖励模型"}),  # initials
        ("  ", None, set()),
    ],
)
def test_canned_search(get, q, first, all_terms):
    found = rows(get, "/glossary/search.json", q=q)
    assert {r["zh"] for r in found} == all_terms
    if first:
        assert found[0]["zh"] == first


def test_canned_search_puts_approved_first_and_shows_pinyin(get):
    found = rows(get, "/glossary/search.json", q="训练")
    assert [(r["zh"], r["en"], r["status"], r["pinyin"]) for r in found] == [
        ("后训练", "post-training", "approved", "hòu xùn liàn")
    ]


def test_canned_untranslated(get):
    found = rows(get, "/glossary/untranslated.json")
    assert [(r["zh"], r["pinyin"], r["proposed_en"], r["score"], r["document"]) for r in found] == [
        ("策略梯度", "cè lüè tī dù", None, 9.5, "/corpus/rl.md"),
        ("价值函数", "jià zhí hán shù", "value function", 4.25, "/corpus/rl.md"),
    ]


def test_canned_conflicts(get):
    found = {(r["conflict"], r["term"]): r for r in rows(get, "/glossary/conflicts.json")}
    assert set(found) == {("one Chinese, several English", "模型"), ("one English, several Chinese", "reward model")}
    assert found[("one Chinese, several English", "模型")]["forms"] == 2
    assert set(found[("one Chinese, several English", "模型")]["translations"].split(" | ")) == {
        "model [candidate]",
        "pattern [candidate]",
    }
    assert set(found[("one English, several Chinese", "reward model")]["translations"].split(" | ")) == {
        "奖励模型 [candidate]",
        "奖赏模型 [candidate]",
    }


def test_canned_recent_is_newest_first(get):
    found = rows(get, "/glossary/recent.json")
    assert (found[0]["zh"], found[0]["en"], found[0]["origin"], found[0]["document"]) == (
        "奖赏模型",
        "reward model",
        "manual",
        None,
    )
    assert len(found) == 6
    assert [r["first_seen"] for r in found] == sorted((r["first_seen"] for r in found), reverse=True)


@pytest.mark.parametrize("document", ["/corpus/rl.md", "rl.md", "corpus/rl"])
def test_canned_document_terms_in_reading_order(get, document):
    found = rows(get, "/glossary/document_terms.json", document=document)
    assert [(r["zh"], r["en"], r["first_line"]) for r in found] == [
        ("奖励模型", "reward model", 1),
        ("大语言模型", "large language model", 1),
        ("后训练", "post-training", 1),
    ]
    assert found[0]["sentence"] == RL and {r["document"] for r in found} == {"/corpus/rl.md"}


def test_canned_document_terms_needs_a_document(get):
    assert rows(get, "/glossary/document_terms.json", document="") == []
    assert rows(get, "/glossary/document_terms.json", document="nowhere.md") == []


def test_canned_similar_spellings(get):
    found = rows(get, "/glossary/similar.json", q="reward modle")
    assert {(r["zh"], r["en"]) for r in found} == {("奖励模型", "reward model"), ("奖赏模型", "reward model")}
    assert all(0.6 <= r["similarity"] < 1 for r in found)


def test_every_canned_query_is_tested():
    tested = {"search", "untranslated", "conflicts", "recent", "document_terms", "similar"}
    assert set(load_metadata()["databases"]["glossary"]["queries"]) == tested


# --- metadata ----------------------------------------------------------------------------------------------


def test_licence_and_attribution_credit_cc_cedict(get):
    page = get("/glossary").text
    assert "CC-CEDICT" in page
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/"' in page
    meta = get("/-/metadata.json").json()
    assert "CC BY-SA 4.0" in meta["license"] and "CC-CEDICT" in meta["source"]


def test_default_facets(get):
    facets = get("/glossary/pairs.json").json()["facet_results"]
    assert {v["value"]: v["count"] for v in facets["status"]["results"]} == {"candidate": 4, "approved": 2}
    assert {v["value"]: v["count"] for v in facets["origin"]["results"]} == {"extracted": 4, "manual": 2}
    documents = get("/glossary/occurrences.json").json()["facet_results"]["document_id"]["results"]
    assert {v["label"]: v["count"] for v in documents} == {"/corpus/rl.md": 3, "/corpus/eval.md": 2}


def test_tables_and_columns_are_described(get, db):
    described = load_metadata()["databases"]["glossary"]["tables"]
    with open_glossary(db, readonly=True) as g:
        tables = {r[0] for r in g.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    visible = {t for t in tables if not t.startswith(("terms_fts", "sqlite_"))}
    assert visible <= set(described)
    page = get("/glossary/pairs").text
    assert described["pairs"]["columns"]["status"] in page
