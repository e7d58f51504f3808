"""The payment history: a paged table over the journal, a detail panel, refunds and receipts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

if TYPE_CHECKING:
    from pos_app.runtime import Runtime
    from pos_app.ui.checkout.controller import CheckoutController
    from pos_app.ui.common.tasks import Tasks
    from pos_app.ui.history.window import HistoryWindow, ShiftOpener


# Adds to a new history window what other features bring (the fiscal reprint button): handed in
# by the main window, so that the history folder imports no other feature.
HistoryExtension = Callable[["HistoryWindow", "Runtime", "Tasks"], Any]


def history_window(runtime: Runtime, tasks: Tasks, parent: QWidget | None = None,
                   open_shift: ShiftOpener | None = None,
                   extend: HistoryExtension | None = None) -> HistoryWindow:
    """The history window wired to the till's journal, bank client and reconciler."""
    from pos_app.services.refunds import RefundService
    from pos_app.services.reports import ShiftService
    from pos_app.ui.history.window import HistoryWindow

    window = HistoryWindow(
        runtime.journal, tasks=tasks, refunds=RefundService(runtime.journal, runtime.client,
                                                     runtime.extras.get("fiscal")),
        shifts=ShiftService(runtime.journal, runtime.reconciler,
                            fiscal=runtime.extras.get("fiscal")), settings=runtime.settings,
        open_shift=open_shift, parent=parent,
    )  # fmt: skip
    if extend is not None:
        extend(window, runtime, tasks)
    return window


class HistoryLauncher(QObject):
    """The main window's History button and F3; one history window, raised when open.

    ``window`` is the main window, here only a widget to put the button and the F3 action on (it
    imports this module, not the other way round); the controller comes with :meth:`attach`.
    """

    def __init__(self, window: QWidget, open_shift: ShiftOpener | None = None,
                 extend: HistoryExtension | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.open_shift = open_shift
        self.extend = extend
        self.controller: CheckoutController | None = None  # set by attach()
        self.history: HistoryWindow | None = None
        self.action = QAction(window)
        self.action.setObjectName("historyAction")
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F3))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(lambda _checked=False: self.open())
        window.addAction(self.action)
        self.button = QToolButton(window)
        self.button.setObjectName("historyButton")
        self.button.setDefaultAction(self.action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setIconSize(QSize(22, 22))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the amount field keeps the focus
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("History  [F3]"))
        self.action.setToolTip(self.tr("Payments, receipts, refunds and shift reports (F3)"))
        self.button.setAccessibleName(self.action.toolTip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def attach(self, controller: CheckoutController) -> None:
        """The till's services are ready: the history can open and follow new payments."""
        self.controller = controller
        controller.journal_changed.connect(self._journal_changed)

    def open(self) -> HistoryWindow | None:
        """The history window, or None while the till is still loading its services."""
        controller = self.controller
        if controller is None:
            return None
        if self.history is None:
            self.history = history_window(controller.rt, controller.tasks, self.window,
                                          self.open_shift, self.extend)
            self.history.resize(1400, 720)
        else:
            self.history.apply_filter()
        self.history.show()
        self.history.raise_()
        self.history.activateWindow()
        return self.history

    def _journal_changed(self) -> None:
        if self.history is not None and self.history.isVisible():
            self.history.apply_filter()
