"""Recognise and normalise actors: countries, organisations and titled people."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path

import pycountry

from ..text import plain
from .model import Actor
from .sentences import Span

DATA = Path(__file__).resolve().parent.parent / "data"
#: A capital after one of these is a place ("in Beijing"), not the government acting.
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "outside", "into", "via"})
#: Anaphors that stand for the group of countries last named together.
GROUP_ANAPHORS = re.compile(
    r"\b(?:[Tt]hey|[Tt]he (?:two )?(?:countries|parties|sides|nations|governments)|"
    r"[Bb]oth (?:countries|parties|sides|nations|governments))\b"
)
#: Anaphors that stand for the two people last named.
PAIR_ANAPHORS = re.compile(
    r"\b(?:[Tt]he two (?:leaders|men|women|ministers|presidents|premiers|heads of state)|"
    r"[Bb]oth (?:leaders|men|women|ministers))\b"
)
#: A name's word in any Latin script ("Erdoğan", "Łukasz", "Nguyễn"), never cut at a letter
#: outside ASCII.
_NAME_TOKEN = r"(?:[A-Z]['’])?[A-ZÀ-ÖØ-Þ\u0100-\u024f\u1e00-\u1eff][^\W\d_]+(?:-[^\W\d_]+)*"
_NOT_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December The In On At And But".split()
)


@dataclasses.dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found at ``start:end``; ``via`` is name/adjective/capital/org/person/surname/
    pronoun/group; ``place`` marks a capital used as a location ("in Beijing")."""

    actor: Actor
    start: int
    end: int
    surface: str
    via: str
    place: bool = False


def _load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@functools.cache
def country(code: str) -> Actor:
    """The country actor for an ISO alpha-3 code, named as news text names it."""
    record = pycountry.countries.get(alpha_3=code)
    display = _load("countries.json")["display"]
    name = display.get(code) or getattr(record, "common_name", None) or record.name
    return Actor(f"country:{code}", name, "country")


@functools.cache
def _gazetteer() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One regex over every country/organisation surface form, and surface -> (key, via)."""
    table: dict[str, tuple[str, str]] = {}
    bases: dict[str, list[str]] = {}
    for record in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if not value or "(" in value:
                continue
            if "," in value:
                bases.setdefault(value.split(",")[0], []).append(record.alpha_3)
                continue
            table[value] = (record.alpha_3, "name")
    for base, codes in bases.items():
        if len(set(codes)) == 1 and base not in table:
            table[base] = (codes[0], "name")
    data = _load("countries.json")
    for via in ("names", "adjectives", "capitals"):
        for surface, code in data[via].items():
            table[surface] = (code, via.rstrip("s").replace("name", "name"))
    for org in _load("organisations.json")["organisations"]:
        for alias in org["aliases"]:
            table[alias] = ("org:" + org["key"], "org")
    pattern = re.compile(r"(?<![\w.])" + alternation(table) + r"(?![\w-])")
    return pattern, table


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest one first where several match.

    Written as a prefix tree ("Ni(?:ger(?:ia)?|caragua)") rather than one alternative per word:
    Python's ``re`` tries alternatives one by one, so a flat list of ~1,000 names costs a
    thousand attempts at every position of the text, the tree one per character.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return "(?:" + _tree_regex(tree) + ")"


def _tree_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _tree_regex(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # longer words first, then the word that ends here
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


@functools.cache
def _organisations() -> dict[str, dict]:
    """The gazetteer's organisations by key (read once: a key it lacks is asked for again and
    again, by every headline naming a company the recogniser found)."""
    by_key: dict[str, dict] = {}
    for org in _load("organisations.json")["organisations"]:
        by_key.setdefault(org["key"], org)
    return by_key


@functools.cache
def organisation(key: str) -> Actor:
    """The gazetteer's organisation ``key`` (KeyError when it has none)."""
    return Actor(f"org:{key}", _organisations()[key]["name"], "organisation")


