"""Checks that turn a rule match away: modal "may", "Windows 2000", "Friday prayers", rates..."""

from __future__ import annotations

import re

from .context import tense
from .patterns import MONTH, WEEKDAY, WEEKDAY_NAMES, WEEKDAY_PREFIX_NAMES, YEAR_CUES

_MONTH_CUES = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|to|through|of|during|early|late|mid|last|this|next|"
    r"before|after|between|and|or|each|every|since|until|for|on|as|around|about|'s)|[,(-])\s*$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
#: A capitalised word just before ("Theresa May", "Windows 2000") makes a name.
_NAME_BEFORE = re.compile(
    r"\b(?!(?:The|That|This|These|Those|Its|His|Her|Their|Our|Your|My|A|An|And|But|Or|"
    r"Also|Only|Even|All|Each|Every|Both|Then|Until|When|While|Since|After|Before)\b)"
    r"(?-i:[A-Z][a-z]+)\s+$"
)
#: An all-capitals word just before ("ABC 2000", "MS-DOS 2000") makes a code or a model.
_CODE_BEFORE = re.compile(r"\b(?-i:[A-Z]{2,})[- ]$")
_PLURAL_NOUN = re.compile(r"\s+(?!(?:was|is|has|as|this|its|his|ss)\b)[a-z]+s\b")
_QUANTITY_LEFT = re.compile(
    r"\b(?:about|some|nearly|than|over|almost|only|another|additional|least|roughly|"
    r"approximately|all|just|No\.|number|Flight|Route|Highway)\s*$|[$£€#]\s*$"
)
_PERCENT = re.compile(
    r"\s*(?:%|percent|per\s*cent|points?|feet|meters|metres|miles|km|kg|"
    r"pounds|tons|barrels|shares|people|troops|votes)\b",
    re.IGNORECASE,
)
_BARE_UNIT_LEFT = re.compile(
    r"\b(?:for|over|in|within|after|took|take|takes|lasted|last|spent|spend|taken|"
    r"several|many)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SEASON_LEFT = re.compile(
    r"\b(?:in|during|since|until|till|by|through|throughout|over|into|for|before|after|from|"
    r"this|last|next|early|late|mid|the|each|every|of)\s*$",
    re.IGNORECASE,
)


def _left(text: str, start: int, width: int = 25) -> str:
    return text[max(0, start - width) : start]


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"'`\u201c\u2018(")
    return not before or before[-1] in ".!?\n"


def _name_like(text: str, start: int) -> bool:
    """True if a capitalised word at ``start`` reads as part of a name ("USA Today", "60
    Minutes"): not at a sentence start, and not on a headline line where every word is
    capitalised ("Talks Collapse After 20 Hours")."""
    if _sentence_start(text, start):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    long_words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) > 3]
    capitals = sum(w[0].isupper() for w in long_words)
    return not (len(long_words) >= 3 and capitals >= 0.7 * len(long_words))


def _accept_month(m: re.Match[str], text: str) -> bool:
    if m["pmod"] or m["rel"]:
        return True
    word = m["mon"]
    nxt = _NEXT_WORD.match(text, m.end())
    if re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", text[m.end() : m.end() + 20]):
        return False  # "the March for Life", "March of the Combatant Mothers"
    if _MONTH_CUES.search(_left(text, m.start())):
        return True  # "in May", "since March", "early April"
    if nxt and nxt[1][:1].isupper() and nxt.start() == m.end():
        return False  # "April Smith", "May Day"
    if _NAME_BEFORE.search(_left(text, m.start())) and not _MONTH_CUES.search(
        _left(text, m.start())
    ):
        return False  # "Theresa May", "Mark March"
    if _sentence_start(text, m.start()) and nxt and nxt[1][:1].islower():
        return word.lower() not in ("may", "march")  # "May I", "March on"
    return True


#: After four digits, a time zone or "hours": a 24-hour clock ("(1400 GMT)", "0800 hours").
_CLOCK_AFTER = re.compile(r"\s*(?:(?-i:GMT|UTC|[ECMP][SD]T|BST|CET|CEST)\b|hours\b|hrs\b|h\b)")


