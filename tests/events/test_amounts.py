"""An amount beside a name is no part of it: the recogniser may run "fined Acme Corp 5 million
euros" into one organisation; the name is Acme Corp, the amount what was fined. A name's own
number stays ("Boeing 737"). Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 5)


def actor_keys(text: str) -> set[str]:
    return {a.key for e in extract(text, D) for a in e.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Regulators fined Acme Corp 5 million euros on Monday.",
        "A court fined Acme Corp 3 million pounds on Friday.",
        "Regulators fined Acme Corp 500,000 euros on Monday.",
        "Regulators fined Acme Corp $1 million on Monday.",
    ],
)
def test_an_amount_is_no_part_of_an_organisations_name(text):
    keys = actor_keys(text)
    assert "org:acme" in keys
    assert not any(k.startswith("org:acme-") for k in keys)


@pytest.mark.parametrize(
    "text, key",
    [
        ("Boeing 737 jets were grounded on Monday.", "org:boeing"),
        ("Ayn Rand wrote a novel in 1957.", "person:ayn-rand"),
    ],
)
def test_a_names_own_words_stay(text, key):
    assert key in actor_keys(text)
