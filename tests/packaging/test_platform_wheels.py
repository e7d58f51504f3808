"""Wheels exist for the shop PCs (Windows x64, macOS arm64/x86_64) for everything the till
and its bundle need (issue 13 §4): ``pip download --only-binary=:all: --platform …`` through
``packaging/check_wheels.py``.

Needs PyPI: ~35 wheels per platform, ~250 MB (Qt) each, downloaded into temporary folders in
parallel and deleted; 25-60 s here depending on the machine's load.
"""

from __future__ import annotations

import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import check_wheels

pytestmark = pytest.mark.pypi

NEEDED = {"pyside6-essentials", "pyside6-addons", "shiboken6", "httpx", "keyring", "qrcode",
          "platformdirs", "lzstring", "future", "pyinstaller"}
ONLY_ON = {"win_amd64": {"pywin32-ctypes", "pefile"},
           "macosx_13_0_arm64": {"macholib"}, "macosx_13_0_x86_64": {"macholib"}}


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _names(requirements: list[str]) -> set[str]:
    return {_canonical(check_wheels.Requirement(r).name) for r in requirements}


def test_the_markers_are_evaluated_for_the_target_not_for_this_machine() -> None:
    windows = _names(check_wheels.target_requirements("win_amd64"))
    mac = _names(check_wheels.target_requirements("macosx_13_0_arm64"))
    assert {"pywin32-ctypes", "pefile"} <= windows and "macholib" not in windows
    assert "macholib" in mac and "pywin32-ctypes" not in mac
    assert "secretstorage" not in windows | mac  # keyring's Linux backend


@pytest.fixture(scope="module")
def chosen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    wheelhouse = tmp_path_factory.mktemp("wheelhouse")
    check_wheels.universal_wheels(wheelhouse)
    with ThreadPoolExecutor(len(check_wheels.TARGETS)) as pool:
        found = pool.map(lambda p: check_wheels.resolve(p, wheelhouse), check_wheels.TARGETS)
        return dict(zip(check_wheels.TARGETS, found, strict=True))


@pytest.mark.parametrize("platform", list(check_wheels.TARGETS))
def test_every_requirement_has_a_wheel_for(
        chosen: dict[str, list[dict[str, str]]], platform: str) -> None:
    wheels = chosen[platform]
    names = {_canonical(w["name"]) for w in wheels}
    assert NEEDED | ONLY_ON[platform] <= names, NEEDED | ONLY_ON[platform] - names
    arch = "win_amd64" if platform.startswith("win") else ("arm64", "x86_64", "universal2")
    for wheel in wheels:
        file = wheel["file"]
        assert file.endswith(".whl"), file
        tag = file[:-4].rsplit("-", 1)[-1]
        assert tag == "any" or tag.endswith(arch), file
    pyside = next(w for w in wheels if _canonical(w["name"]) == "pyside6-essentials")
    assert pyside["version"] == "6.11.3"
