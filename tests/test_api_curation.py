"""Curation: PATCH an event (original kept), merge two events, DELETE an article; all in the
change feed."""

from __future__ import annotations

import pytest

from .test_api_changes import poll
from .test_errors import assert_problem


def test_patch_keeps_the_original_and_the_reason(client, seeded):
    event = seeded["events"][0]
    _, cursor = poll(client)
    body = {"title": "A better headline", "type": "other", "reason": "headline was vague"}
    response = client.patch(f"/api/v1/events/{event['id']}", json=body)
    assert response.status_code == 200
    edited = response.get_json()
    assert (edited["title"], edited["type"]) == ("A better headline", "other")
    assert edited["original"]["title"] == event["title"]
    assert edited["original"]["date"]["start"] == event["date"]["start"]
    assert edited["edits"][0]["reason"] == "headline was vague"
    assert edited["updated_at"] > event["updated_at"]
    changes, _ = poll(client, cursor)
    assert [(c["event_id"], c["action"]) for c in changes] == [(event["id"], "updated")]
    found = client.get("/api/v1/events?q=better+headline").get_json()["data"]
    assert [e["id"] for e in found] == [event["id"]]


def test_patch_date_by_value_derives_bounds(client, seeded):
    event = seeded["events"][0]
    body = {"date": {"value": "2023-11"}, "reason": "the text meant November"}
    date = client.patch(f"/api/v1/events/{event['id']}", json=body).get_json()["date"]
    assert (date["value"], date["start"], date["end"], date["precision"], date["basis"]) == (
        "2023-11",
        "2023-11-01",
        "2023-11-30",
        "month",
        "curated",
    )
    window = client.get("/api/v1/events?from=2023-11-15&to=2023-11-15").get_json()["data"]
    assert event["id"] in {e["id"] for e in window}


@pytest.mark.parametrize(
    "body",
    [
        {"title": "x"},
        {"reason": "why"},
        {"type": "party", "reason": "r"},
        {"date": {"value": "soon"}, "reason": "r"},
        {"date": {"start": "2023-12-20", "end": "2023-12-01", "precision": "day"}, "reason": "r"},
        {"date": {"start": "2023-12-20"}, "reason": "r"},
        {"title": "", "reason": "r"},
        {"title": "x", "reason": "r", "id": 5},
    ],
    ids=[
        "no-reason",
        "nothing-to-change",
        "unknown-type",
        "bad-value",
        "start-after-end",
        "incomplete-bounds",
        "empty-title",
        "unknown-field",
    ],
)
def test_bad_patches_are_422_and_change_nothing(client, seeded, body):
    event = seeded["events"][0]
    assert_problem(client.patch(f"/api/v1/events/{event['id']}", json=body), 422)
    after = client.get(f"/api/v1/events/{event['id']}").get_json()
    assert (after["title"], after["date"], after["edits"]) == (event["title"], event["date"], [])


def test_patch_unknown_event_is_404(client, seeded):
    assert_problem(client.patch("/api/v1/events/999999", json={"title": "x", "reason": "r"}), 404)


def test_merge_moves_mentions_and_reports_the_survivor(client, seeded):
    source, target = seeded["events"][0], seeded["events"][1]
    _, cursor = poll(client)
    merged = client.post(
        f"/api/v1/events/{source['id']}/merge",
        json={"into": target["id"], "reason": "same meeting"},
    ).get_json()
    assert merged["id"] == target["id"]
    assert len(merged["mentions"]) == len(source["mentions"]) + len(target["mentions"])
    assert_problem(client.get(f"/api/v1/events/{source['id']}"), 404)
    changes, _ = poll(client, cursor)
    assert {"event_id": source["id"], "action": "merged", "merged_into": target["id"]}.items() <= (
        changes[0].items()
    )
    assert_problem(
        client.post(
            f"/api/v1/events/{target['id']}/merge", json={"into": target["id"], "reason": "r"}
        ),
        422,
    )


def test_delete_article_removes_its_events_and_feeds_the_deletions(client, seeded, seed_body):
    other = client.post(
        "/api/v1/articles",
        json=dict(seed_body, text="Talks between France and Germany ended in Paris on Monday."),
    ).get_json()
    _, cursor = poll(client)
    response = client.delete(f"/api/v1/articles/{seeded['id']}")
    assert response.status_code == 204 and response.data == b""
    assert_problem(client.get(f"/api/v1/articles/{seeded['id']}"), 404)
    remaining = client.get("/api/v1/events?limit=500").get_json()["data"]
    assert {e["id"] for e in remaining} == {e["id"] for e in other["events"]}
    changes, _ = poll(client, cursor)
    assert {c["event_id"] for c in changes if c["action"] == "deleted"} == {
        e["id"] for e in seeded["events"]
    }
    assert all(c["event"] is None for c in changes)
    assert_problem(client.delete(f"/api/v1/articles/{seeded['id']}"), 404)
    # The same text can be ingested again afterwards.
    assert client.post("/api/v1/articles", json=seed_body).status_code == 201


def test_a_merged_events_old_id_says_where_it_went(client, seeded):
    """Issue 23: a merged event's old id answered a bare 404; it now names the event that holds
    its reports (following a second merge), with a Link to it."""
    first, second, third = (e["id"] for e in seeded["events"][:3])
    merge = "/api/v1/events/{}/merge"
    assert client.post(merge.format(first), json={"into": second, "reason": "r"}).status_code == 200
    answer = client.get(f"/api/v1/events/{first}")
    problem = assert_problem(answer, 404)
    assert f"merged into event {second}" in problem["detail"]
    assert answer.headers["Link"] == f'</api/v1/events/{second}>; rel="successor-version"'
    assert client.post(merge.format(second), json={"into": third, "reason": "r"}).status_code == 200
    again = assert_problem(client.get(f"/api/v1/events/{first}"), 404)
    assert f"merged into event {third}" in again["detail"]
    never = assert_problem(client.get("/api/v1/events/999999"), 404)
    assert "merged" not in never["detail"]


def test_one_event_and_one_article_declare_their_404_in_openapi(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert "404" in paths["/api/v1/events/{event_id}"]["get"]["responses"]
    assert "404" in paths["/api/v1/articles/{article_id}"]["get"]["responses"]


def test_a_curator_can_mark_a_forecast_as_planned(client, seeded):
    """Issue 23: PATCH refused status, so a forecast could not be marked planned."""
    event = seeded["events"][0]
    body = {"status": "planned", "reason": "the text forecasts it"}
    edited = client.patch(f"/api/v1/events/{event['id']}", json=body)
    assert edited.status_code == 200, edited.get_json()
    assert edited.get_json()["status"] == "planned"
    assert edited.get_json()["original"]["status"] == event["status"]
    listed = client.get(f"/api/v1/events/{event['id']}").get_json()
    assert listed["status"] == "planned"
    bad = client.patch(f"/api/v1/events/{event['id']}", json={"status": "maybe", "reason": "r"})
    assert_problem(bad, 422)
