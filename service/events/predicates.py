"""Event mentions from the dependency parse: every eventive predicate with a participant.

A candidate is a verb (or a noun naming a happening) that tells something that happened, is
happening or is planned: not a state or an opinion ("believes", "wants"), not negated, not
hypothetical ("could", "if"), not habitual ("regularly"), not a question, not inside a quote.
Each coordinated predicate is its own candidate ("arrived ... and held talks"). A date
belongs to the predicate its expression modifies (the dependency path from the expression up
to the first predicate), so an expression in a relative clause or a quote dates only that
clause. Reported events are events ("said the army had shelled the town on Monday").
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from service.temporal.model import Timex

from . import discourse, factuality, lexicon
from .actors import ActorMention
from .entities import Entities
from .phrases import Phrase, noun_phrase, verb_phrase
from .sentences import Clause, Span
from .syntax import SUBJECTS as _SUBJECTS
from .syntax import copula_subject as _copula_subject
from .syntax import in_subject as _in_subject
from .syntax import phrase_tokens as _phrase_tokens
from .syntax import subject as _subject
from .syntax import teller_of as _teller_of
from .types import DOCUMENTS, Trigger

_QUOTES = re.compile(r"[\"“”]")
#: Commitments an article's document may be telling ("agreed to", "pledged to").
_COMMITMENTS = frozenset({"agree", "pledge", "vow", "commit", "promise", "undertake"})
#: Plain reporting: "said", "told": the report of what it tells, no act of its own when undated.
_PLAIN_REPORTING = frozenset({"say", "tell", "add", "report", "write", "state", "note", "explain"})
_NEGATIVE_SUBJECTS = frozenset({"none", "nobody", "nothing", "neither", "no one", "noone"})
#: A noun's participants: its possessor, its compound modifiers, and these prepositions.
_NOUN_PREPS = frozenset({"by", "of", "between", "with", "to", "from", "against", "on", "for"})


@dataclasses.dataclass
class Candidate:
    """One predicate reporting a happening. ``kind``: "event" (stands alone), "reference" (a
    noun that names a happening told elsewhere), "report" (a reporting act with no date of its
    own, part of another event)."""

    index: int
    type: str
    kind: str
    sentence: Span
    clause: Clause
    trigger: Trigger
    actors: list[ActorMention]
    anchor: Timex | None
    duration: Timex | None
    status: str
    doc: bool
    place: str | None
    phrase: Phrase
    reference_day: dt.date | None
    token: int = -1  # the predicate's token index in the parse
    agents: tuple[str, ...] = ()  # actor keys of the agents
    position: int = 0  # the sentence's index in the article
    reported: Timex | None = None  # the date of the report that tells this past event
    targets: tuple[str, ...] = ()  # actor keys of the objects ("sued Coinbase")
    inherited: bool = False  # the anchor is a coordinated partner's ("arrived on Tuesday and held")

    @property
    def title(self) -> str:
        return self.phrase.headline()


def find(
    text: str, published_at: dt.date, timexes: list[Timex], doc, entities: Entities
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Every event mention in the parsed ``doc``, and the (before, after) pairs it states."""
    attached = _attach_all(doc, timexes)
    quoted = _quoted_chars(text)
    found: list[Candidate] = []
    by_token: dict[int, Candidate] = {}
    recent: dict[str, ActorMention] = {}
    last_doc: str | None = None
    starts = [t.start for t in timexes]
    days = discourse.Days(timexes)
    for position, sent in enumerate(doc.sents):
        mentions = entities.find(sent)
        if not sent.text.strip() or sent.text.rstrip().endswith("?"):
            continue
        token_actors = _token_actors(sent, mentions)
        _pronouns(sent, token_actors, recent)
        span = Span(sent.text, sent.start_char, sent.end_char)
        local = timexes[
            bisect.bisect_left(starts, span.start) : bisect.bisect_left(starts, span.end)
        ]
        for tok in sent:
            if tok.idx in quoted:
                continue
            cand = _candidate(text, published_at, tok, span, token_actors, attached, (local, days))
            if cand is None:
                continue
            cand.index, cand.position = len(found), position
            if cand.doc:
                last_doc = _refer_back(tok, cand, last_doc)
            found.append(cand)
            by_token[tok.i] = cand
    _inherit(found, by_token, doc, published_at)
    if any(c.doc for c in found):
        for c in found:  # "they also agreed to expand exchanges": more of what the document says
            commits = doc[c.token].lemma_.lower() in _COMMITMENTS and c.trigger.pos == "verb"
            if commits and c.anchor is None and c.kind == "event":
                c.kind = "report"
    return found, _relations(doc, by_token)


