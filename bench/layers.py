"""Where a request's time goes, layer by layer: the Flask app called in-process (no server, no
client) on a generated database, each layer timed by a wrapper around it.

    .venv/bin/python bench/layers.py                      # 100k events, 2,000 requests per path
    .venv/bin/python bench/layers.py --size 10000 --requests 500 --pyinstrument list

Paths: ``/healthz``; a 304 of the list (``If-None-Match``); the first list page (rendered events
cached, as a dashboard polling it finds them); an actor page; a full-text page; a one-month
window page; one event (200 ids in turn). Layers, each the wall time of what it wraps, per
request in microseconds:

- ``routing``: werkzeug's URL match;
- one row per before/after/teardown hook, named by module (``metrics``, ``logs``, ``limits``,
  ``security``, ``conditional`` (its data-version read included), ``cors``, ``compress``, ``db``
  (connect and release the pooled connection), ``api`` (the JSON content-type check));
- ``arguments``: flask-smorest/webargs parsing of the query string;
- ``sql``: statements run (peewee's ``execute_sql``: the database's own time plus the driver);
- ``view, rest``: the view minus its arguments and SQL (query building, rendering, the envelope);
- ``flask, rest``: what is left of the whole WSGI call (request and response objects, contexts,
  dispatch, signals, headers, the iteration of the body).

``--server`` adds the server's own cost: the same paths through ``timeline serve --workers 1``
(granian and the front, service/edge/front.py) under wrk (16 connections), the worker's CPU time
per request read from /proc, less the in-process total (``server, rest``: granian, the ASGI
front, the hand-off to an app thread and back, sockets). ``--pyinstrument PATHNAME`` prints a
pyinstrument tree of one path instead (``pip install pyinstrument``).
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
from read import cpu_ticks, drive_wrk, our_paths, pick_actor, serve_env, worker_pids  # noqa: E402
from werkzeug.routing import MapAdapter  # noqa: E402
from werkzeug.test import EnvironBuilder  # noqa: E402

from service import create_app  # noqa: E402
from service.storage.connection import database  # noqa: E402

LAYERS = (
    "routing",
    "metrics",
    "logs",
    "limits",
    "security",
    "db",
    "api",
    "conditional",
    "cors",
    "compress",
    "arguments",
    "sql",
    "view, rest",
    "flask, rest",
)


class Timers:
    """Wall time per layer, summed over requests; wrappers nest (``sql`` inside the view)."""

    def __init__(self) -> None:
        self.spent: collections.Counter = collections.Counter()
        self.stack: list[str] = []

    def wrap(self, layer: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[layer] += time.perf_counter() - started

        return timed


def _layer(hook) -> str:
    module = getattr(hook, "__module__", "") or ""
    name = module.rsplit(".", 1)[-1]
    return {"extension": "cors", "flask_compress": "compress", "conditional": "conditional"}.get(
        name, name if name in LAYERS else "api"
    )


def instrument(app, timers: Timers) -> None:
    """Wrap every hook, the router, the argument parser, the SQL and the views in timers."""
    for registry in (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs):
        for key, hooks in registry.items():
            registry[key] = [timers.wrap(_layer(h), h) for h in hooks]
    MapAdapter.match = timers.wrap("routing", MapAdapter.match)
    try:
        from service.api.arguments import Blueprint  # the service's parser, when it has one
    except ImportError:
        from flask_smorest import Blueprint

    parser = Blueprint.ARGUMENTS_PARSER
    parser.parse = timers.wrap("arguments", parser.parse)
    execute = database.obj.execute_sql
    database.obj.execute_sql = timers.wrap("sql", execute)
    for endpoint, view in list(app.view_functions.items()):
        app.view_functions[endpoint] = timers.wrap("view", view)


def paths(n: int, db: Path) -> dict[str, list[str]]:
    """bench/read.py's paths (the same queries as the read benchmark), with /healthz and the 304."""
    ours = our_paths(n, db, pick_actor(db)[0])
    return {"healthz": ["/healthz"], "304": ours["list"], **ours}


def environ(path: str, headers: dict) -> dict:
    builder = EnvironBuilder(path=path, headers=headers, base_url="http://127.0.0.1:8000")
    try:
        return builder.get_environ()
    finally:
        builder.close()


def call(app, env: dict) -> int:
    status = []

    def start_response(line, headers, exc_info=None):
        status.append(int(line.split(" ", 1)[0]))

    body = app(dict(env), start_response)
    try:
        for _ in body:
            pass
    finally:
        getattr(body, "close", lambda: None)()
    return status[0]


def run_path(app, envs: list[dict], requests: int, timers: Timers | None) -> tuple[float, set]:
    statuses = set()
    for env in envs[:50] * 2:  # warm: the rendered-events cache, SQLite's pages
        call(app, env)
    if timers:
        timers.spent.clear()
    started = time.perf_counter()
    for i in range(requests):
        statuses.add(call(app, envs[i % len(envs)]))
    return (time.perf_counter() - started) / requests * 1e6, statuses


