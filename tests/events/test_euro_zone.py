"""The euro zone is an actor of the economy it names (issue 26, actors): "Inflation in the
euro zone slowed", "Eurozone finance ministers agreed", "the euro area economy grew" name the
currency union as a country would be named; the currency itself does not ("the euro rose").
Invented rows."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2022, 11, 4)


def actor_keys(text: str) -> set[str]:
    return {a.key for e in extract(text, D) for a in e.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Inflation in the euro zone slowed to 4.1 percent in October from 4.9 percent.",
        "Eurozone finance ministers agreed on Monday to extend the bailout loans.",
        "The euro area economy grew 0.2 percent in the third quarter, data showed on Friday.",
    ],
)
def test_the_euro_zone_takes_part(text: str) -> None:
    assert "org:EZ" in actor_keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "The euro rose 0.4 percent against the dollar on Friday.",
        "Police closed the exclusion zone around the port on Tuesday.",
    ],
)
def test_no_euro_zone(text: str) -> None:
    assert "org:EZ" not in actor_keys(text)
