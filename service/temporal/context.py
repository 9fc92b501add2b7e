"""Tense of the clause around an expression, which decides the direction of bare dates."""

from __future__ import annotations

import re

_FUTURE = frozenset(
    """will 'll shall wo won't going expected expects expect plans plan planned planning should
    scheduled schedule due upcoming intends intend hopes aims slated would tomorrow
    until till starting begins opens resume resumes future soon payable effective expire
    expires could might may can ahead forecasts predict predicts""".split()
)
#: Weak cues count for less than a strong cue further away.
_WEAK_FUTURE = frozenset(
    "until till starting plans planned effective could might may can ahead".split()
)
#: Modals govern the verb group they open ("will be paid"): they beat a nearer participle.
_MODALS = frozenset("will 'll shall wo would".split())
_PAST = frozenset(
    """said was were had did ago last earlier yesterday met made went came took told gave began
    left held saw found got became sold rose fell won lost paid led spoke bought brought thought
    kept sent spent built broke ran wrote chose drove flew hit quit shot fought caught sought
    stood withdrew grew knew threw drew fled felt dealt meant heard struck arrived been ended
    closed former previously recently already""".split()
)
_NOT_PAST_ED = frozenset(
    """expected scheduled planned need speed indeed proceed exceed succeed seed feed bed red
    hundred united based related limited proposed unprecedented""".split()
)
# Abbreviations ("N.J.", "U.S.", "Mr.", "Inc.") are words, so their full stops end no sentence.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Inc|Corp|Co|Ltd|Jr|Sr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|"
    r"No|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Mass|Calif|Fla|Wash|Conn|Mich|Wis|Ill|Pa|Va|"
    r"Md|Del|Ariz|Colo|Ga|Ky|La|Minn|Mo|Okla|Ore|Tenn|Tex)\.|[A-Za-z]+(?:-[A-Za-z]+)*(?:'[a-z]+)?|'ll|[.;!?,]"
)
_SPEECH = frozenset(
    "said told announced reported added stated declared confirmed disclosed predicted".split()
)
_QUOTE = re.compile("''|\"|\u201d|\\)")
_RELATIVE_START = frozenset("which who whom whose that when where while and but".split())
_WINDOW = 90
_WEAK_PENALTY = 4


#: Present-tense verbs that, beside a weekday, state a schedule ("voters go to the polls on
#: Sunday", "the court meets Thursday"): the day ahead.
_SCHEDULE = frozenset(
    """go goes meet meets vote votes open opens reopen reopens begin begins start starts play
    plays face faces arrive arrives return returns resume resumes travel travels visit visits
    hold holds host hosts leave leaves close closes kick kicks end ends head heads take takes
    launch launches release releases unveil unveils publish publishes hear hears sit sits
    debate debates finish finishes conclude concludes land lands depart departs premiere
    premieres sign signs gather gathers convene convenes stage stages reports celebrates
    deliberates appears addresses testifies speaks presents delivers attends competes races
    performs marks expires tours reconvene reconvenes fly flies apply applies runs gets comes
    come lifts enters rules decides turns retires steps hits sails shuts""".split()
)
#: Participles that after "is"/"are" make a present passive schedule ("the report is
#: released Friday", "the vote is held Sunday").
_SCHEDULE_PASSIVE = frozenset(
    """released held published announced unveiled opened closed launched sworn buried
    inaugurated crowned signed heard sentenced decided counted played staged broadcast
    shown aired""".split()
)
#: The same verbs in the present progressive ("the minister is meeting ... on Friday").
_SCHEDULE_ING = frozenset(
    """going meeting voting opening reopening beginning starting playing facing arriving
    returning resuming travelling traveling visiting holding hosting leaving closing kicking
    ending heading taking launching releasing unveiling publishing hearing sitting debating
    finishing concluding landing departing premiering signing gathering convening
    staging""".split()
)


_PERFECT = frozenset("have has had 've".split())


