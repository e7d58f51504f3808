"""The Windows version resource of the bundle comes from ``pos_app.__version__`` (no bundle needed)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from pos_app import __version__
from tests.bundle.conftest import ROOT

sys.path.insert(0, str(ROOT / "packaging"))
import version_info


def test_version_file_carries_the_app_version_and_parses(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert version_info.app_version() == __version__
    path = version_info.write(tmp_path / "version_info.txt")
    text = path.read_text(encoding="utf-8")
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert f"filevers={version_info.version_tuple(__version__)}" in text
    # PyInstaller's reader imports Windows-only helpers at module level; it needs none here.
    if sys.platform != "win32":
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
        import PyInstaller.compat

        monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32 import versioninfo

    parsed = versioninfo.load_version_info_from_text_file(str(path))
    assert parsed.ffi.fileVersionMS >> 16 == version_info.version_tuple(__version__)[0]
    assert len(parsed.toRaw()) > 100


def test_version_tuple_pads_to_four_numbers() -> None:
    assert version_info.version_tuple("1.2") == (1, 2, 0, 0)
    assert version_info.version_tuple("0.1.0rc1") == (0, 1, 0, 1)
