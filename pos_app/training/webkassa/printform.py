"""The register's print form: pre-padded text lines, bold headers and a QR of ``TicketUrl``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

WIDTH = {0: 48, 3: 36, 12: 48, 13: 48}
LABELS = {
    "ru": {"sale": "ПРОДАЖА", "return": "ВОЗВРАТ ПРОДАЖИ", "fiscal": "ФИСКАЛЬНЫЙ ЧЕК",
           "bin": "БИН", "shift": "Смена", "order": "Порядковый номер чека",
           "total": "ИТОГО", "card": "Банковская карта", "vat": "в т.ч. НДС",
           "fp": "ФП", "rnm": "РНМ", "znm": "ЗНМ", "offline": "АВТОНОМНЫЙ РЕЖИМ",
           "ofd": "Проверка чека на сайте", "cashier": "Кассир", "time": "Время"},
    "kk": {"sale": "САТУ", "return": "САТУДЫ ҚАЙТАРУ", "fiscal": "ФИСКАЛДЫҚ ЧЕК",
           "bin": "БСН", "shift": "Ауысым", "order": "Чектің реттік нөмірі",
           "total": "ЖИЫНЫ", "card": "Банк картасы", "vat": "оның ішінде ҚҚС",
           "fp": "ФБ", "rnm": "ТНМ", "znm": "ЗНМ", "offline": "ДЕРБЕС РЕЖИМ",
           "ofd": "Чекті сайтта тексеру", "cashier": "Кассир", "time": "Уақыты"},
    "en": {"sale": "SALE", "return": "SALE RETURN", "fiscal": "FISCAL RECEIPT",
           "bin": "BIN", "shift": "Shift", "order": "Receipt number in shift",
           "total": "TOTAL", "card": "Bank card", "vat": "incl. VAT",
           "fp": "Fiscal sign", "rnm": "RNM", "znm": "ZNM", "offline": "AUTONOMOUS MODE",
           "ofd": "Check the receipt at", "cashier": "Cashier", "time": "Time"},
}


def language(header: str) -> str:
    """``Accept-Language`` honoured roughly: kk, en, otherwise ru."""
    head = header.strip().lower()[:2]
    return head if head in LABELS else "ru"


def _pair(left: str, right: str, width: int) -> str:
    room = width - len(right) - 1
    return (left[:room].ljust(room) + " " + right)[:width]


def _centre(text: str, width: int) -> str:
    return text[:width].center(width)


def _money(value: Decimal) -> str:
    return f"{Decimal(value).quantize(Decimal('0.01')):f}"


def lines(check: dict[str, Any], paper_kind: int, lang: str) -> list[dict[str, Any]]:
    """The ``Lines`` of one registered check (see :class:`Register` for its fields)."""
    width = WIDTH.get(paper_kind, 48)
    t = LABELS.get(lang, LABELS["ru"])
    out: list[tuple[int, str, int]] = []  # (type, value, style)

    def text(value: str, bold: bool = False) -> None:
        out.append((0, value, 1 if bold else 0))

    text(_centre(check["org_name"], width), True)
    text(_centre(f"{t['bin']} {check['org_bin']}", width))
    text(_pair(t["znm"], check["cashbox"], width))
    text(_pair(t["rnm"], check["rnm"], width))
    text(_pair(t["shift"], str(check["shift"]), width))
    text(_pair(t["order"], str(check["order"]), width))
    text(_pair(t["time"], check["date_time"], width))
    text(_pair(t["cashier"], check["employee"], width))
    text("-" * width)
    text(_centre(t["return" if check["operation"] in (1, 3) else "sale"], width), True)
    for position in check["positions"]:
        text(position["name"][:width])
        text(_pair(f"  {position['count']:f} x {_money(position['price'])}",
                   _money(position["sum"]), width))
        if position["percent"] is not None:
            text(_pair(f"  {t['vat']} {position['percent']}%", _money(position["tax"]), width))
    text("-" * width)
    text(_pair(t["total"], _money(check["total"]), width), True)
    text(_pair(t["card"], _money(check["total"]), width))
    text(_pair(t["fp"], check["number"], width), True)
    if check["offline"]:
        text(_centre(t["offline"], width), True)
    text(t["ofd"][:width])
    text(check["ofd_host"][:width])
    out.append((2, check["ticket_url"], 0))
    text(_centre(t["fiscal"], width), True)
    return [{"Order": i + 1, "Type": kind, "Value": value, "Style": style}
            for i, (kind, value, style) in enumerate(out)]
