"""check_setup: what is known before the window, and the keyring secret left for later on demand.

``pos-app`` asks for ``secret=False``: reading a secret from the system keyring (importing
``keyring``, finding its backend, asking the Secret Service) took 0.2 s before the window of a
configured till could be built, so the services' thread reads it instead
(:meth:`Setup.resolved_credentials`, called by ``pos_app.runtime.assemble``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from pos_app.epay.config import TEST_MERCHANT
from pos_app.preflight import SetupError, check_setup, secret_in_keyring
from pos_app.store.credentials import CredentialError, service_name
from pos_app.store.settings import Settings
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
