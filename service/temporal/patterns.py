"""Word lists and the compiled regular expressions that find temporal expressions."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    # abbreviations of posts and listings that are no other word ("mon", "sat", "sun" are)
    "tues": 1, "weds": 2, "thurs": 3, "thur": 3, "fri": 4,
}  # fmt: skip
#: Short day names that are also English words: read only where a cue makes them days.
SHORT_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "sat": 5, "sun": 6}
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100,
    "a thousand": 1000, "thousand": 1000, "a dozen": 12, "dozen": 12, "a": 1, "an": 1,
    "a couple of": 2, "couple of": 2, "a couple": 2, "single": 1, "half a": 0.5, "half an": 0.5,
}  # fmt: skip
#: Quantities that give an unspecified (X) count.
VAGUE = ("a few", "few", "several", "some", "many", "a number of", "dozens of", "hundreds of",
         "a few more", "the next few", "a couple more")  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21, "final": 4,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
#: Days of the month in words ("the first of March").
DAY_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirty-first": 31,
}  # fmt: skip
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
#: TIMEX3 unit letters; decades and centuries are written in years.
UNITS = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1),
    "day": ("", "D", 1), "night": ("", "D", 1), "week": ("", "W", 1), "weekend": ("", "D", 2),
    "fortnight": ("", "W", 2), "month": ("", "M", 1), "quarter": ("", "Q", 1),
    "year": ("", "Y", 1), "decade": ("", "Y", 10), "century": ("", "Y", 100),
    "millennium": ("", "Y", 1000),
}  # fmt: skip
PLURAL_UNITS = {"centuries": "century", "millennia": "millennium"}
#: Abbreviated units of posts and headlines ("45 mins", "3 yrs", "2 hrs").
UNIT_ABBREVIATIONS = {"min": "minute", "mins": "minute", "hr": "hour", "hrs": "hour",
                      "sec": "second", "secs": "second", "wk": "week", "wks": "week",
                      "yr": "year", "yrs": "year"}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
         "tonight": "NI", "midday": "MI", "nite": "NI", "tonite": "NI"}  # fmt: skip
APPROX_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "some": "APPROX", "close to": "APPROX",
    "more than": "MORE_THAN", "well over": "MORE_THAN",
    "just over": "MORE_THAN", "upwards of": "MORE_THAN", "in excess of": "MORE_THAN",
    "less than": "LESS_THAN", "just under": "LESS_THAN",
    "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}  # fmt: skip
#: Approximators TimeBank leaves outside the span ("about [two weeks]"); the mod stays.
OUTSIDE_MODS = frozenset({"about", "around", "approximately", "roughly", "some"})
POINT_MODS = {"early": "START", "the beginning of": "START", "the start of": "START",
              "beginning of": "START", "mid": "MID", "the middle of": "MID", "middle of": "MID",
              "late": "END", "the end of": "END", "end of": "END", "the turn of": "START",
              "the close of": "END", "the mid": "MID"}  # fmt: skip


def _alt(words) -> str:
    """A regex alternation, longest first, with spaces matching any white space."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def _cased(words) -> str:
    """Title Case and UPPER CASE spellings only (lower-case "may" and "march" are not months)."""
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return "(?-i:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


