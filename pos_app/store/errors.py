"""Storage errors caused by the environment (disk, permissions, locks), not by bugs.

Following qutebrowser's ``misc/sql.py``: a full disk, a read-only file, a database locked by
another program or a damaged file become :class:`StorageError` with a stable ``code`` and a
sentence a cashier can read. Programming errors (bad SQL, constraint violations, misuse)
are *not* translated and propagate as the original ``sqlite3`` exception.
"""

from __future__ import annotations

import errno

MESSAGES: dict[str, str] = {
    "disk_full": "The disk is full, so the payment journal cannot be saved. "
    "Free some disk space and try again.",
    "read_only": "The payment journal cannot be written (the file or its folder is read-only). "
    "Ask your administrator to check the permissions.",
    "busy": "The payment journal is in use by another program. Wait a moment and try again.",
    "corrupt": "The payment journal file is damaged. Do not take card payments; contact support.",
    "io_error": "The computer could not read or write the payment journal (disk error).",
    "cant_open": "The payment journal cannot be opened. "
    "Check that its folder exists and can be written.",
    "too_new": "The payment journal was written by a newer version of this app. Update the app.",
    "no_memory": "The computer is out of memory. Close other programs and try again.",
    "settings": "The settings file cannot be saved. Check the disk and the folder permissions.",
    "wrong_environment": "This payment journal belongs to another ePay environment "
    "(training, test or real money). Contact support.",
}


class StorageError(Exception):
    """The journal or a settings file cannot be used because of the environment.

    ``code`` is one of the keys of :data:`MESSAGES`; ``str(exc)`` is the cashier-safe sentence;
    ``detail`` is the technical reason for the log (an SQLite or OS message, never data).
    """

    def __init__(self, code: str, detail: str = "", message: str | None = None) -> None:
        self.code = code
        self.detail = detail
        super().__init__(message or MESSAGES.get(code, MESSAGES["io_error"]))


_ERRNO_CODES: dict[int, str] = {
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
}


def from_os_error(exc: OSError) -> StorageError:
    """The :class:`StorageError` for a failed file-system call (no file names in it)."""
    kind = _ERRNO_CODES.get(exc.errno or 0, "io_error")
    return StorageError(kind, f"{type(exc).__name__}: errno {exc.errno}")
