"""Which top-level navigations the checkout view allows. Pure logic, tested without a browser.

Sub-frames are not filtered: the ePay form lives in an iframe and 3-D Secure pages come from
any bank's domain. The main frame may show only our host page and the ePay origins; a
navigation to a back link is the redirect flow's result and is caught, not followed.
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


@dataclass(frozen=True, slots=True)
class NavigationPolicy:
    host_page: str  # base URL the host page is set with
    epay_origins: frozenset[str]
    back_link: str = ""
    failure_back_link: str = ""

    @classmethod
    def build(
        cls,
        host_page: str,
        epay_urls: Iterable[str],
        back_link: str = "",
        failure_back_link: str = "",
    ) -> NavigationPolicy:
        return cls(host_page, frozenset(origin(u) for u in epay_urls), back_link, failure_back_link)

    def main_frame(self, url: str) -> Verdict:
        """The verdict for a main-frame navigation to ``url``."""
        if self.failure_back_link and _same_page(url, self.failure_back_link):
            return Verdict.BACK_FAIL
        if self.back_link and _same_page(url, self.back_link):
            return Verdict.BACK_OK
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data" or url == "about:blank":
            return Verdict.ALLOW  # setHtml() and the blank warm-up page
        if _same_page(url, self.host_page):
            return Verdict.ALLOW
        if scheme in ("https", "http") and origin(url) in self.epay_origins:
            return Verdict.ALLOW
        return Verdict.BLOCK


def _same_page(url: str, target: str) -> bool:
    a, b = urlsplit(url), urlsplit(target)
    return (a.scheme.lower(), a.netloc.lower(), a.path or "/") == (
        b.scheme.lower(),
        b.netloc.lower(),
        b.path or "/",
    )
