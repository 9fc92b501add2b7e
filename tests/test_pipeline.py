"""Ingest is one transaction: a failure half-way leaves nothing behind."""

from __future__ import annotations

import datetime as dt

import pytest

from service import events as extraction
from service.storage.models import Actor, Article, Event, EventActor, Mention
from service.write import pipeline

from .test_errors import assert_problem


def table_counts() -> tuple[int, ...]:
    return tuple(m.select().count() for m in (Article, Event, EventActor, Mention, Actor))


def test_failure_half_way_leaves_nothing(app, client, seed_body, monkeypatch):
    calls = {"n": 0}
    real = pipeline.link_actors

    def fail_on_third(event, actors):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        real(event, actors)

    monkeypatch.setattr(pipeline, "link_actors", fail_on_third)
    assert_problem(client.post("/api/v1/articles", json=seed_body), 500)
    assert calls["n"] == 3, "the failure happened after events were written"
    with app.app_context():
        assert table_counts() == (0, 0, 0, 0, 0)
    monkeypatch.setattr(pipeline, "link_actors", real)
    assert client.post("/api/v1/articles", json=seed_body).status_code == 201


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Talks ended.", "  Talks   ended.\n", True),
        ("Talks ended.", "Talks ended!", False),
        ("caf\u00e9", "cafe\u0301", True),
    ],
    ids=["white-space", "punctuation", "unicode-normal-form"],
)
def test_content_hash(a, b, same):
    assert (pipeline.content_hash(a) == pipeline.content_hash(b)) is same


def test_one_articles_events_are_never_folded_into_each_other(app, client, seed_body, monkeypatch):
    """Extraction told them apart: "the rand slid on Tuesday" and "it recovered this year" share
    a type, an actor and (the year holds the day) a date, and stay two events; a second article
    reporting the slide still joins it."""
    rand = extraction.Actor("currency:rand", "rand", "currency")

    def told(title, start, end, precision):
        date = extraction.EventDate(None, None, None, start, end, precision, False, "expression")
        where = (extraction.Mention(title, 0, 9, 0, 9),)
        return extraction.Event(title, title, "market", None, (rand,), date, where, "occurred")

    day, year = (dt.date(2025, 6, 17),) * 2, (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    slid, recovered = told("Rand slides", *day, "day"), told("Rand recovers", *year, "year")
    monkeypatch.setattr(pipeline, "extract_events", lambda *args: [slid, recovered])
    assert client.post("/api/v1/articles", json=seed_body).status_code == 201
    monkeypatch.setattr(pipeline, "extract_events", lambda *args: [slid])
    other = {**seed_body, "text": seed_body["text"] + " Another outlet."}
    assert client.post("/api/v1/articles", json=other).status_code == 201
    with app.app_context():
        assert sorted(e.title for e in Event.select()) == ["Rand recovers", "Rand slides"]
        assert Mention.select().count() == 3


def _fixture_items() -> list[pipeline.Item]:
    from schemas import ArticleCreateSchema
    from service.write import sources

    from .conftest import FIXTURES

    schema = ArticleCreateSchema()
    items = []
    for _, raw, _ in sources.read_files(sorted((FIXTURES / "articles").glob("*.json"))):
        data = schema.load({k: raw[k] for k in ("text", "published_at")})
        items.append((data["text"], data["published_at"], None))
    return items


@pytest.mark.parametrize("kind", [None, "news"])
def test_articles_parsed_in_a_batch_read_as_one_at_a_time(kind, monkeypatch):
    """nlp.pipe over a batch gives each article the events its own parse gives (and a long
    text is cut where a single parse cuts it: just past the longest fixture here rather than
    at 50,000 characters, so that the text past the cut costs a fraction of a second, not
    seconds, to parse four times)."""
    from service.events import nlp

    items = [(text, day, kind) for text, day, _ in _fixture_items()]
    monkeypatch.setattr(nlp, "MAX_CHARS", max(len(text) for text, _, _ in items) + 100)
    filler = "The talks went on. " * (nlp.MAX_CHARS // 19)
    items.append((filler + "They ended on Monday.", items[0][1], kind))  # past the cut
    one_by_one = [pipeline.extract_events(*item) for item in items]
    assert sum(map(len, one_by_one)) > len(items)  # the fixtures do report events
    assert pipeline.extract_many(items) == one_by_one


def test_a_batch_over_its_budget_refuses_only_the_costly_article(monkeypatch):
    """A batch parsed together may take the sum of its articles' CPU budgets; over it, each
    article is read again within its own, so only the one over its own budget fails."""
    from service import budget

    real = pipeline.extraction.extract

    def extract(text, *args, **kwargs):
        while "SPIN" in text:  # a text that never ends reading
            pass
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pipeline.extraction, "extract", extract)
    monkeypatch.setattr(pipeline, "article_budget", lambda text: 0.3)
    day = dt.date(2024, 1, 10)
    items = [
        ("The talks ended on Monday.", day, None),
        ("SPIN the talks ended on Monday.", day, None),
        ("The summit opened on Tuesday.", day, None),
    ]
    first, costly, last = pipeline.extract_many(items)
    assert isinstance(costly, budget.OverBudget)
    assert first == pipeline.extract_events(*items[0])
    assert last == pipeline.extract_events(*items[2])
