"""GET /events, /events/{id}, /timeline: filters, window semantics, order, pagination."""

from __future__ import annotations

import re

import pytest

from . import conftest
from .test_errors import assert_problem

# Every test here only reads: one seeded database per backend for the module.
app, seeded = conftest.seeded_once_app, conftest.seeded_once_answer


def all_events(client, query: str = "") -> list[dict]:
    url = f"/api/v1/events?limit=2{query}"
    events: list[dict] = []
    while url:
        body = client.get(url).get_json()
        events.extend(body["data"])
        url = body["next"]
    return events


def sort_key(event: dict) -> tuple:
    date = event["date"]
    return (date["start"] or date["end"] or "9999-12-31",)


def test_events_page_through_everything_once_in_order(client, seeded):
    events = all_events(client)
    ids = [e["id"] for e in events]
    assert sorted(ids) == sorted({e["id"] for e in seeded["events"]})
    assert len(ids) == len(set(ids))
    keys = [sort_key(e) for e in events]
    assert keys == sorted(keys)


def test_event_has_mentions_pointing_into_the_article(client, seeded):
    event = seeded["events"][0]
    body = client.get(f"/api/v1/events/{event['id']}").get_json()
    assert body["id"] == event["id"]
    assert body["mentions"]
    for m in body["mentions"]:
        assert m["article_id"] == seeded["id"]
        assert seeded["text"][m["sentence_start"] : m["sentence_end"]] == m["sentence"]
        assert m["sentence_start"] <= m["start"] < m["end"] <= m["sentence_end"]
    assert {"text", "value", "edtf", "start", "end", "precision", "approximate"} <= set(
        body["date"]
    )


def in_window(client, frm: str, to: str, extra: str = "") -> set[int]:
    return {e["id"] for e in all_events(client, f"&from={frm}&to={to}{extra}")}


def overlaps(event: dict, frm: str, to: str) -> bool:
    lo = event["date"]["start"] or event["date"]["end"]
    hi = event["date"]["end"] or event["date"]["start"]
    return lo is not None and lo <= to and hi >= frm


@pytest.mark.parametrize(
    ("frm", "to"),
    [
        ("2023-12-20", "2023-12-20"),
        ("2023-12-18", "2023-12-18"),
        ("2023-06-01", "2023-06-30"),
        ("2022-01-01", "2022-12-31"),
        ("1990-01-01", "1990-12-31"),
    ],
    ids=["meeting-day", "monday", "inside-year", "war-start-year", "nothing"],
)
def test_window_matches_overlapping_known_intervals(client, seeded, frm, to):
    expected = {e["id"] for e in seeded["events"] if overlaps(e, frm, to)}
    assert in_window(client, frm, to) == expected


def test_year_precision_event_overlaps_any_window_inside_its_year(client, seeded):
    year_events = [
        e
        for e in seeded["events"]
        if e["date"]["precision"] == "year" and e["date"]["start"] == "2023-01-01"
    ]
    assert year_events, "the seed has a year-precision event (Iran joins the SCO this year)"
    assert {e["id"] for e in year_events} <= in_window(client, "2023-03-01", "2023-03-31")


def test_open_intervals_match_their_open_side_only_when_asked(client, seeded):
    open_start = [e for e in seeded["events"] if e["date"]["start"] is None and e["date"]["end"]]
    assert open_start, "the seed has events with only an upper bound"
    ids = {e["id"] for e in open_start}
    assert not ids & in_window(client, "2000-01-01", "2000-12-31")
    assert ids <= in_window(client, "2000-01-01", "2000-12-31", "&open=include")


