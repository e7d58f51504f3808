"""The till's main window. It only composes panels and routes intents to the controller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QToolButton, QVBoxLayout, QWidget

from pos_app.domain.payment import Payment
from pos_app.store.settings import Settings
from pos_app.ui.admin import protected
from pos_app.ui.controller import CheckoutController, Stage
from pos_app.ui.panels.activity import ActivityPanel
from pos_app.ui.panels.entry import EntryPanel
from pos_app.ui.panels.recent import RecentStrip
from pos_app.ui.qr_controller import QrController, wire_qr
from pos_app.ui.web.checkout_view import CheckoutView


class MainWindow(QMainWindow):
    def __init__(self, controller: CheckoutController, checkout: CheckoutView, *,
                 shop_name: str, environment: str, qr: QrController | None = None) -> None:
        super().__init__()
        self.controller = controller
        self.setWindowTitle(self.tr("ePay till"))
        self.setObjectName("mainWindow")

        self.header = QLabel(shop_name or self.tr("ePay till"), self)
        self.header.setObjectName("shopName")
        self.badge = QLabel(self)
        self.badge.setObjectName("envBadge")
        self.badge.setText(self._badge_text(environment))
        self.badge.setAccessibleName(self.tr("Environment"))
        self.badge.setProperty("env", environment)

        self.entry = EntryPanel(self, maximum=controller.rt.checkout.options.max_amount)
        self.activity = ActivityPanel(checkout, self)
        self.recent = RecentStrip(self)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.badge)
        top.addWidget(self._settings_button())
        middle = QHBoxLayout()
        middle.addWidget(self.entry, 0)
        middle.addWidget(self.activity, 1)
        self.entry.setFixedWidth(400)
        root = QVBoxLayout()
        root.addLayout(top)
        root.addLayout(middle, 1)
        root.addWidget(self.recent)
        central = QWidget(self)
        central.setLayout(root)
        self.setCentralWidget(central)

        self.entry.pay_requested.connect(controller.pay)
        self.activity.progress.cancel_clicked.connect(controller.cancel)
        self.activity.form.cancel_clicked.connect(controller.cancel)
        controller.stage_changed.connect(self._on_stage)
        controller.wait.connect(self._on_wait)
        controller.finished.connect(self._on_finished)
        controller.problem.connect(lambda text: self.entry.show_error(text, self.entry.amount))
        controller.journal_changed.connect(self.refresh_recent)

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        escape.activated.connect(self._on_escape)
        self.qr = qr
        if qr is not None:
            wire_qr(self, qr)  # F2, the QR button and the QR page
        self.refresh_recent()
        self.entry.amount.setFocus()

    def _settings_button(self) -> QToolButton:
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.settings_action.triggered.connect(lambda _checked=False: self.open_settings())
        self.addAction(self.settings_action)
        button = QToolButton(self)
        button.setObjectName("settingsButton")
        button.setDefaultAction(self.settings_action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the amount field keeps the focus
        return button

    @protected
    def open_settings(self) -> None:
        """The settings dialog, behind the admin PIN; saved changes apply after a restart."""
        from pos_app.store import paths
        from pos_app.ui.dialogs.settings_dialog import SettingsDialog

        if self.controller.busy:
            return
        dialog = SettingsDialog(self.controller.rt.settings, paths.settings_path(), self)
        dialog.saved.connect(self._on_settings_saved)
        dialog.exec()
        self.entry.amount.setFocus()

    def _on_settings_saved(self, _settings: Settings) -> None:
        self.statusBar().showMessage(
            self.tr("Settings saved. Restart the till to use them."), 15_000)

    def _badge_text(self, environment: str) -> str:
        names = {
            "training": self.tr("TRAINING — no real money"),
            "test": self.tr("ePay TEST"),
            "test-new": self.tr("ePay TEST"),
            "prod": self.tr("ePay"),
        }
        return names.get(environment, environment)

    def refresh_recent(self) -> None:
        self.recent.show_payments(self.controller.rt.journal.recent(self.recent.count))

    def _on_escape(self) -> None:
        if self.qr is not None and self.qr.busy:
            self.qr.cancel()
        elif self.controller.busy:
            self.controller.cancel()
        else:
            self.entry.reset()

    def _on_stage(self, stage: Stage) -> None:
        busy = stage in (Stage.CONNECTING, Stage.FORM, Stage.CHECKING)
        self.entry.setEnabled(not busy)
        if stage in (Stage.CONNECTING, Stage.CHECKING):
            self.activity.setCurrentWidget(self.activity.progress)
        elif stage is Stage.FORM:
            self.activity.setCurrentWidget(self.activity.form)
            self.activity.form.checkout.view.setFocus()

    def _on_wait(self, title: str, detail: str, cancellable: bool) -> None:
        self.activity.progress.show_wait(title, detail, cancellable)

    def _on_finished(self, payment: Payment, note: str) -> None:
        self.activity.result.show_payment(payment, note)
        self.activity.setCurrentWidget(self.activity.result)
        self.entry.reset()
