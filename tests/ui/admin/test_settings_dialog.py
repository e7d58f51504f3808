"""Settings dialog, admin guard and first-run wizard (pytest-qt, no web engine)."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pos_app.store import settings as settings_store
from pos_app.store.pin import PinStore
from pos_app.store.settings import Settings
from pos_app.ui.admin.settings_dialog import SettingsDialog
from pos_app.ui.common import pin_guard as admin
from tests.support.fake_keyring import MemoryKeyring
from tests.support.pins import legacy_pin_file

TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"
GOOD = Settings(environment="test", terminal_id=TERMINAL, client_id="SHOP1",
                shop_name="Corner shop", back_link="https://shop.kz/ok")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "settings.json"
    settings_store.save(p, GOOD)
    return p


def make(qtbot: QtBot, path: Path, settings: Settings = GOOD) -> SettingsDialog:
    dialog = SettingsDialog(settings, path)
    qtbot.addWidget(dialog)
    return dialog


def set_text(dialog: SettingsDialog, name: str, text: str) -> None:
    widget = dialog.fields[name]
    assert isinstance(widget, QLineEdit)
    widget.setText(text)


def set_choice(dialog: SettingsDialog, name: str, value: str) -> None:
    combo = dialog.fields[name]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))


def test_every_setting_has_a_widget(qtbot: QtBot, path: Path, memory_keyring: MemoryKeyring
                                    ) -> None:
    dialog = make(qtbot, path)
    names = {f.name for f in dataclasses.fields(Settings)} - {"load_warning"}
    assert names <= set(dialog.fields)
    assert dialog.secret.echoMode() is QLineEdit.EchoMode.Password
    settings, problems = dialog.collect()
    assert not problems and settings == GOOD


BAD_TEXT = [
    ("terminal_id", "not-a-uuid"),
    ("client_id", "bad id!"),
    ("shop_id", "123"),
    ("shop_name", "x" * 101),
    ("shop_address", "y" * 201),
    ("default_description", "ж" * 70),
    ("checkout_base_url", "ftp://example.com/"),
    ("back_link", "not a url"),
    ("failure_back_link", "http://example.com/fail"),
    ("post_link", "https://user:pw@example.com/"),
    ("failure_post_link", "javascript:alert(1)"),
    ("max_amount", "abc"),
    ("max_amount", "0"),
    ("confirm_above", "-5"),
    ("confirm_above", "1.005"),
    ("invoice_prefix", "ab"),
    ("qr_expiry_minutes", "0"),
    ("qr_expiry_minutes", "soon"),
]


@pytest.mark.parametrize(("name", "text"), BAD_TEXT)
def test_bad_input_shows_message_beside_field_and_saves_nothing(
        qtbot: QtBot, path: Path, memory_keyring: MemoryKeyring, name: str, text: str) -> None:
    before = path.read_bytes()
    dialog = make(qtbot, path)
    set_text(dialog, name, text)
    dialog.secret.setText("new-secret-value")
    dialog.save()
    assert dialog.errors[name].text(), name
    assert not dialog.errors[name].isHidden()
    assert [n for n, label in dialog.errors.items() if label.text()] == [name]
    assert path.read_bytes() == before
    assert memory_keyring.items == {}
    assert dialog.result() == 0 and dialog.result_settings is None


def test_prod_needs_https_terminal_client_and_secret(
        qtbot: QtBot, path: Path, memory_keyring: MemoryKeyring) -> None:
    before = path.read_bytes()
    dialog = make(qtbot, path, dataclasses.replace(GOOD, back_link="http://127.0.0.1/ok"))
    set_choice(dialog, "environment", "prod")
    set_text(dialog, "terminal_id", "")
    dialog.save()
    assert dialog.errors["terminal_id"].text()
    assert dialog.errors["back_link"].text()
    set_text(dialog, "terminal_id", TERMINAL)
    set_text(dialog, "back_link", "https://shop.kz/ok")
    dialog.save()
    assert dialog.errors["client_secret"].text()  # nothing stored for SHOP1 in prod yet
    assert path.read_bytes() == before


def test_good_save_puts_secret_in_keyring_only(
        qtbot: QtBot, path: Path, memory_keyring: MemoryKeyring) -> None:
    dialog = make(qtbot, path)
    set_choice(dialog, "environment", "prod")
    set_text(dialog, "max_amount", "250 000,50")
    set_choice(dialog, "language", "kk")
    box = dialog.fields["kiosk"]
    assert isinstance(box, QCheckBox)
    box.setChecked(True)
    dialog.secret.setText("the-real-secret")
    with qtbot.waitSignal(dialog.saved, timeout=2000) as blocker:
        dialog.save()
    saved = blocker.args[0]
    assert saved.environment == "prod" and saved.max_amount == Decimal("250000.50")
    assert saved.language == "kk" and saved.kiosk is True
    assert settings_store.load(path) == saved
    assert "the-real-secret" not in path.read_text()
    assert memory_keyring.items == {("pos-app/ePay/prod", "SHOP1"): "the-real-secret"}
    assert dialog.secret.text() == ""
    # Re-opening: the secret is kept when the field is left empty.
    again = make(qtbot, path, saved)
    assert "keyring" in again.secret.placeholderText()
    again.save()
    assert again.result_settings == saved
    assert memory_keyring.items[("pos-app/ePay/prod", "SHOP1")] == "the-real-secret"


def test_secret_rolled_back_when_settings_cannot_be_written(
        qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    memory_keyring.items[("pos-app/ePay/test", "SHOP1")] = "old-secret"
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "settings.json").mkdir()  # a folder where the file should go: save fails
    dialog = make(qtbot, blocked / "settings.json")
    dialog.secret.setText("new-secret")
    dialog.save()
    assert dialog.general.text()
    assert memory_keyring.items == {("pos-app/ePay/test", "SHOP1"): "old-secret"}


def test_without_keyring_secret_is_refused_but_training_saves(
        qtbot: QtBot, path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        before = path.read_bytes()
        dialog = make(qtbot, path)
        assert "keyring" in dialog.banner.text().lower()
        assert not dialog.secret.isEnabled()
        dialog.save()  # test with a client id: its secret would have to come from a keyring
        assert "keyring" in dialog.errors["client_secret"].text().lower()
        assert path.read_bytes() == before
        set_choice(dialog, "environment", "training")
        dialog.save()
        assert dialog.result_settings is not None
        assert json.loads(path.read_text())["environment"] == "training"
    finally:
        keyring.set_keyring(previous)


# -- the admin guard ---------------------------------------------------------------------------


class Guarded(QWidget):
    def __init__(self, store: PinStore) -> None:
        super().__init__()
        self.pin_store = store
        self.ran = 0

    @admin.protected
    def privileged(self) -> str:
        self.ran += 1
        return "done"


def test_protected_runs_only_after_the_prompt_agrees(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = PinStore(tmp_path / "pin.json")
    widget = Guarded(store)
    qtbot.addWidget(widget)
    seen: list[PinStore] = []
    monkeypatch.setattr(admin, "prompt", lambda _parent, s: seen.append(s) or False)
    assert widget.privileged() is None and widget.ran == 0
    monkeypatch.setattr(admin, "prompt", lambda _parent, _s: True)
    assert widget.privileged() == "done" and widget.ran == 1
    assert seen == [store]


def test_pin_prompt_checks_the_pin(qtbot: QtBot, tmp_path: Path) -> None:
    store = PinStore(tmp_path / "pin.json")
    store.set_pin("246813")
    prompt = admin.PinPrompt(store)
    qtbot.addWidget(prompt)
    prompt.pin.setText("111122")
    prompt.check()
    assert prompt.result() == 0 and "Wrong" in prompt.message.text()
    for _ in range(3):
        prompt.pin.setText("111122")
        prompt.check()
    assert not prompt.pin.isEnabled() and "second" in prompt.message.text()
    fresh = admin.PinPrompt(PinStore(tmp_path / "pin.json"))  # a restart does not help
    qtbot.addWidget(fresh)
    assert not fresh.pin.isEnabled()


def test_pin_prompt_accepts_the_right_pin(qtbot: QtBot, tmp_path: Path) -> None:
    store = PinStore(tmp_path / "pin.json")
    store.set_pin("246813")
    prompt = admin.PinPrompt(store)
    qtbot.addWidget(prompt)
    with qtbot.waitSignal(prompt.accepted, timeout=2000):
        prompt.pin.setText("246813")
        prompt.check()


@pytest.mark.parametrize("choose", [True, False])
def test_an_old_short_pin_must_be_replaced_before_the_action(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, choose: bool) -> None:
    """Migration: a 4-digit PIN from before the 6-digit rule opens the door only to set a new one."""
    store = PinStore(tmp_path / "pin.json")
    legacy_pin_file(store.path, "2468")
    shown: list[str] = []

    def answer(dialog: admin.NewPinDialog) -> int:
        shown.append(dialog.intro.text())
        if not choose:
            return 0
        dialog.form.pin.setText("246813")
        dialog.form.repeat.setText("246813")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(admin.NewPinDialog, "exec", answer)
    prompt = admin.PinPrompt(store)
    qtbot.addWidget(prompt)
    prompt.pin.setText("2468")
    prompt.check()
    assert shown and "shorter than 6 digits" in shown[0]
    if choose:
        assert prompt.result() == 1
        assert store.verify("246813").ok and not store.verify("2468").ok
    else:
        assert prompt.result() == 0 and "6 to 12" in prompt.message.text()
        assert store.verify("2468").must_change


def test_new_pin_dialog_when_none_is_set(qtbot: QtBot, tmp_path: Path) -> None:
    store = PinStore(tmp_path / "pin.json")
    dialog = admin.NewPinDialog(store)
    qtbot.addWidget(dialog)
    dialog.form.pin.setText("135792")
    dialog.form.repeat.setText("135793")
    dialog.save()
    assert "differ" in dialog.form.error.text() and not store.is_set()
    dialog.form.repeat.setText("135792")
    dialog.save()
    assert store.verify("135792").ok
