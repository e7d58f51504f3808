"""Hosts per environment and the POS_APP_EPAY_* overrides (a contract)."""

from __future__ import annotations

import pytest

from pos_app.epay.config import (
    PROFILES,
    TEST_MERCHANT,
    OverrideRefused,
    apply_overrides,
    hosts_for,
)


def test_profiles_spell_out_every_host() -> None:
    assert hosts_for("test", {}).oauth_url == "https://testoauth.homebank.kz/epay2/oauth2/token"
    assert hosts_for("test", {}).api_base == "https://testepay.homebank.kz/api"
    assert hosts_for("test-new", {}).api_base == "https://test-epay-api.epayment.kz"
    assert hosts_for("prod", {}).widget_url == "https://epay.homebank.kz/payform/payment-api.js"
    for hosts in PROFILES.values():
        assert all(u.startswith("https://") for u in (hosts.oauth_url, hosts.api_base, hosts.widget_url))


def test_environment_variables_replace_the_profile_values() -> None:
    env = {
        "POS_APP_EPAY_OAUTH_URL": "http://127.0.0.1:9000/oauth2/token",
        "POS_APP_EPAY_API_URL": "http://127.0.0.1:9000/",
        "POS_APP_EPAY_WIDGET_URL": "http://127.0.0.1:9001/payform/payment-api.js",
    }
    hosts = hosts_for("test", env)
    assert hosts.oauth_url == env["POS_APP_EPAY_OAUTH_URL"]
    assert hosts.api_base == "http://127.0.0.1:9000"
    assert hosts.widget_url == env["POS_APP_EPAY_WIDGET_URL"]
    assert hosts.payform_url == "http://127.0.0.1:9001/payform/"
    assert hosts.payform_origin == "http://127.0.0.1:9001"


def test_partial_override_keeps_the_rest() -> None:
    hosts = apply_overrides(PROFILES["test"], {"POS_APP_EPAY_API_URL": "https://x.example/api"})
    assert hosts.api_base == "https://x.example/api"
    assert hosts.oauth_url == PROFILES["test"].oauth_url


@pytest.mark.parametrize("value", ["ftp://x", "not a url", "https://"])
def test_bad_override_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="override"):
        hosts_for("test", {"POS_APP_EPAY_OAUTH_URL": value})


def test_unknown_environment_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown"):
        hosts_for("staging", {})


def test_credentials_repr_hides_the_secret() -> None:
    assert TEST_MERCHANT.client_secret not in repr(TEST_MERCHANT)


@pytest.mark.parametrize("name", ["POS_APP_EPAY_OAUTH_URL", "POS_APP_EPAY_API_URL",
                                  "POS_APP_EPAY_WIDGET_URL"])
@pytest.mark.parametrize("value", ["http://127.0.0.1:9/x", "https://epay-mirror.example/x"])
def test_production_refuses_every_override(name: str, value: str) -> None:
    """Not even https: production talks to the bank's published hosts only."""
    with pytest.raises(OverrideRefused, match="only with the test environments"):
        hosts_for("prod", {name: value})


def test_production_ignores_empty_override_variables() -> None:
    assert hosts_for("prod", {"POS_APP_EPAY_API_URL": " "}) == PROFILES["prod"]


@pytest.mark.parametrize("env", ["test", "test-new"])
def test_test_environments_take_overrides(env: str) -> None:
    hosts = hosts_for(env, {"POS_APP_EPAY_API_URL": "http://127.0.0.1:9/api"})
    assert hosts.api_base == "http://127.0.0.1:9/api"
