"""An API that says what it did: unknown parameters, comma lists, actor lookup, month/year
windows, empty filters, re-posted articles, weak validators, compressed exports, bad JSON."""

from __future__ import annotations

import gzip

import pytest

from schemas.event import TYPES

from .test_errors import assert_problem


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/api/v1/events?page=2", "page"),
        ("/api/v1/events?offset=10", "offset"),
        ("/api/v1/timeline?size=5", "size"),
        ("/api/v1/events?fields=id", "fields"),
        ("/api/v1/events?_shape=array", "_shape"),
        ("/api/v1/events?order=desc", "order"),
        ("/api/v1/actors?sort=name", "sort"),
        ("/api/v1/articles?page=", "page"),
        ("/api/v1/histogram?limit=3", "limit"),
        ("/api/v1/changes?from=2023", "from"),
    ],
)
def test_unknown_query_parameters_are_named_with_the_accepted_ones(client, path, param):
    body = assert_problem(client.get(path), 422)
    message = body["errors"][param][0]
    assert "Unknown query parameter" in message and "accepted:" in message
    assert param in body["detail"]
    accepted = message.split("accepted:")[1]
    assert param not in [a.strip(" .") for a in accepted.split(",")]
    if path.startswith("/api/v1/events"):
        assert "cursor" in accepted and "actor" in accepted


def ids(client, query: str) -> set[int]:
    response = client.get(f"/api/v1/events?limit=500&{query}")
    assert response.status_code == 200, response.get_json()
    return {e["id"] for e in response.get_json()["data"]}


def test_comma_lists_mean_any_like_repeats(client, seeded):
    assert ids(client, "type=meeting,visit") == ids(client, "type=meeting&type=visit")
    assert ids(client, "type=meeting,visit") > ids(client, "type=meeting")
    assert ids(client, "actor=Iran,China") == ids(client, "actor=Iran&actor=China")
    assert ids(client, "actor=Iran, China") == ids(client, "actor=Iran&actor=China")


def test_an_unknown_type_lists_the_types(client, seeded):
    body = assert_problem(client.get("/api/v1/events?type=meeting,bogus"), 422)
    (message,) = body["errors"]["type"]
    assert "'bogus'" in message and all(t in message for t in TYPES)


def test_the_types_are_an_enum_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p for p in spec["paths"]["/api/v1/events"]["get"]["parameters"]}
    ref = params["type"]["schema"]["items"]["$ref"].rsplit("/", 1)[-1]
    assert spec["components"]["schemas"][ref]["enum"] == TYPES
    assert "commas" in params["type"]["description"]


@pytest.mark.parametrize("term", ["country:IRN", "country:irn", "IRN", "irn", "Iran", "IRAN"])
def test_actor_by_id_code_or_name_in_any_case(client, seeded, term):
    expected = {
        e["id"]
        for e in client.get("/api/v1/events?limit=500").get_json()["data"]
        if any(a["id"] == "country:IRN" for a in e["actors"])
    }
    assert expected
    assert ids(client, f"actor={term}") == expected


def test_an_unknown_actor_answers_with_a_hint(client, seeded):
    body = assert_problem(client.get("/api/v1/events?actor=Iran,Atlantis"), 422)
    assert body["errors"]["actor"] == ["No actor 'Atlantis'; search with /api/v1/actors?q=Atlantis"]
    assert "/api/v1/actors?q=" in body["detail"]


def test_resolve_actor_terms_is_the_one_lookup(app, seeded):
    from service.read import queries
    from service.storage.models import Actor

    with app.app_context():
        iran = Actor.get(Actor.key == "country:IRN").id
        assert queries.resolve_actor_terms(["IRN", "iran", "Country:Irn"]) == [iran]


def test_month_and_year_windows_are_their_first_and_last_days(client, seeded):
    assert ids(client, "from=2023-12&to=2023") == ids(client, "from=2023-12-01&to=2023-12-31")
    assert ids(client, "from=2023-12-01&to=2023-12-31")
    assert ids(client, "to=2024-02") == ids(client, "to=2024-02-29")


@pytest.mark.parametrize("value", ["2023-13", "23-12", "yesterday", "2023-02-30", "2023-1"])
def test_every_date_error_lists_the_accepted_forms(client, value):
    for name in ("from", "to"):
        body = assert_problem(client.get(f"/api/v1/timeline?{name}={value}"), 422)
        assert "YYYY-MM-DD, YYYY-MM or YYYY" in body["errors"][name][0]


