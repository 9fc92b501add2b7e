"""A dateline is no part of the first sentence's grammar: blanked before parsing, however many
comma groups it has. Invented rows, positive and negative."""

import pytest

from service.events.nlp import masked


@pytest.mark.parametrize(
    "text, rest",
    [
        ("OSLO, May 4 (Reuters) - Norvik Bank said", "Norvik Bank said"),
        ("LIMA, Peru, Jan. 9 (Andina) -- Leaders met", "Leaders met"),
        ("CAIRO (AP) — A bus crashed", "A bus crashed"),
        ("NEW DELHI - The court ruled", "The court ruled"),
        ("2011 04 02 09:15 GMT ROME (Reuters) - The pope met", "The pope met"),
        ("2011 budget - the plan", "2011 budget - the plan"),
        ("The UN said - in a statement - that", "The UN said - in a statement - that"),
        ("IBM, Apple and Google said - quietly - it", "IBM, Apple and Google said - quietly - it"),
        ("NATO, the alliance - said", "NATO, the alliance - said"),
    ],
)
def test_dateline_blanked(text, rest):
    out = masked(text)
    assert len(out) == len(text)
    assert out.strip() == rest
