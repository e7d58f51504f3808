"""Fixtures for the fault tests: an emulator per test, unwritable files (see tests/store)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pos_app.training import Emulator
from tests.store.conftest import make_unwritable

__all__ = ["emulator_per_test", "make_unwritable"]


@pytest.fixture
def emulator_per_test() -> Iterator[Emulator]:
    with Emulator() as emu:
        yield emu
