"""QR payments in the real window: F2, the painted QR decoded by a real decoder (zxing-cpp),
the link opened with httpx like a phone, the emulator's payform, the status API, SQLite."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.services.qr_payment import LinkKind
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import Till
from pos_app.ui.qr.controller import QrStage
from tests.webengine.helpers import TIMEOUT, make_till

pytestmark = pytest.mark.webengine


class _FormParser(HTMLParser):
    """The payform's <form>: its action and every named input's value."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.action = a.get("action", "")
        elif tag == "input" and a.get("name"):
            self.fields[a["name"]] = a.get("value", "")


def pay_like_a_phone(url: str, pan: str, expiry: str, cvc: str) -> httpx.Response:
    """Open the link as a phone browser would, fill the card form and submit it."""
    with httpx.Client(follow_redirects=True, timeout=15) as phone:
        page = phone.get(url)
        assert page.status_code == 200, page.text[:200]
        form = _FormParser()
        form.feed(page.text)
        assert form.action and "pan" in form.fields, "no card form on the page"
        data = {**form.fields, "pan": pan, "expiry": expiry, "cvc": cvc}
        # The result may redirect to the shop's return page, which a test need not load.
        return phone.post(urljoin(str(page.url), form.action), data=data, follow_redirects=False)


def qr_till(qtbot: QtBot, emulator: Emulator, settings: Settings, *, expiry: float = 600.0,
            invoice_links: bool = True) -> Till:
    till = make_till(qtbot, emulator, settings)
    assert till.qr is not None
    service = till.qr.service
    service.options = replace(service.options, poll_interval=0.2, expiry=expiry,
                              use_invoice_links=invoice_links)
    return till


def press_f2_with(qtbot: QtBot, till: Till, amount: str) -> None:
    field = till.window.entry.amount
    field.setFocus()
    qtbot.keyClicks(field, amount)
    qtbot.keyClick(field, Qt.Key.Key_F2)
    assert till.qr is not None
    qtbot.waitUntil(lambda: till.qr is not None and till.qr.stage is QrStage.SHOWING,
                    timeout=TIMEOUT)


