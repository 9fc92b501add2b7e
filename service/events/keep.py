"""Whether an extracted event is kept: a learned keep/drop decision (issue 26, precision).

``features`` describes one event (a merged group of mentions, dated) by what the pipeline
already knows of it: how it is told (verb or noun, tense, voice, factuality cues, inside a
quote or under "said"), how it is dated (basis and precision), where it is told (first
sentence, relative position), how often, and who takes part. ``keeps`` asks the linear model
``service/data/keep.json`` (written by ``scripts/learn_keep.py`` from the real-news training
sets' gold) whether the event is a real, listed happening. No lemma identity: the features are
word classes and syntax, so the decision carries to news the model has not seen.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping

from . import factuality, lexicon, linear, syntax
from .merge import Group
from .model import Event
from .types import TYPES

#: The model read from ``service/data/keep.json``.
MODEL = "keep"
#: Candidate kinds, trigger parts of speech, statuses, date bases and precisions: one flag each.
KINDS = ("event", "reference", "report")
STATUSES = ("occurred", "planned", "ongoing")
BASES = ("expression", "narrative", "publication", "relation", "duration")
PRECISIONS = ("day", "month", "year")
TENSES = ("past", "present", "future")
FACT_VALUES = ("probable", "possible", "underspecified")
ACTOR_KINDS = ("person", "organisation", "country", "place")
#: How an actor was found that names it ("Acme", "Smith") rather than tells of it ("he").
NAMED_VIA = frozenset({"name", "org", "person", "surname", "capital", "adjective"})
#: Dependencies that embed a clause under a verb of saying ("said the talks had failed").
_SAID_LINKS = frozenset({"ccomp", "xcomp", "parataxis"})
#: Words opening a subordinate clause that tells a circumstance of another happening.
MARKS = ("when", "while", "as", "after", "before", "since", "because", "if", "until")


@dataclasses.dataclass(frozen=True)
class Article:
    """What ``features`` reads of the whole article."""

    sentences: int  # how many
    quoted: frozenset[int]  # characters inside quotation marks
    counts: Mapping[str, int]  # actor key -> mentions (``Entities.counts``)
    triggers: frozenset[int]  # token indexes of every candidate's predicate
    told: Mapping[int, int]  # sentence start -> events first told in it

    @classmethod
    def read(
        cls,
        text: str,
        groups: list[Group],
        candidates: list,
        counts: Mapping[str, int],
        sentences: int,
    ) -> Article:
        """The article's part of the features, from its text, groups and candidates."""
        told: dict[int, int] = {}
        for group in groups:
            first = min(group.members, key=lambda c: c.index).sentence.start
            told[first] = told.get(first, 0) + 1
        triggers = frozenset(c.token for c in candidates if c.token >= 0)
        return cls(sentences, syntax.quoted_chars(text), counts, triggers, told)


def described(groups: list[Group], events: list[Event], doc, article: Article) -> list[dict]:
    """Each event's features (``features``, then ``in_article``)."""
    out = [features(g, e, doc, article) for g, e in zip(groups, events, strict=True)]
    in_article(out)
    return out


