"""First-run wizard: environment, credentials with a connection test, then the admin PIN.

Shown by :func:`pos_app.ui.app.first_run` when no settings file exists. The connection test
obtains a service token in the background (:class:`pos_app.ui.common.tasks.Tasks`) and reports the
outcome in words. Finishing saves the settings and the secret together (or neither), then
the PIN.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pos_app.epay.config import hosts_for
from pos_app.epay.errors import EpayError
from pos_app.services.provisioning import (
    ConfigurationError,
    apply_configuration,
    check_connection,
    connection_credentials,
)
from pos_app.store.credentials import keyring_status
from pos_app.store.errors import StorageError
from pos_app.store.pin import PinStore
from pos_app.store.settings import Settings
from pos_app.ui.common.pin_guard import PinFields
from pos_app.ui.common.tasks import Tasks

log = logging.getLogger("pos_app.ui.first_run")
ENV_PAGE, CREDENTIALS_PAGE, PIN_PAGE = 0, 1, 2


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def _t(text: str) -> str:
    """A message from the layers below (marked in :mod:`pos_app.ui.common.store_messages`)."""
    return QCoreApplication.translate("Store", text)


def connection_words(exc: BaseException | None) -> str:
    """The outcome of a connection test as a sentence for the person setting up the till."""
    if exc is None:
        return translate("FirstRun", "Connected: the bank accepted these credentials.")
    code = exc.code.removeprefix("epay_") if isinstance(exc, EpayError) else "internal"
    words = {
        "auth": translate("FirstRun", "The bank refused these credentials. Check the client "
                          "ID, the secret and the terminal ID."),
        "rejected": translate("FirstRun",
                              "The bank refused the request. Check the terminal ID."),
        "timeout": translate("FirstRun", "The bank did not answer in time. Check the network "
                             "and try again."),
        "unavailable": translate("FirstRun", "The bank cannot be reached. Check the network "
                                 "connection, proxy and firewall."),
        "protocol": translate("FirstRun", "The bank sent an answer the till cannot read. Try "
                              "again later."),
        "invalid_request": translate("FirstRun", "Some details are missing or malformed."),
    }
    return words.get(code, translate("FirstRun", "The connection test failed unexpectedly."))


class EnvironmentPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where will this till take payments?"))
        self.setSubTitle(self.tr("You can change this later in the settings."))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        options = [
            ("training", self.tr("Training: practise with the built-in emulator, no real money")),
            ("test", self.tr("ePay test: the bank's test environment")),
            ("prod", self.tr("ePay production: real card payments")),
        ]
        self.buttons: dict[str, QRadioButton] = {}
        for value, label in options:
            button = QRadioButton(label, self)
            button.setObjectName(f"env_{value}")
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
        self.buttons["training"].setChecked(True)
        layout.addStretch(1)

    def environment(self) -> str:
        return next(v for v, b in self.buttons.items() if b.isChecked())

    def nextId(self) -> int:
        return PIN_PAGE if self.environment() == "training" else CREDENTIALS_PAGE


class CredentialsPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("ePay credentials"))
        self.setSubTitle(self.tr("From the bank's merchant letter. The secret goes to the "
                                 "system keyring only."))
        self.client_id = QLineEdit(self)
        self.terminal_id = QLineEdit(self)
        self.terminal_id.setPlaceholderText("67e34d63-102f-4bd1-898e-370781d0074d")
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setObjectName("connectionResult")
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("keyringWarning")
        self.keyring_note.setWordWrap(True)
        form = QFormLayout(self)
        for text, field in ((self.tr("Client ID"), self.client_id),
                            (self.tr("Terminal ID"), self.terminal_id),
                            (self.tr("Client secret"), self.secret)):
            caption = QLabel(text, self)
            caption.setFixedHeight(field.sizeHint().height())  # level with the field
            caption.setBuddy(field)
            form.addRow(caption, field)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow("", test_row)
        form.addRow("", self.result)
        form.addRow("", self.error)
        form.addRow(self.keyring_note)

    def initializePage(self) -> None:
        status = keyring_status()
        self.secret.setEnabled(status.usable)
        self.keyring_note.setVisible(not status.usable)
        if not status.usable:
            self.keyring_note.setText(self.tr(
                "No secure keyring is available on this computer, so the secret cannot be "
                "stored. Choose training, or install and unlock the system keyring."))
        if self.owner.environment() == "test":
            self.client_id.setPlaceholderText(self.tr("empty: the bank's public test shop"))

    def settings(self) -> Settings:
        return dataclasses.replace(self.owner.base, environment=self.owner.environment(),
                                   client_id=self.client_id.text().strip(),
                                   terminal_id=self.terminal_id.text().strip().lower())

    def test_connection(self) -> None:
        env = self.owner.environment()
        s = self.settings()
        errors = {k: v for k, v in s.validate().items() if k in ("client_id", "terminal_id")}
        if errors:
            self.error.setText("\n".join(_t(v) for v in errors.values()))
            return
        try:
            hosts = hosts_for(env, os.environ)
        except ValueError as exc:
            self.result.setText(_t(str(exc)))
            return
        creds = connection_credentials(env, s.client_id, self.secret.text(), s.terminal_id)
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Asking the bank for a token…"))
        self.owner.tasks.run(lambda: check_connection(hosts, creds),
                             lambda _lifetime: self._tested(None),
                             self._tested)

    def _tested(self, exc: BaseException | None) -> None:
        self.test_button.setEnabled(True)
        if exc is not None and not isinstance(exc, EpayError):
            log.error("connection test failed unexpectedly", exc_info=exc)
        self.result.setText(connection_words(exc))

    def validatePage(self) -> bool:
        s = self.settings()
        errors = {k: v for k, v in s.validate().items() if k in ("client_id", "terminal_id")}
        if self.owner.environment() == "prod" and not self.secret.text():
            errors["client_secret"] = "Enter the client secret issued by the bank."  # noqa: S105
        if (s.client_id or self.secret.text()) and not keyring_status().usable:
            errors["client_secret"] = "No secure keyring here."  # noqa: S105
        self.error.setText("\n".join(_t(v) for v in errors.values()))
        return not errors


class PinPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.setTitle(self.tr("Administrator PIN"))
        self.setSubTitle(self.tr("Needed to open the settings, make refunds and leave kiosk "
                                 "mode. Cashiers should not know it."))
        self.fields = PinFields(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        pin = self.fields.checked_pin()
        return pin is not None and self.owner.finish(pin)


class FirstRunWizard(QWizard):
    """Set up a new till. ``settings`` holds what was saved once the wizard is accepted."""

    def __init__(self, path: Path, pin_store: PinStore, tasks: Tasks,
                 parent: QWidget | None = None, base: Settings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up the till"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.path, self.pin_store, self.tasks = path, pin_store, tasks
        self.base = base or Settings()
        self.settings: Settings | None = None
        self.env_page = EnvironmentPage(self)
        self.credentials_page = CredentialsPage(self)
        self.pin_page = PinPage(self)
        self.setPage(ENV_PAGE, self.env_page)
        self.setPage(CREDENTIALS_PAGE, self.credentials_page)
        self.setPage(PIN_PAGE, self.pin_page)
        self.resize(620, 440)

    def environment(self) -> str:
        return self.env_page.environment()

    def finish(self, pin: str) -> bool:
        """Save settings + secret, then the PIN; on failure show why and stay on the page."""
        page = self.credentials_page
        if self.environment() == "training":
            settings = dataclasses.replace(self.base, environment="training")
            secret = None
        else:
            settings, secret = page.settings(), page.secret.text() or None
        try:
            apply_configuration(self.path, settings, secret)
            self.pin_store.set_pin(pin)
        except ConfigurationError as exc:
            self.pin_page.fields.error.setText("\n".join(_t(v) for v in exc.errors.values()))
            return False
        except StorageError as exc:
            self.pin_page.fields.error.setText(str(exc))
            return False
        page.secret.clear()
        self.settings = settings
        return True