# --- dates by syntax --------------------------------------------------------------------
def _attach_all(doc, timexes: list[Timex]) -> dict[int, list[Timex]]:
    """predicate token index -> the expressions that modify it."""
    out: dict[int, list[Timex]] = {}
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        owner = _owner(span)
        if t.type == "DURATION" and owner is not None and not _direct(span.root, owner):
            continue  # "declared a 60-day state of emergency": the emergency's length
        if owner is not None and doc[owner].lemma_ == "be":
            subject = next((c for c in doc[owner].children if c.dep_ == "nsubj"), None)
            if subject is not None and lexicon.noun_type(_noun_lemma(subject)):
                owner = subject.i  # "the war has been ongoing for two years"
        if owner is not None:
            out.setdefault(owner, []).append(t)
    return out


def _owner(span) -> int | None:
    """The predicate an expression modifies: up the tree to the first verb or event noun."""
    inside = {tok.i for tok in span}
    node = span.root
    head = node.head
    if node.dep_ in ("compound", "amod", "nmod", "poss") and head.pos_ in ("NOUN", "PROPN"):
        if lexicon.noun_type(_noun_lemma(head)) is None:
            return None  # "fourth-quarter results", "last year's profit": a thing's date
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


def _direct(root, owner: int) -> bool:
    """Whether a duration modifies the predicate itself: its dependent, or through one
    preposition ("for two years", "over three days")."""
    head = root.head
    if head.i == owner:
        return True
    return head.dep_ == "prep" and head.head.i == owner


def _predicate_like(tok) -> bool:
    if _gerund_noun(tok):
        return True
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
        return True
    return tok.pos_ in ("NOUN", "PROPN") and lexicon.noun_type(tok.lemma_) is not None


