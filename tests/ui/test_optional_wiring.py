"""A till loads the head-office sync and the fiscal receipts' UI only when they are set up
(``pos_app.ui.app.wire_till``): a shop without them does not pay for them on the way to its
first payment, and a shop with them gets them at start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pos_app.hq.config import HqConfig, save

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import json, sys
from PySide6.QtCore import QObject
from pos_app.runtime import build_runtime
from pos_app.store.settings import Settings
from pos_app.ui.app import build_till

settings = Settings(**json.loads(sys.argv[1]))
till = build_till(build_runtime("training", settings=settings), reconcile=False, lazy_web=True)
runners = [c for c in till.window.findChildren(QObject)
           if type(c).__name__ == "HqSyncRunner"]
print(json.dumps({
    "sync_loaded": "pos_app.ui.headoffice.sync" in sys.modules,
    "fiscal_loaded": "pos_app.ui.fiscal.wiring" in sys.modules,
    "runners": len(runners),
    "fiscal_ui": "fiscal_ui" in till.runtime.extras,
}))
till.close()
till.runtime.close()
"""


def _start(home: Path, settings: dict[str, object]) -> dict[str, object]:
    env = {**os.environ, "POS_APP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("POS_APP_HQ_URL", None)
    done = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(settings)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_till_without_head_office_or_fiscal_receipts_loads_neither(tmp_path: Path) -> None:
    assert _start(tmp_path, {}) == {"sync_loaded": False, "fiscal_loaded": False,
                                    "runners": 0, "fiscal_ui": False}


def test_a_till_with_both_starts_both(tmp_path: Path) -> None:
    # loopback port 9 (discard): the sync's first round fails quietly in the background
    save(tmp_path / "hq.json", HqConfig(url="postgresql://till@127.0.0.1:9/hq", shop_id="S1",
                                        till_id="T1", environment="training"))
    assert _start(tmp_path, {"fiscal_provider": "webkassa"}) == {
        "sync_loaded": True, "fiscal_loaded": True, "runners": 1, "fiscal_ui": True}


def test_head_office_for_another_environment_is_not_started(tmp_path: Path) -> None:
    save(tmp_path / "hq.json", HqConfig(url="postgresql://till@127.0.0.1:9/hq", shop_id="S1",
                                        till_id="T1", environment="prod"))
    assert _start(tmp_path, {})["runners"] == 0
