"""What a predicate means: event types by lemma and frame, and the verbs that are no events.

A predicate's type comes from its lemma, refined by its frame (the nouns it governs): "rose"
is a market move when an index or a price rises, an economic release when inflation does;
"launched" is a conflict when an attack is launched, a launch otherwise. The classes follow
TimeML's EVENT notion (occurrences, actions, changes of state, speech acts); states and
opinions ("believe", "want", "seem") and aspectual or modal verbs are no events.

The words are data (``service/data/lexicon.json``), and so are the frame rules
(``service/data/verb_frames.json``), and the broad verb classes consulted after both
(``service/data/verb_classes.json``); this module reads them.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "lexicon.json"
FRAMES = DATA.with_name("verb_frames.json")


def _load() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def actor_words(name: str) -> frozenset[str]:
    """One word list of ``service/data/actor_words.json`` (who is a participant)."""
    words = json.loads(DATA.with_name("actor_words.json").read_text(encoding="utf-8"))
    return frozenset(words[name])


def _by_word(types: dict[str, list[str]]) -> dict[str, str]:
    """type -> words, turned into word -> type."""
    return {word: type_ for type_, words in types.items() for word in words}


_DATA = _load()
_SETS = {name.upper(): frozenset(entry["words"]) for name, entry in _DATA["sets"].items()}
#: lemma -> type, for verbs whose type does not depend on their frame.
VERB_TYPES: dict[str, str] = _by_word(_DATA["verb_types"])
#: Nouns naming a happening, with their type ("the summit", "Monday's earthquake").
NOUN_TYPES: dict[str, str] = _by_word(_DATA["noun_types"])
#: Lemmas the tagger gets wrong ("fined" -> "fin"), with the right one.
LEMMA_FIXES: dict[str, str] = dict(_DATA["lemma_fixes"])
#: Phrasal verbs (lemma and particle) whose type differs from the verb's own.
PHRASAL: dict[str, str] = dict(_DATA["phrasal"])
#: Nouns of a deed done to someone, with the verb and participle that tell it ("slaying":
#: "slay", "slain").
DEED_NOUNS: dict[str, tuple[str, str]] = {
    noun: tuple(forms) for noun, forms in _DATA["deed_nouns"].items() if not noun.startswith("_")
}
# The word sets, each documented in the data file ("doc").
GROWTH = _SETS["GROWTH"]
REPORTING = _SETS["REPORTING"]
QUOTING = _SETS["QUOTING"]
#: Reporting verbs a headline keeps ("announces", "confirms") rather than telling as "says".
TELLING_VERBS = _SETS["TELLING_VERBS"]
STRIKING_VERBS = _SETS["STRIKING_VERBS"]
PURPOSE_NOUNS = _SETS["PURPOSE_NOUNS"]
PURPOSE_VERBS = _SETS["PURPOSE_VERBS"]
JUDGING_VERBS = _SETS["JUDGING_VERBS"]
DECLINING = _SETS["DECLINING"]
GERUND_OBJECTS = _SETS["GERUND_OBJECTS"]
SPEAKING = _SETS["SPEAKING"] | REPORTING
CONTENT_PREPS = _SETS["CONTENT_PREPS"]
NEWS_SAYINGS = _SETS["NEWS_SAYINGS"]
FORETELLING = _SETS["FORETELLING"]
INTENDING = _SETS["INTENDING"]
STATIVE = _SETS["STATIVE"]
PLANNING = _SETS["PLANNING"]
EXPECTING = _SETS["EXPECTING"]
HABITUAL = _SETS["HABITUAL"]
LIFE_COURSE = _SETS["LIFE_COURSE"]
LIFE_PERIODS = _SETS["LIFE_PERIODS"]
HABITUAL_PERIODS = _SETS["HABITUAL_PERIODS"]
LASTING_PERIODS = _SETS["LASTING_PERIODS"]
LONG_PERIODS = _SETS["LONG_PERIODS"]
BOUNDED_TERMS = _SETS["BOUNDED_TERMS"]
STANCES = _SETS["STANCES"]
FORMER = _SETS["FORMER"]
FIGURATIVE_SUBJECTS = _SETS["FIGURATIVE_SUBJECTS"]
POLLED = _SETS["POLLED"]
UNDERTAKINGS = _SETS["UNDERTAKINGS"]
STATE_KEEPERS = _SETS["STATE_KEEPERS"]
ACTIVITIES = _SETS["ACTIVITIES"]
PREDICTED = _SETS["PREDICTED"]
PICTURES = _SETS["PICTURES"]
STATE_FORMS = _SETS["STATE_FORMS"]
OCCURRENCE = _SETS["OCCURRENCE"]
NOMINAL_ENDINGS = tuple(sorted(_SETS["NOMINAL_ENDINGS"]))
OFFICES = _SETS["OFFICES"]
LIGHT = _SETS["LIGHT"]
GOING_NOUNS = _SETS["GOING_NOUNS"]
ASPECTUAL = _SETS["ASPECTUAL"]
ENDING = _SETS["ENDING"]
VOICES = _SETS["VOICES"]
HAPPENING_VERBS = _SETS["HAPPENING_VERBS"]
FIRM = _SETS["FIRM"]
PERIODS = _SETS["PERIODS"]
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
QUESTION_WORDS = _SETS["QUESTION_WORDS"]
BACKGROUND_MARKS = _SETS["BACKGROUND_MARKS"]
REACTIONS = _SETS["REACTIONS"]
CONSEQUENCE = CASUALTY | _SETS["CONSEQUENCE"]
HARMED = CASUALTY | _SETS["HARM_OUTCOMES"]
HARM_MEANS = _SETS["HARM_MEANS"]
LABELLING = _SETS["LABELLING"]
DIRECTIVES = _SETS["DIRECTIVES"]
OBJECT_CONTROL = _SETS["OBJECT_CONTROL"]
AWARD_WORDS = _SETS["AWARD_WORDS"]
POLICE = _SETS["POLICE"]
TRIP_VERBS = _SETS["TRIP_VERBS"]
TRAVEL_PARTIES = _SETS["TRAVEL_PARTIES"]
SITE_NOUNS = _SETS["SITE_NOUNS"]


@dataclasses.dataclass(frozen=True, slots=True)
class _Rule:
    """One row of ``verb_frames.json``: for ``verbs``, when every condition holds, ``type``
    (or the type of the first noun of ``type_from`` that names a happening)."""

    verbs: frozenset[str] | None  # None: any verb
    when: tuple[tuple[tuple[str, ...], frozenset[str] | None, bool], ...]
    type: str | None
    type_from: str | None


def _rule(row: dict) -> _Rule:
    verbs = row["verbs"]
    when = []
    for cond in row.get("when", ()):
        of = cond["of"]
        words = cond.get("in")
        if isinstance(words, str):
            words = _SETS[words]
        when.append(
            (
                (of,) if isinstance(of, str) else tuple(of),
                None if words is None else frozenset(words),
                bool(cond.get("not")),
            )
        )
    return _Rule(
        None if verbs == "*" else _SETS[verbs] if isinstance(verbs, str) else frozenset(verbs),
        tuple(when),
        row.get("type"),
        row.get("type_from"),
    )


#: Verb types that depend on the frame, in order (``service/data/verb_frames.json``).
FRAME_RULES: tuple[_Rule, ...] = tuple(
    _rule(row) for row in json.loads(FRAMES.read_text(encoding="utf-8"))["rules"]
)


def verb_type(
    lemma: str, subject: set[str], obj: set[str], pobj: set[str], head: str | None = None
) -> str:
    """The type of a verb predicate from its lemma and the nouns of its frame (lemmas): the
    first frame rule that holds, else the verb's own type, else its object noun's
    ("accepted Iran's admission", "announced a merger")."""
    frame = {"subject": subject, "obj": obj, "pobj": pobj}
    for rule in FRAME_RULES:
        if rule.verbs is not None and lemma not in rule.verbs:
            continue
        if not all(_holds(frame, of, words, negated) for of, words, negated in rule.when):
            continue
        if rule.type_from is None:
            return rule.type
        typed = [NOUN_TYPES[n] for n in sorted(frame[rule.type_from]) if n in NOUN_TYPES]
        if typed:
            return typed[0]
    found = VERB_TYPES.get(lemma, "other")
    said = CLASS_VERBS.get(lemma) == "statement"  # "hailed the ruling": a word on it
    if found == "other" and head in NOUN_TYPES and head not in ("call", "session", "growth"):
        return "statement" if said else NOUN_TYPES[head]
    if found == "other":
        return verb_class(lemma, frame, head)
    return found


CLASSES = json.loads(DATA.with_name("verb_classes.json").read_text(encoding="utf-8"))
#: The broad verb classes (``service/data/verb_classes.json``), after the tables above.
CLASS_RULES: tuple[_Rule, ...] = tuple(_rule(row) for row in CLASSES["rules"])
CLASS_VERBS: dict[str, str] = _by_word(CLASSES["verbs"])
CLASS_MOVES = frozenset(CLASSES["moves"])
CLASS_PHRASES: dict[str, str] = dict(CLASSES["phrases"])
CLASS_NOUNS: dict[str, str] = _by_word(CLASSES["nouns"])


def verb_class(lemma: str, frame: dict[str, set[str]], head: str | None = None) -> str:
    """The type of a verb the main tables leave untyped, from the broad classes: a class
    frame row, else the verb's class ("arraigned": legal), else, for a verb of change, its
    subject's ("the yen plummeted": market), else the object's noun ("received an offer")."""
    for rule in CLASS_RULES:
        if rule.verbs is not None and lemma not in rule.verbs:
            continue
        if all(_holds(frame, of, words, negated) for of, words, negated in rule.when):
            return rule.type or "other"
    if lemma in CLASS_VERBS:
        return CLASS_VERBS[lemma]
    if lemma in CLASS_MOVES:
        for nouns, type_ in ((EARNINGS_NOUNS, "earnings"), (MARKET_NOUNS, "market")):
            if frame["subject"] & nouns:
                return type_
        return "economy" if frame["subject"] & ECONOMY_NOUNS else "other"
    return CLASS_NOUNS.get(head or "", "other")


def class_only(lemma: str) -> bool:
    """Whether only the broad classes type the verb (the main tables do not know it)."""
    return lemma in _CLASS_ONLY


def _class_only() -> frozenset[str]:
    main = set(VERB_TYPES)
    for rule in FRAME_RULES:
        main |= rule.verbs or set()
    classed = set(CLASS_VERBS) | CLASS_MOVES
    for rule in CLASS_RULES:
        classed |= rule.verbs or set()
    return frozenset(classed - main)


_CLASS_ONLY = _class_only()


def class_phrase(lemma: str, words: set[str]) -> str | None:
    """The type of a verb with a particle, an object or a preposition's object the broad
    classes name together ("put itself up for sale", "was sent into space"), if any."""
    for word in sorted(words):
        key = f"{lemma} {word}"
        if key in CLASS_PHRASES and key not in PHRASAL:
            return CLASS_PHRASES[key]
    return None


def _holds(frame: dict, of: tuple[str, ...], words: frozenset[str] | None, negated: bool) -> bool:
    nouns = set().union(*(frame[role] for role in of))
    found = bool(nouns & words) if words is not None else bool(nouns)
    return found != negated


def verb_lemma(tok) -> str:
    """A verb's lemma, lower case, with the tagger's known slips mended ("fined": "fine")."""
    lemma = tok.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)


#: lemma -> the row of ``service/data/verb_kin.json`` telling one happening in other words
KIN: dict[str, str] = _by_word(
    json.loads(DATA.with_name("verb_kin.json").read_text(encoding="utf-8"))["kin"]
)


def verb_kin(lemma: str) -> str | None:
    """The row of verbs that tell one happening in other words ("fell" / "dropped"), if any."""
    return KIN.get(lemma)


def reaction(tok) -> bool:
    """A verb answering a happening told before ("condemned the attack", "called for an
    inquiry", "ruled out a deal"): its lemma, or its lemma and particle or preposition."""
    lemma = verb_lemma(tok)
    if lemma in REACTIONS:
        return True
    parts = (c.lower_ for c in tok.children if c.dep_ in ("prt", "prep") and c.i > tok.i)
    return any(f"{lemma} {p}" in REACTIONS for p in parts)


def noun_type(lemma: str) -> str | None:
    """The type of a noun naming a happening, or ``None`` for a noun that names none."""
    return NOUN_TYPES.get(lemma.lower())


def noun_lemma(tok) -> str:
    """ "Fighting" (a gerund) and "talks" name happenings as written; others by lemma."""
    return tok.lower_ if tok.lower_ in NOUN_TYPES else tok.lemma_.lower()


def gerund_noun(tok) -> bool:
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and tok.lower_ in NOUN_TYPES
    )


