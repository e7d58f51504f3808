"""Secrets in the keyring only: a fake in-memory backend, and the unusable ones."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked

from pos_app.store import credentials
from pos_app.store.credentials import (
    CredentialError,
    NoKeyringError,
    delete_secret,
    keyring_status,
    load_secret,
    service_name,
    store_secret,
)
from tests.support.fake_keyring import MemoryKeyring

SECRET = "yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG"


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked(f"locked while saving {password}")


@pytest.fixture
def use_backend() -> Iterator[object]:
    previous = keyring.get_keyring()

    def _use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield _use
    keyring.set_keyring(previous)


def test_service_name() -> None:
    assert service_name("prod") == "pos-app/ePay/prod"
    assert service_name("test-new") == "pos-app/ePay/test-new"
    for bad in ("", "a/b", " prod"):
        with pytest.raises(ValueError):
            service_name(bad)


def test_store_load_delete(use_backend, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    backend = use_backend(MemoryKeyring())
    caplog.set_level(logging.DEBUG)
    assert keyring_status().usable
    assert load_secret("prod", "MYSHOP") is None
    store_secret("prod", "MYSHOP", SECRET)
    assert backend.items == {("pos-app/ePay/prod", "MYSHOP"): SECRET}
    assert load_secret("prod", "MYSHOP") == SECRET
    assert load_secret("test", "MYSHOP") is None  # environments are separate
    assert delete_secret("prod", "MYSHOP") is True
    assert delete_secret("prod", "MYSHOP") is False
    assert SECRET not in caplog.text


def test_bad_arguments(use_backend) -> None:  # type: ignore[no-untyped-def]
    use_backend(MemoryKeyring())
    with pytest.raises(ValueError):
        store_secret("prod", "", SECRET)
    with pytest.raises(ValueError):
        store_secret("prod", "MYSHOP", "  ")


def test_refusal_does_not_leak_the_secret(use_backend) -> None:  # type: ignore[no-untyped-def]
    use_backend(LockedKeyring())
    with pytest.raises(CredentialError) as info:
        store_secret("prod", "MYSHOP", SECRET)
    assert SECRET not in str(info.value) and info.value.__cause__ is None
    assert not isinstance(info.value, NoKeyringError)


@pytest.mark.parametrize(
    "backend", [fail.Keyring(), null.Keyring(), chainer.ChainerBackend()], ids=str
)
def test_unusable_backends(use_backend, backend: KeyringBackend, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if isinstance(backend, chainer.ChainerBackend):
        monkeypatch.setattr(chainer.ChainerBackend, "backends", property(lambda self: []))
    use_backend(backend)
    status = keyring_status()
    assert not status.usable and status.reason and status.backend_name
    with pytest.raises(NoKeyringError) as info:
        store_secret("prod", "MYSHOP", SECRET)
    assert "keyring" in str(info.value)
    with pytest.raises(NoKeyringError):
        load_secret("prod", "MYSHOP")


def test_plain_file_backend_is_unusable(use_backend) -> None:  # type: ignore[no-untyped-def]
    plain = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
    use_backend(plain())
    assert not keyring_status().usable


def test_module_documents_the_names() -> None:
    assert credentials.__doc__ is not None
    assert "pos-app/ePay/<environment>" in credentials.__doc__
    assert "client_id" in credentials.__doc__
