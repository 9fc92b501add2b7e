"""A local web server for the tests of news in (issue 25): the fixture pages and feeds, a
redirect loop, a redirect to loopback, a slow and a huge response, an image, errors; it keeps
a log of the paths asked for, and answers conditional requests to feeds with 304."""

from __future__ import annotations

import gc
import hashlib
import http.server
import io
import threading
import time
import warnings
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"
FEED_TYPES = {".rss": "application/rss+xml", ".rdf": "application/rdf+xml",
              ".atom": "application/atom+xml"}  # fmt: skip
LAST_MODIFIED = "Sat, 21 Jun 2025 12:00:00 GMT"


class FixtureServer:
    """``with FixtureServer() as web:`` serves at ``web.base`` (http://127.0.0.1:PORT)."""

    def __init__(self, slow_seconds: float = 3.0, huge_bytes: int = 8 * 1024 * 1024) -> None:
        self.slow_seconds, self.huge_bytes = slow_seconds, huge_bytes
        self.log: list[str] = []
        self.agents: set[str] = set()  # the User-Agent headers seen
        self.fail: dict[str, int] = {}  # path -> status to answer instead (503, say)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FixtureServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def feed(self, name: str) -> bytes:
        """A fixture feed with its links pointing at this server."""
        return (WEB / "feeds" / name).read_text().replace("{base}", self.base).encode()

    def asked(self, path: str) -> int:
        return self.log.count(path)


def _handler(server: FixtureServer) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            server.log.append(path)
            server.agents.add(self.headers.get("User-Agent", ""))
            if path in server.fail:
                return self._send(server.fail[path], b"unavailable", "text/plain")
            if path.startswith("/pages/"):
                page = WEB / "pages" / path.removeprefix("/pages/")
                if page.suffix == ".html" and page.is_file():
                    return self._send(200, page.read_bytes(), "text/html; charset=utf-8")
            if path.startswith("/feeds/"):
                name = path.removeprefix("/feeds/")
                if (WEB / "feeds" / name).is_file():
                    return self._feed(server.feed(name), FEED_TYPES[Path(name).suffix])
            route = ROUTES.get(path)
            if route is None:
                return self._send(404, b"not found", "text/plain")
            return route(self)

        def _feed(self, body: bytes, kind: str) -> None:
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag or (
                self.headers.get("If-Modified-Since") == LAST_MODIFIED
            ):
                return self._send(304, b"", None, {"ETag": etag})
            self._send(200, body, kind, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

        def _send(self, status, body: bytes, kind: str | None, headers: dict | None = None):
            self.send_response(status)
            if kind:
                self.send_header("Content-Type", kind)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (a timeout test)

        def redirect(self, location: str) -> None:
            self._send(302, b"", None, {"Location": location})

        def slow(self) -> None:
            time.sleep(server.slow_seconds)
            self._send(200, b"<html><body><p>late</p></body></html>", "text/html")

        def huge(self) -> None:
            """No Content-Length: the size shows only while reading."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
            try:
                for _ in range(server.huge_bytes // len(chunk) + 1):
                    self.wfile.write(chunk)
            except OSError:
                pass  # the client stopped reading: what the size cap does

        def trickle(self) -> None:
            """A byte at a time, each within the read timeout: only the total deadline stops it."""
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass

        def huge_declared(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(server.huge_bytes))
            self.end_headers()

    ROUTES = {
        "/loop/a": lambda h: h.redirect("/loop/b"),
        "/loop/b": lambda h: h.redirect(f"{server.base}/loop/a"),
        "/to-loopback": lambda h: h.redirect(f"{server.base}/pages/harbour-strike.html"),
        "/to-metadata": lambda h: h.redirect("http://169.254.169.254/latest/meta-data/"),
        "/slow": Handler.slow,
        "/huge": Handler.huge,
        "/trickle": Handler.trickle,
        "/huge-declared": Handler.huge_declared,
        "/image.png": lambda h: h._send(200, b"\x89PNG\r\n\x1a\n", "image/png"),
        "/error": lambda h: h._send(500, b"oops", "text/plain"),
    }
    return Handler


def build_warc(path: Path, base: str, names: list[str]) -> Path:
    """A WARC of the fixture pages ``names`` as crawled from ``base`` (request and response
    records, as a crawler writes them), plus a redirect and an image that give no article."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    # warcio's writer buffers each payload in a temporary file to digest it and leaves it to
    # the garbage collector: collected here, its ResourceWarning ignored.
    with warnings.catch_warnings(), path.open("wb") as out:
        warnings.simplefilter("ignore", ResourceWarning)
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))

        def response(url: str, status: str, kind: str, body: bytes, extra=()) -> None:
            headers = StatusAndHeaders(
                status, [("Content-Type", kind), *extra], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        for name in names:
            url = f"{base}/pages/{name}.html"
            request = StatusAndHeaders(
                f"GET /pages/{name}.html HTTP/1.1", [("Host", "x")], is_http_request=True
            )
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            response(
                url,
                "200 OK",
                "text/html; charset=utf-8",
                (WEB / "pages" / f"{name}.html").read_bytes(),
            )
        response(f"{base}/old", "301 Moved Permanently", "text/html", b"", [("Location", "/new")])
        response(f"{base}/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        gc.collect()
    return path