def test_filters_by_actor_id_and_name_type_article_and_q(client, seeded):
    events = seeded["events"]
    actor = events[0]["actors"][0]
    with_actor = {e["id"] for e in events if any(a["id"] == actor["id"] for a in e["actors"])}
    assert {e["id"] for e in all_events(client, f"&actor={actor['id']}")} == with_actor
    by_name = {e["id"] for e in all_events(client, f"&actor={actor['name'].upper()}")}
    assert by_name == with_actor
    kind = events[0]["type"]
    assert {e["id"] for e in all_events(client, f"&type={kind}")} == {
        e["id"] for e in events if e["type"] == kind
    }
    assert len(all_events(client, f"&article={seeded['id']}")) == len(events)
    assert all_events(client, f"&article={seeded['id'] + 1}") == []
    word = events[0]["title"].split()[0]
    found = all_events(client, f"&q={word.lower()}")
    assert events[0]["id"] in {e["id"] for e in found}
    assert all(word.lower() in (e["title"] + " " + e["summary"]).lower() for e in found)
    assert all_events(client, "&q=zzyzx%25_") == []


@pytest.mark.parametrize(
    "query",
    [
        "from=2023-12-31&to=2023-01-01",
        "from=yesterday",
        "to=2023-02-30",
        "limit=-1",
        "limit=abc",
        "cursor=eyJ4IjoxfQ",
        "article=0",
    ],
    ids=[
        "from-after-to",
        "word-date",
        "impossible-date",
        "negative-limit",
        "text-limit",
        "foreign-cursor",
        "article-zero",
    ],
)
def test_bad_query_arguments_are_422(client, query):
    assert_problem(client.get(f"/api/v1/events?{query}"), 422)
    assert_problem(client.get(f"/api/v1/timeline?{query}"), 422)


def test_timeline_is_dated_in_order_with_undated_apart(client, seeded):
    body = client.get("/api/v1/timeline?limit=500").get_json()
    dated = body["data"]
    assert all(e["date"]["start"] or e["date"]["end"] for e in dated)
    assert all(not (e["date"]["start"] or e["date"]["end"]) for e in body["undated"])
    keys = [sort_key(e) for e in dated]
    assert keys == sorted(keys)
    assert len(dated) + len(body["undated"]) == len(seeded["events"])


@pytest.mark.parametrize(
    "q", ['"', "NEAR(", "* OR x", "' OR 1=1 --", "a AND", "^meet", "title:x", "-", "%", "__"]
)
def test_search_syntax_in_q_is_just_text(client, seeded, q):
    response = client.get(f"/api/v1/events?q={q}")
    assert response.status_code == 200
    assert isinstance(response.get_json()["data"], list)


def test_search_is_stemmed_and_needs_every_word(client, seeded):
    meetings = {e["id"] for e in seeded["events"] if "meet" in e["title"].lower()}
    assert meetings
    assert meetings <= {e["id"] for e in all_events(client, "&q=meeting")}
    both = all_events(client, "&q=Xi+Mishustin")
    assert both and all("xi" in (e["title"] + e["summary"]).lower() for e in both)
    assert all_events(client, "&q=Xi+zzyzx") == []


def test_q_takes_a_prefix_and_alternatives(client, seeded):
    """Issue 23: q had no prefix search (sanc*) and no OR."""
    words = {}
    for event in seeded["events"]:
        for word in re.findall(r"[A-Za-z]{7,}", event["title"]):
            words.setdefault(word.lower(), set()).add(event["id"])
    (first, ids_a), (second, ids_b) = sorted(words.items(), key=lambda kv: -len(kv[1]))[:2]
    prefix = all_events(client, f"&q={first[:4]}*")
    assert ids_a <= {e["id"] for e in prefix}
    assert all_events(client, f"&q={first[:4]}") == [] or first[:4] == first
    either = {e["id"] for e in all_events(client, f"&q={first}+OR+{second}")}
    assert ids_a | ids_b <= either
    assert either == {e["id"] for e in all_events(client, f"&q={first}")} | {
        e["id"] for e in all_events(client, f"&q={second}")
    }
    assert all_events(client, f"&q={first}+OR+zzyzx") == all_events(client, f"&q={first}")
    assert all_events(client, f"&q={first}+or+zzyzx") == []  # lower-case or is a word
