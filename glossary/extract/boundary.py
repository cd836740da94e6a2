"""Where the Chinese term starts."""

from __future__ import annotations

import logging
from functools import cache

FUNCTION_WORDS = frozenset(
    [
        "的",
        "了",
        "在",
        "是",
        "和",
        "与",
        "及",
        "或",
        "将",
        "把",
        "被",
        "对",
        "为",
        "由",
        "从",
        "以",
        "用",
        "使用",
        "称为",
        "叫做",
        "即",
        "也",
        "就",
        "都",
        "而",
        "这",
        "那",
        "一个",
        "我们",
        "通过",
        "进行",
        "例如",
        "比如",
        "介绍",
    ]
)


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def choose_start(window: str, en: str) -> int:
    """Offset in ``window`` where the term ending at its end starts: jieba words back to a function word,
    no more words than the English has."""
    words = list(_jieba().cut(window))
    budget = max(1, len(en.split()))
    start = len(window)
    for taken, word in enumerate(reversed(words)):
        if word in FUNCTION_WORDS or taken >= budget:
            break
        start -= len(word)
    return start