def short_name(key: str) -> str:
    """The name a headline uses for an organisation: "EU", "SCO", "Fed" (KeyError when the
    gazetteer has no ``key``)."""
    return _organisations()[key].get("short", key)


@functools.cache
def _person_pattern() -> re.Pattern:
    titles = _load("person_titles.json")["titles"]
    adjectives = _load("countries.json")["adjectives"]
    return re.compile(  # never inside a word: "administer Propofol" holds no "minister"
        r"(?<!\w)(?:(?P<adj>" + alternation(adjectives) + r")\s+)?"
        r"(?P<title>" + alternation(titles) + r")\s+"
        r"(?P<name>" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){0,2})"
    )


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", plain(name)).strip("-")


def _trim_name(name: str) -> str:
    tokens = name.split()
    while tokens and tokens[-1] in _NOT_NAMES:
        tokens.pop()
    return " ".join(tokens)


class ArticleActors:
    """Actor recognition over one article, with its coreference state (surnames, pronouns)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.people: dict[str, Actor] = {}  # alias (full name or one of its tokens) -> person
        self.group: tuple[Actor, ...] = ()
        self.recent_people: list[ActorMention] = []
        self._register_people()

    def _register_people(self) -> None:
        owners: dict[str, set[str]] = {}
        office = None  # the last office named: "his Russian counterpart" holds the same one
        for m in _person_pattern().finditer(self.text):
            name = _trim_name(m.group("name"))
            if not name or name in _gazetteer()[1] or _after_vessel_prefix(self.text, m.start()):
                continue
            title = m.group("title")
            if title.lower() == "counterpart" and office:
                title = office
            elif title[:1].isupper() and not title.endswith("."):
                office = title
            full = _royal_name(m.group("title"), name)
            person = self.people.get(name) or Actor(
                f"person:{slug(full)}", full, "person", _role(m.group("adj"), title)
            )
            self.people[name] = person
            for token in name.split():
                owners.setdefault(token, set()).add(person.key)
        by_key = {p.key: p for p in self.people.values()}
        for token, keys in owners.items():
            if len(keys) == 1 and token not in _NOT_NAMES and len(token) > 1:
                self.people.setdefault(token, by_key[next(iter(keys))])

    def find(self, span: Span) -> list[ActorMention]:
        """Actors mentioned in ``span`` (a sentence or clause), in text order."""
        found: list[ActorMention] = []
        taken: list[tuple[int, int]] = []
        for m in _person_pattern().finditer(self.text, span.start, span.end):
            name = _trim_name(m.group("name"))
            person = self.people.get(name)
            if not person:
                continue
            if m.group("adj"):
                found.append(self._country_mention(m.start("adj"), m.end("adj"), "adjective"))
            end = m.start("name") + len(name)
            found.append(ActorMention(person, m.start("title"), end, name, "person"))
            taken.append((m.start(), end))
        found.extend(self._gazetteer_mentions(span, taken))
        found.extend(self._surname_mentions(span, taken))
        found.sort(key=lambda a: a.start)
        found = self._pronouns(span, found)
        for mention in found:
            if mention.actor.kind == "person":
                self.recent_people = [
                    p for p in self.recent_people if p.actor.key != mention.actor.key
                ][-1:] + [mention]
        return found

    def _country_mention(self, start: int, end: int, via: str) -> ActorMention:
        code = _gazetteer()[1][self.text[start:end]][0]
        return ActorMention(country(code), start, end, self.text[start:end], via)

    def _gazetteer_mentions(self, span: Span, taken: list) -> list[ActorMention]:
        pattern, table = _gazetteer()
        out = []
        for m in pattern.finditer(self.text, span.start, span.end):
            if any(s <= m.start() < e for s, e in taken):
                continue
            key, via = table[m.group()]
            if key.startswith("org:"):
                out.append(ActorMention(organisation(key[4:]), m.start(), m.end(), m.group(), via))
                continue
            before = re.search(r"(\w+)\s+$", self.text[max(0, m.start() - 20) : m.start()])
            place = via == "capital" and bool(before) and before.group(1) in PLACE_PREPOSITIONS
            out.append(ActorMention(country(key), m.start(), m.end(), m.group(), via, place=place))
        return out

    def _surname_mentions(self, span: Span, taken: list) -> list[ActorMention]:
        """Names of people told before: in full ("Conrad Murray", one mention) or a part."""
        out = []
        words = [
            (span.start + m.start(), m.group().removesuffix("’s").removesuffix("'s"))
            for m in re.finditer(_NAME_TOKEN, self.text[span.start : span.end])
        ]
        i = 0
        while i < len(words):
            start, token = words[i]
            n = 1
            for j in range(min(len(words), i + 3), i + 1, -1):  # the full name first
                run = self.text[start : words[j - 1][0] + len(words[j - 1][1])]
                if " ".join(run.split()) == run and run in self.people:
                    n, token = j - i, run
                    break
            person = self.people.get(token)
            if person and not any(s <= start < e for s, e in taken):
                via = "person" if n > 1 else "surname"
                out.append(ActorMention(person, start, start + len(token), token, via))
            i += n
        return out

    def _pronouns(self, span: Span, found: list[ActorMention]) -> list[ActorMention]:
        # A sentence's "He"/"She" is resolved by ``participants.pronouns``, which weighs the
        # subject before and what the text told of each one's sex, not the last name alone.
        out = list(found)
        for m in GROUP_ANAPHORS.finditer(self.text, span.start, span.end):
            if self.group and not _in_complement(self.text, span.start, m.start()):
                out.extend(ActorMention(a, m.start(), m.end(), a.name, "group") for a in self.group)
        pair = PAIR_ANAPHORS.search(self.text, span.start, span.end)
        if pair and len(self.recent_people) == 2:
            out.extend(
                ActorMention(p.actor, pair.start(), pair.end(), p.surface, "group")
                for p in self.recent_people
            )
        out.sort(key=lambda a: a.start)
        subject = _subject_countries(self.text, span, out)
        if len(subject) >= 2:
            self.group = tuple(subject)
        return out


def _in_complement(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies after a reporting verb's "that" (reported speech)."""
    return bool(re.search(r"\bthat\b", text[start:pos]))


