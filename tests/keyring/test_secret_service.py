"""A secret written by the settings code is read back by `keyring` and by `secret-tool`."""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from pos_app.services.provisioning import apply_configuration
from pos_app.store import credentials
from pos_app.store.settings import Settings

pytestmark = pytest.mark.keyring
TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"


@pytest.fixture
def client_id() -> Iterator[str]:
    name = "ci-" + secrets.token_hex(4)
    yield name
    for env in ("test", "prod"):
        with contextlib.suppress(credentials.CredentialError):
            credentials.delete_secret(env, name)


def test_backend_is_a_real_secret_service() -> None:
    """What a till process detects by itself (a fresh process: no test fakes registered)."""
    import subprocess
    import sys

    probe = ("from pos_app.store.credentials import keyring_status; s = keyring_status(); "
             "print(s.usable, s.backend_name, s.reason)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.startswith("True "), done.stdout
    assert "SecretService" in done.stdout
    assert credentials.keyring_status().usable


def test_secret_round_trips_through_keyring_and_secret_tool(
        tmp_path: Path, client_id: str) -> None:
    secret = "s3cr3t-" + secrets.token_urlsafe(16)
    settings = Settings(environment="prod", client_id=client_id, terminal_id=TERMINAL)
    apply_configuration(tmp_path / "settings.json", settings, secret)

    service = credentials.service_name("prod")
    assert service == "pos-app/ePay/prod"
    assert keyring.get_password(service, client_id) == secret
    assert credentials.load_secret("prod", client_id) == secret
    assert secret not in (tmp_path / "settings.json").read_text()
    assert json.loads((tmp_path / "settings.json").read_text())["client_id"] == client_id

    tool = shutil.which("secret-tool")
    assert tool, "secret-tool (libsecret-tools) is needed for this test"
    # keyring's SecretService backend stores the attributes `service` and `username`.
    out = subprocess.run([tool, "lookup", "service", service, "username", client_id],
                         capture_output=True, text=True, timeout=30, check=True)
    assert out.stdout.rstrip("\n") == secret


def test_replace_and_delete(client_id: str) -> None:
    credentials.store_secret("test", client_id, "first-secret")
    credentials.store_secret("test", client_id, "second-secret")
    assert credentials.load_secret("test", client_id) == "second-secret"
    assert credentials.delete_secret("test", client_id)
    assert credentials.load_secret("test", client_id) is None
    assert not credentials.delete_secret("test", client_id)
