"""The timeline page at ``/`` in a real browser, on the seed article (published 2023-12-20)."""

from __future__ import annotations

import datetime as dt
import json
import urllib.request

import pytest

from .conftest import run_axe

pytestmark = pytest.mark.browser

SCO = "Iran joins SCO as full member"  # "this year": 2023, year precision
WAR = "War in Ukraine ongoing for nearly two years"  # ~2022, approximate
XI_MEETING = "Mishustin meets Xi Jinping in Beijing"


def api(server, path: str):
    with urllib.request.urlopen(f"{server.base}/api/v1{path}", timeout=10) as response:
        return json.load(response)


def post_article(server, text: str, published_at: str, title: str) -> dict:
    """POST one article through the API (as another client would, not the page); its answer."""
    body = json.dumps({"text": text, "published_at": published_at, "title": title}).encode()
    post = urllib.request.Request(
        f"{server.base}/api/v1/articles",
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(post, timeout=30) as response:
        assert response.status in (200, 201), response.status
        return json.load(response) | {"status": response.status}


def open_page(page, server, query: str = "", view: str = "lanes"):
    """The page at ``query``, on the lanes tab unless ``view`` says story (its default)."""
    if view == "lanes":
        query += ("&" if query else "?") + "view=lanes"
    page.goto(f"{server.base}/{query}")
    page.wait_for_selector("body[data-state=ready]")
    return page


def day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def marks(page) -> list[dict]:
    """Every event mark with its dates and where its shape is drawn on screen."""
    return page.eval_on_selector_all(
        "#axis .mark",
        """els => els.map(g => {
            const shape = g.querySelector('circle, rect').getBoundingClientRect();
            return {id: +g.dataset.id, start: g.dataset.start, end: g.dataset.end,
                    precision: g.dataset.precision, classes: [...g.classList],
                    left: shape.left, right: shape.right, center: shape.left + shape.width / 2,
                    text: g.querySelector('title').textContent};
        })""",
    )


def scale_from_ticks(page):
    """Pixels per day and the x of day 0, read off two drawn ticks."""
    ticks = page.eval_on_selector_all(
        "#axis .tick",
        "els => els.map(g => ({date: g.dataset.date,"
        " x: g.querySelector('line').getBoundingClientRect().left}))",
    )
    assert len(ticks) >= 2, ticks
    a, b = ticks[0], ticks[-1]
    per_day = (b["x"] - a["x"]) / (day(b["date"]) - day(a["date"]))
    return lambda iso: a["x"] + (day(iso) - day(a["date"])) * per_day, per_day


def test_events_are_drawn_at_their_dates(page, server):
    # Memberships and the war: few enough that every one has room for its mark and title.
    open_page(page, server, "?type=membership,conflict")
    x, per_day = scale_from_ticks(page)
    drawn = marks(page)
    dated = [e for e in api(server, "/timeline?limit=500&type=membership,conflict")["data"]]
    clustered = sum(  # events with no room for a mark are counted in "+N" clusters
        int(n)
        for n in page.eval_on_selector_all("#axis .cluster", "gs => gs.map(g => g.dataset.count)")
    )
    assert {m["id"] for m in drawn} <= {e["id"] for e in dated}
    assert len(drawn) + clustered == len(dated)
    for m in drawn:
        if "point" in m["classes"]:  # a day: the dot sits in the middle of its day
            assert m["start"] == m["end"]
            assert m["center"] == pytest.approx(x(m["start"]) + per_day / 2, abs=1.5), m
        elif "open-start" in m["classes"]:  # no start: runs (faded) left to its known end
            end = (dt.date.fromisoformat(m["end"]) + dt.timedelta(days=1)).isoformat()
            assert m["right"] == pytest.approx(x(end), abs=1.5), m
            assert m["left"] < x(m["end"]) - 40, m
        elif "open-end" in m["classes"]:  # no end (a plan): runs (faded) right from its start
            assert m["left"] == pytest.approx(x(m["start"]), abs=1.5), m
            assert m["right"] > x(m["start"]) + 40, m
        else:  # a bar over [start, end]
            end = (dt.date.fromisoformat(m["end"]) + dt.timedelta(days=1)).isoformat()
            assert m["left"] == pytest.approx(x(m["start"]), abs=1.5), m
            assert m["right"] == pytest.approx(max(x(end), x(m["start"]) + 8), abs=1.5), m
    by_title = {m["text"].split(" (")[0].lstrip("~ "): m for m in drawn}
    sco, war = by_title[SCO], by_title[WAR]
    assert "bar" in sco["classes"] and sco["precision"] == "year"
    assert (sco["start"], sco["end"]) == ("2023-01-01", "2023-12-31")
    assert sco["right"] - sco["left"] == pytest.approx(365 * per_day, abs=2)
    assert "approx" in war["classes"] and war["right"] < sco["left"] + 1
    assert page.locator(f"#axis .mark[data-id='{war['id']}'] .tilde").text_content() == "~"
    # The ticks say what the positions mean: the 2023 bar starts at the "2023" tick.
    tick_2023 = page.locator("#axis .tick[data-date='2023-01-01'] line").bounding_box()
    assert sco["left"] == pytest.approx(tick_2023["x"], abs=1.5)
    assert page.locator("#axis .tick[data-date='2023-01-01'] text").text_content() == "2023"


def test_zoom_and_pan_move_the_window(page, server):
    open_page(page, server)
    before = page.locator("#window-label").text_content()
    page.click("#z-in")
    page.click("#z-in")
    page.click("#p-right")
    page.wait_for_function(
        f"() => document.querySelector('#window-label').textContent !== {before!r}"
    )
    page.wait_for_function("() => new URL(location).searchParams.get('from') !== null")
    box = page.locator("#axis").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 20)
    page.mouse.wheel(0, 400)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 150, box["y"] + 20, steps=5)
    page.mouse.up()
    page.wait_for_timeout(400)  # the window settles, then its events are fetched
    assert page.locator("#window-label").text_content() != before
    assert page.locator("#axis .tick").count() > 1


