"""How firmly the text asserts a predicate's happening: FactBank's scale, read from the parse.

``of(tok) -> Factuality`` gives the predicate token ``tok`` a value (``certain``, ``probable``,
``possible``, ``underspecified``) and a polarity (``+``, ``-``, ``u``) from the cues on its
dependency path: its own negation, modal auxiliaries and hedging adverbs, a condition it is
under or that hangs on it ("if the talks fail, the union will strike"), a counterfactual ("had
the army attacked"), and the predicates that embed it ("believes that", "failed to", "does not
necessarily mean that"). Only ``asserted`` happenings (certain, positive) are events; whether
an asserted one is past, ongoing or planned is the caller's business (tense, "will").

The cue words are data (``service/data/factuality.json``); this module only walks the tree.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from pathlib import Path

from . import lexicon, syntax

DATA = Path(__file__).resolve().parent.parent / "data" / "factuality.json"
#: Strongest first: a path takes the weakest value any of its cues gives.
VALUES = ("certain", "probable", "possible", "underspecified")
#: Links a predicate's own factuality passes up through to the predicate that embeds it.
_EMBEDDING = frozenset({"ccomp", "xcomp", "csubj", "csubjpass"})
#: Links whose governor's conditions (and, for a conjunct with no subject of its own, its
#: modality; never its negation) a predicate shares: "if the talks fail and the union strikes".
_SHARING = frozenset({"conj", "advcl"})
#: Links that close a clause off from what governs it: relative clauses, appositions, asides.
_CLOSED = frozenset({"relcl", "acl", "appos", "parataxis"})
_ENDINGS = ("s", "es", "d", "ed", "ing")


@dataclasses.dataclass(frozen=True, slots=True)
class Factuality:
    """A FactBank-style value: ``value`` in ``VALUES``, ``polarity`` "+", "-" or "u"."""

    value: str = "certain"
    polarity: str = "+"
    cues: tuple[str, ...] = ()

    @property
    def asserted(self) -> bool:
        return self.value == "certain" and self.polarity == "+"

    def weaker(self, value: str, cue: str) -> Factuality:
        """This value lowered to ``value`` (never raised), with the cue kept."""
        lowest = max(VALUES.index(self.value), VALUES.index(value))
        polarity = "u" if VALUES[lowest] == "underspecified" else self.polarity
        return Factuality(VALUES[lowest], polarity, (*self.cues, cue))

    def negated(self, cue: str) -> Factuality:
        polarity = {"+": "-", "-": "+"}.get(self.polarity, "u")
        return Factuality(self.value, polarity, (*self.cues, cue))


@functools.cache
def cues() -> dict:
    """The cue lists, as read from the data file (lowercase words, sets for lookups)."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    governors = {
        word: kind
        for kind, words in raw["governors"].items()
        if not kind.startswith("_")
        for word in words
    }
    return {
        "modals": {k: v for k, v in raw["modals"].items() if not k.startswith("_")},
        "hedges": {k: v for k, v in raw["hedges"].items() if not k.startswith("_")},
        "negations": frozenset(raw["negations"]["words"]),
        "near_negations": frozenset(raw["near_negations"]["words"]),
        "conditionals": frozenset(raw["conditionals"]["words"]),
        "temporal": frozenset(raw["temporal"]["words"]),
        "governors": governors,
        "overruling": frozenset(raw["overruling"]["words"]),
        "noun_hedges": frozenset(raw["noun_hedges"]["possible"]),
        "noun_governors": frozenset(raw["noun_governors"]["possible"]),
        "noun_makers": frozenset(raw["noun_makers"]["words"]),
        "voicing": frozenset(raw["voiced_attitudes"]["verbs"]),
        "attitudes": frozenset(raw["voiced_attitudes"]["nouns"]),
    }


def of(tok) -> Factuality:
    """The factuality of the happening the predicate token ``tok`` names."""
    data = cues()
    fact = _own(tok, Factuality(), data, negation=True)
    if tok.pos_ in ("NOUN", "PROPN"):
        fact = _noun(tok, fact, data)
    node = tok
    for _ in range(8):
        link, head = node.dep_, node.head
        if head.i == node.i:
            fact = _fused_governor(node, fact, data)
            break
        if link in _CLOSED:
            break
        if link in _EMBEDDING:
            fact = _embedded(head, fact, data)
            fact = _own(head, fact, data, negation=False, embedding=True)
        elif link == "conj" and (_has_subject(node) or _has_aux(node)):
            break  # a clause of its own: "prices could rise, and the bank has raised rates"
        elif link == "conj":
            fact = _own(head, fact, data, negation=False)  # "could rise and fall"
        elif link == "advcl" and _temporal(node, data):
            break  # "it is believed he was there when Jackson died": the death is presupposed
        elif link in _SHARING:
            fact = _own(head, fact, data, negation=False, modals=False)  # "if ... and ..."
        else:
            break
        node = head
    return fact


