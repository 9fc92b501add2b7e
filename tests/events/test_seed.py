"""The seed article yields each of its happenings once, typed, with actors, date and headline."""

import datetime as dt

import pytest

from service.events import extract

from .helpers import SEED_PUBLISHED, read, seed_timexes

D = dt.date
TEXT = read("geopost-china-russia.txt")


@pytest.fixture(scope="module")
def events():
    return extract(TEXT, SEED_PUBLISHED, seed_timexes(TEXT))


def find(events, type_, *actor_keys):
    matches = [
        e for e in events if e.type == type_ and set(actor_keys) <= {a.key for a in e.actors}
    ]
    assert len(matches) == 1, [(e.title, e.type) for e in events]
    return matches[0]


#: What the open-domain extraction tells beside the key events (background and plans), at most.
FURTHER = 7


# type, actors that must be there, (start, end, precision, basis, approximate), edtf, title
EXPECTED = [
    ("meeting", ("person:li-qiang", "person:mikhail-mishustin"),
     (D(2023, 12, 20), D(2023, 12, 20), "day", "expression", False), "2023-12-20",
     "Li Qiang and Mikhail Mishustin hold annual meeting in Beijing"),
    ("agreement", ("country:CHN", "country:RUS"),
     (D(2023, 12, 20), D(2023, 12, 20), "day", "narrative", False), "2023-12-20",
     "China and Russia issue joint communique"),
    ("meeting", ("person:mikhail-mishustin", "person:xi-jinping"),
     (D(2023, 12, 20), D(2023, 12, 20), "day", "expression", False), "2023-12-20",
     "Mishustin meets Xi Jinping in Beijing"),
    ("visit", ("person:mikhail-mishustin", "country:CHN"),
     (D(2023, 12, 19), D(2023, 12, 20), "day", "duration", False), "2023-12-19/2023-12-20",
     "Mishustin pays two-day visit to China"),
    ("statement", ("person:dmitry-chernyshenko", "country:RUS"),
     (D(2023, 12, 18), D(2023, 12, 18), "day", "expression", False), "2023-12-18",
     "Dmitry Chernyshenko says China is Russia’s largest source of tourists"),
    ("sanctions", ("org:EU", "country:RUS"),
     (None, D(2023, 12, 18), "unknown", "relation", False), "../2023-12-18",
     "EU imposes new round of sanctions against Moscow"),
    ("membership", ("country:IRN", "org:SCO"),
     (D(2023, 1, 1), D(2023, 12, 31), "year", "expression", False), "2023",
     "Iran joins SCO as full member"),
    ("membership", ("country:IRN", "org:BRICS"),
     (None, D(2023, 12, 21), "unknown", "publication", False), "../2023-12-21",
     "Iran joins BRICS"),
    ("conflict", ("country:UKR",),
     (D(2022, 1, 1), D(2022, 12, 31), "year", "duration", True), "2022~",
     "War in Ukraine ongoing for nearly two years"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("type_", "actors", "bounds", "edtf", "title"), EXPECTED, ids=[e[-1] for e in EXPECTED]
)
def test_seed_event(events, type_, actors, bounds, edtf, title):
    event = find(events, type_, *actors)
    d = event.date
    assert (d.start, d.end, d.precision, d.basis, d.approximate) == bounds
    assert d.edtf == edtf
    assert event.title == title
    assert len(event.title) <= 80
    assert event.mentions


def test_each_happening_once_and_little_else(events):
    titles = [e.title for e in events]
    assert len(titles) == len(set(titles))
    assert len(EXPECTED) <= len(events) <= len(EXPECTED) + FURTHER
    for e in events:
        assert 0 < len(e.title) <= 80 and e.title[0].isupper(), e.title


def test_war_is_ongoing_and_began_about_2022(events):
    war = find(events, "conflict", "country:UKR")
    assert war.status == "ongoing"
    assert war.date.value == "2022"
    assert "country:RUS" in {a.key for a in war.actors}


def test_communique_mentions_attach_to_one_event(events):
    communique = find(events, "agreement", "country:CHN")
    sentences = [m.sentence for m in communique.mentions]
    assert sum("communiqu" in s for s in sentences) == 6  # every sentence naming it
    for m in communique.mentions:
        assert TEXT[m.sentence_start : m.sentence_end] == m.sentence
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
    others = [e for e in events if e is not communique]
    assert not any("communiqu" in TEXT[m.start : m.end] for e in others for m in e.mentions)


def test_background_is_not_dated_today(events):
    published = [e.title for e in events if e.date.basis == "publication"]
    assert "Iran joins BRICS" in published
    assert not any(e.date.start == SEED_PUBLISHED and e.status != "planned" for e in events)


def test_key_events_are_the_salient_ones(events):
    """The lead's meeting and the communiqué rank first; the war in the background below."""
    ranked = sorted(events, key=lambda e: -e.salience)
    assert {e.type for e in ranked[:2]} == {"meeting", "agreement"}
    war = find(events, "conflict", "country:UKR")
    meeting = find(events, "meeting", "person:li-qiang")
    assert war.salience < meeting.salience


def test_visit_mentions_include_took_place_after(events):
    visit = find(events, "visit", "person:mikhail-mishustin")
    assert any("took place after" in m.sentence for m in visit.mentions)


def test_sanctions_end_before_the_visit_starts(events):
    visit = find(events, "visit", "person:mikhail-mishustin")
    sanctions = find(events, "sanctions", "org:EU")
    assert sanctions.date.end == visit.date.start - dt.timedelta(days=1)
    assert sanctions.date.start is None


def test_people_have_roles(events):
    meeting = find(events, "meeting", "person:li-qiang")
    roles = {a.key: a.role for a in meeting.actors}
    assert roles["person:li-qiang"] == "Chinese Premier"
    assert "country:CHN" not in roles  # "Chinese Premier": the title says whose office


def test_published_on_the_meeting_day_still_dates_it_that_day():
    published = dt.date(2023, 12, 20)
    events = extract(TEXT, published, seed_timexes(TEXT, published))
    meeting = find(events, "meeting", "person:li-qiang")
    assert (meeting.date.start, meeting.date.end) == (D(2023, 12, 20), D(2023, 12, 20))
    war = find(events, "conflict", "country:UKR")
    assert war.date.value == "2022"


def _annotate():
    try:
        from service.temporal import annotate
    except ImportError:  # pragma: no cover - the engine is not there yet
        pytest.skip("service.temporal.annotate is not available")
    return annotate


@pytest.mark.parametrize("published", [SEED_PUBLISHED, dt.date(2023, 12, 20)])
def test_seed_with_the_temporal_engine(published):
    """The same expectations hold with the real temporal engine (the default)."""
    _annotate()
    events = extract(TEXT, published)
    assert len(EXPECTED) <= len(events) <= len(EXPECTED) + FURTHER
    for type_, actors, bounds, _edtf, title in EXPECTED:
        event = find(events, type_, *actors)
        if event.date.basis == "publication":
            assert event.date.end == published
            continue
        assert (event.date.start, event.date.end, event.date.precision) == bounds[:3], title
        assert event.title == title


def test_extraction_is_deterministic(events):
    assert extract(TEXT, SEED_PUBLISHED, seed_timexes(TEXT)) == events
