"""Officials in a place are that place acting (issue 26, actors): "Officials in California
warned residents" is California warning, as "California officials" and "Kansas health
officials" are; a place where officials only met is where, not who. Invented rows."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2019, 1, 14)


def actors_of(text: str, verb: str) -> set[str]:
    found = [e for e in extract(text, D) if verb in e.title.lower()]
    assert found, [e.title for e in extract(text, D)]
    return {a.name for a in found[0].actors}


@pytest.mark.parametrize(
    "text, verb, who",
    [
        ("Officials in Oregon are warning residents that the river will flood.", "warn", "Oregon"),
        (
            "Authorities in Bavaria closed 40 schools on Monday because of the snow.",
            "close",
            "Bavaria",
        ),
    ],
)
def test_the_place_acts(text: str, verb: str, who: str) -> None:
    assert who in actors_of(text, verb)


@pytest.mark.parametrize(
    "text, verb, not_who",
    [
        ("Officials met in Geneva on Monday to discuss the truce.", "meet", "Geneva"),
        ("Residents in Oregon are warning tourists about the flood.", "warn", "Oregon"),
    ],
)
def test_a_place_that_is_where(text: str, verb: str, not_who: str) -> None:
    assert not_who not in actors_of(text, verb)