# --- one predicate -------------------------------------------------------------------------
def _refer_back(tok, cand: Candidate, last_doc: str | None) -> str:
    """ "The statement" after "a joint statement" is that document: it takes the same type."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
    if last_doc and definite and cand.type != last_doc:
        cand.type = last_doc
        cand.trigger = dataclasses.replace(cand.trigger, type=last_doc)
    return cand.type


def _noun_lemma(tok) -> str:
    """ "Fighting" (a gerund) and "talks" name happenings as written; others by lemma."""
    return tok.lower_ if tok.lower_ in lexicon.NOUN_TYPES else tok.lemma_.lower()


def _gerund_noun(tok) -> bool:
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and tok.lower_ in lexicon.NOUN_TYPES
    )


def _candidate(text, published_at, tok, span, token_actors, attached, context):
    """``context``: the sentence's own expressions and the article's narrative days."""
    timexes, days = context
    if _gerund_noun(tok) or (tok.pos_ in ("NOUN", "PROPN") and lexicon.noun_type(tok.lemma_)):
        build = _noun
    elif tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass", "amod", "compound"):
        build = _verb
    else:
        return None
    fact = factuality.of(tok)
    if not (fact.asserted or factuality.expected(fact)):
        return None  # negated, hedged, believed, conditional: not told as having happened
    cand = build(text, published_at, tok, span, token_actors, attached, timexes, days)
    if cand is not None and not fact.asserted:
        doers = [m for m in cand.actors if m.actor.kind in ("person", "organisation", "country")]
        if cand.anchor is None or not doers or cand.status != "planned":
            return None  # an expectation is a plan only when someone named does it on a date
    return cand


def _verb(text, published_at, tok, span, token_actors, attached, timexes, days):
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    deps = {c.dep_ for c in children}
    if _habitual(children):
        return None
    if any(c.dep_ in _SUBJECTS and c.lower_ in _NEGATIVE_SUBJECTS for c in children):
        return None  # "None of the statements mentioned the war"
    among = tok.dep_ == "acl" and tok.tag_ == "VB" and _copula_subject(tok.head) is not None
    if tok.dep_ in ("acl", "pcomp", "csubj", "prep", "dep") and tok.i not in attached and not among:
        return None  # "a company called X", "after meeting", participles: no happening
    obj_tok = next((c for c in children if c.dep_ in ("dobj", "attr", "oprd")), None)
    if obj_tok is None and lemma in ("go", "come", "head"):
        obj_tok = _phrasal_noun(children)  # "went on strike", "go to the polls"
    noun = obj_tok if obj_tok is not None and lexicon.noun_type(_noun_lemma(obj_tok)) else None
    light = lemma in lexicon.LIGHT and noun is not None
    subject_tok = _subject(tok)
    occurrence = (
        lemma in lexicon.OCCURRENCE
        and subject_tok is not None
        and lexicon.noun_type(subject_tok.lemma_)
    )
    if lemma in lexicon.STATIVE and not (light or occurrence or lemma == "be"):
        return None
    if light and DOCUMENTS.fullmatch(_noun_words(noun)):
        return None  # "issued a joint statement": the document tells it
    if lemma == "be":
        return None
    modal = {c.lemma_.lower() for c in children if c.dep_ == "aux"}
    own = list(attached.get(tok.i, []))
    if noun is not None or (obj_tok is not None and lexicon.noun_type(obj_tok.lemma_)):
        own += attached.get(obj_tok.i, [])  # "ratified its accession on March 30"
    if subject_tok is not None and lexicon.noun_type(_noun_lemma(subject_tok)):
        own += attached.get(subject_tok.i, [])  # "the bombings on Aug. 7 killed 259 people"
    for prep in (c for c in children if c.dep_ == "prep"):
        for p in prep.children:
            if p.dep_ == "pobj" and _same_kind(tok, p.lemma_.lower()):
                own += attached.get(p.i, [])  # "arrived on Tuesday for a two-day visit"
    anchor, duration = discourse.times(text, own)
    status = _status(tok, children, modal, anchor, published_at)
    if status is None:
        return None
    tense = tok.morph.get("Tense")
    finite = "Fin" in tok.morph.get("VerbForm") or tok.tag_ in ("VBD", "VBZ", "VBP")
    has_aux = bool(deps & {"aux", "auxpass"})
    generic = tense == ["Pres"] and not has_aux and anchor is None and duration is None
    reporting = lemma in lexicon.REPORTING
    if generic and not reporting and status == "occurred":
        return None  # "the bloc seeks...": what is, not what happened
    if tok.dep_ == "xcomp" and anchor is None and duration is None:
        if tok.head.lemma_.lower() not in lexicon.STATIVE:
            return None  # "pledged to protect": part of the governing verb's event
    if (
        tok.tag_ == "VB"
        and "aux" in deps
        and tok.dep_ not in ("xcomp", "ROOT", "conj", "ccomp")
        and not among
    ):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and anchor is None:
            return None  # "a platform ... to rival the G7": a purpose, not a happening
    if tok.dep_ == "advcl" and tok.tag_ == "VB" and anchor is None:
        return None  # "to finalize agreements": a purpose
    if subject_tok is None and obj_tok is None and not _inherits_subject(tok):
        return None  # no participant
    roles = _roles(tok, token_actors)
    frame_lemmas = _frame_lemmas(tok, subject_tok, obj_tok)
    if occurrence:
        type_ = lexicon.noun_type(subject_tok.lemma_)
    elif light:
        type_ = lexicon.noun_type(_noun_lemma(noun))
        if _noun_lemma(noun) == "strike" and (
            lemma in ("go", "come") or subject_lemmas(tok) & lexicon.PEOPLE_NOUNS
        ):
            type_ = "protest"  # "workers went on strike"
        if lemma == "launch" and type_ == "launch":
            type_ = "launch"
    else:
        head_noun = _noun_lemma(obj_tok) if obj_tok is not None else None
        type_ = lexicon.verb_type(lemma, *frame_lemmas, head=head_noun)
        if (
            type_ == "other"
            and lemma in lexicon.CONSEQUENCE
            and subject_tok is not None
            and lexicon.noun_type(_noun_lemma(subject_tok))
        ):
            type_ = lexicon.noun_type(_noun_lemma(subject_tok))  # "the bombings killed 259"
    xcomp = next((c for c in children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if xcomp is not None and lemma in lexicon.PLANNING | {"vote", "move"}:
        inner = lexicon.verb_type(
            xcomp.lemma_.lower(),
            subject_lemmas(xcomp),
            *_frame_lemmas(
                xcomp, None, next((c for c in xcomp.children if c.dep_ == "dobj"), None)
            )[1:],
        )
        if inner not in ("other", "statement"):
            type_ = inner  # "agreed to buy 20 aircraft": a deal
    if (
        type_ == "other"
        and subject_tok is not None
        and subject_tok.lemma_.lower() in lexicon.COURTS
    ):
        type_ = "legal"  # "a federal judge blocked the sale"
    if type_ in ("other", "economy") and any(
        m.actor.kind in ("index", "currency") for m in roles["agents"]
    ):
        type_ = "market"
    if type_ == "conflict" and not roles["agents"] and _disaster_near(tok):
        type_ = "disaster"  # "1,400 people were injured" after the earthquake
    if lemma == "sign" and "law" in frame_lemmas[2]:
        type_ = "legislation"
    particle = next((c.lower_ for c in children if c.dep_ == "prt"), None)
    if particle and f"{lemma} {particle}" in lexicon.PHRASAL:
        type_ = lexicon.PHRASAL[f"{lemma} {particle}"]
    in_document = _in_document(tok, span, text)
    content = next((c for c in children if c.dep_ == "ccomp"), None)
    if reporting or type_ == "statement":
        plain = lemma in _PLAIN_REPORTING or (content is not None and lemma in lexicon.REPORTING)
        if in_document:
            kind = "report"
        elif anchor is not None:
            kind = "event"
        else:
            kind = "report" if plain else "event"  # "declared a week of mourning", "warned"
    elif anchor is not None or duration is not None:
        kind = "event"
    elif status == "planned":
        kind = "event" if roles["named"] else "reference"
    elif in_document or _reported(tok):
        kind = "report" if in_document else "event"
    elif finite or tok.tag_ in ("VBN", "VBD") or has_aux:
        kind = "event"
    elif among:
        kind = "event"
    else:
        kind = "reference"
    if kind == "event" and anchor is None and duration is None:
        agents = [m for m in roles["agents"] if m.actor.kind != "place"]
        state = type_ == "other" and not agents and _state(tok, subject_tok, children)
        if tok.dep_ in ("relcl", "acl") or (type_ == "other" and not roles["named"]) or state:
            # undated, in a relative clause, with nobody named, or a resulting state with no
            # named doer ("sanctions have harmed the economy", "Russia has been isolated")
            kind = "reference"
    if occurrence:
        kind = "event" if (anchor or duration or finite) else "reference"
    participants = roles["all"] + where_part(type_, roles)
    if occurrence:
        participants = _roles(subject_tok, token_actors, noun=True)["all"] + participants
    place = roles["place"]
    if occurrence:
        noun_roles = _roles(subject_tok, token_actors, noun=True)
        place = place or noun_roles["place"]
        phrase = noun_phrase(
            text, subject_tok, noun_roles, timexes=timexes, type_=type_, place=place
        )
    else:
        phrase = verb_phrase(text, tok, roles, timexes=timexes, type_=type_, place=place)
    wh = subject_tok is not None and any(
        w.lower_ in ("whose", "which", "what") for w in _phrase_tokens(subject_tok)
    )
    if kind == "event" and not occurrence and (not phrase.subject or wh):
        kind = "reference"  # nobody to say it of ("placed bids ahead of them"): no headline
    clause = _clause(tok, span, text)
    word = subject_tok if occurrence else noun if light else None
    trigger = Trigger(
        type_,
        "verb",
        tok.idx,
        tok.idx + len(tok.text),
        word.lemma_.lower() if word is not None else lemma,
    )
    return Candidate(
        -1,
        type_,
        kind,
        span,
        clause,
        trigger,
        _unique(participants),
        anchor,
        duration,
        status,
        False,
        place,
        phrase,
        days.before(clause.start),
        tok.i,
        tuple(a.actor.key for a in roles["agents"]),
        0,
        None,
        tuple(a.actor.key for a in roles["targets"] if a.actor.kind != "place"),
    )


def _noun(text, published_at, tok, span, token_actors, attached, timexes, days):
    head = tok.head
    lemma = _noun_lemma(tok)
    document = bool(DOCUMENTS.fullmatch(_noun_words(tok)))
    if tok.dep_ in ("dobj", "attr") and head.lemma_.lower() in lexicon.LIGHT and not document:
        return None  # "held talks": the verb's candidate tells it
    if tok.dep_ in _SUBJECTS and head.lemma_.lower() in lexicon.OCCURRENCE:
        return None  # "the visit took place": the verb's candidate tells it
    if tok.dep_ == "compound" or tok.ent_type_ in ("DATE", "TIME"):
        return None  # "the March meeting", "in March 2024": no happening named "march"
    if tok.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB" and not document:
        if head.lemma_.lower() not in lexicon.STATIVE and not _is_be(head):
            return None  # "the bombings on Aug. 7 killed 259 people": the verb tells it
    if tok.dep_ in ("dobj", "attr") and head.pos_ == "VERB" and not document:
        return None  # "accepted Iran's admission": the verb's candidate tells it
    if document and tok.dep_ == "dobj" and head.lemma_.lower() not in lexicon.LIGHT:
        return None  # "released a statement": the release tells it
    if tok.dep_ == "pobj" and head.head.pos_ == "VERB" and _same_kind(head.head, lemma):
        return None  # "arrived ... for a two-day visit": the arrival is the visit
    if any(c.dep_ == "neg" or c.lower_ in ("no", "any") for c in tok.children):
        return None
    own = list(attached.get(tok.i, []))
    issued = document and tok.dep_ in ("dobj", "attr") and head.lemma_.lower() in lexicon.LIGHT
    if issued:
        own += attached.get(head.i, [])  # "issued a joint statement on Wednesday"
    anchor, duration = discourse.times(text, own)
    type_ = lexicon.noun_type(lemma)
    if document:
        type_ = "agreement" if re.search(r"joint|communiq", _noun_words(tok), re.I) else "statement"
    roles = _roles(tok, token_actors, noun=True)
    if issued:
        issuers = _actors_in(_subject(head), token_actors) if _subject(head) is not None else []
        roles["agents"] = _unique(issuers + roles["agents"])
        roles["all"] = _unique(issuers + roles["all"])
    if anchor is not None and anchor.start_date and anchor.start_date > published_at:
        status = "planned"
    elif any(c.lower_ in ("upcoming", "planned", "next", "proposed") for c in tok.children):
        status = "planned"
    elif _ongoing_noun(tok):
        status = "ongoing"
    else:
        status = "occurred"
    kind = "event" if (document or anchor is not None or duration is not None) else "reference"
    if not (roles["all"] or document) and anchor is None and duration is None:
        kind = "reference"  # "Summit", "a statement": no one takes part, no date: background
    place = roles["place"]
    tail = ""
    if status == "ongoing" and duration is not None:
        lead = "for " if text[max(0, duration.start - 4) : duration.start] == "for " else ""
        tail = f"ongoing {lead}{duration.text}"
    phrase = noun_phrase(text, tok, roles, timexes=timexes, type_=type_, place=place, tail=tail)
    clause = _clause(tok, span, text)
    trigger = Trigger(type_, "noun", tok.idx, tok.idx + len(tok.text), _noun_words(tok))
    return Candidate(
        -1,
        type_,
        kind,
        span,
        clause,
        trigger,
        _unique(roles["all"] + where_part(type_, roles)),
        anchor,
        duration,
        status,
        document,
        place,
        phrase,
        days.before(clause.start),
        tok.i,
        tuple(a.actor.key for a in roles["agents"]),
    )


def _disaster_near(tok) -> bool:
    """Whether the predicate's sentence or the one before names a disaster and no attacker."""
    sent = tok.sent
    words = list(sent)
    if sent.start > 0:
        words += list(tok.doc[sent.start - 1].sent)
    lemmas = {w.lemma_.lower() for w in words}
    return bool(lemmas & lexicon.DISASTER_NOUNS) and not lemmas & lexicon.ATTACK_WORDS


