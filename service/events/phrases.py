"""Headlines built from the clause: who does what to whom, where; present tense, at most 80
characters, no actor twice, never a cut-off fragment (optional parts are left out whole)."""

from __future__ import annotations

import dataclasses
import re
import weakref

from spacy.attrs import IS_SPACE, POS, SENT_START
from spacy.symbols import PROPN

from . import lexicon
from .actors import ActorMention, short_name
from .syntax import described_participle, fronted_participle, teller_of
from .syntax import subject as subject_of

#: Longest headline, in characters.
LIMIT = 80

_IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_DROP_LEADING = frozenset({"a", "an", "the"}) | lexicon.pronouns(person=3, case="determiner")
#: "He"/"she" (one person) and the subject pronouns that stand for people named before.
_HE_SHE = lexicon.pronouns(gender=("m", "f"), case="subject")
_PEOPLE_BEFORE = lexicon.pronouns(person=3, gender=("m", "f", None), case="subject")
_PEOPLE_BEFORE |= lexicon.pronouns(person=1, number="plural", case="subject")
_MAX_WORDS = 8
_COPULAS = frozenset({"be", "become", "seem", "remain", "appear", "look", "sound", "feel"})
_NAMED = frozenset("PERSON ORG GPE NORP FAC LOC PRODUCT EVENT WORK_OF_ART LAW".split())
_WH = frozenset("which who whom whose what that where when".split())
#: Heads that a name before them says all of: "the BRICS bloc", "the Boeing company".
_GENERIC_HEADS = frozenset(
    "bloc group alliance organisation organization company firm club union coalition "
    "party grouping body forum".split()
)
#: Light verbs a noun's headline is told with: "Mishustin pays visit to China".
_NOUN_VERBS = {
    "visit": "pay",
    "meeting": "hold",
    "agreement": "sign",
    "statement": "make",
    "election": "hold",
    "protest": "stage",
    "legislation": "pass",
}

#: Nouns of what befalls or is done by their owner alone, told with their own verb when the
#: owner is named: "Jackson's death" -> "Jackson dies" (not "Jackson death").
_NOUN_AS_VERB = {
    "death": "die",
    "resignation": "resign",
    "arrival": "arrive",
    "retirement": "retire",
    "departure": "leave",
}


@dataclasses.dataclass(frozen=True)
class Phrase:
    """The parts of a headline; ``verb`` is already in headline form ("buys", "arrested")."""

    subject: str = ""
    verb: str = ""
    obj: str = ""
    extras: tuple[str, ...] = ()
    place: str | None = None
    tail: str = ""  # after everything: "ongoing for nearly two years"

    def headline(self, limit: int = LIMIT) -> str:
        core = " ".join(p for p in (self.subject, self.verb) if p)
        parts = [core] if core else []
        optional = [self.obj] if self.obj else []
        optional += list(self.extras)
        if self.place and not any(self.place in p for p in (core, *optional)):
            optional.append(f"in {self.place}")
        if self.tail:
            optional.append(self.tail)
        for piece in optional:
            if not piece:
                continue
            candidate = " ".join([*parts, piece])
            if len(candidate) <= limit:
                parts.append(piece)
            elif piece is self.obj and not parts[1:]:
                short = _shorten(piece, limit - len(" ".join(parts)) - 1)
                if short:
                    parts.append(short)
        text = re.sub(r"\s+", " ", " ".join(parts)).strip(" ,;:")
        if len(text) > limit:
            text = _shorten(text, limit)
        # "agree to hold next summit on": no dangling word, but the verb's own particle
        # stays ("Stronach steps in")
        head = re.sub(r"\s+", " ", core).strip()
        if core and text.startswith(head):
            text = head + _DANGLING.sub("", text[len(head) :])
        else:
            text = _DANGLING.sub("", text)
        return text[:1].upper() + text[1:]

    def with_place(self, place: str) -> Phrase:
        return dataclasses.replace(self, place=place)


#: Words a headline never ends on: a preposition, article or conjunction left by a cut.
_DANGLING = re.compile(
    r"(?:\s+(?:of|in|on|at|for|to|from|with|by|as|after|over|against|amid|into|about|and|or|"
    r"but|the|a|an|its|their|his|that|which|who))+$",
    re.I,
)


def _shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut before a preposition or conjunction (a whole phrase)."""
    if len(text) <= limit:
        return text
    words = text.split()
    cuts = [
        i
        for i, w in enumerate(words)
        if i > 0
        and w.lower()
        in (
            "of",
            "in",
            "on",
            "at",
            "for",
            "to",
            "from",
            "with",
            "and",
            "by",
            "as",
            "after",
            "over",
            "against",
            "amid",
            "while",
        )
    ]
    for i in reversed(cuts):
        candidate = " ".join(words[:i]).rstrip(",;:")
        if len(candidate) <= limit and len(words[:i]) >= 2:
            return candidate
    out = []
    for w in words:
        if len(" ".join([*out, w])) > limit:
            break
        out.append(w)
    return " ".join(out) if len(out) >= 2 else ""


def join_names(names: tuple[str, ...] | list[str]) -> str:
    """ "A", "A and B", "A, B and C" (each name once)."""
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " and " + names[-1]


def possessive(owner: str) -> str:
    """ "Brightline's", and "Orbis Technologies'" for a name that ends in a plural s."""
    return f"{owner}'" if re.search(r"[a-z]s$", owner) and owner[-2:] != "ss" else f"{owner}'s"


def conjugate(lemma: str, plural: bool) -> str:
    """The present tense of a verb's base form: "buy" -> "buys", "approve" -> "approves"."""
    base = lemma.lower()
    if plural:
        return "are" if base == "be" else ("have" if base == "have" else base)
    if base in _IRREGULAR_3SG:
        return _IRREGULAR_3SG[base]
    if re.search(r"[^aeiou]y$", base):
        return base[:-1] + "ies"
    if re.search(r"(?:s|sh|ch|x|z|o)$", base):
        return base + "es"
    return base + "s"


def name(mention: ActorMention) -> str:
    """How a headline names an actor: people as written, organisations by their short name."""
    actor = mention.actor
    if actor.kind == "person":
        return mention.surface if mention.via != "group" else actor.name
    if actor.key.startswith("org:") and mention.via == "org" and actor.subkind is None:
        try:
            return short_name(actor.key.split(":", 1)[1])
        except KeyError:
            return actor.name
    if actor.kind == "country":
        return actor.name
    return (
        mention.surface if mention.via in ("place", "product", "index", "currency") else actor.name
    )


