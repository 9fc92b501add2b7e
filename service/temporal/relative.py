"""Normalisers for expressions relative to the publication date or to the running reference."""

from __future__ import annotations

import datetime as dt
import re

from . import dates
from .context import present_future, schedule
from .durations import number
from .explicit import LAST_WORDS, NEXT_WORDS, part_of_day, point_mod
from .patterns import DEIXIS_ALIASES, MONTH_AFTER_DAY, PARTS, SHORT_WEEKDAYS, WEEKDAYS, YEAR
from .state import Result, State, same_sentence, words
from .timeline import as_day, year_of

_DEIXIS_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def deixis(m: re.Match[str], st: State) -> Result | None:
    mod = point_mod(m)
    if m["deic"]:
        word = m["deic"].lower()
        word = DEIXIS_ALIASES.get(word, word)  # "tmrw", "tonite"
        day = dates.shift_days(st.dct, _DEIXIS_DAYS[word])
        part = m["part"] or ("night" if word == "tonight" else None)
        return part_of_day(day, part)._replace(mod=mod)
    if m["over"]:  # the night before the day the text is telling, if that is this week's
        day = _ref_day(st)
        recent = day is not None and 0 <= (st.dct - day).days <= 7
        return part_of_day(dates.shift_days(day, -1) if recent else st.dct, "overnight")
    if m["part3"]:  # "mid-afternoon (yesterday)": that part of the day
        shift = _DEIXIS_DAYS.get((m["deic3"] or "today").lower(), 0)
        return part_of_day(dates.shift_days(st.dct, shift), m["part3"])._replace(mod="MID")
    if m["ampart"]:  # "this am", "this pm" in posts
        return part_of_day(st.dct, "morning" if m["ampart"] == "am" else "afternoon")
    if m["dayrel"]:
        return part_of_day(dates.shift_days(st.dct, 2 if "tomorrow" in m["dayrel"] else -2), None)
    rel, part = m["rel2"].lower(), m["part2"].lower()
    rel, part = DEIXIS_ALIASES.get(rel, rel), "night" if part == "nite" else part
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last" and part != "night":
        return None
    return part_of_day(dates.shift_days(st.dct, offset), part)._replace(mod=mod)


def weekday_short(m: re.Match[str], st: State) -> Result | None:
    """ "sat night", "sun morning": a short day name made safe by the part of day after it;
    read as a bare weekday is (a plan ahead in lower-case posts and schedules)."""
    wd, rel = SHORT_WEEKDAYS[m["wd"].lower()], words(m["rel"])
    monday = st.dct - dt.timedelta(days=st.dct.weekday())
    if rel == "last":  # "last sun"
        day = dates.weekday_date(st.dct, wd, "last")
    elif rel == "next":  # "next sat": in next week, as "next Saturday"
        day = monday + dt.timedelta(days=7 + wd)
    elif rel == "this":  # "this sat": this week's
        day = monday + dt.timedelta(days=wd)
    else:
        direction = st.tense(m.start(), m.end())
        if direction is None and (
            schedule(st.text, m.start(), m.end()) or st.lower_case(m.start())
        ):
            direction = "future"
        day = dates.weekday_date(st.dct, wd, direction or "past")
    if m["dom"]:  # "sat 26th": the 26th near the publication that is a Saturday
        day = _weekday_on(st, wd, int(m["dom"]), st.tense(m.start(), m.end())) or day
    part = (m["part"] or "").lower() or None
    return part_of_day(day, "night" if part == "nite" else part)


def _ref_day(st: State) -> dt.date | None:
    """The day the text last named, if its reference is a day."""
    if st.ref and dates.granularity(st.ref[:10]) == "day":
        return dt.date.fromisoformat(st.ref[:10])
    return None


