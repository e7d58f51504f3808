"""One test per mutation of the money path that survived the suite in the audit (issue 14, C).

Each test names the mutation it kills; each was run against the mutated code by hand and
failed there (see the issue's closing note). Real parts: the emulator over loopback HTTP and a
real SQLite journal; the bridge is the real QObject (its page-side twin is in
tests/webengine/test_bridge_from_page.py).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pos_app.domain.payment import PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.epay.status import StatusOutcome, TransactionStatus
from pos_app.services.checkout import Busy, CheckoutService
from pos_app.services.reconcile import Reconciler
from pos_app.store.journal import Journal
from pos_app.training import Emulator
from pos_app.ui.checkout.web.policy import NavigationPolicy, Verdict

APPROVE = ("4405639704015096", "01/27", "321")
HOST = "https://pos.invalid/checkout/"
PAYFORM = "https://epay.example.kz/payform/"


def _on_form(checkout: CheckoutService, amount: str = "1500") -> str:
    """A journaled attempt whose card form is open at the bank (a payment token exists)."""
    payment = checkout.begin(Decimal(amount))
    checkout.request_token(payment.invoice_id)
    checkout.form_opened(payment.invoice_id)
    return payment.invoice_id


# -- services/checkout.py ---------------------------------------------------------------------

class _WatchedLock:
    """A lock that tells when a second thread starts waiting for it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.second_waits = threading.Event()
        self._entered = 0
        self._count_lock = threading.Lock()

    def __enter__(self) -> None:
        with self._count_lock:
            self._entered += 1
            if self._entered == 2:
                self.second_waits.set()
        self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def test_busy_is_decided_under_the_lock(checkout: CheckoutService,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Kills: the Busy check moved outside the lock (two cashiers' Enter → two attempts)."""
    lock = _WatchedLock()
    monkeypatch.setattr(checkout, "_lock", lock)
    original = checkout.journal.check_writable
    first = threading.Event()

    def slow_check() -> None:  # the first begin() holds the lock until the second waits for it
        if not first.is_set():
            first.set()
            assert lock.second_waits.wait(10)
        original()

    monkeypatch.setattr(checkout.journal, "check_writable", slow_check)
    outcomes: list[object] = []

    def begin() -> None:
        try:
            outcomes.append(checkout.begin(Decimal("100")))
        except Busy as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=begin) for _ in range(2)]
    threads[0].start()
    assert first.wait(10)
    threads[1].start()
    for thread in threads:
        thread.join(10)
    assert sum(isinstance(o, Busy) for o in outcomes) == 1, outcomes
    assert len(checkout.journal.recent()) == 1


# -- services/reconcile.py, services/settle.py --------------------------------------------------

def test_a_late_authorized_payment_is_paid(checkout: CheckoutService, emulator: Emulator,
                                           client: EpayClient) -> None:
    """Kills: a late AUTHORIZED ignored by the re-check of closed attempts (two-step terminal:
    the customer's money is held, the till had closed the attempt as cancelled)."""
    invoice = _on_form(checkout)
    checkout.journal.transition(invoice, PaymentStatus.CANCELLED, note="cashier cancelled")
    checkout.release(invoice)
    emulator.configure(two_step=True)
    emulator.pay(invoice, *APPROVE)  # the customer paid on the still-open form: AUTH
    late = Reconciler(checkout.journal, client).recheck_closed()
    assert [p.invoice_id for p in late] == [invoice]
    assert checkout.journal.get(invoice).status is PaymentStatus.PAID


def test_an_amount_mismatch_is_never_paid(checkout: CheckoutService, emulator: Emulator,
                                          client: EpayClient) -> None:
    """Kills: the amount-mismatch guard off (a reply for a different amount settles ours)."""
    invoice = _on_form(checkout, "50000")
    emulator.pay(invoice, *APPROVE)
    with emulator.bank.lock:  # the bank's record says 10 ₸, not our 50 000 ₸
        emulator.bank.transactions[invoice].amount = Decimal("10")
        emulator.bank.transactions[invoice].charged = Decimal("10")
    checkout.release(invoice)
    Reconciler(checkout.journal, client).run()
    assert checkout.journal.get(invoice).status is not PaymentStatus.PAID


