"""Merging: one event per happening within an article, and across two articles."""

import dataclasses
import datetime as dt
import time

import pytest

from service.events import Actor, Event, EventDate, Mention, extract, same_happening
from service.events.actors import ActorMention
from service.events.candidate import Candidate
from service.events.merge import Group, within_article
from service.events.phrases import Phrase
from service.events.sentences import Clause, Span
from service.events.types import Trigger

from .helpers import SECOND_PUBLISHED, SEED_PUBLISHED, read, second_timexes, seed_timexes

SEED = read("geopost-china-russia.txt")
SECOND = read("second-article.txt")


@pytest.fixture(scope="module")
def seed_events():
    return extract(SEED, SEED_PUBLISHED, seed_timexes(SEED))


@pytest.fixture(scope="module")
def second_events():
    return extract(SECOND, SECOND_PUBLISHED, second_timexes(SECOND))


def by_people(events, type_, *people):
    return [
        e for e in events
        if e.type == type_ and {f"person:{p}" for p in people} <= {a.key for a in e.actors}
    ]  # fmt: skip


def test_second_article_events(second_events):
    titles = [(e.type, e.title) for e in second_events]
    assert ("meeting", "Xi Jinping meets Mikhail Mishustin in Beijing") == titles[0]
    assert ("visit", "Mishustin arrives in China") in titles
    (visit,) = [e for e in second_events if e.type == "visit"]
    assert (visit.date.start, visit.date.end) == (dt.date(2023, 12, 19), dt.date(2023, 12, 20))


def test_xi_meeting_is_one_happening_across_articles(seed_events, second_events):
    pairs = [(a, b) for a in seed_events for b in second_events if same_happening(a, b)]
    titles = sorted((a.title, b.title) for a, b in pairs)
    assert titles == [
        (
            "Li Qiang and Mikhail Mishustin hold annual meeting in Beijing",
            "Mishustin holds annual talks between heads of government in China",
        ),
        ("Mishustin meets Xi Jinping in Beijing", "Xi Jinping meets Mikhail Mishustin in Beijing"),
        ("Mishustin pays two-day visit to China", "Mishustin arrives in China"),
    ]


def test_li_meeting_is_not_the_xi_meeting(seed_events, second_events):
    (li,) = by_people(seed_events, "meeting", "li-qiang")
    (xi,) = by_people(second_events, "meeting", "xi-jinping")
    assert not same_happening(li, xi)


def test_same_happening_is_symmetric(seed_events, second_events):
    for a in seed_events:
        for b in second_events:
            assert same_happening(a, b) == same_happening(b, a)


def _event(type_="meeting", actors=(), start=None, end=None, basis="expression"):
    date = EventDate(None, None, None, start, end, "day", False, basis)
    mention = Mention("s", 0, 1, 0, 1)
    return Event("t", "s", type_, None, tuple(actors), date, (mention,), "occurred")


XI = Actor("person:xi-jinping", "Xi Jinping", "person")
PUTIN = Actor("person:vladimir-putin", "Vladimir Putin", "person")
CHN = Actor("country:CHN", "China", "country")
RUS = Actor("country:RUS", "Russia", "country")
SCO = Actor("org:SCO", "SCO", "organisation")
BRICS = Actor("org:BRICS", "BRICS", "organisation")
GOMA = Actor("place:goma", "Goma", "place")
DAY = dt.date(2023, 12, 20)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_event(actors=(XI, CHN), start=DAY, end=DAY), _event(actors=(XI,), start=DAY, end=DAY),
         True),
        (_event(actors=(XI,), start=DAY, end=DAY),
         _event("visit", actors=(XI,), start=DAY, end=DAY), False),
        (_event(actors=(XI,), start=DAY, end=DAY),
         _event(actors=(XI,), start=DAY + dt.timedelta(days=5), end=DAY + dt.timedelta(days=5)),
         False),
        (_event(actors=(XI,), start=DAY, end=DAY),
         _event(actors=(XI,), start=DAY + dt.timedelta(days=1), end=DAY + dt.timedelta(days=1)),
         True),
        (_event(actors=(XI, CHN), start=DAY, end=DAY),
         _event(actors=(PUTIN, CHN), start=DAY, end=DAY), False),
        (_event("membership", actors=(CHN, SCO), start=DAY, end=DAY),
         _event("membership", actors=(CHN, BRICS), start=DAY, end=DAY), False),
        (_event("sanctions", actors=(CHN, RUS), end=DAY, basis="publication"),
         _event("sanctions", actors=(CHN, RUS), end=DAY, basis="publication"), False),
        (_event("sanctions", actors=(CHN, RUS), end=DAY, basis="relation"),
         _event("sanctions", actors=(CHN, RUS), start=DAY, end=DAY), True),
        (_event(actors=(CHN,), start=DAY, end=DAY), _event(actors=(RUS,), start=DAY, end=DAY),
         False),
        (_event("protest", actors=(GOMA,), start=DAY, end=DAY),
         _event("protest", actors=(GOMA,), start=DAY, end=DAY), False),
        (_event("protest", actors=(GOMA, SCO), start=DAY, end=DAY),
         _event("protest", actors=(GOMA, SCO), start=DAY, end=DAY), True),
    ],
    ids=["subset-people", "type-differs", "far-apart", "one-day-slack", "other-person",
         "other-organisation", "both-undated", "open-interval-fits", "no-shared-actor",
         "only-a-place-shared", "a-place-and-a-body-shared"],
)  # fmt: skip
def test_same_happening_rules(a, b, expected):
    assert same_happening(a, b) is expected
    assert same_happening(b, a) is expected


