"""Name normalisation shared by extraction (actor ids) and storage lookups (aliases): pure."""

from __future__ import annotations

import unicodedata


def plain(name: str) -> str:
    """Lower case ASCII: accents dropped, the typographic apostrophe made a plain one."""
    name = name.replace("’", "'")
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def fold(name: str) -> str:
    """A name as aliases are kept and looked up: lower case, no accents, single spaces."""
    return " ".join(plain(name).split())[:200]


def initials(name: str) -> str | None:
    """The initials a person's name is known by ("Michael Jackson" -> ``mj``, "Recep Tayyip
    Erdoğan" -> ``rte``): the first letter of each of its two to four words, folded; None for
    one word, more than four, or a word that does not open with a letter."""
    words = plain(name).replace("-", " ").split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isalpha() for w in words):
        return None
    return "".join(w[0] for w in words)
