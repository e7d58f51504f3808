"""The settings dialog: every setting, the client secret (keyring only), errors beside fields.

Nothing is saved half-way: :func:`pos_app.services.provisioning.apply_configuration` stores the
secret and the settings file together or neither. Open it through a ``@protected`` action.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import pos_app.ui.admin.fiscal_tab as fiscal_tab
from pos_app.services.provisioning import (
    KEYRING_ENVIRONMENTS,
    ConfigurationError,
    apply_configuration,
    stored_secret,
)
from pos_app.store.credentials import keyring_status
from pos_app.store.settings import Settings

TEXT_FIELDS = ("terminal_id", "client_id", "shop_id", "shop_name", "shop_address",
               "default_description", "checkout_base_url", "back_link", "failure_back_link",
               "post_link", "failure_post_link", "invoice_prefix")
NUMBER_FIELDS = ("max_amount", "confirm_above", "qr_expiry_minutes")
CHOICE_FIELDS = ("environment", "language", "checkout_mode")
BOOL_FIELDS = ("customer_display", "kiosk")


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def _t(text: str) -> str:
    """A message from the layers below (marked in :mod:`pos_app.ui.common.store_messages`)."""
    return QCoreApplication.translate("Store", text)


def choices() -> dict[str, list[tuple[str, str]]]:
    """Settings value → label for each combo box."""
    return {
        "environment": [
            ("training", translate("Settings", "Training (emulator, no real money)")),
            ("test", translate("Settings", "ePay test")),
            ("test-new", translate("Settings", "ePay test (new hosts)")),
            ("prod", translate("Settings", "ePay production (real money)")),
        ],
        "language": [("ru", "Русский"), ("kk", "Қазақша"), ("en", "English")],
        "checkout_mode": [
            ("widget", translate("Settings", "Bank widget inside the till")),
            ("redirect", translate("Settings", "Bank payment page (redirect)")),
        ],
    }


class SettingsDialog(QDialog):
    """Edit ``settings``; on success ``saved`` carries the new settings and the dialog accepts."""

    saved = Signal(object)  # Settings

    def __init__(self, settings: Settings, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Till settings"))
        self.setObjectName("settingsDialog")
        self.original = settings
        self.path = path
        self.result_settings: Settings | None = None
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.keyring = keyring_status()

        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setObjectName("clientSecret")
        for name in TEXT_FIELDS + NUMBER_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            self.fields[name] = edit
        for name, options in choices().items():
            combo = QComboBox(self)
            combo.setObjectName(name)
            for value, label in options:
                combo.addItem(label, value)
            self.fields[name] = combo
        self.fields["customer_display"] = QCheckBox(self.tr("Show a customer-facing screen"), self)
        self.fields["kiosk"] = QCheckBox(self.tr("Kiosk mode (full screen, locked)"), self)

        tabs = QTabWidget(self)
        tabs.addTab(self._page([
            ("environment", self.tr("Environment")), ("terminal_id", self.tr("Terminal ID")),
            ("client_id", self.tr("Client ID")), ("client_secret", self.tr("Client secret")),
            ("shop_id", self.tr("Shop ID (invoice links)")),
        ]), self.tr("Bank"))
        tabs.addTab(self._page([
            ("shop_name", self.tr("Shop name")), ("shop_address", self.tr("Shop address")),
            ("default_description", self.tr("Default description")),
            ("max_amount", self.tr("Maximum amount, ₸")),
            ("confirm_above", self.tr("Confirm amounts above, ₸ (0 = never)")),
            ("invoice_prefix", self.tr("Invoice number prefix")),
            ("qr_expiry_minutes", self.tr("QR link valid, minutes")),
            ("language", self.tr("Language")), ("customer_display", ""), ("kiosk", ""),
        ]), self.tr("Shop"))
        tabs.addTab(self._page([
            ("checkout_mode", self.tr("Card form")),
            ("checkout_base_url", self.tr("Checkout page address (https)")),
            ("back_link", self.tr("Back link")),
            ("failure_back_link", self.tr("Failure back link")),
            ("post_link", self.tr("Post link")),
            ("failure_post_link", self.tr("Failure post link")),
        ]), self.tr("Links"))

        self.banner = QLabel(self)
        self.banner.setObjectName("keyringWarning")
        self.banner.setWordWrap(True)
        self.general = QLabel(self)
        self.general.setObjectName("fieldError")
        self.general.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.tabs = tabs
        fiscal_tab.add_fiscal_tab(self)  # issue 15
        self._load(settings)
        env = self.fields["environment"]
        assert isinstance(env, QComboBox)
        env.currentIndexChanged.connect(lambda _i: self._update_secret_hint())
        self.fields["client_id"].editingFinished.connect(self._update_secret_hint)  # type: ignore[attr-defined]
        self._update_secret_hint()
        self.resize(640, 560)

    # -- building -------------------------------------------------------------------------------

    def _page(self, rows: list[tuple[str, str]]) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for name, label in rows:
            widget = self.secret if name == "client_secret" else self.fields[name]
            # The field and its message share one cell, so a hidden message takes no room.
            cell = QWidget(page)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            widget.setParent(cell)
            column.addWidget(widget)
            error = QLabel(cell)
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            column.addWidget(error)
            self.errors[name] = error
            caption = QLabel(label, page)
            caption.setFixedHeight(widget.sizeHint().height())  # level with the field
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            caption.setBuddy(widget)
            form.addRow(caption, cell)
        return page

    def _load(self, s: Settings) -> None:
        for name in TEXT_FIELDS + NUMBER_FIELDS:
            value = getattr(s, name)
            text = f"{value:f}" if isinstance(value, Decimal) else str(value)
            self.fields[name].setText(text)  # type: ignore[attr-defined]
        for name in CHOICE_FIELDS:
            combo = self.fields[name]
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(max(0, combo.findData(getattr(s, name))))
        for name in BOOL_FIELDS:
            box = self.fields[name]
            assert isinstance(box, QCheckBox)
            box.setChecked(bool(getattr(s, name)))
        fiscal_tab.load(self, s)

    def _update_secret_hint(self) -> None:
        env = self.value("environment")
        client = self.value("client_id")
        if env not in KEYRING_ENVIRONMENTS:
            self.banner.setText(self.tr("Training needs no credentials."))
            self.secret.setEnabled(False)
            self.secret.setPlaceholderText("")
            return
        self.secret.setEnabled(self.keyring.usable)
        if not self.keyring.usable:
            self.banner.setText(self.tr(
                "No secure keyring is available on this computer ({reason}). The client secret "
                "cannot be stored, so only training mode works here.").format(
                    reason=_t(self.keyring.reason)))
            self.secret.setPlaceholderText(self.tr("Cannot be stored without a keyring"))
            return
        self.banner.setText(self.tr("The client secret is kept only in the system keyring."))
        stored = bool(client) and stored_secret(str(env), str(client)) is not None
        self.secret.setPlaceholderText(
            self.tr("Stored in the keyring; leave empty to keep it") if stored
            else self.tr("Not stored yet"))

    # -- reading and saving --------------------------------------------------------------------

    def value(self, name: str) -> object:
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def collect(self) -> tuple[Settings, dict[str, str]]:
        """Settings from the widgets, plus messages for values that could not even be parsed."""
        problems: dict[str, str] = {}
        values: dict[str, object] = {n: self.value(n) for n in TEXT_FIELDS + CHOICE_FIELDS
                                     + BOOL_FIELDS}
        for name in ("max_amount", "confirm_above"):
            text = str(self.value(name)).replace(" ", "").replace(",", ".")
            try:
                values[name] = Decimal(text)
            except InvalidOperation:
                problems[name] = translate("Settings", "Type an amount such as 150000 or 99,50.")
                values[name] = getattr(self.original, name)
        try:
            values["qr_expiry_minutes"] = int(str(self.value("qr_expiry_minutes")))
        except ValueError:
            problems["qr_expiry_minutes"] = translate("Settings", "Type a whole number of minutes.")
            values["qr_expiry_minutes"] = self.original.qr_expiry_minutes
        fiscal_tab.collect(self, values, problems)
        new = dataclasses.replace(self.original, **values, load_warning="")  # type: ignore[arg-type]
        return new, problems

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            text = errors.get(name, "")
            label.setText(_t(text))
            label.setVisible(bool(text))
        rest = [_t(v) for k, v in errors.items() if k not in self.errors]
        self.general.setText("\n".join(rest) if rest else
                             (self.tr("Please correct the marked fields.") if errors else ""))
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and any(label.text() and page.isAncestorOf(label)
                                        for label in self.errors.values()):
                self.tabs.setCurrentIndex(index)
                break

    def save(self) -> None:
        settings, problems = self.collect()
        if problems:
            self.show_errors({**problems, **{k: v for k, v in settings.validate().items()
                                             if k not in problems}})
            return
        secret = self.secret.text() or None
        try:
            apply_configuration(self.path, settings, secret)
        except ConfigurationError as exc:
            self.show_errors(exc.errors)
            return
        problem = fiscal_tab.store_secrets(self, settings)
        if problem:
            self.show_errors({"fiscal_api_key": problem})
            return
        self.secret.clear()
        self.result_settings = settings
        self.show_errors({})
        self.saved.emit(settings)
        self.accept()
