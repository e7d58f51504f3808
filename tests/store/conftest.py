"""Fixtures for the store tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def make_unwritable() -> Iterator[object]:
    """Make a file or folder unwritable, even for root (``chattr +i``); undone afterwards."""
    done: list[tuple[Path, int, bool]] = []

    def _apply(path: Path) -> None:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        immutable = False
        if os.geteuid() == 0:
            result = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
            if result.returncode != 0:
                path.chmod(mode)
                pytest.skip("running as root and chattr +i is not available")
            immutable = True
        done.append((path, mode, immutable))

    yield _apply
    for path, mode, immutable in reversed(done):
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        path.chmod(mode)
