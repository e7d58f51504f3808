"""The history window: paging, search, filters, detail, refunds through the UI, PDFs."""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.services.reconcile import Reconciler
from pos_app.services.refunds import RefundService
from pos_app.services.reports import ShiftService
from pos_app.store.journal import Journal
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.common import pin_guard as admin
from pos_app.ui.common.tasks import Tasks
from pos_app.ui.history.refund_dialog import RefundDialog
from pos_app.ui.history.window import HistoryWindow
from pos_app.ui.shift.dialog import ShiftDialog
from tests.services import conftest as training
from tests.support.journal_data import generate

# The training-mode fixtures of the service tests (emulator and journal are test-wide).
client, pay = training.client, training.pay
SETTINGS = Settings(shop_name="Corner shop", shop_address="Almaty, Abay 10", language="en")


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    t = Tasks()
    yield t
    t.shutdown(wait=True)


def make_window(qtbot: QtBot, journal: Journal, client: EpayClient | None = None,
                tasks: Tasks | None = None) -> HistoryWindow:
    window = HistoryWindow(
        journal, tasks=tasks, settings=SETTINGS,
        refunds=None if client is None else RefundService(journal, client),
        shifts=None if client is None else ShiftService(journal, Reconciler(journal, client)))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def pdf_text(path: Path) -> str:
    """The PDF's text (poppler's pdftotext), ligatures such as "ﬁ" unfolded."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)


def test_model_reads_pages_lazily_and_keeps_few(qtbot: QtBot, journal: Journal) -> None:
    generate(journal, 6000)
    window = make_window(qtbot, journal)
    model = window.model
    assert model.rowCount() == 6000
    qtbot.waitUntil(lambda: model.pages_read >= 1)  # the first page, read when painted
    assert model.pages_read <= 2
    assert model.cached_rows() <= 2 * model.PAGE
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.table.rowAt(window.table.viewport().height() - 2) == 5999)
    assert model.payment_at(5999) is not None and model.payment_at(5999).invoice_id == "000001"
    for row in range(0, 6000, 150):  # touch every page
        model.payment_at(row)
    assert model.cached_rows() <= model.PAGE * model.MAX_PAGES < 6000


def test_search_filters_and_detail(qtbot: QtBot, journal: Journal) -> None:
    generate(journal, 300)
    target = journal.create_attempt(Decimal("777.77"))
    journal.transition(target.invoice_id, PaymentStatus.PAID, reference="111122223333",
                       card_mask="440563******4242", note="bank: CHARGE")
    window = make_window(qtbot, journal)
    for text in ("111122223333", "777,77", "*4242", target.invoice_id):
        window.search.setText(text)
        window.apply_filter()
        assert window.model.rowCount() == 1, text
    window.select_row(0)
    assert window.detail.payment is not None
    assert window.detail.events.topLevelItemCount() == len(journal.events(target.invoice_id)) == 2
    assert window.detail.fields["rrn"].text() == "111122223333"
    window.search.clear()
    window.status.setCurrentIndex(4)  # declined
    assert 0 < window.model.rowCount() < 301
    window.status.setCurrentIndex(0)
    window.method.setCurrentIndex(2)  # QR
    assert 0 < window.model.rowCount() < 301
    window.method.setCurrentIndex(0)
    assert window.model.rowCount() == 301


def answer_dialog(monkeypatch: pytest.MonkeyPatch, amount: str, reason: str,
                  seen: list[RefundDialog]) -> None:
    def exec_(self: RefundDialog) -> int:
        seen.append(self)
        self.amount.setText(amount)
        self.reason.setText(reason)
        self.check()
        return self.result()

    monkeypatch.setattr(RefundDialog, "exec", exec_)


def test_refund_from_history_with_pin(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, journal: Journal, client: EpayClient,
    emulator: Emulator, pay: Callable[[str], Payment], tasks: Tasks,
) -> None:
    paid = pay("1000")
    window = make_window(qtbot, journal, client, tasks)
    window.select_row(0)
    assert window.detail.refund_button.isEnabled()
    assert not window.detail.cancel_button.isEnabled()
    monkeypatch.setattr(admin, "prompt", lambda _parent, _store: False)
    window.refund_selected()  # no PIN, no dialog
    seen: list[RefundDialog] = []
    monkeypatch.setattr(admin, "prompt", lambda _parent, _store: True)
    for amount, words in (("5", "at least 10"), ("1000.01", "more than what remains"),
                          ("ten", "not an amount")):
        answer_dialog(monkeypatch, amount, "damaged", seen)
        window.refund_selected()
        assert words in seen[-1].error.text()
    assert emulator.calls("refund") == 0
    answer_dialog(monkeypatch, "400", "", seen)
    window.refund_selected()
    assert "reason" in seen[-1].error.text()
    answer_dialog(monkeypatch, "400", "damaged", seen)
    window.refund_selected()
    qtbot.waitUntil(lambda: journal.get(paid.invoice_id).status
                    is PaymentStatus.PARTIALLY_REFUNDED, timeout=10_000)
    qtbot.waitUntil(lambda: "confirmed" in window.message.text(), timeout=10_000)
    assert window.detail.fields["refunded"].text().startswith("400")
    assert emulator.calls("refund") == 1


def test_cancel_of_a_held_payment_from_history(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, journal: Journal, client: EpayClient,
    emulator: Emulator, pay: Callable[[str], Payment], tasks: Tasks,
) -> None:
    emulator.configure(two_step=True)
    held = pay("300")
    window = make_window(qtbot, journal, client, tasks)
    window.select_row(0)
    assert window.detail.cancel_button.isEnabled() and not window.detail.refund_button.isEnabled()
    monkeypatch.setattr(admin, "prompt", lambda _parent, _store: True)
    answer_dialog(monkeypatch, "", "wrong goods", [])
    window.cancel_selected()
    qtbot.waitUntil(lambda: journal.get(held.invoice_id).status is PaymentStatus.CANCELLED,
                    timeout=10_000)
    assert emulator.calls("cancel") == 1


def test_receipt_pdf_has_the_payment(qtbot: QtBot, journal: Journal, client: EpayClient,
                                     pay: Callable[[str], Payment], tmp_path: Path) -> None:
    paid = pay("1500.50")
    window = make_window(qtbot, journal, client)
    window.select_row(0)
    dialog = window.receipt_dialog()
    assert dialog is not None
    path = dialog.save_pdf(tmp_path / "receipt.pdf")
    assert path is not None
    text = pdf_text(path)
    for value in ("Corner shop", "Almaty, Abay 10", "1 500,50", paid.invoice_id, paid.reference,
                  paid.approval_code, paid.card_mask, "non-fiscal document"):
        assert value and value in text, value


def test_z_report_pdf_has_the_figures(qtbot: QtBot, journal: Journal, client: EpayClient,
                                      pay: Callable[..., Payment], tmp_path: Path) -> None:
    shifts = ShiftService(journal, Reconciler(journal, client))
    shifts.open()
    first = pay("1500")
    pay("250.50")
    pay("200", "4003032704547597")
    RefundService(journal, client).refund(first.invoice_id, "100", "one item back")
    report, _ = shifts.close()
    dialog = ShiftDialog(shifts, journal, None, SETTINGS)
    qtbot.addWidget(dialog)
    assert dialog.z_list.count() == 1
    path = dialog.report_dialog(report).save_pdf(tmp_path / "z.pdf")
    assert path is not None
    text = " ".join(pdf_text(path).split())
    for value in ("Z report No. 1", "Sales 2 1 750,50", "Refunds 1 100", "Net total 1 650,50",
                  "Declined 1 200"):
        assert value in text, (value, text)


def test_csv_export_of_a_date_range(qtbot: QtBot, journal: Journal, client: EpayClient,
                                    pay: Callable[..., Payment], tmp_path: Path) -> None:
    pay("100")
    pay("200")
    dialog = ShiftDialog(ShiftService(journal, None), journal, None, SETTINGS)
    qtbot.addWidget(dialog)
    assert dialog.export(tmp_path / "j.csv") == 2
    lines = (tmp_path / "j.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("invoice_id,created_at,amount") and len(lines) == 3
    dialog.csv_from.setDate(dialog.csv_from.date().addDays(-60))
    dialog.csv_to.setDate(dialog.csv_to.date().addDays(-40))
    assert dialog.export(tmp_path / "old.csv") == 0


def test_shift_button_opens_what_the_main_window_hands_in(qtbot: QtBot, journal: Journal,
                                                          client: EpayClient) -> None:
    """History does not know the shift folder: the main window hands in the opener."""
    shifts = ShiftService(journal, Reconciler(journal, client))
    opened: list[tuple[object, ...]] = []
    window = HistoryWindow(journal, settings=SETTINGS, shifts=shifts,
                           open_shift=lambda *args: opened.append(args))
    qtbot.addWidget(window)
    assert window.shift_button.isEnabled()
    window.shift_button.click()
    assert len(opened) == 1
    assert opened[0][0] is shifts and opened[0][1] is journal and opened[0][4] is window
    without = make_window(qtbot, journal, client)  # no opener: the button cannot do anything
    assert not without.shift_button.isEnabled()

