"""A month known only to the month looks like a month: a bar over its whole month."""

from __future__ import annotations

import pytest

from .conftest import ROOT, Server
from .test_page import marks, open_page, scale_from_ticks

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def month_server(tmp_path_factory, chromium):
    """A server holding the written 'year boundary' article: NATO 'in April 2023' (a month)."""
    server = Server(tmp_path_factory.mktemp("browser-month"))
    server.run("ingest", str(ROOT / "fixtures" / "articles" / "year-boundary.json"))
    yield server.start()
    server.stop()


def test_a_month_precision_event_is_a_bar_over_its_month(page, month_server):
    open_page(page, month_server, "?from=2023-01-01&to=2023-12-31")
    x, per_day = scale_from_ticks(page)
    months = [m for m in marks(page) if m["precision"] == "month"]
    april = next(m for m in months if m["start"] == "2023-04-01")
    assert april["end"] == "2023-04-30"
    assert "bar" in april["classes"] and "point" not in april["classes"]
    assert april["left"] == pytest.approx(x("2023-04-01"), abs=1.5)
    assert april["right"] == pytest.approx(x("2023-05-01"), abs=1.5)
    assert april["right"] - april["left"] == pytest.approx(30 * per_day, abs=2)
    days = [m for m in marks(page) if m["precision"] == "day"]
    assert days and all("point" in m["classes"] for m in days)
