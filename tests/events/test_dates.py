"""Dates: attaching expressions to the event they modify, durations, relations, publication."""

import datetime as dt

import pytest

from service.events import dates, extract
from service.events.model import EventDate
from service.temporal.model import Timex

from .helpers import timex

D = dt.date
PUB = D(2023, 12, 21)


def _duration(value, text="two days", mod=None):
    return Timex(0, len(text), text, "DURATION", value, None, mod=mod)


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("P2D", D(2023, 12, 20), (D(2023, 12, 19), D(2023, 12, 20), "2023-12-19/2023-12-20")),
        ("P1D", D(2023, 12, 20), (D(2023, 12, 20), D(2023, 12, 20), "2023-12-20/2023-12-20")),
        ("P3D", D(2024, 1, 1), (D(2023, 12, 30), D(2024, 1, 1), "2023-12-30/2024-01-01")),
    ],
)
def test_duration_ending_on_a_day(value, end, expected):
    got = dates.ending_on(_duration(value), end)
    assert (got.start, got.end, got.edtf) == expected
    assert (got.precision, got.basis) == ("day", "duration")


def test_duration_starting_on_a_day():
    got = dates.starting_on(_duration("P2D"), D(2023, 12, 19))
    assert (got.start, got.end) == (D(2023, 12, 19), D(2023, 12, 20))


def test_only_whole_days_make_intervals():
    assert dates.ending_on(_duration("P2Y"), D(2023, 12, 20)) is None


@pytest.mark.parametrize(
    ("value", "text", "value_out", "edtf", "precision"),
    [
        ("P2Y", "nearly two years", "2022", "2022~", "year"),
        ("P2Y", "for almost two years", "2022", "2022~", "year"),
        ("P2Y", "about two years", "2021", "2021~", "year"),
        ("P8M", "eight months", "2023-04", "2023-04~", "month"),
        ("P10D", "ten days", "2023-12-11", "2023-12-11~", "day"),
        ("P2W", "the last two weeks", "2023-W49", "2023-12-04/2023-12-10", "week"),
    ],
)
def test_ongoing_since(value, text, value_out, edtf, precision):
    got = dates.began_before(_duration(value, text, "APPROX"), PUB)
    assert (got.value, got.edtf, got.precision, got.approximate) == (
        value_out,
        edtf,
        precision,
        True,
    )
    assert got.basis == "duration"


def _day(day):
    return EventDate("x", day.isoformat(), day.isoformat(), day, day, "day", False, "expression")


def test_before_ends_the_day_before_with_open_start():
    got = dates.before(_day(D(2023, 12, 19)))
    assert (got.start, got.end, got.edtf, got.basis) == (None, D(2023, 12, 18), "../2023-12-18",
                                                         "relation")  # fmt: skip


def test_after_runs_to_publication():
    got = dates.after(_day(D(2023, 12, 18)), PUB)
    assert (got.start, got.end, got.basis) == (D(2023, 12, 19), PUB, "relation")


@pytest.mark.parametrize(
    ("planned", "bounds", "edtf"),
    [(False, (None, PUB), "../2023-12-21"), (True, (PUB, None), "2023-12-21/..")],
)
def test_publication_bound(planned, bounds, edtf):
    got = dates.publication(PUB, planned=planned)
    assert ((got.start, got.end), got.edtf, got.precision) == (bounds, edtf, "unknown")


def test_overlaps_treats_open_sides_as_unknown():
    open_end = dates.publication(PUB)
    assert dates.overlaps(open_end, _day(D(2020, 1, 1)))
    assert not dates.overlaps(open_end, _day(D(2024, 1, 1)))


def _extract(text, *specs, published=PUB):
    """Extract with hand-built timexes: (phrase, value, extra Timex fields)."""
    found = [timex(text, phrase, value, **extra) for phrase, value, extra in specs]
    return extract(text, published, found)


def test_each_date_attaches_to_its_own_clause():
    text = "Finland joined NATO on April 4, after Turkey ratified the accord on March 30."
    events = _extract(text, ("on April 4", "2023-04-04", {}), ("on March 30", "2023-03-30", {}))
    got = {e.type: e.date.start for e in events}
    assert got == {"membership": D(2023, 4, 4), "agreement": D(2023, 3, 30)}


def test_undated_event_before_a_dated_one_is_bounded_by_it():
    text = "The summit took place on May 5 after Japan imposed sanctions on Russia."
    events = _extract(text, ("on May 5", "2023-05-05", {}))
    sanctions = next(e for e in events if e.type == "sanctions")
    assert (sanctions.date.start, sanctions.date.end) == (None, D(2023, 5, 4))
    assert sanctions.date.basis == "relation"


