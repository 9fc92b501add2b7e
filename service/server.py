"""Run the app under gunicorn from Python, so ``timeline serve`` needs no other command."""

from __future__ import annotations

import logging
import os
import tempfile

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict, config: dict, has_tokens: bool | None = None) -> None:
        self.options, self.app_config, self.has_tokens = options, config, has_tokens
        self.bound: list | None = None  # set in the master once it has bound; workers inherit
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        self.cfg.set("when_ready", self._when_ready)

    def _when_ready(self, arbiter) -> None:
        """In the master, after binding and before any worker forks: note the addresses the
        sockets really listen on and say, once, what writes without a token get."""
        from . import security

        self.bound = [listener.sock.getsockname() for listener in arbiter.LISTENERS]
        hosts = [security._address_host(a) for a in self.bound]
        message = security.startup_warning(hosts, self._has_tokens())
        if message:
            logging.getLogger(security.__name__).warning(message)

    def _has_tokens(self) -> bool:
        if self.has_tokens is None:
            from . import create_app

            self.has_tokens = bool(create_app(self.app_config).extensions["timeline_tokens"])
        return self.has_tokens

    def load(self):
        from . import create_app, security

        app = create_app(self.app_config)
        security.set_bound(app, self.bound or [])
        return app


def run(
    host: str, port: int, workers: int, threads: int = 4, has_tokens: bool | None = None
) -> None:
    """Serve on ``host:port`` with ``workers`` processes of ``threads`` threads each; JSON log
    lines go to stderr.

    Threaded workers (gthread) keep connections alive and keep reporting to the master while a
    long export streams; a sync worker would be killed by the timeout in the middle of a
    million-row NDJSON answer. The workers' apps are told the addresses the sockets really
    bound (not the ``host`` asked for): without API tokens, writes depend on them.
    ``has_tokens`` (None: read from the configuration) picks the one start-up warning.
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
        has_tokens,
    ).run()
