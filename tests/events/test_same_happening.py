"""One happening told as several inside an article (issue 26, class 3): a harm and the "when"
clause telling how it came about ("Three people died when a tree fell on their car"), and a
happening noun with the relative clause telling what it did ("the 1996 bombing that killed an
officer"), are one event. Invented rows, positive and negative: two arrests, two attacks in two
towns, an act and the act it was done at, stay apart."""

import datetime as dt

import pytest

from service.events import extract

D = dt.date(2020, 3, 6)  # a Friday


def events(text: str):
    return extract(text, D)


@pytest.mark.parametrize(
    "text, date",
    [
        (
            "Three people died in the north on Thursday when a tree fell on their car, police"
            " said.",
            dt.date(2020, 3, 5),
        ),
        (
            "A local journalist, Ali Hassan, was killed on Tuesday when gunmen opened fire on his"
            " car in Mosul.",
            dt.date(2020, 3, 3),
        ),
        (
            "Two soldiers were wounded when rebels attacked a checkpoint near Goma on Wednesday.",
            dt.date(2020, 3, 4),
        ),
        (
            "Four miners drowned on Monday when a flooded shaft gave way at the Kora mine.",
            dt.date(2020, 3, 2),
        ),
        (
            "At least 14 people were killed when a passenger train collided with a freight train"
            " near Brno on Thursday.",
            dt.date(2020, 3, 5),
        ),
        (  # the whole toll told with its deed
            "At least 14 people were killed and more than 60 injured when a passenger train"
            " collided with a freight train near Brno on Thursday.",
            dt.date(2020, 3, 5),
        ),
        (
            "Nine people were killed and 20 wounded when gunmen opened fire on a bus near Kano on"
            " Monday.",
            dt.date(2020, 3, 2),
        ),
    ],
)
def test_a_harm_and_its_when_clause_are_one_event(text, date):
    found = events(text)
    assert len(found) == 1, [e.title for e in found]
    assert found[0].date.start == date, found[0].date


@pytest.mark.parametrize(
    "text, count",
    [
        # not a harm: an act and the act it was done at are two happenings
        ("Police arrested the mayor on Monday when officers raided his house.", 2),
        # two arrests on one day
        ("Police arrested a man in Leeds on Monday. Police arrested a woman in York on Monday.", 2),
        # a harm dated apart from the clause ("died in 2010, when ... in 2008"): no merge
        (
            "The actor Tom Reyes died in 2015, when his film about the 1998 floods was released"
            " in 2014.",
            None,
        ),
    ],
)
def test_other_happenings_stay_apart(text, count):
    found = events(text)
    if count is None:
        assert any("died" in e.title.lower() or "dies" in e.title.lower() for e in found)
        assert len(found) >= 2, [e.title for e in found]
    else:
        assert len(found) == count, [e.title for e in found]


@pytest.mark.parametrize(
    "text, title",
    [
        ("The Olympic bombing in 1996 that killed an off-duty officer shocked the city.", "kill"),
        ("Police said the 2019 earthquake, which destroyed the port, was the worst on record.", ""),
        ("A storm that flooded Tarsa on Monday cut power to 20,000 homes.", ""),
    ],
)
def test_a_happening_noun_and_its_relative_clause_are_one_event(text, title):
    found = events(text)
    assert len(found) == 1, [e.title for e in found]
    assert title in found[0].title.lower()


@pytest.mark.parametrize(
    "text",
    [
        # two attacks in two towns, one of them told with a relative clause
        "An attack that killed 12 people hit Goma on Monday. Another attack on Tuesday killed"
        " five people in Beni.",
        # a doer's relative clause is not a happening's
        "The company that won the contract in May fired its chief executive on Monday.",
    ],
)
def test_a_relative_clause_on_another_thing_stays_apart(text):
    assert len(events(text)) == 2, [e.title for e in events(text)]


@pytest.mark.parametrize(
    "text, count",
    [
        # the same verb done to two things, each told as new: two happenings
        ("Rebels attacked a checkpoint on Monday. Rebels attacked a school in Beni on Monday.", 2),
        ("The regulator fined a bank on Tuesday. The regulator fined an insurer on Tuesday.", 2),
        # told again: by a name, a pronoun or the same thing as new
        ("Police arrested a man on Monday. Police arrested John Smith, 34, at his home.", 1),
        ("Police arrested a man on Monday. Police arrested him at his home in York.", 1),
    ],
)
def test_an_object_told_as_new_is_another_happening(text, count):
    found = events(text)
    assert len(found) == count, [e.title for e in found]


@pytest.mark.parametrize(
    "text, title",
    [
        ("A man was shot in Leeds on Monday and pronounced dead at the hospital.", "shot"),
        ("The guard was stabbed on Monday and died in hospital.", "stabbed"),
        ("Gunmen opened fire on a bus near Kano on Monday and killed nine passengers.", "kill"),
        ("A lorry crashed into a market in Dhaka on Monday and injured 12 people.", "injure"),
    ],
)
def test_a_deed_that_harms_and_its_toll_are_one_event(text, title):
    found = events(text)
    assert len(found) == 1, [e.title for e in found]
    assert title in found[0].title.lower()
    assert found[0].date.start == dt.date(2020, 3, 2)


@pytest.mark.parametrize(
    "text",
    [
        # a deed that does not harm by itself, and what followed it: two
        "Police arrested Tom Reyes on Monday and charged him with murder.",
        "Rebels attacked a convoy near Goma on Monday and seized two trucks.",
        "Commandos raided the compound on Monday and freed three hostages.",
    ],
)
def test_a_deed_and_another_coordinated_stay_apart(text):
    assert len(events(text)) == 2, [e.title for e in events(text)]