@pytest.mark.parametrize("name", ["actor", "type", "q", "from", "to", "article", "cursor"])
def test_an_empty_filter_is_the_same_as_none(client, seeded, name):
    assert ids(client, f"{name}=") == ids(client, "")


def test_reposting_a_text_with_other_metadata_is_a_409_saying_what_differs(client, seed_body):
    first = client.post("/api/v1/articles", json=seed_body)
    assert first.status_code == 201
    same = client.post("/api/v1/articles", json={**seed_body, "title": None})
    assert same.status_code == 200  # nothing differs (a field left out is not compared)
    changed = {**seed_body, "published_at": "2020-01-02", "title": "Corrected"}
    body = assert_problem(client.post("/api/v1/articles", json=changed), 409)
    assert set(body["errors"]) == {"published_at", "title"}
    assert "2020-01-02" in body["errors"]["published_at"][0]
    assert f"DELETE /api/v1/articles/{first.get_json()['id']}" in body["detail"]
    stored = client.get(f"/api/v1/articles/{first.get_json()['id']}").get_json()
    assert stored["published_at"].startswith(seed_body["published_at"][:10])


def test_weak_validators_match(client, seeded):
    tag = client.get("/api/v1/events").headers["ETag"]
    assert tag.startswith('"')
    bare = tag.strip('"')
    for header in (tag, f"W/{tag}", f'W/"{bare}-gzip"', f'"other", W/{tag}', "*"):
        response = client.get("/api/v1/events", headers={"If-None-Match": header})
        assert response.status_code == 304, header
    assert client.get("/api/v1/events", headers={"If-None-Match": 'W/"other"'}).status_code == 200


@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
def test_exports_are_gzipped_when_asked_and_still_streamed(client, seeded, fmt):
    plain = client.get(f"/api/v1/events?format={fmt}")
    assert "Content-Encoding" not in plain.headers
    zipped = client.get(f"/api/v1/events?format={fmt}", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip" and zipped.is_streamed
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert len(zipped.get_data()) < len(plain.get_data())


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ('{"text": "x",', "line 1, column 14"),
        ("{'text': 'x'}", "Expecting property name"),
        (b"\xff\xfe", "not valid JSON"),
    ],
)
def test_malformed_json_says_what_is_wrong(client, body, says):
    response = client.post("/api/v1/articles", data=body, content_type="application/json")
    problem = assert_problem(response, 400)
    assert says in problem["detail"] and "browser (or proxy)" not in problem["detail"]


def test_mentions_carry_their_article_on_the_event_and_in_the_timeline(client, seeded):
    expected = {
        "id": seeded["id"],
        "title": seeded["title"],
        "source": seeded["source"],
        "url": seeded["url"],
        "published_at": seeded["published_at"][:10],
    }
    assert expected["title"] and expected["published_at"]
    timeline = client.get("/api/v1/timeline?limit=500").get_json()
    events = timeline["data"] + timeline["undated"]
    assert events
    for event in events:
        for mention in event["mentions"]:
            assert mention["article"] == expected
    one = client.get(f"/api/v1/events/{events[0]['id']}").get_json()
    assert one["mentions"][0]["article"] == expected


def test_exports_carry_the_same_provenance(client, seeded):
    import csv
    import io
    import json

    lines = client.get("/api/v1/events?format=ndjson").get_data(as_text=True).splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows and all(r["mentions"][0]["article"]["title"] == seeded["title"] for r in rows)
    text = client.get("/api/v1/events?format=csv").get_data(as_text=True)
    table = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(table) == len(rows)
    for row, event in zip(table, rows, strict=True):
        assert row["date_basis"] == (event["date"]["basis"] or "")
        assert row["article_ids"] == str(seeded["id"])
        assert row["sources"].startswith(seeded["title"])
        assert row["source_urls"] == (seeded["url"] or "")
        assert row["cameo"] == (event["cameo"] or "")


@pytest.mark.parametrize("body", ['"text"', "3"])
def test_a_body_that_is_not_an_object_says_so(client, body):
    response = client.post("/api/v1/articles", data=body, content_type="application/json")
    problem = assert_problem(response, 422)
    assert problem["errors"]["_schema"] == ["Must be a JSON object."]


def test_an_array_is_a_batch_whose_items_that_are_not_objects_say_so(client):
    # issue 22: a JSON array is a batch; each item is answered on its own
    response = client.post("/api/v1/articles", data="[1]", content_type="application/json")
    assert response.status_code == 207
    (result,) = response.get_json()["results"]
    assert result["outcome"] == "refused" and result["status"] == 422
    assert result["error"]["errors"]["_schema"] == ["Must be a JSON object."]
