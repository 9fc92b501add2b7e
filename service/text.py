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
