"""bench/factuality.py: the factuality layer scored against TimeBank's polarity and modality
gives figures between 0 and 1 on a few documents, and a counted gold NEG only from TimeBank/."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
spec = importlib.util.spec_from_file_location("bench_factuality", ROOT / "bench" / "factuality.py")
bench = sys.modules.setdefault("bench_factuality", importlib.util.module_from_spec(spec))
spec.loader.exec_module(bench)
DATA = importlib.import_module("_shared").timebank()  # also from a git worktree

if not DATA.is_dir():  # pragma: no cover - the shared corpus is always there
    pytest.skip(f"no corpus at {DATA}", allow_module_level=True)


def test_figures_on_a_few_documents():
    result = bench.score(bench.files([DATA], limit=4))
    assert result["documents"] == 4 and result["gold_events"] > 0
    for _, key in bench.ROWS:
        assert 0.0 <= result[key] <= 1.0, key
    assert sum(row["gold"] for row in result["asserted_by_class"].values()) == result["gold_events"]
    assert "asserted precision" in bench.table(result)


def test_polarity_is_counted_from_timebank_only():
    aquaint = bench.files([DATA / "AQUAINT"], limit=2)
    assert bench.score(aquaint)["gold_negated_timebank"] == 0
