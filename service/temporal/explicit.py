"""Normalisers for expressions that name their date: month names, numbers, years, clocks."""

from __future__ import annotations

import datetime as dt
import re

from . import dates
from .context import schedule
from .filters import POST_LENGTH
from .patterns import (
    DAY_WORDS,
    DECADE_WORDS,
    DEIXIS_ALIASES,
    MONTH,
    MONTH_AFTER_DAY,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS,
    POINT_MODS,
    SEASONS,
    SHORT_WEEKDAYS,
    WEEKDAYS,
    YEAR,
)
from .state import Result, State, same_sentence
from .timeline import nearest_year, told_month, year_of


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    """ "15", "15th", "fifteenth", "twenty-first"."""
    key = " ".join(word.lower().split())
    return DAY_WORDS[key] if key in DAY_WORDS else int(re.sub(r"\D", "", word))


def point_mod(m: re.Match[str]) -> str | None:
    pmod = m.groupdict().get("pmod")
    return POINT_MODS.get(" ".join(pmod.lower().split())) if pmod else None


def _weekday_shift(day: dt.date, weekday_word: str | None) -> dt.date:
    """A month-day whose stated weekday disagrees by a year is moved to the year that fits."""
    if not weekday_word:
        return day
    wd = WEEKDAYS[weekday_word.lower()]
    for year in (day.year, day.year - 1, day.year + 1):
        try:
            cand = day.replace(year=year)
        except ValueError:
            continue
        if cand.weekday() == wd:
            return cand
    return day


def _direction(m: re.Match[str], st: State) -> str | None:
    """The tense of a date's clause, or ahead for a present schedule ("the festival runs July
    22-25", "voters go to the polls on May 5")."""
    tense = st.tense(m.start(), m.end())
    if tense is None and schedule(st.text, m.start(), m.end()):
        return "future"
    if tense is None and m["mon"] and st.lower_case(m.start("mon")):
        return "future"  # "flying out dec 20!!": a post's plan, as a lower-case weekday
    return tense


def month_day(m: re.Match[str], st: State) -> Result | None:
    month, day = month_number(m["mon"]), day_number(m["day"])
    rel = " ".join((m.groupdict().get("rel") or "").lower().split())
    range_year = None if m["year"] or m["yrel"] else _range_year(st.text, m.end(), month)
    story = None if m["year"] or rel or range_year else st.story_at(m.start(), m.end())
    if m["year"]:
        year = int(m["year"])
    elif m["yrel"]:  # "October 7 last year"
        year = st.dct.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    elif range_year:  # "July 22-23, 2020": the year the range ends with
        year = range_year
    elif story and year_of(story):  # "In 1917 ... On 15 May": the year being told
        year = nearest_year(story, month)
    elif rel in LAST_WORDS or rel in NEXT_WORDS:  # "last Oct. 23": the one before today
        this = (month, day) <= (st.dct.month, st.dct.day)
        year = st.dct.year - (not this) if rel in LAST_WORDS else st.dct.year + this
    else:
        year = dates.pick_year(st.dct, month, day, _direction(m, st))
    if not dates.valid_day(year, month, day):
        return None
    when = dt.date(year, month, day)
    if not m["year"]:
        when = _weekday_shift(when, m["wd"])
    if m.groupdict().get("weekof"):  # "the week of March 6": the ISO week holding that day
        return Result("DATE", dates.iso_week(when), story=bool(story))
    return Result("DATE", when.isoformat(), point_mod(m), story=bool(story))


#: The rest of a day range after its first day: "-23, 2020", " to 25 2019", " and 24, 2018",
#: " - 18 November 1916", " to Nov. 18, 1916".
_RANGE_REST = re.compile(
    rf"\s*(?:-|\u2013|\u2014|to|through|and|until)\s*(?:(?P<mon1>{MONTH})\s*)?(?:[0-3]?\d)"
    rf"(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<mon2>{MONTH_AFTER_DAY}))?,?\s+((?:1[0-9]|20)\d\d)\b"
    r"(?!\s*(?:%|percent))",
    re.IGNORECASE,
)


def _range_year(text: str, end: int, month: int | None = None) -> int | None:
    """The year closing a day range that begins at ``end`` ("July 22[-23, 2020]", "1 July
    [- 18 November 1916]"); a year earlier when ``month`` comes after the closing month."""
    m = _RANGE_REST.match(text, end, min(len(text), end + 40))
    if m is None:
        return None
    year, closing = int(m[3]), m["mon1"] or m["mon2"]
    if month and closing and month > month_number(closing):
        return year - 1  # "12 December - 5 January 1920": December 1919
    return year


#: The rest of a month range after its first month: " to August 2021", "-July 1916",
#: " and late March 2023" (not " to 5 May 2021", a day range).
_MONTH_RANGE_REST = re.compile(
    rf"\s*(?:-|\u2013|\u2014|to|through|until|till|and)\s*(?:early\s+|late\s+|mid-?)?"
    rf"(?P<mon>{MONTH}),?\s+(?P<year>(?:1[0-9]|20)\d\d)\b(?!\s*(?:%|percent))",
    re.IGNORECASE,
)


