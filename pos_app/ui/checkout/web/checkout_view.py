"""The embedded ePay card form: a QWebEngineView with a hardened page per payment.

* An off-the-record profile with no HTTP cache and no persistent cookies, shared by all pages.
* The web channel (``qt.webChannelTransport`` and ``qwebchannel.js``) is given to our host page
  only: to the main frame of a widget-mode page, never to ePay's cross-origin iframe and never
  to the bank's payform in redirect mode. The one registered object is
  :class:`~pos_app.ui.checkout.web.bridge.Bridge`.
* Widget mode keeps one :class:`CheckoutPage` from payment to payment, with a fresh document
  for each (ePay's script keeps state in globals); between payments it holds a standby host
  page with the widget script loaded, bound to the next payment at Enter
  (:meth:`CheckoutView.set_standby`). Redirect mode gets a page per payment.
* Main-frame navigations go through :class:`~pos_app.ui.checkout.web.policy.NavigationPolicy`;
  new windows are refused, every permission request (camera, location, notifications, …) is
  denied; no context menu or dev tools unless ``debug``.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import os
import re
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QFile, QIODevice, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEngineFileSystemAccessRequest,
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineRegisterProtocolHandlerRequest,
    QWebEngineScript,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pos_app.resources import resource
from pos_app.ui.checkout.web.bridge import Bridge
from pos_app.ui.checkout.web.policy import NavigationPolicy, Verdict

log = logging.getLogger("pos_app.ui.web")
FORM_TIMEOUT_MS = 30_000  # until the card form is on screen (not until the customer pays)
# A standby page older than this is not used: the bank may have changed its widget script since.
STANDBY_MAX_AGE_S = 600.0
# The kept page serves this many payments, then a fresh one takes over between payments: each
# payment leaves 2 MB or so in the page's renderer process until V8 collects it, and the
# renderer of a page kept all day grew to 430 MB before it did (measured 2026-12-02: 400
# payments, RSS sawing between 250 and 430 MB). A fresh page is a fresh renderer.
PAGE_PAYMENTS = 20
# A page remembers the data: URLs of this many of our last documents (CheckoutPage._check_url).
OWN_DOCUMENTS = 4
CALL_RETRY_MS = 50  # posBind/posPay found another document than ours: asked again after this
EMPTY_HOST_PAGE = "<!DOCTYPE html><html><body></body></html>"
PLACEHOLDER = re.compile(r"__POS_(?:INVOICE|WIDGET_URL|WAIT|STANDBY)__")


@functools.cache
def _host_template() -> str:
    """The host page's template, read once (it is filled in on every Enter)."""
    return resource("checkout.html").read_text(encoding="utf-8")


def _qwebchannel_source() -> str:
    f = QFile(":/qtwebchannel/qwebchannel.js")
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("qwebchannel.js is missing from the Qt resources")
    try:
        return bytes(f.readAll().data()).decode("utf-8")
    finally:
        f.close()


def make_profile(parent: QObject) -> QWebEngineProfile:
    """An off-the-record profile; the channel script is added per page (host pages only)."""
    profile = QWebEngineProfile(parent)  # no storage name: off the record
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setHttpCacheMaximumSize(8 * 1024 * 1024)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setSpellCheckEnabled(False)
    return profile


def _channel_script() -> QWebEngineScript:
    script = QWebEngineScript()
    script.setName("qwebchannel")
    script.setSourceCode(_qwebchannel_source())
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setRunsOnSubFrames(False)
    return script


