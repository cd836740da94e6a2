"""The store: round trips, evidence replacement, and human decisions that extraction never undoes."""

from __future__ import annotations

import hashlib
import sqlite3
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.errors import AmbiguousError, DatabaseLockedError, NoSuchTermError
from glossary.model import Candidate, Document
from glossary.normalize import en_key, zh_key
from glossary.store import open_glossary

from .conftest import write_locked


def doc(path: str, text: str) -> Document:
    return Document(
        path=path, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), encoding="utf-8", format="txt"
    )


def cand(text: str, zh: str, en: str, confidence: float = 0.8, parent: int | None = None, **kw) -> Candidate:
    start = text.index(zh)
    en_start = text.index(en)
    return Candidate(
        zh,
        en,
        start,
        start + len(zh),
        en_start,
        en_start + len(en),
        1,
        text,
        "zh(en)",
        confidence,
        parent=parent,
        **kw,
    )


TEXT = "预训练阶段(pre-training stage)之后是后训练阶段(post-training stage)。"


def pairs(g) -> set[tuple[str, str, str]]:
    return {(e.zh, e.en, e.status) for e in g.entries()}


def test_document_evidence_is_stored_with_its_sentence(glossary):
    d = doc("/c/a.txt", TEXT)
    summary = glossary.replace_document(
        d,
        [
            cand(TEXT, "预训练阶段", "pre-training stage"),
            cand(TEXT, "后训练阶段", "post-training stage", 0.6),
        ],
        "t",
    )
    assert (len(summary.pair_ids), summary.occurrences, len(summary.new_pair_ids)) == (2, 2, 2)
    e = {x.zh: x for x in glossary.entries()}["预训练阶段"]
    assert (e.en, e.status, e.origin, e.count, e.documents, e.example) == (
        "pre-training stage",
        "candidate",
        "extracted",
        1,
        ("/c/a.txt",),
        TEXT,
    )
    assert e.pinyin == "yù xùn liàn jiē duàn"


def test_replacing_a_document_replaces_its_evidence(glossary):
    glossary.replace_document(
        doc("/c/a.txt", TEXT),
        [cand(TEXT, "预训练阶段", "pre-training stage"), cand(TEXT, "后训练阶段", "post-training stage")],
        "t",
    )
    changed = "后训练阶段(post-training stage)很重要。"
    glossary.replace_document(doc("/c/a.txt", changed), [cand(changed, "后训练阶段", "post-training stage")], "t")
    assert pairs(glossary) == {("后训练阶段", "post-training stage", "candidate")}
    assert glossary.stats()["occurrences"] == 1
    assert glossary.stats()["terms"] == 1 and glossary.stats()["english_forms"] == 1


def test_a_batch_of_documents_stores_what_one_at_a_time_does(glossary, tmp_path):
    other = "预训练阶段(pre-training stage)。"
    changed = "后训练阶段(post-training stage)很重要。"
    steps = [
        (
            doc("/c/a.txt", TEXT),
            [cand(TEXT, "预训练阶段", "pre-training stage"), cand(TEXT, "后训练阶段", "post-training stage")],
        ),
        (doc("/c/b.txt", other), [cand(other, "预训练阶段", "pre-training stage", 0.4)]),
        (doc("/c/a.txt", changed), [cand(changed, "后训练阶段", "post-training stage")]),  # the same path again
    ]
    one_by_one = open_glossary(tmp_path / "one.db")
    summaries = [one_by_one.replace_document(d, c, "t") for d, c in steps]
    assert glossary.replace_documents(steps, "t") == summaries
    query = (
        "SELECT t.zh, e.key, p.count, p.confidence, t.search FROM pairs p JOIN terms t ON t.id = p.term_id "
        "JOIN english e ON e.id = p.english_id ORDER BY 1, 2"
    )
    assert glossary.query(query) == one_by_one.query(query)
    assert tuple(glossary.query(query)[0])[:3] == ("后训练阶段", "posttrainingstage", 1)


def test_a_batch_is_written_whole_or_not_at_all(glossary, monkeypatch):
    glossary.replace_document(doc("/c/a.txt", TEXT), [cand(TEXT, "预训练阶段", "pre-training stage")], "t")
    before = glossary.stats()
    written = []

    def fail_on_second(*args):
        if written:
            raise RuntimeError("disk full")
        written.append(args)
        return original(*args)

    original = glossary._write_document
    monkeypatch.setattr(glossary, "_write_document", fail_on_second)
    other = "后训练阶段(post-training stage)。"
    with pytest.raises(RuntimeError):
        glossary.replace_documents(
            [(doc("/c/b.txt", other), [cand(other, "后训练阶段", "post-training stage")])] * 2, "t"
        )
    assert written and glossary.stats() == before
    assert [s.path for s in glossary.sources()] == ["/c/a.txt"]


