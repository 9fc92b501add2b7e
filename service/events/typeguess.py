"""A learned guess at the type of a predicate the specific tables do not know.

The rules type a predicate by its lemma first (``lexicon.VERB_TYPES``, the verb-specific rows
of ``verb_frames.json``, ``PHRASAL``): entries written for the words the development articles
use. A verb they do not list falls back to broad evidence, and that fallback is where fresh news
loses its types. This module describes such a predicate by general evidence only (its broad
verb class, the classes and entity labels of its subject, object and prepositions' nouns, the
type-telling words of its sentence, the rules' own answer) and reads a multiclass linear model
(one-vs-rest logistic, ``service/data/types.json``, written by ``scripts/learn_types.py`` from
the real-news sets' gold) that picks the type from them. No lemma identity is a feature.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Mapping
from importlib import resources

from . import lexicon, linear

#: Word classes of the data tables a noun of the frame or the sentence may belong to.
NOUN_CLASSES: dict[str, frozenset[str]] = {
    "disaster": lexicon.DISASTER_NOUNS,
    "market": lexicon.MARKET_NOUNS,
    "economy": lexicon.ECONOMY_NOUNS,
    "election": lexicon.ELECTION_NOUNS,
    "legislation": lexicon.LEGISLATION_NOUNS,
    "sanction": lexicon.SANCTION_NOUNS,
    "attack": lexicon.ATTACK_WORDS | lexicon.ATTACK_NOUNS,
    "legal": lexicon.LEGAL_NOUNS,
    "people": lexicon.PEOPLE_NOUNS,
    "research": lexicon.RESEARCHERS,
    "court": lexicon.COURTS,
    "earnings": lexicon.EARNINGS_NOUNS,
    "police": lexicon.POLICE,
    "care": lexicon.CARE_NOUNS,
    "site": lexicon.SITE_NOUNS,
    "office": lexicon.OFFICES,
    "document": lexicon.DOCUMENT_NOUNS,
    "party": lexicon.TRAVEL_PARTIES,
}

#: Broad classes of verbs (closed word lists of the data tables) a predicate may belong to.
VERB_CLASSES: dict[str, frozenset[str]] = {
    "reporting": lexicon.REPORTING | lexicon.SPEAKING,
    "judging": lexicon.JUDGING_VERBS | lexicon.LABELLING,
    "casualty": lexicon.CASUALTY | lexicon.HARMED,
    "consequence": lexicon.CONSEQUENCE,
    "harm": lexicon.HARM_MEANS,
    "outbreak": lexicon.OUTBREAK,
    "growth": lexicon.GROWTH,
    "move": lexicon.MOVES | lexicon.CLASS_MOVES,
    "trip": lexicon.TRIP_VERBS,
    "directive": lexicon.DIRECTIVES | lexicon.OBJECT_CONTROL,
    "planning": lexicon.PLANNING,
    "happening": lexicon.HAPPENING_VERBS,
    "bounded": lexicon.BOUNDED_TERMS,
    "reaction": frozenset(w for w in lexicon.REACTIONS if " " not in w),
    "light": lexicon.LIGHT,
    "occurrence": lexicon.OCCURRENCE,
}

#: Entity labels worth telling apart (others are folded into "other").
_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "MONEY", "PERCENT", "PRODUCT", "LAW", "EVENT"}
)


def specific(lemma: str) -> bool:
    """Whether a specific table has an entry for the verb ``lemma`` (its own type, a frame row
    naming it, a phrasal row, a class row that leaves it untyped, a verb list a typing rule
    reads): then the rules decide, the model stays out."""
    return lemma in _SPECIFIC


def _specific() -> frozenset[str]:
    words = set(lexicon.VERB_TYPES)
    for rule in lexicon.FRAME_RULES:
        words |= rule.verbs or set()
    for rule in lexicon.CLASS_RULES:
        if rule.type in (None, "other"):
            words |= rule.verbs or set()  # "untyped in this frame" is a decision
    words |= {phrase.split()[0] for phrase in lexicon.PHRASAL}
    ruled = (
        lexicon.TRIP_VERBS,
        lexicon.DIRECTIVES,
        lexicon.LABELLING,
        lexicon.PLANNING,
        lexicon.CONSEQUENCE,
        lexicon.MOVES,
        lexicon.LIGHT,
        lexicon.OCCURRENCE,
    )
    for verbs in ruled:
        words |= verbs
    return frozenset(words)


_SPECIFIC = _specific()


def _noun_class(word: str) -> str | None:
    return lexicon.NOUN_TYPES.get(word) or lexicon.CLASS_NOUNS.get(word)


def _describe(out: dict[str, float], role: str, tok, agents: list) -> None:
    """Features of one noun of the frame: its entity label, its table classes, the type of
    the happening it names, whether it is a pronoun, and the kind of actor it is."""
    if tok is None:
        return
    out[f"{role}:any"] = 1.0
    words = {tok.lemma_.lower(), tok.lower_}
    words |= {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    label = tok.ent_type_ if tok.ent_type_ in _LABELS else ("other" if tok.ent_type_ else "")
    if label:
        out[f"{role}:ent={label}"] = 1.0
    if tok.pos_ == "PRON":
        out[f"{role}:pronoun"] = 1.0
    for name, nouns in NOUN_CLASSES.items():
        if words & nouns:
            out[f"{role}:in={name}"] = 1.0
    for word in sorted(words):
        named = _noun_class(word)
        if named:
            out[f"{role}:type={named}"] = 1.0
    last = tok.right_edge
    span = range(tok.left_edge.idx, last.idx + len(last))
    for m in agents:
        if m.start in span:
            out[f"{role}:actor={m.actor.kind}"] = 1.0
            if m.actor.subkind:
                out[f"{role}:actor={m.actor.kind}/{m.actor.subkind}"] = 1.0


def features(tok, subject_tok, obj_tok, agents: list, rule_type: str) -> dict[str, float]:
    """The general evidence on the type of the verb predicate ``tok`` (no lemma identity)."""
    lemma = lexicon.verb_lemma(tok)
    out: dict[str, float] = {f"rule={rule_type}": 1.0}
    broad = lexicon.CLASS_VERBS.get(lemma)
    if broad:
        out[f"class={broad}"] = 1.0
    for name, verbs in VERB_CLASSES.items():
        if lemma in verbs:
            out[f"verb:{name}"] = 1.0
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
        out["passive"] = 1.0
    _describe(out, "subj", subject_tok, agents)
    _describe(out, "obj", obj_tok, agents)
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent"):
            out[f"prep={c.lower_}"] = 1.0
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"):
                    _describe(out, "pobj", p, agents)
        elif c.dep_ == "prt":
            out[f"prt={c.lower_}"] = 1.0
        elif c.dep_ in ("ccomp", "xcomp"):
            out[f"comp={c.dep_}"] = 1.0
    for w in tok.sent:
        if w.i == tok.i:
            continue
        if w.pos_ in ("NOUN", "PROPN"):
            named = _noun_class(w.lemma_.lower()) or _noun_class(w.lower_)
            if named:
                out[f"sent:type={named}"] = 1.0
            for name, nouns in NOUN_CLASSES.items():
                if w.lemma_.lower() in nouns or w.lower_ in nouns:
                    out[f"sent:in={name}"] = 1.0
        if w.ent_type_ in ("MONEY", "PERCENT"):
            out[f"sent:ent={w.ent_type_}"] = 1.0
    out.update(_article_topic(tok.doc))
    return out


#: The last article's topic (its doc and its features): one article is typed at a time.
_LAST_TOPIC: list = [None, {}]


def _article_topic(doc) -> dict[str, float]:
    """The share of each type among the nouns of the article that name a happening ("trial",
    "earthquake", "profit"): an article's events mostly share its topic."""
    if _LAST_TOPIC[0] is not doc:
        _LAST_TOPIC[:] = [doc, _topic(doc)]
    return _LAST_TOPIC[1]


