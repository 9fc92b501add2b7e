"""The event-loop front of a worker: reads each request whole before a thread runs the app, and
sends the answer without a thread waiting on a slow reader.

granian (the HTTP server, in Rust) calls :class:`BufferedWSGI` as an ASGI app on its event loop.
For every request:

1. the head is checked first, with no body read and no app thread: a write without a valid
   token, a URL or body over its limit is answered at once
   (:func:`service.edge.guard.early_answer`);
2. the body is read in the event loop, whole, within ``BODY_TIMEOUT`` seconds (408 after),
   at most the body limit (413; a chunked body is counted as it arrives);
3. one of the worker's ``threads`` runs the Flask app on the buffered body, and hands the answer
   to the event loop in chunks of up to 64 kB through a queue of a few chunks;
4. the event loop sends each chunk; a client that reads nothing for ``SEND_TIMEOUT`` seconds is
   cut off, and the app's iterator is closed, which frees its thread and database connection.

So a slow request line (granian's header timeout), a slow body, an export nobody reads or an
idle connection costs no app thread, and a thread only ever waits for the database or the CPU.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import io
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

log = logging.getLogger(__name__)
request_log = logging.getLogger("service.request")

#: Seconds a client has to send the whole body once the head is in.
BODY_TIMEOUT = 10
#: Seconds an answer may wait for the client to take the next chunk.
SEND_TIMEOUT = 30
#: Bytes gathered from the app's iterator before they are handed to the event loop.
CHUNK = 64 * 1024
#: Chunks waiting for the client per answer: the memory an answer holds while its client is slow.
QUEUE = 4
#: Bytes of a refused body still read (and dropped) so that the client reads the answer.
DRAIN_LIMIT = 64 * 1024 * 1024
#: Unwanted bodies (on a request that takes none) read and dropped at once in one worker: the
#: memory the server's read buffers may take for them (each more is refused by a close).
UNWANTED_DRAINS = 4
_DONE = object()
_STREAM = object()


class _Abort(Exception):
    """The client is gone or too slow: stop producing the answer."""


class BufferedWSGI:
    """An ASGI app that runs a WSGI app (``wsgi``) on buffered requests in a pool of threads.

    ``early_answer(environ)`` sees the request's environ before its body is read and returns
    ``(status, headers, body)`` to answer at once, or None; ``max_body(environ)`` is the most
    bytes that request's body may have.
    """

    def __init__(
        self,
        wsgi: Callable,
        threads: int,
        early_answer: Callable[[dict], tuple[int, list, bytes] | None],
        max_body: Callable[[dict], int],
        refuse: Callable[[int, str], tuple[int, list, bytes]],
        inline: Callable[[dict], tuple[int, list, bytes] | None] | None = None,
        drain_unwanted: int = 0,
    ) -> None:
        self.wsgi, self.early_answer, self.max_body, self.refuse = (
            wsgi,
            early_answer,
            max_body,
            refuse,
        )
        # ``inline(environ)``: an answer from memory (a remembered 304 while the worker holds
        # its data version), sent at once from the loop, as the hand-off to a thread and back
        # would cost more; None sends the request to a thread. The app itself never runs on
        # the loop: whatever a header says, nothing heavy can be built there.
        self.inline = inline
        # A body declared on a request that takes none, up to this many bytes, is read and
        # dropped after the 413, so that a client sending it whole before it reads reads the
        # 413 rather than a reset connection; a larger or chunked one closes the connection.
        self.drain_unwanted = drain_unwanted
        self.unwanted_draining = 0  # only the event loop's thread changes it
        self.pool = concurrent.futures.ThreadPoolExecutor(threads, thread_name_prefix="app")

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            return
        environ = wsgi_environ(scope)
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        answer = self.early_answer(environ)
        if answer is None:
            limit = self.max_body(environ)
            try:
                body = (
                    await asyncio.wait_for(read_body(receive, limit), BODY_TIMEOUT)
                    if has_body(environ)
                    else b""
                )
            except TimeoutError:
                answer = self.refuse(408, f"The body did not arrive within {BODY_TIMEOUT} s.")
            except _TooLarge:
                answer = self.refuse(413, too_large(limit))
            except (_BadBody, _Abort):  # granian reports bad framing as a disconnect
                answer = self.refuse(400, "The body could not be read (malformed or cut short).")
            else:
                environ["wsgi.input"] = io.BytesIO(body)
                environ["CONTENT_LENGTH"] = str(len(body))
                answer = self._from_memory(environ) if not body else None
                if answer is not None:
                    with contextlib.suppress(Exception):  # the client is gone
                        await send(
                            {
                                "type": "http.response.start",
                                "status": answer[0],
                                "headers": _bytes(answer[1]),
                            }
                        )
                        await send({"type": "http.response.body", "body": answer[2]})
                    return
                await self._run(environ, loop, send, receive)
                return
        status, headers, body = answer
        _log_refusal(environ, status, started)
        takes_body = self.max_body(environ) > 0
        drain = has_body(environ) and status != 400 and takes_body
        if status == 413 and not takes_body:
            # A body where none is taken: never kept. Up to ``drain_unwanted`` bytes declared,
            # read and dropped after the answer (the client that sends it all before reading
            # gets the 413, not a reset: 4% of 2 MiB GETs did); else the connection is closed.
            drain = (
                0 < _declared(environ) <= self.drain_unwanted
                and self.unwanted_draining < UNWANTED_DRAINS
            )
            headers = [*headers, ("Connection", "close")]
        try:
            await send(
                {"type": "http.response.start", "status": status, "headers": _bytes(headers)}
            )
            await send({"type": "http.response.body", "body": body})
        except Exception:  # the client is gone
            return
        if drain:
            # Read (and drop) the rest of what the client sends, so that a client that sends
            # its whole body before reading reads this answer, not a reset connection.
            unwanted = not takes_body
            self.unwanted_draining += unwanted
            try:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(
                        read_body(receive, DRAIN_LIMIT, keep=False), BODY_TIMEOUT
                    )
            finally:
                self.unwanted_draining -= unwanted

    async def _run(
        self, environ: dict, loop: asyncio.AbstractEventLoop, send: Callable, receive: Callable
    ) -> None:
        """Run the app in a thread; an answer that fits in one chunk comes back whole (one
        wake-up of the loop), a longer one as a stream of chunks through a small queue. While
        the app works, a client that disconnects sets ``environ["timeline.gone"]``, which
        stops the work's CPU budget (service/budget.py)."""
        head: asyncio.Future = loop.create_future()
        queue: asyncio.Queue = asyncio.Queue(QUEUE)
        stop = threading.Event()
        gone = environ["timeline.gone"] = threading.Event()
        watcher = asyncio.ensure_future(_watch_disconnect(receive, gone))
        self.pool.submit(self._produce, environ, head, queue, loop, stop)
        try:
            first = await head
        finally:
            watcher.cancel()
        if first[0] is not _STREAM:
            status, headers, body = first
            with contextlib.suppress(Exception):  # the client is gone
                await send({"type": "http.response.start", "status": status, "headers": headers})
                await send({"type": "http.response.body", "body": body})
            return
        try:
            message = first[1]
            while message is not _DONE:
                await asyncio.wait_for(send(message), SEND_TIMEOUT)
                message = await queue.get()
        except Exception as exc:  # too slow (TimeoutError) or gone (the server's own error)
            log.info("answer cut off: %s", type(exc).__name__)
        finally:
            stop.set()
            while not queue.empty():  # a producer blocked on a full queue sees the stop
                queue.get_nowait()

    def _from_memory(self, environ: dict) -> tuple[int, list, bytes] | None:
        """``inline``'s answer, or None (also when it fails: the app then answers)."""
        if self.inline is None:
            return None
        try:
            return self.inline(environ)
        except Exception:
            log.exception("the answer from memory failed; the app answers")
            return None

    def _produce(
        self,
        environ: dict,
        head: asyncio.Future,
        queue: asyncio.Queue,
        loop: asyncio.AbstractEventLoop,
        stop: threading.Event,
    ) -> None:
        """In an app thread: run the app; its whole answer goes to ``head``, or, once it is
        longer than a chunk, ``(_STREAM, start)`` goes to ``head`` and the chunks (then
        ``_DONE``) to ``queue``."""

        def put(item: Any) -> None:
            while not stop.is_set():
                future = asyncio.run_coroutine_threadsafe(queue.put(item), loop)
                try:
                    future.result(timeout=1)
                    return
                except concurrent.futures.TimeoutError:
                    future.cancel()
            raise _Abort

        def resolve(value: Any) -> None:
            loop.call_soon_threadsafe(_set_result, head, value)

        started: dict = {}

        def start_response(status: str, headers: list, exc_info: Any = None) -> Callable:
            if exc_info and started.get("streaming"):
                raise exc_info[1].with_traceback(exc_info[2])
            started["status"], started["headers"] = int(status.split(" ", 1)[0]), headers
            return lambda data: None  # the legacy write() callable: unused by Flask

        body: Iterable[bytes] | None = None
        streaming = False
        try:
            body = self.wsgi(environ, start_response)
            pending, size = [], 0
            for data in body:
                pending.append(data)
                size += len(data)
                if size < CHUNK:
                    continue
                chunk = {"type": "http.response.body", "body": b"".join(pending), "more_body": True}
                pending, size = [], 0
                if not streaming:
                    start = {
                        "type": "http.response.start",
                        "status": started["status"],
                        "headers": _bytes(started["headers"]),
                    }
                    streaming = started["streaming"] = True
                    resolve((_STREAM, start))
                put(chunk)
            if streaming:
                put({"type": "http.response.body", "body": b"".join(pending)})
                put(_DONE)
            else:
                resolve((started["status"], _bytes(started["headers"]), b"".join(pending)))
        except _Abort:
            pass
        except Exception:  # the app answers its own errors; this is a failure mid-answer
            log.exception("the app failed while answering")
            if not streaming:
                status, headers, data = self.refuse(
                    500, "The server could not complete the request."
                )
                resolve((status, _bytes(headers), data))
            else:
                with contextlib.suppress(_Abort):
                    put(_DONE)
        finally:
            if body is not None and hasattr(body, "close"):
                with contextlib.suppress(Exception):
                    body.close()


