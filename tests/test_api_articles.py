"""POST/GET /api/v1/articles: ingest, idempotency, validation."""

from __future__ import annotations

import json

import pytest

from service.storage.models import Article, Event, Mention

from . import faults
from .test_errors import assert_problem


def counts():
    return Article.select().count(), Event.select().count(), Mention.select().count()


def test_post_returns_201_with_location_and_events(client, seed_body):
    response = client.post("/api/v1/articles", json=seed_body)
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"].endswith(f"/api/v1/articles/{body['id']}")
    assert body["published_at"] == "2023-12-21"
    assert body["title"] == seed_body["title"]
    assert len(body["content_hash"]) == 64
    assert body["events"] and body["event_count"] == len(body["events"])
    for event in body["events"]:
        assert {"id", "title", "summary", "type", "date", "actors", "mentions"} <= set(event)
        assert all(m["article_id"] == body["id"] for m in event["mentions"])


def test_same_article_again_returns_existing_and_stores_nothing(app, client, seed_body):
    first = client.post("/api/v1/articles", json=seed_body).get_json()
    with app.app_context():
        before = counts()
    # White space differences do not make a new article.
    again = dict(seed_body, text="  " + seed_body["text"].replace(" ", "  ") + "\n")
    response = client.post("/api/v1/articles", json=again)
    assert response.status_code == 200
    assert response.get_json()["id"] == first["id"]
    with app.app_context():
        assert counts() == before


def test_get_article_and_list(client, seeded):
    one = client.get(f"/api/v1/articles/{seeded['id']}")
    assert one.status_code == 200
    assert one.get_json()["text"] == seeded["text"]
    listing = client.get("/api/v1/articles").get_json()
    assert listing["next"] is None
    assert [a["id"] for a in listing["data"]] == [seeded["id"]]
    assert "text" not in listing["data"][0]


def test_articles_paginate(client, seed_body):
    ids = []
    for n in range(3):
        body = dict(seed_body, text=f"Article {n}. The talks ended on Monday in Paris.")
        ids.append(client.post("/api/v1/articles", json=body).get_json()["id"])
    first = client.get("/api/v1/articles?limit=2")
    page1 = first.get_json()
    assert [a["id"] for a in page1["data"]] == ids[:2]
    assert page1["next"] and 'rel="next"' in first.headers["Link"]
    page2 = client.get(page1["next"]).get_json()
    assert [a["id"] for a in page2["data"]] == ids[2:]
    assert page2["next"] is None


def field_errors(response) -> dict:
    body = assert_problem(response, 422)
    return body["errors"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"published_at": None}, "published_at"),
        ({"published_at": "21/12/2023"}, "published_at"),
        ({"published_at": "2023-13-45"}, "published_at"),
        ({"published_at": 20231221}, "published_at"),
        ({"text": ""}, "text"),
        ({"text": 42}, "text"),
        ({"url": "not a url"}, "url"),
        ({"url": "ftp://example.org/a"}, "url"),
        ({"language": "xx"}, "language"),
        ({"colour": "blue"}, "colour"),
    ],
    ids=[
        "null-date",
        "dmy-date",
        "impossible-date",
        "number-date",
        "empty-text",
        "int-text",
        "bad-url",
        "ftp-url",
        "language",
        "unknown-field",
    ],
)
def test_invalid_fields_are_422_with_field_errors(app, client, seed_body, change, field):
    body = dict(seed_body, **change)
    assert field in field_errors(client.post("/api/v1/articles", json=body))
    with app.app_context():
        assert counts() == (0, 0, 0)


def test_missing_published_at_says_why(client, seed_body):
    body = {k: v for k, v in seed_body.items() if k != "published_at"}
    errors = field_errors(client.post("/api/v1/articles", json=body))
    assert "relative dates" in " ".join(errors["published_at"])


def test_missing_text(client):
    assert "text" in field_errors(
        client.post("/api/v1/articles", json={"published_at": "2023-12-21"})
    )


def test_published_at_accepts_a_datetime(client, seed_body):
    body = dict(seed_body, published_at="2023-12-21T08:30:00+01:00")
    assert client.post("/api/v1/articles", json=body).get_json()["published_at"] == "2023-12-21"


@pytest.mark.parametrize(
    "raw",
    ['{"text": "x", ', "not json", "", '{"text": "\\ud800"}'],
    ids=["truncated", "garbage", "empty", "lone-surrogate"],
)
def test_malformed_json_is_400(client, raw):
    response = client.post("/api/v1/articles", data=raw, content_type="application/json")
    assert response.status_code in (400, 422)
    assert_problem(response, response.status_code)


@pytest.mark.parametrize("body", ['"a"', "42", "null"], ids=["string", "number", "null"])
def test_non_object_body_is_422(client, body):
    response = client.post("/api/v1/articles", data=body, content_type="application/json")
    assert_problem(response, 422)


def test_an_array_of_non_objects_is_a_batch_refusing_each(client):
    """An array is a batch (tests/test_api_batch.py): each item that is no article is refused."""
    response = client.post("/api/v1/articles", json=["a", "b"])
    assert response.status_code == 207
    assert [r["error"]["status"] for r in response.get_json()["results"]] == [422, 422]


def test_wrong_content_type_is_415(client, seed_body):
    response = client.post(
        "/api/v1/articles", data=json.dumps(seed_body), content_type="text/plain"
    )
    assert_problem(response, 415)