def schedule(text: str, start: int, end: int) -> bool:
    """True if the expression's clause states a schedule in the present tense ("voters go to
    the polls on Sunday", "the minister is meeting his counterpart on Friday")."""
    tokens = [(d, t.lower()) for d, t in _clause_tokens(text, start, end)]
    for i, (d, t) in enumerate(tokens):
        if d > 6:
            continue
        if t in _SCHEDULE and not (i and tokens[i - 1][1] in _PERFECT):
            return True  # not "prices have come down since October"
        if t in _SCHEDULE_ING and i and tokens[i - 1][1] in ("is", "are", "am", "'re", "'s"):
            return True
        if t in _SCHEDULE_PASSIVE and i and tokens[i - 1][1] in ("is", "are"):
            return True  # "the report is released Friday"
    return False


def present_future(text: str, start: int, end: int) -> bool:
    """True if the expression's clause speaks of the future from now ("will", "shall", "'ll"),
    not of a future in the past ("would")."""
    return any(
        t.lower() in ("will", "shall", "'ll", "wo") and d <= 6
        for d, t in _clause_tokens(text, start, end)
    )


def _direction(word: str) -> tuple[str | None, bool]:
    """('future'|'past'|None, strong?) for one lower-cased token."""
    if word in _FUTURE:
        return "future", word not in _WEAK_FUTURE
    if word in _PAST:
        return "past", True
    if word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED:
        return "past", False
    if word.endswith("'ll"):
        return "future", True
    return None, False


def _verb_like(tokens: list[str]) -> bool:
    """True if the one token given reads as a finite verb ("expects", "said", "will")."""
    if not tokens or not tokens[0].islower():
        return False
    word = tokens[0]
    return word in _FUTURE or word in _PAST or word in _SPEECH or word.endswith(("ed", "es"))


#: Auxiliaries that open a predicate of their own after "and": "opened on Monday and is
#: expected to last six weeks".
_AUXILIARIES = frozenset("is are was were has have had will would could may might can".split())


def _next_predicate(tokens: list[str]) -> bool:
    """True if the one token given opens a predicate: a finite verb or an auxiliary."""
    return _verb_like(tokens) or (bool(tokens) and tokens[0] in _AUXILIARIES)


_CLAUSE_JOIN = frozenset("and but while whereas".split())
_RELATIVE = frozenset("who which".split())


def _own_clause(left: list[str]) -> list[str]:
    """The tokens before an expression less the clauses that are not its own: an
    aside closed before it ("the minister, who arrived yesterday, meets ... Friday") and a
    clause joined before it (", and the council meets Thursday": from the joining word on).
    A joined clause counts only when it has a verb of its own before the expression."""
    out: list[str] = []
    i = 0
    while i < len(left):
        if left[i] == "," and i + 1 < len(left) and left[i + 1].lower() in _RELATIVE:
            close = next((k for k in range(i + 2, len(left)) if left[k] == ","), None)
            if close is not None:
                i = close  # drop ", who arrived yesterday" and keep its closing comma
                continue
        out.append(left[i])
        i += 1
    for k in range(len(out) - 2, -1, -1):
        if out[k] == "," and out[k + 1].lower() in _CLAUSE_JOIN:
            rest = out[k + 2 :]
            if any(_verb_like([t]) or t in _SCHEDULE for t in rest):
                return rest
            break
    return out


