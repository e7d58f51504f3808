"""``python -m pos_app.printing TARGET``: the set-up test page on the receipt printer, through
the real command (a subprocess) to a loopback "network printer"; the bytes decoded back."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from pos_app.printing.__main__ import TEST_PAGE
from tests.support.network_printer import NetworkPrinter, decode

ROOT = Path(__file__).resolve().parents[2]


def check_test_page(data: bytes) -> None:
    """The page as sent: text lines as text, the Kazakh line as a raster image, the QR."""
    page = decode(data)
    assert page.code_page == 17 and page.cut
    assert [kind for kind, _v, _b in page.items] == ["text", "text", "image", "qr", "text"]
    assert page.texts() == [TEST_PAGE[0].value, TEST_PAGE[1].value, "OK"]
    assert page.items[0][2] is True  # bold heading
    assert page.qrs() == [TEST_PAGE[3].value]


def test_the_test_page_comes_out_of_the_printer() -> None:
    printer = NetworkPrinter()
    try:
        done = subprocess.run([sys.executable, "-m", "pos_app.printing", printer.url], cwd=ROOT,
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"printed a test page on {printer.url}"
        check_test_page(printer.wait_for_jobs(1)[0])
    finally:
        printer.close()


def test_a_printer_that_is_off_exits_1_and_names_it() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        target = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    done = subprocess.run([sys.executable, "-m", "pos_app.printing", target], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1 and target in done.stderr and "is on" in done.stderr
