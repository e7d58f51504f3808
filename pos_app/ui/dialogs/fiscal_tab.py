"""The "Fiscal receipts" tab of the settings dialog (issue 15): provider, environment, cashbox,
login, VAT, item name, section, paper width; the API key and password go to the keyring only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from pos_app.store.settings import Settings

if TYPE_CHECKING:
    from pos_app.ui.dialogs.settings_dialog import SettingsDialog

TEXT = ("fiscal_cashbox", "fiscal_login", "fiscal_item_name", "fiscal_section")
INTEGERS = ("fiscal_vat_percent", "fiscal_paper_mm")
CHOICES = ("fiscal_provider", "fiscal_environment")


def _tr(text: str) -> str:
    return QCoreApplication.translate("FiscalSettings", text)


def add_fiscal_tab(dialog: SettingsDialog) -> None:
    options = {
        "fiscal_provider": [("none", _tr("No fiscal receipts")), ("webkassa", "Webkassa")],
        "fiscal_environment": [("auto", _tr("Same as the till")),
                               ("test", _tr("Webkassa test")),
                               ("prod", _tr("Webkassa production"))],
    }
    for name, values in options.items():
        combo = QComboBox(dialog)
        combo.setObjectName(name)
        for value, label in values:
            combo.addItem(label, value)
        dialog.fields[name] = combo
    for name in TEXT + INTEGERS:
        edit = QLineEdit(dialog)
        edit.setObjectName(name)
        dialog.fields[name] = edit
    for name in ("fiscal_api_key", "fiscal_password"):
        secret = QLineEdit(dialog)
        secret.setObjectName(name)
        secret.setEchoMode(QLineEdit.EchoMode.Password)
        secret.setPlaceholderText(_tr("Kept in the keyring; leave empty to keep it"))
        dialog.fields[name] = secret
    dialog.tabs.addTab(dialog._page([
        ("fiscal_provider", _tr("Cloud cash register")),
        ("fiscal_environment", _tr("Register environment")),
        ("fiscal_cashbox", _tr("Cashbox unique number (ZNM)")),
        ("fiscal_login", _tr("Register login")),
        ("fiscal_api_key", _tr("API key")), ("fiscal_password", _tr("Password")),
        ("fiscal_vat_percent", _tr("VAT rate, % (-1 = no VAT)")),
        ("fiscal_item_name", _tr("Item name on the receipt")),
        ("fiscal_section", _tr("Section")),
        ("fiscal_paper_mm", _tr("Receipt width, mm (58 or 80)")),
    ]), _tr("Fiscal receipts"))


def load(dialog: SettingsDialog, settings: Settings) -> None:
    for name in TEXT + INTEGERS:
        dialog.fields[name].setText(str(getattr(settings, name)))  # type: ignore[attr-defined]
    for name in CHOICES:
        combo = dialog.fields[name]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(0, combo.findData(getattr(settings, name))))


def collect(dialog: SettingsDialog, values: dict[str, object], problems: dict[str, str]) -> None:
    for name in TEXT + CHOICES:
        values[name] = dialog.value(name)
    for name in INTEGERS:
        try:
            values[name] = int(str(dialog.value(name)))
        except ValueError:
            problems[name] = _tr("Type a whole number.")
            values[name] = getattr(dialog.original, name)


def store_secrets(dialog: SettingsDialog, settings: Settings) -> str:
    """Store typed register secrets; a problem sentence, or ``""``."""
    from pos_app.store.credentials import CredentialError
    from pos_app.store.fiscal_credentials import store_fiscal_secrets
    from pos_app.store.settings_fiscal import fiscal_environment

    api_key, password = (str(dialog.value(n)) for n in ("fiscal_api_key", "fiscal_password"))
    if not api_key and not password:
        return ""
    environment = fiscal_environment(settings, settings.environment)
    if settings.fiscal_provider != "webkassa" or environment not in ("test", "prod"):
        return _tr("Register secrets are kept for Webkassa test or production only.")
    if not (api_key and password and settings.fiscal_login):
        return _tr("Type the login, the API key and the password together.")
    try:
        store_fiscal_secrets("webkassa", environment, settings.fiscal_login, api_key, password)
    except (CredentialError, ValueError) as exc:
        return str(exc)
    for name in ("fiscal_api_key", "fiscal_password"):
        dialog.fields[name].clear()  # type: ignore[attr-defined]
    return ""
