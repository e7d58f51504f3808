"""The fault matrix: every emulator knob × every ePay call the till makes, from one table.

Each cell runs the real :class:`EpayClient` against the emulator with the fault scripted, and
checks the expected behaviour (a result after retries, or a specific ``EpayError`` code) and
that the cashier gets a specific sentence for it (not the generic fallback). For operations
that may have reached the bank (``outcome_unknown``) it also checks what the bank really did.

``python -m tests.faults.test_matrix`` rewrites ``docs/fault-matrix.md`` from :data:`MATRIX`;
``pytest -s tests/faults/test_matrix.py`` prints the same table.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.epay.errors import EpayError
from pos_app.epay.models import InvoiceLinkRequest, StatusOutcome
from pos_app.training import Emulator
from pos_app.ui.common.messages import GENERIC_EPAY_MESSAGE, epay_message

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "fault-matrix.md"
TIMEOUT = 0.3  # the client's read timeout in this suite; "slow" stays under it, "hang" does not
APPROVE = ("4405639704015096", "01/27", "321")
DECLINE = ("4003032704547597", "09/20", "170")

# knob → (emulator fault: endpoint-independent kind, count, status, delay) or None (scenario)
KNOBS: dict[str, tuple[str, int, int | None, float] | None] = {
    "500 once": ("http_error", 1, 500, 0.0),
    "503 always": ("http_error", -1, 503, 0.0),
    "429 once": ("http_error", 1, 429, 0.0),
    "429 always": ("http_error", -1, 429, 0.0),
    "slow": ("slow", 1, None, 0.1),
    "hang": ("hang", -1, None, 0.0),
    "reset": ("reset", -1, None, 0.0),
    "malformed JSON": ("malformed", -1, None, 0.0),
    "HTML error page": ("html", -1, 502, 0.0),
    "107 in progress": ("in_progress", -1, None, 0.0),
    "decline": None,  # the customer's card is declined (no fault; a REJECT transaction)
}
CALLS = ("payment token", "service token", "status", "charge", "cancel", "refund", "invoice link")
ENDPOINT = {"payment token": "token", "service token": "token", "status": "status",
            "charge": "charge", "cancel": "cancel", "refund": "refund", "invoice link": "invoice"}

OK = "ok"  # the call returns normally (after retries where the rules allow them)
UNAVAILABLE = "epay_unavailable"
TIMEOUT_ = "epay_timeout"
UNKNOWN = "epay_outcome_unknown"
PROTOCOL = "epay_protocol"
HTML = "epay_html"
REJECTED = "epay_rejected"

# The one table. A cell is the expected result: OK, "ok:<status outcome>", or an error code.
_SAFE_ROW = {"500 once": OK, "503 always": UNAVAILABLE, "429 once": OK, "429 always": UNAVAILABLE,
             "slow": OK, "hang": TIMEOUT_, "reset": UNAVAILABLE, "malformed JSON": PROTOCOL,
             "HTML error page": UNAVAILABLE, "107 in progress": OK, "decline": OK}
_UNSAFE_ROW = {"500 once": UNKNOWN, "503 always": UNAVAILABLE, "429 once": OK,
               "429 always": UNAVAILABLE, "slow": OK, "hang": UNKNOWN, "reset": UNKNOWN,
               "malformed JSON": OK, "HTML error page": UNKNOWN, "107 in progress": OK,
               "decline": REJECTED}
MATRIX: dict[str, dict[str, str]] = {
    "payment token": dict(_SAFE_ROW),
    "service token": dict(_SAFE_ROW),
    "status": {**_SAFE_ROW, "500 once": "ok:paid", "429 once": "ok:paid", "slow": "ok:paid",
               "107 in progress": "ok:in_progress", "decline": "ok:declined"},
    "charge": dict(_UNSAFE_ROW),
    "cancel": dict(_UNSAFE_ROW),
    "refund": dict(_UNSAFE_ROW),
    "invoice link": {**_UNSAFE_ROW, "malformed JSON": PROTOCOL, "decline": OK},
}
# What the till does with each result (for the document).
AFTERWARDS = {
    OK: "continues",
    UNAVAILABLE: "payment not started / status re-checked later",
    TIMEOUT_: "payment not started / status re-checked later",
    UNKNOWN: "re-reads the status before anything else; the bank did nothing here",
    PROTOCOL: "nothing assumed; status re-checked later",
    REJECTED: "refused by the bank; nothing changed",
}
NOTES = {
    ("malformed JSON", "charge, cancel, refund"): "a 2xx body is not read for operations; "
    "the status re-read "
    "shows the emulator did not act",
}


@dataclass
class Cell:
    knob: str
    call: str
    outcome: str = ""
    message: str = ""


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator() as emu:
        yield emu


_invoices = itertools.count(700001)


def _client(emu: Emulator) -> EpayClient:
    hosts = training_hosts(emu.urls["api"], emu.urls["form"])
    return EpayClient(
        hosts, TEST_MERCHANT, retry=RetryPolicy(attempts=3, base=0.0, cap=0.0),
        sleep=lambda _s: None, timeout=httpx.Timeout(TIMEOUT, connect=TIMEOUT),
    )


def _paid(emu: Emulator, client: EpayClient, *, card: tuple[str, str, str] = APPROVE,
          two_step: bool = False) -> tuple[str, str]:
    """A transaction at the emulator: (invoice, transaction id)."""
    invoice = f"{next(_invoices):09d}"
    client.payment_token(invoice, Decimal("1500"))
    emu.configure(two_step=two_step)
    try:
        tx = emu.pay(invoice, *card)
    finally:
        emu.configure(two_step=False)
    return invoice, str(tx["id"])


def _prepare(emu: Emulator, client: EpayClient, call: str, knob: str) -> Callable[[], object]:
    """Set up what ``call`` needs (fault-free), return the call itself."""
    card = DECLINE if knob == "decline" else APPROVE
    if call == "payment token":
        invoice = f"{next(_invoices):09d}"
        return lambda: client.payment_token(invoice, Decimal("1500"))
    if call == "service token":
        return client.service_token
    client.service_token()  # cached, so a token fault does not hit the calls below
    if call == "status":
        invoice, _ = _paid(emu, client, card=card)
        return lambda: client.transaction_status(invoice).outcome
    if call in ("charge", "cancel"):
        _, tx_id = _paid(emu, client, card=card, two_step=knob != "decline")
        return lambda: getattr(client, call)(tx_id)
    if call == "refund":
        _, tx_id = _paid(emu, client, card=card)
        return lambda: client.refund(tx_id, None, f"r{tx_id[:8]}")
    link = InvoiceLinkRequest(f"{next(_invoices):09d}", Decimal("2500"))
    return lambda: client.create_invoice_link(link)


def _bank_state(emu: Emulator) -> list[tuple[str, str, Decimal]]:
    with emu.bank.lock:
        return sorted((t.invoice_id, t.status, t.refunded) for t in emu.bank.transactions.values())


def run_cell(emu: Emulator, knob: str, call: str) -> Cell:
    emu.reset()
    client = _client(emu)
    try:
        action = _prepare(emu, client, call, knob)
        fault = KNOBS[knob]
        if fault is not None:
            kind, count, status, delay = fault
            emu.add_fault(ENDPOINT[call], kind, count=count, status=status, delay=delay)
        before = _bank_state(emu)
        cell = Cell(knob, call)
        try:
            result = action()
        except EpayError as exc:
            cell.outcome = exc.code
            cell.message = epay_message(exc.code)
            if exc.outcome_unknown:  # the bank must not have acted on a faulted request
                assert _bank_state(emu) == before, f"{knob} × {call}: the bank acted"
        else:
            cell.outcome = f"ok:{result.value}" if isinstance(result, StatusOutcome) else OK
            if knob == "malformed JSON" and call in ("charge", "cancel", "refund"):
                assert _bank_state(emu) == before  # accepted but not done: re-read decides
        return cell
    finally:
        emu.reset()
        client.close()


@pytest.mark.parametrize(("knob", "call"), list(itertools.product(KNOBS, CALLS)))
def test_cell(emulator: Emulator, knob: str, call: str) -> None:
    cell = run_cell(emulator, knob, call)
    assert cell.outcome == MATRIX[call][knob], f"{knob} × {call}"
    if not cell.outcome.startswith(OK):
        assert cell.message and cell.message != GENERIC_EPAY_MESSAGE, cell.outcome


def test_every_error_code_the_client_raises_has_a_sentence() -> None:
    codes = {
        "epay_auth", "epay_rejected", "epay_timeout", "epay_unavailable", "epay_protocol",
        "epay_invalid_request", "epay_outcome_unknown", "epay_html", "epay_redirect",
        "epay_bad_url", "epay_token_refused", "epay_not_found", "invoice_format", "id_format",
        "external_id_format", "refund_below_minimum", "shop_id_missing", "amount_not_a_number",
        "amount_not_positive", "amount_too_large", "amount_too_many_decimals",
        "amount_below_minimum", "phone_format", "expire_period_format", "language",
    }
    for code in codes:
        assert epay_message(code) != GENERIC_EPAY_MESSAGE, code
    # an outcome the bank may have acted on must never invite a blind retry
    assert "try again" not in epay_message("epay_outcome_unknown").lower()


def render() -> str:
    lines = [
        "# Fault matrix",
        "",
        "Generated from `tests/faults/test_matrix.py` (`python -m tests.faults.test_matrix`); "
        "every cell is a test run against the emulator with the real `EpayClient` "
        f"(3 attempts, {TIMEOUT} s read timeout in the test). `ok` = the call succeeds "
        "(after retries where allowed); `ok:x` = the status API answers with outcome x; "
        "otherwise the `EpayError.code` raised.",
        "",
        "| knob | " + " | ".join(CALLS) + " |",
        "|---|" + "---|" * len(CALLS),
    ]
    for knob in KNOBS:
        lines.append(f"| {knob} | " + " | ".join(MATRIX[c][knob] for c in CALLS) + " |")
    lines += ["", f"{len(KNOBS) * len(CALLS)} cells.", "", "## What the cashier reads", "",
              "| result | what the till does | cashier message |", "|---|---|---|"]
    for outcome in sorted({v for row in MATRIX.values() for v in row.values()}):
        key = OK if outcome.startswith(OK) else outcome
        message = "" if key == OK else epay_message(outcome)
        lines.append(f"| `{outcome}` | {AFTERWARDS[key]} | {message} |")
    lines += ["", "Notes:", ""]
    lines += [f"- {knob} × {call}: {text}" for (knob, call), text in NOTES.items()]
    lines += ["- `107 in progress` exists for the status API only; elsewhere the call is "
              "answered normally.",
              "- `decline` is a declined card: the status settles it as declined; charge, "
              "cancel and refund of it are refused by the bank.", ""]
    return "\n".join(lines)


def test_document_is_current() -> None:
    print("\n" + render())
    # the matrix part only: the sentences depend on the UI language a test may have installed
    table = render().split("## What the cashier reads")[0]
    assert DOC.read_text(encoding="utf-8").startswith(table), "run python -m tests.faults.test_matrix"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.exit(0)
