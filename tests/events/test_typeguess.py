"""The learned guess at the type of a verb no table knows (``service.events.typeguess``,
``service/data/types.json``): invented rows whose verbs are in no table of
``service/data``, typed from general evidence (the subject's and object's word classes, the
article's topic); the model reader; and the guess staying out where the rules decide."""

import datetime as dt
import json

import pytest

from service.events import extract, lexicon, typeguess

D = dt.date(2024, 3, 28)

#: Every verb list of the data tables: the rows' verbs must be in none of them.
_TABLED = (
    set(lexicon.VERB_TYPES)
    | set(lexicon.CLASS_VERBS)
    | set(lexicon.CLASS_MOVES)
    | {w for rule in lexicon.FRAME_RULES + lexicon.CLASS_RULES for w in rule.verbs or ()}
    | {k.split()[0] for k in (*lexicon.PHRASAL, *lexicon.CLASS_PHRASES)}
)


def _types(text: str) -> list[str]:
    return [e.type for e in extract(text, D)]


@pytest.mark.parametrize(
    "verb, text, type_",
    [
        # a storm that batters a coast: a disaster
        ("buffet", "A typhoon buffeted the coast of Japan on Monday.", "disaster"),
        # a company's loss that grows: its results
        (
            "balloon",
            "Acme's quarterly loss ballooned to $40 million in the third quarter.",
            "earnings",
        ),
        # shares that move by a percentage: the market
        ("crater", "Shares of the bank cratered 30 percent on Tuesday.", "market"),
        # no evidence of any type: untyped, as before
        ("julienne", "The chef julienned the carrots on Monday.", "other"),
        ("whittle", "Orland whittled its workforce to 900 on Monday.", "other"),
    ],
)
def test_an_unknown_verb_takes_the_type_its_frame_tells(verb, text, type_):
    assert verb not in _TABLED
    assert _types(text) == [type_]


def test_a_verb_a_specific_table_knows_is_left_to_the_rules():
    assert typeguess.specific("resign")
    assert not typeguess.specific("buffet")


def _model(threshold=0.5):
    return typeguess.Multiclass(
        ("deal", "other"),
        {"deal": {"obj:type=deal": 3.0}, "other": {}},
        {"deal": -1.0, "other": 0.0},
        threshold,
    )


def test_the_guess_is_the_most_probable_type():
    assert _model().guess({"obj:type=deal": 1.0})[0] == "deal"
    assert _model().guess({})[0] == "other"
    assert _model().guess({"unknown": 9.0})[0] == "other"  # unknown features weigh nothing


def test_the_model_file_round_trips():
    text = typeguess.to_json(_model(0.7), sets=["t17"])
    again = typeguess.from_json(json.loads(text))
    assert again.classes == ("deal", "other")
    assert again.threshold == 0.7
    assert again.weights["deal"] == {"obj:type=deal": 3.0}
    assert typeguess.to_json(again, sets=["t17"]) == text


def test_the_shipped_model_knows_every_type_it_guesses():
    model = typeguess.model()
    assert model is not None
    assert set(model.classes) <= set(lexicon_types())
    assert 0.0 < model.threshold < 1.0


def lexicon_types():
    from service.events.types import TYPES

    return TYPES
