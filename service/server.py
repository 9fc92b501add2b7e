"""Run the app from Python, so ``timeline serve`` needs no other command.

Two servers, chosen by ``TIMELINE_SERVER`` (see bench/README.md for the measurements):

- ``granian`` (the default): a Rust HTTP server whose own event loop reads every request line,
  header and body before a Python thread runs the app, with a header-read timeout, and holds
  thousands of idle connections without a thread each. Slow or idle clients cost no thread.
- ``gunicorn`` (gthread): a thread per connection that reads without a timeout; a few slow
  clients take every thread. Kept for comparison and for hosts that already run it behind a
  buffering proxy.
"""

from __future__ import annotations

import os
import tempfile

from gunicorn.app.base import BaseApplication

#: Seconds a client has to send its request line and headers (granian's header-read timeout).
HEADER_TIMEOUT = 5


def run(host: str, port: int, workers: int, threads: int = 4, server: str = "granian") -> None:
    """Serve on ``host:port`` with ``workers`` processes of ``threads`` threads each; JSON log
    lines go to stderr.

    The workers' apps are told the bind address: without API tokens, writes depend on it.
    """
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Workers write their metrics here, so /metrics adds up all of them (see metrics.py).
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="timeline-metrics-")
    if server == "gunicorn":
        run_gunicorn(host, port, workers, threads)
    elif server == "granian":
        run_granian(host, port, workers, threads)
    else:
        raise SystemExit(f"TIMELINE_SERVER must be granian or gunicorn, not {server!r}.")


def run_granian(host: str, port: int, workers: int, threads: int) -> None:
    """granian's ASGI interface with :class:`service.front.BufferedWSGI`: the event loop reads
    and sends, ``threads`` threads per worker run the app. SIGHUP respawns the workers one by
    one (graceful restart); SIGTERM lets requests in flight finish."""
    from granian import Granian
    from granian.constants import Interfaces
    from granian.http import HTTP1Settings

    from .logs import granian_logconfig

    # The workers build their app from these (``granian_app``), as ``timeline serve`` was told.
    os.environ["TIMELINE_HOST"], os.environ["TIMELINE_PORT"] = host, str(port)
    os.environ["TIMELINE_THREADS"] = str(threads)
    Granian(
        "service.server:granian_app",
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.ASGINL,
        workers=workers,
        http1_settings=HTTP1Settings(header_read_timeout=HEADER_TIMEOUT * 1000),
        log_dictconfig=granian_logconfig(),
        respawn_failed_workers=True,
        workers_kill_timeout=10,
    ).serve()


def granian_app():
    """The app of one granian worker (its factory): the Flask app behind the buffering front."""
    from . import create_app, guard
    from .front import BufferedWSGI

    app = create_app(
        {"HOST": os.environ["TIMELINE_HOST"], "PORT": int(os.environ["TIMELINE_PORT"])}
    )
    return BufferedWSGI(
        app,
        int(app.config["THREADS"]),
        guard.early_answer(app),
        guard.max_body(app),
        guard.refuse(app),
    )


class _Server(BaseApplication):
    def __init__(self, options: dict, config: dict) -> None:
        self.options, self.app_config = options, config
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from . import create_app

        return create_app(self.app_config)


def run_gunicorn(host: str, port: int, workers: int, threads: int) -> None:
    """Threaded workers (gthread) keep connections alive and keep reporting to the master while
    a long export streams; a sync worker would be killed by the timeout in the middle of a
    million-row NDJSON answer."""
    from .logs import gunicorn_logconfig

    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
            "keepalive": 5,
            "errorlog": "-",
            "logconfig_dict": gunicorn_logconfig(),
            "timeout": 60,
            "graceful_timeout": 10,
        },
        {"HOST": host, "PORT": port},
    ).run()
