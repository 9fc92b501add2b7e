"""Fetching safely (service/write/fetch.py): no private, loopback or link-local address unless
its host is allowed by name (a redirect there and a DNS name resolving there are refused),
timeouts, a size cap, a content-type check, redirect loops, a polite User-Agent."""

from __future__ import annotations

import pytest

from service.write import fetch
from service.write.fetch import FetchError, Policy
from tests.webserver import FixtureServer

#: The fixture server is on 127.0.0.1: allowed by name here, as TIMELINE_FETCH_ALLOW_HOSTS does.
LOCAL = Policy(timeout=1.0, max_bytes=1024 * 1024, allow_hosts=frozenset({"127.0.0.1"}))


@pytest.fixture(scope="module")
def web():
    with FixtureServer(slow_seconds=3.0) as server:
        yield server


def fixtures_test_resolver(host: str, port: int) -> list[str]:
    """``fixtures.test`` resolves to loopback (a name allowed by policy); the rest as usual."""
    return ["127.0.0.1"] if host == "fixtures.test" else fetch.resolve(host, port)


def test_a_page_is_fetched_with_its_type_and_a_user_agent(web):
    got = fetch.fetch(f"{web.base}/pages/harbour-strike.html", LOCAL)
    assert (got.status, got.content_type) == (200, "text/html")
    assert b"Kellport" in got.body
    assert web.agents == {fetch.USER_AGENT}


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/pages/harbour-strike.html",  # loopback literal
        "http://localhost:{port}/pages/harbour-strike.html",  # a name that resolves there
        "http://[::1]:{port}/pages/harbour-strike.html",
        "http://169.254.169.254/latest/meta-data/",  # link-local (cloud metadata)
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://[::ffff:127.0.0.1]:{port}/",  # IPv4 hidden in IPv6
        "http://0.0.0.0:{port}/",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(web, url):
    with pytest.raises(FetchError, match="private, loopback or link-local"):
        fetch.fetch(url.format(port=web.port), Policy(timeout=1.0))


def test_nothing_is_sent_to_a_refused_address(web):
    before = len(web.log)
    with pytest.raises(FetchError):
        fetch.fetch(f"http://localhost:{web.port}/pages/harbour-strike.html", Policy())
    assert len(web.log) == before


def test_a_redirect_to_loopback_is_refused(web):
    """``fixtures.test`` is allowed (by name); its redirect to 127.0.0.1 is not."""
    allowed = Policy(timeout=1.0, allow_hosts=frozenset({"fixtures.test"}))
    url = f"http://fixtures.test:{web.port}"
    assert fetch.fetch(f"{url}/pages/rail-tender.html", allowed, resolver=fixtures_test_resolver)
    before = web.asked("/pages/harbour-strike.html")
    with pytest.raises(FetchError, match="127.0.0.1 resolves to 127.0.0.1"):
        fetch.fetch(f"{url}/to-loopback", allowed, resolver=fixtures_test_resolver)
    with pytest.raises(FetchError, match="169.254.169.254"):
        fetch.fetch(f"{url}/to-metadata", allowed, resolver=fixtures_test_resolver)
    assert web.asked("/pages/harbour-strike.html") == before


def test_a_redirect_loop_stops(web):
    with pytest.raises(FetchError, match="redirect loop"):
        fetch.fetch(f"{web.base}/loop/a", LOCAL)


def test_a_slow_response_times_out(web):
    with pytest.raises(FetchError, match="timed out"):
        fetch.fetch(f"{web.base}/slow", Policy(timeout=0.3, allow_hosts=LOCAL.allow_hosts))


def test_a_response_that_trickles_stops_at_the_deadline(web):
    with pytest.raises(FetchError, match="too slow"):
        fetch.fetch(f"{web.base}/trickle", Policy(timeout=0.3, allow_hosts=LOCAL.allow_hosts))


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_a_huge_response_is_cut_at_the_size_cap(web, path):
    with pytest.raises(FetchError, match="larger than 1048576 bytes"):
        fetch.fetch(web.base + path, LOCAL)


def test_a_content_type_that_is_not_news_is_refused(web):
    with pytest.raises(FetchError, match="content type 'image/png'"):
        fetch.fetch(f"{web.base}/image.png", LOCAL)
    with pytest.raises(FetchError, match="content type 'application/rss"):
        fetch.fetch(f"{web.base}/feeds/courier.rss", LOCAL, accept=fetch.PAGE_TYPES)


def test_an_error_status_is_said(web):
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch.fetch(f"{web.base}/error", LOCAL)


def test_only_http_and_https(web):
    for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://x/"):
        with pytest.raises(FetchError, match="only http and https"):
            fetch.fetch(url, LOCAL)


def test_a_conditional_request_gets_304(web):
    first = fetch.fetch(f"{web.base}/feeds/courier.rss", LOCAL)
    again = fetch.fetch(f"{web.base}/feeds/courier.rss", LOCAL, etag=first.etag)
    since = fetch.fetch(f"{web.base}/feeds/gazette.rdf", LOCAL, last_modified=first.last_modified)
    assert (first.status, again.status, since.status) == (200, 304, 304)
    assert again.body == b""


@pytest.mark.parametrize(
    "address, public",
    [("93.184.216.34", True), ("2606:4700::1111", True), ("127.0.0.2", False),
     ("172.16.5.4", False), ("100.64.0.1", False), ("fe80::1", False), ("fc00::1", False),
     ("224.0.0.1", False), ("::ffff:10.0.0.1", False)],
)  # fmt: skip
def test_public_addresses(address, public):
    assert fetch.is_public(address) is public


def test_the_policy_reads_the_settings():
    policy = fetch.policy_from(
        {"FETCH_TIMEOUT": 2, "FETCH_MAX_BYTES": 10, "FETCH_ALLOW_HOSTS": "Intranet.local, x"}
    )
    assert (policy.timeout, policy.max_bytes) == (2.0, 10)
    assert policy.allow_hosts == {"intranet.local", "x"}
    assert "event-timeline" in policy.user_agent


def test_a_closed_port_is_not_reachable_rather_than_a_timeout():
    with pytest.raises(FetchError, match="not reachable") as caught:
        fetch.fetch("http://127.0.0.1:1/", LOCAL)
    assert "timed out" not in str(caught.value)
