"""What a country leads is an actor of its own, and a spokesperson's "it" is the body they
speak for (issue 26, actors): "the Saudi-led coalition", "a U.S.-led force" are named as
actors; "A spokesman for the coalition said it was reviewing the reports and denied ..." is
the coalition reviewing and denying. A spokesperson for no body named leaves "it" alone.
Invented rows."""

import datetime as dt

import pytest

from service.events import extract

from .helpers import actor_names

D = dt.date(2017, 6, 2)


def doers(text: str, verb: str) -> set[str]:
    return actor_names(text, verb, D)


@pytest.mark.parametrize(
    "text, verb, who",
    [
        (
            "The Kenyan-led coalition carried out 12 air strikes near the border on Sunday.",
            "strike",
            "Kenyan-led coalition",
        ),
        (
            "A NATO-led force took over security in the northern province on Monday.",
            "take",
            "NATO-led force",
        ),
        (  # the spokesperson's "it": the body
            "A spokesman for the Ugandan-led alliance said on Tuesday it had withdrawn its"
            " troops from the town.",
            "withdr",
            "Ugandan-led alliance",
        ),
        (
            "An official of the Harlow Water Authority said on Friday it would cut supplies to"
            " 3,000 homes.",
            "cut",
            "Harlow Water Authority",
        ),
    ],
)
def test_the_led_group_takes_part(text: str, verb: str, who: str) -> None:
    assert who in doers(text, verb)


@pytest.mark.parametrize(
    "text, verb, not_who",
    [
        (  # a happening led by a country is no actor
            "The Kenyan-led campaign began in the northern province on Monday.",
            "began",
            "Kenyan-led campaign",
        ),
        (  # a friend, not a spokesperson: "it" is not the body
            "A friend of the Harlow Water Authority chairman said on Friday it would cut"
            " supplies to 3,000 homes.",
            "cut",
            "Harlow Water Authority",
        ),
    ],
)
def test_nothing_else(text: str, verb: str, not_who: str) -> None:
    found = [e for e in extract(text, D) if verb in e.title.lower()]
    assert all(not_who not in {a.name for a in e.actors} for e in found)