def test_a_key_with_a_nul_character_is_found_again(glossary):
    # A document's keys are looked up together; a NUL must not cut one short (a second English form, or a
    # failed insert of the same key, would follow).
    text = "预训练(pre\x00training)。"
    for path in ("/c/a.txt", "/c/b.txt"):
        glossary.replace_document(doc(path, text), [cand(text, "预训练", "pre\x00training")], "t")
    assert glossary.stats()["english_forms"] == 1 and glossary.stats()["pairs"] == 1


def test_traditional_forms_land_on_the_simplified_term_and_are_kept(glossary):
    trad = "後訓練(post-training)和后训练(post-training)。"
    glossary.replace_document(
        doc("/c/t.txt", trad),
        [cand(trad, "後訓練", "post-training"), cand(trad, "后训练", "post-training")],
        "t",
    )
    (entry,) = glossary.entries()
    assert entry.zh == "后训练" and entry.count == 2
    assert set(entry.forms) == {"後訓練", "后训练"}


def test_spacing_variants_land_on_one_term_and_are_kept(glossary):
    text = "CAP 定理(CAP theorem)与CAP定理(CAP theorem)。"
    second = text.index("CAP定理")
    glossary.replace_document(
        doc("/c/s.txt", text),
        [
            cand(text, "CAP 定理", "CAP theorem"),
            Candidate("CAP定理", "CAP theorem", second, second + 5, second + 6, second + 17, 1, text, "zh(en)", 0.8),
        ],
        "t",
    )
    (entry,) = glossary.entries()
    assert entry.zh == "CAP定理" and entry.count == 2
    assert set(entry.forms) == {"CAP 定理", "CAP定理"}


def test_english_variants_merge_and_most_frequent_form_is_shown(glossary):
    text = "预训练(Pre-Training)，预训练(pre-training)，预训练(pre-training)，预训练(pretrainings)。"
    cands = []
    pos = 0
    for en in ["Pre-Training", "pre-training", "pre-training", "pretrainings"]:
        start = text.index("预训练", pos)
        en_start = text.index(en, start)
        cands.append(Candidate("预训练", en, start, start + 3, en_start, en_start + len(en), 1, text, "zh(en)", 0.7))
        pos = en_start
    glossary.replace_document(doc("/c/v.txt", text), cands, "t")
    (entry,) = glossary.entries()
    assert entry.en == "pre-training" and entry.count == 4


@pytest.mark.parametrize(("first", "second"), [("bias", "biases"), ("KV cache", "KV caches"), ("GPU", "GPUs")])
def test_a_plural_added_beside_its_singular_is_the_same_english(glossary, first, second):
    """(bias and biases had made two English forms of one term: the s of bias was read as an ending)"""
    glossary.add("偏置", first)
    glossary.add("偏置", second)
    assert [e.en for e in glossary.entries()] == [second]  # the spelling a person wrote last
    assert glossary.execute("SELECT count(*) FROM english").fetchone()[0] == 1


def test_a_term_is_found_by_the_spelling_its_english_form_shows_now(glossary):
    """Another term's evidence changed the spelling an English form shows: every term with that form is
    searched by it (the search text of the others had kept the old spelling)."""
    one = "键值缓存(KV cache)。"
    glossary.replace_document(doc("/c/1.txt", one), [cand(one, "键值缓存", "KV cache")], "t")
    two = "KV缓存(KV caches)，KV缓存(KV caches)。"
    second = two.index("KV缓存", 1)
    glossary.replace_document(
        doc("/c/2.txt", two),
        [
            cand(two, "KV缓存", "KV caches"),
            Candidate("KV缓存", "KV caches", second, second + 4, second + 5, second + 14, 1, two, "zh(en)", 0.8),
        ],
        "t",
    )
    assert {e.en for e in glossary.entries()} == {"KV caches"}
    found = {
        r[0]
        for r in glossary.execute(
            "SELECT zh FROM terms JOIN terms_fts ON terms_fts.rowid = terms.id WHERE terms_fts MATCH 'caches'"
        )
    }
    assert found == {"键值缓存", "KV缓存"}


