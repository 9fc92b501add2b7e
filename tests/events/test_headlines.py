"""Headlines: at most 80 characters, present tense, never cut mid-word."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.events.headlines import LIMIT, Frame, fit, headline, present


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (
            Frame("meeting", ("Mishustin",), verb="met", objects=("Xi Jinping",), place="Beijing"),
            "Mishustin meets Xi Jinping in Beijing",
        ),
        (
            Frame(
                "meeting", ("Li Qiang", "Mikhail Mishustin"), noun="annual meeting", place="Beijing"
            ),
            "Li Qiang and Mikhail Mishustin hold annual meeting in Beijing",
        ),
        (
            Frame("visit", ("Mishustin",), noun="two-day visit", objects=("China",)),
            "Mishustin pays two-day visit to China",
        ),
        (
            Frame(
                "sanctions", ("EU",), verb="imposed", rest="a new round of sanctions against Moscow"
            ),
            "EU imposes new round of sanctions against Moscow",
        ),
        (
            Frame(
                "statement",
                ("Dmitry Chernyshenko",),
                verb="pointed out",
                rest="China is Russia’s largest source of tourists",
            ),
            "Dmitry Chernyshenko says China is Russia’s largest source of tourists",
        ),
        (
            Frame("agreement", ("China", "Russia"), noun="joint communique"),
            "China and Russia issue joint communique",
        ),
        (
            Frame(
                "membership",
                ("China", "Russia"),
                noun="full member",
                member="Iran",
                objects=("SCO",),
            ),
            "Iran joins SCO as full member",
        ),
        (
            Frame(
                "conflict", (), noun="war", objects=("Ukraine",), duration="for nearly two years"
            ),
            "War in Ukraine ongoing for nearly two years",
        ),
        (Frame("other", (), fallback="something happened"), "Something happened"),
    ],
)
def test_headline(frame, expected):
    assert headline(frame) == expected


@pytest.mark.parametrize(
    ("verb", "singular", "plural"),
    [
        ("met", "meets", "meet"),
        ("imposed", "imposes", "impose"),
        ("attacked", "attacks", "attack"),
        ("pointed out", "points out", "point out"),
        ("carried", "carries", "carry"),
        ("stopped", "stops", "stop"),
        ("visited", "visits", "visit"),
        ("agreed", "agrees", "agree"),
    ],
)
def test_present(verb, singular, plural):
    assert present(verb, plural=False) == singular
    assert present(verb, plural=True) == plural


def test_long_headline_is_cut_at_a_word_boundary():
    text = (
        "Leaders of the world's largest economies agree on a sweeping plan to overhaul taxation"
        " rules"
    )
    out = fit(text)
    assert len(out) <= LIMIT
    assert text.startswith(out)
    assert text[len(out)] == " "
    assert not out.endswith((" on", " a", " to"))


@given(st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=15), min_size=1, max_size=20))
def test_fit_never_cuts_words(words):
    text = " ".join(words)
    out = fit(text)
    assert len(out) <= LIMIT
    assert set(out.split()) <= set(words)


def test_passive_keeps_the_participle():
    frame = Frame("conflict", ("Slepian",), verb="killed", rest="by a sniper", passive=True)
    assert headline(frame) == "Slepian killed by a sniper"


def test_present_tense_input_agrees_with_plural_subjects():
    assert present("visits", plural=True) == "visit"
    assert present("visits", plural=False) == "visits"