#: A post's verdict on a day gone: "what a game sunday!!", "best night ever saturday",
#: "thanks for a great night friday"; a plan or a question keeps it ahead.
_VERDICT = re.compile(
    r"\b(?:what\s+an?\b|best\b|worst\b|thanks?\s+(?:for|to|everyone)\b|thx\b|ty\s+for\b|"
    r"(?:still\s+)?recovering\s+from\b|hungover\b|hangover\b)",
    re.IGNORECASE,
)
_PLAN = re.compile(
    r"\?|\b(?:see\s+(?:you|u|ya)|can'?t\s+wait|cant\s+wait|roll\s+on|coming|join|bring|"
    r"tickets?|book|don'?t\s+miss|who'?s|anyone|pls|please|next|this|luck|wish)\b",
    re.IGNORECASE,
)


def _looking_back(text: str, start: int) -> bool:
    """True if the sentence of a lower-case day name with no tense judges it as done."""
    lo = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, start) for c in ".!?\n") if i >= 0]
    hi = min(ends, default=len(text))
    sentence = text[lo : hi + 1]
    return _VERDICT.search(sentence) is not None and _PLAN.search(sentence) is None


def weekday(m: re.Match[str], st: State) -> Result | None:
    wd = WEEKDAYS[m["wd"].lower()]
    if m["pl"]:
        part = f"T{PARTS[m['part'].lower()]}" if m["part"] else ""
        return Result("SET", f"XXXX-WXX-{wd + 1}{part}")
    rel = words(m["rel"])
    ref_day = _ref_day(st)
    if rel in _BEFORE_REF + _AFTER_REF and ref_day:  # anaphoric: "the previous Friday"
        day = dates.weekday_date(ref_day, wd, "last" if rel in _BEFORE_REF else "next")
    elif rel in LAST_WORDS:
        day = dates.weekday_date(st.dct, wd, "last")
    elif rel == "the next" and (told := _told_day(m, st)):
        day = dates.weekday_date(told, wd, "next")  # "on 3 May 1940 ... the next Tuesday"
    elif rel in ("next", "the next"):  # "next Thursday": the Thursday of next week
        monday = st.dct - dt.timedelta(days=st.dct.weekday())
        day = monday + dt.timedelta(days=7 + wd)
    elif rel in NEXT_WORDS:  # "this coming Thursday": the first one ahead
        day = dates.weekday_date(st.dct, wd, "next")
    elif rel == "this":
        day = st.dct + dt.timedelta(days=wd - st.dct.weekday())
    elif (rel in ("", "that", "the same") or m["pmod"]) and (told := _story_day(m, st)):
        day = told  # "On Friday, 9 November 1956 ... on Sunday": the Sunday after that Friday
    elif (rel in ("", "that", "the same") or m["pmod"]) and (
        year := _year_after(m, st) or _story_year(m, st)
    ):
        # "The mill opened in 1842. On Monday the men walked out": a Monday of that story's
        # year, not one near the publication date
        part = f"T{PARTS[m['part'].lower()]}" if m["part"] else ""
        return Result("TIME" if part else "DATE", f"{year}-WXX-{wd + 1}{part}", point_mod(m))
    elif _AHEAD_OF.search(st.text, max(0, m.start() - 40), m.start()) and not st.forced_tense:
        day = dates.weekday_date(st.dct, wd, "future")  # "fell ahead of Friday's jobs report"
    elif st.text.startswith("'s", m.end()) and not st.forced_tense:
        day = dates.weekday_date(st.dct, wd, "past")  # "Wednesday's ruling" already happened
    elif listed := _listed_after(m, st, wd):
        day = listed  # "on Saturday and Sunday": the Sunday after that Saturday
    else:
        direction = st.tense(m.start(), m.end())
        if direction is None and schedule(st.text, m.start(), m.end()):
            direction = "future"  # "voters go to the polls on Sunday"
        elif direction is None and st.lower_case(m.start("wd")):
            # "market back on sunday": informal posts announce plans; "what a game sunday!!"
            # looks back on one
            direction = "past" if _looking_back(st.text, m.start()) else "future"
        elif direction is None and _CLOCK_NEXT.match(st.text, m.end()):
            direction = "future"  # "Fri 7pm at the Crown": a listing's day and hour
        day = dates.weekday_date(st.dct, wd, direction or "past")
    if m["wrel"]:  # "Wednesday of next week": that weekday in the week named
        step = {"last": -1, "next": 1, "the following": 1, "the previous": -1}.get(
            words(m["wrel"]), 0
        )
        week_of = ref_day if ref_day and words(m["wrel"]).startswith("the ") else st.dct
        monday = week_of - dt.timedelta(days=week_of.weekday())
        day = monday + dt.timedelta(days=7 * step + wd)
    elif m["dom"]:  # "Tuesday the 14th": the 14th, in the month nearest the reference, that is
        day = _weekday_on(st, wd, int(m["dom"]), st.tense(m.start(), m.end())) or day
    if m["dayoff"]:  # "the day before last Tuesday's hearing"
        day = dates.shift_days(day, -1 if m["dayoff"].lower() == "before" else 1)
    return part_of_day(day, m["part"])._replace(mod=point_mod(m))


