"""Start the till: Qt application, runtime, window; warm the web engine once the window shows.

``pos-app`` starts in stages so that the cashier can type within a blink:

1. before any window: settings, hosts and credentials (:func:`pos_app.runtime.check_setup`);
2. the window with its panels, shown and focused (:class:`MainWindow`);
3. on a worker thread: the journal, the services and their modules (:meth:`Setup.build`);
4. back on the GUI thread: the controllers attached (:func:`wire_till`); an Enter pressed
   during step 3 is carried out now;
5. 250 ms later: Chromium, the connection probe and the start-up reconciliation.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.resources import resource
from pos_app.ui import i18n
from pos_app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from concurrent.futures import Future

    from pos_app.runtime import Runtime, Setup
    from pos_app.store.settings import Settings
    from pos_app.ui.connection import ConnectionMonitor
    from pos_app.ui.controller import CheckoutController
    from pos_app.ui.customer_display import CustomerDisplay
    from pos_app.ui.qr_controller import QrController
    from pos_app.ui.tasks import Tasks
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

    def reconcile(self, left_open: frozenset[str]) -> None:
        """Settle, in the background, what a previous run left open (:meth:`Reconciler.left_open`,
        taken before this till could start a payment); payments started since are not touched."""
        self.tasks.run(lambda: self.runtime.reconciler.run(only=left_open),
                       lambda _report: self.window.refresh_recent())

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
    """Assemble the till in one go. With ``lazy_web`` the web engine is left to
    :meth:`Till.attach_web`.

    With ``watch_connection`` ePay is probed in the background from the start; without it, the
    offline banner still follows what real payment calls report.
    """
    from pos_app.ui.tasks import Tasks

    left_open = runtime.reconciler.left_open() if reconcile else frozenset()
    window = main_window(runtime.environment, runtime.settings)
    till = wire_till(runtime, window, Tasks(), debug=debug)
    if watch_connection and till.monitor is not None:
        till.monitor.start()
    if not lazy_web:
        till.attach_web(debug=debug)
    if reconcile:
        till.reconcile(left_open)
    return till


def main_window(environment: str, settings: Settings) -> MainWindow:
    """The window and its panels, before any service exists (stage 2)."""
    from decimal import Decimal

    app = ensure_app()
    style = resource("style.qss")
    if style.is_file() and not app.styleSheet():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return MainWindow(shop_name=settings.shop_name, environment=environment,
                      maximum=Decimal(settings.max_amount))


def wire_till(runtime: Runtime, window: MainWindow, tasks: Tasks, *, debug: bool = False) -> Till:
    """Controllers, the QR flow, the connection monitor and the customer display (stage 4)."""
    from pos_app.services.connectivity import ConnectivityProbe
    from pos_app.ui.connection import ConnectionMonitor
    from pos_app.ui.controller import CheckoutController
    from pos_app.ui.qr_controller import QrController, qr_service_for

    controller = CheckoutController(runtime, tasks, None)
    qr = QrController(qr_service_for(runtime), tasks)
    window.attach(controller, qr)
    display = None
    if runtime.settings.customer_display:
        from pos_app.ui.customer_display import CustomerDisplay

        display = CustomerDisplay(qr, shop_name=runtime.settings.shop_name,
                                  language=runtime.settings.language)
        window.language_changed.connect(display.set_language)
    probe = ConnectivityProbe(runtime.hosts, runtime.credentials, prepare=runtime.ready)
    monitor = ConnectionMonitor(probe, tasks)
    monitor.changed.connect(window.set_reachability)

    def retry() -> None:
        window.banner.set_checking(True)
        monitor.check_now()

    window.banner.retry_clicked.connect(retry)
    controller.bank_error.connect(monitor.report_failure)
    qr.bank_error.connect(monitor.report_failure)
    till = Till(runtime, tasks, None, controller, window, qr, display, monitor)
    controller.view_needed.connect(lambda: till.attach_web(debug=debug))
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
    """Calls ``then`` once ``widget`` has painted for the first time (on the next loop turn)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