def _phrasal_noun(children):
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "to", "into"):
            for p in prep.children:
                if p.dep_ == "pobj" and _noun_lemma(p) in (
                    "strike",
                    "trial",
                    "war",
                    "polls",
                    "poll",
                ):
                    return p
    return None


def _is_be(tok) -> bool:
    return tok.lemma_.lower() == "be"


def _same_kind(verb, noun_lemma: str) -> bool:
    noun = lexicon.noun_type(noun_lemma)
    return noun is not None and lexicon.VERB_TYPES.get(verb.lemma_.lower()) == noun


def _noun_words(tok) -> str:
    """The noun with its compound and adjective modifiers: "joint communiqué", "state visit"."""
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i >= tok.i - 2]
    start = min([tok.i, *(c.i for c in mods)])
    return tok.doc[start : tok.i + 1].text


def _ongoing_noun(tok) -> bool:
    head = tok.head
    return any(w.lower_ in ("ongoing", "continuing") for w in (*tok.children, head, *head.children))


# --- participants --------------------------------------------------------------------------
def _token_actors(sent, mentions: list[ActorMention]) -> dict[int, list[ActorMention]]:
    out: dict[int, list[ActorMention]] = {}
    for m in mentions:
        for tok in sent:
            if tok.idx < m.end and m.start < tok.idx + len(tok.text):
                out.setdefault(tok.i, []).append(m)
    return out


