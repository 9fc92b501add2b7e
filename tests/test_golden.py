"""Each scenario's timeline equals its reviewed golden file (``make golden`` regenerates)."""

from __future__ import annotations

import pytest

from . import golden


@pytest.mark.parametrize("name", golden.scenarios())
def test_golden_timeline(name, database_url):
    assert golden.timeline(name, database_url) == golden.expected(name)


@pytest.fixture
def fake_goldens(tmp_path, monkeypatch):
    """Two scenarios with stand-in timelines: 'same' matches its file, 'moved' does not."""
    timelines = {"same": {"timeline": [{"title": "A"}]}, "moved": {"timeline": [{"title": "B"}]}}
    monkeypatch.setattr(golden, "EXPECTED", tmp_path)
    monkeypatch.setattr(golden, "timeline", lambda name: timelines[name])
    monkeypatch.setattr(golden, "scenarios", lambda: sorted(timelines))
    golden.write("same")
    golden.write("moved")
    timelines["moved"] = {"timeline": [{"title": "C"}]}
    return tmp_path


@pytest.mark.parametrize("argv", [[], ["--check"]])
def test_check_prints_a_diff_of_changed_files_and_fails(fake_goldens, capsys, argv):
    before = {p.name: p.read_text() for p in fake_goldens.iterdir()}
    assert golden.main(argv) == 1
    out = capsys.readouterr().out
    assert "--- a/fixtures/expected/moved.json" in out
    assert '-      "title": "B"' in out and '+      "title": "C"' in out
    assert "same.json" not in out
    assert {p.name: p.read_text() for p in fake_goldens.iterdir()} == before


def test_check_passes_when_nothing_changed(fake_goldens, capsys):
    golden.write("moved")
    assert golden.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_write_rewrites_the_expected_files(fake_goldens):
    assert golden.main(["--write"]) == 0
    assert golden.main(["--check"]) == 0


@pytest.mark.parametrize("argv", [["--wirte"], ["--check", "--write"]])
def test_unknown_arguments_print_the_usage(argv, capsys):
    assert golden.main(argv) == 2
    assert "usage" in capsys.readouterr().err
