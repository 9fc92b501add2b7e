"""Turn selected matches into Timex values, left to right, keeping the running reference."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from . import durations, explicit, month_spans, quarters, relative
from .casing import recase
from .context import bound_mod, modifies_noun
from .edtf import describe
from .finder import Candidate, find
from .model import Timex
from .state import Result, State
from .timeline import mode

Handler = Callable[..., Result | None]


def _offset_from(m: re.Match[str], st: State) -> Result | None:
    """ "two weeks from next Tuesday": the inner day read here (the engine reading a part of
    its own match), the offset counted by ``relative``, so imports run one way."""
    tense = st.forced_tense or st.tense(m.start(), m.end())
    inner = normalise(m["inner"], st.dct, tense)
    return relative.offset_from(m, inner[0].value) if len(inner) == 1 else None


HANDLERS: dict[str, Handler] = {
    "date_mdy": explicit.month_day,
    "date_dmy": explicit.month_day,
    "date_num": explicit.numeric_date,
    "range_day": explicit.range_day,
    "range_first": explicit.range_first,
    "bc_range": explicit.bc_range,
    "ad_year": explicit.ad_year,
    "fiscal_code": explicit.fiscal_code,
    "month_year": explicit.month_year,
    "month": explicit.month,
    "month_range": month_spans.month_range,
    "months_to": month_spans.months_to,
    "decade": explicit.decade,
    "century": explicit.century,
    "bc_year": explicit.bc_year,
    "week_of_month": explicit.week_of_month,
    "day_of_month": explicit.day_of_month,
    "offset_from": _offset_from,
    "year": explicit.year,
    "short_year": explicit.year_short,
    "spoken_year": explicit.spoken_year,
    "season": explicit.season,
    "holiday": explicit.holiday,
    "clock": explicit.clock,
    "clock_aside": explicit.clock,
    "quarter": quarters.quarter,
    "quarter_code": quarters.quarter_code,
    "half": quarters.half,
    "months_part": quarters.months_part,
    "weekday": relative.weekday,
    "weekday_short": relative.weekday_short,
    "deixis": relative.deixis,
    "relative": relative.relative,
    "yearago": quarters.year_ago,
    "yearend": relative.year_end,
    "duration": durations.duration,
    "bare_units": durations.bare_units,
    "half_unit": durations.half_unit,
    "vague_span": durations.vague_span,
    "ref": relative.ref,
    "that_day": relative.that_day,
    "day_before": relative.day_before,
    "set": durations.set_every,
    "set_adv": durations.set_adverb,
    "set_times": durations.set_times,
    "set_alternate": durations.set_alternate,
}


#: "45 mins late this morning", "two days early on Friday": the lateness of a thing, not a
#: modifier of the date after it.
_LATENESS = re.compile(
    r"\b(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?|seconds?|secs?)\s+$", re.I
)
_EDGE_MOD = re.compile(r"(?:late|early)\s+", re.IGNORECASE)


def _measured_lateness(text: str, start: int, result: Result) -> Result:
    """``result`` without a leading "late"/"early" that belongs to a duration before it."""
    edge = _EDGE_MOD.match(text, start)
    if edge and _LATENESS.search(text, max(0, start - 12), start):
        return result._replace(start=edge.end(), mod=None)
    return result


_CLOCK_VALUE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def _clock_after_day(text: str, out: list[Timex], start: int, result: Result) -> bool:
    """True if a clock time follows the day it falls on with nothing but a space or comma
    between ("Thursday 3pm", "thurs, 7:30pm"): TIMEX3 writes them as one TIME."""
    if not out or result.type != "TIME" or not _CLOCK_VALUE.match(result.value):
        return False
    day = out[-1]
    return (
        day.type == "DATE"
        and day.value == result.value[:10]
        and text[day.end : start] in (" ", ", ")
    )


def _day_after_clock(text: str, out: list[Timex], start: int, result: Result) -> bool:
    """True if a day follows a clock time with "on" or a comma between ("10:30 a.m. on
    3 January 1920"), or a day name with a space ("2pm sat 26th"): the clock falls on that
    day, one TIME."""
    if not out or result.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", result.value):
        return False
    clock = out[-1]
    return (
        clock.type == "TIME"
        and _CLOCK_VALUE.match(clock.value) is not None
        and (
            text[clock.end : start] in (" on ", ", ", ", on ")
            # "2pm sat 26th": a day name right after the clock (not "6 p.m. the next day")
            or (text[clock.end : start] == " " and _DAY_NAME.match(text, start) is not None)
        )
    )


_DAY_NAME = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE)


#: A clock time alone (no day in its span) and the words that join it to a later one.
_BARE_CLOCK = re.compile(r"[\d:.]+\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|to|until|till|and)\s*", re.IGNORECASE)


def _range_start_on_day(text: str, out: list[Timex], start: int, result: Result) -> None:
    """The first clock of a range falls on the day written after the second ("10am-2pm
    sat 26th", "9am to 1pm Saturday"): move ``out[-1]`` to that day in place."""
    if not out or result.type != "TIME" or not _CLOCK_VALUE.match(result.value):
        return
    first = out[-1]
    if (
        first.type != "TIME"
        or not _CLOCK_VALUE.match(first.value)
        or first.value[:10] == result.value[:10]
        or _BARE_CLOCK.fullmatch(first.text) is None
        or _RANGE_JOIN.fullmatch(text[first.end : start]) is None
    ):
        return
    value = result.value[:10] + first.value[10:]
    edtf, first_day, last_day, precision = describe(value, first.type, first.mod)
    out[-1] = dataclasses.replace(
        first, value=value, edtf=edtf, start_date=first_day, end_date=last_day, precision=precision
    )


_PART_VALUE = re.compile(r"(?P<day>\d{4}-\d\d-\d\d)T(?P<part>MO|AF|EV|NI)")
#: Parts of a day counted from today ("this morning", "last night", "tomorrow evening"); "the
#: next morning" after a clock time stays an expression of its own, told from the story.
_DEICTIC_PART = re.compile(
    r"(?:this|last|tonight|tonite|2nite|tomorrow|tmrw|tmw|yesterday|yday|today)\b", re.I
)


def _clock_before_part(text: str, out: list[Timex], start: int, result: Result) -> Result | None:
    """A clock time right before the part of a day it falls in ("9am this morning", "at 3
    this afternoon", "11pm last night"): one TIME on that day, its hour read in that part
    (3 in the afternoon is 15:00; 2 at night is the early hours of the day after). None
    unless ``result`` is a part of a day and the expression before it a clock time."""
    part = _PART_VALUE.fullmatch(result.value) if result.type == "TIME" else None
    if part is None or not out or text[out[-1].end : start] != " ":
        return None
    if not _DEICTIC_PART.match(text, start):
        return None
    clock = out[-1]
    if clock.type != "TIME" or not _CLOCK_VALUE.fullmatch(clock.value[:16]):
        return None
    hour, rest = int(clock.value[11:13]), clock.value[13:]
    day = dt.date.fromisoformat(part["day"])
    if part["part"] in ("AF", "EV") and 1 <= hour < 12:
        hour += 12
    elif part["part"] == "NI" and 6 <= hour < 12:
        hour += 12  # "at 11 last night"
    elif part["part"] == "NI" and hour < 6:
        day += dt.timedelta(days=1)  # "at 2am last night": after midnight
    value = f"{day.isoformat()}T{hour:02d}{rest}"
    return result._replace(value=value, start=out.pop().start, mod=clock.mod or result.mod)


def to_timex(text: str, c: Candidate, result: Result) -> Timex:
    start = c.start if result.start is None else result.start
    end = c.end if result.end is None else result.end
    edtf, first, last, precision = describe(result.value, result.type, result.mod)
    if result.reach and "/" in result.reach:  # "the past year": the twelve months meant
        first, last = (dt.date.fromisoformat(day) for day in result.reach.split("/"))
        edtf = result.reach
    elif result.reach:  # "in two weeks": a DURATION whose bounds are the period it reaches
        edtf, first, last, precision = describe(result.reach, "DATE")
    if result.through:  # "1957-58": the first year's value, bounds through the second
        until, _, last, _ = describe(result.through, result.type, result.mod)
        edtf = f"{edtf}/{until}" if edtf and until else edtf
    return Timex(
        start,
        end,
        text[start:end],
        result.type,
        result.value,
        edtf,
        first,
        last,
        precision,
        result.mod,
        result.type == "DATE" and modifies_noun(text, start, end),
    )


def normalise(
    text: str,
    published_at: dt.date,
    forced_tense: str | None = None,
    document_type: str | None = None,
) -> list[Timex]:
    """All temporal expressions of ``text``, normalised against ``published_at`` and the
    text's own time line (``document_type`` news or narrative; None: detected)."""
    kind = mode(document_type, text, published_at)
    cased = recase(text)  # "march 3 2015", "christmas eve": names the rules can read
    state = State(cased, published_at, forced_tense, mode=kind, raw=text)
    out = []
    for c in find(cased):
        try:
            result = HANDLERS[c.rule](c.match, state)
        except Exception:  # e.g. week 53 of a 52-week year: one odd match must not sink a text
            result = None
        if result is None or not result.value:
            continue
        state.note(result)
        state.note_story(result, c.start if result.start is None else result.start, c.end)
        state.last_start = c.start if result.start is None else result.start
        state.last_end, state.last_value = c.end, result.value
        result = _measured_lateness(
            cased, c.start if result.start is None else result.start, result
        )
        part = explicit.part_of_named_day(
            cased, c.start if result.start is None else result.start, result
        )
        if part:  # "the night of 14 March 1947": one TIME, over "the night of" read before
            result = part[1]
            while out and out[-1].end > part[0]:
                out.pop()
        start = c.start if result.start is None else result.start
        joined = _clock_before_part(cased, out, start, result)
        if joined is not None:  # "9am this morning": one TIME
            result = joined
        elif _clock_after_day(cased, out, start, result):  # "thurs 3pm": one TIME
            result = result._replace(start=out.pop().start)
        elif _day_after_clock(cased, out, start, result):  # "10:30 a.m. on 3 January 1920"
            clock = out.pop()
            value = f"{result.value}T{clock.value.split('T', 1)[1]}"
            result = result._replace(type="TIME", value=value, start=clock.start, mod=clock.mod)
        if result.mod is None and result.type in ("DATE", "TIME") and result.value[:1].isdigit():
            start = c.start if result.start is None else result.start
            result = result._replace(mod=bound_mod(cased, start, c.end))
        _range_start_on_day(cased, out, c.start if result.start is None else result.start, result)
        try:
            out.append(to_timex(text, c, result))
        except Exception:  # bounds beyond the calendar (year 1 minus a day...)
            continue
    return out