def _accept_year(m: re.Match[str], text: str) -> bool:
    year = int(m["year"])
    if not m["year2"] and _CLOCK_AFTER.match(text, m.end()):
        return False
    if m["pmod"] or m["fiscal"]:
        return 1000 <= year <= 2099
    if m["amod"] and _PLURAL_NOUN.match(text, m.end()):
        return False
    left = _left(text, m.start())
    if _PERCENT.match(text, m.end()) or _QUANTITY_LEFT.search(left):
        return False
    if YEAR_CUES.search(left) or m["amod"]:  # "in 1350", "c. 1200", "around 1350"
        return 1000 <= year <= 2099
    if _NAME_BEFORE.search(left) or _CODE_BEFORE.search(left):
        return False  # "Windows 2000", "Room 2020", "Orion 1980": names, not years
    if not 1900 <= year <= 2099:
        return False
    return _PLURAL_NOUN.match(text, m.end()) is None


def _accept_weekday(m: re.Match[str], text: str) -> bool:
    if WEEKDAY_NAMES.match(text, m.end()):
        return False
    return WEEKDAY_PREFIX_NAMES.search(_left(text, m.start(), 12)) is None


def _accept_season(m: re.Match[str], text: str) -> bool:
    if m["year"]:
        return True
    after = text[m.end() : m.end() + 4].lower()
    if after.startswith(" of") or after.startswith("-"):
        return False  # "the fall of the Berlin Wall", "spring-loaded"
    rel = (m["rel"] or "").lower()
    if m["pmod"] or (rel and rel != "the"):
        return True
    return _SEASON_LEFT.search(_left(text, m.start() if not rel else m.start("rel"))) is not None


def _accept_quarter(m: re.Match[str], text: str) -> bool:
    if text[m.end() : m.end() + 1] == "-" and not m["year"]:
        after = text[m.end() : m.end() + 8].lower()
        return after.startswith("-end")
    has_ord = bool(m["ord"]) or any(
        w in (m["adjs"] or "").lower() for w in ("first", "second", "third", "fourth", "final")
    )
    if has_ord:
        return True
    det = (m["det"] or "").lower()
    if not det or det == "a":
        return False
    if m["q"].lower() == "period" and not m["adjs"]:
        return False  # "the period": only "the latest period", "the 1988 period"...
    return not text[m.end() : m.end() + 4].lower().startswith(" of")


_RATE_LEFT = re.compile(
    r"(?:\b(?:once|twice|thrice|times|percent|cents?|dollars?|million|billion|trillion|"
    r"thousand|hundred|barrels|tons|seats|flights|units|shares|hours)|\d|%)\s*$",
    re.IGNORECASE,
)


def _accept_duration(m: re.Match[str], text: str) -> bool:
    num, unit = m["num"].lower(), m["unit"].lower()
    if num in ("a", "an") and not m["tail"] and _RATE_LEFT.search(_left(text, m.start())):
        return False  # a rate ("$1.76 a year", "24 hours a day"), not a stretch of time
    if num in ("a", "an", "one") and unit == "second":
        return False
    if num in ("a", "an", "one") and unit.endswith("s") and unit not in ("centuries", "millennia"):
        return False  # "a decades-long battle": the article belongs to the adjective
    if num in ("a", "an") and unit.startswith("quarter"):
        return False
    if m["sep"] == "" and not m["num"][-1].isdigit():
        return False
    tail = (m["tail"] or "").lower()
    if "old" in tail:
        return False  # ages ("a 6-year-old") are not temporal expressions in TimeBank
    if unit.startswith("quarter") and m["sep"] == "-" and not m["det"] and not m["rel"]:
        return False  # "three-quarters of"
    if _PAY_AFTER.match(text, m.end()):
        return False  # "a bonus equal to six months of base pay": an amount of money
    unit_word = m["unit"]
    if unit_word[:1].isupper() and not unit_word.isupper():
        if _NAME_AFTER.match(text, m.end()) and _name_like(text, m.start("unit")):
            return False  # "The Seven Years' War", "the Six-Day War": a name (TIDES, TIMEX3)
        return not _name_like(text, m.start())  # "CBS's '60 Minutes'": a title
    return True


#: After a capitalised count of time, a capitalised word that makes it part of a name:
#: "the Seven Years' War", "the Thirty Years War", "the Six-Day War", "Hundred Days Offensive".
_NAME_AFTER = re.compile(r"(?:['\u2019]s?)?\s+(?-i:[A-Z][a-z]+)")


