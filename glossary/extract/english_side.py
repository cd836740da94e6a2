"""The English side of a gloss, as the boundary scorer weighs it: its content words and their stems, the Chinese
characters its prefixes and morphemes are translated with, and how much Chinese it predicts.

A translator reads "hyperparameter" as 超 + 参数, "overfitting" as 过 + 拟合, "DenseNet" as dense + net, "LLM" as
three words; CC-CEDICT lists words, not affixes, so those readings live here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from ..lexicon import STOP_WORDS, in_english_vocabulary, of_english_vocabulary, stem
from ..normalize import is_abbreviation
from .english import DIGIT_ACRONYM


def _table(pairs: str) -> dict[str, frozenset[str]]:
    return {english: frozenset(chinese) for english, chinese in (item.split(":") for item in pairs.split())}


# English prefixes and the Chinese morphemes that translate them, as a translator would know them
# (超参数 hyperparameter, 过拟合 overfitting, 自回归 autoregressive). CC-CEDICT lists words, not affixes.
# The prefixes that begin many words which are no prefix and a word (recurrent, instruction: see _LOOSE_PREFIXES)
# count only in words that are not words of their own (去噪 denoising, 重参数化 reparameterization, 不可约
# irreducible).
PREFIXES = _table(
    "non:非无不 un:无不未非 self:自 auto:自 multi:多 poly:多 bi:双二 semi:半 sub:子次亚 pre:预前 post:后 "
    "inter:间互 intra:内 over:过超 under:欠下 hyper:超 super:超 ultra:超 anti:反抗 counter:反逆 uni:单一 "
    "mono:单 tri:三 up:上 down:下 cross:交互跨 mini:小微 micro:微 quasi:拟准 pseudo:伪 in:不非 im:不非 ir:不非 "
    "de:去解反 re:重再 co:协共 equi:等 homo:同 hetero:异 "
    # the combining forms of the sciences, which CC-CEDICT lists as words of their own (生物 "biology")
    "bio:生 geo:地 neuro:神 electro:电 thermo:热 photo:光 hydro:水"
)
# ... of which these begin many words that are no prefix and a word (recurrent, concatenate, index, equilibrium).
_LOOSE_PREFIXES = frozenset("de re co in im ir equi".split())
# Words that are prefixes only before a hyphen (in-context 内, on-policy 同策略, off-policy 异策略, per-group 逐组,
# no-cloning 不可克隆, one-shot 单样本, two-tower 双塔).
HYPHEN_PREFIXES = {**PREFIXES, **_table("in:内入 out:外出 on:同在 off:异离 per:逐每 no:不无非没 one:单一独 two:双二两")}
# Whole English words that are such morphemes in compounds, where CC-CEDICT has only other senses of the
# character (全 "all, whole", not "fully").
MORPHEMES = _table(
    "full:全 fully:全 all:全 main:主 principal:主 primary:主 max:最 maximum:最 min:最 minimum:最 deep:深 "
    "hidden:隐 latent:隐 total:总全 global:全 local:局 joint:联 forward:前正 backward:后反 reverse:反逆 "
    "net:网 twin:双 dual:双对 mixture:混 back:反后 free:无免 wise:逐按 per:每逐"
)


# English suffixes and the Chinese morphemes that translate them (无连接 connectionless, 有状态 stateful, 可学习
# learnable, 可解释性 explainability, 交互式 interactive, 最短 shortest, 最左 leftmost), on a word whose base is a
# word of its own (not native, not forest's "for" + est; any base of four letters before -able, serializ-able
# 可串行化). Such a morpheme only ever earns a character the span holds.
SUFFIXES = _table("less:无 ful:有 able:可 ible:可 ability:可 ibility:可 ive:式 est:最 most:最 er:更")
_ANY_BASE = ("able", "ible", "ability", "ibility")


_MORPHEME_SETS = tuple({*PREFIXES.values(), *HYPHEN_PREFIXES.values(), *MORPHEMES.values()})


def same_morpheme(a: str, b: str) -> bool:
    """Whether two characters may translate the same affix or morpheme (不 and 非 non-), not two of one word's
    (不 non- and 重 re- of non-repeatable)."""
    return a == b or any(a in chars and b in chars for chars in _MORPHEME_SETS)


def _suffixed(word: str) -> tuple[str, frozenset[str]] | None:
    """(base, the Chinese morphemes that translate the suffix) of a word made of a word and a suffix."""
    for suffix, chars in SUFFIXES.items():
        if not word.endswith(suffix) or len(word) < len(suffix) + 3:
            continue
        base = word[: -len(suffix)]
        if suffix in _ANY_BASE and len(base) >= 4:
            return base, chars
        doubled = base[:-1] if base[-1] == base[-2] else ""  # big-g-est
        y = base[:-1] + "y" if base.endswith("i") else ""  # earli-est
        for candidate in (base, base + "e", doubled, y):
            if candidate and in_english_vocabulary(candidate):
                return candidate, chars
    return None


def _prefixed(word: str) -> tuple[str, frozenset[str]] | None:
    """(prefix, the Chinese morphemes that translate it) of a word that is a prefix and four letters or more; the
    longest prefix that fits (uni-gram, not un-igram)."""
    fits = [prefix for prefix in PREFIXES if word.startswith(prefix) and len(word) >= len(prefix) + 4]
    prefix = max(fits, key=len, default=None)
    return (prefix, PREFIXES[prefix]) if prefix else None


# The loose prefixes that negate an adjective after them (insecure, immutable, irreversible) ...
_NEGATING = frozenset("in im ir".split())
# ... known by the endings adjectives have (secure, mutable, complete, valid, perfect, consistent, active): not
# information (formation), impact (pact), insight, inline, inbound, install, import, which only begin like one
_ADJECTIVE = re.compile(r"(?:able|ible|ure|ete|id|ect|act|ive|ite|ate|ic|ous|al|ar|ent|ant|ile)$")


def _negated(word: str, prefix: str) -> str:
    """The stem of the adjective a negating prefix negates (secure of insecure), or ""."""
    rest = word[len(prefix) :]
    negates = prefix in _NEGATING and len(rest) >= 5 and _ADJECTIVE.search(rest) and in_english_vocabulary(rest)
    return stem(rest) if negates else ""


def _prefix_chars(word: str) -> frozenset[str]:
    prefixed = _prefixed(word)
    return prefixed[1] if prefixed else frozenset()


_VOWEL = re.compile("[aeiouy]")
# Words of two letters that open compounds: prefixes and particles (bi + gram, up + load; door is no do + or)
_TWO_LETTER_HEADS = frozenset(prefix for prefix in PREFIXES if len(prefix) == 2) | frozenset("up on by at to".split())


def _compound(word: str) -> tuple[str, str] | None:
    """Two dictionary words written as one (warm+up, back+propagation); each with a vowel, as English words have
    (young is no you + ng, which CC-CEDICT lists), and one of two letters only a particle or prefix first."""
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if not (_VOWEL.search(head) and _VOWEL.search(tail)) or (cut == 2 and head not in _TWO_LETTER_HEADS):
            continue
        if in_english_vocabulary(head) and in_english_vocabulary(tail):
            return head, tail
    return None


# Compared by identity: one instance per English text (of() is cached), and it keys the scorer's caches, where
# hashing its fields on every call cost more than the lookups it saves.
@dataclass(frozen=True, eq=False)
class EnglishSide:
    """What the boundary scorer needs to know about the English: what each content word can be matched by
    (stems, and Chinese characters its prefix is usually translated with), and how much Chinese it predicts."""

    words: float  # size in content words, a name counting by its length
    vocabulary: tuple[tuple[frozenset[str], frozenset[str]], ...]  # per content word: (stems, prefix characters)
    parts: tuple[str, ...] = ()  # the stem of every content word and hyphenated part, repeats included
    said: frozenset[str] = frozenset()  # every word as written, lowercased, stop words included (on, in)
    wholes: tuple[str, ...] = ()  # per content word: a stem only the whole word has (backbone), or ""
    suffixes: tuple[frozenset[str], ...] = ()  # per content word: characters that say only its suffix (式, 最)
    acronym: bool = False  # letters only (OOV): its words are unknown
    names: bool = True  # it may name a person or place: a capital, or a word no dictionary uses (kruskal's)
    # the pinyin initials a transliteration of one of its names may open with (Chebyshev: 切 qie, Jacobi: 雅 ya)
    name_sounds: frozenset[str] = frozenset()
    name_words: int = 0  # words that are parts of a name: capitalised ones and particles (von Neumann: two)
    # the names a transliteration may sound out: each capitalised name word, and each run of them with its particles
    # (Dirichlet; Monte Carlo as montecarlo, de Bruijn as debruijn)
    spelled_names: tuple[str, ...] = ()
    # where the English may be a person's name, capitalised words only, its surname (Carl Friedrich Gauss: gauss)
    surname: str = ""
    # the stems of each coordinated member's content words (sequence-to-sequence models | Transformers)
    member_parts: tuple[tuple[str, ...], ...] = ()

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset().union(*(s for s, _ in self.vocabulary))

    @cached_property
    def prefix_chars(self) -> frozenset[str]:
        return frozenset().union(*(c for _, c in self.vocabulary))

    def latin_size(self, word: str) -> float:
        """How many English words a Latin word the Chinese writes stands for: an acronym the English writes too,
        as many as the English counts it as (CAP定理 "CAP theorem"); any other, one."""
        return _acronym_size(word) if is_abbreviation(word) and word.lower() in self.said else 1

    def covered(self, stems: frozenset[str], chars: frozenset[str]) -> int:
        """How many of the content words the given stems or leading characters account for; a suffix's character
        leaves the word's base to account for (抢占式 "preemptive": 式 says -ive, not preempt)."""
        return sum(
            1 for (s, c), only in zip(self.vocabulary, self.suffixes, strict=True) if s & stems or (c - only) & chars
        )

    @classmethod
    @cache
    def of(cls, english: str) -> EnglishSide:
        english = spaced_words(english)
        if is_abbreviation(english) and not _WORD_PART.search(english):  # (NP-complete: NP and a word)
            # Each letter stands for a word the Chinese may translate: as many content words as letters (OOV:
            # 未|登录|词), none of which the dictionary can match.
            only = stem(english.lower())
            size = _acronym_size(english)
            word: tuple[frozenset[str], frozenset[str]] = (frozenset({only}), frozenset())
            words = (word,) * round(size)
            written = {only}
            if number := DIGIT_ACRONYM.fullmatch(english):
                # ... but a number it starts with, a word the Chinese writes in characters (2PC: 两阶段提交)
                digit = number.group(1)
                words = ((frozenset({digit}), frozenset(_CHINESE_DIGITS[int(digit)])), *words)
                size += 1
                written.add(digit)
            n = len(words)
            return cls(size, words, (only,), frozenset(written), (only,) * n, (frozenset(),) * n, acronym=True)
        # Acronyms among the words (twin delayed DDPG, dueling DQN): Chinese spells them out.
        acronyms = {w.lower(): _acronym_size(w) for w in _WORD.findall(english) if is_abbreviation(w)}
        size = 0.0
        vocabulary: list[tuple[frozenset[str], frozenset[str]]] = []
        wholes: list[str] = []
        suffixes: list[frozenset[str]] = []
        all_parts: list[str] = []
        capitalised = {
            w.lower()
            for w in _WORD.findall(re.sub(r"['’]s\b|['’]", "", english))
            if len(w) >= 4 and w[0].isupper() and w[1:].islower()
        }
        content = [w for w in _WORD.findall(english) if w.lower() not in STOP_WORDS]
        # A name of three letters (Mel of Mel-frequency, 梅尔), but not where every word has a capital (Title Case);
        # only for the transliteration rule, whose other gates keep a capital that only opens the gloss from harm
        short_names = {w.lower() for w in content if len(w) == 3 and w[0].isupper() and w[1:].islower()}
        if len(content) > 1 and all(w[0].isupper() for w in content):
            # Title Case is the gloss's style (Subsampling Layer): a capital marks a name only in a word that
            # is not a prefix and a word or two words (Hastings, not Subsampling).
            capitalised = {w for w in capitalised if _compound(w) is None and not _prefix_chars(w)}
            short_names = set()
        # Possessives and apostrophes are not part of a word: Bayes' theorem, Jensen's inequality.
        plain = re.sub(r"['’]s\b|['’]", "", english.lower())
        number = _LEADING_NUMBER.match(plain)
        if number:
            # 4-bit quantization: the number is a word of it, which the Chinese writes in digits or in characters
            # (4 比特量化, 四比特量化)
            digits = number.group(1)
            numerals = _CHINESE_DIGITS[int(digits)] if int(digits) < len(_CHINESE_DIGITS) else ""
            vocabulary.append((frozenset({digits}), frozenset(numerals)))
            suffixes.append(frozenset())
            wholes.append("")
            all_parts.append(digits)
            size += 0.5
        for token in _words_of(plain):
            hyphenated = token.split("-")
            parts = [p for p in hyphenated if p not in STOP_WORDS]
            if not parts:
                continue
            all_parts.extend(stem(p) for p in parts)
            stems = {stem(p) for p in parts}
            whole = stem("".join(parts))
            pieces = set(stems) if len(parts) > 1 else set()  # the stems of what the word is made of
            # An agent noun of a three-letter word keeps its -er in the stem (see lexicon.stem): mixer meets mix.
            stems |= {stem(p[:-2]) for p in parts if p.endswith("er") and len(p) == 5}
            # ... and a short word's -ed leaves its -e (used meets use, based base), which lexicon.stem keeps.
            stems |= {stem(p[:-1]) for p in parts if p.endswith("ed") and 4 <= len(p) <= 5}
            # A derived word meets its base in four letters where five part them: partially (parti) and
            # CC-CEDICT's part, causality (causa) and cause (caus), variational (varia) and vary (vari).
            # Not where the four letters are a prefix (overfitting: "over" is also CC-CEDICT's "talk over").
            stems |= {s[:4] for s in stems if len(s) == 5 and s[:4] not in HYPHEN_PREFIXES}
            # ... and a base's -y, which became -i before the suffix: readiness meets ready, emptiness empty.
            stems |= {base + "y" for p in parts if (base := _y_base(p))}
            # ... and the word a -mentation is made from, whose -ment the stem takes off too: fermentation meets
            # ferment (fer), as CC-CEDICT's 发酵 "to ferment" says it
            stems |= {stem(p.removesuffix("s")[:-5]) for p in parts if p.removesuffix("s").endswith("mentation")}
            chars: set[str] = set()
            suffix_chars: set[str] = set()
            if len(parts) > 1:
                stems.add(whole)  # de-duplication meets "deduplicate"
            if len(hyphenated) > 1:
                chars |= HYPHEN_PREFIXES.get(hyphenated[0], frozenset())
                if hyphenated[0] in STOP_WORDS and hyphenated[0] in HYPHEN_PREFIXES:
                    size += 0.5  # on-policy, in-context: a one-character morpheme (同策略)
            for raw in parts:
                chars |= MORPHEMES.get(raw, frozenset()) | PREFIXES.get(raw, frozenset())
                if suffixed := _suffixed(raw):
                    suffix_chars |= suffixed[1]
                    stems.add(stem(suffixed[0]))  # (earliest says early: 最早)
                    pieces.add(stem(suffixed[0]))
                if _MADE_INTO.search(raw):
                    size += 0.25  # tokenization 词元化, minimization 最小化: -ize is a character of its own (化)
                if raw in acronyms:
                    size += acronyms[raw]
                elif len(hyphenated) > 1 and raw == hyphenated[0] and raw in HYPHEN_PREFIXES:
                    size += 0.5  # a prefix written apart is one character of the Chinese (semi-join 半连接)
                elif _english_word(raw):
                    # a word of its own (prediction), or one inflected (aliasing, caching, parameters: not alias +
                    # ing, ca + ching, para + meters), not a prefix and a word (pre + diction) ...
                    size += 1
                    # ... whose first part a dictionary word may say, where it is two words written as one, as the
                    # Chinese word before the head says it (lifetime: 生命 "life" of 生命周期, bitmap: 位 "bit" of 位图;
                    # not the back of fallback, which 支持 "to back" only seems to say)
                    if compound := _compound(raw):
                        stems.add(stem(compound[0]))
                    # ... though Chinese often calques the prefix all the same (预测); not a loose one, which a word
                    # of its own only seems to have (instruction, retrieval: 不是|指令微调, 再次|检索), unless it
                    # negates a word: 不|安全 "insecure", 不可|变 "immutable"
                    if (prefixed := _prefixed(raw)) and prefixed[0] not in _LOOSE_PREFIXES:
                        chars |= prefixed[1]
                    elif prefixed and (negated := _negated(raw, prefixed[0])):
                        chars |= prefixed[1]
                        stems.add(negated)
                        pieces.add(negated)
                elif raw in capitalised:
                    size += max(1.0, len(raw) / 4)  # a name (Lipschitz): about one character per two letters
                else:
                    # Two words written as one (warmup, backpropagation), or a prefix that is a morpheme of its own
                    # (hyperparameter 超参数, overfitting 过拟合): either reading, or both (bigram: big + ram, and
                    # bi + gram 二元语法).
                    # Where both readings cut at the same place (over + fitting), the first part is the prefix:
                    # a morpheme (过), not the word "over" that CC-CEDICT's 讨论 "talk over" also says.
                    compound, prefixed = _compound(raw), _prefixed(raw)
                    # (concatenate is no co + ncatenate: a loose prefix says nothing of the word's size)
                    if compound:
                        size += 2
                    elif prefixed and prefixed[0] not in _LOOSE_PREFIXES:
                        size += 1.5  # the prefix's character and the word's two (预训练 pre-training, 预取 prefetch)
                    else:
                        size += 1
                    if compound and not (prefixed and compound[0] == prefixed[0]):
                        stems.update(stem(part) for part in compound)
                        pieces.update(stem(part) for part in compound)
                        # (a part the word's own stem is already, position of position + al, once: the English
                        # says 位置 once in positional encoding)
                        all_parts.extend(stem(part) for part in compound if stem(part) != stem(raw))
                        # back + propagation 反向传播, depth + wise 逐深度
                        chars |= MORPHEMES.get(compound[0], frozenset()) | MORPHEMES.get(compound[1], frozenset())
                    if prefixed:
                        chars |= prefixed[1]
                        stems.add(stem(raw[len(prefixed[0]) :]))
                        pieces.add(stem(raw[len(prefixed[0]) :]))
                        all_parts.append(stem(raw[len(prefixed[0]) :]))
            vocabulary.append((frozenset(stems), frozenset(chars | suffix_chars)))
            suffixes.append(frozenset(suffix_chars - chars))
            # Only a stem none of its pieces has says the whole word: "modelfree" cuts to the "model" of a piece. A
            # prefix that is a stop word is part of it (no-cloning: 克隆 says cloning, not the whole).
            whole = stem("".join(hyphenated)) if len(hyphenated) > len(parts) else whole
            wholes.append(whole if whole not in pieces else "")
        said = frozenset(_WORD.findall(plain)) | ({"and"} if "&" in plain else set())  # (Wide & Deep)
        # (a number word writes the digits the Chinese may write instead: three-sigma rule, 3σ准则)
        said |= {str(_NUMBER_WORDS.index(w)) for w in said if w in _NUMBER_WORDS}
        said |= {number.group(1)} if number else set()
        names = english != english.lower() or not all(_english_word(w.lower()) for w in content)
        # A transliteration opens with the English's first name: a capitalised word (Cauchy of Cauchy-Schwarz), not
        # an acronym (JSON)
        first_name = next((w for w in _WORD.findall(english) if w[0].isupper() and w[1:].islower()), "")
        sounds = _opening_sounds(first_name) if first_name.lower() in capitalised else frozenset()
        spelled: list[str] = []
        for run in _NAME_RUN.findall(re.sub(r"['’]s\b|['’]", "", english)):
            parts = [w.lower() for w in _WORD.findall(run)]
            spelled += [p for p in parts if p in capitalised or p in short_names]
            if len(parts) > 1 and all(p in capitalised or p in _NAME_PARTICLES for p in parts):
                spelled.append("".join(parts))
        if len(content) == 1 and english.islower() and len(english) >= 6 and not of_english_vocabulary(english):
            # a lone word in lower case that no dictionary definition uses: a drug's or a chemical's name, which the
            # Chinese sounds out too (salmeterol 沙美特罗)
            spelled.append(english)
        return cls(
            max(1.0, size),
            tuple(vocabulary),
            tuple(all_parts),
            said,
            tuple(wholes),
            tuple(suffixes),
            names=names,
            name_sounds=sounds,
            spelled_names=tuple(dict.fromkeys(spelled)),
            surname=_surname(english),
            name_words=sum(
                1 for w in _WORD.findall(english) if (w[0].isupper() and w[1:].islower()) or w in _NAME_PARTICLES
            ),
            member_parts=tuple(
                tuple(stem(p) for token in _words_of(member) for p in token.split("-") if p and p not in STOP_WORDS)
                for member in _MEMBERS.split(plain)
            ),
        )


