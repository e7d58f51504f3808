"""The frozen bundle under test: ``$POS_APP_BUNDLE`` or ``dist/pos-app/pos-app``.

``scripts/run-tests`` (the README's test command, and CI) builds it first when the sources
changed (``scripts/build-bundle --if-stale``). Without a bundle these tests fail and say so.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def bundle_executable() -> Path | None:
    configured = os.environ.get("POS_APP_BUNDLE", "").strip()
    path = Path(configured) if configured else ROOT / "dist" / "pos-app" / "pos-app"
    if path.is_dir():
        path = path / "pos-app"
    return path if path.is_file() and os.access(path, os.X_OK) else None


@pytest.fixture(scope="session")
def frozen() -> Path:
    exe = bundle_executable()
    if exe is None:
        pytest.fail("no bundle: run scripts/run-tests or scripts/build-bundle "
                    "(or set POS_APP_BUNDLE)")
    return exe


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder of the bundle with its size and modification time."""
    out = {}
    for path in folder.rglob("*"):
        st = path.lstat()
        out[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture
def untouched_bundle(frozen: Path) -> Iterator[Path]:
    """Fails the test if anything next to the executable was created or changed by it."""
    folder = frozen.parent
    before = snapshot(folder)
    yield folder
    after = snapshot(folder)
    added = sorted(set(after) - set(before))
    changed = sorted(k for k in set(after) & set(before) if after[k] != before[k])
    removed = sorted(set(before) - set(after))
    assert not (added or changed or removed), (
        f"the frozen app wrote into its bundle: added {added[:10]}, changed {changed[:10]}, "
        f"removed {removed[:10]}")


def run_frozen(exe: Path, *args: str, env: dict[str, str], timeout: float = 180,
               stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True,
                          timeout=timeout, input=stdin, check=False)


@pytest.fixture
def frozen_env(tmp_path: Path) -> dict[str, str]:
    """Offscreen Qt, no Chromium sandbox as root, all state in a fresh POS_APP_HOME."""
    env = dict(os.environ)
    env["POS_APP_HOME"] = str(tmp_path / "home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    if os.geteuid() == 0:
        flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    for name in ("POS_APP_EPAY_OAUTH_URL", "POS_APP_EPAY_API_URL", "POS_APP_EPAY_WIDGET_URL",
                 "PYTHONPATH", "PYTHONHOME"):
        env.pop(name, None)
    return env
