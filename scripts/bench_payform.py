"""Black-box payform figures for scripts/benchmark.py: what the cashier waits for (issue 13, 5).

Each launch execs a program on Xvfb (the till, or the floor: scripts/bench_floor.py) against an
in-process emulator; the moment its window is mapped, xdotool focuses it and types ``1500`` and
Enter, and the clock stops when the emulator receives the request for the card form (the
payform). Then, ``warm`` times: Esc, the amount again, and Enter → payform once more.

    exec ──► window mapped ──► "1500" typed, Enter ──► GET /payform/  (launch → first payform)
                               Enter (warm, later payments) ──► GET /payform/
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pos_app.training import Emulator  # noqa: E402
from tests.support import xtill  # noqa: E402

AMOUNT_KEYS = [["type", "--delay", "60", "1500"], ["key", "Return"]]
SETTLE = 0.5  # s after Esc (and, for the till, after the journal shows the payment cancelled)
OPEN = {"new", "token_issued", "widget_open", "checking"}


@dataclass
class Launch:
    window: float  # exec → window mapped
    payform: float  # exec → the emulator sees the card form requested
    warm: list[float] = field(default_factory=list)  # Enter → payform, later payments


class PayformClock:
    """Stamps every payform request the emulator receives (time.monotonic())."""

    def __init__(self, emulator: Emulator) -> None:
        self.stamps: list[float] = []
        count_call = emulator.count_call

        def counting(endpoint: str):  # type: ignore[no-untyped-def]
            if endpoint == "payform":
                self.stamps.append(time.monotonic())
            return count_call(endpoint)

        emulator.count_call = counting  # type: ignore[method-assign]

    def wait_next(self, seen: int, proc: object, timeout: float = 60) -> float:
        xtill.wait(lambda: len(self.stamps) > seen, timeout, "payform request", proc)  # type: ignore[arg-type]
        return self.stamps[seen]


def till_command() -> list[str]:
    return xtill.python_till()


def floor_command(emulator: Emulator) -> list[str]:
    return [sys.executable, str(HERE / "bench_floor.py"), emulator.urls["widget_url"]]


def shop_keyring() -> None:
    """For ``shop`` runs: the test merchant's secret in the system keyring (a real Secret
    Service: run under ``scripts/run-tests``' D-Bus session, or any unlocked desktop keyring)."""
    from pos_app.epay.config import TEST_MERCHANT
    from pos_app.store.credentials import keyring_status, store_secret

    status = keyring_status()
    if not status.usable:
        raise SystemExit(f"bench_payform --shop needs a system keyring: {status.reason}")
    store_secret("test", TEST_MERCHANT.client_id, TEST_MERCHANT.client_secret)


def configure_shop(home: Path) -> None:
    """The till in ``home`` set up as a shop's is: the merchant in the settings, its secret in
    the system keyring, read at every start (``--env test`` without settings uses the
    published merchant and never opens the keyring)."""
    from pos_app.epay.config import TEST_MERCHANT
    from pos_app.store.settings import Settings, save

    save(home / "settings.json", Settings(
        environment="test", client_id=TEST_MERCHANT.client_id,
        terminal_id=TEST_MERCHANT.terminal_id, shop_id=TEST_MERCHANT.shop_id))


def launch(command: list[str], display: str, emulator: Emulator, clock: PayformClock,
           warm: int, shop: bool = False) -> Launch:
    with tempfile.TemporaryDirectory(prefix="pos-bench-payform-") as tmp:
        home = Path(tmp)
        if shop:
            configure_shop(home)
        env = xtill.env_for(display, home, emulator)
        seen = len(clock.stamps)
        started = time.monotonic()
        with xtill.process(command, env, home / "out.log") as proc:
            _, mapped = xtill.type_when_mapped(display, proc, AMOUNT_KEYS)
            result = Launch(mapped - started, clock.wait_next(seen, proc) - started)
            for _ in range(warm):
                xtill.xdo(display, "key", "Escape")
                # the till asks the bank before it shows the result and takes the next amount
                xtill.wait(lambda: not OPEN & set(xtill.journal_statuses(home)), 60,
                           "the payment cancelled", proc, step=0.05)
                time.sleep(SETTLE)
                xtill.xdo(display, "type", "--delay", "60", "1500")
                seen = len(clock.stamps)
                pressed = time.monotonic()
                xtill.xdo(display, "key", "Return")
                result.warm.append(clock.wait_next(seen, proc) - pressed)
        return result


