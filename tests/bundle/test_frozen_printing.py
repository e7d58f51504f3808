"""The receipt printer from the frozen bundle (issue 15): python-escpos's printer database is
inside it, and ``pos-app -m pos_app.printing TARGET`` prints the test page through
``escpos.printer.Network`` to a loopback "network printer"; the bytes are decoded back."""

from __future__ import annotations

from pathlib import Path

from tests.bundle.conftest import run_frozen
from tests.printing.test_test_page import check_test_page
from tests.support.network_printer import NetworkPrinter


def test_escpos_printer_database_and_pillow_are_in_the_bundle(frozen: Path) -> None:
    internal = frozen.parent / "_internal"
    assert (internal / "escpos" / "capabilities.json").is_file()
    assert any((internal / "PIL").glob("_imaging*")), "Pillow draws the Kazakh raster lines"


def test_the_frozen_app_prints_the_test_page_on_a_network_printer(
        frozen: Path, frozen_env: dict[str, str], untouched_bundle: Path) -> None:
    printer = NetworkPrinter()
    try:
        done = run_frozen(frozen, "-m", "pos_app.printing", printer.url, env=frozen_env,
                          timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stdout.strip() == f"printed a test page on {printer.url}"
        check_test_page(printer.wait_for_jobs(1)[0])
    finally:
        printer.close()
