"""`pos-app` as a shop runs it, its secret in the keyring: the window comes and takes the amount
while the keyring has not answered yet (it is read on the services' thread, pos_app.preflight);
the payment goes on once it answers. A real process on Xvfb, typed at with xdotool."""

from __future__ import annotations

import json
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


def test_the_window_takes_the_amount_before_the_keyring_answers(
        emulator: Emulator, tmp_path: Path) -> None:
    if missing := xtill.missing_tools():
        pytest.fail(f"missing {', '.join(missing)}: run scripts/setup --dev")
    home, log = tmp_path / "home", tmp_path / "till.log"
    home.mkdir()
    save(home / "settings.json", Settings(environment="test", client_id="gated",
                                          terminal_id=TERMINAL, language="en"))
    store = tmp_path / "keyring.json"  # outside the home; closed until "keyring.json.open"
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
