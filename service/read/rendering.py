"""The API's JSON text, assembled from parts already rendered (pure: no Flask, no database).

Rendered events are kept as JSON text (see :mod:`service.read.cache`), so a page is put together
from those texts instead of being parsed and encoded again. Every splice goes through these
functions, each returning one JSON value as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..shapes import iso


def to_json(value: Any) -> str:
    """Compact JSON as the API writes it: UTF-8 text, dates and datetimes in ISO 8601."""
    return json.dumps(value, default=iso, ensure_ascii=False, separators=(",", ":"))


def array(texts: Iterable[str]) -> str:
    """A JSON array of values already rendered as JSON text, in their order."""
    return "[" + ",".join(texts) + "]"


def obj(members: Iterable[tuple[str, str]]) -> str:
    """A JSON object of ``(name, value)`` members, each value already JSON text, in order."""
    return "{" + ",".join(_member(name, value) for name, value in members) + "}"


def with_member(rendered: str, name: str, value: str) -> str:
    """The rendered JSON object ``rendered`` with one more member, ``name``: ``value`` (JSON
    text) last. ``rendered`` must be an object: anything else is a ValueError."""
    text = rendered.strip()
    if not (text.startswith("{") and text.endswith("}")):
        raise ValueError(f"not a JSON object: {rendered[:40]!r}")
    inner = text[1:-1].strip()
    return "{" + (inner + "," if inner else "") + _member(name, value) + "}"


def _member(name: str, value: str) -> str:
    return f"{to_json(name)}:{value}"
