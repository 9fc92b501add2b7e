"""Linear models learned offline and read as data.

A model is a JSON file in ``service/data/``: named feature weights, a bias and the probability
at which it says yes. ``scripts/learn_*.py`` write them from the hand-written gold of the
real-news development sets (``make learn``); the service only reads them, so nothing is
trained or downloaded at run time and a model's change is reviewed as a diff of its weights.

Features are a mapping of name to value (1.0 for a flag); a name the model does not know
weighs nothing, so a model and the code that describes candidates can change one at a time.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Mapping
from importlib import resources


@dataclasses.dataclass(frozen=True)
class Linear:
    """A logistic model: ``probability = 1 / (1 + exp(-(bias + sum(weight * value))))``."""

    name: str
    weights: Mapping[str, float]
    bias: float
    threshold: float

    def score(self, features: Mapping[str, float]) -> float:
        """The model's log-odds for ``features``."""
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.score(features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def says_yes(self, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold


def from_json(raw: Mapping) -> Linear:
    return Linear(
        name=str(raw["name"]),
        weights={str(k): float(v) for k, v in raw["weights"].items()},
        bias=float(raw["bias"]),
        threshold=float(raw["threshold"]),
    )


@functools.cache
def load(name: str) -> Linear:
    """The model ``service/data/<name>.json`` (read once per process)."""
    text = resources.files("service.data").joinpath(f"{name}.json").read_text(encoding="utf-8")
    return from_json(json.loads(text))


def to_json(model: Linear, **about) -> str:
    """The file a training script writes: weights sorted by name, rounded so a retrain that
    changes nothing changes no line; ``about`` (training sets, figures) is kept beside them."""
    body = {
        "name": model.name,
        "about": about,
        "bias": round(model.bias, 6),
        "threshold": round(model.threshold, 6),
        "weights": {k: round(v, 6) for k, v in sorted(model.weights.items()) if round(v, 6)},
    }
    return json.dumps(body, indent=1, ensure_ascii=False) + "\n"
