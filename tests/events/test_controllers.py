"""Who does what an infinitive tells: after a verb of ordering or permitting the object does
it ("ordered the minister to stand trial": the minister stands trial, not the one who
ordered); after other verbs the subject does ("agreed to buy": the agreeing party buys).
Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract, nlp, syntax

D = dt.date(2024, 3, 5)


def _controller(text: str, verb: str) -> str | None:
    tok = next(t for t in nlp.parse(text) if t.text == verb)
    found = syntax.subject(tok)
    return found.text if found is not None else None


@pytest.mark.parametrize(
    "text, verb, doer",
    [
        ("The judge ordered the minister to stand trial on Monday.", "stand", "minister"),
        ("The court told the company to pay the fine by Friday.", "pay", "company"),
        ("Police urged residents to leave their homes on Sunday.", "leave", "residents"),
        ("The regulator forced the bank to sell its stake last week.", "sell", "bank"),
        ("The board asked the chief executive to resign on Tuesday.", "resign", "executive"),
    ],
)
def test_the_object_of_an_order_does_what_is_ordered(text, verb, doer):
    assert _controller(text, verb) == doer


@pytest.mark.parametrize(
    "text, verb, doer",
    [
        ("The company agreed to buy its rival on Monday.", "buy", "company"),
        ("The bank used the money to buy bonds last week.", "buy", "bank"),
        ("The minister was ordered to stand trial on Monday.", "stand", "minister"),
        ("The union decided to strike on Friday.", "strike", "union"),
    ],
)
def test_otherwise_the_subject_does_what_the_infinitive_tells(text, verb, doer):
    assert _controller(text, verb) == doer


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The judge ordered the former minister to stand trial on Monday.", "Judge stands trial"),
        ("The court told the company to pay the fine on Friday.", "Court pays fine"),
    ],
)
def test_the_one_who_orders_is_not_the_doer_in_a_headline(text, absent):
    assert absent not in {e.title for e in extract(text, D)}