def test_derived_pair_keeps_its_parent_as_evidence(glossary):
    glossary.replace_document(
        doc("/c/a.txt", TEXT),
        [
            cand(TEXT, "预训练阶段", "pre-training stage"),
            Candidate("预训练", "pre-training", 0, 3, 6, 18, 1, TEXT, "derived", 0.6, parent=0),
        ],
        "t",
    )
    derived = [e for e in glossary.entries() if e.origin == "derived"]
    assert [(e.zh, e.en) for e in derived] == [("预训练", "pre-training")]
    parent = glossary.execute("SELECT p.term_id FROM occurrences o JOIN pairs p ON p.id = o.parent_pair_id").fetchone()
    assert parent is not None


@pytest.mark.parametrize("decision", ["approved", "rejected"])
def test_decisions_survive_re_extraction_and_evidence_loss(glossary, decision):
    glossary.replace_document(doc("/c/a.txt", TEXT), [cand(TEXT, "预训练阶段", "pre-training stage", 0.3)], "t")
    glossary.set_status("预训练阶段", "pre-training stage", decision)
    glossary.replace_document(doc("/c/a.txt", TEXT + "x"), [cand(TEXT, "预训练阶段", "pre-training stage", 0.9)], "t")
    assert pairs(glossary) == {("预训练阶段", "pre-training stage", decision)}
    # the document no longer mentions it: an extracted candidate would go, a decision stays
    glossary.replace_document(doc("/c/a.txt", "无关。"), [], "t")
    assert pairs(glossary) == {("预训练阶段", "pre-training stage", decision)}


def test_removed_pair_is_not_brought_back_until_added(glossary):
    glossary.replace_document(doc("/c/a.txt", TEXT), [cand(TEXT, "预训练阶段", "pre-training stage")], "t")
    glossary.remove("预训练阶段")
    glossary.replace_document(doc("/c/a.txt", TEXT + "!"), [cand(TEXT, "预训练阶段", "pre-training stage")], "t")
    assert pairs(glossary) == set()
    glossary.add("预训练阶段", "pre-training stage")
    assert pairs(glossary) == {("预训练阶段", "pre-training stage", "approved")}


def test_edit_moves_the_pair_and_suppresses_the_old_wording(glossary):
    glossary.replace_document(doc("/c/a.txt", TEXT), [cand(TEXT, "预训练阶段", "pre-training stage")], "t")
    glossary.edit("预训练阶段", None, new_en="pretraining phase", note="书面语")
    glossary.replace_document(doc("/c/a.txt", TEXT + "!"), [cand(TEXT, "预训练阶段", "pre-training stage")], "t")
    (entry,) = glossary.entries()
    assert (entry.zh, entry.en, entry.note, entry.count) == ("预训练阶段", "pretraining phase", "书面语", 0)


def test_an_edit_that_only_rewrites_the_same_keys_keeps_the_pair_and_its_later_evidence(glossary):
    glossary.add("预训练阶段", "pre-training stage")
    edited = glossary.edit("预训练阶段", None, new_zh="預訓練階段", new_en="Pre-Training Stage")
    assert (edited.written, edited.en) == ("預訓練階段", "Pre-Training Stage")
    glossary.replace_document(doc("/c/a.txt", TEXT), [cand(TEXT, "预训练阶段", "pre-training stage")], "t")
    (entry,) = glossary.entries()
    assert (entry.zh, entry.count, entry.status, entry.forms) == (
        "预训练阶段",
        1,
        "approved",
        ("预训练阶段", "預訓練階段"),
    )
    assert glossary.query("SELECT * FROM suppressed") == []


@pytest.mark.parametrize("by", ["edit", "add"])
def test_the_spelling_a_person_writes_is_shown_through_later_extractions(glossary, by):
    """English forms are keyed case-, hyphen- and space-insensitively and show the spelling the documents use
    most, except the one a person wrote: that stays, as a decision does."""
    text = "预训练(pretraining)，再说预训练(pretraining)。"
    evidence = [cand(text, "预训练", "pretraining"), cand(text[10:], "预训练", "pretraining")]
    glossary.replace_document(doc("/c/a.txt", text), evidence, "t")
    if by == "edit":
        assert glossary.edit("预训练", "pretraining", new_en="Pre-Training").en == "Pre-Training"
    else:
        assert glossary.add("预训练", "Pre-Training")[1].en == "Pre-Training"
    glossary.replace_document(doc("/c/b.txt", text), evidence, "t")
    (entry,) = glossary.entries()
    assert (entry.en, entry.count) == ("Pre-Training", 4)
    assert [h.entry.en for h in glossary.lookup("pre training").hits] == ["Pre-Training"]