_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
_NEUTER = frozenset({"it", "its"})
_NEUTER_KINDS = ("organisation", "country", "index", "currency", "product")
#: "the company said", "the bank cut": the organisation named last.
_COMPANY_NOUNS = frozenset(
    "company firm group bank carrier airline maker manufacturer insurer lender retailer "
    "startup start-up automaker carmaker planemaker chipmaker conglomerate operator".split()
)


def _pronouns(sent, token_actors: dict[int, list[ActorMention]], recent: dict) -> None:
    """He/she/his: the last person named; it/its: the last company or body named (this
    sentence first, then earlier ones). Updates ``recent`` as the text is read."""
    for tok in sent:
        here = token_actors.get(tok.i)
        if here:
            for m in here:
                if m.actor.kind == "person":
                    recent["person"] = m
                elif m.actor.kind in _NEUTER_KINDS and _in_subject(tok):
                    recent["organisation"] = m
            continue
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        nominal = (
            tok.pos_ == "NOUN"
            and tok.lemma_.lower() in _COMPANY_NOUNS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not any(c.dep_ in ("amod", "compound") for c in tok.children)
        )
        if tok.pos_ != "PRON" and not nominal:
            continue
        if tok.lower_ in _PERSONAL:
            kind = "person"
        elif tok.lower_ in _NEUTER or nominal:
            kind = "organisation"
        else:
            kind = None
        m = recent.get(kind) if kind else None
        teller = _teller_of(tok)
        if teller is not None:  # "the government said it would send": the government
            named = [x for w in teller.subtree for x in token_actors.get(w.i, [])]
            wanted = ("person",) if kind == "person" else _NEUTER_KINDS
            m = named[0] if named and named[0].actor.kind in wanted else None
            if m is None:
                continue
        if nominal and m is not None and m.actor.kind != "organisation":
            continue  # "the company" is no country
        if m is not None:
            token_actors[tok.i] = [
                ActorMention(m.actor, tok.idx, tok.idx + len(tok.text), m.surface, "pronoun")
            ]


