"""`pos-app` reads a configured till's secret from the keyring on the services' thread, while
the window is built (pos_app.preflight), and says a missing or locked one in the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.preflight import check_setup
from pos_app.store.credentials import service_name
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import Till
from pos_app.ui.common import i18n
from pos_app.ui.startup import Startup
from tests.support.fake_keyring import LockedKeyring, ThreadKeyring, installed
from tests.support.till_env import epay_hosts_env
from tests.webengine.helpers import TIMEOUT, wait_for_card_form

pytestmark = pytest.mark.webengine
TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"
SECRET = "s3cr3t-" + "kz" * 8
MISSING = ("The client secret is not in the system keyring. Run the settings or "
           "`pos-app configure` to store it.")


def _start(qtbot: QtBot, environment: str, settings: Settings) -> Startup:
    startup = Startup(check_setup(environment, settings=settings, secret=False))
    qtbot.addWidget(startup.window)
    startup.show()
    return startup


def _shop(environment: str, language: str = "en") -> Settings:
    return Settings(environment=environment, client_id="shop1", terminal_id=TERMINAL,
                    language=language)


def test_the_secret_is_read_on_the_services_thread_and_pays(
    qtbot: QtBot, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    for name, value in epay_hosts_env(emulator).items():
        monkeypatch.setenv(name, value)
    emulator.add_merchant("shop1", SECRET, TERMINAL)  # the emulator refuses any other secret
    backend = ThreadKeyring()
    backend.set_password(service_name("test"), "shop1", SECRET)
    with installed(backend):
        startup = _start(qtbot, "test", _shop("test"))
        window = startup.window
        qtbot.keyClicks(window.entry.amount, "1500")
        qtbot.keyClick(window.entry.amount, Qt.Key.Key_Return)
        with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as ready:
            pass
    till: Till = ready.args[0]
    assert len(backend.read_on) == 1
    assert backend.read_on[0].startswith("pos-task")  # not the GUI thread
    assert till.runtime.credentials.client_secret == SECRET
    wait_for_card_form(qtbot, till)  # ePay's token was issued for this secret
    assert emulator.performed("payment_token") == 1
    assert till.runtime.journal.recent(1)[0].amount == 1500
    runtime = till.runtime
    startup.close()
    runtime.close()


@pytest.mark.parametrize(("backend", "language", "said"), [
    (ThreadKeyring, "en", MISSING),
    (ThreadKeyring, "ru", "Секрета клиента нет в системном хранилище ключей. Сохраните его в "
                          "настройках или командой `pos-app configure`."),
    (LockedKeyring, "en", "The system keyring did not give the ePay secret: it may be locked. "
                          "Unlock it (log in again), then start the till again."),
    (NoKeyring, "en", "This computer has no secure password store (keyring), so the ePay "
                      "secret cannot be read. Install or unlock the system keyring, then start "
                      "the till again."),
], ids=["missing", "missing-ru", "locked", "no-keyring"])
def test_a_secret_that_cannot_be_read_is_said_in_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    backend: Callable[[], KeyringBackend], language: str, said: str,
) -> None:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    with installed(backend()):
        startup = _start(qtbot, "prod", _shop("prod", language))
        with qtbot.waitSignal(startup.failed, timeout=TIMEOUT) as failed:
            pass
    i18n.set_language("en")
    assert startup.till is None and startup.window.controller is None
    startup.close()
    assert failed.args[0] == said