def compact(tok, timexes, skip: frozenset[int] = frozenset(), max_words: int = _MAX_WORDS) -> str:
    """A short text of ``tok``'s phrase: no clauses, dates, quotes or appositions."""
    words = _words(tok, timexes, skip)
    words = sorted([*words, *_glued_units(words)], key=lambda w: w.i)
    while len(words) > max_words:
        cut = _last_prep(tok, words)
        if cut is None:
            words = [w for w in words if w.i <= tok.i][-max_words:]
            break
        drop = {w.i for w in cut.subtree}
        words = [w for w in words if w.i not in drop]
    while words and words[0].lower_ in _DROP_LEADING and words[0].i != tok.i:
        words = words[1:]
    text = ""
    for i, w in enumerate(words):
        text += w.text
        if i + 1 < len(words):
            nxt = words[i + 1]
            # a word left out between them ("Buffalo, N.Y., doctor") or a space in the text
            text += " " if nxt.i != w.i + 1 or w.whitespace_ else ""
    return re.sub(r"\s+", " ", text).strip(" ,;:-")


#: Units written onto a number ("£20m", "$562bn") that the parse hangs elsewhere.
_UNITS = frozenset({"m", "bn", "mn", "k", "b", "tn", "m.", "bn."})


def _glued_units(words) -> list:
    """The unit written onto a number of the phrase with no space ("£20m": the "m") when the
    parse hangs it outside the phrase, so that an amount is never cut to "£20"."""
    ids = {w.i for w in words}
    out = []
    for w in words:
        nxt = w.nbor(1) if w.i + 1 < len(w.doc) else None
        if (
            nxt is not None
            and w.like_num
            and not w.whitespace_
            and nxt.i not in ids
            and nxt.lower_ in _UNITS
        ):
            out.append(nxt)
    return out


def _words(tok, timexes, skip):
    out = [tok]
    for child in tok.children:
        if child.dep_ == "aux" and child.lower_ == "to":
            continue
        if child.tag_ == "WP$":
            continue  # "whose results": the results
        if (
            child.dep_ == "punct"
            and child.text in ("-", "–", "/", "&")
            and not child.nbor(-1).whitespace_
        ):
            out.append(child)
            continue
        if (
            child.dep_ == "acl"
            and child.i == tok.i + 1
            and (child.lower_ in lexicon.NOUN_TYPES or child.lower_ in lexicon.DOCUMENT_NOUNS)
        ):
            out.extend(_words(child, timexes, skip))  # "a tsunami warning" parsed as a participle
            continue
        if (
            child.i in skip
            or child.dep_ in ("relcl", "acl", "appos", "punct", "advcl", "ccomp", "parataxis", "cc")
            and child.dep_ != "cc"
        ):
            continue
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            continue
        if child.dep_ == "cc" and not any(
            s.dep_ == "conj" and s.pos_ not in ("VERB", "AUX") for s in tok.children
        ):
            continue
        if _in_timex(child, timexes):
            continue
        left = child.left_edge
        if (
            child.i > tok.i
            and left.i > 0
            and left.nbor(-1).text == ","
            and child.dep_ not in ("conj", "cc")
        ):
            continue  # ", the company's fourth test flight": an aside
        out.extend(_words(child, timexes, skip))
    out.sort(key=lambda w: w.i)
    # no quote marks, brackets or blanked text (a dateline's place: "   An air strike hit")
    return [w for w in out if w.text not in ("“", "”", '"', "(", ")") and not w.is_space]


def _in_timex(tok, timexes) -> bool:
    """Inside a date or time (durations describe the event: "a two-day visit" keeps them)."""
    dated = [t for t in timexes if t.type != "DURATION"]
    return any(t.start <= tok.idx < t.end for t in dated) or (
        tok.dep_ == "prep"
        and all(any(t.start <= w.idx < t.end for t in dated) for w in tok.subtree if w is not tok)
        and len(list(tok.subtree)) > 1
    )


def _last_prep(tok, words):
    ids = {w.i for w in words}
    preps = [w for w in words if w.dep_ == "prep" and w.i in ids and w is not tok]
    return max(preps, key=lambda w: w.i) if preps else None


def _names(mentions: list[ActorMention]) -> str:
    """Joined names; a country named only as a person's adjective ("Chinese Premier Li
    Qiang") is left to the person."""
    if any(m.actor.kind == "person" for m in mentions):
        mentions = [m for m in mentions if not (m.actor.kind == "country" and m.via == "adjective")]
    return join_names([name(m) for m in mentions])


def _subject_text(subject, roles, timexes) -> tuple[str, bool]:
    """The subject as the text names it ("Chile's senate"), or the agents' names for
    pronouns and long phrases; and whether it is plural."""
    if subject is None:
        return _names(roles["agents"]), len(roles["agents"]) > 1
    plural = _coordinated(subject) or (
        subject.pos_ in ("NOUN", "PRON") and "Plur" in subject.morph.get("Number")
    )
    standing = [
        m
        for m in roles["agents"] + roles["targets"]
        if m.start == subject.idx and m.via == "pronoun"
    ]
    if subject.pos_ == "PRON" or subject.lower_ in _WH or standing:
        names = standing or roles["agents"]
        if not names:
            teller = teller_of(subject)
            if teller is not None and subject.lower_ in _HE_SHE and _plural(teller):
                teller = None  # "Prosecutors say he gave": he is none of them
            if teller is not None:  # "the board said it would appoint": the board
                return compact(teller, timexes, max_words=4), plural
            if subject.lower_ in _PEOPLE_BEFORE:
                return subject.text, plural  # someone the text named before us
            return "", plural
        return _names(names), len(names) > 1 or plural
    head = [m for m in roles["agents"] + roles["targets"] if m.start <= subject.idx < m.end]
    conj = _coordinated(subject)
    if not conj and (
        len(head) == 1 or subject.ent_type_ in ("PERSON", "ORG", "GPE") or _a_name(subject)
    ):
        plural = _generic_plural(subject, head)  # "Wilders said": a name is one
    if conj:
        named = _conjunct_names(subject, roles) or _conjuncts_text(subject, roles, timexes)
        if named:  # "Prime Minister Hiroshi Sato and Park signed": Hiroshi Sato and Park sign
            return named, True
    if len(head) > 1 and not conj:
        return _names(head), True
    if head and not conj and head[0].actor.kind == "person":
        return name(head[0]), plural  # "Russian Deputy Prime Minister Dmitry Chernyshenko"
    if head and not conj and head[0].via == "org" and head[0].actor.subkind is None:
        return name(head[0]), plural  # international organisations by their short name
    named = [
        m
        for m in roles["agents"] + roles["targets"]
        if any(
            w.dep_ == "appos"
            and m.start <= w.idx < m.end
            and (
                m.actor.kind == "person"
                or (m.actor.kind == "organisation" and w.head.i == subject.i)
            )
            for w in subject.subtree
        )
    ]
    if not conj and subject.pos_ == "NOUN" and len(named) == 1:
        # "the head of the WHO, Margaret Chan,": Margaret Chan; "The company that owned the
        # home, Sunvale Care Ltd,": Sunvale Care
        return name(named[0]), False
    text = compact(subject, timexes, max_words=6)
    owner = [
        m
        for c in subject.children
        if c.dep_ == "poss" and c.pos_ == "PRON"
        for m in roles["agents"] + roles["targets"]
        if m.start == c.idx and m.via == "pronoun"
    ]
    if owner and text:
        text = f"{possessive(name(owner[0]))} {text}"  # "its net profit": Brightline's net profit
    whose = _whose_antecedent(subject)
    if whose is not None and text:
        text = f"{possessive(_antecedent_text(whose, roles, timexes))} {text}"
    if len(text.split()) > 5 and roles["agents"]:
        return _names(roles["agents"]), len(roles["agents"]) > 1
    return text, plural