def _fused_governor(root, fact: Factuality, data: dict) -> Factuality:
    """A governing verb the small model fused into the subject's name ("Prosecutors allege Dr
    Murray lied", "Officials believe Smith fled", parsed "allege" as a compound of "Murray"):
    its value still lowers the root it governs."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return fact
    for w in subject.subtree:
        if w.i < subject.i and w.dep_ in _FUSED and _verb_like(w):
            if data["governors"].get(w.lemma_.lower()) in ("possible", "probable", "negative"):
                return _embedded(w, fact, data)
    return fact


def _verb_like(w) -> bool:
    """A verb by its tag, or a lower-case word after a plural noun ("Prosecutors allege")."""
    if w.tag_ in ("VBP", "VBZ", "VBD"):
        return True
    before = w.doc[w.i - 1] if w.i > 0 else None
    return w.is_lower and before is not None and before.tag_ == "NNS"


#: Links the parser gives a governing verb it read as part of a name.
_FUSED = frozenset({"compound", "amod", "nmod"})


def own(tok) -> Factuality:
    """The value the clause of ``tok`` gives itself (its negation, modals, hedges, conditions),
    whatever embeds it: what a report says, apart from the report ("demanded that the office
    release the report" is certain on its own; "agreed that it could be" is not)."""
    return _own(tok, Factuality(), cues(), negation=True)


def expected(fact: Factuality) -> bool:
    """Whether ``fact`` is lowered only by expectation ("is expected to meet", "expects to
    release"): positive, probable, every cue a governor of expectation. Such a happening is a
    plan when the text gives its doer and its date (the caller's business)."""
    governors = cues()["governors"]
    return (
        fact.value == "probable"
        and fact.polarity == "+"
        and bool(fact.cues)
        and all(governors.get(cue) == "probable" for cue in fact.cues)
    )


def _own(tok, fact: Factuality, data: dict, negation: bool, embedding=False, modals=True):
    """The cues among ``tok``'s own dependents: negation, modals, hedges, conditions."""
    for c in tok.children:
        word = c.lower_
        if c.dep_ == "neg" and negation and not _constituent(c):
            fact = fact.negated(word)
        elif c.dep_ in ("nsubj", "nsubjpass") and negation and _no_one(c):
            fact = fact.negated("no")  # "No countries have issued travel bans"
        elif c.dep_ in ("dobj", "attr") and negation and _no_one(c):
            fact = fact.negated("no")  # "Police gave no details", "found no evidence"
        elif c.dep_ == "aux" and modals and (value := data["modals"].get(c.lemma_.lower())):
            fact = fact.weaker(value, word)
        elif c.dep_ == "advmod" and modals and (value := data["hedges"].get(word)):
            fact = fact.weaker(value, word)
        elif c.dep_ == "mark" and word in data["conditionals"] and not embedding:
            fact = fact.weaker("underspecified", word)
        elif c.dep_ == "advcl" and _condition(c, data):
            fact = fact.weaker("possible", "consequent")  # "if the talks fail, they will strike"
        elif c.dep_ == "advcl" and _counterfactual(c):
            fact = fact.weaker("possible", "counterfactual")
    if _counterfactual(tok):
        fact = fact.weaker("underspecified", "counterfactual")  # "had the army attacked"
    return fact


def nearly_denied(tok) -> bool:
    """A predicate an adverb denies as a negation would: "shares were little changed",
    "prices hardly moved" (no change to tell); not "moved a little". Detection's business:
    TimeBank marks "were little changed" positive (a change, however small)."""
    words = cues()["near_negations"]
    for c in tok.children:
        before = c.doc[c.i - 1] if c.i > 0 else None
        if c.dep_ == "advmod" and c.lower_ in words and not (before and before.lower_ == "a"):
            return True
    return False


def _no_one(subject) -> bool:
    """A subject determined by "no": "no countries", "no charges" (not "no doubt" adverbs)."""
    return any(d.dep_ == "det" and d.lower_ == "no" for d in subject.children)


def superseded(tok) -> bool:
    """A plan told as changed: "was initially scheduled to take place on Saturday", "had
    originally planned to": what was once planned, not what happens."""
    nodes = (tok, tok.head) if tok.dep_ in ("xcomp", "conj") else (tok,)
    if tok.dep_ == "xcomp" and tok.head.dep_ == "acomp":
        nodes += (tok.head.head,)  # "had been due to close": the copula's tense
    for node in nodes:
        if any(c.dep_ == "advmod" and c.lower_ in _SUPERSEDED for c in node.children):
            return True
        if (
            node is not tok
            and node.lemma_.lower() in _PLANNED_BY
            and syntax.aspect(node).perfect == "past"
        ):
            return True  # "had been due to close next week", "had planned to": no longer
    return False


_SUPERSEDED = frozenset({"initially", "originally"})
_PLANNED_BY = frozenset({"be", "plan", "schedule", "set"})


def _embedded(governor, fact: Factuality, data: dict) -> Factuality:
    """A complement's value under its governor ("believes that", "failed to")."""
    lemma, kind = _lookup(governor, data["governors"])
    negated = any(c.dep_ == "neg" for c in governor.children)
    if kind == "negative":
        fact = fact.negated(lemma)
    elif kind in ("probable", "possible"):
        fact = fact.weaker(kind, lemma)
    elif kind == "source" and _overruled(governor, data["overruling"]):
        fact = fact.weaker("possible", "overruled")  # "he said X, but the jury decided Y"
    if negated and kind != "factive":
        fact = fact.weaker("underspecified", f"not {lemma}")  # "does not mean that X will"
    return fact


def _overruled(governor, overruling: frozenset[str]) -> bool:
    """Whether the report ``governor`` is joined by "but" to a verdict with a subject of its
    own: "Dr Murray said Michael took it himself, but the jury decided that he'd given it"."""
    cc = [c for c in governor.children if c.dep_ == "cc"]
    if not any(c.lower_ == "but" for c in cc):
        return False
    return any(
        c.dep_ == "conj"
        and c.lemma_.lower() in overruling
        and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        for c in governor.children
    )


def _noun(tok, fact: Factuality, data: dict) -> Factuality:
    """An event noun's own hedges ("a possible attack", "no talks") and governing noun ("the
    threat of war", "calls for talks")."""
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in data["negations"]:
            fact = fact.negated(c.lower_)
        elif c.dep_ in ("amod", "compound") and c.lower_ in data["noun_hedges"]:
            fact = fact.weaker("possible", c.lower_)
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ in ("of", "for") and prep.dep_ == "prep":
        governor = prep.head
        if governor.pos_ == "NOUN" and governor.lemma_.lower() in data["noun_governors"]:
            fact = fact.weaker("possible", governor.lemma_.lower())
    return fact


def voiced_attitude(tok) -> bool:
    """A verb of voicing whose object is an attitude toward what has not happened: "expressed
    the hope that he would one day fly", "voiced confidence that a deal would be reached".
    Detection's business: the voicing is no happening, and what it hopes for is not told."""
    data = cues()
    if tok.lemma_.lower() not in data["voicing"]:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in data["attitudes"] for c in tok.children)


