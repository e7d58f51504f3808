"""Storage faults: a journal that cannot be written never lets money be taken unrecorded.

* At the start of a payment (read-only file, full disk): the payment stops before any token is
  requested (the emulator saw no token call) and the cashier reads the storage sentence.
* Mid-payment (the journal stops taking writes after the attempt was recorded): the card form
  is never opened after an unjournaled step, the attempt stays in the journal, and once the
  journal is writable again the reconciler settles it with the bank's truth (cancelled when
  nobody paid, paid when the customer had already paid on an open form).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.runtime import Runtime
from pos_app.services.checkout import CheckoutOptions, CheckoutService
from pos_app.services.reconcile import Reconciler
from pos_app.store import journal as journal_module
from pos_app.store.errors import StorageError
from pos_app.store.journal import Journal
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.checkout.controller import CheckoutController, Stage
from pos_app.ui.common.messages import epay_message
from pos_app.ui.common.tasks import Tasks

APPROVE = ("4405639704015096", "01/27", "321")


def _service(path: Path, emulator: Emulator) -> CheckoutService:
    hosts = training_hosts(emulator.urls["api"], emulator.urls["form"])
    options = CheckoutOptions(poll_interval=0.01, poll_deadline=5.0)
    return CheckoutService(Journal(path), EpayClient(hosts, TEST_MERCHANT), options)


def _stop_writes(journal: Journal) -> None:
    """The journal becomes unwritable under an open connection (like a remount read-only)."""
    journal.conn.execute("PRAGMA query_only = ON")


def _allow_writes(journal: Journal) -> None:
    journal.conn.execute("PRAGMA query_only = OFF")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs (root only); skipped where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    with (folder / "filler").open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass


# -- the journal cannot be written when a payment starts ----------------------------------------

def test_read_only_journal_stops_the_payment_before_any_token(
    tmp_path: Path, emulator_per_test: Emulator, make_unwritable: Callable[[Path], None]
) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    make_unwritable(path)
    service = _service(path, emulator_per_test)
    with pytest.raises(StorageError) as info:
        service.begin(Decimal("1500"))
    assert info.value.code == "read_only"
    assert emulator_per_test.calls("token") == 0
    assert service.journal.recent() == [] and service.current is None
    assert "journal cannot be written" in epay_message("storage")


@pytest.mark.parametrize("sqlite_itself", [False, True], ids=["free-space-check", "sqlite-ENOSPC"])
def test_full_disk_stops_the_payment_before_any_token(
    tiny_disk: Path, emulator_per_test: Emulator, monkeypatch: pytest.MonkeyPatch,
    sqlite_itself: bool,
) -> None:
    if sqlite_itself:  # prove SQLite's own ENOSPC stops it too, not only our free-space check
        monkeypatch.setattr(journal_module, "_MIN_FREE_BYTES", 0)
    service = _service(tiny_disk / "journal.sqlite3", emulator_per_test)
    service.begin(Decimal("100"))  # one payment fits
    service.release(service.current or "")
    _fill(tiny_disk)
    assert shutil.disk_usage(tiny_disk).free < 64 * 1024
    with pytest.raises(StorageError) as info:
        service.begin(Decimal("1500"))
    assert info.value.code == "disk_full"
    assert emulator_per_test.calls("token") == 0
    assert len(service.journal.recent()) == 1
    service.journal.close()


# -- the journal stops taking writes mid-payment -------------------------------------------------

def test_unwritable_after_the_attempt_no_form_and_reconciled_later(
    tmp_path: Path, emulator_per_test: Emulator
) -> None:
    service = _service(tmp_path / "journal.sqlite3", emulator_per_test)
    payment = service.begin(Decimal("1500"))
    _stop_writes(service.journal)
    with pytest.raises(StorageError):
        service.request_token(payment.invoice_id)  # the bank issued it; we could not record it
    assert emulator_per_test.calls("token") == 1
    assert emulator_per_test.transaction(payment.invoice_id) is None  # nothing can be paid
    assert service.journal.get(payment.invoice_id).status is PaymentStatus.NEW  # not lost
    _allow_writes(service.journal)
    service.release(payment.invoice_id)
    Reconciler(service.journal, service.client).run()
    assert service.journal.get(payment.invoice_id).status is PaymentStatus.CANCELLED


def test_unwritable_while_the_customer_pays_is_settled_as_paid_later(
    tmp_path: Path, emulator_per_test: Emulator
) -> None:
    service = _service(tmp_path / "journal.sqlite3", emulator_per_test)
    payment = service.begin(Decimal("1500"))
    service.request_token(payment.invoice_id)
    service.form_opened(payment.invoice_id)
    emulator_per_test.pay(payment.invoice_id, *APPROVE)  # the money is taken
    _stop_writes(service.journal)
    with pytest.raises(StorageError):
        service.confirm(payment.invoice_id, hint=True)
    assert service.journal.get(payment.invoice_id).status is PaymentStatus.WIDGET_OPEN
    service.release(payment.invoice_id)
    with pytest.raises(StorageError):  # and no new payment starts meanwhile
        service.begin(Decimal("10"))
    _allow_writes(service.journal)
    Reconciler(service.journal, service.client).run()  # the next start
    paid = service.journal.get(payment.invoice_id)
    assert paid.status is PaymentStatus.PAID and paid.reference


# -- what the cashier sees (the controller, with a stand-in for the web view) ----------------------

class FakeView(QObject):
    widget_result = Signal(str, bool)
    redirect_returned = Signal(str, bool)
    failed = Signal(str, str)
    form_loaded = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []  # a form given its payment object (the token)
        self.prepared: list[str] = []  # a host page loaded while the token is on its way

    def prepare_widget(self, invoice: str, *_args: Any) -> None:
        self.prepared.append(invoice)

    def start_widget(self, invoice: str, *_args: Any) -> None:
        self.opened.append(invoice)

    def open_widget(self, invoice: str, *_args: Any) -> None:
        self.opened.append(invoice)

    def open_redirect(self, invoice: str, *_args: Any) -> None:
        self.opened.append(invoice)

    def discard(self) -> None:
        pass


@pytest.fixture
def controller(tmp_path: Path, emulator_per_test: Emulator,
               qtbot: QtBot) -> Iterator[tuple[CheckoutController, FakeView, list[str]]]:
    service = _service(tmp_path / "journal.sqlite3", emulator_per_test)
    hosts = service.client.hosts
    runtime = Runtime("test", Settings(environment="test"), hosts, TEST_MERCHANT, service.journal,
                      service.client, service, Reconciler(service.journal, service.client))
    tasks = Tasks()
    view = FakeView()
    ctl = CheckoutController(runtime, tasks, view)  # type: ignore[arg-type]
    notes: list[str] = []
    ctl.problem.connect(notes.append)
    ctl.finished.connect(lambda _p, note: notes.append(note))
    yield ctl, view, notes
    tasks.shutdown(wait=True)
    runtime.client.close()
    runtime.journal.close()


def test_controller_refuses_to_start_on_an_unwritable_journal(
    controller: tuple[CheckoutController, FakeView, list[str]], emulator_per_test: Emulator
) -> None:
    ctl, view, notes = controller
    _stop_writes(ctl.rt.journal)
    ctl.pay(Decimal("1500"))
    assert notes == [epay_message("storage")]
    assert ctl.stage is Stage.IDLE and not view.opened and not view.prepared
    assert emulator_per_test.calls("token") == 0


@pytest.mark.parametrize("when", ["token_journaled", "form_journaled"])
def test_controller_never_opens_the_form_after_an_unjournaled_step(
    controller: tuple[CheckoutController, FakeView, list[str]], emulator_per_test: Emulator,
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, when: str,
) -> None:
    ctl, view, notes = controller
    service = ctl.rt.checkout
    target: Any = service.client if when == "token_journaled" else service
    name = "payment_token" if when == "token_journaled" else "form_opened"
    original = getattr(target, name)

    def then_unwritable(*args: Any, **kwargs: Any) -> Any:
        if when == "token_journaled":  # the bank issues the token, then the journal fails
            result = original(*args, **kwargs)
            _stop_writes(service.journal)
            return result
        _stop_writes(service.journal)
        return original(*args, **kwargs)

    monkeypatch.setattr(target, name, then_unwritable)
    ctl.pay(Decimal("1500"))
    qtbot.waitUntil(lambda: ctl.stage is Stage.RESULT, timeout=10_000)
    assert not view.opened  # no card form whose outcome could not be recorded
    assert notes[-1] == epay_message("storage")
    assert service.current is None
    invoice = service.journal.recent(1)[0].invoice_id
    assert not service.journal.get(invoice).status.is_final  # left for the reconciler
    _allow_writes(service.journal)
    Reconciler(service.journal, service.client).run()
    assert service.journal.get(invoice).status is PaymentStatus.CANCELLED

