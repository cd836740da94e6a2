"""Anki decks, checked by importing every deck into a fresh collection with the real Anki importer.

The anki package (AGPL) is a test-only dependency; the exporter itself needs only genanki.
"""

from __future__ import annotations

import hashlib
import html
import sys
import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from glossary.export import anki as anki_export
from glossary.export.anki import FIELDS, deck_id, highlight, readable, write_anki
from glossary.model import Candidate, Document

T0 = 1_800_000_000.0  # a fixed export time; Anki updates a note only from a later one, to the second

LLM_TEXT = "大语言模型（Large Language Model，LLM）是一种<think>标记之前的模型。"
POST_TEXT = "后训练(post-training)阶段包括后训练(post-training)与对齐。"


def document(path: str, text: str) -> Document:
    return Document(path, text, hashlib.sha256(text.encode()).hexdigest(), "utf-8", "txt")


def seen(text: str, zh: str, en: str, confidence: float = 0.9, abbr: str | None = None) -> Candidate:
    start, en_start = text.index(zh), text.index(en)
    return Candidate(
        zh, en, start, start + len(zh), en_start, en_start + len(en), 1, text, "zh(en)", confidence, abbr=abbr
    )


@pytest.fixture
def collection(tmp_path):
    """A fresh, empty Anki collection."""
    folder = tmp_path / "anki-profile"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


