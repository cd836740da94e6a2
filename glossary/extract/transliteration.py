"""Whether Chinese characters sound out a European name: 狄里克雷 for Dirichlet, 里卡蒂 for Riccati.

A transliteration renders each syllable of the name with a character whose pinyin starts with a like consonant
(d 狄, r 里, ch 克, l 雷), and a consonant with no vowel after it with a character of its own (克 ke, 斯 si, 特 te).
jieba does not know rare ones and cuts them into dictionary words (狄|里克|雷: "Rick", "thunder") or lets a
localiser start them (里|卡蒂), so the boundary scorer asks this module instead of the dictionary.

The name is read as a sequence of sounds: consonants, and runs of vowels ("V"). Each character must match the next
consonant by its pinyin initial, after the vowels between them; it then takes the vowel after it, and a nasal its
final ends in (曼 man: m, a, n). A vowel-initial character (欧 ou, 尔 er, 恩 en) takes a vowel or a liquid or
nasal. One consonant inside the name may go unsaid, and a consonant or two at its end (Hoeffding: 霍夫丁 leaves g).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from ..normalize import CJK_RE, pinyin_syllables

# English consonants and the pinyin initials that render them ("-": a syllable with no initial)
_RENDERED = {
    "b": "b p",
    "k": "k g h j q",
    "s": "s x sh z c",
    "ch": "q ch k x j sh zh",
    "d": "d t",
    "f": "f",
    "g": "g j k h zh",
    "h": "h x",
    "j": "y j zh",
    "l": "l",
    "m": "m",
    "n": "n",
    "p": "p b",
    "r": "l r",
    "sh": "x sh s",
    "t": "t d",
    "th": "s t",
    "v": "w f",
    "w": "w h f",
    "x": "k s x",
    "z": "z c j zh ch s",
    "y": "y",
}
_INITIALS = {unit: frozenset(initials.split()) for unit, initials in _RENDERED.items()}
# What a syllable with no consonant initial renders besides a vowel (尔 er: r, l; 恩 en: n), and one pinyin writes
# with y or w (约 yue: j, y; 瓦 wa: v, w)
_VOWEL_RENDERS = {"-": frozenset("r l"), "y": frozenset("y j"), "w": frozenset("w v")}
_VOWELS = frozenset("aeiouy")
# Finals of the syllables that render a consonant alone (斯 si, 特 te, 布 bu, 尔 er)
_BARE_FINALS = frozenset("i e u er".split())
_SPELLINGS = (  # letters read as one sound, longest first
    ("sch", "sh"),
    ("tsch", "ch"),
    ("ch", "ch"),
    ("sh", "sh"),
    ("th", "th"),
    ("ph", "f"),
    ("ck", "k"),
    ("gh", "g"),
    ("qu", "k"),
    ("tz", "z"),
    ("ts", "z"),
    ("dt", "t"),
    ("x", "x"),
)


@cache
def sounds(name: str) -> tuple[str, ...]:
    """The sounds of a name, as consonants (their _RENDERED keys) and "V" for a run of vowels."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if "a" <= c <= "z")
    out: list[str] = []
    i = 0
    while i < len(letters):
        c = letters[i]
        if c in _VOWELS and not (c == "y" and i + 1 < len(letters) and letters[i + 1] in _VOWELS):
            if not out or out[-1] != "V":
                out.append("V")
            i += 1
            continue
        spelled = next(((n, s) for n, s in _SPELLINGS if letters.startswith(n, i)), None)
        if spelled:
            sound, i = spelled[1], i + len(spelled[0])
        else:
            nxt = letters[i + 1 : i + 2]
            sound = {"c": "s" if nxt in ("e", "i", "y") else "k", "q": "k"}.get(c, c)
            i += 2 if nxt == c else 1  # a doubled consonant is one sound (Riccati, Pollard)
        if sound in _INITIALS and (not out or out[-1] != sound):
            out.append(sound)
    return tuple(out)


@cache
def initial_and_final(char: str) -> tuple[str, str]:
    """(initial, final) of a character's toneless pinyin (zh, ang); the initial is "-" for none. Read once per
    character, not per candidate span."""
    syllable = pinyin_syllables(char, tones=False)[0]
    initial = next((i for i in ("zh", "ch", "sh") if syllable.startswith(i)), syllable[:1])
    if initial in "aeiouv":
        return "-", syllable
    return initial, syllable[len(initial) :]


def transliterates(chars: str, name: str) -> bool:
    """Whether these characters (two or more, all Chinese) sound out the whole name, from its start."""
    if len(chars) < 2 or not all(CJK_RE.match(c) for c in chars):
        return False
    return _said(tuple(initial_and_final(c) for c in chars), sounds(name), 0, 0, False) >= 2


_NONE = -1


@cache
def _said(syllables: tuple[tuple[str, str], ...], units: tuple[str, ...], i: int, j: int, skipped: bool) -> int:
    """How many of the name's sounds the syllables from i say by their initials, reading the name from its sound j;
    _NONE where they cannot all say it in order."""
    if i == len(syllables):
        left = units[j:]
        # (a final consonant or two unsaid, with no vowel after: Hoeffding 霍夫丁, Stanford 斯坦福)
        return 0 if "V" not in left and len(left) <= 2 else _NONE
    initial, final = syllables[i]
    vowel = initial in _VOWEL_RENDERS
    best = _NONE
    if vowel and j < len(units) and units[j] == "V":
        rest = _said(syllables, units, i + 1, _after(units, j + 1, final), skipped)  # 欧 of Euler
        best = rest + 1 if rest != _NONE else _NONE
    if vowel and j > 0 and units[j - 1] == "V" and syllables[i - 1][0] not in _VOWEL_RENDERS:
        # a diphthong's second vowel after a consonant's syllable: 诺依曼 Neumann (not 用伊辛 for Ising: 伊 says I)
        best = max(best, _said(syllables, units, i + 1, j, skipped))
    at = j + 1 if j < len(units) and units[j] == "V" and i > 0 else j  # (the previous final said that vowel)
    for k in (at, at + 1):  # this consonant, or the next one with this one unsaid (薛定谔: Schrödinger's r)
        if k >= len(units) or units[k] == "V" or (k > at and (skipped or i == 0 or units[at] == "V")):
            continue
        bare = k + 1 >= len(units) or units[k + 1] != "V"
        if bare and not vowel and final not in _BARE_FINALS:
            continue  # a consonant with no vowel after it takes a syllable of its own: 斯 si, 特 te, 布 bu
        if (
            initial in _INITIALS[units[k]]
            or (vowel and units[k] in _VOWEL_RENDERS[initial])
            or (initial == "-" and units[k] == "n" and final.endswith("n"))
        ):
            rest = _said(syllables, units, i + 1, _after(units, k + 1, final), skipped or k > at)
            if rest != _NONE:
                best = max(best, rest + 1)
    return best


def _after(units: tuple[str, ...], j: int, final: str) -> int:
    """Where the next syllable starts: past the vowel this one's final says, and past a nasal it ends in."""
    if j < len(units) and units[j] == "V":
        j += 1
    if (
        final.endswith(("n", "ng"))
        and j < len(units)
        and units[j] in ("n", "m")
        and (j + 1 >= len(units) or units[j + 1] != "V")
    ):
        j += 1  # 曼 man of Neyman; not the n of Kalman's -nV, which the next character says
    return j