def test_merge_terms_moves_evidence_and_catches_later_extractions(glossary):
    text = "预训练模型(pretrained model)与预训练的模型(pretrained model)。"
    glossary.replace_document(
        doc("/c/m.txt", text),
        [cand(text, "预训练模型", "pretrained model"), cand(text, "预训练的模型", "pretrained model")],
        "t",
    )
    assert glossary.merge_terms("预训练的模型", "预训练模型") == 1
    (entry,) = glossary.entries()
    assert (entry.zh, entry.count) == ("预训练模型", 2)
    glossary.replace_document(doc("/c/n.txt", text), [cand(text, "预训练的模型", "pretrained model")], "t")
    (entry,) = glossary.entries()
    assert (entry.zh, entry.count) == ("预训练模型", 3)


def test_merging_two_decided_pairs_keeps_the_later_decision_and_both_notes(glossary):
    glossary.add("预训练的模型", "pretrained model", status="rejected", note="too loose")
    glossary.add("预训练模型", "pretrained model", status="approved", note="seen in the book")
    older = "UPDATE pairs SET updated = '2020-01-01' WHERE term_id = (SELECT id FROM terms WHERE zh = ?)"
    glossary.execute(older, ["预训练的模型"])
    glossary.merge_terms("预训练模型", "预训练的模型")  # the target's rejection is older: the approval stays
    (entry,) = glossary.entries()
    assert (entry.zh, entry.status, entry.note) == ("预训练的模型", "approved", "too loose\nseen in the book")
    assert entry.updated > "2020-01-01"  # the decision kept is dated as made, for the next fold to compare


def test_merge_english_forms(glossary):
    glossary.add("微调", "fine tuning")
    glossary.add("微调", "finetune")
    glossary.merge_english("finetune", "fine tuning")
    assert [(e.zh, e.en) for e in glossary.entries()] == [("微调", "fine tuning")]
    glossary.add("精调", "finetune")  # the alias lands on the merged form
    assert {(e.zh, e.en) for e in glossary.entries()} == {("微调", "fine tuning"), ("精调", "fine tuning")}


def test_ambiguous_and_missing_selectors_say_what_to_do(glossary):
    glossary.add("智能体", "agent")
    glossary.add("智能体", "AI agent")
    with pytest.raises(AmbiguousError, match="has 2 English forms"):
        glossary.set_status("智能体", None, "approved")
    assert len(glossary.set_status("智能体", None, "rejected", every=True)) == 2
    with pytest.raises(NoSuchTermError, match='no term "扩散模型"'):
        glossary.set_status("扩散模型", None, "approved")
    with pytest.raises(NoSuchTermError, match="it has: "):
        glossary.set_status("智能体", "robot", "approved")


def test_an_english_form_named_exactly_wins_and_a_shared_abbreviation_is_ambiguous(glossary):
    """The same command twice must not act on other pairs the second time: R-CNN names the pair whose English
    is R-CNN, then no pair at all while two pairs share the abbreviation R-CNN."""
    glossary.add("区域卷积神经网络", "R-CNN")
    glossary.add("区域卷积神经网络", "region-based CNN", abbr="R-CNN")
    glossary.add("区域卷积神经网络", "regions with CNN features", abbr="R-CNN")
    assert [e.en for e in glossary.remove("区域卷积神经网络", "R-CNN")] == ["R-CNN"]
    with pytest.raises(AmbiguousError, match=r"has 2 English forms abbreviated R-CNN \(region-based CNN, regions"):
        glossary.remove("区域卷积神经网络", "R-CNN")
    with pytest.raises(AmbiguousError, match="abbreviated r-cnn"):
        glossary.set_status("区域卷积神经网络", "r-cnn", "rejected")
    with pytest.raises(AmbiguousError, match="abbreviated R-CNN"):
        glossary.edit("区域卷积神经网络", "R-CNN", note="x")
    assert pairs(glossary) == {
        ("区域卷积神经网络", "region-based CNN", "approved"),
        ("区域卷积神经网络", "regions with CNN features", "approved"),
    }
    assert len(glossary.set_status("区域卷积神经网络", "R-CNN", "rejected", every=True)) == 2
    glossary.remove("区域卷积神经网络", "region-based CNN")
    # one pair left with the abbreviation: it names that pair
    assert glossary.edit("区域卷积神经网络", "R-CNN", note="x").en == "regions with CNN features"


def test_a_held_write_lock_is_reported_after_the_busy_timeout(db_path, glossary):
    with write_locked(db_path), pytest.raises(DatabaseLockedError, match="is locked by another process"):
        glossary.add("后训练", "post-training")
    glossary.add("后训练", "post-training")