# What separates the members of a coordination (intrinsic hallucination and extrinsic hallucination)
_MEMBERS = re.compile(r"\s*(?:[,，;；&]|\band\b)\s*")


# A word joined by a hyphen: an abbreviation with it (NP-complete, PPO-clip, U-Net) is a name of two parts.
_WORD_PART = re.compile(r"(?:^|-)[A-Za-z][a-z]{2,}(?:-|$)")


def _surname(english: str) -> str:
    """The surname of an English that may be a person's name, its particles with it: one to four capitalised
    words (Geoffrey Hinton: hinton, Guido van Rossum: vanrossum); "" for any other."""
    words = _WORD.findall(english)
    names = [w for w in words if w not in _NAME_PARTICLES]
    if not names or len(words) > 4 or not all(w[0].isupper() and w[1:].islower() for w in names):
        return ""
    first = len(words) - 1
    while first > 0 and words[first - 1] in _NAME_PARTICLES:
        first -= 1
    return "".join(words[first:]).lower()


# Lower-case particles of European names (von Neumann, de Casteljau, van der Waals)
_NAME_PARTICLES = frozenset("von van de der den da di du del della le la ten ter".split())
# Runs of capitalised words and particles, which a transliteration may sound out as one (Monte Carlo 蒙特卡洛)
_NAME_RUN = re.compile(rf"(?:\b(?:[A-Z][^\W\d_]+|{'|'.join(sorted(_NAME_PARTICLES))})\b[\s-]*)+")
# Words of Latin letters, diacritics included (Fréchet, Erdős), and hyphenated runs of them.
_WORD = re.compile(r"[^\W\d_]+")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A number that opens an English name, joined to its word (4-bit quantization, 2-stage training), and the Chinese
# numerals of the small ones
_LEADING_NUMBER = re.compile(r"([0-9]+)[-–]\w")
_CHINESE_DIGITS = ("零", "一", "二两双", "三", "四", "五", "六", "七", "八", "九", "十")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# -ize and -ization, which Chinese says with a character of its own (化).
_MADE_INTO = re.compile(r"...(?:is|iz)(?:ations?|e[sd]?|ing)$")
# A name written as English words run together, each capitalised (DenseNet, PageRank, WordPiece).
CAMEL_WORD = re.compile(r"\b(?:[A-Z][a-z]{2,}){2,}\b")


