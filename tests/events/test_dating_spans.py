"""Dates a clause's wording gives beyond its own expression: "over the past two weeks" (a span
up to the time of speaking), "the last time they met was in 2019" (the copula's date is the
clause's), "ended a two-day summit on Wednesday" (an ending is on its day)."""

import datetime as dt

import pytest

from service.events import dates, extract
from service.temporal.model import Timex

D = dt.date
PUB = D(2023, 12, 21)  # a Thursday


def _dated(text: str, word: str) -> str | None:
    found = [e for e in extract(text, PUB) if word in e.title.lower()]
    return found[0].date.edtf if found else None


def _duration(text: str, value: str) -> Timex:
    return Timex(0, len(text), text, "DURATION", value, None)


@pytest.mark.parametrize(
    ("text", "value", "edtf"),
    [
        ("the past two weeks", "P2W", "2023-12-07/2023-12-21"),
        ("the last three days", "P3D", "2023-12-18/2023-12-21"),
        ("the past 24 hours", "PT24H", "2023-12-20/2023-12-21"),
        ("the past 48 hours", "PT48H", "2023-12-19/2023-12-21"),
        ("the past three months", "P3M", "2023-09-21/2023-12-21"),
        ("the last two years", "P2Y", "2021-12-21/2023-12-21"),
        # not told up to the time of speaking, or no amount to count back: no span
        ("the previous two weeks", "P2W", None),
        ("two weeks", "P2W", None),
        ("the past few days", "PXD", None),
        ("the past 1.5 years", "P1.5Y", None),
    ],
)
def test_lately_runs_up_to_the_day_told(text, value, edtf):
    got = dates.lately(_duration(text, value), PUB)
    assert (got.edtf if got else None) == edtf
    if got is not None:
        assert (got.end, got.basis) == (PUB, "duration")


def test_lately_counts_months_back_from_a_long_month():
    got = dates.lately(_duration("the past month", "P1M"), D(2024, 3, 31))
    assert (got.start, got.end) == (D(2024, 2, 29), D(2024, 3, 31))


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        ("Petrol prices fell nearly three cents a litre over the last two weeks, a survey "
         "showed.", "fall", "2023-12-07/2023-12-21"),
        ("Eleven people died in floods in the past 24 hours.", "die", "2023-12-20/2023-12-21"),
        ("The carmaker cut 400 jobs over the past two years.", "cut", "2021-12-21/2023-12-21"),
        # a date of its own wins
        ("Prices fell on Monday after rising over the past two weeks.", "fall", "2023-12-18"),
        # told from the story's day, not from publication: no span
        ("Prices fell over the previous two weeks.", "fall", "../2023-12-21"),
        # a length with no "past": no span up to publication
        ("The miners went on strike for two weeks.", "strike", "../2023-12-21"),
    ],
)  # fmt: skip
def test_a_happening_over_the_past_weeks(text, word, edtf):
    assert _dated(text, word) == edtf


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        ("The last time the two presidents met was in 2019.", "meet", "2019"),
        ("The first time the central bank raised rates was in March 2022.", "raise",
         "2022-03"),
        ("The last time the doctor gave her the drug was on 12 June.", "give", "2023-06-12"),
        ("The only time that the ship left port was in 1994.", "leave", "1994"),
        # no time noun: the copula's subject keeps it; the clause stays undated
        ("The meeting was on Tuesday.", "meeting", "2023-12-19"),
        ("The ministers met. The weather was cold on Tuesday.", "meet", "../2023-12-21"),
    ],
)  # fmt: skip
def test_the_time_a_clause_names_takes_the_copula_s_date(text, word, edtf):
    assert _dated(text, word) == edtf


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        ("Leaders of 12 nations ended a two-day summit in Busan on Wednesday.", "end",
         "2023-12-20"),
        ("Ministers from ten countries concluded a three-day conference in Geneva on Tuesday.",
         "conclude", "2023-12-19"),
        ("Xi wrapped up a three-day visit to France on Wednesday.", "wrap", "2023-12-20"),
        # the happening told as the subject keeps its length; a verb of beginning still spans
        # its happening from its day, a visit to its day
        ("The two-day summit in Busan ended on Wednesday.", "summit", "2023-12-19/2023-12-20"),
        ("The leaders opened a two-day summit on Tuesday.", "open", "2023-12-19/2023-12-20"),
        ("Li met Mishustin on Wednesday. Mishustin was on a three-day visit to China.", "visit",
         "2023-12-18/2023-12-20"),
    ],
)  # fmt: skip
def test_an_ending_is_on_its_day(text, word, edtf):
    assert _dated(text, word) == edtf


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        # a look back is no story's time: the next clause is not told at it
        ("The last time the doctor gave her the drug was on 12 June. Her family welcomed the "
         "report.", "welcome", "../2023-12-21"),
        ("The first time the two leaders met was on Monday. They signed a trade deal.", "sign",
         "../2023-12-21"),
        # a clause told at a day is, as before
        ("The two leaders met on Monday. They signed a trade deal.", "sign", "2023-12-18"),
    ],
)  # fmt: skip
def test_a_look_back_is_no_story_time(text, word, edtf):
    assert _dated(text, word) == edtf


