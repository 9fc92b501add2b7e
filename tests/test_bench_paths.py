"""The benchmarks find ``../shared`` beside the main checkout, also when they run from a git
worktree (whose ``.git`` is a file), and ``TIMELINE_SHARED_DIR`` overrides it."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
shared = importlib.import_module("_shared")


def make_worktree(tmp_path: Path) -> tuple[Path, Path]:
    """A main checkout and a worktree of it laid out as git lays them out."""
    main = tmp_path / "work" / "main"
    admin = main / ".git" / "worktrees" / "NAME"
    admin.mkdir(parents=True)
    (admin / "commondir").write_text("../..\n")
    worktree = tmp_path / "work" / "wt" / "NAME"
    worktree.mkdir(parents=True)
    (worktree / ".git").write_text(f"gitdir: {admin}\n")
    return main, worktree


@pytest.mark.parametrize("relative", [False, True])
def test_a_worktree_finds_the_main_checkouts_shared_folder(tmp_path, monkeypatch, relative):
    monkeypatch.delenv(shared.ENV, raising=False)
    main, worktree = make_worktree(tmp_path)
    if relative:  # git writes a relative gitdir with worktree.useRelativePaths
        (worktree / ".git").write_text("gitdir: ../../main/.git/worktrees/NAME\n")
    assert shared.main_checkout(worktree) == main
    assert shared.shared_dir(worktree) == tmp_path / "work" / "shared"
    assert shared.timebank(worktree) == tmp_path / "work" / "shared" / "data" / "timebank"


@pytest.mark.parametrize("layout", ["clone", "no git"])
def test_a_plain_checkout_looks_beside_itself(tmp_path, monkeypatch, layout):
    monkeypatch.delenv(shared.ENV, raising=False)
    checkout = tmp_path / "project"
    checkout.mkdir()
    if layout == "clone":
        (checkout / ".git").mkdir()
    assert shared.shared_dir(checkout) == tmp_path / "shared"


def test_the_environment_overrides(tmp_path, monkeypatch):
    _main, worktree = make_worktree(tmp_path)
    monkeypatch.setenv(shared.ENV, str(tmp_path / "elsewhere"))
    assert shared.shared_dir(worktree) == tmp_path / "elsewhere"
    monkeypatch.setenv(shared.ENV, "  ")
    assert shared.shared_dir(worktree) == tmp_path / "work" / "shared"


@pytest.mark.parametrize("script", ["events", "ingest", "api_ingest", "workers"])
def test_each_benchmark_defaults_to_the_shared_timebank(script):
    assert importlib.import_module(script).DEFAULT_DATA == shared.timebank()


def test_the_shared_corpus_is_found_from_this_checkout():
    if not shared.timebank().is_dir():  # a plain clone without ../shared: nothing to find
        pytest.skip(f"no ../shared here ({shared.shared_dir()}); see README, Tests")
    assert any(shared.timebank().rglob("*.tml"))