def _generic_plural(subject, head) -> bool:
    """A group named by a plural common word ("Rebels attacked", capitalised at the start of
    the sentence; "Police have interviewed") is many; a name ("Wilders", "Philippines") is
    one."""
    if subject.tag_ in ("NNS", "NNPS") and subject.lower_ in lexicon.POLICE:
        return True  # "Police have interviewed", even beside a "Police Department" named
    if (
        all(m.actor.kind == "organisation" for m in head)
        and subject.pos_ == "NOUN"
        and subject.tag_ == "NNS"
        and subject.ent_type_ != "PERSON"
    ):
        return subject.lemma_.lower() != subject.lower_  # "Heads of State ... ended": many
    return (
        len(head) == 1
        and head[0].actor.kind == "organisation"
        and head[0].actor.subkind is not None
        and subject.tag_ in ("NNS", "NNPS")
        and subject.lower_.endswith("s")
        and not any(c.dep_ == "compound" for c in subject.children)
    )


def _conjunct_names(subject, roles) -> str:
    """The names of a conjoined subject when every conjunct is a named actor, else ""."""
    words = [subject, *subject.conjuncts]
    mentions = roles["agents"] + roles["targets"]
    named = []
    for w in words:
        found = [m for m in mentions if m.start <= w.idx < m.end]
        if not found:
            return ""
        named.append(found[0])
    return join_names([name(m) for m in named])


def _coordinated(subject) -> bool:
    """A subject of several joined by "and" or "or" ("Mali and the NUF"), not one name with
    an ampersand ("Lindqvist & Partners") nor a name set beside a description ("The auditor,
    Lindqvist & Partners,")."""
    if not any(c.dep_ == "conj" for c in subject.children):
        return False  # "a man ... and a firefighter who drowned": the firefighter alone
    words = [subject, *subject.conjuncts]
    return any(c.dep_ == "cc" and c.lower_ in ("and", "or") for w in words for c in w.children)


def _conjuncts_text(subject, roles, timexes) -> str:
    """Each conjunct of a conjoined subject, by its name or its own short phrase: "Mali's
    military government and the separatist NUF signed": Mali's military government and NUF
    sign (not the first conjunct alone told as many); "" when one has no words."""
    words = [subject, *(w for w in subject.conjuncts if w.i > subject.i)]
    whole = compact(subject, timexes, max_words=6).split()
    if all(w.text in whole for w in words):
        return ""  # "The president and his wife": told whole
    mentions = roles["agents"] + roles["targets"]
    texts = []
    for w in words:
        names = [c.idx for c in w.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        start = min([w.idx, *names])
        found = [m for m in mentions if m.start <= start and w.idx < m.end]  # "Oxfam Scotland"
        own = [c for c in w.children if c.dep_ in ("conj", "cc")]
        skip = frozenset(x.i for c in own for x in c.subtree)
        text = name(found[0]) if found else compact(w, timexes, skip, max_words=4)
        if not text:
            return ""
        texts.append(text)
    return join_names(texts) if len(texts) > 1 else ""


def _plural(word) -> bool:
    """A plural noun phrase: "prosecutors", "the police and the army"."""
    return word.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in word.children)


def _antecedent(word):
    """The noun a relative pronoun object stands for: "Kidal, which the rebels seized" is
    Kidal; None for any other word."""
    verb = word.head
    if word.tag_ not in ("WDT", "WP") or verb.dep_ != "relcl" or word.dep_ != "dobj":
        return None
    return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None


def _whose_antecedent(subject):
    """The noun "whose" stands for in a relative clause's subject: "a trial whose results
    were published" is the trial (None for any other subject)."""
    verb = subject.head
    if verb.dep_ != "relcl" or not any(c.tag_ == "WP$" for c in subject.children):
        return None
    return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None


def _antecedent_text(antecedent, roles, timexes) -> str:
    """The antecedent as a headline names it: an actor by name, otherwise its short phrase."""
    named = [m for m in roles["all"] + roles["agents"] if m.start <= antecedent.idx < m.end]
    if named and not any(c.dep_ == "conj" for c in antecedent.children):
        return name(named[0])
    return compact(antecedent, timexes, max_words=6)


#: Adverbs that complete a verb as its particle when they follow it at once: "stepped down",
#: "walked out", "fell short", "blew apart", "stepped in" (the parse often reads them as
#: adverbs, not particles).
_PARTICLES = frozenset("down out off up back away short apart in".split())


def _particle(tok) -> str:
    """The verb's particle: "broke down", and an adverb that is one read otherwise."""
    words = [
        c
        for c in tok.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == tok.i + 1 and c.lower_ in _PARTICLES)
    ]
    return " ".join(c.text for c in words)


def _a_name(word) -> bool:
    """A capitalised word with no determiner that the article also writes as a name: after
    another name ("Geert Wilders") or capitalised inside a sentence ("said Wilders")."""
    if not word.text[:1].isupper() or any(c.dep_ in ("det", "amod") for c in word.children):
        return False
    written = _written_as_names(word.doc).get(word.text, ())
    return any(i != word.i for i in written[:2])


