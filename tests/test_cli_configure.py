"""`pos-app configure` (a contract): the secret from stdin to the keyring only; bad flags → 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.fake_keyring import BACKEND, FILE_ENV

ROOT = Path(__file__).resolve().parents[1]
TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"
SECRET = "Zq8!known-secret-for-configure"


def run(home: Path, keyring_file: Path | None, *args: str, stdin: str = SECRET + "\n"
        ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POS_APP_EPAY")}
    env["POS_APP_HOME"] = str(home)
    if keyring_file is not None:
        env["PYTHON_KEYRING_BACKEND"] = BACKEND
        env[FILE_ENV] = str(keyring_file)
    else:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run([sys.executable, "-m", "pos_app", "configure", *args], cwd=ROOT,
                          env=env, input=stdin, capture_output=True, text=True, timeout=60)


def good_args(env: str = "prod", client: str = "SHOP-1", terminal: str = TERMINAL) -> list[str]:
    return ["--env", env, "--client-id", client, "--terminal", terminal, "--secret-stdin"]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def keyring_file(tmp_path: Path) -> Path:
    return tmp_path / "keyring.json"  # outside POS_APP_HOME on purpose


def test_good_flags_store_secret_in_keyring_only(home: Path, keyring_file: Path) -> None:
    proc = run(home, keyring_file, *good_args())
    assert proc.returncode == 0, proc.stderr
    assert SECRET not in proc.stdout + proc.stderr
    assert json.loads(keyring_file.read_text()) == {"pos-app/ePay/prod\nSHOP-1": SECRET}
    settings = json.loads((home / "settings.json").read_text())
    assert settings["environment"] == "prod"
    assert settings["client_id"] == "SHOP-1" and settings["terminal_id"] == TERMINAL
    for path in home.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


BAD = [
    (["--env", "live", "--client-id", "A", "--terminal", TERMINAL, "--secret-stdin"], "--env"),
    (["--env", "training", "--client-id", "A", "--terminal", TERMINAL, "--secret-stdin"], "--env"),
    (["--client-id", "A", "--terminal", TERMINAL, "--secret-stdin"], "--env"),
    (good_args(client=""), "--client-id"),
    (good_args(client="bad id"), "--client-id"),
    (good_args(client="x" * 101), "--client-id"),
    (good_args(terminal="not-a-uuid"), "--terminal"),
    (good_args(terminal=""), "--terminal"),
    (["--env", "prod", "--client-id", "A", "--secret-stdin"], "--terminal"),
    (["--env", "prod", "--client-id", "A", "--terminal", TERMINAL], "--secret-stdin"),
    ([*good_args(), "--shop-id", "nope"], "--shop-id"),
    ([*good_args(), "--bogus"], "--bogus"),
]


@pytest.mark.parametrize(("args", "flag"), BAD)
def test_bad_flag_exits_2_with_message_and_keeps_previous(
        home: Path, keyring_file: Path, args: list[str], flag: str) -> None:
    assert run(home, keyring_file, *good_args(env="test", client="OLD")).returncode == 0
    before_settings = (home / "settings.json").read_bytes()
    before_keyring = keyring_file.read_bytes()
    proc = run(home, keyring_file, *args, stdin="other-secret\n")
    assert proc.returncode == 2, proc.stderr
    assert flag in proc.stderr
    assert "other-secret" not in proc.stderr + proc.stdout
    assert (home / "settings.json").read_bytes() == before_settings
    assert keyring_file.read_bytes() == before_keyring


@pytest.mark.parametrize("stdin", ["", "\n", "  padded  \n", "two\nlines\n", "x" * 500])
def test_bad_secret_on_stdin_exits_2(home: Path, keyring_file: Path, stdin: str) -> None:
    proc = run(home, keyring_file, *good_args(), stdin=stdin)
    assert proc.returncode == 2
    assert "secret" in proc.stderr
    assert not (home / "settings.json").exists()
    assert not keyring_file.exists()


def test_no_keyring_refuses_and_stores_nothing(home: Path) -> None:
    proc = run(home, None, *good_args())
    assert proc.returncode == 3
    assert "keyring" in proc.stderr and "nothing was changed" in proc.stderr
    assert not (home / "settings.json").exists()
    assert SECRET not in proc.stderr


def test_existing_settings_that_do_not_fit_prod_are_reported(
        home: Path, keyring_file: Path) -> None:
    home.mkdir(parents=True)
    (home / "settings.json").write_text(json.dumps({"back_link": "http://127.0.0.1/ok"}))
    before = (home / "settings.json").read_bytes()
    proc = run(home, keyring_file, *good_args())
    assert proc.returncode == 2
    assert "back_link" in proc.stderr
    assert (home / "settings.json").read_bytes() == before
    assert not keyring_file.exists() or "SHOP-1" not in keyring_file.read_text()


ADMIN_PIN = "482615"


@pytest.fixture
def pinned(home: Path, keyring_file: Path) -> bytes:
    """A till in test with an admin PIN; returns its settings as they were."""
    from pos_app.store.pin import PinStore

    assert run(home, keyring_file, *good_args(env="test", client="OLD")).returncode == 0
    PinStore(home / "admin-pin.json").set_pin(ADMIN_PIN)
    return (home / "settings.json").read_bytes()


def _unchanged(home: Path, keyring_file: Path, settings: bytes) -> None:
    assert (home / "settings.json").read_bytes() == settings
    assert "SHOP-1" not in keyring_file.read_text()


def test_with_a_pin_set_configure_needs_it(home: Path, keyring_file: Path, pinned: bytes) -> None:
    """The review's reproduction: the merchant and terminal were replaced without asking."""
    proc = run(home, keyring_file, *good_args())
    assert proc.returncode == 4, proc.stderr
    assert "--pin-stdin" in proc.stderr and "nothing was changed" in proc.stderr
    _unchanged(home, keyring_file, pinned)


