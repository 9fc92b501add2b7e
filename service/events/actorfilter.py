"""Which of an event's actors take part: a learned filter over the actors the rules attach.

The rules in ``participants`` attach every name a predicate's roles hold; some of those are
where the deed was done, a name deeper in a phrase, or the teller of another clause. The model
``service/data/actors.json`` (``scripts/learn_actors.py``, learned from the real-news
development sets' gold) scores each attached actor from general cues: its kind, how it was
found (name, adjective, capital, pronoun...), the role it came from, how far from the trigger,
how often the article names it. An actor it is sure is no participant is dropped; the only
named agent of an event is kept unless it is very sure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from . import linear
from .actors import ActorMention
from .entities import not_names
from .model import Actor

MODEL = "actors"
#: Below this probability even an event's only named agent goes.
SURE = 0.1
_KINDS = ("country", "organisation", "person", "place", "office")
_VIAS = ("name", "adjective", "capital", "org", "person", "surname", "pronoun", "group")
_PLACE_EVENTS = frozenset({"disaster", "conflict", "protest"})
_DOERS = frozenset({"country", "organisation", "person"})


def _mention(group, key: str) -> tuple[object | None, ActorMention | None]:
    """The first member (the head first) holding ``key``, and its mention."""
    for c in [group.head, *(m for m in group.members if m is not group.head)]:
        for m in c.actors:
            if m.actor.key == key:
                return c, m
    return None, None


def _dep_distance(doc, a: int, b: int) -> int:
    """Edges between two tokens in the parse (their paths to the root)."""
    if doc is None or a < 0 or b < 0:
        return 8
    up = {}
    tok, n = doc[a], 0
    while True:
        up[tok.i] = n
        if tok.head.i == tok.i or n > 30:
            break
        tok, n = tok.head, n + 1
    tok, n = doc[b], 0
    while tok.i not in up and tok.head.i != tok.i and n < 30:
        tok, n = tok.head, n + 1
    return min(8, n + up.get(tok.i, 8))


def _in_title(actor: Actor, title: str) -> bool:
    """Whether the headline names the actor (its name, an alias or a surname)."""
    words = set(re.findall(r"[\w'-]+", title.lower()))
    for name in (actor.name, *actor.aliases):
        parts = re.findall(r"[\w'-]+", name.lower())
        if parts and (set(parts) <= words or (len(parts) > 1 and parts[-1] in words)):
            return True
    return False


def features(
    group,
    actor: Actor,
    counts: dict[str, int],
    doc=None,
    befallen: bool = False,
) -> dict[str, float]:
    """The cues the model weighs for ``actor`` taking part in ``group``'s event."""
    out: dict[str, float] = {}
    kind = actor.kind if actor.kind in _KINDS else "other"
    out[f"kind={kind}"] = 1.0
    head = group.head
    member, m = _mention(group, actor.key)
    agents = {k for c in group.members for k in c.agents}
    targets = {k for c in group.members for k in c.targets}
    if befallen:
        out["role=befallen"] = 1.0
    elif actor.key in agents:
        out["role=agent"] = 1.0
    elif actor.key in targets:
        out["role=target"] = 1.0
    else:
        out["role=other"] = 1.0
    if actor.key in head.agents:
        out["head_agent"] = 1.0
    if _in_title(actor, head.title):
        out["in_title"] = 1.0
    doers = [k for k in agents if not k.startswith("place:")]
    if actor.key in agents and len(doers) == 1:
        out["sole_agent"] = 1.0
    if m is not None:
        via = m.via if m.via in _VIAS else "other"
        out[f"via={via}"] = 1.0
        if m.place:
            out["place_use"] = 1.0
        if member is not head:
            out["other_member"] = 1.0
        if member.kind == "report":
            out["from_report"] = 1.0
        clause = head.clause
        if not (clause.start <= m.start < clause.end):
            out["outside_clause"] = 1.0
        if not (head.sentence.start <= m.start < head.sentence.end):
            out["outside_sentence"] = 1.0
        gap = abs(m.start - head.trigger.start)
        out["char_distance"] = min(1.0, gap / 150.0)
        if m.start > head.trigger.start:
            out["after_trigger"] = 1.0
        if doc is not None and member is head and head.token >= 0:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                out["dep_distance"] = _dep_distance(doc, span.root.i, head.token) / 8.0
                label = span.root.ent_type_ or "none"
                if label not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "none"):
                    label = "other"
                out[f"ent={label}"] = 1.0
        words = m.surface.split()
        if len(words) == 1:
            out["one_word"] = 1.0
            if m.surface.lower() in not_names():
                out["common_word"] = 1.0
        if m.surface.isupper() and len(m.surface) > 1:
            out["all_caps"] = 1.0
    else:
        out["no_mention"] = 1.0
    told = counts.get(actor.key, 0)
    top = max(counts.values(), default=1) or 1
    out["mentions_log"] = math.log1p(told) / 3.0
    out["mentions_share"] = told / top
    if told and told == top:
        out["most_named"] = 1.0
    if kind in ("place", "country") and group.type not in _PLACE_EVENTS:
        out["place_not_place_event"] = 1.0
    if kind in ("place", "country") and group.type in _PLACE_EVENTS:
        out["place_place_event"] = 1.0
    if kind in ("place", "country") and any(k.split(":")[0] in ("person", "org") for k in doers):
        out["place_with_doer"] = 1.0
    if min((c.position for c in group.members), default=9) == 0:
        out["lead_event"] = 1.0
    return out


def kept(
    group,
    actors: Sequence[Actor],
    counts: dict[str, int],
    doc=None,
    befallen: Sequence = (),
) -> list[Actor]:
    """``actors`` without those the model is sure take no part (see the module docstring)."""
    try:
        model = linear.load(MODEL)
    except FileNotFoundError:
        return list(actors)
    return [a for a in actors if keeps(model, features(group, a, counts, doc, a in befallen), a)]


def keeps(model: linear.Linear, cues: dict[str, float], actor: Actor) -> bool:
    """Whether ``model`` keeps an actor with ``cues``: it says yes, or the actor is the event's
    only named agent and the model is not very sure it takes no part."""
    p = model.probability(cues)
    return p >= model.threshold or ("sole_agent" in cues and actor.kind in _DOERS and p >= SURE)