def _clause_tokens(text: str, start: int, end: int) -> list[tuple[float, str]]:
    """(distance, token) for the words around the expression, within its sentence."""
    left = _TOKEN.findall(text[max(0, start - _WINDOW) : start])
    for i in range(len(left) - 1, -1, -1):
        if left[i] in ".;!?":
            left = left[i + 1 :]
            break
    left = [tok for tok in _own_clause(left) if tok != ","]
    out = [(float(len(left) - i), tok) for i, tok in enumerate(left)]
    # A sentence that opens with the date ("On Tuesday, the league plans...") may put its
    # verb after a long subject: read further right.
    right_text = text[end : end + (_WINDOW if len(left) <= 2 else _WINDOW // 2)]
    quote = _QUOTE.search(right_text)  # a speech verb after a closing quote tells nothing
    right = _TOKEN.findall(right_text[: quote.start()] if quote else right_text)
    if right[:1] == [","] and (len(right) < 2 or right[1].lower() not in _RELATIVE_START):
        right = right[1:]  # "In January, the company cut..." reads on past the comma
    for i, tok in enumerate(right):
        if tok in ".;!?,":  # otherwise a comma after the date starts another clause
            break
        if tok.lower() in ("that", "which", "who"):
            break  # "approved a bill on Thursday that would ban ...": another clause
        if (
            tok.lower() in ("and", "but")
            and len(left) > 2
            and _next_predicate(right[i + 1 : i + 2])
        ):
            break  # "reported a loss in February and expects a profit": the next predicate
        out.append((i + 1.5, tok))
    return out


#: Words between "is"/"are" and "to" that make a prospect: "are predicted to fall Sunday".
_PROSPECT = frozenset(
    """predicted forecast expected likely poised set due scheduled slated planned projected
    tipped tapped bound about going""".split()
)


#: Verbs whose bare infinitive before a date names an act still to come ("agreed to
#: acquire the bank in January").
_PLAN_VERBS = frozenset(
    """acquire buy purchase sell complete close open launch issue redeem merge sign hire
    build visit release introduce resume expand raise reduce spend pay ship list""".split()
)
_PREP_BEFORE = re.compile(r"\b(?:in|on|by|during)\s+$", re.IGNORECASE)
#: Forms of 'be' that make a following participle a present or future passive.
_BE = frozenset("be is are am being".split())
_PLAN_BE = frozenset("will 'll shall wo would to".split())


def _passive(words: list[str], i: int) -> bool:
    """True if ``words[i]`` follows 'be'/'is'/'are' (an adverb may come between)."""
    if words[i] in ("was", "were", "been", "had", "did", "said"):
        return False
    before = [w for w in words[max(0, i - 4) : i] if w not in ("still", "also", "not", "now")]
    if not before or before[-1] not in _BE:
        return False
    # "will be held", "to be paid": ahead; "could be located" may be a past ability
    return before[-1] != "be" or (len(before) > 1 and before[-2] in _PLAN_BE)


#: A present copula that puts a happening at the date: "the summit is on Friday", "heavy rain
#: is forecast for Thursday", "talks are scheduled for Monday" (a schedule: ahead).
_COPULA = re.compile(
    r"\b(?:is|are)\s+(?:(?:(?:still|now|also|back|out|live|due|set|scheduled|slated|planned|expected|forecast|"
    r"likely|possible|pencil+ed\s+in)\s+)?(?:on|for|in)\s+)?$",
    re.IGNORECASE,
)
#: A reduced passive of a plan right before the date, as headlines and posts write it: "snow
#: forecast for the weekend", "gig rescheduled for the 28th", "a vote set for Thursday".
_PLANNED_FOR = re.compile(
    r"\b(?P<lead>\w+(?:'s)?\s+)?(?:(?:forecast|predicted|set|slated|scheduled|rescheduled|planned|"
    r"booked|timetabled|earmarked|pencil+ed\s+in)\s+for|(?:due|scheduled|slated)\s+on)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
#: Before the plan word: a determiner makes "forecast" a noun ("the forecast for March"), and a
#: past or perfect auxiliary makes the plan an old one ("was set for Monday").
_NOT_PLAN_LEAD = frozenset("the a an its their his her our this that was were had been".split())
_EARLIEST = re.compile(
    r"\bas\s+(?:soon|early)\s+as(?:\s+(?!(?:he|she|it|they|we|i|you|on|in|at|by|possible)\b)"
    r"[a-z]+){0,3}\s+$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_DEADLINE = re.compile(
    r"\b(?:until|till|through|thru|by|(?:moved|postponed|pushed\s+back|put\s+back|put\s+off|delayed|"
    r"rescheduled|brought\s+forward|adjourned|deferred)\s+(?:to|until|till)|rescheduled\s+for)\s+"
    r"(?:early\s+|late\s+|mid-?)?$",
    re.IGNORECASE,
)
#: "this year through August", "the nine months through September": a span told up to a month
#: (behind), not an end ahead as in "loans through January", "the freeze lasts through March".
_SPAN_THROUGH = re.compile(
    r"\b(?:year|years|months|weeks|days|quarters?|period|half|season|date)\s+(?:through|thru)\s+"
    r"(?:early\s+|late\s+|mid-?)?$",
    re.IGNORECASE,
)
_UNTIL_WORDS = ("by", "until", "till", "through", "thru")


#: Past words that tell no deed done by the deadline after them: adverbs, and verbs that
#: set or move the deadline itself ("extended its deadline until Tuesday": ahead).
_NOT_DEEDS = frozenset(
    """recently already former previously extended postponed delayed deferred adjourned moved
    pushed rescheduled set scheduled""".split()
)


def _done_by(tokens: list[tuple[float, str]]) -> bool:
    """True if the clause before a deadline tells a deed done ("crossed the Channel by noon",
    "was under water by morning"): a past verb close before it and no future cue in it."""
    left = [t.lower() for d, t in tokens if d == int(d) and t.lower() not in ("until", "till")]
    if any(_direction(t)[0] == "future" for t in left):
        return False
    for i, t in enumerate(left):
        if len(left) - i > 5 or _direction(t)[0] != "past" or t in _NOT_DEEDS:
            continue
        if (i and left[i - 1] in _BE) or left[i + 1 : i + 2] == ["to"]:
            continue  # "are supposed to conclude by May", "is finished by": no deed done
        return True
    return False


def tense(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None, from the nearest tense cue in the expression's clause."""
    tokens = _clause_tokens(text, start, end)
    if any(t.lower() in _SPEECH and d <= (3 if d == int(d) else 1.5) for d, t in tokens):
        return "past"  # "officials said Tuesday that ...", "officials on Tuesday said ...": the
        # report, not what it reports
    if _SINCE.search(text, max(0, start - 12), start):
        return "past"  # "on patrol since March": a start already behind
    if _COPULA.search(text, max(0, start - 40), start) or _EARLIEST.search(
        text, max(0, start - 48), start
    ):
        return "future"  # "as soon as Tuesday", "as soon as trading opens Monday": a prospect
    planned = _PLANNED_FOR.search(text, max(0, start - 48), start)
    lead = (planned["lead"] or "").strip().lower() if planned else ""
    if planned and lead not in _NOT_PLAN_LEAD and not lead.endswith("'s"):
        return "future"  # "heavy snow forecast for Saturday": a plan, ahead ("the club's
        # forecast for March" is a noun)
    deadline = _DEADLINE.search(text, max(0, start - 32), start)
    if deadline and deadline[0].split()[0].lower() in ("through", "thru"):
        told = [t.lower() for _, t in tokens]  # "Through September, sales rose": either side
        if _SPAN_THROUGH.search(text, max(0, start - 40), start) or any(
            _direction(t)[0] == "past" and t not in _NOT_DEEDS for t in told
        ):
            deadline = None  # "bought shares through Sept. 29": a span told, not an end ahead
    moved = deadline is not None and deadline[0].split()[0].lower() not in _UNTIL_WORDS
    if deadline and not any(t.lower() == "had" for _, t in tokens):
        if moved or not _done_by(tokens):  # "moved to Friday" is ahead however told
            return "future"  # "until mid-November", "by May": deadlines lie ahead
        return "past"  # "crossed the Channel by noon", "the strike lasted until Friday"
    best: tuple[float, str] | None = None
    words = [t.lower() for _, t in tokens]
    for i, (distance, tok) in enumerate(tokens):
        if tok == "May" and (i or distance != int(distance)):
            continue  # "in May and June": the month; the modal is lower case or opens a clause
        found, strong = _direction(tok.lower())
        if (
            tok.lower() == "set"
            and i
            and (
                words[i - 1] in ("is", "are")
                or (words[i - 1] == "been" and i > 1 and words[i - 2] in ("has", "have"))
            )
        ):
            found, strong = "future", True  # "talks are set / have been set for Friday"
        elif tok.lower() == "to" and i and words[i - 1] in ("is", "are") and distance >= 2:
            found, strong = "future", True  # "the budget is to be presented on Tuesday"
        elif (
            tok.lower() == "to"
            and i > 1
            and words[i - 2] in ("is", "are")
            and words[i - 1] in _PROSPECT
            and distance >= 2
        ):
            found, strong = "future", True  # "temperatures are predicted to fall on Sunday"
        elif (
            i
            and words[i - 1] == "to"
            and tok.lower() in _PLAN_VERBS
            and distance == int(distance)
            and _PREP_BEFORE.search(text, max(0, start - 8), start)
        ):
            found, strong = "future", True  # "agreed to buy the unit in February": ahead
        if found is None:
            continue
        if found == "past" and words[i] in ("was", "were") and i + 1 < len(words):
            if words[i + 1] in _FUTURE and words[i + 1] not in _WEAK_FUTURE:
                continue  # "were planning to drive Monday": the plan, not the past
        if found == "past" and _passive(words, i):
            continue  # "would be held", "is heard": a participle after 'be' has no tense
        if found == "future" and "had" in words[max(0, i - 5) : i]:
            found = "past"  # "had been scheduled to expire Friday": a plan already past
        near_past = found == "past" and distance <= 1  # "announced Friday"
        score = distance if strong or near_past else distance + _WEAK_PENALTY
        if tok.lower() in _MODALS:
            score -= 2.5
        if best is None or score < best[0]:
            best = (score, found)
    return best[1] if best else None


_BOUND_BEFORE = re.compile(
    r"\b(?P<w>no\s+later\s+than|not\s+later\s+than|no\s+earlier\s+than|not\s+before|"
    r"prior\s+to|before|after|until|till|by|since)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(
    r",?\s+(?P<w>or\s+earlier|or\s+before|or\s+later|or\s+after|at\s+the\s+latest|"
    r"at\s+the\s+earliest|and\s+beyond|onwards?)\b",
    re.IGNORECASE,
)
_BOUND_MODS = {
    "before": "BEFORE", "prior to": "BEFORE", "after": "AFTER", "until": "ON_OR_BEFORE",
    "till": "ON_OR_BEFORE", "by": "ON_OR_BEFORE", "no later than": "ON_OR_BEFORE",
    "not later than": "ON_OR_BEFORE", "since": "ON_OR_AFTER", "no earlier than": "ON_OR_AFTER",
    "not before": "ON_OR_AFTER", "or earlier": "ON_OR_BEFORE", "or before": "ON_OR_BEFORE",
    "at the latest": "ON_OR_BEFORE", "or later": "ON_OR_AFTER", "or after": "ON_OR_AFTER",
    "at the earliest": "ON_OR_AFTER", "and beyond": "ON_OR_AFTER", "onward": "ON_OR_AFTER",
    "onwards": "ON_OR_AFTER",
}  # fmt: skip


def bound_mod(text: str, start: int, end: int) -> str | None:
    """The open-ended modifier a signal word around a date gives it: "before [May]" is
    BEFORE, "[2030] at the latest" ON_OR_BEFORE, "since [2019]" ON_OR_AFTER; else None."""
    m = _BOUND_AFTER.match(text, end, min(len(text), end + 20))
    if m is None:
        m = _BOUND_BEFORE.search(text, max(0, start - 24), start)
    return _BOUND_MODS.get(" ".join(m["w"].lower().split())) if m else None


#: A determiner before a date that stands in front of a noun: "the 2011 disaster".
_DETERMINER = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those)|'s)\s+$", re.IGNORECASE
)
_NEXT_WORD = re.compile(r"(?:'s)?\s*([A-Za-z][a-z]*(?:-[a-z]+)*)\b")
#: Words after a date that do not make it an attribute: verbs, prepositions, conjunctions.
_NOT_NOUNS = frozenset(
    """and or but nor to in on at of for with by from as than when while after before since
    until till through during about against between into onto over under until via per
    was were is are be been being has have had do did does will would could should may might
    can must shall that which who whom whose where there then so if because although though
    also only even just still ago earlier later before after alone itself""".split()
)


def modifies_noun(text: str, start: int, end: int) -> bool:
    """True if the date at ``text[start:end]`` stands before a noun it modifies ("since the
    2011 disaster", "a 1988 law", "Wednesday's ruling", "last year's vote"): it dates that
    thing, which may be another happening than the clause's, not the clause ("in 2011", "the
    vote of 2011", "2011 was a bad year")."""
    nxt = _NEXT_WORD.match(text, end)
    if not nxt or not nxt[1].islower() or nxt[1] in _NOT_NOUNS:
        return False
    if text.startswith("'s", end):
        return True
    return _DETERMINER.search(text, max(0, start - 12), start) is not None
