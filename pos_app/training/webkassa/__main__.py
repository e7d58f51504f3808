"""``python -m pos_app.training.webkassa [--port N]``: one JSON line of URLs, then serve."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from pos_app.training.webkassa.server import WebkassaEmulator


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pos_app.training.webkassa",
                                     description="Local Webkassa v4 emulator (training mode)")
    parser.add_argument("--port", type=int, default=0, help="API port (0: any)")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to bind")
    args = parser.parse_args(argv)
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    try:
        emulator = WebkassaEmulator(args.port, args.host).start()
    except ValueError as exc:
        parser.error(str(exc))
    print(json.dumps(emulator.urls), flush=True)
    try:
        done.wait()
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
