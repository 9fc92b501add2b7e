"""A name beside the common noun that describes it is one actor, the name's: the parse may
split "Germany's financial watchdog BaFin fined ..." into two subjects; the watchdog is BaFin
(org:bafin), not a second body org:deu-financial-watchdog. A body told by its noun alone keeps
its own id. Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2024, 3, 5)


def actor_keys(text: str) -> set[str]:
    return {a.key for e in extract(text, D) for a in e.actors}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("Germany's financial watchdog BaFin fined Deutsche Bank on Tuesday.", "org:bafin",
         "org:deu-financial-watchdog"),
        ("France's market regulator AMF fined Acme on Tuesday.", "org:amf",
         "org:fra-market-regulator"),
        ("Germany's financial watchdog BaFin said it had opened an investigation into Acme.",
         "org:bafin", "org:deu-financial-watchdog"),
    ],
)  # fmt: skip
def test_the_name_beside_a_describing_noun_is_the_actor(text, present, absent):
    keys = actor_keys(text)
    assert present in keys and absent not in keys


@pytest.mark.parametrize(
    "text, present",
    [
        ("Britain's competition watchdog fined Acme on Tuesday.", "org:gbr-competition-watchdog"),
        ("Spanish prosecutors charged Acme on Tuesday.", "org:esp-prosecutors"),
    ],
)
def test_a_body_named_by_its_noun_alone_keeps_its_id(text, present):
    assert present in actor_keys(text)


def test_the_headline_names_the_body_by_its_name():
    titles = {e.title for e in extract("France's market regulator AMF fined Acme on Tuesday.", D)}
    assert "AMF fines Acme" in titles
