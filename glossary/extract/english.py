"""The English side of a gloss: its forms, its abbreviation, and whether it is a translation at all.

A parenthesis after a Chinese word holds many things besides an equivalent: numbers and scores (80.4/87.5),
references [1], code (axis=1), remarks (again，相当不错), sentences (MMLU约为85, NVIDIA称之为warps). Those are
rejected here; what passes is split into forms: "recurrent neural network，RNN" is a full form and its
abbreviation, "forward propagation或forward pass" two full forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import STOP_WORDS, in_english_vocabulary
from ..normalize import CJK_CHAR, CJK_RE, GREEK_CHAR, LATIN_CHAR, en_key, is_abbreviation
from .frozen import Picklable

# Alternatives inside one gloss; a comma also separates a form from its abbreviation.
_SPLIT = re.compile(r"\s*(?:，|,|；|;|、|/|或者|或是|或|\bor\b)\s*")
_LIST_ITEM = r"[A-Za-z][A-Za-z0-9\-]*(?: [A-Za-z0-9\-]+){0,2}"
_SERIAL_ITEM = re.compile(r"\s*[,，]?\s+and\s+|\s*[,，]\s*")
_COMMAS = re.compile(r"\s*[,，]\s*")
_SERIAL_LIST = re.compile(f"{_LIST_ITEM}(?:\\s*,\\s*{_LIST_ITEM})+\\s*,?\\s+and\\s+{_LIST_ITEM}")
# An acronym whose first word is a small number (2PC, two-phase commit; 2SLS, 3NF), two capitals or more after
# it that are no unit, currency, time of day or processor counted: 5MW, 2KG, 16GB, 1USD, 3EUR, 3PM, 4GPU measure
# or count things.
DIGIT_ACRONYM = re.compile(
    r"([2-4])(?!(?:[KMGTPE]?(?:B|W|WH|HZ|V|AH|OPS|FLOPS|BPS)|MP|[NMCK]M|KG|AM|PM|[A-Z]{2}[DY]|EUR|GBP|BTC|ETH|[CGTN]PUS?)"
    r"(?![A-Za-z0-9]))"
    r"[A-Z][A-Z0-9]*[A-Z](?![A-Za-z0-9])"
)
# A name that starts with a digit: a dimension or size (3D, 2D, 1x1) and a word after it, not a unit (256KB); with
# a Greek letter joined to a word (ε-greedy, β-VAE); or such an acronym.
_DIGIT_LED_NAME = re.compile(
    f"\\d+(?:D|d|x\\d+|-[A-Za-z]+)\\s+[A-Za-z]|[{GREEK_CHAR}]-[A-Za-z]|{DIGIT_ACRONYM.pattern}"
)
# What opens a remark in brackets rather than a name: a pointer, an example, a usual case.
_REMARK = re.compile(
    r"(?:see|e\.\s?g\.?|i\.\s?e\.?|cf\.?|for example|for instance|such as|typically|usually|often)(?![\w-])",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"(?:the|an?)\s+(?=\w)", re.IGNORECASE)
# A short token, a slash and a letter or digit right after it: a name written with a slash (online A/B testing).
_NAME_WITH_SLASH = re.compile(r"(?<![A-Za-z0-9])[A-Z0-9]{1,4}/[A-Z0-9]$")
# Labels before the English in a gloss: 英文：..., 英语：..., 英文全称 ..., 简称 ..., 缩写 ...
_LABEL = re.compile(
    r"^(?:英文全称|英文名称|英文名|英文缩写|英文简称|英文|英语|全称|以下简称|(?:下|后)文简?称|下称|(?:常|通常|一般|亦|或)?(?:简称|缩写|称)[为作]?|又称|也称|也叫|即)"
    r"\s*[:：]?\s*"
)
# An abbreviation beside the words it stands for, before or after them (RTT round-trip time)
_ACRONYM_WORD = "[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*"
_ABBREVIATION_BESIDE = re.compile(
    f"(?P<before>{_ACRONYM_WORD})\\s+(?P<words>[A-Za-z].*)|(?P<first>.*[A-Za-z])\\s+(?P<after>{_ACRONYM_WORD})"
)
# An abbreviation and a short Chinese head noun: EM算法, BP神经网络.
_ABBREVIATED_NAME = re.compile(f"(?P<abbr>[A-Z][A-Za-z0-9\\-]*)\\s*[{CJK_CHAR}]{{1,4}}")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’&.\-]*|[0-9]+[A-Za-z][A-Za-z0-9\-]*")
# Latin letters, those with diacritics too (Fréchet, Erdős–Rényi, Poincaré), Greek letters (ε-greedy), digits.
_LETTER = f"A-Za-z0-9À-ÖØ-öø-ɏ{GREEK_CHAR}"
_FORM = re.compile(f"^[{_LETTER}][{_LETTER} '’&.@+\\-–/]*$")  # (pass@k, Recall@10: a metric at a cut-off)
# A plus belongs in a name only after a capital, ending a word (B+ tree, C++ template), or between words, as an and
# (Reasoning + Acting); a+b and x + y are arithmetic.
_LOOSE_PLUS = re.compile(r"(?<![A-Z+])(?<![A-Za-z]{2} )\+|\+(?![\s+]|$)")
# A slash belongs in a name only between capitals or digits (A/B testing, I/O, TCP/IP); src/main is a path.
_LOOSE_SLASH = re.compile(r"(?<![A-Z0-9])/|/(?![A-Z0-9])")
# ... or between English words, of a name (read/write lock, client/server architecture); not a path, src/main
_WORDS_SLASHED = re.compile(r"(?:[A-Za-z\-]+ )*(?P<a>[A-Za-z]{2,})/(?P<b>[A-Za-z]{2,})(?: [A-Za-z\-]+)*")
# ... and the three characters of such a slash (A/B): patterns and segment read names the same way.
SLASHED = re.compile("[A-Z0-9]/[A-Z0-9]")
# The @ of a metric at a cut-off (pass@k, Recall@10), which patterns reads the same way; any other @ is code
CUT_OFF = r"@[A-Za-z0-9]{1,3}(?![A-Za-z0-9.@])"
_CODE = re.compile(rf"[=_{{}}\[\]<>()\\$#|`]|(?<!\w)@|(?!{CUT_OFF})@|\.\w+\(|^\w+\.\w+$|::")
_NOT_TERMS = frozenset(
    "again also too yes no ok okay note see etc eg e.g. i.e. ie cf cf. maybe still just even here there now "
    "this that it they we you he she fig eq our ours us me my mine your yours his her hers its their theirs them "
    "him".split()
)
_NUMBERED = re.compile(
    r"(?:figure|fig|table|algorithm|section|chapter|appendix|equation|eq|listing|theorem|lemma|definition|"
    r"proposition|corollary|exercise|example|problem|step|line|part)\b\.?\s*[A-Z]?\.?[0-9]",
    re.IGNORECASE,
)
# Verbs and auxiliaries that make a parenthesis a sentence, not a name.
SENTENCE_WORDS = frozenset(
    "is are was were be been can could will would should may might must do does did has have "
    "had i we you he she they it".split()
)
_CAPITALS = re.compile("[A-Z]{2,}")
_TITLE_CASE = re.compile(r"[A-Z][a-z]*(?:[ \-][A-Z][a-z]*)+")  # (every word capitalised: At Most Once)
MAX_WORDS = 8
MAX_ALTERNATIVES = 3


@dataclass(frozen=True)
class Form(Picklable):
    """One English form, with its offsets in the text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class EnglishGloss(Picklable):
    forms: tuple[Form, ...]
    abbr: Form | None = None
    listed: bool = False  # the one form is a list of names the Chinese before may coordinate (see parse)


