"""The frozen till speaks the shop's language (issue 13 §2).

A bundle whose catalogues were judged stale by file times tried to compile them at run time,
had no compiler, and showed English to a Russian shop. Here the frozen till is started in a real
X window (Xvfb) with ``language`` set to ru, kk and en, and the window's title, which is also
the header line the cashier sees at the top of the window (no shop name is set), is read from
the X server: the translated text, as the window manager and the cashier get it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.store import settings as settings_store
from tests.bundle.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import xvfb_till

# Xvfb: the suite runs on Linux (scripts/run-tests, CI); no skip here.

# "ePay till" in each catalogue (resources/translations/pos_app_<lang>.ts)
TITLES = {"ru": "Касса ePay", "kk": "ePay кассасы", "en": "ePay till"}
FAILURES = ("could not be loaded", "cannot be compiled", "compiling", "Traceback")


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    if missing := xvfb_till.missing_tools():
        pytest.fail(f"missing {', '.join(missing)}: run scripts/setup --dev")
    with xvfb_till.xvfb() as name:
        yield name


def test_the_bundle_ships_compiled_catalogues_and_no_sources(frozen: Path) -> None:
    folder = frozen.parent / "_internal" / "resources" / "translations"
    assert sorted(p.name for p in folder.iterdir()) == [
        "pos_app_en.qm", "pos_app_kk.qm", "pos_app_ru.qm"]


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_frozen_till_shows_the_shops_language(
        frozen: Path, display: str, untouched_bundle: Path, tmp_path: Path,
        language: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    settings_store.save(home / "settings.json", settings_store.Settings(language=language))
    log = tmp_path / "till.log"
    with xvfb_till.till([str(frozen)], display, home, log=log) as till:
        title = xvfb_till.xdo(display, "getwindowname", till.window)
    output = log.read_text(errors="replace")
    app_log = (home / "logs" / "pos-app.log").read_text(errors="replace")
    print(f"{language}: window title {title!r}")
    assert title == TITLES[language], output[-2000:]
    for failure in FAILURES:
        assert failure not in output and failure not in app_log, (failure, app_log[-2000:])
    assert f"language set to {language}" in app_log