def says_number(char: str, digits: str) -> bool:
    """Whether a Chinese character says this number (二, 两 or 双 for 2; 一, 单 or 独 for 1)."""
    n = int(digits)
    if n >= len(_NUMBER_WORDS):
        return False
    return char in _CHINESE_DIGITS[n] or char in HYPHEN_PREFIXES.get(_NUMBER_WORDS[n], frozenset())


def leading_number(english: str) -> str:
    """The number an English name starts with, in digits, as the Chinese may write it: 4 of 4-bit quantization
    (4 比特量化), 3 of three-sigma rule (3σ准则); else ""."""
    first = re.match(r"[0-9]+|[A-Za-z]+", english)
    if first is None or first.group().isdigit():
        return first.group() if first else ""
    word = first.group().lower()
    return str(_NUMBER_WORDS.index(word)) if word in _NUMBER_WORDS else ""


def spaced_words(text: str) -> str:
    """DenseNet -> Dense Net, PagedAttention -> Paged Attention where every part is an English word, inflected or
    not: Chinese translates the words (稠密连接网络, 分页注意力). Other names (GoogLeNet, AlexNet) stay one word."""
    return CAMEL_WORD.sub(_spaced_words, text)


def _spaced_words(match: re.Match[str]) -> str:
    parts = re.findall(r"[A-Z][a-z]+", match.group())
    return " ".join(parts) if all(_english_word(p.lower()) for p in parts) else match.group()


