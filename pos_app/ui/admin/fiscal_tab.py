"""The "Fiscal receipts" tab of the settings dialog (issue 15): provider, environment, cashbox,
login, VAT, item name, section, paper width; the API key and password go to the keyring only."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QTabWidget, QWidget

from pos_app.store.settings import Settings

TEXT = ("fiscal_cashbox", "fiscal_login", "fiscal_item_name", "fiscal_section",
        "receipt_printer")
INTEGERS = ("fiscal_vat_percent", "fiscal_paper_mm")
CHOICES = ("fiscal_provider", "fiscal_environment")


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


class SettingsForm(Protocol):
    """What this tab uses of the :class:`~pos_app.ui.admin.settings_dialog.SettingsDialog`,
    which imports this module, not the other way round."""

    @property
    def fields(self) -> MutableMapping[str, QWidget]: ...
    @property
    def tabs(self) -> QTabWidget: ...
    @property
    def original(self) -> Settings: ...
    def window(self) -> QWidget: ...  # the dialog itself (a dialog is a window): the parent
    def value(self, name: str) -> object: ...
    def _page(self, rows: list[tuple[str, str]]) -> QWidget: ...


def add_fiscal_tab(dialog: SettingsForm) -> None:
    options = {
        "fiscal_provider": [("none", translate("Fiscal", "No fiscal receipts")),
                            ("webkassa", "Webkassa")],
        "fiscal_environment": [("auto", translate("Fiscal", "Same as the till")),
                               ("test", translate("Fiscal", "Webkassa test")),
                               ("prod", translate("Fiscal", "Webkassa production"))],
    }
    parent = dialog.window()
    for name, values in options.items():
        combo = QComboBox(parent)
        combo.setObjectName(name)
        for value, label in values:
            combo.addItem(label, value)
        dialog.fields[name] = combo
    for name in TEXT + INTEGERS:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        dialog.fields[name] = edit
    for name in ("fiscal_api_key", "fiscal_password"):
        secret = QLineEdit(parent)
        secret.setObjectName(name)
        secret.setEchoMode(QLineEdit.EchoMode.Password)
        secret.setPlaceholderText(translate("Fiscal", "Kept in the keyring; leave empty to "
                                                      "keep it"))
        dialog.fields[name] = secret
    dialog.tabs.addTab(dialog._page([
        ("fiscal_provider", translate("Fiscal", "Cloud cash register")),
        ("fiscal_environment", translate("Fiscal", "Register environment")),
        ("fiscal_cashbox", translate("Fiscal", "Cashbox unique number (ZNM)")),
        ("fiscal_login", translate("Fiscal", "Register login")),
        ("fiscal_api_key", translate("Fiscal", "API key")),
        ("fiscal_password", translate("Fiscal", "Password")),
        ("fiscal_vat_percent", translate("Fiscal", "VAT rate, % (-1 = no VAT)")),
        ("fiscal_item_name", translate("Fiscal", "Item name on the receipt")),
        ("fiscal_section", translate("Fiscal", "Section")),
        ("fiscal_paper_mm", translate("Fiscal", "Receipt width, mm (58 or 80)")),
        ("receipt_printer", translate("Fiscal", "Receipt printer (tcp://host:9100, usb://…)")),
    ]), translate("Fiscal", "Fiscal receipts"))


def load(dialog: SettingsForm, settings: Settings) -> None:
    for name in TEXT + INTEGERS:
        dialog.fields[name].setText(str(getattr(settings, name)))  # type: ignore[attr-defined]
    for name in CHOICES:
        combo = dialog.fields[name]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(max(0, combo.findData(getattr(settings, name))))


def collect(dialog: SettingsForm, values: dict[str, object], problems: dict[str, str]) -> None:
    for name in TEXT + CHOICES:
        values[name] = dialog.value(name)
    for name in INTEGERS:
        try:
            values[name] = int(str(dialog.value(name)))
        except ValueError:
            problems[name] = translate("Fiscal", "Type a whole number.")
            values[name] = getattr(dialog.original, name)


def store_secrets(dialog: SettingsForm, settings: Settings) -> str:
    """Store typed register secrets; a problem sentence, or ``""``."""
    from pos_app.store.credentials import CredentialError
    from pos_app.store.fiscal_credentials import store_fiscal_secrets
    from pos_app.store.settings_fiscal import fiscal_environment

    api_key, password = (str(dialog.value(n)) for n in ("fiscal_api_key", "fiscal_password"))
    if not api_key and not password:
        return ""
    environment = fiscal_environment(settings, settings.environment)
    if settings.fiscal_provider != "webkassa" or environment not in ("test", "prod"):
        return translate("Fiscal", "Register secrets are kept for Webkassa test or "
                                   "production only.")
    if not (api_key and password and settings.fiscal_login):
        return translate("Fiscal", "Type the login, the API key and the password together.")
    try:
        store_fiscal_secrets("webkassa", environment, settings.fiscal_login, api_key, password)
    except (CredentialError, ValueError) as exc:
        return str(exc)
    for name in ("fiscal_api_key", "fiscal_password"):
        dialog.fields[name].clear()  # type: ignore[attr-defined]
    return ""
