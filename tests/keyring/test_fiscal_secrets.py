"""The register's API key and password in the real Secret Service (issue 15): written by
`pos-app configure --fiscal-secrets-stdin`, read back by `keyring`, `secret-tool` and the till."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from pos_app.store.fiscal_credentials import load_fiscal_secrets

pytestmark = pytest.mark.keyring
ROOT = Path(__file__).resolve().parents[2]


def test_configure_puts_register_secrets_in_the_secret_service(tmp_path: Path) -> None:
    login = f"cashier-{secrets.token_hex(4)}@shop.kz"
    api_key, password = "WKD-" + secrets.token_hex(8).upper(), "pw-" + secrets.token_urlsafe(12)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    env["POS_APP_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pos_app", "configure", "--fiscal-provider", "webkassa",
         "--fiscal-cashbox", "SWK00033717", "--fiscal-login", login, "--fiscal-env", "test",
         "--fiscal-secrets-stdin"], input=f"{api_key}\n{password}\n", env=env, cwd=ROOT,
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert keyring.get_password("pos-app/Webkassa/test", login) == password
    assert load_fiscal_secrets("webkassa", "test", login) == (api_key, password)
    tool = shutil.which("secret-tool")
    assert tool, "secret-tool (libsecret-tools) is needed for this test"
    out = subprocess.run([tool, "lookup", "service", "pos-app/Webkassa/test", "username",
                          "api-key"], capture_output=True, text=True, timeout=30, check=True)
    assert out.stdout.rstrip("\n") == api_key
    text = (tmp_path / "settings.json").read_text()
    assert password not in text and api_key not in text
    assert json.loads(text)["fiscal_login"] == login
    keyring.delete_password("pos-app/Webkassa/test", login)