def test_a_wrong_pin_is_refused_and_counted(home: Path, keyring_file: Path,
                                            pinned: bytes) -> None:
    for _ in range(3):
        proc = run(home, keyring_file, *good_args(), "--pin-stdin",
                   stdin=f"111111\n{SECRET}\n")
        assert proc.returncode == 4 and "wrong admin PIN" in proc.stderr
    assert json.loads((home / "admin-pin.json").read_text())["failures"] == 3
    locked = run(home, keyring_file, *good_args(), "--pin-stdin", stdin=f"222222\n{SECRET}\n")
    assert locked.returncode == 4 and "Wait 5 s" in locked.stderr
    right_but_locked = run(home, keyring_file, *good_args(), "--pin-stdin",
                           stdin=f"{ADMIN_PIN}\n{SECRET}\n")
    assert right_but_locked.returncode == 4 and "try again in" in right_but_locked.stderr
    _unchanged(home, keyring_file, pinned)
    assert ADMIN_PIN not in proc.stderr + locked.stderr + right_but_locked.stderr


def test_the_right_pin_lets_configure_store(home: Path, keyring_file: Path,
                                            pinned: bytes) -> None:
    proc = run(home, keyring_file, *good_args(), "--pin-stdin", stdin=f"{ADMIN_PIN}\n{SECRET}\n")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(keyring_file.read_text())["pos-app/ePay/prod\nSHOP-1"] == SECRET
    assert json.loads((home / "settings.json").read_text())["client_id"] == "SHOP-1"


def test_an_old_short_pin_still_works_from_the_command_line_with_a_warning(
        home: Path, keyring_file: Path, pinned: bytes) -> None:
    from tests.support.pins import legacy_pin_file

    legacy_pin_file(home / "admin-pin.json", "2580")
    proc = run(home, keyring_file, *good_args(), "--pin-stdin", stdin=f"2580\n{SECRET}\n")
    assert proc.returncode == 0, proc.stderr
    assert "fewer than 6 digits" in proc.stderr


def test_pin_stdin_without_a_pin_set_is_refused(home: Path, keyring_file: Path) -> None:
    proc = run(home, keyring_file, *good_args(), "--pin-stdin", stdin=f"{ADMIN_PIN}\n{SECRET}\n")
    assert proc.returncode == 2 and "no admin PIN" in proc.stderr
    assert not (home / "settings.json").exists() and not keyring_file.exists()


def test_head_office_configure_needs_the_pin_too(home: Path, keyring_file: Path,
                                                pinned: bytes) -> None:
    """Issue 14 B.3 for the head-office settings: a new --hq-url would ship the journal
    elsewhere, so it is an administrator's change like the ePay credentials."""
    hq = ("--hq-url", "postgresql://pos@127.0.0.1:5432/chain", "--shop-id", "S1",
          "--till-id", "T1")
    refused = run(home, keyring_file, *hq, stdin="")
    assert refused.returncode == 4 and "--pin-stdin" in refused.stderr
    assert not list(home.glob("hq*.json"))
    wrong = run(home, keyring_file, *hq, "--pin-stdin", stdin="111111\n")
    assert wrong.returncode == 4 and "wrong admin PIN" in wrong.stderr
    assert not list(home.glob("hq*.json"))
    done = run(home, keyring_file, *hq, "--pin-stdin", stdin=f"{ADMIN_PIN}\n")
    assert done.returncode == 0, done.stderr
    assert list(home.glob("hq*.json"))
