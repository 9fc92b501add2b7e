"""Extraction behaviour: what becomes an event, what stays background, and invariants."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.events import extract

from .helpers import timex

PUB = dt.date(2023, 12, 21)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said the talks were constructive.",
        "Officials did not meet on Monday.",
        "None of the statements mentioned the war in Ukraine.",
        "Russia has repeatedly attacked Ukrainian ports.",
        "Chinese companies have repeatedly been accused of circumventing the sanctions.",
        "Prices of bread are high in Cairo.",
        "It is a platform for China and Russia to rival the G7.",
    ],
)
def test_background_makes_no_event(text):
    found = [timex(text, "on Monday", "2023-12-18")] if "on Monday" in text else []
    assert extract(text, PUB, found) == []


def test_statements_in_a_document_are_part_of_it():
    text = (
        "China and Russia issued a joint statement on Wednesday. "
        "In the joint statement, the two countries said they opposed sanctions. "
        "The statement said trade would grow."
    )
    (event,) = extract(text, PUB, [timex(text, "on Wednesday", "2023-12-20")])
    assert event.type == "agreement"
    assert len(event.mentions) == 3
    assert event.date.start == dt.date(2023, 12, 20)


def test_reported_speech_joins_the_dated_event_of_its_sentence():
    text = "He met Chinese President Xi Jinping on Wednesday, who said ties would grow."
    (event,) = extract(text, PUB, [timex(text, "on Wednesday", "2023-12-20")])
    assert event.type == "meeting"
    (mention,) = event.mentions
    assert (mention.start, mention.end) == (0, len(text) - 1)


def test_dated_statement_is_an_event():
    text = "Russian Deputy Prime Minister Dmitry Chernyshenko said on Monday that tourism grew."
    (event,) = extract(text, PUB, [timex(text, "on Monday", "2023-12-18")])
    assert (event.type, event.cameo) == ("statement", "01")
    assert event.title == "Dmitry Chernyshenko says tourism grew"


def test_mentions_of_one_happening_merge_but_different_people_do_not():
    text = (
        "Chinese Premier Li Qiang met Russian Prime Minister Mikhail Mishustin on Wednesday. "
        "Mishustin also met Chinese President Xi Jinping on Wednesday. "
        "The meeting with Xi lasted two hours."
    )
    found = [
        timex(text, "on Wednesday", "2023-12-20"),
        timex(text, "on Wednesday", "2023-12-20", nth=1),
    ]
    events = extract(text, PUB, found)
    assert [e.title for e in events] == [
        "Li Qiang meets Mikhail Mishustin",
        "Mishustin meets Xi Jinping",
    ]
    assert len(events[1].mentions) == 2


SENTENCES = [
    "Chinese President Xi Jinping met Russian Prime Minister Mikhail Mishustin on Wednesday.",
    "The European Union imposed new sanctions against Moscow.",
    "Iran joined the BRICS bloc.",
    "The communiqué said China and Russia would cooperate.",
    "War has been ongoing for nearly two years.",
    "They will visit Beijing next week.",
    "Prices rose.",
    "Mr. Smith met U.S. officials in Washington, who said nothing; talks continued.",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.text(max_size=30))
def test_invariants_on_any_article(sentences, noise):
    text = " ".join(sentences) + " " + noise
    for event in extract(text, PUB, []):
        assert 0 < len(event.title) <= 80
        assert event.mentions
        for m in event.mentions:
            # the sentence as shown: line breaks as spaces, one for one (extract.shown)
            shown = text[m.sentence_start : m.sentence_end]
            assert shown.replace("\r", " ").replace("\n", " ") == m.sentence
            assert m.sentence_start <= m.start < m.end <= m.sentence_end
        assert event.date.end is None or event.date.end <= PUB or event.status == "planned"
        assert len({a.key for a in event.actors}) == len(event.actors)


@pytest.mark.parametrize("text", ["", "   \n\n ", "/The Geopost", "“”"])
def test_empty_or_trivial_text(text):
    assert extract(text, PUB, []) == []


def test_one_person_named_twice_is_one_subject():
    text = "Cuban President Fidel Castro arrived in Mexico on Monday. Castro, Fidel visited Cancun."
    events = extract(text, PUB, [timex(text, "on Monday", "2023-12-18")])
    assert events[0].title == "Fidel Castro arrives in Mexico"
    assert [a.key for a in events[0].actors].count("person:fidel-castro") == 1
