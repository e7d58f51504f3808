"""The customer-facing display: shop name, amount, the QR and the live status.

An optional second window: fullscreen on a second screen when there is one, otherwise an
ordinary movable window. It listens to the same :class:`QrController` signals as the cashier's
QR panel, so both always show the same link, time and outcome. It speaks the customer's
language (the till's ePay language setting), which may differ from the cashier's.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.services.qr_payment import QrLink, QrState
from pos_app.ui.common.i18n import LOCALES, Catalogue, money, normalise
from pos_app.ui.common.qr_painter import QrPayloadTooLong, QrWidget
from pos_app.ui.common.status_style import look
from pos_app.ui.qr.controller import QrController, QrStage
from pos_app.ui.qr.panel import clock_text

# The customer's language may differ from the cashier's, so these sentences are translated
# with a catalogue of their own (not the installed one): see pos_app.ui.common.i18n.Catalogue.
CONTEXT = "CustomerDisplay"
_MARKED: dict[str, object] = {
    "welcome": QT_TRANSLATE_NOOP("CustomerDisplay", "Welcome"),
    "scan": QT_TRANSLATE_NOOP("CustomerDisplay", "Scan the code with your phone camera to pay"),
    "waiting": QT_TRANSLATE_NOOP("CustomerDisplay", "Waiting for payment…"),
    "in_progress": QT_TRANSLATE_NOOP("CustomerDisplay", "Payment in progress…"),
    "no_answer": QT_TRANSLATE_NOOP("CustomerDisplay", "Checking with the bank…"),
    "expires": QT_TRANSLATE_NOOP("CustomerDisplay", "The code is valid for %1"),
    "connecting": QT_TRANSLATE_NOOP("CustomerDisplay", "Preparing the payment…"),
    "paid": QT_TRANSLATE_NOOP("CustomerDisplay", "Paid. Thank you!"),
    "declined": QT_TRANSLATE_NOOP("CustomerDisplay", "The payment was declined"),
    "cancelled": QT_TRANSLATE_NOOP("CustomerDisplay", "The payment was cancelled"),
    "expired": QT_TRANSLATE_NOOP("CustomerDisplay", "The code has expired"),
    "unknown": QT_TRANSLATE_NOOP("CustomerDisplay",
                                 "Please wait: the bank is confirming the payment"),
    "error": QT_TRANSLATE_NOOP("CustomerDisplay", "The payment could not be started"),
    "training": QT_TRANSLATE_NOOP("CustomerDisplay", "TRAINING: this is not a real payment"),
    "test": QT_TRANSLATE_NOOP("CustomerDisplay", "TEST: this is not a real payment"),
}
_MARK_KEYS = {"training": "training", "test": "test", "test-new": "test"}
TEXTS: dict[str, str] = {key: str(text) for key, text in _MARKED.items()}

_RESULT_KEYS = {
    PaymentStatus.PAID: "paid",
    PaymentStatus.DECLINED: "declined",
    PaymentStatus.CANCELLED: "cancelled",
    PaymentStatus.EXPIRED: "expired",
    PaymentStatus.UNKNOWN: "unknown",
    PaymentStatus.ERROR: "error",
}


class CustomerDisplay(QWidget):
    """A top-level window facing the customer; it only renders what the controller says."""

    def __init__(self, qr: QrController, *, shop_name: str, language: str = "ru",
                 environment: str = "prod") -> None:  # fmt: skip
        # The customer never types here, and it appears while the cashier types: it must not
        # take the keyboard focus from the till's window (issue 13).
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.environment = environment
        self.setObjectName("customerDisplay")
        self.setWindowTitle(self.tr("Customer display"))
        self.catalogue = Catalogue(language)
        self._shown: tuple[str, object] = ("idle", None)
        self.mark = QLabel(self)  # TRAINING / TEST in the customer's language, always on
        self.mark.setObjectName("cdMark")
        self.shop = QLabel(shop_name, self)
        self.shop.setObjectName("cdShop")
        self.amount = QLabel(self)
        self.amount.setObjectName("cdAmount")
        self.code = QrWidget(self, minimum_px=280)
        self.hint = QLabel(self)
        self.hint.setObjectName("cdHint")
        self.status = QLabel(self)
        self.status.setObjectName("cdStatus")
        self.countdown = QLabel(self)
        self.countdown.setObjectName("cdCountdown")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        for widget in (self.mark, self.shop, self.amount, self.hint):
            layout.addWidget(widget)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.countdown)
        for label in (self.mark, self.shop, self.amount, self.hint, self.status, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self._show_mark()
        self.idle()
        qr.stage_changed.connect(self._on_stage)
        qr.link_ready.connect(self.show_link)
        qr.polled.connect(self.show_state)
        qr.tick.connect(self.set_remaining)
        qr.finished.connect(self.show_result)

    @property
    def language(self) -> str:
        return self.catalogue.lang

    def text(self, key: str) -> str:
        """The sentence ``key`` in the customer's language."""
        return self.catalogue.text(CONTEXT, TEXTS[key])

    def set_language(self, language: str) -> None:
        """Speak ``language`` to the customer from now on (the cashier's stays as it is)."""
        if normalise(language) == self.language:
            return
        self.catalogue = Catalogue(language)
        self.setLocale(QLocale(LOCALES[self.language]))
        self._show_mark()
        kind, value = self._shown
        if kind == "link" and isinstance(value, QrLink):
            self.show_link(value)
        elif kind == "result" and isinstance(value, Payment):
            self.show_result(value)
        else:
            self.idle()

    # -- placement ----------------------------------------------------------------------------

    def place(self, cashier_screen: QScreen | None = None) -> None:
        """Fullscreen on a screen other than the cashier's if one exists; else a normal window."""
        screens = QGuiApplication.screens()
        cashier = cashier_screen or QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not cashier]
        if others:
            target = others[0]
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            self.resize(640, 800)
            self.show()

    # -- rendering ----------------------------------------------------------------------------

    def _show_mark(self) -> None:
        key = _MARK_KEYS.get(self.environment)
        self.mark.setText(self.text(key) if key else "")
        self.mark.setVisible(key is not None)

    def idle(self) -> None:
        self._shown = ("idle", None)
        self.amount.setText("")
        self.hint.setText(self.text("welcome"))
        self.code.clear()
        self.code.setVisible(False)
        self.status.setText("")
        self.countdown.setText("")

    def show_link(self, link: QrLink, _can_send: bool = False) -> None:
        self._shown = ("link", link)
        self.amount.setText(money(link.amount, self.language))
        self.hint.setText(self.text("scan"))
        try:
            self.code.set_payload(link.url)
            self.code.setVisible(True)
        except QrPayloadTooLong:
            self.code.setVisible(False)
        self.show_state(QrState.WAITING)

    def show_state(self, state: QrState) -> None:
        self.status.setText(self.text(state.value))
        self.status.setStyleSheet("color: #37474f;")

    def set_remaining(self, seconds: float) -> None:
        self.countdown.setText(self.text("expires").replace("%1", clock_text(seconds)))

    def show_result(self, payment: Payment, _note: str = "") -> None:
        self._shown = ("result", payment)
        self.code.clear()
        self.code.setVisible(False)
        self.amount.setText(money(payment.amount, self.language))
        self.hint.setText("")
        self.countdown.setText("")
        key = _RESULT_KEYS.get(payment.status, "unknown")
        style = look(payment.status)
        self.status.setText(f"{style.sign} {self.text(key)}")
        self.status.setStyleSheet(f"color: {style.colour};")

    def _on_stage(self, stage: QrStage) -> None:
        if stage is QrStage.CONNECTING:
            self.idle()
            self.hint.setText(self.text("connecting"))
