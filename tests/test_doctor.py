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
    assert not (tmp_path / "journal.sqlite3").exists()  # the probe used its own home


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
