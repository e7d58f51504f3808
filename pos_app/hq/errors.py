"""What can stop a sync, in two kinds: try again later, or stop until someone acts.

* :class:`Unavailable` – the server cannot be reached or went away (connection refused, a
  restart, a timeout, a failover). The sync retries with back-off; nothing is lost because the
  till only forgets nothing: unsent events stay unsent.
* :class:`Rejected` – the server answered and refused (schema too old, a constraint, another
  journal under this till id, wrong password). Retrying cannot help: the sync stops with this
  message in the log and in ``pos-app doctor``. No event is ever dropped.
* :class:`HqConfigError` – the till's own head-office settings are unusable.

Messages never contain the password: the URL never holds one (see :mod:`.config`).
"""

from __future__ import annotations


class HqError(Exception):
    """Base of head-office errors; ``str()`` is a sentence for an administrator."""


class HqConfigError(HqError):
    """The head-office settings are missing or invalid."""


class Unavailable(HqError):
    """The central database cannot be reached right now; try again later."""


class Rejected(HqError):
    """The central database refused the data; the sync stops until someone acts."""
