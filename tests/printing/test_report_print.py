"""X and Z reports on the ESC/POS receipt printer (issue 15): the shift dialog prints them on a
loopback "network printer"; the bytes are decoded back to text and compared. The Z report
prints ours, then the cash register's own Z report (real Webkassa emulator over HTTP)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.printing.escpos_print import encodable
from pos_app.services.fiscal import FiscalService
from pos_app.services.reports import ShiftService
from pos_app.store.journal import Journal
from pos_app.store.settings import Settings
from pos_app.ui.common.documents import DocumentDialog
from pos_app.ui.common.tasks import Tasks
from pos_app.ui.shift.dialog import ShiftDialog
from pos_app.ui.shift.report_print import columns, report_lines
from tests.fiscal.conftest import fiscal_service
from tests.support.network_printer import NetworkPrinter, decode

SETTINGS = Settings(shop_name="Corner shop", shop_address="Almaty, Abay 10", language="en")


@pytest.fixture
def printer() -> Iterator[NetworkPrinter]:
    p = NetworkPrinter()
    yield p
    p.close()


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    t = Tasks()
    yield t
    t.shutdown(wait=True)


@pytest.fixture
def fiscal(journal: Journal) -> Iterator[FiscalService]:
    with fiscal_service(journal) as service:
        yield service


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[DocumentDialog]:
    """The preview dialogs the shift dialog opens (not run modally in the test)."""
    shown: list[DocumentDialog] = []
    monkeypatch.setattr(DocumentDialog, "exec", lambda self: shown.append(self) or 0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    return shown


def row(label: str, value: str) -> str:
    (line,) = columns(label, value, 48)
    assert line.startswith(label) and line.endswith(value) and len(line) == 48
    return line


def _sale(journal: Journal, fiscal: FiscalService, amount: str) -> None:
    payment = journal.create_attempt(Decimal(amount))
    journal.transition(payment.invoice_id, PaymentStatus.PAID, note="bank: CHARGE")
    fiscal.process(fiscal.enqueue_sale(payment.invoice_id))


def test_x_and_z_print_on_the_receipt_printer_z_with_the_register_report(
        qtbot: QtBot, journal: Journal, fiscal: FiscalService, tasks: Tasks,
        printer: NetworkPrinter, previews: list[DocumentDialog]) -> None:
    shifts = ShiftService(journal, None, fiscal=fiscal)
    shifts.open()
    _sale(journal, fiscal, "1500.50")
    _sale(journal, fiscal, "700")
    dialog = ShiftDialog(shifts, journal, tasks, replace(SETTINGS, receipt_printer=printer.url))
    qtbot.addWidget(dialog)

    dialog.show_x()
    x = decode(printer.wait_for_jobs(1)[0])
    assert x.cut and x.texts()[2] == "X report (shift still open)"
    assert row("Sales", "2  2200.50") in x.texts()
    assert not any("Cash register" in t for t in x.texts())

    dialog.close_shift()
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "printed on the receipt printer" in dialog.message.text(),
                    timeout=10_000)
    z = decode(printer.jobs[1])
    report = previews[-1]
    assert "Z report No. 1" in report.windowTitle() and "Cash register Z report" in report.text
    (stored,) = shifts.store.z_reports()
    expected = report_lines(shifts.z_report(stored.number), SETTINGS.shop_name,
                            SETTINGS.shop_address, journal.environment)
    assert all(encodable(line.value) for line in expected)  # English: all text, no raster
    assert [(kind, value, bold) for kind, value, bold in z.items] \
        == [("text", line.value, line.bold) for line in expected]
    texts = z.texts()
    ours, register = texts.index("Non-fiscal document".center(48)), texts.index(
        "Cash register Z report")
    assert ours < register  # ours first, then the register's
    assert row("Net total", "2200.50") in texts[:ours]
    assert row("Shift No.", "1") in texts[register:]
    assert row("Sales", "2  2200.50") in texts[register:]
    assert row("Documents", "2") in texts[register:]
    assert z.cut


def test_no_receipt_printer_prints_nothing_and_a_dead_one_is_named(
        qtbot: QtBot, journal: Journal, tasks: Tasks, previews: list[DocumentDialog]) -> None:
    shifts = ShiftService(journal, None)
    shifts.open()
    dialog = ShiftDialog(shifts, journal, tasks, SETTINGS)
    qtbot.addWidget(dialog)
    dialog.show_x()
    assert len(previews) == 1 and dialog.message.text() == ""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        url = f"tcp://127.0.0.1:{s.getsockname()[1]}"  # nothing listens here: the printer is off
    off = ShiftDialog(shifts, journal, tasks, replace(SETTINGS, receipt_printer=url))
    qtbot.addWidget(off)
    off.show_x()
    qtbot.waitUntil(lambda: url.removeprefix("tcp://") in off.message.text(), timeout=10_000)
    assert "is on" in off.message.text()
