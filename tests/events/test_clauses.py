"""Clauses that tell a happening of their own (issue 26, class 7): relative clauses whose
subject is the noun they describe, and the bounds gerund clauses give ("before retiring in
1984"). What such a clause says of a thing, not of a happening, stays out."""

import datetime as dt

import pytest

from service.events import extract

PUB = dt.date(2024, 3, 14)


def _dated(text: str, word: str):
    """The date of the event told by the clause holding ``word`` (None: no such event)."""
    for event in extract(text, PUB):
        if any(word in text[m.start : m.end] for m in event.mentions):
            return event.date
    return None


@pytest.mark.parametrize(
    ("text", "word", "year"),
    [
        ("BP sold its stake to Rosneft, which bought the oil company two years ago.", "bought",
         2022),
        ("Brightline, which was spun off from the group Aldmark in 2011, will report results "
         "on Jan. 29.", "spun", 2011),
        ("The satellite replaces Aquila-1, which launched in 2016 and ran out of fuel in "
         "November.", "launched", 2016),
    ],
)  # fmt: skip
def test_a_relative_clause_tells_its_own_happening(text, word, year):
    date = _dated(text, word)
    assert date is not None and date.basis == "expression"
    assert date.start.year == date.end.year == year


@pytest.mark.parametrize(
    ("text", "word", "start", "end"),
    [
        ("Before retiring in 1984, Lowe taught at a school in Leeds.", "taught", None,
         dt.date(1984, 12, 31)),
        ("After leaving the army in 2010, Smith founded a company in Leeds.", "founded",
         dt.date(2010, 1, 1), PUB),
    ],
)  # fmt: skip
def test_a_gerund_clause_bounds_the_predicate(text, word, start, end):
    date = _dated(text, word)
    assert (date.start, date.end, date.basis) == (start, end, "relation")


def test_a_date_inside_a_relative_clause_is_no_bound():
    """ "after a debate that ran past midnight": the midnight is the debate's end, not a bound
    the vote is told after."""
    date = _dated("The Dail passed the bill after a debate that ran past midnight.", "passed")
    assert date is not None and date.basis != "relation"


def _titles(text: str) -> list[str]:
    return [e.title for e in extract(text, PUB)]


@pytest.mark.parametrize(
    ("text", "word", "year", "title"),
    [
        ("Born in Leeds in 1931, Lowe trained as a teacher.", "Born", 1931, "Lowe born in Leeds"),
        ("Elected in 2010, Berg served two terms as mayor.", "Elected", 2010, "Berg elected"),
    ],
)  # fmt: skip
def test_a_dated_participle_before_its_clause_is_told_of_its_subject(text, word, year, title):
    """A fronted participle with a date of its own is a happening of the main clause's subject,
    who undergoes it when the participle is passive ("Born ..., Lowe": Lowe was born)."""
    date = _dated(text, word)
    assert date is not None and date.start.year == date.end.year == year
    assert title in _titles(text)


@pytest.mark.parametrize(
    "text",
    [
        "Asked about the case, the judge declined to comment.",
        "Speaking to reporters on Monday, the minister said the plan would work.",
    ],
)
def test_a_participle_setting_the_scene_is_no_happening(text):
    """Undated, or the setting of a statement ("Speaking on Monday, she said"): the main clause
    tells what happened."""
    assert not any(word in t for t in _titles(text) for word in ("ask", "speak", "Ask", "Speak"))


def test_a_clause_after_that_is_why_is_told_not_asked():
    """ "That is why we have resumed testing": the reason of what was told, not a question;
    "it was not clear how much time had passed" still is one."""
    assert _dated("Officials stopped the trial. That is why the board resumed talks.", "resumed")
    assert _dated("It was not clear how much time had passed.", "passed") is None


