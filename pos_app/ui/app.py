"""Start the till: Qt application, runtime, window; warm the web engine once the window shows."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.resources import resource
from pos_app.runtime import Runtime
from pos_app.services.connectivity import ConnectivityProbe
from pos_app.store.settings import Settings
from pos_app.ui import i18n
from pos_app.ui.connection import ConnectionMonitor
from pos_app.ui.controller import CheckoutController
from pos_app.ui.main_window import MainWindow
from pos_app.ui.qr_controller import QrController, qr_service_for
from pos_app.ui.tasks import Tasks

if TYPE_CHECKING:
    from pos_app.ui.customer_display import CustomerDisplay
    from pos_app.ui.web.checkout_view import CheckoutView

log = logging.getLogger("pos_app.ui.app")
WARM_UP_DELAY_MS = 250


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    # What importing QtWebEngineWidgets would do; it lets the web engine load after the
    # window shows instead of before (the import alone costs ~90 ms).
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication(argv or [sys.argv[0] if sys.argv else "pos-app"])
    app.setApplicationName("pos-app")
    app.setOrganizationName("HalykPOS")
    return app


@dataclass
class Till:
    """The assembled GUI, handy for tests and the benchmark."""

    runtime: Runtime
    tasks: Tasks
    checkout: CheckoutView | None
    controller: CheckoutController
    window: MainWindow
    qr: QrController | None = None
    display: CustomerDisplay | None = None  # the customer-facing window, when enabled
    monitor: ConnectionMonitor | None = None  # is ePay reachable (the offline banner)

    def close(self) -> None:
        if self.monitor is not None:
            self.monitor.stop()
        self.window.kiosk.allow_close()
        if self.qr is not None:
            self.qr.shutdown()  # an open QR attempt is left for the reconciler
        if self.display is not None:
            self.display.close()
            self.display.deleteLater()
        self.window.close()
        self.tasks.shutdown(wait=False)
        if self.checkout is not None:
            self.checkout.dispose()
        self.window.deleteLater()

    def attach_web(self, *, debug: bool = False) -> CheckoutView:
        """Create the checkout web view (Chromium) and start its processes."""
        if self.checkout is None:
            from pos_app.ui.web.checkout_view import CheckoutView

            view = CheckoutView(self.runtime.settings.checkout_base_url, debug=debug)
            self.checkout = view
            self.controller.attach_view(view)
            self.window.activity.form.set_checkout(view)
            view.warm_up()
        return self.checkout


def build_till(
    runtime: Runtime, *, debug: bool = False, reconcile: bool = True, lazy_web: bool = False,
    watch_connection: bool = False,
) -> Till:
    """Assemble the till. With ``lazy_web`` the web engine is left to :meth:`Till.attach_web`.

    With ``watch_connection`` ePay is probed in the background from the start; without it, the
    offline banner still follows what real payment calls report.
    """
    app = ensure_app()
    style = resource("style.qss")
    if style.is_file() and not app.styleSheet():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    tasks = Tasks()
    controller = CheckoutController(runtime, tasks, None)
    qr = QrController(qr_service_for(runtime), tasks)
    window = MainWindow(controller, None, shop_name=runtime.settings.shop_name,
                        environment=runtime.environment, qr=qr)
    display = None
    if runtime.settings.customer_display:
        from pos_app.ui.customer_display import CustomerDisplay

        display = CustomerDisplay(qr, shop_name=runtime.settings.shop_name,
                                  language=runtime.settings.language)
    probe = ConnectivityProbe(runtime.hosts, runtime.credentials, prepare=runtime.ready)
    monitor = ConnectionMonitor(probe, tasks)
    monitor.changed.connect(window.set_reachability)

    def retry() -> None:
        window.banner.set_checking(True)
        monitor.check_now()

    window.banner.retry_clicked.connect(retry)
    controller.bank_error.connect(monitor.report_failure)
    qr.bank_error.connect(monitor.report_failure)
    if display is not None:
        window.language_changed.connect(display.set_language)
    till = Till(runtime, tasks, None, controller, window, qr, display, monitor)
    if watch_connection:
        monitor.start()
    controller.view_needed.connect(lambda: till.attach_web(debug=debug))
    if not lazy_web:
        till.attach_web(debug=debug)
    if reconcile:
        tasks.run(runtime.reconciler.run, lambda _report: window.refresh_recent())
    return till


def first_run() -> Settings | None:
    """Show the first-run wizard (call only when no settings file exists).

    Returns the saved settings, or None when the wizard was closed without finishing.
    """
    from pos_app.store import paths
    from pos_app.store.pin import PinStore
    from pos_app.ui.dialogs.first_run import FirstRunWizard

    app = ensure_app()
    style = resource("style.qss")
    if style.is_file() and not app.styleSheet():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    i18n.set_language(system_language())
    tasks = Tasks()
    try:
        wizard = FirstRunWizard(paths.settings_path(), PinStore.default(), tasks)
        wizard.show()
        wizard.exec()
        return wizard.settings
    finally:
        tasks.shutdown(wait=False)


def system_language() -> str:
    """Before any settings exist: Kazakh or English if the computer is set so, else Russian."""
    from PySide6.QtCore import QLocale

    names = {QLocale.Language.Kazakh: "kk", QLocale.Language.English: "en"}
    return names.get(QLocale.system().language(), "ru")


class _FirstPaint(QObject):
    """Calls ``then`` shortly after ``widget`` first paints.

    The pause lets the cashier's first key strokes through before Chromium's start-up holds
    the GUI thread for ~150 ms; the web engine is still warm long before the first Enter.
    """

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(WARM_UP_DELAY_MS, then)
        return False


def _after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    _FirstPaint(widget, then)


def run_gui(runtime: Runtime, *, debug: bool = False) -> int:
    app = ensure_app()
    i18n.set_language(runtime.settings.language)
    till = build_till(runtime, debug=debug, reconcile=False, lazy_web=True)
    till.window.resize(1180, 780)
    if runtime.settings.kiosk:
        till.window.kiosk.enter()
    else:
        till.window.show()
    if till.display is not None:
        till.display.place(till.window.screen())
    # Chromium, httpx, the connection probe and the start-up reconciliation come after the
    # window's first paint.
    def after_first_paint() -> None:
        till.attach_web(debug=debug)
        till.tasks.run(runtime.reconciler.run, lambda _r: till.window.refresh_recent())
        if till.monitor is not None:
            till.monitor.start()

    _after_first_paint(till.window, after_first_paint)
    code = app.exec()
    till.close()
    # Run the deferred deletes now: pages must go before their profile, even at exit.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runtime.close()
    return int(code)
