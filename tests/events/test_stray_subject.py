"""A second clause's subject the parse hangs on the first verb as a conjunct noun (issue 26,
actors): "Smith resigned and its chairman, Jones, is stepping in" ("chairman" read as a
conjunct of "resigned", "stepping" left with no subject): the chairman steps in, not Smith.
A conjunct with no subject of its own and no noun before it still takes the first verb's
("arrived and held talks"). Invented rows."""

import datetime as dt

import pytest

from .helpers import actor_names

D = dt.date(2021, 5, 4)


def doers(text: str, verb: str) -> set[str]:
    return actor_names(text, verb, D)


@pytest.mark.parametrize(
    "text, verb, who, not_who",
    [
        (
            "Velmora Ltd.'s finance director, Karl Brandt, resigned and its founder, Lina Vos,"
            " is stepping in to run the company, Velmora said.",
            "step",
            "Lina Vos",
            "Karl Brandt",
        ),
        (
            "The coach of the club, Tom Reed, quit on Monday and his assistant, Paul Hart, has"
            " taken charge of the team.",
            "take",
            "Paul Hart",
            "Tom Reed",
        ),
        (  # no noun between: the first verb's subject
            "Ann Cole arrived in Oslo on Monday and held talks with Paul Hart.",
            "talks",
            "Ann Cole",
            None,
        ),
        (  # the noun is the first verb's object's conjunct, not a subject
            "Ann Cole met Paul Hart and his deputy on Monday and signed a trade deal.",
            "sign",
            "Ann Cole",
            None,
        ),
    ],
)
def test_second_clause_subject(text: str, verb: str, who: str, not_who: str | None) -> None:
    found = doers(text, verb)
    assert who in found
    assert not_who not in found
