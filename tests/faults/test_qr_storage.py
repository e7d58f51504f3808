"""Issue 14 A.6: storage faults in the middle of a QR payment.

The journal stops taking writes (read-only, locked by another program, disk full) after the
attempt was recorded: nothing is lost (the attempt stays open in the journal), the till is
freed with the storage sentence, and the next start settles it with the bank's truth (paid when
the customer paid from their phone). Real SQLite, the emulator over loopback HTTP.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.services.checkout import CheckoutService
from pos_app.services.qr_payment import Interrupt, QrOptions, QrPaymentService
from pos_app.services.reconcile import Reconciler
from pos_app.store import journal as journal_module
from pos_app.store.errors import StorageError
from pos_app.store.journal import Journal
from pos_app.training import Emulator
from pos_app.ui.common.messages import epay_message
from pos_app.ui.common.tasks import Tasks
from pos_app.ui.qr.controller import QrController, QrStage
from tests.faults.test_storage import _allow_writes, _fill, _stop_writes, tiny_disk
from tests.qr.test_qr_service import open_link

__all__ = ["tiny_disk"]
APPROVED = "4405639704015096"


def _qr(path: Path, emulator: Emulator) -> QrPaymentService:
    hosts = training_hosts(emulator.urls["api"], emulator.urls["form"])
    checkout = CheckoutService(Journal(path), EpayClient(hosts, TEST_MERCHANT))
    return QrPaymentService(checkout, payform_url=hosts.payform_url,
                            terminal_id=TEST_MERCHANT.terminal_id, shop_id=TEST_MERCHANT.shop_id,
                            options=QrOptions(poll_interval=0.01, expiry=60.0))


def _next_start(path: Path, qr: QrPaymentService) -> Journal:
    """The till restarts: a new connection, the start-up reconciliation."""
    qr.journal.close()
    journal = Journal(path)
    Reconciler(journal, qr.client).run()
    qr.client.close()
    return journal


def test_link_made_but_not_recorded_frees_the_till_and_is_settled_at_next_start(
    tmp_path: Path, emulator_per_test: Emulator
) -> None:
    path = tmp_path / "journal.sqlite3"
    qr = _qr(path, emulator_per_test)
    payment = qr.begin(Decimal("1500"))
    _stop_writes(qr.journal)
    with pytest.raises(StorageError):
        qr.create_link(payment.invoice_id)  # ePay made the link; the journal could not say so
    assert qr.checkout.current is None  # the till is not left busy for ever
    assert qr.journal.get(payment.invoice_id).status is PaymentStatus.NEW  # not lost
    with emulator_per_test.bank.lock:
        [link_id] = list(emulator_per_test.bank.links.links)
    open_link(f"{emulator_per_test.urls['api']}/redirect/invoice-link/{link_id}")  # the SMS

    emulator_per_test.pay(payment.invoice_id, APPROVED)
    _allow_writes(qr.journal)
    journal = _next_start(path, qr)
    settled = journal.get(payment.invoice_id)
    assert settled.status is PaymentStatus.PAID and settled.method is PaymentMethod.QR
    journal.close()


Fault = Callable[[QrPaymentService, Path], Callable[[], None]]


def _read_only(qr: QrPaymentService, _path: Path) -> Callable[[], None]:
    _stop_writes(qr.journal)
    return lambda: _allow_writes(qr.journal)


def _locked(qr: QrPaymentService, path: Path) -> Callable[[], None]:
    qr.journal.conn.execute("PRAGMA busy_timeout = 200")
    other = sqlite3.connect(path, isolation_level=None)  # another program holds the write lock
    other.execute("BEGIN IMMEDIATE")

    def undo() -> None:
        other.execute("ROLLBACK")
        other.close()

    return undo


def _full(qr: QrPaymentService, path: Path) -> Callable[[], None]:
    qr.journal.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no free room left in the WAL
    _fill(path.parent)
    return lambda: (path.parent / "filler").unlink()


@pytest.fixture(params=["read_only", "busy", "disk_full"])
def fault(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Fault, Path]]:
    if request.param == "disk_full":
        folder = request.getfixturevalue("tiny_disk")
        yield "disk_full", _full, folder / "journal.sqlite3"
    else:
        yield request.param, {"read_only": _read_only, "busy": _locked}[request.param], \
            tmp_path / "journal.sqlite3"


def test_storage_fault_while_the_customer_pays_loses_nothing(
    fault: tuple[str, Fault, Path], emulator_per_test: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, inject, path = fault
    monkeypatch.setattr(journal_module, "_MIN_FREE_BYTES", 0)
    qr = _qr(path, emulator_per_test)
    payment = qr.begin(Decimal("2500"))
    link = qr.create_link(payment.invoice_id)
    open_link(link.url)
    emulator_per_test.pay(payment.invoice_id, APPROVED)  # the money is taken
    undo = inject(qr, path)
    with pytest.raises(StorageError) as caught:
        qr.watch(link, Interrupt())  # CHARGE, but "paid" cannot be written
    assert caught.value.code == code
    assert qr.checkout.current is None
    assert qr.journal.get(payment.invoice_id).status is PaymentStatus.WIDGET_OPEN
    undo()
    journal = _next_start(path, qr)
    paid = journal.get(payment.invoice_id)
    assert paid.status is PaymentStatus.PAID and paid.reference
    journal.close()


def test_the_cashier_reads_the_storage_sentence_mid_qr(
    qtbot: QtBot, tmp_path: Path, emulator_per_test: Emulator
) -> None:
    qr = _qr(tmp_path / "journal.sqlite3", emulator_per_test)
    tasks = Tasks()
    controller = QrController(qr, tasks)
    notes: list[str] = []
    controller.finished.connect(lambda _p, note: notes.append(note))
    try:
        controller.start(Decimal("900"))
        qtbot.waitUntil(lambda: controller.stage is QrStage.SHOWING, timeout=10_000)
        link = controller.link
        assert link is not None
        _stop_writes(qr.journal)
        open_link(link.url)
        emulator_per_test.pay(link.invoice_id, APPROVED)
        qtbot.waitUntil(lambda: controller.stage is QrStage.RESULT, timeout=10_000)
        assert notes == [epay_message("storage")]
        assert qr.checkout.current is None
        assert qr.journal.get(link.invoice_id).status is PaymentStatus.WIDGET_OPEN
    finally:
        controller.cancel()
        tasks.shutdown(wait=True)
        qr.client.close()
        qr.journal.close()
