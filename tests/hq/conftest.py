"""A real PostgreSQL for the head-office tests: one server per session, one database per test.

In-process tests get an in-memory keyring: the head office asks the keyring for a password,
and whatever backend earlier tests left installed must not decide the result.
"""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.support.fake_keyring import MemoryKeyring
from tests.support.pg_fixtures import hq_url, pg_server

__all__ = ["hq_url", "pg_server"]


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
