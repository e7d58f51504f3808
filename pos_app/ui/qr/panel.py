"""The QR screen: the code, the amount, the link with Copy, the countdown, sending, Cancel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.qr_payment import (
    ContactError,
    QrLink,
    QrState,
    normalise_email,
    normalise_phone,
)
from pos_app.ui.common.i18n import money
from pos_app.ui.common.icons import icon
from pos_app.ui.common.qr_painter import QrPayloadTooLong, QrWidget


def clock_text(seconds: float) -> str:
    """``75.2`` → ``"1:16"`` (rounded up, so 0:00 means the time is really over)."""
    whole = max(0, int(-(-seconds // 1)))
    return f"{whole // 60}:{whole % 60:02d}"


class QrPanel(QWidget):
    """Renders one :class:`QrLink` and the live state; emits the cashier's intents."""

    cancel_clicked = Signal()
    send_requested = Signal(str, str)  # normalised phone, e-mail

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrPanel")
        self.link: QrLink | None = None
        self.code = QrWidget(self, minimum_px=300)

        self.hint = QLabel(self)
        self.hint.setObjectName("qrHint")
        self.hint.setWordWrap(True)
        self.amount = QLabel(self)
        self.amount.setObjectName("qrAmount")
        self.countdown = QLabel(self)
        self.countdown.setObjectName("qrCountdown")
        self.state = QLabel(self)
        self.state.setObjectName("qrState")
        self.state.setWordWrap(True)

        self.url = QLineEdit(self)
        self.url.setObjectName("qrLink")
        self.url.setReadOnly(True)
        self.copy = QPushButton(self)
        self.copy.setObjectName("qrCopy")
        self.copy.setIcon(icon("copy"))
        self.copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy.clicked.connect(self.copy_link)
        self.copied = False

        self.phone = QLineEdit(self)
        self.phone.setObjectName("qrPhone")
        self.phone.setPlaceholderText("+7 7XX XXX XX XX")
        self.email = QLineEdit(self)
        self.email.setObjectName("qrEmail")
        self.send = QPushButton(self)
        self.send.setObjectName("qrSend")
        self.send.setIcon(icon("send"))
        self.send.clicked.connect(self.request_send)
        self.phone.returnPressed.connect(self.request_send)
        self.email.returnPressed.connect(self.request_send)
        self.send_note = QLabel(self)
        self.send_note.setObjectName("qrSendNote")
        self.send_note.setWordWrap(True)

        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.setIcon(icon("cancel"))
        self.cancel.setMinimumHeight(48)
        self.cancel.clicked.connect(self.cancel_clicked)

        link_row = QHBoxLayout()
        link_row.addWidget(self.url, 1)
        link_row.addWidget(self.copy)
        self.phone_label = QLabel(self)
        self.phone_label.setBuddy(self.phone)
        self.email_label = QLabel(self)
        self.email_label.setBuddy(self.email)
        self.send_title = QLabel(self)
        contacts = QFormLayout()
        contacts.addRow(self.phone_label, self.phone)
        contacts.addRow(self.email_label, self.email)

        side = QVBoxLayout()
        side.addWidget(self.hint)
        side.addWidget(self.amount)
        side.addWidget(self.countdown)
        side.addWidget(self.state)
        side.addStretch(1)
        side.addWidget(self.send_title)
        side.addLayout(contacts)
        side.addWidget(self.send)
        side.addWidget(self.send_note)
        side.addStretch(1)
        side.addWidget(self.cancel)

        top = QHBoxLayout()
        top.addWidget(self.code, 3)
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(link_row)
        for first, second in ((self.phone, self.email), (self.email, self.send),
                              (self.send, self.url), (self.url, self.copy),
                              (self.copy, self.cancel)):
            self.setTabOrder(first, second)
        self._state: QrState | None = None
        self._remaining: float | None = None
        self._note: tuple[str, str] = ("", "")  # kind, argument of the line under "Send"
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("The customer scans the code with the phone camera."))
        self.countdown.setAccessibleName(self.tr("Time left to pay"))
        self.url.setAccessibleName(self.tr("Payment link"))
        self.copy.setText(self.tr("Copied") if self.copied else self.tr("Copy  [Ctrl+Shift+C]"))
        self.copy.setAccessibleName(self.tr("Copy the payment link"))
        self.phone.setAccessibleName(self.tr("Customer phone for an SMS with the link"))
        self.email.setPlaceholderText(self.tr("name@example.kz"))
        self.email.setAccessibleName(self.tr("Customer e-mail for the link"))
        self.send.setText(self.tr("Send the link  [Enter]"))
        self.send.setAccessibleName(self.tr("Send the link to the customer"))
        self.cancel.setText(self.tr("Cancel payment  [Esc]"))
        self.cancel.setAccessibleName(self.tr("Cancel the payment"))
        self.phone_label.setText(self.tr("Phone"))
        self.email_label.setText(self.tr("E-mail"))
        self.send_title.setText(self.tr("Send the link to the customer:"))
        if self.link is not None:
            self.amount.setText(money(self.link.amount))
        if self._state is not None:
            self.show_state(self._state)
        if self._remaining is not None:
            self.set_remaining(self._remaining)
        self._show_note(*self._note)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_note(self, kind: str, argument: str = "") -> None:
        self._note = (kind, argument)
        texts = {
            "": "",
            "no_send": self.tr("Sending needs invoice-link access in the settings."),
            "sent": self.tr("Sent to %1.").replace("%1", argument),
            "sending": self.tr("Making a new link for the customer…"),
        }
        self.send_note.setText(texts.get(kind, argument))

    # -- rendering ----------------------------------------------------------------------------

    def show_link(self, link: QrLink, can_send: bool) -> None:
        """A new link: the QR when the payload fits one, always the link as text."""
        self.link = link
        try:
            self.code.set_payload(link.url)
            fits = True
        except QrPayloadTooLong:
            fits = False  # the link still works: copied or sent
        self.amount.setText(money(link.amount))
        self.url.setText(link.url)
        self.url.setCursorPosition(0)
        self.copied = False
        self.copy.setText(self.tr("Copy  [Ctrl+Shift+C]"))
        self.show_state(QrState.WAITING)
        if not fits:
            self.state.setText(self.tr("The link is too long for a QR code; copy or send it."))
        self.send.setEnabled(can_send)
        for field in (self.phone, self.email):
            field.setEnabled(can_send)
        if not can_send:
            self._show_note("no_send")
        elif link.sent_to:
            self._show_note("sent", link.sent_to)
        else:
            self._show_note("")

    def show_state(self, state: QrState) -> None:
        texts = {
            QrState.WAITING: self.tr("Waiting for the customer to pay…"),
            QrState.IN_PROGRESS: self.tr("The customer is paying…"),
            QrState.NO_ANSWER: self.tr("No answer from the bank yet; still checking."),
        }
        self._state = state
        self.state.setText(texts[state])
        self.state.setProperty("state", state.value)

    def set_remaining(self, seconds: float) -> None:
        self._remaining = seconds
        self.countdown.setText(self.tr("Expires in %1").replace("%1", clock_text(seconds)))

    def show_sending(self) -> None:
        self.send.setEnabled(False)
        self._show_note("sending")

    # -- intents ------------------------------------------------------------------------------

    def copy_link(self) -> None:
        if self.link is not None:
            QGuiApplication.clipboard().setText(self.link.url)
            self.copied = True
            self.copy.setText(self.tr("Copied"))

    def request_send(self) -> None:
        """Validate the phone (+7 and 10 digits) and e-mail; emit ``send_requested``."""
        if not self.send.isEnabled():
            return
        try:
            phone = normalise_phone(self.phone.text())
        except ContactError:
            self._contact_error(self.tr("A phone number is +7 and 10 digits."), self.phone)
            return
        try:
            email = normalise_email(self.email.text())
        except ContactError:
            self._contact_error(self.tr("This is not an e-mail address."), self.email)
            return
        if not phone and not email:
            self._contact_error(self.tr("Type a phone number or an e-mail."), self.phone)
            return
        self._show_note("")
        self.send_requested.emit(phone, email)

    def reset(self) -> None:
        self.link = None
        self.code.clear()
        self.url.clear()
        self.phone.clear()
        self.email.clear()
        self._state = None
        self._remaining = None
        self._show_note("")

    def _contact_error(self, text: str, field: QLineEdit) -> None:
        self._show_note("error", "⚠ " + text)
        field.setFocus()