_FULL_MONTHS = [m for m, n in MONTHS.items() if len(m) > 4 or m in ("may", "june", "july")]
_ABBR = [m for m in MONTHS if m not in _FULL_MONTHS]
# Abbreviations need their full stop or a following number ("Jan Smith" is a name).
MONTH = rf"(?:{_cased(_FULL_MONTHS)}\b|{_cased(_ABBR)}(?:\.|\b(?=\s*\d)))"
#: After a day number any abbreviation is a month: "20 Dec, 2023", "on 5 Jan."
MONTH_AFTER_DAY = rf"(?:{_cased(_FULL_MONTHS)}\b|{_cased(_ABBR)}\b\.?)"
WEEKDAY = rf"{_cased(WEEKDAYS)}"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?<![\d$£€#.,])(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
#: A year written without its century: "'65", "’58" (not "'60s", a decade).
SHORT_YEAR = r"['\u2019](?P<yy>\d\d)(?![\d'\u2019]|s\b|\s*(?:%|percent))"
NUM_WORD = _alt([w for w in NUMBERS if " " in w]) + "|" + _alt(VAGUE)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
#: "five hundred and twelve", "a hundred and one": a number in words above a hundred.
HUNDREDS = (
    rf"(?:{_ONES}|a|one)\s+hundred(?:\s+(?:and\s+)?(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|"
    rf"{_TEENS}|{_ONES})\b)?"
)
#: "two thousand", "a thousand": a count of thousands in words.
THOUSANDS = rf"(?:{_ONES}|{_TEENS}|a|one)\s+thousand\b"
NUM = (
    rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?(?:\s+\d/\d)?|{THOUSANDS}|{HUNDREDS}|"
    rf"(?:{_TENS})(?:[- ](?:{_ONES})\b)?|{NUM_WORD}|"
    rf"{_alt(w for w in NUMBERS if ' ' not in w)})\b"
    # posts: "3hrs", "20mins", "2wks": a count written against its short unit
    rf"|(?<![\w.])\d{{1,3}}(?=(?:mins?|hrs?|secs?|wks?|yrs?)\b))(?:\s+and\s+a\s+half\b)?"
)
UNIT = (
    r"(?:(?:trading|business|working|calendar|straight|consecutive|more|additional|full|long|"
    r"short|extra|further)\s+)?(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|"
    r"fortnights?|months?|quarters?|years?|decades?|century|centuries|millennium|millennia|"
    r"mins?|hrs?|secs?|wks?|yrs?)\b"
)
PMOD = rf"(?:(?P<pmod>{_alt(POINT_MODS)})(?:\s+|-|(?<=mid)(?=\d)))"
AMOD = rf"(?:(?P<amod>{_alt(APPROX_MODS)})\s+)"
PART = r"(?P<part>morning|afternoon|evening|night|nite)"
_REL = (
    r"last|this|next|this\s+past|this\s+coming|the\s+coming|coming|the\s+previous|previous|"
    r"the\s+following|following|past|the\s+past|the\s+last|the\s+next|the\s+current|current|"
    r"the\s+same|that|the\s+latest|the\s+prior|prior|the\s+preceding|the\s+upcoming|upcoming"
)
REL = rf"(?P<rel>{_REL})"
DEIXIS = (
    r"today|yesterday|tomorrow|tonight|tmrw|tmw|tomoz|tonite|2nite|2night|2day|2moro|2morrow|yday"
)
#: Spellings of posts: "tmrw", "tonite", "last nite".
DEIXIS_ALIASES = {"tmrw": "tomorrow", "tmw": "tomorrow", "tomoz": "tomorrow", "tonite": "tonight",
                  "2nite": "tonight", "2night": "tonight", "2day": "today", "2moro": "tomorrow",
                  "2morrow": "tomorrow", "yday": "yesterday"}  # fmt: skip
SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
HOLIDAY = (
    r"(?-i:(?:Christmas|Xmas)(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
    r"New\s+Years(?:\s+(?:Day|Eve))?|New\s+Year\s+(?:Day|Eve)|NYE|"  # posts: "new years eve", "NYE"
    r"Easter(?:\s+Sunday)?|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Halloween|"
    r"Valentine's\s+Day|Good\s+Friday|Boxing\s+Day|Veterans\s+Day|Columbus\s+Day|"
    r"Election\s+Day|Mother's\s+Day|Father's\s+Day|Black\s+Friday|Cyber\s+Monday|"
    r"St\.?\s+Patrick's\s+Day|Presidents'?\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.)?\s+Day)"
)
_QADJ = (
    r"fiscal|current|latest|most\s+recent|recent|year-earlier|year-ago|comparable|corresponding|"
    r"same|previous|prior|prior-year|calendar|(?:19|20)\d\d|final|first|second|third|fourth|"
    r"1st|2nd|3rd|4th"
)
_QDET = r"the|this|that|last\s+year's|this\s+year's|next\s+year's|(?:19|20)\d\d's|a"
CLOCK = (
    r"(?P<h>[01]?\d)(?:[:.]?(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b|o'clock\b)"
    # "from 2 to 4pm", "10-11:30am": the first hour of a range takes the half of the day
    # (and the day) written after the second
    r"|(?=[1-9])(?<![\w:.,$\u00a3\u20ac/-])(?P<hr>1[0-2]|[1-9])(?:[:.](?P<mr>[0-5]\d))?"
    r"(?=\s*(?:-|\u2013|to|until|till|and)\s*(?P<rh>1[0-2]|[1-9])(?:[:.][0-5]\d)?\s*"
    r"(?P<rampm>a\.m\.?|p\.m\.?|am\b|pm\b)(?:,?\s+(?:on\s+)?(?:(?P<rwd>" + WEEKDAY + r")\b|"
    r"(?P<rdeic>" + DEIXIS + r")\b))?)"
    r"|(?P<noon>noon|midnight|midday)"
    r"|(?P<h2>1[0-2]|[1-9])(?:[:.](?P<m2>[0-5]\d))?(?:\s+o'clock)?\s+in\s+the\s+"
    r"(?P<part2>morning|afternoon|evening)"
    # after a preposition, an hour before a part of the day: "see you at 8 tonight", "from 7:30
    # this evening" (an evening hour, one span); "at 3 this afternoon", "at 11 last night" (the
    # hour alone, joined to the part of the day read after it as one TIME)
    r"|(?=[1-9])(?:(?<=\bat\s)|(?<=\bfrom\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bby\s)"
    r"|(?<=\baround\s)|(?<=\babout\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=@\s)|(?<=@))"
    r"(?:(?<!@)(?<!@\s)(?P<h3>1[0-2]|[1-9])(?:[:.](?P<m3>[0-5]\d))?"
    r"(?:\s+o'clock)?\s+(?:tonight|this\s+evening)\b"
    r"|(?P<h4>1[0-2]|[1-9])(?:[:.](?P<m4>[0-5]\d))?(?:\s+o'clock)?(?=\s+(?:this\s+(?:morning|"
    r"afternoon)|(?:last|tomorrow|tmrw|yesterday)\s+(?:morning|afternoon|evening|night|nite)|"
    r"last\s+nite)\b))"
    r"|(?P<h24>[01]\d|2[0-3]):(?P<m24>[0-5]\d)(?=\s*(?-i:GMT|UTC|BST|CET|CEST|[ECMP]S?T|IST|JST)\b|"
    r"\s+(?:local\s+time|hours|hrs)\b)"
    r"|(?<!\()(?P<hmil>[01]\d|2[0-3])(?P<mmil>[0-5]\d)(?=\s*(?-i:GMT|UTC)\b|\s+local\s+time\b)"
    # "at 0800 hours", "until 2200 hrs": four digits read as a clock after a preposition, or
    # with a leading zero ("0600 hours"); "worked 1500 hours" stays a duration
    r"|(?:(?<=\bat\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bby\s)|(?<=\bfrom\s)|(?<=\bsince\s)"
    r"|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\baround\s)|(?=0))"
    r"(?P<hhrs>[01]\d|2[0-3])(?P<mhrs>[0-5]\d)(?=\s*(?:hours|hrs)\b)"
    # "left at 7:45", "until 9:30": a clock time after a preposition, with no a.m./p.m.
    r"|(?:(?<=\bat\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bbefore\s)|(?<=\bafter\s)"
    # ... or after "from" (not "to 3:45 from 4:10"), "since", "till", "@"
    r"|(?<=\bfrom\s)(?<!\d\sfrom\s)|(?<=\bsince\s)|(?<=\btill\s)|(?<=@\s)|(?<=@))"
    r"(?P<hp>[01]?\d|2[0-3]):(?P<mp>[0-5]\d)(?![\d:.,]\d|\s*(?:%|percent|per\b|to\s+\d|-\d))"
    # "see you at 8!", "dinner @ 7 \U0001f37b", "work till 6.": a bare hour closing its phrase
    # in a post
    r"|(?:(?<=\bat\s)|(?<=@\s)|(?<=@)|(?<=\btill\s)|(?<=\btil\s)|(?<=\buntil\s))"
    r"(?P<hb>1[0-2]|[1-9])"
    r"(?=\s*(?:[!?]|\.(?!\d)|$|\n|[^\w\s.,;:%$\u00a3\u20ac/+\-()'\"])"
    r"|\s+(?:tomorrow|tmrw|tmw)\b)"  # "exam at 9 tmrw": the hour and its day
    # "doors 7:30", "kickoff 3:00": hours and minutes with no preposition, in a post
    r"|(?<![\w:.,$\u00a3\u20ac/-])(?P<hq>1[0-2]|[1-9]):(?P<mq>[0-5]\d)"
    r"(?![\d:.,]\d|\s*(?:%|percent|per\b|to\s+\d|-\d|mins?\b|minutes?\b|secs?\b|km\b|miles?\b))"
)
TZ = (  # "0800 hours" (military clock) is read with its word, as a zone is
    r"(?:\s*(?P<tz>(?-i:[ECMP][SD]T|[ECMP]T|GMT|UTC|BST|CET|CEST|IST|JST)|local\s+time"
    r"|(?<=\d)\s*(?:hours|hrs)(?!\s+(?:of|a|an|per|each|every|later|earlier|ago|before|after|"
    r"long)\b))\b)?"
)

_F = re.IGNORECASE
#: "last" after "to" or a modal is the verb ("is expected to last six weeks").
_NOT_VERB_LAST = (
    "".join(
        rf"(?<!\b{w}\s)"
        for w in ("to", "will", "would", "could", "may", "might", "should", "can", "must")
    )
    + r"(?<!'ll\s)"
)
#: Words after which "12/3" is a month and day with no year.
_SLASH_CUES = "on for by til till until from before after since is".split()

#: Words that may follow a day of the month written as an ordinal word ("on May first and
#: second", "March eighth at noon"); any other word makes the ordinal an adjective.
_DAY_WORD_NEXT = "and|or|in|at|on|to|from|until|till|when|this|next|last|by|before|after"

#: (rule name, compiled pattern, priority). Longer spans win; priority breaks ties.
_RULES: list[tuple[str, re.Pattern[str], int]] = [
    ("date_mdy", re.compile(
        rf"(?P<weekof>the\s+week\s+of\s+)?(?:(?:this\s+(?:coming|past)|this|next|last)\s+(?={WEEKDAY}))?"
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:{PMOD})?(?:(?P<rel>last|this|next|this\s+past|this\s+"
        rf"coming)\s+)?(?P<mon>{MONTH})\s*(?:the\s+(?=(?:{_alt(DAY_WORDS)})\b))?(?P<day>{DAY}|"
        # "March eighth", "May the twenty-first", as spoken, ending a phrase: not "March
        # first-quarter sales", "That September the first night train ran"
        rf"(?<=\s)(?:{_alt(DAY_WORDS)})(?=\s*(?:[,.;:!?)'\"]|$)|\s+(?:{_DAY_WORD_NEXT})\b))"
        rf"(?:,?\s*(?P<year>{YEAR})|,?\s+(?P<yrel>last|this|next)\s+year\b(?!'s))?", _F), 5),
    ("date_dmy", re.compile(
        rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY}|(?<=the\s)(?:{_alt(DAY_WORDS)})(?=\s+of\s))"
        rf"\s+(?:of\s+)?(?P<mon>{MONTH_AFTER_DAY})"
        rf"(?:,?\s+(?P<year>{YEAR})|,?\s+(?P<yrel>last|this|next)\s+year\b(?!'s))?", _F), 5),
    ("date_num", re.compile(
        r"(?<![\d/.-])(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)?\d\d)(?![\d/])"
        r"|(?P<da>\d{1,2})-(?P<db>\d{1,2})-(?P<dy2>(?:19|20)\d\d)(?![\d-])"
        r"|(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-3]\d)(?![\d-])"
        r"|(?P<my>(?:19|20)\d\d)-(?P<mm>0[1-9]|1[0-2])(?![\d-]|\.\d)"
        r"|(?P<dd>[0-3]?\d)\.(?P<dm>[01]?\d)\.(?P<dy>(?:19|20)\d\d)(?!\d|\.\d)"
        # "gig on 12/3", "bday is 3/15": no year, after a preposition, not a fraction or score
        r"|(?:" + "|".join(rf"(?<=\b{w}\s)" for w in _SLASH_CUES) + ")"
        r"(?P<sa>[01]?\d|2\d|3[01])/(?P<sb>[01]?\d|2\d|3[01])(?![\d/]|\s*(?:of|cups?|inch|in\b|"
        r"mile|%|[a-z]*\d)))"), 6),
    ("range_day", re.compile(  # "March 3 to 5": the second day (the span group)
        rf"(?P<mon>{MONTH})\s*(?P<d1>{DAY})\s*(?:-|\u2013|to|through|and|until|or)\s*"
        rf"(?P<span>(?P<day>{DAY})(?!\s*(?:{MONTH}|%|percent|[ap]\.?m\b|[:.]\d))"
        rf"(?=\s*(?:[,.;:)]|$|and\b|in\b|at\b))(?:,?\s*(?P<year>{YEAR}))?)", _F), 7),
    ("range_first", re.compile(  # "from 12 to 20 May": the first day (the span group)
        rf"(?P<span>(?P<day>{DAY}))\s*(?:-|\u2013|to|through|and|until)\s*(?P<d2>{DAY})\s+(?:of\s+)?"
        rf"(?P<mon>{MONTH_AFTER_DAY})(?:,?\s+(?P<year>{YEAR}))?", _F), 6),
    ("ad_year", re.compile(  # "AD 43", "43 AD", "AD 1066", "1066 CE"
        r"(?-i:AD|A\.D\.)\s*(?P<n>\d{1,4})(?!\d|,\d)|(?<![\d,.$\u00a3\u20ac])(?P<n2>\d{1,4})\s*(?-i:AD|CE)(?!\w)",
        _F), 5),
    ("bc_range", re.compile(  # "218-201 BC": the first year (the span group)
        r"(?P<span>(?P<n>\d{1,4}))\s*(?:-|\u2013|to)\s*(?P<n2>\d{1,4})\s*(?-i:BC|B\.C\.|BCE)(?!\w)",
        _F), 5),
    ("fiscal_code", re.compile(r"\b(?-i:FY)\s?'?(?P<fy>(?:19|20)\d\d|\d\d)\b"), 3),
    ("month_year", re.compile(
        rf"(?:{PMOD})?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})", _F), 4),
    # "the July-September period", "July to September 2022"; "from July to September" keeps
    # its two ends (TimeML), which ``explicit.month`` reads as one pair of years
    ("month_range", re.compile(
        rf"(?:the\s+)?(?:(?<!from\s)(?P<mon>{_cased(_FULL_MONTHS)})\s*"
        rf"(?:-|\u2013|\u2014|\s(?:to|through|thru)\s)|(?P<monh>{_cased(_FULL_MONTHS)})\s*"
        rf"(?:-|\u2013|\u2014))\s*(?P<mon2>{_cased(_FULL_MONTHS)})\b(?!\s*\d{{1,2}}\b(?![\d,]))"
        rf"(?:,?\s+(?P<year>{YEAR}))?(?:(?<=\w)\s+(?:period|quarter)\b(?!s))?", _F), 4),
    ("months_to", re.compile(  # "the three months to September": the months ending with it
        rf"(?:the\s+)?(?P<n>(?:[2-9]|1\d|2[0-4])\b|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        rf"eighteen)\s+months\s+(?:to|through|ending|ended)\s+(?:(?:the\s+)?end[- ](?:of\s+)?)?"
        rf"(?P<mon>{_cased(_FULL_MONTHS)})\b(?!\s*\d{{1,2}}\b(?![\d,]))(?:,?\s+(?P<year>{YEAR}))?",
        _F), 4),
    ("month", re.compile(
        rf"(?:{PMOD})?(?:{REL}\s+)?(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<yrel>this|last|next)\s+"
        rf"year\b)?",
        _F), 2),
    ("decade", re.compile(
        rf"(?:the\s+)?(?:{PMOD})?(?:(?P<dec>1[0-9]\d0|20\d0)'?s\b|'(?P<dec2>\d0)'?s\b"
        rf"|(?<=the\s)(?<!\d)(?P<dec3>[1-9]0)s\b"
        rf"|(?P<decw>{_alt(DECADE_WORDS)})\b)", _F), 4),
    ("spoken_year", re.compile(
        rf"(?:(?P<mon>{MONTH})\s+|the\s+{SEASON}\s+of\s+)?(?:the\s+year\s+)?"
        rf"(?:(?P<cent>nineteen|twenty)[- ](?P<yy>(?:{_TENS})(?:[- ](?:{_ONES}))?"
        rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
        rf"hundred)|(?P<k>two\s+thousand)(?:\s+and\s+(?P<ky>{_ONES}|ten))?)\b", _F), 3),
    ("century", re.compile(
        rf"(?:the\s+)?(?:{PMOD})?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alt(ORDINALS)})[- ]century\b"
        rf"(?P<bc>\s+(?-i:BC|B\.C\.|BCE)(?!\w))?(?:\s+(?-i:AD|A\.D\.|CE)(?!\w))?", _F), 4),
    ("year", re.compile(
        rf"(?:(?P<amod>about|around|circa|approximately|c\.)\s+)?(?:{PMOD})?(?:(?P<fiscal>fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|"
        rf"model\s+year)\s+)?(?P<year>{YEAR})(?:[-/\u2013](?P<year2>\d\d)\b(?!-))?", _F), 3),
    ("short_year", re.compile(  # "in '65", "from '58 to '79": a year without its century
        rf"(?:in|of|from|to|since|until|till|by|and|between|during|before|after|circa)\s+"
        rf"(?P<span>{SHORT_YEAR})", _F), 3),
    ("season", re.compile(
        rf"(?:{PMOD})?(?:(?P<rel>{_REL}|the)\s+)?{SEASON}\b(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})"
        rf"(?:[-\u2013/](?P<y2>\d\d)\b(?![-/.:]\d))?|{SHORT_YEAR}))?",  # "the winter of 1941-42"
        _F), 3),
    ("quarter", re.compile(
        rf"(?:(?P<det>{_QDET})\s+)?(?P<adjs>(?:(?:{_QADJ})[- ]+)*)(?P<ord>{_alt(ORDINALS)}|latest|"
        rf"current|last|next|coming|following|previous)?[- ]?(?:fiscal[- ])?"
        rf"(?P<q>quarter|(?<=[a-z\d] )period)\b(?!s|ly)"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>{YEAR})|(?P<yrel>this|last|next|the)\s+year)"
        rf"|,?\s+(?P<year_b>{YEAR})(?!\s*(?:%|percent)))?"
        rf"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year\b(?!'s)))?",
        _F), 3),
    ("months_part", re.compile(  # "the final three months of 2012": 2012-Q4; six: a half
        rf"(?:the\s+)?(?P<edge>first|opening|last|final|closing)\s+(?P<n>three|six|3|6)\s+"
        rf"months\s+of\s+(?:(?P<year>{YEAR})|(?P<yrel>this|last|next|the)\s+year\b)", _F), 3),
    ("quarter_code", re.compile(
        r"\b(?-i:Q(?P<n>[1-4])(?:\s+(?P<year>(?:19|20)\d\d)|'(?P<yy>\d\d))?|(?P<n2>[1-4])Q)\b"), 3),
    ("half", re.compile(
        rf"(?:the\s+)?(?:(?P<det>this\s+year's|last\s+year's|next\s+year's)\s+)?"
        rf"(?:(?P<ord>first|second|latter|1st|2nd)[- ]half\b(?![- ](?:marathons?|time)\b)"
        rf"|(?P<ord2>last|first|final)"
        rf"(?:[- ]half|\s+two\s+quarters)(?=\s+of\s+(?:{YEAR}|(?:this|last|next|the)\s+year\b)))"
        rf"(?:\s+of\s+(?:(?P<year>{YEAR})|"
        rf"(?P<yrel>this|last|next|the)\s+year))?", _F), 3),
    ("weekday", re.compile(
        rf"(?:the\s+day\s+(?P<dayoff>before|after)\s+)?(?:{PMOD})?(?:{REL}\s+)?(?P<wd>{WEEKDAY})"
        rf"(?P<pl>s)?\b(?:,?\s+{PART}\b)?"
        # "Wednesday of next week", "Thursday next week" (not "Monday last week's figures")
        rf"(?:\s+(?:of\s+)?(?P<wrel>this|last|next|the\s+following|the\s+previous)\s+week\b"
        rf"(?!['\u2019]s)"
        rf"|,?\s+(?:the\s+)?(?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b)?", _F), 2),
    ("deixis", re.compile(
        rf"(?:{PMOD})?(?:(?P<deic>{DEIXIS})(?:\s+{PART}\b)?|(?P<rel2>this|last|yesterday|"
        rf"tomorrow|tmrw|tmw)\s+(?P<part2>morning|afternoon|evening|night|nite)|(?P<over>overnight)|"
        rf"(?-i:this\s+(?P<ampart>am|pm))(?![\w.]|\s+[iI]\b)|"  # not "this am I right"
        rf"(?P<dayrel>the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow))|"
        rf"mid[- ]?(?P<part3>morning|afternoon|evening)(?:\s+(?P<deic3>yesterday|today|tomorrow))?)"
        # a post's possessive without its apostrophe: "tonights gig", "this evenings sunset"
        rf"(?:\b|(?-i:(?=s\s+[a-z])))", _F), 2),
    ("relative", re.compile(
        rf"(?:(?P<el>earlier|later)\s+)?(?:{PMOD})?(?:{REL}|(?P<the>the(?:\s+(?:full|whole|entire|"
        rf"calendar))?))\s+"
        rf"(?P<unit>week|weekend|wknd|wk|month|year|decade|century|fiscal\s+year)\b(?!-|\s+(?:of|ago|old))"
        rf"(?:\s+(?P<ba>before|after|earlier|later)(?=\s*(?:[,.;:!?)]|$|and\b|but\b|when\b))"
        rf"|(?:(?<=same\sweek)|(?<=same\smonth))\s+(?P<yago>{NUM})\s+years?\s+(?:earlier|(?P<dago>ago)|before|"
        rf"(?P<later>later|after))\b"
        rf"|(?:(?<=same\sweek)|(?<=same\smonth))\s+(?P<ylast>last\s+year)\b(?!'s))?"
        # "the next year or so": about a year
        rf"(?P<orso>(?:(?<=year)|(?<=month)|(?<=decade)|(?<=week))\s+or\s+so\b)?",
        _F), 2),
    ("yearago", re.compile(
        r"(?:the\s+(?:comparable\s+|corresponding\s+|same\s+)?)?(?P<ya>year-earlier|year-ago|"
        r"prior-year|year-before)(?:\s+(?P<what>period|quarter|nine\s+months|six\s+months|"
        r"(?:first|second|third|fourth)\s+quarter|month|year))?\b", _F), 2),
    ("yearend", re.compile(r"\b(?P<ye>year[- ]end|year's\s+end|month-end)\b", _F), 2),
    ("duration", re.compile(
        rf"(?:{AMOD})?(?:(?P<det>the|these|those|its|his|her|their|each\s+of\s+the)\s+)?"
        # "expected to last six weeks", "could last two years": the verb, not "the last"
        rf"(?:(?P<rel>past|{_NOT_VERB_LAST}last|next|first|coming|previous|following|final|latest|ensuing|"
        rf"preceding|initial|remaining|same|other|few|recent)\s+)?"
        # not "in 1790 and two years later": a year, then a count of its own
        rf"(?!(?:1[0-9]|20)\d\d\s*(?:to|or|-|and)\s*[A-Za-z])"
        rf"(?P<num>{NUM})(?:\s*(?:to|or|-|and)\s*(?P<num2>{NUM}))?(?P<sep>-|\s*)(?:{UNIT})"
        rf"(?P<half>\s+and\s+a\s+half\b)?(?P<tail>-(?:long|old)\b|\s+(?:old|long)\b|\s+(?:(?:or\s+so\s+)?(?:ago|earlier|later|afterwards?|(?:(?<=years\s)|(?<=months\s)|(?<=decades\s))on(?=\s*[,;]))|before|after|"
        rf"from\s+now|hence|or\s+so|ahead|back)\b)?"
        rf"(?!(?<=two\squarters)\s+of\s+(?:{YEAR}|(?:this|last|next)\s+year)\b)",
        _F), 1),
    ("bare_units", re.compile(
        r"(?:(?P<pre>recent|coming|the\s+coming|the\s+past|past|the\s+next|next|the\s+last|"
        r"the\s+following|the\s+ensuing|the\s+preceding|"
        r"future|the\s+(?:first|final|initial|early(?=\s+years))|the)\s+)?"
        r"(?P<unit>years|months|weeks|days|decades|hours|centuries|minutes|"
        r"quarters|(?=\w+-long)(?:day|week|month|year|hour|decade))\b"
        r"(?P<tail>-long|\s+ago|\s+ahead)?", _F), 0),
    ("vague_span", re.compile(  # "for a while", "for some time": unknown length
        r"(?<=\bfor\s)(?P<vague>a\s+(?:long\s+|short\s+|little\s+)?while|(?:some|a\s+long|"
        r"a\s+short)\s+time)\b", _F), 0),
    ("half_unit", re.compile(
        r"(?:(?:a|an)\s+)?half[- ](?:an?\s+)?(?P<unit>hour|day|year|century|decade|month)\b", _F),
        1),
    ("ref", re.compile(
        r"\b(?P<ref>then[- ]current|now|right\s+now|currently|current|recently|recent|lately|"
        r"nowadays|"
        r"these\s+days|at\s+present|presently|at\s+the\s+moment|the\s+past|the\s+(?:near\s+|"
        r"distant\s+|foreseeable\s+|immediate\s+)?future|the\s+(?:near|short)[- ]term|"
        r"a\s+later\s+date|as\s+soon\s+as\s+possible|soon)\b", _F), 0),
    ("that_day", re.compile(
        r"(?:(?:(?P<el>earlier|later)\s+)?(?P<rel>that(?:\s+same)?|the\s+same|the\s+next|"
        r"the\s+following|the\s+previous|the\s+preceding|the\s+day\s+(?:before|after)|"
        r"(?<=\bin\s)the(?=\s+(?:morning|afternoon|evening)\b))\s+"
        r"|(?<=\bby\s)(?=(?:morning|afternoon|evening)\b))"  # "by morning": the next one told
        r"(?P<part>day|morning|afternoon|evening|night)\b", _F), 2),
    ("day_before", re.compile(  # "The day before, talks had failed": the day told, moved
        r"(?P<rel>the\s+(?P<part>day|night|evening|morning|afternoon)\s+(?P<ba>before|after))"
        r"(?=\s*[,.;:!?])", _F), 2),
    ("weekday_short", re.compile(  # "sat night", "sun morning": short names that are words alone
        r"\b(?:(?P<rel>this|next|last)\s+)?(?P<wd>mon|tue|wed|thu|sat|sun)"
        r"(?:\s+(?P<part>morning|afternoon|evening|night|nite)"
        r"|\s+(?:the\s+)?(?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))?\b"  # "sat 26th"
        r"(?P<clock>(?=\s+(?:[01]?\d)(?:[:.][0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)))?",
        _F), 2),
    ("clock", re.compile(
        rf"(?:(?P<amod>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|"
        rf"after))\s+)?(?:{CLOCK}){TZ}"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})"
        # "10pm on Thursday 7 May", "8 p.m. on Friday, May 8, 2026": the whole date
        rf"(?:,?\s+(?:(?:the\s+)?(?P<wdd>{DAY})\s+(?:of\s+)?(?P<wdm>{MONTH_AFTER_DAY})"
        rf"|(?P<wdm2>{MONTH})\s*(?P<wdd2>{DAY}))(?P<wdy>,?\s+{YEAR})?"
        rf"|\s+(?:the\s+)?(?P<wdo>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b)?|"  # "11pm Friday 28th"
        # not "6am tomorrow" of "6am tomorrow morning": the clock is joined to the part
        rf"(?P<deic>{DEIXIS})(?!\s+(?:morning|afternoon|evening|night|nite)\b)|"
        # a post's lower-case short day after the clock ("party 9pm sat!"): "mon", "tue",
        # "thu" are no other word; "sat", "sun", "wed" only closing their phrase
        r"(?-i:(?P<wds>(?:mon|tue|thu)\b(?!['\u2019])|(?:sat|sun|wed)(?=\s*(?:[!?.,;:)]|$|[^\w\s]))))|"
        rf"(?P<mon>{MONTH})\s*(?P<day>{DAY})(?P<cy>,?\s+{YEAR})?))?(?![\d%])", _F), 4),
    ("clock_aside", re.compile(  # "10:35 a.m. (0735 GMT) Friday": the day after an aside
        rf"(?P<span>(?:(?P<amod>about|around|approximately)\s+)?(?:{CLOCK}){TZ})"
        rf"\s*\([^()\n]{{1,24}}\)\s*,?\s*(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<deic>{DEIXIS})|"
        rf"(?P<mon>{MONTH})\s*(?P<day>{DAY}))", _F), 5),
    ("set", re.compile(
        rf"(?P<q>every|each)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+)?"
        rf"(?:(?P<unit>(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade)s?|"
        rf"morning|evening|afternoon)\b|(?P<wd>{WEEKDAY})(?:\s+(?P<wpart>morning|afternoon|evening|"
        rf"night)\b)?|(?P<mon>{_cased(_FULL_MONTHS)})\b|"
        rf"{SEASON})", _F), 2),
    ("set_adv", re.compile(
        r"\b(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly|fortnightly|"
        r"semiannually|semi-annual(?:ly)?|semiannual|biannual(?:ly)?|bi-annual(?:ly)?|"
        r"twice\s+(?:a|per)\s+(?:day|week|month|year))\b", _F), 1),
    ("set_times", re.compile(  # "15 times a year", "once a week", "three times per month"
        rf"(?P<num>{NUM}|once|thrice)\s+(?:times\s+)?(?:a|an|per|each)\s+"
        rf"(?P<unit>day|week|month|year|quarter|hour)\b", _F), 2),
    ("set_alternate", re.compile(  # "alternate Fridays", "on alternate weeks"
        rf"\balternate\s+(?:(?P<wd>{_cased(WEEKDAYS)})s|(?P<unit>days|weeks|months|years|weekends))\b",
        _F), 2),
    ("week_of_month", re.compile(  # "the last week of March"
        rf"(?:the\s+)(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR}))?", _F), 5),
    ("day_of_month", re.compile(  # "on the 15th": a day of the month being told
        r"the\s+"
        r"(?P<dom>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
        r"(?=\s*(?:[,.;:!?)]|$|[^\w\s\-])|\s+(?:and|or|at|when|in|to|for|with|but|he|she|it|they|"
        r"we|a|an|the|his|her|its|their|our|there|is|was|will|so|then|if|too|as|dont|don't|pls|"
        r"please|lol|x)\b)",  # "on the 30th dont forget \u23f0": a post's run-on
        _F), 2),
    ("offset_from", re.compile(  # "two weeks from next Tuesday", "three days after Christmas"
        rf"(?P<num>{NUM})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>from|after|before)\s+"
        rf"(?P<inner>(?:(?:last|this|next)\s+)?{WEEKDAY}\b|today|tomorrow|yesterday|"
        rf"{HOLIDAY}\b|{MONTH}\s*{DAY})", _F), 6),
    ("bc_year", re.compile(  # "216 BC", "August 480 BC", "the 5th century BC" is century's
        rf"(?:(?P<mon>{MONTH})\s+)?(?P<n>\d{{1,4}})\s*(?-i:BC|B\.C\.|BCE)(?!\w)", _F), 5),
    ("holiday", re.compile(
        rf"(?:(?P<rel>last|this|next)\s+)?(?P<hol>{HOLIDAY})\b(?P<hweek>\s+week\b)?"
        rf"(?:,?\s+(?P<year>{YEAR}))?", _F), 3),
]  # fmt: skip
#: Words a rule's match must hold: its windows without one are not searched (speed).
NEEDS = {
    "offset_from": re.compile(r"\b(?:from|after|before)\s", re.IGNORECASE),
    "week_of_month": re.compile(r"\bweek\s+of\b", re.IGNORECASE),
    "bc_year": re.compile(r"(?-i:BC|B\.C\.)"),
    "bc_range": re.compile(r"(?-i:BC|B\.C\.)"),
    "ad_year": re.compile(r"(?-i:AD|A\.D\.|CE)"),
    "day_before": re.compile(
        r"\b(?:day|night|evening|morning|afternoon)\s+(?:before|after)\b", re.IGNORECASE
    ),
    "short_year": re.compile(r"['\u2019]\d\d"),
    "range_first": re.compile(r"\d(?:st|nd|rd|th)?\s*(?:-|\u2013|to|through|and|until)\s*\d"),
}
#: Every rule starts at a word start ("data years" holds no "a years").
RULES = [(n, re.compile(r"(?<!\w)(?:" + p.pattern + ")", p.flags), k) for n, p, k in _RULES]

