"""Where a gloss is: the places where Chinese text pairs a term with its English.

Patterns, in both bracket widths, with or without spaces:

- 中文（English） / 中文(English, ABBR) / 中文（英文：English） and alternatives (A或B): the Chinese ends at the
  bracket; where it starts is for boundary.py. Quotes or emphasis around the Chinese (*中文*, “中文”) mark the
  start when present;
- English（中文） / ABBR（中文）: the Chinese is the bracket's content, the English the Latin words before it;
- ABBR（English，中文） / ABBR（中文，English）: the abbreviation's English and Chinese in its bracket;
- 中文 ABBR（English）: the English spells out the abbreviation, and the Chinese before it may be its term;
- appositions: English，即中文 · 中文，即English · 关于English，中文 · 中文，也称/又称/也叫/简称/称为 English ·
  中文译为English · English 一般译作中文;
- slash pairs: 后训练/post-training, post-training/后训练;
- tables of terms: in a Markdown or plain-text table whose header names a column of English, the Chinese cell
  nearest it;
- coordination on both sides (A and B，即 甲和乙) is split into pairs.

Front matter, code spans, fenced code, code in HTML, math, URLs, author-year citations and file names are masked
before any pattern runs, so nothing inside them is ever a term. (Not Markdown's indented code: the extractor does
not know a document's format, and plain text indents its paragraphs with spaces.) Links' brackets and targets, HTML
tags, citations and footnote marks are read as spaces: a gloss may be read across them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..ingest import FRONT_MATTER
from ..lexicon import jieba_tokenizer, pos_tag, senses
from ..normalize import CJK_CHAR, CJK_RE, GREEK_CHAR, LATIN_CHAR, en_key, is_abbreviation, separates_scripts
from .align import alignment, aligns, dictionary_knows, says_every_word
from .english import (
    CUT_OFF,
    SENTENCE_WORDS,
    SLASHED,
    EnglishGloss,
    Form,
    abbreviates,
    abbreviation_beside,
    english_words,
    looks_like_term,
    parse,
    shortens,
    spells_out,
)
from .english_side import EnglishSide
from .frozen import Picklable
from .segment import ASPECT_PARTICLES, CLAUSE_WORDS, FRAME_OPENERS, NAMING_WORDS, tokens

MASK = "\x00"
# An author-year citation: (Ho et al., 2020), (Smith and Jones 2019), (Lee, 2021a), (OSDI 2024). A name and a
# year that is a version (Windows Server 2019) is no translation either. Words are matched possessively: no
# backtracking into them.
_AUTHOR = r"[A-Z][\w'’\-]*+(?:\s+[A-Z][\w'’\-]*+){0,4}+"
_AUTHOR_YEAR = rf"{_AUTHOR}(?:\s+et\s+al\.?,?|\s+(?:and|&)\s+{_AUTHOR},?|,)?\s*+(?:19|20)\d\d[a-z]?"
# What is never a term, each construct with a string it cannot occur without: a document is scanned only for the
# constructs it can hold. In this order: code first, so that nothing inside it is taken for anything else.
_PROTECTED = [
    (("---", "+++"), FRONT_MATTER),  # a Markdown file's front matter: metadata, not prose
    (("```", "~~~"), re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)),  # fenced code
    (("`",), re.compile(r"`[^`\n]+`")),  # inline code (and d2l's :numref:`...` roles)
    # code in HTML that Markdown carries as it is (<pre>, <code>, <script>, <style>); after inline code, which
    # names such tags in prose (`<pre>` ... `</pre>`)
    (
        ("<pre", "<code", "<script", "<style", "<PRE", "<CODE", "<SCRIPT", "<STYLE"),
        re.compile(r"<(pre|code|script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I),
    ),
    (("$",), re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.S)),  # math
    (("\\",), re.compile(r"\\\(.+?\\\)|\\\[.+?\\\]|\\[A-Za-z]+(?:\{[^{}\n]*\})*", re.S)),  # LaTeX
    (("http", "www."), re.compile(r"https?://[^\s)）\]>]+|www\.[^\s)）\]>]+")),  # URLs
    # author-year citations: (Ho et al., 2020), (Smith and Jones 2019; Lee, 2021)
    ((" 19", " 20"), re.compile(f"[（(]{_AUTHOR_YEAR}(?:\\s*[;；,，]\\s*{_AUTHOR_YEAR})*\\s*[)）]")),
]
# Markup a reader does not see, between a term and its gloss or around either: [大语言模型](url)（large language
# model）, 扩散模型[1]（diffusion model）, <b>张量</b>（tensor）, （[Large Language Model](url)）. It becomes
# spaces rather than MASK: a gloss may be read across it, as across the space before a bracket.
_INVISIBLE_MARKUP = [
    (("](",), re.compile(r"\[(?=[^\[\]\n]*\]\()|\]\([^()\n]*\)")),  # a link's brackets and target (and an image's)
    (("<",), re.compile(r"<[A-Za-z/!][^<>\n]*>")),  # HTML tags
    # citations and footnotes: [1], [2, 3], [@key], [^1]
    (("[",), re.compile(r"\[(?:@[^\[\]\n]+|\^[^\[\]\s]+|\d+(?:\s*[,，\-–]\s*\d+)*)\]")),
]
# File names, found from their extension and extended left: scanning every word for one is slow. The pattern
# starts with its literal dot (no lookbehind), so that the regex engine skips to each dot.
_FILE_EXTENSION = re.compile(
    r"\.(?:py|ipynb|md|txt|json|csv|tsv|png|jpe?g|svg|gif|pdf|html?|ya?ml|sh|tar|gz|zip|pt|pth|h5)\b"
)
_FILE_STEM = re.compile(r"[\w\-]+$")

_CJK = f"[{CJK_CHAR}]"
# Characters a Chinese term may be made of: Chinese with embedded Latin words, digits and hyphens
# (Frobenius范数, 掩蔽softmax操作, 键－值存储, Q网络).
TERM_CHAR = re.compile(f"[{CJK_CHAR}{LATIN_CHAR}0-9{GREEK_CHAR}\\-－‐–·]")
WINDOW = 20
_LATIN_WORD_CHAR = re.compile(f"[{LATIN_CHAR}0-9{GREEK_CHAR}-]")
# Marks that may enclose a term: the mark opening before it is a strong hint where it starts.
_CLOSING_TO_OPENING = {"*": "*", "”": "“", "」": "「", "』": "『", "》": "《", "’": "‘", '"': '"'}
# Latin words: an en dash joins names (Horvitz–Thompson), and names keep their diacritics (Fréchet, Łojasiewicz)
_LATIN_RUN = f"[{LATIN_CHAR}][{LATIN_CHAR}0-9'’&\\-–]*(?:[ ][{LATIN_CHAR}0-9][{LATIN_CHAR}0-9'’&\\-–]*){{0,7}}"
_OPEN = "[（(]"
_CLOSE = "[)）]"
# A bracket's content up to its closing bracket, or (group "nested") up to a bracket opening inside it: the outer
# gloss of a nested one, 标签（label，或目标（target））. One pass finds both. (Code inside is masked: a remark may
# hold some, 学习率（learning rate，代码中写作 `lr`）.)
_BRACKET = re.compile(f"{_OPEN}([^（）()\\n]{{1,120}})(?:{_CLOSE}|(?P<nested>(?={_OPEN})))")
_THAT_IS = "(?:[也亦]?即|也就是)"  # "that is"
# ... or, after the English, what it is called in Chinese (HNSW（Hierarchical Navigable Small World），中文一般叫
# 分层可导航小世界图)
_USUALLY = "(?:一般|通常|常|多)"
_IN_CHINESE = f"(?:中文|汉语)(?:里|中)?{_USUALLY}?(?:叫做|叫作|叫|称之为|称为|称作|称|译为|译作|名为)"
# The verbs that name a term as someone calls or renders it (叫, 称为, 译作, 翻成)
_CALLED_AS = "(?:叫做|叫作|叫|称之为|称为|称作|译为|译作|译成|翻译成|翻成)"
# ... or, after 关于 and the English, who calls it what (关于 negative prompt，国内社区一般叫负向提示词); not 称 or 叫
# inside a word (对称矩阵, 大家叫法不一), and see _apposition_sites
_WHO_CALLS = f"(?P<calls>[^，,。；;：:！？!?\\s]{{0,8}}?{_USUALLY}?(?!叫法){_CALLED_AS})?"
# (a frame closed by 的 before more Chinese: 基于 HMAC 的密钥派生函数, 基于 AI 反馈的强化学习; not 带 TLS 的 HTTP)
_FRAMED_LATIN = f"(?:{'|'.join(FRAME_OPENERS)})[ ]?[A-Za-z0-9][A-Za-z0-9\\-]*[ ]?(?:(?!的){_CJK}){{0,6}}的(?={_CJK})"
# "is usually rendered as": 译为, 译作, 译成 (or 翻译为) after an adverb that makes it a usage (一般, 常被), or after a
# quoted term (把“个人信息处理者”译为); not the 译 of other words (编译为 "compiled to", 音译为), nor a rendering
# done once (把自然语言译成 SQL, 把 README 译为中文: what a text becomes)
_RENDERED_AS = (
    "\\s*(?:[，,]\\s*)?(?:(?P<usual>一般|通常|常|多|也|又|可|往往|大多)被?翻?|被?(?<![编解破翻直音意转误错]))"
    "译(?:为|作|成)\\s*"
)
# ... or after such an adverb before 把 (业界通常把 embedding 译为嵌入向量, 一般把鲁棒性译为 robustness), or before 将
# (一般将鲁棒性译为), though not 将 after 都 nor before 会, where it is "will" (都将 IR 译为机器码 "will all turn")
_USUALLY_PUT = re.compile(
    "(?:(?:一般|通常|常常?|多|往往|大多|习惯上?|普遍|都)会?把|(?:一般|通常|常常?|多|往往|大多|习惯上?|普遍)将(?!会))"
    "[^，,。；;：:！？!?]{0,16}$"
)
# ... and not what a text becomes in a language, however usual (通常把 README 译为中文, 把问题译成 SQL)
_LANGUAGE = re.compile(
    r"(?:[中英日韩法德俄]|汉)[文语]|(?i:sql|python|java(?:script)?|english|chinese|json|markdown|html|code|latex)"
)


def _names_a_usage(m: re.Match, masked: str) -> bool:
    """Whether a match of a 译为 pattern names how a term is usually rendered (see _RENDERED_AS)."""
    usual = m.group("usual") or m.group("quoted") or _USUALLY_PUT.search(masked, max(0, m.start() - 20), m.start())
    language = _LANGUAGE.fullmatch(m.group("en").strip()) or _LANGUAGE.search(masked, m.end("zh") - 2, m.end("zh"))
    return bool(usual) and not language


# Each apposition with the keyword it cannot match without: the regexes run only around the keyword's
# occurrences, not over whole documents (their Latin runs backtrack at every Latin letter).
_APPOSITIONS = [
    (
        "en，即zh",
        "即|也就是|中文|汉语",
        # (the English may spell out an abbreviation in a bracket after it, MVCC（Multi-Version Concurrency
        # Control），即, see _SPELLED_OUT; the Chinese ends before Latin, which is a word of what follows it, 即思维链
        # prompt 技术, or the term's own abbreviation, 即低秩适配 LoRA 方法; but not inside the frame a preposition
        # opens, HKDF，即基于 HMAC 的密钥派生函数, nor at a hyphen between Chinese words, 即探索-利用窘境; and after 的
        # it takes in a Latin word the English holds, the term's head: GraphRAG，即基于知识图谱的 RAG)
        re.compile(
            f"(?P<en>{_LATIN_RUN})(?P<closed>(?<=[A-Za-z0-9])[)）])?\\s*[，,]\\s*(?:{_THAT_IS}|{_IN_CHINESE})\\s*"
            f"(?P<zh>(?:{_FRAMED_LATIN})?{_CJK}(?:[{CJK_CHAR}、和与及]|[\\-－‐](?={_CJK})){{0,30}}"
            "(?:(?<=的)[ ]?(?P<head>[A-Za-z][A-Za-z0-9\\-]*)(?![A-Za-z0-9]))?)"
        ),
    ),
    ("zh，即en", "即|也就是", re.compile(f"(?P<zh>{_CJK})\\s*[，,]\\s*{_THAT_IS}\\s*(?P<en>{_LATIN_RUN})")),
    (
        "关于en，zh",
        "关于",
        re.compile(
            f"关于\\s*(?P<en>{_LATIN_RUN})\\s*[，,]\\s*{_WHO_CALLS}\\s*(?P<zh>{_CJK}{{2,12}})(?=[，,。；;：:！？!?\\s]|$)"
        ),
    ),
    (
        "zh，也称en",
        "称|叫|又名|英文",
        re.compile(
            # (an adverb's forms only after a comma: without one the words before are a place or a subject, 在文献中
            # 通常简称为 RAG, 学术界一般简称为; 称为 not after a character that makes another word of it, 统称为)
            f"(?P<zh>{_CJK})\\s*(?:[，,]\\s*(?:(?:亦|或|俗)称为?|又名为?|(?:常|通常|一般)简称为?)|[，,]?\\s*"
            "(?:也称为|又称为|也被称为|也称|又称|也叫|也叫做|(?<!以下)(?<!下文)(?<!后文)(?<!常)简称为?|(?<![简亦或俗统合可并通全])称为|"
            "英文(?:名称?|全称)?(?:称为|叫做?|为|是)))"
            f"\\s*[:：]?\\s*(?P<en>{_LATIN_RUN})"
        ),
    ),
    (
        "zh译为en",
        "译",
        # (a rendering named: 把“个人信息处理者”译为personal information processor, 鲁棒性一般译作 robustness; not
        # 编译为 WebAssembly, 翻译成 SQL)
        re.compile(f'(?P<zh>{_CJK})(?P<quoted>[”」"])?(?:一词|这个词)?{_RENDERED_AS}[“「"]?\\s*(?P<en>{_LATIN_RUN})'),
    ),
    (
        "en译为zh",
        "译",
        # (robustness 一般译为鲁棒性, Transformer 通常被译为“变换器”; the Chinese ends where the sentence goes on)
        re.compile(
            f'(?P<en>{_LATIN_RUN})[”」"]?(?:\\s*(?:一词|这个词))?{_RENDERED_AS}(?P<quoted>[“「"])?(?P<zh>{_CJK}{{2,8}})[”」"]?'
            "(?=[，,。；;：:！？!?\\s)）]|$)"
        ),
    ),
    (
        "zh/en",
        "/",
        re.compile(f"(?P<zh>{_CJK})\\s?/\\s?(?P<en>[A-Za-z][A-Za-z\\-]*(?:[ ][A-Za-z][A-Za-z\\-]*){{0,3}})"),
    ),
    ("en/zh", "/", re.compile(f"(?P<en>{_LATIN_RUN})\\s?/\\s?(?P<zh>{_CJK}{{2,12}})")),
]
# Characters that begin what follows a noun phrase (a verb, a particle, a conjunction), not a noun that the
# English would be modifying.
_AFTER_A_NAME = frozenset("是的和与及或在为被把将等中上也都就即有")
# What joins the members of a coordination on either side (not the and of plan-and-execute, nor the & of R&D: one
# word)
COORDINATION_ZH = re.compile(f"[和与及、]|以及|(?<=[{CJK_CHAR}])&(?=[{CJK_CHAR}])")  # (Wide & Deep 模型: one name)
# 或 between alternatives (鲁棒性或稳健性)
_ALTERNATIVE_ZH = re.compile("或者?")
COORDINATION_EN = re.compile(r"\s*(?:[,，]\s*and\s+|(?<!-)\band\b(?!-)|(?<=\s)&(?=\s)|[,，])\s*")
# Up to the last word after the first that makes a run of English a clause or names what follows: a pronoun, an
# auxiliary or modal verb (it is, we can), a naming participle (is called, known as). Written in lower case and
# standing alone: not the first word of a name (named entity recognition), an acronym (CAN bus, IT governance) or
# part of a hyphenated word (to-do list); not I, which is as often a numeral (type I error).
_NAMING = "called named termed dubbed known\\s+as".split()
_EN_CLAUSE = re.compile(rf"^.*\S\s+(?:{'|'.join(sorted(SENTENCE_WORDS - {'i'}) + _NAMING)})\s+")
_EN_STOP_LEAD = re.compile(r"^(?:(?:the|a|an|of|using|use|uses|used|for|to|in|on|by|with|and)\s+)+", re.I)


@dataclass(frozen=True)
class Site(Picklable):
    """A gloss in a text: English forms, and where the Chinese is.

    The Chinese ends at ``zh_end``. With ``fixed`` the term is exactly ``text[window_start:zh_end]``; otherwise
    it starts somewhere in that window and boundary.py chooses where.
    """

    pattern: str
    gloss: EnglishGloss
    window_start: int
    zh_end: int
    fixed: bool = False
    markup_start: int | None = None


def mask(text: str) -> str:
    """The text with protected regions (code, math, URLs ...) replaced by MASK, and markup a reader does not see
    by spaces; offsets unchanged."""
    for fill, constructs in ((MASK, _PROTECTED), (" ", _INVISIBLE_MARKUP)):
        for triggers, regex in constructs:
            if any(t in text for t in triggers):
                text = _filled(text, regex, fill)
    if "." in text:
        spans = []
        for m in _FILE_EXTENSION.finditer(text):
            stem = _FILE_STEM.search(text, max(0, m.start() - 100), m.start())
            if stem:
                spans.append((stem.start(), m.end()))
        for start, end in reversed(spans):
            text = text[:start] + MASK * (end - start) + text[end:]
    return text


def without_front_matter(text: str) -> str:
    """The text with its front matter (see ingest.FRONT_MATTER) masked, offsets unchanged."""
    return _filled(text, FRONT_MATTER, MASK) if text.startswith(("---", "+++")) else text


def _filled(text: str, regex: re.Pattern[str], fill: str) -> str:
    """The text with each match of the regex replaced by as many ``fill`` characters."""
    return regex.sub(lambda m: fill * len(m.group()), text)


def window_before(masked: str, end: int, *, joins: str = "") -> tuple[int, int | None]:
    """Start of the window of possible term characters ending at ``end``, and an opening-mark hint.

    If the term is enclosed in marks right before ``end`` (*中文*, “中文”), the window is the enclosed text and
    the hint is its start. The window goes on over any of ``joins`` between two Chinese characters, inside marks
    too: what the English says joins terms there (see joining_marks; “经典—量子混合算法” "hybrid quantum-classical
    algorithm").
    """
    i = end
    while i > 0 and masked[i - 1] in " \t":
        i -= 1
    closing = masked[i - 1] if i > 0 else ""
    if closing in _CLOSING_TO_OPENING:
        close_at = i - 1
        while close_at > 0 and masked[close_at - 1] == closing:
            close_at -= 1  # **bold**
        opening = _CLOSING_TO_OPENING[closing]
        open_at = masked.rfind(opening, max(0, close_at - WINDOW - 2), close_at)
        if open_at != -1 and "\n" not in masked[open_at:close_at]:
            start = open_at + 1
            while start < close_at and masked[start] == opening:
                start += 1
            inner = masked[start:close_at]
            if inner and all(
                TERM_CHAR.match(c)
                or (
                    0 < k < len(inner) - 1
                    and (_joins_a_name(inner[k - 1], inner[k : k + 5]) or (c in joins and _joins_chinese(inner, k)))
                )
                for k, c in enumerate(inner)
            ):
                return start, start
        return end, None
    start = i
    while start > 0 and i - start < WINDOW:  # (not counting what is read as spaces: [中文](url)（English）)
        if (
            TERM_CHAR.match(masked[start - 1])
            or (start > 1 and _joins_a_name(masked[start - 2], masked[start - 1 : start + 4]))
            or (masked[start - 1] in joins and start > 1 and _joins_chinese(masked, start - 1))
        ):
            start -= 1
        else:
            break
    if i - start >= WINDOW:
        # A window does not start inside a Latin word: Weisfeiler-Lehman 图同构测试 names both men.
        while start > 0 and _LATIN_WORD_CHAR.match(masked[start - 1]) and _LATIN_WORD_CHAR.match(masked[start]):
            start -= 1
    return start, None


def _joins_chinese(text: str, at: int) -> bool:
    """Whether the mark at ``at`` stands between two Chinese characters."""
    return CJK_RE.match(text[at - 1]) is not None and CJK_RE.match(text[at + 1 : at + 2]) is not None


def joining_marks(gloss: EnglishGloss) -> str:
    """Marks that join Chinese where the English joins so too: 、 in a list (输入门、遗忘门和输出门 "input, forget
    and output gates") and & (去噪&采样 "denoising & sampling"), an em dash for a hyphen (编码器—解码器架构
    "encoder-decoder architecture"). Elsewhere they end a term: 、 lists what a gloss does not name, an em dash
    sets off a clause."""
    forms = [form.text for form in gloss.forms]
    listed = any(COORDINATION_EN.search(form) for form in forms)
    hyphenated = any("-" in form for form in forms)
    return "、&" * listed + "—" * hyphenated


def _joins_a_name(before: str, char_after: str) -> bool:
    """Whether a character between two others is part of a term: a layout space (see _spacing), a slash between
    capitals or digits (A/B 测试, I/O 设备), a point between digits (C4.5 决策树, GPT-3.5 模型), an ampersand in a
    name of Latin words (Wide & Deep 模型, Q&A 系统), the @ of a metric at a cut-off (pass@k 指标), or the plus after
    a capital (B+树, C++模板).
    ``char_after`` is the character and what follows it, up to four characters."""
    char, after = char_after[:1], char_after[1:2]
    if char == "/":
        return SLASHED.fullmatch(before + char_after[:2]) is not None
    if char == ".":
        return before.isdigit() and after.isdigit()
    if char == "@":
        return before.isalnum() and _CUT_OFF.match(char_after) is not None
    if char == "+":
        return before.isupper() or before == "+"  # B+ 树, C++ 模板
    if char == "&" or (char == " " and "&" in (before, after)):
        return all(c in " &" or _LATIN_WORD_CHAR.match(c) for c in (before, after))
    return _spacing(before, char_after[:2])


_CUT_OFF = re.compile(CUT_OFF)


def _spacing(before: str, space_after: str) -> bool:
    """Whether a space is the one put between Chinese and Latin letters or digits (CAP 定理, t 分布): layout, not
    a word boundary. (A space between Chinese characters, layout to zh_key too, more often sets words apart in
    prose: 后训练/post-training 与 预训练/pre-training.)"""
    return space_after[:1] == " " and len(space_after) == 2 and separates_scripts(before, space_after[1])


def _english_before(masked: str, end: int) -> Form | None:
    """The English name ending at ``end``: the Latin words before it, without leading function words, set in bold
    or italics or not (**ORPO**（比值比偏好优化，…）). (Not in quotes, which hold examples as often: “go to the bank
    to sit down”（去河岸坐下来）.)"""
    match = re.search(f"({_LATIN_RUN})[\\s*]*$", masked[max(0, end - 120) : end])
    if not match:
        return None
    text = match.group(1)
    start = end - len(masked[max(0, end - 120) : end]) + match.start(1)
    lead = _EN_STOP_LEAD.match(text)
    if lead:
        start += lead.end()
        text = text[lead.end() :]
    text = text.rstrip()
    if not text or not looks_like_term(text):
        return None
    if _IDENTIFIER_END.search(masked, max(0, start - 2), start):
        return None
    return Form(text, start, start + len(text))


# A name of code, whose bracket describes what it holds, not how Chinese says it: max_tokens（生成的最大长度）,
# model.generate（生成）. (A word in lower camel case may be a brand's as well as code's: eBay, openEuler.)
_IDENTIFIER_END = re.compile(r"(?:[A-Za-z0-9]_|[A-Za-z]\.)$")


_ACRONYM = r"[A-Z][A-Za-z0-9]{0,8}[A-Z0-9]"
# An abbreviation defined without any Chinese: IF即Instruction Following, LLM（Large Language Model）,
# Large Language Model（LLM）. Each regex starts at the acronym, which is rare, so whole texts scan fast: the
# engine skips to capitals only while the pattern starts with them, so "not inside a word" is checked in code.
_ABBR_THEN_ENGLISH = re.compile(
    f"(?P<abbr>{_ACRONYM})\\**\\s*(?:[，,]?\\s*(?:即|(?:的)?全称(?:是|为)?)|{_OPEN})\\s*(?P<en>{_LATIN_RUN})\\s*"
    f"(?P<close>{_CLOSE})?"
)
_ABBR_IN_BRACKETS = re.compile(f"{_OPEN}\\s*(?P<abbr>{_ACRONYM})\\s*{_CLOSE}")


def find_abbreviations(text: str, masked: str | None = None) -> list[tuple[str, str]]:
    """(abbreviation, expansion) pairs the text defines without Chinese, where the letters fit the words.
    ``masked`` is ``mask(text)`` when the caller has it already."""
    masked = mask(text) if masked is None else masked
    found: dict[tuple[str, str], None] = {}
    for m in _starting_words(_ABBR_THEN_ENGLISH, masked):
        bracketed = masked[m.end("abbr") : m.start("en")].strip()[-1:] in "（("
        if bracketed and not m.group("close"):
            continue  # LLM（Large Language Model and more...: not a definition
        english = m.group("en").strip()
        if looks_like_term(english) and abbreviates(m.group("abbr"), english):
            found[(m.group("abbr"), english)] = None
    for m in _ABBR_IN_BRACKETS.finditer(masked):
        english_form = _english_before(masked, m.start())
        if english_form and abbreviates(m.group("abbr"), english_form.text):
            found[(m.group("abbr"), english_form.text)] = None
    return list(found)


def _starting_words(regex: re.Pattern, text: str) -> Iterator[re.Match]:
    """Matches of ``regex`` that do not start inside a Latin word: finditer with a (?<![A-Za-z]) lookbehind,
    without the lookbehind's cost of trying the regex at every position."""
    at = 0
    while m := regex.search(text, at):
        if m.start() and text[m.start() - 1] in _ASCII_LETTERS:
            at = m.start() + 1
            continue
        yield m
        at = m.end() if m.end() > m.start() else m.end() + 1


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def find_sites(text: str, masked: str | None = None) -> list[Site]:
    """Every gloss in the text, each once. ``masked`` is ``mask(text)`` when the caller has it already."""
    masked = mask(text) if masked is None else masked
    sites: dict[tuple, Site] = {}
    for site in _bracket_sites(masked):
        sites.setdefault((site.zh_end, site.gloss.forms[0].start), site)
    # The brackets of glosses, from the term's end to the gloss's: an apposition inside one is the gloss's own
    # wording (支持向量机（英语：support vector machine，常简称为SVM）: 常简 is no term of SVM)
    glossed = sorted((site.zh_end, _gloss_end(site.gloss)) for site in sites.values() if site.pattern == "zh(en)")
    starts = [start for start, _ in glossed]
    for site in _apposition_sites(masked):
        inside = bisect_right(starts, site.zh_end - 1) - 1
        if inside >= 0 and site.zh_end <= glossed[inside][1]:
            continue
        sites.setdefault((site.zh_end, site.gloss.forms[0].start), site)
    earlier = sorted(sites)
    for site in _table_sites(masked):
        site = _with_row_abbreviation(site, masked, earlier, sites)
        sites.setdefault((site.zh_end, site.gloss.forms[0].start), site)
    for site in _list_sites(masked):
        sites.setdefault((site.zh_end, site.gloss.forms[0].start), site)
    for site in _entry_sites(masked):
        sites.setdefault((site.zh_end, site.gloss.forms[0].start), site)
    if "关键词" in masked or "关键字" in masked:
        for site in _keyword_sites(masked):
            sites.setdefault((site.zh_end, site.gloss.forms[0].start), site)
    # A term holds no other gloss's English: 内核态/kernel mode和用户态/user mode is two pairs, and the second
    # window starts after "kernel mode".
    english_ends = sorted(form.end for site in sites.values() for form in site.gloss.forms)
    clipped = []
    for site in sites.values():
        last = bisect_right(english_ends, site.zh_end) - 1  # the last English ending at or before the Chinese
        if last >= 0 and english_ends[last] > site.window_start and not site.fixed:
            site = replace(site, window_start=english_ends[last])
        clipped.append(site)
    return sorted(clipped, key=lambda s: (s.window_start, s.gloss.forms[0].start))


def _with_row_abbreviation(site: Site, masked: str, earlier: list[tuple], sites: dict[tuple, Site]) -> Site:
    """A table of terms' row names the abbreviation of its term in another cell (| 月活跃用户数 | Monthly Active
    Users | 自然月内的去重活跃用户数，简称 MAU |): an abbreviation an apposition names in the row is the row's term's,
    not of the words before it there, and its abbreviation where its letters are taken from the row's English as
    an abbreviation's are (MAU, and CVR of Conversion Rate)."""
    row_start, row_end = _line_of(masked, site.window_start, site.zh_end)
    english = site.gloss.forms[0].text
    for key in earlier[bisect_left(earlier, (row_start,)) : bisect_left(earlier, (row_end,))]:
        other = sites.get(key)
        if (
            other is None
            or other.pattern not in ("zh，也称en", "zh，即en")  # (简称 MAU; not a gloss, 与日活跃用户数（DAU）相对)
            or other.window_start < row_start
            or not is_abbreviation(other.gloss.forms[0].text)
        ):
            continue
        del sites[key]
        abbr = other.gloss.forms[0]
        if site.gloss.abbr is None and (abbreviates(abbr.text, english) or shortens(abbr.text, english)):
            site = replace(site, gloss=replace(site.gloss, abbr=abbr))
    return site


def _gloss_end(gloss: EnglishGloss) -> int:
    return max(form.end for form in (*gloss.forms, *((gloss.abbr,) if gloss.abbr else ())))


def _term_before(masked: str, open_at: int, gloss: EnglishGloss) -> Iterator[Site]:
    """The site of a gloss in the bracket at ``open_at`` of the Chinese before it (中文（English）), if any; or
    where the English lists terms and marks set each of them apart (*输入门*、*遗忘门*和*输出门*), each one's."""
    start, hint = window_before(masked, open_at, joins=joining_marks(gloss))
    # A slash on both sides of a name: the Chinese's first member is cut off at its own (编码器/|解码器架构
    # （encoder/decoder architecture）; not 训练/|推理时的键值缓存（key/value cache）, nor alternatives:
    # 灰度/|金丝雀发布（canary release/canary deployment）)
    slashed = masked[start - 1 : start] == "/" and any("/" in form.text for form in gloss.forms)
    if slashed and _one_member(masked[start:open_at]):
        return
    if start < open_at and re.search(_CJK, masked[start:open_at]):
        end = open_at
        while masked[end - 1] in _MARKS:
            end -= 1
        if len(gloss.forms) == 1:
            form = gloss.forms[0]
            listed = len(_split_positions(masked, form.start, form.end, COORDINATION_EN))
            # (the last term marked, or only those before it: *客户端*和服务器（client and server）, as a book's
            # markup stripped from the last term alone leaves it)
            first = None
            if hint is not None:
                first = _first_marked_member(masked, hint, listed - 1)
                first = first if first < hint else None
            elif (led := _marked_before(masked, start, open_at)) is not None and not _INSIDE_A_PHRASE.search(
                form.text, 0, max(0, form.text.rfind(" and "))
            ):
                # (not an English that coordinates inside a phrase: separation of storage and compute)
                first = _first_marked_member(masked, led, max(0, listed - 2))
            if first is not None:
                members = list(_fixed_chinese("zh(en)", masked, form.text, form.start, first, end))
                if members:  # (as many on both sides)
                    yield from members
                    return
        yield Site("zh(en)", gloss, start, end, markup_start=hint)


_MARKS = ' \t*”」』》’"'
# A marked term, then a word that coordinates it with the next (*输入门*、, “编码器”和), ending where the next
# term's marks open
_MARKED_MEMBER = re.compile(f"[*“「『《]+({_CJK}{{1,12}})[*”」』》]+[ \t]*(?:、|和|与|及|以及)[ \t]*[*“「『《]+$")


# ... and a marked term coordinated with an unmarked one
_MARKED_BEFORE = re.compile(f"[*“「『《]+({_CJK}{{1,12}})[*”」』》]+[ \t]*(?:、|和|与|及|以及)[ \t]*(?={_CJK})")


_INSIDE_A_PHRASE = re.compile(r"\b(?:of|for|from|with|between|in|on|to|by)\b", re.I)


def _one_member(text: str) -> bool:
    """Whether the text is one member of Chinese a slash coordinates: up to ten characters, no 的."""
    member = text.strip(" *")
    return 0 < len(member) <= 10 and "的" not in member and all(CJK_RE.match(c) for c in member)


def _marked_before(masked: str, start: int, end: int) -> int | None:
    """The start of a marked term coordinated with the unmarked one whose window starts at ``start`` (at the
    coordinating word, or after it), if any."""
    for member in _MARKED_BEFORE.finditer(masked, max(0, start - 24), end):
        if member.start(1) < start <= member.end():
            return member.start(1)
    return None


def _first_marked_member(masked: str, start: int, before: int) -> int:
    """The start of the first of up to ``before`` marked terms coordinated with the one marked at ``start``, or
    ``start``."""
    for _ in range(before):
        member = _MARKED_MEMBER.search(masked, max(0, start - 24), start)
        if member is None:
            break
        start = member.start(1)
    return start


# An abbreviation named after the bracket: 直接偏好优化（Direct Preference Optimization），简称 DPO
_NAMED_AFTER = re.compile(
    f"\\s*[，,]?\\s*(?:(?:以下|下文)?简称|缩写为?|下称)为?\\s*[“「]?(?P<abbr>{_ACRONYM})(?![A-Za-z0-9])"
)


# ... and another name of the term in English, which ends the clause (又称 memory fence，). Not after 即, which
# names an instance as often (优化器（optimizer），即 AdamW), nor a letter or two (a symbol: 学习率，也称 lr).
_ALSO = "\\s*[，,]\\s*(?:也|又|亦|或)(?:有人)?被?"
_ENDS_THE_CLAUSE = "[”」]?(?=[ \\t]*(?:[，,。；;）)：:？?！!\\n]|$))"
_ALSO_NAMED = re.compile(f"{_ALSO}(?:称为|称作|称|叫做|叫)\\s*[“「]?(?P<en>{_LATIN_RUN}){_ENDS_THE_CLAUSE}")


# What the text goes on to say of a name it calls wrong or loose, within a few words: 其实不准确, 但这不太严谨, 但二者
# 不完全相同 (not any clause that opens with 但 or 其实: 也有人叫稳健性，但本文统一用鲁棒性)
_CALLED_WRONG = (
    "[ \\t]*[，,（(][^。；;！？!?\\n]{0,8}"
    "(?:不太?(?:准确|严谨|恰当|对)|有误|是错|不完全(?:相同|一样|等同)|有(?:所)?区别)"
)
_CALLED_WRONG_AFTER = re.compile(_CALLED_WRONG)


# Another name of the term in Chinese, which the bracket's English glosses too (投机解码（speculative
# decoding），也称推测解码, 整流（rectified flow），也有人翻成“矫正流”); not a name the text goes on to call wrong
# (也有人叫混乱度，其实不准确)
_ALSO_NAMED_IN_CHINESE = re.compile(
    f"{_ALSO}(?:{_CALLED_AS}|称)"
    f"\\s*[“「]?(?P<zh>{_CJK}(?:[\\-－‐·]?{_CJK}){{1,11}}){_ENDS_THE_CLAUSE}"
    f"(?!{_CALLED_WRONG})"
)


_NAMING_WORD = re.compile("|".join(sorted(NAMING_WORDS, key=len, reverse=True)))


def _last_naming_word(masked: str, start: int, end: int) -> int | None:
    """Where the Chinese after the last naming word in ``masked[start:end]`` starts, if there is one and Chinese
    after it."""
    found = [m.end() for m in _NAMING_WORD.finditer(masked, start, end) if m.end() < end]
    return found[-1] if found else None


def _after_naming(masked: str, start: int) -> int:
    """The start of the Chinese a naming keyword ending in 作 (叫作, 称作) names, back on the 作 where jieba reads the
    keyword without it and the word it reads with 作 ends where a word of the name does: 叫|作业|调度 (业|调度),
    称|作用域, 叫|作曲家; but 叫作|用户|画像, 称作|法|向量, and 叫|作协|程 ends inside 协程."""
    keyword, name = masked[start - 2 : start - 1], masked[start : start + 6]
    if masked[start - 1 : start] != "作" or keyword not in ("叫", "称"):
        return start
    read = tokens(masked[start - 2 : start + 6])
    if read[0] != keyword or len(read) < 2:
        return start
    ends, at = set(), 0
    for word in tokens(name):
        at += len(word)
        ends.add(at)
    return start - 1 if len(read[1]) - 1 in ends else start


def _also_named(masked: str, end: int, gloss: EnglishGloss) -> EnglishGloss:
    """The gloss, with the name in English that follows its bracket as another form: 内存屏障（memory barrier），
    又称 memory fence. As a form, it names the span the gloss's English chooses."""
    named = _ALSO_NAMED.match(masked, end) if len(gloss.forms) == 1 else None
    text = named["en"].strip() if named else ""
    if named is None or len(text) < 3 or not looks_like_term(text) or _CAMEL_CASE.fullmatch(text):
        return gloss  # (nor a product's name, an instance: 张量（tensor），也有人叫 NumPy)
    form = Form(text, named.start("en"), named.start("en") + len(text))
    if gloss.abbr is None and is_abbreviation(text) and abbreviates(text, gloss.forms[0].text):
        return replace(gloss, abbr=form)  # (大语言模型（large language model），也称为 LLM)
    return replace(gloss, forms=(*gloss.forms, form))


def _abbreviation_after(masked: str, end: int, gloss: EnglishGloss) -> EnglishGloss:
    """The gloss, with the abbreviation named right after its bracket where its letters are the English's."""
    named = _NAMED_AFTER.match(masked, end) if gloss.abbr is None and len(gloss.forms) == 1 else None
    if named and (abbreviates(named["abbr"], gloss.forms[0].text) or shortens(named["abbr"], gloss.forms[0].text)):
        return replace(gloss, abbr=Form(named["abbr"], named.start("abbr"), named.end("abbr")))
    return gloss


# An acronym written between the Chinese and a bracket, in capitals or not (均方误差 mse（mean squared error）); the
# Chinese before it is checked in code: a class of Chinese costs a millisecond to compile at every start-up
_ACRONYM_BEFORE = re.compile(f"[ \t]?(?P<abbr>{_ACRONYM}|[a-z]{{2,6}})[ \t]*$")


def _abbreviation_before(masked: str, open_at: int, gloss: EnglishGloss) -> Form | None:
    """The acronym right after Chinese and before the bracket whose English abbreviates it (中文 ABBR（English））,
    if any, in capitals or not: the term's abbreviation, not a word of the term (多实例 GPU（Multi-Instance GPU）
    holds its GPU)."""
    if gloss.abbr is not None or len(gloss.forms) != 1:
        return None
    before = max(0, open_at - 16)
    m = _ACRONYM_BEFORE.search(masked, before, open_at)
    if (
        m is None
        or not CJK_RE.match(masked[m.start() - 1 : m.start()])
        or not abbreviates(_in_capitals(m["abbr"]), gloss.forms[0].text)
    ):
        return None
    return Form(m["abbr"], m.start("abbr"), m.end("abbr"))


def _in_capitals(abbr: str) -> str:
    """An abbreviation written in lower case (mse) as its letters are compared with initials (MSE)."""
    return abbr.upper() if abbr.islower() else abbr


_CLAUSE_END = re.compile("[，,。；;：:！!？?\n]")


def _members_before(masked: str, open_at: int) -> int:
    """How many members the Chinese before a bracket coordinates, back to the clause's start or the window's."""
    start = max(0, open_at - WINDOW)
    start = max((m.end() for m in _CLAUSE_END.finditer(masked, start, open_at)), default=start)
    return len(members(masked[start:open_at], COORDINATION_ZH)) if re.search(_CJK, masked[start:open_at]) else 1


def _bracket_sites(masked: str) -> Iterator[Site]:
    for m in _BRACKET.finditer(masked):
        content, open_at = m.group(1), m.start()
        if m.group("nested") is None and CJK_RE.search(content):
            spelled_out = list(_abbreviation_spelled_out(masked, m.start(1), m.end(1), open_at))
            if spelled_out:
                yield from spelled_out
                continue
        listing = "," in content or "，" in content
        gloss = parse(content, m.start(1), members=_members_before(masked, open_at) if listing else 1)
        if gloss is not None:
            gloss = _also_named(masked, m.end(), _abbreviation_after(masked, m.end(), gloss))
            written = _abbreviation_before(masked, open_at, gloss)
            if written is None:
                yield from _term_before(masked, open_at, gloss)
            else:
                # (多查询注意力 MQA（multi-query attention）: the English is what the abbreviation stands for, and the
                # Chinese before it is the term only where it says that English too, see resolve; the pair's
                # abbreviation where its letters are the initials of every content word, not KV of 键值缓存 KV
                # （key-value cache）)
                if spells_out(_in_capitals(written.text), gloss.forms[0].text):
                    gloss = replace(gloss, abbr=written)
                for site in _term_before(masked, written.start, gloss):
                    yield replace(site, pattern="zh ABBR(en)")
            if chinese_name := _ALSO_NAMED_IN_CHINESE.match(masked, m.end()):
                start = _after_naming(masked, chinese_name.start("zh"))
                yield Site("zh，也称en", gloss, start, chinese_name.end("zh"), fixed=True)
            continue
        inner = _INNER_PAIR.fullmatch(content) if m.group("nested") is None else None
        if (
            inner
            and "的" not in inner["zh"]  # (a description: 公司买回自己的股票，share buyback)
            and not _CAMEL_CASE.fullmatch(inner["en"])  # (an instance's name: 图像数据集，ImageNet)
            and (gloss := parse(inner["en"], m.start(1) + inner.start("en"))) is not None
            and _english_before(masked, open_at) is None  # (Large Language Model（大语言模型，LLM）: see below)
        ):
            alias, before = inner["zh"].strip(), masked[max(0, open_at - WINDOW) : open_at].rstrip(" *")
            # (a short name led by Latin letters that shares the term's head, PD 分离; in Chinese alone, a longer
            # name is a narrower term, 注意力机制（稀疏注意力机制，sparse attention mechanism）)
            shared = before.endswith(alias) or (re.match("[A-Za-z]", alias) and before.endswith(alias[-2:]))
            if _NAMING_LABEL.match(inner["zh"]) or shared:
                # another name of the term before the bracket, then its English: 大语言模型（简称大模型，large
                # language model） glosses 大语言模型, 知识蒸馏（蒸馏，knowledge distillation） 知识蒸馏, whose
                # short form the bracket's Chinese is, and 预填充与解码分离（PD 分离，prefill-decode disaggregation）
                # 预填充与解码分离, whose head its short name shares
                yield from _term_before(masked, open_at, gloss)
            else:
                # a term and its English, both in the bracket: **定理 2.1（一阶条件，first-order condition）**
                yield Site("(zh，en)", gloss, m.start(1) + inner.start("zh"), m.start(1) + inner.end("zh"))
            continue
        chinese = content.strip()
        zh_start = m.start(1) + content.index(chinese) if chinese else 0
        # (the abbreviation of the English may follow the Chinese: Large Language Model（大语言模型，LLM）)
        abbreviated = _THEN_ABBREVIATION.search(chinese)
        if abbreviated:
            abbr = Form(abbreviated["abbr"], zh_start + abbreviated.start("abbr"), zh_start + abbreviated.end("abbr"))
            chinese = chinese[: abbreviated.start()]
        # (or a remark: another rendering, trait（特征，也译作特质）, or a pointer, memory（内存，见第 3 章）)
        remark = _THEN_REMARK.search(chinese)
        if remark:
            chinese = chinese[: remark.start()]
        if m.group("nested") is None and CJK_RE.search(chinese) and _MIXED_GLOSS.fullmatch(chinese):
            english = _english_before(masked, open_at)
            if english is None or not _chinese_name(chinese, english.text):
                continue
            if abbreviated and not abbreviates(abbr.text, english.text):
                continue
            pattern = "abbr(zh)" if english.text.isupper() else "en(zh)"
            gloss = EnglishGloss((english,), abbr if abbreviated else None)
            yield Site(pattern, gloss, zh_start, zh_start + len(chinese), fixed=True)
            if remark and remark["other"]:
                other = zh_start + remark.start("other")
                yield Site(pattern, gloss, other, other + len(remark["other"]), fixed=True)


# A Markdown table's rows, and the header of a column of English a table of terms has (| 术语 | 英文 | 说明 |)
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.M)
_ENGLISH_HEADER = re.compile(
    r"(?:英文|英語|English|英文名称?|英文全称|英文术语|英文原文|原文|英文表述|英文翻译|英文对照|英译"
    r"|English (?:term|name))",
    re.I,
)