async def _watch_disconnect(receive: Callable, gone: threading.Event) -> None:
    """Set ``gone`` when the server reports the client's disconnect (the body, if any, is
    already read: what ``receive`` gives now is the end of an empty body, then the
    disconnect)."""
    with contextlib.suppress(Exception):
        for _ in range(4):  # an empty body's message, then the disconnect: never a busy loop
            if (await receive())["type"] == "http.disconnect":
                gone.set()
                return


def _log_refusal(environ: dict, status: int, started: float) -> None:
    """A request the front answered itself is logged as the app logs its own (service.edge.logs)."""
    method, path = environ["REQUEST_METHOD"], environ["PATH_INFO"][:200]
    request_log.info(
        "%s %s %s",
        method,
        path,
        status,
        extra={
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
        },
    )


def _set_result(future: asyncio.Future, value: Any) -> None:
    if not future.done():
        future.set_result(value)


class _TooLarge(Exception):
    pass


class _BadBody(Exception):
    pass


def too_large(limit: int) -> str:
    """The detail of a 413 for a body over ``limit`` bytes (0: a request that takes none)."""
    if limit == 0:
        return "This request takes no body (only a POST, PUT or PATCH of a route that exists)."
    return f"The body is larger than {limit} bytes."


def _declared(environ: dict) -> int:
    """The declared ``Content-Length`` (0 when absent or not a number: chunked, malformed)."""
    try:
        return max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def has_body(environ: dict) -> bool:
    return (
        environ.get("CONTENT_LENGTH", "0") not in ("", "0")
        or "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    )


async def read_body(receive: Callable, limit: int, keep: bool = True) -> bytes:
    """The whole body (chunked or not), refusing it (``_TooLarge``) once over ``limit``."""
    parts, size = [], 0
    while True:
        try:
            message = await receive()
        except Exception:  # the server could not read the body (e.g. a malformed chunk size)
            raise _BadBody from None
        if message["type"] == "http.disconnect":
            raise _Abort
        data = message.get("body", b"")
        size += len(data)
        if size > limit:
            raise _TooLarge
        if keep:
            parts.append(data)
        if not message.get("more_body", False):
            return b"".join(parts)


def wsgi_environ(scope: dict) -> dict:
    """The PEP 3333 environ of an ASGI HTTP scope (the body comes later)."""
    server = scope.get("server") or ("127.0.0.1", 80)
    client = scope.get("client") or ("", 0)
    path = scope.get("path", "/")
    environ = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": scope.get("root_path", "").encode("utf-8").decode("latin-1"),
        "PATH_INFO": path.encode("utf-8", "surrogateescape").decode("latin-1"),
        "RAW_URI": (scope.get("raw_path") or path.encode()).decode("latin-1"),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1]),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "REMOTE_ADDR": str(client[0]),
        "REMOTE_PORT": str(client[1]),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.input_terminated": True,
    }
    for raw_name, raw_value in scope.get("headers", []):
        name = raw_name.decode("latin-1").upper().replace("-", "_")
        value = raw_value.decode("latin-1")
        if name in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            environ[name] = value
            continue
        key = f"HTTP_{name}"
        environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ


def _bytes(headers: list) -> list[tuple[bytes, bytes]]:
    return [(str(k).encode("latin-1"), str(v).encode("latin-1")) for k, v in headers]
