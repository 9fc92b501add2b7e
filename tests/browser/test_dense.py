"""The page with many events (300 and 3,000, half of them in one year, one in 40 with an open
start): labels never overprint each other, the events that find no room are counted in
clusters, open-start events are short stubs, and the dense year read on its own is labelled.
Screenshots land with the other browser screenshots (tests/browser/conftest.py SHOTS)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from service.storage.connection import make_database
from service.storage.models import MODELS, Article, DataState, Event, Mention
from service.write.pipeline import event_columns

from .conftest import Server
from .test_load import fake_event

pytestmark = pytest.mark.browser


def store(url: str, name: str, published: dt.date, rows: list[dict]) -> None:
    """Save ``rows`` (event columns) under one generated article, each with one mention."""
    db = make_database(url)
    with db.connection_context(), db.bind_ctx(MODELS), db.atomic():
        article = Article.create(
            content_hash=name,
            title="Generated",
            published_at=published,
            text="A generated sentence.",
        )
        for chunk in range(0, len(rows), 500):
            Event.insert_many(rows[chunk : chunk + 500]).execute()
        Mention.insert_many(
            [
                {"event": e.id, "article": article.id, "sentence": "x", "sentence_start": 0}
                | {"sentence_end": 1, "start": 0, "end": 1}
                for e in Event.select(Event.id)
            ]
        ).execute()
        DataState.update(version=DataState.version + 1).execute()
    db.close()


def fill(url: str, count: int) -> None:
    rng = random.Random(count)
    rows = []
    for i in range(count):
        event = fake_event(rng, i)
        if i % 2 and event.date.start and event.date.precision == "day":  # the dense year
            day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(366))
            event = dataclasses.replace(
                event,
                title=f"Dense year meeting of delegations {i}",
                date=dataclasses.replace(
                    event.date, start=day, end=day, value=day.isoformat(), edtf=day.isoformat()
                ),
            )
        rows.append(event_columns(event))
    store(url, f"dense-{count}", dt.date(2024, 1, 1), rows)


@pytest.fixture(scope="module", params=[300, 3000], ids=["300", "3000"])
def dense_server(request, tmp_path_factory, chromium):
    server = Server(tmp_path_factory.mktemp(f"browser-dense-{request.param}"))
    server.run("init-db")
    fill(server.url, request.param)
    yield server.start()
    server.stop()


def boxes(page) -> list[dict]:
    """The screen box of every label and cluster count drawn on the axis."""
    return page.eval_on_selector_all(
        "#axis .mark .label, #axis .cluster .count",
        """els => els.map(t => { const r = t.getBoundingClientRect();
            return {l: r.left, r: r.right, t: r.top, b: r.bottom, text: t.textContent}; })""",
    )


def overlapping(found: list[dict]) -> list[tuple[str, str]]:
    clashes = []
    found = sorted(found, key=lambda b: b["l"])
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if b["l"] >= a["r"]:
                break
            if b["t"] < a["b"] and a["t"] < b["b"]:
                clashes.append((a["text"], b["text"]))
    return clashes


def counts(page) -> dict[str, int]:
    return page.eval_on_selector(
        "#axis .marks",
        "g => ({total: +g.dataset.total, placed: +g.dataset.placed,"
        " clustered: +g.dataset.clustered})",
    )


def check_layout(page) -> tuple[list[dict], dict]:
    found = boxes(page)
    assert found, "no label drawn at all"
    assert overlapping(found) == []
    numbers = counts(page)
    marks = page.locator("#axis .mark").count()
    clustered = sum(
        int(n)
        for n in page.eval_on_selector_all("#axis .cluster", "gs => gs.map(g => g.dataset.count)")
    )
    assert marks == numbers["placed"] and clustered == numbers["clustered"]
    assert marks + clustered == numbers["total"]
    return found, numbers


def test_the_whole_range_has_no_overlapping_labels(page, dense_server):
    page.goto(f"{dense_server.base}/?view=lanes")
    page.wait_for_selector("body[data-state=ready]", timeout=30000)
    _, numbers = check_layout(page)
    assert numbers["total"] > 0
    stubs = page.eval_on_selector_all(
        "#axis .mark.open-start rect", "rs => rs.map(r => r.getBoundingClientRect().width)"
    )
    assert max(stubs, default=0) <= 60  # never a bar to the edge


def test_an_open_start_event_is_a_short_stub_at_its_known_end(page, dense_server):
    import json
    import urllib.request

    url = f"{dense_server.base}/api/v1/timeline?format=ndjson"
    with urllib.request.urlopen(url, timeout=30) as response:
        events = [json.loads(line) for line in response.read().splitlines()]
    event = next(e for e in events if e["date"]["start"] is None and e["date"]["end"])
    end = dt.date.fromisoformat(event["date"]["end"])
    window = f"from={end - dt.timedelta(days=4)}&to={end + dt.timedelta(days=4)}"
    page.goto(f"{dense_server.base}/?{window}&view=lanes")
    page.wait_for_selector("body[data-state=ready]", timeout=30000)
    check_layout(page)
    drawn = page.locator(f"#axis .mark.open-start[data-id='{event['id']}'] rect")
    assert drawn.count() == 1, (event, counts(page), page.locator("#event-list .ev").count())
    stub = drawn.bounding_box()
    tick = page.locator(f"#axis .tick[data-date='{end + dt.timedelta(days=1)}'] line")
    assert 40 <= stub["width"] <= 60
    if tick.count():
        assert stub["x"] + stub["width"] == pytest.approx(tick.bounding_box()["x"], abs=1.5)


def test_the_dense_year_is_readable(page, dense_server):
    page.goto(f"{dense_server.base}/?from=2020-01-01&to=2020-12-31&view=lanes")
    page.wait_for_selector("body[data-state=ready]", timeout=30000)
    found, numbers = check_layout(page)
    labelled = [b for b in found if b["text"].startswith("Dense year")]
    # every lane carries titles (cut short where whole ones do not fit); the rest is counted
    lanes = {round(b["t"]) for b in labelled}
    assert len(labelled) >= min(20, numbers["total"] // 2), (len(labelled), numbers)
    assert len(lanes) >= 8, lanes


def fill_crowded_month(url: str) -> None:
    """200 minor day events in March 2024 and one key event over the whole month."""
    rng = random.Random(7)
    rows = []
    for i in range(200):
        day = dt.date(2024, 3, 1) + dt.timedelta(days=i % 31)
        event = fake_event(rng, i)
        date = dataclasses.replace(
            event.date, start=day, end=day, value=day.isoformat(), edtf=day.isoformat(),
            precision="day",
        )  # fmt: skip
        rows.append(
            event_columns(dataclasses.replace(event, title=f"Minor {i}", date=date, salience=0.1))
        )
    month = fake_event(rng, 999)
    month = dataclasses.replace(
        month,
        title="The key event of the month",
        salience=0.9,
        date=dataclasses.replace(
            month.date,
            start=dt.date(2024, 3, 1),
            end=dt.date(2024, 3, 31),
            value="2024-03",
            edtf="2024-03",
            precision="month",
        ),
    )
    rows.append(event_columns(month))
    store(url, "crowded-month", dt.date(2024, 4, 1), rows)


@pytest.fixture(scope="module")
def crowded_server(tmp_path_factory, chromium):
    server = Server(tmp_path_factory.mktemp("browser-crowded"))
    server.run("init-db")
    fill_crowded_month(server.url)
    yield server.start()
    server.stop()


def test_the_key_event_keeps_its_mark_where_minor_ones_crowd(page, crowded_server):
    """Placed by salience first: the month's key event is drawn, minor ones join clusters
    (placed narrowest first, the month bar came last and was counted in a cluster)."""
    page.goto(f"{crowded_server.base}/?from=2024-03-01&to=2024-03-31&view=lanes")
    page.wait_for_selector("body[data-state=ready]", timeout=30000)
    _, numbers = check_layout(page)
    assert numbers["clustered"] > 0  # crowded: not everything has room
    key = page.locator("#axis .mark", has_text="The key event of the month")
    assert key.count() == 1
