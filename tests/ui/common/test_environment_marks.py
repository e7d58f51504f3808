"""Issue 14 A.3: every result screen, receipt, history row, X/Z report and the customer
display of training or ePay's test environment says TRAINING or TEST in words; production
says neither. Real SQLite journals (one per environment), the real catalogues (ru/kk/en).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.services.qr_payment import QrPaymentService
from pos_app.services.receipts import build_receipt
from pos_app.services.reports import ShiftReport
from pos_app.store.journal import Journal
from pos_app.ui.checkout.result import ResultPanel
from pos_app.ui.common import i18n
from pos_app.ui.common.tasks import Tasks
from pos_app.ui.history.model import HistoryModel
from pos_app.ui.qr.controller import QrController
from pos_app.ui.qr.customer_display import CustomerDisplay
from pos_app.ui.shift.report_view import report_html, report_title

WORDS = {  # language → (training, test) as the cashier reads them
    "en": ("TRAINING", "TEST"),
    "ru": ("ОБУЧЕНИЕ", "ТЕСТ"),
    "kk": ("ОҚУ", "ТЕСТ"),
}
ENVIRONMENTS = [("training", 0), ("test", 1), ("test-new", 1)]


@pytest.fixture(params=sorted(WORDS))
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def _paid_journal(tmp_path: Path, environment: str) -> Journal:
    journal = Journal(tmp_path / f"journal-{environment}.sqlite3")
    journal.claim_environment(environment)
    payment = journal.create_attempt(Decimal("1500"))
    journal.transition(payment.invoice_id, PaymentStatus.TOKEN_ISSUED)
    journal.transition(payment.invoice_id, PaymentStatus.PAID, reference="123456789012")
    return journal


@pytest.mark.parametrize(("environment", "which"), ENVIRONMENTS)
def test_result_screen_and_history_row_say_it(qtbot: QtBot, tmp_path: Path, language: str,
                                              environment: str, which: int) -> None:
    word = WORDS[language][which]
    journal = _paid_journal(tmp_path, environment)
    payment = journal.recent(1)[0]
    panel = ResultPanel()
    qtbot.addWidget(panel)
    panel.environment = environment
    panel.show_payment(payment)
    assert panel.mark.text() == word and not panel.mark.isHidden()
    assert word in panel.accessibleDescription()
    model = HistoryModel(journal)
    assert word in model.data(model.index(0, 4))
    journal.close()


def test_production_says_neither(qtbot: QtBot, tmp_path: Path) -> None:
    journal = _paid_journal(tmp_path, "prod")
    panel = ResultPanel()
    qtbot.addWidget(panel)
    panel.environment = "prod"
    panel.show_payment(journal.recent(1)[0])
    assert panel.mark.isHidden()
    text = HistoryModel(journal).data(HistoryModel(journal).index(0, 4))
    assert "TRAINING" not in text and "TEST" not in text
    receipt = build_receipt(journal.recent(1)[0], shop_name="S", shop_address="", language="en")
    assert receipt.mark == "" and "TEST" not in receipt.as_text()
    journal.close()


@pytest.mark.parametrize(("environment", "words"), [
    ("training", {"en": "TRAINING, not a payment", "ru": "ОБУЧЕНИЕ, не платёж",
                  "kk": "ОҚУ, төлем емес"}),
    ("test", {"en": "TEST, not a payment", "ru": "ТЕСТ, не платёж", "kk": "ТЕСТ, төлем емес"}),
])
def test_receipt_says_it_top_and_bottom(tmp_path: Path, environment: str,
                                        words: dict[str, str]) -> None:
    journal = _paid_journal(tmp_path, environment)
    for lang, text in words.items():
        receipt = build_receipt(journal.recent(1)[0], shop_name="S", shop_address="",
                                language=lang, environment=environment)
        lines = receipt.as_text().splitlines()
        assert lines[0] == text and lines[-1] == text
    journal.close()


def test_x_and_z_reports_say_it(language: str) -> None:
    now = datetime.now(UTC)
    report = ShiftReport("Z", 3, now, now, (), 0, Decimal(0), 0, Decimal(0), 0)
    word = WORDS[language][0]
    assert report_title(report, "training").startswith(word)
    assert word in report_html(report, "Shop", "", "training")
    assert WORDS[language][1] in report_html(report, "Shop", "", "test")
    assert "TRAINING" not in report_html(report, "Shop", "", "prod")


@pytest.mark.parametrize(("environment", "shown"), [
    ("training", {"ru": "ОБУЧЕНИЕ: это не настоящий платёж", "kk": "ОҚУ: бұл нақты төлем емес",
                  "en": "TRAINING: this is not a real payment"}),
    ("test", {"ru": "ТЕСТ: это не настоящий платёж", "kk": "ТЕСТ: бұл нақты төлем емес",
              "en": "TEST: this is not a real payment"}),
    ("prod", {"ru": "", "kk": "", "en": ""}),
])
def test_customer_display_says_it_in_the_customers_language(
    qtbot: QtBot, journal: Journal, environment: str, shown: dict[str, str]
) -> None:
    tasks = Tasks()
    qr = QrController(QrPaymentService.__new__(QrPaymentService), tasks)
    display = CustomerDisplay(qr, shop_name="Shop", language="ru", environment=environment)
    qtbot.addWidget(display)
    for lang in ("ru", "kk", "en"):
        display.set_language(lang)
        assert display.mark.text() == shown[lang]
        assert display.mark.isHidden() is (environment == "prod")
    tasks.shutdown(wait=True)
