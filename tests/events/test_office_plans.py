"""An undated plan whose subject is an office holder or a public body named by what it is
("the attorney general will open an investigation") is an event, as a named party's plan is;
a plan of no one ("prices will rise") is not (detection._office, lexicon "offices").
Invented rows."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 28)


@pytest.mark.parametrize(
    "text, title",
    [
        ("The state's attorney general will open an inquiry into the clinic.",
         "attorney general to open"),
        ("The prime minister will sign the treaty.", "minister to sign"),
        ("The judge will sentence the two men.", "judge to sentence"),
    ],
)  # fmt: skip
def test_an_office_s_plan_is_an_event(text, title):
    titles = [e.title for e in extract(text, D)]
    assert any(title in t.lower() for t in titles), titles
    planned = [e for e in extract(text, D) if title in e.title.lower()]
    assert planned[0].status == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "Prices will rise.",
        "The weather will improve.",
        "Demand for the drug will fall.",
        "The board will approve the budget.",  # a body any firm has: no firm plan undated
    ],
)
def test_no_one_s_plan_is_not(text):
    assert [e.title for e in extract(text, D)] == []