def _actors_in(tok, token_actors) -> list[ActorMention]:
    if tok is None:
        return []
    seen = []
    for t in sorted(_phrase_tokens(tok), key=lambda t: t.i):
        seen.extend(token_actors.get(t.i, []))
    return _unique(seen)


def _inherits_subject(tok) -> bool:
    return tok.dep_ in ("conj", "xcomp", "relcl") and _subject(tok) is not None


def _roles(tok, token_actors, noun: bool = False) -> dict:
    """Who takes part: agents (the subject; "by" in a passive), targets (objects), others."""
    agents: list[ActorMention] = []
    targets: list[ActorMention] = []
    others: list[ActorMention] = []
    places: list[ActorMention] = []
    if noun:
        where = _where(tok)
        if where is not None:
            found = _actors_in(where, token_actors)
            governor = where.head.head if where.dep_ == "pobj" else None
            if governor is not None and lexicon.noun_type(governor.lemma_):
                found = _unique(
                    found + _actors_in(governor, token_actors)
                )  # "its invasion of Ukraine, where"
            places.extend(found)
            others.extend(m for m in found if m.actor.kind == "country")
        copula = _copula_subject(tok)
        if copula is not None:  # "Mishustin was on a two-day visit"
            agents.extend(_actors_in(copula, token_actors))
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                agents.extend(_actors_in(c, token_actors))
            elif c.dep_ == "acl":  # "a meeting led by Li Qiang and his counterpart"
                for a in c.children:
                    if a.dep_ == "agent":
                        agents.extend(_actors_in(a, token_actors))
            elif c.dep_ == "prep" and c.lower_ in _NOUN_PREPS:
                for p in c.children:
                    bucket = agents if c.lower_ in ("by", "between") else targets
                    bucket.extend(_actors_in(p, token_actors))
            elif c.dep_ == "prep" and c.lower_ in ("in", "at", "near"):
                for p in c.children:
                    places.extend(m for m in _actors_in(p, token_actors) if m.place)
    else:
        subject = _subject(tok)
        passive = subject is not None and subject.dep_ == "nsubjpass"
        if subject is not None:
            (targets if passive else agents).extend(_actors_in(subject, token_actors))
        for c in tok.children:
            if c.dep_ in ("dobj", "dative", "attr", "oprd"):
                targets.extend(_actors_in(c, token_actors))
            elif c.dep_ == "agent":
                agents.extend(_actors_in(c, token_actors))
            elif c.dep_ == "xcomp" and c.pos_ == "VERB":  # "agreed to buy aircraft from Embraer"
                for x in c.children:
                    if x.dep_ in ("dobj", "prep", "dative"):
                        others.extend(m for m in _actors_in(x, token_actors) if not m.place)
            elif c.dep_ == "prep":
                for p in c.children:
                    found = _actors_in(p, token_actors)
                    if c.lower_ in ("in", "at", "near", "outside", "inside") and found:
                        places.extend(
                            m
                            for m in found
                            if m.place or m.via == "capital" or m.actor.kind == "country"
                        )
                        others.extend(m for m in found if not (m.place or m.via == "capital"))
                    elif c.lower_ in ("against", "from"):  # "filed a lawsuit against Binance"
                        targets.extend(m for m in found if not m.place)
                    else:
                        others.extend(m for m in found if not m.place)
    agents = [m for m in _unique(agents) if not m.place]
    agent_keys = {m.actor.key for m in agents}
    targets = [m for m in _unique(targets) if m.actor.key not in agent_keys and not m.place]
    taken = agent_keys | {m.actor.key for m in targets}
    others = [m for m in _unique(others) if m.actor.key not in taken]
    named = [m for m in agents + targets + others if m.actor.kind != "place"]
    taken |= {m.actor.key for m in others}
    where = [m for m in _unique(places) if m.actor.kind == "place" and m.actor.key not in taken]
    first = places[0] if places else None
    place = (
        None if first is None else first.actor.name if first.via == "adjective" else first.surface
    )
    return {
        "agents": agents,
        "targets": targets,
        "others": others,
        "all": agents + targets + others,
        "named": named,
        "place": place,
        "where": where,
    }


