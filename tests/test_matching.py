"""Cross-article merges need the reports' words to agree (service.write.matching): one
happening told by two outlets is one event with both sources; two happenings of one day, one
type and one participant stay two."""

from __future__ import annotations

import pytest

from service.write import matching

from .test_digest import store, told

ONE_HAPPENING = [
    (
        "The World Health Organization declared a flu pandemic on Thursday.",
        "WHO chief Margaret Chan declared the first influenza pandemic in 41 years.",
    ),
    ("Rebels seized the airport in the capital on Sunday.", "The airport was seized by rebels."),
    (
        "BP capped the leaking well on Thursday, the company said.",
        "Engineers finally capped the leaking well, BP said.",
    ),
    (
        "The doctor was charged with involuntary manslaughter.",
        "Prosecutors charged Dr Murray with manslaughter on Monday.",
    ),
]
TWO_HAPPENINGS = [
    (
        "Jackson's body was released to the family on Friday.",
        "A recording of the emergency call from his home was released on Friday.",
    ),
    ("Mexico closed its schools on Monday.", "Mexico's president visited the border on Monday."),
    ("The minister resigned after the vote.", "The minister opened a hospital in the north."),
    (
        "Police said on Tuesday they did not intend to speak with him again.",
        "On Tuesday his songs topped the download charts in every country.",
    ),
]


@pytest.mark.parametrize(("one", "other"), ONE_HAPPENING)
def test_one_happening_in_two_outlets_words(one, other):
    assert matching.told_alike([one], [other])


@pytest.mark.parametrize(("one", "other"), TWO_HAPPENINGS)
def test_two_happenings_of_one_day_and_one_participant(one, other):
    assert not matching.told_alike([one], [other])


#: (report, other report, participants' names, one happening?): the names' words are shared by
#: every report of a story's busy day, so they do not count as shared words.
NAMED = [
    (
        "Conrad Murray was charged with involuntary manslaughter.",
        "Prosecutors charged Dr Conrad Murray with manslaughter.",
        ["Conrad Murray"],
        True,
    ),
    (
        "Mexico City closed its schools and cinemas.",
        "Schools in Mexico City were closed by the health authorities.",
        ["Mexico City"],
        True,
    ),
    (
        "The World Health Organization declared a pandemic.",
        "The World Health Organization's chief declared the pandemic.",
        ["World Health Organization"],
        True,
    ),
    (
        "Michael Jackson's doctor Conrad Murray met police.",
        "Conrad Murray's lawyer spoke about Michael Jackson.",
        ["Michael Jackson", "Conrad Murray"],
        False,
    ),
    (
        "Barack Obama greeted Gordon Brown at the summit.",
        "Gordon Brown praised Barack Obama's plan for banks.",
        ["Barack Obama", "Gordon Brown"],
        False,
    ),
    (
        "The World Health Organization warned of a second wave.",
        "The World Health Organization sent vaccines to Mexico.",
        ["World Health Organization"],
        False,
    ),
]


@pytest.mark.parametrize(("one", "other", "names", "alike"), NAMED)
def test_participants_names_are_not_shared_words(one, other, names, alike):
    assert matching.told_alike([one], [other], names) is alike


def test_content_words_are_stems_without_function_words():
    words = matching.content_words(["The Organisation said it had organized the talks."])
    assert words == {"organi", "talks"}


def test_outlets_reports_merge_and_other_happenings_stay_apart(client, app):
    with app.app_context():
        store([told("2024-05-10", "The minister resigned over the budget vote.", "m")], "BBC")
        store([told("2024-05-10", "The minister resigned after losing the vote.", "m")], "AP")
        store([told("2024-05-10", "The minister opened a hospital in the north.", "m")], "AFP")
    day = client.get("/api/v1/digest?per_date=5").get_json()["dates"][0]
    sources = sorted(sorted(m["article"]["source"] for m in e["mentions"]) for e in day["events"])
    assert sources == [["AFP"], ["AP", "BBC"]]