def _slashed_words(text: str) -> bool:
    """Whether a slash in the text joins two English words of a name of more words (read/write lock), not a path's
    parts (src/main) nor function words (and/or)."""
    m = _WORDS_SLASHED.fullmatch(text)
    return (
        m is not None
        and " " in text
        and all(in_english_vocabulary(w.lower()) and w.lower() not in STOP_WORDS for w in (m["a"], m["b"]))
    )


def looks_like_term(text: str) -> bool:
    """An English name: Latin words, no code, no sentence, not a lone function word or a number."""
    if not _FORM.match(text) or _CODE.search(text) or CJK_RE.search(text):
        return False
    if (_LOOSE_SLASH.search(text) and not _slashed_words(text)) or _LOOSE_PLUS.search(text):
        return False
    words = text.split()
    if not 1 <= len(words) <= MAX_WORDS or sum(c.isalpha() for c in text) < 2:
        return False
    if 2 * sum(len(w) == 1 and w.isalpha() for w in words) > len(words):
        return False  # mostly letters standing alone: a formula's variables (O(n log n)), not words (t test)
    # (an English that is one word in capitals is an acronym, not the function word it spells: ETC, electron
    # transport chain; OR, operations research; IT, AS; not THIS BUTTON, nor the IN of an IN clause)
    acronym = len(words) == 1 and _CAPITALS.fullmatch(words[0].strip(".,'’")) is not None
    lowered = [w.strip(".,'’") if acronym else w.lower().strip(".,'’") for w in words]
    if all(w in _NOT_TERMS for w in lowered):
        return False
    if len(words) >= 3 and any(w in SENTENCE_WORDS and not _numeral_i(lowered, k) for k, w in enumerate(lowered)):
        return False  # a sentence; but the I of type I error, Phase I trial is a numeral
    named = len(words) >= 3 and _TITLE_CASE.fullmatch(text) is not None  # (At Most Once; not By Default, In Order)
    if (lowered[0] in STOP_WORDS and not named) or lowered[-1] in STOP_WORDS:
        return False  # "with human preferences", "data of": a fragment, not a name (but At Most Once is one)
    if _NUMBERED.match(text):
        return False  # a reference to a numbered part of the document: (Algorithm 1), (Table 2)
    # File names and dotted identifiers (model.py, nn.Linear) are code.
    return not re.search(r"[a-z]\.[A-Za-z]", text) or re.fullmatch(r"(?:[a-z]\.)+[a-z]?\.?(?:\s.*)?", text) is not None


