"""Receipts and reports on paper and in PDF: HTML laid out by QTextDocument.

:func:`write_pdf` needs no dialog (tests, "Save as PDF"); :class:`DocumentDialog` previews a
document with Print… (the system printer dialog) and Save as PDF….
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pos_app.services.receipts import Receipt

RECEIPT_PAGE = QPageSize(QSizeF(80, 110), QPageSize.Unit.Millimeter, "Receipt 80 mm")
REPORT_PAGE = QPageSize(QPageSize.PageSizeId.A5)


def receipt_html(receipt: Receipt) -> str:
    """The slip as simple HTML (QTextDocument's subset): centred heading, a two-column table."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(label)}</td><td align='right'><b>{e(value)}</b></td></tr>"
        for label, value in receipt.lines
    )
    mark = f"<p align='center'><b style='font-size: 12pt;'>{e(receipt.mark)}</b></p>" \
        if receipt.mark else ""
    return (
        "<html><body style='font-family: sans-serif; font-size: 9pt;'>"
        f"{mark}<p align='center'><b style='font-size: 11pt;'>{e(receipt.shop_name)}</b><br/>"
        f"{e(receipt.shop_address)}</p>"
        f"<p align='center'><b>{e(receipt.title)}</b></p>"
        f"<table width='100%' cellspacing='0' cellpadding='2'>{rows}</table>"
        f"<p align='center'>***<br/><b>{e(receipt.footer)}</b></p>{mark}"
        "</body></html>"
    )


def _document(text: str, device: QPagedPaintDevice) -> QTextDocument:
    """Laid out for ``device`` (its resolution, its printable page) so points are points."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setHtml(text)
    layout = device.pageLayout()
    resolution = device.logicalDpiX()
    doc.setPageSize(QSizeF(layout.paintRectPixels(resolution).size()))
    doc.setDocumentMargin(0)
    return doc


def write_pdf(text: str, path: Path, page: QPageSize = RECEIPT_PAGE) -> Path:
    """Lay out the HTML ``text`` on ``page`` and save it as a PDF at ``path``."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(page)
    writer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(path.stem)
    writer.setCreator("pos-app")
    _document(text, writer).print_(writer)
    return path


def print_document(text: str, page: QPageSize, parent: QWidget | None) -> bool:
    """The system printer dialog, then print; False when the cashier cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _document(text, printer).print_(printer)
    return True


class DocumentDialog(QDialog):
    """A preview with Print… and Save as PDF…; ``name`` is the suggested file name."""

    def __init__(self, title: str, text: str, name: str, page: QPageSize = RECEIPT_PAGE,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("documentDialog")
        self.text = text
        self.name = name
        self.page = page
        self.preview = QTextBrowser(self)
        self.preview.setHtml(text)
        self.preview.setMinimumSize(380, 460)
        self.message = QLabel(self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        close = QPushButton(self.tr("Close"), self)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def print_(self) -> None:
        if print_document(self.text, self.page, self):
            self.message.setText(self.tr("Sent to the printer."))

    def save_pdf(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), str(Path.home() / f"{self.name}.pdf"),
                self.tr("PDF documents (*.pdf)"))  # fmt: skip
            if not chosen:
                return None
            path = Path(chosen)
        try:
            write_pdf(self.text, path, self.page)
        except OSError as exc:
            self.message.setText(self.tr("The PDF could not be saved: %1").replace(
                "%1", exc.strerror or type(exc).__name__))  # fmt: skip
            return None
        self.message.setText(self.tr("Saved: %1").replace("%1", str(path)))
        return path
