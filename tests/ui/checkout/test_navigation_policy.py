"""NavigationPolicy: what the checkout view's main frame may show (pure logic, no browser)."""

from __future__ import annotations

import pytest

from pos_app.ui.checkout.web.policy import NavigationPolicy, Verdict

PAYFORM = "https://epay.homebank.kz/payform/"
LINK = PAYFORM + "?params=abc"
OK_LINK = "https://shop.example/epay/ok"
FAIL_LINK = "https://shop.example/epay/fail"
HOST = "https://pos.invalid/checkout/"

ALLOW, BLOCK = Verdict.ALLOW, Verdict.BLOCK


@pytest.fixture
def widget() -> NavigationPolicy:
    return NavigationPolicy.widget(HOST)


@pytest.fixture
def redirect() -> NavigationPolicy:
    return NavigationPolicy.redirect([LINK, PAYFORM], OK_LINK, FAIL_LINK)


def test_widget_allows_only_our_own_set_html_first(widget: NavigationPolicy) -> None:
    assert widget.main_frame("data:text/html;charset=UTF-8,%3Chtml%3E", initial=True) is ALLOW


@pytest.mark.parametrize("url", [
    "data:text/html,<script>qt</script>",
    "about:blank",
    "https://pos.invalid/checkout/",
    PAYFORM,
    LINK,
    "https://epay.homebank.kz/payform/payment-api.js",
    "https://evil.example/",
    "http://epay.homebank.kz/payform/",
    "file:///etc/passwd",
    "javascript:alert(1)",
])
def test_widget_main_frame_never_moves_after_the_host_page(widget: NavigationPolicy,
                                                           url: str) -> None:
    assert widget.main_frame(url, initial=False) is BLOCK


@pytest.mark.parametrize("url", ["about:blank", "https://evil.example/", PAYFORM, "file:///x"])
def test_widget_first_navigation_must_be_the_host_page(widget: NavigationPolicy, url: str) -> None:
    assert widget.main_frame(url, initial=True) is BLOCK


def test_widget_ignores_back_links(widget: NavigationPolicy) -> None:
    assert widget.main_frame(OK_LINK, initial=False) is BLOCK


def test_redirect_opens_the_payform_link_first(redirect: NavigationPolicy) -> None:
    assert redirect.main_frame(LINK, initial=True) is ALLOW


@pytest.mark.parametrize("url", [
    "https://epay.homebank.kz/payform/pay",  # the form's own submission
    "https://epay.homebank.kz/payform/?params=other",
    "https://EPAY.homebank.kz/payform/3ds",  # host names are case-insensitive
])
def test_redirect_moves_within_the_payform(redirect: NavigationPolicy, url: str) -> None:
    assert redirect.main_frame(url, initial=False) is ALLOW


@pytest.mark.parametrize("url", [
    "https://epay.homebank.kz/",  # the payform origin but outside its folder
    "https://epay.homebank.kz/admin/payform/",
    "https://epay.homebank.kz/payformX",
    "http://epay.homebank.kz/payform/pay",  # same host, not https
    "https://epay.homebank.kz:8443/payform/",
    "https://epay.homebank.kz.evil.example/payform/",
    "https://evil.example/payform/",
    "about:blank",
    "data:text/html,<b>x</b>",
    "file:///payform/",
    "https://pos.invalid/checkout/",
])
def test_redirect_refuses_everything_else(redirect: NavigationPolicy, url: str) -> None:
    assert redirect.main_frame(url, initial=False) is BLOCK
    assert redirect.main_frame(url, initial=True) is BLOCK


def test_redirect_catches_back_links(redirect: NavigationPolicy) -> None:
    assert redirect.main_frame(OK_LINK, initial=False) is Verdict.BACK_OK
    assert redirect.main_frame(OK_LINK + "?invoiceId=1", initial=False) is Verdict.BACK_OK
    assert redirect.main_frame(FAIL_LINK, initial=False) is Verdict.BACK_FAIL
    # another path on the back link's host is no result
    assert redirect.main_frame("https://shop.example/epay/okay", initial=False) is BLOCK
    assert redirect.main_frame("http://shop.example/epay/ok", initial=False) is BLOCK


