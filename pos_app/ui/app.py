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
from pos_app.ui.controller import CheckoutController
from pos_app.ui.main_window import MainWindow
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

    def close(self) -> None:
        self.window.close()
        self.tasks.shutdown(wait=False)
        self.checkout.discard()


def build_till(runtime: Runtime, *, debug: bool = False, reconcile: bool = True) -> Till:
    app = ensure_app()
    style = resource("style.qss")
    if style.is_file() and not app.styleSheet():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    tasks = Tasks()
    checkout = CheckoutView(runtime.settings.checkout_base_url, debug=debug)
    controller = CheckoutController(runtime, tasks, checkout)
    window = MainWindow(controller, checkout, shop_name=runtime.settings.shop_name,
                        environment=runtime.environment)
    till = Till(runtime, tasks, checkout, controller, window)
    if reconcile:
        tasks.run(runtime.reconciler.run, lambda _report: window.refresh_recent())
    return till


def run_gui(runtime: Runtime, *, debug: bool = False) -> int:
    app = ensure_app()
    till = build_till(runtime, debug=debug)
    till.window.resize(1180, 780)
    till.window.show()
    # Chromium's processes start after the window is on screen, not before.
    QTimer.singleShot(0, till.checkout.warm_up)
    code = app.exec()
    till.close()
    runtime.close()
    return int(code)
