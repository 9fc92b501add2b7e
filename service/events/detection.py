"""Detection: whether a token is an eventive predicate told as having happened (or firmly
planned), and the candidate it makes, with the other stages' answers filled in (its dates,
factuality and status, participants, type and headline).

A candidate is a verb (or a noun naming a happening) that tells something that happened, is
happening or is planned: not a state or an opinion ("believes", "wants"), not negated, not
hypothetical ("could", "if"), not habitual ("regularly"), not a question, not inside a quote.
Each coordinated predicate is its own candidate ("arrived ... and held talks"). Reported
events are events ("said the army had shelled the town on Monday").
"""

from __future__ import annotations

import bisect
import weakref

from . import discourse, eventtype, factuality, lexicon, participants, syntax
from .candidate import Candidate
from .phrases import noun_phrase, occurring, verb_phrase
from .sentences import Clause, Span
from .types import DOCUMENTS, Trigger

#: Plain reporting: "said", "told": the report of what it tells, no act of its own when undated.
_PLAIN_REPORTING = frozenset({"say", "tell", "add", "report", "write", "state", "note", "explain"})


#: Nouns naming an aim: "his goal was to slow the spread" tells what is wanted, not done.
_AIMS = frozenset(
    "goal aim purpose objective intention idea task job mission priority ambition hope dream"
    " wish target focus challenge".split()
)


def _aim(head) -> bool:
    """ "Be" with an aim for its subject: "his goal was to", "the aim is to"."""
    return head.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _AIMS for c in head.children
    )


#: Subjects that are evidence, not a speaker: "the data suggest", "a study by Dr Lee suggested".
_EVIDENCE = frozenset(
    "study studies data report reports research evidence analysis figures results poll survey"
    " findings test tests model models record records document documents paper".split()
)


def _person_reports(tok, subject_tok, token_actors) -> bool:
    """A reporting verb that is also a state or opinion ("suggest") told of a person: "Margaret
    Chan yesterday suggested the alert would move" is a statement; "the data suggest" is not."""
    if tok.lemma_.lower() not in lexicon.REPORTING or subject_tok is None:
        return False
    if subject_tok.lemma_.lower() in _EVIDENCE or subject_tok.lower_ in _EVIDENCE:
        return False
    found = participants.actors_in(subject_tok, token_actors)
    return any(m.actor.kind == "person" for m in found)


#: Links of a participle that completes its governor: "stay closed", "kept the border closed".
_COMPLEMENTS = frozenset({"xcomp", "acomp", "oprd", "ccomp"})


def _kept(participle) -> bool:
    """A participle telling a state a verb of keeping holds ("schools will stay closed", "kept
    the border closed", parsed as completing the verb or describing its object)."""
    head = participle.head
    if participle.dep_ == "acl" and head.dep_ == "dobj":
        head = head.head
    elif participle.dep_ not in _COMPLEMENTS:
        return False
    return head.lemma_.lower() in lexicon.STATE_KEEPERS


_NEGATIVE_SUBJECTS = frozenset({"none", "nobody", "nothing", "neither", "no one", "noone"})

#: Types of nouns naming an instrument a happening makes and that lasts: a law, a treaty.
_INSTRUMENTS = frozenset({"legislation", "agreement"})
#: Verbs that make an instrument: "the 2011 law was passed" is dated by the law's year.
_MAKING = frozenset(
    """pass sign adopt enact approve ratify reach strike conclude agree negotiate draft
    introduce seal clinch finalize finalise""".split()
)
#: Particles that turn a making verb into an undoing one ("struck down", "struck off").
_UNDOING = frozenset({"down", "off", "out"})
_COARSE = frozenset({"year", "decade", "century"})


def _timed(tok, timexes) -> bool:
    """Whether an expression of time stands in the predicate's words, its subject's aside:
    "came two days after the report was delivered", "came a day later"."""
    subject = syntax.subject(tok)
    skip = {w.idx for w in subject.subtree} if subject is not None else set()
    own = {w.idx for w in tok.subtree} - skip
    return any(t.start in own for t in timexes)


def _its_time(noun, lemma: str, attached: dict) -> list:
    """The expressions a verb's subject or object noun gives the verb's time: all, save a
    year before an instrument's noun that the verb does not make ("the 2011 law was repealed",
    "scrapped the 1998 treaty": the law's and treaty's time, not the repeal's)."""
    found = list(attached.get(noun.i, []))
    undone = any(c.dep_ == "prt" and c.lower_ in _UNDOING for c in noun.head.children)
    making = lemma in _MAKING and not undone  # "the 2011 law was struck down": not made then
    if lexicon.noun_type(lexicon.noun_lemma(noun)) not in _INSTRUMENTS or making:
        return found
    return [t for t in found if not (t.modifies_noun and t.precision in _COARSE)]