def test_event_without_time_is_bounded_by_publication():
    (event,) = _extract("Iran joined the BRICS bloc.")
    assert (event.date.start, event.date.end, event.date.basis) == (None, PUB, "publication")
    assert event.date.precision == "unknown"


def test_duration_ends_at_the_narrative_day():
    text = "Li Qiang met Mishustin on Wednesday. Mishustin was on a three-day visit to China."
    events = _extract(text, ("on Wednesday", "2023-12-20", {}), ("three-day", "P3D", {}))
    visit = next(e for e in events if e.type == "visit")
    assert (visit.date.start, visit.date.end) == (D(2023, 12, 18), D(2023, 12, 20))


def test_ongoing_conflict_dates_its_start():
    text = "Fighting in Sudan has been ongoing for eight months."
    (event,) = _extract(text, ("eight months", "P8M", {"mod": "APPROX"}))
    assert (event.status, event.date.value, event.date.precision) == ("ongoing", "2023-04", "month")


def test_planned_event_keeps_its_future_date():
    text = "Xi will visit France next month."
    month = {"start_date": D(2024, 1, 1), "end_date": D(2024, 1, 31), "precision": "month"}
    (event,) = _extract(text, ("next month", "2024-01", month))
    assert (event.status, event.date.value, event.date.start) == (
        "planned",
        "2024-01",
        D(2024, 1, 1),
    )


def test_plan_is_never_placed_in_the_past():
    text = "Putin will visit Turkey on 18 December."
    (event,) = _extract(text, ("on 18 December", "2023-12-18", {}))
    assert event.status == "planned"
    assert (event.date.start, event.date.end) == (PUB, None)


def test_plan_for_a_bare_weekday_read_in_the_past_is_the_next_one():
    text = "Putin will visit Turkey on Monday."
    (event,) = _extract(text, ("on Monday", "2023-12-18", {}))
    assert event.status == "planned"
    assert (event.date.start, event.date.end) == (D(2023, 12, 25), D(2023, 12, 25))


def test_undated_plan_starts_at_publication():
    (event,) = _extract("French President Emmanuel Macron plans to visit China.")
    assert event.status == "planned"
    assert (event.date.start, event.date.end, event.date.edtf) == (PUB, None, "2023-12-21/..")


@pytest.mark.parametrize(
    ("anchor", "before_end", "after_start"),
    [
        (EventDate("Monday", "2023-12-18", "2023-12-18", D(2023, 12, 18), D(2023, 12, 18), "day",
                   False, "expression"), D(2023, 12, 17), D(2023, 12, 19)),
        (EventDate("2010", "2010", "2010", D(2010, 1, 1), D(2010, 12, 31), "year", False,
                   "expression"), D(2010, 12, 31), D(2010, 1, 1)),
    ],
    ids=["a-day-excludes-itself", "a-year-may-hold-it"],
)  # fmt: skip
def test_before_and_after_an_anchor(anchor, before_end, after_start):
    """ "Before retiring in 1984" may be in 1984; before Monday is Sunday at the latest."""
    assert (dates.before(anchor).start, dates.before(anchor).end) == (None, before_end)
    assert (dates.after(anchor, PUB).start, dates.after(anchor, PUB).end) == (after_start, PUB)


@pytest.mark.parametrize(
    ("anchor", "value", "later", "expected"),
    [
        # whole units from a day, a month, a year; weeks are approximate
        (("2009-06", D(2009, 6, 1), D(2009, 6, 30), "month"), "P2M", False, ("2009-04", True)),
        (("2011-05-05", D(2011, 5, 5), D(2011, 5, 5), "day"), "P2D", True, ("2011-05-07", False)),
        (("2011-05-05", D(2011, 5, 5), D(2011, 5, 5), "day"), "P1W", False, ("2011-04-28", True)),
        (("2010", D(2010, 1, 1), D(2010, 12, 31), "year"), "P3Y", True, ("2013", True)),
        (("2009-12", D(2009, 12, 1), D(2009, 12, 31), "month"), "P1M", True, ("2010-01", True)),
        # days or weeks need a day to count from; fractions are not counted
        (("2009-06", D(2009, 6, 1), D(2009, 6, 30), "month"), "P3D", True, None),
        (("2009-06-01", D(2009, 6, 1), D(2009, 6, 1), "day"), "P1.5D", True, None),
    ],
)  # fmt: skip
def test_moved_by_a_duration(anchor, value, later, expected):
    text, start, end, precision = anchor
    when = EventDate(text, text, text, start, end, precision, False, "expression")
    got = dates.moved(when, _duration(value, "some time"), later)
    assert (None if got is None else (got.value, got.approximate)) == expected