def compile_bytecode() -> None:
    """The till as installed: pip writes the bytecode of a wheel at install time and the
    bundle carries it; a checkout writes it at its first start, unless PYTHONDONTWRITEBYTECODE
    is set (as on some CI machines). Without it every launch compiled the whole app (about
    100 ms) and the floor, one small file, compiled nothing."""
    import compileall

    compileall.compile_dir(str(HERE.parent / "pos_app"), quiet=1)


def measure(runs: int, warm: int, log: object = print,
            latency: float = 0.0, shop: bool = False) -> dict[str, list[Launch]]:
    """``runs`` launches of the till and of the floor, interleaved, on one Xvfb. ``latency``
    (seconds) delays every answer to the payment token and to the widget script, as a bank
    across the internet would; the floor asks for no token. ``shop``: the till set up as in
    a shop, its secret in the system keyring (:func:`configure_shop`)."""
    out: dict[str, list[Launch]] = {"till": [], "floor": []}
    compile_bytecode()
    if shop:
        shop_keyring()
    with Emulator() as emulator, xtill.screen(wm=False) as display:
        clock = PayformClock(emulator)
        for kind in ("floor", "till"):  # a cold round, not counted (files into the page cache)
            launch(floor_command(emulator) if kind == "floor" else till_command(), display,
                   emulator, clock, 0, shop and kind == "till")
        for i in range(runs):
            for kind in ("floor", "till"):
                emulator.reset()
                if latency:
                    for endpoint in ("token", "script"):
                        emulator.add_fault(endpoint, "slow", count=-1, delay=latency)
                command = floor_command(emulator) if kind == "floor" else till_command()
                got = launch(command, display, emulator, clock, warm, shop and kind == "till")
                out[kind].append(got)
                log(f"payform run {i + 1}/{runs} {kind}: window {got.window:.3f}s, launch → "  # type: ignore[operator]
                    f"payform {got.payform:.3f}s, warm Enter → payform "
                    f"{', '.join(f'{x:.3f}' for x in got.warm)}s")
    return out


def main() -> int:
    """``python scripts/bench_payform.py [-n 5] [--warm 3]``: these figures alone."""
    import argparse
    import statistics

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("-n", type=int, default=5)
    ap.add_argument("--warm", type=int, default=3)
    ap.add_argument("--latency", type=float, default=0.0,
                    help="seconds added to the token's and the widget script's answers")
    ap.add_argument("--shop", action="store_true",
                    help="the till set up as a shop's: merchant in the settings, secret in the "
                         "system keyring (needs a Secret Service, e.g. under scripts/run-tests)")
    args = ap.parse_args()
    got = measure(args.n, args.warm, lambda text: print(text, file=sys.stderr, flush=True),
                  args.latency, args.shop)
    med = statistics.median
    for name, pick in (("launch -> first payform", lambda r: [r.payform]),
                       ("warm Enter -> payform", lambda r: r.warm),
                       ("exec -> window mapped", lambda r: [r.window])):
        till = [x for r in got["till"] for x in pick(r)]
        floor = [x for r in got["floor"] for x in pick(r)]
        if not till or not floor:
            continue
        print(f"{name}: pos-app {med(till):.3f} s (min {min(till):.3f}), floor {med(floor):.3f} s "
              f"(min {min(floor):.3f}), ratio {med(till) / med(floor):.2f}x "
              f"(of the minima {min(till) / min(floor):.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
