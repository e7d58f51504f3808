"""The words that tell a non-production payment apart: TRAINING or TEST (issue 14, A.3).

Every result screen, receipt, history row and report of training or ePay's test environment
carries them, so a practice payment can never be taken for money. Production has none.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Environment"
TRAINING = QT_TRANSLATE_NOOP("Environment", "TRAINING")
TEST = QT_TRANSLATE_NOOP("Environment", "TEST")
_SOURCES = {"training": TRAINING, "test": TEST, "test-new": TEST}


def mark_source(environment: str) -> str:
    """The untranslated mark of ``environment`` ("" for production)."""
    return str(_SOURCES.get(environment, ""))


def environment_mark(environment: str) -> str:
    """TRAINING or TEST in the cashier's language; "" for production."""
    source = mark_source(environment)
    return QCoreApplication.translate(CONTEXT, source) if source else ""
