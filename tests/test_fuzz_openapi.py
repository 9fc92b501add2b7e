"""The API fuzzed against its own OpenAPI document with schemathesis: no 5xx, and no response
that breaks its documented schema, status code or media type. Bounded: 25 examples per
operation (``TIMELINE_FUZZ_EXAMPLES`` raises it; ``make fuzz`` runs 500).

Not checked: that every schema-valid request is accepted (schemathesis's
positive_data_acceptance). Some rules are not expressible in the document (an opaque cursor
must be one this API issued; a PATCH must change something; an event is not merged into
itself) and are rightly answered 422.

Each operation's strategy is driven by hypothesis directly (schemathesis's pytest plugin does
not run under pytest 9)."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from service import create_app
from service.storage.schema import create_tables

from .conftest import load_seed

EXAMPLES = int(os.environ.get("TIMELINE_FUZZ_EXAMPLES", "25"))
#: Writes need a token, as the document declares; schemathesis also checks that a request
#: without it (or with a wrong one) is refused.
TOKEN = "fuzz-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _app(folder):
    # The WSGI transport does not undo gzip, so compression is off here (tested elsewhere).
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": f"sqlite:///{folder}/fuzz.sqlite3",
            "RATELIMIT_ENABLED": False,
            "COMPRESS_REGISTER": False,
            "API_TOKENS": [TOKEN],
        }
    )
    create_tables()
    seeded = app.test_client().post("/api/v1/articles", json=load_seed(), headers=AUTH)
    assert seeded.status_code == 201
    return app


def _operations() -> list[str]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _app(tmp))
        return [op.ok().label for op in schema.get_all_operations()]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    app = _app(tmp_path_factory.mktemp("fuzz"))
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


@pytest.mark.parametrize("label", _operations())
def test_operation_conforms_to_the_document(api_schema, label):
    (operation,) = [op.ok() for op in api_schema.get_all_operations() if op.ok().label == label]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def check(case):
        case.call_and_validate(headers=AUTH, excluded_checks=[positive_data_acceptance])

    check()
