"""A casualty count told right after the attack or disaster is of its day (issue 26, the fresh
wire set): "Bombs hit two embassies on Friday. At least 82 were killed and 1,700 injured,
officials said." The toll so far ("have been killed"), a count with a doer of its own, and a
count told far from any dated attack keep no day. Invented rows, positive and negative."""

import datetime as dt

import pytest

from .helpers import titled

D = dt.date(1998, 8, 8)


def killed(text: str):
    return dated(text, "killed")


def dated(text: str, word: str):
    """The start of the first event whose title holds ``word``."""
    return titled(text, word, D).date.start


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "Car bombs hit two embassies in Lagos on Friday. At least 82 were killed and more than"
            " 1,700 injured, officials said.",
            dt.date(1998, 8, 7),
        ),
        (  # the attack dated by a telling that follows, as in wire reports' leads
            "Car bombings at two embassies in Lagos blew apart buildings. At least 82 were"
            " killed and more than 1,700 injured, officials said. The car bombings occurred"
            " minutes apart on Friday.",
            dt.date(1998, 8, 7),
        ),
    ],
)
def test_a_count_after_a_dated_attack_is_of_its_day(text, start):
    assert killed(text) == start


@pytest.mark.parametrize(
    "text",
    [
        "An earthquake struck Tarsa on Friday. Up to 200 people have been killed, officials said.",
        "Nothing happened in Tarsa on Friday. Officials met. Aid arrived. At least 30 people were"
        " killed in the north, police said.",
    ],
)
def test_a_toll_so_far_or_a_count_told_apart_keeps_no_day(text):
    assert killed(text) != dt.date(1998, 8, 7)


@pytest.mark.parametrize(
    "text, word, start",
    [  # the toll's tense read from the parse (syntax.aspect), not from words before it
        (  # an active perfect is a toll so far too
            "A cyclone struck the coast of Tarsa on Friday. Floods have killed 40 people,"
            " officials said.",
            "kill",
            None,
        ),
        (  # a count whose auxiliaries are left out takes those told before it (one toll with
            # the count before it: coref.one_toll)
            "An earthquake struck Tarsa on Friday. Officials say up to 200 people have been"
            " killed, 300 injured and 50 left homeless.",
            "killed",
            None,
        ),
        (
            "A cyclone struck the coast of Tarsa on Friday. At least 40 people were killed,"
            " 300 injured and 50 left homeless.",
            "killed",
            dt.date(1998, 8, 7),
        ),
    ],
)
def test_a_toll_so_far_by_its_tense(text, word, start):
    assert dated(text, word) == start