@pytest.mark.parametrize(
    ("text", "word", "title", "status"),
    [
        ("Talks between the two sides are due to resume in Geneva next week, the U.N. said.",
         "resume", "Talks between the two sides to resume in Geneva", "planned"),
        ("The court was right to find in 2014 that the rebates shut rivals out.", "find",
         "Court finds rebates shut rivals out", "occurred"),
    ],
)  # fmt: skip
def test_an_infinitive_after_due_or_right_is_done_by_the_subject(text, word, title, status):
    """ "are due to resume", "was right to find": the copula's subject does it (was dropped:
    no participant)."""
    found = [
        e for e in extract(text, PUB) if any(word in text[m.start : m.end] for m in e.mentions)
    ]
    assert [(e.title, e.status) for e in found] == [(title, status)]


@pytest.mark.parametrize(
    "text",
    [
        "Aid has been slow to reach survivors since the storm on 12 January.",
        "The minister was unable to attend the summit in Paris on Monday.",
    ],
)
def test_an_infinitive_after_slow_or_unable_is_not_done(text):
    assert not any(w in t for t in _titles(text) for w in ("reach", "attend"))


def test_a_dated_participle_after_a_noun_is_told_of_the_noun():
    """ "The outbreak, first reported in January, ...": the outbreak was reported then."""
    text = "The outbreak, first reported in Kivu province in January, has sickened 3,100 people."
    date = _dated(text, "reported")
    assert date is not None and (date.start, date.end) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 1, 31),
    )
    assert "Outbreak reported in Kivu province" in _titles(text)


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors said the trial over the singer's death aged 50 in June 2009 was over.",
        "Doctors are worried about people known to have caught the virus in March.",
        "Officials fear a second wave of cases swept across the region in the winter of 2030.",
        "Net income rose 12% in the quarter ended Sept. 30, the company said.",
    ],
)
def test_a_participle_of_age_knowledge_or_a_day_ahead_is_no_happening(text):
    """ "aged 50", "known to have", "the quarter ended Sept. 30", a past participle dated
    after the story: no happening."""
    titles = _titles(text)
    words = ("aged", "ages", "known", "swept", "sweeps", "ended", "ends")
    assert not any(w in t for t in titles for w in words)


def test_a_plan_told_in_the_past_perfect_is_no_longer_planned():
    """ "had been due to close next week": the plan the story says was changed."""
    text = "The sale to Northgate, valued at $85 million, had been due to close next week."
    assert not any("close" in t for t in _titles(text))


def test_a_participle_after_a_happening_of_something_is_the_happenings():
    """ "a study of 78,000 adults published on Wednesday": the study was published."""
    text = (
        "Walking helps, according to a study of more than 78,000 adults published on Wednesday "
        "in the journal Nature."
    )
    assert "Study published" in _titles(text)


@pytest.mark.parametrize(
    ("text", "word", "start", "end"),
    [
        ('He said: "Our daughter was born on the first of May 2020, six weeks early."', "born",
         dt.date(2020, 5, 1), dt.date(2020, 5, 1)),
        ('"We are seeing a steady rise, with 4,000 new cases reported just this week," she said.',
         "reported", dt.date(2024, 3, 11), dt.date(2024, 3, 17)),
    ],
)  # fmt: skip
def test_a_quotation_dating_a_past_deed_tells_it(text, word, start, end):
    """A quotation is the speaker's words, but a dated past happening told in it is told as
    having happened (was left out with everything quoted)."""
    date = _dated(text, word)
    assert date is not None and (date.start, date.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        '"We acted quickly on Monday and we will act again," the minister said.',
        '"The board will vote on the merger on Friday," the chairman said.',
        '"The talks were useful," the envoy said.',
        '"With today\'s announcement, the agency moves to a new phase," she said.',
    ],
)
def test_a_quotation_of_the_speakers_acts_plans_or_views_is_no_event(text):
    titles = _titles(text)
    assert not any(w in t for t in titles for w in ("act", "vote", "useful", "nnouncement"))