def test_events_are_frozen(seed_events):
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed_events[0].title = "x"


@pytest.mark.parametrize(
    ("text", "events", "start"),
    [
        # a known happening ("Lowe's death") told again by its verb with nobody named
        ("A court will hear the claim over George Lowe's death aged 89 in May 2023. The former "
         "climber died in a hospital in Leeds.", 1, dt.date(2023, 5, 1)),
        # two deaths of different people told with nobody named in either stay two
        ("Two people died when their car hit a tree near Lyon on Sunday. The storm was the "
         "worst since 1999, when 12 people died in the region.", 2, None),
    ],
)  # fmt: skip
def test_a_known_happening_told_again_by_its_verb(text, events, start):
    found = [e for e in extract(text, dt.date(2024, 3, 14)) if e.type == "death"]
    assert len(found) == events, [(e.title, e.date) for e in found]
    if start is not None:
        assert found[0].date.start == start


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("In 1968 the Hong Kong flu killed about a million people worldwide. Mexico has said "
         "the new flu had killed 20 people.",
         ["Hong Kong flu kills about a million people", "New flu kills 20 people"]),
        ("The last large outbreak killed more than 500 people in 2017. The new outbreak has "
         "killed 68, the agency said.",
         ["Last large outbreak kills more than 500 people", "New outbreak kills 68"]),
    ],
)  # fmt: skip
def test_the_same_verb_with_other_counts_is_two_happenings(text, titles):
    """ "killed about a million" and "had killed 20": other tolls, other happenings."""
    assert [e.title for e in extract(text, dt.date(2024, 5, 10))] == titles


def test_the_same_verb_with_the_same_count_is_one_happening():
    text = "A bomb killed 12 people in Kabul on Monday. The bombing killed 12 people."
    assert [e.title for e in extract(text, dt.date(2024, 5, 10))] == [
        "Bomb kills 12 people in Kabul"
    ]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # what befell a place, then told by the happening that did it: one happening, told by
        # the clause that names the doer
        ("The coastal valley was ravaged in March 2011, when a cyclone destroyed 300 homes.",
         ["Cyclone destroys 300 homes"]),
        ("The mining town was struck in 1998, when a landslide killed 12 workers.",
         ["Landslide kills 12 workers"]),
        ("The capital was hit in June 2015, when rebels shelled the airport.",
         ["Rebels shell airport"]),
        # an act and the act it was done at are two happenings
        ("Mr Okafor was arrested in May 2019, when police raided his house in Lagos.",
         ["Okafor arrested", "Police raid house in Lagos"]),
        # what befell the place and an unrelated happening of its time: two types, two events
        ("The valley was devastated in 2010, when the government announced new elections.",
         ["Valley devastated", "Government announces new elections"]),
    ],
)  # fmt: skip
def test_a_when_clause_telling_what_befell_a_place(text, titles):
    """ "The area was devastated in May 2023, when floods killed 17 people": one happening."""
    assert [e.title for e in extract(text, dt.date(2024, 5, 10))] == titles


def _cand(index, trigger, pos="verb", type_="meeting", kind="event", subject="", obj="",
          actors=(), sentence=None):  # fmt: skip
    """A candidate as detection leaves it, for merging alone (no parse)."""
    text = f"{subject} {trigger} {obj}".strip()
    span = Span(text, index * 100, index * 100 + len(text))
    return Candidate(
        index=index, type=type_, kind=kind, sentence=span,
        clause=Clause(text, span.start, span.end), trigger=Trigger(type_, pos, 0, 0, trigger),
        actors=[ActorMention(a, 0, 0, a.name, "name") for a in actors], anchor=None,
        duration=None, status="occurred", doc=False, place=None,
        phrase=Phrase(subject=subject, verb=trigger, obj=obj), reference_day=None,
        position=index if sentence is None else sentence,
    )  # fmt: skip


