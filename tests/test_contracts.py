"""API contracts, written once here.

- Every error response is RFC 9457 problem+json: ``{"type", "title", "status", "detail"}``,
  plus ``errors`` (field -> messages) on 422 (see test_errors.assert_problem).
- Every list endpoint answers ``{"data": [...], "next": URL-or-null}``.
- Every route of the app appears in the OpenAPI document and in the README; so does every
  configuration key.
"""

from __future__ import annotations

import re

import pytest

from service import config

from .conftest import ROOT

LISTS = [
    "/api/v1/articles",
    "/api/v1/events",
    "/api/v1/timeline",
    "/api/v1/actors",
    "/api/v1/changes",
]
README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize("path", LISTS)
def test_lists_have_the_envelope(client, seeded, path):
    body = client.get(path).get_json()
    assert {"data", "next"} <= set(body)
    assert isinstance(body["data"], list) and body["data"]


def api_rules(app) -> list[str]:
    rules = []
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1") and not rule.rule.endswith(("openapi.json", "/docs")):
            rules.append(re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule))
    return rules


def test_every_route_is_in_the_openapi_document(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    documented = set(spec["paths"])
    for rule in api_rules(app):
        assert rule in documented, rule


def test_every_route_is_in_the_readme(app):
    for rule in api_rules(app):
        short = re.sub(r"\{\w+\}", "{id}", rule.removeprefix("/api/v1"))
        assert short in README, short


def test_every_config_key_is_in_the_readme():
    keys = [k for k in vars(config) if k.isupper() and not k.startswith(("API_", "OPENAPI_"))]
    keys.remove("JSON_SORT_KEYS")
    for key in keys:
        assert f"TIMELINE_{key}" in README, key


def test_errors_are_documented_as_problems(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    default = spec["components"]["responses"]["DEFAULT_ERROR"]
    assert list(default["content"]) == ["application/problem+json"]
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                assert "default" in op["responses"], (method, path)


def test_docs_page_lists_every_operation(app, client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    spec = client.get("/api/v1/openapi.json").get_json()
    for path, item in spec["paths"].items():
        for method in set(item) & {"get", "post", "put", "patch", "delete"}:
            assert f"{method.upper()} {path}" in html
    assert "<script" not in html


def test_every_response_in_the_document_is_complete(client):
    # OpenAPI requires a description on every response; client generators refuse the
    # document without one (openapi-python-client did, until the export responses had it).
    spec = client.get("/api/v1/openapi.json").get_json()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                for status, response in op["responses"].items():
                    assert "$ref" in response or response.get("description"), (method, path, status)
