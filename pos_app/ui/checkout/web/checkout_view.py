"""The embedded ePay card form: a QWebEngineView with a hardened page per payment.

* An off-the-record profile with no HTTP cache and no persistent cookies, shared by all pages.
* ``qwebchannel.js`` is injected into the main frame only, so ePay's cross-origin iframe never
  sees ``qt``; the one registered object is :class:`~pos_app.ui.checkout.web.bridge.Bridge`.
* A fresh :class:`CheckoutPage` for every payment (ePay's script keeps state in globals).
* Main-frame navigations go through :class:`~pos_app.ui.checkout.web.policy.NavigationPolicy`;
  new windows are refused; no context menu or dev tools unless ``debug``.
"""

from __future__ import annotations

import html
import json
import logging

from PySide6.QtCore import QFile, QIODevice, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pos_app.resources import resource
from pos_app.ui.checkout.web.bridge import Bridge
from pos_app.ui.checkout.web.policy import NavigationPolicy, Verdict

log = logging.getLogger("pos_app.ui.web")
FORM_TIMEOUT_MS = 30_000


def _qwebchannel_source() -> str:
    f = QFile(":/qtwebchannel/qwebchannel.js")
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("qwebchannel.js is missing from the Qt resources")
    try:
        return bytes(f.readAll().data()).decode("utf-8")
    finally:
        f.close()


def make_profile(parent: QObject) -> QWebEngineProfile:
    """An off-the-record profile with the channel script for main frames."""
    profile = QWebEngineProfile(parent)  # no storage name: off the record
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setHttpCacheMaximumSize(8 * 1024 * 1024)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setSpellCheckEnabled(False)
    script = QWebEngineScript()
    script.setName("qwebchannel")
    script.setSourceCode(_qwebchannel_source())
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setRunsOnSubFrames(False)
    profile.scripts().insert(script)
    return profile


