"""Which catalogue the till loads: never compiled at run time when shipped, fresh by content.

Issue 13 §2: a bundle's ``.ts`` were copied after its ``.qm``; the catalogue looked stale by
file time, the frozen app tried to compile it, had no compiler and spoke English.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from pos_app.resources import resource
from pos_app.ui.common import i18n

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import build_resources

SOURCES = resource("translations")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A translations folder as a checkout has it (sources, catalogues, hash records)."""
    out = tmp_path / "translations"
    out.mkdir()
    shutil.copy(SOURCES / "pos_app_ru.ts", out)
    build_resources.compile_catalogues(out, out, record=True)
    monkeypatch.setattr(i18n, "translations_dir", lambda: out)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    return out


def _no_compiler(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"compiled at run time: {args}")

    monkeypatch.setattr(i18n, "_lrelease", lambda: None)
    monkeypatch.setattr("subprocess.run", refuse)


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 3_600_000_000_000))


def test_a_source_copied_after_its_catalogue_is_not_stale(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _touch_later(folder / "pos_app_ru.ts")  # what a copy or a git checkout may do
    _no_compiler(monkeypatch)
    assert i18n.qm_path("ru") == folder / "pos_app_ru.qm"


def test_a_frozen_app_never_compiles_even_beside_a_changed_source(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ts = folder / "pos_app_ru.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace("Касса ePay", "Касса X"),
                  encoding="utf-8")
    _no_compiler(monkeypatch)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert i18n.qm_path("ru") == folder / "pos_app_ru.qm"


def test_an_installed_app_loads_the_catalogue_without_sources(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "pos_app_ru.ts").unlink()
    (folder / "pos_app_ru.qm.source").unlink()
    _no_compiler(monkeypatch)
    assert i18n.qm_path("ru") == folder / "pos_app_ru.qm"
    assert i18n.qm_path("kk") is None  # not there: no catalogue, and nothing compiled


def test_an_edited_source_in_a_checkout_is_compiled_into_the_cache(
        qapp: object, folder: Path) -> None:
    ts = folder / "pos_app_ru.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace("Касса ePay", "Касса X"),
                  encoding="utf-8")
    os.utime(ts, ns=(0, 0))  # older than the catalogue: file times must not decide
    path = i18n.qm_path("ru")
    assert path is not None and path != folder / "pos_app_ru.qm"
    translator = QTranslator()
    assert translator.load(str(path))
    assert translator.translate("MainWindow", "ePay till") == "Касса X"
    assert i18n.qm_path("ru") == path  # compiled once, then reused
