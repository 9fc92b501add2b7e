"""The page opens on the story: the key dates of the current filters (GET /api/v1/digest),
each with its events; the lanes are the other tab, kept in the URL (and the back button)."""

from __future__ import annotations

import json
import urllib.request

import pytest

from .conftest import SHOTS, run_axe
from .test_load import N, big_server  # noqa: F401 (the 10,000-event server)
from .test_page import api, open_page, post_article

pytestmark = pytest.mark.browser


def story(page) -> list[dict]:
    """The key dates shown: each date and the ids of its events, in page order."""
    return page.eval_on_selector_all(
        "#story-list .story-date",
        """ds => ds.map(d => ({date: d.dataset.date, heading: d.querySelector('h3').textContent,
            ids: [...d.querySelectorAll('.story-ev')].map(b => +b.dataset.id),
            titles: [...d.querySelectorAll('.story-ev .what')].map(t => t.textContent)}))""",
    )


def digest(base: str, query: str) -> list[dict]:
    with urllib.request.urlopen(f"{base}/api/v1/digest?{query}", timeout=30) as response:
        return json.load(response)["dates"]


def window(page) -> str:
    return page.evaluate(
        "() => { const p = new URL(location).searchParams;"
        " return `from=${p.get('from')}&to=${p.get('to')}`; }"
    )


def same(shown: list[dict], expected: list[dict]) -> None:
    assert [d["date"] for d in shown] == [d["date"] for d in expected]
    assert [d["ids"] for d in shown] == [[e["id"] for e in d["events"]] for d in expected]


def test_the_page_opens_on_the_key_dates_and_the_lanes_are_a_tab(page, server):
    open_page(page, server, view="story")
    assert page.locator("#story").is_visible() and page.locator("#lanes").is_hidden()
    assert page.get_attribute("#tab-story", "aria-selected") == "true"
    shown = story(page)
    assert shown, page.text_content("#story-note")
    same(shown, digest(server.base, f"{window(page)}&dates=20&per_date=2"))
    assert [d["date"] for d in shown] == sorted(d["date"] for d in shown)
    assert run_axe(page) == []
    # An event of the story opens the panel, as on the lanes.
    page.locator("#story-list .story-ev").first.click()
    page.wait_for_selector("#panel:not([hidden])")
    assert page.text_content("#panel-title") == shown[0]["titles"][0]
    page.click("#panel-close")
    # The lanes: one click, kept in the URL; back returns to the story.
    page.click("#tab-lanes")
    page.wait_for_function("() => new URL(location).searchParams.get('view') === 'lanes'")
    assert page.locator("#lanes").is_visible() and page.locator("#story").is_hidden()
    page.wait_for_selector("#axis .mark")  # the lanes' queries run once they are opened
    assert page.locator("#event-list .ev").count() > 0
    page.reload()
    page.wait_for_selector("body[data-state=ready]")
    assert page.locator("#lanes").is_visible()
    page.go_back()
    page.wait_for_function("() => !document.querySelector('#story').hidden")
    assert page.locator("#lanes").is_hidden()


def test_the_story_follows_the_filters(page, server):
    open_page(page, server, view="story")
    everything = story(page)
    kind = everything[0]["ids"] and api(server, f"/events/{everything[0]['ids'][0]}")["type"]
    page.select_option("#f-type", kind)
    page.click("#filters button[type=submit]")
    page.wait_for_function(f"() => new URL(location).searchParams.get('type') === '{kind}'")
    page.wait_for_function(
        "n => document.querySelectorAll('#story-list .story-ev').length !== n",
        arg=sum(len(d["ids"]) for d in everything),
    )
    assert page.locator("#story").is_visible()  # the filters keep the view
    same(story(page), digest(server.base, f"{window(page)}&type={kind}&dates=20&per_date=2"))
    assert page.get_attribute("#to-timelinejs", "href").endswith(f"/timelinejs?type={kind}")


def test_ten_thousand_events_open_on_a_readable_story(page, big_server, capsys):  # noqa: F811
    page.goto(f"{big_server.base}/")
    page.wait_for_selector("body[data-state=ready]", timeout=30000)
    ready = int(page.get_attribute("body", "data-ready-ms"))
    requests = page.evaluate(
        "() => performance.getEntriesByType('resource').filter(r => r.name.includes('/api/'))"
        ".map(r => `${new URL(r.name).pathname} ${Math.round(r.startTime)}`"
        " + `+${Math.round(r.duration)}`)"
    )
    with capsys.disabled():
        print(
            f"\n[browser] / (story) with {N} events: ready in {ready} ms;"
            f" API requests (ms from navigation start + duration): {'; '.join(requests)}"
        )
    shown = story(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"story-{N}.png"), full_page=False)
    assert 10 <= len(shown) <= 20
    assert all(1 <= len(d["ids"]) <= 2 for d in shown)
    same(shown, digest(big_server.base, f"{window(page)}&dates=20&per_date=2"))
    # Read at first sight: the whole story fits the first screen, no date box overlaps another.
    boxes = page.eval_on_selector_all(
        "#story-list .story-date",
        "ds => ds.map(d => { const r = d.getBoundingClientRect();"
        " return {l: r.left, r: r.right, t: r.top, b: r.bottom}; })",
    )
    assert max(b["b"] for b in boxes) <= 900, "the key dates run past the first screen"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"])
    assert page.locator("#axis .mark").count() == 0 or page.locator("#lanes").is_hidden()


def test_the_story_updates_live(page, server):
    """An article posted through the API reaches the key dates without a reload."""
    open_page(page, server, "?from=2023-01-01&to=2024-12-31", view="story")
    before = story(page)
    query = f"{window(page)}&dates=20&per_date=2"
    created = post_article(
        server,
        "The presidents of Iran and Kazakhstan signed a rail agreement in Astana "
        "on Tuesday, officials said.",
        "2024-02-08",
        "Rail deal",
    )
    added = {e["id"] for e in created["events"]}
    expected = digest(server.base, query)
    assert added & {e["id"] for d in expected for e in d["events"]}, "not a key date: no test"
    page.wait_for_function(
        "ids => [...document.querySelectorAll('#story-list .story-ev')]"
        ".some(b => ids.includes(+b.dataset.id))",
        arg=sorted(added),
        timeout=15000,
    )
    same(story(page), expected)
    assert story(page) != before
    fresh = page.eval_on_selector_all(
        "#story-list .story-ev.new", "bs => bs.map(b => +b.dataset.id)"
    )  # marked new, as on the lanes
    assert fresh and set(fresh) <= added, (fresh, added)