def test_checking_becomes_unknown_when_the_bank_cannot_be_asked_at_start(
        checkout: CheckoutService, emulator: Emulator, client: EpayClient) -> None:
    """Kills: CHECKING → UNKNOWN at start-up removed (the cashier would never see it needs a
    re-check)."""
    invoice = _on_form(checkout)
    checkout.journal.transition(invoice, PaymentStatus.CHECKING, note="widget said success")
    checkout.release(invoice)
    emulator.add_fault("status", "http_error", count=-1, status=503)
    Reconciler(checkout.journal, client).run()
    assert checkout.journal.get(invoice).status is PaymentStatus.UNKNOWN


# -- epay/status.py -------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "outcome"), [
    ("charge", StatusOutcome.PAID), ("Auth", StatusOutcome.AUTHORIZED),
    ("reject", StatusOutcome.DECLINED), ("cancel_old", StatusOutcome.CANCELLED),
    ("refund", StatusOutcome.REFUNDED), ("new", StatusOutcome.IN_PROGRESS),
])
def test_status_names_in_any_case(name: str, outcome: StatusOutcome) -> None:
    """Kills: status names compared case-sensitively (a lower-case CHARGE left unsettled)."""
    reply = {"resultCode": "100", "transaction": {"id": "t1", "statusName": name}}
    assert TransactionStatus.from_json(reply).outcome is outcome


# -- store/journal_schema.py --------------------------------------------------------------------

