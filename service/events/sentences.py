"""Split an article into sentences and clauses, keeping character offsets."""

from __future__ import annotations

import dataclasses
import re

#: Abbreviations whose period does not end a sentence (compared without the period, lowercase).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt gov sen rep rev st jr sr mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur fri sat sun
    no nos vs v e.g i.e approx est dept univ inc corp ltd co bros fig ca cf al""".split()
)
#: Words that start a new sentence even after an abbreviation such as "U.S." or "Inc.".
STARTERS = frozenset(
    "The A An He She It They We I In But However This That These Those His Her Its Their "
    "On At After Before When While Meanwhile Also There".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*")
_OPEN = "\"'“‘(["


@dataclasses.dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article: ``text == article[start:end]``."""

    text: str
    start: int
    end: int


def split(text: str) -> list[Span]:
    """Split ``text`` into sentences; a line break always ends a sentence."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        spans.extend(_split_line(text, line.start(), line.end()))
    return spans


def _split_line(text: str, start: int, end: int) -> list[Span]:
    out, begin = [], start
    for m in _END.finditer(text, start, end):
        nxt = m.end()
        rest = text[nxt:end]
        if rest and not rest[0].isspace():
            continue  # "U.S.-led", "3.5", "communiqué.”," etc.
        following = rest.lstrip()
        if following and not _starts_sentence(following):
            continue
        closed = m.group()[-1] not in ".!?"  # a closing quote or bracket after the stop
        if following and not closed and _is_abbreviation(text, m.start(), following):
            continue
        _append(out, text, begin, nxt)
        begin = nxt
    _append(out, text, begin, end)
    return out


def _starts_sentence(following: str) -> bool:
    first = following[0]
    if first in _OPEN:
        following = following[1:] or " "
        first = following[0]
    return first.isupper() or first.isdigit()


_TOKEN_BEFORE = re.compile(r"[\w.]+$")
_TOKEN_CHAR = re.compile(r"[\w.]")


def _is_abbreviation(text: str, dot: int, following: str) -> bool:
    if text[dot] != ".":
        return False
    # The token before the dot, looked for in a bounded window (not the whole text before it:
    # that made splitting quadratic in the article's length); longer runs are no abbreviation.
    word = _TOKEN_BEFORE.search(text, max(0, dot - 64), dot)
    if not word or (word.start() > 0 and _TOKEN_CHAR.match(text, word.start() - 1)):
        return False
    token = word.group().lower()
    next_word = re.match(r"[\w]+", following)
    starter = bool(next_word) and next_word.group() in STARTERS
    if token in {"no", "nos"}:
        return following[0].isdigit()
    if token in ABBREVIATIONS:
        return not (starter and token in {"inc", "corp", "ltd", "co", "jr", "sr"})
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "J. Smith"
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return not starter  # "U.S", "U.N": ends a sentence only before a clear starter
    return False


def _append(out: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Span(stripped, start + lead, start + lead + len(stripped)))


#: Clause boundaries inside a sentence: (regex, relation of the left clause to the right one).
_CLAUSE_BREAK = re.compile(
    r"(?P<cut>;\s+|,\s+(?=(?:while|as|where|which|who|whereas|but|although|though)\b)"
    r"|\s+(?=(?:after|before)\s+(?!(?:the\s+)?(?:end|start|beginning)\b))|,\s+(?=following\s))"
)


@dataclasses.dataclass(frozen=True, slots=True)
class Clause(Span):
    """A clause of a sentence; ``link`` is "after"/"before" when the clause is introduced by it."""

    link: str | None = None


def clauses(text: str, sentence: Span) -> list[Clause]:
    """Split a sentence into clauses at relative/adverbial boundaries and after/before."""
    out: list[Clause] = []
    begin, link = sentence.start, None
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if _inside_quotes(text, sentence.start, m.start()):
            continue
        _add_clause(out, text, begin, m.start(), link)
        begin = m.end()
        word = re.match(r"\s*(after|before|following)\b", text[m.end() : m.end() + 12])
        link = word.group(1) if word else None
        if link == "following":
            link = "after"
    _add_clause(out, text, begin, sentence.end, link)
    return out


def _add_clause(out: list[Clause], text: str, start: int, end: int, link: str | None) -> None:
    chunk = text[start:end]
    stripped = chunk.strip().rstrip(".,;")
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Clause(stripped, start + lead, start + lead + len(stripped), link))


def _inside_quotes(text: str, start: int, pos: int) -> bool:
    segment = text[start:pos]
    straight = segment.count('"') % 2 == 1
    curly = segment.count("“") > segment.count("”")
    return straight or curly
