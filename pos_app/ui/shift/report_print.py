"""X and Z reports as print lines for the ESC/POS receipt printer (issue 15).

Our report first (the same figures and words as the preview, :mod:`report_view`), then, for a
Z report that closed the cash register's shift, the register's own Z report
(:class:`~pos_app.fiscal.report.RegisterReport`). Lines fit 48 (80 mm) or 36 (58 mm)
characters; :mod:`pos_app.printing.escpos_print` prints letters its code page lacks as images.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from pos_app.domain.payment import PaymentStatus
from pos_app.fiscal.receipt import PrintLine
from pos_app.services.reports import ShiftReport
from pos_app.ui.common.status_style import status_words
from pos_app.ui.shift.report_view import money_text, register_rows, register_title, report_title

# `translate(context, text)` in full at each call: lupdate finds texts only in that form.
translate = QCoreApplication.translate
WIDTH = {80: 48, 58: 36}


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


def columns(left: str, right: str, width: int) -> list[str]:
    """``left`` and ``right`` on one line, ``right`` flush right; two lines when too long."""
    if len(left) + 1 + len(right) <= width:
        return [left + " " * (width - len(left) - len(right)) + right]
    return [left[:width], right.rjust(width)[-width:]]


def report_lines(report: ShiftReport, shop_name: str, shop_address: str = "",
                 environment: str = "prod", paper_mm: int = 80) -> list[PrintLine]:
    """Our report, then the register's Z report when the shift closed it."""
    width = WIDTH.get(paper_mm, 48)
    lines = [PrintLine("text", shop_name[:width].center(width), True)]
    if shop_address:
        lines.append(PrintLine("text", shop_address[:width].center(width)))
    lines.append(PrintLine("text", report_title(report, environment)[:width], True))
    lines.append(PrintLine("text", f"{translate('Report', 'From')} {_when(report.opened_at)}"))
    lines.append(PrintLine("text", f"{translate('Report', 'to')} {_when(report.until)}"))
    lines.append(PrintLine("text", "-" * width))
    if not report.lines:
        lines.append(PrintLine("text", translate("Report", "No payments in this shift.")))
    for row in report.lines:
        method = translate("Report", "QR") if row.method == "qr" else translate("Report", "Card")
        label = f"{method}, {status_words(PaymentStatus(row.status))}"
        lines += [PrintLine("text", t) for t in columns(label, f"{row.count}  "
                                                              f"{money_text(row.total)}", width)]
    lines.append(PrintLine("text", "-" * width))
    summary = [
        (translate("Report", "Sales"), f"{report.sales_count}  {money_text(report.sales_total)}"),
        (translate("Report", "Refunds"),
         f"{report.refunds_count}  {money_text(report.refunds_total)}"),
        (translate("Report", "Cancelled holds"), str(report.cancels_count)),
        (translate("Report", "Net total"), money_text(report.net_total)),
    ]
    for label, value in summary:
        lines += [PrintLine("text", t, True) for t in columns(label, value, width)]
    lines.append(PrintLine("text", translate("Report", "Non-fiscal document").center(width)))
    if report.register is not None:
        lines.append(PrintLine("text", "=" * width))
        lines.append(PrintLine("text", register_title(report.register)[:width], True))
        for label, value in register_rows(report.register):
            lines += [PrintLine("text", t) for t in columns(label, value, width)]
    return lines