def grey_pixels(image: QImage) -> memoryview:
    """The image as a (height, width) 8-bit buffer (zxing-cpp's own QImage path is avoided:
    it corrupts reference counts at interpreter exit)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    raw = bytes(grey.constBits())
    rows = b"".join(raw[y * stride:y * stride + width] for y in range(height))
    return memoryview(rows).cast("B", (height, width))


def decode_qr_widget(qtbot: QtBot, till: Till, tmp_path: Path) -> str:
    """Grab the painted widget, save it as PNG, read it back and decode it with zxing-cpp."""
    code = till.window.activity.qr.code
    qtbot.waitUntil(lambda: code.isVisible() and code.matrix is not None, timeout=TIMEOUT)
    png = tmp_path / "qr.png"
    assert code.grab().toImage().save(str(png))
    results = zxingcpp.read_barcodes(grey_pixels(QImage(str(png))),
                                     formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(results) == 1, "the QR on screen could not be decoded"
    return str(results[0].text)


def finish(qtbot: QtBot, till: Till) -> object:
    qtbot.waitUntil(lambda: till.qr is not None and till.qr.stage is QrStage.RESULT,
                    timeout=TIMEOUT)
    return till.runtime.journal.recent(1)[0]


@pytest.mark.parametrize("invoice_links", [True, False], ids=["invoice-link", "payform-link"])
def test_qr_paid_on_the_phone(qtbot: QtBot, home: Path, emulator: Emulator, settings: Settings,
                              tmp_path: Path, invoice_links: bool) -> None:
    till = qr_till(qtbot, emulator, settings, invoice_links=invoice_links)
    press_f2_with(qtbot, till, "1500")
    assert till.window.activity.currentWidget() is till.window.activity.qr
    assert till.qr is not None and till.qr.link is not None
    assert till.qr.link.kind is (LinkKind.INVOICE_LINK if invoice_links else LinkKind.PAYFORM)
    url = decode_qr_widget(qtbot, till, tmp_path)
    assert url == till.qr.link.url == till.window.activity.qr.url.text()
    if invoice_links:
        assert "/redirect/invoice-link/" in url
    else:
        assert "/payform/?params=" in url

    answer = pay_like_a_phone(url, "4405639704015096", "01/27", "321")
    assert answer.status_code in (200, 302, 303)

    payment = finish(qtbot, till)
    assert payment.status is PaymentStatus.PAID
    assert payment.method is PaymentMethod.QR
    assert payment.card_mask.endswith("5096") and payment.reference
    assert "Approved" in till.window.activity.result.words.text()
    assert till.window.activity.currentWidget() is till.window.activity.result
    assert till.window.entry.isEnabled()
    till.close()


def test_qr_declined_card(qtbot: QtBot, home: Path, emulator: Emulator, settings: Settings,
                          tmp_path: Path) -> None:
    till = qr_till(qtbot, emulator, settings)
    press_f2_with(qtbot, till, "700")
    url = decode_qr_widget(qtbot, till, tmp_path)
    pay_like_a_phone(url, "4003032704547597", "09/20", "170")
    payment = finish(qtbot, till)
    assert payment.status is PaymentStatus.DECLINED
    assert payment.method is PaymentMethod.QR
    assert payment.reason_code
    till.close()


def test_qr_expires_when_time_runs_out(qtbot: QtBot, home: Path, emulator: Emulator,
                                       settings: Settings) -> None:
    till = qr_till(qtbot, emulator, settings, expiry=1.5)
    press_f2_with(qtbot, till, "800")
    assert "Expires in 0:0" in till.window.activity.qr.countdown.text()
    payment = finish(qtbot, till)
    assert payment.status is PaymentStatus.EXPIRED
    assert payment.method is PaymentMethod.QR
    assert "Expired" in till.window.activity.result.words.text()
    till.close()


def test_qr_cancel_with_escape(qtbot: QtBot, home: Path, emulator: Emulator,
                               settings: Settings) -> None:
    till = qr_till(qtbot, emulator, settings)
    press_f2_with(qtbot, till, "990")
    before = emulator.calls("status")
    qtbot.keyClick(till.window, Qt.Key.Key_Escape)
    payment = finish(qtbot, till)
    assert payment.status is PaymentStatus.CANCELLED
    assert emulator.calls("status") > before  # one last question to the bank first
    till.close()


def test_qr_cancel_after_the_customer_paid_is_paid(qtbot: QtBot, home: Path, emulator: Emulator,
                                                   settings: Settings, tmp_path: Path) -> None:
    till = qr_till(qtbot, emulator, settings)
    assert till.qr is not None
    till.qr.service.options = replace(till.qr.service.options, poll_interval=30.0)
    press_f2_with(qtbot, till, "1200")
    pay_like_a_phone(decode_qr_widget(qtbot, till, tmp_path), "4405639704015096", "01/27", "321")
    till.window.activity.qr.cancel.click()
    payment = finish(qtbot, till)
    assert payment.status is PaymentStatus.PAID
    till.close()


def test_qr_survives_a_failing_status_api(qtbot: QtBot, home: Path, emulator: Emulator,
                                          settings: Settings, tmp_path: Path) -> None:
    till = qr_till(qtbot, emulator, settings)
    press_f2_with(qtbot, till, "2500")
    url = decode_qr_widget(qtbot, till, tmp_path)
    emulator.add_fault("status", "http_error", status=503, count=12)  # ≥3 failed polls
    before = emulator.calls("status")
    qtbot.waitUntil(lambda: "still checking" in till.window.activity.qr.state.text(),
                    timeout=TIMEOUT)
    assert till.qr is not None and till.qr.stage is QrStage.SHOWING  # not given up
    pay_like_a_phone(url, "5522042705066736", "01/27", "775")
    payment = finish(qtbot, till)
    assert payment.status is PaymentStatus.PAID
    assert emulator.calls("status") - before >= 12
    till.close()


def test_qr_link_sent_by_sms_replaces_the_code(qtbot: QtBot, home: Path, emulator: Emulator,
                                               settings: Settings) -> None:
    till = qr_till(qtbot, emulator, settings)
    press_f2_with(qtbot, till, "640")
    assert till.qr is not None and till.qr.link is not None
    first = till.qr.link.invoice_id
    panel = till.window.activity.qr
    qtbot.keyClicks(panel.phone, "+7 701 12")
    panel.send.click()
    assert "+7 and 10 digits" in panel.send_note.text()  # validated, nothing sent
    panel.phone.clear()
    qtbot.keyClicks(panel.phone, "+7 701 123 45 67")
    panel.send.click()
    qtbot.waitUntil(lambda: till.qr is not None and till.qr.link is not None
                    and till.qr.link.invoice_id != first
                    and till.qr.stage is QrStage.SHOWING, timeout=TIMEOUT)
    assert till.qr.link.sent_to == "+77011234567"
    links = emulator.state()["invoice_links"]
    assert isinstance(links, list)
    assert any(link.get("recipient_contact_sms") == "+77011234567" for link in links)
    assert till.runtime.journal.get(first).status is PaymentStatus.CANCELLED
    qtbot.keyClick(till.window, Qt.Key.Key_Escape)
    finish(qtbot, till)
    till.close()


def test_customer_display_agrees_with_the_cashier(qtbot: QtBot, home: Path, emulator: Emulator,
                                                  tmp_path: Path) -> None:
    settings = Settings(environment="training", shop_name="Test shop", customer_display=True,
                        language="en")
    till = qr_till(qtbot, emulator, settings)
    till.window.apply_language(settings.language)  # as run_gui does
    display = till.display
    assert display is not None
    display.place(till.window.screen())
    qtbot.waitExposed(display)
    press_f2_with(qtbot, till, "1500")
    assert display.code.payload == till.window.activity.qr.code.payload
    assert display.amount.text() == till.window.activity.qr.amount.text()
    qtbot.waitUntil(lambda: display.countdown.text() != "", timeout=TIMEOUT)
    url = decode_qr_widget(qtbot, till, tmp_path)
    pay_like_a_phone(url, "4405639704015096", "01/27", "321")
    finish(qtbot, till)
    assert "Paid" in display.status.text()
    till.close()
