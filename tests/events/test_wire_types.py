"""Types and tellings the fresh wire set showed wrong (issue 26): a release from prison is
legal (no product launched), an evacuation or an inquiry ordered is no purchase order, a
seizure by regulators or police is legal (no attack), what a happening does is that happening
("terrorist bombings blew apart buildings" is the bombing, "blew apart" kept whole in its
headline), and a happening told again by its noun ("The suspected car bombings occurred on
Friday") is the one its plural subject told first. Invented rows, positive and negative."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(1998, 8, 8)


def typed(text: str) -> list[tuple[str, str]]:
    return [(e.title, e.type) for e in extract(text, D)]


@pytest.mark.parametrize(
    "text, type_",
    [
        ("Keating was released from prison in 1996.", "legal"),
        ("The activist was freed from jail on Monday.", "legal"),
        ("Acme released a new phone on Monday.", "launch"),  # a product released
        ("He was released from hospital on Monday.", "other"),
        ("Firefighters ordered the evacuation of nearby homes on Monday.", "disaster"),
        ("The minister ordered an inquiry into the crash on Monday.", "legal"),
        ("Delta ordered 100 jets from Boeing on Monday.", "deal"),  # a purchase order
        ("The bankrupt thrift was seized by government regulators in 1989.", "legal"),
        ("Police seized two tons of cocaine on Monday.", "legal"),
        ("Rebels seized the town on Monday.", "conflict"),  # no authority: an attack
    ],
)
def test_a_verb_takes_its_type_from_its_frame(text, type_):
    found = typed(text)
    assert found and found[0][1] == type_, found


@pytest.mark.parametrize(
    "text, type_",
    [
        ("Two bombings blew apart an office block on Friday.", "conflict"),
        ("The attack on Friday left 20 dead.", "conflict"),
        ("The storm on Friday left thousands homeless.", "disaster"),
        ("The company left the index on Friday.", "other"),  # no happening does it
    ],
)
def test_what_a_happening_does_is_that_happening(text, type_):
    found = typed(text)
    assert found and found[0][1] == type_, found


def test_blew_apart_keeps_its_particle_in_the_headline():
    found = typed("Two bombings blew apart an office block on Friday.")
    assert "blow apart" in found[0][0].lower(), found


@pytest.mark.parametrize(
    "text, events",
    [
        (
            "Car bombings at two embassies blew apart buildings and buses. The suspected car"
            " bombings occurred minutes apart on Friday.",
            1,
        ),
        (
            "Air strikes destroyed a bridge. The strikes took place on Friday.",
            1,
        ),
        (  # another happening of another kind, told apart
            "Car bombings blew apart buildings on Friday. A fire destroyed a warehouse on"
            " Thursday.",
            2,
        ),
    ],
)
def test_a_happening_told_again_by_its_noun_is_one_event(text, events):
    found = extract(text, D)
    assert len(found) == events, [(e.title, e.date.start) for e in found]
    assert all(e.date.start is not None for e in found)
