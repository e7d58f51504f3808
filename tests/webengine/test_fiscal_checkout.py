"""Fiscal receipts in the real window: a card payment through QtWebEngine and the ePay emulator,
then the fiscal receipt from the Webkassa training emulator in the background (issue 15)."""

from __future__ import annotations

from dataclasses import replace

import pytest
import zxingcpp
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.store.fiscal_ops import FiscalState
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import Till
from pos_app.ui.checkout.controller import Stage
from tests.webengine.helpers import (
    TIMEOUT,
    make_till,
    type_amount_and_enter,
    type_card,
    wait_for_card_form,
)

pytestmark = pytest.mark.webengine


@pytest.fixture
def fiscal_settings(settings: Settings) -> Settings:
    return replace(settings, fiscal_provider="webkassa")


def _pay(qtbot: QtBot, till: Till, amount: str) -> None:
    type_amount_and_enter(qtbot, till, amount)
    frame = wait_for_card_form(qtbot, till)
    type_card(qtbot, till, frame, "4405639704015096", "0127", "321")
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT, timeout=TIMEOUT)


def _decode(widget: object) -> list[str]:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)  # type: ignore[attr-defined]
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [r.text for r in found]


def test_card_payment_gets_a_fiscal_receipt_with_a_scannable_qr(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings) -> None:
    till = make_till(qtbot, emulator, fiscal_settings)
    ui = till.runtime.extras["fiscal_ui"]
    wk = till.runtime.extras["fiscal_runtime"].emulator
    _pay(qtbot, till, "1500,50")
    payment = till.runtime.journal.recent(1)[0]
    assert payment.status is PaymentStatus.PAID
    assert ui.view.isVisible()
    qtbot.waitUntil(lambda: "Fiscal receipt " in ui.view.state.text()
                    and "registered" not in ui.view.state.text(), timeout=TIMEOUT)
    (check,) = wk.register.all_checks()
    assert check["key"] == f"pos-S-{payment.invoice_id}" and check["total"] == "1500.50"
    assert check["number"] in ui.view.state.text()
    assert _decode(ui.view.qr) == [check["ticket_url"]]
    assert not ui.banner.isVisible()
    assert till.window.entry.amount.isEnabled()  # the next amount can be typed at once
    import os

    if os.environ.get("POS_APP_SCREENSHOTS"):
        till.window.grab().save(os.path.join(os.environ["POS_APP_SCREENSHOTS"], "fiscal-result.png"))
    till.close()


def test_blocked_register_queues_the_receipt_with_a_banner(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings) -> None:
    till = make_till(qtbot, emulator, fiscal_settings)
    ui = till.runtime.extras["fiscal_ui"]
    wk = till.runtime.extras["fiscal_runtime"].emulator
    wk.set_cashbox(status="blocked")
    _pay(qtbot, till, "700")
    qtbot.waitUntil(lambda: ui.banner.isVisible(), timeout=TIMEOUT)
    assert "blocked" in ui.banner.text()
    assert ui.view.state.text() == "Fiscal receipt queued"
    service = till.runtime.extras["fiscal"]
    payment = till.runtime.journal.recent(1)[0]
    op = service.log.sale_for(payment.invoice_id)
    assert op.state is FiscalState.FAILED and op.retryable and wk.register.registrations == 0
    wk.set_cashbox(status="active")
    ui.controller.run_queue()
    qtbot.waitUntil(lambda: not ui.banner.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: service.log.sale_for(payment.invoice_id).state is FiscalState.DONE,
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "Fiscal receipt " in ui.view.state.text()
                    and "registered" not in ui.view.state.text(), timeout=TIMEOUT)
    assert wk.register.registrations == 1
    till.close()


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_fiscal_result_and_banner_in_each_language(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings,
        language: str) -> None:
    """Renders the fiscal result and the register banner; with POS_APP_SCREENSHOTS set, saves
    them (the README's pictures come from here)."""
    import os

    from pos_app.ui.common import i18n

    i18n.set_language(language)
    till = make_till(qtbot, emulator, replace(fiscal_settings, language=language))
    ui = till.runtime.extras["fiscal_ui"]
    wk = till.runtime.extras["fiscal_runtime"].emulator
    _pay(qtbot, till, "2500")
    qtbot.waitUntil(lambda: wk.register.registrations == 1, timeout=TIMEOUT)
    number = str(wk.register.all_checks()[0]["number"])
    qtbot.waitUntil(lambda: number in ui.view.state.text(), timeout=TIMEOUT)
    assert ui.view.qr.isVisible()
    out = os.environ.get("POS_APP_SCREENSHOTS")
    if out:
        till.window.grab().save(os.path.join(out, f"fiscal-result-{language}.png"))
    wk.add_fault("*", "drop_before", count=100)
    _pay(qtbot, till, "700")
    qtbot.waitUntil(lambda: ui.banner.isVisible(), timeout=TIMEOUT)
    assert ui.banner.text() and ui.view.state.text() not in ("", ui.banner.text())
    if out:
        till.window.grab().save(os.path.join(out, f"fiscal-banner-{language}.png"))
    wk.clear_faults()
    till.close()


