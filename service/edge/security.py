"""Who may write (bearer tokens, secure by default) and the security headers of every response."""

from __future__ import annotations

import hmac
import ipaddress
import logging

from flask import Flask, Response, current_app, request

from ..errors import APIError

log = logging.getLogger(__name__)

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Writes that store nothing: anyone may call them.
PUBLIC_WRITES = frozenset({"temporal.annotate"})
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
HTML_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="timeline"'}


def parse_tokens(value: object) -> tuple[str, ...]:
    """``TIMELINE_API_TOKENS``: a JSON list, or one string of comma-separated tokens."""
    if value is None or value == "":
        return ()
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)  # a digits-only token parses as a JSON number
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise ValueError("TIMELINE_API_TOKENS must be a JSON list or comma-separated tokens.")
    tokens = tuple(str(t).strip() for t in items if str(t).strip())
    if any(len(t) < 16 for t in tokens):
        raise ValueError(
            "Every TIMELINE_API_TOKENS token needs at least 16 characters "
            "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))')."
        )
    return tokens


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``; anything else may be reached from outside."""
    host = host.strip().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def token_matches(given: str, tokens: tuple[str, ...]) -> bool:
    """Compare against every token in constant time (no early exit on the first match)."""
    match = False
    for token in tokens:
        match |= hmac.compare_digest(given.encode(), token.encode())
    return match


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        return None
    return credentials.strip()


def check_write() -> None:
    """Refuse a write that lacks a valid token (or, with no tokens configured, a loopback bind)."""
    if request.method not in WRITE_METHODS or not request.path.startswith("/api/"):
        return
    if request.endpoint in PUBLIC_WRITES:
        return
    tokens = current_app.extensions["timeline_tokens"]
    if not tokens:
        if loopback_only(current_app):
            return
        raise APIError(
            403,
            "Writes are disabled: no API tokens are configured and this server is not known to "
            "listen on a loopback address only. Set TIMELINE_API_TOKENS (a JSON list or "
            "comma-separated tokens) and send Authorization: Bearer <token>.",
        )
    given = _bearer()
    if given is None:
        raise APIError(401, "This write needs Authorization: Bearer <token>.", headers=CHALLENGE)
    if not token_matches(given, tokens):
        raise APIError(403, "The token is not valid for writes.")


def writes_need_no_token() -> bool:
    """Writes are open to anyone who reaches the server: no tokens, and every socket the
    server really bound is a loopback one (:func:`loopback_only`)."""
    return not current_app.extensions["timeline_tokens"] and loopback_only(current_app)


def request_hostname() -> str:
    """The host name of the request's ``Host`` header (no port, no brackets), lower case."""
    host = request.headers.get("Host", "") or request.environ.get("SERVER_NAME", "")
    if host.startswith("["):
        return host[1 : host.find("]")].lower() if "]" in host else host.lower()
    return host.rsplit(":", 1)[0].lower() if host.count(":") == 1 else host.lower()


def host_is_trusted() -> bool:
    """The ``Host`` names a loopback address or one of ``TIMELINE_ALLOWED_HOSTS``."""
    name = request_hostname()
    return is_loopback(name) or name in _allowed_hosts()


def _allowed_hosts() -> frozenset[str]:
    value = current_app.config.get("ALLOWED_HOSTS") or ()
    if isinstance(value, str):
        value = value.split(",")
    return frozenset(str(v).strip().lower() for v in value if str(v).strip())


def check_host() -> None:
    """Refuse a ``Host`` this server does not answer to (DNS rebinding): with
    ``TIMELINE_ALLOWED_HOSTS`` set, only those and loopback names; without it, only loopback
    names while writes need no token. 421, before anything else runs."""
    if _allowed_hosts() or writes_need_no_token():
        if not host_is_trusted():
            raise APIError(
                421,
                f"This server does not answer to the host {request_hostname()!r}; "
                "list it in TIMELINE_ALLOWED_HOSTS.",
            )


def check_origin() -> None:
    """While writes need no token, refuse a write sent by a page of another origin (a browser
    says so in ``Sec-Fetch-Site`` and ``Origin``): 403."""
    if request.method not in WRITE_METHODS or not writes_need_no_token():
        return
    site = request.headers.get("Sec-Fetch-Site", "").lower()
    origin = request.headers.get("Origin")
    if site in ("cross-site", "same-site") or (origin is not None and not _same_origin(origin)):
        raise APIError(
            403,
            "Cross-origin writes are refused while writes need no token; "
            "configure TIMELINE_API_TOKENS to write from another origin.",
        )


def _same_origin(origin: str) -> bool:
    scheme, _, rest = origin.partition("://")
    return scheme in ("http", "https") and rest.lower() == request.headers.get("Host", "").lower()


def add_security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":  # a page that sets its own (stricter) policy keeps it
        response.headers.setdefault("Content-Security-Policy", HTML_CSP)
    return response


def set_bound(app: Flask, addresses: list) -> None:
    """Tell ``app`` the addresses its server really listens on (``socket.getsockname()``
    values, or a path for a Unix socket); :func:`loopback_only` decides from them."""
    app.extensions["timeline_bound"] = [_address_host(a) for a in addresses]


def _address_host(address: object) -> str:
    if isinstance(address, tuple | list) and address:
        return str(address[0])
    return str(address)  # a Unix socket path: not an IP address, so not loopback


def bound_loopback(hosts: list[str]) -> bool:
    """True when every bound address is a loopback one (and there is at least one)."""
    return bool(hosts) and all(is_loopback(h) for h in hosts)


def loopback_only(app: Flask) -> bool:
    """Whether writes without tokens are allowed: decided from the sockets the server bound
    (:func:`set_bound`, done by ``timeline serve``), never from configuration. An app whose
    sockets are unknown (another WSGI server) refuses them; an app in TESTING mode with no
    server at all (Flask's in-process test client) counts as loopback."""
    hosts = app.extensions.get("timeline_bound")
    if hosts is None:
        return bool(app.testing)
    return bound_loopback(hosts)


def startup_warning(hosts: list[str], has_tokens: bool) -> str | None:
    """What the server logs once after binding ``hosts``: None when tokens are configured."""
    if has_tokens:
        return None
    where = ", ".join(hosts) or "no address"
    if bound_loopback(hosts):
        return (
            "No API tokens configured (TIMELINE_API_TOKENS): writes are accepted without a "
            f"token because the server is bound to the loopback address {where} only."
        )
    return (
        f"No API tokens configured (TIMELINE_API_TOKENS) and bound to {where}: every write "
        "is refused (403) until tokens are configured."
    )


def init_app(app: Flask) -> None:
    """Check write permissions before every request; add the security headers after it.
    Logs nothing: only the server, once it has bound its sockets, says what writes need."""
    app.extensions["timeline_tokens"] = parse_tokens(app.config.get("API_TOKENS"))
    app.before_request(check_host)
    app.before_request(check_origin)
    app.before_request(check_write)
    app.after_request(add_security_headers)
