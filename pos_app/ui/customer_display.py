"""The customer-facing display: shop name, amount, the QR and the live status.

An optional second window: fullscreen on a second screen when there is one, otherwise an
ordinary movable window. It listens to the same :class:`QrController` signals as the cashier's
QR panel, so both always show the same link, time and outcome. It speaks the customer's
language (the till's ePay language setting), which may differ from the cashier's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.domain.money import format_tenge
from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.services.qr_payment import QrLink, QrState
from pos_app.ui.panels.qr_panel import clock_text
from pos_app.ui.qr_controller import QrController, QrStage
from pos_app.ui.qr_widget import QrPayloadTooLong, QrWidget
from pos_app.ui.status_style import look

# The customer's language is a setting of its own, not the cashier's locale, so these few
# sentences are kept per language here instead of in the cashier's translation catalogue.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "welcome": "Welcome",
        "scan": "Scan the code with your phone camera to pay",
        "waiting": "Waiting for payment…",
        "in_progress": "Payment in progress…",
        "no_answer": "Checking with the bank…",
        "expires": "The code is valid for {time}",
        "connecting": "Preparing the payment…",
        "paid": "Paid. Thank you!",
        "declined": "The payment was declined",
        "cancelled": "The payment was cancelled",
        "expired": "The code has expired",
        "unknown": "Please wait: the bank is confirming the payment",
        "error": "The payment could not be started",
    },
    "ru": {
        "welcome": "Добро пожаловать",
        "scan": "Наведите камеру телефона на код, чтобы оплатить",
        "waiting": "Ожидаем оплату…",
        "in_progress": "Идёт оплата…",
        "no_answer": "Проверяем в банке…",
        "expires": "Код действителен ещё {time}",
        "connecting": "Готовим оплату…",
        "paid": "Оплачено. Спасибо!",
        "declined": "Платёж отклонён",
        "cancelled": "Платёж отменён",
        "expired": "Срок действия кода истёк",
        "unknown": "Подождите: банк подтверждает платёж",
        "error": "Не удалось начать оплату",
    },
    "kk": {
        "welcome": "Қош келдіңіз",
        "scan": "Төлеу үшін телефон камерасын кодқа бағыттаңыз",
        "waiting": "Төлемді күтудеміз…",
        "in_progress": "Төлем жүріп жатыр…",
        "no_answer": "Банкте тексерудеміз…",
        "expires": "Код тағы {time} жарамды",
        "connecting": "Төлемді дайындаудамыз…",
        "paid": "Төленді. Рақмет!",
        "declined": "Төлем қабылданбады",
        "cancelled": "Төлем тоқтатылды",
        "expired": "Кодтың мерзімі өтті",
        "unknown": "Күте тұрыңыз: банк төлемді растауда",
        "error": "Төлемді бастау мүмкін болмады",
    },
}

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

    def __init__(self, qr: QrController, *, shop_name: str, language: str = "ru") -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        self.setWindowTitle(self.tr("Customer display"))
        self.texts = TEXTS.get(language, TEXTS["ru"])
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
        for widget in (self.shop, self.amount, self.hint):
            layout.addWidget(widget)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.countdown)
        for label in (self.shop, self.amount, self.hint, self.status, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.setStyleSheet(
            "#customerDisplay { background: #ffffff; }"
            "#cdShop { font-size: 26px; font-weight: 600; color: #37474f; }"
            "#cdAmount { font-size: 56px; font-weight: 700; color: #1b1f24; }"
            "#cdHint { font-size: 22px; color: #263238; }"
            "#cdStatus { font-size: 30px; font-weight: 600; }"
            "#cdCountdown { font-size: 20px; color: #455a64; }"
        )
        self.idle()
        qr.stage_changed.connect(self._on_stage)
        qr.link_ready.connect(self.show_link)
        qr.polled.connect(self.show_state)
        qr.tick.connect(self.set_remaining)
        qr.finished.connect(self.show_result)

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

    def idle(self) -> None:
        self.amount.setText("")
        self.hint.setText(self.texts["welcome"])
        self.code.clear()
        self.code.setVisible(False)
        self.status.setText("")
        self.countdown.setText("")

    def show_link(self, link: QrLink, _can_send: bool = False) -> None:
        self.amount.setText(format_tenge(link.amount))
        self.hint.setText(self.texts["scan"])
        try:
            self.code.set_payload(link.url)
            self.code.setVisible(True)
        except QrPayloadTooLong:
            self.code.setVisible(False)
        self.show_state(QrState.WAITING)

    def show_state(self, state: QrState) -> None:
        self.status.setText(self.texts[state.value])
        self.status.setStyleSheet("color: #37474f;")

    def set_remaining(self, seconds: float) -> None:
        self.countdown.setText(self.texts["expires"].format(time=clock_text(seconds)))

    def show_result(self, payment: Payment, _note: str = "") -> None:
        self.code.clear()
        self.code.setVisible(False)
        self.amount.setText(format_tenge(payment.amount))
        self.hint.setText("")
        self.countdown.setText("")
        key = _RESULT_KEYS.get(payment.status, "unknown")
        style = look(payment.status)
        self.status.setText(f"{style.sign} {self.texts[key]}")
        self.status.setStyleSheet(f"color: {style.colour};")

    def _on_stage(self, stage: QrStage) -> None:
        if stage is QrStage.CONNECTING:
            self.idle()
            self.hint.setText(self.texts["connecting"])
