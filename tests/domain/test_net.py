"""The one loopback check behind "plain http:// only to this computer" (settings, fiscal, hq)."""

from __future__ import annotations

import pytest

from pos_app.domain.net import is_loopback_host


@pytest.mark.parametrize(("host", "local"), [
    ("localhost", True), ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True),
    ("10.0.0.1", False), ("192.168.1.5", False), ("epay.homebank.kz", False),
    ("localhost.evil.kz", False), ("", False), ("0.0.0.0", False),
])
def test_only_this_computer_is_loopback(host: str, local: bool) -> None:
    assert is_loopback_host(host) is local