def _on(text: str, phrase: str, day: D) -> Timex:
    start = text.index(phrase)
    iso = day.isoformat()
    return Timex(start, start + len(phrase), phrase, "DATE", iso, iso, day, day, "day")


@pytest.mark.parametrize(
    ("text", "first", "second", "expected"),
    [
        # a range by its words, or a hyphen of its own
        ("from June 6 to June 9", "June 6", "June 9", (D(2023, 6, 6), D(2023, 6, 9))),
        ("on July 22-23, 2020", "July 22", "23, 2020", (D(2023, 7, 22), D(2023, 7, 23))),
        # two dates told apart, or backwards, are no range
        ("on June 6 and June 9", "June 6", "June 9", None),
        ("on July 22 - and 23", "July 22", "23", None),
        ("on July 23-22", "July 23", "22", None),
    ],
)
def test_interval(text, first, second, expected):
    days = {"June 6": D(2023, 6, 6), "June 9": D(2023, 6, 9), "July 22": D(2023, 7, 22),
            "23, 2020": D(2023, 7, 23), "23": D(2023, 7, 23), "July 23": D(2023, 7, 23),
            "22": D(2023, 7, 22)}  # fmt: skip
    got = dates.interval(text, _on(text, first, days[first]), _on(text, second, days[second]))
    assert (None if got is None else (got.start_date, got.end_date)) == expected


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        # an offset from another happening is no span of the dated act's own
        ("Police arrested Smith on Monday, two days before the vote.", "arrest", "2023-12-18"),
        ("Police arrested Smith on Monday, two days after the vote.", "arrest", "2023-12-18"),
        ("Rebels held the town for two days on Monday.", "hold", "2023-12-17/2023-12-18"),
        # a year before an instrument's noun is the instrument's, unless the verb makes it
        ("The 2011 law was repealed.", "repeal", "../2023-12-21"),
        ("Both sides scrapped the 1998 treaty.", "scrap", "../2023-12-21"),
        ("The 2015 deal collapsed.", "collapse", "../2023-12-21"),
        ("The 2011 law was struck down by the court.", "strike", "../2023-12-21"),
        ("The 2011 law was passed by Congress.", "pass", "2011"),
        ("The 2015 agreement was struck in Paris.", "struck", "2015"),
        ("Both sides signed the 2015 agreement.", "sign", "2015"),
        # a year before the noun a preposition governs is that thing's, not the clause's,
        # unless it is a period the clause is told over
        ("Smith was convicted of a 1998 murder.", "convict", "../2023-12-21"),
        ("Sales rose 4 percent in the 2019 fiscal year.", "rise", "2019"),
        ("Fuentes proposed the tax during his 2012 election campaign.", "propose", "2012"),
        ("He won the 2011 election.", "win", "2011"),
        ("The law was repealed in 2011.", "repeal", "2011"),
        # "came": when a noun's happening happened; without a time, it is told again
        ("Her resignation came on Monday.", "resignation", "2023-12-18"),
        ("The resignation came two days after the report was delivered on Monday.",
         "resignation", "2023-12-20"),
        ("The announcement came shortly before the doctor surrendered.", "announcement", None),
        ("Help came from abroad.", "help", None),
        # the verb that says who did it, not "came" or "took place", tells the event
        ("The minister resigned. The resignation took place on Friday.", "minister resigns",
         "2023-12-15"),
    ],
)  # fmt: skip
def test_offsets_instruments_and_came(text, word, edtf):
    found = [e for e in extract(text, PUB) if word in e.title.lower()]
    assert (found[0].date.edtf if found else None) == edtf


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        # a plan done at a dated happening ahead is a firm plan, named doer or not
        ("The board will approve the budget at its meeting on December 28.", "approve",
         "2023-12-28"),
        ("The committee will vote on the bill at its session on December 27.", "vote",
         "2023-12-27"),
        # a day past dates no plan; without the day nothing makes it firm
        ("The board will approve the budget at its meeting on December 1.", "approve",
         "2023-12-21/.."),
        ("The board will approve the budget.", "approve", None),
    ],
)  # fmt: skip
def test_a_plan_at_a_dated_happening(text, word, edtf):
    found = [e for e in extract(text, PUB) if word in e.title.lower()]
    assert (found[0].date.edtf if found else None) == edtf
    assert not found or found[0].status == "planned"


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        # "also" with the same verb: told at the day the first was, however far back
        ("Prosecutors on Tuesday charged Ortega with bribery. Ortega, who resigned in 2021, is "
         "accused of taking kickbacks. Sanz was also charged.", "sanz", "2023-12-19"),
        ("Police arrested Smith on Monday. The court heard the case. The jury met. Jones was "
         "arrested too.", "jones", "2023-12-18"),
        # another verb, or no "also", is not that act again
        ("Police arrested Smith on Monday. The court heard the case. The jury met. Jones was "
         "also charged.", "jones", "../2023-12-21"),
        ("Police arrested Smith on Monday. The court heard the case. The jury met. Jones was "
         "arrested.", "jones", "../2023-12-21"),
    ],
)  # fmt: skip
def test_also_the_same_act(text, word, edtf):
    found = [e for e in extract(text, PUB) if word in e.title.lower()]
    assert (found[0].date.edtf if found else None) == edtf


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        # "a day later": a happening of its own, that far from the story's day, however parsed
        ("Officials said on Friday that two cases were confirmed this week. The ministry said on "
         "Wednesday that a girl tested positive. Her brother was confirmed as a second case a "
         "day later.", "brother", "2023-12-21"),
        ("Police arrested Smith on Monday. Jones was arrested two days later.", "jones",
         "2023-12-20"),
        # "a 60-day state of emergency": a noun's length, no shift
        ("The government declared a 60-day state of emergency on Monday.", "declare",
         "2023-12-18"),
    ],
)  # fmt: skip
def test_a_shift_from_the_story_day(text, word, edtf):
    found = [e for e in extract(text, PUB) if word in e.title.lower()]
    assert (found[0].date.edtf if found else None) == edtf


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        # a past happening an offset would put after publication (Thursday 12-21): after the
        # day it counts from, no later than publication, never in the future
        ("Police arrested Smith on Tuesday. Jones was arrested a week later.", "jones",
         "2023-12-20/2023-12-21"),
        ("Rebels seized the town on Monday. Fighting resumed two weeks later.", "fighting",
         "2023-12-19/2023-12-21"),
        ("The army captured the bridge on Tuesday. A week later, fighting resumed.", "fighting",
         "2023-12-20/2023-12-21"),
        ("The court convicted Smith on Tuesday. He was sentenced five days later.", "sentence",
         "2023-12-20/2023-12-21"),
        # an offset that stays before (or on) publication keeps its day
        ("Police arrested Smith on Monday. Jones was arrested two days later.", "jones",
         "2023-12-20"),
        ("The vote was held on Tuesday. Two days later, the president signed the law.", "sign",
         "2023-12-21"),
        ("The strike began on Tuesday, a week after workers voted for it.", "vote",
         "2023-12-12~"),
        # a plan keeps its future date
        ("The leaders met on Tuesday and will meet again next week.", "to meet",
         "2023-12-25/2023-12-31"),
    ],
)  # fmt: skip
def test_a_past_happening_is_never_after_publication(text, word, edtf):
    found = [e for e in extract(text, PUB) if word in e.title.lower()]
    assert (found[0].date.edtf if found else None) == edtf
    assert (
        found[0].date.start is None or found[0].date.start <= PUB or found[0].status != "occurred"
    )


@pytest.mark.parametrize(
    ("since", "edtf", "precision"),
    [
        (D(2023, 12, 17), "2023-12-18/2023-12-21", "unknown"),  # counted from Sunday
        (D(2023, 12, 20), "2023-12-21", "day"),  # the day after is publication: that day
        (D(2023, 12, 28), "../2023-12-21", "unknown"),  # counted from a later day: no start
        (None, "../2023-12-21", "unknown"),
    ],
)
def test_not_after_publication(since, edtf, precision):
    late = EventDate("a week later", "2023-12-24", "2023-12-24~", D(2023, 12, 24),
                     D(2023, 12, 24), "day", True, "duration")  # fmt: skip
    got = dates.not_after(late, PUB, since)
    assert (got.edtf, got.precision, got.end, got.basis) == (edtf, precision, PUB, "relation")
    early = EventDate("Monday", "2023-12-18", "2023-12-18", D(2023, 12, 18), D(2023, 12, 18),
                      "day", False, "expression")  # fmt: skip
    assert dates.not_after(early, PUB, since) is early
