"""The OpenAPI client check: a Python client generated from the served document
(openapi-python-client, as a user would) has pleasant names and works against the API."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_security import TOKEN

pytest.importorskip("openapi_python_client", reason="pip install -e '.[test]' installs it")
httpx = pytest.importorskip("httpx")


@pytest.fixture
def generated(app, tmp_path, monkeypatch):
    """The generated package, imported; its module name is event_timeline_client."""
    document = tmp_path / "openapi.json"
    document.write_bytes(app.test_client().get("/api/v1/openapi.json").get_data())
    binary = Path(sys.executable).with_name("openapi-python-client")
    command = [str(binary) if binary.exists() else shutil.which("openapi-python-client")]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        [*command, "generate", "--path", str(document), "--meta", "none"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout.replace("ruff is not in PATH", ""), result.stdout
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in sys.modules if m.startswith("event_timeline_client")]:
        del sys.modules[name]
    return tmp_path / "event_timeline_client"


def module(name: str):
    return importlib.import_module(f"event_timeline_client.{name}")


def test_the_generated_client_has_an_operation_per_id(generated):
    names = {p.stem for p in (generated / "api").rglob("*.py") if p.stem != "__init__"}
    assert {"list_events", "get_event", "create_article", "get_timeline", "get_index"} <= names


def test_the_generated_client_reads_and_writes(app, generated, seed_body):
    app.extensions["timeline_tokens"] = (TOKEN,)
    client_module = module("client")
    transport = httpx.WSGITransport(app=app)
    public = client_module.Client("http://localhost", httpx_args={"transport": transport})
    authed = client_module.AuthenticatedClient(
        "http://localhost", token=TOKEN, httpx_args={"transport": transport}
    )
    models = module("models")
    create = module("api.articles.create_article")
    refused = create.sync_detailed(client=public, body=models.ArticleCreate.from_dict(seed_body))
    assert refused.status_code == 401
    stored = create.sync(client=authed, body=models.ArticleCreate.from_dict(seed_body))
    assert stored.id >= 1 and stored.events

    events = module("api.events.list_events").sync(
        client=public, type_=[models.EventType.MEETING, models.EventType.VISIT], limit=500
    )
    assert events.data and {e.type_ for e in events.data} <= {"meeting", "visit"}
    one = module("api.events.get_event").sync(client=public, event_id=events.data[0].id)
    assert one.mentions[0].article.title == seed_body.get("title")
    timeline = module("api.events.get_timeline").sync(client=public, from_="2023-12")
    assert timeline.data is not None