def test_actor_filter_narrows_the_list_and_is_shared_by_url(page, server):
    open_page(page, server)
    everything = page.locator("#event-list .ev").count()
    choose_actor(page, "xi j", "person:xi-jinping")
    page.click("#filters button[type=submit]")
    page.wait_for_function(
        "() => new URL(location).searchParams.get('actor') === 'person:xi-jinping'"
    )
    page.wait_for_function(
        f"() => document.querySelectorAll('#event-list .ev').length < {everything}"
    )
    titles = page.locator("#event-list .ev .what").all_text_contents()
    xi = [e["title"] for e in api(server, "/events?actor=person:xi-jinping&limit=500")["data"]]
    assert XI_MEETING in titles and sorted(titles) == sorted(xi)
    shared = page.url
    page.goto(shared)
    page.wait_for_selector("body[data-state=ready]")
    assert sorted(page.locator("#event-list .ev .what").all_text_contents()) == sorted(xi)
    assert page.input_value("#f-actor") == "person:xi-jinping"
    assert page.input_value("#f-actor-q") == "Xi Jinping"  # its name, not its id


def choose_actor(page, typed: str, actor_id: str) -> None:
    """Type into the actor field and pick ``actor_id`` among the suggestions by keyboard."""
    page.fill("#f-actor-q", typed)
    page.wait_for_selector(f"#f-actor-list [role=option][data-id='{actor_id}']")
    ids = page.eval_on_selector_all(
        "#f-actor-list [role=option]", "os => os.map(o => o.dataset.id)"
    )
    for _ in range(ids.index(actor_id) + 1):
        page.press("#f-actor-q", "ArrowDown")
    active = page.get_attribute("#f-actor-q", "aria-activedescendant")
    assert page.get_attribute(f"#{active}", "data-id") == actor_id
    page.press("#f-actor-q", "Enter")  # chooses, does not apply yet
    assert page.locator("#f-actor-list").is_hidden()
    assert page.input_value("#f-actor") == actor_id


def test_the_actor_field_suggests_from_the_api_not_a_list_of_every_actor(page, server):
    """The suggestions are the API's answer to what was typed (asked once the typing paused)."""
    open_page(page, server)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/v1/actors" in r.url else None)
    assert page.locator("#f-actor option").count() == 0  # no drop-down of every actor
    page.type("#f-actor-q", "chin", delay=20)  # four keystrokes, one request
    page.wait_for_selector("#f-actor-list [role=option]")
    expected = api(server, "/actors?q=chin&limit=12")["data"]
    shown = page.eval_on_selector_all(
        "#f-actor-list [role=option]", "os => os.map(o => o.dataset.id)"
    )
    assert shown == [a["id"] for a in expected] and shown
    assert len(asked) == 1 and "q=chin" in asked[0], asked
    page.press("#f-actor-q", "Escape")
    assert page.locator("#f-actor-list").is_hidden()
    assert page.input_value("#f-actor") == "chin"  # a name as typed, until one is chosen


def test_clicking_an_event_shows_its_source_sentence(page, server):
    open_page(page, server)
    event = next(e for e in api(server, "/timeline")["data"] if e["title"] == XI_MEETING)
    page.click(f"#axis .mark[data-id='{event['id']}'] circle")
    page.wait_for_selector("#panel:not([hidden]) .source mark.sentence")
    assert page.locator("#panel-title").text_content() == XI_MEETING
    sentence = page.locator("#panel .source mark.sentence").first.text_content()
    assert sentence == event["mentions"][0]["sentence"]
    facts = page.locator("#panel-facts").inner_text()
    assert "2023-12-20" in facts and "Xi Jinping" in facts and "day" in facts


