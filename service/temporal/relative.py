"""Normalisers for expressions relative to the publication date or to the running reference."""

from __future__ import annotations

import datetime as dt
import re

from . import dates
from .explicit import _LAST, _NEXT, month_number, part_of_day, point_mod
from .patterns import (
    APPROX_MODS,
    NUMBERS,
    ORDINALS,
    OUTSIDE_MODS,
    PARTS,
    PLURAL_UNITS,
    SEASONS,
    UNITS,
    WEEKDAYS,
)
from .state import Result, State

_DEIXIS_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def _norm(word: str | None) -> str:
    return " ".join((word or "").lower().split())


def deixis(m: re.Match[str], st: State) -> Result | None:
    mod = point_mod(m)
    if m["deic"]:
        word = m["deic"].lower()
        day = dates.shift_days(st.dct, _DEIXIS_DAYS[word])
        part = m["part"] or ("night" if word == "tonight" else None)
        return part_of_day(day, part)._replace(mod=mod)
    if m["over"]:
        return part_of_day(st.dct, "overnight")
    if m["dayrel"]:
        return part_of_day(dates.shift_days(st.dct, 2 if "tomorrow" in m["dayrel"] else -2), None)
    rel, part = m["rel2"].lower(), m["part2"].lower()
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last" and part != "night":
        return None
    return part_of_day(dates.shift_days(st.dct, offset), part)._replace(mod=mod)


def weekday(m: re.Match[str], st: State) -> Result | None:
    wd = WEEKDAYS[m["wd"].lower()]
    if m["pl"]:
        part = f"T{PARTS[m['part'].lower()]}" if m["part"] else ""
        return Result("SET", f"XXXX-WXX-{wd + 1}{part}")
    rel = _norm(m["rel"])
    if rel in _LAST:
        day = dates.weekday_date(st.dct, wd, "last")
    elif rel in _NEXT:
        day = dates.weekday_date(st.dct, wd, "next")
    elif rel == "this":
        day = st.dct + dt.timedelta(days=wd - st.dct.weekday())
    elif st.text.startswith("'s", m.end()) and not st.forced_tense:
        day = dates.weekday_date(st.dct, wd, "past")  # "Wednesday's ruling" already happened
    else:
        direction = st.tense(m.start(), m.end()) or "past"
        day = dates.weekday_date(st.dct, wd, direction)
    return part_of_day(day, m["part"])._replace(mod=point_mod(m))


def _ref_year(st: State) -> int:
    return int(st.ref[:4]) if st.ref else st.dct.year


def _weekend(st: State, offset: int, tense: str | None) -> str:
    """The ISO week code of a weekend; ``offset`` in weeks from the natural one."""
    day = st.dct
    if offset == 0 and tense != "future" and day.weekday() < 5:
        day = day - dt.timedelta(days=day.weekday() + 1)  # the weekend just past
    elif offset < 0:
        day = day - dt.timedelta(days=day.weekday() + 1 + (7 if day.weekday() >= 5 else 0))
    elif offset > 0:
        day = day + dt.timedelta(days=7)
    return dates.iso_week(day) + "-WE"


def _period(st: State, unit: str, n: int) -> str:
    """The value of the calendar ``unit`` holding the publication date, moved ``n`` units."""
    d = st.dct
    if unit == "week":
        return dates.iso_week(d + dt.timedelta(weeks=n))
    if unit == "month":
        return dates.month_value(d.year, d.month, n)
    if unit == "quarter":
        return dates.quarter_value(d.year, dates.quarter_of(d), n)
    if unit == "decade":
        return f"{d.year // 10 + n:03d}"
    if unit == "century":
        return f"{d.year // 100 + n:02d}"
    return f"{d.year + n:04d}"


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
_AFTER_REF = ("the following", "following")


def relative(m: re.Match[str], st: State) -> Result | None:
    unit = _norm(m["unit"]).replace("fiscal ", "")
    rel = _norm(m["rel"])
    mod = point_mod(m)
    if rel in ("the past", "the last", "the next") and not mod:
        return Result("DURATION", _UNIT_DURATION[unit])
    if rel in _BEFORE_REF + _AFTER_REF and st.ref:
        base = st.ref[:4] if unit == "year" else st.ref[:7] if unit == "month" else st.ref
        shifted = _shift(base, unit, -1 if rel in _BEFORE_REF else 1)
        if shifted:
            return Result("DATE", shifted, mod, anchor=False)
    if m["the"] and unit == "year" and not mod:
        after = st.text[m.end() : m.end() + 10].lower()
        if re.match(r"\s+(?:ended|ending|through|to\s+(?!date))", after):
            return Result("DURATION", "P1Y")  # "the year ended Sept. 30": a span of a year
        near = st.ref and abs(int(st.ref[:4]) - st.dct.year) <= 1
        return Result("DATE", st.ref[:4] if near else str(st.dct.year))
    if rel in ("that", "the same") or (m["the"] and unit != "weekend"):
        if st.ref and unit == "year":
            return Result("DATE", st.ref[:4], mod)
        if st.ref and _granularity(st.ref) == unit:
            return Result("DATE", st.ref, mod)
    tense = st.tense(m.start(), m.end())
    offset = -1 if rel in _LAST else 1 if rel in _NEXT else 0
    if unit == "weekend":
        return Result("DATE", _weekend(st, offset, tense), mod)
    return Result("DATE", _period(st, unit, offset), mod)


