"""Whom "he" and "she" stand for (issue 26, the fresh wire set): a sentence that opens with
the pronoun continues the last subject of the sentence before, not the last name ("Har-Shefi
has pleaded innocent to charges that she failed to report Amir's plan to kill Rabin. She took
the stand"); no one the text has told is of the other sex (an honorific, a pronoun told of
them as a teller); a teller told by a pronoun speaks of themselves ("She said she gave"); a
teller is its own name, not someone named inside it ("a friend of Rabin's assassin said she").
Inside a sentence that names someone, the last one named, as before. Invented rows."""

import datetime as dt

import pytest

from service.events import extract

from .helpers import actor_names

D = dt.date(1998, 2, 27)


def doers(text: str, verb: str) -> set[str]:
    return actor_names(text, verb, D)


@pytest.mark.parametrize(
    "text, verb, who, not_who",
    [
        (
            "Ann Cole has pleaded not guilty to charges that she failed to report Tom Reed's plan"
            " to rob Paul Hart. She testified for four hours on Friday.",
            "testif",
            "Ann Cole",
            "Paul Hart",
        ),
        (
            "Ms. Lina Vos hired Mr. Karl Brandt on Monday. He resigned on Tuesday.",
            "resign",
            "Karl Brandt",
            "Lina Vos",
        ),
        (
            "Ann Cole said on Friday that she regretted it. She said she gave the police false"
            " information about Tom Reed.",
            "give",
            "Ann Cole",
            None,
        ),
        (  # inside a sentence that names someone: the last one named
            "The doctor was at Tom Reed's house when he died on Monday.",
            "die",
            "Tom Reed",
            None,
        ),
        (
            "Paul Hart met Tom Reed on Monday. He resigned on Tuesday.",  # the subject before
            "resign",
            "Paul Hart",
            "Tom Reed",
        ),
    ],
)
def test_a_pronoun_stands_for_the_right_person(text, verb, who, not_who):
    found = doers(text, verb)
    assert who in found and not_who not in found, found


def test_a_teller_is_not_someone_named_inside_it():
    text = "A friend of Tom Reed's killer said on Friday that she regretted calling him a traitor."
    titles = [e.title for e in extract(text, D)]
    assert not any(t.startswith("Tom Reed") for t in titles), titles
