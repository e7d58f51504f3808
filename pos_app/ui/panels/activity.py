"""The right-hand side of the till: idle hint, progress, the bank's form, or the result."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.icons import icon

if TYPE_CHECKING:
    from pos_app.services.qr_payment import QrLink, QrState
    from pos_app.ui.panels.qr_panel import QrPanel
    from pos_app.ui.panels.result import ResultPanel
    from pos_app.ui.web.checkout_view import CheckoutView


class _Retranslating(QWidget):
    """A panel whose texts are set in ``retranslate()``, again on every language change."""

    def retranslate(self) -> None:
        """Set every text again in the language now installed (subclasses override)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ProgressPanel(_Retranslating):
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


class FormPanel(_Retranslating):
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


class ActivityPanel(QStackedWidget):
    """Switches between idle, progress, form, result and the QR; nothing else.

    Only the idle page exists at first, so the window appears fast; the QR page (and the
    ``qrcode`` library) is built when a QR payment first needs it.
    """

    qr_created = Signal(object)  # the QrPanel, once, when first needed

    def __init__(self, checkout: CheckoutView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.idle = QLabel(self)
        self.idle.setObjectName("idleHint")
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle.setWordWrap(True)
        self.addWidget(self.idle)
        self._checkout = checkout
        if checkout is not None:
            _ = self.form  # the web view must be in the window before it shows (ui.startup)
        self.retranslate()

    @property
    def checkout(self) -> CheckoutView | None:
        return self._checkout

    def set_checkout(self, checkout: CheckoutView) -> None:
        """The web view for a window built without one (shown already: Qt then recreates the
        window's native surface, see ui.startup)."""
        form = self.form
        self._checkout = checkout
        form.set_checkout(checkout)

    # The other pages are built when first needed (the controllers ask for them once attached,
    # after the window's first paint).
    @cached_property
    def progress(self) -> ProgressPanel:
        page = ProgressPanel(self)
        self.addWidget(page)
        return page

    @cached_property
    def form(self) -> FormPanel:
        page = FormPanel(self._checkout, self)
        self.addWidget(page)
        return page

    @cached_property
    def result(self) -> ResultPanel:
        from pos_app.ui.panels.result import ResultPanel

        page = ResultPanel(self)
        self.addWidget(page)
        return page

    @cached_property
    def qr(self) -> QrPanel:
        """The page for paying by QR on the customer's phone, built on first use."""
        from pos_app.ui.panels.qr_panel import QrPanel

        page = QrPanel(self)
        self.addWidget(page)
        self.qr_created.emit(page)
        return page

    # the QR controller's signals land here, so that they build the page only when it is used
    def show_qr_link(self, link: QrLink, can_send: bool) -> None:
        self.qr.show_link(link, can_send)

    def show_qr_state(self, state: QrState) -> None:
        self.qr.show_state(state)

    def set_qr_remaining(self, seconds: float) -> None:
        self.qr.set_remaining(seconds)

    def retranslate(self) -> None:
        self.idle.setText(self.tr("Type the amount and press Enter to pay by card, or F2 for a "
                                  "QR code."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