# Nouns a Roman numeral follows (type I error, phase I trial).
_NUMBERED_NOUNS = frozenset("type phase class stage level grade category part step".split())


def _numeral_i(words: list[str], k: int) -> bool:
    """Whether the word at ``k`` is the numeral I: after a numbering noun, or last (now I understand is no name)."""
    return words[k] == "i" and k > 0 and (words[k - 1] in _NUMBERED_NOUNS or k == len(words) - 1)


_PLURAL_ACRONYM = re.compile(r"([A-Z][A-Z0-9\-]*[A-Z0-9])s")


def singular_acronym(abbr: str) -> str:
    """An acronym as one of its kind is written: LLMs and CNNs are what LLM and CNN name (a lookup of the
    singular, the form people type, finds the pair)."""
    plural = _PLURAL_ACRONYM.fullmatch(abbr)
    return plural.group(1) if plural else abbr


def abbreviates(abbr: str, english: str) -> bool:
    """Whether an acronym's capitals are the initials of the expansion's words, in order (IF: Instruction
    Following; RLHF: Reinforcement Learning from Human Feedback)."""
    capitals, initials = _capitals(abbr), _initials(english)
    if len(capitals) < 2 or len(initials) < 2:
        return False
    remaining = iter(initials)
    if all(capital in remaining for capital in capitals):  # a subsequence, matched greedily
        return True
    # ... or with an acronym among the words giving all its letters, RLAIF: reinforcement learning from AI
    # feedback (not some of them, DP of DDP training; nor where the English writes the abbreviation itself,
    # R-CNN of Faster R-CNN)
    if not _reads_acronyms(abbr, english):
        return False
    at = 0
    for word in english_words(english):
        if _CAPITALS_ONLY.fullmatch(word) and capitals.startswith(word.lower(), at):
            at += len(word)
        elif at < len(capitals) and word[0].lower() == capitals[at]:
            at += 1
    return at == len(capitals)


def spells_out(abbr: str, english: str) -> bool:
    """Whether the acronym's capitals are exactly the initials of the English's content words: RLHF and
    "Reinforcement Learning from Human Feedback", not AI and "independently and identically distributed"
    (which :func:`abbreviates`, reading a definition that pairs them already, would accept)."""
    capitals = _capitals(abbr)
    if len(capitals) < 2:
        return False
    plain = _initials(english, skip=STOP_WORDS)
    return capitals == plain or (
        _reads_acronyms(abbr, english) and capitals == _initials(english, skip=STOP_WORDS, acronyms=True)
    )


def shortens(short: str, english: str) -> bool:
    """Whether a lower-case short form is cut from the words of a longer English name, taking letters from two
    of its words or more and its first letter from the start of a word: rwnd "receive window", ssthresh "slow
    start threshold", lr "learning rate", i.i.d. "independent and identically distributed". The letters are
    matched from the right, as Schwartz and Hearst's abbreviation finder does. A word (drop) is no such form."""
    letters = short.replace(".", "").lower()
    words = english_words(english.lower())
    if not letters.isalpha() or len(words) < 2 or " " in short.strip():
        return False
    if len(letters) > 2 and not short.isupper() and in_english_vocabulary(letters):
        # (a word, drop; not one in capitals, an acronym, TSO; two-letter entries are mostly abbreviations)
        return False
    if any(len(w) >= 4 and w in letters for w in words):
        return False  # the words run together (feedforward, multihead): another way to write the name
    flat = [(i, c, k == 0) for i, w in enumerate(words) for k, c in enumerate(w)]
    if len(letters) >= len(flat):
        return False
    touched, position = set(), len(flat)
    for index in range(len(letters) - 1, -1, -1):
        position -= 1
        while position >= 0 and (flat[position][1] != letters[index] or (index == 0 and not flat[position][2])):
            position -= 1
        if position < 0:
            return False
        touched.add(flat[position][0])
    return len(touched) >= 2


