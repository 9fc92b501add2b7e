"""Query-string arguments parsed once per distinct query string.

A dashboard polls the same few URLs, and parsing a query string with its marshmallow schema
(webargs) cost about a sixth of a cached list page: the parser below remembers the last
``SIZE`` results per schema and query string. Parsing is a pure function of the two (no query
schema reads the clock, the configuration or the database), so a remembered result is the
result; each caller gets its own copy, and a query string that fails to parse is parsed (and
refused) again every time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import flask
import flask_smorest
from webargs.flaskparser import FlaskParser

SIZE = 512


class QueryParser(FlaskParser):
    """webargs' Flask parser with the results of ``location="query"`` parses remembered."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._parsed: OrderedDict[tuple, dict] = OrderedDict()
        self._lock = threading.Lock()

    def parse(self, argmap, req=None, *, location=None, **kwargs):  # noqa: D102
        if location != "query" or kwargs.get("validate") is not None:
            return super().parse(argmap, req, location=location, **kwargs)
        query = (req if req is not None else flask.request).query_string
        key = (id(argmap), kwargs.get("unknown"), query)
        with self._lock:
            found = self._parsed.get(key)
            if found is not None:
                self._parsed.move_to_end(key)
        if found is None:
            found = super().parse(argmap, req, location=location, **kwargs)
            with self._lock:
                self._parsed[key] = found
                while len(self._parsed) > SIZE:
                    self._parsed.popitem(last=False)
        return _copy(found)


def _copy(parsed: dict) -> dict:
    """A copy the view may change: lists (``type=a,b``) are copied too; the rest is immutable."""
    return {k: list(v) if isinstance(v, list) else v for k, v in parsed.items()}


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint with :class:`QueryParser` as its arguments parser."""

    ARGUMENTS_PARSER = QueryParser()
