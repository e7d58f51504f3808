"""The till's main window. It only composes panels and routes intents to the controller.

It is built in two steps so that it shows fast: ``MainWindow(...)`` makes the panels (the cashier
can type at once), then :meth:`MainWindow.attach` connects the controllers once the services are
loaded. An Enter or F2 pressed in between is kept and carried out by ``attach``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QToolButton, QVBoxLayout, QWidget

from pos_app.domain.money import DEFAULT_MAXIMUM
from pos_app.ui.checkout.entry import EntryPanel
from pos_app.ui.checkout.recent import RecentStrip
from pos_app.ui.common.i18n import current_language, set_language
from pos_app.ui.common.icons import icon
from pos_app.ui.history import HistoryLauncher
from pos_app.ui.stage import ActivityPanel

if TYPE_CHECKING:
    from pos_app.domain.payment import Payment
    from pos_app.services.connectivity import Reachability
    from pos_app.store.settings import Settings
    from pos_app.ui.admin.kiosk import Kiosk
    from pos_app.ui.checkout.controller import CheckoutController, Stage
    from pos_app.ui.checkout.web.checkout_view import CheckoutView
    from pos_app.ui.connection.banner import OfflineBanner
    from pos_app.ui.qr.controller import QrController


class MainWindow(QMainWindow):
    language_changed = Signal(str)  # the cashier switched the language in the settings

    def __init__(self, *, shop_name: str, environment: str, maximum: Decimal = DEFAULT_MAXIMUM,
                 checkout: CheckoutView | None = None) -> None:
        super().__init__()
        self.controller: CheckoutController | None = None  # set by attach()
        self.qr: QrController | None = None
        self.shop_name = shop_name
        self.environment = environment
        self.setObjectName("mainWindow")
        self._pending: tuple[str, Decimal, str, str] | None = None  # Enter/F2 before attach()

        self.header = QLabel(self)
        self.header.setObjectName("shopName")
        self.badge = QLabel(self)
        self.badge.setObjectName("envBadge")
        self.badge.setProperty("env", environment)

        self.entry = EntryPanel(self, maximum=maximum)
        self.activity = ActivityPanel(checkout, self)
        self.recent = RecentStrip(self)
        self.entry.blocked.connect(lambda: self.banner.show())

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.badge)
        # History button and F3 (issue 6); the shift dialog and the fiscal reprint come from
        # their own folders
        self.history = HistoryLauncher(self, _open_shift, _extend_history)
        top.addWidget(self.history.button)
        top.addWidget(self._settings_button())
        middle = QHBoxLayout()
        middle.addWidget(self.entry, 0)
        middle.addWidget(self.activity, 1)
        self.entry.setFixedWidth(452)
        root = QVBoxLayout()
        root.addLayout(top)
        root.addLayout(middle, 1)
        root.addWidget(self.recent)
        central = QWidget(self)
        central.setLayout(root)
        self.setCentralWidget(central)
        self._root = root

        self.entry.pay_requested.connect(lambda *request: self._request("card", *request))
        self.entry.qr_requested.connect(lambda *request: self._request("qr", *request))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        escape.activated.connect(self._on_escape)
        f2 = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        f2.setContext(Qt.ShortcutContext.WindowShortcut)
        f2.activated.connect(self.entry.submit_qr)
        retry = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        retry.setContext(Qt.ShortcutContext.WindowShortcut)
        retry.activated.connect(lambda: self.banner.retry_clicked.emit())
        # Until attach(): the history and the settings need the journal and the services.
        self.history.action.setEnabled(False)
        self.settings_action.setEnabled(False)
        self.retranslate()
        self.entry.amount.setFocus()

    @cached_property
    def kiosk(self) -> Kiosk:
        """Kiosk mode (full screen, leaving it needs the PIN), made when first needed."""
        from pos_app.ui.admin.kiosk import Kiosk

        return Kiosk(self)

    def allow_close(self) -> None:
        """The program itself closes the window (shutdown, tests): no PIN, even in kiosk mode."""
        if "kiosk" in vars(self):  # made only when kiosk mode was used
            self.kiosk.allow_close()

    @cached_property
    def banner(self) -> OfflineBanner:
        """The offline banner (hidden), below the header; built when the connection is first
        reported, which is after the first paint."""
        from pos_app.ui.connection.banner import OfflineBanner

        banner = OfflineBanner(self)
        self._root.insertWidget(1, banner)
        return banner

    def attach(self, controller: CheckoutController, qr: QrController | None = None) -> None:
        """Connect the controllers; carry out an Enter or F2 the cashier pressed before this."""
        self.controller = controller
        self.activity.progress.cancel_clicked.connect(controller.cancel)
        self.activity.form.cancel_clicked.connect(controller.cancel)
        controller.stage_changed.connect(self._on_stage)
        controller.form_ready.connect(self._on_form_ready)
        controller.wait.connect(self._on_wait)
        controller.finished.connect(self._on_finished)
        controller.problem.connect(lambda text: self.entry.show_error(text, self.entry.amount))
        controller.journal_changed.connect(self.refresh_recent)
        self.history.attach(controller)
        self.qr = qr
        if qr is not None:
            from pos_app.ui.qr.controller import wire_qr

            wire_qr(self, qr)  # the QR button and the QR page
        self.history.action.setEnabled(True)
        self.settings_action.setEnabled(True)
        self.refresh_recent()
        pending, self._pending = self._pending, None
        if pending is not None:
            self._request(*pending)

    def _request(self, kind: str, amount: Decimal, description: str, account: str) -> None:
        if self.controller is None:
            self._pending = (kind, amount, description, account)  # the latest one wins
        elif kind == "card":
            self.controller.pay(amount, description, account)
        elif self.qr is not None:
            self.qr.start(amount, description, account)

    def _settings_button(self) -> QToolButton:
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setIcon(icon("settings"))
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.settings_action.triggered.connect(lambda _checked=False: self.open_settings())
        self.addAction(self.settings_action)
        button = QToolButton(self)
        button.setObjectName("settingsButton")
        button.setDefaultAction(self.settings_action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(QSize(22, 22))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the amount field keeps the focus
        self.settings_button = button
        return button

    def open_settings(self) -> None:
        """The settings dialog, behind the admin PIN; saved changes apply after a restart."""
        from pos_app.store import paths
        from pos_app.ui.admin.settings_dialog import SettingsDialog
        from pos_app.ui.common.pin_guard import require_admin

        if self.controller is None or self.controller.busy:
            return
        if not require_admin(self, getattr(self, "pin_store", None)):
            return
        dialog = SettingsDialog(self.controller.rt.settings, paths.settings_path(), self)
        dialog.saved.connect(self._on_settings_saved)
        dialog.exec()
        self.entry.amount.setFocus()

    def _on_settings_saved(self, settings: Settings) -> None:
        if settings.language != current_language():
            self.apply_language(settings.language)
        self.statusBar().showMessage(
            self.tr("Settings saved. The language applies now; other changes after a restart."),
            15_000)

    def apply_language(self, language: str) -> None:
        """Switch the till's language now: the cashier's screens, and ePay's form and links."""
        if self.controller is None:
            set_language(language)
            self.language_changed.emit(language)
            return
        rt = self.controller.rt
        rt.settings = replace(rt.settings, language=language)
        # The services read the options on every payment, so the next form is in this language.
        rt.checkout.options = replace(rt.checkout.options, language=language)
        set_language(language)
        self.language_changed.emit(language)

    def set_reachability(self, state: Reachability) -> None:
        """The offline banner and the pause on new payments follow the bank's reachability."""
        from pos_app.services.connectivity import Reachability

        offline = state is Reachability.OFFLINE
        self.banner.set_checking(False)
        self.banner.setVisible(offline)
        self.entry.block_reason = self.banner.text() if offline else ""
        if not offline and self.entry.error.text().endswith(self.banner.text()):
            self.entry.error.setText("")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ePay till"))
        self.header.setText(self.shop_name or self.tr("ePay till"))
        self.badge.setText(self._badge_text(self.environment))
        self.badge.setAccessibleName(self.tr("Environment"))
        self.settings_action.setText(self.tr("Settings…  [Ctrl+,]"))
        self.settings_action.setToolTip(self.tr("Settings (Ctrl+,), needs the administrator PIN"))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        if self.entry.block_reason:
            self.entry.block_reason = self.banner.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _badge_text(self, environment: str) -> str:
        names = {
            "training": self.tr("TRAINING — no real money"),
            "test": self.tr("ePay TEST"),
            "test-new": self.tr("ePay TEST"),
            "prod": self.tr("ePay"),
        }
        return names.get(environment, environment)

    def refresh_recent(self) -> None:
        if self.controller is not None:
            self.recent.show_payments(self.controller.rt.journal.recent(self.recent.count))

    def _on_escape(self) -> None:
        if self.qr is not None and self.qr.busy:
            self.qr.cancel()
        elif self._pending is not None:
            self._pending = None  # Esc takes back an Enter that had not started yet
            self.entry.reset()
        elif self.controller is not None and self.controller.busy:
            self.controller.cancel()
        else:
            self.entry.reset()

    def _on_stage(self, stage: Stage) -> None:
        from pos_app.ui.checkout.controller import Stage

        busy = stage in (Stage.CONNECTING, Stage.FORM, Stage.CHECKING)
        self.entry.setEnabled(not busy)
        if stage in (Stage.CONNECTING, Stage.FORM, Stage.CHECKING):
            # The card form's page loads hidden behind the progress page ("Opening the card
            # form…"): painting it while it loads holds up Chromium's browser side, which is
            # this GUI thread, and the bank's iframe with it (40–70 ms an Enter, measured by
            # scripts/bench_payform.py). It is shown once the form has loaded (_on_form_ready).
            self.activity.setCurrentWidget(self.activity.progress)

    def _on_form_ready(self) -> None:
        self.activity.setCurrentWidget(self.activity.form)
        if self.activity.form.checkout is not None:
            self.activity.form.checkout.view.setFocus()

    def _on_wait(self, title: str, detail: str, cancellable: bool, stop_only: bool) -> None:
        self.activity.progress.show_wait(title, detail, cancellable, stop_only)

    def _on_finished(self, payment: Payment, note: str) -> None:
        self.activity.result.environment = self.environment
        self.activity.result.show_payment(payment, note)
        self.activity.setCurrentWidget(self.activity.result)
        self.entry.reset()


def _open_shift(*args: Any) -> None:
    """The history window's "Shift and reports" (the shift folder loads when first used)."""
    from pos_app.ui.shift.dialog import open_shift_dialog

    open_shift_dialog(*args)


def _extend_history(*args: Any) -> None:
    """The fiscal receipt's reprint and return receipts in a new history window (issue 15)."""
    from pos_app.ui.fiscal.wiring import attach_history

    attach_history(*args)
