"""The head-office lines of ``pos-app doctor``: settings, sync lag and last error, the server."""

from __future__ import annotations

from pos_app.hq import config as hq_config
from pos_app.hq import local
from pos_app.hq.errors import HqError
from pos_app.hq.status import state
from pos_app.store import paths
from pos_app.store.errors import StorageError

Line = tuple[str, str, str]  # name, OK | WARN | FAIL, detail


def checks() -> list[Line]:
    """Nothing when head office is not configured (most single shops)."""
    try:
        cfg = hq_config.effective(hq_config.load(hq_config.path(paths.data_dir())))
    except HqError as exc:
        return [("head office", "FAIL", str(exc))]
    if not cfg.configured:
        return []
    errors = cfg.validate()
    if errors:
        return [("head office", "FAIL", "; ".join(f"{k}: {v}" for k, v in errors.items()))]
    lines: list[Line] = [("head office", "OK", f"till {cfg.till_id} of shop {cfg.shop_id} ships "
                          f"the {cfg.environment} journal")]
    try:
        journal = local.open_journal(cfg.environment)
    except StorageError as exc:
        return [*lines, ("head-office sync", "FAIL", f"the journal cannot be read: {exc}")]
    try:
        name_state_detail = state(local.lag(journal)).doctor_line()
    finally:
        journal.close()
    lines.append(("head-office sync", *name_state_detail))
    lines.append(("head-office server", *_server(cfg)))
    return lines


def _server(cfg: hq_config.HqConfig) -> tuple[str, str]:
    from pos_app.hq.secret import load_password
    from pos_app.hq.server import connect

    try:
        conn = connect(cfg, load_password(cfg))
    except HqError as exc:
        return "WARN", str(exc)
    try:
        row = conn.execute("SELECT last_seq, last_sync_at FROM hq.tills WHERE till_id = %s",
                           (cfg.till_id,)).fetchone()
    finally:
        conn.close()
    if row is None or row[1] is None:
        return "OK", "reachable; this till has not synced yet"
    return "OK", (f"reachable; holds this till's events up to {row[0]} "
                  f"(last sync {row[1]:%Y-%m-%d %H:%M %Z})")