def make_app(db: Path):
    return create_app(
        {
            "DATABASE_URL": f"sqlite:///{db}",
            "RATELIMIT_READS": "100000000/minute",  # the limiter runs, far above this load
            "LOG_LEVEL": "WARNING",
            "EVENT_CACHE_SIZE": 20000,
        }
    )


def profile(db: Path, n: int, requests: int) -> dict[str, dict]:
    """Per path: plain µs/request (no timers), then each layer's µs/request (timers on)."""
    plain, timed = make_app(db), make_app(db)
    timers = Timers()
    instrument(timed, timers)
    out = {}
    for name, urls in paths(n, db).items():
        headers = {}
        if name == "304":
            etag = _etag(plain, urls[0])
            headers = {"If-None-Match": f'"{etag}"'}
        envs = [environ(u, headers) for u in urls]
        us, statuses = run_path(plain, envs, requests, None)
        timed_us, _ = run_path(timed, envs, requests, timers)
        layers = {k: v / requests * 1e6 for k, v in timers.spent.items()}
        view = layers.pop("view", 0.0)
        layers["view, rest"] = view - layers.get("arguments", 0) - layers.get("sql", 0)
        layers["flask, rest"] = (
            timed_us
            - view
            - sum(v for k, v in layers.items() if k not in ("view, rest", "arguments", "sql"))
        )
        out[name] = {"us": us, "timed_us": timed_us, "layers": layers, "statuses": statuses}
    return out


def _etag(app, url: str) -> str:
    with app.test_client() as client:
        return client.get(url).headers["ETag"].strip('"')


def server_cost(db: Path, n: int, results: dict[str, dict], seconds: float) -> None:
    """Worker CPU µs per request through the real server, per path, into ``results``."""
    from load import Server, request

    folder = Path(tempfile.mkdtemp(prefix="timeline-layers-"))
    server = Server(serve_env(f"sqlite:///{db}"), folder, workers=1).start(timeout=300)
    try:
        pids = worker_pids(server.process.pid)
        ticks = os.sysconf("SC_CLK_TCK")
        for name, urls in paths(n, db).items():
            headers = {}
            if name == "304":
                headers = {"If-None-Match": request(server.port, "GET", urls[0])[1]["ETag"]}
            drive_wrk(server.port, urls, headers, 1, folder)  # warm
            before = cpu_ticks(pids)
            figures = drive_wrk(server.port, urls, headers, seconds, folder)
            used = (cpu_ticks(pids) - before) / ticks
            done = figures["rps"] * seconds
            per = used / done * 1e6 if done else float("nan")
            results[name]["server_us"] = per
            results[name]["server_rps"] = figures["rps"]
    finally:
        server.stop()


def print_table(results: dict[str, dict]) -> None:
    names = list(results)
    print(f"{'layer (µs/request)':22}" + "".join(f"{n:>10}" for n in names))
    for layer in LAYERS:
        row = [results[n]["layers"].get(layer, 0.0) for n in names]
        print(f"{layer:22}" + "".join(f"{v:10.0f}" for v in row))
    print(f"{'total, timed':22}" + "".join(f"{results[n]['timed_us']:10.0f}" for n in names))
    print(f"{'total, plain':22}" + "".join(f"{results[n]['us']:10.0f}" for n in names))
    print(
        f"{'= requests/s, 1 core':22}" + "".join(f"{1e6 / results[n]['us']:10.0f}" for n in names)
    )
    print(f"{'statuses':22}" + "".join(f"{str(sorted(results[n]['statuses'])):>10}" for n in names))
    if all("server_us" in results[n] for n in names):
        rest = [results[n]["server_us"] - results[n]["us"] for n in names]
        print(f"{'server, rest':22}" + "".join(f"{v:10.0f}" for v in rest))
        print(
            f"{'worker CPU/request':22}"
            + "".join(f"{results[n]['server_us']:10.0f}" for n in names)
        )
        print(
            f"{'requests/s, 1 worker':22}"
            + "".join(f"{results[n]['server_rps']:10.0f}" for n in names)
        )


def pyinstrument(db: Path, n: int, name: str, requests: int) -> None:
    from pyinstrument import Profiler

    app = make_app(db)
    urls = paths(n, db)[name]
    headers = {"If-None-Match": f'"{_etag(app, urls[0])}"'} if name == "304" else {}
    envs = [environ(u, headers) for u in urls]
    run_path(app, envs, 100, None)
    with Profiler(interval=0.0001) as profiler:
        run_path(app, envs, requests, None)
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--pyinstrument", metavar="PATHNAME")
    parser.add_argument("--server", action="store_true", help="also through timeline serve")
    parser.add_argument("--seconds", type=float, default=3, help="per path with --server")
    args = parser.parse_args(argv)
    source = generate.ensure_sqlite(args.size)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / source.name  # a copy: the app may add columns or indexes
        with sqlite3.connect(source) as src, sqlite3.connect(db) as dst:
            src.backup(dst)
        if args.pyinstrument:
            pyinstrument(db, args.size, args.pyinstrument, args.requests)
            return 0
        print(f"{args.size} events (sqlite), {args.requests} requests per path, in-process")
        results = profile(db, args.size, args.requests)
        if args.server:
            server_cost(db, args.size, results, args.seconds)
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
