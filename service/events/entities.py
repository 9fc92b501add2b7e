"""Participants from the parse: the gazetteer's countries and organisations, titled people,
and every other person, company, agency, place, product, index or currency the named-entity
recogniser finds, each with a stable id and merged with its other names in the article.

Ids: ``country:CHN``, ``org:SCO`` (international organisations of ``service/data``),
``org:lufthansa``, ``person:li-qiang``, ``place:new-york``, ``product:boeing-737-max``,
``index:s-p-500``, ``currency:euro``. A surname alone after a full mention is that person;
an acronym in brackets after an organisation ("the Securities and Exchange Commission
(SEC)") and the organisation's short form ("Lufthansa" after "Deutsche Lufthansa AG") are
that organisation. A body every country has is keyed by the country that qualifies it
(``org:chl-congress`` for "Chile's Congress", ``org:isr-police`` for "Israeli police"), so
that the same body has one id in every article and no other country's; so is an office one
person holds, when the text does not name its holder (``office:pol-prime-minister`` for
"Poland's prime minister", ``office:fra-foreign-minister`` for "the French foreign
minister"; "Polish Prime Minister Anna Nowak" is Nowak). A definite description
("the doctor", "Michael Jackson's doctor") is the one person the article introduces by its
noun (an appositive, a noun or title before the name: "Dr Conrad Murray"), when its possessor
or qualifier agrees with the introduction's.

Not participants (issue 26): whoever the credits name (bylines, "(Reporting by ...)", the
wire in a dateline: ``nlp.masked`` blanks them), time zones, a country that only says where
a named or unnamed company or non-official person is from ("French group Valmont", "the UK
firm"; kept for a state's offices: "Japanese Prime Minister Hiroshi Sato"), what an
appositive says of a person, the
possessor of a named person or of kin ("Jackson's doctor Conrad Murray", "Fleming's son"),
offices, prizes, honours and seats ("Transport Minister", "League Cup", "MBE", "MEP"),
people by office in capitals ("Heads of State"), storms, a platform posted on, a ship one is
on board. One name has one kind in an article: a place somewhere is that place everywhere.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import re

import pycountry

from . import lexicon, syntax
from .actors import (
    DATA,
    VESSEL_PREFIX,
    ActorMention,
    ArticleActors,
    alternation,
    country,
    organisation,
    short_name,
    slug,
)
from .model import Actor
from .nlp import credit_spans, span_text, text_of
from .sentences import Span


@functools.cache
def _word_lists() -> dict:
    return json.loads((DATA / "actor_words.json").read_text(encoding="utf-8"))


def _words(name: str) -> frozenset[str]:
    """One word list of ``service/data/actor_words.json``."""
    return frozenset(_word_lists()[name])


#: Corporate suffixes dropped from an organisation's id and short name.
_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|AG|SA|S\.A|"
    r"NV|N\.V|SE|GmbH|SpA|Holdings?|Group)\.?)+$"
)
_COMPANY = re.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|plc|PLC|AG|SA|NV|SE|GmbH|SpA|"
    r"Holdings?|Group|Airlines|Airways|Air|Motors?|Bank|Technologies|Systems|Pharma\w*|"
    r"Energy|Oil|Petroleum|Telecom\w*|Communications|Industries|Electric|Automotive|"
    r"Capital|Partners|Securities|Insurance|Foods|Entertainment|Media|Labs?|Software|"
    r"Semiconductor|Steel|Mining|Aerospace|Logistics|Retail|Stores|Brands|Dynamics|"
    r"Therapeutics|Biotech\w*|Robotics|Networks|Solutions)\b\.?$|"
    r"\b(?:Inc|Corp|Ltd|LLC|plc|AG|SA|NV|GmbH)\b"
)
_GOVERNMENT = re.compile(
    r"\b(?:Ministry|Department|Agency|Commission|Court|Parliament|Senate|Congress|Assembly|"
    r"Police|Army|Navy|Air Force|Military|Office|Council|Bureau|Service|Administration|"
    r"Authority|Government|Cabinet|Pentagon|White House|Kremlin|Treasury|Duma|Knesset|"
    r"Bundestag|Reserve|Central Bank|Regulator|Inspectorate|Directorate|Guard|Coast Guard|"
    r"Prosecutor'?s?|Judiciary|Tribunal|Supreme|House of \w+|FBI|CIA|NASA|FDA|SEC|EPA|FAA|"
    r"NTSB|DOJ|IRS|NHS|ESA|FTC|FCC|CDC|NIH|NSA|DHS)\b"
)
_PARTY = re.compile(r"\b(?:Party|Democrats|Republicans|Labour|Conservatives|Tories)\b")
_ARMED = re.compile(
    r"\b(?:Taliban|Hamas|Hezbollah|Houthis?|Islamic State|ISIS|ISIL|al-Qaeda|al Qaeda|"
    r"Al-Shabaab|Boko Haram|Wagner|militia|Militia|Brigades?|Liberation Army|Rebels|Front)\b"
)
_MEDIA = re.compile(
    r"\b(?:Reuters|Associated Press|AP|AFP|Agence France-Presse|BBC|CNN|Bloomberg|Xinhua|TASS|"
    r"Interfax|Al Jazeera|Times|Post|Journal|News|Tribune|Guardian|Telegraph|Herald|Gazette|"
    r"Television|TV|Radio|Broadcasting)\b"
)
_RESEARCH = re.compile(r"\b(?:University|College|Institute|Laboratory|Observatory|Academy)\b")
#: Words that are no part of a person's name in news text.
_NOT_PERSON = frozenset(
    "The A An And But In On At Of For By With From Mr Mrs Ms Dr Sir Dame Lord Lady Sen Rep "
    "Gov Gen Col Capt Lt Sgt Prof Rev Judge Justice Officer".split()
)
_PERSON_TOKEN = re.compile(
    r"(?:[A-Z]['’])?[A-ZÀ-ÖØ-Þ][\w’'\-.]*|(?:de|da|del|der|van|von|bin|al|el|la|le|di|du|dos|ibn)"
)
_CURRENCIES = {
    "dollar": "dollar",
    "dollars": "dollar",
    "euro": "euro",
    "euros": "euro",
    "yen": "yen",
    "sterling": "sterling",
    "pound": "sterling",
    "yuan": "yuan",
    "renminbi": "yuan",
    "rouble": "rouble",
    "ruble": "rouble",
    "rupee": "rupee",
    "bitcoin": "bitcoin",
    "peso": "peso",
    "lira": "lira",
    "franc": "franc",
    "ringgit": "ringgit",
    "rand": "rand",
    "won": None,  # the verb far more often than the currency
}
#: "the Saudi-led coalition", "a U.S.-led force": what a country or body leads, an actor of
#: its own (its leader named inside it is not, on its own, the doer).
_LED = re.compile(
    r"(?<![\w-])((?:(?!(?:The|A|An)\s)[A-Z][\w.]*\s+)?[A-Z][\w.]*-led\s+"
    + alternation(lexicon.actor_words("led_groups"))
    + r")(?![\w-])"
)
_CURRENCY_WORD = re.compile(
    r"\b(?:the|The)\s+((?:[A-Z][\w.]*\s+)?(?:dollar|euro|yen|sterling|pound|yuan|renminbi|"
    r"rouble|ruble|rupee|bitcoin|peso|lira|franc|ringgit|rand))\b(?!\s+(?:a|per|zone|area)\b)"
)


@functools.cache
def _indices() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    data = json.loads((DATA / "markets.json").read_text(encoding="utf-8"))
    table = {}
    for item in data["indices"]:
        for alias in item["aliases"]:
            table[alias] = (item["key"], item["name"])
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w&])")
    return pattern, table


@functools.cache
def _us_states() -> frozenset[str]:
    return frozenset(
        s.name for s in pycountry.subdivisions.get(country_code="US") if "," not in s.name
    )


@functools.cache
def _gazetteer_names() -> dict[str, tuple[str, ...]]:
    """actor key -> the gazetteer's names for it ("country:KOR": "South Korea", ...)."""
    from .actors import _gazetteer

    out: dict[str, list[str]] = {}
    for surface, (code, _) in _gazetteer()[1].items():
        key = code if code.startswith("org:") else f"country:{code}"
        out.setdefault(key, []).append(surface)
    return {key: tuple(names) for key, names in out.items()}


def org_subkind(name: str) -> str | None:
    """company, government, party, armed group, media or research, from the name's words."""
    for subkind, pattern in (
        ("armed group", _ARMED),
        ("party", _PARTY),
        ("government", _GOVERNMENT),
        ("research", _RESEARCH),
        ("media", _MEDIA),
        ("company", _COMPANY),
    ):
        if pattern.search(name):
            return subkind
    return None


@functools.lru_cache(maxsize=4096)
def _clean(name: str) -> str:
    """``name`` without its possessive, article, bracketed acronym and extra spaces (the same
    names are cleaned many times an article: remembered)."""
    name = re.sub(r"['’]s?$", "", name.strip())
    name = re.sub(r"\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?$", "", name)  # "Pellucid in Leipzig"
    name = re.sub(r"^(?:the|The|a|A|an|An)\s+", "", name)
    name = re.sub(r"\s*\([A-Z][A-Za-z0-9&.-]{0,9}\)?$", "", name)  # "Department of Health (DH)"
    return re.sub(r"\s+", " ", name).strip(" ,.;:-\"“”'")


def _acronym(name: str) -> str:
    words = [
        w
        for w in re.findall(r"[A-Za-z][\w-]*", name)
        if w.lower() not in ("and", "of", "the", "for", "&")
    ]
    return "".join(w[0].upper() for w in words)


#: Where a proper name the recogniser missed still takes part in a clause.
_PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"})