#: What joins a day name to one listed before it: "Saturday and Sunday", "Monday or Tuesday",
#: "Monday, Tuesday", "Thursday to Saturday".
_LIST_JOIN = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|to\s+|through\s+|-\s*|\u2013\s*)(?:on\s+)?",
    re.IGNORECASE,
)
#: The expression before ends with a day name: "Saturday", "6pm on Saturday".
_WEEKDAY_END = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})$", re.IGNORECASE)


def _listed_after(m: re.Match[str], st: State, wd: int) -> dt.date | None:
    """A bare day name listed right after another ("on Saturday and Sunday", "planned for
    Monday and Tuesday"): the first such weekday after the one before, which the clause's tense
    already placed; None when the name before was no day name or the two are a week apart.
    A day gone counts no further than the publication day."""
    if (
        m["part"]
        or st.last_end < 0
        or _LIST_JOIN.fullmatch(st.text, st.last_end, m.start()) is None
    ):
        return None
    before = st.text[st.last_start : st.last_end]
    if not _WEEKDAY_END.search(before.strip()) or not re.match(r"\d{4}-\d\d-\d\d", st.last_value):
        return None
    first = dt.date.fromisoformat(st.last_value[:10])
    gap = (wd - first.weekday()) % 7
    day = first + dt.timedelta(days=gap)
    if gap == 0 or (first <= st.dct < day):
        return None
    return day


#: A day something is done in preparation for has not come yet: "shares fell ahead of
#: Friday's jobs report", "troops deployed in the run-up to Sunday's vote".
_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|in\s+advance\s+of|in\s+the\s+(?:run|lead)[- ]?up\s+to|"
    r"in\s+preparation\s+for|to\s+prepare\s+for|in\s+anticipation\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A clock time right after a weekday with no tense about it: a listing ("Fri 7pm").
_CLOCK_NEXT = re.compile(r",?\s+(?:at\s+)?(?:[01]?\d)(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\b\.?)", re.I)
_PLUPERFECT = re.compile(r"\bhad\b(?:\s+\w+){0,4}\s+$", re.IGNORECASE)
_PLANNED = re.compile(
    r"\b(?:forecast|scheduled|expected|planned|due|set|slated|meant|supposed|promised)\b", re.I
)


def _story_day(m: re.Match[str], st: State) -> dt.date | None:
    """A bare weekday in a passage told from a day ("On Friday, 9 November ... on Sunday"):
    that weekday in the week after the day told, or before it in the pluperfect ("had met
    on Tuesday"); None when the story is not at a day."""
    story = st.story_at(m.start(), m.end())
    told = as_day(story) if story else None
    if told is None or present_future(st.text, m.start(), m.end()):
        return None  # "a memorial will be held on Sunday": from now, not from the story
    wd = WEEKDAYS[m["wd"].lower()]
    had = _PLUPERFECT.search(st.text, max(0, m.start() - 40), m.start())
    earlier = had and not _PLANNED.search(had[0])  # "had met on Tuesday", not "had been set for"
    return dates.weekday_date(told, wd, "past" if earlier else "future")