class CheckoutPage(QWebEnginePage):
    """One payment's page. Applies the navigation policy; refuses pop-ups and permissions.

    ``channel`` is set for our host page only (widget mode); the bank's payform in redirect mode
    gets neither ``qt.webChannelTransport`` nor ``qwebchannel.js``.
    """

    navigation_blocked = Signal(str)
    left = Signal(str)  # the main frame ended up somewhere the policy does not allow
    returned = Signal(bool)  # redirect flow: back link reached (True) or failure back link
    permission_denied = Signal(str)  # what a page asked for (for tests and diagnostics)

    def __init__(
        self,
        profile: QWebEngineProfile,
        policy: NavigationPolicy,
        parent: QObject,
        channel: QWebChannel | None = None,
    ) -> None:
        super().__init__(profile, parent)
        self.policy = policy
        self._navigations = 0  # main-frame navigations judged so far (the first is ours)
        # The data: URLs of our own documents (setHtml) this page was armed for, latest last:
        # see _check_url.
        self._documents: deque[str] = deque(maxlen=OWN_DOCUMENTS)
        if channel is not None:
            self.scripts().insert(_channel_script())
            self.setWebChannel(channel, QWebEngineScript.ScriptWorldId.MainWorld)
        self.permissionRequested.connect(self._deny_permission)
        self.fileSystemAccessRequested.connect(self._deny_file_system)
        self.registerProtocolHandlerRequested.connect(self._deny_protocol_handler)
        self.fullScreenRequested.connect(lambda request: request.reject())
        self.urlChanged.connect(self._check_url)
        settings = self.settings()
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PdfViewerEnabled, False)

    def expect_host_page(self) -> None:
        """The view is about to ``setHtml()`` its own document into this page (a payment's host
        page, or the standby or empty page between payments): the next main-frame navigation
        is judged as a fresh page's first, so that ``data:`` load passes, and nothing after it.
        The view never arms a page that was refused a navigation or left its document."""
        self._navigations = 0

    def acceptNavigationRequest(
        self, url: QUrl | str, type_: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        if not is_main_frame:
            return True  # the ePay iframe and 3-D Secure pages on any bank's domain
        target = url.toString() if isinstance(url, QUrl) else str(url)
        initial = self._navigations == 0
        verdict = self.policy.main_frame(target, initial=initial)
        self._navigations += 1
        if verdict is Verdict.ALLOW:
            if initial and target.startswith("data:"):
                self._documents.append(target)
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

    def _check_url(self, url: QUrl) -> None:
        # Chromium commits a page's own `location = "about:blank"` without asking
        # acceptNavigationRequest: catch it here, once our first document is in place.
        # One of our own documents may show up under its data: URL instead of the base URL:
        # a setHtml() that replaced one still on its way (a standby document asked for while
        # the empty one loaded) commits so, both of them (tests/webengine/test_standby_page.py).
        # Only we load data: documents into the main frame: Chromium refuses a page's own
        # navigation of the top frame to one, and acceptNavigationRequest blocks any after ours.
        target = url.toString()
        if target in self._documents:
            return
        if self._navigations and target and not self.policy.may_show(target):
            log.warning("the main frame left the checkout page for %s:", url.scheme())
            self.left.emit(target)

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> None:  # type: ignore[override]
        log.warning("a page tried to open a new window; refused")
        return None

    def _deny_permission(self, permission: QWebEnginePermission) -> None:
        kind = permission.permissionType().name
        log.warning("permission %s asked by %s; denied", kind, permission.origin().host())
        permission.deny()
        self.permission_denied.emit(kind)

    def _deny_file_system(self, request: QWebEngineFileSystemAccessRequest) -> None:
        log.warning("file system access asked by %s; denied", request.origin().host())
        request.reject()
        self.permission_denied.emit("FileSystemAccess")

    def _deny_protocol_handler(self, request: QWebEngineRegisterProtocolHandlerRequest) -> None:
        log.warning("protocol handler asked by %s; denied", request.origin().host())
        request.reject()
        self.permission_denied.emit("ProtocolHandler")

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
        self,
        host_base_url: str,
        parent: QWidget | None = None,
        *,
        debug: bool = False,
        form_timeout_ms: int = FORM_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self.host_base_url = host_base_url
        self.debug = debug
        self.form_timeout_ms = form_timeout_ms  # how long the card form may take to appear
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
        self._page: CheckoutPage | None = None  # the current payment's page
        # Widget mode's page, kept from one payment to the next (see warm_up); "settled" once
        # our standby (or empty) document has loaded in it; "tainted" once it tried to go
        # anywhere else.
        self._host: CheckoutPage | None = None
        self._host_settled = False
        self._host_tainted = False
        self._host_payments = 0  # payments the kept page has served
        self.page_payments = PAGE_PAYMENTS  # then it is replaced (between payments)
        self._invoice: str | None = None
        self._redirect = False
        self._loaded = False
        self._started = False  # widget mode: start_widget has handed over the payment object
        self._held_failure = ""  # why the prepared page failed before start_widget
        self._binding = False  # the standby page is bound once its load has finished
        self._bind_nonce = ""  # the standby document this payment binds
        self._call = ""  # posPay(...) waiting for the host page to load
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._fail("the card form did not load in time"))
        self.wait_text = "…"
        # The widget script's URL for the standby page (set_standby); which URL the kept page's
        # current standby document loads, and since when (time.monotonic()).
        self.standby_url: str | None = None
        self._standby_for: str | None = None
        self._standby_since = 0.0
        # Each standby document's own word: only that document answers its posBind (a late
        # event of a document it replaced cannot be taken for it). Its load failing is not
        # "still loading": such a page is not bound.
        self._standby_nonce = ""
        self._standby_failed = False
        # An idle till renews its standby page before it is too old to use (a quiet shop's
        # next customer gets the fast Enter too): one script request every nine minutes.
        self._renew = QTimer(self)
        self._renew.setSingleShot(True)
        self._renew.setInterval(int(STANDBY_MAX_AGE_S * 900))
        self._renew.timeout.connect(self._renew_standby)

    @property
    def invoice(self) -> str | None:
        return self._invoice

    @property
    def page(self) -> CheckoutPage | None:
        return self._page

    @property
    def warm(self) -> bool:
        """Whether the next widget payment goes into the kept page (its standby or empty
        document loaded, nothing refused on it) rather than a fresh one."""
        return self._host is not None and self._host_settled and not self._host_tainted

    @property
    def waiting_for_form(self) -> bool:
        """Whether the load timeout is running (the card form is not on screen yet)."""
        return self._timer.isActive()

    def warm_up(self) -> None:
        """Start Chromium's processes now, so the first payment does not pay for them.

        Widget mode keeps this one page for every payment, as a browser tab would: a new page
        is a new browsing instance, whose main frame and the bank's cross-site iframe each wait
        for a fresh renderer process (60 ms and more on every Enter, measured). Between
        payments the page shows our standby (or empty) document; each payment's host page is our own
        ``setHtml()`` into it, the one main-frame navigation the page is armed for
        (:meth:`CheckoutPage.expect_host_page`). A page that tried to go anywhere else is not
        kept."""
        if self._host is None:
            self._host = self._make_page(NavigationPolicy.widget(self.host_base_url),
                                         channel=True)
            self._host_tainted = False  # the taint was the old page's
            self._host_payments = 0
            self.view.setPage(self._host)
            self._show_empty(self._host)

    def set_standby(self, widget_url: str | None) -> None:
        """Keep a standby host page with ePay's widget script (``widget_url``) loaded between
        payments, so that Enter does not wait for the page and the script (``None``: the empty
        document instead). Loaded now if the view is idle, else after the current payment."""
        if widget_url == self.standby_url:
            return
        self.standby_url = widget_url
        if self._page is None and self._host is not None and not self._host_tainted:
            self._show_empty(self._host)

    def standby_ready(self, widget_url: str) -> bool:
        """Whether the next widget payment can bind the standby page (for this script, recent
        enough, untouched; loaded or still loading) instead of loading a host page."""
        return (self._page is None and self._host is not None and not self._host_tainted
                and not self._standby_failed and self._standby_for == widget_url
                and time.monotonic() - self._standby_since < STANDBY_MAX_AGE_S)

    def prepare_widget(self, invoice: str, widget_url: str) -> None:
        """Get the host page ready for ``invoice`` while its payment token is on the way, and
        :meth:`start_widget` hands over the payment object.

        The standby page, when it is ready, is bound to ``invoice`` (no load at all); otherwise
        the host page for ``invoice`` is loaded now and ePay's widget script loads meanwhile.
        The main frame stays on the host page; ePay's form runs in its iframe."""
        if self.standby_ready(widget_url):
            self._bind_standby(invoice)
            return
        self._start(invoice, NavigationPolicy.widget(self.host_base_url), redirect=False)
        self._started = False
        assert self._page is not None
        self._page.setHtml(self.host_page(invoice, widget_url), QUrl(self.host_base_url))

    def start_widget(self, invoice: str, payment_object: dict[str, object]) -> None:
        """Call ``halyk.showPaymentWidget`` with ``payment_object`` (it holds the token) in the
        page :meth:`prepare_widget` loaded for ``invoice``, once that page has loaded."""
        if invoice != self._invoice or self._redirect or self._started:
            log.warning("start_widget for a page not prepared for it; ignored")
            return
        self._started = True
        self._timer.start(self.form_timeout_ms)
        held, self._held_failure = self._held_failure, ""
        if held:  # the page failed before there was a form to show: say so now
            QTimer.singleShot(0, lambda: self._fail(held))
            return
        payload = json.dumps(payment_object, ensure_ascii=True)
        self._call = f"posPay({payload});"
        if self._loaded:
            self._run_call()

    def open_widget(self, invoice: str, payment_object: dict[str, object], widget_url: str) -> None:
        """:meth:`prepare_widget` and :meth:`start_widget` at once (a token already at hand)."""
        self.prepare_widget(invoice, widget_url)
        self.start_widget(invoice, payment_object)

    def open_redirect(
        self, invoice: str, url: str, epay_urls: list[str], back_link: str, failure_back_link: str
    ) -> None:
        """The fallback: navigate to the payform link and catch the return to a back link.

        The main frame may move within the folders of ``url`` and ``epay_urls`` (the payform's
        own pages); the bank's page gets no web channel."""
        policy = NavigationPolicy.redirect([url, *epay_urls], back_link, failure_back_link)
        self._start(invoice, policy, redirect=True)
        assert self._page is not None
        self._page.load(QUrl(url))

    def discard(self) -> None:
        """Forget the current payment's page; late messages from it are ignored. The card form
        goes at once: widget mode's page shows a new standby (or empty) document."""
        self._timer.stop()
        self._invoice = None
        self._call = ""
        self._binding = False
        self.bridge.expect(None)
        used, self._page = self._page, None
        if used is None:
            return
        if used is self._host:
            self._host_payments += 1
            if not self._host_tainted and self._host_payments < self.page_payments:
                self._show_empty(used)  # kept for the next payment
                return
            self._host = None  # misbehaved, or served its PAGE_PAYMENTS: a fresh one now
        if self._host is None:
            self.warm_up()
        else:
            self.view.setPage(self._host)
        used.loadFinished.disconnect()
        used.deleteLater()  # a redirect page or a page that misbehaved serves one payment

    def dispose(self) -> None:
        """Delete the pages before the profile (Chromium crashes at exit otherwise)."""
        self._timer.stop()
        self._renew.stop()
        self._invoice = None
        pages = {id(p): p for p in (self._page, self._host) if p is not None}
        self._page = self._host = None
        self.view.setPage(QWebEnginePage(self.profile, self.view))
        for page in pages.values():
            page.loadFinished.disconnect()
            page.deleteLater()
        self.view.deleteLater()  # deferred deletes run in posting order: pages first
        self.profile.deleteLater()

    def host_page(self, invoice: str, widget_url: str, *, standby: str = "") -> str:
        """The host page for ``invoice``, or (``invoice`` empty) a standby page whose
        ``posBind`` answers only to ``standby``, its nonce."""
        template = _host_template()
        values = {
            "__POS_INVOICE__": invoice,
            "__POS_STANDBY__": standby,
            "__POS_WIDGET_URL__": html.escape(widget_url, quote=True),
            "__POS_WAIT__": html.escape(self.wait_text),
        }
        # One pass: a value that contains a placeholder's name is never rewritten.
        return PLACEHOLDER.sub(lambda m: values[m.group(0)], template)

    def _run_call(self) -> None:
        """``posPay`` into the current page. Only the document loaded for this invoice answers
        true; any other answer means that document is not in place yet (see
        :meth:`_retry_later`), and the call is made again."""
        call, self._call = self._call, ""
        page, invoice = self._page, self._invoice
        if not call or page is None or invoice is None:
            return

        def ran(ok: object) -> None:
            if ok is not True and page is self._page and invoice == self._invoice \
                    and not self._call:
                self._call = call
                self._retry_later(invoice, self._run_call)

        page.runJavaScript(call, 0, ran)

    def _retry_later(self, invoice: str, again: Callable[[], None]) -> None:
        """``again()`` in a moment, while ``invoice`` still waits for its form.

        A ``setHtml()`` that replaces a document still on its way (the standby document asked
        for while the empty one loads, Esc and Enter in quick succession) ends in a single
        ``loadFinished``, which may come before the last document is in place, and none after.
        So a call that finds the wrong document is made again until the right one answers or
        the form's timer gives up (``FORM_TIMEOUT_MS``)."""

        def retry() -> None:
            if self._invoice == invoice and self._timer.isActive():
                again()

        if self._timer.isActive():
            QTimer.singleShot(CALL_RETRY_MS, self, retry)

    # -- internals ----------------------------------------------------------------------------

    def _make_page(self, policy: NavigationPolicy, *, channel: bool) -> CheckoutPage:
        page = CheckoutPage(self.profile, policy, self.view, self._channel if channel else None)
        page.navigation_blocked.connect(lambda url: self._on_blocked(page, url))
        # A discarded page may still talk until it is deleted: only the current one counts.
        page.left.connect(lambda url: self._on_left(page, url))
        page.returned.connect(lambda ok: self._on_returned(page, ok))
        page.loadFinished.connect(lambda ok: self._on_page_loaded(page, ok))
        page.renderProcessTerminated.connect(lambda *_args: self._on_crashed(page))
        return page

    def _show_empty(self, page: CheckoutPage) -> None:
        """Between payments: the standby host page (no invoice) or, without a widget URL, our
        empty document."""
        self._host_settled = False
        page.expect_host_page()
        self._standby_for = self.standby_url
        self._standby_since = time.monotonic()
        self._standby_failed = False
        self._standby_nonce = os.urandom(8).hex()  # not `secrets`: kept off the first paint
        document = EMPTY_HOST_PAGE if self.standby_url is None else self.host_page(
            "", self.standby_url, standby=self._standby_nonce)
        page.setHtml(document, QUrl(self.host_base_url))
        if self.standby_url is not None:
            self._renew.start()

    def _renew_standby(self) -> None:
        """Load a new standby document while idle (not during a payment: the payment's end
        loads one anyway)."""
        host = self._host
        if self._page is None and host is not None and not self._host_tainted \
                and self.standby_url is not None:
            self._show_empty(host)

    def _bind_standby(self, invoice: str) -> None:
        """The standby page serves ``invoice``: no navigation, its script is loaded already (or
        is loading: it is bound when its load finishes)."""
        host = self._host
        assert host is not None
        settled = self._host_settled
        self._new_payment(invoice, redirect=False, binding=True)
        self._started = False  # until start_widget
        self._host_settled = False  # in use: the next payment waits for a new standby page
        self._standby_for = None
        self._bind_nonce = self._standby_nonce
        self._page = host
        if self.view.page() is not host:
            self.view.setPage(host)
        self._timer.start(self.form_timeout_ms)
        if settled:
            self._send_bind()

    def _send_bind(self) -> None:
        """``posBind`` tells the standby page its invoice; once it has answered, ``posPay``
        follows if the token is there. Only our unbound standby document answers true: a
        ``loadFinished`` of an earlier document (one the standby load replaced) finds no
        ``posBind`` there, and it is asked again (:meth:`_retry_later`)."""
        host, invoice, nonce = self._page, self._invoice, self._bind_nonce
        assert host is not None and invoice is not None

        def bound(ok: object) -> None:
            if not (self._binding and self._page is host and self._invoice == invoice):
                return
            if ok is True:
                self._binding = False
                self._loaded = True
                self._run_call()
            else:
                self._retry_later(invoice, self._rebind)

        host.runJavaScript(f'typeof posBind === "function" && '
                           f'posBind({json.dumps(invoice)}, {json.dumps(nonce)});', 0, bound)

    def _rebind(self) -> None:
        if self._binding and self._page is not None:
            self._send_bind()

    def _new_payment(self, invoice: str, *, redirect: bool, binding: bool) -> None:
        """The per-payment state, fresh for ``invoice`` (the page is chosen by the caller)."""
        self._invoice = invoice
        self._redirect = redirect
        self._loaded = False
        self._binding = binding
        self._held_failure = ""
        self._call = ""
        self.bridge.expect(None if redirect else invoice)

    def _start(self, invoice: str, policy: NavigationPolicy, *, redirect: bool) -> None:
        self.discard()
        self._new_payment(invoice, redirect=redirect, binding=False)
        self._started = True  # prepare_widget: not until start_widget
        if redirect:
            page = self._make_page(policy, channel=False)
        else:
            host = self._host
            if host is None or not self.warm:
                # Its empty document is still loading (or failed): a load of it could still
                # reach _on_load_finished as this payment's. Start from a fresh page instead.
                old, host = host, self._make_page(policy, channel=True)
                self._host, self._host_tainted, self._host_payments = host, False, 0
                if old is not None:
                    old.loadFinished.disconnect()
                    old.deleteLater()
            page = host
            self._host_settled = False
            page.expect_host_page()
        self._page = page
        self.view.setPage(page)
        self._timer.start(self.form_timeout_ms)

    def _on_page_loaded(self, page: CheckoutPage, ok: bool) -> None:
        if page is self._page:
            self._on_load_finished(ok)
        elif page is self._host and self._page is None:
            self._host_settled = ok  # our standby or empty document, between payments
            self._standby_failed = not ok  # until the next load ends well

    def _on_crashed(self, page: CheckoutPage) -> None:
        """The page's renderer process ended (a crash, out of memory): it is never used again.
        A payment on it fails now (the bank is then asked) instead of at the form's timeout;
        an idle till gets a new page with a new standby document at once."""
        log.warning("the checkout page's renderer process ended")
        if page is self._host:
            self._host_tainted = True
        if page is self._page:
            self._fail("the card form's page stopped working")
        elif page is self._host and self._page is None:
            self._host = None
            self.warm_up()
            page.loadFinished.disconnect()
            page.deleteLater()

    def _on_blocked(self, page: CheckoutPage, url: str) -> None:
        if page is self._host:
            self._host_tainted = True
        self.navigation_blocked.emit(url)

    def _on_load_finished(self, ok: bool) -> None:
        if self._invoice is None or self._loaded:
            return  # a refused navigation also ends in loadFinished(False): only the first counts
        if self._binding:  # the standby page this payment waits for has loaded
            # Even not ok: that may be the end of an earlier load this one replaced, reported
            # for both. posBind answers only our standby document, asked until the form's
            # timer ends (_retry_later).
            self._send_bind()
            return
        self._loaded = ok
        if not ok:
            self._fail("the bank's payment page did not load" if self._redirect
                       else "the checkout page did not load")
        elif self._redirect:
            self._on_form_loaded()  # the payform itself is the page: the form is on screen
        else:
            self._run_call()  # the payment object, if start_widget came first

    def _on_left(self, page: CheckoutPage, url: str) -> None:
        """The page replaced itself: nothing it says is trusted, and the form is gone."""
        if page is self._host:
            self._host_tainted = True
        if page is not self._page:
            return
        self.bridge.expect(None)
        self.navigation_blocked.emit(url)
        self._fail("the card form was replaced by another page")

    def _on_form_loaded(self) -> None:
        self._timer.stop()
        if self._invoice is not None:
            self.form_loaded.emit(self._invoice)

    def _on_result(self, invoice: str, success: bool) -> None:
        if invoice == self._invoice:
            self._timer.stop()
            self.widget_result.emit(invoice, success)

    def _on_returned(self, page: CheckoutPage, success: bool) -> None:
        if page is self._page and self._invoice is not None and self._redirect:
            self._timer.stop()
            self.redirect_returned.emit(self._invoice, success)

    def _fail(self, reason: str) -> None:
        invoice = self._invoice
        if invoice is None:
            return
        if not self._started:  # prepared only: nobody waits for a form yet (start_widget)
            self._held_failure = self._held_failure or reason
            return
        log.warning("checkout form failed for %s: %s", invoice, reason)
        self._timer.stop()
        self.failed.emit(invoice, reason)
