"""Dating by syntax: which temporal expressions modify which predicate, the dates coordinated
predicates share, the bound a report gives what it reports, and the before/after relations
between predicates ("after the talks", "before retiring").

A date belongs to the predicate its expression modifies (the dependency path from the
expression up to the first predicate), so an expression in a relative clause or a quote dates
only that clause.
"""

from __future__ import annotations

import datetime as dt
import re

from service.temporal.model import Timex

from . import factuality, lexicon, syntax
from .candidate import Candidate

#: A duration that shifts from the story's time ("a day later", "two weeks earlier").
_SHIFT = re.compile(r"\b(?:later|earlier)$", re.IGNORECASE)


def attach_all(doc, timexes: list[Timex]) -> dict[int, list[Timex]]:
    """predicate token index -> the expressions that modify it."""
    out: dict[int, list[Timex]] = {}
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        owner = _owner(span)
        shift = _SHIFT.search(t.text)  # "a day later" tells when, however it is parsed
        if (
            t.type == "DURATION"
            and owner is not None
            and not shift
            and not _direct(span.root, owner)
        ):
            continue  # "declared a 60-day state of emergency": the emergency's length
        if owner is not None and doc[owner].lemma_ == "be":
            subject = next((c for c in doc[owner].children if c.dep_ == "nsubj"), None)
            if subject is not None and lexicon.noun_type(lexicon.noun_lemma(subject)):
                owner = subject.i  # "the war has been ongoing for two years"
            elif (told := syntax.time_told(doc[owner])) is not None:
                owner = told.i  # "the last time they met was in 2019": the meeting's date
        if owner is not None and (named := _related_happening(doc[owner])) is not None:
            owner = named.i  # "was behind two killings last week": the killings' week
        if owner is not None:
            out.setdefault(owner, []).append(t)
    return out


#: Verbs that only relate a happening named in a phrase to something else ("the IRA was behind
#: two killings last week", "was followed on Sunday by the first death"): no happening of
#: their own, so the date told with them is the named happening's.
_RELATING = frozenset({"be", "follow", "precede"})
#: The prepositions (and the passive's agent) that name the related happening.
_RELATED_BY = frozenset({"behind", "by", "for"})


def _related_happening(verb):
    """The happening noun a relating verb names after "behind", "by" or "for" (``_RELATING``;
    "was responsible for the attack on Monday" through its adjective), when its subject names
    none ("the war was over by May" keeps the war's)."""
    if verb.lemma_.lower() not in _RELATING:
        return None
    if any(
        c.dep_ in ("nsubj", "nsubjpass") and lexicon.noun_type(lexicon.noun_lemma(c))
        for c in verb.children
    ):
        return None
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    for prep in (c for h in heads for c in h.children if c.dep_ in ("prep", "agent")):
        if prep.lower_ not in _RELATED_BY:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and lexicon.noun_type(lexicon.noun_lemma(noun)):
                return noun
    return None


#: How a date before a noun is said of it: "fourth-quarter results", "last year's profit",
#: "convicted of a 1998 murder" (a bare year the parse counts as the noun's number; not a
#: period's own, "in the 2019 fiscal year", nor a frame's, "in his 2012 campaign").
_OF_THE_NOUN = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
_YEAR = re.compile(r"\d{4}")
#: Prepositions that put a clause inside the noun's time ("proposed the tax in his 2012
#: election campaign": then), where a year before the noun dates the clause too.
_FRAMING = frozenset({"in", "during", "at"})
#: Prepositions whose date, under a noun that names no happening, dates that noun's thing.
_OF_A_THING = frozenset({"in", "of", "from"})


def _owner(span) -> int | None:
    """The predicate an expression modifies: up the tree to the first verb or event noun."""
    inside = {tok.i for tok in span}
    node = span.root
    head = node.head
    if node.dep_ in _OF_THE_NOUN and head.pos_ in ("NOUN", "PROPN"):
        counted = node.dep_ == "nummod" and (
            not _YEAR.fullmatch(span.text)
            or head.lemma_.lower() in lexicon.PERIODS
            or (head.dep_ == "pobj" and head.head.lower_ in _FRAMING)
        )  # "25 June 2009 Jurors at the trial": a caption run into the text, not a year's noun
        if lexicon.noun_type(lexicon.noun_lemma(head)) is None and not counted:
            return None  # "fourth-quarter results", "last year's profit": a thing's date
    if (
        node.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in _OF_A_THING
        and head.head.pos_ in ("NOUN", "PROPN")
        and not _predicate_like(head.head)
        and _nested(head.head)
    ):
        return None  # "an echo of the exodus from Cuba in the early 1960s": the exodus's date
    for _ in range(12):
        if node.head.i == node.i:
            return node.i if node.i not in inside and _predicate_like(node) else None
        node = node.head
        if node.i in inside:
            continue
        if _predicate_like(node):
            return node.i
        if node.dep_ == "appos":
            return None  # "Lowe, a member of the 1953 Everest team, died": said of a participant
    return None


