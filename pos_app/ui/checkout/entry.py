"""Amount entry: the field that has focus all day, the big amount display, optional details.

Enter asks to pay; the panel only validates and emits, the controller decides.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.errors import DomainError
from pos_app.domain.money import DEFAULT_MAXIMUM, parse_amount
from pos_app.domain.text import check_account_id, check_description
from pos_app.ui.checkout.keypad import Keypad
from pos_app.ui.common.i18n import money
from pos_app.ui.common.icons import icon
from pos_app.ui.common.messages import domain_message


class EntryPanel(QWidget):
    pay_requested = Signal(Decimal, str, str)  # amount, description, account id
    qr_requested = Signal(Decimal, str, str)  # the same, paid by QR on the customer's phone (F2)
    blocked = Signal()  # Enter or F2 while payments are paused (offline)

    def __init__(self, parent: QWidget | None = None, maximum: Decimal = DEFAULT_MAXIMUM) -> None:
        super().__init__(parent)
        self.maximum = maximum
        self.value = Decimal(0)
        self.block_reason = ""  # non-empty: new payments are paused (the offline banner's text)
        self.display = QLabel(money(self.value), self)
        self.display.setObjectName("amountDisplay")
        self.display.setProperty("empty", True)  # dimmed until an amount is typed
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.amount = QLineEdit(self)
        self.amount.setObjectName("amountInput")
        self.amount.setMaxLength(16)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,12}([.,][0-9]{0,2})?"), self)
        )
        self.amount.textChanged.connect(self._update_display)
        self.amount.returnPressed.connect(self.submit)

        self.description = QLineEdit(self)
        self.description.setObjectName("descriptionInput")
        self.description.returnPressed.connect(self.submit)
        self.account = QLineEdit(self)
        self.account.setObjectName("accountInput")
        self.account.returnPressed.connect(self.submit)

        self.error = QLabel("", self)
        self.error.setObjectName("entryError")
        self.error.setWordWrap(True)

        self.pay_button = QPushButton(self)
        self.pay_button.setObjectName("payButton")
        self.pay_button.setIcon(icon("card"))
        self.pay_button.setIconSize(QSize(24, 24))
        self.pay_button.setMinimumHeight(56)
        self.pay_button.clicked.connect(self.submit)

        self.qr_button = QPushButton(self)
        self.qr_button.setObjectName("qrButton")
        self.qr_button.setIcon(icon("qr"))
        self.qr_button.setIconSize(QSize(24, 24))
        self.qr_button.setMinimumHeight(56)
        self.qr_button.clicked.connect(self.submit_qr)

        self.keypad = Keypad(self.amount, self)

        self.description_label = QLabel(self)
        self.description_label.setBuddy(self.description)
        self.account_label = QLabel(self)
        self.account_label.setBuddy(self.account)
        details = QFormLayout()
        details.addRow(self.description_label, self.description)
        details.addRow(self.account_label, self.account)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pay_button, 1)
        buttons.addWidget(self.qr_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.display)
        layout.addWidget(self.amount)
        layout.addWidget(self.error)
        layout.addWidget(self.keypad, 1)
        layout.addLayout(details)
        layout.addLayout(buttons)
        self.setTabOrder(self.amount, self.description)
        self.setTabOrder(self.description, self.account)
        self.setTabOrder(self.account, self.pay_button)
        self.setTabOrder(self.pay_button, self.qr_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.display.setText(money(self.value))
        self.display.setAccessibleName(self.tr("Amount to pay"))
        self.amount.setPlaceholderText(self.tr("Amount, tenge"))
        self.amount.setAccessibleName(self.tr("Amount in tenge"))
        self.description.setPlaceholderText(self.tr("Optional, up to 125 bytes"))
        self.description.setAccessibleName(self.tr("Payment description"))
        self.account.setPlaceholderText(self.tr("Optional"))
        self.account.setAccessibleName(self.tr("Customer account id"))
        self.description_label.setText(self.tr("Description"))
        self.account_label.setText(self.tr("Customer id"))
        self.error.setAccessibleName(self.tr("Input problem"))
        self.pay_button.setText(self.tr("Pay by card  [Enter]"))
        self.pay_button.setAccessibleName(self.tr("Pay by card"))
        self.pay_button.setToolTip(self.tr("Pay by card (Enter)"))
        self.qr_button.setText(self.tr("QR  [F2]"))
        self.qr_button.setAccessibleName(self.tr("Pay by QR code on the customer's phone"))
        self.qr_button.setToolTip(self.tr("Pay by QR code on the customer's phone (F2)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        """Validate everything; emit ``pay_requested`` or show what is wrong (nothing is lost)."""
        values = self._read()
        if values is not None:
            self.pay_requested.emit(*values)

    def submit_qr(self) -> None:
        """Like :meth:`submit`, for a QR payment (F2): emits ``qr_requested``."""
        values = self._read()
        if values is not None:
            self.qr_requested.emit(*values)

    def _read(self) -> tuple[Decimal, str, str] | None:
        if not self.isEnabled():
            return None
        if self.block_reason:
            self.show_error(self.block_reason, self.amount)
            self.blocked.emit()
            return None
        try:
            amount = parse_amount(self.amount.text(), self.maximum)
        except DomainError as exc:
            self.show_error(domain_message(exc), self.amount)
            return None
        try:
            description = check_description(self.description.text())
        except DomainError as exc:
            self.show_error(domain_message(exc), self.description)
            return None
        try:
            account = check_account_id(self.account.text())
        except DomainError as exc:
            self.show_error(domain_message(exc), self.account)
            return None
        self.error.setText("")
        return amount, description, account

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # F2 from any field of the panel, also when the window's shortcut map is not active.
        if event.key() == Qt.Key.Key_F2 and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.submit_qr()
            return
        super().keyPressEvent(event)

    def show_error(self, text: str, field: QLineEdit | None = None) -> None:
        self.error.setText("⚠ " + text if text else "")
        if field is not None:
            field.setFocus()

    def reset(self) -> None:
        """Ready for the next customer: empty fields, focus in the amount."""
        self.amount.clear()
        self.description.clear()
        self.account.clear()
        self.error.setText("")
        self.setEnabled(True)
        self.amount.setFocus()

    def _update_display(self, text: str) -> None:
        try:
            value = parse_amount(text, Decimal("1e15")) if text.strip() else Decimal(0)
        except DomainError:
            return
        self.value = value
        self.display.setText(money(value))
        # an empty field shows a dimmed 0, so it is not mistaken for the last amount paid
        self.display.setProperty("empty", not text.strip())
        self.display.style().unpolish(self.display)
        self.display.style().polish(self.display)
        self.error.setText("")