zh_text = st.text(alphabet="预训练后阶段模型大语言合成数据奖励後訓練強化學習", min_size=1, max_size=8)
en_text = st.text(alphabet=string.ascii_letters + " -", min_size=1, max_size=30).filter(lambda s: en_key(s))
note_text = st.none() | st.text(max_size=40).filter(lambda s: "\x00" not in s)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    zh=zh_text,
    en=en_text,
    abbr=st.none() | st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=5),
    note=note_text,
    tags=st.lists(st.text(alphabet="abc中文", min_size=1, max_size=5), max_size=3, unique=True),
)
def test_added_pairs_read_back_as_written(tmp_path_factory, zh, en, abbr, note, tags):
    path = tmp_path_factory.mktemp("rt") / "g.db"
    with open_glossary(path) as g:
        g.add(zh, en, abbr=abbr, note=note, tags=tags)
    with open_glossary(path, readonly=True) as g:
        (entry,) = list(g.entries())
    assert entry.zh == zh_key(zh)
    assert en_key(entry.en) == en_key(en)
    assert (entry.abbr, entry.note, entry.tags, entry.status, entry.origin) == (
        abbr,
        note,
        tuple(tags),
        "approved",
        "manual",
    )


def test_untranslated_list_is_replaced_whole_and_read_best_first(glossary):
    from glossary.model import Untranslated

    glossary.replace_document(doc("/c/a.txt", TEXT), [], "t")
    glossary.replace_untranslated(
        [
            Untranslated("合成数据", 3, 1, 0.5, "合成数据很重要。", "/c/a.txt"),
            Untranslated("扩散模型", 5, 2, 0.9, None, None, "diffusion model"),
        ]
    )
    assert [(u.zh, u.document, u.proposed_en) for u in glossary.untranslated()] == [
        ("扩散模型", None, "diffusion model"),
        ("合成数据", "/c/a.txt", None),
    ]
    glossary.replace_untranslated([Untranslated("奖励模型", 2, 1, 0.4)])
    assert [u.zh for u in glossary.untranslated(limit=5)] == ["奖励模型"]


def test_term_uids_are_unique_and_never_reused(db_path, tmp_path):
    with open_glossary(db_path) as g:
        _, first = g.add("后训练", "post-training")
        g.remove("后训练")
        _, second = g.add("预训练", "pre-training")
    assert second.term_id == first.term_id  # SQLite reuses the rowid of the removed term ...
    assert second.term_uid != first.term_uid  # ... the uid, which exports key on, is new
    with open_glossary(tmp_path / "other.db") as other:
        _, elsewhere = other.add("后训练", "post-training")
    assert len(first.term_uid) == 32 and elsewhere.term_uid != first.term_uid


@pytest.mark.parametrize(
    "refusal",
    # (SQLite's words where it cannot make the file, and where the database is read-only to the reader too)
    ["unable to open database file", "attempt to write a readonly database"],
)
def test_a_glossary_in_a_read_only_directory_is_read_as_the_file_holds_it(db_path, monkeypatch, refusal):
    """SQLite cannot open a WAL database read-only where it cannot make the -shm file beside it (a read-only
    mount; as root, permissions do not make one, so the refusal SQLite gives there is injected)."""
    import glossary.store as store

    with open_glossary(db_path) as g:
        g.add("后训练", "post-training")
    connect = store._connect

    class Refused:
        def execute(self, *args):
            raise sqlite3.OperationalError(refusal)

        def close(self):
            pass

    def no_shared_memory(path, *, readonly, immutable=False):
        conn = connect(path, readonly=readonly, immutable=immutable)
        if readonly and not immutable:  # (as a directory nobody may write would be)
            conn.close()
            return Refused()
        return conn

    monkeypatch.setattr(store, "_connect", no_shared_memory)
    with open_glossary(db_path, create=False, readonly=True) as g:
        assert [e.en for e in g.entries()] == ["post-training"]


def test_reading_a_glossary_refuses_writes_and_leaves_no_files_beside_it(db_path):
    """In a shared folder, -wal and -shm files a reader left behind are the reader's, and the glossary's owner may
    not write them: a read closes as a write does, with the database alone."""
    with open_glossary(db_path) as g:
        g.add("后训练", "post-training")
    with open_glossary(db_path, create=False, readonly=True) as g:
        assert [e.en for e in g.entries()] == ["post-training"]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            g.conn.execute("DELETE FROM english")
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)) == [db_path.name]
