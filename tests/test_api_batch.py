"""POST /api/v1/articles with a batch (a JSON array or NDJSON): each article is stored on its
own, as if posted alone, and answered at its position; a bad article refuses only itself."""

from __future__ import annotations

import json

import pytest

from service.storage.models import Article, Mention
from service.write import pipeline

from . import faults
from .test_errors import assert_problem

TEXTS = (
    "The Foreign Minister of Kenya met President Joe Biden in Washington on Tuesday.",
    "Parliament in Nairobi passed the budget on Thursday after a long debate.",
    "Election officials in Mexico announced the final results on June 5.",
)


def article(n: int, **extra) -> dict:
    return {"text": TEXTS[n], "published_at": "2024-06-07", "title": f"Article {n}", **extra}


def outcomes(response) -> list[tuple[str, int]]:
    assert response.status_code == 207, response.get_data(as_text=True)[:500]
    return [(r["outcome"], r["status"]) for r in response.get_json()["results"]]


def test_each_article_of_an_array_gets_its_outcome_in_order(app, client):
    bad = {"text": TEXTS[1]}  # no published_at
    body = [article(0), bad, article(2), article(0)]
    response = client.post("/api/v1/articles", json=body)
    assert outcomes(response) == [
        ("stored", 201),
        ("refused", 422),
        ("stored", 201),
        ("present", 200),
    ]
    answer = response.get_json()
    assert answer["counts"] == {"stored": 2, "present": 1, "refused": 1}
    assert [r["index"] for r in answer["results"]] == [0, 1, 2, 3]
    refusal = answer["results"][1]["error"]
    assert refusal["status"] == 422 and "published_at" in refusal["errors"]
    assert set(refusal) >= {"type", "title", "status", "detail"}
    first, again = answer["results"][0], answer["results"][3]
    assert first["article"]["id"] == again["article"]["id"]
    stored = client.get(first["location"]).get_json()
    assert stored["title"] == "Article 0" and stored["events"]
    with app.app_context():
        assert Article.select().count() == 2


def test_a_batch_stores_the_events_a_single_post_stores(app, client, tmp_path):
    """The texts of a batch are parsed together; each one's events are its own parse's."""
    client.post("/api/v1/articles", json=[article(0), article(1), article(2)])
    with app.app_context():
        batched = [
            pipeline.extract_events(t, Article.get(Article.text == t).published_at) for t in TEXTS
        ]
        stored = [Mention.select().join(Article).where(Article.text == t).count() for t in TEXTS]
    assert stored == [sum(len(e.mentions) for e in events) for events in batched]


def test_ndjson_lines_are_a_batch_and_a_line_that_is_not_json_refuses_itself(client):
    lines = [json.dumps(article(0)), '{"text": "truncated', "", json.dumps(article(1))]
    response = client.post(
        "/api/v1/articles", data="\n".join(lines) + "\n", content_type="application/x-ndjson"
    )
    assert outcomes(response) == [("stored", 201), ("refused", 400), ("stored", 201)]
    assert "line" in response.get_json()["results"][1]["error"]["detail"]


def test_a_failure_storing_one_article_leaves_nothing_of_it_and_keeps_the_others(
    app, client, monkeypatch
):
    real = pipeline.store_events

    def fail_for_the_second(stored, extracted):
        if stored.title == "Article 1":
            real(stored, extracted)  # its events are written, then the disk fails
            raise RuntimeError("disk on fire")
        return real(stored, extracted)

    monkeypatch.setattr(pipeline, "store_events", fail_for_the_second)
    response = client.post("/api/v1/articles", json=[article(0), article(1), article(2)])
    assert outcomes(response) == [("stored", 201), ("refused", 500), ("stored", 201)]
    with app.app_context():
        titles = {a.title for a in Article.select()}
        orphans = Mention.select().where(Mention.article.not_in(Article.select(Article.id)))
        assert titles == {"Article 0", "Article 2"}
        assert orphans.count() == 0


def test_refusals_are_those_of_a_single_post(app, client):
    client.post("/api/v1/articles", json=article(0))
    app.config["MAX_ARTICLE_CHARS"] = 200
    body = [
        article(0, title="Another title"),  # stored text, other metadata: 409
        article(1, text="Die Regierung hat am Dienstag in Berlin den Haushalt beschlossen."),
        article(2, text="A" * 201),
    ]
    results = client.post("/api/v1/articles", json=body).get_json()["results"]
    assert [r["status"] for r in results] == [409, 422, 422]
    assert "title" in results[0]["error"]["errors"]
    assert "language" in results[1]["error"]["errors"]
    assert "text" in results[2]["error"]["errors"]


@pytest.mark.parametrize(
    ("body", "status"),
    [([], 422), ([{"text": "x", "published_at": "2024-01-01"}] * 4, 413)],
    ids=["empty", "over-the-count"],
)
def test_a_batch_outside_the_limits_is_refused_whole(app, client, body, status):
    app.config["MAX_BATCH_ARTICLES"] = 3
    assert_problem(client.post("/api/v1/articles", json=body), status)
    with app.app_context():
        assert Article.select().count() == 0


def test_a_batch_with_an_idempotency_key_is_refused(client):
    response = client.post("/api/v1/articles", json=[article(0)], headers={"Idempotency-Key": "k1"})
    assert_problem(response, 422)


def test_ndjson_is_a_batch_only_on_post_articles(client):
    response = client.post(
        "/api/v1/annotate", data=json.dumps({"text": "x"}), content_type="application/x-ndjson"
    )
    assert_problem(response, 415)


def test_the_openapi_document_describes_batches(client):
    operation = client.get("/api/v1/openapi.json").get_json()["paths"]["/api/v1/articles"]["post"]
    content = operation["requestBody"]["content"]
    assert {"application/json", "application/x-ndjson"} <= set(content)
    many = content["application/json"]["schema"]["oneOf"][1]
    assert many["type"] == "array" and many["maxItems"] == 100
    assert "207" in operation["responses"]


def test_an_article_extraction_fails_on_refuses_itself_saying_why(app, client, monkeypatch):
    """A fault of the extractors on one article of a batch (parsed together with the others)
    refuses that article alone: 422 saying why, no traceback, nothing of it stored."""
    faults.install(monkeypatch)
    bad = {"text": faults.BAD_TEXT, "published_at": "2024-06-07", "title": "Bad"}
    response = client.post("/api/v1/articles", json=[article(0), bad, article(2)])
    assert outcomes(response) == [("stored", 201), ("refused", 422), ("stored", 201)]
    error = response.get_json()["results"][1]["error"]
    assert error["status"] == 422 and faults.REASON in error["detail"]
    assert "Traceback" not in response.get_data(as_text=True)
    with app.app_context():
        assert {a.title for a in Article.select()} == {"Article 0", "Article 2"}
        assert Mention.select().join(Article).where(Article.title == "Bad").count() == 0