def _words_of(plain: str) -> list[str]:
    """The English's words, hyphenated ones whole (pre-training, image-text, which Chinese often says in one word:
    图文), but a word and the participle, adverb or "aware" that relates it, two words the Chinese says each
    (latency-oriented 延迟导向, exactly-once 恰好一次, location-aware 位置感知)."""
    words = []
    for token in _HYPHENATED.findall(plain):
        parts = token.split("-")
        if (
            len(parts) == 2
            and all(map(_word_of_its_own, parts))
            and any(map(_english_word, parts))
            and any(part.endswith(("ed", "ly")) or part == "aware" for part in parts)
        ):
            words.extend(parts)
        else:
            words.append(token)
    return words


def _word_of_its_own(word: str) -> bool:
    return (
        len(word) >= 4
        and word not in STOP_WORDS
        and word not in HYPHEN_PREFIXES
        and word not in MORPHEMES
        and ((prefixed := _prefixed(word)) is None or prefixed[0] in _LOOSE_PREFIXES)  # (convolution: no co-)
    )


def _english_word(word: str) -> bool:
    """A word of the English vocabulary, or one inflected (paged, heads, embedding); not Alex, no ale + x."""
    bases = [word]
    if word.endswith("s"):
        bases += [word[:-1], word[:-2]]  # (heads, boxes)
    if word.endswith("ed"):
        bases += [word[:-1], word[:-2], word[:-3]]  # (paged, mapped)
    if word.endswith("ing"):
        bases += [word[:-3], word[:-3] + "e", word[:-4]]  # (running)
    return any(len(base) >= 3 and in_english_vocabulary(base) for base in bases)


