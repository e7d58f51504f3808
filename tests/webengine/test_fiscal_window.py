"""Fiscal receipts in the real window after the sale (issue 15): a refund from the history gets
its return receipt with the sale receipt as its basis, and a register shift over 24 hours is
told to the cashier, closed by our Z report, and the waiting receipt goes out exactly once.
Real QtWebEngine, the ePay and Webkassa emulators over loopback HTTP, real SQLite."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pos_app.store.fiscal_ops import FiscalState
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.training.webkassa import TRAINING_CASHBOX
from pos_app.ui.common import pin_guard as admin
from pos_app.ui.common.documents import DocumentDialog
from pos_app.ui.history.refund_dialog import RefundDialog
from pos_app.ui.shift.dialog import ShiftDialog
from tests.support.network_printer import NetworkPrinter, decode
from tests.ui.history.test_history import answer_dialog
from tests.webengine.helpers import TIMEOUT, make_till
from tests.webengine.test_fiscal_checkout import _pay

pytestmark = pytest.mark.webengine


@pytest.fixture
def fiscal_settings(settings: Settings) -> Settings:
    return replace(settings, fiscal_provider="webkassa", language="en")


def test_a_refund_in_history_gets_a_return_receipt_with_the_sale_as_its_basis(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    printer = NetworkPrinter()
    try:
        till = make_till(qtbot, emulator, replace(fiscal_settings, receipt_printer=printer.url))
        wk = till.runtime.extras["fiscal_runtime"].emulator
        _pay(qtbot, till, "1200")
        qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=TIMEOUT)
        (sale,) = wk.register.all_checks()
        rnm = wk.register.cashboxes[TRAINING_CASHBOX].rnm  # the register's registration number
        window = till.window.history.open()  # F3's path: the main window adds the fiscal part
        assert window is not None
        window.select_row(0)
        monkeypatch.setattr(admin, "prompt", lambda _parent, _store: True)
        seen: list[RefundDialog] = []
        answer_dialog(monkeypatch, "400", "damaged", seen)
        window.refund_selected()
        qtbot.waitUntil(lambda: "Basis:" in window.message.text(), timeout=TIMEOUT)
        returns = [c for c in wk.register.all_checks() if c["operation"] == 3]
        (back,) = returns  # one return receipt, sent at once (not at the next retry)
        assert back["total"] == "400.00" and back["basis"]["checknumber"] == sale["number"]
        assert back["basis"]["datetime"] == sale["date_time"]
        assert back["basis"]["registrationnumber"] == rnm
        text = window.message.text()
        assert f"Return receipt {back['number']} registered." in text
        assert (f"Basis: sale receipt {sale['number']} of {sale['date_time']}, "
                f"register {rnm}.") in text
        qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=TIMEOUT)
        printed = decode(printer.jobs[1])  # the return receipt, as the register formed it
        assert printed.qrs() == [back["ticket_url"]]
        assert any(str(back["number"]) in line for line in printed.texts())
        qtbot.waitUntil(lambda: "Receipt printed." in window.message.text(), timeout=TIMEOUT)
        assert wk.register.registrations == 2
        window.close()
        till.close()
    finally:
        printer.close()


def test_shift_over_24_hours_is_told_then_z_then_the_receipt_goes_out_once(
        qtbot: QtBot, home: object, emulator: Emulator, fiscal_settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    till = make_till(qtbot, emulator, fiscal_settings)
    ui = till.runtime.extras["fiscal_ui"]
    wk = till.runtime.extras["fiscal_runtime"].emulator
    service = till.runtime.extras["fiscal"]
    _pay(qtbot, till, "100")
    qtbot.waitUntil(lambda: wk.register.registrations == 1, timeout=TIMEOUT)
    wk.register.advance(24 * 3600 + 60)  # the register's shift is now over 24 hours old
    _pay(qtbot, till, "200")
    payment = till.runtime.journal.recent(1)[0]
    qtbot.waitUntil(lambda: ui.view.state.text() == "Fiscal receipt queued", timeout=TIMEOUT)
    assert ui.banner.isVisible()
    assert "over 24 hours" in ui.banner.text() and "Z report" in ui.banner.text()
    op = service.log.sale_for(payment.invoice_id)
    assert op.state is FiscalState.FAILED and op.error_code == "11" and op.retryable
    assert wk.register.registrations == 1

    window = till.window.history.open()
    assert window is not None
    dialogs: list[ShiftDialog] = []
    monkeypatch.setattr(ShiftDialog, "exec", lambda self: dialogs.append(self) or 0)
    window.shift_button.click()  # the history's "Shift and reports…"
    (shift,) = dialogs
    shift.open_button.click()  # (the till's own shift: opened here for the test)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    previews: list[DocumentDialog] = []
    monkeypatch.setattr(DocumentDialog, "exec", lambda self: previews.append(self) or 0)
    shift.z_button.click()
    qtbot.waitUntil(lambda: bool(previews), timeout=TIMEOUT)
    assert "Z report No. 1" in previews[0].windowTitle()
    assert "Cash register Z report" in previews[0].text
    qtbot.waitUntil(lambda: not ui.banner.isVisible(), timeout=TIMEOUT)  # told at once
    qtbot.waitUntil(lambda: "Fiscal receipt " in ui.view.state.text()
                    and "queued" not in ui.view.state.text(), timeout=TIMEOUT)
    keys = [c["key"] for c in wk.register.all_checks()]
    assert keys.count(f"pos-S-{payment.invoice_id}") == 1 and len(keys) == 2
    done = service.log.sale_for(payment.invoice_id)
    assert done.state is FiscalState.DONE and done.fiscal_number in ui.view.state.text()
    (back,) = [c for c in wk.register.all_checks() if c["key"] == done.key]
    assert back["shift"] == 2  # registered in the register's new shift, after its Z
    till.close()