#: A month and year right after a weekday: "on a Monday in March 1862", "a Friday of 1911".
_MONTH_YEAR_AFTER = re.compile(
    rf"\s+(?:in|of)\s+(?:(?:early|late|mid-?)\s*)?(?:{MONTH_AFTER_DAY},?\s+)?(?:of\s+)?({YEAR})\b"
)


def _year_after(m: re.Match[str], st: State) -> int | None:
    """The year a month-and-year after a bare weekday names, two years or more before the
    publication ("on a Monday in March 1862"); None otherwise."""
    if m["wrel"] or m["dom"] or m["dayoff"]:
        return None
    after = _MONTH_YEAR_AFTER.match(st.text, m.end())
    year = int(after[1]) if after else None
    return year if year and year <= st.dct.year - 2 else None


def _story_year(m: re.Match[str], st: State) -> int | None:
    """The year of a story told to the month or year only, two years or more before the
    publication, that "that Sunday" points into; None for a bare "Sunday" (an obituary's "died
    on Tuesday" after "retired in 1982" is the week of publication), a story at a day, or a
    clause about the future from now."""
    if words(m["rel"]) not in ("that", "the same") or m["wrel"] or m["dom"] or m["dayoff"]:
        return None
    story = st.story_at(m.start(), m.end())
    if story is None or as_day(story):
        return None
    year = year_of(story)
    if year is None or year > st.dct.year - 2 or present_future(st.text, m.start(), m.end()):
        return None
    return year


def _told_day(m: re.Match[str], st: State) -> dt.date | None:
    """The day "the next Tuesday" counts from: the day a passage is told from (narrative, or
    a news background passage), else in a past clause the day last named; None in a clause
    about the future from now ("will reopen the next Tuesday": the one after next Monday)."""
    if present_future(st.text, m.start(), m.end()):
        return None
    story = st.story_at(m.start(), m.end())
    if story:
        return as_day(story)
    return _ref_day(st) if st.tense(m.start(), m.end()) == "past" else None


def _weekday_on(st: State, wd: int, dom: int, tense: str | None) -> dt.date | None:
    """The day ``dom`` of a month near the reference that falls on weekday ``wd``."""
    base = _ref_day(st) if st.story_at(0, 0) else None
    return dates.weekday_on(base or st.dct, wd, dom, tense)


def _weekend(st: State, offset: int, tense: str | None) -> str:
    """The ISO week code of a weekend; ``offset`` in weeks from the natural one."""
    day = st.dct
    if offset == 0 and tense != "future" and day.weekday() < 5:
        day = day - dt.timedelta(days=day.weekday() + 1)  # the weekend just past
    elif offset < 0:
        day = day - dt.timedelta(days=day.weekday() + 1)  # on a Saturday: the one before
    elif offset > 0:
        day = day + dt.timedelta(days=7)
    return dates.iso_week(day) + "-WE"