def denied(noun) -> bool:
    """A happening noun whose making is negated: "did not hold talks", "leaders did not agree
    on a joint statement". Detection's business: TimeBank marks such nouns positive."""
    maker = noun.head if noun.dep_ == "dobj" else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.dep_ == "prep":
        maker = noun.head.head
    return (
        maker is not None
        and maker.lemma_.lower() in cues()["noun_makers"]
        and any(c.dep_ == "neg" for c in maker.children)
    )


def aimed(tok) -> bool:
    """An infinitive completing a noun of aim or attempt, or what it brings about: "in an
    attempt to get him to sleep", "a bid to win the seat" (aimed at, not told as done).
    Detection's business: TimeBank marks such complements neither negated nor modal."""
    nouns = cues()["noun_governors"]
    node = tok
    while node.dep_ in ("xcomp", "ccomp") and node.head.i != node.i:
        node = node.head
    noun = node.head
    return (
        node.dep_ == "acl"
        and node.tag_ == "VB"
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() in nouns
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    )


def _lookup(tok, table: dict) -> tuple[str, str | None]:
    """``tok``'s entry in ``table`` by lemma, else by its form with an inflection stripped
    (the small model lemmatises "hopes" as "hop")."""
    lemma = tok.lemma_.lower()
    forms = (
        lemma,
        tok.lower_,
        *(tok.lower_[: -len(e)] for e in _ENDINGS if tok.lower_.endswith(e)),
    )
    for form in forms:
        if form in table:
            return form, table[form]
    return lemma, None