def _accept_bare_units(m: re.Match[str], text: str) -> bool:
    pre = " ".join((m["pre"] or "").lower().split())
    if m["unit"].lower().startswith("quarter") and pre not in (
        "recent",
        "coming",
        "future",
        "the coming",
        "the past",
    ):
        return False  # "quarters" alone: "three-quarters", "headquarters"
    if pre and pre != "the":
        return True
    if m["tail"]:
        return True
    return _BARE_UNIT_LEFT.search(_left(text, m.start())) is not None


def _accept_relative(m: re.Match[str], text: str) -> bool:
    unit_word = m["unit"]
    if unit_word[:1].isupper() and not unit_word.isupper() and not _sentence_start(text, m.start()):
        return False  # "This Week" (a programme), "the Next Month" (a title)
    if m["the"]:
        unit = m["unit"].lower()
        return bool(m["pmod"]) or unit in ("weekend", "wknd") or unit.endswith("year")
    return True


#: A post is short; a bare hour ("see you at 8!") is read only there.
POST_LENGTH = 600
#: Before "at", words that make the number after it a level or a place, not an hour.
_LEVEL_AT = re.compile(
    r"\b(?:closed|opened|ended|finished|stood|stand|stands|traded|trades|trading|rose|fell|is|are|was|"
    r"were|be|been|remained|remains|stayed|stays|hit|peaked|priced|fixed|set|pegged|valued|rated|"
    r"ranked|placed|came|tied|level|unchanged|steady|number|no|aged|age|"
    r"ages|bottom|top|rank|seeded|seed)\s+(?:@\s*|at\s+)$",
    re.IGNORECASE,
)


#: Before hours and minutes with no preposition, words that make them a race time, a score
#: or a verse ("ran 3:45", "finished in 2:58", "John 3:16"), not a time of day; a capitalised
#: word before them may be a name ("Doors 7:30" is lost with "Psalm 23:4").
_NOT_CLOCK_LEFT = re.compile(
    r"(?:\b(?:to|from|at|by|until|till|since|before|after|"  # a preposition: hp's, or refused
    r"ran|run|runs|running|finished|finish|clocked|time|times|record|pace|split|in|of|"
    r"score|scored|won|lost|beat|odds|ratio|verse|chapter|ch|v|vs|a|the|by|under|over|"
    r"marathon|half|10k|5k)|(?-i:[A-Z][a-z]+))\s+$",
    re.IGNORECASE,
)


#: "till 6" / "until 6" closes a span of the day only after a clock time in its sentence
#: or "from" an hour ("gym at 6am then work till 6.", "open from 9 till 5!"; not "rates frozen
#: until 2", "the score stayed at 2 until 5!").
_UNTIL_LEFT = re.compile(r"\b(?:till|til|until)\s+$", re.IGNORECASE)
_CLOCK_LEFT = re.compile(
    r"\d\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b\d{1,2}:\d\d\b|\bfrom\s+\d{1,2}\b(?![\d.,%])",
    re.IGNORECASE,
)


def _accept_clock(m: re.Match[str], text: str) -> bool:
    if m["hb"]:  # "see you at 8!" in a post; not "the index closed at 9."
        if len(text) > POST_LENGTH or _LEVEL_AT.search(_left(text, m.start(), 24)):
            return False
        if not _UNTIL_LEFT.search(_left(text, m.start(), 8)):
            return True
        sentence = text[max(text.rfind(c, 0, m.start()) for c in "!?\n") + 1 : m.start()]
        sentence = re.split(r"\.(?!\d)\s", sentence)[-1]
        return _CLOCK_LEFT.search(sentence) is not None
    if m["hq"]:  # "doors 7:30" in a post; not "ran 3:45", "John 3:16" or a long text
        named = _NOT_CLOCK_LEFT.search(_left(text, m.start(), 24))
        return len(text) <= POST_LENGTH and not named
    if m["noon"]:
        word = m["noon"]
        if word[:1].isupper() and _name_like(text, m.start()):
            return False  # "High Noon" (a film)
        return not text[max(0, m.start() - 5) : m.start()].lower().endswith("high ")
    if m["h24"] or m["h2"] or m["hmil"] or m["hhrs"]:
        return True
    if m["min"] and text[m.start("min") - 1].isdigit() and m["ampm"].lower().startswith("o"):
        return False  # "1030 o'clock" is no time of day
    return True