def candidate(text, published_at, tok, span, token_actors, attached, context):
    """``context``: the sentence's own expressions and the article's narrative days."""
    timexes, days = context
    if lexicon.gerund_noun(tok) or (
        tok.pos_ in ("NOUN", "PROPN") and lexicon.noun_type(tok.lemma_)
    ):
        build = _noun
    elif tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass", "amod", "compound"):
        build = _verb
    else:
        return None
    fact = factuality.of(tok)
    if not (fact.asserted or factuality.expected(fact)):
        return None  # negated, hedged, believed, conditional: not told as having happened
    cand = build(text, published_at, tok, span, token_actors, attached, timexes, days)
    if cand is not None and cand.status == "planned" and _open_question(tok):
        return None  # "will decide in the coming weeks whether to send the case to trial"
    if cand is not None and cand.status == "planned" and _promised(tok, cand, timexes):
        cand.promised = True  # "Acme said it would appeal": an intention, unless dated later
    if cand is None or (fact.asserted and cand.status != "planned"):
        return cand
    doers = _doers(tok, cand, token_actors)
    firm = _day(cand.anchor) or (cand.anchor is not None and _own_expectation(tok))
    if not fact.asserted and not (doers and cand.status == "planned" and firm):
        return None  # an expectation is a plan when someone named does it on a set day
    if tok.tag_ == "VB" and cand.trigger.pos == "verb" and tok.lemma_.lower() in lexicon.PREDICTED:
        done = any(c.dep_ == "dobj" for c in tok.children)
        if not (doers and done):
            return None  # "this figure will rise", "its profit will rise": a prediction
    return cand


def _open_question(tok) -> bool:
    """A plan to settle a question ("will decide whether to", "would rule on Friday if"): what
    is planned is an answer not yet given, no happening to place on a timeline."""
    return any(
        c.dep_ in ("ccomp", "xcomp")
        and any(w.dep_ in ("mark", "advmod") and w.lower_ in ("whether", "if") for w in c.children)
        for c in tok.children
    )


def _promised(tok, cand, timexes) -> bool:
    """An undertaking a party is only said to have ("the company said it would appeal",
    "added that it will cooperate with the court", ``lexicon.UNDERTAKINGS``; not "said it
    will close the border"), with no expression of time in its
    sentence (not "said on Monday", not "would take charge for Saturday's match"): a promise
    or intention told, no happening to place on a timeline unless a later sentence dates it
    ("The cuts will begin in June", see ``extract``). A plain saying only: "announced it would
    cut 2,000 jobs" is the announcement's content."""
    return (
        cand.anchor is None
        and cand.duration is None
        and tok.lemma_.lower() in lexicon.UNDERTAKINGS
        and tok.dep_ == "ccomp"
        and tok.head.lemma_.lower() in _PLAIN_REPORTING
        and not timexes
    )


def _doers(tok, cand, token_actors) -> list:
    """Who named does the happening: its agents, or the named subject of a passive that
    raises it ("Macron is expected to meet"); a place it happens over is none ("the storm is
    expected to move over Denmark")."""
    subject = syntax.subject(tok)
    found = participants.actors_in(subject, token_actors) if subject is not None else []
    return [
        m
        for m in found + cand.actors
        if m.actor.kind in _DOERS and (m in found or m.actor.key in cand.agents)
    ]


def _stative(tok, lemma: str) -> bool:
    """A state or opinion by its lemma, or by its form with "d" or "ed" stripped when the
    small model lemmatises it wrongly ("hoped" as "hop")."""
    if lemma in lexicon.STATIVE:
        return True
    word = tok.lower_
    return tok.tag_ in ("VBD", "VBN") and (
        word[:-1] in lexicon.STATIVE or word[:-2] in lexicon.STATIVE
    )


def _foreseen(lemma: str, children) -> bool:
    """A passive of expectation with no one named expecting: "rain is forecast for Sunday",
    "growth is projected at 2 percent" (what is foreseen, not a forecast someone issued)."""
    return (
        factuality.cues()["governors"].get(lemma) == "probable"
        and any(c.dep_ == "auxpass" for c in children)
        and not any(c.dep_ == "agent" for c in children)
    )


def _pictured(tok, subject_tok) -> bool:
    """A picture is what the predicate tells of: its subject, or the noun it describes."""
    noun = tok.head if tok.dep_ == "acl" else subject_tok
    return noun is not None and noun.lower_ in lexicon.PICTURES


def _own_expectation(tok) -> bool:
    """What a doer expects to do ("the company expects to release results in November"): its
    own plan, unlike what others expect of it ("is expected to decide next year") or of
    something else ("expects the deal to close in the first half")."""
    head = tok.head
    return (
        tok.dep_ == "xcomp"
        and any(c.dep_ == "nsubj" for c in head.children)
        and not any(c.dep_ in ("auxpass", "dobj", "nsubjpass") for c in head.children)
    )


def _day(anchor) -> bool:
    """A date a schedule names: a day or finer ("on Friday", not "next year")."""
    return anchor is not None and anchor.precision in ("time", "day")


def _office(subject) -> bool:
    """A subject that is an office holder or a public body named by what it is ("California's
    attorney general", "the government"; ``lexicon.OFFICES``): a party that can do what is
    planned, as a named one can."""
    return subject is not None and subject.pos_ == "NOUN" and subject.lower_ in lexicon.OFFICES


def _dated_nominal(verb, obj, lemma: str, attached: dict) -> bool:
    """A light verb's object made from a verb, with a date told ("made the first winter
    crossing of the ice cap in 1958", "made an appearance on Monday"): the noun is the
    happening though it names no type (``lexicon.NOMINAL_ENDINGS``); undated it stays a
    phrase ("made a difference")."""
    word = obj.lower_
    return (
        lemma in lexicon.LIGHT
        and obj.pos_ == "NOUN"
        and len(word) > 6
        and word.endswith(lexicon.NOMINAL_ENDINGS)
        and bool(attached.get(verb.i) or attached.get(obj.i))
    )