def opens_sentence(word) -> bool:
    """The first word of its sentence, or the first after a dateline the reader blanked
    ("LONDON (Reuters) - Scientists have found"): capitalised as an opener, not as a name."""
    if word.is_sent_start:
        return True
    i = word.i - 1
    while i >= 0 and word.doc[i].is_space:  # walked back, not through word.sent: run per word
        if word.doc[i].is_sent_start:
            return True
        i -= 1
    return False


#: Per parsed text, where each word stands written as a name (read once, not per subject:
#: scanning the whole text for each subject made long texts quadratic).
_NAME_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _written_as_names(doc) -> dict[str, list[int]]:
    """The positions, by word, where a word is written as a name: after a capitalised proper
    noun, or not at a sentence's start."""
    found = _NAME_INDEX.get(doc)
    if found is None:
        found = {}
        words = [w.text for w in doc]
        rows = doc.to_array([POS, SENT_START, IS_SPACE]).tolist()
        spaced_start = False  # a sentence starts in the white space right before this word
        for i, (_, start, space) in enumerate(rows):
            opens = start == 1 or spaced_start  # ``opens_sentence``, read once for the doc
            spaced_start = bool(space) and (spaced_start or start == 1)
            before = words[i - 1] if i > 0 else None
            after_name = before is not None and rows[i - 1][0] == PROPN and before[:1].isupper()
            inside = not opens and (before is None or before not in '.!?"“')
            if after_name or inside:
                found.setdefault(words[i], []).append(i)
        _NAME_INDEX[doc] = found
    return found


def verb_phrase(text, tok, roles, noun=None, timexes=(), type_="other", place=None) -> Phrase:
    """The headline of a verb predicate: subject, verb in present tense, object, extras."""
    subject = noun if noun is not None else subject_of(tok)
    passive = subject is not None and subject.dep_ == "nsubjpass" and subject.head.i == tok.i
    if fronted_participle(tok) and tok.tag_ == "VBN" or described_participle(tok):
        passive = True  # "Born in Leeds in 1931, Lowe ...", "the outbreak, first reported"
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" for c in tok.children):
        passive = True  # "Lambert, who was sentenced by the court": the court sentences him
    if (
        tok.dep_ == "conj"
        and tok.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in tok.head.children)
    ):
        passive = True  # "1,400 people were injured and 9,000 homes destroyed"
    if any(c.dep_ == "auxpass" for c in tok.children):
        passive = True  # "It is the worst quake and has been described by one official"
    reduced = not passive and _reduced_passive(tok)
    passive = passive or reduced
    subject_text, plural = _subject_text(subject, roles, timexes)
    particle = _particle(tok)
    planned = _planned(tok)
    agent = _agent(tok, roles, timexes) if passive and not planned else None
    if agent is not None:  # "X was sentenced by a judge": the judge sentences X
        patient = _lowered(subject_text, subject)
        subject_text, plural = agent
        passive = False
    lemma = lexicon.verb_lemma(tok)
    content = any(c.dep_ == "ccomp" and _clause(c) for c in tok.children)
    if type_ == "statement" and content and lemma not in lexicon.TELLING_VERBS:
        tok_lemma = "say"
    else:
        tok_lemma = lemma
    if noun is not None:
        verb = conjugate(lemma, plural)
    elif planned:
        verb = ("to be " + tok.text.lower()) if passive else "to " + tok_lemma.lower()
    elif passive:
        verb = tok.text.lower() if tok.tag_ == "VBN" or reduced else tok_lemma
    else:
        verb = conjugate(tok_lemma, plural)
    if tok_lemma == "say":
        particle = ""
    verb = f"{verb} {particle}".strip()
    subject_keys = {m.actor.key for m in roles["agents"]}
    obj = patient if agent is not None else ""
    for c in tok.children:
        if c.dep_ in ("dobj", "dative") and tok_lemma == "say" and content:
            continue  # "told reporters that ...": the addressee is not what is said
        if c.dep_ in ("dobj", "attr", "oprd", "dative"):
            if _repeats(c, subject_text, subject_keys, roles):
                continue
            if obj and c.left_edge.i > 0 and c.left_edge.nbor(-1).text == ",":
                continue  # "issued a warning, the first since 2015": an aside, not an object
            named = [
                m for m in roles["all"] if m.start <= c.idx < m.end and m.actor.kind == "person"
            ]
            if not named and c.lemma_.lower() in _GENERIC_HEADS:  # "the BRICS bloc": BRICS
                named = [
                    m
                    for m in roles["all"]
                    if m.actor.kind in ("organisation", "country")
                    and any(w.idx <= m.start < w.idx + len(w.text) for w in c.lefts)
                ]
            conj = any(x.dep_ == "conj" for x in c.children)
            if c.lower_ in _WH:
                antecedent = _antecedent(c)
                if antecedent is not None and not obj:  # "Kidal, which the rebels seized"
                    obj = _lowered(_antecedent_text(antecedent, roles, timexes), antecedent)
                continue
            text_ = name(named[0]) if named and not conj else compact(c, timexes)
            stands = _pronoun_antecedent(c)
            if stands is not None:  # "issued a warning and lifted it": lifts warning
                text_ = _lowered(_antecedent_text(stands, roles, timexes), stands)
            obj = " ".join(p for p in (obj, text_) if p)
        elif c.dep_ == "npadvmod" and not obj and _quantity(c) and not _span_of_time(tok, c):
            if not _in_timex(c, timexes):
                obj = _with_governor(tok, c, compact(c, timexes, max_words=4))  # "rose 41 percent"
        elif c.dep_ == "acomp" and not obj and not _before_quantity(c) and lemma not in _COPULAS:
            neg = any(n.dep_ == "neg" and n.i == c.i - 1 for n in tok.children)
            obj = ("not " if neg else "") + compact(c, timexes)  # "pleads not guilty"
        elif c.dep_ == "ccomp" and not obj:
            obj = _clause_text(c, timexes)
            if len(f"{subject_text} {verb} {obj}") > LIMIT:  # fewer words, not a cut phrase
                obj = _clause_text(c, timexes, most=3)
            if len(f"{subject_text} {verb} {obj}") > LIMIT and verb == conjugate(tok_lemma, plural):
                verb = conjugate("say", plural)  # a telling verb gives way when it does not fit
        elif c.dep_ == "ccomp" and _ordered(tok, c):
            aux = frozenset(a.i for a in c.children if a.dep_ == "aux")
            obj = f"{obj} to {compact(c, timexes, skip=aux, max_words=6)}"  # "to stand trial"
        elif c.dep_ == "xcomp" and not obj and c.pos_ == "VERB":
            lead = "" if c.tag_ == "VBG" else "to "  # "denied targeting civilians"
            obj = lead + compact(c, timexes, max_words=9)
        elif not obj and _gerund_object(tok, c):
            obj = compact(c, timexes, max_words=9)  # "denied on Tuesday targeting civilians"
    told = next((c for c in tok.children if c.dep_ == "dobj"), None)
    wanted = next((c for c in tok.children if _infinitive(c)), None)
    todo = compact(wanted, timexes, max_words=6) if wanted is not None else ""
    if obj and told is not None and wanted is not None and told.i < wanted.i and todo.count(" "):
        obj = f"{obj} to {todo}"  # "asks judge to nullify the policy"
    if lemma in ("go", "come", "head") and not obj:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "to", "into") and not _in_timex(c, timexes):
                obj = compact(c, timexes, max_words=4)  # "go on strike", "go to the polls"
                break
    extras = []
    for c in tok.children:
        if c.dep_ == "agent":
            if agent is None:
                extras.append(compact(c, timexes, max_words=5))
        elif c.dep_ == "prep" and c.lower_ == "as" and not obj and c.i > tok.i and _role(c):
            obj = compact(c, timexes, max_words=5)  # "trained as a nurse": the role it takes
        elif c.dep_ == "prep" and c.lower_ == "as" and obj and _judged(tok, lemma, c):
            judged = compact(c, timexes, max_words=5)
            if judged.startswith("as ") and len(judged.split()) >= 2:
                extras.append(judged)  # "describes scene as apocalyptic", not a cut "only"
        elif c.dep_ == "prep" and c.lower_ not in (
            "in",
            "at",
            "on",
            "during",
            "since",
            "until",
            "near",
            "amid",
            "despite",
            "after",
            "before",
            "following",
            "as",
            "like",
            "because",
            "due",
            "according",
        ):
            if _in_timex(c, timexes) or _repeats(c, subject_text, subject_keys, roles):
                continue
            phrase = _prep_text(c, roles, timexes)
            if _partitive(c, subject):  # "Of the 101 deaths, 19 were confirmed": 19 of the 101
                subject_text = f"{subject_text} {phrase[0].lower()}{phrase[1:]}"
                continue
            if lemma == "meet" and c.lower_ == "with" and not obj:
                obj = phrase.split(" ", 1)[1] if " " in phrase else ""
            elif len(phrase.split()) >= 2:
                extras.append(phrase)
    told_obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if (not obj and not extras) or (told_obj is not None and told_obj.lower_ in _TIME_UNITS):
        completing = _complement(tok, told_obj if obj else None, timexes)
        said = compact(completing, timexes, max_words=6) if completing is not None else ""
        if len(said.split()) >= 2:  # "traded at a weak level", "spent 14 years in prison"
            extras.append(said)
            if place and place.split()[0] in said.split():
                place = None  # "in the Sahel": the place is told already
    if place and subject_text and place in subject_text:
        place = None
    if type_ == "statement" and content:
        place = None  # "says China is ... in Beijing" would misplace the content
    joined = _membership(tok, roles, timexes) if type_ == "membership" else None
    if joined is not None:
        return joined
    return Phrase(subject_text, verb, obj, tuple(extras[:2]), place)