_UNIT_WORDS = ["second", "minute", "hour", "day", "night", "week", "weekend", "fortnight",
               "month", "quarter", "year", "decade"]  # fmt: skip
_HEAD_LISTS: dict[str, list[str]] = {
    "month": [*MONTHS], "weekday": [*WEEKDAYS],
    "weekday_short": ["mon", "tue", "wed", "thu", "sat", "sun"],
    "unit": ["wknd"] + _UNIT_WORDS + [w + "s" for w in _UNIT_WORDS] + ["century", "centuries",
                                                            "millennium", "millennia"]
    + [*UNIT_ABBREVIATIONS],
    "part": ["today", "yesterday", "tomorrow", "tonight", "overnight", "morning", "afternoon",
             "evening", "night", *DEIXIS_ALIASES, "nite", "moro", "morrow",
             # posts' possessives without the apostrophe: "tonights gig"
             "todays", "tonights", "tomorrows", "yesterdays", "mornings", "afternoons",
             "evenings", "nights", "tonites", "2nites"],
    "noon": ["noon", "midnight", "midday"],
    "ampm": ["am", "pm"],
    "ref": ["now", "current", "currently", "recent", "recently", "lately", "nowadays", "present",
            "presently", "moment", "past", "future", "days", "term", "date", "soon"],
    "season": [*SEASONS], "half": ["half"], "decade": [*DECADE_WORDS],
    "adverb": ["daily", "weekly", "monthly", "yearly", "hourly", "nightly",
               "biweekly", "bimonthly", "semiannually", "twice", "fortnightly", "semi",
               "semiannual", "biannual", "biannually", "bi"],
    "times": ["times", "once", "thrice"],
    "alternate": ["alternate"],
    "holiday": ["christmas", "xmas", "year", "years", "nye", "thanksgiving", "easter",
                "independence", "labor",
                "memorial", "halloween", "valentine", "friday", "boxing", "veterans", "columbus",
                "election", "mother", "father", "black", "cyber", "patrick", "presidents",
                "martin"],
    "q": ["q"],
    "fy": ["fy"],
    "period": ["period"],
    "spoken": ["nineteen", "twenty", "thousand"],
    "vague": ["while", "time"],
    "bc": ["bc", "bce", "b"], "ad": ["ad"], "ce": ["ce"],
}  # fmt: skip
_HEAD_RULES = {
    "month": ("date_mdy", "date_dmy", "month_year", "month", "clock", "set", "range_day",
              "week_of_month", "range_first", "month_range", "months_to"),
    "weekday": ("weekday", "date_mdy", "date_dmy", "clock", "set"),
    "weekday_short": ("weekday_short",),
    "unit": ("duration", "bare_units", "set", "relative", "half_unit", "yearago", "yearend",
             "months_part",
             "quarter", "century", "deixis", "half", "that_day", "offset_from", "day_before"),
    "part": ("deixis", "weekday", "clock", "set", "that_day", "day_before"),
    "noon": ("clock", "clock_aside"), "ref": ("ref",), "ampm": ("deixis",),
    "season": ("season", "set"), "half": ("half", "half_unit"), "decade": ("decade",),
    "adverb": ("set_adv",), "times": ("set_times",), "alternate": ("set_alternate",),
    "holiday": ("holiday",), "q": ("quarter_code",),
    "period": ("quarter",),
    "spoken": ("spoken_year",),
    "fy": ("fiscal_code",),
    "vague": ("vague_span",),
    "bc": ("bc_year", "bc_range"), "ad": ("ad_year",), "ce": ("ad_year",),
}  # fmt: skip
#: Lower-case word -> the rules that can match around it (rules only run near their heads).
HEADS: dict[str, frozenset[str]] = {}
for _kind, _words in _HEAD_LISTS.items():
    for _w in _words:
        HEADS[_w] = HEADS.get(_w, frozenset()) | frozenset(_HEAD_RULES[_kind])
