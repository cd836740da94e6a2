"""Text -> candidate Chinese-English pairs. Pure functions: no I/O, no database.

Extraction runs in two passes so that each boundary decision can use the whole corpus:

1. ``prepare(text)`` (worker processes): find the gloss sites and, for each, the candidate spans with their
   jieba words. Needs jieba; returns picklable data.
2. ``CorpusStats.build(spans, texts)``: count every candidate span over every document.
3. ``resolve(text, prepared, stats)`` (main process): choose each term's span, derive sub-terms, score
   confidence. Needs CC-CEDICT, not jieba.

``extract_pairs(text)`` does all three for one text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Candidate
from ..normalize import en_key, is_abbreviation, pinyin_readings, reading_text, without_layout_spaces
from .align import alignment, aligns, says_every_word
from .boundary import acceptable_term, choose, says_glued_word
from .corpus import CorpusStats, distinct_texts
from .derive import coordinate, derive_parts, trim_generic_head
from .english import abbreviates, looks_like_term, own_words, parse, shortens, singular_acronym, spells_out
from .english_side import CAMEL_WORD, EnglishSide, leading_number
from .frozen import Picklable
from .patterns import (
    COORDINATION_EN,
    COORDINATION_ZH,
    Site,
    find_abbreviations,
    find_sites,
    goes_on_a_glossed_phrase,
    mask,
    members,
)
from .score import site_confidence
from .segment import CLAUSE_WORDS, FUNCTION_WORDS, SpanOption, fixed_option, fixed_options, span_options
from .sentences import sentence_at

EXTRACTOR_VERSION = "1.88"

_NAME_PARTS = re.compile(r"[\s\-]+|(?<=[a-z])(?=[A-Z]{2})")  # (PPO-clip, DeepFM: Deep + FM)

__all__ = [
    "EXTRACTOR_VERSION",
    "Abbreviations",
    "CorpusStats",
    "Prepared",
    "abbreviations",
    "extract_pairs",
    "prepare",
    "resolve",
    "spans_to_count",
    "warm_up",
]


@dataclass(frozen=True)
class PreparedSite(Picklable):
    site: Site
    options: tuple[SpanOption, ...]  # candidate spans; just the one for a fixed Chinese span
    # an apposition's window that starts right after a bracket of English, which glossed the start of the phrase
    # the window goes on (see patterns.goes_on_a_glossed_phrase)
    after_gloss: bool = False


@dataclass(frozen=True)
class Prepared(Picklable):
    sites: tuple[PreparedSite, ...]
    abbreviations: tuple[tuple[str, str], ...] = ()  # (abbreviation, expansion) defined without Chinese

    def spans(self) -> list[str]:
        """Strings whose corpus counts the decisions read: each candidate span, its first word, and its
        leading words (the left part a sub-term may be derived from); without layout spaces, as they are
        counted (CAP 定理 and CAP定理 are one string). The fragment evidence also reads a span's first
        character and the word before it with that character (姿 of 位姿, 智能体 before 体框架): those counts
        are there where another option of the run holds them (姿（pose）, the longer option 智能体框架), and
        otherwise the evidence is none."""
        out = []
        for prepared in self.sites:
            english = prepared.site.gloss.forms[0].text
            for option in prepared.options:
                if option.words[0] in FUNCTION_WORDS or (
                    option.first_glued and not says_glued_word(option.words[0], EnglishSide.of(english))
                ):
                    continue  # never a term, so never scored: counting 的 or 在 would cost the most
                out.append(without_layout_spaces(option.span))
                out.append(option.words[0])
                head = ""
                for word in option.words[:-1]:
                    head += word
                    out.append(without_layout_spaces(head))
        return out


def prepare(text: str) -> Prepared:
    """Pass 1: gloss sites and candidate spans (uses jieba), read in simplified characters (reading_text)."""
    text = reading_text(text)
    masked = mask(text)
    sites = []
    for site in find_sites(text, masked):
        window = text[site.window_start : site.zh_end]
        if site.fixed:
            options = fixed_options(window, site.window_start)
        else:
            numbered = leading_number(site.gloss.forms[0].text)
            options = span_options(window, site.window_start, numbered=numbered)
        sites.append(PreparedSite(site, tuple(options), goes_on_a_glossed_phrase(site, masked)))
    return Prepared(tuple(sites), tuple(find_abbreviations(text, masked)))


@dataclass(frozen=True)
class Abbreviations:
    """What a corpus defines of its abbreviations."""

    of: dict[str, str] = field(default_factory=dict)  # English key -> abbreviation, defined without Chinese
    # abbreviation -> its English as written; None where two definitions disagree (CV: computer vision, and
    # elsewhere cross-validation)
    spelled_out: dict[str, str | None] = field(default_factory=dict)

    # candidate span -> English glosses of the sites it is a candidate at (spans ending at an English gloss)
    glossed: dict[str, set[str]] = field(default_factory=dict)
    # English key -> the candidate spans of the sites that gloss it
    spans: dict[str, set[str]] = field(default_factory=dict)

    def expansion(self, english: str) -> str | None:
        """The English an abbreviation stands for, where the corpus says so without contradicting itself."""
        return self.spelled_out.get(english) if is_abbreviation(english) else None

    def glossed_as(self, abbr: str, options: Iterable[SpanOption]) -> str | None:
        """The English an undefined abbreviation glossed alone stands for, from a gloss elsewhere on the same
        Chinese whose content words' initials it is: 支持向量机（SVM） after 支持向量机（support vector machine）.
        Sharing a Chinese span keeps unrelated glosses with the same initials (cross-validation, for
        计算机视觉（CV）) out."""
        if not is_abbreviation(abbr) or CAMEL_WORD.fullmatch(abbr):
            return None
        # A span shared with the other gloss must be longer than the letters, not just a head word every such name
        # ends in (模型 of 语言模型（GM） and 生成模型（generative model））; a character a word is common enough
        # (均方误差（MSE）).
        shortest = sum(c.isupper() for c in abbr) + 1
        for option in sorted(options, key=lambda o: -len(o.span)):
            if len(option.span) < shortest:
                break
            for english in sorted(self.glossed.get(option.span, ())):
                if spells_out(abbr, english):
                    return english
        return None

    def spelled_as(self, abbr: str, option: SpanOption) -> str | None:
        """The English a pair of this Chinese and an abbreviation glossed alone is: a gloss elsewhere on the same
        Chinese (see glossed_as), or the corpus's definition where its capitals are the initials and the
        dictionary sees all of it in the Chinese (往返时间，也就是RTT（round-trip time）: 往返 "round trip", 时间
        "time"; not 网络 "network" for CNN)."""
        glossed = self.glossed_as(abbr, [option])
        if glossed is not None:
            return glossed
        defined = self.expansion(abbr)
        if not defined or not spells_out(abbr, defined):
            return None
        return defined if says_every_word(option.words, defined) else None

    def preferring(self, own: Abbreviations) -> Abbreviations:
        """These definitions, but where ``own`` (a document's) defines an abbreviation unambiguously, its."""
        mine = {abbr: english for abbr, english in own.spelled_out.items() if english}
        return Abbreviations(self.of, {**self.spelled_out, **mine}, self.glossed, self.spans)

    def glossed_otherwise(self, zh: str, english: str) -> bool:
        """Whether the corpus glosses this English itself, on other Chinese only: a part derived from a longer
        term (投票 of 多数投票 "majority voting") gives way to the author's own pair (投票法（voting））."""
        spans = self.spans.get(en_key(english))
        return spans is not None and zh not in spans

    def weighed(self, english: str, options: Iterable[SpanOption] = ()) -> str:
        """The English to weigh against the candidate spans of a site: an abbreviation's expansion, else the
        English of a gloss elsewhere on the same Chinese (see glossed_as); or the English with the abbreviations
        in it spelled out (PPO-clip: proximal policy optimization clip, for 近端策略优化裁剪)."""
        whole = self.expansion(english) or self.glossed_as(english, options)
        if whole:
            return whole
        parts = _NAME_PARTS.split(english)
        expanded = {part: full for part in parts if (full := self.expansion(part))}
        if not expanded:
            return english
        # ... not one the Chinese term writes as it is (参数化ReLU "Parameterized ReLU", 更快的R-CNN): one in a span
        # with no clause word, which could be the term
        written = " ".join(option.span for option in options if CLAUSE_WORDS.isdisjoint(option.words))
        spelled = [part if part in written else expanded.get(part, part) for part in parts]
        return " ".join(spelled) if spelled != parts else english

    def define(self, abbr: str, english: str) -> None:
        """Record that ``abbr`` stands for ``english``; a different second definition makes it ambiguous."""
        known = self.spelled_out.setdefault(abbr, english)
        if known is not None and en_key(known) != en_key(english):
            self.spelled_out[abbr] = None


def abbreviations(
    prepared: Iterable[Prepared], *, glossed: bool = True, pairs: Iterable[tuple[str, str, str]] = ()
) -> Abbreviations:
    """The abbreviations a corpus defines: without Chinese (ABBR（English）, English (ABBR)), the first
    definition winning, and in glosses too (中文（English，ABBR）) for what each stands for. With ``glossed``, also
    the English glosses of every candidate span (see Abbreviations.glossed_as).

    ``pairs`` (Chinese, English, abbreviation), a glossary's, define what these documents do not, where the
    abbreviation's capitals are the English's initials: a document added to a glossary reads 卷积神经网络（CNN）
    as the documents already in it defined CNN (not as an abbreviation a person gave, agent for "AI agent").
    """
    known = Abbreviations()
    for p in prepared:
        for abbr, english in p.abbreviations:
            known.of.setdefault(en_key(english), abbr)
            known.define(abbr, english)
        for item in p.sites:
            gloss = item.site.gloss
            english = gloss.forms[0].text
            if gloss.abbr and not is_abbreviation(english):
                known.define(gloss.abbr.text, english)
            if glossed and not is_abbreviation(english):
                for option in item.options:
                    known.glossed.setdefault(option.span, set()).add(english)
            if glossed:
                for form in gloss.forms:
                    known.spans.setdefault(en_key(form.text), set()).update(o.span for o in item.options)
    defined = set(known.spelled_out)
    for zh, english, abbr in pairs:
        if is_abbreviation(english) or not abbreviates(abbr, english):
            continue
        if abbr not in defined:
            known.define(abbr, english)
        if glossed:
            known.glossed.setdefault(zh, set()).add(english)
    return known


def warm_up() -> None:
    """Load what pass 1 needs (jieba, the lexicon, what tells traditional text) in this process, e.g. before
    forking workers."""
    from ..lexicon import in_english_vocabulary, jieba_tokenizer, pos_tag, senses

    reading_text("模型")
    jieba_tokenizer()
    pos_tag("模型")
    senses("模型")
    in_english_vocabulary("model")


def _coordinates(span: str, names: list[str]) -> bool:
    """Whether a span coordinates a member for each name, none of them a 的-phrase (视频的清晰度). Where the names
    share words, the dictionary sees each member before the last say its name's own words (批 "batch" of
    批归一化和层归一化（batch normalization, layer normalization）, 强 "strong" of 强一致性和最终一致性), and the last
    say something of its name, the term beside the gloss; not 模型和损失函数（loss function, cost function） nor
    分词器和词向量（word embedding, word vector）: two names of the last. And no member says another name's own
    words better than its own: 监督学习与无监督学习（unsupervised learning, supervised learning） names them in the
    other order."""
    found = [member for member, _ in members(reading_text(span), COORDINATION_ZH)]
    if len(found) != len(names) or any("的" in member for member in found):
        return False
    own = own_words(names)
    if sum(len(words.split()) for words in own) == sum(len(name.split()) for name in names):
        return True  # names of different words: each English word is its member's
    said = [[alignment(member, EnglishSide.of(words))[0] if words else 0.0 for words in own] for member in found]
    return (
        all(said[i][i] > 0 for i in range(len(found) - 1))
        and aligns(found[-1], names[-1])
        and all(said[i][i] >= max(said[i]) for i in range(len(found)))
    )


def spans_to_count(prepared: Iterable[Prepared]) -> list[str]:
    return [span for p in prepared for span in p.spans()]


def resolve(
    text: str, prepared: Prepared, stats: CorpusStats | None, abbreviated: Abbreviations | None = None
) -> list[Candidate]:
    """Pass 2: choose spans, split coordination, derive sub-terms and give every pair a confidence.

    ``abbreviated`` (from :func:`abbreviations`) lends a pair the abbreviation its English has elsewhere in the
    corpus: 指令跟随(instruction following) with IF即Instruction Following gets IF. An abbreviation glossed alone
    (卷积神经网络（CNN）) is weighed as the English the corpus defines it as: the boundary and the confidence then
    weigh words, not just the number of letters. Where the corpus glosses the chosen Chinese itself with English
    that the abbreviation spells out, the pair is that English with the abbreviation as abbr: one more sighting
    of 卷积神经网络 / convolutional neural network (CNN), not a pair of its own beside it. Such a pair's English
    offsets are the abbreviation's, as written.
    """
    out: list[Candidate] = []
    abbreviated = abbreviated or Abbreviations()
    # This document's own definitions first: a corpus may define an abbreviation otherwise elsewhere
    abbreviated = abbreviated.preferring(abbreviations([prepared], glossed=False))
    for item in prepared.sites:
        site = item.site
        gloss = site.gloss
        evidence = abbreviated.weighed(gloss.forms[0].text, item.options)
        if site.fixed:
            # The pattern delimited the Chinese; the English may still leave out a trailing 的-phrase.
            # (a vocabulary's entry, or a table of terms' cell: a term, whatever the tagger reads in its first word)
            listed = site.pattern.endswith("+vocabulary") or site.pattern == "table"
            options = [o for o in item.options if acceptable_term(o, evidence, delimited=True, listed=listed)]
            if not options:
                continue
            choice = choose(options, evidence, stats) if len(options) > 1 else None
            option = choice.option if choice else options[0]
        else:
            candidates: Sequence[SpanOption] = item.options
            if gloss.listed:
                # a list of names pairs member by member where a span coordinates as many (可用性和可靠性
                # （availability, reliability）); where none does, they are alternative names of one term
                # (图像和视频的清晰度（sharpness, clarity）, whose members are a modifier's)
                names = [name for name, _ in members(gloss.forms[0].text, COORDINATION_EN)]
                candidates = [o for o in candidates if not o.short_of_gloss and _coordinates(o.span, names)]
                if not candidates:
                    whole = gloss.forms[0]
                    alternatives = parse(text[whole.start : whole.end], whole.start)
                    if alternatives is None:
                        continue
                    gloss, candidates = alternatives, item.options
                    evidence = abbreviated.weighed(gloss.forms[0].text, item.options)
            choice = choose(candidates, evidence, stats, markup_start=site.markup_start)
            last = choice.option.words[-1] if choice else ""
            shortened = (
                is_abbreviation(last)
                and shortens(last, evidence)
                and not re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", evidence)  # (PPO's; not PPO-based)
            )
            if choice is None or abbreviates(last, evidence) or shortened:
                # 预训练模型BERT（Bidirectional Encoder Representations from Transformers）, 用了二十年的 BLEU
                # （Bilingual Evaluation Understudy）: the English spells out the abbreviation before it
                # (find_abbreviations keeps that), it does not translate the Chinese; not where it writes it as
                # it is (算法 PPO（PPO algorithm）)
                continue
            if site.pattern == "zh ABBR(en)" and not says_every_word(choice.option.words, evidence):
                # the Chinese before such an abbreviation is its term where it says the English (多查询注意力 MQA
                # （multi-query attention））, not a phrase before a name (预训练模型BERT（...）)
                continue
            if item.after_gloss and choice.option.start == site.window_start:
                # what the apposition names is the phrase a bracket before glossed the start of, not the rest of it
                # (连续批处理（continuous batching）策略，也叫 in-flight batching); a term further on is one of its own
                # (预训练（pre-training）之后进行指令微调，也称 instruction tuning)
                continue
            option = choice.option
        sentence, line = sentence_at(text, option.start, site.gloss.forms[-1].end)
        # Read as pass 1 read it (reading_text); the pairs and their evidence are as the text writes them.
        read = reading_text(text[option.start : option.end])
        for form in gloss.forms:
            abbr = gloss.abbr.text if gloss.abbr else abbreviated.of.get(en_key(form.text))
            # (Of a gloss with other forms, the abbreviation's pair would be one of theirs a second time.)
            spelled = abbreviated.spelled_as(form.text, option) if len(gloss.forms) == 1 else None
            paired = coordinate(read, option.start, form, named=gloss.abbr is not None)
            for zh, zh_start, english, en_start, en_end in paired:
                if _reads_in_pinyin(zh, english):
                    continue  # (a reading, not a translation: 大模型（dà móxíng）)
                english = trim_generic_head(english, zh)
                # (as written, or written with the head the members share: tensor and pipeline parallelism)
                written = len(english) if text.startswith(english, en_start) else en_end - en_start
                folded = False
                if spelled is not None and english == form.text:
                    english, abbr, written, folded = spelled, form.text, len(form.text), True
                confidence = site_confidence(site, choice, zh, abbreviated.weighed(english, item.options), stats)
                parent = len(out)
                out.append(
                    Candidate(
                        text[zh_start : zh_start + len(zh)],
                        english,
                        zh_start,
                        zh_start + len(zh),
                        en_start,
                        en_start + written,
                        line,
                        sentence,
                        site.pattern,
                        confidence,
                        abbr=singular_acronym(abbr) if abbr else None,
                    )
                )
                if len(paired) > 1 or folded:
                    continue  # parts are derived from English as written, not from what the corpus says elsewhere
                for part in derive_parts(zh, english, option.words, stats):
                    sub_zh, offset, sub_en = part
                    if not acceptable_term(fixed_option(sub_zh), sub_en) or not looks_like_term(sub_en):
                        continue
                    if abbreviated.glossed_otherwise(sub_zh, sub_en):
                        continue
                    out.append(
                        Candidate(
                            text[zh_start + offset : zh_start + offset + len(sub_zh)],
                            sub_en,
                            zh_start + offset,
                            zh_start + offset + len(sub_zh),
                            en_start,
                            en_start + len(english),
                            line,
                            sentence,
                            "derived",
                            round(confidence * 0.85, 4),
                            parent=parent,
                        )
                    )
    return out


_TONE_MARKED = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


def _reads_in_pinyin(zh: str, english: str) -> bool:
    """Whether the "English" is the Chinese's reading in pinyin with its tones (大模型（dà móxíng）, 对齐（duìqí）).
    Only marked text is read: names with a diacritic are rare enough (Poincaré) that no other gloss pays for it."""
    if not _TONE_MARKED.search(english.lower()):
        return False
    letters = unicodedata.normalize("NFD", english.lower()).replace("u\u0308", "v")  # (ü is v in pinyin_key)
    return re.sub("[^a-z]", "", letters) == pinyin_readings(zh)[1]


def extract_pairs(text: str, corpus: Sequence[str] | None = None) -> list[Candidate]:
    """Candidate pairs of one text; ``corpus`` (texts, this one included or not) informs the boundaries."""
    prepared = prepare(text)
    stats = CorpusStats.build(prepared.spans(), distinct_texts([text, *(corpus or ())]))
    return resolve(text, prepared, stats, abbreviations([prepared]))