def _accept_ref(m: re.Match[str], text: str) -> bool:
    word = m["ref"].lower()
    if word == "current":
        nxt = _NEXT_WORD.match(text, m.end())
        return bool(nxt and nxt[1][:1].islower())
    if word.endswith("future") and re.match(r"\s+of\b", text[m.end() : m.end() + 5]):
        return False  # "the future of our peoples": their fate, not a time
    if word == "recently" and _DATED_NEXT.match(text, m.end()):
        return False  # "most recently last October": the date says when
    if word == "soon":  # "will soon decide": a vague future; not "as soon as", "soon after"
        before = text[max(0, m.start() - 4) : m.start()].lower().split()
        after = _NEXT_WORD.match(text, m.end())
        if (before and before[-1] in ("as", "so", "too", "how")) or (
            after and after[1].lower() in ("after", "afterwards", "afterward", "thereafter", "as")
        ):
            return False
        return tense(text, m.start(), m.end()) == "future"
    if word == "the past":
        return not re.match(r"\s+(?:\d|few|several)", text[m.end() : m.end() + 10])
    return True


_DATED_NEXT = re.compile(
    rf",?\s+(?:(?:last|this|in|on)\s+)?(?:{MONTH}|{WEEKDAY}|(?:19|20)\d\d\b|yesterday|today)",
    re.IGNORECASE,
)

_PAY_AFTER = re.compile(
    r"\s+of\s+(?:\w+\s+)?(?:pay|salary|salaries|wages|rent|severance|benefits)\b", re.IGNORECASE
)

#: Nouns that make "today's" generic ("in today's world", "today's youth"): the present
#: era, not the publication day.
_GENERIC_TODAY = frozenset(
    """world youth society generation generations children kids teenagers young consumers
    families culture standards technology computers economy workplace""".split()
)


#: Words after "last nights" that make it a plural ("the last nights of the tour").
_NOT_POSSESSED = re.compile(
    r"s\s+(?:of|in|at|on|and|or|are|were|have|had|with|to|for|from|when|i|we|you|they|he|she|"
    r"it|was|is|a|an|the|my|our|out|off|away|ago)\b",
    re.IGNORECASE,
)


def _accept_deixis(m: re.Match[str], text: str) -> bool:
    if text.startswith("s", m.end()):  # "tonights gig": a post's possessive, not a plural
        return len(text) <= POST_LENGTH and not _NOT_POSSESSED.match(text, m.end())
    word = m["deic"] or ""
    if word[:1].isupper() and not word.isupper() and _name_like(text, m.start()):
        return False  # "USA Today", "VOA Today": a name
    if word.lower() == "tomorrow" and re.search(
        r"(?<!\bend)(?<!\bstart)(?<!\bmorning)(?<!\bevening)(?<!\bnight)(?<!\bafternoon)"
        r"(?<!\bbeginning)\s+of\s+$",
        text[max(0, m.start() - 30) : m.start()],
    ):
        return False  # "the people of tomorrow": the future in general
    if word.lower() != "today" or not text.startswith("'s", m.end()):
        return True
    following = re.findall(r"[a-z]+", text[m.end() + 2 : m.end() + 40].lower())[:2]
    return not any(word in _GENERIC_TODAY for word in following)


_TEMPERATURE = re.compile(
    r"\b(?:temperatures?|degrees|highs?|lows?|thermometer|fahrenheit|celsius)\b", re.IGNORECASE
)


#: A possessive before a decade word makes it an age: "in her twenties", "his early forties".
_AGE_LEFT = re.compile(
    r"\b(?:my|your|his|her|its|our|their|one's|[A-Z][a-z]+'s)\s+(?:(?:early|mid|late)[- ]?)?$"
)


def _accept_decade(m: re.Match[str], text: str) -> bool:
    if m["dec3"]:  # "highs in the 70s" are degrees; "their 70s" an age (no "the")
        return _TEMPERATURE.search(_left(text, m.start(), 40)) is None
    if (m["decw"] or m["dec2"]) and _AGE_LEFT.search(_left(text, m.start(), 20)):
        return False  # "in her twenties", "in his late '40s": an age
    return True


_DAY_OF_MONTH_LEFT = re.compile(
    r"\b(?:on|by|until|till|since|from|before|after|through|"
    # a plan's day: "rescheduled for the 28th", "booked for the 3rd", "moved to the 9th"
    r"(?:(?:re)?scheduled|set|booked|planned|pencil+ed\s+in|slated|due|fixed)\s+for|"
    r"(?:moved|postponed|pushed\s+back|put\s+back|brought\s+forward|delayed|changed)\s+to|"
    r"(?:morning|afternoon|evening|night)\s+of)\s+$",  # "on the night of the 12th"
    re.IGNORECASE,
)


