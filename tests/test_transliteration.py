"""Whether Chinese characters sound out a European name (glossary/extract/transliteration.py)."""

from __future__ import annotations

import pytest

from glossary.extract.transliteration import sounds, transliterates


@pytest.mark.parametrize(
    ("chars", "name"),
    [
        ("狄里克雷", "Dirichlet"),  # t unsaid at the end
        ("里卡蒂", "Riccati"),  # r as l, a doubled consonant as one
        ("内曼", "Neyman"),  # 曼 man says m, its vowel and the n
        ("切比雪夫", "Chebyshev"),
        ("雅可比", "Jacobi"),
        ("霍夫丁", "Hoeffding"),
        ("卡尔曼", "Kalman"),  # 尔 er says l
        ("欧拉", "Euler"),  # 欧 ou a vowel
        ("伊藤", "Ito"),
        ("利普希茨", "Lipschitz"),  # sch as one sound
        ("诺依曼", "Neumann"),  # a diphthong in two characters
        ("弗洛伊德", "Floyd"),  # a consonant alone: 弗 fu
        ("克鲁斯卡尔", "Kruskal"),
        ("闵可夫斯基", "Minkowski"),
        ("斯坦福", "Stanford"),  # rd unsaid
        ("蒙特卡洛", "montecarlo"),
        ("德布鲁因", "debruijn"),
        ("卡门", "Kármán"),  # diacritics read as their letters
    ],
)
def test_a_transliteration_sounds_out_the_name(chars, name):
    assert transliterates(chars, name)


@pytest.mark.parametrize(
    ("chars", "name"),
    [
        ("里克雷", "Dirichlet"),  # from the second syllable on
        ("里卡", "Riccati"),  # a syllable with its vowel left unsaid
        ("进行", "Gauss"),  # 行 xing with a vowel for the bare s
        ("这个", "Jacobi"),  # b and its vowel unsaid
        ("应用", "Euler"),
        ("使用", "Shannon"),
        ("求解", "Riccati"),
        ("用伊辛", "Ising"),  # 伊 yi says the I, not a diphthong's second vowel after 用 yong
        ("狄", "Dirichlet"),  # one character: opens_a_name's case
        ("里卡蒂", "R"),  # no name to sound out
        ("卡蒂 ", "Riccati"),  # only Chinese characters
    ],
)
def test_other_words_do_not_sound_out_the_name(chars, name):
    assert not transliterates(chars, name)


def test_a_name_is_read_as_consonants_and_vowel_runs():
    assert sounds("Dirichlet") == ("d", "V", "r", "V", "ch", "l", "V", "t")
    assert sounds("Riccati") == ("r", "V", "k", "V", "t", "V")  # cc before a is k
    assert sounds("Pearson") == ("p", "V", "r", "s", "V", "n")
    assert sounds("Cecil") == ("s", "V", "s", "V", "l")  # c before e, i is s
