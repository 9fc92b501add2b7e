"""Syntax helpers on the dependency parse that every stage reads: a predicate's subject, the
words of its phrase, the teller of a report; no event knowledge here."""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import TYPE_CHECKING

from . import lexicon

if TYPE_CHECKING:  # the parse's token type; spaCy is loaded by nlp.py only
    from spacy.tokens import Token

#: Dependencies that open a clause of its own: its words are not the predicate's participants.
CLAUSAL = frozenset({"relcl", "ccomp", "advcl", "acl", "xcomp", "csubj", "parataxis", "conj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def subject(tok) -> Token | None:
    """The subject of the predicate ``tok``; a conjunct, an infinitive and a relative clause
    take their governor's."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return _happening(tok, _antecedent(tok.head))  # "the doctor who performed"
            return _named_after(c) or c
    if (stray := stray_subject(tok)) is not None:
        return stray  # "X resigned and its chairman, Y, is stepping in": the chairman steps in
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        return subject(tok.head)  # "arrived ... and held talks": the first verb's subject
    if tok.dep_ == "xcomp" and tok.head.dep_ == "acomp" and tok.head.lower_ in lexicon.FIRM:
        return subject(tok.head.head)  # "Talks are due to resume": the talks resume
    if tok.dep_ == "xcomp" and (ordered := controller(tok)) is not None:
        return ordered  # "ordered Smith to stand trial": Smith stands trial
    if tok.dep_ == "xcomp":
        return subject(tok.head)  # "agreed to buy": the agreeing party buys
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.head.pos_ in ("VERB", "AUX"):
        return subject(tok.head.head)  # "Before retiring in 1984, Lowe taught": Lowe retired
    if fronted_participle(tok):
        return subject(tok.head)  # "Born in Leeds in 1931, Lowe trained": Lowe was born
    if described_participle(tok):
        noun = tok.head  # "The outbreak, first reported in April, ...": the outbreak
        owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        if owner is not None and lexicon.noun_type(lexicon.noun_lemma(owner)):
            return owner  # "a study of 78,000 adults published on Wednesday": the study
        return noun
    if tok.dep_ == "acl" and tok.tag_ == "VB" and copula_subject(tok.head) is not None:
        return copula_subject(tok.head)  # "Iran was among the members to join"
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        return _antecedent(tok.head) if not passive else None
    return split_name(tok)


def object_purpose(tok) -> bool:
    """A to-infinitive on a verb's object noun, which the verb's subject is to carry out:
    "reached a deal to buy Kessler", "unveiled a plan to cut 2,000 jobs" (not a noun's own
    infinitive told of it elsewhere, nor another's answered: "rejected an offer to end")."""
    noun = tok.head
    return (
        tok.dep_ in ("acl", "relcl")
        and tok.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and noun.lower_ in lexicon.PURPOSE_NOUNS
        and noun.head.lemma_.lower() in lexicon.PURPOSE_VERBS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and not any(c.dep_ in ("dative", "iobj") for c in noun.head.children)
    )  # "gave him permission to leave": he leaves


#: How the words of a name split by the parse hang together ("First" -> "of" -> "Corp.").
_NAME_LINKS = frozenset({"prep", "pobj", "compound"})
#: How a split name's first word hangs on the verb ("First" read as an adverb).
_SPLIT = frozenset({"advmod", "npadvmod", "dep", "nmod", "prep", "intj"})


def _name_words(tok) -> list[Token]:
    words = [tok]
    for c in tok.children:
        if c.dep_ in _NAME_LINKS:
            words += _name_words(c)
    return words


def split_name(tok) -> Token | None:
    """A finite verb the parse left without a subject because it split the name that opens its
    clause ("First of America Bank Corp. said", "First of America announced": "First" read as
    an adverb, the rest as its object): that name's first word, when the name's words are
    capitalised (and "of") and run up to the verb."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for c in tok.lefts:
        if c.dep_ not in _SPLIT:
            continue
        words = sorted(_name_words(c), key=lambda w: w.i)
        first, last = words[0], words[-1]
        if [w.i for w in words] != list(range(first.i, last.i + 1)):
            return None
        opens = first.i == tok.sent.start or tok.doc[first.i - 1].dep_ in ("punct", "cc")
        capitals = [w for w in words if w.is_title or w.is_upper]
        named = all(w in capitals or w.lower_ in ("of", "&") for w in words)
        between = tok.doc[last.i + 1 : tok.i]
        clean = all(
            w.dep_ in ("punct", "relcl") or w.head.i < tok.i and w.head.i > last.i or w.head == c
            for w in between
        )
        if opens and named and len(capitals) >= 2 and last in capitals and clean:
            return c
        return None
    return None


def controller(xcomp) -> Token | None:
    """The object that does what an infinitive tells after a verb of ordering or permitting
    ("ordered Smith to stand trial", "allowed the ship to dock"), ``lexicon.OBJECT_CONTROL``;
    None for other verbs ("agreed to buy", "used the money to buy")."""
    head = xcomp.head
    if head.lemma_.lower() not in lexicon.OBJECT_CONTROL:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < xcomp.i), None)


#: What may stand between a second clause's subject and its verb: "is", "has been", "also".
_BEFORE_VERB = frozenset({"aux", "auxpass", "neg", "advmod", "punct"})


def stray_subject(tok) -> Token | None:
    """The subject of a second clause the parse hung on the first verb as a conjunct noun
    ("Smith resigned and its chairman, Jones, is stepping in": "chairman" read as the
    verb's conjunct, "stepping" left without a subject of its own; "quit on Monday and his
    assistant, Jones, has taken charge": hung on "Monday"): that noun, when it opens a phrase
    of its own and only auxiliaries and adverbs stand between it and the verb."""
    head = tok.head
    if tok.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or tok.i < head.i:
        return None
    if tok.tag_ not in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") and c.i < tok.i for c in tok.children
    ):
        return None  # "arrived and held talks" is finite too, but has no noun between
    for noun in tok.doc[head.i + 1 : tok.i]:
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.head.i < head.i:
            continue
        if not any(d.dep_ in ("det", "poss") for d in noun.children):
            continue  # "its chairman", "the board": a new phrase opens, not a list goes on
        between = range(noun.right_edge.i + 1, tok.i)
        if all(tok.doc[i].head.i == tok.i and tok.doc[i].dep_ in _BEFORE_VERB for i in between):
            return _named_after(noun) or noun
    return None


def name_after(noun) -> Token | None:
    """The proper name that starts right after ``noun``, as its head word ("watchdog BaFin",
    "regulator Federal Trade Commission": Commission); None when no name follows."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].pos_ != "PROPN":
        return None
    name = doc[noun.i + 1]
    while name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head
    return name


def _named_after(noun) -> Token | None:
    """The name the parse split from the common noun it follows as a second subject
    ("Germany's financial watchdog BaFin fined": BaFin, the one who fined)."""
    name = name_after(noun) if noun.pos_ == "NOUN" else None
    if name is None:
        return None
    return name if name.head.i == noun.head.i and name.dep_ == noun.dep_ else None


def fronted_participle(tok) -> bool:
    """A participle clause before its governing verb, with no subject or marker of its own:
    "Born in Leeds, Lowe ...", "Elected in 2010, she ..." (not "While ...", "After ...")."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ in ("VBN", "VBG")
        and tok.i < tok.head.i
        and tok.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("mark", "advmod", "aux", "auxpass") for c in tok.children)
    )


def described_participle(tok) -> bool:
    """A past participle describing a noun it has no other subject for: "the outbreak, first
    reported in April", "an affidavit made public in August" (the noun undergoes it)."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.i > tok.head.i
        and tok.head.pos_ in ("NOUN", "PROPN")
        and tok.lemma_.lower() not in lexicon.STATIVE  # "people known to have", "aged 89"
        and tok.head.lemma_.lower() not in lexicon.PERIODS  # "the quarter ended Sept. 30"
        and not any(c.dep_ in (*SUBJECTS, "mark", "aux", "auxpass") for c in tok.children)
    )


def _antecedent(head) -> Token:
    """What a relative clause is about: its head, or past a date the parser took for it
    ("sold its stake to Rosneft on Monday, which bought ...": Rosneft, not Monday)."""
    if head.ent_type_ not in ("DATE", "TIME") or head.dep_ != "pobj":
        return head
    before = [w for w in head.doc[head.sent.start : head.head.i] if w.pos_ in ("NOUN", "PROPN")]
    if not before:
        return head
    word = before[-1]
    while word.dep_ in ("compound", "flat") and word.head.i > word.i:
        word = word.head
    return word


def _happening(verb, noun) -> Token:
    """ "Talks between the sides, which broke down": the parse hangs the clause on the nearest
    noun, but a clause with no object whose verb is told of happenings ("began", "collapsed"),
    on a thing inside a happening's phrase, is told of the happening (the talks broke down,
    not the sides; but "the deaths of residents who died": the residents)."""
    prep = noun.head
    lemma = verb.lemma_.lower()
    if (
        lemma not in lexicon.OCCURRENCE | lexicon.HAPPENING_VERBS
        or noun.dep_ != "pobj"
        or prep.dep_ != "prep"
        or prep.head.pos_ != "NOUN"
        or any(c.dep_ in ("dobj", "attr", "acomp", "auxpass") for c in verb.children)
        or lexicon.noun_type(lexicon.noun_lemma(noun))
        or not lexicon.noun_type(lexicon.noun_lemma(prep.head))
    ):
        return noun
    return prep.head


def copula_subject(tok) -> Token | None:
    """The subject of "was on a visit", "has been ongoing": the noun's participant."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.lemma_ == "be" and tok.dep_ in ("pobj", "attr"):
        return next((c for c in head.children if c.dep_ == "nsubj" and c.i != tok.i), None)
    return None


def phrase_tokens(tok) -> list[Token]:
    """The words of ``tok``'s phrase: its subtree without clauses of their own."""
    out = [tok]
    for child in tok.children:
        verbal = child.pos_ in ("VERB", "AUX")
        if child.dep_ == "punct" or (child.dep_ in CLAUSAL and (child.dep_ != "conj" or verbal)):
            continue
        out.extend(phrase_tokens(child))
    return out


def teller_of(pronoun) -> Token | None:
    """The subject of the report whose clause a pronoun opens ("X said it would ...")."""
    subject = reporter(pronoun)
    if subject is None or subject.pos_ == "PRON":
        return None
    return _named_after(subject) or subject


def reporter(pronoun) -> Token | None:
    """The subject of the report whose clause a pronoun opens, a pronoun too ("She said she
    gave them false information")."""
    clause = pronoun.head
    if clause.dep_ == "conj" and clause.head.dep_ == "ccomp":
        clause = clause.head  # "X acknowledged she told police ... and that she prayed"
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return None
    subject = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None else split_name(clause.head)


def in_subject(tok) -> bool:
    """The subject, or a name inside it ("Ford Motor Co shares fell": Ford Motor Co)."""
    if tok.dep_ in SUBJECTS:
        return True
    return tok.dep_ in ("compound", "poss") and tok.head.dep_ in SUBJECTS


def noun_words(tok) -> str:
    """The noun with its compound and adjective modifiers: "joint communiqué", "state visit"."""
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.i >= tok.i - 2]
    start = min([tok.i, *(c.i for c in mods)])
    return tok.doc[start : tok.i + 1].text


def subject_lemmas(tok) -> set[str]:
    found = subject(tok)
    return {found.lemma_.lower(), found.lower_} if found is not None else set()


@functools.lru_cache(maxsize=8)
def quoted_chars(text: str) -> frozenset[int]:
    """Offsets inside direct quotations ("..." and “...”) of more than three words (cached:
    detection and the keep decision both read them for the article being read)."""
    inside: set[int] = set()
    for m in re.finditer(r"“[^”]{0,600}”|\"[^\"\n]{0,600}\"", text):
        if len(m.group().split()) > 3:
            inside.update(range(m.start(), m.end()))
    return frozenset(inside)


#: Nouns of a time a clause names ("the last time they met", "the first occasion it rose").
_TIMES = frozenset({"time", "occasion"})
#: Words that make "time" one occasion among others ("the last time", "the first time").
_ONCE = frozenset({"last", "first", "only", "previous", "next"})


def time_told(be) -> Token | None:
    """The verb of "the last time X did Y" when a copula gives that time its date: "The last
    time the leaders met was in 2019" (the relative clause of "time", the copula's subject or
    adverbial), or as the parse often reads it, "time" the verb's adverbial and the copula
    its clause ("The last time Dr Murray administered the drug was on 25 June")."""
    for time in (c for c in be.children if c.dep_ in ("nsubj", "npadvmod") and c.i < be.i):
        if time.lemma_.lower() in _TIMES:  # "the last time the doctor gave her the drug was"
            return next((c for c in time.children if c.dep_ == "relcl" and c.pos_ == "VERB"), None)
    verb = be.head
    if be.dep_ not in ("advcl", "ccomp", "conj") or verb.pos_ != "VERB" or verb.i > be.i:
        return None
    if any(c.dep_ == "npadvmod" and c.lemma_.lower() in _TIMES and c.i < verb.i
           for c in verb.children):  # fmt: skip
        return verb
    return None


def names_a_time(verb) -> bool:
    """Whether a verb tells "the last time X did Y" (``time_told``): a look back or a
    comparison, not the story's own time."""
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in _TIMES:
        return True
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in _TIMES and c.i < verb.i
        and any(a.lower_ in _ONCE for a in c.children)
        for c in verb.children
    )  # fmt: skip


def relation_preps(tok) -> list[Token]:
    """The prepositions of a predicate that may relate it to another happening: its own ("filed
    after the ruling") and those of a measure phrase it has ("filed a week after the ruling",
    which the parse may hang on "week")."""
    preps = [c for c in tok.children if c.dep_ == "prep"]
    for mod in (c for c in tok.children if c.dep_ == "npadvmod"):
        preps.extend(p for p in mod.children if p.dep_ == "prep")
    return preps


def auxiliaries(tok) -> frozenset[str]:
    """A verb's auxiliaries, lower case; coordinated with none and no subject of its own, its
    partner's ("has burned 20,000 acres and destroyed 140 homes" is a perfect twice, whatever
    the tag); a bare past participle with a subject of its own, which is no clause alone, those
    of the last verb before it in its sentence that has some ("200,000 people have been killed,
    250,000 injured": the auxiliaries left out, not a simple past)."""
    start = tok
    while True:
        aux = _own_auxiliaries(tok)
        if aux:
            return aux
        own = any(c.dep_ in SUBJECTS for c in tok.children)
        if tok.dep_ == "conj" and not own:
            tok = tok.head
            continue
        if tok is start and own and tok.tag_ == "VBN":
            return _left_out(tok)
        return aux


def _own_auxiliaries(tok) -> frozenset[str]:
    return frozenset(c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass"))


def _left_out(participle) -> frozenset[str]:
    """The auxiliaries of the last verb before ``participle`` in its sentence that has some."""
    for tok in reversed(participle.doc[participle.sent.start : participle.i]):
        aux = _own_auxiliaries(tok)
        if aux and tok.pos_ in ("VERB", "AUX"):
            return aux
    return frozenset()


#: The auxiliaries of the perfect, with the tense they give it ("'d": "he'd left").
_HAVE = {"has": "present", "have": "present", "'ve": "present", "had": "past", "'d": "past"}
_FUTURE = frozenset({"will", "would", "shall", "'ll"})
_PRESENT = frozenset({"is", "are", "am", "'s", "'re", "'m"})


@dataclasses.dataclass(frozen=True, slots=True)
class Aspect:
    """A verb's tense and aspect as its auxiliaries and tag tell them (``aspect``)."""

    auxiliaries: frozenset[str]
    tense: str | None  # "past", "present", "future" ("will", "would"); None when not told
    perfect: str | None  # "present" ("has met"), "past" ("had met"); None: no perfect
    participle: bool  # a past participle ("met", or "met" mis-tagged as a past tense)

    @property
    def simple_past(self) -> bool:
        """ "met", "was arrested", "were fighting": told in the past, not before it."""
        return self.tense == "past" and self.perfect is None

    @property
    def pluperfect(self) -> bool:
        """ "had criticised", "had been arrested": done before a past time told."""
        return self.perfect == "past" and self.participle


def aspect(tok) -> Aspect:
    """The tense and aspect of the verb ``tok`` from the parse: "has been killed" is a present
    perfect, "had criticised" a past perfect, "was arrested" and "met" a simple past, "will
    meet" and "would meet" future, "has met" and "is meeting" present."""
    aux = auxiliaries(tok)
    perfect = next((_HAVE[a] for a in sorted(aux) if a in _HAVE), None)
    if aux & _FUTURE:
        tense = "future"
    elif aux & _PRESENT or perfect == "present":
        tense = "present"
    elif perfect == "past" or tok.tag_ == "VBD":
        tense = "past"
    elif tok.tag_ in ("VBN", "VBG") and aux & {"was", "were"}:
        tense = "past"
    else:
        tense = None
    return Aspect(aux, tense, perfect, tok.tag_ in ("VBN", "VBD"))
