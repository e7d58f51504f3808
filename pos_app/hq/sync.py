"""Ship a journal to the head office until caught up (``pos-app sync --once`` and the GUI).

:func:`sync_once` reads the server's ``last_seq`` first and sends from there, so a till whose
local acknowledgement is behind (killed after a commit) sends nothing twice, and one whose
server lost data (a restored backup, a failover) sends the missing events again. After each
committed batch the journal remembers the acknowledged number, which ``pos-app doctor`` and the
main window use for the lag while the server cannot be asked.

Batches are :data:`BATCH_SIZE` events, by measurement (``scripts/hq_load.py --sweep``, 10 tills
at once, 8,100 events each): 50 → 6,100 events/s, 200 → 7,200, 500 → 8,000, 2,000 → 6,200. At
500 a batch cycle took 0.5 s (median) under that load, and a till a week behind (~15,000
events) catches up in 30 round trips.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos_app.hq import local
from pos_app.hq.config import HqConfig
from pos_app.hq.errors import HqError, Rejected, Unavailable
from pos_app.store.journal import Journal

if TYPE_CHECKING:
    from pos_app.hq.server import Stream

BATCH_SIZE = 500
log = logging.getLogger("pos_app.hq")


@dataclass(frozen=True, slots=True)
class SyncResult:
    sent: int  # events this run committed at the server
    last_seq: int  # the server's last sequence number afterwards
    pending: int  # local events still not at the server (0 when caught up)


class Syncer:
    """Keeps one connection between rounds (the GUI); :meth:`close` drops it."""

    def __init__(self, journal: Journal, config: HqConfig, password: str | None, *,
                 batch_size: int = BATCH_SIZE,
                 hook: Callable[[str], None] | None = None) -> None:
        self.journal = journal
        self.config = config
        self.password = password
        self.batch_size = batch_size
        self.hook = hook
        self._stream: Stream | None = None

    def _open(self) -> Stream:
        from pos_app.hq.server import Stream, connect  # psycopg: only once HQ is in use

        if self._stream is None:
            conn = connect(self.config, self.password)
            self._stream = Stream(conn, self.config, local.stream_id(self.journal), self.hook)
        return self._stream

    def run(self) -> SyncResult:
        """Send everything unsent. Raises Unavailable (retry later) or Rejected (stop)."""
        try:
            result = self._run()
        except HqError as exc:
            self.close()
            local.record_error(self.journal, str(exc), stopped=isinstance(exc, Rejected))
            level = logging.ERROR if isinstance(exc, Rejected) else logging.WARNING
            log.log(level, "head-office sync: %s", exc)
            raise
        return result

    def _run(self) -> SyncResult:
        stream = self._open()
        server = stream.register()
        newest = local.last_seq(self.journal)
        if server > newest:
            raise Rejected(
                f"the head office holds events up to {server} for till {self.config.till_id!r} "
                f"but this journal ends at {newest}: was the journal replaced? Nothing is sent.")
        if server != local.last_ack(self.journal):
            local.acknowledge(self.journal, server)
        sent = 0
        while True:
            batch = local.unsent(self.journal, server, self.batch_size)
            if not batch:
                break
            before = server
            server = stream.push(server, batch)
            if server == batch[-1].seq:
                sent += len(batch)
            local.acknowledge(self.journal, server)
            if self.hook is not None:
                self.hook("after_ack")
            if server < before:
                raise Unavailable("the head office went back in time; retrying")
        if stream.ships_z_reports:
            z_server = stream.last_z()
            z_server = stream.push_z(z_server, local.unsent_z(self.journal, z_server))
        if sent:
            log.info("head-office sync: %d events sent, server at %d", sent, server)
        return SyncResult(sent, server, local.last_seq(self.journal) - server)

    def close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.close()


def sync_once(journal: Journal, config: HqConfig, password: str | None,
              **options: object) -> SyncResult:
    """One :class:`Syncer` run with a fresh connection, closed afterwards."""
    syncer = Syncer(journal, config, password, **options)  # type: ignore[arg-type]
    try:
        return syncer.run()
    finally:
        syncer.close()
