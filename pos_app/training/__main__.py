"""``python -m pos_app.training [--port N] [--form-port M] [--host 127.0.0.1]``.

Prints one JSON line with the URLs first, then serves until SIGINT/SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading

from pos_app.training.server import Emulator, check_loopback


def main(argv: list[str] | None = None) -> int:
    """Run the emulator in the foreground."""
    parser = argparse.ArgumentParser(prog="python -m pos_app.training",
                                     description="Local Halyk ePay emulator (training mode)")
    parser.add_argument("--port", type=int, default=0, help="API/OAuth port (0: any)")
    parser.add_argument("--form-port", type=int, default=0, help="payform port (0: any)")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to bind")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    args = parser.parse_args(argv)
    try:
        check_loopback(args.host)
    except ValueError as exc:
        parser.error(str(exc))
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        stream=sys.stderr)
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    emulator = Emulator(api_port=args.port, form_port=args.form_port, host=args.host).start()
    print(json.dumps(emulator.urls), flush=True)
    try:
        done.wait()
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
