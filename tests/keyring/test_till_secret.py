"""A configured till reads its ePay secret from the real Secret Service on the services' thread,
while its window is built, and pays with it (real keyring, HTTP to the emulator, QtWebEngine)."""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

# WebEngine must be imported before the QApplication that pytest-qt creates.
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401
from pytestqt.qtbot import QtBot

import pos_app.store.credentials as credentials
from pos_app.preflight import check_setup
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import Till
from pos_app.ui.startup import Startup
from tests.support.till_env import epay_hosts_env
from tests.webengine.helpers import TIMEOUT, wait_for_card_form

pytestmark = [pytest.mark.keyring, pytest.mark.webengine]
TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"


@pytest.fixture
def client_id() -> Iterator[str]:
    name = "ci-till-" + secrets.token_hex(4)
    yield name
    with contextlib.suppress(credentials.CredentialError):
        credentials.delete_secret("test", name)


def test_the_till_reads_its_secret_from_the_secret_service_while_the_window_is_built(
    qtbot: QtBot, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    client_id: str,
) -> None:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    for name, value in epay_hosts_env(emulator).items():
        monkeypatch.setenv(name, value)
    secret = "s3cr3t-" + secrets.token_urlsafe(16)
    credentials.store_secret("test", client_id, secret)
    emulator.add_merchant(client_id, secret, TERMINAL)  # the emulator refuses any other secret
    read_on: list[str] = []
    real_load = credentials.load_secret

    def load_secret(environment: str, client: str) -> str | None:
        read_on.append(threading.current_thread().name)
        return real_load(environment, client)

    monkeypatch.setattr(credentials, "load_secret", load_secret)
    settings = Settings(environment="test", client_id=client_id, terminal_id=TERMINAL,
                        language="en")
    startup = Startup(check_setup("test", settings=settings, secret=False))
    qtbot.addWidget(startup.window)
    startup.show()
    qtbot.keyClicks(startup.window.entry.amount, "2500")
    qtbot.keyClick(startup.window.entry.amount, Qt.Key.Key_Return)
    with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as ready:
        pass
    till: Till = ready.args[0]
    assert len(read_on) == 1 and read_on[0].startswith("pos-task"), read_on
    wait_for_card_form(qtbot, till)  # ePay's token was issued for the keyring's secret
    assert till.runtime.journal.recent(1)[0].amount == 2500
    runtime = till.runtime
    startup.close()
    runtime.close()
