"""Which top-level navigations the checkout view allows. Pure logic, tested without a browser.

Sub-frames are not filtered: the ePay form lives in an iframe and 3-D Secure pages come from
any bank's domain. The main frame is stricter, and what it may show depends on the mode:

* **widget** (:meth:`NavigationPolicy.widget`): the first navigation is our own ``setHtml()``
  of the host page (Chromium sees it as a ``data:`` URL); after it the main frame never moves
  again, so the web channel (given to this page only) stays with our host page.
* **redirect** (:meth:`NavigationPolicy.redirect`): the main frame is the bank's payform and
  gets no web channel. It may move within the payform locations only (the form's own
  submissions and result pages); a navigation to a back link is the flow's result and is
  caught, not followed.

``about:blank``, ``data:`` (other than the first navigation in widget mode) and every other
address are refused. Chromium does not ask before a page replaces itself with ``about:blank``
(and refuses top-frame ``data:`` itself), so the view also checks every main-frame URL it
ends up on with :meth:`NavigationPolicy.may_show` and drops a page that fails it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit


class Verdict(enum.Enum):
    ALLOW = "allow"
    BLOCK = "block"
    BACK_OK = "back_ok"  # the payform returned to backLink: paid (a hint)
    BACK_FAIL = "back_fail"  # the payform returned to failureBackLink: not paid (a hint)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def location(url: str) -> tuple[str, str]:
    """``(origin, folder)`` a page may move within: ``https://a/payform/?x`` → ``/payform/``."""
    path = urlsplit(url).path or "/"
    return origin(url), path[: path.rfind("/") + 1]


@dataclass(frozen=True, slots=True)
class NavigationPolicy:
    host_page: str = ""  # widget mode: the base URL our host page is set with
    redirect_mode: bool = False
    payform: frozenset[tuple[str, str]] = frozenset()  # (origin, folder) the payform may show
    back_link: str = ""
    failure_back_link: str = ""

    @classmethod
    def widget(cls, host_page: str) -> NavigationPolicy:
        """Our host page only; it never navigates after ``setHtml()``."""
        return cls(host_page)

    @classmethod
    def redirect(
        cls, payform_urls: Iterable[str], back_link: str = "", failure_back_link: str = ""
    ) -> NavigationPolicy:
        """The bank's payform in the main frame, within the folders of ``payform_urls``."""
        allowed = frozenset(location(u) for u in payform_urls if _web_url(u))
        return cls("", True, allowed, back_link, failure_back_link)

    def main_frame(self, url: str, *, initial: bool) -> Verdict:
        """The verdict for a main-frame navigation to ``url``.

        ``initial`` is the page's first main-frame navigation: the one the app itself started
        (``setHtml()`` of the host page, or ``load()`` of the payform link).
        """
        if self.redirect_mode:
            if not initial:
                if self.failure_back_link and _same_page(url, self.failure_back_link):
                    return Verdict.BACK_FAIL
                if self.back_link and _same_page(url, self.back_link):
                    return Verdict.BACK_OK
            if _web_url(url) and self._in_payform(url):
                return Verdict.ALLOW
            return Verdict.BLOCK
        if initial and urlsplit(url).scheme.lower() == "data":
            return Verdict.ALLOW  # our setHtml() of the host page
        return Verdict.BLOCK

    def may_show(self, url: str) -> bool:
        """Whether the main frame may be showing ``url`` once it has loaded."""
        if self.redirect_mode:
            return _web_url(url) and self._in_payform(url)
        return bool(self.host_page) and _same_page(url, self.host_page)

    def _in_payform(self, url: str) -> bool:
        here, path = origin(url), urlsplit(url).path or "/"
        return any(here == o and path.startswith(folder) for o, folder in self.payform)


def _web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() in ("https", "http") and bool(parts.netloc)


def _same_page(url: str, target: str) -> bool:
    a, b = urlsplit(url), urlsplit(target)
    return (a.scheme.lower(), a.netloc.lower(), a.path or "/") == (
        b.scheme.lower(),
        b.netloc.lower(),
        b.path or "/",
    )
