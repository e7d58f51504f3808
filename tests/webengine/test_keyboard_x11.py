"""The till as a cashier meets it: a real process in a real X window, typed at with xdotool
(issue 13). Once without and once with a window manager (openbox): focus behaves differently.

* Keys typed the moment the window is mapped all land in the amount field: ``1500`` + Enter
  asks ePay for a token of exactly 1500 and the card form is requested.
* Esc (and F5) typed while the bank's form is open reach the till's window, with the focus in
  the card field or where the till put it: Esc cancels the payment (the status API is asked,
  the journal says ``cancelled``). When the window was re-created under the form (issue 13),
  keys typed without a click first went nowhere.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from pos_app.store.settings import Settings, to_json
from pos_app.training import Emulator
from tests.support import xtill

# X11 (Xvfb, xdotool, openbox): the suite runs on Linux (scripts/run-tests, CI); no skip here.
pytestmark = pytest.mark.webengine
TIMEOUT = 60.0
EARLY_KEYS = [["type", "--delay", "60", "1500"], ["key", "Return"]]
PACES = {"fast": "60", "human": "250"}  # ms between keys: the xdotool, a cashier
# POS_APP_X11_REPEAT=20 runs the start-up typing test 20 times in a row (issue 13's acceptance).
REPEAT = range(int(os.environ.get("POS_APP_X11_REPEAT", "1")))


@pytest.fixture(params=[False, True], ids=["no-wm", "openbox"])
def display(request: pytest.FixtureRequest) -> object:
    if missing := xtill.missing_tools():
        pytest.fail(f"missing {', '.join(missing)}: run scripts/setup --dev")
    with xtill.screen(wm=request.param) as name:
        yield name


def _log_tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


def _wait_for_payform(display: str, emulator: Emulator, till: subprocess.Popen[bytes],
                      tmp_path: Path) -> None:
    """Until the emulator sees the card form requested; else say what the till had got: the
    tokens, the journal, which window has the keyboard focus, a screenshot and the log."""
    try:
        xtill.wait(lambda: emulator.calls("payform") >= 1, TIMEOUT, "payform request", till)
    except xtill.DriveError as exc:
        shot = tmp_path / "no-payform.png"
        xtill.xvfb_till.save_screenshot(display, shot)
        print(_log_tail(tmp_path / "till.log"))
        focus = xtill.xvfb_till.xdo(display, "getwindowfocus", "getwindowname", check=False)
        raise AssertionError(
            f"{exc}; tokens issued: {xtill.token_amounts(emulator)}, journal: "
            f"{xtill.journal_statuses(tmp_path / 'home')}, focus: {focus!r} (screenshot {shot})"
        ) from None


@pytest.mark.parametrize("run", REPEAT)
@pytest.mark.parametrize("pace", PACES)
def test_keys_typed_as_the_window_appears_all_reach_the_amount(
        display: str, emulator: Emulator, tmp_path: Path, pace: str, run: int) -> None:
    home, log = tmp_path / "home", tmp_path / "till.log"
    env = xtill.env_for(display, home, emulator)
    keys = [["type", "--delay", PACES[pace], "1500"], ["key", "Return"]]
    with xtill.process(xtill.python_till(), env, log) as till:
        window, _ = xtill.type_when_mapped(display, till, keys)
        _wait_for_payform(display, emulator, till, tmp_path)
        # The window typed into is still the till's window: Qt did not destroy and re-create
        # it (what lost the keys and the focus when the web view joined it after the show).
        xtill.wait(lambda: xtill.find_backdrop(display), TIMEOUT, "the card form on screen",
                   till, step=0.2)
        assert xtill.visible_window(display, till) == window
    assert xtill.token_amounts(emulator) == ["1500"]


@pytest.mark.parametrize("pace", PACES)
def test_f2_typed_as_the_window_appears_makes_the_qr_link_of_that_amount(
        display: str, emulator: Emulator, tmp_path: Path, pace: str) -> None:
    """F2 (pay by QR on the customer's phone) pressed before the services are there is kept
    like an Enter and carried out once they are: one invoice link, of exactly 1500."""
    home, log = tmp_path / "home", tmp_path / "till.log"
    keys = [["type", "--delay", PACES[pace], "1500"], ["key", "F2"]]

    def links() -> list[object]:
        return [link["amount"] for link in emulator.state()["invoice_links"]]  # type: ignore[index]

    with xtill.process(xtill.python_till(), xtill.env_for(display, home, emulator), log) as till:
        xtill.type_when_mapped(display, till, keys)
        try:
            xtill.wait(lambda: bool(links()), TIMEOUT, "an invoice link", till)
        except xtill.DriveError:
            print(_log_tail(log))
            raise
        xtill.wait(lambda: _methods(home) == ["qr"], TIMEOUT, "the QR attempt in the journal",
                   till)
    assert links() == [1500]
    assert emulator.performed("payment_token") == 0  # no card payment was started


def _methods(home: Path) -> list[str]:
    path = home / "journal-test.sqlite3"
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [str(row[0]) for row in conn.execute("SELECT method FROM payments")]


def test_the_customer_display_does_not_take_the_keys(emulator: Emulator, tmp_path: Path) -> None:
    """The customer display appears while the cashier types; with a window manager a new
    window normally gets the focus. It must not: the keys stay in the till's amount field."""
    if missing := xtill.missing_tools():
        pytest.fail(f"missing {', '.join(missing)}: run scripts/setup --dev")
    home, log = tmp_path / "home", tmp_path / "till.log"
    home.mkdir()
    settings = Settings(environment="test", customer_display=True)
    (home / "settings.json").write_text(json.dumps(to_json(settings)), encoding="utf-8")
    keys = [["type", "--delay", PACES["human"], "1500"], ["key", "Return"]]
    with xtill.screen(wm=True) as display, \
            xtill.process(xtill.python_till(), xtill.env_for(display, home, emulator), log) as till:
        xtill.type_when_mapped(display, till, keys)
        _wait_for_payform(display, emulator, till, tmp_path)
        assert xtill.visible_window(display, till, "Customer display")  # it did appear
    assert xtill.token_amounts(emulator) == ["1500"]


def _open_card_form(display: str, emulator: Emulator, till: object, tmp_path: Path,
                    into_card_field: bool) -> None:
    """1500 + Enter; with ``into_card_field``, then the focus into the bank's card-number field:
    a click on the form's backdrop and Tab, as a customer would, and a few digits typed there.
    Without, the focus stays where the till put it when the form appeared."""
    xtill.type_when_mapped(display, till, EARLY_KEYS)  # type: ignore[arg-type]
    xtill.wait(lambda: emulator.calls("payform") >= 1, TIMEOUT, "payform request", till)  # type: ignore[arg-type]
    point: list[tuple[int, int]] = []

    def backdrop() -> bool:
        found = xtill.find_backdrop(display)
        if found:
            point.append(found)
        return found is not None

    try:
        xtill.wait(backdrop, TIMEOUT, "the card form on screen", step=0.2)
    except xtill.DriveError:
        xtill.xvfb_till.save_screenshot(display, tmp_path / "no-form.png")
        raise
    if not into_card_field:
        return
    x, y = point[0]
    xtill.xdo(display, "mousemove", str(x), str(y), "click", "1")
    xtill.xdo(display, "key", "Tab")
    xtill.xdo(display, "type", "--delay", "30", "4405")
    xtill.xvfb_till.save_screenshot(display, tmp_path / "card-field.png")


@pytest.mark.parametrize("focus", ["card-field", "as-shown"])
def test_escape_in_the_banks_form_cancels_the_payment(
        display: str, emulator: Emulator, tmp_path: Path, focus: str) -> None:
    home, log = tmp_path / "home", tmp_path / "till.log"
    env = xtill.env_for(display, home, emulator)
    with xtill.process(xtill.python_till(), env, log) as till:
        _open_card_form(display, emulator, till, tmp_path, focus == "card-field")
        assert xtill.journal_statuses(home) == ["widget_open"]
        probes = emulator.calls("token")  # payment token + connection probes so far
        xtill.xdo(display, "key", "F5")  # "check the connection now": a service-token probe
        xtill.wait(lambda: emulator.calls("token") > probes, TIMEOUT, "F5 probe", till)
        assert emulator.calls("status") == 0
        xtill.xdo(display, "key", "Escape")
        try:
            xtill.wait(lambda: xtill.journal_statuses(home) == ["cancelled"], TIMEOUT,
                       "the payment cancelled", till, step=0.1)
        except xtill.DriveError:
            print(_log_tail(log))
            raise AssertionError(f"Esc in the card form did not cancel: journal "
                                 f"{xtill.journal_statuses(home)}") from None
    assert emulator.calls("status") >= 1  # the bank was asked before the attempt was closed
