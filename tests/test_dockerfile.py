"""The Dockerfile, checked by reading and by running its steps that need no Docker engine
(none runs on the development machines)."""

from __future__ import annotations

import configparser
import re
import subprocess
import sys

from .conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def instructions() -> list[str]:
    """The instructions, continuation lines joined as Docker joins them."""
    joined = re.sub(r"\\\n", "", DOCKERFILE)
    return [line for line in joined.splitlines() if line and not line.startswith("#")]


def test_the_health_check_asks_readyz_on_the_configured_port():
    (check,) = [i for i in instructions() if i.startswith("HEALTHCHECK")]
    assert "/readyz" in check and "TIMELINE_PORT" in check and ":8000/" not in check


def test_dependencies_are_a_layer_before_the_code():
    steps = instructions()
    install = next(n for n, i in enumerate(steps) if "-r /tmp/requirements.txt" in i)
    code = next(n for n, i in enumerate(steps) if i.startswith("COPY service"))
    assert install < code
    # only what decides the dependencies is copied before them: setup.cfg and the model's hash
    assert all(
        not i.startswith("COPY") or "setup.cfg" in i or "requirements" in i for i in steps[:install]
    )
    assert any("--no-deps ." in i for i in steps[code:])


def test_the_requirements_step_lists_install_requires_and_postgres(tmp_path):
    run = next(i for i in instructions() if "/tmp/requirements.txt" in i and "python -c" in i)
    code = re.search(r'python -c "(.*?)" *&&', run).group(1)
    (tmp_path / "setup.cfg").write_text((ROOT / "setup.cfg").read_text())
    script = code.replace("/tmp/requirements.txt", str(tmp_path / "req.txt"))
    subprocess.run([sys.executable, "-c", script], cwd=tmp_path, check=True)
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    expected = config["options"]["install_requires"].split()
    expected += config["options.extras_require"]["postgres"].split()
    assert (tmp_path / "req.txt").read_text().splitlines() == expected


def test_seeds_are_loaded_only_into_an_empty_database():
    (cmd,) = [i for i in instructions() if i.startswith("CMD")]
    assert "seed --if-empty" in cmd