def _month_range_year(text: str, end: int, month: int) -> int | None:
    """The year of the first month of "from June to August 2021" (2021), "December to
    February 1917" (1916): the closing month's year, a year earlier if it comes later."""
    m = _MONTH_RANGE_REST.match(text, end, min(len(text), end + 40))
    if m is None:
        return None
    year = int(m["year"])
    return year - 1 if month > month_number(m["mon"]) else year


#: The rest of "from July to September" after its first month (no year: one is read for both).
_MONTH_PAIR_REST = re.compile(
    rf"\s+(?:to|through|thru|until|till)\s+(?P<mon>{MONTH_AFTER_DAY})(?!\s*\d)", re.IGNORECASE
)
_MONTH_PAIR_JOIN = re.compile(r"\s+(?:to|through|thru|until|till)\s+", re.IGNORECASE)


def _month_pair_year(m: re.Match[str], st: State, month: int) -> int | None:
    """The year of the first month of "from October to December" with no year: the pair is
    judged by its closing month, in the nearest year the tense allows (a year earlier when
    the months wrap round: "from November to January")."""
    rest = _MONTH_PAIR_REST.match(st.text, m.end(), min(len(st.text), m.end() + 30))
    if rest is None or not re.search(
        r"\bfrom\s+$", st.text[max(0, m.start() - 6) : m.start()], re.I
    ):
        return None
    closing = month_number(rest["mon"])
    year = dates.pick_year(st.dct, closing, None, _direction(m, st))
    return year - 1 if month > closing else year


def _pair_end_year(m: re.Match[str], st: State, mon: int) -> int | None:
    """The year of the closing month of "from October to December": the first month's,
    the next one's when the months wrap round."""
    before = _MONTH_VALUE.match(st.last_value or "")
    if before is None or st.last_end < 0 or st.last_end > m.start():
        return None
    if not _MONTH_PAIR_JOIN.fullmatch(st.text, st.last_end, m.start()):
        return None
    year, told = int(before[1]), int(before[2])
    return year + 1 if told > mon else year


def range_day(m: re.Match[str], st: State) -> Result | None:
    """The second day of "March 3 to 5", in the month and year of the first."""
    month, first, day = month_number(m["mon"]), day_number(m["d1"]), day_number(m["day"])
    if day <= first:
        return None
    if m["year"]:
        year = int(m["year"])
    else:
        tense = st.tense(m.start(), m.end("d1"))  # as for the first date, read on its own
        if tense is None and schedule(st.text, m.start(), m.end("d1")):
            tense = "future"  # "the festival runs July 22-25"
        year = dates.pick_year(st.dct, month, first, tense)
    if not dates.valid_day(year, month, day):
        return None
    return Result("DATE", dt.date(year, month, day).isoformat())


def range_first(m: re.Match[str], st: State) -> Result | None:
    """The first day of "from 12 to 20 May (1916)", in the month and year of the second."""
    month, day, last = month_number(m["mon"]), day_number(m["day"]), day_number(m["d2"])
    if day >= last:
        return None
    story = None if m["year"] else st.story_at(m.start(), m.end())
    if m["year"]:
        year = int(m["year"])
    elif story and year_of(story):
        year = nearest_year(story, month)
    else:  # the year the closing day is read in, so both ends agree ("runs from 12 to 15 July")
        year = dates.pick_year(st.dct, month, last, _direction(m, st))
    if not dates.valid_day(year, month, day):
        return None
    return Result("DATE", dt.date(year, month, day).isoformat(), story=bool(story))


def ad_year(m: re.Match[str], st: State) -> Result | None:
    """ "AD 43" is 0043, "1066 CE" 1066."""
    n = int(m["n"] or m["n2"])
    return Result("DATE", f"{n:04d}") if 1 <= n <= 2099 else None


def bc_range(m: re.Match[str], st: State) -> Result | None:
    """The first year of "218-201 BC": BC years count down."""
    n, n2 = int(m["n"]), int(m["n2"])
    return Result("DATE", f"BC{n:04d}") if 1 <= n2 < n <= 9999 else None


def fiscal_code(m: re.Match[str], st: State) -> Result | None:
    """ "FY2023", "FY23"."""
    fy = m["fy"]
    return Result("DATE", fy if len(fy) == 4 else f"{st.dct.year // 100:02d}{fy}")


def two_digit_year(yy: int, base: dt.date) -> int:
    """The year ``yy`` (0-99) names: the one nearest the reference date ("3/3/15" read in
    2023 is 2015, read in 1990 is 1915)."""
    century = base.year // 100 * 100
    return min(
        (century - 100 + yy, century + yy, century + 100 + yy), key=lambda y: abs(y - base.year)
    )


