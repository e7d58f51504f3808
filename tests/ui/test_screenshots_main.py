"""The README's screenshots are rendered by a script that CI runs, so they never go stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.webengine


def _distinct_colours(path: Path) -> int:
    image = QImage(str(path))
    assert not image.isNull(), path
    seen = set()
    for y in range(0, image.height(), 23):
        for x in range(0, image.width(), 17):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_main_screens_render_in_three_languages(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.pop("POS_APP_HOME", None)
    done = subprocess.run(
        [sys.executable, "scripts/screenshots_main.py", "--languages", "ru,kk,en", "--out", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for screen in ("idle", "widget", "checking", "approved", "declined"):
        for language in ("ru", "kk", "en"):
            path = tmp_path / f"{screen}-{language}.png"
            assert path.is_file(), path
            assert _distinct_colours(path) > 8, f"{path} looks blank"
