"""The till assembled: window, controllers, QR flow, connection monitor, customer display.

:func:`build_till` does it in one go (tests, ``doctor``, scripts); ``pos-app`` starts in stages
through :mod:`pos_app.ui.startup`, which calls :func:`wire_till` once the services are loaded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos_app.resources import resource
from pos_app.ui.common import i18n
from pos_app.ui.main_window import MainWindow
from pos_app.ui.window import add_checkout, ensure_app, main_window

if TYPE_CHECKING:
    from pos_app.runtime import Runtime
    from pos_app.store.settings import Settings
    from pos_app.ui.checkout.controller import CheckoutController
    from pos_app.ui.checkout.web.checkout_view import CheckoutView
    from pos_app.ui.common.tasks import Tasks
    from pos_app.ui.connection.monitor import ConnectionMonitor
    from pos_app.ui.qr.controller import QrController
    from pos_app.ui.qr.customer_display import CustomerDisplay

__all__ = ["Till", "build_till", "ensure_app", "first_run", "main_window", "wire_till"]
log = logging.getLogger("pos_app.ui.app")


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
        self.window.allow_close()
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
        self.tasks.run(lambda: self.runtime.reconciler.run(only=left_open), self._reconciled)

    def _reconciled(self, _report: object) -> None:
        self.window.refresh_recent()
        fiscal = self.runtime.extras.get("fiscal_ui")
        if fiscal is not None:  # payments the bank confirmed late get their receipts now
            fiscal.controller.run_queue()

    def attach_web(self, *, debug: bool = False) -> CheckoutView:
        """The checkout web view; made now (and its processes started) if the window was built
        without one (``main_window(web=False)``)."""
        if self.checkout is None:
            view = add_checkout(self.window, self.runtime.settings, debug=debug,
                                widget_url=self.runtime.hosts.widget_url)
            self.checkout = view
            self.controller.attach_view(view)
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
    from pos_app.ui.common.tasks import Tasks

    left_open = runtime.reconciler.left_open() if reconcile else frozenset()
    window = main_window(runtime.environment, runtime.settings, web=not lazy_web, debug=debug)
    till = wire_till(runtime, window, Tasks(), debug=debug)
    if watch_connection and till.monitor is not None:
        till.monitor.start()
    if reconcile:
        till.reconcile(left_open)
    return till


def wire_till(runtime: Runtime, window: MainWindow, tasks: Tasks, *, debug: bool = False) -> Till:
    """Controllers, the QR flow, the connection monitor and the customer display (stage 4)."""
    from pos_app.hq import config as hq_config
    from pos_app.services.connectivity import ConnectivityProbe
    from pos_app.store import paths
    from pos_app.ui.checkout.controller import CheckoutController
    from pos_app.ui.connection.monitor import ConnectionMonitor
    from pos_app.ui.qr.controller import QrController, qr_service_for

    checkout = window.activity.checkout
    if checkout is not None:
        _standby(checkout, runtime)
    controller = CheckoutController(runtime, tasks, checkout)
    qr = QrController(qr_service_for(runtime), tasks)
    window.attach(controller, qr)
    display = None
    if runtime.settings.customer_display:
        from pos_app.ui.qr.customer_display import CustomerDisplay

        display = CustomerDisplay(qr, shop_name=runtime.settings.shop_name,
                                  language=runtime.settings.language,
                                  environment=runtime.environment)
        window.language_changed.connect(display.set_language)
    probe = ConnectivityProbe(runtime.hosts, runtime.credentials)
    monitor = ConnectionMonitor(probe, tasks)
    monitor.changed.connect(window.set_reachability)

    def retry() -> None:
        window.banner.set_checking(True)
        monitor.check_now()

    window.banner.retry_clicked.connect(retry)
    controller.bank_error.connect(monitor.report_failure)
    qr.bank_error.connect(monitor.report_failure)
    till = Till(runtime, tasks, checkout, controller, window, qr, display, monitor)
    controller.view_needed.connect(lambda: till.attach_web(debug=debug))
    # A till without a head office or fiscal receipts loads nothing of either.
    hq = hq_config.for_till(runtime.environment, paths.data_dir())
    if hq is not None:
        from pos_app.ui.headoffice.sync import start_hq_sync

        start_hq_sync(hq, runtime.journal, tasks, window)  # parented to the window
    if fiscal_wanted(runtime):
        from pos_app.ui.fiscal.wiring import attach_fiscal

        attach_fiscal(till)  # issue 15: fiscal receipts in the background after "Approved"
    return till


def fiscal_wanted(runtime: Runtime) -> bool:
    """Whether the till shows fiscal receipts: switched on, working or not (its banner then
    says why not: :func:`pos_app.ui.fiscal.wiring.attach_fiscal`)."""
    return "fiscal" in runtime.extras or "fiscal_error" in runtime.extras


def _standby(view: CheckoutView, runtime: Runtime) -> None:
    """Widget mode: ePay's script waits in the view's standby page for the next Enter."""
    if runtime.settings.checkout_mode != "redirect":
        view.set_standby(runtime.hosts.widget_url)


def first_run() -> Settings | None:
    """Show the first-run wizard (call only when no settings file exists).

    Returns the saved settings, or None when the wizard was closed without finishing.
    """
    from pos_app.store import paths
    from pos_app.store.pin import PinStore
    from pos_app.ui.admin.first_run import FirstRunWizard

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
