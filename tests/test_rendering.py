"""service.read.rendering: JSON text assembled from rendered parts parses to what was meant."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from service.read import rendering

EVENT = {"id": 7, "title": "Élysée talks “resume”", "date": {"start": "2024-03-01"}}


def rendered(value):
    return rendering.to_json(value)


def test_to_json_is_compact_utf8_with_iso_dates():
    text = rendering.to_json(
        {
            "at": dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC),
            "on": dt.date(2024, 3, 1),
            "name": "Zürich",
        }
    )
    assert text == '{"at":"2024-03-01T12:00:00+00:00","on":"2024-03-01","name":"Zürich"}'


def test_to_json_refuses_what_json_cannot_say():
    with pytest.raises(TypeError, match="set is not JSON serialisable"):
        rendering.to_json({1, 2})


@pytest.mark.parametrize(
    "values",
    [[], [EVENT], [EVENT, {"id": 8, "nested": [[], {}, [1, [2, None]]]}], ["ü", 1, None, True]],
    ids=["empty", "one", "nested", "scalars"],
)
def test_array_of_rendered_values(values):
    text = rendering.array(rendered(v) for v in values)
    assert json.loads(text) == values


def test_object_of_rendered_members_keeps_their_order():
    members = [("data", rendering.array([rendered(EVENT)])), ("next", rendered(None))]
    members.append(("count", rendered(1)))
    text = rendering.obj(members)
    assert json.loads(text) == {"data": [EVENT], "next": None, "count": 1}
    assert list(json.loads(text)) == ["data", "next", "count"]


def test_empty_object_and_names_that_need_escaping():
    assert json.loads(rendering.obj([])) == {}
    text = rendering.obj([('say "hi"', rendered("ok")), ("naïve\\", rendered([]))])
    assert json.loads(text) == {'say "hi"': "ok", "naïve\\": []}


@pytest.mark.parametrize(
    "base",
    [{}, {"id": 7}, EVENT, {"mentions": [{"sentence": "}"}], "x": "{"}],
    ids=["empty", "one", "unicode", "braces-inside"],
)
def test_with_member_adds_one_member_last(base):
    edits = [{"changes": {"title": "Talks"}, "reason": "typo", "at": "2024-03-02"}]
    text = rendering.with_member(rendered(base), "edits", rendered(edits))
    assert json.loads(text) == {**base, "edits": edits}
    assert list(json.loads(text))[-1] == "edits"


def test_with_member_on_an_object_written_with_spaces():
    assert json.loads(rendering.with_member('{ "a": 1 } ', "b", "2")) == {"a": 1, "b": 2}
    assert json.loads(rendering.with_member("{ }", "b", "[]")) == {"b": []}


@pytest.mark.parametrize("text", ["[]", "[{}]", '"{}"', "null", "7", "", "{"])
def test_with_member_refuses_what_is_not_an_object(text):
    with pytest.raises(ValueError, match="not a JSON object"):
        rendering.with_member(text, "edits", "[]")
