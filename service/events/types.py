"""The event taxonomy (with CAMEO root codes) and the trigger words that signal each type.

| type | CAMEO | why this code |
|---|---|---|
| statement | 01 | Make public statement (said, declared, pointed out) |
| meeting | 04 | Consult: 046 "engage in negotiation"; talks, summits |
| visit | 04 | Consult: 042/043 make or host a visit |
| agreement | 05 | Diplomatic cooperation: 057 "sign formal agreement"; communiqués, pledges |
| membership | 05 | no accession code in CAMEO; admission coded as diplomatic cooperation |
| sanctions | 16 | Reduce relations: 163 "impose embargo, boycott, or sanctions" |
| conflict | 19 | Fight (19x); wars, invasions, strikes. 18 Assault is folded in |
| election | None | CAMEO codes interactions between actors, not elections |
| economy | None | economic releases (GDP, inflation, rates) are outside CAMEO |
| deal | None | acquisitions, mergers, purchases, orders, investments |
| market | None | a stock index, a share price, a currency or a commodity moves |
| legal | 17 | Coerce: 173 arrest/detain, 1711 confiscate; charges, rulings, sentences, lawsuits |
| death | None | a person dies (killings in an attack are ``conflict``) |
| disaster | None | earthquakes, storms, floods, fires, explosions, crashes |
| launch | None | a product, a service, a rocket or a company is launched or unveiled |
| appointment | None | someone is appointed, named, nominated or hired |
| resignation | None | someone resigns, retires, is dismissed or steps down |
| legislation | None | a bill or law is passed, approved, vetoed or repealed |
| protest | 14 | Protest: demonstrations, rallies, strikes, boycotts |
| research | None | a study is published, a discovery made |
| earnings | None | a company's results: profit, revenue, losses, forecasts |
| other | None | a happening with no better type |

Types come from the predicate and its frame (``lexicon.py``); the trigger words below are the
closed list the first versions used, kept for ``classify`` and the documents' nouns.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from ..vocabulary import EVENT_TYPES

#: type -> CAMEO root code, for the types CAMEO has one for (the table above says why).
_CODES = {
    "statement": "01",
    "meeting": "04",
    "visit": "04",
    "agreement": "05",
    "membership": "05",
    "sanctions": "16",
    "conflict": "19",
    "legal": "17",
    "protest": "14",
}
CAMEO: dict[str, str | None] = {t: _CODES.get(t) for t in EVENT_TYPES}
TYPES = EVENT_TYPES

#: type -> {"verb": [...], "noun": [...]}: word forms (regex fragments, matched whole-word).
TRIGGERS: dict[str, dict[str, list[str]]] = {
    "statement": {
        "verb": [
            r"said",
            r"says",
            r"stated",
            r"declared",
            r"announced",
            r"pointed out",
            r"asserted",
            r"noted",
            r"told",
            r"warned",
            r"acknowledged",
            r"stressed",
            r"insisted",
            r"claimed",
            r"denied",
            r"urged",
            r"called for",
            r"condemned",
            r"criticized",
            r"criticised",
            r"welcomed",
        ],
        "noun": [r"statements?", r"remarks?", r"speech"],
    },
    "meeting": {
        "verb": [r"met", r"meets", r"hosted", r"held talks", r"conferred", r"convened"],
        "noun": [
            r"meetings?",
            r"talks",
            r"summit",
            r"consultations",
            r"negotiations",
            r"(?:video|phone|telephone) call",
        ],
    },
    "visit": {
        "verb": [r"visited", r"visits", r"arrived in", r"travell?ed to", r"toured"],
        "noun": [r"visits?", r"trip", r"state visit", r"tour"],
    },
    "agreement": {
        "verb": [r"agreed", r"signed", r"pledged", r"concluded an agreement", r"ratified"],
        "noun": [
            r"joint communiqu[eé]",
            r"communiqu[eé]",
            r"joint statement",
            r"joint declaration",
            r"agreements?",
            r"deal",
            r"treaty",
            r"accord",
            r"memorandum",
        ],
    },
    "membership": {
        "verb": [r"joined", r"admitted", r"acceded to"],
        "noun": [r"admission", r"accession", r"full members?", r"new members?", r"membership"],
    },
    "sanctions": {
        "verb": [r"sanctioned", r"imposed sanctions", r"blacklisted"],
        "noun": [r"sanctions", r"embargo", r"export controls", r"tariffs"],
    },
    "conflict": {
        "verb": [
            r"invaded",
            r"attacked",
            r"shelled",
            r"bombed",
            r"struck",
            r"killed",
            r"launched (?:an? )?(?:attack|offensive|strike)s?",
        ],
        "noun": [
            r"war",
            r"invasion",
            r"attacks?",
            r"offensive",
            r"air ?strikes?",
            r"shelling",
            r"fighting",
            r"clashes",
            r"bombing",
        ],
    },
    "election": {
        "verb": [r"elected", r"re-elected", r"voted", r"sworn in", r"inaugurated"],
        "noun": [r"elections?", r"referendum", r"vote", r"runoff", r"ballot"],
    },
    "economy": {
        "verb": [
            r"raised (?:interest )?rates",
            r"cut (?:interest )?rates",
            r"grew",
            r"shrank",
            r"contracted",
            r"expanded by",
        ],
        "noun": [
            r"GDP",
            r"inflation",
            r"interest rates?",
            r"unemployment",
            r"recession",
            r"gross domestic product",
            r"trade surplus",
            r"trade deficit",
        ],
    },
}
#: Nouns naming a document that others' statements can be "in" ("in the joint communiqué").
DOCUMENTS = re.compile(r"\b(?:joint )?(?:communiqu[eé]|statement|declaration)\b", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True)
class Trigger:
    """A word that signals an event of ``type``; ``pos`` is "verb" or "noun"."""

    type: str
    pos: str
    start: int
    end: int
    text: str


@functools.cache
def _pattern() -> re.Pattern:
    parts = []
    for i, (kind, by_pos) in enumerate(TRIGGERS.items()):
        for pos, forms in by_pos.items():
            alternation = "|".join(sorted(forms, key=len, reverse=True))
            parts.append(f"(?P<{kind}_{pos}_{i}>{alternation})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Every trigger in ``text[start:end]``, in text order (longest match wins)."""
    out = []
    for m in _pattern().finditer(text, start, len(text) if end is None else end):
        kind, pos, _ = m.lastgroup.rsplit("_", 2)
        out.append(Trigger(kind, pos, m.start(), m.end(), m.group()))
    return out


def classify(text: str) -> str:
    """The type of the first trigger in ``text`` ("other" when there is none)."""
    found = triggers(text)
    return found[0].type if found else "other"
