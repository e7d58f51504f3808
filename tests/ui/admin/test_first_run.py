"""The first-run wizard: training path, and a real connection test against the emulator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.store import settings as settings_store
from pos_app.store.pin import PinStore
from pos_app.training import Emulator
from pos_app.ui.admin.first_run import CREDENTIALS_PAGE, PIN_PAGE, FirstRunWizard
from pos_app.ui.common.tasks import Tasks
from tests.support.fake_keyring import MemoryKeyring

TERMINAL = "3b1c2a4e-0d5f-4a6b-8c7d-9e0f1a2b3c4d"
SECRET = "wizard-secret-0123456789"


@pytest.fixture
def emulator(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    emu = Emulator().start()
    emu.add_merchant("WIZ", SECRET, TERMINAL)
    monkeypatch.setenv("POS_APP_EPAY_OAUTH_URL", emu.urls["oauth_url"])
    monkeypatch.setenv("POS_APP_EPAY_API_URL", emu.urls["api"])
    monkeypatch.setenv("POS_APP_EPAY_WIDGET_URL", emu.urls["widget_url"])
    yield emu
    emu.stop()


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path) -> Iterator[FirstRunWizard]:
    tasks = Tasks()
    w = FirstRunWizard(tmp_path / "settings.json", PinStore(tmp_path / "pin.json"), tasks)
    qtbot.addWidget(w)
    w.show()
    yield w
    tasks.shutdown(wait=True)


def test_training_needs_no_credentials(wizard: FirstRunWizard, tmp_path: Path) -> None:
    wizard.env_page.buttons["training"].setChecked(True)
    wizard.next()
    assert wizard.currentId() == PIN_PAGE
    wizard.pin_page.fields.pin.setText("12")
    wizard.next()
    assert wizard.currentId() == PIN_PAGE and wizard.pin_page.fields.error.text()
    wizard.pin_page.fields.pin.setText("973105")
    wizard.pin_page.fields.repeat.setText("973105")
    assert wizard.validateCurrentPage()
    assert wizard.settings is not None and wizard.settings.environment == "training"
    assert settings_store.load(tmp_path / "settings.json").environment == "training"
    assert PinStore(tmp_path / "pin.json").verify("973105").ok


def test_connection_test_reports_in_words_and_finish_stores_secret(
        qtbot: QtBot, wizard: FirstRunWizard, emulator: Emulator,
        memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    wizard.env_page.buttons["test"].setChecked(True)
    wizard.next()
    assert wizard.currentId() == CREDENTIALS_PAGE
    page = wizard.credentials_page
    page.client_id.setText("WIZ")
    page.terminal_id.setText(TERMINAL)
    page.secret.setText("wrong-secret")
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=15_000)
    assert "refused" in page.result.text()
    page.secret.setText(SECRET)
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=15_000)
    assert page.result.text().startswith("Connected")
    assert emulator.calls("token") == 2
    wizard.next()
    assert wizard.currentId() == PIN_PAGE
    wizard.pin_page.fields.pin.setText("482615")
    wizard.pin_page.fields.repeat.setText("482615")
    assert wizard.validateCurrentPage()
    assert memory_keyring.items == {("pos-app/ePay/test", "WIZ"): SECRET}
    saved = settings_store.load(tmp_path / "settings.json")
    assert (saved.environment, saved.client_id, saved.terminal_id) == ("test", "WIZ", TERMINAL)
    assert SECRET not in (tmp_path / "settings.json").read_text()


def test_bad_terminal_stays_on_the_credentials_page(
        wizard: FirstRunWizard, memory_keyring: MemoryKeyring) -> None:
    wizard.env_page.buttons["prod"].setChecked(True)
    wizard.next()
    wizard.credentials_page.client_id.setText("SHOP")
    wizard.credentials_page.terminal_id.setText("12345")
    wizard.next()
    assert wizard.currentId() == CREDENTIALS_PAGE
    assert "UUID" in wizard.credentials_page.error.text()
    assert "secret" in wizard.credentials_page.error.text()
