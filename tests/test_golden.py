"""Each scenario's timeline equals its reviewed golden file (``make golden`` regenerates)."""

from __future__ import annotations

import pytest

from . import golden


@pytest.mark.parametrize("name", golden.scenarios())
def test_golden_timeline(name, database_url):
    assert golden.timeline(name, database_url) == golden.expected(name)
