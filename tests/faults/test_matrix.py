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

# knob → (emulator fault kind, count, status, delay) or None (a scenario, not a fault).
# The "… after acting" knobs let the bank do the work, then lose or spoil the reply.
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
    "acted, connection dropped": ("drop_after", 1, None, 0.0),
    "acted, reply late": ("delay_after", 1, None, 1.0),
    "acted, reply corrupt": ("corrupt_after", 1, None, 0.0),
    "acted, then 500": ("error_after", 1, 500, 0.0),
}
CALLS = ("payment token", "service token", "status", "charge", "cancel", "refund", "invoice link")
ENDPOINT = {"payment token": "token", "service token": "token", "status": "status",
            "charge": "charge", "cancel": "cancel", "refund": "refund", "invoice link": "invoice"}
# the bank's own count of what it did for each call (see Bank.performed)
OPERATION = {"payment token": "payment_token", "service token": "service_token",
             "status": "status", "charge": "charge", "cancel": "cancel", "refund": "refund",
             "invoice link": "invoice"}

OK = "ok"  # the call returns normally (after retries where the rules allow them)
UNAVAILABLE = "epay_unavailable"
TIMEOUT_ = "epay_timeout"
UNKNOWN = "epay_outcome_unknown"
PROTOCOL = "epay_protocol"
HTML = "epay_html"
REJECTED = "epay_rejected"

# The one table. A cell is (expected result, how many times the bank performed the call):
# the result is OK, "ok:<status outcome>" or an error code. A missing cell is a combination
# that injects nothing (107 exists for the status API only; a declined card changes nothing
# for a token or an invoice link), so it is not run.
_SAFE_ROW = {"500 once": (OK, 1), "503 always": (UNAVAILABLE, 0), "429 once": (OK, 1),
             "429 always": (UNAVAILABLE, 0), "slow": (OK, 1), "hang": (TIMEOUT_, 0),
             "reset": (UNAVAILABLE, 0), "malformed JSON": (PROTOCOL, 0),
             "HTML error page": (UNAVAILABLE, 0),
             # safe calls are repeated after a lost reply: the bank did it twice, harmlessly
             "acted, connection dropped": (OK, 2), "acted, reply late": (OK, 2),
             "acted, reply corrupt": (PROTOCOL, 1), "acted, then 500": (OK, 2)}
_UNSAFE_ROW = {"500 once": (UNKNOWN, 0), "503 always": (UNAVAILABLE, 0), "429 once": (OK, 1),
               "429 always": (UNAVAILABLE, 0), "slow": (OK, 1), "hang": (UNKNOWN, 0),
               "reset": (UNKNOWN, 0), "malformed JSON": (OK, 0), "HTML error page": (UNKNOWN, 0),
               "decline": (REJECTED, 0),
               # the bank did it once and the till must not do it again blindly
               "acted, connection dropped": (UNKNOWN, 1), "acted, reply late": (UNKNOWN, 1),
               "acted, reply corrupt": (OK, 1), "acted, then 500": (UNKNOWN, 1)}
MATRIX: dict[str, dict[str, tuple[str, int]]] = {
    "payment token": dict(_SAFE_ROW),
    "service token": dict(_SAFE_ROW),
    "status": {**_SAFE_ROW, "500 once": ("ok:paid", 1), "429 once": ("ok:paid", 1),
               "slow": ("ok:paid", 1), "107 in progress": ("ok:in_progress", 0),
               "decline": ("ok:declined", 1), "acted, connection dropped": ("ok:paid", 2),
               "acted, reply late": ("ok:paid", 2), "acted, then 500": ("ok:paid", 2)},
    "charge": dict(_UNSAFE_ROW),
    "cancel": dict(_UNSAFE_ROW),
    "refund": dict(_UNSAFE_ROW),
    "invoice link": {key: value for key, value in _UNSAFE_ROW.items() if key != "decline"}
    | {"malformed JSON": (PROTOCOL, 0), "acted, reply corrupt": (PROTOCOL, 1)},
}
CELLS = [(knob, call) for knob in KNOBS for call in CALLS if knob in MATRIX[call]]
# What the till does with each result (for the document).
AFTERWARDS = {
    OK: "continues",
    UNAVAILABLE: "payment not started / status re-checked later",
    TIMEOUT_: "payment not started / status re-checked later",
    UNKNOWN: "re-reads the status before anything else (the bank may have acted: see the count)",
    PROTOCOL: "nothing assumed; status re-checked later",
    REJECTED: "refused by the bank; nothing changed",
}
NOTES = {
    ("malformed JSON", "charge, cancel, refund"): "a 2xx body is not read for operations; "
    "the status re-read shows the emulator did not act (0)",
    ("acted, reply corrupt", "charge, cancel, refund"): "likewise: the bank did act (1), "
    "and the status re-read shows it",
}


