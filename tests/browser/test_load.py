"""The page with 10,000 events in the database: its load time, printed (not asserted)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from service import events as extraction
from service.storage.connection import make_database
from service.storage.models import MODELS, Actor, Article, DataState, Event, EventActor, Mention
from service.write.pipeline import event_columns

from .conftest import Server

pytestmark = pytest.mark.browser

N = 10_000
ACTORS = [
    ("country:CHN", "China", "country"),
    ("country:RUS", "Russia", "country"),
    ("country:IRN", "Iran", "country"),
    ("org:SCO", "SCO", "organisation"),
    ("person:xi-jinping", "Xi Jinping", "person"),
]
PRECISIONS = ["day"] * 16 + ["month"] * 3 + ["year"]


def fake_event(rng: random.Random, i: int) -> extraction.Event:
    day = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    precision = rng.choice(PRECISIONS)
    start, end, value = day, day, day.isoformat()
    if precision == "month":
        start = day.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        value = start.isoformat()[:7]
    elif precision == "year":
        start, end, value = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), str(day.year)
    if i % 40 == 0:  # some open-ended: no later than the day
        start, precision, value = None, "unknown", None
    date = extraction.EventDate(
        text=None,
        value=value,
        edtf=value or f"../{end}",
        start=start,
        end=end,
        precision=precision,
        approximate=i % 25 == 0,
        basis="expression",
    )
    return extraction.Event(
        title=f"Generated event {i}",
        summary=f"Generated event number {i}.",
        type=rng.choice(["meeting", "visit", "statement", "agreement", "sanctions"]),
        cameo=None,
        actors=(),
        date=date,
        mentions=(),
        status="occurred",
    )


def fill(url: str) -> None:
    """Insert N events (with actors and a mention each) straight through the models."""
    rng = random.Random(8)
    db = make_database(url)
    with db.connection_context(), db.bind_ctx(MODELS), db.atomic():
        article = Article.create(
            content_hash="generated",
            title="Generated",
            published_at=dt.date(2024, 1, 1),
            text="A generated sentence about a generated event.",
        )
        actors = [Actor.create(key=k, name=n, kind=kind) for k, n, kind in ACTORS]
        rows = [event_columns(fake_event(rng, i)) for i in range(N)]
        for chunk in range(0, N, 500):
            Event.insert_many(rows[chunk : chunk + 500]).execute()
        ids = [e.id for e in Event.select(Event.id)]
        links = [{"event": i, "actor": actors[i % len(actors)].id} for i in ids]
        mentions = [
            {
                "event": i,
                "article": article.id,
                "sentence": article.text,
                "sentence_start": 0,
                "sentence_end": len(article.text),
                "start": 0,
                "end": len(article.text),
            }
            for i in ids
        ]
        for chunk in range(0, len(ids), 500):
            EventActor.insert_many(links[chunk : chunk + 500]).execute()
            Mention.insert_many(mentions[chunk : chunk + 500]).execute()
        DataState.update(version=DataState.version + 1).execute()
    db.close()


@pytest.fixture(scope="module")
def big_server(tmp_path_factory, chromium):
    server = Server(tmp_path_factory.mktemp("browser-10k"))
    server.run("init-db")
    fill(server.url)
    yield server.start()
    server.stop()


def test_page_load_time_with_ten_thousand_events(page, big_server, capsys):
    page.goto(f"{big_server.base}/?view=lanes")
    page.wait_for_selector("body[data-state=ready]", timeout=30000)
    ready = int(page.get_attribute("body", "data-ready-ms"))
    timing = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return {dom: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd)}; }"
    )
    requests = page.evaluate(
        "() => performance.getEntriesByType('resource').filter(r => r.name.includes('/api/'))"
        ".map(r => `${new URL(r.name).pathname} ${Math.round(r.startTime)}`"
        " + `+${Math.round(r.duration)}`)"
    )
    listed = page.locator("#event-list .ev").count()
    drawn = page.locator("#axis .mark").count()
    with capsys.disabled():
        print(
            f"\n[browser] / with {N} events: ready (axis, list, histogram drawn) in {ready} ms;"
            f" DOMContentLoaded {timing['dom']} ms, load {timing['load']} ms;"
            f" {drawn} marks drawn, {listed} events listed\n[browser] API requests (ms from"
            f" navigation start + duration): {'; '.join(requests)}"
        )
    assert listed > 0 and drawn > 0
    # The window holds more than a page: the rest loads on demand, in date order.
    assert page.locator("#axis .unloaded").count() == 1
    page.click("#load-more")
    page.wait_for_function(f"() => document.querySelectorAll('#event-list .ev').length > {listed}")
    # A histogram bar zooms to its period.
    page.locator("#histogram .bins rect").nth(40).click()
    page.wait_for_function("() => new URL(location).searchParams.get('to') < '2017'")
