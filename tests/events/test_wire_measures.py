"""The same measure of two things is two happenings (issue 26, the fresh wire set): "Oil
prices fell" and "Gas prices fell", "Crude futures rose" and "Gold futures rose" moved two
markets; "Norrland's net profit fell" and "Net profit dropped" told one. Invented rows."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(1998, 2, 23)


@pytest.mark.parametrize(
    "text, events",
    [
        ("Oil prices fell on Monday. Gold prices fell on Monday.", 2),
        ("Crude futures rose on Monday. Gold futures rose on Monday.", 2),
        (
            "Oil prices have been falling. Gas prices fell nearly two cents a gallon over the"
            " last two weeks.",
            2,
        ),
        ("Oil prices fell on Monday. Oil prices fell again on Monday, traders said.", 1),
        ("Acme's shares fell on Monday. The shares fell 5 percent on Monday.", 1),
    ],
)
def test_a_measure_of_another_thing_is_another_happening(text, events):
    found = extract(text, D)
    assert len(found) == events, [e.title for e in found]
