"""Logging to a rotating file under the data directory, with a last-line-of-defence redactor."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

# Card numbers (13-19 digits, maybe spaced) and bearer tokens, if anything ever slips through.
_PAN = re.compile(r"\b(?:\d[ -]?){13,19}\b")
_BEARER = re.compile(r"(?i)(bearer\s+|access_token[\"'=:\s]+|client_secret[\"'=:\s]+)[^\s\"'&,]+")

MAX_BYTES = 2_000_000
BACKUPS = 5


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _BEARER.sub(r"\1[redacted]", _PAN.sub("[card number]", message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class RotatingFile(logging.FileHandler):
    """``pos-app.log`` → ``pos-app.log.1`` … ``.N`` once it passes ``max_bytes``.

    What ``logging.handlers.RotatingFileHandler`` does for us, without that module's imports
    (socket, pickle, queue: about 10 ms of the till's start-up).
    """

    def __init__(self, path: Path, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._roll_over()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
        self.stream = None  # reopened by FileHandler.emit
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if self.backups > 0:
            os.replace(base, f"{base}.1")
        else:
            os.truncate(base, 0)


def setup_logging(log_dir: Path, *, debug: bool = False) -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = RotatingFile(log_dir / "pos-app.log")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