def _verb(text, published_at, tok, span, token_actors, attached, timexes, days):
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    deps = {c.dep_ for c in children}
    if factuality.habitual(children):
        return None
    if factuality.nearly_denied(tok):
        return None  # "shares were little changed": no change happened
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and lemma in lexicon.POLLED:
        return None  # "economists polled by Reuters last week": the figure's source
    if tok.tag_ == "VBN" and _kept(tok):
        return None  # "schools will stay closed until May 11": a state kept
    if any(c.dep_ in syntax.SUBJECTS and c.lower_ in _NEGATIVE_SUBJECTS for c in children):
        return None  # "None of the statements mentioned the war"
    among = tok.dep_ == "acl" and tok.tag_ == "VB" and syntax.copula_subject(tok.head) is not None
    if tok.dep_ in ("acl", "pcomp", "csubj", "prep", "dep") and tok.i not in attached and not among:
        return None  # "a company called X", "after meeting", participles: no happening
    if syntax.fronted_participle(tok) and (tok.i not in attached or _reports(tok.head)):
        # "Asked about the case, the judge ...", "Speaking on Monday, she said": the setting
        # of what follows
        return None
    obj_tok = next((c for c in children if c.dep_ in ("dobj", "attr", "oprd")), None)
    going = None
    if obj_tok is None and lemma in ("go", "come", "head"):
        obj_tok = going = _phrasal_noun(children)  # "went on strike", "will go on sale"
    noun = (
        obj_tok
        if obj_tok is not None
        and (
            obj_tok is going
            or lexicon.noun_type(lexicon.noun_lemma(obj_tok))
            or _dated_nominal(tok, obj_tok, lemma, attached)
        )
        else None
    )
    light = lemma in lexicon.LIGHT and noun is not None
    subject_tok = syntax.subject(tok)
    occurrence = (
        lemma in lexicon.OCCURRENCE
        and subject_tok is not None
        and lexicon.noun_type(subject_tok.lemma_)
    )
    if _stative(tok, lemma) and not (
        light or occurrence or lemma == "be" or _person_reports(tok, subject_tok, token_actors)
    ):
        return None
    if _foreseen(lemma, children):
        return None  # "heavy rain is forecast for Sunday": a prediction, no one's deed
    if light and DOCUMENTS.fullmatch(syntax.noun_words(noun)):
        return None  # "issued a joint statement": the document tells it
    if lemma == "be" or tok.lower_ in lexicon.STATE_FORMS:
        return None  # "is missing": a state
    if _indirect_question(tok):
        return None  # "how much time had passed": asked, not told
    if factuality.aimed(tok):
        return None  # "in an attempt to get him to sleep": aimed at, not done
    if lemma == "update" and any(c.lower_ == "last" for c in children):
        return None  # "Last updated at 06:28": the page's furniture
    if lemma == "take" and _pictured(tok, subject_tok):
        return None  # "Satellite image of Port-au-Prince taken on 13 January": a caption
    modal = {c.lemma_.lower() for c in children if c.dep_ == "aux"}
    own = list(attached.get(tok.i, []))
    arranged = lexicon.PLANNING - lexicon.EXPECTING
    if not own and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in arranged:
        ahead = [t for t in attached.get(tok.head.i, []) if _after(t, published_at)]
        own += ahead  # "On Tuesday, the league plans to hold a news conference": the plan's day
    told_past = tok.tag_ == "VBD" or (
        tok.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in children)
    )
    if not own and told_past:
        for x in (c for c in children if c.dep_ == "xcomp"):
            own += [t for t in attached.get(x.i, []) if _before(t, published_at)]
            # "refused to sign off on the accounts last week": the refusal's week; "was found
            # clinging to an inner tube Nov. 25": found that day
    if noun is not None or (obj_tok is not None and lexicon.noun_type(obj_tok.lemma_)):
        own += _its_time(obj_tok, lemma, attached)  # "ratified its accession on March 30"
    if subject_tok is not None and lexicon.noun_type(lexicon.noun_lemma(subject_tok)):
        own += _its_time(subject_tok, lemma, attached)  # "the bombings on Aug. 7 killed 259"
    for prep in (c for c in children if c.dep_ == "prep"):
        for p in prep.children:
            if p.dep_ == "pobj" and lexicon.same_kind(tok, p.lemma_.lower()):
                own += attached.get(p.i, [])  # "arrived on Tuesday for a two-day visit"
    anchor, duration = discourse.times(text, own)
    if syntax.described_participle(tok) and _ahead(anchor, published_at):
        return None  # a past participle tells what was done, never on a day still to come
    status = factuality.verb_status(tok, children, modal, anchor, published_at)
    if status is None or (status == "planned" or occurrence) and factuality.superseded(tok):
        return None  # hypothetical, or "the burial was initially scheduled": a plan changed
    tense = tok.morph.get("Tense")
    finite = "Fin" in tok.morph.get("VerbForm") or tok.tag_ in ("VBD", "VBZ", "VBP")
    has_aux = bool(deps & {"aux", "auxpass"})
    generic = tense == ["Pres"] and not has_aux and anchor is None and duration is None
    reporting = lemma in lexicon.REPORTING
    if generic and not reporting and status == "occurred":
        return None  # "the bloc seeks...": what is, not what happened
    undated = anchor is None and duration is None
    if undated and status == "occurred" and _present_passive(children):
        return None  # "the doctor is alleged to", "he is harassed": a state now, not a happening
    if undated and occurrence and lemma == "come" and not _timed(tok, timexes):
        return None  # "the announcement came shortly before": told again, only "when" is new
    if undated and lemma in lexicon.STANCES and not _told_on(tok, attached):
        return None  # "has staunchly opposed the expansion", "has benefited from": a state
    if undated and _figurative(lemma, subject_tok):
        return None  # "the company's fortunes plunged", "their hopes faded": a figure
    if undated and _former(children):
        return None  # "previously, watch imports were denied such treatment": a former state
    if undated and lemma == "bear" and "auxpass" in deps:
        return None  # "he was born in Chicago": background with no date to place it
    if _ranked(tok, children):
        return None  # "the largest number of cases to be reported since April": a record
    if _lasting(tok, lemma, children):
        return None  # "talks have been cut off for two years", "ruled for centuries": a stretch
    if factuality.voiced_attitude(tok):
        return None  # "expressed the hope that he would fly": an attitude, nothing done
    if anchor is None and _life_course(tok, lemma, children):
        return None  # "grew up in Cavan", "taught for three decades": a stretch of a life
    if undated and tok.dep_ == "advcl" and _background(tok, children):
        return None  # "while he was performing CPR": what was going on, background
    if syntax.object_purpose(tok):
        return None  # "reached a deal to buy Kessler": part of the deal's event
    if tok.dep_ == "xcomp" and anchor is None and duration is None:
        if tok.head.lemma_.lower() not in lexicon.STATIVE:
            return None  # "pledged to protect": part of the governing verb's event
        if _generic_head(tok.head):
            return None  # "scientists use models to forecast storms": what is done, as a rule
        if _aim(tok.head):
            return None  # "his goal was to slow the spread": an aim, not a happening
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
    if subject_tok is None and obj_tok is None and not participants.inherits_subject(tok):
        return None  # no participant
    roles = participants.roles(tok, token_actors)
    type_ = eventtype.of_verb(tok, subject_tok, obj_tok, noun, occurrence, roles["agents"])
    in_document = _in_document(tok, span, text)
    content = next((c for c in children if c.dep_ == "ccomp"), None)
    if type_ == "statement" and eventtype.reported_research(tok, content):
        type_ = "research"  # "Scientists have discovered a fossil, researchers said"
    if (reporting or type_ in _SAYING) and _untold(content):
        kind = "report" if anchor is None and duration is None else "event"
    elif reporting or type_ == "statement":
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
        doers = [m for m in roles["agents"] if m.actor.kind in _DOERS]
        # "this figure will rise": no one plans it; "the attorney general will open": an office
        kind = "event" if doers or _office(subject_tok) else "reference"
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
        state = type_ == "other" and not agents and factuality.state(tok, subject_tok, children)
        # a verb only the broad classes type keeps the untyped verb's bar (nobody named: no
        # event of its own): the classes type events, they do not make new ones
        untyped = type_ == "other" or lexicon.class_only(lemma)
        if tok.dep_ in ("relcl", "acl") or (untyped and not roles["named"]) or state:
            # undated, in a relative clause, with nobody named, or a resulting state with no
            # named doer ("sanctions have harmed the economy", "Russia has been isolated")
            kind = "reference"
        elif factuality.activity(tok, children):
            kind = "reference"  # "was monitoring the situation": going on, no time of its own
        elif type_ == "statement" and not roles["named"] and _anyone(subject_tok, children):
            kind = "reference"  # "aid groups have complained of delays": said by anyone
    told_on = days.before(span.start)
    if kind == "event" and _no_saying(tok, lemma, type_):
        kind = "report"  # "declined on Monday to say whether", "was quoted as saying": any day
    elif (
        kind == "event" and not (anchor or duration or told_on) and _bare_report(tok, lemma, type_)
    ):
        kind = "report"  # "..., a coroner confirmed", "was quoted as saying": told around it
    if occurrence:
        kind = "event" if (anchor or duration or finite) else "reference"
    people = roles["all"] + participants.where_part(type_, roles)
    place = roles["place"]
    if occurrence:
        noun_roles = participants.roles(subject_tok, token_actors, noun=True)
        people = noun_roles["all"] + people
        place = place or noun_roles["place"]
        phrase = noun_phrase(
            text, subject_tok, noun_roles, timexes=timexes, type_=type_, place=place
        )
        if not phrase.verb and phrase.subject and not phrase.tail:
            phrase = occurring(phrase, tok, subject_tok, status == "planned")  # "Talks resume"
    else:
        phrase = verb_phrase(text, tok, roles, timexes=timexes, type_=type_, place=place)
        if reporting or type_ == "statement":
            own = _own_news(text, content, roles, token_actors, timexes)
            if own is not None:  # the teller's own deed: its headline and its type
                phrase, type_ = own, eventtype.told_deed(content, type_, roles["agents"])
            elif _doerless_deed(content):  # "said the bank had been fined": the fine's type
                type_ = eventtype.told_deed(content, type_, roles["agents"])
    asked = ("which", "what") if anchor or duration else ("whose", "which", "what")
    wh = subject_tok is not None and any(
        w.lower_ in asked for w in syntax.phrase_tokens(subject_tok)
    )  # "a trial whose results were published last year": the results, a dated happening
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
        participants.unique(people),
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
        of_noun=bool(occurrence),
        guess=eventtype.guessed(
            tok, subject_tok, obj_tok, noun, occurrence, roles["agents"], type_
        ),
    )


