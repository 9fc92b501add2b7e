"""The read benchmark end to end on a small database, so bench/ does not rot: bench/read.py
generates 2,000 events, serves them with gunicorn, drives each query for a second and prints
its table (Datasette too when it is installed: the `bench` extra)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
READ = ROOT / "bench" / "read.py"
pytestmark = pytest.mark.slow


def run_bench(tmp_path: Path, *extra: str) -> str:
    command = [
        sys.executable,
        str(READ),
        "--sizes",
        "2000",
        "--seconds",
        "1",
        "--repeat",
        "1",
        "--no-ingest",
    ]
    command += ["--out", str(tmp_path), *extra]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


@pytest.mark.long
def test_read_bench_prints_every_query_and_the_targets(tmp_path):
    out = run_bench(tmp_path, "--no-datasette")
    for query in ("list", "window", "actor", "fulltext", "item", "list 304"):
        assert f"\n{query} " in out, out
    assert "NDJSON export: 2000 lines" in out, out
    assert "Targets (issue 15" in out and "304 / full answer of the list" in out, out
    assert "'500'" not in out and "Error" not in out, out


@pytest.mark.long
def test_read_bench_against_datasette(tmp_path):
    if not shutil.which("datasette", path=str(Path(sys.executable).parent)):
        pytest.skip("datasette is not installed (pip install -e '.[bench]')")
    out = run_bench(tmp_path)
    assert "ours/datasette" in out and "Datasette CSV stream: 2001 lines" in out, out
