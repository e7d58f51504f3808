"""PySide6's per-import check replaced by a cheap one with the same answers
(pos_app/ui/common/qt_imports.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pos_app.ui  # noqa: F401 - installs the replacement
from pos_app.ui.common import qt_imports


def _module(name: str, file: object) -> ModuleType:
    module = ModuleType(name)
    if file is not None:
        module.__file__ = file  # type: ignore[assignment]
    return module


def test_installed_in_place_of_pysides_check() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert qt_imports.installed is True
    assert feature._mod_uses_pyside is qt_imports.uses_pyside
    assert qt_imports.pyside_check is not None
    assert qt_imports.pyside_check is not qt_imports.uses_pyside
    assert qt_imports.install() is True  # a second call keeps PySide6's original
    assert qt_imports.pyside_check is not qt_imports.uses_pyside


def test_answers_from_the_source_file(tmp_path: Path) -> None:
    uses = tmp_path / "uses.py"
    uses.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("import json\n# PySide2, pyside6 (lower case), Qt\n", encoding="utf-8")
    compiled = tmp_path / "uses.pyc"
    compiled.write_bytes(b"PySide6")
    assert qt_imports.uses_pyside(_module("uses", str(uses))) is True
    assert qt_imports.uses_pyside(_module("plain", str(plain))) is False
    assert qt_imports.uses_pyside(_module("compiled", str(compiled))) is False  # no source
    assert qt_imports.uses_pyside(_module("gone", str(tmp_path / "gone.py"))) is False
    assert qt_imports.uses_pyside(_module("nofile", None)) is False
    assert qt_imports.uses_pyside(_module("odd", 42)) is False
    assert qt_imports.uses_pyside(sys) is False


def test_same_answer_as_pyside_for_every_module_of_a_till() -> None:
    # the modules a till loads, ours and httpx's
    import pos_app.runtime
    import pos_app.ui.app
    import pos_app.ui.startup  # noqa: F401

    original = qt_imports.pyside_check
    assert original is not None
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    differ = [m.__name__ for m in modules if qt_imports.uses_pyside(m) != original(m)]
    assert differ == []
    using = {m.__name__ for m in modules if qt_imports.uses_pyside(m)}
    assert {"pos_app.ui.startup", "pos_app.ui.app"} <= using
    assert "pos_app.runtime" not in using and "httpx" not in using
