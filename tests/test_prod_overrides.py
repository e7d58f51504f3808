"""`POS_APP_EPAY_*` with `--env prod`: refused before anything is sent (a contract).

A local listener stands in for an attacker's "bank"; the till and the doctor run as real
processes with a configured production merchant whose secret is in the (test) keyring.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fake_keyring import BACKEND, FILE_ENV

ROOT = Path(__file__).resolve().parents[1]
TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"
SECRET = "Prod-secret-never-to-leave-9f3"


class Listener:
    """Accepts TCP connections on loopback and keeps whatever bytes arrive."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2.0)
                data = b"accepted"
                try:
                    while chunk := conn.recv(65536):
                        data += chunk
                        if b"\r\n\r\n" in data and len(data) > 4096:
                            break
                except OSError:
                    pass
                self.received.append(data)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def prod_till(tmp_path: Path, listener: Listener) -> dict[str, str]:
    """A till configured for production (secret in the test keyring) with http:// overrides."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_EPAY")}
    env.update(POS_APP_HOME=str(tmp_path / "home"), PYTHON_KEYRING_BACKEND=BACKEND,
               QT_QPA_PLATFORM="offscreen")
    env[FILE_ENV] = str(tmp_path / "keyring.json")
    done = subprocess.run(
        [sys.executable, "-m", "pos_app", "configure", "--env", "prod", "--client-id", "SHOP-1",
         "--terminal", TERMINAL, "--secret-stdin"], cwd=ROOT, env=env, input=SECRET + "\n",
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    base = f"http://127.0.0.1:{listener.port}"
    env.update(POS_APP_EPAY_OAUTH_URL=f"{base}/oauth2/token", POS_APP_EPAY_API_URL=base,
               POS_APP_EPAY_WIDGET_URL=f"{base}/payform/payment-api.js")
    return env


def test_prod_till_with_http_override_refuses_to_start(prod_till: dict[str, str],
                                                       listener: Listener) -> None:
    try:
        proc = subprocess.run([sys.executable, "-m", "pos_app", "--env", "prod"], cwd=ROOT,
                              env=prod_till, capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("the production till started with POS_APP_EPAY_* set")
    assert proc.returncode == 2, proc.stderr
    assert "work only with the test environments" in proc.stderr
    assert SECRET not in proc.stdout + proc.stderr
    assert listener.received == []


def test_prod_doctor_with_http_override_sends_nothing(prod_till: dict[str, str],
                                                      listener: Listener) -> None:
    proc = subprocess.run([sys.executable, "-m", "pos_app", "doctor", "--env", "prod"], cwd=ROOT,
                          env=prod_till, capture_output=True, text=True, timeout=120)
    assert not any(SECRET.encode() in data for data in listener.received)
    assert listener.received == []
    assert proc.returncode == 1, proc.stdout
    assert "[FAIL] ePay hosts: POS_APP_EPAY_OAUTH_URL" in proc.stdout