def import_deck(col: Collection, path: Path):
    """Import as Anki's File > Import does by default; returns the import log."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def notes_by_term(col: Collection) -> dict[str, dict]:
    """Every note as {simplified: {field name: value, 'tags': [...], 'id': ..., 'cards': [...]}}."""
    found = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        fields = dict(note.items())
        found[html.unescape(fields["Simplified"])] = {
            **fields,
            "tags": sorted(note.tags),
            "id": note.id,
            "guid": note.guid,
            "cards": sorted(note.cards(), key=lambda c: c.ord),
        }
    return found


def export(run, path: Path, *args: str) -> None:
    result = run("export", "--format", "anki", "-o", str(path), *args)
    assert result.exit_code == 0, result.output


@pytest.fixture
def terms(glossary):
    """A glossary with evidence: 大语言模型 (two English forms, one approved, one rejected) and 后训练."""
    glossary.replace_document(
        document("/corpus/Chapter 1.md", LLM_TEXT),
        [seen(LLM_TEXT, "大语言模型", "Large Language Model", abbr="LLM")],
        "t",
    )
    glossary.replace_document(
        document("/corpus/ch2.md", POST_TEXT), [seen(POST_TEXT, "后训练", "post-training")] * 2, "t"
    )
    glossary.set_status("大语言模型", "Large Language Model", "approved")
    glossary.add("大语言模型", "LLM model", status="candidate", confidence=0.9)
    glossary.add("大语言模型", "big model", tags=["llm"])
    glossary.set_status("大语言模型", "big model", "rejected")
    glossary.edit("大语言模型", "Large Language Model", note="Use LLM after first mention.", tags=["llm", "nlp"])
    return glossary


def test_one_note_per_term_with_its_fields_cards_and_tags(run, terms, collection, tmp_path):
    deck = tmp_path / "terms.apkg"
    result = run("export", "--format", "anki", "-o", str(deck))
    assert result.exit_code == 0
    assert result.output == f"3 pairs -> {deck}\n"  # the rejected form is left out

    log = import_deck(collection, deck)
    assert len(log.new) == 2
    assert collection.note_count() == 2 and collection.card_count() == 4
    notes = notes_by_term(collection)
    llm = notes["大语言模型"]
    assert {k: llm[k] for k in FIELDS} == {
        "Simplified": "大语言模型",
        "Traditional": "大語言模型",
        "Pinyin": "dà yǔ yán mó xíng",
        "English": "Large Language Model; LLM model",  # approved first; the rejected "big model" is not there
        "Abbreviation": "LLM",
        "Example": "<b>大语言模型</b>（<b>Large Language Model</b>，<b>LLM</b>）是一种&lt;think&gt;标记之前的模型。",
        "Source": "Chapter 1.md",
        "Note": "Use LLM after first mention.",
        "Recognition": "y",
        "Production": "y",
    }
    assert llm["tags"] == sorted(
        [
            "glossary::status::approved",
            "glossary::status::candidate",
            "glossary::doc::Chapter_1",
            "glossary::domain::llm",
            "glossary::domain::nlp",
        ]
    )
    post = notes["后训练"]
    assert (post["Traditional"], post["English"], post["Abbreviation"], post["Source"]) == (
        "後訓練",
        "post-training",
        "",
        "ch2.md",
    )
    assert post["Example"].count("<b>后训练</b>") == 2
    assert [c.ord for c in llm["cards"]] == [0, 1]
    assert {collection.decks.name(c.did) for n in notes.values() for c in n["cards"]} == {"Glossary"}
    # New cards come in order of how often the term was seen: 后训练 (twice) before 大语言模型 (once).
    assert post["cards"][0].due < llm["cards"][0].due


def test_rejected_forms_stay_out_even_when_selected(run, terms, collection, tmp_path):
    terms.add("拒绝词", "rejected term")
    terms.set_status("拒绝词", None, "rejected")
    deck = tmp_path / "all.apkg"
    result = run("export", "--format", "anki", "--all", "-o", str(deck))
    assert result.output == f"3 pairs -> {deck}\n"
    import_deck(collection, deck)
    notes = notes_by_term(collection)
    assert sorted(notes) == ["后训练", "大语言模型"]  # a term with only rejected forms has no note
    assert "big model" not in notes["大语言模型"]["English"]


def test_cards_render_the_term_on_the_front_and_the_answer_on_the_back(run, terms, collection, tmp_path):
    export(run, tmp_path / "d.apkg")
    import_deck(collection, tmp_path / "d.apkg")
    recognition, production = notes_by_term(collection)["后训练"]["cards"]
    assert "后训练" in recognition.question() and "post-training" not in recognition.question()
    assert "post-training" in recognition.answer() and "hòu xùn liàn" in recognition.answer()
    assert "post-training" in production.question() and "后训练" not in production.question()
    assert "后训练" in production.answer() and "後訓練" in production.answer()


@pytest.mark.parametrize(
    ("direction", "ords"),
    [("zh-en", [0]), ("en-zh", [1]), ("both", [0, 1]), (None, [0, 1])],
)
def test_direction_chooses_the_cards(run, terms, collection, tmp_path, direction, ords):
    deck = tmp_path / "d.apkg"
    export(run, deck, *(["--direction", direction] if direction else []))
    import_deck(collection, deck)
    for note in notes_by_term(collection).values():
        assert [c.ord for c in note["cards"]] == ords
    assert collection.card_count() == 2 * len(ords)


@pytest.mark.parametrize(
    "english",
    ["<think>", "A&B", "x < y && y > z", "<b>bold</b>", "{{Simplified}}", "\"quoted\" & 'single'"],
)
def test_html_special_text_shows_literally(run, glossary, collection, tmp_path, english):
    glossary.add("特殊标记", english, abbr=english, note=english)
    export(run, tmp_path / "d.apkg")
    import_deck(collection, tmp_path / "d.apkg")
    note = notes_by_term(collection)["特殊标记"]
    for field in ("English", "Abbreviation", "Note"):
        assert html.unescape(note[field]) == english
        assert "<" not in note[field].replace("<br>", "")
    answer = note["cards"][0].answer()
    assert html.escape(english, quote=False) in answer
    assert "<think>" not in answer and "<b>bold" not in answer


def test_reexport_after_an_edit_updates_in_place_and_keeps_scheduling(terms, collection, tmp_path, monkeypatch):
    first, second, same_time = tmp_path / "1.apkg", tmp_path / "2.apkg", tmp_path / "same.apkg"
    with open(first, "wb") as f:
        write_anki(terms.entries(), f, timestamp=T0)
    import_deck(collection, first)
    before = notes_by_term(collection)["后训练"]
    recognition = before["cards"][0]
    recognition.start_timer()
    collection.sched.answerCard(recognition, 3)  # Good
    collection.sched.set_due_date([recognition.id], "9")
    collection.set_user_flag_for_cards(2, [recognition.id])
    collection.sched.suspend_cards([before["cards"][1].id])
    collection.set_deck([before["cards"][1].id], collection.decks.id("Mine"))
    reviewed = collection.get_card(recognition.id)
    reviews = collection.db.scalar("SELECT count() FROM revlog")

    terms.edit("后训练", "post-training", new_en="post training phase", abbr="PT")
    with open(same_time, "wb") as f:
        write_anki(terms.entries(), f, timestamp=T0)
    log = import_deck(collection, same_time)
    assert (len(log.updated), len(log.duplicate)) == (0, 2)  # not newer: Anki keeps what it has
    assert notes_by_term(collection)["后训练"]["English"] == "post-training"

    monkeypatch.setattr(anki_export, "CSS", ".card { color: teal; }")
    with open(second, "wb") as f:
        write_anki(terms.entries(), f, timestamp=T0 + 1)
    log = import_deck(collection, second)
    assert (len(log.new), len(log.updated)) == (0, 2)

    after = notes_by_term(collection)["后训练"]
    assert (after["id"], after["guid"]) == (before["id"], before["guid"])
    assert (after["English"], after["Abbreviation"]) == ("post training phase", "PT")
    assert collection.note_count() == 2 and collection.card_count() == 4
    card = collection.get_card(recognition.id)
    assert (card.type, card.queue, card.due, card.ivl, card.reps, card.factor) == (
        reviewed.type,
        reviewed.queue,
        reviewed.due,
        reviewed.ivl,
        reviewed.reps,
        reviewed.factor,
    )
    assert card.user_flag() == 2
    production = collection.get_card(before["cards"][1].id)
    assert production.queue == -1  # still suspended
    assert collection.decks.name(production.did) == "Mine"  # and where the learner put it
    assert "<style>.card { color: teal; }</style>" in card.question()  # the styling follows the newer deck
    assert collection.db.scalar("SELECT count() FROM revlog") == reviews


def test_adding_a_direction_later_adds_cards_and_keeps_the_reviewed_ones(run, terms, collection, tmp_path):
    first, second = tmp_path / "1.apkg", tmp_path / "2.apkg"
    with open(first, "wb") as f:
        write_anki(terms.entries(), f, direction="zh-en", timestamp=T0)
    import_deck(collection, first)
    card = notes_by_term(collection)["后训练"]["cards"][0]
    collection.sched.set_due_date([card.id], "30")
    due = collection.get_card(card.id).due

    with open(second, "wb") as f:
        write_anki(terms.entries(), f, direction="both", timestamp=T0 + 60)
    import_deck(collection, second)
    cards = notes_by_term(collection)["后训练"]["cards"]
    assert [(c.ord, c.id == card.id) for c in cards] == [(0, True), (1, False)]
    assert collection.get_card(card.id).due == due
    assert collection.card_count() == 4


def test_deck_name_gives_its_own_deck_and_exporting_to_it_again_updates(run, terms, collection, tmp_path):
    export(run, tmp_path / "a.apkg", "--deck", "Chinese::AI terms")
    import_deck(collection, tmp_path / "a.apkg")
    with open(tmp_path / "b.apkg", "wb") as f:
        write_anki(terms.entries(), f, deck="Chinese::AI terms", timestamp=T0 * 2)
    log = import_deck(collection, tmp_path / "b.apkg")
    assert (len(log.new), len(log.updated)) == (0, 2)
    names = {collection.decks.name(c.did) for n in notes_by_term(collection).values() for c in n["cards"]}
    assert names == {"Chinese::AI terms"}
    assert collection.note_count() == 2


def test_identity_is_frozen():
    """Changing any of these would make every learner's next import duplicate or stop updating their notes."""
    assert anki_export.MODEL_ID == 1_738_204_517
    assert FIELDS == (
        "Simplified",
        "Traditional",
        "Pinyin",
        "English",
        "Abbreviation",
        "Example",
        "Source",
        "Note",
        "Recognition",
        "Production",
    )
    assert [t["name"] for t in anki_export.TEMPLATES] == ["Recognition 中→EN", "Production EN→中"]
    assert deck_id("Glossary") == deck_id(anki_export.DEFAULT_DECK) == 1_795_602_232
    assert deck_id("Glossary") != deck_id("glossary")
    assert anki_export.note_guid("9f86d081884c7d65") == "glossary-term-9f86d081884c7d65"


