"""The query parser remembers parses: same answers, one schema load per query string."""

from __future__ import annotations

import flask
import pytest
from marshmallow import Schema, fields, post_load
from werkzeug.exceptions import UnprocessableEntity

from service.api.arguments import SIZE, QueryParser


class Args(Schema):
    loads = 0
    type = fields.List(fields.String())
    limit = fields.Integer()

    @post_load
    def count(self, data, **kwargs):
        Args.loads += 1
        return data


@pytest.fixture
def parse():
    parser, app, schema = QueryParser(), flask.Flask(__name__), Args()
    Args.loads = 0

    def parse(query: str) -> dict:
        with app.test_request_context(f"/?{query}"):
            return parser.parse(schema, location="query", unknown="raise")

    return parse


def test_a_query_string_is_loaded_once_and_each_caller_gets_a_copy(parse):
    first = parse("type=a&type=b&limit=5")
    first["type"].append("changed")
    first["limit"] = 99
    again = parse("type=a&type=b&limit=5")
    assert again == {"type": ["a", "b"], "limit": 5}
    assert Args.loads == 1
    assert parse("type=a&limit=5") == {"type": ["a"], "limit": 5}
    assert Args.loads == 2


def test_bad_query_strings_are_refused_every_time(parse):
    for _ in range(2):
        with pytest.raises(UnprocessableEntity):
            parse("limit=many")
    with pytest.raises(UnprocessableEntity):
        parse("unknown=1")
    assert Args.loads == 0


def test_at_most_size_parses_are_kept(parse):
    for i in range(SIZE + 1):
        parse(f"limit={i}")
    loads = Args.loads
    parse(f"limit={SIZE}")  # the newest is kept
    assert Args.loads == loads
    parse("limit=0")  # the oldest was dropped
    assert Args.loads == loads + 1
