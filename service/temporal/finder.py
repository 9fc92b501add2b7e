"""Find candidate spans with the compiled rules, drop non-dates, keep the longest."""

from __future__ import annotations

import re
from typing import NamedTuple

from .filters import ACCEPT
from .patterns import HEAD_TOKEN, HEADS, NEEDS, RULES, SMALL_NUMBER_HEAD, YEAR_HEAD


class Candidate(NamedTuple):
    rule: str
    start: int
    end: int
    priority: int
    match: re.Match[str]


#: How far a rule's match may reach before and after its head word.
_MARGIN = 48


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged stretches of text around the words that can head its matches."""
    spans: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for tok in HEAD_TOKEN.finditer(text):
        word = tok[0]
        if word[0].isdigit():
            rules = YEAR_HEAD if len(word) == 4 else SMALL_NUMBER_HEAD if len(word) <= 3 else None
        else:
            rules = HEADS.get(word.lower())
        if not rules:
            continue
        lo, hi = max(0, tok.start() - _MARGIN), min(n, tok.end() + _MARGIN)
        for rule in rules:
            spans.setdefault(rule, []).append((lo, hi))
    merged: dict[str, list[tuple[int, int]]] = {}
    for rule, items in spans.items():
        out: list[tuple[int, int]] = []
        for lo, hi in items:  # already in text order
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        merged[rule] = out
    return merged


def _widen(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Move window edges off the middle of words, so no rule sees half a word."""
    while lo > 0 and text[lo - 1].isalnum():
        lo -= 1
    while hi < len(text) and text[hi].isalnum():
        hi += 1
    return lo, hi


def candidates(text: str) -> list[Candidate]:
    """Every accepted rule match in ``text``, looked for only near the rule's head words."""
    windows = _windows(text)
    found: dict[tuple[str, int, int], Candidate] = {}
    for name, pattern, priority in RULES:
        check, needs = ACCEPT.get(name), NEEDS.get(name)
        for lo, hi in windows.get(name, ()):
            lo, hi = _widen(text, lo, hi)
            if needs is not None and needs.search(text, lo, hi) is None:
                continue
            for m in pattern.finditer(text, lo, hi):
                # A rule may tag only part of what it reads: its "span" group.
                start, end = m.span("span") if "span" in pattern.groupindex else m.span()
                key = (name, start, end)
                if end > start and key not in found and (check is None or check(m, text)):
                    found[key] = Candidate(name, start, end, priority, m)
    return list(found.values())


def select(found: list[Candidate], length: int) -> list[Candidate]:
    """Non-overlapping candidates, longest first (then by priority), in text order."""
    taken = bytearray(length + 1)
    chosen = []
    for c in sorted(found, key=lambda c: (c.start - c.end, -c.priority, c.start)):
        if taken.find(1, c.start, c.end) == -1:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def find(text: str) -> list[Candidate]:
    """The temporal expressions of ``text`` as non-overlapping rule matches."""
    return select(candidates(text), len(text))
