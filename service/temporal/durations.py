"""Normalisers for durations ("nearly two years", "two-day"), vague plurals and sets."""

from __future__ import annotations

import datetime as dt
import re

from . import dates
from .context import schedule
from .explicit import month_number
from .patterns import (
    APPROX_MODS,
    NUMBERS,
    OUTSIDE_MODS,
    PARTS,
    PLURAL_UNITS,
    SEASONS,
    UNIT_ABBREVIATIONS,
    UNITS,
    WEEKDAYS,
)
from .quarters import topic_quarter
from .state import Result, State, same_sentence, words


def _unit(word: str) -> str:
    word = word.lower()
    word = UNIT_ABBREVIATIONS.get(word) or PLURAL_UNITS.get(word, word)
    return word[:-1] if word.endswith("s") else word


def number(word: str) -> float | None:
    """The count in a quantity phrase; None when vague ("several", "a few")."""
    word = words(word)
    if word.endswith(" and a half"):  # "two and a half"
        whole = number(word[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    if word in NUMBERS:
        return NUMBERS[word]
    parts = [p for p in re.split(r"[- ]", word) if p != "and"]
    if all(p in NUMBERS for p in parts):
        total = 0
        for part in parts:  # "five hundred and twelve": (5 x 100) + 12
            if part in ("hundred", "thousand"):
                total = max(total, 1) * NUMBERS[part]
            else:
                total += NUMBERS[part]
        return total
    word = re.sub(r"(?<=\d),(?=\d{3})", "", word)  # "1,500"
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", word)
    if m:
        value = float(m[1])
        if m[2] and int(m[3]):
            value += int(m[2]) / int(m[3])
        return value
    return None


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P2Y, PT3H, P18M for 1.5 years, PXY for an unknown count."""
    time, letter, factor = UNITS[unit]
    if n is None:
        if unit == "decade":
            return "PXDE"
        if unit == "century":
            return "PXC"
        return f"P{time}X{letter}"
    n *= factor
    if n != int(n):
        finer = {"Y": (12, "M"), "M": (30, "D"), "D": (24, "H"), "W": (7, "D"), "Q": (3, "M")}
        if time:  # clock units: hours to minutes, minutes to seconds
            finer = {"H": (60, "M"), "M": (60, "S")}
        step = finer.get(letter)
        if step and (time or letter == "Y"):  # "1 1/2 years" P1Y6M, "a minute and a half" PT1M30S
            whole, rest = int(n), round((n - int(n)) * step[0])
            head = f"{whole}{letter}" if whole else ""
            return f"P{time}{head}{rest}{step[1]}"
        if step:
            sub = "T" if step[1] == "H" else ""
            return f"P{sub}{round(n * step[0])}{step[1]}"
        return f"P{time}{n:g}{letter}"
    return f"P{time}{int(n)}{letter}"


def _duration_start(m: re.Match[str]) -> int | None:
    """Where TimeBank starts the span: no "about" before a length of time, but "about two
    years ago" whole, as "nearly four years ago" (a date: its modifier is part of it); no
    article before an adjective."""
    if words(m["num"]) in ("a", "an") and (m["tail"] or "").startswith("-"):
        return m.start("unit")  # "a [day-long] meeting"
    if m["sep"] == "-" and not m["rel"]:
        return m.start("num")  # "a [two-day] visit", "the [30-day] period"
    ago = words(m["tail"]).endswith("ago")
    if m["amod"] and words(m["amod"]) in OUTSIDE_MODS and not ago:
        return m.start("det") if m["det"] else m.start("rel") if m["rel"] else m.start("num")
    return None


def duration(m: re.Match[str], st: State) -> Result | None:
    result = _duration(m, st)
    if result is None or result.start is not None:
        return result
    return result._replace(start=_duration_start(m))


#: A modal right before "one day" makes it "some day": "Islam will one day be...".
_MODAL_BEFORE = re.compile(r"\b(?:will|'ll|would|could|might|may|can|shall)\s+$", re.IGNORECASE)


_THAN = re.compile(r"\s+than\b", re.IGNORECASE)
#: Tails read as another: "nine years afterwards", "ten years on," are "later".
_TAIL_SYNONYMS = {"afterwards": "later", "afterward": "later", "on": "later"}


#: An exclamation over a stretch of time just lived: "what a week!", "what a year it has been".
_WHAT_A = re.compile(r"\bwhat\s+$", re.IGNORECASE)


def _lived(unit: str, st: State) -> str | None:
    """The calendar unit holding the publication ("what a week" is this week; "what a
    weekend" the one just past or under way)."""
    day = st.dct
    if unit == "day":
        return day.isoformat()
    if unit == "weekend":
        if day.weekday() < 5:
            day -= dt.timedelta(days=day.weekday() + 1)
        return dates.iso_week(day) + "-WE"
    if unit in ("week", "month", "year"):
        return dates.period_value(day, unit)
    return None


def _duration(m: re.Match[str], st: State) -> Result | None:
    unit = _unit(m["unit"])
    if (
        words(m["num"]) in ("a", "an")
        and not (m["amod"] or m["tail"] or m["rel"] or m["det"])
        and _WHAT_A.search(st.text, max(0, m.start() - 6), m.start())
        and _lived(unit, st)
    ):
        return Result("DATE", _lived(unit, st), start=m.start("unit"))  # "what a [week]!"
    if words(m[0]) == "one day" and _MODAL_BEFORE.search(st.text, max(0, m.start() - 8), m.start()):
        return Result("DATE", "FUTURE_REF")
    if unit not in UNITS:
        return None
    n = number(m["num"])
    if n is not None and m["half"]:
        n += 0.5  # "a minute and a half"
    tail = _TAIL_SYNONYMS.get(words(m["tail"]), words(m["tail"]))
    mod = APPROX_MODS.get(words(m["amod"])) if m["amod"] else None
    if tail.startswith("or so "):  # "a week or so ago": about a week ago
        tail, mod = tail[6:], mod or "APPROX"
    small = unit in ("second", "minute", "hour", "day", "night", "week", "weekend", "fortnight")
    if tail in ("earlier", "later") and _THAN.match(st.text, m.end()):
        # "six weeks earlier than usual": a comparison measures a stretch, "than" outside
        return Result("DURATION", duration_value(n, unit), mod, end=m.start("tail"))
    story = st.story_at(m.start(), m.end()) if tail in ("earlier", "later") else None
    if story and n is not None and n == int(n) and not m["num2"]:
        moved = story_moved(story, unit, int(n) * (1 if tail == "later" else -1))
        if moved:  # "twelve days later": the day twelve days after the one being told
            return Result("DATE", moved, mod, story=True)
    if tail in ("earlier", "later") and small:
        # TimeBank: "a day earlier", "three days later" measure a stretch of time.
        return Result("DURATION", duration_value(n, unit), mod)
    if tail in ("ago", "back", "earlier", "later", "from now", "hence"):
        if n is None or (unit == "year" and n >= st.dct.year):  # "several years ago", "two
            # thousand years ago" (before year 1: no calendar year to name)
            return Result(
                "DATE", "PAST_REF" if tail in ("ago", "back", "earlier") else "FUTURE_REF"
            )
        sign = 1 if tail in ("later", "from now", "hence") else -1
        k = int(n) if n == int(n) else n
        base = None
        topic = topic_quarter(st)
        recent_span = same_sentence(st.text, st.last_end, m.start())
        by_year = recent_span and re.fullmatch(r"P\d+M|\d{4}", st.last_value or "")
        by_month = recent_span and re.fullmatch(r"\d{4}-\d\d", st.last_value or "")
        if unit == "year" and k == 1 and by_month and tail in ("ago", "earlier"):
            base = st.last_value  # "sales in September fell from a year earlier": that month
        elif unit == "year" and tail == "earlier" and by_year and len(st.last_value) == 4:
            base = st.last_value  # "lost 1.2m in 2022, against 0.4m a year earlier": 2021
        elif (
            unit == "year"
            and tail in ("ago", "earlier", "back")
            and topic
            and int(topic[:4]) >= st.dct.year - 1
            and not by_year
        ):  # "profit rose from a year ago": the same quarter last year (not "two years later")
            base = topic
        elif tail in ("earlier", "later") and st.ref and unit != "year":
            base = st.ref
        elif tail == "later" and unit == "year" and _told_past_year(m, st):
            base = st.ref[:4]  # "opened in 1950 ... closed ten years later": 1960, not 2034
        if base:
            moved = dates.shift_value(base, unit, sign * k)
            if moved:
                return Result("DATE", moved, mod, anchor=False)
        if isinstance(k, float):
            return Result("DURATION", duration_value(n, unit), mod)
        return Result("DATE", dates.moved_value(st.dct, unit, sign * k), mod)
    if tail in ("before", "after"):
        return Result("DURATION", duration_value(n, unit), mod, end=m.start("tail"))
    if tail == "or so":
        mod = mod or "APPROX"
    return Result("DURATION", duration_value(n, unit), mod, reach=_reach(m, st, unit, n))


def _told_past_year(m: re.Match[str], st: State) -> bool:
    """True if "N years later" reads from the date told before it: one with a year before
    the publication's, in a clause not about the future ("will double ten years later" is
    counted from now)."""
    year = re.match(r"\d{4}", st.ref or "")
    if year is None or int(year[0]) >= st.dct.year:
        return False
    return st.tense(m.start(), m.end()) != "future"


_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
_BOUND_AFTER = re.compile(r"\s+or\s+(?:less|more|fewer|so|longer)\b", re.IGNORECASE)
_REACH_UNITS = ("day", "week", "fortnight", "month", "quarter", "year")


def _reach(m: re.Match[str], st: State, unit: str, n: float | None) -> str | None:
    """ "will be out in two weeks": the period the offset from publication reaches (the week
    of 2024-03-20), for the bounds of a DURATION that TimeBank writes as P2W; None unless
    the clause is about the future and the count is whole."""
    if n is None or n != int(n) or unit not in _REACH_UNITS or m["num2"] or m["det"]:
        return None
    if not _IN_BEFORE.search(st.text, max(0, m.start() - 8), m.start()):
        return None
    if _BOUND_AFTER.match(st.text, m.end()):
        return None  # "in 18 months or less": a limit, not a date
    if st.story_at(m.start(), m.end()):
        return None
    tense = st.tense(m.start(), m.end())
    if tense != "future" and not (tense is None and schedule(st.text, m.start(), m.end())):
        return None  # "the law takes effect in two weeks": a present schedule is ahead too
    return dates.moved_value(st.dct, unit, int(n))


def story_moved(story: str, unit: str, n: int) -> str | None:
    """The story time moved ``n`` units, at the finer of the unit's and the story's
    granularity: a year later than 1917 is 1918, twelve days after 1917-05-15 is 1917-05-27;
    None when the story is too coarse for the unit (days after a year)."""
    if unit in ("year", "decade", "century"):
        base = story[:4]
    elif unit in ("month", "quarter"):
        base = story[:7] if re.match(r"^\d{4}-\d\d", story) else None
    elif unit in ("day", "night", "week", "fortnight"):
        base = story[:10] if re.match(r"^\d{4}-\d\d-\d\d", story) else None
    else:
        return None
    if base is None or not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", base):
        return None
    return dates.shift_value(base, unit, n)


def bare_units(m: re.Match[str], st: State) -> Result | None:
    """ "for years", "in recent months" (PXM, as TimeBank), "months ago", "future quarters"."""
    unit, pre = _unit(m["unit"]), words(m["pre"])
    if words(m["tail"]) == "ago":
        return Result("DATE", "PAST_REF")  # "months ago": some time before now
    if pre == "future":
        return Result("DATE", "FUTURE_REF")
    if pre in ("recent", "past") and unit == "year":
        return Result("DATE", "PAST_REF")  # "in recent years", "in past years" (as HeidelTime)
    if not m["tail"] and m[0].endswith("long"):
        return None
    first = m.start("unit") if pre == "the" else None  # "in the [weeks] before"
    count = 1 if words(m["tail"]) == "-long" and not m["unit"].lower().endswith("s") else None
    return Result("DURATION", duration_value(count, unit), start=first)  # "day-long": P1D


def vague_span(m: re.Match[str], st: State) -> Result | None:
    """ "for a while", "for some time": a duration of unknown length."""
    return Result("DURATION", "PXX")


def half_unit(m: re.Match[str], st: State) -> Result | None:
    return Result("DURATION", duration_value(0.5, _unit(m["unit"])))


_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "bimonthly": "P2M",
    "semiannually": "P6M",
    "semiannual": "P6M",
    "semi-annual": "P6M",
    "semi-annually": "P6M",
    "biannual": "P6M",
    "biannually": "P6M",
    "bi-annual": "P6M",
    "bi-annually": "P6M",
    "fortnightly": "P2W",
    "annual": "P1Y",
    "quarterly": "P3M",
}


def set_adverb(m: re.Match[str], st: State) -> Result | None:
    word = words(m["adv"])
    if word.startswith("twice"):
        return Result("SET", f"P1{UNITS[word.split()[-1]][1]}")
    return Result("SET", _ADVERBS[word])


def set_times(m: re.Match[str], st: State) -> Result | None:
    """ "15 times a year": a set of once per year (TIMEX3 puts the count in freq)."""
    return Result("SET", duration_value(1, _unit(m["unit"])))


def set_alternate(m: re.Match[str], st: State) -> Result | None:
    """ "alternate Fridays": every other Friday; "alternate weeks": every two weeks."""
    if m["wd"]:
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    unit = _unit(m["unit"])
    return Result("SET", duration_value(2, unit) if unit != "weekend" else "P2W")


def set_every(m: re.Match[str], st: State) -> Result | None:
    other = "other" in m[0].lower()
    if m["wd"]:
        part = f"T{PARTS[m['wpart'].lower()]}" if m["wpart"] else ""  # "every Sunday morning"
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}{part}")
    if m["mon"]:
        return Result("SET", f"XXXX-{month_number(m['mon']):02d}")
    if m["season"]:
        return Result("SET", f"XXXX-{SEASONS[m['season'].lower()]}")
    unit = _unit(m["unit"])
    if unit in ("morning", "evening", "afternoon"):
        return Result("SET", f"XXXX-XX-XXT{PARTS[unit]}")
    n = number(m["num"]) if m["num"] else 1
    if n is None:
        return None
    return Result("SET", duration_value(n * (2 if other else 1), unit))