_PRESENT_SCHEDULE = re.compile(
    r"\b(?:is|are|'s|'re|takes\s+place|happens)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def _coming(m: re.Match[str], st: State) -> bool:
    """True if a tenseless "this weekend" points ahead: said from Wednesday on, or in a present
    schedule ("the festival is this weekend", "the club meets this weekend")."""
    if st.dct.weekday() >= 2 or schedule(st.text, m.start(), m.end()):
        return True
    return _PRESENT_SCHEDULE.search(st.text, max(0, m.start() - 30), m.start()) is not None


_UNIT_DURATION = {
    "week": "P1W",
    "weekend": "P2D",
    "month": "P1M",
    "year": "P1Y",
    "decade": "P10Y",
    "century": "P100Y",
    "quarter": "P1Q",
}

_BEFORE_REF = ("previous", "the previous", "the prior", "prior", "the preceding")

_FINER = {"year": ("month", "week", "day"), "month": ("week", "day")}


def _told_coarser(m: re.Match[str], st: State, unit: str) -> str | None:
    """The date told before "the same month thirty years later" when it lacks the unit (a
    bare year: "opened in 1950"), and is not this year: the offset moves that date at its
    own precision (1980), rather than the publication's month."""
    if words(m["rel"]) not in ("that", "the same", "that same"):
        return None
    told = st.story_at(m.start(), m.end()) or st.ref or ""
    if unit not in _FINER.get(dates.granularity(told), ()):
        return None
    return told if year_of(told) != st.dct.year else None


_AFTER_REF = ("the following", "following")


def _publication_unit(st: State, unit: str) -> str | None:
    """The publication's own month or ISO week ("the same month a year ago" looks back from
    it, whatever date the text told before)."""
    if unit == "month":
        return f"{st.dct:%Y-%m}"
    if unit == "week":
        year, week, _ = st.dct.isocalendar()
        return f"{year}-W{week:02d}"
    return None


def _told_before_after(m: re.Match[str], st: State, unit: str) -> str | None:
    """ "the year before" / "the month after" a past year or month named earlier in the same
    paragraph ("The plant closed in 2019. The law was passed the year before": 2018); None
    when nothing past was named there."""
    if not m["the"] or unit not in _STORY_UNITS or st.last_end < 0:
        return None
    if "\n" in st.text[st.last_end : m.start()]:
        return None
    base = (st.ref or "")[: _STORY_UNITS[unit]]
    if not re.fullmatch(r"\d{4}(?:-\d\d)?", base) or len(base) != _STORY_UNITS[unit]:
        return None
    if int(base[:4]) >= st.dct.year:
        return None
    return dates.shift_value(base, unit, -1 if words(m["ba"]) in ("before", "earlier") else 1)


def relative(m: re.Match[str], st: State) -> Result | None:
    unit = words(m["unit"]).replace("fiscal ", "")
    unit = {"wknd": "weekend", "wk": "week"}.get(unit, unit)
    story = _story_relative(m, st, unit, words(m["rel"]))
    if story:
        result = Result("DATE", story, point_mod(m), story=True)
    else:
        result = _relative(m, st, unit)
    if result and m["orso"]:  # "the next year or so": about a year
        result = result._replace(mod=result.mod or "APPROX")
    if result and (m["yago"] or m["ylast"]):  # "the same month a year earlier / last year":
        later = m["later"] is not None  # that month, a year back; "a year later": a year on
        count = number(m["yago"]) if m["yago"] else 1
        if not count or count != int(count):
            return None
        step = int(count) if later else -int(count)
        # "ago" and "last year" count from the publication, not from a date told before
        deictic = m["dago"] is not None or m["ylast"] is not None
        value = _publication_unit(st, unit) if deictic else _told_coarser(m, st, unit)
        value = value or result.value
        moved = dates.shift_value(value, "year", step) if result.type == "DATE" else None
        # a year on moves the story told; a year back looks back from it
        return result._replace(value=moved, anchor=False, story=later) if moved else None
    if story:
        return result
    if result and m["ba"] and (told := _told_before_after(m, st, unit)):
        return Result("DATE", told, point_mod(m), anchor=False)  # "closed in 2019 ... the
        # year before": 2018
    if result and m["ba"]:  # "the year before" read from the publication date: "the year"
        return result._replace(end=m.end("unit"))
    return result


def _trailing_year(st: State, rel: str) -> Result:
    """ "Over the past year", "the next year": TIMEX3 writes the calendar year before or after
    (TimeBank 3 of 3, HeidelTime); the bounds are the twelve months the text means, up to the
    day before publication or from the day after it (DATES.md: the period, not the label)."""
    if rel == "the next":
        first = dates.shift_days(st.dct, 1)
        last = dates.shift_days(dates.shift(first, years=1), -1)
    else:
        last = dates.shift_days(st.dct, -1)
        first = dates.shift(st.dct, years=-1)
    year = st.dct.year + (1 if rel == "the next" else -1)
    return Result("DATE", f"{year:04d}", anchor=False, reach=f"{first}/{last}")


def _relative(m: re.Match[str], st: State, unit: str) -> Result | None:
    rel = words(m["rel"])
    mod = point_mod(m)
    if unit == "decade" and (decade := _told_decade(m, st, rel)):
        return Result("DATE", decade, mod, anchor=False, story=True)
    if rel in ("the past", "the last", "the next") and not mod and unit == "year":
        return _trailing_year(st, rel)
    if rel in ("the past", "the last", "the next") and not mod:
        return Result("DURATION", _UNIT_DURATION[unit])
    if rel in _BEFORE_REF + _AFTER_REF and st.ref:
        base = st.ref[:4] if unit == "year" else st.ref[:7] if unit == "month" else st.ref
        if unit == "week" and dates.granularity(st.ref[:10]) == "day":  # "the following week"
            base = dates.iso_week(dt.date.fromisoformat(st.ref[:10]))
        shifted = dates.shift_value(base, unit, -1 if rel in _BEFORE_REF else 1)
        if shifted:
            return Result("DATE", shifted, mod, anchor=False)
    if m["the"] and unit == "year":
        after = st.text[m.end() : m.end() + 10].lower()
        if not mod and re.match(r"\s+(?:ended|ending|through|to\s+(?!date))", after):
            return Result("DURATION", "P1Y")  # "the year ended Sept. 30": a span of a year
        # "for the year" in a report on last year's results is that year, else this one
        last_year = st.ref and int(st.ref[:4]) == st.dct.year - 1
        past = st.tense(m.start(), m.end()) == "past"
        return Result("DATE", st.ref[:4] if last_year and past else str(st.dct.year), mod)
    if unit == "century" and m["the"] and not rel:
        ahead = st.tense(m.start(), m.end()) == "future"
        century = None if ahead else _told_century(m, st)
        if century is None and ahead and words(m["pmod"]) == "the turn of":
            century = (st.dct.year + 99) // 100  # "by the turn of the century, ... will"
        if century is not None:  # "built in the late 1800s, rebuilt at the turn of the century"
            return Result("DATE", f"{century:02d}", mod)
    # "the decade" told in the past (its clause's own verbs, not a "by" before it): the
    # decade just named, else the one of the time told ("founded in 1988; by the end of the
    # decade it had 500 members": the 1980s)
    if unit == "decade" and m["the"] and not rel and st.tense(m.end(), m.end()) != "future":
        last = st.last_value if same_sentence(st.text, st.last_end, m.start()) else ""
        told = last if re.fullmatch(r"\d{3}", last) else st.story_at(m.start(), m.end())
        told = told or st.ref or ""
        if re.fullmatch(r"\d{3}", told):
            return Result("DATE", told, mod)
        year = year_of(told)
        if year is not None:
            return Result("DATE", f"{year // 10:03d}", mod)
    if rel in ("that", "the same") or (m["the"] and unit != "weekend"):
        if st.ref and unit == "year":
            return Result("DATE", st.ref[:4], mod)
        if st.ref and dates.granularity(st.ref) == unit:
            return Result("DATE", st.ref, mod)
    tense = st.tense(m.start(), m.end())
    offset = -1 if rel in LAST_WORDS else 1 if rel in NEXT_WORDS else 0
    if rel == "the latest" and unit in ("year", "month", "week") and tense != "future":
        offset = -1  # "sales in the latest fiscal year": the last one completed
    if unit == "weekend":
        if (rel == "this" and st.dct.weekday() >= 3) or (
            rel in ("this", "") and tense is None and _coming(m, st)
        ):
            # "this weekend" said from Thursday on, or with no tense from Wednesday on or in a
            # present schedule ("the fair is this weekend"): the coming one; "what a game this
            # weekend" on a Monday, or "we went sailing this weekend": the one just past
            tense = "future"
        return Result("DATE", _weekend(st, offset, tense), mod)
    if unit == "year" and rel == "last" and not mod and _same_quarter_last_year(m, st):
        return Result("DATE", dates.shift_value(st.quarter, "year", -1), anchor=False)
    return Result("DATE", dates.period_value(st.dct, unit, offset), mod)


#: "will" later in the sentence: "over the next decade, she said, prices will rise".
_WILL_AFTER = re.compile(r"[^.!?;]*?\b(?:will|shall|won't)\b|[^.!?;]*?\w'll\b", re.IGNORECASE)


def _told_decade(m: re.Match[str], st: State, rel: str) -> str | None:
    """ "the following decade" after a year told, and in a narrative told in the past "the
    next decade", "the previous decade": the decade after (before) the one told (1929: 193).
    "Over the next decade prices will rise" stays a span."""
    if rel not in _AFTER_REF + _BEFORE_REF and not (
        rel == "the next"
        and st.mode == "narrative"
        and st.tense(m.start(), m.end()) == "past"
        and not _WILL_AFTER.match(st.text, m.end())
    ):
        return None
    told = st.story_at(m.start(), m.end()) or st.ref or ""
    digits = re.match(r"\d{3,4}", told)
    if digits is None:
        return None
    decade = int(digits[0][:3]) + (-1 if rel in _BEFORE_REF else 1)
    return f"{decade:03d}"


def _told_century(m: re.Match[str], st: State) -> int | None:
    """The century "the century" names in a text telling the past: that of the value just
    named in its sentence (a century, a decade, a year) or of the story time; "the turn of
    the century" is the one beginning at the hundred nearest it (after "the late 1800s": 19)."""
    last = st.last_value if same_sentence(st.text, st.last_end, m.start()) else ""
    told = last if re.fullmatch(r"\d{2,4}", last) else st.story_at(m.start(), m.end()) or ""
    digits = re.match(r"\d{2,4}", told)
    if digits is None:
        return None
    # a year in the middle of what is named: 18 (late) -> 1890, 189 -> 1895, 1921 -> 1921
    year = {2: lambda v: v * 100 + (90 if last == told else 50), 3: lambda v: v * 10 + 5}.get(
        len(digits[0]), lambda v: v
    )(int(digits[0]))
    if words(m["pmod"]) == "the turn of":
        return (year + 50) // 100
    return year // 100


_STORY_UNITS = {"year": 4, "month": 7}


def _story_relative(m: re.Match[str], st: State, unit: str, rel: str) -> str | None:
    """ "that year", "the following year", "the year before": read from the story time."""
    story = st.story_at(m.start(), m.end())
    if story is None or unit not in _STORY_UNITS or len(story) < _STORY_UNITS[unit]:
        return None
    base = story[: _STORY_UNITS[unit]]
    if not re.fullmatch(r"\d{4}(?:-\d\d)?", base):
        return None
    after = words(m["ba"])
    if after in ("before", "earlier") or rel in _BEFORE_REF:
        return dates.shift_value(base, unit, -1)
    if after in ("after", "later") or rel in _AFTER_REF or rel == "the next":
        return dates.shift_value(base, unit, 1)  # "early the next year": the story's next
    if rel in ("that", "the same") or (m["the"] and st.mode == "narrative"):
        return base
    return None


def _same_quarter_last_year(m: re.Match[str], st: State) -> bool:
    """ "third-quarter profit of $5 million, compared with $3 million last year": the
    comparison is with the same quarter, when a quarter was named just before."""
    if not (st.quarter and "-Q" in (st.last_value or "")):
        return False
    between = st.text[st.last_end : m.start()]
    compared = re.search(r"compared|from|versus|against", between) is not None
    return compared and same_sentence(st.text, st.last_end, m.start())


def offset_from(m: re.Match[str], inner: str) -> Result | None:
    """ "two weeks from next Tuesday", "three days after Christmas": the day named (``inner``,
    the TIMEX3 value the caller read from ``m["inner"]``), moved by the offset."""
    n = number(m["num"])
    if n is None or n != int(n) or dates.granularity(inner) != "day":
        return None
    unit = words(m["unit"]).rstrip("s")
    sign = -1 if words(m["dir"]) == "before" else 1
    moved = dates.shift_value(inner, unit, sign * int(n))
    return Result("DATE", moved) if moved else None


def year_end(m: re.Match[str], st: State) -> Result | None:
    future = st.tense(m.start(), m.end()) == "future"
    year = st.dct.year if future else st.dct.year - 1
    if m["ye"].lower().startswith("month"):
        return Result("DATE", dates.month_value(st.dct.year, st.dct.month, 0), "END")
    if not m["ye"].lower().startswith("year-"):  # "by year end", "by year's end": the end of
        return Result("DATE", f"{year:04d}", "END")  # the year (TIMEX3), as "the end of 2023"
    return Result("DATE", f"{year:04d}-12-31")  # "year-end results": the closing day


_REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "recently": "PAST_REF",
    "then current": "PAST_REF",
    "then-current": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
}