# ... and of the column of Chinese terms: 中文, 中文名称, 中文翻译, 中文（推荐）, 术语, 译名; not one of remarks,
# definitions, aliases, short forms or categories (中文说明, 中文释义, 中文别名, 中文简称, 术语类别)
_CHINESE_HEADER = re.compile(
    "(?:中文|術語|术语|译名|譯名)(?!.*(?:释义|釋義|定义|定義|别名|別名|旧称|舊稱|简称|簡稱|缩写|縮寫|示例|例子|类别|類別|类型|類型|分类|分類))"
)
_ABBREVIATION_HEADER = re.compile(r"(?:英文)?(?:缩写|缩略语|缩略词|简称)|abbreviations?|abbr\.?|acronyms?", re.I)


# ... and of a column that holds remarks on the term, not the term (| Adagrad | 不推荐 |, | autoscaling | 已上线 |)
_REMARK_HEADER = re.compile(r"说明|备注|状态|描述|用法|含义|解释|注释|示例|例子|作用|特点|优点|缺点|场景|评价|建议")


def _table_sites(masked: str) -> Iterator[Site]:
    """A table of terms: in a table whose header names a column of English, each row's English cell glosses the
    Chinese term in the table's column of terms, whole: the one its header names Chinese (中文, 术语), else the
    column nearest the English, the one on its left first, that holds terms (see _holds_terms: | 位置编码 |
    Positional Encoding |; | 更正权 | 第16条 | right to rectification |; not a column of examples: | 精排（ranking）
    | ranking | 深度点击率模型 |). A table without such a column (| 模型 | Llama 3 | 70B |) lists things, not their
    names in English. A column headed 缩写 or Abbreviation gives the abbreviation, where its letters are the
    English's initials (| CNN | Convolutional Neural Network | 卷积神经网络 |). Markdown's tables, and plain text's,
    whose columns are set apart by tabs or runs of spaces (see _aligned_tables)."""
    for header, rows in (*_markdown_tables(masked), *_aligned_tables(masked)):
        yield from header.sites(masked, rows)