def test_the_receipt_is_printed_on_the_network_printer(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings) -> None:
    from tests.support.network_printer import NetworkPrinter, decode

    printer = NetworkPrinter()
    try:
        till = make_till(qtbot, emulator, replace(fiscal_settings, receipt_printer=printer.url))
        ui = till.runtime.extras["fiscal_ui"]
        _pay(qtbot, till, "990")
        qtbot.waitUntil(lambda: bool(printer.jobs), timeout=TIMEOUT)
        (check,) = till.runtime.extras["fiscal_runtime"].emulator.register.all_checks()
        decoded = decode(printer.jobs[0])
        assert decoded.qrs() == [check["ticket_url"]]
        assert any(check["number"] in text for text in decoded.texts())
        assert any("990.00" in text for text in decoded.texts())
        qtbot.waitUntil(lambda: ui.view.printer_note.text() != "", timeout=TIMEOUT)
        ui.controller.run_queue()  # later queue runs never print the same receipt again
        qtbot.waitUntil(lambda: not ui.controller.tasks.running, timeout=TIMEOUT)
        assert len(printer.jobs) == 1
        till.close()
    finally:
        printer.close()


def test_an_hour_before_the_24_hour_limit_the_banner_warns(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings) -> None:
    till = make_till(qtbot, emulator, fiscal_settings)
    ui = till.runtime.extras["fiscal_ui"]
    wk = till.runtime.extras["fiscal_runtime"].emulator
    _pay(qtbot, till, "100")
    qtbot.waitUntil(lambda: wk.register.registrations == 1, timeout=TIMEOUT)
    assert not ui.banner.isVisible()
    wk.register.advance(23.5 * 3600)
    _pay(qtbot, till, "200")
    qtbot.waitUntil(lambda: ui.banner.isVisible(), timeout=TIMEOUT)
    assert "24-hour limit" in ui.banner.text()
    till.close()


def test_the_customer_display_shows_the_receipt_qr(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings) -> None:
    till = make_till(qtbot, emulator, replace(fiscal_settings, customer_display=True,
                                              language="kk"))
    assert till.display is not None
    till.display.set_language("kk")
    wk = till.runtime.extras["fiscal_runtime"].emulator
    _pay(qtbot, till, "450")
    qtbot.waitUntil(lambda: not till.display.code.isHidden(), timeout=TIMEOUT)
    till.display.resize(640, 800)
    till.display.show()  # shown only now: a second window would take the keyboard focus
    qtbot.waitExposed(till.display)
    (check,) = wk.register.all_checks()
    assert _decode(till.display.code) == [check["ticket_url"]]
    assert "фискалдық чегіңіз" in till.display.hint.text()
    till.close()


def test_history_prints_the_fiscal_receipt_again_as_a_copy(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings) -> None:
    from pos_app.printing.escpos_print import COPY_MARK, text_image
    from tests.support.network_printer import NetworkPrinter, decode

    printer = NetworkPrinter()
    try:
        till = make_till(qtbot, emulator, replace(fiscal_settings, receipt_printer=printer.url))
        _pay(qtbot, till, "310")
        qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=TIMEOUT)
        window = till.window.history.open()  # F3's path: the main window adds the reprint
        assert window is not None
        window.select_row(0)
        button = window.findChild(type(window.shift_button), "fiscalReprint")
        assert button is not None
        button.click()
        qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=TIMEOUT)
        first, again = decode(printer.jobs[0]), decode(printer.jobs[1])
        mark = again.items[0]
        expected = text_image(COPY_MARK.center(48), bold=True)
        assert mark[0] == "image" and mark[1].size[1] == expected.size[1]
        assert again.qrs() == first.qrs() and again.texts() == first.texts()
        qtbot.waitUntil(lambda: window.message.text() != "Printing…", timeout=TIMEOUT)
        window.close()
        till.close()
    finally:
        printer.close()


def test_a_qr_link_payment_gets_its_fiscal_receipt_too(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings,
        tmp_path: object) -> None:
    from tests.webengine.test_qr_payment import (
        decode_qr_widget,
        finish,
        pay_like_a_phone,
        press_f2_with,
        qr_till,
    )

    till = qr_till(qtbot, emulator, fiscal_settings)
    ui = till.runtime.extras["fiscal_ui"]
    wk = till.runtime.extras["fiscal_runtime"].emulator
    press_f2_with(qtbot, till, "1200")
    pay_like_a_phone(decode_qr_widget(qtbot, till, tmp_path), "4405639704015096", "01/27", "321")
    payment = finish(qtbot, till)
    assert payment.status is PaymentStatus.PAID
    qtbot.waitUntil(lambda: wk.register.registrations == 1, timeout=TIMEOUT)
    (check,) = wk.register.all_checks()
    assert check["key"] == f"pos-S-{payment.invoice_id}" and check["total"] == "1200.00"
    qtbot.waitUntil(lambda: str(check["number"]) in ui.view.state.text(), timeout=TIMEOUT)
    till.close()
