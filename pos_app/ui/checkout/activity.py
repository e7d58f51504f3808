"""The card checkout's pages on the right-hand side: a visible wait, and the bank's form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.common.icons import icon
from pos_app.ui.common.retranslating import Retranslating

if TYPE_CHECKING:
    from pos_app.ui.checkout.web.checkout_view import CheckoutView


class ProgressPanel(Retranslating):
    """A visible wait: words, a moving bar, and Cancel where cancelling is safe."""

    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("progressTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # indeterminate
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(420)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.setIcon(icon("cancel"))
        self.cancel.setMinimumHeight(48)
        self.cancel.clicked.connect(self.cancel_clicked)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.detail)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.bar.setAccessibleName(self.tr("Waiting for the bank"))
        self.cancel.setText(self.tr("Cancel  [Esc]"))
        self.cancel.setAccessibleName(self.tr("Cancel the payment"))
        self.cancel.setToolTip(self.tr("Cancel the payment (Esc)"))

    def show_wait(
        self, title: str, detail: str = "", cancellable: bool = True, stop_only: bool = False
    ) -> None:
        """``stop_only``: the payment cannot be cancelled any more, only the waiting stopped
        (the attempt is then re-checked later)."""
        self.title.setText(title)
        self.detail.setText(detail)
        self.cancel.setVisible(cancellable)
        if stop_only:
            self.cancel.setText(self.tr("Stop waiting  [Esc]"))
            self.cancel.setToolTip(self.tr("Stop waiting; the payment is checked again later"))
        else:
            self.retranslate()


class FormPanel(Retranslating):
    """ePay's widget in our window, with our own Cancel (the widget has none)."""

    cancel_clicked = Signal()

    def __init__(self, checkout: CheckoutView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checkout: CheckoutView | None = None
        self.hint = QLabel(self)
        self.hint.setObjectName("formHint")
        self.hint.setWordWrap(True)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.setIcon(icon("cancel"))
        self.cancel.setMinimumHeight(48)
        self.cancel.clicked.connect(self.cancel_clicked)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.cancel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(top)
        if checkout is not None:
            self.set_checkout(checkout)
        self.retranslate()

    def set_checkout(self, checkout: CheckoutView) -> None:
        """Put the web view in place."""
        self.checkout = checkout
        self._layout.addWidget(checkout, 1)
        checkout.setAccessibleName(self.tr("The bank's card form"))

    def retranslate(self) -> None:
        self.hint.setText(self.tr("The customer enters the card details in the bank's form."))
        self.cancel.setText(self.tr("Cancel payment  [Esc]"))
        self.cancel.setAccessibleName(self.tr("Cancel the payment"))
        self.cancel.setToolTip(self.tr("Cancel the payment (Esc)"))
        if self.checkout is not None:
            self.checkout.setAccessibleName(self.tr("The bank's card form"))
