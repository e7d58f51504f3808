"""The frozen one-folder bundle (``dist/pos-app/``, issue 7) does what the till does.

Skipped without a bundle (``scripts/build-bundle``; ``POS_APP_BUNDLE`` may point elsewhere).
Every run uses a fresh ``POS_APP_HOME`` (or a fresh per-user data folder) and checks that
nothing was written next to the executable.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys
import uuid
from pathlib import Path

import pytest

from tests.bundle.conftest import run_frozen

COLUMNS = ["invoice_id", "created_at", "amount", "currency", "method", "status", "reference",
           "approval_code", "card_mask", "transaction_id", "refunded_amount", "description"]
REAL_KEYRING = bool(os.environ.get("POS_APP_REAL_KEYRING")
                    and os.environ.get("DBUS_SESSION_BUS_ADDRESS"))


def test_frozen_doctor_takes_a_training_payment_in_the_bundled_web_engine(
        frozen: Path, frozen_env: dict[str, str], untouched_bundle: Path) -> None:
    done = run_frozen(frozen, "doctor", "--training", env=frozen_env)
    print(done.stdout)  # the CI log shows the frozen doctor's report
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert any(line.startswith("[  OK] web engine: checkout page rendered") for line in lines)
    assert any(line.startswith("[  OK] training payment:") and "confirmed" in line
               for line in lines), done.stdout
    assert f"[  OK] data folder: {frozen_env['POS_APP_HOME']} is writable" in lines
    assert "All checks passed." in done.stdout
    if REAL_KEYRING:  # keyring found its backend through the bundled entry-point metadata
        assert "keyring.backends.SecretService.Keyring" in done.stdout, done.stdout


def test_frozen_journal_csv_prints_the_contract_header(
        frozen: Path, frozen_env: dict[str, str], untouched_bundle: Path) -> None:
    done = run_frozen(frozen, "journal", "--csv", env=frozen_env, timeout=60)
    assert done.returncode == 0, done.stderr
    header = next(csv.reader(io.StringIO(done.stdout)))
    assert header[: len(COLUMNS)] == COLUMNS
    home = Path(frozen_env["POS_APP_HOME"])
    assert (home / "journal-training.sqlite3").is_file()  # no settings: training
    assert (home / "logs" / "pos-app.log").is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG layout (Linux)")
def test_without_pos_app_home_state_goes_to_the_per_user_data_folder(
        frozen: Path, frozen_env: dict[str, str], untouched_bundle: Path,
        tmp_path: Path) -> None:
    env = dict(frozen_env)
    del env["POS_APP_HOME"]
    env["HOME"] = str(tmp_path / "user")
    env["XDG_DATA_HOME"] = str(tmp_path / "user" / ".local" / "share")
    done = run_frozen(frozen, "journal", "--csv", env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    data = Path(env["XDG_DATA_HOME"]) / "pos-app"  # platformdirs.user_data_dir("pos-app")
    assert (data / "journal-training.sqlite3").is_file()  # no settings: training
    assert (data / "logs" / "pos-app.log").is_file()
    done = run_frozen(frozen, "--version", env=env, timeout=60)
    assert done.stdout.startswith("pos-app ")


def test_started_from_the_bundle_folder_it_still_writes_nothing_there(
        frozen: Path, frozen_env: dict[str, str], untouched_bundle: Path) -> None:
    """A desktop shortcut's "start in" folder may be the bundle itself."""
    import subprocess

    env = dict(frozen_env)
    del env["POS_APP_HOME"]
    env["HOME"] = str(Path(frozen_env["POS_APP_HOME"]).parent / "user2")
    env["XDG_DATA_HOME"] = str(Path(env["HOME"]) / "share")
    done = subprocess.run([str(frozen), "journal", "--csv"], env=env, cwd=frozen.parent,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert (Path(env["XDG_DATA_HOME"]) / "pos-app" / "journal-training.sqlite3").is_file()


def test_the_bundle_holds_resources_web_engine_and_keyring_metadata(frozen: Path) -> None:
    internal = frozen.parent / "_internal"
    for name in ("resources/checkout.html", "resources/style.qss", "resources/icons/pos-app.png",
                 "resources/icons/card.svg", "resources/icons/png/card-48.png",
                 "resources/icons/png/card-96.png", "pos_app/training/static/payment-api.js",
                 "pos_app/training/static/lz-string.min.js"):
        assert (internal / name).is_file(), name
    qt = internal / "PySide6" / "Qt"
    assert os.access(qt / "libexec" / "QtWebEngineProcess", os.X_OK)
    for name in ("resources/qtwebengine_resources.pak", "resources/icudtl.dat",
                 "translations/qtwebengine_locales/en-US.pak",
                 "translations/qtwebengine_locales/ru.pak"):
        assert (qt / name).is_file(), name
    if sys.platform.startswith("linux"):  # SVG icons beside their PNGs (resources/icons)
        assert (qt / "plugins" / "iconengines" / "libqsvgicon.so").is_file()
        assert (qt / "plugins" / "imageformats" / "libqsvg.so").is_file()
        assert (qt / "plugins" / "printsupport" / "libcupsprintersupport.so").is_file()
        assert (qt / "plugins" / "platforms" / "libqxcb.so").is_file()
    entry_points = next(internal.glob("keyring-*.dist-info")) / "entry_points.txt"
    text = entry_points.read_text()
    for backend in ("SecretService", "Windows", "macOS", "kwallet"):
        assert f"keyring.backends.{backend}" in text


def test_unused_qt_modules_and_dev_tools_are_left_out(frozen: Path) -> None:
    internal = frozen.parent / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unused in ("QtQml.abi3.so", "QtQuick.abi3.so", "QtMultimedia.abi3.so", "QtPdf.abi3.so",
                   "libQt6Pdf.so.6", "libQt63DCore.so.6", "libQt6Multimedia.so.6",
                   "libQt6Charts.so.6", "libgtk-3.so.0", "qtwebengine_devtools_resources.pak",
                   "pytest", "_pytest", "hypothesis", "numpy", "tkinter"):
        assert unused not in names, unused
    assert not (internal / "PySide6" / "Qt" / "qml").exists()
    locales = {p.stem for p in (internal / "PySide6/Qt/translations/qtwebengine_locales").iterdir()}
    assert locales <= {"en-US", "ru", "kk"}


def test_every_keyring_backend_is_frozen_in(frozen: Path) -> None:
    from PyInstaller.archive import readers  # the `bundle` extra: scripts/build-bundle
    archive = readers.CArchiveReader(str(frozen))
    pyz_name = next(name for name in archive.toc if name.endswith("PYZ.pyz"))
    modules = set(archive.open_embedded_archive(pyz_name).toc)
    for module in ("keyring.backends.SecretService", "keyring.backends.Windows",
                   "keyring.backends.macOS", "keyring.backends.kwallet",
                   "keyring.backends.chainer", "secretstorage", "jeepney",
                   "pos_app.ui.doctor_web", "pos_app.training.__main__"):
        assert module in modules, module


def test_frozen_app_runs_only_its_own_modules_with_dash_m(
        frozen: Path, frozen_env: dict[str, str]) -> None:
    refused = run_frozen(frozen, "-m", "os", env=frozen_env, timeout=60)
    assert refused.returncode == 2 and "only this application's modules" in refused.stderr


@pytest.mark.skipif(not REAL_KEYRING, reason="needs a real Secret Service (scripts/run-tests)")
def test_frozen_configure_stores_the_secret_in_the_os_keyring(
        frozen: Path, frozen_env: dict[str, str], untouched_bundle: Path) -> None:
    import keyring

    client, secret = f"bundle-{uuid.uuid4().hex[:8]}", f"s-{uuid.uuid4().hex}"
    done = run_frozen(frozen, "configure", "--env", "test", "--client-id", client,
                      "--terminal", str(uuid.uuid4()), "--secret-stdin", env=frozen_env,
                      stdin=secret + "\n", timeout=60)
    try:
        assert done.returncode == 0, done.stdout + done.stderr
        assert keyring.get_password("pos-app/ePay/test", client) == secret
        settings = (Path(frozen_env["POS_APP_HOME"]) / "settings.json").read_text()
        assert secret not in settings
    finally:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password("pos-app/ePay/test", client)