def test_keyboard_tab_to_an_event_and_enter_opens_it(page, server):
    open_page(page, server)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ev')"):
            break
    else:
        pytest.fail("Tab never reached an event in the list")
    title = page.evaluate("document.activeElement.querySelector('.what').textContent")
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "panel-title"
    assert page.locator("#panel-title").text_content().lstrip("~ ") == title
    page.wait_for_selector("#panel .source")
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()
    assert page.evaluate("document.activeElement.querySelector('.what').textContent") == title
    # The axis itself takes the arrow keys.
    before = page.locator("#window-label").text_content()
    page.focus("#axis")
    page.keyboard.press("ArrowRight")
    assert page.locator("#window-label").text_content() != before


def test_no_serious_accessibility_violations(page, server):
    open_page(page, server)
    assert run_axe(page) == []
    page.click("#event-list .ev >> nth=0")
    page.wait_for_selector("#panel .source")
    assert run_axe(page) == []


def test_ingest_form_shows_the_api_validation_messages(page, server, request):
    open_page(page, server)
    page.fill("#i-text", "")
    page.click("#ingest button[type=submit]")
    page.wait_for_function(
        "() => document.querySelector('#ingest-status').textContent.startsWith('Not')"
    )
    errors = {
        field: page.locator(f"#e-{field}").text_content() for field in ("text", "published_at")
    }
    assert all(errors.values()), errors
    assert page.get_attribute("#i-published", "aria-invalid") == "true"
    # The browser reports the 422 itself as a failed resource: that one is expected.
    request.node.console_errors[:] = [
        e for e in request.node.console_errors if "status of 422" not in e
    ]


def test_an_article_posted_through_the_api_appears_without_a_reload(page, server):
    open_page(page, server)
    count = page.locator("#event-list .ev").count()
    first_check = page.get_attribute("body", "data-last-checked")
    known = {e["id"] for e in api(server, "/timeline?limit=500")["data"]}
    created = post_article(
        server,
        "The foreign ministers of Iran and India held talks in New Delhi on "
        "Thursday about the Chabahar port, officials said.",
        "2023-12-22",
        "Grain deal",
    )
    assert created["status"] == 201, created
    fresh = [e["id"] for e in created["events"] if e["id"] not in known]
    assert fresh, f"the article added no new event: {created['events']}"
    new_id = fresh[0]
    page.wait_for_selector(f"#event-list .ev.new[data-id='{new_id}']", timeout=15000)
    page.wait_for_selector(f"#axis .mark[data-id='{new_id}']")
    assert page.locator("#event-list .ev").count() > count
    assert page.get_attribute("body", "data-last-checked") != first_check
    assert "last checked" in page.locator("#live").text_content()


def test_type_and_text_filters_narrow_the_list(page, server):
    open_page(page, server)
    page.select_option("#f-type", "membership")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => new URL(location).searchParams.get('type') == 'membership'")
    page.wait_for_selector("body[data-state=ready]")
    page.wait_for_function("() => document.querySelectorAll('#event-list .ev').length == 2")
    assert set(page.locator("#event-list .ev .type").all_text_contents()) == {"membership"}
    page.select_option("#f-type", "")
    page.fill("#f-q", "BRICS")
    page.press("#f-q", "Enter")
    page.wait_for_function("() => new URL(location).searchParams.get('q') == 'BRICS'")
    page.wait_for_function("() => document.querySelectorAll('#event-list .ev').length == 1")
    assert page.locator("#event-list .ev .what").text_content() == "Iran joins BRICS"
    page.go_back()  # the previous view comes back with the URL
    page.wait_for_function("() => document.querySelectorAll('#event-list .ev').length == 2")
    assert page.input_value("#f-type") == "membership"


def test_an_edit_shows_live_and_the_panel_keeps_the_extraction(page, server):
    open_page(page, server)
    event = next(e for e in api(server, "/timeline")["data"] if e["type"] == "statement")
    patch = urllib.request.Request(
        f"{server.base}/api/v1/events/{event['id']}",
        data=json.dumps({"title": "Russian deputy PM on tourism", "reason": "test"}).encode(),
        headers={"Content-Type": "application/json"},
        method="PATCH",
    )
    urllib.request.urlopen(patch, timeout=10).close()
    button = page.locator(f"#event-list .ev[data-id='{event['id']}'] .what")
    page.wait_for_function(
        f"() => document.querySelector(\"#event-list .ev[data-id='{event['id']}'] .what\")"
        ".textContent == 'Russian deputy PM on tourism'",
        timeout=15000,
    )
    button.click()
    page.wait_for_selector("#panel:not([hidden]) .source")
    assert f"“{event['title']}”" in page.locator("#panel-facts").inner_text()
