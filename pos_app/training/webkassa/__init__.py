"""Training mode for fiscal receipts: a local emulator of the Webkassa API v4 (stdlib only).

``WebkassaEmulator().start()`` or ``python -m pos_app.training.webkassa``; training
credentials are in :mod:`.register` (``TRAINING_LOGIN`` …).
"""

from __future__ import annotations

from pos_app.training.webkassa.register import (
    TRAINING_API_KEY,
    TRAINING_CASHBOX,
    TRAINING_LOGIN,
    TRAINING_PASSWORD,
)
from pos_app.training.webkassa.server import WebkassaEmulator

__all__ = ["TRAINING_API_KEY", "TRAINING_CASHBOX", "TRAINING_LOGIN", "TRAINING_PASSWORD",
           "WebkassaEmulator"]
