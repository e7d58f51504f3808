"""A table model over the journal that never holds more than a few pages of it.

``rowCount`` is one ``count(*)`` of the filtered journal; rows are read a page at a time when
the view asks for them (a windowed cache, least recently used pages dropped), so scrolling to
the end of 100,000 payments reads one page, not all of them.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from pos_app.domain.money import format_tenge
from pos_app.domain.payment import Payment
from pos_app.store import journal_query
from pos_app.store.journal import Journal
from pos_app.store.journal_query import HistoryFilter
from pos_app.ui.common.env_mark import environment_mark
from pos_app.ui.common.status_style import look, status_words

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    PAGE = 200
    MAX_PAGES = 12

    def __init__(self, journal: Journal, parent: Any = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.environment = journal.environment  # one journal per environment (issue 14)
        self.filter = HistoryFilter()
        self._count = 0
        self._pages: OrderedDict[int, list[Payment]] = OrderedDict()
        self.pages_read = 0  # for tests and the benchmark
        self._headers = [self.tr("Time"), self.tr("Invoice"), self.tr("Amount"),
                         self.tr("Method"), self.tr("Status"), self.tr("Card"), self.tr("RRN")]
        self.refresh()

    # -- what the view asks ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        payment = self.payment_at(index.row())
        if payment is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(payment, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4:
            return QColor(look(payment.status).colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return payment.invoice_id
        return None

    def _text(self, p: Payment, column: int) -> str:
        if column == 0:
            return p.created_at.astimezone().strftime("%d.%m.%Y %H:%M")
        if column == 1:
            return p.invoice_id
        if column == 2:
            return format_tenge(p.amount)
        if column == 3:
            return self.tr("QR") if p.method.value == "qr" else self.tr("Card")
        if column == 4:
            words = [f"{look(p.status, p.method).sign} {status_words(p.status, p.method)}"]
            if p.problem:
                words.append(self.tr("⚠ check with the bank"))
            if mark := environment_mark(self.environment):
                words.append(mark)
            return " · ".join(words)
        if column == 5:
            return p.card_mask
        return p.reference

    # -- paging ---------------------------------------------------------------------------------

    def payment_at(self, row: int) -> Payment | None:
        """The payment shown in ``row`` (reads its page if it is not cached)."""
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self.PAGE)
        rows = self._pages.get(number)
        if rows is None:
            rows = journal_query.page(self.journal, self.filter, number * self.PAGE, self.PAGE)
            self.pages_read += 1
            self._pages[number] = rows
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return rows[offset] if offset < len(rows) else None

    def cached_rows(self) -> int:
        """How many payments the model holds in memory right now."""
        return sum(len(rows) for rows in self._pages.values())

    def set_filter(self, f: HistoryFilter) -> None:
        self.filter = f
        self.refresh()

    def refresh(self) -> None:
        """Re-count and drop the cache (after a filter change or a new payment)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = journal_query.count(self.journal, self.filter)
        self.endResetModel()

    def row_of(self, invoice_id: str) -> int | None:
        """The row of ``invoice_id`` among the cached pages, if it is there."""
        for number, rows in self._pages.items():
            for offset, payment in enumerate(rows):
                if payment.invoice_id == invoice_id:
                    return number * self.PAGE + offset
        return None

    def update_payment(self, payment: Payment) -> None:
        """Show a changed payment (after a refund) without re-reading everything."""
        row = self.row_of(payment.invoice_id)
        if row is None:
            return
        number, offset = divmod(row, self.PAGE)
        self._pages[number][offset] = payment
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