def _own_news(text, content, roles, token_actors, timexes):
    """The headline of a teller's own deed is the deed's: "Quest Diagnostics has developed
    the first test, the company said" is "Quest Diagnostics develops first test", "the bank
    said it would cut 2,000 jobs" is "Bank to cut 2,000 jobs" (none when the clause tells a
    state, a view or a denial, or someone else's deed)."""
    if content is None or content.pos_ != "VERB" or _stative(content, content.lemma_.lower()):
        return None
    if content.lemma_.lower() in lexicon.REPORTING or not factuality.own(content).asserted:
        return None
    if content.tag_ == "VBG":
        return None  # "said it was reviewing the loans": an activity going on, not a deed
    if any(w.text in _QUOTES for w in content.subtree):
        return None  # "said it had "cooperated fully"": the teller's words, a claim
    subject, teller = syntax.subject(content), syntax.subject(content.head)
    if subject is None or subject.dep_ != "nsubj" or teller is None:
        return None
    inner = participants.roles(content, token_actors)
    tellers = {
        m.actor.key
        for m in roles["agents"]
        if m.actor.kind in _DOERS and m.start <= teller.idx < m.end
    }  # the teller itself, not its owner ("her family said she had died")
    doers = {m.actor.key for m in inner["agents"]}
    if not tellers or not doers or not doers <= tellers:
        return None
    phrase = verb_phrase(text, content, inner, timexes=timexes, place=roles["place"])
    return phrase if phrase.subject and phrase.verb else None


