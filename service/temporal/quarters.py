"""Normalisers for quarters, halves and year-ago comparisons in financial news."""

from __future__ import annotations

import datetime as dt
import re

from . import dates
from .patterns import NUMBERS, ORDINALS
from .state import SENTENCE_END, Result, State, words


def topic_quarter(st: State) -> str | None:
    """The quarter the text is reporting on: the last one named, if it has begun."""
    if st.quarter and st.quarter <= dates.quarter_value(st.dct.year, dates.quarter_of(st.dct)):
        return st.quarter
    return None


def _latest_quarter(st: State, n: int | None, tense: str | None, deadline: bool = False) -> str:
    """Quarter ``n`` as news means it: the latest one already begun (results are reported
    after a quarter ends), or the next one when a future sentence names one long past, or
    one already over as a deadline ("voted to close the depot by the fourth quarter" in
    February: this year's). With ``n`` None: the last completed quarter."""
    d = st.dct
    if n is None:
        return dates.quarter_value(d.year, dates.quarter_of(d), -1)
    topic = topic_quarter(st)
    if topic and topic.endswith(f"Q{n}") and int(topic[:4]) >= d.year - 1:
        return topic
    year = d.year if n <= dates.quarter_of(d) else d.year - 1
    if tense == "future" and (d - dt.date(year, 3 * n - 2, 1)).days > 200:
        year += 1
    elif tense == "future" and deadline and (year, n) < (d.year, dates.quarter_of(d)):
        year += 1  # the quarter named ended before publication: a deadline is ahead
    return f"{year:04d}-Q{n}"


#: A deadline word right before the quarter: "by the fourth quarter", "until the third quarter".
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before)\s+$", re.IGNORECASE)


def _after_months(m: re.Match[str], st: State, sentences: int = 1) -> bool:
    """True when the sentence just named a span of months ("the nine months ... the
    year-earlier period"): the period is that span. ``sentences`` 2 also accepts the
    sentence before."""
    months = re.fullmatch(r"P\d+M", st.last_value) is not None
    if not months or st.last_end < 0:
        return False
    ends = len(SENTENCE_END.findall(st.text, st.last_end, m.start()))
    return ends < sentences


def quarter(m: re.Match[str], st: State) -> Result | None:
    det, adjs, ordinal = words(m["det"]), words(m["adjs"]), words(m["ord"])
    earlier = any(w in adjs for w in ("year-earlier", "year-ago", "prior-year")) or (
        det == "last year's"
    )
    explicit = re.search(r"(?:19|20)\d\d", f"{det} {adjs} {m['year'] or m['year_b'] or ''}")
    tense = st.tense(m.start(), m.end())
    if ordinal in ("next", "coming", "following", "previous") and not adjs:
        return _step_quarter(st, ordinal, det)
    n = ORDINALS.get(ordinal) if ordinal not in ("last", "latest", "current") else None
    if "final" in adjs or ordinal == "final":
        n = 4
    for word in adjs.replace("-", " ").split():
        if n is None and word in ORDINALS:
            n = ORDINALS[word]
    if m["q"].lower() == "period" and earlier and not explicit and _after_months(m, st, 2):
        return Result("DURATION", st.last_value, anchor=False)  # "the year-earlier period"
    topic = topic_quarter(st)
    comparison = False
    if n is None and explicit:  # "the 1988 period": the topic quarter in another year
        n = int(topic[-1]) if topic and not _after_months(m, st) else None
        if n is None:
            return Result("DATE", explicit[0])
        comparison = True
    if m["q"].lower() == "period" and not (n or topic or earlier):
        if m["ago"]:  # "up 5% from the same period last year", no quarter reported: that year
            return Result("DATE", str(st.dct.year - 1), anchor=False)
        return None
    if n is not None and explicit:
        value = f"{explicit[0]}-Q{n}"
    elif n is not None and (m["yrel"] or det in ("this year's", "next year's")):
        word = m["yrel"] or det.split()[0]
        value = f"{st.dct.year + {'last': -1, 'next': 1}.get(word.lower(), 0)}-Q{n}"
    elif n is not None:
        deadline = _DEADLINE_BEFORE.search(st.text, max(0, m.start() - 8), m.start()) is not None
        value = _latest_quarter(st, n, tense, deadline)
    elif ordinal == "last" and not det:
        value = dates.quarter_value(st.dct.year, dates.quarter_of(st.dct), -1)
    elif ordinal == "current" or "current" in adjs or (det == "this" and not topic):
        value = dates.period_value(st.dct, "quarter", 0)
    elif "latest" in (ordinal, adjs) or "recent" in adjs:  # the last one completed
        last_done = _latest_quarter(st, None, tense)
        value = topic if topic and topic <= last_done else last_done
    else:
        value = topic or _latest_quarter(st, None, tense)
    if m["ago"]:  # "the quarter a year ago"
        earlier = True
    first = None
    if st.text[m.start("q") - 1 : m.start("q")] == "-":  # adjectival: "a [third-quarter] loss"
        head = st.text[m.start() : m.start("q")]
        tokens = list(re.finditer(r"[\w']+", head))
        fiscal = next((w for w in tokens if w[0].lower() == "fiscal"), None)
        first = m.start() + (fiscal or tokens[-1]).start() if tokens else None
    if earlier or comparison:
        value = dates.shift_value(value, "year", -1) or value if earlier else value
        return Result("DATE", value, anchor=False, start=first)
    # "After a flat second quarter, ... the gain": a quarter set against the one reported
    aside = _ASIDE.search(st.text, max(0, m.start() - 30), m.start()) is not None
    return Result("DATE", value, start=first, anchor=not aside)