#: Prepositions whose object is a place ("in Lyon", "near Kourou"); "from" and "to" are not
#: ("bought from Embraer", "sold to Boeing").
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
_PLACE_NOUNS = frozenset(
    "province city town village region state district capital port county island "
    "municipality suburb neighbourhood neighborhood area".split()
)


def _locative(tok) -> bool:
    """Whether a proper noun names where something happens: the object of "in"/"at"/"near",
    or of "of" after a place noun ("the province of Caylloma")."""
    head = tok.head
    if tok.dep_ == "appos" and head.pos_ == "PROPN" and head.i != tok.i:
        return _locative(head)  # "in Airdrie, Lanarkshire"
    if tok.dep_ not in ("pobj", "conj") or head.pos_ not in ("ADP", "PROPN"):
        return False
    if tok.dep_ == "conj":
        return head.dep_ == "pobj" and _locative(head)
    if head.lower_ in _LOCATIVE:
        return True
    return head.lower_ == "of" and head.head.lemma_.lower() in _PLACE_NOUNS


def _proper_chunks(sent):
    """(start, end, text) of each run of proper nouns heading a participant's phrase."""
    out = []
    for tok in sent:
        if tok.pos_ != "PROPN" or tok.dep_ not in _PARTICIPANT_DEPS or tok.ent_type_:
            continue
        words = [w for w in tok.lefts if w.dep_ == "compound" and w.pos_ == "PROPN"] + [tok]
        if any(w.ent_type_ for w in words) or not all(w.text[:1].isupper() for w in words):
            continue
        if all(w.is_upper and len(w.text) > 4 for w in words):
            continue  # headings in capitals
        start, end = words[0].idx, tok.idx + len(tok.text)
        text = text_of(sent.doc)[start:end].strip()  # "Port-au-Prince", as written
        if len(text) > 2 and not any(ch.isdigit() for ch in text):
            out.append((start, end, text))
    return out


_FIRM = (
    r"(?:company|group|firm|maker|producer|bank|airline|carrier|insurer|retailer|lender|"
    r"brewer|miner|operator|start-up|startup|conglomerate|manufacturer|developer|supplier)"
)


def _described_as_firm(tok) -> bool:
    """ "at German airline Condora", "in chipmaker Sorell": a company, not a place."""
    return any(
        c.dep_ in ("compound", "appos", "amod") and re.fullmatch(_FIRM + "s?", c.lower_)
        for c in tok.children
    )


#: "the Danish dairy group Kraemer Mejeri" (before the name); "Kraemer Mejeri, a dairy group"
#: (after it).
_FIRM_BEFORE = re.compile(rf"\b{_FIRM}\s+$")
_FIRM_AFTER = re.compile(rf",\s+(?:the|a|an)\s+[\w\s-]{{0,40}}?\b{_FIRM}\b")


@functools.cache
def not_names() -> frozenset[str]:
    """Capitalised words that name no one (``service/data/not_names.json``)."""
    data = json.loads((DATA / "not_names.json").read_text(encoding="utf-8"))
    return frozenset(data["common_words"])


@functools.cache
def _gazetteer_shorts() -> dict[str, str]:
    """The gazetteer's organisations by short name and by alias without "the" ("Fed")."""
    out: dict[str, str] = {}
    for org in json.loads((DATA / "organisations.json").read_text(encoding="utf-8"))[
        "organisations"
    ]:
        for alias in [org.get("short", ""), *org["aliases"]]:
            bare = re.sub(r"^the\s+", "", alias or "", flags=re.I)
            if bare:
                out.setdefault(bare, org["key"])
    return out


def _gazetteer_short(name: str) -> str | None:
    return _gazetteer_shorts().get(name)


#: Zero-width tests matched at one offset of the whole text (so they see the characters
#: before it): with ``str.find``, they say where a name is written as a word, with no pattern
#: compiled per name (compiling one cost more than the rest of the search).
_BOUNDARY = re.compile(r"\b")
_NO_WORD_BEFORE = re.compile(r"(?<![\w-])")
_NO_WORD_AFTER = re.compile(r"(?![\w-])")


def _written(name: str, text: str, before: re.Pattern = _BOUNDARY, after: re.Pattern = _BOUNDARY):
    """The offsets where ``name`` is written in ``text`` with ``before`` holding at its start
    and ``after`` at its end: what ``re.finditer(before + re.escape(name) + after)`` finds."""
    at = text.find(name)
    while at >= 0:
        if before.match(text, at) and after.match(text, at + len(name)):
            yield at
            at = text.find(name, at + max(1, len(name)))
        else:
            at = text.find(name, at + 1)


def _follows(cue: re.Pattern, name: str, text: str) -> bool:
    """Whether ``name`` is written as a word right after a match of ``cue`` (a pattern
    ending in ``\\s+``): ``re.search(cue.pattern + re.escape(name) + r"\\b", text)``."""
    if not name or name[0].isspace():  # the cue's white space could end inside the name
        return re.search(cue.pattern + re.escape(name) + r"\b", text) is not None
    ends = _cue_ends(cue, text)
    at = text.find(name)
    while at >= 0:
        if at in ends and _BOUNDARY.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


@functools.lru_cache(maxsize=8)
def _cue_ends(cue: re.Pattern, text: str) -> frozenset[int]:
    """Where the matches of ``cue`` in ``text`` end (read once per article, not per name)."""
    return frozenset(m.end() for m in cue.finditer(text))


def _precedes(name: str, tail: re.Pattern, text: str) -> bool:
    """Whether ``name`` starts a word somewhere ``tail`` matches right after it:
    ``re.search(r"\\b" + re.escape(name) + tail.pattern, text)``."""
    at = text.find(name)
    while at >= 0:
        if _BOUNDARY.match(text, at) and tail.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


#: What puts something in or near a place.
_WHERE = re.compile(r"\b(?:in|near|outside|around|across|inside|towards?)\s+")


def _placed(name: str, text: str) -> bool:
    """Whether the article puts something in, near, outside or at ``name``: a place, not a
    person, whatever the recogniser says ("in Khan Yunis", "gathered at Angkor Wat"; not
    "looked at John Smith", "at John Smith's funeral")."""
    if _follows(_WHERE, name, text):
        return True
    if re.search(rf"\sat\s+{re.escape(name)}\b(?!['’])", text) is None:
        return False  # (no "at" before it anywhere: the whole text need not be read word by word)
    for m in re.finditer(rf"(\w+)\s+at\s+{re.escape(name)}\b(?!['’])", text):
        if m.group(1).lower() not in _AIMING:
            return True
    return False


_AIMING = _words("aiming_words")


#: What puts something in, at, to or from a place.
_ANY_PLACE = re.compile(r"\b(?:in|near|outside|around|across|inside|towards?|at|to|from|of)\s+")


#: What is said after a company's name: its shares.
_HOLDINGS = re.compile(r"(?:['’]s)?\s+(?:shares|stock|stake|shareholders)\b")


def _company_cue(name: str, text: str) -> bool:
    """Whether the text treats a name the recogniser calls a person as a company: its shares,
    "the Danish dairy group Kraemer Mejeri", "Kraemer Mejeri, a dairy group"."""
    if _precedes(name.split()[0], _HOLDINGS, text) or _precedes(name, _HOLDINGS, text):
        return True
    # At each place the name is written (the firm words' patterns compiled once, not per name):
    for start in _written(name, text):
        if _FIRM_BEFORE.search(text, max(0, start - 40), start):
            return True
        if _FIRM_AFTER.match(text, start + len(name)):
            return True
    return False


def _its_own(ent) -> bool:
    """Whether a name is the subject of a verb whose object is "its" something, with no other
    thing between that "its" could be of: a company or body, not a person ("Siemens Gamesa
    cut its forecast", "... cut 4,000 jobs at its plants"; a person's is "his" or "her"; not
    "criticised the bank for its lending")."""
    root = ent.root
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    for word in verb.subtree:
        if word.lower_ != "its" or word.dep_ != "poss" or word.i < ent.end:
            continue
        between = word.doc[ent.end : word.i]
        if any(w.tag_ in ("NN", "NNP") and w.ent_type_ not in ("DATE", "TIME") for w in between):
            return False
        noun = word.head
        while noun.dep_ in ("pobj", "conj") and noun.head.head.i != verb.i:
            noun = noun.head.head if noun.dep_ == "pobj" else noun.head
        owner = noun.head.head if noun.dep_ == "pobj" else noun.head
        if noun.dep_ in ("dobj", "pobj") and owner.i == verb.i:
            return True
    return False


#: Time zones the recogniser takes for organisations ("1030 GMT").
_TIME_ZONES = _words("time_zones")
_SCALES = _words("amount_scales")


def _without_amount(ent):
    """The entity without an amount the recogniser ran into it ("fined Acme Corp 5 million
    euros": Acme Corp). An amount is a run of numbers at the end with a scale word, a
    currency sign or a written-out figure ("300,000", "2.4"); a name's own number stays
    ("Boeing 737", "Apollo 11")."""
    end = ent.end
    while end > ent.start and _amount_word(ent.doc[end - 1]):
        end -= 1
    tail = ent.doc[end : ent.end]
    if end in (ent.start, ent.end) or not any(
        w.lower_ in _SCALES or w.is_currency or re.search(r"\d[.,]\d", w.text) for w in tail
    ):
        return ent
    name = ent.doc[ent.start : end]
    name.label_ = ent.label_
    return name


#: Words a name cannot end in: an entity cut after one runs on into the next ("Valley Federal
#: Savings and" + "Loan Association", "Procter &" + "Gamble").
_OPEN_ENDS = frozenset({"and", "&", "of", "for"})


