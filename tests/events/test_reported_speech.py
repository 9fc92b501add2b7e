"""Reported speech: when a saying is news of its own (issue 26).

Invented sentences, each a pattern: a named party telling, before what it says, a warning
("could"), its own plan ("it would"), anything on a day it gives or to a gathering ("told a
news conference"), is a statement event even when what it says is no event itself; a
forecast of something else, a condition, a negation, a status, an unnamed source, a quote or
a word to a newspaper are not."""

import datetime as dt

import pytest

from service.events import extract
from service.events.extract import described

D = dt.date(2024, 3, 28)


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Russia, which is not a member of the group, said it would consider cutting its"
            " exports.",
            "Russia says it would consider cutting its exports",
        ),
        (
            "The World Health Organization warned that the new strain could become a pandemic.",
            "WHO warns new strain could become pandemic",
        ),
        (
            "His daughter Anna Pennington said in a statement on Saturday that the family was"
            " heartbroken.",
            "Anna Pennington says family was heartbroken",
        ),
        (
            "Jerome Powell told a news conference that the central bank was resolved to bring"
            " inflation down.",
            "Jerome Powell says central bank was resolved to bring inflation down",
        ),
    ],
    ids=["own-plan", "warning", "dated-saying", "news-conference"],
)
def test_a_saying_that_is_news_is_a_statement(text, title):
    events = extract(text, D)
    assert [(e.title, e.type) for e in events] == [(title, "statement")]


@pytest.mark.parametrize(
    "text",
    [
        "The Mining Council said the tax would deter investment.",
        "The rebels' negotiator Ibrahim Musa said the group would withdraw if the army kept"
        " to the truce.",
        "Chile's emergency office said a stronger quake could not be ruled out.",
        "The Scottish Government said it was monitoring the situation.",
        "Analysts said the company could cut jobs.",
        'The Department of Health said: "We could see more cases."',
        "Acme Corp could cut 500 jobs, the company said.",
        "Anna Hoff told a local newspaper the strike was irresponsible.",
    ],
    ids=[
        "forecast",
        "condition",
        "negated",
        "status",
        "unnamed",
        "quote",
        "attribution-tail",
        "told-a-paper",
    ],
)
def test_a_saying_that_is_only_a_source_is_no_event(text):
    assert extract(text, D) == []


def test_an_announced_plan_stays_one_event():
    text = "Germany's Interior Ministry said it will close the border."
    events = [e for e, _ in described(text, D)]  # before the learned keep decision
    assert [(e.title, e.status) for e in events] == [
        ("Germany's Interior Ministry to close border", "planned")
    ]