def _capitals(abbr: str) -> str:
    return "".join(c for c in abbr if c.isupper()).lower()


def _initials(english: str, skip: frozenset[str] = frozenset(), *, acronyms: bool = False) -> str:
    """First letters of the words (hyphenated parts count as words), lowercased; ``skip`` words left out. With
    ``acronyms``, an acronym among the words gives all its letters (AI of reinforcement learning from AI
    feedback)."""
    words = (w for w in english_words(english) if w.lower() not in skip)
    return "".join(w.lower() if acronyms and _CAPITALS_ONLY.fullmatch(w) else w[0].lower() for w in words)


_CAPITALS_ONLY = re.compile("[A-Z]{2,5}")


def _reads_acronyms(abbr: str, english: str) -> bool:
    """Whether an acronym among the English's words gives all its letters: not in an English all in capitals
    (LARGE LANGUAGE MODEL, where every short word looks like one), nor where it writes the abbreviation itself
    (R-CNN of Faster R-CNN; DP is no word of DDP)."""
    written = re.search(f"(?<![A-Za-z0-9]){re.escape(abbr)}(?![A-Za-z0-9])", english)
    return not english.isupper() and written is None


_WORD_BREAK = re.compile(r"[\s\-]+")


def english_words(english: str) -> list[str]:
    """The words of an English text, its hyphenated parts apart (look-ahead: look, ahead)."""
    return [word for word in _WORD_BREAK.split(english) if word]


_WRAPPING = "*\"'“”‘’「」『』"


def own_words(names: list[str]) -> list[str]:
    """Each name's words that no other name has (batch, layer of batch normalization, layer normalization), ""
    for a name without any."""
    keys = [[en_key(word) for word in name.split()] for name in names]
    return [
        " ".join(word for word in words if not any(word in other for other in keys[:i] + keys[i + 1 :]))
        for i, words in enumerate(keys)
    ]