def features(group: Group, event: Event, doc, article: Article) -> dict[str, float]:
    """The event's features (flags are 1.0; counts are squashed with ``log1p``).

    :param group: the event's mentions, dated; ``event``: the event built from them.
    """
    head = group.head
    tok = doc[head.token] if head.token >= 0 else None
    sentences, quoted = article.sentences, article.quoted
    out: dict[str, float] = {}
    out[f"kind:{_one_of(head.kind, KINDS)}"] = 1.0
    out["verb"] = float(head.trigger.pos == "verb")
    out[f"status:{_one_of(event.status, STATUSES)}"] = 1.0
    out[f"basis:{_one_of(event.date.basis, BASES)}"] = 1.0
    out[f"precision:{_one_of(event.date.precision, PRECISIONS)}"] = 1.0
    out["approximate"] = float(event.date.approximate)
    out[f"type:{_one_of(event.type, TYPES)}"] = 1.0
    out.update(_told(group, sentences))
    out.update(_who(group, event))
    out["quoted"] = float(head.trigger.start in quoted)
    out["promised"] = float(any(c.promised for c in group.members))
    out["of_noun"] = float(head.of_noun)
    out["inherited"] = float(head.inherited)
    out["reported"] = float(head.reported is not None)
    out["duration"] = float(any(c.duration is not None for c in group.members))
    out["document"] = float(head.doc)
    out["title_words"] = math.log1p(len(event.title.split()))
    out["salience"] = event.salience
    top = max(article.counts.values(), default=1)
    known = [article.counts.get(a.key, 0) / top for a in event.actors if a.kind != "place"]
    out["prominence"] = max(known, default=0.0)
    first = min(group.members, key=lambda c: c.index)
    out["crowded"] = math.log1p(article.told.get(first.sentence.start, 1) - 1)
    if tok is not None:
        out.update(_syntax(tok, head.trigger.pos == "verb"))
        out["under_event"] = float(_under_event(tok, article.triggers))
    return {k: v for k, v in out.items() if v}


#: The features that are not one of a family ("kind:event", "type:deal", ...).
_SINGLE = """verb approximate quoted promised of_noun inherited reported duration document
    title_words salience prominence crowded under_event first_sentence lead relative_position
    mentions sentences_told verb_mentions all_reports has_event_member actors no_actors agent
    object named_actor only_pronoun_actors place negated perfect pluperfect passive modal
    class_only gerund infinitive no_subject pronoun_subject common_subject definite plural_noun
    noun_object noun_subject subordinate under_said rank events""".split()
#: Families of flags: prefix -> the values ``features`` can give (``other``: any other).
_FAMILIES = {
    "kind": (*KINDS, "other"),
    "status": (*STATUSES, "other"),
    "basis": (*BASES, "other"),
    "precision": (*PRECISIONS, "other"),
    "type": (*TYPES, "other"),
    "actor": ACTOR_KINDS,
    "fact": FACT_VALUES,
    "tense": (*TENSES, "none"),
    "dep": ("root", "complement", "modifier", "conj", "other"),
    "mark": MARKS,
}


def names() -> frozenset[str]:
    """Every feature name ``features`` and ``in_article`` can give (a model's weights must be
    among them: a weight for a name no longer given is stale)."""
    family = {f"{prefix}:{v}" for prefix, values in _FAMILIES.items() for v in values}
    return frozenset(_SINGLE) | family


def in_article(described: list[dict[str, float]]) -> None:
    """Features of an event among the article's others, added in place: its salience rank
    (0 the most salient, 1 the least) and how many events the article tells."""
    n = len(described)
    order = sorted(range(n), key=lambda i: (-described[i].get("salience", 0.0), i))
    for rank, i in enumerate(order):
        described[i]["rank"] = rank / max(1, n - 1)
        described[i]["events"] = math.log1p(n)
        described[i] = {k: v for k, v in described[i].items() if v}


