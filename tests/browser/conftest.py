"""Browser tests: a real server (``timeline serve``, gunicorn) on a temporary SQLite database,
driven by Playwright in Debian's Chromium (``/usr/bin/chromium``, headless).

``make test`` installs Chromium where it is missing (``scripts/debian-deps.sh``); these tests
are skipped, with the reason, only when no Chromium can be found. Every test leaves a screenshot
in ``test-output/screenshots/`` and fails on any console error or uncaught page error.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "screenshots"
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("TIMELINE_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timeline_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from service.cli import main; main()", *args]


class Server:
    """``timeline serve`` in a subprocess on a database of its own."""

    def __init__(self, folder: Path, **env: str) -> None:
        self.db = folder / "timeline.sqlite3"
        self.url = f"sqlite:///{self.db}"
        self.env = {**os.environ, "TIMELINE_DATABASE_URL": self.url}
        self.env.pop("TIMELINE_API_TOKENS", None)
        self.env.update({f"TIMELINE_{key}": value for key, value in env.items()})
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = folder / "server.log"
        self.process: subprocess.Popen | None = None

    def run(self, *args: str) -> None:
        subprocess.run(
            timeline_command(*args), env=self.env, cwd=ROOT, check=True, capture_output=True
        )

    def start(self) -> Server:
        """Serve (``serve`` creates any missing table first) and wait until it answers."""
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                timeline_command("serve", "--host", "127.0.0.1", "--port", str(self.port)),
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        # A minute: on a shared machine under load the server's imports alone have taken
        # 20 s (a CI run beside seven benchmark jobs); a healthy start answers in about two.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=1).close()
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not start:\n{self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()  # reaped: no "subprocess is still running" warning later


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        pytest.skip(
            "Chromium not found at /usr/bin/chromium: run scripts/debian-deps.sh as root "
            "(make test does) to install Debian's chromium"
        )
    return path


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory, chromium) -> Iterator[Server]:
    """A server with the seed article loaded (shared by the tests: they only add to it)."""
    server = Server(tmp_path_factory.mktemp("browser-seed"))
    server.run("seed", "--dir", str(ROOT / "seeds"))  # creates the tables too
    yield server.start()
    server.stop()


@pytest.fixture
def page(browser, request):
    """A fresh page; afterwards a screenshot, and a failure on any console error."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    request.node.console_errors = errors
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    yield page
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
    finally:
        context.close()
    assert not errors, f"console errors: {errors}"


def run_axe(page) -> list[dict]:
    """axe-core's violations of impact serious or critical on the current page."""
    page.evaluate(AXE.read_text() + "\n;0")  # evaluated, not a <script>: no CSP to pass
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