def _constituent(neg) -> bool:
    """ "pleaded not guilty": a "not" after its verb negates the complement that follows it,
    not the happening (a verb's own negation comes before it, or after "be" and auxiliaries)."""
    verb = neg.head
    following = verb.doc[neg.i + 1] if neg.i + 1 < len(verb.doc) else None
    return (
        neg.i > verb.i
        and verb.lemma_.lower() != "be"
        and verb.pos_ == "VERB"
        and following is not None
        and following.head.i == verb.i
        and following.dep_ in ("acomp", "oprd", "advmod", "attr", "dobj")
    )


def _has_aux(tok) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _has_subject(tok) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _temporal(clause, data: dict) -> bool:
    """A past clause of time ("when he died last month", "after the talks ended"): what it
    tells is taken as having happened, whatever is said of the clause it times."""
    return clause.tag_ == "VBD" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in data["temporal"] for c in clause.children
    )


def _condition(clause, data: dict) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in data["conditionals"] for c in clause.children)


def _counterfactual(tok) -> bool:
    """ "Had the army attacked": a clause opened by an inverted "had" (or "were", "should")."""
    first = next(iter(tok.lefts), None)
    if first is None or first.dep_ not in ("aux", "auxpass"):
        return False
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    inverted = subject is not None and first.i < subject.i
    return inverted and first.lower_ in ("had", "were", "should") and tok.dep_ == "advcl"


# --- status: past, ongoing or planned, and what is no happening at all -----------------------
def verb_status(tok, children, modal, anchor, published_at) -> str | None:
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


def state(tok, subject, children) -> bool:
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
    if lexicon.noun_type(lexicon.noun_lemma(subject)):
        return True
    return not any(
        c.dep_ in ("det", "nummod", "poss", "amod", "compound") for c in subject.children
    )


def activity(tok, children) -> bool:
    """A past or perfect progressive of an activity or condition ("was responding to
    treatment", "have been speaking about their experiences"), or a past perfect progressive
    of any verb ("he had been giving him the drug for insomnia"): the background of a past
    happening, a stretch with no time of its own. (A present one, "is liaising with", is going
    on as the article is published: told of its day.)"""
    if tok.tag_ != "VBG":
        return False
    aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
    perfect = any(c.lemma_.lower() == "have" for c in aux) and any(c.lower_ == "been" for c in aux)
    if perfect and any(c.lower_ in ("had", "'d") for c in aux):
        return True
    return (
        tok.lemma_.lower() in lexicon.ACTIVITIES
        and any(c.lemma_.lower() == "be" for c in aux)
        and (perfect or any(c.tag_ == "VBD" for c in aux))
    )


def habitual(children) -> bool:
    """An adverb of habit ("regularly"), or "in the past" with no stretch of its own (not "in
    the past two weeks"): what used to happen, not a happening."""
    return any(c.dep_ == "advmod" and c.lower_ in lexicon.HABITUAL for c in children) or any(
        c.dep_ == "prep" and c.lower_ == "in" and any(_bare_period(p) for p in c.children)
        for c in children
    )


def _bare_period(noun) -> bool:
    return (
        noun.dep_ == "pobj"
        and noun.lower_ in lexicon.HABITUAL_PERIODS
        and all(c.dep_ == "det" for c in noun.children)
    )


def noun_status(tok, anchor, published_at) -> str:
    """A noun's status: planned when dated after the publication or called "upcoming",
    "planned", "next", "proposed"; ongoing when "ongoing" or "continuing"; occurred otherwise."""
    if anchor is not None and anchor.start_date and anchor.start_date > published_at:
        return "planned"
    if any(c.lower_ in ("upcoming", "planned", "next", "proposed") for c in tok.children):
        return "planned"
    if _ongoing_noun(tok):
        return "ongoing"
    return "occurred"


def _ongoing_noun(tok) -> bool:
    head = tok.head
    return any(w.lower_ in ("ongoing", "continuing") for w in (*tok.children, head, *head.children))
