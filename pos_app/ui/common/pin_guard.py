"""The one guard for privileged actions: the admin PIN prompt and the ``@protected`` decorator.

Settings, credentials, refunds and leaving kiosk mode are all wrapped with :func:`protected`
(like Electrum's ``@protected``): the action runs only after the right PIN was typed. When no
PIN exists yet, the administrator is asked to choose one first. Tests replace :data:`prompt`
to answer without a dialog.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.store.errors import StorageError
from pos_app.store.pin import PinError, PinStore, pin_problem

log = logging.getLogger("pos_app.ui.common.pin_guard")
F = TypeVar("F", bound=Callable[..., Any])


def _t(text: str) -> str:
    """A message from the layers below (marked in :mod:`pos_app.ui.common.store_messages`)."""
    return QCoreApplication.translate("Store", text)


def pin_message(problem: str) -> str:
    """Translate a :func:`pin_problem` sentence."""
    return _t(problem)


class PinPrompt(QDialog):
    """Asks for the admin PIN and checks it; accepted only for the right PIN."""

    def __init__(self, store: PinStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Administrator PIN"))
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.setAccessibleName(self.tr("Administrator PIN"))
        self.message = QLabel(self)
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This action needs the administrator PIN."), self))
        layout.addWidget(self.pin)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._tick)
        self._tick()

    def _tick(self) -> None:
        try:
            wait = self.store.wait_seconds()
        except PinError as exc:
            self._lock(_t(str(exc)))
            return
        locked = wait > 0
        self.pin.setEnabled(not locked)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not locked)
        if locked:
            self.message.setText(self.tr("Too many wrong PINs. Try again in %n second(s).", "",
                                         int(wait + 0.999)))
            self._timer.start()
        elif self._timer.isActive():
            self._timer.stop()
            self.message.setText(self.tr("You can try again now."))
            self.pin.setFocus()

    def _lock(self, text: str) -> None:
        self.pin.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.message.setText(text)

    def check(self) -> None:
        try:
            result = self.store.verify(self.pin.text())
        except PinError as exc:
            self._lock(_t(str(exc)))
            return
        except StorageError as exc:
            self.message.setText(str(exc))
            return
        self.pin.clear()
        if result.ok and result.must_change:
            # A PIN from before the 6-digit rule: it opens the door once more, for a new one.
            dialog = NewPinDialog(self.store, self, self.tr(
                "Your PIN is shorter than 6 digits. Choose a new one now; the action goes ahead "
                "once it is set."))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.message.setText(self.tr("Set a new PIN of 6 to 12 digits to go on."))
                return
        if result.ok:
            self.accept()
            return
        log.warning("wrong admin PIN (%d in a row)", result.failures)
        self.message.setText(self.tr("Wrong PIN."))
        self._tick()


class NewPinDialog(QDialog):
    """Choose a new admin PIN (typed twice)."""

    def __init__(self, store: PinStore, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Choose an administrator PIN"))
        self.form = PinFields(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel(text or self.tr("No administrator PIN is set yet. Choose one now; "
                                            "it protects the settings and refunds."), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def save(self) -> None:
        pin = self.form.checked_pin()
        if pin is None:
            return
        try:
            self.store.set_pin(pin)
        except StorageError as exc:
            self.form.error.setText(str(exc))
            return
        self.accept()


class PinFields(QWidget):
    """Two masked fields for a new PIN and a message line; used by the dialog and the wizard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pin = QLineEdit(self)
        self.repeat = QLineEdit(self)
        for field in (self.pin, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(12)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("New PIN (6–12 digits)"), self.pin)
        form.addRow(self.tr("Repeat the PIN"), self.repeat)
        form.addRow("", self.error)

    def checked_pin(self) -> str | None:
        """The PIN if acceptable and typed twice the same; otherwise shows why and gives None."""
        pin = self.pin.text()
        problem = pin_problem(pin)
        if problem:
            self.error.setText(pin_message(problem))
            return None
        if pin != self.repeat.text():
            self.error.setText(self.tr("The two PINs differ."))
            return None
        self.error.clear()
        return pin


def _ask(parent: QWidget | None, store: PinStore) -> bool:
    dialog: QDialog = PinPrompt(store, parent) if store.is_set() else NewPinDialog(store, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


# Replaced in tests; must return True only when the administrator proved who they are.
prompt: Callable[[QWidget | None, PinStore], bool] = _ask


def require_admin(parent: QWidget | None = None, store: PinStore | None = None) -> bool:
    """Ask for the admin PIN; True when the action may go ahead."""
    try:
        store = store or PinStore.default()
    except StorageError:
        log.exception("the admin PIN cannot be checked: data folder unusable")
        return False
    allowed = prompt(parent, store)
    log.info("admin PIN %s", "accepted" if allowed else "not given")
    return allowed


def protected(method: F) -> F:
    """Run ``method`` only after :func:`require_admin`; the owner may set ``pin_store``."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        parent = self if isinstance(self, QWidget) else None
        if not require_admin(parent, getattr(self, "pin_store", None)):
            return None
        return method(self, *args, **kwargs)

    return cast(F, wrapper)
