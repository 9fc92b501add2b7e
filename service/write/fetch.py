"""Fetching from the web, safely: only public addresses (unless allowed by name), each hop of
a redirect checked, the connection pinned to the checked address, timeouts, a size cap, a
content-type check and a User-Agent that says who is asking.

No Flask and no database here: callers pass a :class:`Policy` built from the settings.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import socket
import time
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import urllib3

USER_AGENT = (
    "event-timeline-service/0.1 (reads news articles for a timeline; "
    "+https://github.com/event-timeline)"
)
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
    }
)
ANY_NEWS = PAGE_TYPES | FEED_TYPES
REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(Exception):
    """Why a URL was not fetched (the message is shown to the user as is)."""


@dataclasses.dataclass(frozen=True)
class Policy:
    """What may be fetched and how: the settings ``TIMELINE_FETCH_*``."""

    timeout: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    #: Host names whose private or loopback addresses may be fetched all the same.
    allow_hosts: frozenset[str] = frozenset()
    user_agent: str = USER_AGENT


@dataclasses.dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 to a conditional request
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None


def policy_from(settings: Mapping[str, Any]) -> Policy:
    """The policy of the ``FETCH_*`` settings (an app's config, or any mapping)."""
    return Policy(
        timeout=float(settings.get("FETCH_TIMEOUT", Policy.timeout)),
        max_bytes=int(settings.get("FETCH_MAX_BYTES", Policy.max_bytes)),
        allow_hosts=frozenset(h.lower() for h in names(settings.get("FETCH_ALLOW_HOSTS", []))),
        user_agent=settings.get("FETCH_USER_AGENT") or USER_AGENT,
    )


def names(value: object) -> list[str]:
    """A JSON list, or one string of comma-separated names."""
    items = value if isinstance(value, list | tuple) else str(value or "").split(",")
    return [str(item).strip() for item in items if str(item).strip()]


Resolver = Callable[[str, int], Iterable[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise FetchError(f"{host}: the name does not resolve ({exc})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: str) -> bool:
    """True for a globally routable unicast address (not private, loopback, link-local,
    multicast, reserved, unspecified, nor an IPv4 address hidden in IPv6)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def checked_address(url: str, policy: Policy, resolver: Resolver = resolve) -> str:
    """The address to connect to for ``url``: the first it resolves to, when every one of them
    is public (or its host is allowed by name); else :class:`FetchError` saying why."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http and https URLs are fetched")
    host = parts.hostname.lower()
    addresses = list(resolver(host, parts.port or (443 if parts.scheme == "https" else 80)))
    if not addresses:
        raise FetchError(f"{host}: the name does not resolve")
    if host not in policy.allow_hosts:
        private = [a for a in addresses if not is_public(a)]
        if private:
            raise FetchError(
                f"{host} resolves to {private[0]}, a private, loopback or link-local address: "
                "not fetched (TIMELINE_FETCH_ALLOW_HOSTS names hosts allowed all the same)"
            )
    return addresses[0]


def fetch(
    url: str,
    policy: Policy,
    accept: frozenset[str] = ANY_NEWS,
    etag: str | None = None,
    last_modified: str | None = None,
    resolver: Resolver = resolve,
) -> Fetched:
    """GET ``url`` following redirects (each hop checked), conditional when ``etag`` or
    ``last_modified`` is given (a 304 comes back with an empty body)."""
    headers = {"User-Agent": policy.user_agent, "Accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    seen = {url}
    deadline = time.monotonic() + policy.timeout * 3  # the whole exchange, however it trickles
    for _ in range(policy.max_redirects + 1):
        pool, response = _get(url, policy, headers, resolver)
        try:
            if response.status in REDIRECTS and response.headers.get("Location"):
                url = urllib.parse.urljoin(url, response.headers["Location"])
                if url in seen:
                    raise FetchError(f"{url}: a redirect loop")
                seen.add(url)
                continue
            return _read(url, response, policy, accept, deadline)
        finally:
            response.release_conn()
            pool.close()
    raise FetchError(f"{url}: more than {policy.max_redirects} redirects")


def _get(
    url: str, policy: Policy, headers: dict, resolver: Resolver
) -> tuple[urllib3.HTTPConnectionPool, urllib3.BaseHTTPResponse]:
    """One request, connected to the checked address (so a second lookup cannot change it)."""
    address = checked_address(url, policy, resolver)
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    host_header = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    timeout = urllib3.Timeout(connect=policy.timeout, read=policy.timeout)
    if parts.scheme == "https":
        pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
            address, port, timeout=timeout, server_hostname=parts.hostname,
            assert_hostname=parts.hostname, retries=False,
        )  # fmt: skip
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    try:
        response = pool.urlopen(
            "GET",
            path,
            headers={**headers, "Host": host_header},
            redirect=False,
            preload_content=False,
            assert_same_host=False,
        )
    except urllib3.exceptions.HTTPError as exc:
        pool.close()
        raise FetchError(f"{url}: {_reason(exc)}") from None
    return pool, response


def _reason(exc: Exception) -> str:
    # NewConnectionError (refused, unreachable) subclasses ConnectTimeoutError: asked first.
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return f"not reachable ({exc.__context__ or exc})"
    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return "timed out"
    return f"not reachable ({getattr(exc, 'reason', None) or exc})"


def _read(
    url: str,
    response: urllib3.BaseHTTPResponse,
    policy: Policy,
    accept: frozenset[str],
    deadline: float,
) -> Fetched:
    etag = response.headers.get("ETag")
    modified = response.headers.get("Last-Modified")
    if response.status == 304:
        return Fetched(url, 304, "", b"", etag, modified)
    if response.status != 200:
        raise FetchError(f"{url}: HTTP {response.status}")
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in accept:
        raise FetchError(
            f"{url}: content type {content_type or 'missing'!r} is not one of "
            f"{', '.join(sorted(accept))}"
        )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"{url}: larger than {policy.max_bytes} bytes ({declared})")
    body = bytearray()
    try:
        # read1: whatever one read of the socket gives, so a response that trickles meets the
        # deadline check (stream() would wait to fill each chunk).
        while chunk := response.read1(64 * 1024):
            body += chunk
            if len(body) > policy.max_bytes:
                raise FetchError(f"{url}: larger than {policy.max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: timed out (the response is too slow)")
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"{url}: {_reason(exc)}") from None
    return Fetched(url, 200, content_type, bytes(body), etag, modified)
