"""`pos-app doctor`: a readable report; exit 0 only when everything is fine."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app import doctor

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.webengine
def test_doctor_training_runs_a_real_offscreen_payment(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_EPAY")}
    env["POS_APP_HOME"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "pos_app", "doctor", "--training"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=240)
    out = proc.stdout
    assert proc.returncode == 0, out + proc.stderr
    for line in ("data folder", "keyring", "host", "service token", "web engine",
                 "training payment", "All checks passed."):
        assert line in out
    assert "[FAIL]" not in out
    assert not list(tmp_path.glob("journal*.sqlite3"))  # the probe used its own home


def test_unreachable_bank_fails_with_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    monkeypatch.setenv("POS_APP_EPAY_OAUTH_URL", "http://127.0.0.1:9/oauth2/token")
    monkeypatch.setenv("POS_APP_EPAY_API_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("POS_APP_EPAY_WIDGET_URL", "http://127.0.0.1:9/payform/payment-api.js")
    monkeypatch.setattr(doctor, "web_probe", lambda _args: (doctor.OK, "skipped in this test"))
    out = io.StringIO()
    assert doctor.main(training=False, environment="test", out=out) == 1
    text = out.getvalue()
    assert "[FAIL] OAuth/API/widget host: 127.0.0.1:9 unreachable over TCP" in text
    assert "[FAIL] service token" in text
    assert "Not ready" in text


def test_doctor_shows_what_waits_for_the_administrator(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14 A.4/A.5: a bank reply that did not match, and an unconfirmed refund."""
    from decimal import Decimal

    from pos_app.domain.payment import PaymentStatus
    from pos_app.store.journal_files import open_journal
    from pos_app.store.refunds import RefundLog
    from pos_app.store.settings import Settings

    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    settings = Settings(environment="prod")
    check = doctor.Doctor(io.StringIO(), training=False, environment="prod")
    check.journal("prod", settings)
    assert check.checks[-1].state == doctor.OK
    with open_journal("prod", configured="prod") as journal:
        odd = journal.create_attempt(Decimal("50000"))
        journal.transition(odd.invoice_id, PaymentStatus.UNKNOWN,
                           problem="bank reply does not match: terminalID")
        paid = journal.create_attempt(Decimal("700"))
        journal.transition(paid.invoice_id, PaymentStatus.PAID, transaction_id="t-1")
        RefundLog(journal).begin(paid.invoice_id, "refund", Decimal("100"), "returned")
    check.journal("prod", settings)
    last = check.checks[-1]
    assert last.state == doctor.WARN
    assert f"invoice {odd.invoice_id}: bank reply does not match: terminalID" in last.detail
    assert f"invoice {paid.invoice_id}: refund not confirmed" in last.detail
    check.journal("training", settings)  # another environment's journal knows nothing of it
    assert check.checks[-1].state == doctor.OK

@pytest.mark.webengine
def test_web_probe_ignores_modules_planted_in_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``PySide6.py`` (or ``pos_app/``) in the folder the doctor is started from never runs."""
    planted = tmp_path / "shop-folder"
    planted.mkdir()
    marker = tmp_path / "planted-code-ran"
    code = f"open({str(marker)!r}, 'w').write('ran')\nraise SystemExit('planted')\n"
    (planted / "PySide6.py").write_text(code, encoding="utf-8")
    (planted / "pos_app").mkdir()
    (planted / "pos_app" / "__init__.py").write_text(code, encoding="utf-8")
    monkeypatch.chdir(planted)
    monkeypatch.delenv("PYTHONPATH", raising=False)
    state, detail = doctor.web_probe(["render", "--base-url", "https://pos.invalid/checkout/"])
    assert not marker.exists()
    assert (state, detail[:33]) == (doctor.OK, "checkout page rendered and its br")