def _markdown_tables(masked: str) -> Iterator[tuple[_Header, list[list[tuple[int, int]]]]]:
    """Markdown's tables of terms: the header and the rows' cells of each."""
    header: _Header | None = None
    rows: list[list[tuple[int, int]]] = []
    previous_end = -2
    for row in _TABLE_ROW.finditer(masked) if "|" in masked else ():
        new_table, previous_end = row.start() != previous_end + 1, row.end()
        cells = _cells(masked, row.start(1), row.end(1))
        if new_table:  # this row is its header
            if header is not None:
                yield header, rows
            header, rows = _Header.of(masked, cells), []
        elif header is not None and not _RULE_ROW.fullmatch(masked, *row.span(1)):
            rows.append(cells)
    if header is not None:
        yield header, rows


@dataclass(frozen=True)
class _Header:
    """The columns of a table of terms: its English, its abbreviations, and its remarks."""

    english: int
    abbreviation: int
    remarks: frozenset[int]
    chinese: tuple[int, ...]  # the columns its header names Chinese (中文, 术语), 中文 first

    @classmethod
    def of(cls, masked: str, cells: list[tuple[int, int]]) -> _Header | None:
        names = [masked[a:b].strip(" *") for a, b in cells]
        english = next((k for k, name in enumerate(names) if _ENGLISH_HEADER.fullmatch(name)), -1)
        if english < 0:
            return None  # no table of terms
        abbreviation = next((k for k, name in enumerate(names) if _ABBREVIATION_HEADER.fullmatch(name)), -1)
        remarks = frozenset(k for k, name in enumerate(names) if _REMARK_HEADER.search(name))
        # (a header that says 中文 before one that says 术语: | 术语 | 中文 | 英文 | lists abbreviations first)
        named = sorted(
            (k for k, name in enumerate(names) if k != english and k not in remarks and _CHINESE_HEADER.match(name)),
            key=lambda k: "中" not in names[k],
        )
        return cls(english, abbreviation, remarks, tuple(named))

    def sites(self, masked: str, rows: list[list[tuple[int, int]]]) -> Iterator[Site]:
        """The sites of the rows' terms."""
        english, abbreviation = self.english, self.abbreviation
        glossed = []  # (a row's cells, the gloss its English cell holds)
        for cells in rows:
            if english < len(cells):
                cell = _comma_before_abbreviation(masked[cells[english][0] : cells[english][1]])
                gloss = parse(cell, cells[english][0])
                if gloss is not None:
                    glossed.append((cells, gloss))
        # (the nearest column first: the one on the left, then the right, then further out)
        width = max((len(cells) for cells, _ in glossed), default=0)
        order = sorted((k for k in range(width) if k != english), key=lambda k: (abs(k - english), k > english))
        texts = {k: [masked[slice(*_stripped(masked, *c[k]))] if k < len(c) else "" for c, _ in glossed] for k in order}
        names = {
            k: [_chinese_name(text, gloss.forms[0].text) for text, (_, gloss) in zip(texts[k], glossed, strict=True)]
            for k in order
        }
        # (a column its header names Chinese, where it holds Chinese names; else the nearest that holds terms)
        column = next((k for k in self.chinese if k in names and _holds_names(texts[k], names[k])), None)
        if column is None:
            column = next(
                (k for k in order if k not in self.remarks and _holds_terms(texts[k], names[k], glossed)), None
            )
        if column is None or column not in names:
            return
        for (cells, gloss), named in zip(glossed, names[column], strict=True):
            if not named:
                continue
            if gloss.abbr is None and 0 <= abbreviation < len(cells):
                a_start, a_end = _stripped(masked, *cells[abbreviation])
                if abbreviates(masked[a_start:a_end], gloss.forms[0].text):
                    gloss = replace(gloss, abbr=Form(masked[a_start:a_end], a_start, a_end))
            yield Site("table", gloss, *_stripped(masked, *cells[column]), fixed=True)


