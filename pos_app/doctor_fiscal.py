"""The fiscal part of ``pos-app doctor``: authorize, cashbox state, open shift, hours left.

Adds checks to a :class:`pos_app.doctor.Doctor` (which imports this module, so only its ``add``
is named here, as :class:`Checks`); never prints a password, API key or token.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Protocol

from pos_app.fiscal_runtime import FiscalSetupError, build_fiscal

if TYPE_CHECKING:
    from pos_app.store.settings import Settings

OK, WARN, FAIL = "OK", "WARN", "FAIL"
WARN_HOURS = 1.0


class Checks(Protocol):
    """The doctor's list of results."""

    def add(self, name: str, state: str, detail: str) -> None: ...


def check_fiscal(doctor: Checks, environment: str, settings: Settings) -> None:
    from pos_app.fiscal.errors import FiscalError

    if settings.fiscal_provider == "none":
        doctor.add("fiscal register", OK, "fiscal receipts are off (provider none)")
        return
    try:
        runtime = build_fiscal(settings, environment, os.environ)
    except FiscalSetupError as exc:
        doctor.add("fiscal register", FAIL, str(exc))
        return
    assert runtime is not None
    try:
        if runtime.banner:
            doctor.add("fiscal host", WARN, runtime.banner)
        started = time.monotonic()
        try:
            runtime.adapter.client.authorize()
        except FiscalError as exc:
            doctor.add("fiscal login", FAIL, f"{exc.message} [{exc.error_id}] "
                       f"({runtime.environment}, {runtime.base_url})")
            return
        doctor.add("fiscal login", OK, f"{settings.fiscal_provider} {runtime.environment} "
                   f"({runtime.base_url}) authorized in {time.monotonic() - started:.1f} s")
        try:
            status = runtime.adapter.status()
        except FiscalError as exc:
            doctor.add("fiscal cashbox", FAIL, f"{exc.message} [{exc.error_id}]")
            return
        state = OK if status.active and not status.offline else (WARN if status.active
                                                                  else FAIL)
        mode = "autonomous mode (OFD unreachable)" if status.offline else "online"
        doctor.add("fiscal cashbox", state, f"{status.cashbox}: {status.status_text}, {mode}")
        if not status.shift_open or status.hours_left is None:
            doctor.add("fiscal shift", OK, "no open shift (the next receipt opens one)")
        elif status.hours_left <= 0:
            doctor.add("fiscal shift", FAIL, f"shift {status.shift_number} is open "
                       f"{status.hours_open:.1f} h: over the 24-hour limit, close it (Z report)")
        else:
            doctor.add("fiscal shift", WARN if status.hours_left < WARN_HOURS else OK,
                       f"shift {status.shift_number} open {status.hours_open:.1f} h; "
                       f"{status.hours_left:.1f} h left before the 24-hour limit")
    finally:
        runtime.close()