def _under_event(tok, triggers: frozenset[int]) -> bool:
    """The predicate is told inside another candidate's clause (its governors up to the
    clause's root include another predicate)."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i in triggers:
            return True
    return False


def _one_of(value: str, known: tuple[str, ...]) -> str:
    return value if value in known else "other"


def _told(group: Group, sentences: int) -> dict[str, float]:
    """Where and how often the event is told."""
    first = min(c.position for c in group.members)
    told = {c.sentence.start for c in group.members}
    kinds = {c.kind for c in group.members}
    return {
        "first_sentence": float(first == 0),
        "lead": float(first <= 2),
        "relative_position": first / sentences,
        "mentions": math.log1p(len(group.members) - 1),
        "sentences_told": math.log1p(len(told) - 1),
        "verb_mentions": float(any(c.trigger.pos == "verb" for c in group.members)),
        "all_reports": float(kinds == {"report"}),
        "has_event_member": float("event" in kinds),
    }


def _who(group: Group, event: Event) -> dict[str, float]:
    """Who takes part: how many, of which kinds, named or only told of."""
    head = group.head
    out = {f"actor:{a.kind}": 1.0 for a in event.actors if a.kind in ACTOR_KINDS}
    out["actors"] = math.log1p(len(event.actors))
    out["no_actors"] = float(not event.actors)
    out["agent"] = float(bool(head.agents))
    out["object"] = float(bool(head.targets) or bool(head.phrase.obj))
    vias = {m.via for c in group.members for m in c.actors}
    out["named_actor"] = float(bool(vias & NAMED_VIA))
    out["only_pronoun_actors"] = float(bool(vias) and vias <= {"pronoun", "group", "description"})
    out["place"] = float(bool(head.phrase.place))
    return out


def _syntax(tok, verb: bool) -> dict[str, float]:
    """Tense, voice, factuality and embedding of the head's predicate."""
    out: dict[str, float] = {}
    fact = factuality.of(tok)
    if fact.value != "certain":
        out[f"fact:{fact.value}"] = 1.0
    out["negated"] = float(fact.polarity == "-")
    if verb:
        told = syntax.aspect(tok)
        out[f"tense:{told.tense or 'none'}"] = 1.0
        out["perfect"] = float(told.perfect is not None)
        out["pluperfect"] = float(told.pluperfect)
        out["passive"] = float(any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children))
        out["modal"] = float(any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children))
        out["class_only"] = float(lexicon.class_only(lexicon.verb_lemma(tok)))
        out["gerund"] = float(tok.tag_ == "VBG")
        out["infinitive"] = float(tok.tag_ == "VB")
        subject = syntax.subject(tok)
        out["no_subject"] = float(subject is None)
        if subject is not None:
            out["pronoun_subject"] = float(subject.pos_ == "PRON")
            out["common_subject"] = float(subject.pos_ == "NOUN" and not subject.ent_type_)
    else:
        out["definite"] = float(any(c.lower_ == "the" for c in tok.children))
        out["plural_noun"] = float(tok.tag_ in ("NNS", "NNPS"))
        out["noun_object"] = float(tok.dep_ in ("dobj", "pobj"))
        out["noun_subject"] = float(tok.dep_ in ("nsubj", "nsubjpass"))
    out[f"dep:{_dep(tok)}"] = 1.0
    mark = _mark(tok)
    if mark is not None:
        out[f"mark:{mark}"] = 1.0
    out["subordinate"] = float(mark is not None)
    out["under_said"] = float(_under_said(tok))
    return out


def _dep(tok) -> str:
    """The head's link to its governor, in a few classes."""
    if tok.dep_ == "ROOT":
        return "root"
    if tok.dep_ in ("ccomp", "xcomp", "csubj"):
        return "complement"
    if tok.dep_ in ("advcl", "relcl", "acl"):
        return "modifier"
    if tok.dep_ == "conj":
        return "conj"
    return "other"


def _mark(tok) -> str | None:
    """The word opening the predicate's subordinate clause ("when he arrived"), if any."""
    for c in tok.children:
        if c.dep_ in ("mark", "advmod") and c.i < tok.i and c.lower_ in MARKS:
            return c.lower_ if c.dep_ == "mark" or tok.dep_ == "advcl" else None
    return None


def _under_said(tok) -> bool:
    """The predicate is the content of a verb of saying ("officials said the talks failed")."""
    node = tok
    for _ in range(4):
        if node.dep_ == "conj":
            node = node.head
            continue
        if node.dep_ not in _SAID_LINKS or node.head.i == node.i:
            return False
        if lexicon.verb_lemma(node.head) in lexicon.SPEAKING:
            return True
        node = node.head
    return False


def keeps(features: Mapping[str, float]) -> bool:
    """Whether the model keeps an event with these features."""
    return linear.load(MODEL).says_yes(features)
