"""HTTPS through the pinned connection: the fetch connects to the address it checked, and TLS
still verifies the certificate against the URL's host name (SNI and hostname check)."""

from __future__ import annotations

import functools
import http.server
import shutil
import ssl
import subprocess
import threading

import pytest
import urllib3

from service.write import fetch

pytestmark = pytest.mark.skipif(not shutil.which("openssl"), reason="no openssl command")
PAGE = b"<html><body><p>over TLS</p></body></html>"


class _Page(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """A server at 127.0.0.1 with a self-signed certificate for ``fixtures.test``."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", key, "-out", cert, "-subj", "/CN=fixtures.test",
         "-addext", "subjectAltName=DNS:fixtures.test"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], str(cert)
    server.shutdown()
    server.server_close()


@pytest.fixture
def trusting(monkeypatch, tls_server):
    """fetch trusts the test certificate (as a system CA bundle would a real one)."""
    port, cert = tls_server
    pool = functools.partial(urllib3.HTTPSConnectionPool, ca_certs=cert)
    monkeypatch.setattr(urllib3, "HTTPSConnectionPool", pool)
    return port


def loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


POLICY = fetch.Policy(timeout=2.0, allow_hosts=frozenset({"fixtures.test", "other.test"}))


def test_https_verifies_the_host_name_over_the_pinned_address(trusting):
    got = fetch.fetch(f"https://fixtures.test:{trusting}/page", POLICY, resolver=loopback)
    assert (got.status, got.body) == (200, PAGE)


def test_a_certificate_for_another_name_is_refused(trusting):
    with pytest.raises(fetch.FetchError, match="doesn't match"):
        fetch.fetch(f"https://other.test:{trusting}/page", POLICY, resolver=loopback)


def test_an_untrusted_certificate_is_refused(tls_server):
    with pytest.raises(fetch.FetchError, match="(?i)certificate"):
        fetch.fetch(f"https://fixtures.test:{tls_server[0]}/page", POLICY, resolver=loopback)
