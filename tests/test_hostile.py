"""Hostile input: every bad request gets its documented 4xx as problem+json, never a 5xx, and
leaves the data as it was.

Each row: an id, the method and path, what is sent, and the status the API documents for it.
A few rows send something that is *not* an error (SQL or FTS syntax in ``q`` is just words to
search for, a CRLF in ``X-Request-Id`` is replaced): they expect 200 and check the same things.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field

import pytest

from service.storage.models import Actor, Article, Change, DataState, Event, Mention

from . import conftest
from .test_errors import assert_problem

# Every test here only reads: one seeded database per backend for the module.
app, seeded = conftest.seeded_once_app, conftest.seeded_once_answer

ARTICLES = "/api/v1/articles"
EVENTS = "/api/v1/events"
GOOD = {"text": "The ministers met in Oslo on Monday.", "published_at": "2024-03-07"}
HUGE = "9" * 30
DEEP = b"[" * 10_000 + b"]" * 10_000


def cursor(value) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def with_(**changes) -> bytes:
    return json.dumps({**GOOD, **changes}).encode()


@dataclass
class Case:
    id: str
    method: str
    path: str
    status: int
    body: bytes | None = None
    content_type: str | None = "application/json"
    headers: dict = field(default_factory=dict)
    environ: dict = field(default_factory=dict)


def post(id: str, status: int, body: bytes, path: str = ARTICLES, **kw) -> Case:
    return Case(id, "POST", path, status, body, **kw)


def get(id: str, path: str, status: int, **kw) -> Case:
    return Case(id, "GET", path, status, content_type=None, **kw)


CASES = [
    # Malformed and truncated JSON, wrong types at the top.
    post("malformed-json", 400, b'{"text": '),
    post("truncated-json", 400, b'{"text": "abc", "published_at": "2024-01-0'),
    post("trailing-garbage", 400, with_() + b"}}"),
    post("single-quotes", 400, b"{'text': 'a', 'published_at': '2024-01-01'}"),
    post("empty-body", 422, b""),
    post("json-null", 422, b"null"),
    post("json-array", 422, b"[]"),
    post("json-string", 422, b'"They met on Monday."'),
    post("json-number", 422, b"42"),
    post("nan-and-infinity", 422, b'{"text": NaN, "published_at": 1e999}'),
    # Wrong content types and encodings.
    post("text-plain", 415, with_(), content_type="text/plain"),
    post(
        "form-urlencoded",
        415,
        b"text=a&published_at=2024-01-01",
        content_type="application/x-www-form-urlencoded",
    ),
    post("multipart", 415, b"--x--", content_type="multipart/form-data; boundary=x"),
    post("no-content-type", 415, with_(), content_type=None),
    post("xml", 415, b"<article/>", content_type="application/xml"),
    post("invalid-utf8", 400, b'{"text": "\xff\xfe\xfd", "published_at": "2024-01-01"}'),
    post(
        "latin1-charset",
        400,
        '{"text": "café", "published_at": "2024-01-01"}'.encode("latin-1"),
        content_type="application/json; charset=latin-1",
    ),
    post("overlong-utf8", 400, b'{"text": "\xc0\xaf", "published_at": "2024-01-01"}'),
    # Size and depth.
    post("10mb-body", 413, b'{"text": "' + b"a" * (10 * 1024 * 1024) + b'"}'),
    post("10mb-annotate", 413, b"[" + b"1," * (5 * 1024 * 1024) + b"1]", path="/api/v1/annotate"),
    post("article-too-long", 422, with_(text="word " * 100_001)),
    post("nested-10000-arrays", 400, DEEP),
    post("nested-10000-objects", 400, b'{"a":' * 10_000 + b"1" + b"}" * 10_000),
    post("nested-in-a-field", 400, b'{"text": ' + DEEP + b', "published_at": "2024-01-01"}'),
    post("nested-annotate", 400, DEEP, path="/api/v1/annotate"),
    post("nested-shallow", 422, b'{"text": ' + b"[" * 50 + b"]" * 50 + b"}"),
    # Fields: unknown, wrong types, out of range, hostile content.
    post("unknown-field", 422, with_(is_admin=True)),
    post("text-number", 422, with_(text=42)),
    post("text-object", 422, with_(text={"$gt": ""})),
    post("text-empty", 422, with_(text="")),
    post("text-blank", 422, with_(text="   \n\t ")),
    post("text-nul-bytes", 422, with_(text="They met\x00 in Oslo on Monday.")),
    post(
        "text-lone-surrogate",
        422,
        b'{"text": "They met on Monday \\ud800.", "published_at": "2024-01-01"}',
    ),
    post("date-impossible", 422, with_(published_at="2024-13-45")),
    post("date-year-99999", 422, with_(published_at="99999-01-01")),
    post("date-number", 422, with_(published_at=20240101)),
    post("date-sql", 422, with_(published_at="2024-01-01'; DROP TABLE article; --")),
    post("missing-date", 422, json.dumps({"text": "They met on Monday."}).encode()),
    post("title-too-long", 422, with_(title="t" * 1001)),
    post("url-javascript", 422, with_(url="javascript:alert(1)")),
    post("url-file", 422, with_(url="file:///etc/passwd")),
    post("language-unsupported", 422, with_(language="xx")),
    post(
        "annotate-unknown-field",
        422,
        json.dumps({**GOOD, "x": 1}).encode(),
        path="/api/v1/annotate",
    ),
    # Curation writes.
    Case("patch-malformed", "PATCH", f"{EVENTS}/1", 400, b'{"title": '),
    Case("patch-unknown-field", "PATCH", f"{EVENTS}/1", 422, b'{"reason": "r", "id": 5}'),
    Case("patch-no-reason", "PATCH", f"{EVENTS}/1", 422, b'{"title": "New"}'),
    Case("patch-huge-id", "PATCH", f"{EVENTS}/{HUGE}", 404, b'{"title": "x", "reason": "r"}'),
    Case(
        "merge-huge-into",
        "POST",
        f"{EVENTS}/1/merge",
        422,
        json.dumps({"into": int(HUGE), "reason": "r"}).encode(),
    ),
    Case("merge-negative", "POST", f"{EVENTS}/1/merge", 422, b'{"into": -1, "reason": "r"}'),
    Case("delete-huge-id", "DELETE", f"{ARTICLES}/{HUGE}", 404, content_type=None),
    Case(
        "delete-traversal", "DELETE", f"{ARTICLES}/..%2F..%2Fetc%2Fpasswd", 404, content_type=None
    ),
    Case("put-articles", "PUT", ARTICLES, 405, with_()),
    # Query strings: numbers, cursors, filters, search syntax.
    get("limit-negative", f"{EVENTS}?limit=-1", 422),
    get("limit-zero", f"{EVENTS}?limit=0", 422),
    get("limit-huge", f"{EVENTS}?limit={HUGE}", 422),
    get("limit-over-max", f"{ARTICLES}?limit=501", 422),
    get("limit-not-a-number", f"{EVENTS}?limit=ten", 422),
    get("limit-float", f"{EVENTS}?limit=1e3", 422),
    get("article-negative", f"{EVENTS}?article=-5", 422),
    get("article-huge", f"{EVENTS}?article={HUGE}", 422),
    get("cursor-garbage", f"{EVENTS}?cursor=!!not-base64!!", 422),
    get("cursor-wrong-shape", f"{EVENTS}?cursor={cursor([1, 2])}", 422),
    get("cursor-wrong-types", f"{EVENTS}?cursor={cursor(['x', None, {}])}", 422),
    get("cursor-huge-id", f"{ARTICLES}?cursor={cursor([int(HUGE)])}", 422),
    get("cursor-too-long", f"{ARTICLES}?cursor={'A' * 600}", 422),
    get("since-garbage", "/api/v1/changes?since=%FF%FE", 422),
    get("since-negative", f"/api/v1/changes?since={cursor([-1])}", 422),
    get("since-huge", f"/api/v1/changes?since={cursor([int(HUGE)])}", 422),
    get("from-impossible", f"{EVENTS}?from=2024-02-30", 422),
    get("from-after-to", f"{EVENTS}?from=2024-02-01&to=2024-01-01", 422),
    get("open-unknown", f"{EVENTS}?open=maybe", 422),
    get("too-many-actors", f"{EVENTS}?" + "&".join(["actor=a"] * 21), 422),
    get("type-too-long", f"{EVENTS}?type={'t' * 21}", 422),
    get("q-too-long", f"{EVENTS}?q={'q' * 201}", 422),
    get("q-sql-injection", f"{EVENTS}?q=%27%20OR%201%3D1%20--", 200),
    get("q-sql-union", f"{EVENTS}?q=x%27%20UNION%20SELECT%20text%20FROM%20article--", 200),
    get("q-fts-unterminated-quote", f"{EVENTS}?q=%22unterminated", 200),
    get("q-fts-near", f"{EVENTS}?q=NEAR(", 200),
    get("q-fts-star", f"{EVENTS}?q=*", 200),
    get("q-fts-operators", f"{EVENTS}?q=AND%20OR%20NOT%20-%5E", 200),
    get("q-like-wildcards", "/api/v1/timeline?q=%25_%25", 200),
    # A NUL no database stores (PostgreSQL answered 500 for actor/type/actors q): 400 for every
    # filter alike, q included (issue 16).
    get("q-nul", f"{EVENTS}?q=%00", 400),
    get("actor-nul", f"{EVENTS}?actor=%00", 400),
    get("type-nul", f"{EVENTS}?type=%00", 400),
    get("actors-q-nul", "/api/v1/actors?q=%00", 400),
    get("resolve-no-expr", "/api/v1/resolve?published_at=2024-01-01", 422),
    get("resolve-expr-too-long", f"/api/v1/resolve?expr={'a' * 201}&published_at=2024-01-01", 422),
    get("resolve-bad-date", "/api/v1/resolve?expr=today&published_at=yesterday", 422),
    # Paths: traversal, huge and odd ids.
    get("path-traversal-encoded", f"{ARTICLES}/..%2F..%2Fetc%2Fpasswd", 404),
    get("path-traversal-dots", f"{ARTICLES}/../../../etc/passwd", 404),
    get("id-negative", f"{ARTICLES}/-1", 404),
    get("id-huge-article", f"{ARTICLES}/{HUGE}", 404),
    get("id-huge-event", f"{EVENTS}/{HUGE}", 404),
    get("id-float", f"{EVENTS}/1.5", 404),
    get("id-nul", f"{ARTICLES}/%00", 404),
    get("id-sql", f"{ARTICLES}/1%20OR%201=1", 404),
    # Headers and the request line.
    get("crlf-request-id", EVENTS, 200, environ={"HTTP_X_REQUEST_ID": "a\r\nSet-Cookie: pwned=1"}),
    get("overlong-query-string", f"{EVENTS}?q=" + "a" * 5000, 414),
    get("huge-if-none-match", EVENTS, 200, headers={"If-None-Match": '"x", ' * 1000}),
    get("bad-if-modified-since", EVENTS, 200, headers={"If-Modified-Since": "yesterday"}),
]


@pytest.fixture
def snapshot(app):
    def take() -> tuple:
        with app.app_context():
            models = (Article, Event, Mention, Actor, Change)
            version = DataState.get_by_id(1).version
            return tuple(m.select().count() for m in models) + (version,)

    return take


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_request(client, snapshot, case):
    before = snapshot()
    kwargs = {"headers": case.headers, "environ_overrides": case.environ}
    if case.body is not None:
        kwargs["data"] = case.body
    if case.content_type:
        kwargs["content_type"] = case.content_type
    response = client.open(case.path, method=case.method, **kwargs)
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    if case.status >= 400:
        assert_problem(response, case.status)
    else:
        assert response.status_code == case.status
    assert snapshot() == before
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in response.headers


def test_there_are_at_least_fifty_cases():
    assert len(CASES) >= 50
    assert len({c.id for c in CASES}) == len(CASES)
