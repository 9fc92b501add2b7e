"""What an article's text may cost to read: a text is bounded before the extractors see it, and
their work on it runs under a CPU budget (service/budget.py).

spaCy's tokenizer peels punctuation off a token one character at a time, looking at the rest of
the token again each time, and some of the extractors' patterns scan a whole run of spaces from
every position in it: a run of thousands of brackets, underscores or spaces costs time that
grows with the square of its length (10 kB of ``)`` took 11 s). No sentence has such a run, so
every run of more than :data:`MAX_RUN` characters that are neither letters nor digits keeps its
first :data:`KEPT` characters, and the rest becomes ``", , , "`` (one short token at a time,
each pattern stopping at the first comma), opened by a line break if the run held one, so a
paragraph break stays one. The text keeps its length, so every character offset the extractors
report still points into the original text.
"""

from __future__ import annotations

import re

#: The CPU an article's extraction may take: a base plus so much per 1,000 characters (real
#: news costs 30-65 us a character, so this leaves three times that; 500,000 characters: 102 s).
ARTICLE_CPU_SECONDS = 2.0
ARTICLE_CPU_SECONDS_PER_1000_CHARS = 0.2
#: Longest run of characters other than letters and digits that is read as it is.
MAX_RUN = 32
#: Characters of a longer run that are kept (an ellipsis or a rule of dashes stays one).
KEPT = 8

_RUN = re.compile(rf"[\W_]{{{MAX_RUN + 1},}}")


def bounded(text: str) -> str:
    """``text`` with every over-long run of non-alphanumeric characters cut (see the module
    docstring); the same length, so offsets into it are offsets into ``text``."""
    if len(text) <= MAX_RUN:
        return text
    return _RUN.sub(_cut, text)


def _cut(match: re.Match) -> str:
    run = match[0]
    rest = len(run) - KEPT
    filler = (" ," * (rest // 2 + 1))[:rest]
    if "\n" in run[KEPT:]:
        filler = "\n" + filler[1:]
    return run[:KEPT] + filler


def article_budget(text: str) -> float:
    """Seconds of CPU the extraction of ``text`` may take (linear in its length)."""
    return ARTICLE_CPU_SECONDS + ARTICLE_CPU_SECONDS_PER_1000_CHARS * len(text) / 1000