def _granularity(value: str) -> str:
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if "-Q" in value:
        return "quarter"
    if "-W" in value:
        return "week"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    return "other"


_MONTHS_IN = {"year": 12, "quarter": 3, "month": 1, "decade": 120, "century": 1200, "half": 6}
_DAYS_IN = {"day": 1, "night": 1, "week": 7, "weekend": 7, "fortnight": 14}


def _shift(value: str, unit: str, n: float) -> str | None:
    """``value`` moved by ``n`` units at its own granularity, or None if they don't fit."""
    if n != int(n):
        return None
    n = int(n)
    months, days = _MONTHS_IN.get(unit), _DAYS_IN.get(unit)
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            moved = (
                dates.shift(day, months=n * months)
                if months
                else (day + dt.timedelta(days=n * days) if days else None)
            )
            return moved.isoformat() if moved else None
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            return dates.month_value(int(m[1]), int(m[2]), n * months) if months else None
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            if months and months % 3 == 0:
                return dates.quarter_value(int(m[1]), int(m[2]), n * months // 3)
            return None
        if m := re.fullmatch(r"(\d{4})", value):
            return f"{int(m[1]) + n * months // 12:04d}" if months and months % 12 == 0 else None
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            if days and days % 7 == 0:
                monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
                return dates.iso_week(monday + dt.timedelta(days=n * days))
    except (ValueError, OverflowError):
        return None
    return None


def _from_dct(st: State, unit: str, n: int) -> str:
    """The publication date moved ``n`` units, written at the unit's granularity."""
    if unit in ("day", "night", "hour", "minute", "second"):
        step = {"day": 1, "night": 1}.get(unit, 0)
        return (st.dct + dt.timedelta(days=n * step)).isoformat()
    if unit in ("week", "fortnight", "weekend"):
        return dates.iso_week(st.dct + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return dates.month_value(st.dct.year, st.dct.month, n)
    if unit == "quarter":
        return dates.quarter_value(st.dct.year, dates.quarter_of(st.dct), n)
    return f"{st.dct.year + n * (_MONTHS_IN.get(unit, 12) // 12):04d}"


def _topic_quarter(st: State) -> str | None:
    """The quarter the text is reporting on: the last one named, if it has begun."""
    if st.quarter and st.quarter <= dates.quarter_value(st.dct.year, dates.quarter_of(st.dct)):
        return st.quarter
    return None


def _latest_quarter(st: State, n: int | None, tense: str | None) -> str:
    """Quarter ``n`` as news means it: the latest one already begun (results are reported
    after a quarter ends), or the next one when a future sentence names one long past.
    With ``n`` None: the last completed quarter."""
    d = st.dct
    if n is None:
        return dates.quarter_value(d.year, dates.quarter_of(d), -1)
    topic = _topic_quarter(st)
    if topic and topic.endswith(f"Q{n}") and int(topic[:4]) >= d.year - 1:
        return topic
    year = d.year if n <= dates.quarter_of(d) else d.year - 1
    if tense == "future" and (d - dt.date(year, 3 * n - 2, 1)).days > 200:
        year += 1
    return f"{year:04d}-Q{n}"


def quarter(m: re.Match[str], st: State) -> Result | None:
    det, adjs, ordinal = _norm(m["det"]), _norm(m["adjs"]), _norm(m["ord"])
    earlier = any(w in adjs for w in ("year-earlier", "year-ago", "prior-year")) or (
        det == "last year's"
    )
    explicit = re.search(r"(?:19|20)\d\d", f"{det} {adjs} {m['year'] or ''}")
    tense = st.tense(m.start(), m.end())
    n = ORDINALS.get(ordinal) if ordinal not in ("last", "latest", "current") else None
    if "final" in adjs or ordinal == "final":
        n = 4
    for word in adjs.replace("-", " ").split():
        if n is None and word in ORDINALS:
            n = ORDINALS[word]
    topic = _topic_quarter(st)
    comparison = False
    if n is None and explicit:  # "the 1988 period": the topic quarter in another year
        n = int(topic[-1]) if topic else None
        if n is None:
            return Result("DATE", explicit[0])
        comparison = True
    if m["q"].lower() == "period" and not (n or topic or earlier):
        return None
    if n is not None and explicit:
        value = f"{explicit[0]}-Q{n}"
    elif n is not None and (m["yrel"] or det in ("this year's", "next year's")):
        word = m["yrel"] or det.split()[0]
        value = f"{st.dct.year + {'last': -1, 'next': 1}.get(word.lower(), 0)}-Q{n}"
    elif n is not None:
        value = _latest_quarter(st, n, tense)
    elif ordinal == "last" and not det:
        value = dates.quarter_value(st.dct.year, dates.quarter_of(st.dct), -1)
    elif ordinal == "current" or "current" in adjs or (det == "this" and not topic):
        value = _period(st, "quarter", 0)
    else:
        value = topic or _latest_quarter(st, None, tense)
    if m["ago"]:  # "the quarter a year ago"
        earlier = True
    first = None
    if st.text[m.start("q") - 1 : m.start("q")] == "-":  # adjectival: "a [third-quarter] loss"
        head = st.text[m.start() : m.start("q")]
        words = list(re.finditer(r"[\w']+", head))
        fiscal = next((w for w in words if w[0].lower() == "fiscal"), None)
        first = m.start() + (fiscal or words[-1]).start() if words else None
    if earlier or comparison:
        value = _shift(value, "year", -1) or value if earlier else value
        return Result("DATE", value, anchor=False, start=first)
    return Result("DATE", value, start=first)


def quarter_code(m: re.Match[str], st: State) -> Result | None:
    n = int(m["n"] or m["n2"])
    if m["year"]:
        return Result("DATE", f"{m['year']}-Q{n}")
    if m["yy"]:
        return Result("DATE", f"{st.dct.year // 100:02d}{m['yy']}-Q{n}")
    return Result("DATE", _latest_quarter(st, n, st.tense(m.start(), m.end())))


def half(m: re.Match[str], st: State) -> Result | None:
    n = 1 if m["ord"].lower() in ("first", "1st") else 2
    det = _norm(m["det"])
    if m["year"]:
        year = int(m["year"])
    elif m["yrel"] or det:
        word = (m["yrel"] or det.split()[0]).lower()
        year = st.dct.year + {"last": -1, "next": 1}.get(word, 0)
        if word == "the" and st.ref:
            year = int(st.ref[:4])
    elif st.tense(m.start(), m.end()) == "future":
        year = st.dct.year if n * 6 >= st.dct.month else st.dct.year + 1
    else:
        year = st.dct.year if (n - 1) * 6 < st.dct.month else st.dct.year - 1
    return Result("DATE", f"{year:04d}-H{n}")


def year_ago(m: re.Match[str], st: State) -> Result | None:
    what = _norm(m["what"])
    if "months" in what:
        return Result("DURATION", f"P{NUMBERS[what.split()[0]]}M")
    topic = _topic_quarter(st)
    base = topic if (topic and what != "year") else st.ref or str(st.dct.year)
    if "quarter" in what and not topic:
        base = _latest_quarter(st, None, None)
    shifted = _shift(base, "year", -1) or str(st.dct.year - 1)
    first = m.start() if m["what"] else m.start("ya")  # adjectival: "the [year-ago] results"
    return Result("DATE", shifted, anchor=False, start=first)


def year_end(m: re.Match[str], st: State) -> Result | None:
    future = st.tense(m.start(), m.end()) == "future"
    year = st.dct.year if future else st.dct.year - 1
    if m["ye"].lower().startswith("month"):
        return Result("DATE", dates.month_value(st.dct.year, st.dct.month, 0), "END")
    return Result("DATE", f"{year:04d}-12-31")


def _unit(word: str) -> str:
    word = word.lower()
    word = PLURAL_UNITS.get(word, word)
    return word[:-1] if word.endswith("s") else word


def _number(word: str) -> float | None:
    """The count in a quantity phrase; None when vague ("several", "a few")."""
    word = _norm(word)
    if word in NUMBERS:
        return NUMBERS[word]
    parts = re.split(r"[- ]", word)
    if all(p in NUMBERS for p in parts):
        return sum(NUMBERS[p] for p in parts)
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
        finer = {
            "Y": (12, "M"),
            "M": (30, "D"),
            "D": (24, "H"),
            "W": (7, "D"),
            "H": (60, "M"),
            "Q": (3, "M"),
        }.get(letter)
        if finer and letter in ("Y", "H"):
            whole, rest = int(n), round((n - int(n)) * finer[0])
            head = f"{whole}{letter}" if whole else ""
            return f"P{time}{head}{rest}{finer[1]}"
        if finer:
            sub = "T" if finer[1] == "H" else ""
            return f"P{sub}{round(n * finer[0])}{finer[1]}"
        return f"P{time}{n:g}{letter}"
    return f"P{time}{int(n)}{letter}"


def _duration_start(m: re.Match[str]) -> int | None:
    """Where TimeBank starts the span: no "about", no article before an adjective."""
    if m["sep"] == "-" and not m["rel"]:
        return m.start("num")  # "a [two-day] visit", "the [30-day] period"
    if m["amod"] and _norm(m["amod"]) in OUTSIDE_MODS:
        return m.start("det") if m["det"] else m.start("rel") if m["rel"] else m.start("num")
    return None


def duration(m: re.Match[str], st: State) -> Result | None:
    result = _duration(m, st)
    if result is None or result.start is not None:
        return result
    return result._replace(start=_duration_start(m))


def _duration(m: re.Match[str], st: State) -> Result | None:
    unit = _unit(m["unit"])
    if unit not in UNITS:
        return None
    n = _number(m["num"])
    tail = _norm(m["tail"])
    mod = APPROX_MODS.get(_norm(m["amod"])) if m["amod"] else None
    small = unit in ("second", "minute", "hour", "day", "night", "week", "weekend", "fortnight")
    if tail in ("earlier", "later") and small:
        # TimeBank: "a day earlier", "three days later" measure a stretch of time.
        return Result("DURATION", duration_value(n, unit), mod)
    if tail in ("ago", "back", "earlier", "later", "from now", "hence"):
        if n is None:  # "several years ago"
            return Result(
                "DATE", "PAST_REF" if tail in ("ago", "back", "earlier") else "FUTURE_REF"
            )
        sign = 1 if tail in ("later", "from now", "hence") else -1
        k = int(n) if n == int(n) else n
        base = None
        topic = _topic_quarter(st)
        if unit == "year" and topic and int(topic[:4]) >= st.dct.year - 1:
            base = topic  # "profit rose from a year ago": the same quarter last year
        elif tail in ("earlier", "later") and st.ref and unit != "year":
            base = st.ref
        if base:
            moved = _shift(base, unit, sign * k)
            if moved:
                return Result("DATE", moved, mod, anchor=False)
        if isinstance(k, float):
            return Result("DURATION", duration_value(n, unit), mod)
        return Result("DATE", _from_dct(st, unit, sign * k), mod)
    if tail in ("before", "after"):
        return Result("DURATION", duration_value(n, unit), mod, end=m.start("tail"))
    if tail == "or so":
        mod = mod or "APPROX"
    return Result("DURATION", duration_value(n, unit), mod)


_VAGUE_PAST = ("recent", "past", "the past", "the last")
_VAGUE_FUTURE = ("coming", "the coming", "next", "the next")


def bare_units(m: re.Match[str], st: State) -> Result | None:
    unit, pre = _unit(m["unit"]), _norm(m["pre"])
    if pre in _VAGUE_PAST or _norm(m["tail"]) == "ago":
        return Result("DATE", "PAST_REF")  # "in recent years": some time before now
    if pre in _VAGUE_FUTURE and unit in ("year", "month", "decade"):
        return Result("DATE", "FUTURE_REF")
    first = m.start("unit") if pre == "the" else None  # "in the [weeks] before"
    return Result("DURATION", duration_value(None, unit), start=first)


def half_unit(m: re.Match[str], st: State) -> Result | None:
    return Result("DURATION", duration_value(0.5, _unit(m["unit"])))


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
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
}


def ref(m: re.Match[str], st: State) -> Result | None:
    word = _norm(m["ref"])
    value = _REFS.get(word) or ("FUTURE_REF" if "future" in word else None)
    return Result("DATE", value) if value else None


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
    "annual": "P1Y",
    "quarterly": "P3M",
}


def set_adverb(m: re.Match[str], st: State) -> Result | None:
    word = _norm(m["adv"])
    if word.startswith("twice"):
        return Result("SET", f"P1{UNITS[word.split()[-1]][1]}")
    return Result("SET", _ADVERBS[word])


def set_every(m: re.Match[str], st: State) -> Result | None:
    other = "other" in m[0].lower()
    if m["wd"]:
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    if m["mon"]:
        return Result("SET", f"XXXX-{month_number(m['mon']):02d}")
    if m["season"]:
        return Result("SET", f"XXXX-{SEASONS[m['season'].lower()]}")
    unit = _unit(m["unit"])
    if unit in ("morning", "evening", "afternoon"):
        return Result("SET", f"XXXX-XX-XXT{PARTS[unit]}")
    n = _number(m["num"]) if m["num"] else 1
    if n is None:
        return None
    return Result("SET", duration_value(n * (2 if other else 1), unit))
