"""Start the till: Qt application, runtime, window; warm the web engine once the window shows."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

from PySide6.QtCore import QTimer

# WebEngine must be imported before the QApplication exists.
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401
from PySide6.QtWidgets import QApplication

from pos_app.resources import resource
from pos_app.runtime import Runtime
from pos_app.store.settings import Settings
from pos_app.ui.controller import CheckoutController
from pos_app.ui.customer_display import CustomerDisplay
from pos_app.ui.main_window import MainWindow
from pos_app.ui.qr_controller import QrController, qr_service_for
from pos_app.ui.tasks import Tasks
from pos_app.ui.web.checkout_view import CheckoutView

log = logging.getLogger("pos_app.ui.app")


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv or [sys.argv[0] if sys.argv else "pos-app"])
    app.setApplicationName("pos-app")
    app.setOrganizationName("HalykPOS")
    return app


@dataclass
class Till:
    """The assembled GUI, handy for tests and the benchmark."""

    runtime: Runtime
    tasks: Tasks
    checkout: CheckoutView
    controller: CheckoutController
    window: MainWindow
    qr: QrController | None = None
    display: CustomerDisplay | None = None  # the customer-facing window, when enabled

    def close(self) -> None:
        if self.qr is not None:
            self.qr.shutdown()  # an open QR attempt is left for the reconciler
        if self.display is not None:
            self.display.close()
            self.display.deleteLater()
        self.window.close()
        self.tasks.shutdown(wait=False)
        self.checkout.dispose()
        self.window.deleteLater()


def build_till(runtime: Runtime, *, debug: bool = False, reconcile: bool = True) -> Till:
    app = ensure_app()
    style = resource("style.qss")
    if style.is_file() and not app.styleSheet():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    tasks = Tasks()
    checkout = CheckoutView(runtime.settings.checkout_base_url, debug=debug)
    controller = CheckoutController(runtime, tasks, checkout)
    qr = QrController(qr_service_for(runtime), tasks)
    window = MainWindow(controller, checkout, shop_name=runtime.settings.shop_name,
                        environment=runtime.environment, qr=qr)
    display = None
    if runtime.settings.customer_display:
        display = CustomerDisplay(qr, shop_name=runtime.settings.shop_name,
                                  language=runtime.settings.language)
    till = Till(runtime, tasks, checkout, controller, window, qr, display)
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
    tasks = Tasks()
    try:
        wizard = FirstRunWizard(paths.settings_path(), PinStore.default(), tasks)
        wizard.show()
        wizard.exec()
        return wizard.settings
    finally:
        tasks.shutdown(wait=False)


def run_gui(runtime: Runtime, *, debug: bool = False) -> int:
    app = ensure_app()
    till = build_till(runtime, debug=debug)
    till.window.resize(1180, 780)
    till.window.show()
    if till.display is not None:
        till.display.place(till.window.screen())
    # Chromium's processes start after the window is on screen, not before.
    QTimer.singleShot(0, till.checkout.warm_up)
    code = app.exec()
    till.close()
    runtime.close()
    return int(code)