def parse(content: str, offset: int, *, members: int = 1) -> EnglishGloss | None:
    """Parse the content of a gloss (text inside the brackets, starting at ``offset`` in the document), where the
    Chinese before it coordinates ``members`` terms.

    Returns None when it is not a translation.
    """
    # Emphasis or quotes around the English, (*convolutional neural network*), (“hallucination”), are not part of it.
    stripped = content.strip().strip(_WRAPPING).strip()
    lead = content.index(stripped) if stripped else 0
    label = _LABEL.match(stripped)
    if label:
        lead += label.end()
        stripped = stripped[label.end() :]
    if not re.match(f"[{LATIN_CHAR}]", stripped) and not _DIGIT_LED_NAME.match(stripped):
        return None  # no English (numbers, 256KB, 5-shot); 3D reconstruction and 1x1 convolution are names
    if _REMARK.match(stripped):
        return None  # (see Bishop, Chapter 9), (e.g., 1.0), (typically chosen by cross-validation)
    forms: list[Form] = []
    abbr: Form | None = None
    position = offset + lead
    # A serial list (input, forget and output gates) is one coordination, not alternative names
    serial = _SERIAL_LIST.fullmatch(stripped) is not None
    # ... and so is a list of as many names as the Chinese coordinates (一致性、可用性和分区容错性（Consistency,
    # Availability, Partition tolerance）), where it would be alternatives otherwise (loss function, cost function):
    # names each with a word of its own (not a name and its abbreviation, Least Recently Used，LRU after
    # 随机替换以及最近最少使用). Names that share words may yet be two of one thing (loss function, cost function after
    # 训练和推理的损失函数): the span chosen decides (see own_words).
    listed = _COMMAS.split(stripped) if members > 1 and not serial else []
    listing = (
        len(listed) == members
        and all(map(looks_like_term, listed))
        and all(own_words(listed))
        and not any(p != q and (abbreviates(p, q) or shortens(p, q)) for p in listed for q in listed)
    )
    pieces = [("", stripped, 0)] if serial or listing else _pieces(stripped)
    if len(pieces) > MAX_ALTERNATIVES or sum(separator == "、" for separator, _, _ in pieces) >= 2:
        return None  # a list (xmin,xmax,ymin,ymax), examples (BPE、WordPiece、Unigram), not alternative names
    for _separator, text, start in pieces:
        start += position + len(text) - len(text.lstrip(_WRAPPING))  # emphasis on one piece: (*CNN*)
        text = text.strip(_WRAPPING)
        if article := _ARTICLE.match(text):
            start, text = start + article.end(), text[article.end() :]  # the deadly triad
        if CJK_RE.search(text):
            inner = _LABEL.match(text)
            named = _ABBREVIATED_NAME.fullmatch(text)
            if inner and not CJK_RE.search(text[inner.end() :]):
                text, start = text[inner.end() :], start + inner.end()  # 简称RNN
            elif not re.search(r"[A-Za-z0-9]", text) or (forms and CJK_RE.match(text)):
                # an alternative Chinese name or an explanation: (label，或目标), (dendrites，输入终端); after the
                # English, a remark in Chinese, whatever it holds: (memory，见第 3 章), (granum，复数为 grana)
                continue
            elif named and forms and abbreviates(named["abbr"], forms[-1].text):
                # The Chinese name written with the abbreviation of the English before it: (expectation
                # maximization algorithm，EM算法). (thread block，CUDA中) is a remark.
                if abbr is None:
                    abbr = Form(named["abbr"], start, start + len(named["abbr"]))
                continue
            else:
                return None  # a sentence mixing both: (MMLU约为85), (NVIDIA称之为warps)
        if abbr is None:
            abbr, text, start = abbreviation_beside(text, start)
        if not (all(map(looks_like_term, _SERIAL_ITEM.split(text))) if serial or listing else looks_like_term(text)):
            if not forms and abbr is None:
                return None
            continue
        form = Form(text, start, start + len(text))
        if forms and abbr is None and (is_abbreviation(text) or shortens(text, forms[-1].text)):
            abbr = form  # recurrent neural network，RNN; receive window, rwnd
            continue
        forms.append(form)
    if len(forms) > 1 and abbr is None and is_abbreviation(forms[0].text) and abbreviates(forms[0].text, forms[1].text):
        abbr = forms.pop(0)  # the abbreviation first: TAA，Temporal Anti-Aliasing
    if not forms:
        return None
    return EnglishGloss(tuple(forms), abbr, listing)


def abbreviation_beside(text: str, start: int) -> tuple[Form | None, str, int]:
    """An abbreviation and the words it stands for side by side, as speech and subtitles give them (RTT round-trip
    time, round-trip time RTT): the abbreviation, the words and where they start (``text`` starting at
    ``start``); else None and the text as it is."""
    beside = _ABBREVIATION_BESIDE.fullmatch(text)
    if beside is None:
        return None, text, start
    letters, words = (beside["before"], "words") if beside["before"] else (beside["after"], "first")
    if not spells_out(letters, beside[words]):
        return None, text, start
    at = start + beside.start("before" if beside["before"] else "after")
    return Form(letters, at, at + len(letters)), beside[words], start + beside.start(words)


def _one_name(before: str, after: str) -> bool:
    """Whether a slash joins a word to the first of several words after it, all one name (read/write lock), where
    ``before`` runs from the last separator to the slash and ``after`` from the slash on."""
    return " " not in before.strip() and len(_SPLIT.split(after, maxsplit=1)[0].split()) > 1


def _pieces(content: str) -> list[tuple[str, str, int]]:
    """Split on the alternative separators: (separator before, piece, offset of the piece within ``content``)."""
    pieces = []
    start = 0
    separator = ""
    for match in _SPLIT.finditer(content):
        if match.group() == "/" and _NAME_WITH_SLASH.search(content, start, match.end() + 1):
            continue  # A/B testing, CI/CD pipeline, I/O: one name, not alternatives
        if match.group() == "/" and _one_name(content[start : match.start()], content[match.end() :]):
            continue  # read/write lock, key/value cache: one name (label/target, forward propagation/forward pass: two)
        pieces.append((separator, content[start : match.start()], start))
        separator = match.group().strip()
        start = match.end()
    pieces.append((separator, content[start:], start))
    return [(sep, text.strip(), at + (len(text) - len(text.lstrip()))) for sep, text, at in pieces if text.strip()]
