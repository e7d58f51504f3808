"""A scripted session leaves neither the client secret nor any access token on disk.

configure (CLI, secret on stdin) → a paid and a declined training payment through the services
with the configured merchant → a refused login → a bank error; then every file under
POS_APP_HOME (settings, journal with its WAL, logs, crash logs, PIN file) and the temp folder
is scanned for each secret in every form (tests/support/secret_scan.py: raw, UTF-16, URL- and
JSON-encoded, base64, a token prefix, LZ-compressed inside ``params=``). The GUI flows (card,
QR, refund, redirect) are scanned the same way in tests/webengine/test_no_secrets_gui.py.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import keyring
import pytest
from lzstring import LZString  # type: ignore[import-untyped]

from pos_app.domain.payment import PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.epay.config import Credentials
from pos_app.epay.errors import EpayAuthError, EpayError
from pos_app.epay.transport import RetryPolicy
from pos_app.logsetup import setup_logging
from pos_app.runtime import build_runtime
from pos_app.services.checkout import CheckoutService
from pos_app.store import paths
from pos_app.store.pin import PinStore
from pos_app.training import Emulator
from tests.support.fake_keyring import BACKEND, FILE_ENV, FileKeyring
from tests.support.secret_scan import files_under, findings

ROOT = Path(__file__).resolve().parents[1]
CLIENT = "SCAN-SHOP"
SECRET = "Kx7-scan-me-if-you-can-91f3c0a2b7"
TERMINAL = "0f8e4d2c-6b1a-4c3e-9d5f-7a8b9c0d1e2f"


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Emulator]]:
    home = tmp_path / "home"
    monkeypatch.setenv("POS_APP_HOME", str(home))
    temp = tmp_path / "temp"  # the temp folder of this session, scanned too
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv(FILE_ENV, str(tmp_path / "keyring.json"))  # outside the home
    emu = Emulator().start()
    emu.add_merchant(CLIENT, SECRET, TERMINAL)
    monkeypatch.setenv("POS_APP_EPAY_OAUTH_URL", emu.urls["oauth_url"])
    monkeypatch.setenv("POS_APP_EPAY_API_URL", emu.urls["api"])
    monkeypatch.setenv("POS_APP_EPAY_WIDGET_URL", emu.urls["widget_url"])
    previous_keyring = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield home, emu
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
                root.removeHandler(handler)
        root.setLevel(level)
        keyring.set_keyring(previous_keyring)
        emu.stop()


def configure(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND=BACKEND)
    return subprocess.run([sys.executable, "-m", "pos_app", "--debug", "configure", *args],
                          cwd=ROOT, env=env, input=stdin, capture_output=True, text=True,
                          timeout=60)


def scan(home: Path, needles: dict[str, str]) -> list[Path]:
    files = files_under(home, Path(tempfile.gettempdir()))
    assert findings(files, needles) == []
    return files


@pytest.mark.parametrize("written", [
    lambda s: s.encode(),
    lambda s: base64.b64encode(b"Bearer " + s.encode()),
    lambda s: base64.urlsafe_b64encode(json.dumps({"auth": {"access_token": s}}).encode()),
    lambda s: ("token " + s).encode("utf-16-le"),
    lambda s: ("t=" + quote(s, safe="")).encode(),
    lambda s: ("?params=" + LZString().compressToEncodedURIComponent(
        json.dumps({"auth": {"access_token": s}}))).encode(),
    lambda s: f"token {s[:14]}…".encode(),
], ids=["raw", "base64", "base64url-json", "utf-16", "url", "lz-params", "prefix"])
def test_the_scan_finds_every_form(tmp_path: Path, written: Any) -> None:
    leak = tmp_path / "leak.log"
    leak.write_bytes(b"before " + written(SECRET) + b" after")
    assert findings([leak], {"secret": SECRET}) != []
    leak.write_bytes(b"before " + written("someone-else-entirely-0123456789") + b" after")
    assert findings([leak], {"secret": SECRET}) == []


def test_scripted_session_leaves_no_secret_or_token_on_disk(
        session: tuple[Path, Emulator]) -> None:
    home, emu = session
    # 1. Provisioning, once wrong and once right.
    bad = configure("--env", "test", "--client-id", CLIENT, "--terminal", "nope",
                    "--secret-stdin", stdin=SECRET + "\n")
    assert bad.returncode == 2 and SECRET not in bad.stderr
    good = configure("--env", "test", "--client-id", CLIENT, "--terminal", TERMINAL,
                     "--secret-stdin", stdin=SECRET + "\n")
    assert good.returncode == 0, good.stderr
    assert SECRET not in good.stdout + good.stderr
    PinStore.default().set_pin("739105")

    setup_logging(paths.log_dir(), debug=True)
    runtime = build_runtime("test")
    assert runtime.credentials.client_id == CLIENT
    assert runtime.credentials.client_secret == SECRET  # read back from the keyring
    runtime.checkout.options = dataclasses.replace(runtime.checkout.options, poll_interval=0.05)
    checkout = runtime.checkout
    try:
        # 2. A paid and a declined payment, as the till would run them.
        for pan, expected in (("4405639704015096", PaymentStatus.PAID),
                              ("4003032704547597", PaymentStatus.DECLINED)):
            payment = checkout.begin(Decimal("1500.50"), "scan test")
            checkout.request_token(payment.invoice_id)
            checkout.form_opened(payment.invoice_id)
            emu.pay(payment.invoice_id, pan, "09/20" if expected is PaymentStatus.DECLINED
                    else "01/27", "170" if expected is PaymentStatus.DECLINED else "321")
            result = checkout.confirm(payment.invoice_id, hint=True)
            assert result.status is expected
        # 3. A refused login (wrong secret), through the same services and journal.
        wrong = EpayClient(runtime.hosts, Credentials(CLIENT, SECRET[::-1], TERMINAL),
                           retry=RetryPolicy(attempts=1))
        refused = CheckoutService(runtime.journal, wrong, checkout.options)
        attempt = refused.begin(Decimal("10"))
        with pytest.raises(EpayAuthError):
            refused.request_token(attempt.invoice_id)
        wrong.close()
        # 4. A bank error while asking for a token.
        emu.add_fault("token", "http_error", count=-1, status=500)
        attempt = checkout.begin(Decimal("20"))
        with pytest.raises(EpayError):
            checkout.request_token(attempt.invoice_id)
        assert runtime.journal.get(attempt.invoice_id).status is PaymentStatus.ERROR
        with emu.bank.lock:
            tokens = list(emu.bank.tokens)  # every access token the bank issued
        assert len(tokens) >= 3  # two payment tokens and the (cached) service token

        for handler in logging.getLogger().handlers:
            handler.flush()
        needles = {"client secret": SECRET, "card number": "4405639704015096",
                   **{f"token {i}": t for i, t in enumerate(tokens)}}
        files = scan(home, needles)  # while the journal is open: its WAL is on disk too
    finally:
        runtime.close()
    files += scan(home, needles)
    names = {p.name for p in files}
    assert {"settings.json", "journal-test.sqlite3", "pos-app.log", "admin-pin.json"} <= names
    assert any(name.endswith("-wal") for name in names)
    log_text = (home / "logs" / "pos-app.log").read_text(encoding="utf-8")
    assert CLIENT in log_text  # the log was really written (at debug level)
