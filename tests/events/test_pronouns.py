"""The one pronoun table (service/data/pronouns.json) and what the extraction modules read of it:
each module's set is the same words it listed by hand before."""

from __future__ import annotations

import pytest

from service.events import coref, lexicon, merge, participants, phrases


@pytest.mark.parametrize(
    ("features", "words"),
    [
        ({"gender": ("m", "f"), "case": "subject"}, {"he", "she"}),
        ({"gender": ("m", "f")}, {"he", "him", "his", "she", "her", "hers"}),
        ({"gender": "n"}, {"it", "its"}),
        ({"person": 3, "number": "plural", "case": "subject"}, {"they"}),
        ({"person": 3, "case": "determiner"}, {"his", "her", "its", "their"}),
        ({"person": 1, "number": "plural"}, {"we", "us", "our", "ours"}),
        ({"person": 2}, {"you", "your", "yours"}),
        ({"case": "possessive", "person": 3}, {"his", "hers", "theirs"}),
        ({"gender": "x"}, set()),
    ],
)
def test_pronouns_by_features(features, words):
    assert lexicon.pronouns(**features) == words


@pytest.mark.parametrize(
    ("word", "gender"),
    [("he", "m"), ("His", "m"), ("her", "f"), ("hers", "f"), ("it", "n"), ("they", None)]
    + [("we", None), ("Harris", None), ("", None)],
)
def test_pronoun_gender(word, gender):
    assert lexicon.pronoun_gender(word) == gender


def test_object_cases_pair_each_subject_with_its_object():
    assert lexicon.object_cases() == {
        "i": "me",
        "we": "us",
        "he": "him",
        "she": "her",
        "they": "them",
    }


def test_every_row_is_whole():
    words = [p.word for p in lexicon.PRONOUNS]
    assert len(words) == len(set(words))
    for p in lexicon.PRONOUNS:
        assert p.person in (1, 2, 3)
        assert p.number in ("singular", "plural", None)
        assert p.gender in ("m", "f", "n", None)
        assert p.cases and p.cases <= {"subject", "object", "determiner", "possessive"}


def test_the_modules_read_the_same_words_as_before():
    assert coref._PERSONAL == {"he", "she"}
    assert coref._NEUTER == {"it"} and coref._PLURAL == {"they"}
    assert participants._PERSONAL == {"he", "she", "him", "her", "his", "hers"}
    assert participants._NEUTER == {"it", "its"}
    assert phrases._DROP_LEADING == {"a", "an", "the", "its", "their", "his", "her"}
    assert phrases._HE_SHE == {"he", "she"}
    assert phrases._PEOPLE_BEFORE == {"he", "she", "they", "we"}
    assert phrases._OBJECT_CASE["who"] == "whom"
    before = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "us"}
    assert merge._PRONOUNS >= before | {"i"}
    assert not merge._PRONOUNS & {"mine", "ours", "hers", "theirs"}  # "the mine" is a noun
