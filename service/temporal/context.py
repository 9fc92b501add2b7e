"""Tense of the clause around an expression, which decides the direction of bare dates."""

from __future__ import annotations

import re

_FUTURE = {
    "will",
    "'ll",
    "shall",
    "wo",
    "won't",
    "going",
    "expected",
    "expects",
    "expect",
    "plans",
    "plan",
    "planned",
    "planning",
    "scheduled",
    "schedule",
    "due",
    "upcoming",
    "next",
    "coming",
    "intends",
    "intend",
    "hopes",
    "aims",
    "slated",
    "set",
    "would",
    "tomorrow",
    "to",
    "until",
    "till",
    "starting",
    "begins",
    "opens",
    "resume",
    "resumes",
    "later",
    "future",
    "soon",
}
#: Weak cues count only when nothing stronger is near.
_WEAK_FUTURE = {"would", "to", "until", "till", "set", "later", "starting"}
_PAST = {
    "said",
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "earlier",
    "yesterday",
    "met",
    "made",
    "went",
    "came",
    "took",
    "told",
    "gave",
    "began",
    "left",
    "held",
    "saw",
    "found",
    "got",
    "became",
    "sold",
    "rose",
    "fell",
    "won",
    "lost",
    "paid",
    "led",
    "spoke",
    "bought",
    "brought",
    "thought",
    "kept",
    "sent",
    "spent",
    "built",
    "broke",
    "ran",
    "wrote",
    "chose",
    "drove",
    "flew",
    "hit",
    "quit",
    "shot",
    "fought",
    "caught",
    "sought",
    "stood",
    "withdrew",
    "grew",
    "knew",
    "threw",
    "drew",
    "fled",
    "felt",
    "dealt",
    "meant",
    "heard",
    "struck",
    "arrived",
    "been",
    "ended",
    "closed",
    "since",
    "former",
    "previously",
    "recently",
    "already",
}
_NOT_PAST_ED = {
    "expected",
    "scheduled",
    "planned",
    "need",
    "speed",
    "indeed",
    "proceed",
    "exceed",
    "succeed",
    "seed",
    "feed",
    "bed",
    "red",
    "hundred",
    "led",
    "united",
    "based",
    "related",
    "limited",
    "proposed",
    "unprecedented",
}
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll|[.;!?]")
_WINDOW = 90


def _direction(word: str) -> tuple[str | None, bool]:
    """('future'|'past'|None, strong?) for one lower-cased token."""
    if word in _FUTURE:
        return "future", word not in _WEAK_FUTURE
    if word in _PAST:
        return "past", True
    if word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED:
        return "past", False
    if word.endswith("'ll"):
        return "future", True
    return None, False


def tense(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None, from the nearest tense cue in the expression's clause."""
    left = text[max(0, start - _WINDOW) : start]
    right = text[end : end + _WINDOW // 2]
    left_tokens = _TOKEN.findall(left)
    for i in range(len(left_tokens) - 1, -1, -1):
        if left_tokens[i] in ".;!?":
            left_tokens = left_tokens[i + 1 :]
            break
    right_tokens = []
    for tok in _TOKEN.findall(right):
        if tok in ".;!?":
            break
        right_tokens.append(tok)
    best: tuple[float, str] | None = None
    for distance, tok in [(len(left_tokens) - i, t) for i, t in enumerate(left_tokens)] + [
        (i + 1.5, t) for i, t in enumerate(right_tokens)
    ]:
        found, strong = _direction(tok.lower())
        if found is None:
            continue
        score = distance if strong else distance + 4
        if best is None or score < best[0]:
            best = (score, found)
    return best[1] if best else None
