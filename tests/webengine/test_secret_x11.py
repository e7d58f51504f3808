"""`pos-app` as a shop runs it, its secret in the keyring: the window comes and takes the amount
while the keyring has not answered yet (it is read on the services' thread, pos_app.preflight);
the payment goes on once it answers. A real process on Xvfb, typed at with xdotool."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pos_app.store.credentials import service_name
from pos_app.store.settings import Settings, save
from pos_app.training import Emulator
from tests.support import xtill
from tests.support.fake_keyring import FILE_ENV, GATED_BACKEND

pytestmark = pytest.mark.webengine
TIMEOUT = 60.0
TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"
SECRET = "s3cr3t-gated-" + "q" * 10


def _shop(tmp_path: Path, settings: Settings) -> tuple[Path, Path, Path]:
    """The home (``settings`` saved in it), the log file and the gated keyring file (outside the
    home; it answers once ``keyring.json.open`` exists)."""
    if missing := xtill.missing_tools():
        pytest.fail(f"missing {', '.join(missing)}: run scripts/setup --dev")
    home = tmp_path / "home"
    home.mkdir()
    save(home / "settings.json", settings)
    return home, tmp_path / "till.log", tmp_path / "keyring.json"


def test_the_window_takes_the_amount_before_the_keyring_answers(
        emulator: Emulator, tmp_path: Path) -> None:
    home, log, store = _shop(tmp_path, Settings(environment="test", client_id="gated",
                                                terminal_id=TERMINAL, language="en"))
    store.write_text(json.dumps({f"{service_name('test')}\ngated": SECRET}), encoding="utf-8")
    emulator.add_merchant("gated", SECRET, TERMINAL)  # the emulator refuses any other secret
    with xtill.screen(wm=False) as display:
        env = xtill.env_for(display, home, emulator)
        env.update(PYTHON_KEYRING_BACKEND=GATED_BACKEND, **{FILE_ENV: str(store)})
        with xtill.process(xtill.python_till(), env, log) as till:
            xtill.type_when_mapped(display, till, [["type", "--delay", "60", "1500"],
                                                   ["key", "Return"]])
            # Typed and Enter pressed; the keyring has not answered: no token asked for yet.
            assert emulator.performed("payment_token") == 0, log.read_text(errors="replace")
            (tmp_path / "keyring.json.open").touch()
            xtill.wait(lambda: emulator.calls("payform") >= 1, TIMEOUT, "payform request", till)
    assert xtill.token_amounts(emulator) == ["1500"]


def test_a_missing_secret_is_shown_to_the_cashier_and_the_till_exits_2(tmp_path: Path) -> None:
    """The window comes, then a message box with the sentence; Enter closes both, exit 2, and
    the same sentence on stderr. Before, the till wrote a traceback (no keyring) or one line on
    stderr (no secret) that a cashier starting it from the desktop never saw."""
    home, log, store = _shop(tmp_path, Settings(environment="prod", client_id="nosecret",
                                                 terminal_id=TERMINAL, language="ru"))
    (tmp_path / "keyring.json.open").touch()  # an empty keyring that answers at once
    with xtill.screen(wm=True) as display:
        env = xtill.xvfb_till.app_env(display, home)
        env.pop("QT_QUICK_BACKEND", None)
        env.update(PYTHON_KEYRING_BACKEND=GATED_BACKEND, **{FILE_ENV: str(store)})
        command = [sys.executable, "-m", "pos_app", "--env", "prod"]
        with xtill.process(command, env, log) as till:
            def two_windows() -> bool:
                found = xtill.xvfb_till.xdo(display, "search", "--onlyvisible", "--pid",
                                            str(till.pid), "--name", "ePay", check=False)
                return len(found.split()) >= 2

            xtill.wait(two_windows, TIMEOUT, "the message box over the window", till)
            xtill.xvfb_till.save_screenshot(display, tmp_path / "missing-secret.png")
            xtill.xdo(display, "key", "Return")
            assert till.wait(TIMEOUT) == 2
    said = "Секрета клиента нет в системном хранилище ключей."
    assert f"pos-app: {said}" in log.read_text(encoding="utf-8")
