"""Property-based tests of the marshmallow schemas (hypothesis).

- Any JSON-like dict given to any schema's ``load`` either loads or raises ``ValidationError``:
  never a TypeError, KeyError, OverflowError... that would become a 500.
- Valid bodies round-trip: ``load(dump(load(body))) == load(body)``.

30 examples each in the suite; ``TIMELINE_FUZZ_EXAMPLES`` raises it (``make fuzz``: 500).
"""

from __future__ import annotations

import datetime as dt
import inspect
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from marshmallow import Schema, ValidationError

import schemas

EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "30"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
INPUTS = ("ArgsSchema", "CreateSchema", "PatchSchema", "MergeSchema", "AnnotateSchema")
#: The schemas that load what clients send (the others only dump responses).
SCHEMAS = sorted(
    (
        obj
        for name in schemas.__all__
        if name.endswith(INPUTS)
        and inspect.isclass(obj := getattr(schemas, name))
        and issubclass(obj, Schema)
    ),
    key=lambda cls: cls.__name__,
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.dates().map(dt.date.isoformat)
    | st.sampled_from(["", " ", "\x00", "\ud800", "2024-02-30", "1e999", "NaN", "-1", "0"])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def field_keys(schema: Schema) -> list[str]:
    return [f.data_key or name for name, f in schema.fields.items()]


@st.composite
def bodies(draw, schema: Schema) -> dict:
    """Dicts keyed mostly by the schema's own field names, with values of any JSON type."""
    keys = field_keys(schema) or ["x"]
    chosen = draw(st.lists(st.sampled_from(keys) | st.text(max_size=8), max_size=len(keys) + 2))
    return {key: draw(json_values) for key in chosen}


def test_there_are_schemas_to_test():
    names = {cls.__name__ for cls in SCHEMAS}
    assert {"ArticleCreateSchema", "EventQueryArgsSchema", "AnnotateSchema"} <= names
    assert "EventSchema" not in names


@pytest.mark.parametrize("cls", SCHEMAS, ids=[cls.__name__ for cls in SCHEMAS])
def test_random_dicts_only_ever_raise_validation_error(cls):
    schema = cls()

    @SETTINGS
    @given(bodies(schema))
    def check(body):
        try:
            schema.load(body)
        except ValidationError as error:
            assert isinstance(error.messages, dict | list)

    check()


@pytest.mark.parametrize("cls", SCHEMAS, ids=[cls.__name__ for cls in SCHEMAS])
def test_anything_at_the_top_only_ever_raises_validation_error(cls):
    schema = cls()

    @settings(SETTINGS, max_examples=max(50, EXAMPLES // 4))
    @given(json_values)
    def check(value):
        try:
            schema.load(value)
        except ValidationError:
            pass

    check()


words = st.text(
    alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=200,
).filter(lambda s: s.strip())
dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31))
published = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date.today())
article_bodies = st.fixed_dictionaries(
    {"text": words, "published_at": published.map(dt.date.isoformat)},
    optional={
        "title": st.none() | words.filter(lambda w: len(w) <= 100),
        "source": st.none() | words.filter(lambda w: len(w) <= 100),
        "url": st.none()
        | st.from_regex(r"https://example\.(com|org)/[a-z0-9]{1,20}", fullmatch=True),
        "language": st.just("en"),
    },
)


def round_trips(schema: Schema, body: dict) -> None:
    loaded = schema.load(body)
    assert schema.load(schema.dump(loaded)) == loaded


@SETTINGS
@given(article_bodies)
def test_valid_articles_round_trip(body):
    schema = schemas.ArticleCreateSchema()
    loaded = schema.load(body)
    assert loaded["published_at"].isoformat() == body["published_at"]
    round_trips(schema, body)


@SETTINGS
@given(st.fixed_dictionaries({"text": words, "published_at": dates.map(dt.date.isoformat)}))
def test_valid_annotate_bodies_round_trip(body):
    round_trips(schemas.AnnotateSchema(), body)


@SETTINGS
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "from": dates.map(dt.date.isoformat),
            "limit": st.integers(min_value=1, max_value=500),
            "open": st.sampled_from(["exclude", "include"]),
            # a comma separates actors; white space around one is not part of it
            "actor": st.lists(
                st.text(min_size=1, max_size=50).filter(lambda a: "," not in a and a == a.strip()),
                max_size=20,
            ),
            "q": st.text(min_size=1, max_size=200),
            "article": st.integers(min_value=1, max_value=2**31 - 1),
        },
    )
)
def test_valid_event_queries_load(args):
    loaded = schemas.EventQueryArgsSchema().load(args)
    if "from" in args:
        assert loaded["from_"].isoformat() == args["from"]
    assert loaded.get("limit") == args.get("limit")
    assert loaded["actor"] == args.get("actor", [])


@SETTINGS
@given(
    st.fixed_dictionaries(
        {
            "expr": st.text(min_size=1, max_size=200),
            "published_at": dates.map(dt.date.isoformat),
        },
        optional={"tense": st.sampled_from(["past", "present", "future"])},
    )
)
def test_valid_resolve_args_round_trip(args):
    round_trips(schemas.ResolveArgsSchema(), args)
