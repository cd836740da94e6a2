"""Lexical resources, each loaded once and only when first used: jieba's dictionary (segmentation, parts of
speech, general-language word frequencies)."""

from __future__ import annotations

import logging
from functools import cache


@cache
def jieba_tokenizer():
    """jieba's default tokenizer, initialised quietly (jieba prints to stderr by default)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


@cache
def _posseg():
    jieba_tokenizer()
    import jieba.posseg

    return jieba.posseg.dt


def jieba_pos(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) by jieba's dictionary, without its HMM guesses for unknown words."""
    return [(p.word, p.flag) for p in _posseg().lcut(text, HMM=False)]


def general_frequency(word: str) -> float | None:
    """Relative frequency of a dictionary word in jieba's general corpus, or None for words it does not list."""
    tokenizer = jieba_tokenizer()
    freq = tokenizer.FREQ.get(word)
    return freq / tokenizer.total if freq else None
