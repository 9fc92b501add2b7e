"""Run the app under gunicorn from Python, so ``timeline serve`` needs no other command."""

from __future__ import annotations

import os
import tempfile

from gunicorn.app.base import BaseApplication


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


def run(host: str, port: int, workers: int, threads: int = 4) -> None:
    """Serve on ``host:port`` with ``workers`` processes of ``threads`` threads each; JSON log
    lines go to stderr.

    Threaded workers (gthread) keep connections alive and keep reporting to the master while a
    long export streams; a sync worker would be killed by the timeout in the middle of a
    million-row NDJSON answer. The workers' apps are told the bind address: without API
    tokens, writes depend on it.
    """
    from .logs import gunicorn_logconfig

    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Workers write their metrics here, so /metrics adds up all of them (see metrics.py).
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="timeline-metrics-")

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
