"""The application object and the till's window with its panels, before any service exists.

Used by :mod:`pos_app.ui.startup` (stage 2 of a normal start) and by :mod:`pos_app.ui.app`
(a till assembled in one go: tests, the doctor's probe). On the path to the first paint: it
imports only what the window needs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from pos_app.resources import resource

if TYPE_CHECKING:
    from pos_app.store.settings import Settings
    from pos_app.ui.checkout.web.checkout_view import CheckoutView
    from pos_app.ui.main_window import MainWindow

__all__ = ["add_checkout", "ensure_app", "main_window", "web_after_show", "window_first"]

# Qt reads this once, when it creates the first window (QT_WIDGETS_RHI_BACKEND picks the API).
RHI_VARIABLE = "QT_WIDGETS_RHI"
# Decided by ensure_app() as it makes the application, before any window (window_first()).
_window_first = False


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)  # QtWebEngine
    app = QApplication(argv or [sys.argv[0] if sys.argv else "pos-app"])
    app.setApplicationName("pos-app")
    app.setOrganizationName("HalykPOS")
    global _window_first
    _window_first = web_after_show(app)
    return app


def window_first() -> bool:
    """Whether this process shows the till's window before its web view: decided when
    :func:`ensure_app` made the application, before any window could exist (the set-up
    wizard's would have fixed Qt's choice too: Qt reads ``QT_WIDGETS_RHI`` once). An
    application made elsewhere (tests) keeps the web view first."""
    return _window_first


def web_after_show(app: QApplication) -> bool:
    """Whether the till's window may be shown before its web view exists (then made at once).

    Chromium's widget draws through the GPU: a window that gains it after it is on screen is
    destroyed and made again by Qt, unless the window composites through the GPU from the
    start, which ``QT_WIDGETS_RHI=1`` asks of Qt before the first window is created. Keys
    typed into a re-created window were lost (issue 13); with the variable the window typed
    into stays (xdotool typing at once on Xvfb, with and without a window manager, idle and
    loaded, 2026-12-02: README "Performance"). Done on X11 only, with Qt's default API for it
    (OpenGL, Chromium's own): that is where it has been tried. Elsewhere, or where the user
    set the variable to 0, the web view is built before the window is shown, as before. Only
    before the first window exists does the variable count (:func:`ensure_app`)."""
    if app.platformName() != "xcb" or os.environ.get("QT_QUICK_BACKEND") == "software":
        return False
    if os.environ.get(RHI_VARIABLE, "1") != "1" or os.environ.get(RHI_VARIABLE + "_BACKEND"):
        return False
    os.environ[RHI_VARIABLE] = "1"
    return True


def add_checkout(window: MainWindow, settings: Settings, *, debug: bool = False,
                 widget_url: str | None = None) -> CheckoutView:
    """The checkout web view, made into ``window`` now (its processes start), its standby page
    with ePay's widget script (``widget_url``) loading."""
    checkout = _checkout_view(settings, debug=debug, widget_url=widget_url)
    window.activity.set_checkout(checkout)
    return checkout


def _checkout_view(settings: Settings, *, debug: bool, widget_url: str | None) -> CheckoutView:
    from pos_app.ui.checkout.web.checkout_view import CheckoutView

    checkout = CheckoutView(settings.checkout_base_url, debug=debug)
    if settings.checkout_mode != "redirect":
        checkout.set_standby(widget_url)
    checkout.warm_up()
    return checkout


def main_window(environment: str, settings: Settings, *, web: bool = True,
                debug: bool = False, widget_url: str | None = None,
                web_started: Callable[[], None] | None = None) -> MainWindow:
    """The window and its panels, before any service exists (stage 2). With ``web`` the
    checkout web view is in it, warming up, with ePay's widget script (``widget_url``, when
    the hosts are known already) loading in its standby page; without, it is made when first
    needed (:meth:`pos_app.ui.app.Till.attach_web`: tests that never show the card form).
    ``web_started`` is called once Chromium has been asked for the web view's first page
    (at once without ``web``), before the rest of the window is built."""
    from decimal import Decimal

    app = ensure_app()
    style = resource("style.qss")
    if style.is_file() and not app.styleSheet():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    checkout = None
    if web:
        # First, before the rest of the window is even imported: Chromium's processes start
        # now and the standby page with ePay's script loads while the window is built.
        checkout = _checkout_view(settings, debug=debug, widget_url=widget_url)
    if web_started is not None:
        web_started()
    from pos_app.ui.main_window import MainWindow

    return MainWindow(shop_name=settings.shop_name, environment=environment,
                      maximum=Decimal(settings.max_amount), checkout=checkout)