def _doerless_deed(content) -> bool:
    """A content clause that tells a deed done to someone, in the past, with no doer named
    ("said the bank had been fined", "confirmed two men were arrested"): the report's news is
    the deed."""
    if content is None or content.pos_ != "VERB" or content.tag_ != "VBN":
        return False
    deps = {c.dep_ for c in content.children}
    return "auxpass" in deps and "agent" not in deps and factuality.own(content).asserted


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


#: Links by which a predicate holds what it tells: an object, a clause, a complement.
_CONTENT = frozenset({"dobj", "ccomp", "xcomp", "csubj", "attr", "oprd", "dative", "acomp"})


def _bare_report(tok, lemma: str, type_: str) -> bool:
    """A report or a refusal to speak with no content of its own: "..., a coroner
    confirmed", "the DH confirmed", "was quoted as saying by AP", "declined to comment",
    "He declined." (what is said is told around it, or nothing is). Not "warned of delays",
    "confirmed the death", "59 cases were confirmed", "revenue declined to $3 billion"."""
    if lemma in lexicon.DECLINING:
        return _declines_to_speak(tok)
    quoting = lemma in lexicon.QUOTING and type_ in ("other", "statement")
    if not (lemma in lexicon.REPORTING or quoting or type_ == "statement"):
        return False  # "was cited by police" (legal) is no quoting
    for c in tok.children:
        if c.dep_ in _CONTENT or (c.dep_ == "nsubjpass" and lemma not in lexicon.QUOTING):
            return False
        if c.dep_ == "prep" and c.lower_ in lexicon.CONTENT_PREPS and _told_object(c):
            return False
    return True


def _no_saying(tok, lemma: str, type_: str) -> bool:
    """A refusal to speak ("declined to comment") or a bare quoting ("was quoted as saying by
    AP"): no happening on whatever day the story is told (a plain report, "..., a coroner
    confirmed", may be that day's news)."""
    if lemma in lexicon.DECLINING:
        return _declines_to_speak(tok)
    if lemma not in lexicon.QUOTING or type_ not in ("other", "statement"):
        return False  # "was cited by police" (legal): a deed of its own
    if any(c.dep_ == "ccomp" and c.i < tok.i for c in tok.children):
        # '"It is over," she was quoted as saying': the quote before it is no content
        return not any(c.dep_ in _CONTENT and c.i > tok.i for c in tok.children)
    return _bare_report(tok, lemma, type_)


def _declines_to_speak(tok) -> bool:
    """ "declined to comment", "refused to say whether", "He declined." (a speaker, nothing
    else): no happening."""
    said = [c for c in tok.children if c.dep_ == "xcomp"]
    if said:
        return all(c.lemma_.lower() in lexicon.SPEAKING for c in said)
    subject = syntax.subject(tok)
    bare = all(c.dep_ in _BARE for c in tok.children)
    return bare and subject is not None and subject.pos_ in ("PRON", "PROPN")


#: Dependents that add nothing to a verb's content: "Mr. Edelman declined, and ...".
_BARE = frozenset({"nsubj", "aux", "punct", "cc", "conj", "advmod", "preconj"})


def _told_object(prep) -> bool:
    """A preposition's object that is what is told: a noun (not a pronoun or a date), or a
    deed ("responded by strengthening"), not a saying ("quoted as saying")."""
    return any(
        (p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and p.ent_type_ not in ("DATE", "TIME"))
        or (p.dep_ == "pcomp" and p.lemma_.lower() not in lexicon.SPEAKING)
        for p in prep.children
    )


def _before(timex, published_at) -> bool:
    """A date that ends no later than the publication."""
    return timex.end_date is not None and timex.end_date <= published_at


def _after(timex, published_at) -> bool:
    """A date wholly after the publication."""
    return timex.start_date is not None and timex.start_date > published_at


