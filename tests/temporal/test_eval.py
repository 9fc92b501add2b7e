"""The TimeBank evaluator on a few documents: a floor on the scores (skipped without the data)."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the repo; from a git worktree (/work/wt/NAME) one level further up
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared").is_dir()), ROOT.parent / "shared"
)
EVAL = SHARED / "eval" / "timex_eval.py"
DATA = SHARED / "data" / "timebank"


@pytest.mark.skipif(
    not (EVAL.exists() and DATA.exists()),
    reason=f"evaluator or TimeBank data not found under {SHARED}",
)
def test_timebank_floor():
    spec = importlib.util.spec_from_file_location("timex_eval", EVAL)
    timex_eval = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("timex_eval", timex_eval)  # its dataclasses look themselves up here
    spec.loader.exec_module(timex_eval)
    docs = timex_eval.load_documents([DATA], max_docs=40)
    result = timex_eval.evaluate(timex_eval.python_tagger("service.temporal:annotate"), docs)
    m = result["metrics"]
    assert m["value_f1"] >= 0.70, timex_eval.format_table(result)
    assert m["relaxed_f1"] >= 0.85, timex_eval.format_table(result)
