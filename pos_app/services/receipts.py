"""A customer slip as data: what it says, in the UI language. The UI only lays it out.

The till is not a fiscal register, so every slip says so ("non-fiscal document").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos_app.domain.money import format_tenge
from pos_app.domain.payment import Payment, PaymentStatus

_TEXTS: dict[str, dict[str, str]] = {
    "en": {"title": "Card payment", "refund_title": "Refund", "date": "Date and time",
           "amount": "Amount", "invoice": "Invoice", "rrn": "RRN", "approval": "Approval code",
           "card": "Card", "status": "Status", "refunded": "Refunded",
           "fiscal": "non-fiscal document", "copy": "Copy",
           "training": "TRAINING, not a payment", "test": "TEST, not a payment"},
    "ru": {"title": "Оплата картой", "refund_title": "Возврат", "date": "Дата и время",
           "amount": "Сумма", "invoice": "Номер заказа", "rrn": "RRN",
           "approval": "Код авторизации", "card": "Карта", "status": "Статус",
           "refunded": "Возвращено", "fiscal": "Нефискальный документ", "copy": "Копия",
           "training": "ОБУЧЕНИЕ, не платёж", "test": "ТЕСТ, не платёж"},
    "kk": {"title": "Картамен төлем", "refund_title": "Қайтару", "date": "Күні мен уақыты",
           "amount": "Сомасы", "invoice": "Тапсырыс нөмірі", "rrn": "RRN",
           "approval": "Авторизация коды", "card": "Карта", "status": "Күйі",
           "refunded": "Қайтарылды", "fiscal": "Фискалдық емес құжат", "copy": "Көшірме",
           "training": "ОҚУ, төлем емес", "test": "ТЕСТ, төлем емес"},
}  # fmt: skip
_STATUS: dict[str, dict[PaymentStatus, str]] = {
    "en": {PaymentStatus.PAID: "Approved", PaymentStatus.REFUNDED: "Refunded",
           PaymentStatus.PARTIALLY_REFUNDED: "Partly refunded",
           PaymentStatus.CANCELLED: "Cancelled", PaymentStatus.DECLINED: "Declined"},
    "ru": {PaymentStatus.PAID: "Одобрено", PaymentStatus.REFUNDED: "Возвращено",
           PaymentStatus.PARTIALLY_REFUNDED: "Частично возвращено",
           PaymentStatus.CANCELLED: "Отменено", PaymentStatus.DECLINED: "Отклонено"},
    "kk": {PaymentStatus.PAID: "Мақұлданды", PaymentStatus.REFUNDED: "Қайтарылды",
           PaymentStatus.PARTIALLY_REFUNDED: "Ішінара қайтарылды",
           PaymentStatus.CANCELLED: "Бас тартылды", PaymentStatus.DECLINED: "Қабылданбады"},
}  # fmt: skip

NON_FISCAL = {lang: texts["fiscal"] for lang, texts in _TEXTS.items()}


@dataclass(frozen=True, slots=True)
class Receipt:
    """One slip: a heading, label/value lines and the non-fiscal footer."""

    language: str
    shop_name: str
    shop_address: str
    title: str
    lines: tuple[tuple[str, str], ...]
    footer: str
    copy: bool = False
    mark: str = ""  # TRAINING / TEST, in words, for a slip not from production


    def as_text(self) -> str:
        """Plain text (logs, tests, a printer without graphics)."""
        head = [self.mark, self.shop_name, self.shop_address, self.title]
        body = [f"{label}: {value}" for label, value in self.lines]
        return "\n".join([*(h for h in head if h), *body, self.footer, self.mark]).rstrip("\n")


def texts(language: str) -> dict[str, str]:
    return _TEXTS.get(language, _TEXTS["ru"])


def environment_words(environment: str, language: str) -> str:
    """TRAINING / TEST (not a payment) in ``language`` for a non-production environment."""
    key = {"training": "training", "test": "test", "test-new": "test"}.get(environment)
    return texts(language)[key] if key else ""


def build_receipt(payment: Payment, *, shop_name: str, shop_address: str, language: str,
                  copy: bool = False, environment: str = "prod") -> Receipt:  # fmt: skip
    """The slip for ``payment`` in ``language`` (``ru``, ``kk`` or ``en``; others → ``ru``);
    a slip from training or ePay's test environment says so in words, top and bottom."""
    language = language if language in _TEXTS else "ru"
    t = _TEXTS[language]
    status = _STATUS[language].get(payment.status, payment.status.value)
    local: datetime = payment.created_at.astimezone()
    lines: list[tuple[str, str]] = [
        (t["date"], local.strftime("%d.%m.%Y %H:%M:%S")),
        (t["amount"], format_tenge(payment.amount, group=" ")),
        (t["invoice"], payment.invoice_id),
        (t["rrn"], payment.reference or "—"),
        (t["approval"], payment.approval_code or "—"),
        (t["card"], payment.card_mask or "—"),
        (t["status"], status),
    ]
    if payment.refunded_amount > 0:
        lines.append((t["refunded"], format_tenge(payment.refunded_amount, group=" ")))
    title = t["title"] + (f" · {t['copy']}" if copy else "")
    return Receipt(language, shop_name, shop_address, title, tuple(lines), t["fiscal"], copy,
                   environment_words(environment, language))