def test_redirect_back_link_is_not_a_first_navigation(redirect: NavigationPolicy) -> None:
    """Only our own load of the payform link starts the page; a back link then is no result."""
    assert redirect.main_frame(OK_LINK, initial=True) is BLOCK


def test_redirect_without_back_links_catches_nothing() -> None:
    policy = NavigationPolicy.redirect([LINK])
    assert policy.main_frame(OK_LINK, initial=False) is BLOCK
    assert policy.main_frame("https://epay.homebank.kz/payform/pay", initial=False) is ALLOW


def test_redirect_ignores_non_web_payform_urls() -> None:
    policy = NavigationPolicy.redirect(["data:text/html,x", "about:blank",
                                        "ftp://epay.example/payform/", "file://host/payform/"])
    assert policy.main_frame("data:text/html,x", initial=True) is BLOCK
    assert policy.main_frame("about:blank", initial=True) is BLOCK
    assert policy.main_frame("ftp://epay.example/payform/x", initial=True) is BLOCK
    assert policy.main_frame("file://host/payform/x", initial=False) is BLOCK
    assert not policy.may_show("ftp://epay.example/payform/x")


def test_training_payform_on_loopback_http() -> None:
    policy = NavigationPolicy.redirect(["http://127.0.0.1:4711/payform/?params=x"])
    assert policy.main_frame("http://127.0.0.1:4711/payform/pay", initial=False) is ALLOW
    assert policy.main_frame("http://127.0.0.1:4712/payform/pay", initial=False) is BLOCK


@pytest.mark.parametrize("url, shown", [
    (HOST, True),
    (HOST + "#step", True),
    ("about:blank", False),
    ("data:text/html,x", False),
    ("https://pos.invalid/other/", False),
    ("http://pos.invalid/checkout/", False),
    (PAYFORM, False),
])
def test_widget_may_show_only_the_host_page(widget: NavigationPolicy, url: str,
                                            shown: bool) -> None:
    assert widget.may_show(url) is shown


@pytest.mark.parametrize("url, shown", [
    (LINK, True),
    ("https://epay.homebank.kz/payform/pay", True),
    ("about:blank", False),
    ("https://epay.homebank.kz/", False),
    (HOST, False),
    (OK_LINK, False),
])
def test_redirect_may_show_only_the_payform(redirect: NavigationPolicy, url: str,
                                            shown: bool) -> None:
    assert redirect.may_show(url) is shown


def test_a_policy_without_a_host_page_shows_nothing() -> None:
    assert NavigationPolicy.widget("").may_show("") is False


# -- edges the mutation run found unguarded (scripts/mutation ui/checkout/web/policy.py) -------

def test_origin_and_folder_are_normalised() -> None:
    from pos_app.ui.checkout.web.policy import location, origin

    assert origin("HTTPS://Epay.Example.KZ/payform/") == "https://epay.example.kz"
    assert location("https://epay.example.kz/payform/?params=x") == (
        "https://epay.example.kz", "/payform/")
    assert location("https://epay.example.kz") == ("https://epay.example.kz", "/")
    assert location("https://epay.example.kz/payform/index.html") == (
        "https://epay.example.kz", "/payform/")


def test_a_redirect_policy_has_no_host_page_and_no_back_links_unless_given() -> None:
    bare = NavigationPolicy.redirect(["https://epay.example.kz/payform/"])
    assert (bare.host_page, bare.back_link, bare.failure_back_link) == ("", "", "")
    assert bare.main_frame("https://pos.invalid/", initial=False) is Verdict.BLOCK


def test_a_url_without_a_path_is_the_root_folder() -> None:
    policy = NavigationPolicy.redirect(["https://epay.example.kz/"], "https://pos.invalid",
                                       "https://pos.invalid/fail")
    assert policy.main_frame("https://epay.example.kz", initial=True) is Verdict.ALLOW
    assert policy.may_show("https://epay.example.kz")
    # "https://pos.invalid" and "https://pos.invalid/" are the same page, both ways round
    assert policy.main_frame("https://pos.invalid/", initial=False) is Verdict.BACK_OK
    other = NavigationPolicy.redirect(["https://epay.example.kz/"], "https://pos.invalid/",
                                      "https://pos.invalid/fail")
    assert other.main_frame("https://pos.invalid", initial=False) is Verdict.BACK_OK
