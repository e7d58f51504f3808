"""Render the history window, a receipt and a Z report into docs/screenshots/ (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_history.py

Real payments against the training emulator on top of a generated older journal; the receipt
and the report are the PDFs the till saves, rendered with ``pdftoppm -png -r 80``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402

from pos_app.epay.client import EpayClient  # noqa: E402
from pos_app.epay.config import TEST_MERCHANT, training_hosts  # noqa: E402
from pos_app.resources import resource  # noqa: E402
from pos_app.services.checkout import CheckoutService  # noqa: E402
from pos_app.services.reconcile import Reconciler  # noqa: E402
from pos_app.services.refunds import RefundService  # noqa: E402
from pos_app.services.reports import ShiftService  # noqa: E402
from pos_app.store.journal import Journal  # noqa: E402
from pos_app.store.settings import Settings  # noqa: E402
from pos_app.training import Emulator  # noqa: E402
from pos_app.ui.app import ensure_app  # noqa: E402
from pos_app.ui.history.window import HistoryWindow  # noqa: E402
from pos_app.ui.shift.dialog import ShiftDialog  # noqa: E402
from tests.support.journal_data import generate  # noqa: E402

SETTINGS = Settings(shop_name="Magnum Express №12", shop_address="Almaty, Abay Ave 10",
                    language="en")


def pdf_png(pdf: Path, png: Path) -> None:
    args = ["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(png.with_suffix(""))]
    subprocess.run(args, check=True)  # noqa: S603 - poppler-utils, fixed arguments


def main() -> None:
    out = ROOT / "docs" / "screenshots"
    tmp = Path(tempfile.mkdtemp(prefix="pos-shots-"))
    app = ensure_app()
    app.setStyleSheet(resource("style.qss").read_text(encoding="utf-8"))
    emulator = Emulator().start()
    journal = Journal(tmp / "journal.sqlite3")
    generate(journal, 2000)
    client = EpayClient(training_hosts(emulator.urls["api"], emulator.urls["form"]), TEST_MERCHANT)
    checkout = CheckoutService(journal, client)
    checkout.options = replace(checkout.options, poll_interval=0.05)
    shifts = ShiftService(journal, Reconciler(journal, client))
    shifts.open()

    def pay(amount: str, pan: str = "4405639704015096", cvc: str = "321") -> str:
        p = checkout.begin(Decimal(amount))
        checkout.request_token(p.invoice_id)
        checkout.form_opened(p.invoice_id)
        emulator.pay(p.invoice_id, pan, "01/27" if cvc != "170" else "09/20", cvc)
        return checkout.confirm(p.invoice_id, hint=True).invoice_id

    refunded = pay("12450")
    pay("3200.50")
    pay("780", "4003032704547597", "170")
    receipt_invoice = pay("5600")
    pay("1990", "5522042705066736", "775")
    RefundService(journal, client).refund(refunded, "2450", "one item returned")

    window = HistoryWindow(journal, settings=SETTINGS, refunds=RefundService(journal, client),
                           shifts=shifts)
    window.resize(1440, 640)
    window.show()
    for _ in range(5):
        QCoreApplication.processEvents()
    row = next(r for r in range(10) if window.model.payment_at(r).invoice_id == refunded)
    window.select_row(row)
    window.message.setText(window.tr("Done: the bank confirmed %1.").replace(
        "%1", f"R-{refunded}-1"))
    for _ in range(5):
        QCoreApplication.processEvents()
    window.grab().save(str(out / "history.png"))

    window.select_row(next(r for r in range(10)
                           if window.model.payment_at(r).invoice_id == receipt_invoice))
    dialog = window.receipt_dialog()
    assert dialog is not None
    pdf_png(dialog.save_pdf(tmp / "receipt.pdf") or tmp / "missing", out / "receipt.png")

    report, _ = shifts.close()
    shift_dialog = ShiftDialog(shifts, journal, None, SETTINGS)
    pdf_png(shift_dialog.report_dialog(report).save_pdf(tmp / "z.pdf") or tmp / "missing",
            out / "z-report.png")
    client.close()
    journal.close()
    emulator.stop()
    print(out / "history.png", out / "receipt.png", out / "z-report.png")


if __name__ == "__main__":
    main()