@dataclass
class Cell:
    knob: str
    call: str
    outcome: str = ""
    message: str = ""
    performed: int = 0  # how many times the bank performed the call


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
        if call == "charge":  # a partial capture
            return lambda: client.charge(tx_id, Decimal("1000"))
        return lambda: client.cancel(tx_id)
    if call == "refund":  # a partial refund: a blind repeat would refund twice
        _, tx_id = _paid(emu, client, card=card)
        return lambda: client.refund(tx_id, Decimal("500"), f"r{tx_id[:8]}")
    link = InvoiceLinkRequest(f"{next(_invoices):09d}", Decimal("2500"))
    return lambda: client.create_invoice_link(link)


def run_cell(emu: Emulator, knob: str, call: str) -> Cell:
    emu.reset()
    client = _client(emu)
    try:
        action = _prepare(emu, client, call, knob)
        fault = KNOBS[knob]
        if fault is not None:
            kind, count, status, delay = fault
            emu.add_fault(ENDPOINT[call], kind, count=count, status=status, delay=delay)
        operation, endpoint = OPERATION[call], ENDPOINT[call]
        performed, calls = emu.performed(operation), emu.calls(endpoint)
        cell = Cell(knob, call)
        try:
            result = action()
        except EpayError as exc:
            cell.outcome = exc.code
            cell.message = epay_message(exc.code)
        else:
            cell.outcome = f"ok:{result.value}" if isinstance(result, StatusOutcome) else OK
        cell.performed = emu.performed(operation) - performed
        # the cell injected something: its fault reached the endpoint (a one-shot fault was
        # used up), or the scenario's declined card is what the call met
        assert emu.calls(endpoint) > calls, f"{knob} × {call}: the call never reached the bank"
        if fault is not None and fault[1] == 1:
            assert emu.faults.pending() == [], f"{knob} × {call}: the fault never fired"
        return cell
    finally:
        emu.reset()
        client.close()


@pytest.mark.parametrize(("knob", "call"), CELLS)
def test_cell(emulator: Emulator, knob: str, call: str) -> None:
    cell = run_cell(emulator, knob, call)
    assert (cell.outcome, cell.performed) == MATRIX[call][knob], f"{knob} × {call}"
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


def _shown(cell: tuple[str, int] | None) -> str:
    return "—" if cell is None else f"{cell[0]} ({cell[1]})"


def render() -> str:
    lines = [
        "# Fault matrix",
        "",
        "Generated from `tests/faults/test_matrix.py` (`python -m tests.faults.test_matrix`); "
        "every cell is a test run against the emulator with the real `EpayClient` "
        f"(3 attempts, {TIMEOUT} s read timeout in the test). `ok` = the call succeeds "
        "(after retries where allowed); `ok:x` = the status API answers with outcome x; "
        "otherwise the `EpayError.code` raised. The number after it is how many times the bank "
        "performed the call (its own count): a lost reply after the bank acted must never "
        "lead to a second charge, cancel or refund. — = not run (the knob injects nothing "
        "there).",
        "",
        "| knob | " + " | ".join(CALLS) + " |",
        "|---|" + "---|" * len(CALLS),
    ]
    for knob in KNOBS:
        lines.append(f"| {knob} | " + " | ".join(_shown(MATRIX[c].get(knob)) for c in CALLS)
                     + " |")
    lines += ["", f"{len(CELLS)} cells.", "", "## What the cashier reads", "",
              "| result | what the till does | cashier message |", "|---|---|---|"]
    for outcome in sorted({v for row in MATRIX.values() for v, _n in row.values()}):
        key = OK if outcome.startswith(OK) else outcome
        message = "" if key == OK else epay_message(outcome)
        lines.append(f"| `{outcome}` | {AFTERWARDS[key]} | {message} |")
    lines += ["", "Notes:", ""]
    lines += [f"- {knob} × {call}: {text}" for (knob, call), text in NOTES.items()]
    lines += ["- `107 in progress` exists for the status API only.",
              "- `decline` is a declined card: the status settles it as declined; charge, "
              "cancel and refund of it are refused by the bank.",
              "- charge is a partial capture (1 000 of 1 500) and refund a partial refund "
              "(500 of 1 500), so a repeated request would be performed again.", ""]
    return "\n".join(lines)


def test_document_is_current() -> None:
    print("\n" + render())
    # the matrix part only: the sentences depend on the UI language a test may have installed
    table = render().split("## What the cashier reads")[0]
    assert DOC.read_text(encoding="utf-8").startswith(table), "run python -m tests.faults.test_matrix"


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.exit(0)