def _noun(text, published_at, tok, span, token_actors, attached, timexes, days):
    head = tok.head
    lemma = lexicon.noun_lemma(tok)
    document = bool(DOCUMENTS.fullmatch(syntax.noun_words(tok)))
    if tok.dep_ in ("dobj", "attr") and head.lemma_.lower() in lexicon.LIGHT and not document:
        return None  # "held talks": the verb's candidate tells it
    if tok.dep_ in syntax.SUBJECTS and head.lemma_.lower() in lexicon.OCCURRENCE:
        return None  # "the visit took place": the verb's candidate tells it
    if tok.dep_ == "compound" or tok.ent_type_ in ("DATE", "TIME"):
        return None  # "the March meeting", "in March 2024": no happening named "march"
    if tok.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB" and not document:
        if head.lemma_.lower() not in lexicon.STATIVE and not _is_be(head):
            if not _foretold_of(tok, attached, published_at):
                return None  # "the bombings on Aug. 7 killed 259 people": the verb tells it
    if tok.dep_ in ("dobj", "attr") and head.pos_ == "VERB" and not document:
        return None  # "accepted Iran's admission": the verb's candidate tells it
    if document and tok.dep_ == "dobj" and head.lemma_.lower() not in lexicon.LIGHT:
        return None  # "released a statement": the release tells it
    if tok.dep_ == "pobj" and head.head.pos_ == "VERB" and lexicon.same_kind(head.head, lemma):
        return None  # "arrived ... for a two-day visit": the arrival is the visit
    if document and _told_in(tok):
        return None  # "condemned the attack in a statement": the condemnation tells it
    if any(c.dep_ == "neg" or c.lower_ in ("no", "any") for c in tok.children):
        return None
    if factuality.denied(tok):
        return None  # "leaders did not agree on a joint statement"
    own = list(attached.get(tok.i, [])) or _foretold_of(tok, attached, published_at)
    issued = document and tok.dep_ in ("dobj", "attr") and head.lemma_.lower() in lexicon.LIGHT
    if issued:
        own += attached.get(head.i, [])  # "issued a joint statement on Wednesday"
    anchor, duration = discourse.times(text, own)
    type_ = eventtype.of_noun(tok, lemma, document)
    roles = participants.roles(tok, token_actors, noun=True)
    if issued:
        issuers = (
            participants.actors_in(syntax.subject(head), token_actors)
            if syntax.subject(head) is not None
            else []
        )
        roles["agents"] = participants.unique(issuers + roles["agents"])
        roles["all"] = participants.unique(issuers + roles["all"])
    status = factuality.noun_status(tok, anchor, published_at)
    kind = "event" if (document or anchor is not None or duration is not None) else "reference"
    teller = document and tok.dep_ == "nsubj" and head.lemma_.lower() in _PLAIN_REPORTING
    if teller and anchor is None and duration is None and not attached.get(head.i):
        kind = "reference"  # "a statement from the coroner said": the teller, told elsewhere
    if not (roles["all"] or document) and anchor is None and duration is None:
        kind = "reference"  # "Summit", "a statement": no one takes part, no date: background
    described = tok.dep_ == "nsubj" and _is_be(head) and anchor is None and not document
    if described and (duration is None or _superlative(head)):
        # "The earthquake is Haiti's worst in two centuries": a happening described (told
        # elsewhere), a superlative's window no span of its own ("has been ongoing for
        # eight months" is one)
        kind = "reference"
    place = roles["place"]
    tail = ""
    if status == "ongoing" and duration is not None:
        lead = "for " if text[max(0, duration.start - 4) : duration.start] == "for " else ""
        tail = f"ongoing {lead}{duration.text}"
    phrase = noun_phrase(text, tok, roles, timexes=timexes, type_=type_, place=place, tail=tail)
    clause = _clause(tok, span, text)
    trigger = Trigger(type_, "noun", tok.idx, tok.idx + len(tok.text), syntax.noun_words(tok))
    return Candidate(
        -1,
        type_,
        kind,
        span,
        clause,
        trigger,
        participants.unique(roles["all"] + participants.where_part(type_, roles)),
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


#: Modals that tell a verb as ahead or possible, not done.
_FORETELLING = frozenset({"will", "would", "could", "may", "might", "should", "wo", "'ll"})


def _foretold_of(noun, attached: dict, published_at) -> list:
    """The past dates of a happening named as the subject of a forecast: "the earthquake last
    month will result in a charge" (the date parsed onto the verb or the noun), "the storm
    on Monday could cost insurers $2 billion": the forecast is no happening, the quake is."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB":
        return []
    if not any(c.dep_ == "aux" and c.lower_ in _FORETELLING for c in verb.children):
        return []
    dates = attached.get(noun.i, []) or attached.get(verb.i, [])
    past = [t for t in dates if _before(t, published_at)]
    return past if len(past) == len(dates) else []


def _phrasal_noun(children):
    """The noun a verb of going makes the happening: "went on strike", "go to the polls",
    "will go on sale" (``lexicon.GOING_NOUNS``)."""
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "to", "into"):
            for p in prep.children:
                if p.dep_ == "pobj" and lexicon.noun_lemma(p) in lexicon.GOING_NOUNS:
                    return p
    return None


def _ahead(anchor, published_at) -> bool:
    return anchor is not None and anchor.start_date is not None and anchor.start_date > published_at


def _reports(tok) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in lexicon.REPORTING or lexicon.VERB_TYPES.get(lemma) == "statement"


def _superlative(copula) -> bool:
    """ "is Haiti's worst", "was the first": what the copula says is a rank, whose "in two
    centuries" or "in a decade" is the window ranked over."""
    return any(
        c.dep_ in ("attr", "acomp") and (c.tag_ in ("JJS", "RBS") or c.lower_ in _RANKS)
        for c in copula.children
    )


_RANKS = frozenset({"first", "last"})  # ordinals the tagger does not mark as superlatives


def _is_be(tok) -> bool:
    return tok.lemma_.lower() == "be"


def _reported(tok) -> bool:
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lexicon.REPORTING


def _in_document(tok, span: Span, text: str) -> bool:
    """Reported content of a document (a communiqué, a statement) is part of that document:
    its sentence says "according to the communiqué", "in a joint statement", or the document
    is the subject of the reporting verb."""
    sent, doc = tok.sent, tok.doc
    named = _document_words(doc)
    for i in named[bisect.bisect_left(named, sent.start) : bisect.bisect_left(named, sent.end)]:
        w = doc[i]
        head = w.head
        if w.dep_ == "pobj" and head.lower_ == "in":
            if _told_in(w) and head.head.i == tok.i:
                continue  # "welcomed the truce in a statement on Wednesday": the act itself
            return True  # "In a joint communiqué, the parties declared..."
        if w.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True
        if w.dep_ == "nsubj" and head.lemma_.lower() in lexicon.REPORTING:
            return tok.i != head.i and any(a.i == head.i for a in tok.ancestors)
    return False


#: Per parsed text, where it names a document (read once, not per predicate's sentence).
_DOCUMENT_WORDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _document_words(doc) -> list[int]:
    """The positions of the nouns in ``doc`` that name a document ("communiqué", "statement")."""
    found = _DOCUMENT_WORDS.get(doc)
    if found is None:
        found = _DOCUMENT_WORDS[doc] = [
            w.i for w in doc if w.pos_ in ("NOUN", "PROPN") and DOCUMENTS.fullmatch(w.text)
        ]
    return found


def _told_in(document) -> bool:
    """A document a verb's own act is told in, with no content clause of its own: "welcomed
    the truce in a statement", not "In a joint communiqué, the parties declared that ..."."""
    prep = document.head
    verb = prep.head
    return (
        document.dep_ == "pobj"
        and prep.lower_ == "in"
        and verb.pos_ == "VERB"
        and not any(c.dep_ == "ccomp" for c in verb.children)
    )


def _clause(tok, span: Span, text: str) -> Clause:
    """The predicate's clause: its phrase without the clauses it governs (character span); a
    report's clause holds what it reports."""
    words = syntax.phrase_tokens(tok)
    if tok.lemma_.lower() in lexicon.REPORTING:
        words += [w for c in tok.children if c.dep_ == "ccomp" for w in c.subtree]
    start = min(w.idx for w in words)
    end = max(w.idx + len(w.text) for w in words)
    return Clause(text[start:end], start, end)


#: Types of a predicate whose clausal complement is what it says ("emphasised that", "agreed that").
_SAYING = frozenset({"statement", "agreement"})


def _untold(content) -> bool:
    """A said clause that tells no happening: a possibility or a negation ("agreed that going
    to the highest level could be an eventuality", "stressed that it did not mean")."""
    return content is not None and not factuality.own(content).asserted


#: Actors that can plan and do: an undated plan is told of one of these.
_DOERS = frozenset({"person", "organisation", "country"})


def _indirect_question(tok) -> bool:
    """A clause opened by "how", "why", "whether", "what" and governed by another predicate:
    "it was not clear how much time had passed"."""
    if tok.dep_ not in ("ccomp", "pcomp", "csubj", "advcl", "xcomp", "acl"):
        return False
    if _pointed(tok.head):
        return False  # "That is why we have resumed testing": the clause is told, not asked
    return any(
        w.lower_ in lexicon.QUESTION_WORDS for c in tok.children if c.i < tok.i for w in c.subtree
    )


#: Subjects that point back at what was just told: "That is why", "This is how".
_POINTERS = frozenset({"that", "this", "which"})


def _pointed(head) -> bool:
    """ "Be" with a pointing subject ("That is why ...", "this was how ..."): the wh-clause
    after it states the reason or manner of what was told, it does not ask."""
    return head.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and c.lower_ in _POINTERS for c in head.children
    )