class CheckoutPage(QWebEnginePage):
    """One payment's page. Applies the navigation policy; refuses pop-ups."""

    navigation_blocked = Signal(str)
    returned = Signal(bool)  # redirect flow: back link reached (True) or failure back link

    def __init__(
        self, profile: QWebEngineProfile, policy: NavigationPolicy, parent: QObject
    ) -> None:
        super().__init__(profile, parent)
        self.policy = policy
        settings = self.settings()
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PdfViewerEnabled, False)

    def acceptNavigationRequest(
        self, url: QUrl | str, type_: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        if not is_main_frame:
            return True  # the ePay iframe and 3-D Secure pages on any bank's domain
        target = url.toString() if isinstance(url, QUrl) else str(url)
        verdict = self.policy.main_frame(target)
        if verdict is Verdict.ALLOW:
            return True
        if verdict in (Verdict.BACK_OK, Verdict.BACK_FAIL):
            self.returned.emit(verdict is Verdict.BACK_OK)
            return False
        shown = QUrl(target)
        log.warning(
            "main-frame navigation refused: %s://%s%s",
            shown.scheme(),
            shown.host(),
            shown.path()[:80],
        )
        self.navigation_blocked.emit(target)
        return False

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> None:  # type: ignore[override]
        log.warning("a page tried to open a new window; refused")
        return None

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        log.debug("js console (%s:%s): %s", QUrl(source).host(), line, message[:200])


class CheckoutView(QWidget):
    """Shows ePay's form for one payment at a time and reports what happened."""

    widget_result = Signal(str, bool)  # invoice, success hint from the widget callback
    redirect_returned = Signal(str, bool)  # invoice, back link (True) / failure back link
    form_loaded = Signal(str)  # invoice: the card form is on screen
    failed = Signal(str, str)  # invoice, reason: the form could not be shown
    navigation_blocked = Signal(str)

    def __init__(
        self, host_base_url: str, parent: QWidget | None = None, *, debug: bool = False
    ) -> None:
        super().__init__(parent)
        self.host_base_url = host_base_url
        self.debug = debug
        # The view (and the pages parented to it) must be destroyed before the profile: create
        # it first, since Qt deletes children in creation order.
        self.view = QWebEngineView(self)
        self.profile = make_profile(self)
        if not debug:
            self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.bridge = Bridge(self)
        self.bridge.result.connect(self._on_result)
        self.bridge.form_loaded.connect(self._on_form_loaded)
        self.bridge.script_failed.connect(lambda detail: self._fail(f"script: {detail}"))
        self._channel = QWebChannel(self)
        self._channel.registerObject("bridge", self.bridge)
        self._page: CheckoutPage | None = None
        self._invoice: str | None = None
        self._redirect = False
        self._loaded = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._fail("the card form did not load in time"))
        self.wait_text = "…"

    @property
    def invoice(self) -> str | None:
        return self._invoice

    @property
    def page(self) -> CheckoutPage | None:
        return self._page

    def warm_up(self) -> None:
        """Start Chromium's processes now, so the first payment does not pay for them."""
        if self._page is None:
            self._new_page(NavigationPolicy.build(self.host_base_url, []))
            assert self._page is not None
            self._page.setHtml(
                "<!DOCTYPE html><html><body></body></html>", QUrl(self.host_base_url)
            )

    def open_widget(
        self, invoice: str, payment_object: dict[str, object], widget_url: str, epay_urls: list[str]
    ) -> None:
        """Load the host page fresh and call ``halyk.showPaymentWidget`` with ``payment_object``."""
        policy = NavigationPolicy.build(self.host_base_url, [widget_url, *epay_urls])
        self._start(invoice, policy, redirect=False)
        assert self._page is not None
        self._page.setHtml(
            self.host_page(invoice, payment_object, widget_url), QUrl(self.host_base_url)
        )

    def open_redirect(
        self, invoice: str, url: str, epay_urls: list[str], back_link: str, failure_back_link: str
    ) -> None:
        """The fallback: navigate to the payform link and catch the return to a back link."""
        policy = NavigationPolicy.build(
            self.host_base_url, [url, *epay_urls], back_link, failure_back_link
        )
        self._start(invoice, policy, redirect=True)
        assert self._page is not None
        self._page.load(QUrl(url))

    def discard(self) -> None:
        """Forget the current payment's page; late messages from it are ignored."""
        self._timer.stop()
        self._invoice = None
        self.bridge.expect(None)
        if self._page is not None:
            self._page.loadFinished.disconnect()
            self.view.setPage(QWebEnginePage(self.profile, self.view))
            self._page.deleteLater()
            self._page = None

    def dispose(self) -> None:
        """Delete the pages before the profile (Chromium crashes at exit otherwise)."""
        self.discard()
        self.view.deleteLater()  # deferred deletes run in posting order: pages first
        self.profile.deleteLater()

    def host_page(self, invoice: str, payment_object: dict[str, object], widget_url: str) -> str:
        template = resource("checkout.html").read_text(encoding="utf-8")
        payload = json.dumps(payment_object, ensure_ascii=True).replace("<", "\\u003c")
        return (
            template.replace("__POS_INVOICE__", invoice)
            .replace("__POS_PAYMENT__", payload)
            .replace("__POS_WIDGET_URL__", html.escape(widget_url, quote=True))
            .replace("__POS_WAIT__", html.escape(self.wait_text))
        )

    # -- internals ----------------------------------------------------------------------------

    def _start(self, invoice: str, policy: NavigationPolicy, *, redirect: bool) -> None:
        self.discard()
        self._invoice = invoice
        self._redirect = redirect
        self._loaded = False
        self.bridge.expect(invoice)
        self._new_page(policy)
        self._timer.start(FORM_TIMEOUT_MS)

    def _new_page(self, policy: NavigationPolicy) -> None:
        old = self._page
        page = CheckoutPage(self.profile, policy, self.view)
        page.setWebChannel(self._channel, QWebEngineScript.ScriptWorldId.MainWorld)
        page.navigation_blocked.connect(self.navigation_blocked)
        page.returned.connect(self._on_returned)
        page.loadFinished.connect(self._on_load_finished)
        self._page = page
        self.view.setPage(page)
        if old is not None:
            old.deleteLater()

    def _on_load_finished(self, ok: bool) -> None:
        if self._invoice is None:
            return
        if ok:
            self._loaded = True
        elif not self._redirect and not self._loaded:
            # A refused navigation also ends in loadFinished(False): only the first load counts.
            self._fail("the checkout page did not load")
        elif self._redirect and ok:
            self._on_form_loaded()

    def _on_form_loaded(self) -> None:
        self._timer.stop()
        if self._invoice is not None:
            self.form_loaded.emit(self._invoice)

    def _on_result(self, invoice: str, success: bool) -> None:
        if invoice == self._invoice:
            self._timer.stop()
            self.widget_result.emit(invoice, success)

    def _on_returned(self, success: bool) -> None:
        if self._invoice is not None and self._redirect:
            self._timer.stop()
            self.redirect_returned.emit(self._invoice, success)

    def _fail(self, reason: str) -> None:
        invoice = self._invoice
        if invoice is None:
            return
        log.warning("checkout form failed for %s: %s", invoice, reason)
        self._timer.stop()
        self.failed.emit(invoice, reason)