class Startup(QObject):
    """Stages 2–5 of the module docstring; ``till`` is set once the services are attached.

    ``ready`` is emitted with the :class:`Till`; ``failed`` with a sentence for the cashier when
    the journal or the services cannot be opened (the window then closes).
    """

    ready = Signal(object)  # Till
    failed = Signal(str)

    def __init__(self, setup: Setup, *, debug: bool = False) -> None:
        super().__init__()
        self.setup, self.debug = setup, debug
        self.till: Till | None = None
        self.tasks: Tasks | None = None  # made with the first background work, after the paint
        i18n.set_language(setup.settings.language)
        self.window = main_window(setup.environment, setup.settings)
        self._warm_timer = QTimer(self.window)
        self._warm_timer.setSingleShot(True)
        self._closed = False
        self._loading: Future[tuple[Runtime, frozenset[str]]] | None = None
        _FirstPaint(self.window, self._load)

    def show(self) -> None:
        if self.setup.settings.kiosk:
            self.window.kiosk.enter()
        else:
            self.window.resize(1180, 780)
            self.window.show()

    def _load(self) -> None:
        if self._closed:
            return
        from pos_app.ui.tasks import Tasks

        self.tasks = Tasks()
        self._loading = self.tasks.run(lambda: _load_services(self.setup), self._attach,
                                       self._fail)

    def _attach(self, loaded: tuple[Runtime, frozenset[str]]) -> None:
        assert self.tasks is not None
        runtime, left_open = loaded
        till = wire_till(runtime, self.window, self.tasks, debug=self.debug)
        self.till = till
        if till.display is not None:
            till.display.place(self.window.screen())

        # Chromium, httpx, the connection probe and the start-up reconciliation come a little
        # later, so that the cashier's first key strokes are not held up by them.
        def warm() -> None:
            till.attach_web(debug=self.debug)
            till.reconcile(left_open)
            if till.monitor is not None:
                till.monitor.start()

        self._warm_timer.timeout.connect(warm)
        self._warm_timer.start(WARM_UP_DELAY_MS)
        self.ready.emit(till)

    def _fail(self, exc: BaseException) -> None:
        from pos_app.store.errors import StorageError

        log.error("the till could not start: %s", type(exc).__name__, exc_info=exc)
        text = str(exc) if isinstance(exc, StorageError) else self.tr(
            "The till could not start. Details are in the log file.")
        self.failed.emit(text)

    def close(self) -> None:
        self._closed = True
        self._warm_timer.stop()
        if self.till is not None:
            self.till.close()
        else:  # closed while the services were loading: let them finish, then close them
            if self.tasks is not None:
                self.tasks.shutdown(wait=True)
            loading = self._loading
            if loading is not None and loading.done() and not loading.cancelled() \
                    and loading.exception() is None:
                loading.result()[0].close()
            self.window.kiosk.allow_close()
            self.window.close()
            self.window.deleteLater()


def _load_services(setup: Setup) -> tuple[Runtime, frozenset[str]]:
    """Stage 3, on a worker thread: the runtime, what the last run left open (before any
    payment of this run can exist), and the modules stage 4 needs (imports only; widgets and
    controllers are made on the GUI thread)."""
    runtime = setup.build()
    left_open = runtime.reconciler.left_open()
    import pos_app.ui.connection
    import pos_app.ui.controller
    import pos_app.ui.qr_controller  # noqa: F401

    return runtime, left_open


def run_gui(setup: Setup, *, debug: bool = False) -> int:
    app = ensure_app()
    startup = Startup(setup, debug=debug)
    failure: list[str] = []

    def failed(text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        failure.append(text)
        QMessageBox.critical(startup.window, startup.window.windowTitle(), text)
        app.quit()

    startup.failed.connect(failed)
    startup.show()
    code = app.exec()
    runtime = startup.till.runtime if startup.till is not None else None
    startup.close()
    # Run the deferred deletes now: pages must go before their profile, even at exit.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if runtime is not None:
        runtime.close()
    if failure:
        print(f"pos-app: {failure[0]}", file=sys.stderr)
        return 2
    return int(code)
