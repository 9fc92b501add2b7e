"""The event taxonomy (with CAMEO root codes), the trigger record and the document nouns.

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

Types come from the predicate and its frame (``lexicon.py``); ``Trigger`` records the word
that tells a candidate's type, ``DOCUMENTS`` the nouns that name a document.
"""

from __future__ import annotations

import dataclasses
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
