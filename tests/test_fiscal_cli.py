"""`pos-app configure --fiscal-*`, the fiscal part of `pos-app doctor`, `journal --csv`
(contracts of issue 15): real subprocesses, a file keyring, the Webkassa emulator on loopback."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.doctor import Doctor
from pos_app.doctor_fiscal import check_fiscal
from pos_app.fiscal.receipt import TaxPolicy, receipt_for_amount
from pos_app.store.fiscal_credentials import store_fiscal_secrets
from pos_app.store.settings import Settings
from pos_app.training.webkassa import (
    TRAINING_API_KEY,
    TRAINING_CASHBOX,
    TRAINING_LOGIN,
    TRAINING_PASSWORD,
    WebkassaEmulator,
)
from tests.fiscal.conftest import make_adapter
from tests.support.fake_keyring import BACKEND, FILE_ENV
from tests.ui.conftest import memory_keyring  # noqa: F401 - the shared fixture

ROOT = Path(__file__).resolve().parents[1]
API_KEY = "WKD-11111111-2222-3333-4444-555555555555"
PASSWORD = "pa55-word-SECRET"


def run(home: Path, keyring_file: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_")}
    env.update(POS_APP_HOME=str(home), PYTHON_KEYRING_BACKEND=BACKEND,
               **{FILE_ENV: str(keyring_file)})
    return subprocess.run([sys.executable, "-m", "pos_app", *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=60)


FISCAL = ["configure", "--fiscal-provider", "webkassa", "--fiscal-cashbox", "SWK00033717",
          "--fiscal-login", "cashier@shop.kz", "--fiscal-env", "test", "--fiscal-secrets-stdin"]


def test_configure_stores_register_secrets_in_the_keyring_only(tmp_path: Path) -> None:
    home, ring = tmp_path / "home", tmp_path / "ring.json"
    proc = run(home, ring, *FISCAL, stdin=f"{API_KEY}\n{PASSWORD}\n")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(ring.read_text()) == {"pos-app/Webkassa/test\napi-key": API_KEY,
                                            "pos-app/Webkassa/test\ncashier@shop.kz": PASSWORD}
    settings = json.loads((home / "settings.json").read_text())
    assert (settings["fiscal_provider"], settings["fiscal_cashbox"],
            settings["fiscal_login"]) == ("webkassa", "SWK00033717", "cashier@shop.kz")
    for path in home.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes()
            assert API_KEY.encode() not in path.read_bytes()
    assert PASSWORD not in proc.stdout + proc.stderr
    off = run(home, ring, "configure", "--fiscal-provider", "none")
    assert off.returncode == 0, off.stderr
    assert json.loads((home / "settings.json").read_text())["fiscal_provider"] == "none"


@pytest.mark.parametrize("args, stdin, flag", [
    (FISCAL, f"{API_KEY}\n", "--fiscal-secrets-stdin"),
    (FISCAL, f"{API_KEY}\n {PASSWORD}\n", "--fiscal-secrets-stdin"),
    ([*FISCAL[:3], "--fiscal-cashbox", "bad box!", *FISCAL[5:]], f"{API_KEY}\n{PASSWORD}\n",
     "--fiscal-cashbox"),
    (["configure", "--fiscal-provider", "webkassa", "--fiscal-login", "a b"], "",
     "--fiscal-login"),
    (["configure", "--client-id", "X", "--fiscal-provider", "none"], "", "--env"),
])
def test_bad_fiscal_flags_exit_2_and_change_nothing(tmp_path: Path, args: list[str],
                                                     stdin: str, flag: str) -> None:
    home, ring = tmp_path / "home", tmp_path / "ring.json"
    proc = run(home, ring, *args, stdin=stdin)
    assert proc.returncode == 2, proc.stderr
    assert flag in proc.stderr and PASSWORD not in proc.stderr
    assert not (home / "settings.json").exists() and not ring.exists()


def test_journal_csv_has_the_fiscal_columns(tmp_path: Path) -> None:
    proc = run(tmp_path / "home", tmp_path / "ring.json", "journal", "--csv")
    assert proc.returncode == 0, proc.stderr
    header = next(csv.reader(io.StringIO(proc.stdout)))
    assert header[:12] == ["invoice_id", "created_at", "amount", "currency", "method", "status",
                           "reference", "approval_code", "card_mask", "transaction_id",
                           "refunded_amount", "description"]
    assert header[16:] == ["fiscal_status", "fiscal_number", "fiscal_ticket_url", "row_kind",
                           "refund_state"]  # appended, nothing moved


def _doctor(settings: Settings, monkeypatch: pytest.MonkeyPatch, url: str) -> str:
    monkeypatch.setenv("POS_APP_FISCAL_URL", url)
    out = io.StringIO()
    env = settings.environment
    check_fiscal(Doctor(out, training=False, environment=env), env, settings)
    return out.getvalue()


@pytest.mark.usefixtures("memory_keyring")
def test_doctor_authorizes_and_reports_the_shift(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = replace(Settings(), environment="test", fiscal_provider="webkassa",
                       fiscal_cashbox=TRAINING_CASHBOX, fiscal_login=TRAINING_LOGIN)
    with WebkassaEmulator() as wk:
        url = wk.urls["api"]
        text = _doctor(settings, monkeypatch, url)
        assert "[FAIL] fiscal register: No register API key" in text
        store_fiscal_secrets("webkassa", "test", TRAINING_LOGIN, TRAINING_API_KEY,
                             TRAINING_PASSWORD)
        text = _doctor(settings, monkeypatch, url)
        assert "[  OK] fiscal login" in text and "[  OK] fiscal cashbox" in text
        assert "no open shift" in text
        assert TRAINING_PASSWORD not in text and TRAINING_API_KEY not in text
        adapter = make_adapter(wk)
        adapter.send(adapter.prepare(receipt_for_amount(Decimal(5), "X", TaxPolicy(16)), "k-1"))
        wk.register.advance(23.5 * 3600)
        text = _doctor(settings, monkeypatch, url)
        assert "[WARN] fiscal shift: shift 1 open 23.5 h; 0.5 h left" in text
        wk.register.advance(3600)
        wk.set_cashbox(status="blocked")
        text = _doctor(settings, monkeypatch, url)
        assert "[FAIL] fiscal cashbox" in text and "over the 24-hour limit" in text
    store_fiscal_secrets("webkassa", "test", TRAINING_LOGIN, TRAINING_API_KEY, "wrong")
    with WebkassaEmulator() as wk:
        assert "[FAIL] fiscal login" in _doctor(settings, monkeypatch, wk.urls["api"])


@pytest.mark.usefixtures("memory_keyring")
def test_production_override_must_be_https(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = replace(Settings(), environment="prod", terminal_id="67e34d63-102f-4bd1-898e-370781d0074d",
                       client_id="X", fiscal_provider="webkassa", fiscal_cashbox="SWK1",
                       fiscal_login="a@b.kz")
    store_fiscal_secrets("webkassa", "prod", "a@b.kz", "k", "p")
    text = _doctor(settings, monkeypatch, "http://127.0.0.1:9")
    assert "[FAIL] fiscal register: POS_APP_FISCAL_URL must use https://" in text
    text = _doctor(settings, monkeypatch, "https://127.0.0.1:9")
    assert "[WARN] fiscal host: Fiscal register override in production" in text
