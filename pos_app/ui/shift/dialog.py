"""The shift: open it, see the running X report, close it with a Z report, export CSV.

Closing reconciles open attempts with the bank first, so it runs in the background. With a
receipt printer set (``settings.receipt_printer``), X and Z reports print on it as soon as they
are made, the Z with the cash register's own Z report under ours (issue 15).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.reports import ShiftReport, ShiftService, export_csv
from pos_app.store.errors import StorageError
from pos_app.store.journal import Journal
from pos_app.store.settings import Settings
from pos_app.store.shifts import ShiftError
from pos_app.ui.common.documents import REPORT_PAGE, DocumentDialog
from pos_app.ui.common.outcome_texts import refund_message
from pos_app.ui.common.tasks import Tasks
from pos_app.ui.shift.report_print import report_lines
from pos_app.ui.shift.report_view import report_html, report_title


class ShiftDialog(QDialog):
    def __init__(self, shifts: ShiftService, journal: Journal, tasks: Tasks | None,
                 settings: Settings, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shift and reports"))
        self.shifts, self.journal, self.tasks, self.settings = shifts, journal, tasks, settings
        self.state = QLabel(self)
        self.state.setObjectName("shiftState")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open shift"), self)
        self.x_button = QPushButton(self.tr("X report"), self)
        self.z_button = QPushButton(self.tr("Close shift (Z report)…"), self)
        self.z_list = QComboBox(self)
        self.z_show = QPushButton(self.tr("Show"), self)
        today = QDate.currentDate()
        self.csv_from = QDateEdit(today.addDays(-30), self)
        self.csv_to = QDateEdit(today, self)
        for edit in (self.csv_from, self.csv_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.open_button.clicked.connect(self.open_shift)
        self.x_button.clicked.connect(self.show_x)
        self.z_button.clicked.connect(self.close_shift)
        self.z_show.clicked.connect(self.show_old_z)
        self.csv_button.clicked.connect(lambda: self.export())
        shift = QGroupBox(self.tr("Shift"), self)
        row = QHBoxLayout(shift)
        for button in (self.open_button, self.x_button, self.z_button):
            row.addWidget(button)
        old = QGroupBox(self.tr("Earlier Z reports"), self)
        row2 = QHBoxLayout(old)
        row2.addWidget(self.z_list, 1)
        row2.addWidget(self.z_show)
        export = QGroupBox(self.tr("Export the journal as CSV"), self)
        grid = QGridLayout(export)
        grid.addWidget(QLabel(self.tr("From"), self), 0, 0)
        grid.addWidget(self.csv_from, 0, 1)
        grid.addWidget(QLabel(self.tr("to"), self), 0, 2)
        grid.addWidget(self.csv_to, 0, 3)
        grid.addWidget(self.csv_button, 0, 4)
        layout = QVBoxLayout(self)
        for widget in (self.state, shift, old, export, self.message):
            layout.addWidget(widget)
        self.refresh()

    def refresh(self) -> None:
        current = self.shifts.current()
        if current is None:
            self.state.setText(self.tr("No shift is open."))
        else:
            opened = current.opened_at.astimezone().strftime("%d.%m.%Y %H:%M")
            self.state.setText(self.tr("Shift open since %1.").replace("%1", opened))
        self.open_button.setEnabled(current is None)
        self.x_button.setEnabled(current is not None)
        self.z_button.setEnabled(current is not None)
        self.z_list.clear()
        for z in self.shifts.store.z_reports():
            self.z_list.addItem(self.tr("Z No. %1 — %2").replace("%1", str(z.number)).replace(
                "%2", z.period_to.astimezone().strftime("%d.%m.%Y %H:%M")), z.number)  # fmt: skip
        self.z_show.setEnabled(self.z_list.count() > 0)

    def open_shift(self) -> None:
        try:
            self.shifts.open()
        except ShiftError as exc:
            self.message.setText(refund_message(exc.code))
        self.refresh()

    def report_dialog(self, report: ShiftReport) -> DocumentDialog:
        s = self.settings
        name = f"z-report-{report.number}" if report.kind == "Z" else "x-report"
        env = self.journal.environment
        return DocumentDialog(report_title(report, env), report_html(report, s.shop_name,
                              s.shop_address, env), name, REPORT_PAGE, self)  # fmt: skip

    def show_x(self) -> None:
        try:
            report = self.shifts.x_report()
        except ShiftError as exc:
            self.message.setText(refund_message(exc.code))
            return
        self.print_report(report)
        self.report_dialog(report).exec()

    def show_old_z(self) -> None:
        number = self.z_list.currentData()
        if number is not None:
            self.report_dialog(self.shifts.z_report(int(number))).exec()

    def close_shift(self) -> None:
        answer = QMessageBox.question(self, self.tr("Close shift"), self.tr(
            "Close the shift and print the Z report? It cannot be changed afterwards."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.z_button.setEnabled(False)
        self.message.setText(self.tr("Checking unfinished payments with the bank…"))
        if self.tasks is None:
            self._closed(self.shifts.close())
            return
        self.tasks.run(self.shifts.close, self._closed, self._close_failed)

    def _closed(self, result: tuple[ShiftReport, object]) -> None:
        report, _reconciled = result
        self.message.setText(report_title(report))
        self.refresh()
        self.print_report(report)
        self.report_dialog(report).exec()

    def print_report(self, report: ShiftReport) -> None:
        """The report on the ESC/POS receipt printer, in the background; the outcome (or what
        to check on the printer) goes to :attr:`message`. Nothing when no printer is set."""
        s = self.settings
        if not s.receipt_printer:
            return
        lines = report_lines(report, s.shop_name, s.shop_address, self.journal.environment,
                             s.fiscal_paper_mm)
        target, paper = s.receipt_printer, s.fiscal_paper_mm
        done = self.tr("The report is printed on the receipt printer.")

        def work() -> str:
            from pos_app.printing.escpos_print import PrinterError, print_receipt

            try:
                print_receipt(target, lines, paper_mm=paper)
            except PrinterError as exc:
                return str(exc)
            return done

        self.message.setText(self.tr("Printing the report on the receipt printer…"))
        if self.tasks is None:
            self.message.setText(work())
            return
        self.tasks.run(work, self.message.setText, lambda _exc: None)

    def _close_failed(self, exc: BaseException) -> None:
        code = exc.code if isinstance(exc, ShiftError) else "internal"
        self.message.setText(refund_message(code))
        self.refresh()

    def export(self, path: Path | None = None) -> int | None:
        """Write the attempts created between the two dates (inclusive) as CSV."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export CSV"), str(Path.home() / "journal.csv"),
                self.tr("CSV files (*.csv)"))  # fmt: skip
            if not chosen:
                return None
            path = Path(chosen)
        since = _midnight(self.csv_from.date())
        until = _midnight(self.csv_to.date()) + timedelta(days=1)
        try:
            with path.open("w", encoding="utf-8", newline="") as stream:
                rows = export_csv(self.journal, stream, since, until)
        except (OSError, StorageError) as exc:
            self.message.setText(self.tr("The file could not be written: %1").replace(
                "%1", str(exc)))  # fmt: skip
            return None
        self.message.setText(self.tr("%n payment(s) exported.", "", rows))
        return rows


def _midnight(day: QDate) -> datetime:
    return datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()


def open_shift_dialog(shifts: ShiftService, journal: Journal, tasks: Tasks | None,
                      settings: Settings, parent: QWidget) -> None:
    """The shift and X/Z report dialog, modal over ``parent`` (the history window's opener)."""
    ShiftDialog(shifts, journal, tasks, settings, parent).exec()
