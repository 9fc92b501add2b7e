"""POST /annotate and GET /resolve."""

from __future__ import annotations

import pytest

from .test_errors import assert_problem


def test_annotate_returns_spans_into_the_text(client):
    text = "The talks concluded in Beijing on Wednesday. Sales rose last month."
    response = client.post("/api/v1/annotate", json={"text": text, "published_at": "2023-12-21"})
    assert response.status_code == 200
    found = {t["text"]: t for t in response.get_json()["data"]}
    for t in found.values():
        assert text[t["start"] : t["end"]] == t["text"]
    wednesday = next(t for k, t in found.items() if "Wednesday" in k)
    assert wednesday["value"] == "2023-12-20" and wednesday["precision"] == "day"
    month = next(t for k, t in found.items() if "last month" in k)
    assert (month["value"], month["start_date"], month["end_date"]) == (
        "2023-11",
        "2023-11-01",
        "2023-11-30",
    )


def test_annotate_stores_nothing(app, client):
    from service.storage.models import Article

    client.post("/api/v1/annotate", json={"text": "On Monday.", "published_at": "2023-12-21"})
    with app.app_context():
        assert Article.select().count() == 0


@pytest.mark.parametrize(
    ("expr", "published_at", "value", "precision"),
    [
        ("last month", "2023-12-20", "2023-11", "month"),
        ("this year", "2023-12-21", "2023", "year"),
        ("yesterday", "2024-01-01", "2023-12-31", "day"),
    ],
)
def test_resolve(client, expr, published_at, value, precision):
    body = client.get(f"/api/v1/resolve?expr={expr}&published_at={published_at}").get_json()
    assert (body["value"], body["precision"]) == (value, precision)


@pytest.mark.parametrize(
    "query",
    [
        "expr=last+month",
        "published_at=2023-12-20",
        "expr=banana&published_at=2023-12-20",
        "expr=last+month&published_at=soon",
        "expr=&published_at=2023-12-20",
    ],
    ids=["no-date", "no-expr", "not-a-date", "bad-date", "empty-expr"],
)
def test_resolve_errors(client, query):
    assert_problem(client.get(f"/api/v1/resolve?{query}"), 422)


def test_annotate_errors(client):
    assert_problem(client.post("/api/v1/annotate", json={"text": "x"}), 422)
    assert_problem(
        client.post("/api/v1/annotate", json={"text": 5, "published_at": "2023-12-20"}), 422
    )


NARRATIVE = "The rebels seized the port in 1917. On 15 May the army attacked the bridge at Kell."


@pytest.mark.parametrize(
    ("document_type", "value"),
    [("narrative", "1917-05-15"), ("news", "2023-05-15"), (None, "2023-05-15")],
)
def test_annotate_reads_dates_by_document_type(client, document_type, value):
    body = {"text": NARRATIVE, "published_at": "2024-03-01"}
    if document_type is not None:
        body["document_type"] = document_type
    found = {
        t["text"]: t["value"] for t in client.post("/api/v1/annotate", json=body).get_json()["data"]
    }
    assert found["15 May"] == value


@pytest.mark.parametrize("path", ["/api/v1/annotate", "/api/v1/articles"])
def test_unknown_document_type_is_422(client, path):
    body = {"text": NARRATIVE, "published_at": "2024-03-01", "document_type": "poem"}
    problem = assert_problem(client.post(path, json=body), 422)
    assert "document_type" in str(problem)


def test_article_events_read_with_the_document_type(client):
    body = {"text": NARRATIVE, "published_at": "2024-03-01", "document_type": "narrative"}
    response = client.post("/api/v1/articles", json=body)
    assert response.status_code == 201, response.get_data(as_text=True)
    article = response.get_json()
    assert "document_type" not in article  # how to read the text, not stored with it
    values = [(e["date"] or {}).get("value") for e in article["events"]]
    assert "1917-05-15" in values and "2023-05-15" not in values, values


def test_openapi_describes_document_type(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for name in ("AnnotateSchema", "ArticleCreateSchema"):
        prop = spec["components"]["schemas"][name.replace("Schema", "")]["properties"]
        assert prop["document_type"]["enum"] == ["news", "narrative"]