#: Rules a number can head: 4 digits, or 1-2 digits.
YEAR_HEAD = frozenset(
    {
        "year",
        "decade",
        "date_num",
        "month_year",
        "quarter_code",
        "clock",
        "fiscal_code",
        "clock_aside",
    }
)
SMALL_NUMBER_HEAD = frozenset(
    {
        "date_num",
        "clock",
        "quarter_code",
        "decade",
        "fiscal_code",
        "clock_aside",
        "day_of_month",
        "short_year",
    }
)
HEAD_TOKEN = re.compile(r"[A-Za-z]+|\d+")

#: Words before a 4-digit number that make it a year.
YEAR_CUES = re.compile(
    r"(?:\b(?:in|since|by|of|during|until|till|from|to|through|before|after|between|and|"
    r"fiscal|year|early|late|mid|end|for|the|since|around|circa|as\s+of|spring|summer|fall|"
    r"autumn|winter|'s)|[,(-]|(?<=\d)[\u2013\u2014])\s*$",  # "(1337\u20131453)": a range
    re.IGNORECASE,
)
#: A weekday followed by one of these is a name or an event, not a date.
WEEKDAY_NAMES = re.compile(
    r"\s*(?:prayers?|sermons?|services?|Times|Telegraph|Express|Mirror|Observer|Herald|Post|"
    r"Mail|Night\s+Live|Independent|Sport|People|Business|Review|Magazine|Show|Club)\b"
)
WEEKDAY_PREFIX_NAMES = re.compile(
    r"(?:\b(?:Black|Good|Super|Ash|Holy|Cyber|Palm|Bloody|Easter|Whit|Maundy|Man|Girl|Guy)"
    r"\s+)$"
)
