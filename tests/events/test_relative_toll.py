"""A relative clause whose subject is its relative pronoun tells more of the happening noun it
hangs on (issue 26, precision): "Kerrin was hit by a magnitude 7.9 earthquake in 2009 that
killed 11 people" is one earthquake, not a hit and a second, killing one. A relative clause of
another kind of happening, or one on a noun that is no happening, stays apart. Invented rows."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2022, 4, 7)


def events(text: str) -> list[tuple[str, str]]:
    return [(e.title.lower(), e.type) for e in extract(text, D)]


@pytest.mark.parametrize(
    "text",
    [
        "Kerrin was hit by a magnitude 7.9 earthquake in 2009 that killed 11 people.",
        "Rebels attacked Tarsa on Monday. A second attack, which killed 12 people, hit Ozal on"
        " Friday.",
        "The port was struck by a cyclone in 2015 that killed 40 people.",
    ],
)
def test_a_relative_clause_tells_the_noun_it_hangs_on(text):
    found = [t for t, _ in events(text) if "kill" in t]
    assert not found, events(text)


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause on a person or a group tells its own deed
        "Police arrested a man on Monday who killed two guards in 2019.",
        # two happenings of two kinds: the summit is no killing
        "Leaders met at a summit in March that was disrupted by protests; a bomb killed three"
        " people in the capital on Friday.",
    ],
)
def test_other_relative_clauses_stay_apart(text):
    assert any("kill" in t for t, _ in events(text)), events(text)
