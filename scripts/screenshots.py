"""Render the settings dialog and the first-run wizard offscreen into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from pos_app.resources import resource  # noqa: E402
from pos_app.store.pin import PinStore  # noqa: E402
from pos_app.store.settings import Settings  # noqa: E402
from pos_app.ui.admin.first_run import FirstRunWizard  # noqa: E402
from pos_app.ui.admin.settings_dialog import SettingsDialog  # noqa: E402
from pos_app.ui.app import ensure_app  # noqa: E402
from pos_app.ui.common.tasks import Tasks  # noqa: E402
from tests.support.fake_keyring import MemoryKeyring  # noqa: E402


def main() -> None:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_app()
    app.setStyleSheet(resource("style.qss").read_text(encoding="utf-8"))
    keyring.set_keyring(MemoryKeyring())  # the picture must not depend on this machine
    tmp = Path(tempfile.mkdtemp())
    settings = Settings(environment="prod", terminal_id="67e34d63-102f-4bd1-898e-370781d0074d",
                        client_id="CORNERSHOP", shop_id="04f25a4b-d2bd-4dd8-b3a7-9390be4774c4")
    dialog = SettingsDialog(settings, tmp / "settings.json")
    dialog.fields["terminal_id"].setText("67e34d63-102f")  # type: ignore[attr-defined]
    dialog.save()  # shows the messages next to the fields
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "settings.png"))
    tasks = Tasks()
    wizard = FirstRunWizard(tmp / "settings.json", PinStore(tmp / "pin.json"), tasks)
    wizard.env_page.buttons["prod"].setChecked(True)
    wizard.show()
    wizard.next()
    page = wizard.credentials_page
    page.client_id.setText("CORNERSHOP")
    page.terminal_id.setText("67e34d63-102f-4bd1-898e-370781d0074d")
    page.secret.setText("not-a-real-secret")
    page.result.setText(page.tr("Connected: the bank accepted these credentials."))
    app.processEvents()
    wizard.grab().save(str(out / "first-run.png"))
    tasks.shutdown()
    print(out / "settings.png", out / "first-run.png")


if __name__ == "__main__":
    main()
