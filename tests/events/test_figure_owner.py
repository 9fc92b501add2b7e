"""A company's figure told with no owner is the figure of the company telling it (issue 26,
actors): "Velmora Bank said it would cut jobs after net profit fell" and "Net profit dropped
to 1.1 billion crowns" in the next sentence are Velmora Bank's profit. A figure whose owner is
told ("Beta's sales") keeps it; a company that tells nothing (an object) owns nothing.
Invented rows."""

import datetime as dt

import pytest

from .helpers import actor_names

D = dt.date(2023, 7, 20)


def doers(text: str, verb: str) -> set[str]:
    return actor_names(text, verb, D)


@pytest.mark.parametrize(
    "text, verb, who",
    [
        (  # the clause it hangs on
            "Swedish lender Velmora Bank said on Thursday it would cut 900 jobs after"
            " second-quarter net profit fell 12 percent.",
            "profit",
            "Velmora Bank",
        ),
        (  # the sentence before
            "Carrowby Foods Ltd reported results on Tuesday. Quarterly revenue rose 8 percent to"
            " 410 million pounds, beating forecasts.",
            "revenue",
            "Carrowby Foods",
        ),
    ],
)
def test_the_teller_owns_the_figure(text: str, verb: str, who: str) -> None:
    assert any(who in name for name in doers(text, verb))


@pytest.mark.parametrize(
    "text, verb, not_who",
    [
        (  # the owner is told
            "Acme Corp said on Tuesday that Beta Inc's sales rose 5 percent last quarter.",
            "sales",
            "Acme",
        ),
        (  # a company told only as the object before: not the teller of the figure
            "Police searched the offices of Acme Corp on Monday. Regional tax revenue rose 8"
            " percent in May, the finance ministry said.",
            "revenue",
            "Acme",
        ),
    ],
)
def test_no_owner_is_guessed(text: str, verb: str, not_who: str) -> None:
    assert not any(not_who in name for name in doers(text, verb))