#: Prepositions the headline's extras leave out as circumstance ("in London", "on Friday")
#: that complete a verb with no object when they follow it at once: "traded at a weak level",
#: "insisted on it", "resulted in the death".
_COMPLEMENT_PREPS = frozenset({"in", "at", "on"})


def _complement(verb, obj, timexes):
    """What completes a verb that tells nothing without it: the first phrase after the verb
    (after ``obj``, a stretch of time it spends: "spent 14 years in prison", "spent four
    years developing the hinge") when it is an "in", "at" or "on" phrase or, after such an
    object, a gerund; adverbs and dates between are passed over, a comma ends the search
    (", in a statement" is an aside)."""
    after = obj.right_edge.i if obj is not None else verb.i
    for c in verb.children:
        if c.i <= after or c.dep_ in ("advmod", "prt", "neg", "npadvmod") or _in_timex(c, timexes):
            continue
        if c.left_edge.i > 0 and c.left_edge.nbor(-1).text in (",", ";", "-", "—", "("):
            return None
        if c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPS:
            # "on 25 June 2009 Jurors": a date misread, not what completes
            if _dated_phrase(c, timexes) or (obj is None and _site(c)):
                return None
            return c
        if obj is not None and c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG":
            return c
        return None
    return None


def _site(prep) -> bool:
    """ "at the plant", "in the Chinese capital", "in Paisley": the phrase names where (a
    place, a building, a site noun of ``lexicon.SITE_NOUNS``), which the headline's place
    tells, not what completes the verb."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and (
        pobj.ent_type_ in ("GPE", "LOC", "FAC") or pobj.lemma_.lower() in lexicon.SITE_NOUNS
    )


def _dated_phrase(prep, timexes) -> bool:
    """A preposition whose own words, up to its object, hold a date or time ("early on
    Sunday", "on 25 June 2009 Jurors"), or that has no object, or whose object is told by an
    apposition a headline leaves out ("on board the Sea Star")."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or any(c.dep_ == "appos" for c in pobj.children):
        return True  # "on board the Sea Star": what it names is left out as an apposition
    return any(_in_timex(w, timexes) for w in prep.doc[prep.i : pobj.i + 1])


def _pronoun_antecedent(word):
    """The noun an object "it" stands for when the clause it is in follows another of the same
    sentence: that clause's object ("issued a tsunami warning ... and lifted it"), else its
    subject when a thing ("The ceremony was held a week after organisers moved it"); None
    otherwise (a pronoun from an earlier sentence stays unread)."""
    verb = word.head
    if word.lower_ != "it" or word.dep_ != "dobj" or verb.dep_ not in ("conj", "advcl"):
        return None
    first = verb.head
    if first.i >= word.i or first.pos_ not in ("VERB", "AUX"):
        return None
    for dep in ("dobj", "nsubjpass", "nsubj"):
        found = next((c for c in first.children if c.dep_ == dep), None)
        if found is not None:
            if found.pos_ == "NOUN" and found.ent_type_ not in ("PERSON", "NORP"):
                return found
            return None
    return None


def _ordered(verb, clause) -> bool:
    """What an object is ordered or asked to do, parsed as a clause with no subject: "ordered
    Dr Murray should stand trial" (the object is its doer)."""
    told = [c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i]
    return (
        bool(told)
        and clause.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)
        and any(c.dep_ == "aux" and c.lower_ in ("should", "must", "to") for c in clause.children)
    )


