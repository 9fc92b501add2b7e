"""The learned keep/drop decision (``service/events/keep.py``, ``service/data/keep.json``,
written by ``scripts/learn_keep.py``): plain dated deeds are kept, hedged, negated and bare-noun
mentions stay out, background told undated inside another happening's sentence scores below it,
and the model's weights name only features the code still gives. Invented rows."""

import datetime as dt
import json
from importlib import resources

import pytest

from service.events import extract, keep, linear
from service.events.extract import described

D = dt.date(2024, 3, 28)


def titles(text: str) -> list[str]:
    return [e.title for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, title",
    [
        ("Acme Corp bought Kessler Ltd on Monday.", "Acme Corp buys Kessler Ltd"),
        ("The minister resigned on Tuesday.", "Minister resigns"),
        ("The storm killed 12 people in Haiti on Monday.", "Storm kills 12 people in Haiti"),
        (
            "The president met the prime minister in Paris on Friday.",
            "President meets prime minister in Paris",
        ),
    ],
)
def test_plain_dated_deed_kept(text, title):
    assert title in titles(text)


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp may have bought Kessler Ltd.",  # a hedge
        "Acme Corp did not buy Kessler Ltd on Monday.",  # a negation
        "He said the company had probably cut jobs.",  # a hedge under "said"
        "The ruling party fears an election.",  # a bare noun, no happening told
    ],
)
def test_hedged_negated_or_bare_noun_dropped(text):
    assert titles(text) == []


def test_undated_background_scores_below_the_deed_it_tells_of():
    """ "when he arrived": a circumstance of the arrest, told undated under it, is less likely a
    happening a reader lists than the arrest itself."""
    model = linear.load(keep.MODEL)
    scored = {
        e.title: model.probability(f)
        for e, f in described("Police said he was arrested when he arrived at the hospital.", D)
    }
    assert scored["He arrives"] < scored["He arrested"]


def test_dated_deed_scores_above_its_undated_background():
    model = linear.load(keep.MODEL)
    [(_, deed)] = described("Acme Corp bought Kessler Ltd on Monday.", D)
    background = described("Police said he was arrested when he arrived there.", D)
    assert model.probability(deed) > max(model.probability(f) for _, f in background)


def test_weights_name_only_features_given():
    raw = json.loads(resources.files("service.data").joinpath("keep.json").read_text())
    assert set(raw["weights"]) <= keep.names()
    assert 0.0 < raw["threshold"] < 1.0


def test_features_given_are_named():
    text = (
        "Acme Corp bought Kessler Ltd on Monday. It said the deal was made as sales fell. "
        "Police said he was arrested when he arrived at the hospital. The union may strike."
    )
    for _, features in described(text, D):
        assert set(features) <= keep.names()
