"""Fiscal print lines to a loopback "network printer" through python-escpos; the bytes are
decoded back to text, raster lines and the QR payload and compared with what was sent."""

from __future__ import annotations

import base64
import io
import os
import socket
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PIL import Image, ImageChops

from pos_app.fiscal.receipt import PrintLine, TaxPolicy, receipt_for_amount
from pos_app.printing.escpos_print import (
    COPY_MARK,
    PrinterError,
    encodable,
    print_receipt,
    text_image,
)
from pos_app.training.webkassa import WebkassaEmulator
from tests.fiscal.conftest import make_adapter
from tests.support.network_printer import NetworkPrinter, decode, render


@pytest.fixture
def printer() -> Iterator[NetworkPrinter]:
    p = NetworkPrinter()
    yield p
    p.close()


def _wait_job(printer: NetworkPrinter) -> bytes:
    import time

    deadline = time.monotonic() + 5
    while not printer.jobs and time.monotonic() < deadline:
        time.sleep(0.01)
    assert printer.jobs, "the printer received nothing"
    return printer.jobs[-1]


def _same(picture: Image.Image, text: str, bold: bool, paper_mm: int = 80) -> bool:
    expected = text_image(text, paper_mm=paper_mm, bold=bold).convert("1")
    got = picture.convert("1").crop((0, 0, expected.width, expected.height))
    return ImageChops.difference(got.convert("L"), expected.convert("L")).getbbox() is None


@pytest.mark.parametrize("language", ["ru-RU", "kk-KZ", "en-US"])
def test_register_print_form_round_trips_through_the_printer(
        printer: NetworkPrinter, language: str) -> None:
    with WebkassaEmulator() as wk:
        adapter = make_adapter(wk)
        adapter.client.language = language
        receipt = receipt_for_amount(Decimal("1500.50"), "Тауар", TaxPolicy(16))
        result = adapter.send(adapter.prepare(receipt, "pos-S-000000000001"))
    print_receipt(printer.url, result.print_lines)
    decoded = decode(_wait_job(printer))
    assert decoded.code_page == 17 and decoded.cut  # PC866, then the cut
    assert decoded.qrs() == [result.ticket_url]
    printed = [item for item in decoded.items if item[0] != "qr"]
    sent = [line for line in result.print_lines if line.kind == "text"]
    assert len(printed) == len(sent)
    for (kind, value, bold), line in zip(printed, sent, strict=True):
        if encodable(line.value):
            assert (kind, value, bold) == ("text", line.value, line.bold)
        else:  # Kazakh letters or «» the code page lacks: a raster line of the same text
            assert kind == "image" and _same(value, line.value, line.bold), line.value
    assert any(result.fiscal_number in v for v in decoded.texts())
    if os.environ.get("POS_APP_SCREENSHOTS"):
        render(decoded).save(os.path.join(os.environ["POS_APP_SCREENSHOTS"],
                                          f"printed-receipt-{language[:2]}.png"))


def test_kazakh_letters_become_a_raster_line(printer: NetworkPrinter) -> None:
    assert not encodable("Қазақша әғқңөұүһі") and encodable("Итого 1500.00")
    print_receipt(printer.url, [PrintLine("text", "Қазақша әғқңөұүһі", True)])
    (item,) = decode(_wait_job(printer)).items
    assert item[0] == "image" and _same(item[1], "Қазақша әғқңөұүһі", True)


def test_a_reprint_is_marked_as_a_copy(printer: NetworkPrinter) -> None:
    print_receipt(printer.url, [PrintLine("text", "ИТОГО 1500.00", True)], copy=True)
    items = decode(_wait_job(printer)).items
    assert items[0][0] == "image" and _same(items[0][1], COPY_MARK.center(48), True)
    assert items[1] == ("text", "ИТОГО 1500.00", True)


def test_a_58_mm_printer_gets_lines_of_its_own_width(printer: NetworkPrinter) -> None:
    """58 mm paper: raster lines 384 dots wide (not 576) and the copy mark centred on 36."""
    print_receipt(printer.url, [PrintLine("text", "Қазақша", False)], paper_mm=58, copy=True)
    items = decode(_wait_job(printer)).items
    assert [item[0] for item in items] == ["image", "image"]
    assert {item[1].width for item in items} == {384}
    assert _same(items[0][1], COPY_MARK.center(36), True, paper_mm=58)
    assert _same(items[1][1], "Қазақша", False, paper_mm=58)


def test_logo_image_lines_and_a_broken_one(printer: NetworkPrinter) -> None:
    logo = Image.new("1", (64, 16), 0)
    raw = io.BytesIO()
    logo.save(raw, "PNG")
    lines = [PrintLine("image", base64.b64encode(raw.getvalue()).decode()),
             PrintLine("image", "not base64!"), PrintLine("text", "OK")]
    print_receipt(printer.url, lines)
    items = decode(_wait_job(printer)).items
    assert [i[0] for i in items] == ["image", "text"]


def test_a_printer_that_is_off_gives_a_clear_message() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    with pytest.raises(PrinterError) as info:
        print_receipt(f"tcp://127.0.0.1:{port}", [PrintLine("text", "x")])
    assert f"127.0.0.1:{port}" in str(info.value) and "is on" in str(info.value)


@pytest.mark.parametrize("target", ["", "lpt1", "tcp://", "usb://zz:1"])
def test_bad_printer_addresses(target: str) -> None:
    with pytest.raises(PrinterError):
        print_receipt(target, [PrintLine("text", "x")])