def _accept_day_of_month(m: re.Match[str], text: str) -> bool:
    """ "on the 15th", "by the 3rd": a day; "the 15th" alone is often a rank or a unit."""
    return _DAY_OF_MONTH_LEFT.search(_left(text, m.start(), 28)) is not None


def _accept_numeric(m: re.Match[str], text: str) -> bool:
    if m["my"]:  # "2009-10" is a season or fiscal year of two years, not October 2009
        return int(m["mm"]) != (int(m["my"]) + 1) % 100
    return True


#: After "daily" (or "weekly"), words that make it the noun, a newspaper: "the daily said".
_PAPER_NEXT = re.compile(
    r"\s+(?:newspapers?|papers?|tabloids?|said|says|reported|reports|quoted|quotes|wrote|"
    r"writes|cited|cites|published|publishes|added|claimed|noted)\b"
)
_CAPITAL_NEXT = re.compile(r"\s+(?-i:[A-Z][a-z]+)")


def _accept_set_adverb(m: re.Match[str], text: str) -> bool:
    """No newspaper: "China Daily", "the Daily Mail", "the daily said", "a weekly newspaper"."""
    word = m["adv"]
    if word[0].isupper() and (
        _name_like(text, m.start("adv")) or _CAPITAL_NEXT.match(text, m.end("adv"))
    ):
        return False
    return _PAPER_NEXT.match(text, m.end("adv")) is None


#: Before "sat"/"sun"/"wed" as words: a subject or a determiner ("we sat", "the sun").
_SHORT_DAY_LEFT = re.compile(
    r"\b(?:the|a|an|we|i|they|he|she|who|had|was|were|got|just)\s+$", re.IGNORECASE
)


_SHORT_DAY_CUE = re.compile(r"\b(?:on|for|till|til|until|by|from|before|after)\s+$", re.IGNORECASE)


def _short_day_alone(m: re.Match[str], text: str) -> bool:
    """ "tickets for sat??", "open till mon!": a short day name with no part of day, after a
    preposition and before the end of its phrase (not "sun" itself, a word after "for")."""
    if m["wd"].lower() == "sun" or not m["wd"].islower():
        return False
    if re.match(r"\s*[A-Za-z0-9]", text[m.end() : m.end() + 2]):
        return False  # "on sat nav", "for wed 3" read on
    if _SHORT_DAY_CUE.search(_left(text, m.start(), 8)):
        return True
    # "back to work mon \U0001f629": in a post, a short name that is no English word ("mon",
    # "tue", "thu"; not "sat", "wed") closing its phrase needs no preposition (not "c'mon")
    return (
        m["wd"].lower() in ("mon", "tue", "thu")
        and len(text) <= POST_LENGTH
        and text[max(0, m.start() - 1) : m.start()] not in ("'", "\u2019")
    )


def _accept_weekday_short(m: re.Match[str], text: str) -> bool:
    """ "sat night", "sun morning" as days; not "we sat night after night", "the sun morning"."""
    if re.match(r"\s+[A-Z][a-z]", text[m.end() : m.end() + 3]):
        return False  # "Last Sun Valley trip" a name
    if not (
        m["rel"] or m["part"] or m["dom"] or m["clock"] is not None or _short_day_alone(m, text)
    ):
        return False  # "sat", "sun" alone are words
    if re.match(r"\s+after\b", text[m.end() : m.end() + 8]):
        return False
    return _SHORT_DAY_LEFT.search(_left(text, m.start(), 12)) is None


ACCEPT = {
    "weekday_short": _accept_weekday_short,
    "set_adv": _accept_set_adverb,
    "date_num": _accept_numeric,
    "decade": _accept_decade,
    "day_of_month": _accept_day_of_month,
    "deixis": _accept_deixis,
    "month": _accept_month,
    "year": _accept_year,
    "weekday": _accept_weekday,
    "season": _accept_season,
    "quarter": _accept_quarter,
    "duration": _accept_duration,
    "bare_units": _accept_bare_units,
    "relative": _accept_relative,
    "clock": _accept_clock,
    "clock_aside": _accept_clock,
    "ref": _accept_ref,
}