def _holds_names(texts: list[str], named: list[bool]) -> bool:
    """Whether a table's column holds Chinese names in most rows where it writes Chinese (a cell that keeps the
    English, | Transformer | Transformer |, votes for no column)."""
    latin = sum(not CJK_RE.search(text) for text in texts)
    return 2 * sum(named) > len(texts) - latin


def _holds_terms(texts: list[str], named: list[bool], glossed: list[tuple[list, EnglishGloss]]) -> bool:
    """Whether a table's column holds its rows' terms: Chinese names (see _holds_names), one at least that the
    dictionary sees a translation of the row's English in (not | 优化 | learning rate |, | 谷歌 | BERT's name |)."""
    translated = any(
        name and aligns(text, gloss.forms[0].text) for text, name, (_, gloss) in zip(texts, named, glossed, strict=True)
    )
    return _holds_names(texts, named) and translated


# A word of a line of plain text that may head a table of terms: it names a column of English (see
# _ENGLISH_HEADER) ...
_HEADER_WORD = re.compile("英文|英語|English|原文|英译")
# ... set apart from the others by a tab or a run of spaces
_COLUMN_GAP = re.compile(r"\t+|[ 　]{2,}")


def _aligned_tables(masked: str) -> Iterator[tuple[_Header, list[list[tuple[int, int]]]]]:
    """Plain text's tables of terms: a header line of columns set apart by tabs or runs of spaces, naming a
    column of English, and the lines right after it with as many columns (权利  GDPR条款  英文表述 ⏎ 更正权  第16条
    right to rectification)."""
    line_end = -1
    for word in _HEADER_WORD.finditer(masked):
        if word.start() < line_end:
            continue  # (a line once)
        line_start, line_end = _line_of(masked, word.start(), word.end())
        cells = _aligned_cells(masked, line_start, line_end)
        header = _Header.of(masked, cells) if len(cells) > 1 else None
        if header is None:
            continue
        rows, at = [], line_end + 1
        while at < len(masked):
            end = _line_of(masked, at)[1]
            row = _aligned_cells(masked, at, end)
            if len(row) != len(cells):
                break
            rows.append(row)
            at = end + 1
        yield header, rows


