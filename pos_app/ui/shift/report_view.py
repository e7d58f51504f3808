"""X and Z reports as HTML for the preview, the printer and PDF (see :mod:`receipt_view`)."""

from __future__ import annotations

import html
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from pos_app.domain.money import format_tenge
from pos_app.domain.payment import PaymentStatus
from pos_app.services.reports import ShiftReport
from pos_app.ui.common.env_mark import environment_mark
from pos_app.ui.common.status_style import status_words


def _t(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def _method(value: str) -> str:
    return _t("QR") if value == "qr" else _t("Card")


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


def _money(value: Decimal) -> str:
    return html.escape(format_tenge(value, group=" "))


def report_title(report: ShiftReport, environment: str = "prod") -> str:
    """The report's name; a training or test journal's report says TRAINING or TEST first."""
    if report.kind == "Z":
        title = _t("Z report No. %1 (shift closed)").replace("%1", str(report.number))
    else:
        title = _t("X report (shift still open)")
    mark = environment_mark(environment)
    return f"{mark} · {title}" if mark else title


def report_html(report: ShiftReport, shop_name: str, shop_address: str = "",
                environment: str = "prod") -> str:  # fmt: skip
    """Heading, period, a table per method and status, then sales, refunds and the net total."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(_method(line.method))}</td><td>{e(status_words(PaymentStatus(line.status)))}"
        f"</td><td align='right'>{line.count}</td><td align='right'>{_money(line.total)}</td></tr>"
        for line in report.lines
    ) or f"<tr><td colspan='4'>{e(_t('No payments in this shift.'))}</td></tr>"
    summary = [
        (_t("Sales"), f"{report.sales_count}", _money(report.sales_total)),
        (_t("Refunds"), f"{report.refunds_count}", _money(report.refunds_total)),
        (_t("Cancelled holds"), f"{report.cancels_count}", ""),
        (_t("Net total"), "", _money(report.net_total)),
    ]
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
        f"{e(_t('From'))} {_when(report.opened_at)} {e(_t('to'))} {_when(report.until)}</p>"
        "<table width='100%' cellspacing='0' cellpadding='3' border='1' "
        "style='border-collapse: collapse;'>"
        f"<tr><th align='left'>{e(_t('Method'))}</th><th align='left'>{e(_t('Status'))}</th>"
        f"<th align='right'>{e(_t('Count'))}</th><th align='right'>{e(_t('Amount'))}</th></tr>"
        f"{rows}</table><p></p>"
        f"<table width='100%' cellspacing='0' cellpadding='3'>{totals}</table>"
        f"<p align='center'>{e(_t('Non-fiscal document'))}</p>"
        "</body></html>"
    )