def _topic(doc) -> dict[str, float]:
    counts: dict[str, int] = {}
    for w in doc:
        if w.pos_ in ("NOUN", "PROPN"):
            named = _noun_class(w.lemma_.lower()) or _noun_class(w.lower_)
            if named:
                counts[named] = counts.get(named, 0) + 1
    total = sum(counts.values())
    if not total:
        return {}
    top = max(sorted(counts), key=counts.__getitem__)
    return {f"doc:type={t}": n / total for t, n in counts.items()} | {f"doc:top={top}": 1.0}


@dataclasses.dataclass(frozen=True)
class Multiclass:
    """One-vs-rest logistic models, one per type; the guess is the most probable type, taken
    over the rules' answer only when its probability reaches ``threshold``."""

    classes: tuple[str, ...]
    weights: Mapping[str, Mapping[str, float]]
    bias: Mapping[str, float]
    threshold: float

    @functools.cached_property
    def models(self) -> dict[str, linear.Linear]:
        """Each type's model, read as ``linear`` reads one."""
        return {
            c: linear.Linear(c, self.weights.get(c, {}), self.bias[c], self.threshold)
            for c in self.classes
        }

    def probabilities(self, feats: Mapping[str, float]) -> dict[str, float]:
        return {c: m.probability(feats) for c, m in self.models.items()}

    def guess(self, feats: Mapping[str, float]) -> tuple[str, float]:
        probs = self.probabilities(feats)
        best = max(self.classes, key=lambda c: (probs[c], c))
        return best, probs[best]


def from_json(raw: Mapping) -> Multiclass:
    return Multiclass(
        classes=tuple(raw["classes"]),
        weights={c: dict(raw["weights"].get(c, {})) for c in raw["classes"]},
        bias={c: float(raw["bias"][c]) for c in raw["classes"]},
        threshold=float(raw["threshold"]),
    )


def to_json(model: Multiclass, **about) -> str:
    """The model file: weights sorted and rounded so a retrain that changes nothing changes no
    line; ``about`` (training sets, figures) is kept beside them."""
    body = {
        "name": "types",
        "about": about,
        "threshold": round(model.threshold, 6),
        "classes": list(model.classes),
        "bias": {c: round(model.bias[c], 6) for c in model.classes},
        "weights": {
            c: {k: round(v, 6) for k, v in sorted(model.weights[c].items()) if round(v, 6)}
            for c in model.classes
        },
    }
    return json.dumps(body, indent=1, ensure_ascii=False) + "\n"


@functools.cache
def model() -> Multiclass | None:
    """The model ``service/data/types.json``, or None when there is none."""
    path = resources.files("service.data").joinpath("types.json")
    if not path.is_file():
        return None
    return from_json(json.loads(path.read_text(encoding="utf-8")))


def refine(tok, subject_tok, obj_tok, agents: list, rule_type: str) -> str:
    """The type of a verb predicate no specific table knows: the model's guess when it is
    confident enough, else the rules' answer ``rule_type``."""
    found = model()
    if found is None or specific(lexicon.verb_lemma(tok)):
        return rule_type
    guess, probability = found.guess(features(tok, subject_tok, obj_tok, agents, rule_type))
    return guess if probability >= found.threshold else rule_type
