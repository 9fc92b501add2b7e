"""syntax.aspect: a verb's tense and aspect read from the parse, the one answer the casualty
toll (extract), the story's time (discourse) and a superseded plan (factuality) ask for."""

from __future__ import annotations

import pytest

from service.events import nlp, syntax


def _aspect(sentence: str, verb: str) -> syntax.Aspect:
    tok = next(t for t in nlp.parse(sentence) if t.text == verb)
    return syntax.aspect(tok)


@pytest.mark.parametrize(
    ("sentence", "verb", "tense", "perfect"),
    [
        ("Rescuers say 40 people have been killed in the floods.", "killed", "present", "present"),
        (
            "The storm has destroyed hundreds of homes on the coast.",
            "destroyed",
            "present",
            "present",
        ),
        ("The minister had criticised the plan before the vote.", "criticised", "past", "past"),
        ("Officials said the suspect had been arrested earlier.", "arrested", "past", "past"),
        ("The council approved the budget on Monday.", "approved", "past", None),
        ("The driver was arrested at the border.", "arrested", "past", None),
        ("Workers were protesting outside the plant.", "protesting", "past", None),
        ("The committee will meet again next week.", "meet", "future", None),
        ("The court is hearing the appeal this week.", "hearing", "present", None),
        ("The firm does not expect a loss.", "expect", None, None),
        # a conjunct with no subject of its own takes its partner's auxiliaries
        (
            "The fire has burned 800 acres and destroyed 40 homes.",
            "destroyed",
            "present",
            "present",
        ),
        # a bare participle with a subject of its own: the auxiliaries left out before it
        (
            "Police say 12 miners have been killed, 30 injured and 5 missing.",
            "injured",
            "present",
            "present",
        ),
        ("Police say 12 miners were killed, 30 injured and 5 missing.", "injured", "past", None),
    ],
)
def test_tense_and_perfect(sentence, verb, tense, perfect):
    found = _aspect(sentence, verb)
    assert (found.tense, found.perfect) == (tense, perfect)


@pytest.mark.parametrize(
    ("sentence", "verb", "simple_past", "pluperfect"),
    [
        ("The bank cut its rates in March.", "cut", True, False),
        ("Two men were charged with fraud.", "charged", True, False),
        ("The bank had cut its rates in March.", "cut", False, True),
        ("The strikers had been fighting for weeks.", "fighting", False, False),
        ("The bank has cut its rates.", "cut", False, False),
        ("The board would approve the deal.", "approve", False, False),
    ],
)
def test_simple_past_and_pluperfect(sentence, verb, simple_past, pluperfect):
    found = _aspect(sentence, verb)
    assert (found.simple_past, found.pluperfect) == (simple_past, pluperfect)