def _present_passive(children) -> bool:
    """ "is alleged", "are harassed": a present passive with no other auxiliary."""
    auxpass = [c for c in children if c.dep_ == "auxpass"]
    aux = [c for c in children if c.dep_ == "aux"]
    return (
        bool(auxpass)
        and not aux
        and all(c.lower_ in ("is", "are", "am", "'s", "'re") for c in auxpass)
    )


def _ranked(tok, children) -> bool:
    """An infinitival relative on a noun ranked by a superlative ("the largest number of cases
    to be reported in a week", "the biggest fine to be imposed since 2010"): a record held
    against every such happening, not a happening told (the one that set it is told apart)."""
    if tok.dep_ not in ("relcl", "acl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children
    ):
        return False
    noun = tok.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "the largest number of cases"
    return any(c.dep_ == "amod" and c.tag_ in ("JJS", "RBS") for c in noun.children)


def _life_course(tok, lemma: str, children) -> bool:
    """A verb telling a stretch of a life or time spent ("grew up in Cavan", "trained as a
    nurse", "had spent four years developing the hinge"): ``lexicon.LIFE_COURSE``; "grow" only
    with "up", "spend" only with a period for its object (not "spent $2 billion")."""
    if lemma not in lexicon.LIFE_COURSE and lemma != "grow":
        return False
    if any(_placed_by(c) for c in children):
        return False  # "Before retiring in 1984, Lowe taught in Leeds": the text bounds it
    if lemma == "grow":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in children)
    if lemma == "spend":
        return any(
            c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in lexicon.LIFE_PERIODS
            for c in children
        )
    return True