#: Happenings that befall a place, so that where they happened takes part ("an earthquake hit
#: near Iquique", "protests in Valparaíso", "an air strike on a market in Al-Mansura", "cases
#: confirmed in Glasgow"); a death, an arrest, talks or a visit only happen somewhere.
PLACE_AFFECTED = frozenset({"disaster", "conflict", "protest"})


def where_part(type_: str, roles: dict) -> list:
    """The places an event of ``type_`` befalls: the city or region where it happened."""
    return roles["where"] if type_ in PLACE_AFFECTED else []


def _where(tok):
    """ "Ukraine, where war has been ongoing": the noun the relative clause is about."""
    head = tok.head if tok.dep_ in _SUBJECTS else None
    if head is None:
        return None
    if head.dep_ != "relcl" and head.head.dep_ == "relcl" and tok.dep_ == "nsubj":
        head = head.head
    if head.dep_ == "relcl" and any(c.lower_ == "where" for c in head.children):
        return head.head
    return None


def _unique(mentions: list[ActorMention]) -> list[ActorMention]:
    seen: dict[str, ActorMention] = {}
    for m in mentions:
        seen.setdefault(m.actor.key, m)
    return list(seen.values())


def subject_lemmas(tok) -> set[str]:
    subject = _subject(tok)
    return {subject.lemma_.lower(), subject.lower_} if subject is not None else set()


def _frame_lemmas(tok, subject_tok, obj_tok) -> tuple[set[str], set[str], set[str]]:
    def lemmas(t):
        return (
            {w.lemma_.lower() for w in _phrase_tokens(t)} | {w.lower_ for w in _phrase_tokens(t)}
            if t is not None
            else set()
        )

    pobj = set()
    for c in tok.children:
        if c.dep_ == "prep":
            for p in c.children:
                if p.ent_type_ not in ("DATE", "TIME"):  # "on Monday" is no frame noun
                    pobj |= {p.lemma_.lower(), p.lower_}
    subject = {subject_tok.lemma_.lower(), subject_tok.lower_} if subject_tok is not None else set()
    if subject_tok is not None:
        subject |= {w.lower_ for w in subject_tok.children if w.dep_ == "compound"}
        subject |= {w.lower_ for w in subject_tok.subtree if w.ent_type_ in ("ORG",)}
    return subject, lemmas(obj_tok), pobj


