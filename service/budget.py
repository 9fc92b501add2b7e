"""CPU budgets: a piece of work on the current thread that may take at most so many seconds of
that thread's CPU, and stops early when the client it works for is gone.

One watchdog thread per process looks at every running budget :data:`TICK` times a second (the
thread's own CPU clock, so time spent waiting for the GIL, the database or the disk is not
counted) and raises :class:`OverBudget` or :class:`ClientGone` inside the working thread, at its
next Python instruction, through ``PyThreadState_SetAsyncExc``. Nothing is paid while the work
runs. Work that swallows the exception (``except Exception``) and goes on is sent one that is
not an ``Exception`` :data:`ESCALATE` seconds later, and again every tick, turned back into the
same :class:`OverBudget` or :class:`ClientGone` when it leaves the budget's block.

The front (service/edge/front.py) sets the request's "gone" event when its client disconnects;
a before-request hook hands it to :func:`watch_client`, so every budget of that request sees it.
Pure standard library: usable from the API, the write pipeline and ``timeline ingest`` workers.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import gc
import sys
import threading
import time
from collections.abc import Iterator

#: Seconds between two looks at the running budgets.
TICK = 0.05
#: Seconds after which work that swallowed its interruption gets one it cannot catch.
ESCALATE = 0.5


class Interrupted(Exception):  # noqa: N818  (raised inside the work, named for what happened)
    """The work was stopped from outside (raised inside the working thread)."""

    detail = "The work was stopped."

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or self.detail)


class OverBudget(Interrupted):
    detail = "The work took more CPU time than it may."


class ClientGone(Interrupted):
    detail = "The client went away; the work was stopped."


class _Stop(BaseException):
    """What work that swallowed its interruption gets: past ``except Exception``."""


@dataclasses.dataclass
class _Budget:
    clock: int
    deadline: float  # on the thread's CPU clock
    gone: threading.Event | None
    fired: type[Interrupted] | None = None
    fired_at: float = 0.0  # time.monotonic() of the first interruption


_budgets: dict[int, _Budget] = {}
_lock = threading.Lock()
_watchdog: threading.Thread | None = None
_local = threading.local()


def watch_client(gone: threading.Event | None) -> None:
    """Budgets started on this thread from now on also stop when ``gone`` is set (None: no
    client to watch)."""
    _local.gone = gone


@contextlib.contextmanager
def limit(seconds: float) -> Iterator[None]:
    """Run the block with at most ``seconds`` of this thread's CPU time; over it,
    :class:`OverBudget` is raised inside the block (:class:`ClientGone` when the client this
    thread works for is gone, see :func:`watch_client`). Budgets do not nest: an inner one
    is the only one that runs."""
    ident = threading.get_ident()
    clock = time.pthread_getcpuclockid(ident)
    budget = _Budget(clock, time.clock_gettime(clock) + seconds, getattr(_local, "gone", None))
    with _lock:
        outer = _budgets.get(ident)
        _budgets[ident] = budget
        _start_watchdog()
    try:
        yield
    except (Interrupted, _Stop) as error:
        if budget.fired is not None and not isinstance(error, budget.fired):
            raise budget.fired() from None
        raise
    finally:
        with _lock:
            if budget.fired is not None:
                _raise_in(ident, None)  # an interruption not yet delivered: dropped
            if outer is not None:
                _budgets[ident] = outer
            else:
                _budgets.pop(ident, None)


def _start_watchdog() -> None:
    global _watchdog
    if _watchdog is None or not _watchdog.is_alive():
        _watchdog = threading.Thread(target=_watch, name="cpu-budget", daemon=True)
        _watchdog.start()


def _watch() -> None:
    while True:
        time.sleep(TICK)
        with _lock:
            now = time.monotonic()
            frames = sys._current_frames()
            for ident, budget in list(_budgets.items()):
                if _importing(frames.get(ident)):
                    continue  # never half an import: the module would stay broken
                if budget.fired is not None:  # still running: it swallowed the exception
                    _raise_in(ident, _Stop if now - budget.fired_at > ESCALATE else budget.fired)
                    continue
                reason = _reason(budget)
                if reason is not None:
                    budget.fired, budget.fired_at = reason, now
                    _raise_in(ident, reason)


def _importing(frame) -> bool:
    """Whether ``frame``'s thread is inside an import (interrupting it would leave a module
    half-initialised in ``sys.modules``) or a finalizer the collector runs (a weak reference's
    callback, ``__del__``, a function in ``gc.callbacks``: Python would report the exception as
    unraisable and go on)."""
    if frame is not None and (
        frame.f_code.co_name == "__del__" or frame.f_code.co_filename.endswith("_weakrefset.py")
    ):
        return True
    collecting = {getattr(c, "__code__", None) for c in gc.callbacks}
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        if frame.f_code in collecting:
            return True  # a collection's callback (hypothesis registers one to time them)
        frame = frame.f_back
    return False


def _reason(budget: _Budget) -> type[Interrupted] | None:
    if budget.gone is not None and budget.gone.is_set():
        return ClientGone
    try:
        spent = time.clock_gettime(budget.clock)
    except OSError:  # the thread is gone
        return None
    return OverBudget if spent > budget.deadline else None


def _raise_in(ident: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), ctypes.py_object(exc) if exc is not None else None
    )
