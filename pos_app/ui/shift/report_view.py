"""X and Z reports as HTML for the preview, the printer and PDF (see :mod:`receipt_view`)."""

from __future__ import annotations

import html
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from pos_app.domain.money import format_tenge
from pos_app.domain.payment import PaymentStatus
from pos_app.fiscal.report import RegisterReport
from pos_app.services.reports import ShiftReport
from pos_app.ui.common.env_mark import environment_mark
from pos_app.ui.common.status_style import status_words

# `translate(context, text)` in full at each call: lupdate finds texts only in that form.
translate = QCoreApplication.translate


def _method(value: str) -> str:
    return translate("Report", "QR") if value == "qr" else translate("Report", "Card")


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


def _money(value: Decimal) -> str:
    return html.escape(format_tenge(value, group=" "))


def money_text(value: Decimal) -> str:
    """An amount as the printer and the register write it: ``1500.00``."""
    return f"{value.quantize(Decimal('0.01')):f}"


def register_rows(register: RegisterReport) -> list[tuple[str, str]]:
    """The register's report as (label, value) rows (the preview and the printer use them)."""
    rows = [
        (translate("Report", "Shift No."), str(register.shift_number)),
        (translate("Report", "Registration No."), register.registration_number),
        (translate("Report", "Cashbox"), register.serial_number),
        (translate("Report", "Opened"), register.opened_on),
        (translate("Report", "Closed") if register.closed else translate("Report", "Printed"),
         register.closed_on if register.closed else register.report_on),
        (translate("Report", "Documents"), str(register.documents)),
        (translate("Report", "Sales"),
         f"{register.sales_count}  {money_text(register.sales_total)}"),
        (translate("Report", "Returns"),
         f"{register.returns_count}  {money_text(register.returns_total)}"),
    ]
    if register.offline:
        rows.append((translate("Report", "Autonomous mode"), ""))
    return rows


def register_title(register: RegisterReport) -> str:
    if register.closed:
        return translate("Report", "Cash register Z report")
    return translate("Report", "Cash register X report")


def report_title(report: ShiftReport, environment: str = "prod") -> str:
    """The report's name; a training or test journal's report says TRAINING or TEST first."""
    if report.kind == "Z":
        title = translate("Report", "Z report No. %1 (shift closed)")
        title = title.replace("%1", str(report.number))
    else:
        title = translate("Report", "X report (shift still open)")
    mark = environment_mark(environment)
    return f"{mark} · {title}" if mark else title


def report_html(report: ShiftReport, shop_name: str, shop_address: str = "",
                environment: str = "prod") -> str:  # fmt: skip
    """Heading, period, a table per method and status, then sales, refunds and the net total."""
    e = html.escape
    empty = e(translate("Report", "No payments in this shift."))
    start, end = translate("Report", "From"), translate("Report", "to")
    footer = e(translate("Report", "Non-fiscal document"))
    rows = "".join(
        f"<tr><td>{e(_method(line.method))}</td><td>{e(status_words(PaymentStatus(line.status)))}"
        f"</td><td align='right'>{line.count}</td><td align='right'>{_money(line.total)}</td></tr>"
        for line in report.lines
    ) or f"<tr><td colspan='4'>{empty}</td></tr>"
    summary = [
        (translate("Report", "Sales"), f"{report.sales_count}", _money(report.sales_total)),
        (translate("Report", "Refunds"), f"{report.refunds_count}", _money(report.refunds_total)),
        (translate("Report", "Cancelled holds"), f"{report.cancels_count}", ""),
        (translate("Report", "Net total"), "", _money(report.net_total)),
    ]
    head = [e(text) for text in (translate("Report", "Method"), translate("Report", "Status"),
                                 translate("Report", "Count"), translate("Report", "Amount"))]
    period = f"{e(start)} {_when(report.opened_at)} {e(end)} {_when(report.until)}"
    totals = "".join(
        f"<tr><td><b>{e(label)}</b></td><td align='right'>{count}</td>"
        f"<td align='right'><b>{value}</b></td></tr>"
        for label, count, value in summary
    )
    return (
        "<html><body style='font-family: sans-serif; font-size: 9pt;'>"
        f"<p align='center'><b style='font-size: 12pt;'>{e(shop_name)}</b><br/>"
        f"{e(shop_address)}</p>"
        f"<p align='center'><b style='font-size: 11pt;'>{e(report_title(report, environment))}"
        "</b><br/>"
        f"{period}</p>"
        "<table width='100%' cellspacing='0' cellpadding='3' border='1' "
        "style='border-collapse: collapse;'>"
        f"<tr><th align='left'>{head[0]}</th><th align='left'>{head[1]}</th>"
        f"<th align='right'>{head[2]}</th><th align='right'>{head[3]}</th></tr>"
        f"{rows}</table><p></p>"
        f"<table width='100%' cellspacing='0' cellpadding='3'>{totals}</table>"
        f"<p align='center'>{footer}</p>{_register_html(report.register)}"
        "</body></html>"
    )


def _register_html(register: RegisterReport | None) -> str:
    """The cash register's own report under ours (a Z report that closed its shift)."""
    if register is None:
        return ""
    e = html.escape
    rows = "".join(f"<tr><td>{e(label)}</td><td align='right'>{e(value)}</td></tr>"
                   for label, value in register_rows(register))
    return (f"<hr/><p align='center'><b>{e(register_title(register))}</b></p>"
            f"<table width='100%' cellspacing='0' cellpadding='2'>{rows}</table>")
