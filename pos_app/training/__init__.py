"""Training mode: a faithful local emulator of Halyk ePay's test environment.

Stdlib plus ``lzstring`` only; independent of ``pos_app.epay``. Start it with
``Emulator().start()`` or ``python -m pos_app.training``.
"""

from __future__ import annotations

from pos_app.training.models import BankError
from pos_app.training.server import TEST_MERCHANT, Emulator

__all__ = ["TEST_MERCHANT", "BankError", "Emulator"]