def _merging_seconds(n: int) -> float:
    cands = [_cand(i, "met", actors=(XI,), obj="Putin in Moscow") for i in range(n)]
    started = time.process_time()
    (group,) = within_article(cands)
    assert len(group.members) == n
    return time.process_time() - started


def test_merging_a_long_group_stays_linear():
    """A happening told n times is read once per mention, not once per mention per mention."""
    _merging_seconds(50)
    small, large = min(_merging_seconds(300) for _ in range(2)), _merging_seconds(1200)
    # 4x the mentions: linear is 4x, quadratic 16x
    assert large < 8 * small, (small, large)


FED = Actor("org:FED", "Federal Reserve", "organisation")


@pytest.mark.parametrize(
    ("first", "second", "groups"),
    [
        # one happening told by two verbs of one row, of the same subject
        (("fall", "earnings", "Net profit", "31 percent", ()),
         ("drop", "earnings", "net profit", "", ()), 1),
        (("raise", "economy", "Fed", "interest rates", (FED,)),
         ("lift", "economy", "Fed", "policy rate", (FED,)), 1),
        # ... or of the same thing done to, by another subject
        (("hit", "conflict", "An air strike", "crowded market in the town of Al-Mansura", ()),
         ("strike", "conflict", "two missiles", "market", ()), 1),
        # two things of one kind falling: two happenings
        (("fall", "market", "Oil prices", "", ()), ("drop", "market", "Gold prices", "", ()), 2),
        # the same count is no thing done to: other subjects, two happenings
        (("rise", "earnings", "Revenue", "5 percent", ()),
         ("climb", "earnings", "Profit", "5 percent", ()), 2),
        # the same doer raising another thing
        (("raise", "economy", "Fed", "interest rates", (FED,)),
         ("lift", "economy", "Fed", "growth forecast", (FED,)), 2),
        # another thing struck
        (("hit", "conflict", "An air strike", "crowded market", ()),
         ("strike", "conflict", "two missiles", "hospital", ()), 2),
        # verbs of two rows stay two happenings
        (("rise", "earnings", "Profit", "", ()), ("raise", "earnings", "Profit", "forecast", ()),
         2),
    ],
    ids=["same-subject", "same-doer-same-thing", "same-thing-struck", "other-subjects",
         "a-count-is-no-thing", "same-doer-other-thing", "other-thing-struck", "other-rows"],
)  # fmt: skip
def test_two_verbs_of_one_row_tell_one_happening(first, second, groups):
    """ "net profit fell 31 percent" / "net profit dropped to 3.1 billion": one happening."""
    cands = [
        _cand(i, verb, type_=type_, subject=subject, obj=obj, actors=actors)
        for i, (verb, type_, subject, obj, actors) in enumerate((first, second))
    ]
    assert len(within_article(cands)) == groups


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # a definite noun telling the thing hit again, the same day: one attack
        ("Rebels attacked a police station in Goma on Monday. Residents said two grenades hit "
         "the station at midday.", ["Rebels attack police station in Goma"]),
        # another day, or another thing hit: two happenings
        ("Rebels attacked a police station in Goma on Monday. On Friday two grenades hit the "
         "station.", ["Rebels attack police station in Goma", "Two grenades hit station"]),
        ("Rebels attacked a police station in Goma on Monday. Residents said two grenades hit "
         "a school at midday.",
         ["Rebels attack police station in Goma", "Two grenades hit school"]),
        # two quarters' profits: two happenings
        ("Acme Corp said on Thursday that its net profit fell 10 percent in the first quarter. "
         "Net profit dropped 5 percent in the second quarter.",
         ["Acme's net profit falls 10 percent", "Net profit drops 5 percent"]),
        # "the quake" names the earthquake told before (a compound's head)
        ("A strong earthquake struck central Peru on Tuesday. The quake hit at 3:10 p.m. local "
         "time, the USGS said.", ["Strong earthquake strikes central Peru"]),
        ("A strong earthquake struck central Peru on Tuesday. On Friday a second quake destroyed "
         "300 homes in Lima.",
         ["Strong earthquake strikes central Peru", "Second quake destroys 300 homes in Lima"]),
        # the noun that does the verb's deed is that deed ("hit by an earthquake"), and a
        # relative clause on it tells more of it (test_relative_toll.py)
        ("Iquique was hit by a magnitude 8.2 earthquake in 2014 that killed six people.",
         ["Magnitude 8.2 earthquake hits Iquique"]),
        ("Iquique was hit by a storm in 2014 and by an earthquake in 2015.",
         ["Storm hits Iquique", "Earthquake strikes"]),
        # the same verb of another doer and another thing, no names to compare: two
        ("Floods killed residents in the north on Monday. A landslide killed villagers in the "
         "south.", ["Floods kill residents", "Landslide kills villagers in the south"]),
        ("Gunmen attacked a bus near the border. Soldiers attacked the gunmen.",
         ["Gunmen attack bus", "Soldiers attack gunmen"]),
        # ... but a pronoun may be the same thing
        ("Police arrested a man in Leeds. Officers arrested him after a chase.",
         ["Police arrest man in Leeds"]),
    ],
)  # fmt: skip
def test_one_happening_told_in_other_words(text, titles):
    assert [e.title for e in extract(text, dt.date(2023, 10, 27))] == titles


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # a role told first, then the person by name: one resignation
        ("The chief executive of Norvik Bank resigned on Wednesday. Lena Holm, who founded Norvik "
         "in 1998, stepped down with immediate effect.",
         ["Chief executive of Norvik Bank resigns", "Lena Holm founds Norvik"]),
        # ... told as one more of its kind: two
        ("The chief executive of Norvik Bank resigned on Wednesday. Lena Holm, the chairwoman, "
         "also stepped down.",
         ["Chief executive of Norvik Bank resigns", "Lena Holm steps down"]),
        ("A bomb exploded in the market on Monday. A second bomb exploded near the mosque.",
         ["Bomb explodes", "Second bomb explodes"]),
        ("A worker died at the plant on Monday. Another worker died in hospital.",
         ["Worker dies", "Another worker dies"]),
        # the same thing told again, with no word of another: one
        ("A bomb exploded in the market on Monday. The bomb exploded near the mosque.",
         ["Bomb explodes"]),
        # "each other" is no other happening
        ("Three residents died in July 2015. The residents died within a week of each other.",
         ["Three residents die"]),
    ],
)  # fmt: skip
def test_a_person_once_and_one_more_of_a_kind(text, titles):
    assert [e.title for e in extract(text, dt.date(2021, 3, 19))] == titles