# --- status, filters ----------------------------------------------------------------------
def _status(tok, children, modal, anchor, published_at) -> str | None:
    words = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if modal & {"will", "shall"} or "'ll" in words:
        return "planned"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lexicon.PLANNING:
        return "planned"
    if (
        tok.dep_ == "xcomp"
        and tok.head.lemma_.lower() in ("be", "go")
        and any(
            c.lower_ in ("set", "due", "scheduled", "slated", "expected", "going", "poised")
            for c in (tok.head, *tok.head.children)
        )
    ):
        return "planned"
    if tok.dep_ == "xcomp" and tok.head.lower_ in (
        "set",
        "due",
        "scheduled",
        "slated",
        "expected",
        "poised",
    ):
        return "planned"
    if "would" in modal:
        head = tok.head
        if tok.dep_ == "ccomp" and head.lemma_.lower() in lexicon.REPORTING | lexicon.PLANNING:
            return "planned"  # future in the past: "said it would build a plant"
        return None  # hypothetical
    if anchor is not None and anchor.start_date and anchor.start_date > published_at:
        return "planned"
    if tok.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re", "been"}:
        return "ongoing"
    if tok.lemma_.lower() == "continue" or (
        tok.head.lemma_.lower() == "continue" and tok.dep_ == "xcomp"
    ):
        return "ongoing"
    return "occurred"


def _state(tok, subject, children) -> bool:
    """A state reached, not a happening told: a perfect whose subject is a happening or a
    bare common noun ("the sanctions had harmed Russia", "prices have risen"), or a perfect
    passive holding since then ("Russia has been isolated since the invasion")."""
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children):
        return False
    if any(c.dep_ == "auxpass" for c in children):
        return any(c.dep_ in ("prep", "advcl") and c.lower_ == "since" for c in children) or any(
            c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children) for c in children
        )
    if subject is None or subject.pos_ != "NOUN":
        return False
    if lexicon.noun_type(_noun_lemma(subject)):
        return True
    return not any(
        c.dep_ in ("det", "nummod", "poss", "amod", "compound") for c in subject.children
    )


def _habitual(children) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in lexicon.HABITUAL for c in children)


def _reported(tok) -> bool:
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lexicon.REPORTING


def _in_document(tok, span: Span, text: str) -> bool:
    """Reported content of a document (a communiqué, a statement) is part of that document:
    its sentence says "according to the communiqué", "in a joint statement", or the document
    is the subject of the reporting verb."""
    for w in tok.sent:
        if w.pos_ not in ("NOUN", "PROPN") or not DOCUMENTS.fullmatch(w.text):
            continue
        head = w.head
        if w.dep_ == "pobj" and head.lower_ == "in":
            return True  # "In a joint communiqué, the parties declared..."
        if w.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True
        if w.dep_ == "nsubj" and head.lemma_.lower() in lexicon.REPORTING:
            return tok.i != head.i and any(a.i == head.i for a in tok.ancestors)
    return False


def _clause(tok, span: Span, text: str) -> Clause:
    """The predicate's clause: its phrase without the clauses it governs (character span); a
    report's clause holds what it reports."""
    words = _phrase_tokens(tok)
    if tok.lemma_.lower() in lexicon.REPORTING:
        words += [w for c in tok.children if c.dep_ == "ccomp" for w in c.subtree]
    start = min(w.idx for w in words)
    end = max(w.idx + len(w.text) for w in words)
    return Clause(text[start:end], start, end)


def _quoted_chars(text: str) -> set[int]:
    """Offsets inside direct quotations ("..." and “...”) of more than three words."""
    inside: set[int] = set()
    for m in re.finditer(r"“[^”]{0,600}”|\"[^\"\n]{0,600}\"", text):
        if len(m.group().split()) > 3:
            inside.update(range(m.start(), m.end()))
    return inside


# --- across predicates ----------------------------------------------------------------------
def _inherit(found: list[Candidate], by_token: dict[int, Candidate], doc, published_at) -> None:
    """Coordinated predicates share an undated partner's date; reported content is bounded by
    its report ("said on Monday the army had shelled ..." happened no later than Monday)."""
    for cand in found:
        if cand.anchor is not None:
            continue
        tok = doc[cand.token]
        if tok.dep_ == "conj" and (partner := by_token.get(tok.head.i)) and partner.anchor:
            if _subject(tok) is _subject(tok.head) or not any(
                c.dep_ in _SUBJECTS for c in tok.children
            ):
                cand.anchor, cand.inherited = partner.anchor, True
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
            continue
        if any(c.anchor is not None for c in content) or cand.anchor is None:
            cand.kind = "report"  # "X will visit China in April, the Elysee said on Friday"
        else:
            for c in content:  # "said on Monday that tourism grew": the statement tells it
                c.kind = "report"


def _relations(doc, by_token: dict[int, Candidate]) -> list[tuple[int, int]]:
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
            if other is None or other is cand:
                continue
            out.append((other.index, cand.index) if word == "after" else (cand.index, other.index))
    return out