def _gerund_object(verb, c) -> bool:
    """A gerund the parse hangs as an adverbial clause that is the object of a verb that takes
    one (``lexicon.GERUND_OBJECTS``): after it, with no comma, marker or subject of its own
    ("denied on Tuesday targeting civilians"), not an aside ("..., killing three") nor a
    circumstance ("lifted off on Monday carrying a satellite")."""
    return (
        c.dep_ == "advcl"
        and c.tag_ == "VBG"
        and lexicon.verb_lemma(verb) in lexicon.GERUND_OBJECTS
        and c.i > verb.i
        and c.left_edge.nbor(-1).text not in (",", ";", "-", "—")
        and not any(x.dep_ in ("mark", "nsubj", "nsubjpass") for x in c.children)
        and not any(x.dep_ in ("dobj", "ccomp", "xcomp") for x in verb.children)
    )


def _infinitive(c) -> bool:
    """A to-infinitive the verb governs: what its object is asked, told or sent to do."""
    return (
        c.dep_ in ("xcomp", "advcl")
        and c.pos_ == "VERB"
        and c.tag_ == "VB"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    )


def _reduced_passive(tok) -> bool:
    """A participle told of the one it befalls, with no auxiliary: a headline's "Conrad Murray
    found guilty", a gapped "200,000 killed, 250,000 injured". It has a subject and no object
    (an active "found" needs one: "the jury found him guilty")."""
    children = list(tok.children)
    if any(c.dep_ in ("aux", "auxpass", "dobj", "dative", "xcomp") for c in children):
        return False
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if not all(c.pos_ == "ADJ" and not list(c.children) for c in clauses):
        return False  # "found guilty" with the adjective read as a clause: still its complement
    if not any(c.dep_ == "nsubj" for c in children):
        return False
    complement = any(c.dep_ == "oprd" and not _determined(c) for c in children) or bool(clauses)
    return (tok.tag_ == "VBN" and not clauses) or (tok.tag_ in ("VBD", "VBN") and complement)


def _determined(word) -> bool:
    """A noun with a determiner or an owner ("Hungary's admission", "the plan"): an object
    the parse misread as a complement ("Martonyi called Hungary's admission ..."), not the
    bare complement of a reduced passive ("Smith named chairman")."""
    return word.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("det", "poss") for c in word.children)


_QUANTIFIERS = frozenset({"some", "many", "most", "all", "none", "several", "few", "half"})


def _partitive(prep, subject) -> bool:
    """A fronted "of" phrase that tells what the subject, a number or quantifier, counts."""
    return (
        prep.lower_ == "of"
        and subject is not None
        and prep.i < subject.i
        and (subject.like_num or subject.lower_ in _QUANTIFIERS)
    )


def _agent(tok, roles, timexes) -> tuple[str, bool] | None:
    """The logical subject of a passive ("by a federal judge"), as a headline names it."""
    by = next((c for c in tok.children if c.dep_ == "agent"), None)
    pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if pobj is None or _in_timex(pobj, timexes):
        return None
    named = [m for m in roles["agents"] if m.start <= pobj.idx < m.end]
    conj = any(c.dep_ == "conj" for c in pobj.children)
    if named and not conj:
        return name(named[0]), False
    text = compact(pobj, timexes, max_words=5)
    plural = conj or (pobj.tag_ == "NNS")
    return (text, plural) if text else None


#: A subject pronoun as the object it becomes when a passive is told actively.
_OBJECT_CASE = lexicon.object_cases() | {"who": "whom"}


def _lowered(text: str, phrase) -> str:
    """``text`` (the words of ``phrase``) as an object: its first word in lower case unless
    it is a name ("One of the colleagues" -> "one of the colleagues"); a pronoun in the object
    case ("He was sentenced by a judge" -> "judge sentences him")."""
    if text.lower() in _OBJECT_CASE:
        return _OBJECT_CASE[text.lower()]
    first = text.split(" ", 1)[0] if text else ""
    word = (
        next((w for w in phrase.subtree if w.text == first), None) if phrase is not None else None
    )
    if word is None or word.pos_ == "PROPN" or word.ent_type_ in _NAMED or word.is_upper:
        return text
    return text[:1].lower() + text[1:]


def _before_quantity(word) -> bool:
    """ "aged 89": the word is the quantity's governor, told with it."""
    doc = word.doc
    nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
    return nxt is not None and nxt.head.i == word.head.i and _quantity(nxt)


#: Nouns of a stretch of time: "two days after the company admitted" is when, not what.
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries".split()
)


def _span_of_time(verb, tok) -> bool:
    """ "two days after the company admitted": a count of time units before a clause's "after"
    or "before", told of when the event was ("equalised five minutes from the end" keeps it)."""
    return tok.lower_ in _TIME_UNITS and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until")
        for c in verb.children
    )


def _judged(verb, lemma: str, prep) -> bool:
    """ "described the scene as apocalyptic": the "as" phrase after the object of a verb of
    judging (``lexicon.JUDGING_VERBS``) tells what the object is judged to be."""
    told = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (
        lemma in lexicon.JUDGING_VERBS
        and told is not None
        and prep.i > told.i
        and any(c.dep_ in ("pobj", "amod", "acomp", "pcomp") for c in prep.children)
    )


def _role(prep) -> bool:
    """ "as a nurse", "as its medical officer": the preposition takes a noun that is a role
    (a common noun, not a clause or a name)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.pos_ == "NOUN" and pobj.tag_ == "NN"


def _quantity(tok) -> bool:
    """ "41 percent", "89", "$2 billion": a cardinal at the phrase's head (not "the first")."""
    return tok.tag_ == "CD" or any(c.dep_ == "nummod" and c.tag_ == "CD" for c in tok.children)


def _with_governor(verb, quantity, text: str) -> str:
    """ "aged 89": the verb's word just before the quantity that governs its sense."""
    left = quantity.left_edge.i - 1
    word = verb.doc[left] if left > verb.i else None
    governs = word is not None and word.dep_ in ("acomp", "advmod", "oprd", "advcl")
    if governs and word.head.i == verb.i and not list(word.children):
        return f"{word.text} {text}"  # "has died aged 91", parsed with "aged" as a clause
    return text


