#!/usr/bin/env python3
"""How long one admin PIN check takes here, for each scrypt cost (run it on the slowest shop PC).

    .venv/bin/python scripts/bench_pin.py [--runs 5]

Prints the median and minimum seconds of ``hashlib.scrypt`` with r = 8, p = 1 for N = 2**14 …
2**17, and marks the cost :mod:`pos_app.store.pin` uses. Pick the largest N whose median on
the slowest PC stays at or below 0.5 s.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import time

from pos_app.store import pin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{'N':>8} {'memory':>8} {'median':>8} {'min':>8}")
    for log_n in range(14, 18):
        n = 2**log_n
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            hashlib.scrypt(b"482913", salt=os.urandom(pin.SALT_BYTES), n=n, r=pin.SCRYPT_R,
                           p=pin.SCRYPT_P, dklen=pin.HASH_BYTES, maxmem=2 * 128 * pin.SCRYPT_R * n)
            times.append(time.perf_counter() - started)
        mark = "  <- pos_app.store.pin" if n == pin.SCRYPT_N else ""
        print(f"{'2**' + str(log_n):>8} {128 * pin.SCRYPT_R * n // 2**20:>5} MiB "
              f"{statistics.median(times):>7.3f}s {min(times):>7.3f}s{mark}")


if __name__ == "__main__":
    main()
