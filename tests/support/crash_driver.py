"""A till process without a window, for crash tests: starts one card payment and confirms it.

Run as ``python -m tests.support.crash_driver AMOUNT`` with ``POS_APP_HOME`` and the
``POS_APP_EPAY_*`` variables pointing at an emulator. Prints ``invoice <id>`` once the form
would be open, then polls the status API until killed or settled.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from decimal import Decimal

from pos_app.runtime import build_runtime


def main() -> int:
    runtime = build_runtime("test")
    runtime.checkout.options = replace(runtime.checkout.options, poll_interval=0.1, poll_deadline=600)
    payment = runtime.checkout.begin(Decimal(sys.argv[1]))
    runtime.checkout.request_token(payment.invoice_id)
    runtime.checkout.form_opened(payment.invoice_id)
    print(f"invoice {payment.invoice_id}", flush=True)
    settled = runtime.checkout.confirm(payment.invoice_id, hint=True)
    print(f"settled {settled.status}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