def _figurative(lemma: str, subject) -> bool:
    """A change of a standing or a feeling ("fortunes plunged", "morale sank"):
    ``lexicon.FIGURATIVE_SUBJECTS`` as the subject of a verb of change."""
    return (
        subject is not None
        and lemma in lexicon.PREDICTED | lexicon.GROWTH | _FADING
        and lexicon.noun_lemma(subject) in lexicon.FIGURATIVE_SUBJECTS
    )


#: Verbs of a figure's change not among the predicted ones: "hopes faded", "morale sank".
_FADING = frozenset({"fade", "sink", "dim", "wane", "soar", "collapse", "evaporate", "sag"})


def _former(children) -> bool:
    """A passive set in a time gone by ("previously, imports were denied", "was formerly
    used as"): ``lexicon.FORMER``, a passive with no agent."""
    deps = {c.dep_ for c in children}
    return (
        "auxpass" in deps
        and "agent" not in deps
        and any(c.dep_ == "advmod" and c.lower_ in lexicon.FORMER for c in children)
    )


def _told_on(tok, attached: dict) -> bool:
    """A clause reported by a saying the text dates: "said on Monday it opposed the sale"."""
    return tok.dep_ == "ccomp" and bool(attached.get(tok.head.i))


def _lasting(tok, lemma: str, children) -> bool:
    """A state told as lasting, not a happening: a perfect passive for a period ("talks have
    been cut off for nearly two years", "had been trapped for three days"), or any tense for
    centuries, decades or years ("was ruled from Vienna for centuries"). Not a deed that sets
    a term ("has been banned for two years"), nor one repeated since a time ("has been
    arrested numerous times since 1990"); progressives are ``factuality.activity``'s."""
    if lemma in lexicon.BOUNDED_TERMS:
        return False
    periods = [
        p
        for prep in children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    if any(_long(p) for p in periods) and not any(_dated_by(c) for c in children):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children)
    if not (perfect and any(c.dep_ == "auxpass" for c in children)):
        return False
    return any(lexicon.noun_lemma(p) in lexicon.LASTING_PERIODS for p in periods)


def _long(period) -> bool:
    """ "centuries", "decades", "years" (no number), "hundreds of years": a long stretch."""
    if period.lower_ in ("hundreds", "thousands"):
        period = next((g for p in period.children if p.lower_ == "of" for g in p.children), period)
    if lexicon.noun_lemma(period) not in lexicon.LONG_PERIODS or period.tag_ != "NNS":
        return False
    return not any(c.dep_ in ("nummod", "det", "prep") for c in period.children)


def _dated_by(child) -> bool:
    """``_placed_by`` with a day or a happening: "until 1918", "before the war", not "from
    Vienna"."""
    if not _placed_by(child):
        return False
    return child.dep_ == "advcl" or any(
        w.ent_type_ in ("DATE", "TIME", "EVENT") or w.like_num or lexicon.noun_type(w.lemma_)
        for w in child.subtree
    )


def _anyone(subject, children) -> bool:
    """A perfect told of no one in particular, a bare plural ("aid groups have complained",
    "children's advocacy groups have warned"): not "the groups", "two groups", "Oxfam's
    workers", nor a past act ("opposition leaders called for early elections")."""
    if subject is None or subject.tag_ != "NNS":
        return False
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children):
        return False
    return not any(
        c.dep_ in ("det", "nummod", "appos")
        or (c.dep_ == "poss" and (c.pos_ == "PROPN" or c.tag_ == "PRP$"))
        for c in subject.children
    )


#: Words that place a clause in time by another happening or a day ("before retiring in
#: 1984", "until he retired", "after the war", "from 1961").
_PLACING = frozenset({"before", "after", "since", "until", "till", "from", "during", "when"})


def _placed_by(child) -> bool:
    """A preposition or a subordinate clause placing its head in time (``_PLACING``)."""
    if child.dep_ == "prep":
        return child.lower_ in _PLACING
    return child.dep_ == "advcl" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in _PLACING for m in child.children
    )


def _background(tok, children) -> bool:
    """A progressive under "while" or "as": "while Dr Murray was performing CPR"."""
    progressive = tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in children)
    return progressive and any(
        c.dep_ == "mark" and c.lower_ in lexicon.BACKGROUND_MARKS for c in children
    )


def _generic_head(head) -> bool:
    """A simple present (not "is to", not "plans to") with no auxiliary ("which use
    sea-surface height to forecast storms"): what is done as a rule, and what it is done for."""
    if head.tag_ not in ("VBZ", "VBP") or head.lemma_.lower() in lexicon.REPORTING:
        return False
    if head.lemma_.lower() == "be" or head.lemma_.lower() in lexicon.PLANNING:
        return False  # "is to triple its aid", "plans to visit China": a plan
    return not any(c.dep_ in ("aux", "auxpass") for c in head.children)