def ref(m: re.Match[str], st: State) -> Result | None:
    word = words(m["ref"])
    future = re.search(r"future|term|later|soon", word)
    value = _REFS.get(word) or ("FUTURE_REF" if future else None)
    return Result("DATE", value) if value else None


#: A reference late in its day (evening, night, a clock time from 6 p.m.), or a day told as
#: "the night of": "by morning" after it is the next day's.
_LATE = re.compile(r"T(?:EV|NI|1[89]|2\d)")
_NIGHT_OF = re.compile(r"\b(?:night|evening)\s+of\s+$", re.IGNORECASE)


def _late(st: State) -> bool:
    if _LATE.search(st.last_value or ""):
        return True
    return _NIGHT_OF.search(st.text, max(0, st.last_start - 20), max(0, st.last_start)) is not None


_DAY_SHIFT = {"the next": 1, "the following": 1, "the day after": 1, "the previous": -1,
              "the preceding": -1, "the day before": -1}  # fmt: skip


def day_before(m: re.Match[str], st: State) -> Result | None:
    """ "The day before, talks had failed": the day before (after) the day told."""
    if not (st.ref and dates.granularity(st.ref[:10]) == "day"):
        return None
    shift = -1 if m["ba"].lower() == "before" else 1
    day = dt.date.fromisoformat(st.ref[:10]) + dt.timedelta(days=shift)
    part = m["part"].lower()  # "The night before, the bridges had been burned"
    result = part_of_day(day, None if part == "day" else part)
    return result._replace(anchor=False, story=st.mode == "narrative")


def that_day(m: re.Match[str], st: State) -> Result | None:
    """ "that day", "the next morning", "earlier that day": a day told before in the text."""
    if not (st.ref and dates.granularity(st.ref[:10]) == "day"):
        return None
    day = dt.date.fromisoformat(st.ref[:10])
    day += dt.timedelta(days=_DAY_SHIFT.get(words(m["rel"]), 0))
    part = words(m["part"])
    if m["rel"] is None and part in ("morning", "afternoon") and _late(st):
        day += dt.timedelta(days=1)  # "the night of 14 March ... By morning": the 15th
    result = part_of_day(day, None if part == "day" else part)
    # a narrative moves on with "the next morning" ("Three days later" counts from it)
    return result._replace(anchor=False, story=st.mode == "narrative")
