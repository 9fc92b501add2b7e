"""People told by what they do are no one named, even capitalised (issue 26, actors): a
caption run into the story with no full stop ("... died on 25 June 2009 Jurors at the trial
have been told") gives "Jurors" a capital, not a name; a one-word company stays one.
Invented rows."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2011, 9, 28)


def actor_names(text: str) -> set[str]:
    return {a.name for e in extract(text, D) for a in e.actors}


@pytest.mark.parametrize(
    "text, word",
    [
        (
            "Tom Reed died on 2 May 2010 Jurors at the trial of his nurse have been told he was"
            " dead on arrival.",
            "Jurors",
        ),
        (
            "The bridge collapsed on 4 March 2011 Rescuers at the scene pulled 12 people from"
            " the river on Tuesday.",
            "Rescuers",
        ),
    ],
)
def test_capitalised_people_are_no_actor(text: str, word: str) -> None:
    assert word not in actor_names(text)


def test_a_one_word_company_stays() -> None:
    assert "Velmora" in actor_names("Velmora said on Monday it would cut 300 jobs in Leeds.")
