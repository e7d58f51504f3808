"""Logging to a rotating file under the data directory, with a last-line-of-defence redactor."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

# Card numbers (13-19 digits, maybe spaced) and bearer tokens, if anything ever slips through.
_PAN = re.compile(r"\b(?:\d[ -]?){13,19}\b")
_BEARER = re.compile(r"(?i)(bearer\s+|access_token[\"'=:\s]+|client_secret[\"'=:\s]+)[^\s\"'&,]+")


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _BEARER.sub(r"\1[redacted]", _PAN.sub("[card number]", message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(log_dir: Path, *, debug: bool = False) -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_dir / "pos-app.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
