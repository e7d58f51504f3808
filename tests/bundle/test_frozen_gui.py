"""The frozen till in a real X window (Xvfb), paid at the keyboard through xdotool.

Amount + Enter, then a click on the card form's backdrop, Tab into the bank's card number,
the test card, Enter -- only X events, as a cashier and a customer would. Reports the
start-up time (exec -> window mapped). Needs Xvfb, xdotool and ImageMagick
(``scripts/setup --dev``) and a built bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.bundle.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import xvfb_till

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")


def test_frozen_till_takes_a_payment_typed_at_the_keyboard(
        frozen: Path, untouched_bundle: Path, tmp_path: Path) -> None:
    if missing := xvfb_till.missing_tools():
        pytest.fail(f"missing {', '.join(missing)}: run scripts/setup --dev")
    shots = tmp_path / "shots"
    shots.mkdir()
    home = tmp_path / "home"
    with xvfb_till.xvfb() as display, \
            xvfb_till.till([str(frozen)], display, home, log=tmp_path / "till.log") as till:
        print(f"frozen till: exec -> window mapped in {till.startup:.2f} s")
        assert till.startup < 30
        try:
            row = xvfb_till.pay_by_keyboard(till, amount="1500", shots=shots)
        except xvfb_till.DriveError:
            print((tmp_path / "till.log").read_text(errors="replace")[-3000:])
            raise
    assert row["status"] == "paid", row
    assert row["amount"] == "1500.00" and row["method"] == "card"
    assert row["card_mask"] == "440563******5096"
    assert (home / "journal-training.sqlite3").is_file()  # no settings: training
