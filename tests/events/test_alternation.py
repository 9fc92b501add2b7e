"""The prefix-tree regex of a word list matches what the flat, longest-first alternation does."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from service.events.actors import alternation

WORDS = st.lists(st.text(alphabet="abN. -", min_size=1, max_size=6), min_size=1, max_size=12)
TEXT = st.text(alphabet="abN. -x", max_size=40)


def flat(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@given(WORDS, TEXT)
def test_same_matches_as_the_flat_alternation(words, text):
    boundary = r"(?<![\w.]){}(?![\w-])"
    tree = re.compile(boundary.format(alternation(words)))
    plain = re.compile(boundary.format(flat(words)))
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_longest_word_wins():
    pattern = re.compile(alternation(["Niger", "Nigeria", "Nicaragua", "N"]))
    assert [m.group() for m in pattern.finditer("Nigeria, Niger, Nicaragua, Nx")] == [
        "Nigeria",
        "Niger",
        "Nicaragua",
        "N",
    ]