def _told(index, lemma, subject, obj="", agents=("person:a",), targets=()):
    """A statement mention as detection leaves it: ``lemma`` is the trigger's lemma."""
    cand = _cand(index, lemma, type_="statement", subject=subject, obj=obj)
    return dataclasses.replace(cand, agents=agents, targets=targets)


@pytest.mark.parametrize(
    ("members", "told"),
    [
        # a response told without what it answers (a headline's "X criticised for Y" read as
        # an active verb) gives way to a mention of the same test that tells it whole
        (
            [
                _told(0, "criticise", "Tom Reed"),
                _told(1, "condemn", "Leader of Green MPs", "Tom Reed's remarks"),
            ],
            1,
        ),
        ([_told(0, "praise", "Ana Lopes"), _told(1, "welcome", "Ana Lopes", "the deal")], 1),
        # it answers something: the first mention tells it
        (
            [
                _told(0, "criticise", "Tom Reed", "the plan"),
                _told(1, "condemn", "Leader of Green MPs", "Tom Reed's remarks"),
            ],
            0,
        ),
        (
            [
                _told(0, "criticise", "Tom Reed", targets=("person:b",)),
                _told(1, "condemn", "Leader of Green MPs", "Tom Reed's remarks"),
            ],
            0,
        ),
        # no response: a verb with no object is whole ("Tom Reed resigned")
        ([_told(0, "resign", "Tom Reed"), _told(1, "quit", "Tom Reed", "his post")], 0),
        # no other mention tells it whole
        ([_told(0, "criticise", "Tom Reed"), _told(1, "condemn", "Ana Lopes")], 0),
        # the whole one fails the head's test (it names no doer): the head tells it
        (
            [
                _told(0, "criticise", "Tom Reed"),
                _told(1, "condemn", "The remarks", "the plan", agents=()),
            ],
            0,
        ),
    ],
)
def test_the_headline_is_told_from_a_whole_mention(members, told):
    group = Group(members)
    assert group.head is members[0]  # the head, which dates the event, stays
    assert group.teller is members[told]