def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_every_column_of_an_event_is_append_only(checkout: CheckoutService,
                                                 tmp_path: Path) -> None:
    """Kills: the journal trigger protecting only one column (``UPDATE OF note``)."""
    _on_form(checkout)
    conn = sqlite3.connect(tmp_path / "journal.sqlite3")
    try:
        columns = _columns(conn, "events")
        assert {"invoice_id", "at", "from_status", "to_status", "note", "data"} <= set(columns)
        for column in columns:
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(f"UPDATE events SET {column} = {column} WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("DELETE FROM events WHERE id = 1")
    finally:
        conn.close()


def test_every_column_of_a_z_report_is_final(journal: Journal, tmp_path: Path) -> None:
    """Kills: the Z report trigger protecting only one column."""
    with journal.writing() as conn:
        conn.execute("INSERT INTO shifts (id, opened_at, closed_at) VALUES (1, 'a', 'b')")
        conn.execute("INSERT INTO z_reports (number, shift_id, created_at, period_from,"
                     " period_to, data) VALUES (1, 1, 'c', 'a', 'b', '{}')")
    conn = sqlite3.connect(tmp_path / "journal.sqlite3")
    try:
        for column in _columns(conn, "z_reports"):
            with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
                conn.execute(f"UPDATE z_reports SET {column} = {column}")
        for column in _columns(conn, "shifts"):
            with pytest.raises(sqlite3.IntegrityError, match="closed shift"):
                conn.execute(f"UPDATE shifts SET {column} = {column}")
    finally:
        conn.close()


# -- ui/checkout/web/policy.py ------------------------------------------------------------------

@pytest.fixture
def policy() -> NavigationPolicy:
    """Redirect mode: the bank's payform in the main frame, back links to our site."""
    return NavigationPolicy.redirect([PAYFORM], "https://pos.invalid/back/ok",
                                     "https://pos.invalid/back/fail")


@pytest.mark.parametrize("url", [
    "https://pos.invalid/elsewhere",  # our host, another path
    "https://pos.invalid/",
    "https://pos.invalid/back/other",
    "https://epay.example.kz/",  # the payform's host, outside its folder
    "https://epay.example.kz/other/payform/",
])
def test_the_policy_compares_paths(policy: NavigationPolicy, url: str) -> None:
    """Kills: the navigation policy ignoring the path (any page of an allowed site)."""
    assert policy.main_frame(url, initial=False) is Verdict.BLOCK
    assert policy.main_frame(PAYFORM + "?params=x", initial=False) is Verdict.ALLOW
    assert not policy.may_show(url)
    widget = NavigationPolicy.widget(HOST)
    assert widget.may_show(HOST) and not widget.may_show(url)


def test_back_links_are_told_apart_by_path(policy: NavigationPolicy) -> None:
    """Kills: the path ignored when recognising backLink and failureBackLink."""
    assert policy.main_frame("https://pos.invalid/back/ok", initial=False) is Verdict.BACK_OK
    assert policy.main_frame("https://pos.invalid/back/fail", initial=False) is Verdict.BACK_FAIL


@pytest.mark.parametrize("url", [
    "http://evil.example/",
    "http://pos.invalid/checkout/",  # our page's path, but not over https
    "http://epay.example.kz/payform/",  # the ePay host, but not over https
])
def test_no_plain_http_main_frame(policy: NavigationPolicy, url: str) -> None:
    """Kills: any ``http://`` main frame allowed."""
    for initial in (True, False):
        assert policy.main_frame(url, initial=initial) is Verdict.BLOCK
        assert NavigationPolicy.widget(HOST).main_frame(url, initial=initial) is Verdict.BLOCK
    assert not policy.may_show(url)


# -- ui/checkout/web/bridge.py ------------------------------------------------------------------

@pytest.fixture
def bridge(qapp: Any) -> Iterator[tuple[Any, dict[str, list[object]]]]:
    from pos_app.ui.checkout.web.bridge import Bridge

    b = Bridge()
    seen: dict[str, list[object]] = {"ready": [], "form_loaded": [], "result": [],
                                     "script_failed": [], "rejected": []}
    b.ready.connect(lambda: seen["ready"].append(True))
    b.form_loaded.connect(lambda: seen["form_loaded"].append(True))
    b.result.connect(lambda i, s: seen["result"].append((i, s)))
    b.script_failed.connect(seen["script_failed"].append)
    b.rejected.connect(seen["rejected"].append)
    b.expect("000123")
    yield b, seen
    b.deleteLater()


@pytest.mark.parametrize("kind", ["ready", "form_loaded", "script_error", "result"])
def test_every_message_is_for_our_invoice(bridge: tuple[Any, dict[str, list[object]]],
                                          kind: str) -> None:
    """Kills: the bridge checking the invoice only for ``result`` (another page's
    ``script_error`` would fail our payment, its ``form_loaded`` would stop our timer)."""
    b, seen = bridge
    message: dict[str, object] = {"type": kind, "invoiceId": "000999"}
    if kind == "result":
        message["success"] = True
    b.post(json.dumps(message))
    assert seen["rejected"] and all(
        not seen[k] for k in ("ready", "form_loaded", "result", "script_failed"))


@pytest.mark.parametrize("kind", ["ready", "form_loaded"])
def test_no_extra_keys(bridge: tuple[Any, dict[str, list[object]]], kind: str) -> None:
    """Kills: ``form_loaded`` (or ``ready``) accepted with any keys."""
    b, seen = bridge
    b.post(json.dumps({"type": kind, "invoiceId": "000123", "success": True}))
    assert seen["rejected"] and not seen[kind]
    b.post(json.dumps({"type": kind, "invoiceId": "000123"}))
    assert seen[kind] == [True]


def test_script_error_has_no_extra_keys(bridge: tuple[Any, dict[str, list[object]]]) -> None:
    b, seen = bridge
    b.post(json.dumps({"type": "script_error", "invoiceId": "000123", "success": True}))
    assert seen["rejected"] and not seen["script_failed"]
