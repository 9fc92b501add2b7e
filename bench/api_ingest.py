"""Ingest through the HTTP API of a real `timeline serve` (make run's defaults: granian, 2
workers of 4 threads, a fresh SQLite file): the first write after start, single-article POSTs,
and batch POSTs (a JSON array per request), over the TimeBank development articles.

    python bench/api_ingest.py [DATA_DIR] [--singles 60] [--batch-size 32] [--clients 4]

The server is started, then the script waits for its "Ready" line (or /readyz 200 on a server
that has none) before the first write. Single POSTs run with the rate limit off (its default,
120 writes a minute per client, would be what is measured); batches with every default.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from _shared import timebank  # noqa: E402

#: ../shared/data/timebank of the main checkout (also from a worktree; TIMELINE_SHARED_DIR).
DEFAULT_DATA = timebank()


def articles(data: str) -> list[dict]:
    from service.write import sources

    paths = sorted(Path(data).rglob("*.tml"))
    return [raw for _, raw, error in sources.read_files(paths) if error is None]


def post(port: int, body: object, timeout: float = 300) -> tuple[int, object]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/articles",
        json.dumps(body, default=str).encode(),
        {"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def start(tmp: str, env: dict, code: Path) -> tuple[subprocess.Popen, int, Path]:
    """``timeline serve`` of the checkout ``code`` on a free port and a fresh SQLite file."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "TIMELINE_DATABASE_URL": f"sqlite:///{tmp}/api.sqlite3", **env}
    env["PYTHONPATH"] = str(code)
    log = Path(tmp, "server.log")
    timeline = [sys.executable, "-c", "from service.cli import main; main()"]
    subprocess.run([*timeline, "init-db"], env=env, check=True, capture_output=True, cwd=code)
    with log.open("w") as out:
        process = subprocess.Popen(
            [*timeline, "serve", "--port", str(port)], env=env, stdout=out, stderr=out, cwd=code
        )
    return process, port, log


def wait_ready(process: subprocess.Popen, port: int, log: Path, code: Path) -> float:
    """Seconds until the server printed "Ready" (a checkout from before warm workers, which
    has no such line: until /readyz first answered 200)."""
    warms = (code / "service" / "write" / "warm.py").exists()
    started = time.monotonic()
    while time.monotonic() - started < 180:
        assert process.poll() is None, log.read_text()[-3000:]
        if warms and "Ready:" in log.read_text():
            return time.monotonic() - started
        if not warms:
            try:
                url = f"http://127.0.0.1:{port}/api/v1/readyz"
                urllib.request.urlopen(url, timeout=1).close()
                return time.monotonic() - started
            except OSError:
                pass
        time.sleep(0.1)
    raise SystemExit("the server did not get ready in 180 s")


def timed(port: int, bodies: list, clients: int) -> tuple[float, list]:
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        answers = list(pool.map(lambda body: post(port, body), bodies))
    return time.perf_counter() - started, answers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    parser.add_argument("--singles", type=int, default=60, help="articles POSTed one by one")
    parser.add_argument("--batch-size", type=int, default=32, help="0: no batch run")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout to serve (default: this)")
    args = parser.parse_args()
    corpus = articles(args.data)
    first, second, singles = corpus[0], corpus[1], corpus[2 : 2 + args.singles]
    rest = corpus[2 + args.singles :]
    with tempfile.TemporaryDirectory() as tmp:
        process, port, log = start(tmp, {"TIMELINE_RATELIMIT_ENABLED": "false"}, args.code)
        try:
            print(f"server ready {wait_ready(process, port, log, args.code):.1f} s after start")
            for name, body in (("first", first), ("second", second)):
                started = time.perf_counter()
                status, _ = post(port, body)
                print(f"{name} write after ready: {time.perf_counter() - started:.2f} s ({status})")
            wall, answers = timed(port, singles, args.clients)
            ok = sum(status in (200, 201) for status, _ in answers)
            others = [
                (status, body.get("detail", "")[:80]) for status, body in answers if status > 201
            ]
            print(
                f"single POSTs ({args.clients} clients): {ok}/{len(singles)} in {wall:.1f} s = "
                f"{ok / wall:.1f} articles/s" + (f"; not stored: {others}" if others else "")
            )
        finally:
            process.terminate()
            process.wait(30)
    if not args.batch_size:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        process, port, log = start(tmp, {}, args.code)
        try:
            wait_ready(process, port, log, args.code)
            batches = [rest[i : i + args.batch_size] for i in range(0, len(rest), args.batch_size)]
            wall, answers = timed(port, batches, min(args.clients, 2))
            results = [
                item for status, body in answers if status == 207 for item in body["results"]
            ]
            stored = sum(item["outcome"] in ("stored", "present") for item in results)
            refused = [item["error"]["detail"][:80] for item in results if "error" in item]
            print(
                f"batch POSTs ({len(batches)} of <= {args.batch_size}, 2 clients): "
                f"{stored}/{len(rest)} in {wall:.1f} s = {stored / wall:.1f} articles/s"
                + (f"; refused: {refused}" if refused else "")
            )
        finally:
            process.terminate()
            process.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