def short_year(yy: int, base: dt.date) -> int:
    """The year "'65" names: the last one of those digits not more than a year after the
    publication ("'29" read in 2021 is 1929, "'19" 2019, "'22" 2022)."""
    year = base.year // 100 * 100 + yy
    return year - 100 if year > base.year + 1 else year


def year_short(m: re.Match[str], st: State) -> Result | None:
    """ "in '65", "from '58 to '79": a year written without its century."""
    return Result("DATE", f"{short_year(int(m['yy']), st.dct):04d}")


def numeric_date(m: re.Match[str], st: State) -> Result | None:
    """ "3/3/15", "12-03-2007" (month first, as in US news, unless the first number can't be
    a month), "2014-10-03", "2014-10" (a month; "2009-10" is a season of two years, read by
    the year rule), "19.02.2010" (day first)."""
    if m["my"]:
        year, month = int(m["my"]), int(m["mm"])
        return Result("DATE", f"{year}-{month:02d}")
    if m["iy"]:
        y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
        return Result("DATE", f"{y}-{mo:02d}-{d:02d}") if dates.valid_day(y, mo, d) else None
    if m["sa"]:
        ahead = st.tense(m.start(), m.end()) != "past"
        return _month_slash_day(int(m["sa"]), int(m["sb"]), st, ahead)
    if m["dd"]:
        first, second, y = int(m["dd"]), int(m["dm"]), int(m["dy"])
        mo, d = second, first
    else:
        first, second = int(m["a"] or m["da"]), int(m["b"] or m["db"])
        text_year = m["y"] or m["dy2"]
        y = int(text_year) if len(text_year) == 4 else two_digit_year(int(text_year), st.dct)
        mo, d = (first, second) if first <= 12 else (second, first)
    if not dates.valid_day(y, mo, d):
        return None
    return Result("DATE", f"{y:04d}-{mo:02d}-{d:02d}")


def _month_slash_day(first: int, second: int, st: State, ahead: bool) -> Result | None:
    """ "12/3" with no year: the day it can name (month first or day first) nearest the
    publication date, ahead unless the clause is told in the past; month first on a tie."""
    days = []
    for mo, d in ((first, second), (second, first)):
        for y in (st.dct.year - 1, st.dct.year, st.dct.year + 1):
            if dates.valid_day(y, mo, d):
                days.append(dt.date(y, mo, d))
    if not days:
        return None
    if ahead and any(x >= st.dct for x in days):  # "got tickets for 22/11": the coming one
        days = [x for x in days if x >= st.dct]
    day = min(days, key=lambda x: abs((x - st.dct).days))
    return Result("DATE", day.isoformat())


def month_year(m: re.Match[str], st: State) -> Result | None:
    return Result("DATE", f"{int(m['year']):04d}-{month_number(m['mon']):02d}", point_mod(m))


LAST_WORDS = ("last", "past", "this past", "previous", "the previous", "the past", "the last")
NEXT_WORDS = (
    "next",
    "coming",
    "this coming",
    "the coming",
    "following",
    "the following",
    "upcoming",
    "the upcoming",
    "the next",
)


_THAT_WORDS = ("that", "the same", "that same")
_STORY_NEXT = ("following", "the following")
_STORY_LAST = ("previous", "the previous", "the preceding", "the prior", "prior")


def story_month(mon: int, rel: str, story: str) -> int | None:
    """The year of a month read from the story time: "that September" its year's, "the
    following March" the first after it, "the previous May" the last before it."""
    year = year_of(story)
    if year is None:
        return None
    told = told_month(story)
    if rel in _STORY_NEXT or rel in NEXT_WORDS:
        return year + 1 if told is None or mon <= told else year
    if rel in _STORY_LAST or rel in LAST_WORDS:
        return year - 1 if told is None or mon >= told else year
    if rel in _THAT_WORDS:
        return year
    return nearest_year(story, mon)


def _told_before(st: State) -> str | None:
    """The last date told, when it lies two or more years back: what "that autumn", "the
    following March" refer to in news that names a year without setting a scene ("The war
    ended in 1945. That autumn ...")."""
    year = year_of(st.ref or "")
    return st.ref if year is not None and year <= st.dct.year - 2 else None