def _parsed(words, heads, deps, pos):
    """A hand-made parse (the English vocabulary, for lower-case forms)."""
    import spacy
    from spacy.tokens import Doc

    starts = [True] + [False] * (len(words) - 1)
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               sent_starts=starts)  # fmt: skip


# "The aftershock hit two days after the first magnitude six quake flattened the town.", as the
# parse breaks it: "after the first magnitude", and "six quake flattened the town" a clause apart
_BROKEN = (
    "The aftershock hit two days after the first magnitude six quake flattened the town .".split(),
    [1, 2, 2, 4, 5, 2, 8, 8, 5, 10, 11, 2, 13, 11, 2],
    "det nsubj ROOT nummod npadvmod prep det amod pobj nummod nsubj conj det dobj punct".split(),
    "DET NOUN VERB NUM NOUN ADP DET ADJ NOUN NUM NOUN VERB DET NOUN PUNCT".split(),
)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "expected"),
    [
        # the verb whose subject begins right after the preposition's object: its clause
        (*_BROKEN, [(1, 0)]),
        # a comma between: a clause of its own ("after the raid, police charged him")
        ("The aftershock hit after the quake , police said .".split(),
         [1, 2, 2, 2, 5, 3, 8, 8, 2, 2], ["det", "nsubj", "ROOT", "prep", "det", "pobj", "punct",
         "nsubj", "conj", "punct"], ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "NOUN",
         "VERB", "PUNCT"], []),
    ],
)  # fmt: skip
def test_a_clause_the_parse_broke_after_after(words, heads, deps, pos, expected):
    from types import SimpleNamespace

    from service.events import anchors

    doc = _parsed(words, heads, deps, pos)
    verbs = [i for i, p in enumerate(pos) if p == "VERB"]
    by_token = {i: SimpleNamespace(index=n) for n, i in enumerate(verbs)}
    assert anchors.relations(doc, by_token) == expected


@pytest.mark.parametrize(
    ("text", "word", "edtf"),
    [
        # a party's undated reaction, voiced by its spokesperson on a day in the next sentence
        ("Russia condemned the air strikes. A foreign ministry spokeswoman said on Monday that "
         "the raids broke international law.", "condemn", "2023-12-18"),
        ("The European Union welcomed the ceasefire. Its spokesman said on Tuesday that the deal "
         "must hold.", "welcome", "2023-12-19"),
        # another party's saying, a person's reaction, or a sentence between: no day
        ("Iran condemned the air strikes. The US said on Monday that it would send more troops.",
         "condemn", "../2023-12-21"),
        ("The opposition leader condemned the arrests. A party spokesman said on Monday that the "
         "arrests were illegal.", "condemn", "../2023-12-21"),
        ("Iran condemned the air strikes. Oil prices rose. A ministry spokesman said on Monday "
         "that the raids were illegal.", "condemn", "../2023-12-21"),
    ],
)  # fmt: skip
def test_a_reaction_voiced_on_a_day_by_a_spokesperson(text, word, edtf):
    assert _dated(text, word) == edtf
