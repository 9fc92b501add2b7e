"""The OpenAPI document a client is generated from: ids, security, descriptions, enums; the
index and the docs page."""

from __future__ import annotations

from service.api.openapi import ENUMS

METHODS = {"get", "post", "put", "patch", "delete"}


def operations(spec: dict):
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield method, path, op


def test_every_operation_has_a_unique_operation_id(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    ids = [op.get("operationId") for _, _, op in operations(spec)]
    assert all(ids) and len(set(ids)) == len(ids), ids
    assert {"listEvents", "getEvent", "createArticle", "getTimeline", "listChanges"} <= set(ids)


def test_writes_declare_the_bearer_scheme_and_401_403(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"
    writes = 0
    for method, path, op in operations(spec):
        public = method == "get" or path == "/api/v1/annotate"
        assert ("security" not in op) == public, (method, path)
        if not public:
            writes += 1
            assert op["security"] == [{"bearerAuth": []}]
            assert {"401", "403"} <= set(op["responses"]), (method, path)
    assert writes >= 4
    # What the document says is what the server does: a write without a token is a 401.
    locked = app.test_client()
    app.extensions["timeline_tokens"] = ("a-token-of-sixteen-chars",)
    assert locked.post("/api/v1/articles", json={}).status_code == 401


def test_query_parameters_are_described_and_never_null(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p for p in spec["paths"]["/api/v1/events"]["get"]["parameters"]}
    for name in ("limit", "cursor", "type", "actor", "from", "to"):
        assert params[name].get("description"), name
    for _, _, op in operations(spec):
        for p in op.get("parameters", []):
            schema = p["schema"]
            assert "nullable" not in schema and schema.get("default", 0) is not None, p
            assert None not in schema.get("enum", []), p
            assert "enum" not in schema.get("items", {}), p  # enums are shared schemas


def test_each_query_enum_is_one_shared_schema(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    for name, values in ENUMS.items():
        assert schemas[name]["enum"] == list(values)
    refs = [
        p["schema"].get("items", p["schema"])
        for _, _, op in operations(spec)
        for p in op.get("parameters", [])
        if p["name"] in ("type", "precision_at_least", "format")
    ]
    assert refs and all("$ref" in r or "allOf" in r for r in refs), refs


def test_the_index_links_to_docs_document_and_collections(client):
    body = client.get("/api/v1/").get_json()
    assert {"docs", "openapi", "events", "timeline", "articles", "actors", "changes"} <= set(
        body["links"]
    )
    for url in body["links"].values():
        assert client.get(url.removeprefix("http://localhost")).status_code == 200, url


def test_the_docs_page_has_a_style_and_says_how_to_authenticate(client):
    html = client.get("/api/v1/docs").get_data(as_text=True)
    assert 'rel="stylesheet"' in html and "Authorization: Bearer" in html
    assert "<script" not in html
    with client.get("/static/web/apidocs.css") as css:
        assert css.status_code == 200 and css.mimetype == "text/css"
    assert "listEvents" in html
