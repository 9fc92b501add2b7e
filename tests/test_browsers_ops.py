"""What browsers and operators get: CORS, gzip with working ETags, metrics."""

from __future__ import annotations

import gzip


def test_cors_allows_dashboards_and_exposes_validators(client, seeded):
    response = client.get("/api/v1/events", headers={"Origin": "https://dash.example"})
    assert response.headers["Access-Control-Allow-Origin"] in {"*", "https://dash.example"}
    exposed = response.headers["Access-Control-Expose-Headers"].lower()
    assert "etag" in exposed and "link" in exposed
    preflight = client.options(
        "/api/v1/articles",
        headers={
            "Origin": "https://dash.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization, Content-Type",
        },
    )
    assert preflight.status_code == 200
    assert "authorization" in preflight.headers["Access-Control-Allow-Headers"].lower()


def test_cors_origins_can_be_restricted(app, database_url):
    from service import create_app

    app = create_app(
        {"TESTING": True, "DATABASE_URL": database_url, "CORS_ORIGINS": "https://a.example"}
    )
    client = app.test_client()
    assert (
        "Access-Control-Allow-Origin"
        not in client.get("/api/v1/healthz", headers={"Origin": "https://b.example"}).headers
    )


def test_gzip_keeps_conditional_requests_working(client, seeded):
    first = client.get("/api/v1/events", headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(first.data).startswith(b"{")
    etag = first.headers["ETag"]
    again = client.get("/api/v1/events", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304 and again.headers["ETag"] == etag
    plain = client.get("/api/v1/events", headers={"If-None-Match": etag})
    assert plain.status_code == 304


def test_metrics_count_requests_by_route_and_status(client, seeded):
    client.get("/api/v1/events")
    client.get("/api/v1/events/999999")
    text = client.get("/metrics").get_data(as_text=True)
    assert 'timeline_http_requests_total{method="GET",route="/api/v1/events",status="200"}' in text
    assert 'route="/api/v1/events/<id:event_id>",status="404"' in text
    assert "timeline_http_request_seconds_bucket" in text
    assert 'timeline_ingested_articles_total{outcome="stored"}' in text
