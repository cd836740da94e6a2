"""SQL functions, defined once: the store, the Datasette plugin and the sqlite-utils plugin all register these.

    SELECT glossary_pinyin('后训练');                          -- hòu xùn liàn
    SELECT glossary_simplified('後訓練');                      -- 后训练
    SELECT glossary_en_key('Post-Trainings');                  -- posttraining
    SELECT glossary_similarity('pre-training', 'Pretraining'); -- 1.0

Each takes text and returns NULL for NULL. Registering is cheap: pypinyin, OpenCC and rapidfuzz are imported only
when a query first calls the function that needs them, so opening a glossary for a lookup does not pay for them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache

from .normalize import en_key, has_cjk, pinyin, to_simplified, zh_key


@cache
def _ratio() -> Callable[[str, str], float]:
    from rapidfuzz import fuzz

    return fuzz.ratio


def similarity_key(text: str) -> str:
    """What two terms are compared on: the key the glossary stores them under (Chinese or English)."""
    return zh_key(text) if has_cjk(text) else en_key(text)


def glossary_similarity(a: str | None, b: str | None) -> float | None:
    """How alike two terms are, 0..1 (rapidfuzz ratio of their keys): variants the glossary merges score 1."""
    if a is None or b is None:
        return None
    return round(_ratio()(similarity_key(str(a)), similarity_key(str(b))) / 100, 4)


def glossary_pinyin(text: str | None) -> str | None:
    """Pinyin with tone marks, one syllable per character: 后训练 -> 'hòu xùn liàn'."""
    return None if text is None else pinyin(str(text))


def glossary_simplified(text: str | None) -> str | None:
    """Traditional characters converted to simplified (OpenCC t2s); other text unchanged."""
    return None if text is None else to_simplified(str(text))


def glossary_en_key(text: str | None) -> str | None:
    """The key English forms are matched on: case, hyphens, spaces and a plural ending ignored."""
    return None if text is None else en_key(str(text))


FUNCTIONS: dict[str, Callable[..., str | float | None]] = {
    "glossary_similarity": glossary_similarity,
    "glossary_pinyin": glossary_pinyin,
    "glossary_simplified": glossary_simplified,
    "glossary_en_key": glossary_en_key,
}


def register(conn: sqlite3.Connection) -> None:
    """Make the glossary_* functions available on a connection (deterministic, so usable in indexes)."""
    for name, function in FUNCTIONS.items():
        n_args = function.__code__.co_argcount
        conn.create_function(name, n_args, function, deterministic=True)
