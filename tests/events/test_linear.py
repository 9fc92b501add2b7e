"""service.events.linear: a learned model read as data."""

import json

import pytest

from service.events import linear


def _model(**weights):
    return linear.Linear("m", weights, bias=-1.0, threshold=0.5)


def test_unknown_features_weigh_nothing():
    model = _model(a=2.0)
    assert model.score({"a": 1.0, "unknown": 5.0}) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "features, yes",
    [
        ({"a": 1.0}, True),
        ({}, False),
        ({"a": 1.0, "b": 1.0}, False),
        ({"a": 0.4}, False),
        ({"a": 0.5}, True),
    ],
)
def test_says_yes_at_the_threshold(features, yes):
    assert _model(a=2.0, b=-3.0).says_yes(features) is yes


def test_probability_is_stable_far_from_zero():
    assert _model(a=1.0).probability({"a": 1000.0}) == pytest.approx(1.0)
    assert _model(a=1.0).probability({"a": -1000.0}) == pytest.approx(0.0)


def test_a_written_model_reads_back_the_same():
    model = _model(b=-3.0, a=2.0000001)
    raw = json.loads(linear.to_json(model, sets=["t17"]))
    assert list(raw["weights"]) == ["a", "b"]
    assert raw["about"] == {"sets": ["t17"]}
    again = linear.from_json(raw)
    assert again.weights == {"a": 2.0, "b": -3.0}
    assert (again.bias, again.threshold) == (model.bias, model.threshold)
