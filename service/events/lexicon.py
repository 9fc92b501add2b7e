"""What a predicate means: event types by lemma and frame, and the verbs that are no events.

A predicate's type comes from its lemma, refined by its frame (the nouns it governs): "rose"
is a market move when an index or a price rises, an economic release when inflation does;
"launched" is a conflict when an attack is launched, a launch otherwise. The classes follow
TimeML's EVENT notion (occurrences, actions, changes of state, speech acts); states and
opinions ("believe", "want", "seem") and aspectual or modal verbs are no events.

The words are data (``service/data/lexicon.json``); this module holds the rules.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "lexicon.json"


def _load() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _by_word(types: dict[str, list[str]]) -> dict[str, str]:
    """type -> words, turned into word -> type."""
    return {word: type_ for type_, words in types.items() for word in words}


_DATA = _load()
_SETS = {name.upper(): frozenset(entry["words"]) for name, entry in _DATA["sets"].items()}
#: lemma -> type, for verbs whose type does not depend on their frame.
VERB_TYPES: dict[str, str] = _by_word(_DATA["verb_types"])
#: Nouns naming a happening, with their type ("the summit", "Monday's earthquake").
NOUN_TYPES: dict[str, str] = _by_word(_DATA["noun_types"])
#: Phrasal verbs (lemma and particle) whose type differs from the verb's own.
PHRASAL: dict[str, str] = dict(_DATA["phrasal"])
# The word sets, each documented in the data file ("doc").
GROWTH = _SETS["GROWTH"]
REPORTING = _SETS["REPORTING"]
STATIVE = _SETS["STATIVE"]
PLANNING = _SETS["PLANNING"]
HABITUAL = _SETS["HABITUAL"]
OCCURRENCE = _SETS["OCCURRENCE"]
LIGHT = _SETS["LIGHT"]
DISASTER_NOUNS = _SETS["DISASTER_NOUNS"]
MARKET_NOUNS = _SETS["MARKET_NOUNS"]
ECONOMY_NOUNS = _SETS["ECONOMY_NOUNS"]
ELECTION_NOUNS = _SETS["ELECTION_NOUNS"]
LEGISLATION_NOUNS = _SETS["LEGISLATION_NOUNS"]
SANCTION_NOUNS = _SETS["SANCTION_NOUNS"]
ATTACK_WORDS = _SETS["ATTACK_WORDS"]
ATTACK_NOUNS = _SETS["ATTACK_NOUNS"]
LEGAL_NOUNS = _SETS["LEGAL_NOUNS"]
PEOPLE_NOUNS = _SETS["PEOPLE_NOUNS"]
RESEARCHERS = _SETS["RESEARCHERS"]
COURTS = _SETS["COURTS"]
EARNINGS_NOUNS = _SETS["EARNINGS_NOUNS"]
DOCUMENT_NOUNS = _SETS["DOCUMENT_NOUNS"]
CARE_NOUNS = _SETS["CARE_NOUNS"]
OUTBREAK = _SETS["OUTBREAK"]
MOVES = _SETS["MOVES"]
CASUALTY = _SETS["CASUALTY"]
CONSEQUENCE = CASUALTY | _SETS["CONSEQUENCE"]


def verb_type(
    lemma: str, subject: set[str], obj: set[str], pobj: set[str], head: str | None = None
) -> str:
    """The type of a verb predicate from its lemma and the nouns of its frame (lemmas)."""
    frame = subject | obj
    if lemma in GROWTH:
        return "economy" if subject & ECONOMY_NOUNS else "other"
    if lemma in MOVES:
        if subject & EARNINGS_NOUNS:
            return "earnings"
        if subject & MARKET_NOUNS:
            return "market"
        if subject & ECONOMY_NOUNS:
            return "economy"
        return "other"
    if lemma in ("raise", "cut", "lower", "hike", "lift", "trim"):
        if obj & {"rate", "rates"}:
            return "economy"
        if obj & EARNINGS_NOUNS:
            return "earnings"  # "raised its forecast for the year"
        return "other"
    if lemma in ("post", "report", "announce", "book", "record") and obj & EARNINGS_NOUNS:
        return "earnings"  # "posted a net loss of $53 million"
    if lemma in ("hit", "strike", "ravage", "devastate", "batter", "rock", "shake"):
        if subject & DISASTER_NOUNS:
            return "disaster"
        if lemma == "strike" and subject & PEOPLE_NOUNS:
            return "protest"
        if lemma == "strike" and obj & {"deal", "agreement", "accord"}:
            return "agreement"
        return "conflict"
    if lemma in CASUALTY:
        return "disaster" if subject & DISASTER_NOUNS else "conflict"
    if lemma in ("launch", "mount", "stage", "carry", "conduct"):
        if obj & ATTACK_NOUNS:
            return "conflict"
        if obj & {"protest", "protests", "demonstration", "strike"}:
            return "protest"
        if lemma == "launch":
            return "launch"
    if lemma in ("release", "publish", "issue", "put", "post") and obj & DOCUMENT_NOUNS:
        return "statement"  # "the ministry released a statement"
    if lemma == "admit":
        if pobj & CARE_NOUNS:
            return "other"  # "a man was admitted to hospital"
        return "membership" if pobj else "statement"  # "admitted to the SCO" / "admitted that"
    if lemma in OUTBREAK:
        typed = [NOUN_TYPES[n] for n in sorted(subject) if n in NOUN_TYPES]
        if typed:
            return typed[0]  # "protests erupted": a protest; "fighting flared": a conflict
    if lemma in ("impose", "lift", "extend", "announce", "slap", "levy") and obj & SANCTION_NOUNS:
        return "sanctions"
    if lemma in ("file", "bring", "lodge") and obj & LEGAL_NOUNS:
        return "legal"
    if lemma in ("win", "secure", "land", "book", "receive", "place") and obj & {
        "order",
        "orders",
        "contract",
        "contracts",
        "deal",
        "tender",
    }:
        return "deal"  # "won an order for 100 jets"
    if lemma in ("win", "lose", "contest", "concede"):
        return "election" if frame & ELECTION_NOUNS else "other"
    if lemma in ("approve", "adopt", "reject", "back", "introduce", "pass", "vote", "block"):
        if frame & LEGISLATION_NOUNS or pobj & LEGISLATION_NOUNS:
            return "legislation"
        if lemma == "vote":
            return "election"
        if lemma == "introduce":
            return "launch"
        return "other" if lemma != "pass" else "legislation"
    if lemma in ("reach", "conclude", "sign", "seal", "clinch") and obj & {
        "deal",
        "agreement",
        "accord",
        "treaty",
        "pact",
        "ceasefire",
        "truce",
    }:
        return "agreement"
    if lemma in ("rule", "order") and subject & {"court", "judge", "judges", "tribunal", "jury"}:
        return "legal"
    if (
        lemma in ("find", "show", "discover", "publish", "detect", "identify", "observe")
        and (subject | pobj) & RESEARCHERS
    ):
        return "research"
    if lemma == "receive" and obj & {"delegation", "visitor", "counterpart", "minister"}:
        return "meeting"
    if lemma in ("name", "appoint", "choose", "select", "tap") and not subject & DISASTER_NOUNS:
        return "appointment"
    if lemma in ("step", "fire", "dismiss", "remove", "leave") and obj & {
        "post",
        "office",
        "job",
        "role",
        "position",
    }:
        return "resignation"
    if lemma in ("hold", "have") and obj:
        for noun in obj:
            if noun in NOUN_TYPES:
                return NOUN_TYPES[noun]
    if lemma in ("sell", "buy") and subject & MARKET_NOUNS:
        return "market"
    found = VERB_TYPES.get(lemma, "other")
    if found == "other" and head in NOUN_TYPES and head not in ("call", "session", "growth"):
        return NOUN_TYPES[head]  # "accepted Iran's admission", "announced a merger"
    return found


def noun_type(lemma: str) -> str | None:
    """The type of a noun naming a happening, or ``None`` for a noun that names none."""
    return NOUN_TYPES.get(lemma.lower())