def same_kind(verb, lemma: str) -> bool:
    noun = noun_type(lemma)
    return noun is not None and VERB_TYPES.get(verb.lemma_.lower()) == noun


@dataclasses.dataclass(frozen=True, slots=True)
class Pronoun:
    """One row of ``service/data/pronouns.json``."""

    word: str
    person: int
    number: str | None  # "singular", "plural"; None for "you"
    gender: str | None  # "m", "f", "n" ("it"); None when the word does not say
    cases: frozenset[str]  # "subject", "object", "determiner", "possessive"


#: The personal pronouns, each with its person, number, gender and cases.
PRONOUNS: tuple[Pronoun, ...] = tuple(
    Pronoun(row["word"], row["person"], row["number"], row["gender"], frozenset(row["cases"]))
    for row in json.loads(DATA.with_name("pronouns.json").read_text(encoding="utf-8"))["pronouns"]
)
_PRONOUN = {p.word: p for p in PRONOUNS}


def _fits(value, wanted) -> bool:
    """``wanted`` is None (anything), one value, or a tuple or set of values."""
    if wanted is None:
        return True
    return value in wanted if isinstance(wanted, (tuple, frozenset, set)) else value == wanted


def pronouns(*, person=None, number=None, gender=None, case=None) -> frozenset[str]:
    """The personal pronouns with every feature given, each one value or a tuple of values:
    ``pronouns(gender=("m", "f"), case="subject")`` is {"he", "she"}."""
    cases = (case,) if isinstance(case, str) else case
    return frozenset(
        p.word
        for p in PRONOUNS
        if _fits(p.person, person)
        and _fits(p.number, number)
        and _fits(p.gender, gender)
        and (cases is None or not p.cases.isdisjoint(cases))
    )


def pronoun_gender(word: str) -> str | None:
    """ "m" for "he"/"him"/"his", "f" for "she"/"her"/"hers", "n" for "it"/"its"; else None."""
    found = _PRONOUN.get(word.lower())
    return found.gender if found is not None else None


def object_cases() -> dict[str, str]:
    """Each subject pronoun whose object differs, with that object: "he" -> "him"."""
    out = {}
    for p in PRONOUNS:
        if "subject" not in p.cases or "object" in p.cases:
            continue
        for q in PRONOUNS:
            same = (q.person, q.number, q.gender) == (p.person, p.number, p.gender)
            if same and "object" in q.cases:
                out[p.word] = q.word
    return out