def _subject_countries(text: str, span: Span, found: list[ActorMention]) -> list[Actor]:
    """Countries named together at the start of a clause ("China and Russia have...")."""
    head = re.match(r"[^,;]*?(?=\s+(?:have|has|had|were|was|are|is|also|\w+ed)\b)", span.text)
    if not head:
        return []
    limit = span.start + head.end()
    seen: dict[str, Actor] = {}
    for m in found:
        if m.start < limit and m.actor.kind == "country" and not m.place and m.via != "group":
            seen.setdefault(m.actor.key, m.actor)
    return list(seen.values())


#: Prefixes of a ship's name ("HMS Queen Elizabeth" is no queen).
VESSEL_PREFIX = r"(?:MV|M/V|MS|SS|HMS|USS|RFA|INS|HMAS|HMCS|FV|RV|MT)"
_AFTER_VESSEL_PREFIX = re.compile(VESSEL_PREFIX + r"\s+$")


def _after_vessel_prefix(text: str, start: int) -> bool:
    return _AFTER_VESSEL_PREFIX.search(text, max(0, start - 8), start) is not None


#: Titles that are part of a one-word name: "Queen Elizabeth", "Pope Francis", "King Charles".
ROYAL_TITLES = frozenset({"King", "Queen", "Prince", "Crown Prince", "Emperor", "Pope"})


def _royal_name(title: str, name: str) -> str:
    """The name a reader knows a titled person by: "Queen Elizabeth" rather than "Elizabeth"."""
    return f"{title} {name}" if title in ROYAL_TITLES and " " not in name else name


def _role(adjective: str | None, title: str) -> str:
    return f"{adjective} {title}" if adjective else title
