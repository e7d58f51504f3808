"""The GUI flows leave no secret, token or card number in any file the app writes.

One training session in the real window, logging at debug level into POS_APP_HOME: a card
payment typed into the bank's form (widget mode), a QR payment by payform link (its URL carries
the payment token LZ-compressed in ``params=``) paid from a "phone", a partial refund of the
card payment, and a card payment in redirect mode. Then every file under POS_APP_HOME and the
temp folder is searched for the merchant secret, every token the bank issued and the card
number, in every form (tests/support/secret_scan.py).
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.epay.config import TEST_MERCHANT
from pos_app.logsetup import setup_logging
from pos_app.services.refunds import RefundService
from pos_app.store import paths
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.checkout.controller import Stage
from tests.support.secret_scan import files_under, findings
from tests.webengine.helpers import (
    TIMEOUT,
    make_till,
    run_js,
    type_amount_and_enter,
    type_card,
    wait_for_card_form,
)
from tests.webengine.test_qr_payment import finish, pay_like_a_phone, press_f2_with, qr_till

pytestmark = pytest.mark.webengine
PAN = "4405639704015096"


@pytest.fixture
def logged(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    setup_logging(paths.log_dir(), debug=True)
    try:
        yield temp
    finally:
        for handler in root.handlers:
            if handler not in handlers:
                handler.close()
                root.removeHandler(handler)
        root.setLevel(level)


def _card(qtbot: QtBot, till: object, amount: str) -> None:
    type_amount_and_enter(qtbot, till, amount)  # type: ignore[arg-type]
    frame = wait_for_card_form(qtbot, till)  # type: ignore[arg-type]
    type_card(qtbot, till, frame, PAN, "0127", "321")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT,  # type: ignore[attr-defined]
                    timeout=TIMEOUT)


def test_gui_flows_leave_no_secret_on_disk(qtbot: QtBot, home: Path, logged: Path,
                                           emulator: Emulator, settings: Settings) -> None:
    # 1. card (widget) and 2. QR by payform link, in one till
    till = qr_till(qtbot, emulator, settings, invoice_links=False)
    _card(qtbot, till, "1500,50")
    card = till.runtime.journal.recent(1)[0]
    assert card.status is PaymentStatus.PAID
    press_f2_with(qtbot, till, "2500")
    assert till.qr is not None and till.qr.link is not None
    assert "params=" in till.qr.link.url
    pay_like_a_phone(till.qr.link.url, PAN, "01/27", "321")
    assert finish(qtbot, till).status is PaymentStatus.PAID  # type: ignore[attr-defined]
    # 3. a partial refund of the card payment, through the till's own services and journal
    outcome = RefundService(till.runtime.journal, till.runtime.client).refund(
        card.invoice_id, "500", "customer returned one item")
    assert outcome.confirmed
    first = till  # closed at the end: a closed window is deleted once events run
    # 4. redirect mode: the bank's payform is the main frame
    till = make_till(qtbot, emulator, Settings(environment="training", checkout_mode="redirect"))
    type_amount_and_enter(qtbot, till, "640")
    qtbot.waitUntil(lambda: till.controller.stage is Stage.FORM, timeout=TIMEOUT)
    page = till.checkout.page
    assert page is not None
    qtbot.waitUntil(lambda: run_js(qtbot, page, "!!document.getElementById('pan')") is True,
                    timeout=TIMEOUT)
    type_card(qtbot, till, page.mainFrame(), PAN, "0127", "321")
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT, timeout=TIMEOUT)
    assert till.runtime.journal.recent(1)[0].status is PaymentStatus.PAID
    till.close()
    first.close()

    for handler in logging.getLogger().handlers:
        handler.flush()
    with emulator.bank.lock:
        tokens = [t.access_token for t in emulator.bank.tokens.values()]
    assert len(tokens) >= 4  # three payment tokens, the QR link's and the service token
    secrets = {"merchant secret": TEST_MERCHANT.client_secret, "card number": PAN,
               **{f"token {i}": token for i, token in enumerate(tokens)}}
    files = files_under(home, logged)
    assert findings(files, secrets) == []
    names = {p.name for p in files}
    assert "pos-app.log" in names and any(name.endswith(".sqlite3") for name in names), names
    log_text = (paths.log_dir() / "pos-app.log").read_text(encoding="utf-8")
    assert "DEBUG" in log_text  # the log really was written at debug level