# How transliterations open a name: its first letters and the pinyin initials that render them, "-" for none
# (Chebyshev 切比雪夫, Jacobi 雅可比, Riccati 里卡蒂, Langevin 朗之万, Pontryagin 庞特里亚金, Euler 欧拉, Ito 伊藤)
_NAME_OPENINGS = {
    "a": "-",
    "e": "-",
    "o": "-",
    "i": "- y",
    "u": "- w y",
    "ch": "q ch j k x",
    "sh": "x sh",
    "th": "s t",
    "ph": "f",
    "b": "b p",
    "c": "k c s x q",
    "d": "d t",
    "f": "f",
    "g": "g j k",
    "h": "h x",
    "j": "y j zh",
    "k": "k c g",
    "l": "l",
    "m": "m",
    "n": "n",
    "p": "p b",
    "q": "k",
    "r": "l r",
    "s": "s x sh z",
    "t": "t d",
    "v": "w f",
    "w": "w",
    "x": "k s x",
    "y": "y",
    "z": "z c j zh ch",
}


def _opening_sounds(name: str) -> frozenset[str]:
    """The pinyin initials a transliteration of this name may open with ("-": none, a vowel)."""
    name = name.lower()
    return frozenset((_NAME_OPENINGS.get(name[:2]) or _NAME_OPENINGS.get(name[:1], "")).split())


def _acronym_size(acronym: str) -> float:
    """An acronym stands for about as many words as it has capitals (LLM: large language model)."""
    return min(max(sum(c.isupper() for c in acronym), 1), 5)


_ADJECTIVE_ENDINGS = ("ous", "ive", "al", "ic", "able", "ible", "ful", "less", "ent", "ant", "ary", "wise", "ed")


def adjectival(english: str) -> bool:
    last = english.split()[-1].lower() if english.split() else ""
    return len(english.split()) <= 2 and last.endswith(_ADJECTIVE_ENDINGS)


def _y_base(word: str) -> str:
    """The base before -y of a word whose -y became -i before a suffix (readi|ness, happi|ly), without the y."""
    base = stem(word)
    return base[:-1] if base.endswith("i") and word[len(base) :] in ("ness", "ly", "er", "est", "ed", "es") else ""


def expected_chars(english: EnglishSide) -> float:
    # Technical Chinese spends about two characters per English content word.
    return 2.0 * english.words
