"""The ingest form against a server that wants a bearer token for writes."""

from __future__ import annotations

import pytest

from .conftest import Server

pytestmark = pytest.mark.browser

TOKEN = "browser-test-token-0123456789"


@pytest.fixture(scope="module")
def token_server(tmp_path_factory, chromium):
    server = Server(tmp_path_factory.mktemp("browser-token"), API_TOKENS=TOKEN)
    yield server.start()
    server.stop()


def test_the_form_needs_the_token_then_the_new_events_appear(page, token_server, request):
    page.goto(f"{token_server.base}/?view=lanes")
    page.wait_for_selector("body[data-state=ready]")
    assert page.locator("#event-list .ev").count() == 0
    page.fill("#i-title", "Talks in Ankara")
    page.fill("#i-published", "2024-03-07")
    page.fill("#i-text", "The foreign ministers of Turkey and Greece met in Ankara on Monday.")
    page.click("#ingest button[type=submit]")
    page.wait_for_function("() => document.getElementById('e-token').textContent !== ''")
    assert page.get_attribute("#i-token", "aria-invalid") == "true"
    assert page.locator("#ingest-status").text_content().startswith("Not stored")
    request.node.console_errors[:] = [
        e for e in request.node.console_errors if "status of 401" not in e
    ]

    page.fill("#i-token", TOKEN)
    page.click("#ingest button[type=submit]")
    page.wait_for_function(
        "() => /^Stored article/.test(ingest.querySelector('.status').textContent)"
    )
    assert page.evaluate("() => sessionStorage.getItem('timeline-api-token')") == TOKEN
    assert page.locator("#e-token").text_content() == ""
    # The page picks up its own write at once, without a reload.
    page.wait_for_selector("#event-list .ev", timeout=10000)
    assert "Ankara" in page.locator("#event-list").inner_text()
