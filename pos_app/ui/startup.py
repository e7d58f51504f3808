"""How ``pos-app`` starts its window so that the cashier can type at once and pay at once:

1. before any window: settings, hosts and credentials (:func:`pos_app.preflight.check_setup`),
   except a secret kept in the system keyring;
2. on the GUI thread: the window with its panels, shown and focused, and the checkout web
   view with its first page asked of Chromium: on X11 the window first and the web view right
   after it is shown (:func:`pos_app.ui.window.window_first`), elsewhere the web view first
   (:func:`main_window`);
3. on a worker thread, started as soon as Chromium has that first page to load
   (:mod:`pos_app.ui.preload`): a secret kept in the system keyring, the journal, training
   mode's emulator, the ePay client and the services, and the modules stage 4 needs
   (:func:`pos_app.runtime.assemble`); a missing or locked secret is said in the window
   (``failed``). Not earlier: the web engine's start holds Python's lock for about 0.15 s
   (of which half is waiting), so a worker started before only slowed the GUI thread down and
   Chromium's first page came 0.1–0.2 s later (measured 2026-12-02, README "Performance");
4. once the window has painted and stage 3 is done: the controllers attached
   (:func:`pos_app.ui.app.wire_till`), the connection probe and the start-up reconciliation
   started; an Enter or F2 pressed before is carried out now.

The order is measured (``scripts/bench_payform.py``, README "Performance"): what counts is
launch → the card form on screen with the amount typed at once, not the first paint.

A window must never be re-created under the cashier's fingers: Chromium's widget draws through
the GPU, and a window already on screen that gains it is destroyed and created again by Qt.
Keys typed in that instant were lost and, without a window manager, the keyboard focus with
them (issue 13). So either the web view is part of the window before it is first shown, or
(X11) the window composites through the GPU from its creation (``QT_WIDGETS_RHI``) and is not
re-created when the web view joins it; then the amount field is on screen about 0.13 s
earlier and the card form comes about 0.04 s earlier (measured 2026-12-02, README
"Performance").

This module is on the path to the first paint: it imports only what the window needs.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from pos_app.ui import preload
from pos_app.ui.common import i18n
from pos_app.ui.common.tasks import Tasks
from pos_app.ui.window import add_checkout, ensure_app, main_window, window_first

if TYPE_CHECKING:
    from concurrent.futures import Future

    from pos_app.preflight import Setup
    from pos_app.ui.app import Till
    from pos_app.ui.preload import Loaded

log = logging.getLogger("pos_app.ui.startup")


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
    """Stages 2–4 of the module docstring; ``till`` is set once the services are attached.

    ``ready`` is emitted with the :class:`Till`; ``failed`` with a sentence for the cashier when
    the journal or the services cannot be opened (the window then closes).
    """

    ready = Signal(object)  # Till
    failed = Signal(str)

    def __init__(self, setup: Setup, *, debug: bool = False) -> None:
        super().__init__()
        self.setup, self.debug = setup, debug
        self.till: Till | None = None
        self._closed = False
        self._painted = False
        self._loaded: Loaded | None = None
        i18n.set_language(setup.settings.language)
        self.tasks = Tasks()
        self._loading: Future[Loaded] | None = None
        # Outside training the hosts are known now: ePay's script loads while the cashier types.
        self._widget_url = setup.hosts.widget_url if setup.hosts is not None else None
        ensure_app()
        self._web_after_show = window_first()
        if self._web_after_show:  # on screen first, the web view a moment later (show())
            self.window = main_window(setup.environment, setup.settings, web=False, debug=debug)
        else:
            self.window = main_window(setup.environment, setup.settings, debug=debug,
                                      widget_url=self._widget_url, web_started=self._load)
        _FirstPaint(self.window, self._on_painted)

    def _load(self) -> None:
        """Stage 3 on a worker, once Chromium has been asked for the web view's first page
        (``main_window(web_started=...)``)."""
        if self._loading is None:
            self._loading = self.tasks.run(
                lambda: preload.load_services(self.setup), self._on_loaded, self._fail)

    def show(self) -> None:
        if self.setup.settings.kiosk:
            self.window.kiosk.enter()
        else:
            self.window.resize(1180, 780)
            self.window.show()
        if self._web_after_show:
            QTimer.singleShot(0, self._add_web)

    def _add_web(self) -> None:
        """Stage 2's web view, once the window is on screen (:func:`window_first`); then the
        services' worker (stage 3), as :func:`main_window` would start it."""
        if self._closed:
            return
        try:
            add_checkout(self.window, self.setup.settings, debug=self.debug,
                         widget_url=self._widget_url)
        except Exception as exc:  # no web view, no payment: said, and the till closes
            self._fail(exc)
            return
        self._load()

    def _on_painted(self) -> None:
        self._painted = True
        self._attach()

    def _on_loaded(self, loaded: Loaded) -> None:
        self._loaded = loaded
        self._attach()

    def _attach(self) -> None:
        """Stage 4, once both the first paint and the services are there."""
        if self._closed or not self._painted or self._loaded is None or self.till is not None:
            return
        from pos_app.ui.app import wire_till

        runtime, left_open = self._loaded
        try:
            till = wire_till(runtime, self.window, self.tasks, debug=self.debug)
        except Exception as exc:  # a window that cannot take a payment must not stay open
            self._loaded = None  # not again; close() closes the runtime
            self._fail(exc)
            return
        self.till = till
        if till.display is not None:
            had_focus = self.window.isActiveWindow()
            till.display.place(self.window.screen())
            if had_focus:  # a window manager may still give the new window the focus
                self.window.activateWindow()
        gc.enable()  # off since pos_app.cli: the start-up is over
        till.reconcile(left_open)  # both on worker threads
        if till.monitor is not None:
            till.monitor.start()
        self.ready.emit(till)

    def _fail(self, exc: BaseException) -> None:
        gc.enable()
        log.error("the till could not start: %s", type(exc).__name__, exc_info=exc)
        self.failed.emit(self._failure_text(exc))

    def _failure_text(self, exc: BaseException) -> str:
        """What the cashier reads. The secret is read from the keyring on the services' thread
        (:mod:`pos_app.preflight`), so a missing, unreadable or locked one ends up here."""
        from pos_app.preflight import SetupError
        from pos_app.store.errors import StorageError

        if isinstance(exc, (StorageError, SetupError)):
            return QCoreApplication.translate("Store", str(exc))
        from pos_app.store.credentials import CredentialError, NoKeyringError

        if isinstance(exc, NoKeyringError):
            return self.tr("This computer has no secure password store (keyring), so the ePay "
                           "secret cannot be read. Install or unlock the system keyring, then "
                           "start the till again.")
        if isinstance(exc, CredentialError):
            return self.tr("The system keyring did not give the ePay secret: it may be locked. "
                           "Unlock it (log in again), then start the till again.")
        return self.tr("The till could not start. Details are in the log file.")

    def close(self) -> None:
        self._closed = True
        if self.till is not None:
            self.till.close()
        else:  # closed while the services were loading: let them finish, then close them
            self.tasks.shutdown(wait=True)
            loading = self._loading
            if loading is not None and loading.done() and not loading.cancelled() \
                    and loading.exception() is None:
                loading.result()[0].close()
            self.window.allow_close()
            self.window.close()
            self.window.deleteLater()


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
    gc.enable()  # closed before the till was ready
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