def _membership(tok, roles, timexes) -> Phrase | None:
    """ "accepted Iran's admission as a full member of the SCO": "Iran joins SCO as full member"."""
    noun = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if noun is None:
        return None
    words = {w.i for w in noun.subtree}
    inside = [
        m
        for m in roles["all"] + roles["agents"]
        if any(w.idx <= m.start < w.idx + len(w.text) for w in noun.subtree)
    ]
    member = [
        m
        for m in inside
        if m.actor.kind == "country"
        and any(c.dep_ == "poss" and c.idx <= m.start < c.idx + len(c.text) for c in noun.children)
    ]
    bodies = [m for m in inside if m.actor.kind == "organisation"]
    if not member or not bodies or not words:
        return None
    full = " as full member" if "full member" in noun.doc[min(words) : max(words) + 1].text else ""
    return Phrase(_names(member), "joins", _names(bodies) + full)


def _clause(tok) -> bool:
    """Whether a complement is a clause that says something (a verb, or a copula's): not a
    noun phrase misread as one ("declared an influenza pandemic": "pandemic" as an adjective)."""
    return tok.pos_ in ("VERB", "AUX") or any(
        c.dep_ in ("aux", "auxpass", "cop") for c in tok.children
    )


def _planned(tok) -> bool:
    """ "will cut", "is expected to sign", "would build": told as "to cut"."""
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "shall", "'ll", "would"}:
        return True
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("expect", "plan", "intend"):
        return True  # "expects to release": told "to release"
    return tok.dep_ == "xcomp" and tok.head.lower_ in (
        "expected",
        "set",
        "due",
        "scheduled",
        "slated",
        "poised",
        "going",
    )


def _prep_text(prep, roles, timexes) -> str:
    """ "with Xi Jinping" for "with Chinese President Xi Jinping": a named object by name."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    whole = any(c.dep_ == "pcomp" for c in prep.children)  # "led to the UN receiving reports"
    if pobj is not None and not whole and not any(c.dep_ == "conj" for c in pobj.children):
        named = [m for m in roles["all"] if m.start <= pobj.idx < m.end]
        if named and named[0].actor.kind in ("person", "organisation", "country"):
            return f"{prep.text} {name(named[0])}"
    return compact(prep, timexes, max_words=5)


def _clause_text(tok, timexes, most: int = 6) -> str:
    """Reported content, shortened: "China is Russia's largest source of tourists"; ``most``
    words at most for each of its noun phrases (fewer when the headline would not hold it)."""
    subject = subject_of(tok)
    words = [
        c.lower_
        for c in tok.children
        if c.i < tok.i and c.dep_ in ("advmod", "mark") and c.lower_ in _ASKING
    ][:1]  # "reviewing how banks value loans", "decide whether to appeal"
    if subject is not None:
        said = compact(subject, timexes, max_words=most)
        first = next((w for w in subject.subtree if said.startswith(w.text)), None)
        if first is not None and opens_sentence(first):  # "Scientists have found ..., X said"
            said = _lowered(said, subject)
        words.append(said)
    aux = [c.text for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")]
    words.extend(aux)
    words.append(tok.text)
    told = False
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "acomp", "oprd", "prt"):
            words.append(compact(c, timexes, max_words=7))
            told = told or c.dep_ != "prt"
    xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    inner = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    fronted = inner is not None and any(
        c.dep_ == "dobj" and c.i < inner.i for c in inner.children
    )  # "how much material we collected": its object comes first, not told in order
    if not told and xcomp is None and inner is not None and _clause(inner) and not fronted:
        words.append(_clause_text(inner, timexes, most))  # "suggested most were wrong"
        told = True
    if not told and xcomp is None:
        went = next(
            (
                c
                for c in tok.children
                if c.dep_ == "prep"
                and c.i > tok.i
                and c.lower_ not in _CIRCUMSTANCES
                and not _dated_phrase(c, timexes)
            ),
            None,
        )
        if went is not None:  # "had spread to neighbouring Uganda", "had risen to 109"
            words.append(compact(went, timexes, max_words=min(5, most)))
    if not told and xcomp is not None:  # "GPs were to be allowed to diagnose the virus"
        inside = [w for w in xcomp.subtree if not w.is_punct and not _in_timex(w, timexes)]
        clauses = [w for w in inside if w.dep_ in ("relcl", "advcl", "acl", "ccomp", "parataxis")]
        first = min((w.left_edge.i for w in clauses), default=None)
        cut = next((i for i, w in enumerate(inside) if first is not None and w.i >= first), 99)
        words.extend(w.text for w in inside[: min(cut, 8)])
    out = " ".join(w for w in words if w).split()
    while out and out[-1].lower() in _CONTENT_ENDS:
        out.pop()  # "officials said GPs were": no clause ends on an auxiliary
    return " ".join(out)


#: Prepositions of a circumstance, not of what a reported verb tells: "after the vote".
_CIRCUMSTANCES = frozenset(
    "after before since until during despite amid following because due according like".split()
)

#: Words that open an indirect question, kept before its clause.
_ASKING = frozenset({"how", "why", "whether", "when", "where", "if"})

#: Words reported content is never left ending on (an auxiliary, a modal, an article).
_CONTENT_ENDS = frozenset(
    """is are was were be been being has have had do does did will would can could may might
    must shall should a an the of to at in on for by with from""".split()
)


def _repeats(tok, subject_text: str, subject_keys: set[str], roles) -> bool:
    """Whether ``tok``'s phrase only names the subject again ("X pays visit to X")."""
    phrase = " ".join(w.text for w in tok.subtree)
    if subject_text and phrase.strip() == subject_text.strip():
        return True
    inside = [
        m
        for m in roles["all"] + roles["agents"]
        if any(w.idx <= m.start < w.idx + len(w.text) for w in tok.subtree)
    ]
    return bool(inside) and all(m.actor.key in subject_keys for m in inside)


