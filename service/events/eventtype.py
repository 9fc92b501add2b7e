"""Typing: an event type for a predicate from its lemma, its frame (the nouns it governs) and
the clause around it; the word knowledge is ``lexicon``'s, the taxonomy ``types``'."""

from __future__ import annotations

import dataclasses
import re

from . import lexicon, syntax, typeguess
from .candidate import Candidate


def refer_back(tok, cand: Candidate, last_doc: str | None) -> str:
    """ "The statement" after "a joint statement" is that document: it takes the same type."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
    if last_doc and definite and cand.type != last_doc:
        cand.type = last_doc
        cand.trigger = dataclasses.replace(cand.trigger, type=last_doc)
    return cand.type


def _context_nouns(tok) -> set[str]:
    """The nouns (lemmas and forms) of the predicate's sentence and the one before, but for
    the predicate itself ("fired rockets" names no fire)."""
    sent = tok.sent
    words = list(sent)
    if sent.start > 0:
        words += list(tok.doc[sent.start - 1].sent)
    nouns = [w for w in words if w.pos_ in ("NOUN", "PROPN") and w.i != tok.i]
    return {w.lemma_.lower() for w in nouns} | {w.lower_ for w in nouns}


def _disaster_near(tok) -> bool:
    """Whether the predicate's sentence or the one before names a disaster and no attacker
    ("a quake struck" is no "strike"; "blasts" after "car bombs" are the bombs')."""
    nouns = _context_nouns(tok)
    return bool(nouns & lexicon.DISASTER_NOUNS) and not nouns & (lexicon.ATTACK_WORDS | _BOMBS)


def _bombed(tok, nouns: set[str]) -> bool:
    """A blast or an explosion in a sentence (or after one) that names bombs or bombers: the
    attack's, no accident ("the blasts killed 12" after "two car bombs exploded")."""
    return bool(nouns & _BLASTS) and bool(_context_nouns(tok) & (_BOMBS | lexicon.ATTACK_WORDS))


#: Words naming the blast of a bomb as well as an accident's.
_BLASTS = frozenset({"blast", "blasts", "explosion", "explosions"})
#: Words naming a bomb or a bomber: a blast near them is an attack.
_BOMBS = frozenset(
    {
        "bomb",
        "bombs",
        "bomber",
        "bombers",
        "bombing",
        "bombings",
        "explosive",
        "explosives",
        "grenade",
        "grenades",
        "ied",
        "terrorist",
        "terrorists",
        "terrorism",
        "suicide",
    }
)


def frame_lemmas(tok, subject_tok, obj_tok) -> tuple[set[str], set[str], set[str]]:
    """The frame's nouns (lemmas and forms): subject, object, prepositions' objects. In a
    passive the agent ("searched by drug police", "struck by a quake") counts as subject and
    the subject as object too ("sanctions were imposed")."""

    def lemmas(t):
        if t is None:
            return set()
        words = [w for w in syntax.phrase_tokens(t) if not _in_modifier(w)]
        return {w.lemma_.lower() for w in words} | {w.lower_ for w in words}

    pobj = set()
    for c in tok.children:
        if c.dep_ in ("prep", "dative"):  # "gave approval to the law": "to" is a dative
            for p in c.children:
                if p.ent_type_ not in ("DATE", "TIME"):  # "on Monday" is no frame noun
                    pobj |= {p.lemma_.lower(), p.lower_}
    subject = {subject_tok.lemma_.lower(), subject_tok.lower_} if subject_tok is not None else set()
    if subject_tok is not None and tok.dep_ == "relcl" and subject_tok.tag_ in ("WDT", "WP"):
        subject |= {tok.head.lemma_.lower(), tok.head.lower_}  # "a quake, which struck"
    if subject_tok is not None:
        subject |= {w.lower_ for w in subject_tok.children if w.dep_ in ("compound", "appos")}
        subject |= {w.lower_ for w in subject_tok.subtree if w.ent_type_ in ("ORG",)}
    for c in tok.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    subject |= {p.lemma_.lower(), p.lower_}
                    subject |= {w.lower_ for w in p.children if w.dep_ == "compound"}
    obj = lemmas(obj_tok)
    if subject_tok is not None and subject_tok.dep_ == "nsubjpass" and subject_tok.head.i == tok.i:
        obj |= lemmas(subject_tok)  # "sanctions were imposed", "details will be released"
    relative = any(c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in tok.children)
    if tok.dep_ == "relcl" and relative:
        obj |= {tok.head.lemma_.lower(), tok.head.lower_}  # "the merger, which was scrapped"
    return subject, obj, pobj


def _in_modifier(word) -> bool:
    """A noun inside an adjective that modifies the frame's noun ("duty-free access",
    "war-torn country"): it names what the adjective is about, no noun of the frame."""
    head = word.head
    return word.pos_ in ("NOUN", "PROPN") and head.pos_ == "ADJ" and head.dep_ == "amod"


def of_verb(tok, subject_tok, obj_tok, noun, occurrence, agents: list) -> str:
    """The type of a verb predicate: an occurrence verb takes its subject noun's ("the visit
    took place"), a light verb its object noun's ("held talks"), others their lemma's in their
    frame (``lexicon.verb_type``), refined by what the clause says around it."""
    lemma = lexicon.verb_lemma(tok)
    children = list(tok.children)
    light = lemma in lexicon.LIGHT and noun is not None
    frame = frame_lemmas(tok, subject_tok, obj_tok)
    frame[0].update(_resolved_words(subject_tok, agents))
    if occurrence:
        type_ = lexicon.noun_type(subject_tok.lemma_)
    elif light and lemma in lexicon.ASPECTUAL:
        type_ = lexicon.verb_type(lemma, *frame, head=lexicon.noun_lemma(noun))
    elif light:
        type_ = (
            _plea(noun)
            or lexicon.noun_type(lexicon.noun_lemma(noun))
            or lexicon.verb_type(lemma, *frame)  # "gave final approval to the law"
        )
        type_ = _agreed_deal(noun, type_)  # "announced an agreement to acquire Midwest"
        if lexicon.noun_lemma(noun) == "strike" and (
            lemma in lexicon.STRIKING_VERBS or syntax.subject_lemmas(tok) & lexicon.PEOPLE_NOUNS
        ):
            type_ = "protest"  # "workers went on strike", "staged a warning strike"
    else:
        head_noun = lexicon.noun_lemma(obj_tok) if obj_tok is not None else None
        type_ = lexicon.verb_type(lemma, *frame, head=head_noun)
        if (
            type_ == "other"
            and lemma in lexicon.CONSEQUENCE
            and subject_tok is not None
            and lexicon.noun_type(lexicon.noun_lemma(subject_tok))
        ):
            type_ = lexicon.noun_type(lexicon.noun_lemma(subject_tok))  # "the bombings killed 259"
    xcomp = next((c for c in children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if xcomp is not None and lemma in lexicon.PLANNING | {"vote", "move"}:
        inner = _xcomp_type(xcomp)
        if inner not in ("other", "statement"):
            type_ = inner  # "agreed to buy 20 aircraft": a deal
    elif xcomp is not None and lemma in lexicon.DIRECTIVES:
        inner = _xcomp_type(xcomp)  # "ordered to leave their homes": an order, no purchase
        type_ = inner if inner not in ("other", "statement") else "other"
        if type_ == "other" and _disaster_near(tok):
            type_ = "disaster"  # an evacuation order
    type_ = _label_or_award(lemma, children) or type_
    if type_ == "deal" and lemma in lexicon.DIRECTIVES and _sent_away(children, obj_tok):
        type_ = "other"  # "ordered its ambassador home": an order to go, no purchase
    if (
        type_ == "other"
        and subject_tok is not None
        and subject_tok.lemma_.lower() in lexicon.COURTS
    ):
        type_ = "legal"  # "a federal judge blocked the sale"
    if type_ == "other" and any(m.actor.kind in ("index", "currency") for m in agents):
        type_ = "market"
    if (
        type_ == "other"
        and lemma in lexicon.MOVES
        and _company_moves(subject_tok, agents, children)
    ):
        type_ = "market"  # "Kessler jumped 24 percent, while Valmont fell 3 percent"
    if type_ == "death" and _lifeless(subject_tok):
        type_ = "other"  # "the fad died", "the bill died in committee": no one died
    if type_ == "disaster" and _bombed(tok, frame[0] | frame[1] | frame[2]):
        type_ = "conflict"  # "the blasts killed 12" after "two car bombs exploded"
    which = any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in children)  # a thing's deed
    if type_ == "conflict" and (not agents or which) and _disaster_near(tok):
        type_ = "disaster"  # "1,400 people were injured" after the earthquake, "which struck"
    if (
        type_ == "other"
        and subject_tok is not None
        and subject_tok.lemma_.lower() in _TOLLS
        and _disaster_near(tok)
    ):
        type_ = "disaster"  # "the death toll from the earthquake rose to 87"
    if type_ == "other" and _trip(lemma, obj_tok, subject_tok, children):
        type_ = "visit"  # "returned from Mexico", "led a delegation to Africa"
    if type_ == "statement" and lemma in _WORD_GIVING and _no_sayer(subject_tok, agents):
        type_ = "other"  # "the outbreak raised fears", "the lander sent signals": no one spoke
    if lemma == "sign" and "law" in frame[2]:
        type_ = "legislation"
    if type_ in ("other", "statement") and lemma in _CONVERSE and _with_someone(children):
        type_ = "meeting"  # "Sturgeon spoke with Alan Johnson", "talked to Xi by phone"
    particle = next(
        (
            c.lower_
            for c in children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == tok.i + 1)
        ),
        None,
    )  # "walked out": the parser sometimes takes the particle for an adverb
    if particle and f"{lemma} {particle}" in lexicon.PHRASAL:
        type_ = _happening_subject(subject_tok) or lexicon.PHRASAL[f"{lemma} {particle}"]
    if obj_tok is not None and f"{lemma} {lexicon.noun_lemma(obj_tok)}" in lexicon.PHRASAL:
        type_ = lexicon.PHRASAL[f"{lemma} {lexicon.noun_lemma(obj_tok)}"]  # "took charge"
    if obj_tok is not None and obj_tok.lemma_.lower() == "charge" and _booked(obj_tok):
        type_ = "earnings"  # "took a $10 million charge", "recorded a pre-tax charge"
    if type_ == "other":
        type_ = lexicon.class_phrase(lemma, _phrase_words(children)) or type_
    return type_


def guessed(tok, subject_tok, obj_tok, noun, occurrence, agents: list, type_: str) -> str | None:
    """The learned guess (``typeguess``) at the type of a verb predicate no specific table
    knows and the rules leave untyped (``type_`` "other"), when it is confident; None
    otherwise (and for a light or occurrence verb: its noun types it). Its event takes the
    guess at the end (``event_type``); what kind of candidate it is and how it merges go by
    the rules' type."""
    light = noun is not None and lexicon.verb_lemma(tok) in lexicon.LIGHT
    if type_ != "other" or occurrence or light:
        return None
    found = typeguess.refine(tok, subject_tok, obj_tok, agents, type_)
    return found if found != type_ else None


def event_type(head: Candidate) -> str:
    """The type of the event ``head`` types: its own, or the guess at it when untyped."""
    return head.guess if head.type == "other" and head.guess else head.type


#: A verb's dependents that make a phrase with it ("put up for sale", "found dead").
_PHRASE_DEPS = frozenset({"prt", "advmod", "dobj", "oprd", "acomp", "xcomp", "npadvmod"})


def _phrase_words(children) -> set[str]:
    """The words a verb makes a phrase with: its particle, its object's or complement's head,
    its prepositions and their objects ("sent into space": space), as lemmas and as
    written."""
    words = set()
    for c in children:
        heads = [c] if c.dep_ in _PHRASE_DEPS else []
        if c.dep_ in ("prep", "dative"):
            heads = [c] + [p for p in c.children if p.dep_ == "pobj"]
        words |= {w.lemma_.lower() for w in heads} | {w.lower_ for w in heads}
    return words


#: Words sending someone somewhere: "ordered the troops home", "ordered them out".
_AWAY = frozenset({"home", "out", "back", "away", "off", "abroad", "inside", "indoors"})


def _sent_away(children, obj_tok) -> bool:
    """An order that sends someone somewhere or tells someone (not goods) what to do: a
    direction ("ordered the troops home") or a person ordered ("ordered him", "ordered its
    ambassador")."""
    if any(c.dep_ in ("advmod", "prt", "npadvmod") and c.lower_ in _AWAY for c in children):
        return True
    if obj_tok is None:
        return False
    person = obj_tok.pos_ == "PRON" or obj_tok.ent_type_ in ("PERSON", "NORP")
    return person or obj_tok.lemma_.lower() in _ORDERED_PEOPLE


#: People an order sends or commands (a purchase orders goods, never them).
_ORDERED_PEOPLE = frozenset(
    {
        "ambassador",
        "envoy",
        "diplomat",
        "troop",
        "troops",
        "soldier",
        "force",
        "forces",
        "staff",
        "resident",
        "citizen",
        "people",
        "police",
        "army",
        "official",
        "worker",
        "employee",
        "crew",
        "team",
    }
)


def told_deed(content, type_: str, agents: list) -> str:
    """The type of a teller's own deed its report tells ("the regulator said it had fined
    the bank": legal, no statement), or the report's ``type_`` when the deed has none."""
    obj = next((c for c in content.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    deed = of_verb(content, syntax.subject(content), obj, None, False, agents)
    return deed if deed not in ("other", "statement") else type_


def _trip(lemma: str, obj_tok, subject_tok, children) -> bool:
    """A trip to or from a named place: a verb of going ("returned from Mexico") or one of
    leading a party ("led a team of doctors to Africa"), none of troops or fighters."""
    if subject_tok is not None and subject_tok.lower_ in lexicon.ATTACK_WORDS:
        return False
    party = obj_tok is not None and obj_tok.lemma_.lower() in lexicon.TRAVEL_PARTIES
    if lemma in lexicon.TRIP_VERBS:
        preps = [c for c in children if c.dep_ == "prep"]
    elif lemma in ("lead", "take") and party:  # "a team of doctors to Africa"
        preps = [c for c in children if c.dep_ == "prep"] + [
            w for w in obj_tok.subtree if w.dep_ == "prep"
        ]
    else:
        return False
    return any(
        c.lower_ in ("to", "from")
        and any(p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC") for p in c.children)
        for c in preps
    )


#: Verbs that tell a word said only by their object ("raised concerns", "sent a signal"):
#: a statement of someone only ("the outbreak raised fears" is no one's).
_WORD_GIVING = frozenset({"raise", "send"})


def _no_sayer(subject_tok, agents: list) -> bool:
    """A subject that names a thing, no one who could speak: a common noun with no person,
    body or country named in it ("the outbreak", "the lander"; not "Israeli officials")."""
    if subject_tok is None or subject_tok.pos_ != "NOUN":
        return False
    last = subject_tok.right_edge
    words = range(subject_tok.left_edge.idx, last.idx + len(last))
    return not any(m.actor.kind != "place" and m.start in words for m in agents)


#: Things that "die" without a life: ideas, plans, fashions, machines.
_LIFELESS = frozenset(
    """fad trend craze fashion idea hope hopes dream plan plans proposal project effort
    initiative movement tradition custom language rumour rumor momentum interest engine
    battery phone signal wind conversation career romance relationship business""".split()
)


def _lifeless(subject_tok) -> bool:
    """A subject that names no living being: a happening ("the bill died in committee",
    "talks died") or a thing with no life ("the fad died")."""
    if subject_tok is None or subject_tok.pos_ != "NOUN":
        return False
    lemma = subject_tok.lemma_.lower()
    return lemma in _LIFELESS or lexicon.noun_type(lexicon.noun_lemma(subject_tok)) is not None


def _company_moves(subject_tok, agents: list, children) -> bool:
    """A company named as the subject of a move by a percentage ("Valmont fell 3 percent"):
    its shares moved (its sales would be named: "sales fell 3 percent")."""
    if subject_tok is None or subject_tok.pos_ != "PROPN":
        return False
    company = any(
        m.actor.subkind == "company" and m.start <= subject_tok.idx < m.end for m in agents
    )
    by_percent = any(
        c.dep_ in ("npadvmod", "dobj")
        and any(w.lower_ in ("percent", "%", "pct") for w in c.subtree)
        for c in children
    )
    return company and by_percent


def _happening_subject(subject_tok) -> str | None:
    """The type of a happening the active subject names: "a fire broke out" is a disaster and
    "talks broke down" a meeting, whatever the phrasal verb's own type ("fighting broke out")."""
    if subject_tok is None or subject_tok.dep_ != "nsubj" or subject_tok.pos_ != "NOUN":
        return None
    return lexicon.noun_type(lexicon.noun_lemma(subject_tok))


def _xcomp_type(xcomp) -> str:
    """The type of the deed an open complement names ("agreed to buy", "ordered to pay")."""
    obj = next((c for c in xcomp.children if c.dep_ == "dobj"), None)
    frame = frame_lemmas(xcomp, None, obj)
    return lexicon.verb_type(xcomp.lemma_.lower(), syntax.subject_lemmas(xcomp), *frame[1:])


def _label_or_award(lemma: str, children) -> str | None:
    """A label or a call ("called the policy a bribe", "called for talks") is a statement;
    a title with an award's words ("named best director") is an award, no appointment."""
    oprd = next((c for c in children if c.dep_ == "oprd"), None)
    urged = any(c.dep_ == "prep" and c.lower_ == "for" for c in children)
    if lemma in lexicon.LABELLING and (oprd is not None or urged):
        return "statement"
    if oprd is not None and {w.lower_ for w in oprd.subtree} & lexicon.AWARD_WORDS:
        return "other"
    return None


def _resolved_words(subject_tok, agents: list) -> set[str]:
    """A pronoun subject stands for the agent it was resolved to: its name's words join the
    frame ("It has destroyed 30 homes" after "the Cedar Ridge Fire" is the fire's deed)."""
    if subject_tok is None or subject_tok.pos_ != "PRON":
        return set()
    return {w.lower() for m in agents if m.via == "pronoun" for w in m.actor.name.split()}


def of_noun(tok, lemma: str, document: bool) -> str | None:
    """The type of a noun naming a happening; a document is an agreement when joint
    ("joint statement", "communiqué"), a statement otherwise."""
    if document:
        return (
            "agreement"
            if re.search(r"joint|communiq", syntax.noun_words(tok), re.I)
            else "statement"
        )
    if _bombed(tok, {lemma}):
        return "conflict"  # "the blast" after "a car bomb exploded"
    if lemma == "charge" and _booked(tok):
        return "earnings"  # "a fourth-quarter pre-tax charge of $10 million": no accusation
    if lemma in _FINDS and _police_find(tok):
        return "legal"  # "the discovery of a rifle near the home", investigators said
    return _plea(tok) or _agreed_deal(tok, lexicon.noun_type(lemma))


#: Words that make a charge one on the books: "a pre-tax charge", "a one-time charge".
_BOOKED = frozenset(
    """pre tax pretax after-tax one-time restructuring accounting impairment non-cash noncash
    write-down writedown quarter quarterly special""".split()
)


def _booked(noun) -> bool:
    """A charge on a company's books: one its modifiers call so ("pre-tax", "fourth-quarter")
    or one of a sum ("a charge of $10 million"), no accusation ("charges of fraud")."""
    words = {w.lower_ for w in noun.lefts}
    money = any(
        c.dep_ == "prep" and c.lower_ == "of" and any(w.ent_type_ == "MONEY" for w in c.subtree)
        for c in noun.children
    )
    return bool(words & _BOOKED) or money


#: Nouns of a find: research when scientists find, evidence when police do.
_FINDS = frozenset({"discovery", "find"})


def _police_find(tok) -> bool:
    """A find the sentence (or the one before) tells of police or investigators, and of no
    researchers: evidence found, no research ("the discovery of a rifle, investigators said")."""
    nouns = _context_nouns(tok)
    return bool(nouns & lexicon.POLICE) and not nouns & lexicon.RESEARCHERS


def _agreed_deal(noun, type_: str | None) -> str | None:
    """An agreement to buy, sell or merge ("an agreement to acquire Midwest Financial") is a
    deal: the type of the deed its infinitive names when that is one; ``type_`` otherwise."""
    if type_ != "agreement":
        return type_
    for c in noun.children:
        if (
            c.dep_ in ("acl", "relcl")
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and _xcomp_type(c) == "deal"
        ):
            return "deal"
    return type_


def _plea(noun) -> str | None:
    """ "An appeal for $562m", "launched appeals": a plea, not a court's appeal (which is
    "against" a ruling, or filed, lodged, heard)."""
    if noun.lemma_.lower() != "appeal":
        return None
    preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
    launched = noun.dep_ == "dobj" and noun.head.lemma_.lower() in ("launch", "issue", "make")
    if "for" in preps or (launched and "against" not in preps):
        return "other"
    return None


#: Counts of a disaster's dead that rise: "the death toll rose to 87" after the earthquake
#: is the earthquake's (after a bombing it stays untyped).
_TOLLS = frozenset({"toll", "tally"})

#: Verbs of conversation: with someone, a meeting (in person or by phone).
_CONVERSE = frozenset({"speak", "talk", "chat", "confer", "converse"})


def _with_someone(children) -> bool:
    """A "with"/"to" phrase naming someone: a proper name or a person word."""
    for c in children:
        if c.dep_ == "prep" and c.lower_ in ("with", "to"):
            for p in c.children:
                if p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.ent_type_ in ("PERSON", "ORG")):
                    return True
    return False


def reported_research(tok, content) -> bool:
    """A finding told by its finders: "Scientists have discovered the fossil of a giant
    penguin, researchers said" is research, not a statement (what the clause tells is a
    research deed of ``lexicon.verb_type``, its doers or tellers researchers)."""
    if content is None or content.pos_ != "VERB":
        return False
    obj = next((c for c in content.children if c.dep_ == "dobj"), None)
    subject, obj_words, pobj = frame_lemmas(content, syntax.subject(content), obj)
    subject |= syntax.subject_lemmas(tok)
    return lexicon.verb_type(lexicon.verb_lemma(content), subject, obj_words, pobj) == "research"