def _step_quarter(st: State, word: str, det: str) -> Result:
    """ "next quarter", "this coming quarter", "the following quarter", "the previous quarter":
    one quarter on from this one, or from the quarter being told for following / previous."""
    step = -1 if word == "previous" else 1
    told = st.quarter if word in ("following", "previous") and det == "the" else None
    if told:
        return Result("DATE", dates.shift_value(told, "quarter", step) or told, anchor=False)
    return Result("DATE", dates.period_value(st.dct, "quarter", step))


_ASIDE = re.compile(
    r"\b(?:after|following|unlike)\s+(?:(?:a|an|the|its|their)\s+)?(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)


def quarter_code(m: re.Match[str], st: State) -> Result | None:
    n = int(m["n"] or m["n2"])
    if m["year"]:
        return Result("DATE", f"{m['year']}-Q{n}")
    if m["yy"]:
        return Result("DATE", f"{st.dct.year // 100:02d}{m['yy']}-Q{n}")
    return Result("DATE", _latest_quarter(st, n, st.tense(m.start(), m.end())))


def half(m: re.Match[str], st: State) -> Result | None:
    n = 1 if (m["ord"] or m["ord2"]).lower() in ("first", "1st") else 2
    det = words(m["det"])
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


def months_part(m: re.Match[str], st: State) -> Result | None:
    """ "the final three months of 2012" is 2012-Q4, "the first six months of this year"
    the first half: a calendar quarter or half named by its months."""
    if m["year"]:
        year = int(m["year"])
    else:
        word = m["yrel"].lower()
        year = st.dct.year + {"last": -1, "next": 1}.get(word, 0)
        if word == "the" and st.ref:
            year = int(st.ref[:4])
    first = m["edge"].lower() in ("first", "opening")
    if words(m["n"]) in ("three", "3"):
        return Result("DATE", f"{year:04d}-Q{1 if first else 4}")
    return Result("DATE", f"{year:04d}-H{1 if first else 2}")


def year_ago(m: re.Match[str], st: State) -> Result | None:
    what = words(m["what"])
    if "months" in what:
        return Result("DURATION", f"P{NUMBERS[what.split()[0]]}M")
    topic = topic_quarter(st)
    base = topic if (topic and what != "year") else st.ref or str(st.dct.year)
    if _after_months(m, st) and not what:  # "for the nine months ... year-earlier net"
        base = (st.ref or str(st.dct.year))[:4]
    if "quarter" in what and not topic:
        base = _latest_quarter(st, None, None)
    shifted = dates.shift_value(base, "year", -1) or str(st.dct.year - 1)
    first = m.start() if m["what"] else m.start("ya")  # adjectival: "the [year-ago] results"
    return Result("DATE", shifted, anchor=False, start=first)