def _line_of(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """(start, end) of the line holding text[start:end] (a single position where end is None), newlines left out."""
    line_end = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _aligned_cells(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each column of a plain-text table's line, without the indentation."""
    while start < end and masked[start] in " \t　":
        start += 1
    cells, at = [], start
    for gap in _COLUMN_GAP.finditer(masked, start, end):
        cells.append((at, gap.start()))
        at = gap.end()
    if at < end:
        cells.append((at, end))
    return cells


# A list of terms: a line (a list item or not) that holds a term and its English and nothing else, joined by a
# colon or a dash, in either order (- **预训练**：Pre-training; 微调 — fine-tuning; Alignment: 对齐).
_LIST_SEPARATORS = (re.compile("[:：—–]"), re.compile(" - "))  # (apart: a literal is found quicker alone)
# (what may open a line before a term: a list item's marker, and with _TERM_LINE a heading's #; emphasis or quotes)
_ITEM_MARKER = r"[-*+][ \t]+|\d{1,3}[.)、][ \t]*"
_OPENING, _CLOSING = r"[*_“\"「]*", r"[*_”\"」]*"
_LIST_LINE = re.compile(
    rf"[ \t]*(?:{_ITEM_MARKER})?{_OPENING}(?P<first>[^\n:：—–*_”\"」]{{1,40}}?){_CLOSING}"
    r"[ \t]*(?:[:：]|——?|[ \t][-–][ \t])[ \t]*(?P<second>[^\n]{1,80}?)[ \t]*"
)
_LIST_LINE_LENGTH = 120


def _list_sites(masked: str) -> Iterator[Site]:
    """Lines of a list of terms (see _LIST_LINE): the Chinese whole, the English as a gloss is read. A line of
    metadata (作者：John Smith, 数据集：ImageNet) has the shape too; the confidence weighs what the Chinese says
    of the English. Only short lines with a separator are read."""
    line_end = -1
    for separator in sorted(m.start() for regex in _LIST_SEPARATORS for m in regex.finditer(masked)):
        if separator < line_end:
            continue  # a line already read (a line of prose holds many)
        line_start, line_end = _line_of(masked, separator)
        if line_end - line_start > _LIST_LINE_LENGTH or not CJK_RE.search(masked, line_start, line_end):
            continue  # (no term: d2l's :label:`...` lines, a time 12:30)
        line = _LIST_LINE.fullmatch(masked, line_start, line_end)
        if line is None:
            continue
        for zh, en in (("first", "second"), ("second", "first")):
            zh_start, zh_end = line.span(zh)
            if not _CHINESE_GLOSS.fullmatch(masked, zh_start, zh_end):
                continue
            if zh == "first" and masked[zh_start:zh_end] in _LABELS:
                # 术语：page size, 英文：Traffic Mirroring: the English of the term the line before names (a list
                # item it is under, a heading)
                parent = _line_before(masked, line_start)
                if parent is None:
                    continue
                zh_start, zh_end = parent
            written = _comma_before_abbreviation(masked[line.start(en) : line.end(en)])
            english = written.strip(' *_“”"')
            en_start = line.start(en) + written.index(english) if english else -1
            gloss = parse(english, en_start) if english else None
            if gloss is not None:
                yield Site("list", gloss, zh_start, zh_end, fixed=True)


# An entry of a vocabulary, as standards (GB/T), term lists and a book's index write them: a line that is a
# Chinese term and its English after a space, or the English first, nothing else; after the entry's number if any
# (3.1.2 数据集 dataset), before the pages an index gives (aborted transaction 中止事务 625, 230–236). An
# abbreviation follows a semicolon or comma (卷积神经网络 convolutional neural network; CNN), a bracket after English
# written first (log sequence number (LSN) 日志序列号), or stands alone on the next line. Alternative Chinese names
# are listed with a comma (hash index 散列索引，哈希索引).
_ENGLISH_ENTRY = r"[A-Za-z][A-Za-z0-9'’\- ]{0,80}?"
# (possessive: a line of prose fails at its seventeenth character, not after trying every shorter name)
_CHINESE_NAME = f"{_CJK}(?:[\\-－‐·]?{_CJK}){{0,15}}+"
# (a name of one character heads sub-entries only)
_CHINESE_ENTRY = f"{_CHINESE_NAME}(?:[，,、][ \\t]*{_CHINESE_NAME})*+"
# English written first: its words, which hold no space, each taken whole
_ENGLISH_FIRST = r"[A-Za-z][A-Za-z0-9'’\-]*+(?:[ ][A-Za-z0-9'’\-]++){0,10}+"
_PAGES = r"(?:[ \t]+\d{1,4}[a-z]?(?:[–\-]\d{1,4})?(?:[ \t]*[,，][ \t]*\d{1,4}[a-z]?(?:[–\-]\d{1,4})?)*)?"
_ENTRY_LINE = re.compile(
    rf"\n(?P<indent>[ \t]*)(?:\d{{1,3}}(?:\.\d{{1,3}})*[ \t]+)?(?:"
    rf"(?P<zh>{_CHINESE_ENTRY})[ \t]+(?P<en>{_ENGLISH_ENTRY}(?:[ \t]*[;；,，][ \t]*{_ACRONYM})?)"
    rf"|(?P<english>{_ENGLISH_FIRST}(?:[ \t]*[（(]{_ACRONYM}[)）])?)[ \t]+(?P<chinese>{_CHINESE_ENTRY})"
    rf"){_PAGES}[ \t\r]*(?=\n|$)(?:\n(?P<abbr>{_ACRONYM})[ \t\r]*(?=\n|$))?"
)
# Entries a document needs to be a vocabulary, two thirds of them translations the dictionary sees (a README's
# 安装 pytorch, 配置 cuda between 数据集 dataset and 模型 model is no vocabulary)
_VOCABULARY = 4


_BRAND_NAME = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")  # a capital inside a word: IFEval, PyTorch, DeepMind
_UNINDENTED_LINE = re.compile(r"\n(?![ \t]+\S)")


def _unindented_line(text: str, start: int, end: int) -> bool:
    """Whether a line between ``start`` and ``end`` is blank or not indented."""
    return _UNINDENTED_LINE.search(text, start, end) is not None


def _entry_sites(masked: str) -> Iterator[Site]:
    """Entries of a vocabulary (see _ENTRY_LINE): each Chinese name whole, the English as a gloss is read. Where
    the document has several and the dictionary sees most as translations, it is a vocabulary ("entry+vocabulary"),
    and the rest are entries all the same (持久性 durability, where 持久 is "lasting").

    A line indented further than the entry right above it is a sub-entry of an index: its English completes the
    entry's where its Chinese ends or starts with the entry's, on the same side (lock 锁⏎    exclusive 排他锁 is
    "exclusive lock", ⏎    escalation 锁升级 "lock escalation"; join 连接⏎    natural join 自然连接 and anomaly 异常⏎
    dirty read 脏读 are as written).
    """
    sites = []
    text = "\n" + masked  # (a newline first: the first line is a line too)
    above: list[tuple[int, str, str]] = []  # the entries a line may be a sub-entry of: (indent, Chinese, English)
    previous_end = 0
    for entry in _ENTRY_LINE.finditer(text):
        if _unindented_line(text, previous_end, entry.start()):
            above = []  # (a line between that is not indented, or blank, ends the entry's sub-entries)
        previous_end = entry.end()
        indent = len(entry.group("indent").expandtabs(4))
        while above and above[-1][0] >= indent:
            above.pop()
        zh, en = ("zh", "en") if entry.group("zh") else ("chinese", "english")
        if en == "english" and _BRAND_NAME.search(entry.group(en)):
            continue  # a name and what it is, a caption's words (IFEval 示例, PyTorch 教程): no index writes names so
        en_start, en_end = entry.start(en) - 1, entry.end(en) - 1
        if entry.group("abbr") and abbreviates(entry.group("abbr"), entry.group(en)):
            en_end = entry.end("abbr") - 1  # (a line of capitals that are not the English's initials is no part of it)
        # (the separator of an abbreviation, a semicolon or a line's end, read as a comma: the same offsets)
        gloss = parse(_comma_before_abbreviation(re.sub("[;；\n]", "，", masked[en_start:en_end])), en_start)
        sub_zh, english = entry.group(zh), gloss.forms[0].text if gloss else ""
        if above and gloss is not None:
            _, head_zh, head_en = above[-1]
            if not re.search(rf"\b{re.escape(head_en)}\b", english, re.IGNORECASE):
                # the entry's English goes where its Chinese is in the sub-entry's: 排他锁 "exclusive lock", 锁升级
                # "lock escalation"; a sub-entry that holds it inside (嵌套循环连接算法) is not read, one that does not
                # hold it is as written (异常⏎    dirty read 脏读)
                if head_en and (sub_zh.endswith(head_zh) or sub_zh.startswith(head_zh)):
                    english = f"{english} {head_en}" if sub_zh.endswith(head_zh) else f"{head_en} {english}"
                    gloss = replace(gloss, forms=(replace(gloss.forms[0], text=english),))
                elif head_zh in sub_zh:
                    above.append((indent, sub_zh, english))
                    continue
        above.append((indent, sub_zh, english))
        if gloss is None:
            continue
        for name in re.finditer(_CHINESE_NAME, sub_zh):
            if len(name.group()) > 1:
                start = entry.start(zh) - 1 + name.start()
                sites.append(Site("entry", gloss, start, start + len(name.group()), fixed=True))
    if len(sites) >= _VOCABULARY and 3 * sum(_said(masked, site) for site in sites) >= 2 * len(sites):
        sites = [replace(site, pattern="entry+vocabulary") for site in sites]
    yield from sites


def _said(masked: str, site: Site) -> bool:
    """Whether the dictionary sees the English of a site in the Chinese it delimits."""
    return any(aligns(word, site.gloss.forms[0].text) for word in tokens(masked[site.window_start : site.zh_end]))


# A paper's keywords, in Chinese and in English: two lists in the same order (关键词：深度学习；迁移学习 ... Key words:
# deep learning; transfer learning), as Chinese journals and theses print them under the two abstracts.
_KEYWORDS_ZH = re.compile(r"^[ \t>#*_]*关键[词字][*_]*[ \t]*[:：][*_]*[ \t]*(?P<items>[^\n]+)", re.MULTILINE)
_KEYWORDS_EN = re.compile(
    r"^[ \t>#*_]*(?:key[ \t]?words?|index[ \t]terms)[*_]*[ \t]*[:：—][*_]*[ \t]*(?P<items>[^\n]+)",
    re.MULTILINE | re.IGNORECASE,
)
_KEYWORD_SEPARATORS = re.compile(r"[；;，,、]")
# (深度学习 迁移学习: a Chinese keyword holds no space)
_CHINESE_KEYWORD_SEPARATORS = re.compile(r"[；;，,、 \t\u3000]")


def _keyword_items(masked: str, start: int, end: int, separators: re.Pattern[str]) -> list[tuple[int, int]]:
    """The bounds of each keyword of a list, without the spaces, emphasis and full stop around it."""
    items, at = [], start
    for separator in [*(m.start() for m in separators.finditer(masked, start, end)), end]:
        bounds = _stripped(masked, at, separator)
        while bounds[1] > bounds[0] and masked[bounds[1] - 1] in "。.;； \t*_":
            bounds = (bounds[0], bounds[1] - 1)
        if bounds[1] > bounds[0]:
            items.append(bounds)
        at = separator + 1
    return items


def _keyword_sites(masked: str) -> Iterator[Site]:
    """Keywords: a Chinese list and an English list next to each other in document order pair where each is the
    nearer of the other's neighbours in the other language (a paper's two lists; a list alone, or another paper's
    beside it, pairs with none), and the two have as many items; item by item, each Chinese item whole. Not where the
    dictionary reads an item otherwise than the English at its place: the authors reordered one list (迁移学习
    against "image"), and the order says nothing."""
    lists = sorted(
        [(m.start(), m.end(), "en", m) for m in _KEYWORDS_EN.finditer(masked)]
        + [(m.start(), m.end(), "zh", m) for m in _KEYWORDS_ZH.finditer(masked)],
        key=lambda item: item[0],
    )
    for k, (_, _, language, chinese) in enumerate(lists):
        j = _nearest(lists, k)
        if language != "zh" or j < 0 or _nearest(lists, j) != k:
            continue
        english = lists[j][3]
        zh_items = _keyword_items(masked, *chinese.span("items"), _CHINESE_KEYWORD_SEPARATORS)
        en_items = _keyword_items(masked, *english.span("items"), _KEYWORD_SEPARATORS)
        if len(zh_items) < 2 or len(en_items) != len(zh_items):
            continue
        if not all(_CHINESE_GLOSS.fullmatch(masked, *bounds) for bounds in zh_items):
            continue
        pairs = [
            (zh, masked[zh[0] : zh[1]], en, masked[en[0] : en[1]]) for zh, en in zip(zh_items, en_items, strict=True)
        ]
        if any(_read_otherwise(tokens(zh_text), en_text) for _, zh_text, _, en_text in pairs):
            continue
        for (zh_start, zh_end), _, (en_start, _), en_text in pairs:
            gloss = parse(en_text, en_start)
            if gloss is not None:
                yield Site("keywords", gloss, zh_start, zh_end, fixed=True)


def _nearest(lists: list[tuple[int, int, str, re.Match[str]]], k: int) -> int:
    """The index of the nearer neighbour of list k in the other language, or -1."""
    beside = [j for j in (k - 1, k + 1) if 0 <= j < len(lists) and lists[j][2] != lists[k][2]]
    gaps = [lists[k][0] - lists[j][1] if j < k else lists[j][0] - lists[k][1] for j in beside]
    return beside[gaps.index(min(gaps))] if beside else -1


def _read_otherwise(words: tuple[str, ...], english: str) -> bool:
    """Whether the dictionary knows every word and none says what the English does."""
    return dictionary_knows(words) and not any(aligns(word, english) for word in words)


# Words that label the English of a term rather than name one (术语：page size)
_LABELS = frozenset("术语 英文 英语 英文名 英文名称 英文全称 原文 英译 译名".split())
_TERM_LINE = re.compile(
    rf"[ \t]*(?:#{{1,6}}[ \t]+|{_ITEM_MARKER})?{_OPENING}(?P<zh>[^\n*_”\"」:：]{{1,40}}?){_CLOSING}[ \t]*[:：]?[ \t]*"
)


def _line_before(masked: str, line_start: int) -> tuple[int, int] | None:
    """The bounds of the Chinese term that the last line before ``line_start`` with text in it holds alone
    (after a list marker or a heading's #), or None."""
    end = line_start - 1
    while end > 0:
        start = masked.rfind("\n", 0, end) + 1
        if masked[start:end].strip():
            line = _TERM_LINE.fullmatch(masked, start, end)
            if line is None or not _CHINESE_GLOSS.fullmatch(masked, *line.span("zh")):
                return None
            return line.span("zh")
        end = start - 1
    return None


_RULE_ROW = re.compile(r"[\s|:\-]*")  # the row under a header: | --- | :---: |
_BRACKETED_LAST = re.compile(r"[（(]([^（）()]*)[)）](?=\s*$)")


def _comma_before_abbreviation(written: str) -> str:
    """English with the abbreviation in brackets at its end read as after a comma, as parse reads it: Layer
    Normalization（LN） as Layer Normalization，LN (the same length, so the same offsets)."""
    return _BRACKETED_LAST.sub(r"，\1 ", written)


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row's inside."""
    cells, at = [], start
    for bar in (m.start() for m in re.finditer(r"\|", text[start:end])):
        cells.append((at, start + bar))
        at = start + bar + 1
    cells.append((at, end))
    return cells


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """A cell's bounds without the spaces and emphasis around its content."""
    while start < end and text[start] in " \t*":
        start += 1
    while end > start and text[end - 1] in " \t*":
        end -= 1
    return start, end


# ABBR（English，中文） and ABBR（中文，English）: the two halves of a bracket after an abbreviation
_TWO_HALVES = re.compile(r"\s*([^，,；;]+?)\s*[，,；;]\s*([^，,；;]+?)\s*$")


def _abbreviation_spelled_out(masked: str, start: int, end: int, open_at: int) -> Iterator[Site]:
    """RAG（Retrieval-Augmented Generation，检索增强生成）, LoRA（低秩适配，Low-Rank Adaptation）: an abbreviation,
    then its English and its Chinese in either order, both in one bracket, where its letters are the English's
    initials or taken from its words as an abbreviation's are (TSO（Timestamp Oracle，时间戳服务）; not BERT（Devlin
    et al.，谷歌））; or a name in lower case cut from its English's words (futex). The Chinese is the term whole."""
    halves = _TWO_HALVES.fullmatch(masked, start, end)
    if halves is None:
        return  # most brackets of Chinese (（见下文）) have no two halves: no need to read before them
    abbr = _english_before(masked, open_at) or _abbreviation_and_head(masked, open_at)
    if abbr is None or " " in abbr.text:
        return
    # (or a name in lower case, of a system call or a tool, cut from the words of its English: futex（fast userspace
    # mutex，快速用户空间互斥锁）, malloc; not padding（left side，左侧填充）, a remark)
    if _LOWER_NAME.fullmatch(abbr.text) is None and not is_abbreviation(abbr.text):
        return
    first, second = (halves.start(1), halves.end(1)), (halves.start(2), halves.end(2))
    for (zh_start, zh_end), (en_start, en_end) in ((first, second), (second, first)):
        english = masked[en_start:en_end]
        if _CHINESE_GLOSS.fullmatch(masked, zh_start, zh_end) and looks_like_term(english):
            if (
                abbreviates(abbr.text, english)
                or shortens(abbr.text, english)
                or _named_by_its_words(abbr.text, english)
            ):
                gloss = EnglishGloss((Form(english, en_start, en_end),), abbr)
                yield Site("abbr(en，zh)", gloss, zh_start, zh_end, fixed=True)
            return


_LOWER_NAME = re.compile("[a-z][a-z0-9_]{2,15}")  # (futex, epoll, malloc)


def _named_by_its_words(name: str, english: str) -> bool:
    """Whether a lower-case name is made of its English's first letter and the end of its last word (epoll "event
    poll", fsync "file sync", cgroup "control group", inode "index node"; not adamw "default settings")."""
    words = english.lower().split()
    return (
        len(words) >= 2
        and name.islower()
        and name[0] == words[0][0]
        and len(tail := words[-1][-3:]) == 3
        and name.endswith(tail)
    )


# An abbreviation and the head noun the bracket's names leave implicit: TBDR 架构（基于图块的延迟渲染，Tile-Based
# Deferred Rendering）
_ABBREVIATION_AND_HEAD = re.compile(f"(?<![A-Za-z0-9])({_ACRONYM}) ?{_CJK}{{1,2}}$")


def _abbreviation_and_head(masked: str, end: int) -> Form | None:
    head = _ABBREVIATION_AND_HEAD.search(masked, max(0, end - 16), end)
    return Form(head[1], head.start(1), head.end(1)) if head else None


# The Chinese of English（中文）: up to twelve characters, words joined by a hyphen or a middle dot among them
# (TF-IDF（词频-逆文档频率）).
_CHINESE_GLOSS = re.compile(f"{_CJK}(?:[\\-－‐·]?{_CJK}){{0,11}}")
_THEN_ABBREVIATION = re.compile(f"\\s*[，,]\\s*(?P<abbr>{_ACRONYM})\\s*$")
# (a label that makes the bracket's Chinese another name of the term before it)
_NAMING_LABEL = re.compile(r"\s*(?:简称|又称|也称|亦称|或称|也叫|又叫|即)")
_CAMEL_CASE = re.compile(r"[A-Z]?[a-z]+(?:[A-Z][a-z0-9]*)+")
# A bracket that holds a term and its English (（一阶条件，first-order condition）, （或一个小批量，mini-batch）)
_INNER_PAIR = re.compile(f"\\s*(?P<zh>[^，,；;：:]*?{_CJK})\\s*[，,]\\s*(?P<en>[A-Za-z].*?)\\s*")
# ... or a remark after the Chinese: another rendering (也译作特质, 又称 ...), or a pointer (见第 3 章)
_THEN_REMARK = re.compile(
    f"\\s*[，,；;]\\s*(?:(?:也|又|亦|或)(?:译作|译为|译成|译|称为|称作|称|叫做|叫)\\s*[“「]?"
    f"(?P<other>{_CJK}(?:[\\-－‐·]?{_CJK}){{0,11}})[”」]?|(?:见|参见|详见)[^，,；;]*)\\s*$"
)
# ... or Chinese led by a Latin word of the English (KV cache（KV缓存）)
_LATIN_WORD = re.compile("[A-Za-z][A-Za-z0-9]*")
# Chinese with Latin words in it, as _chinese_name reads it
# (a Latin word read whole, possessively: a run of letters is not cut into words in every way it can be)
_MIXED_GLOSS = re.compile(f"(?:[A-Za-z][A-Za-z0-9]*+|{_CJK})(?:[ \\-－‐·]?(?:[A-Za-z][A-Za-z0-9]*+|{_CJK})){{0,15}}")
_LATIN_LED_GLOSS = re.compile(f"(?P<latin>[A-Za-z][A-Za-z0-9]*) ?{_CJK}(?:[\\-－‐·]?{_CJK}){{0,11}}")


def _chinese_name(text: str, english: str) -> bool:
    """Whether the text is a Chinese name for the English: Chinese, or Chinese led by a Latin word of the English
    (KV cache（KV缓存）, | GPU 实例化 | GPU Instancing |; not A 股)."""
    if _CHINESE_GLOSS.fullmatch(text):
        return True
    # (a word of it as hyphens part them too: | Token 间延迟 | Inter-Token Latency |)
    words = english_words(english)
    led = _LATIN_LED_GLOSS.fullmatch(text)
    if led is not None:
        return led["latin"] in words
    # ... or with a word or two of an English of more words inside or after it (宪法式 AI "Constitutional AI"; not a
    # gloss that repeats the name, 图形处理器 GPU "GPU", nor one around it, 保存 checkpoint 的频率 "checkpoint")
    latin = _LATIN_WORD.findall(text)
    rest = _LATIN_WORD.sub("", text).replace(" ", "")
    return (
        0 < len(latin) <= 2
        and len(rest) >= 2
        and text == text.strip()
        and _CHINESE_GLOSS.fullmatch(rest) is not None
        and all(word in words for word in latin)
        and len(words) > len(latin)
    )


def _around(regex: re.Pattern, keyword: str, masked: str) -> Iterator[re.Match]:
    """Matches of ``regex`` in the stretches of text around each occurrence of ``keyword``, each match once."""
    seen: set[int] = set()
    for start, end in _occurrences(keyword.split("|"), masked):
        for m in regex.finditer(masked, max(0, start - _REACH), end + _REACH):
            if m.start() <= start < m.end() and m.start() not in seen:
                seen.add(m.start())
                yield m


def _occurrences(words: list[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of the words, in order: str.find skips ahead where a regex alternation
    (即|也就是) would try every position."""
    found = []
    for word in words:
        at = text.find(word)
        while at != -1:
            found.append((at, at + len(word)))
            at = text.find(word, at + 1)
    return sorted(found)


# An abbreviation's opening bracket, in which the English spells it out (MVCC（Multi-Version Concurrency Control）)
_SPELLED_OUT = re.compile(r"[A-Z0-9][（(]")
_REACH = 130  # enough for the longest English run a pattern accepts (eight words)


def _apposition_sites(masked: str) -> Iterator[Site]:
    for pattern, keyword, regex in _APPOSITIONS:
        for m in _around(regex, keyword, masked):
            if (
                "closed" in regex.groupindex
                and m.group("closed")
                and not _SPELLED_OUT.match(masked, max(0, m.start("en") - 2))
            ):
                continue  # 词项（term），即索引的基本单位: what follows explains the term before the bracket
            if "usual" in regex.groupindex and not _names_a_usage(m, masked):
                continue  # (a rendering done once, or into a language: see _RENDERED_AS)
            en_text = m.group("en").rstrip()
            en_start = m.start("en")
            if pattern.startswith("en"):
                # English first: the name starts after the clause it ends (The key idea is tokenization，即分词)
                clause = _EN_CLAUSE.match(en_text)
                if clause:
                    en_start += clause.end()
                    en_text = en_text[clause.end() :]
            lead = _EN_STOP_LEAD.match(en_text)
            if lead:
                en_start += lead.end()
                en_text = en_text[lead.end() :]
            if not en_text or not looks_like_term(en_text):
                continue
            if pattern.startswith(("zh/", "en/")):
                left = window_before(masked, m.end("zh"))[0] if pattern == "zh/en" else m.start("en")
                pair_before = masked[left - 1 : left] == "/" and CJK_RE.match(masked[left - 2 : left - 1] or "x")
                latin = _LATIN_WORDS.match(masked, left) if pair_before else None
                if pattern == "zh/en" and latin:
                    # the window ran back over the English of a slash pair before: 鲁棒性/robustness 和校准/calibration
                    left = latin.end()
                # (a Chinese before the slash that says every word of the English glosses it, whatever follows)
                translated = pattern == "zh/en" and says_every_word((masked[left : m.end("zh")],), en_text)
                if not _isolated_slash_pair(masked, left, m.end(), translated):
                    continue
            if pattern in ("en，即zh", "关于en，zh", "en/zh", "en译为zh"):
                if (
                    "calls" in regex.groupindex
                    and m.group("calls")
                    and (_NO_NAME.search(m.group("zh")) or _CALLED_WRONG_AFTER.match(masked, m.end("zh")))
                ):
                    continue  # (what someone once called it, 有人称之为模型的记忆, a language, 翻译成中文, or wrongly)
                zh_end = m.end("zh")
                if "head" in regex.groupindex and m.group("head") and not _heads_the_english(m, masked, en_text):
                    zh_end = m.start("head")  # (a word of what follows: 即基于图的 RAG 系统 for "graph-based")
                if pattern in ("en，即zh", "关于en，zh"):
                    zh_end = _end_of_the_term(masked, m.start("zh"), zh_end, en_text)
                if not _glossed_otherwise(masked, zh_end, en_text):
                    yield from _fixed_chinese(
                        pattern, masked, en_text, en_start, _after_naming(masked, m.start("zh")), zh_end
                    )
                continue
            zh_end = m.end("zh")
            # (An English phrase of several words is a name of its own, whatever Chinese follows it; what follows a
            # slash pair, _isolated_slash_pair has read.)
            one_word = " " not in en_text and pattern != "zh/en"
            if (
                (one_word and _begins_a_chinese_name(masked, en_start + len(en_text)))
                or _PLACE_AFTER.match(masked, en_start + len(en_text))
                or _DESCRIBED.search(masked, max(0, zh_end - 8), zh_end)
                or _NAMED_BY.search(masked, max(0, zh_end - 13), zh_end)
            ):
                continue
            start, hint = window_before(masked, zh_end)
            if (
                hint is None
                and (named := _last_naming_word(masked, start, zh_end)) is not None
                and "的" not in masked[named:zh_end]  # (被称为第三代神经网络的|脉冲神经网络: it names a modifier)
            ):
                # (what a naming verb names is marked as markup would mark it: 被叫做混合专家模型，简称 MoE)
                hint = _after_naming(masked, named)
            abbr, en_text, en_start = abbreviation_beside(en_text, en_start)
            forms = [Form(en_text, en_start, en_start + len(en_text))]
            if pattern == "zh，也称en" and (other := _OR_ANOTHER.match(masked, m.end("en"))):
                # 线性一致性，又称 atomic consistency 或 strong consistency: each another name (not after 即, which
                # names instances as often: 优化器，即 SGD 或 Adam); an abbreviation of the first, its abbreviation
                text = other["en"].rstrip()
                form = Form(text, other.start("en"), other.start("en") + len(text))
                if abbr is None and is_abbreviation(text) and abbreviates(text, en_text):
                    abbr = form
                elif looks_like_term(text):
                    forms.append(form)
            yield Site(pattern, EnglishGloss(tuple(forms), abbr), start, zh_end, markup_start=hint)


def _heads_the_english(m: re.Match, masked: str, english: str) -> bool:
    """Whether the Latin word after 的 that ends an apposition's Chinese is the English's head: a word of it, or
    its end after a capital or a hyphen (Graph|RAG), of two letters or more, which ends the Chinese too
    (GraphRAG，即基于知识图谱的 RAG; not vLLM，即高吞吐的 LLM 推理引擎, nor LoRA，即低秩的 A 矩阵)."""
    head = m.group("head")
    at_end = english.endswith(head) and (len(english) == len(head) or not english[-len(head) - 1].isupper())
    return (
        len(head) >= 2
        and (head in english_words(english) or at_end)
        and not CJK_RE.match(masked[m.end("head") : m.end("head") + 2].lstrip(" ") or "x")
    )


# A bracket of English that ends right where an apposition's Chinese window starts (see goes_on_a_glossed_phrase)
_ENGLISH_BRACKET_BEFORE = re.compile(f"{_OPEN}\\s*[A-Za-z][^（）()\\n]*{_CLOSE}[ ]?$")


def goes_on_a_glossed_phrase(site: Site, masked: str) -> bool:
    """Whether an apposition's Chinese window starts right after a bracket of English: the Chinese there goes on the
    phrase whose start the bracket glossed (连续批处理（continuous batching）策略，也叫 in-flight batching). Not a slash
    pair's: （PRM）与结果奖励模型/outcome reward model."""
    return site.pattern in ("zh，即en", "zh，也称en", "zh译为en") and bool(
        _ENGLISH_BRACKET_BEFORE.search(masked, max(0, site.window_start - 120), site.window_start)
    )


# An alternative English name after an apposition's (X 或 Y)
_OR_ANOTHER = re.compile(f"\\s*(?:或者|或是|或)\\s*(?P<en>{_LATIN_RUN})(?=\\s*(?:[，,。；;）)]|$))")


def _begins_a_chinese_name(masked: str, end: int) -> bool:
    """Whether the Latin word ending at ``end`` goes on in Chinese (TLB未命中, UV 坐标): it is the start of a
    term, not the English of the one before it (这种情况称为TLB未命中)."""
    after = masked[end : end + 2].lstrip(" ")
    return bool(after) and CJK_RE.match(after) is not None and after[0] not in _AFTER_A_NAME


# A bracket with English in it, right after a Chinese term: the term's own gloss.
_GLOSSED = re.compile(f"\\s*{_OPEN}\\s*([A-Za-z][^（）()\\n]{{0,120}}){_CLOSE}")


def _glossed_otherwise(masked: str, zh_end: int, english: str) -> bool:
    """Whether the Chinese ending at ``zh_end`` is glossed right after with an English of its own, which neither
    spells out nor abbreviates the apposition's: GMM，即通用背景模型（universal background model，UBM）. Batch
    Normalization，即批归一化（BN） and LLM，即大语言模型（Large Language Model） agree with theirs."""
    bracket = _GLOSSED.match(masked, zh_end)
    if bracket is None:
        return False
    gloss = parse(bracket.group(1), bracket.start(1))
    forms = [form.text for form in (*gloss.forms, *filter(None, [gloss.abbr]))] if gloss else []
    return not any(
        abbreviates(form, english) or abbreviates(english, form) or en_key(form) == en_key(english) for form in forms
    )


# A localiser and 的 after the English: it names a place, not the Chinese before it (输出，也就是 LM Head 之前的隐状态,
# 显存，即 GPU 上的内存; not 在检索增强生成，即 RAG 中，…, where the localiser closes the frame 在 opened)
_PLACE_AFTER = re.compile(" ?(?:[之以]?[前后上下中间内外里])的")
# A demonstrative with a short noun right before an apposition's keyword (这种情况称为, 该方法也称为): the Chinese
# refers back to what the text describes, the English names it; the two are no pair.
_DESCRIBED = re.compile(f"(?:这|那|该|此)(?:种|个|类|一|些|样的)?{_CJK}{{1,2}}$")
# The one who names, after 被 (被 TensorFlow 团队称为 autograph, 被业界称为): what is named comes before it. Not a
# naming verb right after 被, which names what follows it (又被叫作多模态大语言模型，简称 MLLM).
_NAMED_BY = re.compile("被(?!称|叫|命名|译|记)[^，,。；;！？!?\n（()）]{1,12}$")


_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z\-]*(?:[ ][A-Za-z][A-Za-z\-]*)*[ ]*")


def _isolated_slash_pair(masked: str, start: int, end: int, translated: bool = False) -> bool:
    """A slash pair stands alone: not one item of a slash list (需求 / 数据结构 / APIs), not the first half of a
    compound that goes on (混合代码/ arxiv 数据), not two alternatives (训练模式/inference mode 之间), not a path.
    ``start`` is where its left side starts. Where the Chinese says all the English (``translated``), the pair is
    a gloss inside a compound that goes on: 后训练/post-training 阶段."""
    before = masked[max(0, start - 3) : start].rstrip(" ")
    after = masked[end : end + 3].lstrip(" ")
    if before.endswith("/") or after.startswith("/"):
        return False
    if after and re.match(_CJK, after):
        # 后训练/post-training是…, 后训练/post-training 通常…; not 代码/ arxiv 数据
        return translated or after[0] in _AFTER_A_NAME or _starts_a_phrase(masked[end : end + 8].lstrip(" "))
    return not after or not after[0].isalnum()


# jieba's tags of words that start a phrase of their own: adverbs, conjunctions, prepositions, pronouns, numerals,
# particles. Not verbs, which jieba tags its nouns of action as too (数据/data 增强 "data augmentation"), nor
# localisers (训练模式/inference mode 之间 is "between" two).
_PHRASE_STARTS = re.compile(r"[dcprmuy]|zg")


def _starts_a_phrase(text: str) -> bool:
    """Whether the Chinese text starts with a word that begins a phrase (通常 "usually", 并且 "and"), not a noun
    that what comes before would modify (数据 "data", 增强 "augmentation")."""
    word = next(iter(jieba_tokenizer().cut(text, HMM=False)), "")
    return _PHRASE_STARTS.match(pos_tag(word)) is not None


def _fixed_chinese(
    pattern: str, masked: str, en_text: str, en_start: int, zh_start: int, zh_end: int
) -> Iterator[Site]:
    """Sites whose Chinese is delimited by the pattern; coordination on both sides becomes one site per pair, and
    alternatives in Chinese (鲁棒性或稳健性) one site each with the whole English."""
    zh_parts = _split_positions(masked, zh_start, zh_end, COORDINATION_ZH)
    en_parts = _split_positions(masked, en_start, en_start + len(en_text), COORDINATION_EN)
    if len(zh_parts) == 1:
        whole = EnglishGloss((Form(en_text, en_start, en_start + len(en_text)),))
        # (not where the English has alternatives too, 有监督或无监督学习 "supervised or unsupervised learning", nor
        # where a part is a character, 异或运算)
        alternatives = [] if " or " in en_text else _split_positions(masked, zh_start, zh_end, _ALTERNATIVE_ZH)
        if any(e - s < 2 for s, e in alternatives):
            alternatives = []
        for zs, ze in alternatives or [(zh_start, zh_end)]:
            yield Site(pattern, whole, zs, ze, fixed=True)
        return
    if len(zh_parts) != len(en_parts):
        return  # the two sides do not line up: no guessing
    from .derive import shared_head  # (derive reads this module's separators)

    # (members that share a head noun the English writes once: input, forget and output gates)
    head = shared_head([masked[s:e] for s, e in zh_parts], [masked[s:e] for s, e in en_parts])
    last = en_parts[-1][1]
    for k, ((zs, ze), (es, ee)) in enumerate(zip(zh_parts, en_parts, strict=True)):
        english = masked[es:ee]
        if head and k < len(en_parts) - 1:
            english, ee = f"{english} {head}", last
        if looks_like_term(english):
            yield Site(pattern + "+coordination", EnglishGloss((Form(english, es, ee),)), zs, ze, fixed=True)


# What someone calls a term is no name where it is a phrase with 的 (译成微调的较多; but a frame's, 一般叫基于人类
# 反馈的强化学习) or starts with a language (翻译成中文, 叫英文原词更好; not 句法语义接口)
_NO_NAME = re.compile(f"^(?!{'|'.join(FRAME_OPENERS)}).*的|^(?:{_LANGUAGE.pattern})")


# The tags of a word that starts a predicate, not a term's next word: a numeral, classifier, verb (not a verbal
# noun), adverb, preposition, conjunction, aspect particle or pronoun (not 的, which may join a term's words:
# 基于知识图谱的 RAG)
_PREDICATE_TAGS = frozenset("m q mq v vd d p c ul uz r".split())


def _end_of_the_term(masked: str, zh_start: int, zh_end: int, english: str) -> int:
    """Where the Chinese after English and 即 ends, which runs to the clause's end: where the words of its last
    member have first said all of the last English name, or a suffix after them, if the words after start a
    predicate and say none of it (encoder and decoder，即编码器和解码器|两部分组成, 召回|率|都很高). One word left is
    as often the term's own, which the dictionary does not see in the English (即两阶段|提交 "two-phase commit",
    即投影|层 "projector")."""
    text, at = members(masked[zh_start:zh_end], COORDINATION_ZH)[-1]
    name = members(english, COORDINATION_EN)[-1][0].strip()
    side = EnglishSide.of(name)
    words = tokens(text)
    end = zh_start + at
    for k in range(1, len(words)):
        end += len(words[k - 1])
        if not says_every_word(tuple(words[:k]), name):
            continue
        # there, or after one more character that is no particle nor a verb an aspect particle follows: a suffix
        # (召回|率|都很高; not 凸函数|的, 矩阵乘法|占|了)
        after = words[k + 1][:1] if k + 1 < len(words) else ""
        suffix = len(words[k]) == 1 and not pos_tag(words[k]).startswith("u") and after not in ASPECT_PARTICLES
        for cut in (k, k + 1) if suffix else (k,):
            rest = words[cut:]
            if _starts_a_predicate(rest) and not any(alignment(word, side)[0] for word in rest):
                return end + (cut - k) * len(words[k])
        break
    return zh_end


def _starts_a_predicate(words: Sequence[str]) -> bool:
    """Whether words after a term start a predicate: two or more, the first a numeral (编码器|两|部分|组成, 两种), a
    word of a predicate's tag the dictionary lists, or a character of such a tag that is no verb or classifier (不,
    只, 太); not a suffix jieba cut off (召回|率|都很高, 投影|层|把...) nor a word it made of one (困惑|度越|低)."""
    if len(words) < 2:
        return False
    first = words[0]
    tag = pos_tag(first)
    if tag in ("m", "mq"):
        return True
    if len(first) == 1:
        return first in CLAUSE_WORDS or (tag in _PREDICATE_TAGS and tag not in ("v", "vd", "q"))
    return tag in _PREDICATE_TAGS and senses(first) is not None


def separators(text: str, start: int, end: int, separator: re.Pattern) -> list[re.Match[str]]:
    """The separator's matches in ``text[start:end]`` that are words of their own, as jieba reads the span: not the
    和 of 饱和度 "saturation" nor the 与 of 参与者 (延迟、流量、错误和饱和度 has four members)."""
    matches = list(separator.finditer(text, start, end))
    if not any(CJK_RE.fullmatch(m.group()) for m in matches):
        return matches
    bounds = {start}
    for word in tokens(text[start:end]):
        bounds.add(max(bounds) + len(word))
    return [m for m in matches if m.start() in bounds and m.end() in bounds]


def members(text: str, separator: re.Pattern) -> list[tuple[str, int]]:
    """The members a separator coordinates in ``text`` (see separators), each with its offset."""
    found, at = [], 0
    for m in separators(text, 0, len(text), separator):
        found.append((text[at : m.start()], at))
        at = m.end()
    found.append((text[at:], at))
    return [(t, s) for t, s in found if t.strip()]


def _split_positions(text: str, start: int, end: int, separator: re.Pattern) -> list[tuple[int, int]]:
    """The parts between the separators, each without the marks and spaces around it."""
    parts = []
    at = start
    for m in separators(text, start, end, separator):
        parts.append((at, m.start()))
        at = m.end()
    parts.append((at, end))
    trimmed = []
    for s, e in parts:
        while s < e and text[s] in _MARKS + "“「『《‘":
            s += 1
        while e > s and text[e - 1] in _MARKS:
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed
