"""The right-hand side of the till (the stage): idle hint, then the card checkout's pages
(progress, the bank's form, the result) or the QR payment's page. The main window composes it;
the checkout and QR controllers drive it."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from pos_app.ui.checkout.activity import FormPanel, ProgressPanel

if TYPE_CHECKING:
    from pos_app.services.qr_payment import QrLink, QrState
    from pos_app.ui.checkout.result import ResultPanel
    from pos_app.ui.checkout.web.checkout_view import CheckoutView
    from pos_app.ui.qr.panel import QrPanel


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
            _ = self.form  # the web view in the window before it shows (ui.startup)
        self.retranslate()

    @property
    def checkout(self) -> CheckoutView | None:
        return self._checkout

    def set_checkout(self, checkout: CheckoutView) -> None:
        """The web view for a window built without one. Once it is on screen, only a window
        that composites through the GPU from its creation is not re-created by Qt as the web
        view joins it (:func:`pos_app.ui.window.window_first`, ui.startup)."""
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
        from pos_app.ui.checkout.result import ResultPanel

        page = ResultPanel(self)
        self.addWidget(page)
        return page

    @cached_property
    def qr(self) -> QrPanel:
        """The page for paying by QR on the customer's phone, built on first use."""
        from pos_app.ui.qr.panel import QrPanel

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
