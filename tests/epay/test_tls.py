"""TLS verification stays on with the shared context: a real TLS server on loopback.

The server's certificate is valid for 127.0.0.1 but signed by a test CA (trustme) that the
till does not trust, as a man in the middle's would be. The till must refuse it before sending
anything; a client that trusts the test CA gets through, so the refusal is the verification.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import httpx
import pytest
import trustme

from pos_app.epay.client import EpayClient, tls_context
from pos_app.epay.config import TEST_MERCHANT, EpayHosts
from pos_app.epay.errors import EpayUnavailable
from pos_app.epay.transport import RetryPolicy


class _Recorder(BaseHTTPRequestHandler):
    bodies: ClassVar[list[bytes]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.bodies.append(self.rfile.read(length))
        payload = b'{"access_token": "t", "expires_in": 1200, "token_type": "Bearer"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def tls_server() -> Iterator[tuple[str, trustme.CA]]:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    _Recorder.bodies = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", ca
    finally:
        server.shutdown()
        server.server_close()


def _hosts(base: str) -> EpayHosts:
    return EpayHosts("test", f"{base}/oauth2/token", base, f"{base}/payform/payment-api.js",
                     f"{base}/payform/", base)


def test_the_shared_context_verifies_certificates_and_host_names() -> None:
    context = tls_context()
    assert context is tls_context()  # one per process
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname


def test_an_untrusted_certificate_is_refused_before_the_secret_is_sent(
    tls_server: tuple[str, trustme.CA],
) -> None:
    base, ca = tls_server
    client = EpayClient(_hosts(base), TEST_MERCHANT, retry=RetryPolicy(attempts=1))
    try:
        with pytest.raises(EpayUnavailable) as caught:
            client.service_token()
    finally:
        client.close()
    assert TEST_MERCHANT.client_secret not in str(caught.value)
    assert _Recorder.bodies == []  # the handshake failed: nothing reached the server

    # The control: the same server, trusted, answers; so the refusal above was the check.
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    with httpx.Client(verify=trusting) as http:
        client = EpayClient(_hosts(base), TEST_MERCHANT, http=http,
                            retry=RetryPolicy(attempts=1))
        assert client.service_token().access_token == "t"
    assert len(_Recorder.bodies) == 1