def _joined(ents) -> list:
    """The recogniser's entities with a name cut at a conjunction or "of" joined again: an
    organisation entity ending in one, followed straight on by another organisation entity,
    is one name ("Harbor Savings and Loan Association", "Bank of" + "New England")."""
    out: list = []
    for ent in ents:
        last = out[-1] if out else None
        if (
            last is not None
            and last.label_ == "ORG"
            and ent.label_ in ("ORG", "GPE")
            and last.end == ent.start
            and last.end - last.start > 1
            and last[-1].lower_ in _OPEN_ENDS
        ):
            name = ent.doc[last.start : ent.end]
            name.label_ = "ORG"
            out[-1] = name
            continue
        out.append(ent)
    return out


def _amount_word(tok) -> bool:
    """A word of an amount: a number, a scale, a currency sign or name ("pounds")."""
    words = {tok.lower_, tok.lemma_.lower()}
    return tok.like_num or tok.is_currency or bool(words & (_SCALES | _CURRENCIES.keys()))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` as spaces (same length: offsets hold)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


#: A sports club's last word ("Dundee Rovers", "Aberdeen Athletic"): a club, whatever the
#: recogniser says.
_CLUB = re.compile(
    r"\b(?:Rovers|Rangers|Athletic|Wanderers|Albion|United|City|FC|Hotspur|Olympique|Sporting)$"
)
#: What is said only of a person: "Obama's spokesman", "Putin, who", "Holt, 52,".
_PERSON_AFTER = re.compile(
    r"(?:['’]s\s+(?:spokesman|spokeswoman|spokesperson|wife|husband|son|daughter|mother|father|"
    r"brother|sister|lawyer|lawyers|attorney|aide|aides|family|widow|funeral|death|doctor|"
    r"administration|presidency|campaign|predecessor|successor)\b"
    r"|,\s+(?:who|whose)\b|,\s+\d{1,3},)"
)
#: What only a person does as the subject ("Obama signed the bill", "Harrow resigned", "Merkel
#: met Macron", "Lindqvist told reporters"); a company says, signs deals, meets forecasts.
_HUMAN_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|later|then|has|had|formally|abruptly)\s+)?"
    r"(?:resign(?:ed|s)|step(?:ped|s) down|died|dies|married|testified|pleaded|"
    r"was (?:born|elected|sworn in|re-elected)|"
    r"(?:met|meets)(?:\s+with)?\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?!\s+(?:Inc|Ltd|AG|Group)\b)|"
    r"(?:told|tells) (?:reporters|journalists|parliament|lawmakers|supporters)|"
    r"(?:signed|signs) (?:the|a|an) (?:bill|law|decree|executive order|treaty))\b"
)


def _person_cue(name: str, text: str) -> bool:
    """Whether the text writes of a one-word name as only a person is written of."""
    at = text.find(name + " ")
    while at >= 0:
        if (at == 0 or not text[at - 1].isalnum()) and _HUMAN_VERB_AFTER.match(
            text, at + len(name)
        ):
            return True
        at = text.find(name + " ", at + 1)
    if not any(name + mark in text for mark in ("'", "’", ",")):
        return False
    return _precedes(name, _PERSON_AFTER, text)


#: What a drug is given in ("a lethal dose of Propofol", "administer Propofol", "an overdose of
#: Tamiflu"): a substance, no actor.
_SUBSTANCE_BEFORE = re.compile(
    r"\b(?:(?:dose|doses|overdose|injection|injections|milligrams|mg|course|supply|supplies)"
    r" of|administer(?:s|ed|ing)?|prescrib(?:e|es|ed|ing)|injected with)\s+"
)


def _substance(name: str, text: str) -> bool:
    """Whether the text gives ``name`` as a drug is given: a dose of it, administered."""
    if " " in name or name not in text:
        return False
    return _follows(_SUBSTANCE_BEFORE, name, text)


def _titled_org(alias: str, person: Actor, orgs: set[str]) -> bool:
    """ "General Motors": a title word before a company's name is no person."""
    return any(person.name in org or alias in org.split() for org in orgs if " " in org)


#: Last words of a name that make it no body that acts: a prize or competition ("Scottish League
#: Cup"), an honour ("MBE"), a seat ("Labor MEP").
_NOT_BODIES = _words("not_bodies")

#: Words of a body's name that every country has ("Congress", "Foreign Ministry", "Supreme
#: Court"): with a country before it, the body is that country's.
_GENERIC_BODY = _words("generic_body_words")


def _generic_body(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and all(w in _GENERIC_BODY for w in words) and words != ["of"]


#: A ship is named after these ("on board the Sea Star", "the cargo ship Amber Star", "MV Ruby").
_ON_BOARD = re.compile(r"\b(?:on board|onboard|aboard)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_VESSEL_BEFORE = re.compile(
    r"\b(?:ship|vessel|tanker|freighter|ferry|yacht|frigate|destroyer|submarine|cruiser|"
    r"trawler|carrier|boat|liner)\s+(?:the\s+)?$"
)
_VESSEL_PREFIX = re.compile(r"^" + VESSEL_PREFIX + r"\s+")
_PREFIX_BEFORE = re.compile(r"\b" + VESSEL_PREFIX + r"(?:\s+[A-Z][\w'’-]*)*\s+(?=$)")

#: Common nouns that name a body when a place says whose: "Munich prosecutors", "Chile's navy".
_BODY_NOUNS = _words("body_nouns")


def _named_beside(noun, taken: set[int]) -> bool:
    """A name right after a body's noun, both told of the same predicate: "Germany's financial
    watchdog BaFin fined" parsed as two subjects is one body, the name (not "told the
    regulator Monday", not a name in a clause of its own)."""
    name = syntax.name_after(noun) if noun.i + 1 in taken else None
    if name is None:
        return False
    return name.head.i == noun.i or (name.head.i == noun.head.i and name.dep_ == noun.dep_)


def _body_noun(tok) -> bool:
    """ "prosecutors", "police", "the navy": a body's common noun, in either number."""
    return tok.lower_ in _BODY_NOUNS or tok.lemma_.lower() in _BODY_NOUNS


#: Offices one person holds for a country or place: "Poland's prime minister", "Oregon's
#: governor" are that office, not the country.
_OFFICE_NOUNS = _words("office_nouns")


def _office_noun(tok) -> bool:
    """ "Poland's prime minister", "the French foreign minister": one office, one holder (not
    "a French minister", "French ministers" or "Poland's former prime minister")."""
    return (
        tok.lower_ in _OFFICE_NOUNS
        and tok.tag_ == "NN"
        and not any(
            (c.dep_ == "det" and c.lower_ in ("a", "an", "another", "every", "each"))
            or (c.dep_ == "amod" and c.lower_ in ("former", "ex", "late", "previous", "future"))
            for c in tok.children
        )
    )


#: Plural heads of a capitalised common phrase naming people by office ("Heads of State").
_GROUP_HEADS = _words("group_heads")

#: Weather systems the recogniser takes for people ("Storm Hilde", "Hurricane Ian").
_WEATHER = _words("weather_systems")


#: Words that describe someone before the name, capitalised at a sentence's start or as a
#: label: no part of the name ("Rival Kestrel launched", "Striker Callum Reid scored").
_DESCRIPTORS = _words("descriptions")


def _person_text(ent) -> str:
    """A recognised person's words less a description the sentence starts with ("Rival
    Kestrel launched ...": Kestrel); nothing for a weather system ("Storm Hilde")."""
    tokens = list(ent)
    if tokens and tokens[0].text in _WEATHER:
        return ""
    first = tokens[0] if tokens else None
    opening = first is not None and all(t.is_space for t in first.sent if t.i < first.i)
    if len(tokens) > 1 and (
        (opening and first.pos_ in ("ADJ", "NOUN")) or first.text in _DESCRIPTORS
    ):
        tokens = tokens[1:]  # "Rival Kestrel", "Striker Callum Reid"
    return "".join(t.text_with_ws for t in tokens).strip()


#: A title after a capitalised word makes it an office ("Transport Minister", "Competition
#: Commissioner"), not an organisation.
_PORTFOLIO = re.compile(r"\s+(?:Minister|Secretary|Commissioner|Undersecretary|Minister's)\b")
#: "the Socialist party": the party, written in lower case after its name.
_PARTY_AFTER = re.compile(r" [Pp]arty\b")

#: Dependencies by which a word qualifies the noun phrase it stands in ("French group Valmont",
#: "Germany's watchdog BaFin", "U.S. group Orland Corp", "New Zealand's minister, Aroha Ngata").
_QUALIFYING = frozenset({"amod", "compound", "poss", "nmod", "appos", "flat"})


#: Platforms where things are posted: "posted the footage on YouTube" is where, not who.
_PLATFORMS = _words("platforms")

#: First words many organisations share: never a short form of one of them.
_ORG_OPENERS = _words("organisation_openers")

#: A word in capitals (a name written as a heading or for emphasis: "GAZPROM").
_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{4,}(?![\w-])")

#: Kin: "Fleming's son died" tells of the son, not of Fleming.
_KIN = _words("kin")

#: Offices through which a country acts: "Russian Prime Minister Mikhail Mishustin" is Russia
#: too; "Russian tennis player Daria Orlova" and "French group Valmont" are not France.
_STATE_OFFICES = _words("state_offices")

#: People who act for a place's government ("Kansas health officials").
_GOVERNING = _words("governing_nouns")

#: Members named as their party ("the Greens", "the Social Democrats").
_PARTY_PLURALS = _words("party_plurals")

#: What someone is or does, said of a person the story has named ("the singer", "the star").
_PERSON_NOUNS = _words("person_nouns")
#: Nouns written before a person's name ("astronaut", "defendant", "scientist").
_INTRODUCING_NOUNS = (
    _PERSON_NOUNS
    | _words("described_people")
    | frozenset(w.lower() for w in _words("descriptions"))
) - _words("not_roles")

#: Nouns that introduce nobody in particular ("Mr", "a man"): no description links by them.
_NOT_ROLES = _words("not_roles")


#: Anaphors for the two parties to a dispute or a deal.
_TWO_SIDES = re.compile(r"\b(?:[Tt]he two|[Bb]oth) (?:sides|parties)\b")


def _without_qualifiers(sent, found: list[ActorMention]) -> list[ActorMention]:
    """The mentions less each country that only says where a named company, body or person
    is from: "French engineering group Valmont", "Japanese Prime Minister Hiroshi Sato",
    "Germany's financial watchdog BaFin" are Valmont, Sato and BaFin, not France, Japan or
    Germany; a body in a named person's title is the person alone ("Fed Chair Jerome
    Powell", "BNP leader Nick Griffin"; "the head of the WHO, Margaret Chan" keeps the WHO).
    A country is kept where nobody else is named in its phrase ("Chile's navy", "Russian
    forces") or where it acts itself ("France and Germany agreed")."""
    named = [m for m in found if m.actor.kind in ("person", "organisation")]
    if not named:
        return found
    doc = sent.doc
    owner: dict[int, ActorMention] = {}
    for m in named:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for tok in span if span is not None else ():
            owner.setdefault(tok.i, m)

    def named_near(tok, m: ActorMention) -> list[ActorMention]:
        near = [tok, *(c for c in tok.children if c.dep_ in ("appos", "compound", "flat"))]
        if tok.pos_ == "NOUN" and tok.i + 1 < sent.end:
            near.append(doc[tok.i + 1])  # "financial watchdog BaFin", parsed apart
        others = [owner[w.i] for w in near if w.i in owner]
        return [o for o in others if o.actor.key != m.actor.key]

    described: set[int] = set()  # "Clinton, the U.N. special envoy for Haiti,": a description
    offices: set[int] = set()  # "Chan, the head of the WHO": whose office, a body's act too

    def describe(noun, inside: set[int]) -> None:
        if noun.lower_ in _STATE_OFFICES:
            offices.update(
                w.i
                for c in noun.children
                if c.dep_ in ("poss", "amod", "compound", "nmod")
                for w in c.subtree
            )
        described.update(w.i for w in noun.subtree if w.i not in inside)

    def a_person(tok) -> bool:
        return tok.i in owner and owner[tok.i].actor.kind == "person"

    for tok in sent:
        if tok.i in owner:
            continue
        if tok.dep_ == "appos" and a_person(tok.head):  # "Ngata, New Zealand's ... minister"
            describe(tok, set())
        elif tok.pos_ == "NOUN":  # "the UN envoy for Yemen, Hans Lindgren,"
            people = [c for c in tok.children if c.dep_ == "appos" and a_person(c)]
            if people:
                describe(tok, {w.i for c in people for w in c.subtree})

    def qualifies(m: ActorMention) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.via in ("group", "pronoun"):
            return False
        if m.actor.kind == "country" and all(t.i in described for t in span):
            return True
        if m.actor.kind == "organisation" and all(
            t.i in described and t.i not in offices for t in span
        ):  # a body's office is the body's act too ("Chan, the head of the WHO")
            return True
        if m.actor.kind == "person":  # "Jackson's doctor Conrad Murray" is Murray alone
            tok = span.root
            if tok.dep_ == "poss" and tok.head.lower_ in _KIN:
                return True  # "Fleming's son died": the son, whom the text does not name
            others = named_near(tok.head, m) if tok.dep_ == "poss" else []
            return bool(others) and others[0].actor.kind == "person"
        if m.actor.kind == "organisation":  # "Fed Chair Jerome Powell" is Powell alone
            tok = span.root
            for _ in range(3):
                if tok.dep_ not in ("compound", "poss", "nmod", "amod") or tok.head.i == tok.i:
                    return False
                tok = tok.head
                others = named_near(tok, m)
                if others:
                    return others[0].actor.kind == "person"
            return False
        if m.actor.kind != "country":
            return False
        tok = span.root
        for _ in range(4):
            if tok.dep_ not in _QUALIFYING or tok.head.i == tok.i:
                return False
            tok = tok.head
            if named_near(tok, m):  # "Japanese Prime Minister Hiroshi Sato" is Sato alone
                return True
        return False

    return [m for m in found if not qualifies(m)]


def _governing(sent, m: ActorMention) -> ActorMention:
    """A place that says whose officials act is the place acting, not where ("Kansas state
    health officials confirmed two cases", "Gaza authorities said", "officials in California
    warned"); any other mention is itself."""
    if not m.place or m.actor.kind != "place":
        return m
    span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    tok = span.root
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "in" and prep.head.lower_ in _GOVERNING:
        return dataclasses.replace(m, place=False)  # "officials in California warned"
    for _ in range(3):  # "Kansas" -> "state" -> "health" -> "officials"
        if tok.dep_ not in ("compound", "amod", "poss", "nmod") or tok.head.i == tok.i:
            return m
        tok = tok.head
        if tok.lower_ in _GOVERNING:
            return dataclasses.replace(m, place=False)
    return m


@functools.lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """A country's people as nouns: "Briton", "Swede" (countries.json) and the adjectives
    that are nouns too ("American", "Iraqi")."""
    data = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    return frozenset(data["demonyms"]) | frozenset(data["adjectives"])


def _demonym(name: str) -> bool:
    """Whether a one-word name is a country's people, singular or plural ("Britons")."""
    words = _demonyms()
    return name in words or (name.endswith("s") and name[:-1] in words)


def _union(actor: Actor) -> bool:
    """An international organisation of states (org:EU, org:UN: the gazetteer's keys), whose
    bodies it names as a country does ("the European Union's top court")."""
    key = actor.key.split(":", 1)[1] if actor.key.startswith("org:") else ""
    return key.isupper()


def _norp_place(ent, name: str) -> bool:
    """A name the recogniser reads as a people (NORP) that a place preposition governs, in
    the singular: "flew to Iquique", "in Iquique" (not "sold to Americans")."""
    root = ent.root
    return (
        name[:1].isupper()
        and " " not in name
        and not name.endswith("s")
        and root.dep_ == "pobj"
        and root.head.lower_ in ("in", "at", "near", "to", "into", "from", "outside")
    )


#: The words a bank's name can end on and be told without ("First of America Bank").
_BANK_TAIL = re.compile(r"(?:\s+(?:Bank|Bancorp|Financial|Group|Holdings?|Corp|Inc|Co)\.?)+$")


def _named_of_place(name: str) -> bool:
    """A company's name that holds a place after "of" ("First of America Bank Corp.", "Bank of
    America Corp."): the place names the firm, it is no participant of its own."""
    return " of " in name and _COMPANY.search(name) is not None


@functools.lru_cache(maxsize=4096)
def _of_forms(alias: str) -> tuple[str, ...]:
    """The forms a company's name with a place after "of" is told again in, with or without its
    suffix ("First of America Bank Corp.", "First of America"); () for another name. Cached:
    the same alias is asked again at every sentence after it is known."""
    if not _named_of_place(alias + " Corp"):
        return ()
    forms = {alias, _BANK_TAIL.sub("", alias)}
    # longest first: the whole name claims its words before its shorter form does, whatever
    # order the process's string hashing gives the set
    return tuple(
        sorted(
            (f for f in forms if " of " in f and not f.startswith("of ")),
            key=lambda f: (-len(f), f),
        )
    )


@functools.lru_cache(maxsize=4096)
def _whole_words(form: str) -> re.Pattern[str]:
    """A pattern finding ``form`` as whole words (not inside a longer word or hyphenation)."""
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")


def _a_firms_country(sent, m: ActorMention) -> bool:
    """A country that only says where an unnamed company is from: "the UK firm that insured
    the tour", "a Chinese carmaker" are a company, not the state ("Chile's navy" is)."""
    if m.actor.kind != "country" or m.via == "group":
        return False
    span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    head = tok.head
    return (
        tok.dep_ in ("amod", "compound", "poss", "nmod")
        and head.pos_ == "NOUN"
        and re.fullmatch(_FIRM + "s?", head.lower_) is not None
    )


def _the_one(people: list[tuple[str, frozenset[str]]], said: set[str]) -> str | None:
    """The one person a description fits: introduced by its noun, and whose the description
    says they are (``said``) as the introduction did ("Jackson's doctor" is the doctor
    introduced as Jackson's, or the only doctor introduced as nobody's in particular)."""
    fits = [key for key, whose in people if key not in said and said <= whose]
    if not fits and said and all(k.startswith("person:") for k in said):
        fits = [key for key, whose in people if key not in said and not whose]
    return fits[0] if len(fits) == 1 else None


class Entities:
    """Every participant of one article, found sentence by sentence (coreference kept)."""

    def __init__(self, text: str, doc) -> None:
        # The parse blanks a wire dateline (``nlp.masked``); credits are blanked here too, so
        # that neither the gazetteer nor the recogniser takes the writer for a participant.
        seen = text_of(doc)
        seen = seen if len(seen) <= len(text) else text
        seen += text[len(seen) :]
        self.credits = credit_spans(seen)
        text = _blank(seen, self.credits)
        self.text = text
        self.doc = doc
        self._short: re.Pattern | bool | None = None  # the companies' short forms, once
        self.old = ArticleActors(text)
        self.people: dict[str, Actor] = dict(self.old.people)
        self.orgs: dict[str, Actor] = {}
        self.counts: dict[str, int] = {}
        self.told: dict[str, int] = {}  # person key -> times named so far, as possessor too
        self.sides: list[ActorMention] = []  # the organisations named so far, latest last
        self.surfaces: dict[str, set[str]] = {}  # actor key -> the names the text used
        self._ents: dict[int, list] = {}  # sentence start -> its entities (sent.ents is O(doc))
        self._chunked: dict[tuple[int, int], list] = {}  # sentence -> its proper-noun chunks
        self.ents = [e for e in map(_without_amount, _joined(doc.ents)) if self._named(e)]
        starts = [sent.start for sent in doc.sents]  # (ent.sent scans for its sentence's ends)
        for ent in self.ents:
            start = starts[bisect.bisect_right(starts, ent.start) - 1]
            self._ents.setdefault(start, []).append(ent)
        orgs = {_clean(e.text) for e in self.ents if e.label_ == "ORG"}
        #: Names the recogniser reads as places somewhere in the article: the same name read as
        #: a person or company elsewhere is the place ("a man from Barnet" after "Barnet, north
        #: London"; "Glasgow" a person in one sentence, a city in the next).
        #: So is a name read as a people where a place preposition governs it ("flew to
        #: Iquique"): "Iquique was hit by an earthquake" is that city too.
        self.places = {
            name
            for e in self.ents
            if (
                e.label_ in ("GPE", "LOC")
                or (e.label_ == "NORP" and _norp_place(e, _clean(e.text)))
            )
            and (name := _clean(e.text))[:1].isupper()
            and name not in self.old_table()
        }
        for alias in [a for a, p in self.people.items() if _titled_org(a, p, orgs)]:
            del self.people[alias]
        self._register()
        self.roles = self._introduced_roles()

    def _named(self, ent) -> bool:
        """Whether a recognised entity can be a participant: not in a credit, not a time zone."""
        return self._nameable(ent.start_char, ent.end_char, ent.text.strip())

    def _nameable(self, start: int, end: int, name: str) -> bool:
        if any(s < end and start < e for s, e in self.credits):
            return False
        return name not in _TIME_ZONES

    def _chunks(self, sent) -> list[tuple[int, int, str]]:
        """The sentence's proper-noun chunks outside the credits (worked out once: the
        registration of names reads every sentence's before ``find`` reads it again)."""
        found = self._chunked.get((sent.start, sent.end))
        if found is None:
            found = self._chunked[sent.start, sent.end] = [
                c for c in _proper_chunks(sent) if self._nameable(*c)
            ]
        return found

    # --- registration of names over the whole article ------------------------------------
    def _register(self) -> None:
        owners: dict[str, set[str]] = {}
        by_key: dict[str, Actor] = {p.key: p for p in self.people.values()}
        owning = {_clean(e.text) for e in self.ents if e.label_ == "PERSON" and _its_own(e)}
        for ent in self.ents:
            if ent.label_ == "PERSON":
                name = self._person_name(_person_text(ent))
                if not name or name in self.people:
                    continue
                if " " not in name or name in self.places:
                    continue  # a single name is a surname of someone named in full, or nothing
                if _placed(name, self.text):
                    continue  # "strikes on Khan Yunis ... in Khan Yunis": a place
                if _company_cue(name, self.text) or _CLUB.search(name) or name in owning:
                    self._org_named(name)  # "Kraemer Mejeri shares jumped", "Dundee Rovers"
                    continue
                person = Actor(f"person:{slug(name)}", name, "person")
                self.people[name] = person
                by_key[person.key] = person
                for token in name.split():
                    owners.setdefault(token, set()).add(person.key)
        introduced = set()  # "astronaut Bertalan Farkas": a person, whatever the recogniser says
        for ent in self.ents:
            if ent.label_ == "ORG" and (name := self._introduced_person(ent)) is not None:
                person = by_key.setdefault(
                    f"person:{slug(name)}", Actor(f"person:{slug(name)}", name, "person")
                )
                self.people.setdefault(name, person)
                introduced.add(_clean(ent.text))
                for token in name.split():
                    owners.setdefault(token, set()).add(person.key)
        # Organisations longest name first, so a short form finds its full name.
        names = [
            (e.text, e) for e in self.ents if e.label_ == "ORG" and _clean(e.text) not in introduced
        ]
        names += [(c[2], None) for sent in self.doc.sents for c in self._chunks(sent)]
        for name, ent in sorted(names, key=lambda n: -len(n[0])):
            if _clean(name) in self.places:
                continue
            if ent is not None:
                self._org(ent)
            elif name not in self.people and name not in self.old_table() and " " in name:
                self._org_named(name)
        for person in self.old.people.values():  # titled people ("President Bill Clinton")
            if " " in person.name:
                by_key.setdefault(person.key, person)
                for token in person.name.split():
                    owners.setdefault(token, set()).add(person.key)
        for token, keys in owners.items():
            if len(keys) == 1 and len(token) > 2 and token[0].isupper():
                full = by_key[next(iter(keys))]
                known = self.people.get(token)
                if known is not None and known.name == token and known.key != full.key:
                    # "Dr. Murray" with "Conrad Murray" named too: one person, one id
                    self.people[token] = self.old.people[token] = full
                    self.old.people.setdefault(full.name, full)  # and named so in full
                self.people.setdefault(token, full)
            elif len(keys) > 1 and len(token) > 2 and token[0].isupper():
                # A surname several people share ("Margaret Ellison ... her husband, Peter
                # Ellison"): alone, it is the one the story introduced first, as news writes
                # the others by a first name or in full.
                sharing = [p for p in by_key.values() if p.key in keys]
                if all(p.name.split()[-1] == token for p in sharing):
                    first = min(sharing, key=lambda p: self.text.find(p.name))
                    self.people.setdefault(token, first)
        for ent in self.ents:  # one word, no one named so in full, but written as a person
            name = _clean(ent.text)
            if (
                ent.label_ in ("PERSON", "ORG")
                and " " not in name
                and name[:1].isupper()
                and not name.isupper()
                and name not in self.people
                and not any(name in p.name.split() for p in by_key.values())
                and name not in self.places
                and name not in self.old_table()
                and self.known_org(name) is None
                and _person_cue(name, self.text)
                and not _company_cue(name, self.text)
            ):
                self.people[name] = by_key.setdefault(
                    f"person:{slug(name)}", Actor(f"person:{slug(name)}", name, "person")
                )
                self.orgs.pop(name, None)

    def _introduced_person(self, ent) -> str | None:
        """The name of two or three words an organisation-tagged entity gives, when the word
        before it is a noun for a person ("Hungarian astronaut Bertalan Farkas", "the novelist
        Ines Rauch"): news writes such a noun before a person's name, never a company's ("the
        airline Condora", "rival Acme Corp" stay companies)."""
        if ent.start == 0:
            return None
        before = ent.doc[ent.start - 1]
        if before.pos_ != "NOUN" or before.lower_ not in _INTRODUCING_NOUNS:
            return None
        name = self._person_name(ent.text)
        if name is None or not 2 <= len(name.split()) <= 3 or name in self.places:
            return None
        if org_subkind(name) or _CLUB.search(name) or _company_cue(name, self.text):
            return None
        return name

    def _person_name(self, raw: str) -> str | None:
        name = _clean(raw)
        tokens = name.split()
        while tokens and tokens[0].rstrip(".") in _NOT_PERSON:
            tokens.pop(0)
        if not tokens or len(tokens) > 4:
            return None
        if any(not _PERSON_TOKEN.fullmatch(t) for t in tokens):
            return None
        if all(t.isupper() for t in tokens if len(t) > 1):
            return None  # bylines and headings: "CHEGE MBITIRU"
        name = " ".join(tokens)
        if name in self.old_table():
            return None
        return name

    @staticmethod
    def old_table() -> dict:
        from .actors import _gazetteer

        return _gazetteer()[1]

    def _org(self, ent) -> Actor | None:
        name = _clean(ent.text)
        if not name or name in self.old_table() or len(name) < 2 or name.isdigit():
            return None
        if _PORTFOLIO.match(self.text, ent.end_char):
            return None  # "Transport Minister Sione Fifita": an office, not a body
        if not any(ch.isupper() for ch in name):
            return self._national_body(ent, name)  # "Uganda's health ministry"
        if _generic_body(name) and (body := self._national_body(ent, name)) is not None:
            return body  # "Chile's Congress": not the US Congress of another article
        prefix = self._country_prefix(name)
        if prefix is not None:  # "U.S. Food and Drug Administration", "Chinese Foreign Ministry"
            code, rest = prefix
            if _generic_body(rest):
                key = f"org:{code.lower()}-{slug(rest)}"
                actor = self.orgs.get(key) or Actor(
                    key, name, "organisation", subkind=org_subkind(rest)
                )
                self.orgs[key] = self.orgs[name] = actor
                return actor
            actor = self._org_named(rest)
            self.orgs[name] = actor
            return actor
        if self._common(name):
            return None
        party = _PARTY_AFTER.match(self.text, ent.end_char)
        if party and " " not in name:
            name += party.group()  # "the Socialist party"
        actor = self._org_named(name)
        after = self.text[ent.end_char : ent.end_char + 14]
        bracket = re.match(r"\s*\(([A-Z][A-Z0-9&.-]{1,9})\)", after)
        if bracket:
            self.orgs[bracket.group(1)] = actor
        return actor

    def _country_prefix(self, name: str) -> tuple[str, str] | None:
        """(country code, the rest) of an organisation's name that opens with a country
        ("U.S. Food and Drug Administration", "Chinese Foreign Ministry"), else None."""
        words = name.split()
        table = self.old_table()
        for n in range(min(3, len(words) - 1), 0, -1):
            head = re.sub(r"['’]s$", "", " ".join(words[:n]))
            rest = " ".join(words[n:])
            entry = table.get(head)
            if entry and not entry[0].startswith("org:") and rest[:1].isupper():
                return entry[0], rest
        return None

    def _short_forms(self) -> list[str]:
        """First words that stand for an organisation named in full ("Astral" for "Astral
        Dynamics"): not common, not a country's word, nobody's name."""
        out = []
        for alias, org in list(self.orgs.items()):
            words = alias.split()
            if len(words) < 2 or not alias[:1].isupper() or org.subkind != "company":
                continue  # companies only: "Forest Lawn", "Propofol and Lorazepam" are not
            word = words[0]
            if (
                len(word) > 2
                and word[1:].islower()
                and word.lower() not in _GENERIC_BODY
                and word.lower() not in not_names()
                and word not in _ORG_OPENERS
                and word not in self.old_table()
                and word not in self.people
                # a region's name too ("Norrland" for "Norrland Bank") unless the article
                # puts something in it ("branches in Norrland")
                and not (word in self.places and _placed(word, self.text))
            ):
                self.orgs.setdefault(word, org)
                if self.orgs[word].key == org.key:
                    out.append(word)
        return sorted(set(out))

    def _firm_by_region(self, name: str) -> Actor | None:
        """The company a region's one-word name stands for: the first word of a company the
        article names in full ("Norrland" after "Swedish lender Norrland Bank"), where the
        article never puts anything in, at, to or from it as a place (the caller asks only
        where the name acts: "Norrland will present", not "Sydney was hit")."""
        if " " in name or name in self.old_table() or _follows(_ANY_PLACE, name, self.text):
            return None
        firms = {
            org.key: org
            for alias, org in self.orgs.items()
            if org.subkind == "company" and alias.split()[0] == name and " " in alias
        }
        return next(iter(firms.values())) if len(firms) == 1 else None

    def known_org(self, name: str) -> Actor | None:
        """The article's organisation this name is the short form of ("Kessler" after
        "Kessler Systems"), if any."""
        return next((o for a, o in self.orgs.items() if " " in a and name in a.split()), None)

    def _national_body(self, ent, name: str) -> Actor | None:
        """A body named by common words, of the country that qualifies it: "Uganda's health
        ministry", "the Ugandan health ministry" (id by the country's code, so the same in
        every article); None when no country says whose it is ("the health ministry")."""
        table = self.old_table()
        for tok in ent.root.children:
            if tok.dep_ not in ("poss", "amod", "compound", "nmod") or tok.i >= ent.start:
                continue
            words = [w for w in tok.subtree if w.dep_ != "case"]
            surface = self.text[words[0].idx : words[-1].idx + len(words[-1].text)]
            entry = table.get(surface)
            if entry is None or entry[0].startswith("org:"):
                continue
            nation = country(entry[0])
            key = f"org:{entry[0].lower()}-{slug(name)}"
            actor = self.orgs.get(key) or Actor(
                key, f"{nation.name}'s {name}", "organisation", subkind=org_subkind(name.title())
            )
            self.orgs[name if name[:1].isupper() else key] = actor
            self.orgs[key] = actor
            return actor
        return None

    def aliases(self, actor: Actor) -> tuple[str, ...]:
        """Every name the article (or the gazetteer) gives ``actor``, its own name first."""
        names = [actor.name]
        names += [a for a, p in self.people.items() if p.key == actor.key]
        names += [a for a, o in self.orgs.items() if o.key == actor.key]
        names += sorted(self.surfaces.get(actor.key, ()))
        if actor.key.startswith("org:"):
            try:
                names.append(short_name(actor.key[4:]))  # the gazetteer's "Fed", "EU"
            except KeyError:
                pass
        names += _gazetteer_names().get(actor.key, ())
        return tuple(dict.fromkeys(n for n in names if n and len(n) <= 200))

    # --- descriptions of the people named ----------------------------------------------
    def _key_at(self, tok) -> str | None:
        """The actor a name token stands for ("Jackson's", "Scottish", "BNP"), if known."""
        words = [w for w in tok.lefts if w.dep_ in ("compound", "flat") and w.pos_ == "PROPN"]
        names = [
            re.sub(r"['’]s?$", "", t) for t in (" ".join(w.text for w in [*words, tok]), tok.text)
        ]
        for name in names:
            if name in self.people:
                return self.people[name].key
        for name in names:
            if name in self.orgs:
                return self.orgs[name].key
            entry = self.old_table().get(name)
            if entry is not None:
                return entry[0] if entry[0].startswith("org:") else country(entry[0]).key
        return None

    def _qualifiers(self, noun) -> set[str]:
        """Whose the noun is: the actors of its possessor, modifiers and "of" ("Jackson's
        doctor", "the Scottish first minister", "the leader of the BNP")."""
        keys = set()
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
                keys.update(k for w in c.subtree if (k := self._key_at(w)) is not None)
            elif c.dep_ == "prep" and c.lower_ == "of":
                keys.update(k for w in c.subtree if (k := self._key_at(w)) is not None)
        return keys

    def _introduced_roles(self) -> dict[str, list[tuple[str, frozenset[str]]]]:
        """The nouns the article introduces its people by, noun -> (person key, whose):
        "Michael Jackson's doctor, Conrad Murray" (doctor, of Jackson), "Karen Holt, a care
        home manager", "singer Anna Berg", "Dr Conrad Murray" (doctor), "President Preval"."""
        titles = _word_lists()["title_nouns"]
        roles: dict[str, dict[str, set[str]]] = {}

        def add(noun: str, key: str, whose: set[str]) -> None:
            if noun and noun not in _NOT_ROLES and noun.isalpha():
                roles.setdefault(noun, {}).setdefault(key, set()).update(whose - {key})

        for tok in self.doc:
            if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat"):
                continue
            key = self._key_at(tok)
            if key is None or not key.startswith("person:"):
                continue
            own = self._qualifiers(tok)  # "Haitian President Rene Preval": of Haiti
            for w in tok.lefts:
                if w.dep_ not in ("compound", "nmod", "appos"):
                    continue
                if w.lower_ in titles:
                    add(titles[w.lower_], key, own)
                elif w.pos_ in ("NOUN", "PROPN") and self._key_at(w) is None:
                    add(w.lemma_.lower(), key, own | self._qualifiers(w))
            if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
                add(tok.head.lemma_.lower(), key, self._qualifiers(tok.head))
            for c in tok.children:
                if c.dep_ == "appos" and c.pos_ == "NOUN":
                    add(c.lemma_.lower(), key, self._qualifiers(c))
        return {
            noun: [(key, frozenset(whose)) for key, whose in people.items()]
            for noun, people in roles.items()
        }

    def _described(self, sent, found: list[ActorMention]) -> list[ActorMention]:
        """People a definite description stands for: "the doctor", "Michael Jackson's doctor"
        are the one person the article introduces as its doctor ("Dr Conrad Murray"); not
        where two people share the noun, the noun is plural, or it says it is someone else's
        ("the US president" after "President Preval of Haiti")."""
        out = []
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.dep_ in ("compound", "appos"):
                continue
            people = self.roles.get(tok.lemma_.lower())
            if any(m.start <= tok.idx < m.end for m in found):
                continue
            if not people:
                people = self._unintroduced(tok)
            if not people:
                continue
            named = [c for c in tok.children if c.dep_ in ("appos", "compound", "flat")]
            if any(m.start <= c.idx < m.end for c in named for m in found):
                continue  # "her son Jack", "the doctor, Conrad Murray,": the name is there
            definite = any(
                (c.dep_ == "det" and c.lower_ in ("the", "this")) or c.dep_ == "poss"
                for c in tok.children
            )
            if not definite:
                continue
            key = _the_one(people, self._qualifiers(tok))
            if key is None:
                continue
            person = next((p for p in self.people.values() if p.key == key), None)
            if person is None:  # a person told of only in passing (no entry of their own)
                continue
            end = tok.idx + len(tok.text)
            out.append(ActorMention(person, tok.idx, end, person.name, "description"))
        return out

    def _unintroduced(self, tok) -> list[tuple[str, frozenset[str]]]:
        """The person a description of what someone is or does stands for when the article
        introduced nobody by it: "the singer", "the superstar" is the person
        the story has named most so far among those it introduced by no other noun (``Michael
        Jackson`` in a story on his doctor ``Dr Conrad Murray``)."""
        noun = tok.lemma_.lower()
        if noun not in _PERSON_NOUNS:
            return []
        described = {  # "Dr Conrad Murray", "his doctor, Conrad Murray": the doctor
            key
            for role, people in self.roles.items()
            if role in _STATE_OFFICES  # "President Emmanuel Macron": the president
            or re.search(rf"\b{re.escape(role)}\b", self.text)  # a noun, not "Los Angeles"
            for key, _ in people
        }
        # only the people the article introduced by name: not an office ("Poland's prime
        # minister", office:...) nor someone only the gazetteer knows
        named = {p.key for p in self.people.values()}
        told = [
            (count, key)
            for key, count in self.told.items()
            if key in named and key not in described
        ]
        if not told:
            return []
        best = max(count for count, _ in told)
        keys = [key for count, key in told if count == best]
        return [(keys[0], frozenset())] if len(keys) == 1 else []

    # --- mentions sentence by sentence -------------------------------------------------
    def find(self, sent) -> list[ActorMention]:
        """The participants named in the spaCy sentence ``sent``, in text order."""
        span = Span(span_text(sent), sent.start_char, sent.end_char)
        found = [self._state_or_country(m) for m in self.old.find(span)]
        ents = self._ents.get(sent.start, [])
        for ent in ents:
            if ent.label_ == "ORG":  # "General Motors" is a company, not General Motors the person
                found = [
                    m
                    for m in found
                    if not (m.via == "person" and ent.start_char <= m.start < ent.end_char)
                ]
            if ent.label_ == "ORG" and _named_of_place(_clean(ent.text)):
                found = [  # "First of America Bank Corp.": a company, not America
                    m
                    for m in found
                    if not (ent.start_char <= m.start and m.end <= ent.end_char)
                    or m.actor.kind not in ("country", "place")
                ]
            if ent.label_ == "ORG" and self._country_prefix(_clean(ent.text)) is not None:
                found = [  # "The U.S. Food and Drug Administration": the agency, not the US
                    m
                    for m in found
                    if not (ent.start_char <= m.start and m.end <= ent.end_char)
                    or m.actor.kind != "country"
                ]
            if ent.label_ in ("LOC", "FAC", "GPE") and " " in ent.text.strip():
                inner = [m for m in found if ent.start_char <= m.start and m.end <= ent.end_char]
                if inner and all(m.end - m.start < len(_clean(ent.text)) for m in inner):
                    if _clean(ent.text) not in self.old_table():
                        found = [m for m in found if m not in inner]
        found = self._named_of(span, found)
        for m in _LED.finditer(self.text, span.start, span.end):
            name = m.group(1)
            led = Actor(f"org:{slug(name)}", name, "organisation")
            found = [f for f in found if not (m.start(1) <= f.start < m.end(1))]
            found.append(ActorMention(led, m.start(1), m.end(1), name, "org"))
        taken = [(m.start, m.end) for m in found]

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in taken)

        pattern, table = _indices()
        for m in pattern.finditer(self.text, span.start, span.end):
            if free(m.start(), m.end()):
                key, name = table[m.group()]
                found.append(
                    ActorMention(
                        Actor(f"index:{key}", name, "index"), m.start(), m.end(), m.group(), "index"
                    )
                )
                taken.append((m.start(), m.end()))
        for ent in ents:
            if not free(ent.start_char, ent.end_char):
                continue
            mention = self._ner_mention(ent)
            if mention is not None:
                found.append(mention)
                taken.append((mention.start, mention.end))
        for start, end, name in self._chunks(sent):
            if free(start, end) and name not in self.old_table():
                head = sent.doc.char_span(start, end, alignment_mode="expand")
                placed = name in self.places or (head is not None and _locative(head.root))
                if placed and name not in self.orgs and self.known_org(name) is None:
                    place = Actor(f"place:{slug(name)}", name, "place", subkind="city or region")
                    found.append(ActorMention(place, start, end, name, "place", place=True))
                    taken.append((start, end))
                    continue
                mention = self._unrecognised(name, start, end)
                if mention is not None:
                    found.append(mention)
                    taken.append((start, end))
        if self._short is None:  # "NASA paid Astral": Astral Dynamics, however tagged
            words = self._short_forms()
            self._short = (
                re.compile(rf"(?<![\w-]){alternation(words)}(?![\w-])(?!\s+[A-Z])")
                if words
                else False
            )
        for m in self._short.finditer(self.text, span.start, span.end) if self._short else ():
            if free(m.start(), m.end()):
                word = m.group()
                found.append(ActorMention(self.orgs[word], m.start(), m.end(), word, "org"))
                taken.append((m.start(), m.end()))
        for m in _CAPITALS.finditer(self.text, span.start, span.end):
            # "GAZPROM cut supplies", with "Gazprom" elsewhere: one actor whatever the case
            title = m.group().title()
            if not free(m.start(), m.end()) or title in self.old_table():
                continue
            if next(_written(title, self.text, _NO_WORD_BEFORE, _NO_WORD_AFTER), None) is None:
                continue  # no other spelling to be: a heading's word, an acronym
            mention = self._unrecognised(title, m.start(), m.end())
            if mention is not None:
                found.append(dataclasses.replace(mention, surface=m.group()))
                taken.append((m.start(), m.end()))
        for m in _CURRENCY_WORD.finditer(self.text, span.start, span.end):
            word = m.group(1).split()[-1].lower()
            code = _CURRENCIES.get(word)
            if code and free(m.start(1), m.end(1)):
                qualifier = m.group(1).split()[:-1]
                key = slug(" ".join([*qualifier, code])) if qualifier else code
                name = " ".join([*qualifier, code]) if qualifier else code
                found.append(
                    ActorMention(
                        Actor(f"currency:{key}", name, "currency"),
                        m.start(1),
                        m.end(1),
                        m.group(1),
                        "currency",
                    )
                )
        found.extend(self._described(sent, found))
        found.sort(key=lambda a: a.start)
        bodies = self._bodies(sent, found)
        if bodies:  # the body stands where its place was named (the noun keeps its number)
            replaced = {id(q) for q, _ in bodies}
            found = [m for m in found if id(m) not in replaced] + [b for _, b in bodies]
            found.sort(key=lambda a: a.start)
        for m in found:  # "Michael Jackson's doctor" tells of Jackson, if not as a participant
            if m.actor.kind == "person" and m.via not in ("pronoun", "group", "description"):
                self.told[m.actor.key] = self.told.get(m.actor.key, 0) + 1
        found = [_governing(sent, m) for m in found]
        found = _without_qualifiers(sent, found)
        found = [m for m in found if not _a_firms_country(sent, m)]
        found = self._two_sides(span, found)
        for m in found:
            self.counts[m.actor.key] = self.counts.get(m.actor.key, 0) + 1
            if m.via not in ("pronoun", "group", "adjective"):
                self.surfaces.setdefault(m.actor.key, set()).add(m.surface)
        return found

    def _two_sides(self, span: Span, found: list[ActorMention]) -> list[ActorMention]:
        """ "The two sides", "both parties" with no countries named together before (those
        are ``ArticleActors``' group): the last two organisations the article named before
        ("Condora said it had offered a rise, which the union VFP rejected. Talks between the
        two sides broke down"). Remembers this sentence's organisations."""
        out = list(found)
        anaphor = _TWO_SIDES.search(self.text, span.start, span.end)
        if anaphor and not any(m.via == "group" for m in found):
            last: list[ActorMention] = []
            for m in reversed(self.sides):
                if len(last) < 2 and all(m.actor.key != x.actor.key for x in last):
                    last.append(m)
            if len(last) == 2:
                out.extend(
                    ActorMention(m.actor, anaphor.start(), anaphor.end(), m.surface, "group")
                    for m in reversed(last)
                )
                out.sort(key=lambda a: a.start)
        self.sides.extend(
            m for m in found if m.actor.kind == "organisation" and m.via not in ("group", "pronoun")
        )
        return out

    def _named_of(self, span: Span, found: list[ActorMention]) -> list[ActorMention]:
        """A company named with a place after "of" and told again, with or without its
        suffix ("Bank of America, which ...", "First of America announced" after "First of
        America Bank Corp."): the company, not the country or place inside its name."""
        for alias, org in list(self.orgs.items()):
            if org.kind != "organisation":
                continue
            for form in _of_forms(alias):
                for m in _whole_words(form).finditer(self.text, span.start, span.end):
                    inner = [x for x in found if m.start() <= x.start and x.end <= m.end()]
                    if not inner or any(x.actor.kind not in ("country", "place") for x in inner):
                        continue
                    found = [x for x in found if x not in inner]
                    found.append(ActorMention(org, m.start(), m.end(), form, "org"))
        return found

    def _bodies(self, sent, found: list[ActorMention]) -> list[tuple[ActorMention, ActorMention]]:
        """Bodies named by a place and a common noun: "Munich prosecutors", "Spanish
        prosecutors", "a Frankfurt labour court", "Chile's navy" (one id per place and noun in
        every article: org:esp-prosecutors). Not "the Chinese government" or "Russian forces",
        which are the country acting."""
        if not any(_body_noun(t) or _office_noun(t) for t in sent):
            return []
        doc = sent.doc
        where: dict[int, ActorMention] = {}
        taken: set[int] = set()
        for m in found:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span if span is not None else ():
                if m.actor.kind in ("country", "place") and m.via != "group":
                    where.setdefault(tok.i, m)
                elif _union(m.actor) and self.text[m.end : m.end + 2] in ("'s", "’s"):
                    where.setdefault(tok.i, m)  # "the European Union's top court"
                else:
                    taken.add(tok.i)
        out = []
        for tok in sent:
            office = _office_noun(tok)
            if (
                not (office or _body_noun(tok))
                or tok.i in taken
                or tok.pos_ not in ("NOUN", "PROPN")
            ):
                continue
            if any(
                c.dep_ == "appos" or (c.dep_ == "compound" and c.i in taken) for c in tok.children
            ) or _named_beside(tok, taken):
                continue  # "financial watchdog BaFin": the name says who
            if office and tok.dep_ == "appos" and tok.head.i in taken:
                continue  # "Aroha Ngata, New Zealand's housing minister": the holder is named
            mods = [c for c in tok.lefts if c.dep_ in ("poss", "compound", "amod", "nmod")]
            qualifier = next((where[w.i] for c in mods for w in c.subtree if w.i in where), None)
            if qualifier is None and not mods and not office:
                out.extend(self._body_in(tok, where))
                continue
            if qualifier is None:
                continue
            start, end = qualifier.start, tok.idx + len(tok.text)
            rest = re.sub(r"^['’]s\s+", "", self.text[qualifier.end : end].strip())
            name = self.text[start:end]
            actor = (self._office if office else self._body)(qualifier, rest, name)
            out.append((qualifier, ActorMention(actor, start, qualifier.end, name, "body")))
        return out

    def _body(self, qualifier: ActorMention, noun: str, name: str) -> Actor:
        owner = qualifier.actor.key.split(":", 1)[1].lower()
        key = f"org:{owner}-{slug(noun)}"
        actor = self.orgs.get(key) or Actor(key, name, "organisation", subkind="government")
        self.orgs[key] = actor
        return actor

    def _office(self, qualifier: ActorMention, noun: str, name: str) -> Actor:
        """The office a place names ("Poland's prime minister": office:pol-prime-minister), one
        id in every article, its first wording its name."""
        owner = qualifier.actor.key.split(":", 1)[1].lower()
        key = f"office:{owner}-{slug(noun)}"
        actor = self.orgs.get(key) or Actor(
            key, name, "person", role=noun.lower(), subkind="office"
        )
        self.orgs[key] = actor
        return actor

    def _body_in(self, tok, where: dict[int, ActorMention]) -> list:
        """A body named by its noun and "in" a city: "Police in Rotterdam", "prosecutors in
        Katowice" are the Rotterdam police and the Katowice prosecutors (not a country: "police
        in France" are French police, which the adjective form names)."""
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            qualifier = where.get(pobj.i) if pobj is not None else None
            if qualifier is None or qualifier.actor.kind != "place":
                return []
            name = self.text[tok.idx : qualifier.end]
            actor = self._body(qualifier, tok.text, name)
            body = ActorMention(actor, qualifier.start, qualifier.end, name, "body")
            return [(qualifier, body)]
        return []

    def _ship(self, name: str, start: int, end: int) -> ActorMention | None:
        """A ship: where things happen when the text is on board ("killed on board the Sea
        Star": a place, no participant), else a vessel ("the MV Ruby sank"), no company."""
        before = self.text[max(0, start - 40) : start]
        offset = self.text.find(name, start, end)
        start = offset if offset >= 0 else start
        prefix = _PREFIX_BEFORE.search(self.text, max(0, start - 40), start)
        if prefix:  # "HMS Queen Elizabeth", recognised as "Elizabeth"
            name = self.text[prefix.start() : start] + name
            start = prefix.start()
        key = slug(_VESSEL_PREFIX.sub("", name))
        if _ON_BOARD.search(before):
            place = Actor(f"place:{key}", name, "place", subkind="vessel")
            return ActorMention(place, start, start + len(name), name, "place", place=True)
        if _VESSEL_PREFIX.match(name) or _VESSEL_BEFORE.search(before):
            vessel = Actor(f"product:{key}", name, "product", subkind="vessel")
            return ActorMention(vessel, start, start + len(name), name, "product")
        return None

    def _unrecognised(self, name: str, start: int, end: int) -> ActorMention | None:
        """A proper name the recogniser left out, as a participant: a person named before,
        else an organisation ("Brightline Semiconductor said ...")."""
        ship = self._ship(name, start, end)
        if ship is not None:
            return ship
        person = self.people.get(name)
        if person is not None:
            return ActorMention(person, start, end, name, "surname")
        if self._common(name) or _substance(name, self.text):
            return None
        if (
            " " not in name
            and not name.isupper()
            and self.known_org(name) is None
            and _person_cue(name, self.text)
            and not _company_cue(name, self.text)
        ):  # "Obama signed the bill", the recogniser tagging nothing: a person
            person = Actor(f"person:{slug(name)}", name, "person")
            self.people[name] = person
            self.orgs.pop(name, None)
            return ActorMention(person, start, end, name, "surname")
        return ActorMention(self._org_named(name), start, end, name, "org")

    def _common(self, name: str) -> bool:
        """A capitalised common word, no name: "Heads of State", "The Summit adopted", "a
        declaration on Investment" (one word, not an acronym, that the article also writes
        in lower case or that names a happening or a kind of place)."""
        common = not_names()
        if name in self.orgs or name in self.people:
            return False
        words = name.split()
        if words[-1] in _NOT_BODIES:
            return True  # "Scottish League Cup", "MBE", "Labor MEP": a prize, an honour, a seat
        if " " in name:  # "Heads of State and Government": people by their office, in capitals
            capitals = [w for w in words if w[:1].isupper()]
            return words[0].lower() in _GROUP_HEADS and all(w.lower() in common for w in capitals)
        if name.isupper():
            return False
        if _demonym(name):
            return True  # "two Britons", "a Swede": people of a country, no one named
        if _gazetteer_short(name):
            return False
        word = name.lower()
        if word in common or lexicon.noun_type(word):
            return True
        return next(_written(word, self.text, _NO_WORD_BEFORE, _NO_WORD_AFTER), None) is not None

    def _org_named(self, name: str) -> Actor:
        """The organisation of this name in the article, by its full name, its short form
        ("Lufthansa" after "Deutsche Lufthansa AG") or an acronym; new if none."""
        if name in self.orgs:
            return self.orgs[name]
        short = _SUFFIX.sub("", name).strip() or name
        actor = self.orgs.get(short)
        if actor is None:
            for alias, known in self.orgs.items():
                if " " in alias and short in alias.split():
                    actor = known
                    break
                if short.isupper() and len(short) >= 2 and _acronym(alias) == short:
                    actor = known
                    break
        if actor is None and (key := _gazetteer_short(short)):
            actor = organisation(key)  # "Fed": the gazetteer's Federal Reserve
        if actor is None:
            subkind = org_subkind(name)
            actor = Actor(f"org:{slug(short)}", short, "organisation", subkind=subkind)
        self.orgs[name] = self.orgs.setdefault(short, actor)
        return actor

    def _state_or_country(self, m: ActorMention) -> ActorMention:
        """ "Atlanta, Georgia" and "the state of Georgia" are the US state, not the country."""
        if m.actor.kind != "country" or m.surface not in _us_states():
            return m
        before = self.text[max(0, m.start - 30) : m.start]
        after = self.text[m.end : m.end + 20]
        if re.search(r"[A-Z][a-z]+,\s*$|\bstate of\s*$", before) or re.match(
            r"\s*(?:state|governor|legislature|senator)\b", after, re.I
        ):
            place = Actor(f"place:us-{slug(m.surface)}", m.surface, "place", subkind="US state")
            return ActorMention(place, m.start, m.end, m.surface, "place")
        return m

    def _ner_mention(self, ent) -> ActorMention | None:
        label = ent.label_
        start, end = ent.start_char, ent.end_char
        surface = ent.text
        name = _clean(surface)
        if label in ("PERSON", "ORG", "PRODUCT", "FAC", "GPE", "LOC", "WORK_OF_ART"):
            ship = self._ship(name, start, end)
            if ship is not None:
                return ship
            if name not in self.people and _substance(name, self.text):
                return None  # "a lethal dose of Propofol": a drug
        if name in _PLATFORMS and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "on":
            place = Actor(f"place:{slug(name)}", name, "place", subkind="platform")
            return ActorMention(place, start, end, name, "place", place=True)  # "on YouTube"
        if label in ("PERSON", "ORG") and name in self.places and name not in self.people:
            place = Actor(f"place:{slug(name)}", name, "place", subkind="city or region")
            return ActorMention(place, start, end, name, "place", place=True)
        if (
            label in ("PERSON", "ORG")
            and _locative(ent.root)
            and " " not in surface.strip()
            and not _described_as_firm(ent.root)
            and self.known_org(_clean(surface)) is None
        ):
            name = _clean(surface)  # "a meeting in Lyon", "the province of Caylloma": a place
            if name and name not in self.people:
                place = Actor(f"place:{slug(name)}", name, "place", subkind="city or region")
                return ActorMention(place, start, end, name, "place", place=True)
        if label == "PERSON":
            name = self._person_name(_person_text(ent))
            if not name:
                return None
            person = self.people.get(name)
            if person is None and " " in name and _placed(name, self.text):
                place = Actor(f"place:{slug(name)}", name, "place", subkind="city or region")
                return ActorMention(place, start, end, name, "place", place=True)
            if person is None and name in self.orgs:  # a company by the text's own cues
                return ActorMention(self.orgs[name], start, end, name, "org")
            if person is None and " " not in name and self._common(name):
                return None
            if person is None and " " not in name and name not in self.old_table():
                # One word the recogniser calls a person, with nobody of that name in the
                # article: news introduces people in full, so it is a company ("Embraer").
                actor = self.orgs.get(name) or Actor(
                    f"org:{slug(name)}", name, "organisation", subkind=org_subkind(name)
                )
                self.orgs[name] = actor
                return ActorMention(actor, start, end, name, "org")
            if person is None:
                return None
            offset = self.text.find(name, start, end)
            start = offset if offset >= 0 else start
            return ActorMention(person, start, start + len(name), name, "person")
        if label == "ORG" and (person := self.people.get(_clean(surface))) is not None:
            return ActorMention(person, start, end, _clean(surface), "surname")
        if label == "ORG":
            actor = self._org(ent)
            if actor is None:
                return None
            return ActorMention(actor, start, end, _clean(surface), "org")
        if label in ("GPE", "LOC", "FAC"):
            name = _clean(surface)
            if not name or not name[0].isupper():
                return None
            acts = label == "GPE" and ent.root.dep_ in ("nsubj", "poss")
            firm = self._firm_by_region(name) if acts else None
            if firm is not None:  # "Norrland will present": Norrland Bank, not the region
                return ActorMention(firm, start, end, name, "org")
            subkind = {"GPE": "city or region", "LOC": "location", "FAC": "facility"}[label]
            place = Actor(f"place:{slug(name)}", name, "place", subkind=subkind)
            return ActorMention(place, start, end, name, "place", place=True)
        if label == "NORP":  # "talks with the Greens and the Social Democrats": the parties
            name = _clean(surface)
            if _norp_place(ent, name) or name in self.places:  # "flew to Iquique", a people
                place = Actor(f"place:{slug(name)}", name, "place", subkind="city or region")
                return ActorMention(place, start, end, name, "place", place=True)
            if not name[:1].isupper() or name.split()[-1] not in _PARTY_PLURALS:
                return None
            first = ent[0]
            while first.i > first.sent.start:  # "the Social Democrats", read as "Democrats"
                word = first.doc[first.i - 1]
                if (
                    not word.is_title
                    or word.dep_ not in ("amod", "compound")
                    or word.text in self.old_table()  # "German Greens": Germany's Greens
                ):
                    break
                first = word
            start = first.idx
            name = _clean(self.text[start:end])
            party = self.orgs.setdefault(
                name, Actor(f"org:{slug(name)}", name, "organisation", subkind="party")
            )
            return ActorMention(party, start, end, name, "org")
        if label == "PRODUCT":
            name = _clean(surface)
            if not name or not name[0].isupper():
                return None
            return ActorMention(
                Actor(f"product:{slug(name)}", name, "product"), start, end, name, "product"
            )
        return None
