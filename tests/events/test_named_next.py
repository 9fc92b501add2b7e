"""A lede that tells its person by a description and names them a sentence later with their
age (issue 26, actors): "A jury convicted a former nurse ... / Ann Cole, 41, had denied": the
person takes part in the lede's event. Only an indefinite description that may be a person
("a nurse", "an abortion foe"), only a person the next sentence names for the first time with
an age beside the name. Invented rows."""

import datetime as dt

import pytest

from .helpers import actor_names

D = dt.date(2019, 3, 8)


def doers(text: str, verb: str) -> set[str]:
    return actor_names(text, verb, D)


@pytest.mark.parametrize(
    "text, verb, who",
    [
        (  # the object of the lede's verb
            "A jury on Tuesday convicted a former nurse of fraud over payments from a hospital"
            " charity. Ann Cole, 41, had denied the charges.",
            "convict",
            "Ann Cole",
        ),
        (  # the subject of a passive verb
            "An animal rights activist was charged with arson on Wednesday after a fire at a"
            " laboratory. Federal warrants were issued for Peter Lund, 37, of Dover.",
            "charg",
            "Peter Lund",
        ),
        (  # the subject of an active verb, a name inside the description left as it is
            "A friend of Tom Reed's business partner told a court on Monday that she had warned"
            " the police. Mary Ash, 29, took the stand for two hours.",
            "say",
            "Mary Ash",
        ),
        (  # the age told in brackets
            "A taxi driver was arrested on Friday after a crash that killed two pedestrians."
            " Omar Haddad (52) was held overnight.",
            "arrest",
            "Omar Haddad",
        ),
    ],
)
def test_the_person_named_next_takes_part(text: str, verb: str, who: str) -> None:
    assert who in doers(text, verb)


@pytest.mark.parametrize(
    "text, verb, not_who",
    [
        (  # no age: a name in the next sentence is not introduced as the described one
            "A former nurse was convicted of fraud on Tuesday. Judge Ann Cole said the"
            " sentence would follow.",
            "convict",
            "Ann Cole",
        ),
        (  # named before: someone else, told again
            "Ann Cole, 41, chaired the charity. A former nurse was convicted of fraud on"
            " Tuesday. Ann Cole, 41, gave evidence.",
            "convict",
            "Ann Cole",
        ),
        (  # a definite description is someone the story has told
            "The nurse was convicted of fraud on Tuesday. Ann Cole, 41, gave evidence.",
            "convict",
            "Ann Cole",
        ),
        (  # a thing, not a person
            "A storm hit the coast on Tuesday. Ann Cole, 41, was hurt.",
            "hit",
            "Ann Cole",
        ),
        (  # the description is named beside it already
            "A former nurse, Rita Holm, was convicted of fraud on Tuesday. Ann Cole, 41, gave"
            " evidence.",
            "convict",
            "Ann Cole",
        ),
        (  # two sentences on: too far
            "A former nurse was convicted of fraud on Tuesday. The trial lasted a week. Ann"
            " Cole, 41, gave evidence.",
            "convict",
            "Ann Cole",
        ),
    ],
)
def test_no_one_else_is_taken(text: str, verb: str, not_who: str) -> None:
    assert not_who not in doers(text, verb)
