"""Fixtures for the dialog tests."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.support.fake_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring installed for the test; the previous backend comes back after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
