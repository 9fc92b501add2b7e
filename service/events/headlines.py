"""Short headlines (at most 80 characters) built from an event's clause."""

from __future__ import annotations

import dataclasses
import re

LIMIT = 80
_IRREGULAR = {
    "met": "meet",
    "said": "say",
    "paid": "pay",
    "issued": "issue",
    "told": "tell",
    "held": "hold",
    "struck": "strike",
    "took": "take",
    "made": "make",
    "gave": "give",
    "won": "win",
    "lost": "lose",
    "led": "lead",
    "began": "begin",
    "sent": "send",
    "agreed": "agree",
    "declared": "declare",
    "pledged": "pledge",
    "imposed": "impose",
    "urged": "urge",
    "shelled": "shell",
    "accused": "accuse",
    "announced": "announce",
    "sanctioned": "sanction",
    "voted": "vote",
    "raised": "raise",
    "cut": "cut",
    "grew": "grow",
    "shrank": "shrink",
    "joined": "join",
    "admitted": "admit",
    "invaded": "invade",
    "signed": "sign",
    "visited": "visit",
    "stated": "state",
    "noted": "note",
    "warned": "warn",
    "welcomed": "welcome",
}
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for with and or by from as that which who its their his her".split()
)
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:and|but|however|meanwhile|also|still|yet|so|then)\b,?\s*)+", re.IGNORECASE
)


@dataclasses.dataclass(frozen=True, slots=True)
class Frame:
    """What a headline is built from: the clause's parts, already resolved to names.

    ``verb`` is the clause's predicate as written ("met", "imposed"); ``rest`` is the clause
    text after it with dates removed; ``noun`` the trigger noun phrase ("annual meeting").
    """

    type: str
    subjects: tuple[str, ...]
    verb: str | None = None
    rest: str = ""
    noun: str | None = None
    objects: tuple[str, ...] = ()
    place: str | None = None
    member: str | None = None
    duration: str | None = None
    fallback: str = ""
    passive: bool = False  # "was killed by": headlines keep the participle ("X killed by Y")


def fit(text: str, limit: int = LIMIT) -> str:
    """Trim ``text`` to ``limit`` characters at a word boundary, never mid-word."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(",;:")
    if len(text) <= limit:
        return text
    words = text[: limit + 1].split(" ")[:-1] if text[limit] != " " else text[:limit].split(" ")
    while words and (words[-1].lower() in _FUNCTION_WORDS or not words[-1].strip(",;:")):
        words.pop()
    return " ".join(words).rstrip(",;:")


def join_names(names: tuple[str, ...] | list[str]) -> str:
    names = list(dict.fromkeys(n for n in names if n))
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " and " + names[-1]


def present(verb: str, plural: bool) -> str:
    """Headline tense: "met" -> "meets"/"meet", "pointed out" -> "points out"."""
    head, _, tail = verb.partition(" ")
    lower = head.lower()
    base = _IRREGULAR.get(lower)
    if base is None:
        if lower.endswith("ied"):
            base = lower[:-3] + "y"
        elif lower.endswith("ed"):
            base = lower[:-2]
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]
            elif base.endswith(("s", "v", "z", "c", "u", "g", "at", "ir", "ur", "it")):
                base += "e"
        elif lower.endswith("s") and not lower.endswith("ss"):
            base = lower[:-1]  # already present tense: "visits"
        else:
            base = lower
    if not plural:
        if base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
            base = base[:-1] + "ies"
        elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
            base += "es"
        else:
            base += "s"
    return f"{base} {tail}".strip()


def headline(frame: Frame) -> str:
    """A headline in present tense: "Mishustin meets Xi Jinping in Beijing"."""
    builder = _BUILDERS.get(frame.type, _generic)
    text = builder(frame) or _generic(frame) or _LEADING_CONNECTIVE.sub("", frame.fallback)
    text = text[:1].upper() + text[1:]
    return fit(text)


def _subject(frame: Frame) -> tuple[str, bool]:
    return join_names(frame.subjects), len(set(frame.subjects)) > 1


def _place(frame: Frame) -> str:
    return f" in {frame.place}" if frame.place else ""


def _generic(frame: Frame) -> str:
    subject, plural = _subject(frame)
    if not (subject and frame.verb):
        return ""
    rest = _LEADING_ARTICLE.sub("", frame.rest.strip())
    verb = frame.verb if frame.passive else present(frame.verb, plural)
    return f"{subject} {verb} {rest}".strip()


def _meeting(frame: Frame) -> str:
    subject, plural = _subject(frame)
    if not subject:
        return ""
    if frame.verb and frame.objects:
        return f"{subject} {present('met', plural)} {join_names(frame.objects)}{_place(frame)}"
    noun = frame.noun or "talks"
    return f"{subject} {present('held', plural)} {noun}{_place(frame)}"


def _visit(frame: Frame) -> str:
    subject, plural = _subject(frame)
    if not subject:
        return ""
    if frame.verb:
        where = join_names(frame.objects) or frame.place or ""
        return f"{subject} {present(frame.verb, plural)} {where}".strip()
    destination = f" to {join_names(frame.objects)}" if frame.objects else _place(frame)
    return f"{subject} {present('paid', plural)} {frame.noun or 'visit'}{destination}"


def _statement(frame: Frame) -> str:
    subject, plural = _subject(frame)
    content = frame.rest if frame.verb else ""
    if not subject:
        return ""
    if content:
        return f"{subject} {present('said', plural)} {content}"
    return f"{subject} {present('made', plural)} statement{_place(frame)}"


def _agreement(frame: Frame) -> str:
    subject, plural = _subject(frame)
    if frame.noun and re.search(r"communiqu|statement|declaration", frame.noun, re.I):
        return f"{subject} {present('issued', plural)} {frame.noun}" if subject else ""
    return _generic(frame)


def _membership(frame: Frame) -> str:
    if not (frame.member and frame.objects):
        return ""
    full = " as full member" if frame.noun and "full member" in frame.noun else ""
    return f"{frame.member} joins {join_names(frame.objects)}{full}"


def _conflict(frame: Frame) -> str:
    if frame.verb:
        return _generic(frame)
    noun = frame.noun or "fighting"
    where = f" in {join_names(frame.objects)}" if frame.objects else ""
    ongoing = f" ongoing {frame.duration}" if frame.duration else ""
    return f"{noun}{where}{ongoing}"


_BUILDERS = {
    "meeting": _meeting,
    "visit": _visit,
    "statement": _statement,
    "agreement": _agreement,
    "membership": _membership,
    "conflict": _conflict,
}