def month(m: re.Match[str], st: State) -> Result | None:
    mon = month_number(m["mon"])
    rel = " ".join((m["rel"] or "").lower().split())
    story = st.story_at(m.start(), m.end()) if not m["yrel"] else None
    anaphoric = rel in _THAT_WORDS + _STORY_NEXT + _STORY_LAST
    closing = None if rel or m["yrel"] else _month_range_year(st.text, m.end(), mon)
    if closing is not None:  # "from June to August 2021": June 2021
        return Result("DATE", f"{closing:04d}-{mon:02d}", point_mod(m))
    pair = None if rel or m["yrel"] or story else _month_pair_year(m, st, mon)
    pair = pair if pair is not None or rel or m["yrel"] else _pair_end_year(m, st, mon)
    if pair is not None:  # "from October to December": both ends in one reading
        return Result("DATE", f"{pair:04d}-{mon:02d}", point_mod(m))
    story = story or (_told_before(st) if anaphoric else None)
    if story and (anaphoric or not rel or st.mode == "narrative"):
        year = story_month(mon, rel, story)
        if year is not None:  # "In 2008 ... That September": 2008-09
            return Result("DATE", f"{year:04d}-{mon:02d}", point_mod(m), story=True)
    if m["yrel"]:  # "June last year"
        year = st.dct.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    elif rel in LAST_WORDS:
        year = st.dct.year if mon < st.dct.month else st.dct.year - 1
        if rel == "last" and mon == st.dct.month - 1:
            year -= 1  # "last February" on 1 March: the month just over would be "last month"
    elif rel in NEXT_WORDS:
        year = st.dct.year if mon > st.dct.month else st.dct.year + 1
    elif rel in ("this", "current", "the current"):
        year = st.dct.year
    else:
        year = _coordinated_year(m, st, mon)
        if year is None:
            year = dates.pick_year(st.dct, mon, None, _direction(m, st))
    return Result("DATE", f"{year:04d}-{mon:02d}", point_mod(m))


#: What joins two months told as a list: "May and June", "May, June or July", "May and in June".
_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:(?:again|then|also)\s+)?(?:in\s+)?")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)$")


def _coordinated_year(m: re.Match[str], st: State, mon: int) -> int | None:
    """The year of a bare month listed right after another ("It rained in May and June"):
    the list shares the first month's year (the year after it once the months wrap round:
    "December and January"), so both keep the reading the first one was given."""
    before = _MONTH_VALUE.match(st.last_value or "")
    if before is None or st.last_end < 0 or st.last_end > m.start():
        return None
    if not _COORDINATION.fullmatch(st.text, st.last_end, m.start()):
        return None
    if st.text[st.last_end : m.start()].strip() == "":
        return None  # "May June": no list word between
    year, told = int(before[1]), int(before[2])
    return year + 1 if told - mon > 6 else year  # "June and May": out of order, one year


def year(m: re.Match[str], st: State) -> Result | None:
    """ "1998", "about 1990", "1957-58" (the first year, bounds through the second)."""
    mod = "APPROX" if m["amod"] else point_mod(m)
    through = None
    if m["year2"]:
        first = int(m["year"])
        second = first // 100 * 100 + int(m["year2"])
        through = f"{second:04d}" if second > first else None
    return Result("DATE", m["year"], mod, through=through)


def _word_number(words: str) -> int:
    return sum(NUMBERS[w] for w in re.split(r"[- ]+", words.lower()) if w in NUMBERS)


