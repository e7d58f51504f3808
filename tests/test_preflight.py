"""check_setup: what is known before the window, and the keyring secret left for later on demand.

``pos-app`` asks for ``secret=False``: reading a secret from the system keyring (importing
``keyring``, finding its backend, asking the Secret Service) took 0.2 s before the window of a
configured till could be built, so the services' thread reads it instead
(:meth:`Setup.resolved_credentials`, called by ``pos_app.runtime.assemble``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.epay.config import OVERRIDE_REFUSED, TEST_MERCHANT
from pos_app.preflight import SetupError, check_setup, secret_in_keyring
from pos_app.store.credentials import CredentialError, service_name
from pos_app.store.settings import Settings, save
from tests.support.fake_keyring import LockedKeyring, ThreadKeyring, installed

TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[ThreadKeyring]:
    for name in ("POS_APP_EPAY_OAUTH_URL", "POS_APP_EPAY_API_URL", "POS_APP_EPAY_WIDGET_URL"):
        monkeypatch.delenv(name, raising=False)
    with installed(ThreadKeyring()) as counting:
        yield counting  # type: ignore[misc]


def _shop(environment: str) -> Settings:
    return Settings(environment=environment, client_id="shop1", terminal_id=TERMINAL)


def test_a_keyring_secret_is_left_for_later_when_asked(backend: ThreadKeyring) -> None:
    backend.set_password(service_name("prod"), "shop1", "s3cr3t-prod")
    setup = check_setup("prod", settings=_shop("prod"), secret=False)
    assert setup.credentials is None and backend.read_on == []  # nothing read yet
    assert setup.hosts is not None  # the rest is checked now
    credentials = setup.resolved_credentials()
    assert backend.read_on == [threading.current_thread().name]
    assert credentials.client_id == "shop1" and credentials.client_secret == "s3cr3t-prod"
    assert credentials.terminal_id == TERMINAL


def test_by_default_the_secret_is_read_at_once(backend: ThreadKeyring) -> None:
    backend.set_password(service_name("prod"), "shop1", "s3cr3t-prod")
    setup = check_setup("prod", settings=_shop("prod"))
    assert len(backend.read_on) == 1
    assert setup.credentials is not None and setup.credentials.client_secret == "s3cr3t-prod"
    assert setup.resolved_credentials() is setup.credentials
    assert len(backend.read_on) == 1  # not read twice


@pytest.mark.parametrize(("environment", "settings"), [
    ("training", Settings(environment="training")),
    ("test", Settings(environment="test")),  # no merchant set up: the published one
    ("test", _shop("prod")),  # set up for another environment
])
def test_without_a_keyring_secret_nothing_is_left_for_later(
        backend: ThreadKeyring, environment: str, settings: Settings) -> None:
    assert not secret_in_keyring(environment, settings)
    setup = check_setup(environment, settings=settings, secret=False)
    assert setup.credentials == TEST_MERCHANT
    assert backend.read_on == []


def test_a_configured_test_till_uses_its_own_secret(backend: ThreadKeyring) -> None:
    assert secret_in_keyring("test", _shop("test"))
    backend.set_password(service_name("test"), "shop1", "s3cr3t-test")
    setup = check_setup("test", settings=_shop("test"), secret=False)
    assert setup.credentials is None
    assert setup.resolved_credentials().client_secret == "s3cr3t-test"


def test_a_missing_production_secret_is_said_when_it_is_read(backend: ThreadKeyring) -> None:
    setup = check_setup("prod", settings=_shop("prod"), secret=False)  # no error yet
    with pytest.raises(SetupError, match="not in the system keyring"):
        setup.resolved_credentials()
    with pytest.raises(SetupError, match="not in the system keyring"):
        check_setup("prod", settings=_shop("prod"))


def test_a_locked_keyring_is_a_credential_error(backend: ThreadKeyring) -> None:
    setup = check_setup("prod", settings=_shop("prod"), secret=False)
    with installed(LockedKeyring()), pytest.raises(CredentialError) as raised:
        setup.resolved_credentials()
    assert str(raised.value) == "The keyring refused to read the secret (KeyringLocked)."


# -- what is checked before the window (the contract: README "Contract points") -------------------

SHOP_ID = "04f25a4b-d2bd-4dd8-b3a7-9390be4774c4"


@pytest.mark.parametrize(("environment", "settings", "asks"), [
    ("prod", _shop("prod"), True),
    ("training", Settings(environment="training", client_id="shop1", terminal_id=TERMINAL),
     False),  # training never asks the keyring, whatever is set up
    ("prod", Settings(environment="prod", client_id="shop1"), False),  # no terminal
    ("prod", Settings(environment="prod", terminal_id=TERMINAL), False),  # no client id
])
def test_secret_in_keyring_only_for_a_merchant_set_up_for_this_environment(
        environment: str, settings: Settings, asks: bool) -> None:
    assert secret_in_keyring(environment, settings) is asks


def test_the_merchant_comes_whole_from_the_settings_and_the_keyring(
        backend: ThreadKeyring) -> None:
    backend.set_password(service_name("prod"), "shop1", "s3cr3t-prod")
    settings = Settings(environment="prod", client_id="shop1", terminal_id=TERMINAL,
                        shop_id=SHOP_ID)
    setup = check_setup("prod", settings=settings)
    assert setup.credentials is not None
    assert (setup.credentials.client_id, setup.credentials.client_secret,
            setup.credentials.terminal_id, setup.credentials.shop_id) == (
        "shop1", "s3cr3t-prod", TERMINAL, SHOP_ID)


@pytest.mark.parametrize("environment", ["test", "test-new"])
def test_a_test_till_without_a_merchant_uses_the_published_one(
        backend: ThreadKeyring, environment: str) -> None:
    setup = check_setup(environment, settings=Settings(environment=environment))
    assert setup.credentials == TEST_MERCHANT
    assert backend.read_on == []


def test_a_test_till_whose_secret_is_missing_falls_back_but_test_new_does_not(
        backend: ThreadKeyring) -> None:
    configured = Settings(environment="test", client_id="shop1", terminal_id=TERMINAL)
    assert check_setup("test", settings=configured).credentials == TEST_MERCHANT
    assert backend.read_on  # it asked, found nothing, and fell back
    configured_new = Settings(environment="test-new", client_id="shop1", terminal_id=TERMINAL)
    with pytest.raises(SetupError, match="not in the system keyring"):
        check_setup("test-new", settings=configured_new)


def test_production_without_credentials_says_what_to_do(backend: ThreadKeyring) -> None:
    with pytest.raises(SetupError) as raised:
        check_setup("prod", settings=Settings(environment="prod"))
    assert str(raised.value) == (
        "This till has no ePay credentials. Open the settings to enter them.")
    with pytest.raises(SetupError) as missing:
        check_setup("prod", settings=_shop("prod"))
    assert str(missing.value) == (
        "The client secret is not in the system keyring. Run the settings or "
        "`pos-app configure` to store it.")


def test_the_settings_file_is_read_when_none_are_given(
        backend: ThreadKeyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    save(tmp_path / "settings.json", Settings(environment="test", shop_name="Дүкен"))
    setup = check_setup("test")
    assert setup.settings.shop_name == "Дүкен"


def test_hosts_come_from_the_environment_variables_in_test(
        backend: ThreadKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_EPAY_API_URL", "http://127.0.0.1:9/api")
    setup = check_setup("test", settings=Settings(environment="test"))
    assert setup.hosts is not None and setup.hosts.api_base == "http://127.0.0.1:9/api"
    with pytest.raises(SetupError) as refused:
        check_setup("prod", settings=_shop("prod"), secret=False)
    assert str(refused.value) == OVERRIDE_REFUSED


def test_training_knows_its_hosts_only_from_the_emulator(backend: ThreadKeyring) -> None:
    urls = {"api": "http://127.0.0.1:1/api", "form": "http://127.0.0.1:2/"}
    setup = check_setup("training", settings=Settings(), emulator_urls=urls)
    assert setup.hosts is None and setup.emulator_urls == urls
    assert check_setup("training", settings=Settings()).emulator_urls is None
