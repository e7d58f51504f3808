"""The history window: search and filters over the journal, a payment's detail, refunds.

Opened from the main window (History, F3). Refunds and cancels are behind the admin PIN and
run in the background; the receipt of any payment can be shown, printed or saved again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.payment import OPEN, Payment, PaymentMethod
from pos_app.domain.payment import PaymentStatus as S
from pos_app.services.receipts import build_receipt
from pos_app.services.refunds import RefundError, RefundOutcome, RefundService
from pos_app.services.reports import ShiftService
from pos_app.store.journal import Journal
from pos_app.store.journal_query import HistoryFilter
from pos_app.store.refunds import RefundRecord
from pos_app.store.settings import Settings
from pos_app.ui.common.documents import DocumentDialog, receipt_html
from pos_app.ui.common.env_mark import environment_mark
from pos_app.ui.common.outcome_texts import refund_message
from pos_app.ui.common.pin_guard import protected
from pos_app.ui.common.tasks import Tasks
from pos_app.ui.history.detail import DetailPanel
from pos_app.ui.history.model import HistoryModel
from pos_app.ui.history.refund_dialog import RefundDialog
from pos_app.ui.history.refund_review import Decision, RefundReviewDialog

# Opens the shift and X/Z report dialog (the shift folder's, handed in by the main window):
# shifts, journal, tasks, settings, parent.
ShiftOpener = Callable[[ShiftService, Journal, "Tasks | None", Settings, QWidget], None]

STATUS_FILTERS: list[tuple[str, tuple[S, ...]]] = [
    ("all", ()), ("paid", (S.PAID,)), ("refunded", (S.REFUNDED, S.PARTIALLY_REFUNDED)),
    ("cancelled", (S.CANCELLED, S.EXPIRED)), ("declined", (S.DECLINED,)),
    ("open", tuple(sorted(OPEN))), ("error", (S.ERROR,)),
]  # fmt: skip


class HistoryWindow(QWidget):
    review_opened = Signal(object)  # the RefundReviewDialog, before it runs (tests, screenshots)
    refunded = Signal(object)  # a RefundOutcome, once the bank answered (fiscal return receipt)

    def __init__(self, journal: Journal, *, tasks: Tasks | None = None,
                 refunds: RefundService | None = None, shifts: ShiftService | None = None,
                 settings: Settings | None = None, open_shift: ShiftOpener | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._open_shift = open_shift
        self.setObjectName("historyWindow")
        self.setWindowTitle(self.tr("Payment history"))
        self.journal, self.tasks, self.refunds, self.shifts = journal, tasks, refunds, shifts
        self.settings = settings or Settings()
        self.model = HistoryModel(journal, self)
        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText(self.tr("Invoice, amount, RRN or card (*1234)"))
        self.search.setClearButtonEnabled(True)
        self.dates = QCheckBox(self.tr("Dates"), self)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.status = QComboBox(self)
        names = {"all": self.tr("All statuses"), "paid": self.tr("Approved"),
                 "refunded": self.tr("Refunded"), "cancelled": self.tr("Cancelled or expired"),
                 "declined": self.tr("Declined"), "open": self.tr("Not confirmed yet"),
                 "error": self.tr("Not started")}  # fmt: skip
        for key, statuses in STATUS_FILTERS:
            self.status.addItem(names[key], statuses)
        self.method = QComboBox(self)
        self.method.addItem(self.tr("Card and QR"), None)
        self.method.addItem(self.tr("Card"), PaymentMethod.CARD)
        self.method.addItem(self.tr("QR"), PaymentMethod.QR)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Widths from the font, not from the rows: measuring rows would read the whole journal.
        self.table.ensurePolished()  # the style sheet's font, not the default one
        metrics = self.table.fontMetrics()
        mark = environment_mark(self.model.environment)  # every row says TRAINING / TEST
        samples = ("00.00.0000 00:00", "0000000", "000 000,00 ₸", "Method",
                   "↩ Partly refunded" + (f" · {mark}" if mark else ""), "000000******0000")
        if mark:
            self.setWindowTitle(f"{self.windowTitle()} — {mark}")
        for column, sample in enumerate(samples):
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(header))
            self.table.setColumnWidth(column, width + 28)
        self.detail = DetailPanel(self)
        self.message = QLabel(self)
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        self.shift_button = QPushButton(self.tr("Shift and reports…"), self)
        self.shift_button.setEnabled(shifts is not None and open_shift is not None)
        self._layout()
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filter)
        for signal in (self.dates.toggled, self.date_from.dateChanged, self.date_to.dateChanged,
                       self.status.currentIndexChanged, self.method.currentIndexChanged):
            signal.connect(lambda *_args: self.apply_filter())
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.detail.receipt_button.clicked.connect(self.show_receipt)
        self.detail.refund_button.clicked.connect(lambda: self.refund_selected())
        self.detail.cancel_button.clicked.connect(lambda: self.cancel_selected())
        self.shift_button.clicked.connect(self.open_shift_dialog)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.search.setFocus()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for widget in (self.dates, self.date_from, QLabel("—", self), self.date_to,
                       self.status, self.method):
            bar.addWidget(widget)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([940, 480])
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.shift_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    # -- filtering ------------------------------------------------------------------------------

    def current_filter(self) -> HistoryFilter:
        since = until = None
        if self.dates.isChecked():
            since = _local_midnight(self.date_from.date())
            until = _local_midnight(self.date_to.date()) + timedelta(days=1)
        # QComboBox hands enum data back as plain strings.
        statuses = tuple(S(value) for value in self.status.currentData() or ())
        method = self.method.currentData()
        return HistoryFilter(self.search.text().strip(), since, until, statuses,
                             PaymentMethod(method) if method else None)

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        self.detail.show_payment(None, [])
        self.message.setText(self.tr("%n payment(s)", "", self.model.rowCount()))

    # -- the selected payment -------------------------------------------------------------------

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        payment = self.model.payment_at(current.row()) if current.isValid() else None
        self.show_detail(payment)

    def show_detail(self, payment: Payment | None) -> None:
        events = [] if payment is None else self.journal.events(payment.invoice_id)
        self.detail.show_payment(payment, events)
        if payment is not None and self.refunds is None:
            self.detail.refund_button.setEnabled(False)
            self.detail.cancel_button.setEnabled(False)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))

    def receipt_dialog(self) -> DocumentDialog | None:
        payment = self.detail.payment
        if payment is None:
            return None
        s = self.settings
        receipt = build_receipt(payment, shop_name=s.shop_name, shop_address=s.shop_address,
                                language=s.language, copy=True,
                                environment=self.model.environment)  # fmt: skip
        return DocumentDialog(self.tr("Receipt"), receipt_html(receipt),
                              f"receipt-{payment.invoice_id}", parent=self)  # fmt: skip

    def show_receipt(self) -> None:
        dialog = self.receipt_dialog()
        if dialog is not None:
            dialog.exec()

    @protected
    def refund_selected(self) -> None:
        self._ask_and_run(cancel=False)

    @protected
    def cancel_selected(self) -> None:
        self._ask_and_run(cancel=True)

    def _ask_and_run(self, *, cancel: bool) -> None:
        payment, service = self.detail.payment, self.refunds
        if payment is None or service is None:
            return
        dialog = RefundDialog(payment, cancel=cancel, parent=self)
        if dialog.exec() != RefundDialog.DialogCode.Accepted:
            return
        self.run_refund(payment, dialog.value, dialog.reason.text(), cancel=cancel)

    def run_refund(self, payment: Payment, value: object, reason: str, *, cancel: bool) -> None:
        """Send the checked request in the background; the journal tells the result."""
        service = self.refunds
        assert service is not None
        invoice = payment.invoice_id
        work: Callable[[], RefundOutcome] = (
            (lambda: service.cancel(invoice, reason)) if cancel
            else (lambda: service.refund(invoice, str(value), reason)))  # fmt: skip
        self.detail.refund_button.setEnabled(False)
        self.detail.cancel_button.setEnabled(False)
        self.message.setText(self.tr("Asking the bank…"))
        if self.tasks is None:
            try:
                self._done(work())
            except RefundError as exc:
                self._failed(invoice, exc)
            return
        self.tasks.run(work, self._done, lambda exc: self._failed(invoice, exc))

    def _done(self, outcome: RefundOutcome) -> None:
        self.model.update_payment(outcome.payment)
        self.show_detail(outcome.payment)
        if outcome.confirmed:
            self.message.setText(self.tr("Done: the bank confirmed %1.").replace(
                "%1", outcome.record.external_id))  # fmt: skip
        else:
            self.message.setText(refund_message("not_confirmed"))
        self.refunded.emit(outcome)

    def _failed(self, invoice: str, exc: BaseException) -> None:
        code = exc.code if isinstance(exc, RefundError) else "internal"
        self.message.setText(refund_message(code))
        payment = self.journal.get(invoice)
        self.model.update_payment(payment)
        self.show_detail(payment)
        if isinstance(exc, RefundError) and code == "pending_unconfirmed" and exc.record:
            self.review_refund(invoice, exc.record, exc.bank_answer)

    def review_refund(self, invoice: str, record: RefundRecord, bank_answer: str) -> None:
        """The administrator decides on an unconfirmed refund (already behind the PIN)."""
        service = self.refunds
        assert service is not None
        dialog = RefundReviewDialog(record, bank_answer, self)
        self.review_opened.emit(dialog)
        if dialog.exec() != RefundReviewDialog.DialogCode.Accepted or dialog.decision is None:
            return
        reason = dialog.reason.text()

        def work() -> object:
            if dialog.decision is Decision.RESEND:
                return service.resend(invoice)
            return service.decide(invoice, applied=dialog.decision is Decision.APPLIED,
                                  reason=reason)  # fmt: skip

        def done(result: object) -> None:
            if isinstance(result, RefundOutcome):
                self._done(result)
            else:
                self.message.setText(self.tr("Recorded: the administrator's decision."))
                payment = self.journal.get(invoice)
                self.model.update_payment(payment)
                self.show_detail(payment)

        self.message.setText(self.tr("Asking the bank…"))
        if self.tasks is None:
            done(work())
        else:
            self.tasks.run(work, done, lambda exc: self._failed(invoice, exc))

    def open_shift_dialog(self) -> None:
        if self.shifts is not None and self._open_shift is not None:
            self._open_shift(self.shifts, self.journal, self.tasks, self.settings, self)


def _local_midnight(day: QDate) -> datetime:
    return datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()