def spoken_year(m: re.Match[str], st: State) -> Result | None:
    """ "nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    if m["k"]:
        return _with_part(m, 2000 + (_word_number(m["ky"]) if m["ky"] else 0))
    cent = 19 if m["cent"].lower() == "nineteen" else 20
    yy = 0 if m["yy"].lower() == "hundred" else _word_number(m["yy"])
    if "the year" not in m[0].lower() and yy < 10:
        return None
    return _with_part(m, cent * 100 + yy)


def _with_part(m: re.Match[str], year: int) -> Result:
    """A spoken year with the month or season said before it ("January nineteen ninety")."""
    if m["mon"]:
        return Result("DATE", f"{year:04d}-{month_number(m['mon']):02d}")
    if m["season"]:
        return Result("DATE", f"{year:04d}-{SEASONS[m['season'].lower()]}")
    return Result("DATE", f"{year:04d}")


def decade(m: re.Match[str], st: State) -> Result | None:
    if m["dec"] and m["dec"].endswith("00") and m["dec"] != "2000":
        value = m["dec"][:2]  # "the 1600s": the century (the 2000s are a decade)
    elif m["dec"]:
        value = m["dec"][:3]
    elif m["dec2"] or m["dec3"]:  # "'90s", "the 70s": the nearest such decade not ahead
        tens = int(m["dec2"] or m["dec3"])
        century = (
            st.dct.year // 100
            if 100 * (st.dct.year // 100) + tens <= st.dct.year
            else (st.dct.year // 100 - 1)
        )
        value = f"{century:02d}{tens // 10}"
    else:
        value = f"19{DECADE_WORDS[m['decw'].lower()]}"
    # TIMEX3 extent keeps the determiner, as for centuries: "[the 1960s]", "[the mid-1990s]"
    return Result("DATE", value, point_mod(m))


def bc_year(m: re.Match[str], st: State) -> Result | None:
    """ "216 BC" is BC0216, "August 480 BC" BC0480-08 (TIMEX3 writes BC years so)."""
    n = int(m["n"])
    if not 1 <= n <= 9999:
        return None
    if m["mon"]:
        return Result("DATE", f"BC{n:04d}-{month_number(m['mon']):02d}")
    return Result("DATE", f"BC{n:04d}")


def century(m: re.Match[str], st: State) -> Result | None:
    word = m["ord"].lower().replace("-", " ")
    n = ORDINALS.get(word) or ORDINALS.get(word.replace(" ", "-"))
    if n is None:
        n = day_number(word)
    if not 1 <= n <= 30:
        return None
    if m["bc"]:  # "the 5th century BC": BC04 (the centuries count down to year 1)
        return Result("DATE", f"BC{n - 1:02d}", point_mod(m))
    return Result("DATE", f"{n - 1:02d}", point_mod(m))


def week_of_month(m: re.Match[str], st: State) -> Result | None:
    """ "the last week of March": the ISO week holding its last Thursday-like day (the week
    with most of its days in the month); the first week holds the 4th."""
    mon = month_number(m["mon"])
    story = st.story_at(m.start(), m.end())
    if m["year"]:
        year = int(m["year"])
    elif story and year_of(story):
        year = nearest_year(story, mon) or st.dct.year
    else:
        year = dates.pick_year(st.dct, mon, None, st.tense(m.start(), m.end()))
    nth = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["nth"].lower())
    if nth:
        day = dt.date(year, mon, 4) + dt.timedelta(weeks=nth - 1)
    else:
        last = dates.month_end(year, mon)
        day = last - dt.timedelta(days=3)
    return Result("DATE", dates.iso_week(day), story=bool(story and not m["year"]))


def day_of_month(m: re.Match[str], st: State) -> Result | None:
    """ "on the 15th": that day of the month the text is telling (the last month or day it
    named), else of the publication month, or the month after / before as the tense says."""
    dom = int(m["dom"])
    told = st.story_at(m.start(), m.end()) or st.ref
    week = re.match(r"^(\d{4})-W(\d\d)", told or "")
    if week:  # "closed next week, back open on the 17th": the 17th nearest that week
        monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        near = [
            dt.date(y, mo, dom)
            for y, mo in ((monday.year, monday.month), dates.next_month(monday.year, monday.month))
            if dates.valid_day(y, mo, dom)
        ]
        if near:
            day = min(near, key=lambda d: abs((d - monday).days))
            return Result("DATE", day.isoformat(), anchor=False)
    if told and re.match(r"^\d{4}-\d\d", told):
        year, month = int(told[:4]), int(told[5:7])
    else:
        year, month = st.dct.year, st.dct.month
        tense = st.tense(m.start(), m.end())
        if tense is None and schedule(st.text, m.start(), m.end()):
            tense = "future"  # "the sale ends on the 15th", as a weekday or month-day is
        if tense == "past" and dom > st.dct.day:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        elif tense == "future" and dom < st.dct.day:
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        elif tense is None and dom + 15 < st.dct.day:
            # no tense ("next game away on the 8th", posted on the 28th): the nearer one,
            # next month's, when this month's lies more than a fortnight back
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    if not dates.valid_day(year, month, dom):
        return None
    return Result("DATE", dt.date(year, month, dom).isoformat(), anchor=False)


def season(m: re.Match[str], st: State) -> Result | None:
    code = SEASONS[m["season"].lower()]
    if m["year"]:  # "the winter of 1941-42" is the winter beginning in 1941, whole
        end = None if not m["y2"] or int(m["y2"]) == (int(m["year"]) + 1) % 100 else m.end("year")
        return Result("DATE", f"{m['year']}-{code}", point_mod(m), end=end)
    if m["yy"]:  # "the spring of '29"
        return Result("DATE", f"{short_year(int(m['yy']), st.dct):04d}-{code}", point_mod(m))
    rel = " ".join((m["rel"] or "").lower().split())
    if not rel or rel == "the":
        year = _paired_season_year(st.text, m.end(), code)
        if year:  # "in the spring and summer of 1942": the year the pair ends with
            return Result("DATE", f"{year}-{code}", point_mod(m))
    story = st.story_at(m.start(), m.end())
    if story is None and rel in _THAT_WORDS + _STORY_NEXT + _STORY_LAST:
        story = _told_before(st)  # "The war ended in 1945. That autumn ..."
    if rel == "this" and st.tense(m.start(), m.end()) != "past":
        story = None  # "this summer the first mile will reopen": the writer's summer
    if story and (
        rel in ("", "the") + _THAT_WORDS + _STORY_NEXT + _STORY_LAST or st.mode == "narrative"
    ):
        value = story_season(code, rel, story)
        if value:  # "the following spring": the first spring after the time being told
            return Result("DATE", value, point_mod(m), story=True)
    value = dates.season_value(st.dct, code, st.tense(m.start(), m.end()), rel or None)
    return Result("DATE", value, point_mod(m))


#: A season joined to another that names its year: " and summer of 1942", " to the autumn
#: 1916", " or early winter of 1941".
_PAIRED_SEASON = re.compile(
    rf"\s*(?:and|or|to|through|into|-|\u2013)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?"
    rf"(?P<other>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<year>{YEAR})",
    re.IGNORECASE,
)
_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _paired_season_year(text: str, end: int, code: str) -> int | None:
    """The year of a season joined to a later one that names it ("the spring and summer of
    1942": 1942); a year earlier when the season comes later in the year than the one named
    ("the winter and spring of 1942": the winter of 1941)."""
    m = _PAIRED_SEASON.match(text, end, min(len(text), end + 40))
    if m is None:
        return None
    other = SEASONS[m["other"].lower()]
    later = _SEASON_ORDER.index(code) > _SEASON_ORDER.index(other)
    return int(m["year"]) - 1 if later else int(m["year"])


#: The last month of a season, counted from January of the year its value names (winter: the
#: February after).
_SEASON_LAST = {"SP": 5, "SU": 8, "FA": 11, "WI": 14}


def story_season(code: str, rel: str, story: str) -> str | None:
    """A season read from the story time: its year's, or the next / previous one."""
    year = year_of(story)
    if year is None:
        return None
    told = told_month(story)
    base = dt.date(year, told, 15) if told else None
    if rel in _STORY_NEXT or rel in NEXT_WORDS:
        return dates.season_value(base, code, None, "next") if base else f"{year + 1}-{code}"
    if rel in _STORY_LAST or rel in LAST_WORDS:
        return dates.season_value(base, code, None, "last") if base else f"{year - 1}-{code}"
    if rel in ("", "the") and told is not None:  # "the winter of 1941-42 ... In the spring":
        return f"{_season_on(year, told, code)}-{code}"  # 1942's: the story moves on
    if code == "WI" and told is not None and told <= 3:
        return f"{year - 1}-WI"  # "until March [1963] ... That winter": the one from December 1962
    return f"{year}-{code}"


def _season_on(year: int, told: int, code: str) -> int:
    """The year of the first season ``code`` that has not ended by the month told."""
    last = _SEASON_LAST[code]
    return next(y for y in (year - 1, year, year + 1) if y * 12 + last >= year * 12 + told)


#: Nouns a holiday's name modifies ("Christmas shopping", "Thanksgiving dinner"): the feast
#: nearest the text, whatever the tense of the clause ("xmas shopping done already" in late
#: November is this year's).
_HOLIDAY_NOUN = re.compile(
    r"\s+(?:shopping|shoppers?|party|parties|dinner|lunch|meal|tree|trees|sales?|season|"
    r"holidays?|break|cards?|presents?|gifts?|markets?|lights|decorations|jumpers?|sweaters?|"
    r"rush|trading|period|menu|songs?|films?|movies?|plans|travel|getaway|weekend|week|"
    r"fair|concert|show|do|bash|hamper|food|leftovers)\b",
    re.IGNORECASE,
)


def holiday(m: re.Match[str], st: State) -> Result | None:
    name = m["hol"]
    if m["year"]:
        day = dates.holiday_date(name, int(m["year"]))
        if day and m["hweek"]:
            return Result("DATE", dates.iso_week(day))
        return Result("DATE", day.isoformat()) if day else None
    rel = (m["rel"] or "").lower()
    story = st.story_at(m.start(), m.end()) if not rel else None
    if story and year_of(story):  # "In 1914 ... by Christmas": that year's
        day = dates.holiday_date(name, year_of(story))
        if day is None:
            return None
        value = dates.iso_week(day) if m["hweek"] else day.isoformat()
        return Result("DATE", value, story=True)
    direction = {"last": "past", "next": "future"}.get(rel) or st.tense(m.start(), m.end())
    day = dates.holiday_date(name, st.dct.year)
    if day is None:
        return None
    if not rel and not m["hweek"] and _HOLIDAY_NOUN.match(st.text, m.end()):
        days = [dates.holiday_date(name, st.dct.year + k) for k in (-1, 0, 1)]
        day = min((d for d in days if d), key=lambda d: abs((d - st.dct).days))
        return Result("DATE", day.isoformat())
    if m["hweek"]:  # "Easter week": the week holding the feast, which may be this week
        monday = day - dt.timedelta(days=day.weekday())
        if direction == "past" and monday > st.dct:
            day = dates.holiday_date(name, st.dct.year - 1) or day
        elif direction == "future" and monday + dt.timedelta(days=6) < st.dct:
            day = dates.holiday_date(name, st.dct.year + 1) or day
        return Result("DATE", dates.iso_week(day))
    if direction == "past" and day > st.dct:
        day = dates.holiday_date(name, st.dct.year - 1)
    elif direction == "future" and day < st.dct:
        day = dates.holiday_date(name, st.dct.year + 1)
    return Result("DATE", day.isoformat()) if day else None


_MORNING = re.compile(r"\b(?:morning|breakfast|brunch|am|a\.m\.|gym|alarm|coffee)\b", re.I)
_EVENING = re.compile(
    r"\b(?:tonight|tonite|2nite|evening|night|nite|dinner|tea|drinks|pub|party|gig|show|movie|"
    r"film|quiz|match|game|bar|club|doors)\b",
    re.IGNORECASE,
)


def _sentence_of(text: str, start: int) -> str:
    """The sentence (or line) around ``start``."""
    lo = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    hi = min((i for i in (text.find(c, start) for c in "!?\n") if i >= 0), default=len(text))
    return text[lo:hi]


def _evening_told(st: State, start: int) -> bool:
    """True if the expression before, in the same sentence, named this evening or night."""
    return (
        st.last_value.endswith(("TEV", "TNI"))
        and st.last_value[:10] == st.dct.isoformat()
        and "\n" not in st.text[st.last_end : start]
        and same_sentence(st.text, st.last_end, start)
    )


def _after_earlier_clock(st: State, start: int, hour: int) -> bool:
    """True if the clock time read last, in the same sentence, is at or after ``hour`` in the
    morning: a bare hour after it ("at 6am then work till 6") is the same hour after noon."""
    told = re.fullmatch(r"\d{4}-\d\d-\d\dT(\d\d):\d\d", st.last_value or "")
    return (
        told is not None
        and hour <= int(told[1]) < 12
        and same_sentence(st.text, st.last_end, start)
    )


def _clock_on_told_day(st: State, told: str, m: re.Match[str]) -> bool:
    """True if a bare clock time falls on the last day told rather than on the publication
    day: a day ahead, or any day in narrative text; in news a past day only when the clause
    is not about the future, and a day two or more years back (a background passage) only
    in a past-tense clause ("The polls closed at 8 p.m." after "on Nov. 2, 1920"; not
    "Voting ends at 6 p.m.", which is today's)."""
    if told >= st.dct.isoformat() or st.mode == "narrative":
        return True
    tense = st.tense(m.start(), m.end())
    if int(told[:4]) <= st.dct.year - 2:
        return tense == "past"
    return tense != "future"


#: The day after the one told, named right after a clock time: "at 2:20 a.m. the next morning".
_NEXT_DAY_AFTER = re.compile(
    r",?\s+(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b",
    re.IGNORECASE,
)


def clock(m: re.Match[str], st: State) -> Result | None:
    if m["noon"]:
        word = m["noon"].lower()
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    elif m["h24"] or m["hmil"] or m["hp"] or m["hhrs"]:
        hour = int(m["h24"] or m["hmil"] or m["hp"] or m["hhrs"])
        minute = int(m["m24"] or m["mmil"] or m["mp"] or m["mhrs"])
    elif m["hb"] or m["hq"]:  # "see you at 8!", "doors 7:30": the evening, unless the
        hour, minute = int(m["hb"] or m["hq"]), int(m["mq"] or 0)  # morning is named
        sentence = _sentence_of(st.text, m.start())
        if not _MORNING.search(sentence) and (hour <= 7 or _EVENING.search(sentence)):
            hour += 12  # "see u at 7", "dinner at 8"; "coffee at 10?" stays in the morning
        elif hour < 12 and _after_earlier_clock(st, m.start(), hour):
            hour += 12  # "gym at 6am then work till 6": the end of the span, later
    elif m["h2"]:  # "4 in the morning", "7:30 in the evening"
        hour, minute = int(m["h2"]), int(m["m2"] or 0)
        if m["part2"].lower() != "morning" and hour < 12:
            hour += 12
    elif m["h3"]:  # "at 8 tonight", "from 7:30 this evening"
        hour, minute = int(m["h3"]), int(m["m3"] or 0)
        hour += 12 if hour < 12 else 0
    elif m["h4"]:  # "at 3 this afternoon": the part of the day after it sets the half
        hour, minute = int(m["h4"]), int(m["m4"] or 0)
    elif m["hr"]:  # "from 2 to 4pm": 14:00; "11 to 1pm": 11:00
        hour, minute = int(m["hr"]), int(m["mr"] or 0)
        last = int(m["rh"]) % 12 + (12 if m["rampm"].lower().startswith("p") else 0)
        if m["rampm"].lower().startswith("p") and hour < 12 and hour + 12 <= last:
            hour += 12
        elif hour == 12 and m["rampm"].lower().startswith("a"):
            hour = 0
    else:
        hour, minute = int(m["h"]), int(m["min"] or 0)
        ampm = m["ampm"].lower()
        if hour > 12 or hour == 0 and not ampm.startswith("o"):
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    tonight = DEIXIS_ALIASES.get((m["deic"] or "").lower(), (m["deic"] or "").lower()) == "tonight"
    if m["hp"] and hour < 12 and _evening_told(st, m.start()):
        hour += 12  # "tonight: fireworks from 6:30"
    elif m["hp"] and hour < 12 and len(st.text) <= POST_LENGTH:
        sentence = _sentence_of(st.text, m.start())  # "see u at 7:30 for dinner"; "left at
        if not _MORNING.search(sentence) and _EVENING.search(sentence):  # 7:45" stays
            hour += 12
    if tonight and hour < 12 and not (m["ampm"] or "").lower().startswith("a"):
        hour += 12  # "9 o'clock tonight"
    day, next_day = st.dct, False
    told = st.ref[:10] if st.ref and re.fullmatch(r"\d{4}-\d\d-\d\d", st.ref[:10]) else None
    if told and _clock_on_told_day(st, told, m):
        day = dt.date.fromisoformat(told)  # a bare clock time: the day being told
        if _NEXT_DAY_AFTER.match(st.text, m.end()):  # "sank at 2:20 a.m. the next morning":
            day += dt.timedelta(days=1)  # that day, which the words after it then name
            next_day = True
    between = st.text[st.last_end : m.start()].strip(" ,").lower() if st.last_end >= 0 else "-"
    if between in ("", "at", "on", "from", "by") and re.match(r"\d{4}-\d\d-\d\d", st.last_value):
        day = dt.date.fromisoformat(st.last_value[:10])  # "Dec. 20 at 8 p.m."
    g = m.groupdict()  # "clock_aside" has no full date after the weekday
    mon_word, day_word = (
        m["mon"] or g.get("wdm") or g.get("wdm2"),
        m["day"] or g.get("wdd") or g.get("wdd2"),
    )
    if mon_word and day_word:  # "10pm on Thursday 7 May (2026)", "8 p.m. May 7, 2026"
        mon, d = month_number(mon_word), day_number(day_word)
        year = g.get("cy") or g.get("wdy")
        y = int(year.strip(" ,")) if year else dates.pick_year(st.dct, mon, d, _direction(m, st))
        if not dates.valid_day(y, mon, d):
            return None
        day = dt.date(y, mon, d)
    elif m["wd"] or g.get("wds"):
        if g.get("wds") and len(st.text) > POST_LENGTH:  # a post's spelling only: the clock
            end = re.search(r",?\s+(?:on\s+)?$", st.text[: m.start("wds")]).start()
            return Result("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", end=end)
        direction = st.tense(m.start(), m.end())
        if direction is None and (
            g.get("wds") or schedule(st.text, m.start(), m.end()) or st.lower_case(m.start("wd"))
        ):
            direction = "future"  # "polls close at 8 p.m. on Thursday", "party 8pm friday"
        number = WEEKDAYS[m["wd"].lower()] if m["wd"] else SHORT_WEEKDAYS[g["wds"]]
        day = dates.weekday_date(st.dct, number, direction or "past")
        if g.get("wdo"):  # "7pm Friday 28th": the 28th near publication that is a Friday
            day = dates.weekday_on(st.dct, number, int(g["wdo"]), direction) or day
    elif m["deic"] or g.get("rdeic"):
        deic = (m["deic"] or g["rdeic"]).lower()  # "3pm tmrw", "2-4pm tmrw"
        word = DEIXIS_ALIASES.get(deic, deic)
        day = dates.shift_days(st.dct, {"yesterday": -1, "tomorrow": 1}.get(word, 0))
    elif g.get("rwd"):  # "from 10 to 11am friday": the first hour on the day of the second
        direction = st.tense(m.start(), m.end())
        if direction is None and (
            schedule(st.text, m.start(), m.end()) or st.lower_case(m.start("rwd"))
        ):
            direction = "future"
        day = dates.weekday_date(st.dct, WEEKDAYS[g["rwd"].lower()], direction or "past")
    zone = "Z" if m["tz"] in ("GMT", "UTC") else ""  # "0800 GMT": UTC, written Z
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}{zone}"
    # the reference stays on the day told for "the next morning" after the clock
    if not m["amod"]:
        return Result("TIME", value, anchor=not next_day)
    first = next(  # "about [10:35]", "around [3:30]" (a post's clock with no preposition)
        m.start(g)
        for g in ("h", "hr", "noon", "h24", "h2", "h3", "h4", "hmil", "hp", "hhrs", "hb", "hq")
        if m[g]
    )
    return Result("TIME", value, "APPROX", start=first, anchor=not next_day)


#: "the evening of", "the night of" just before a day: "[the night of 14 March 1947]".
_PART_OF = re.compile(
    r"\b[Tt]he\s+(?:(?:early|late)\s+)?(?P<part>morning|afternoon|evening|night)\s+of\s+$",
    re.IGNORECASE,
)


def part_of_named_day(text: str, start: int, result: Result) -> tuple[int, Result] | None:
    """A day named after "the evening of" is that part of the day: TIME ``1956-11-09TEV``,
    its span from "the". None unless ``result`` is a bare day."""
    if result.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", result.value):
        return None
    before = _PART_OF.search(text, max(0, start - 32), start)
    if before is None:
        return None
    value = f"{result.value}T{PARTS[before['part'].lower()]}"
    return before.start(), result._replace(type="TIME", value=value, start=before.start())


def part_of_day(day: dt.date, part: str | None) -> Result:
    """DATE for a bare day, TIME with a part-of-day code when ``part`` is given."""
    if part:
        return Result("TIME", f"{day.isoformat()}T{PARTS[part.lower()]}")
    return Result("DATE", day.isoformat())