def test_tag_filters_every_format(run, terms, collection, tmp_path):
    export(run, tmp_path / "d.apkg", "--tag", "llm")
    import_deck(collection, tmp_path / "d.apkg")
    assert list(notes_by_term(collection)) == ["大语言模型"]
    csv = run("export", "--format", "csv", "--tag", "llm").output.splitlines()
    assert [line.split(",")[0] for line in csv[1:]] == ["大语言模型"]
    assert run("export", "--format", "csv", "--tag", "nothing-has-this").output.splitlines()[1:] == []


def test_empty_selection_gives_a_deck_anki_imports(run, terms, collection, tmp_path):
    deck = tmp_path / "empty.apkg"
    result = run("export", "--format", "anki", "--tag", "nothing-has-this", "-o", str(deck))
    assert (result.exit_code, result.output) == (0, f"0 pairs -> {deck}\n")
    assert len(import_deck(collection, deck).new) == 0
    assert collection.note_count() == 0


def test_package_is_compressed_and_leaves_no_temporary_files(terms, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    with open(tmp_path / "d.apkg", "wb") as f:
        write_anki(terms.entries(), f, timestamp=T0)
    with zipfile.ZipFile(tmp_path / "d.apkg") as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
        assert archive.getinfo("collection.anki2").compress_type == zipfile.ZIP_DEFLATED
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "anki"], "Error: --format anki writes a file, not stdout: pass -o FILE"),
        (["--format", "anki", "-o", "-"], "Error: --format anki writes a file, not stdout: pass -o FILE"),
        (["--format", "csv", "--deck", "X"], "Error: --deck does not apply to --format csv"),
        (["--format", "jsonl", "--direction", "en-zh"], "Error: --direction does not apply to --format jsonl"),
        (
            ["--format", "anki", "--direction", "up", "-o", "d.apkg"],
            "Error: Invalid value for '--direction': 'up' is not one of 'zh-en', 'en-zh', 'both'.",
        ),
    ],
)
def test_bad_options_are_usage_errors(run, terms, args, message):
    result = run("export", *args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == message


def test_an_output_folder_that_does_not_exist_is_one_line(run, terms, tmp_path):
    deck = tmp_path / "no-such-folder" / "d.apkg"
    result = run("export", "--format", "anki", "-o", str(deck))
    assert result.exit_code == 1
    assert result.output == f"Error: cannot write {deck}: No such file or directory\n"


def test_missing_genanki_is_one_line_and_writes_nothing(run, terms, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "genanki", None)  # import genanki now raises ImportError
    result = run("export", "--format", "anki", "-o", str(tmp_path / "d.apkg"))
    assert result.exit_code == 1
    assert (
        result.output
        == "Error: genanki is not installed; install it from glossary's folder with: pip install '.[anki]'\n"
    )
    assert not any(p.name.endswith("d.apkg") or ".d.apkg." in p.name for p in tmp_path.iterdir())


def test_a_card_example_reads_as_the_document_does_without_its_markup(run, tmp_path, collection):
    """(cards showed - **微调**：... and [<b>偏置项</b>](https://...) as written in the Markdown)"""
    doc = tmp_path / "a.md"
    doc.write_text(
        "- 我们用 **微调**（[fine-tuning](https://example.org)）让模型适应 `task_a` 任务。\n", encoding="utf-8"
    )
    assert run("extract", str(doc)).exit_code == 0
    export(run, tmp_path / "d.apkg")
    import_deck(collection, tmp_path / "d.apkg")
    example = notes_by_term(collection)["微调"]["Example"]
    assert example == "我们用 <b>微调</b>（<b>fine-tuning</b>）让模型适应 task_a 任务。"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("- **<b>微调</b>**：<b>Fine-tuning</b>", "微调：Fine-tuning"),
        ("[<b>偏置项</b>](https://pytorch.org)（bias term）", "偏置项（bias term）"),
        ("用**微调**让模型、*强调*与***三重***", "用微调让模型、强调与三重"),
        ("在<think>标记<br/>后<span class='x'>强调</span>", "在<think>标记后强调"),
        # what only looks like markup stays: arithmetic, code, math, stars beside Latin, angle brackets
        ("a*b*c 与 2*3=6，x**2 + y**2", "a*b*c 与 2*3=6，x**2 + y**2"),
        ("f(*args, **kwargs) 与 Python 的 __init__ 方法", "f(*args, **kwargs) 与 Python 的 __init__ 方法"),
        ("A* 搜索（A* search）与 COUNT(*)", "A* 搜索（A* search）与 COUNT(*)"),
        ("当 x<a 且 y>b 时，向量 <a, b> 表示内积", "当 x<a 且 y>b 时，向量 <a, b> 表示内积"),
        ("*.py 和 **/*.md，`**kwargs` 与 $x_i*y_i$", "*.py 和 **/*.md，**kwargs 与 $x_i*y_i$"),
        # emphasis beside Latin letters where it holds Chinese, around code or math, inside emphasis
        ("基于GPU**加速**训练，**`get_peft_model()`** 与 **$W_0$**", "基于GPU加速训练，get_peft_model() 与 $W_0$"),
        ("这是**加粗中有*斜体*的**句子", "这是加粗中有斜体的句子"),
        ("费用 $5，而 **微调** 要 $30", "费用 $5，而 微调 要 $30"),
        ("代码 `a``b` 里的两个反引号", "代码 a``b 里的两个反引号"),
    ],
)
def test_a_card_reads_markup_as_rendered_and_keeps_what_only_looks_like_it(sentence, expected):
    assert readable(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "chinese", "english", "expected"),
    [
        ("用后训练(post-training)。", ["后训练"], ["post-training"], "用<b>后训练</b>(<b>post-training</b>)。"),
        ("繁體的後訓練也算。", ["后训练", "後訓練"], [], "繁體的<b>後訓練</b>也算。"),
        ("AIGC 不是 AI。", ["人工智能"], ["AI"], "AIGC 不是 <b>AI</b>。"),
        ("Post-Training 大小写", ["后训练"], ["post-training"], "<b>Post-Training</b> 大小写"),
        ("预训练阶段与预训练", ["预训练", "预训练阶段"], [], "<b>预训练阶段</b>与<b>预训练</b>"),
        ("a<b>&c 模型", ["模型"], [], "a&lt;b&gt;&amp;c <b>模型</b>"),
        ("<模型>", ["<模型>"], [], "<b>&lt;模型&gt;</b>"),
        ("两行\n文字", ["文字"], [], "两行<br><b>文字</b>"),
        ("Model, MODEL 与 models", [], ["model"], "<b>Model</b>, <b>MODEL</b> 与 models"),
        ("İstanbul model", [], ["model"], "İstanbul <b>model</b>"),  # lower() of İ is two characters
        ("后训练后训练", ["后训练"], [], "<b>后训练</b><b>后训练</b>"),
        ("没有这个词", ["模型"], ["model"], "没有这个词"),
        ("空", [""], [""], "空"),
    ],
)
def test_highlight_marks_every_form_and_escapes_the_rest(sentence, chinese, english, expected):
    assert highlight(sentence, chinese, english) == expected