def noun_phrase(text, tok, roles, timexes=(), type_="other", place=None, tail="") -> Phrase:
    """The headline of a noun naming a happening: "Mishustin pays two-day visit to China",
    "Earthquake in Turkey", "China and Russia issue joint communique"."""
    agents = roles["agents"]
    agent_ids = {m.actor.key for m in agents}
    skip = frozenset(
        c.i
        for c in tok.children
        if c.dep_ in ("poss", "case")
        or (
            c.dep_ in ("compound", "amod", "nmod")
            and any(w.idx <= m.start < w.idx + len(w.text) for m in agents for w in c.subtree)
        )
    )
    skip = skip | frozenset(
        c.i
        for c in tok.children
        if c.dep_ == "prep"
        and c.lower_ in ("by", "between", "to", "with", "in", "at", "against", "on", "of")
        and _covers_actor(c, roles)
    )
    noun = compact(tok, timexes, skip=skip, max_words=5)
    targets = [m for m in roles["targets"] if m.actor.key not in agent_ids]
    extras = []
    if targets:
        prep = (
            "to"
            if type_ == "visit"
            else (
                "with"
                if type_ == "meeting"
                else "against"
                if type_ in ("sanctions", "conflict", "legal")
                else "on"
            )
        )
        extras.append(f"{prep} {_names(targets)}")
    own = _NOUN_AS_VERB.get(tok.lemma_.lower())
    told = [
        c
        for c in tok.children
        if c.i not in skip and c.dep_ not in ("det", "amod", "punct") and not _in_timex(c, timexes)
    ]
    ages = [c for c in told if c.dep_ == "acl" and c.lower_ == "aged"]
    if agents and own and told == ages:  # "Jackson's sudden death": Jackson dies
        age = compact(ages[0], timexes, max_words=3) if ages else ""  # "death aged 50"
        return Phrase(
            _names(agents), conjugate(own, len(agents) > 1), age, tuple(extras), place, tail
        )
    deed = _deed(tok, roles, agents, timexes, tuple(extras), place, tail)
    if deed is not None:
        return deed
    if agents:
        verb_base = _NOUN_VERBS.get(type_)
        if re.search(r"communiq|declaration|statement", noun, re.I):
            verb_base = "issue"
        if verb_base:
            return Phrase(
                _names(agents),
                conjugate(verb_base, len(agents) > 1),
                noun,
                tuple(extras),
                place,
                tail,
            )
        return Phrase(f"{_names(agents)} {noun}".strip(), "", "", tuple(extras), place, tail)
    if type_ == "disaster" and not tail and not extras:
        return _disaster(tok, noun, place)
    return Phrase(noun, "", "", tuple(extras), place, tail)


def _deed(tok, roles, agents, timexes, extras, place, tail) -> Phrase | None:
    """A deed named by its noun with what it is done to in an "of" phrase, told with its verb
    (``lexicon.DEED_NOUNS``): "the slaying of a doctor" -> "Doctor slain", "Israel's invasion
    of Lebanon" -> "Israel invades Lebanon"; None for any other noun."""
    forms = lexicon.DEED_NOUNS.get(tok.lower_) or lexicon.DEED_NOUNS.get(tok.lemma_.lower())
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if forms is None or pobj is None or of.i < tok.i or _in_timex(pobj, timexes):
        return None
    named = [m for m in roles["all"] + roles["targets"] if m.start <= pobj.idx < m.end]
    conj = any(c.dep_ == "conj" for c in pobj.children)
    patient = name(named[0]) if named and not conj else compact(pobj, timexes, max_words=5)
    if not patient:
        return None
    patient_keys = {m.actor.key for m in named}
    # "against Lebanon" after "Lebanon invaded": told already
    extras = tuple(e for e in extras if e.split(" ", 1)[-1] not in patient)
    doers = [m for m in agents if m.actor.key not in patient_keys]
    if doers:
        verb = conjugate(forms[0], len(doers) > 1)
        return Phrase(_names(doers), verb, _lowered(patient, pobj), extras, place, tail)
    return Phrase(patient[:1].upper() + patient[1:], forms[1], "", extras, place, tail)


def _disaster(tok, noun: str, place: str | None) -> Phrase:
    """A disaster named by its noun alone is told as striking where it struck: "the Haiti
    earthquake" -> "Earthquake hits Haiti"; with no place, "Severe aftershock strikes"."""
    where = place
    if where is None:
        names = [c for c in tok.children if c.dep_ in ("compound", "poss") and c.ent_type_ == "GPE"]
        where = names[0].text if names else _stricken(tok)
    if where is not None:
        bare = re.sub(rf"^(?:{re.escape(where)}(?:'s)?\s+)", "", noun).strip() or noun
        bare = re.sub(rf"\s+(?:in|at) {re.escape(where)}\b", "", bare)  # "Blast in Nairobi"
        return Phrase(bare[:1].upper() + bare[1:], "hits", where)
    return Phrase(noun, "strikes", "")


#: Prepositions before the place a disaster's sentence tells aid went to ("aid for Haiti"),
#: not where help came from ("rescuers from Britain") nor where anyone went ("arrived in the
#: Netherlands" after it).
_STRICKEN_PREPS = frozenset({"for"})


def _stricken(tok) -> str | None:
    """The one place the sentence of a disaster named with no place tells it befell: the
    place a noun is "for" ("pledged aid for Haiti, as rescuers help survivors of last week's
    devastating earthquake": Haiti); None when there is none, or more than one (a donor, "from
    Britain", "left for Canada", "arrived in the Netherlands" are never the place)."""
    found = {
        ent.text
        for ent in tok.sent.ents
        if ent.label_ == "GPE"
        and ent.root.dep_ == "pobj"
        and ent.root.head.lower_ in _STRICKEN_PREPS
        and ent.root.head.head.pos_ == "NOUN"  # "aid for Haiti", not "left for Canada"
        and not any(c.dep_ == "conj" for c in ent.root.children)  # "for Nepal and Bhutan"
    }
    return found.pop() if len(found) == 1 else None


def occurring(phrase: Phrase, verb, noun, planned: bool = False) -> Phrase:
    """A noun's happening told with the verb that says it happened: "Talks between the two
    sides resume", "Two-day summit opens", "Summit takes place", "Trial to begin" (not a
    bare noun)."""
    lemma = verb.lemma_.lower()
    if lemma in ("due", "set", "schedule", "plan"):
        if verb.tag_ == "VBN" and not any(c.dep_ == "xcomp" for c in verb.children):
            return dataclasses.replace(phrase, verb=verb.lower_)  # "Hearing scheduled"
        return phrase
    said = f"to {lemma}" if planned else conjugate(lemma, noun.tag_ in ("NNS", "NNPS"))
    particle = _particle(verb)
    bare = [  # "take effect", "take place": an object with no determiner completes the verb
        c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and not list(c.children)
    ]
    said = " ".join(p for p in (said, particle, *(c.text for c in bare)) if p)
    return dataclasses.replace(phrase, verb=said)


def issued_by(phrase: Phrase, names: list[str]) -> Phrase:
    """A document's headline with its signatories: "China and Russia issue joint communique"."""
    if phrase.verb or not names:
        return phrase
    verb = conjugate("issue", len(names) > 1)
    return dataclasses.replace(phrase, subject=join_names(names), verb=verb, obj=phrase.subject)


def _covers_actor(prep, roles) -> bool:
    return any(w.idx <= m.start < w.idx + len(w.text) for m in roles["all"] for w in prep.subtree)
