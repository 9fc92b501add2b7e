"""What ``timeline serve`` checks about its socket before a worker starts: the port is not
already served (granian binds with port reuse, so a second server would silently share it and
answers would alternate between two stores), and how many connections a worker may hold so that
idle ones can never use up its open files."""

from __future__ import annotations

import errno
import resource
import socket

#: Files a worker keeps for itself beside its connections (database, logs, model, metrics).
RESERVED_FILES = 64


def ensure_free(host: str, port: int) -> None:
    """Exit with what to do when ``host:port`` is already in use (by a server of any kind)."""
    try:
        infos = socket.getaddrinfo(host or "0.0.0.0", port, type=socket.SOCK_STREAM)
    except OSError:
        return  # granian reports an address it cannot resolve
    for family, kind, proto, _name, address in infos[:1]:
        probe = socket.socket(family, kind, proto)
        try:
            # SO_REUSEADDR (not SO_REUSEPORT): a closed server's TIME_WAIT sockets do not count,
            # a listening socket does, even one opened with port reuse.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                return
            raise SystemExit(
                f"{host}:{port} is in use; try `make run PORT={port + 1}` "
                f"(or `timeline serve --port {port + 1}`). To run several servers on one port "
                "on purpose, set TIMELINE_SHARE_PORT=true."
            ) from None
        finally:
            probe.close()


def connection_cap(configured: int) -> int:
    """Connections one worker accepts at once: ``configured``, but never more than its open-file
    limit leaves after :data:`RESERVED_FILES` (more wait in the listen backlog)."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return configured
    return max(8, min(configured, soft - RESERVED_FILES))