def _nested(noun) -> bool:
    """A noun two phrases down from any predicate: the object of a preposition that itself
    hangs on a noun ("an echo of the exodus"), where a date is the thing's, not the clause's
    (one level down, "at his home in June", the parse often hangs the clause's date there)."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.pos_ in ("NOUN", "PROPN")
        and not _predicate_like(prep.head)
    )


def _direct(root, owner: int) -> bool:
    """Whether a duration modifies the predicate itself: its dependent, or through one
    preposition ("for two years", "over three days")."""
    head = root.head
    if head.i == owner:
        return True
    return head.dep_ == "prep" and head.head.i == owner


def _predicate_like(tok) -> bool:
    if tok.lower_ == "aged" and tok.dep_ in ("acl", "amod", "advcl"):
        return False  # "Jackson's death aged 50 in June 2009": an age, the death's date
    if lexicon.gerund_noun(tok):
        return True
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
        return True
    return tok.pos_ in ("NOUN", "PROPN") and lexicon.noun_type(tok.lemma_) is not None


def inherit(found: list[Candidate], by_token: dict[int, Candidate], doc, published_at) -> None:
    """Coordinated predicates share an undated partner's date; reported content is bounded by
    its report ("said on Monday the army had shelled ..." happened no later than Monday); a
    saying that is news of its own is a statement even when what it says is none
    (``_news_saying``)."""
    for cand in found:
        if cand.anchor is not None:
            continue
        tok = doc[cand.token]
        partner = by_token.get(tok.head.i) if tok.dep_ == "conj" else None
        if partner is not None and partner.anchor and partner.status == cand.status:
            # "searched the offices on Tuesday and are investigating": another time, not shared
            if syntax.subject(tok) is syntax.subject(tok.head) or not any(
                c.dep_ in syntax.SUBJECTS for c in tok.children
            ):
                cand.anchor, cand.inherited = _shifted(partner.anchor, cand.duration), True
                if cand.anchor is not partner.anchor:
                    cand.duration = None  # "two days later" placed it: no span of its own
                if cand.kind == "reference":
                    cand.kind = "event"
        if tok.dep_ == "ccomp" and (report := by_token.get(tok.head.i)) and report.anchor:
            if cand.status == "occurred" and cand.kind == "event":
                cand.reported = report.anchor
    for cand in found:
        tok = doc[cand.token]
        if cand.trigger.pos != "verb" or tok.lemma_.lower() not in lexicon.REPORTING:
            continue
        content = [by_token[c.i] for c in tok.children if c.dep_ == "ccomp" and c.i in by_token]
        content = [c for c in content if c.kind == "event"]
        if not content:
            if _news_saying(cand, tok):
                cand.kind = "event"  # "Russia said it would consider": nothing else tells it
            continue
        if any(c.anchor is not None for c in content) or cand.anchor is None:
            cand.kind = "report"  # "X will visit China in April, the Elysee said on Friday"
        else:
            for c in content:  # "said on Monday that tourism grew": the statement tells it
                c.kind = "report"


#: Speakers whose saying can be news: "Russia said", "the company said", "Mori told".
_SPEAKERS = frozenset({"person", "organisation", "country"})
#: Speakers whose undated saying is news: an official party ("Russia said", not "Lee said").
_PARTIES = frozenset({"organisation", "country"})


def _news_saying(cand: Candidate, tok) -> bool:
    """A saying that is news of its own (``lexicon.NEWS_SAYINGS``): a named speaker tells it
    before what it says, when what it says is no event of its own: on a day it gives ("his
    daughter said in a statement on Saturday that the family was heartbroken"), to a gathering
    ("Powell told a news conference that"), or, undated, an official party's warning or own
    plan ("Russia said it would consider lowering exports");
    not an attribution after a story already told ("..., the club said"), an unnamed source
    ("analysts said") or a quote."""
    said = [c for c in tok.children if c.dep_ == "ccomp"]
    if tok.lemma_.lower() not in lexicon.NEWS_SAYINGS or not said or said[0].i < tok.i:
        return False
    start = min(w.i for w in said[0].subtree)
    if any(w.is_quote or w.text == ":" for w in tok.doc[tok.i : start + 1]):
        return False  # 'said: "The preparations we have ..."': a quote, colour to the story
    public = _public(tok)
    if cand.anchor is None and not public and not _foretold(said[0]):
        return False  # "the Scottish Government said it was monitoring": a status, no news
    kinds = _SPEAKERS if cand.anchor is not None or public else _PARTIES
    return any(m.actor.key in cand.agents and m.actor.kind in kinds for m in cand.actors)


def _public(tok) -> bool:
    """Told to a gathering: "Powell told a news conference that", "told a meeting of donors"."""
    return tok.lemma_.lower() == "tell" and any(
        c.dep_ in ("dobj", "dative") and lexicon.noun_type(lexicon.noun_lemma(c)) == "meeting"
        for c in tok.children
    )


#: Subjects of what a party says that are the party itself: "Russia said it would consider".
_SELF = frozenset({"it", "we", "they", "i"})


def _foretold(content) -> bool:
    """What is said is a warning ("could become") or the speaker's own plan ("it would
    consider"), and neither negated nor hanging on a condition ("would withdraw if ...")."""
    fact = factuality.own(content)
    if fact.polarity != "+" or "consequent" in fact.cues:
        return False
    aux = {c.lower_ for c in content.children if c.dep_ == "aux"}
    subject = syntax.subject(content)
    own = subject is not None and subject.lower_ in _SELF
    return bool(aux & lexicon.FORETELLING) or (own and bool(aux & lexicon.INTENDING))


_DAYS = re.compile(r"^P(\d+)([DW])$")


def _shifted(anchor: Timex, duration: Timex | None) -> Timex:
    """A coordinated partner's date, moved by the clause's own "N days later" ("set out in
    November 1957 and reached the coast 96 days later": 96 days after that November)."""
    if duration is None or not _SHIFT.search(duration.text):
        return anchor
    m = _DAYS.match(duration.value or "")
    if m is None or anchor.start_date is None or anchor.end_date is None:
        return anchor
    days = int(m.group(1)) * (7 if m.group(2) == "W" else 1)
    if duration.text.lower().endswith("earlier"):
        days = -days
    first = anchor.start_date + dt.timedelta(days=days)
    last = anchor.end_date + dt.timedelta(days=days)
    value = first.isoformat() if first == last else f"{first}/{last}"
    mod = "APPROX" if m.group(2) == "W" or duration.approximate else None
    return Timex(duration.start, duration.end, duration.text, "DATE", value, value, first, last,
                 "day", mod)  # fmt: skip


def relations(doc, by_token: dict[int, Candidate]) -> list[tuple[int, int]]:
    """ "A after B" / "A before B" / "A following B": (the earlier, the later) candidates."""
    out = []
    for i, cand in by_token.items():
        tok = doc[i]
        kids = list(tok.children)
        for acl in [c for c in kids if c.dep_ == "acl"]:
            kids.extend(acl.children)
        for c in kids:
            inner = None
            word = None
            if c.dep_ == "advcl":
                mark = next((m for m in c.children if m.dep_ == "mark"), None)
                if mark is not None and mark.lower_ in ("after", "before"):
                    inner, word = c, mark.lower_
            elif c.dep_ == "prep" and c.lower_ in ("after", "before", "following"):
                inner = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                word = "after" if c.lower_ == "following" else c.lower_
            if inner is None:
                continue
            other = by_token.get(inner.i)
            if other is None and c.dep_ == "prep" and (verb := _clause_after(inner)) is not None:
                other = by_token.get(verb.i)  # "eight days after the initial quake devastated"
            if other is None or other is cand:
                continue
            out.append((other.index, cand.index) if word == "after" else (cand.index, other.index))
    return out


def _clause_after(noun):
    """The verb of a clause the parse broke after "after"/"before": "struck eight days after
    the initial magnitude seven quake devastated the country" read as "after the initial
    magnitude" and a clause "seven quake devastated the country" hung elsewhere. The verb whose
    subject begins right after the preposition's object, with no word or mark between, and
    stands after it in the sentence, is the clause the preposition opens."""
    after = noun.right_edge.i + 1
    if after >= len(noun.doc):
        return None
    for verb in noun.sent:
        if verb.i <= after or verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.left_edge.i == after and subject.i < verb.i:
            if not any(c.dep_ == "mark" for c in verb.children):
                return verb
    return None
