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

import importlib
import logging
import os
import tempfile
import threading
import time
from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication

from . import sockets

if TYPE_CHECKING:
    from flask import Flask

    from .front import BufferedWSGI

#: Seconds a client has to send its request line and headers (granian's header-read timeout).
HEADER_TIMEOUT = 5

#: The app each worker builds, named as WSGI servers name one (``module:factory``): imported
#: by name in the worker, so the HTTP edge never imports the app it serves.
APP_FACTORY = "service:create_app"


def create_app(config: dict[str, Any] | None = None) -> Any:
    """The app :data:`APP_FACTORY` builds with ``config``."""
    module, _, name = APP_FACTORY.partition(":")
    return getattr(importlib.import_module(module), name)(config)


def run(
    host: str,
    port: int,
    workers: int,
    threads: int = 4,
    server: str = "granian",
    has_tokens: bool | None = None,
    max_connections: int = 256,
    share_port: bool = False,
) -> None:
    """Serve on ``host:port`` with ``workers`` processes of ``threads`` threads each; JSON log
    lines go to stderr. A port already in use is refused unless ``share_port``; each granian
    worker holds at most ``max_connections`` (see :mod:`service.edge.sockets`).

    The workers' apps are told the addresses the sockets really bind (not the ``host`` asked
    for): without API tokens, writes depend on them. ``has_tokens`` (None: read from the
    configuration) picks the one start-up warning.
    """
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Workers write their metrics here, so /metrics adds up all of them (see metrics.py).
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="timeline-metrics-")
    if server not in ("granian", "gunicorn"):
        raise SystemExit(f"TIMELINE_SERVER must be granian or gunicorn, not {server!r}.")
    if not share_port:
        sockets.ensure_free(host, port)
    # Each worker warms up (WARM_UP) and then touches a file here (TIMELINE_WARM_DIR, read by
    # its app as WARM_DIR): counted to say "ready".
    os.environ["TIMELINE_WARM_DIR"] = tempfile.mkdtemp(prefix="timeline-warm-")
    announce_ready(os.environ["TIMELINE_WARM_DIR"], workers, host, port)
    if server == "gunicorn":
        run_gunicorn(host, port, workers, threads, has_tokens)
    else:
        run_granian(host, port, workers, threads, has_tokens, max_connections)


def run_granian(
    host: str,
    port: int,
    workers: int,
    threads: int,
    has_tokens: bool | None = None,
    max_connections: int = 256,
) -> None:
    """granian's ASGI interface with :class:`service.edge.front.BufferedWSGI`: the event loop reads
    and sends, ``threads`` threads per worker run the app. SIGHUP respawns the workers one by
    one (graceful restart); SIGTERM lets requests in flight finish."""
    from granian import Granian
    from granian.constants import HTTPModes, Interfaces
    from granian.http import HTTP1Settings

    from .logs import granian_logconfig

    # The workers build their app from these (``granian_app``), as ``timeline serve`` was told.
    os.environ["TIMELINE_HOST"], os.environ["TIMELINE_PORT"] = host, str(port)
    os.environ["TIMELINE_THREADS"] = str(threads)
    # granian binds ``host`` itself: the addresses it names are the ones the socket listens on.
    bound = bind_addresses(host, port)
    os.environ["TIMELINE_BOUND"] = ",".join(bound)
    _warn_once(bound, has_tokens, {"HOST": host, "PORT": port})
    Granian(
        "service.edge.server:granian_app",
        factory=True,
        address=host,
        port=port,
        interface=Interfaces.ASGINL,
        workers=workers,
        # HTTP/1.1 only: in granian's auto mode (HTTP/1.1 or cleartext HTTP/2 on one port) the
        # header timeout starts at a request's first byte, so a connection that never sends one
        # stayed open for ever; in HTTP/1.1 mode it starts when the connection is accepted.
        # HTTP/2 and TLS belong to the proxy in front (README, "Deploying").
        http=HTTPModes.http1,
        http1_settings=HTTP1Settings(header_read_timeout=HEADER_TIMEOUT * 1000),
        backpressure=sockets.connection_cap(max_connections),
        log_dictconfig=granian_logconfig(),
        respawn_failed_workers=True,
        workers_kill_timeout=10,
    ).serve()


def granian_app():
    """The app of one granian worker (its factory): the Flask app behind the buffering front."""
    from . import security

    app = create_app(
        {
            "HOST": os.environ["TIMELINE_HOST"],
            "PORT": int(os.environ["TIMELINE_PORT"]),
            "WARM_UP": True,  # the model loads now, /readyz 503 until it has
        }
    )
    bound = [h for h in os.environ.get("TIMELINE_BOUND", "").split(",") if h]
    security.set_bound(app, [(h, 0) for h in bound])
    return front_of(app)


def front_of(app: Flask) -> BufferedWSGI:
    """``app`` behind the buffering front: the guard answers from the head, a remembered 304
    (service.edge.notmodified) is sent from the event loop, everything else runs on a thread."""
    from . import guard
    from .front import BufferedWSGI

    return BufferedWSGI(
        app,
        int(app.config["THREADS"]),
        guard.early_answer(app),
        guard.max_body(app),
        guard.refuse(app),
        inline=app.wsgi_app.from_memory,
        drain_unwanted=int(app.config["MAX_CONTENT_LENGTH"]),
    )


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
            self.has_tokens = bool(create_app(self.app_config).extensions["timeline_tokens"])
        return self.has_tokens

    def load(self):
        from . import security

        app = create_app({**self.app_config, "WARM_UP": True})
        security.set_bound(app, self.bound or [])
        return app


def announce_ready(marker_dir: str, workers: int, host: str, port: int) -> threading.Thread:
    """Print one line once ``workers`` workers have warmed up (each touches a file in
    ``marker_dir``): from then on the first write costs what any other does."""

    def wait() -> None:
        started = time.monotonic()
        while len(os.listdir(marker_dir)) < workers:
            time.sleep(0.2)
        print(
            f"Ready: {workers} worker(s) loaded the language model in "
            f"{time.monotonic() - started:.1f} s; http://{host}:{port}/ takes writes.",
            flush=True,
        )

    thread = threading.Thread(target=wait, name="announce-ready", daemon=True)
    thread.start()
    return thread


def bind_addresses(host: str, port: int) -> list[str]:
    """The IP addresses a socket bound to ``host`` listens on ("localhost": 127.0.0.1)."""
    import socket

    try:
        infos = socket.getaddrinfo(host or "0.0.0.0", port, type=socket.SOCK_STREAM)
    except OSError:
        return [host]
    return list(dict.fromkeys(info[4][0] for info in infos))


def _warn_once(hosts: list[str], has_tokens: bool | None, config: dict) -> None:
    from . import security

    if has_tokens is None:
        has_tokens = bool(create_app(config).extensions["timeline_tokens"])
    message = security.startup_warning(hosts, has_tokens)
    if message:
        logging.getLogger(security.__name__).warning(message)


def run_gunicorn(
    host: str, port: int, workers: int, threads: int, has_tokens: bool | None = None
) -> None:
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
        has_tokens,
    ).run()