def test_oversize_body_is_413(app, client, seed_body):
    body = dict(seed_body, text="word " * (app.config["MAX_CONTENT_LENGTH"] // 4))
    assert_problem(client.post("/api/v1/articles", json=body), 413)


def test_overlong_article_is_422(app, client, seed_body):
    app.config["MAX_ARTICLE_CHARS"] = 100
    assert "text" in field_errors(client.post("/api/v1/articles", json=seed_body))


def test_limit_and_cursor_are_checked(client):
    assert "limit" in field_errors(client.get("/api/v1/articles?limit=100000"))
    assert "limit" in field_errors(client.get("/api/v1/articles?limit=0"))
    assert "cursor" in field_errors(client.get("/api/v1/articles?cursor=%%%"))


def test_idempotency_key_replays_and_refuses_reuse(app, client, seed_body):
    headers = {"Idempotency-Key": "retry-123"}
    first = client.post("/api/v1/articles", json=seed_body, headers=headers)
    assert first.status_code == 201
    with app.app_context():
        before = counts()
    retry = client.post("/api/v1/articles", json=seed_body, headers=headers)
    assert retry.status_code == 201 and retry.get_json()["id"] == first.get_json()["id"]
    other = dict(seed_body, text="Another text entirely, published on Monday.")
    assert "Idempotency-Key" in field_errors(
        client.post("/api/v1/articles", json=other, headers=headers)
    )
    with app.app_context():
        assert counts() == before
    new_key = client.post("/api/v1/articles", json=seed_body, headers={"Idempotency-Key": "k2"})
    assert new_key.status_code == 200  # the text is stored already: existing article


@pytest.mark.parametrize("key", ["", "x" * 201, "has space", "caf\u00e9"])
def test_bad_idempotency_keys_are_422(client, seed_body, key):
    response = client.post(
        "/api/v1/articles",
        json=seed_body,
        headers={"Idempotency-Key": key.encode("utf-8").decode("latin-1")},
    )
    assert "Idempotency-Key" in field_errors(response)


def test_a_publication_date_in_the_future_is_refused(client, seed_body):
    """Issue 23: an article dated 2099 stretched every view; tomorrow (a time zone ahead) is
    accepted."""
    import datetime as dt

    far = client.post("/api/v1/articles", json={**seed_body, "published_at": "2099-01-01"})
    assert far.status_code == 422
    assert "future" in far.get_json()["errors"]["published_at"][0]
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    ok = client.post("/api/v1/articles", json={**seed_body, "published_at": tomorrow})
    assert ok.status_code == 201


def test_list_items_carry_the_event_count_the_post_answered(client, seeded):
    """Issue 23: the POST answer had event_count, the list's items did not."""
    items = client.get("/api/v1/articles").get_json()["data"]
    (item,) = [a for a in items if a["id"] == seeded["id"]]
    assert item["event_count"] == seeded["event_count"] == len(seeded["events"])
    assert "text" not in item and "events" not in item


def test_the_article_list_filters_by_source_window_and_words(client, seed_body):
    """Issue 23: /articles took no filters."""
    bodies = [
        {
            "text": "Talks resumed in Oslo on Monday.",
            "published_at": "2024-01-10",
            "source": "Reuters",
        },
        {"text": "The summit ended in Paris.", "published_at": "2024-03-05", "source": "AP"},
        {"text": "Talks stalled in Geneva.", "published_at": "2024-03-20", "source": "reuters"},
    ]
    ids = [client.post("/api/v1/articles", json=b).get_json()["id"] for b in bodies]

    def listed(query: str) -> list[int]:
        answer = client.get(f"/api/v1/articles?{query}")
        assert answer.status_code == 200, answer.get_json()
        return [a["id"] for a in answer.get_json()["data"]]

    assert listed("source=Reuters") == [ids[0], ids[2]]
    assert listed("from=2024-03") == [ids[1], ids[2]]
    assert listed("to=2024-01") == [ids[0]]
    assert listed("q=talks") == [ids[0], ids[2]]
    assert listed("q=talks+geneva&source=REUTERS") == [ids[2]]
    assert listed("q=%25") == [] and listed("q=_") == []  # LIKE wildcards are characters
    assert client.get("/api/v1/articles?from=March").status_code == 422


def test_an_article_extraction_fails_on_is_refused_saying_why(app, client, monkeypatch):
    """A fault of the extractors on the posted text: 422 saying why (not a 500, which tells a
    client to retry what fails the same way each time), nothing stored."""
    faults.install(monkeypatch)
    response = client.post(
        "/api/v1/articles", json={"text": faults.BAD_TEXT, "published_at": "2024-06-07"}
    )
    body = assert_problem(response, 422)  # also: no traceback, no path of the code
    assert faults.REASON in body["detail"]
    with app.app_context():
        assert counts() == (0, 0, 0)


def test_an_actor_named_by_a_long_run_of_words_is_stored(app, client):
    """PostgreSQL refuses a value over a column's length (the actor key's 120 characters, an
    alias's 200): a name read from a long run of capitalised words is stored cut, not a 500."""
    name = "The " + "National " * 30 + "Bank"
    text = f"{name} raised interest rates on Tuesday."
    response = client.post("/api/v1/articles", json={"text": text, "published_at": "2010-06-25"})
    assert response.status_code == 201, response.get_data(as_text=True)[:500]
    actors = {a["id"]: a for e in response.get_json()["events"] for a in e["actors"]}
    long = [a for key, a in actors.items() if key.startswith("org:national-national")]
    assert long and all(len(a["id"]) <= 120 for a in long)
    found = client.get("/api/v1/events", query_string={"actor": long[0]["id"]}).get_json()
    assert found["data"], found
