"""A till process without a window, for crash tests.

Two modes, both run with ``POS_APP_HOME`` and the ``POS_APP_EPAY_*`` variables pointing at an
emulator that lives in the parent (test) process, with ``--env test`` wiring
(``build_runtime("test")``, the published test merchant):

``python -m tests.support.crash_driver AMOUNT``
    One card payment: prints ``invoice <id>`` once the form would be open, then polls the
    status API until killed or settled (``tests/webengine/test_crash_recovery.py``).

``python -m tests.support.crash_driver --script SEED [--payments N]``
    A scripted till serving ``N`` customers with deterministic-random behaviour (pay, decline,
    abandon, pay while the till is already polling, pay then get a refund). It first does what a
    till does at start-up (reconcile open attempts, finish interrupted refunds), then continues
    with the next customer *after* the last one in the journal: a customer whose attempt was
    journaled is never charged again without asking the bank first. At every step it prints a
    marker line ``@ <step> <customer> <invoice>`` so the parent can SIGKILL it at a chosen step
    plus a random delay (``tests/crash``).

Refunds go through :class:`~pos_app.services.refunds.RefundService` (refund log first, then
the request, then the status API decides); :func:`recover_refunds` settles a refund a killed
till left pending, at the next start, by asking the status API.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import urllib.request
from dataclasses import replace
from decimal import Decimal

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.runtime import Runtime, build_runtime
from pos_app.services.refunds import RefundService
from pos_app.store.journal import Journal
from pos_app.store.settings import Settings

APPROVE = ("4405639704015096", "01/27", "321")
DECLINE = ("4003032704547597", "09/20", "170")
BEHAVIOURS = ("pay", "pay", "pay", "decline", "abandon", "pay_late", "pay_refund")
CUSTOMER = "customer "

# Steps at which the scripted till prints a marker, in the order they happen for one customer.
STEPS = (
    "start",  # process up, before the start-up reconciliation
    "reconciled",  # start-up reconciliation done
    "pre_begin",  # nothing journaled yet for this customer
    "begin",  # attempt journaled (status new), before the token request
    "token",  # payment token issued and journaled
    "form",  # the form would be on screen (widget_open)
    "customer",  # the customer acted on the form (paid / declined at the bank)
    "callback",  # the form's callback arrived; about to confirm with the status API
    "poll",  # one status-API poll is about to be sent
    "settled",  # the confirmed result is journaled
    "refund_intent",  # the refund intent is journaled, the request not sent yet
    "refund_sent",  # ePay accepted the refund; the journal not updated yet
    "refund_done",  # the refund is journaled
)


def behaviour(seed: int, customer: int) -> tuple[str, Decimal]:
    """What customer number ``customer`` of script ``seed`` does, and the amount."""
    rng = random.Random(seed * 1_000_003 + customer)
    action = rng.choice(BEHAVIOURS)
    cents = rng.choice((0, 0, rng.randrange(1, 100)))
    return action, Decimal(rng.randrange(20, 250_000)) + Decimal(cents) / 100


def customer_of(payment: Payment) -> int | None:
    """The customer number the scripted till wrote into the description."""
    if payment.description.startswith(CUSTOMER):
        return int(payment.description[len(CUSTOMER):])
    return None


def recover_refunds(journal: Journal, client: EpayClient) -> int:
    """Settle refunds a killed till left pending: the app's own start-up step
    (``RefundService.settle_open``, also run by ``Reconciler.run``); returns how many payments."""
    return len(RefundService(journal, client).settle_open())


class ScriptedTill:
    def __init__(self, runtime: Runtime, seed: int) -> None:
        self.rt = runtime
        self.seed = seed
        self.control = runtime.hosts.api_base.rstrip("/") + "/_emulator/pay"

    def mark(self, step: str, customer: int = -1, invoice: str = "-") -> None:
        print(f"@ {step} {customer} {invoice}", flush=True)

    def customer_pays(self, invoice: str, card: tuple[str, str, str]) -> None:
        """The customer submits the bank's form (the emulator's control API)."""
        body = json.dumps({"invoice_id": invoice, "pan": card[0], "expiry": card[1],
                           "cvc": card[2]}).encode()
        request = urllib.request.Request(self.control, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as reply:
            reply.read()

    def start(self) -> int:
        """Start-up: reconcile, finish refunds; the next customer number."""
        self.mark("start")
        self.rt.reconciler.run()
        recover_refunds(self.rt.journal, self.rt.client)
        self.mark("reconciled")
        served = [c for p in self.rt.journal.iter_payments() if (c := customer_of(p)) is not None]
        return max(served, default=-1) + 1

    def serve(self, customer: int) -> None:
        action, amount = behaviour(self.seed, customer)
        checkout = self.rt.checkout
        self.mark("pre_begin", customer)
        payment = checkout.begin(amount, description=f"{CUSTOMER}{customer}")
        invoice = payment.invoice_id
        self.mark("begin", customer, invoice)
        checkout.request_token(invoice)
        self.mark("token", customer, invoice)
        checkout.form_opened(invoice)
        self.mark("form", customer, invoice)
        hint: bool | None = None
        if action in ("pay", "pay_refund"):
            self.customer_pays(invoice, APPROVE)
            hint = True
        elif action == "decline":
            self.customer_pays(invoice, DECLINE)
            hint = False
        elif action == "pay_late":
            hint = True
        self.mark("customer", customer, invoice)
        self.mark("callback", customer, invoice)

        def on_poll(n: int) -> None:
            self.mark("poll", customer, invoice)
            if action == "pay_late" and n == 3:
                self.customer_pays(invoice, APPROVE)

        settled = checkout.confirm(invoice, hint=hint, on_poll=on_poll)
        self.mark("settled", customer, invoice)
        if action == "pay_refund" and settled.status is PaymentStatus.PAID:
            self.refund(customer, settled)

    def refund(self, customer: int, payment: Payment) -> None:
        """A refund through ``RefundService``, with markers around the bank request."""
        rng = random.Random(self.seed * 7 + customer)
        partial = payment.amount >= 40 and rng.random() < 0.5
        amount = (payment.amount / 2).quantize(Decimal("0.01")) if partial else payment.amount
        invoice = payment.invoice_id
        client = self.rt.client
        send = client.refund

        def marked(transaction_id: str, value: Decimal | None, external_id: str) -> None:
            self.mark("refund_intent", customer, invoice)  # the refund log holds it: pending
            send(transaction_id, value, external_id)
            self.mark("refund_sent", customer, invoice)  # the bank refunded; journal not yet

        client.refund = marked  # type: ignore[method-assign]
        try:
            RefundService(self.rt.journal, client).refund(invoice, amount, "customer returned it")
        finally:
            client.refund = send  # type: ignore[method-assign]
        self.mark("refund_done", customer, invoice)


def runtime_for_tests(poll_interval: float = 0.1, poll_deadline: float = 600.0) -> Runtime:
    """``--env test`` wiring (no keyring, the published test merchant) with quick polling."""
    runtime = build_runtime("test", settings=Settings(environment="test"))
    runtime.checkout.options = replace(
        runtime.checkout.options, poll_interval=poll_interval, poll_deadline=poll_deadline
    )
    return runtime


def run_script(seed: int, payments: int) -> int:
    runtime = runtime_for_tests(poll_interval=0.01, poll_deadline=30.0)
    till = ScriptedTill(runtime, seed)
    for customer in range(till.start(), payments):
        till.serve(customer)
    till.mark("done")
    runtime.close()
    return 0


def run_single(amount: str) -> int:
    runtime = runtime_for_tests()
    payment = runtime.checkout.begin(Decimal(amount))
    runtime.checkout.request_token(payment.invoice_id)
    runtime.checkout.form_opened(payment.invoice_id)
    print(f"invoice {payment.invoice_id}", flush=True)
    settled = runtime.checkout.confirm(payment.invoice_id, hint=True)
    print(f"settled {settled.status}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] != "--script":
        return run_single(args[0])
    parser = argparse.ArgumentParser()
    parser.add_argument("--script", type=int, required=True, metavar="SEED")
    parser.add_argument("--payments", type=int, default=40)
    opts = parser.parse_args(args)
    return run_script(opts.script, opts.payments)


if __name__ == "__main__":
    raise SystemExit(main())
