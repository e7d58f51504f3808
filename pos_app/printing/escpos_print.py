"""The register's print lines on an ESC/POS thermal printer (58 or 80 mm) via python-escpos.

* Text goes out in code page CP866 (Cyrillic); a line with a letter CP866 lacks (the Kazakh
  ә ғ қ ң ө ұ ү һ і, «», …) is drawn as a raster image with DejaVu Sans Mono instead, so it
  still prints correctly on any printer.
* ``qr`` lines use the printer's own QR command (GS ( k) with the ``TicketUrl``;
  ``image`` lines (base64 PNG from the register) go out as raster images.
* A reprint starts with «КОПИЯ / КӨШІРМЕ / COPY».
* Targets: ``tcp://host[:port]`` (network, default 9100), ``usb://VID:PID``,
  ``serial:///dev/ttyUSB0``, ``file:///dev/usb/lp0``. Every failure is a
  :class:`PrinterError` naming the printer and what to check.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import io
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from escpos import printer as escpos_printer
from escpos.escpos import Escpos
from PIL import Image, ImageDraw, ImageFont

from pos_app.fiscal.receipt import PrintLine

CODE_PAGE = "CP866"
COPY_MARK = "КОПИЯ / КӨШІРМЕ / COPY"
DOTS = {80: 576, 58: 384}
# Monospaced fonts with Cyrillic and the Kazakh letters, by file name: Pillow looks them up in
# the system's font folders (Linux: fonts-dejavu-core; Windows: Consolas; macOS: Menlo).
FONT_NAMES = {False: ("DejaVuSansMono.ttf", "consola.ttf", "Menlo.ttc"),
              True: ("DejaVuSansMono-Bold.ttf", "consolab.ttf", "Menlo.ttc",
                     "DejaVuSansMono.ttf", "consola.ttf")}
_FONT_SIZE = {80: 19, 58: 17}  # 48 / 36 monospaced characters fit 576 / 384 dots


class PrinterError(Exception):
    """The receipt did not print; the message says which printer and what to check."""


def open_printer(target: str, *, timeout: float = 5.0) -> Escpos:
    """An ESC/POS printer for ``target`` (see the module doc); PrinterError if unusable."""
    parts = urlsplit(target)
    try:
        if parts.scheme == "tcp" and parts.hostname:
            return escpos_printer.Network(parts.hostname, parts.port or 9100, timeout=timeout)
        if parts.scheme == "usb" and parts.netloc:
            vid, _, pid = parts.netloc.partition(":")
            return escpos_printer.Usb(int(vid, 16), int(pid, 16))
        if parts.scheme == "serial" and parts.path:
            return escpos_printer.Serial(parts.path, timeout=timeout)
        if parts.scheme == "file" and parts.path:
            return escpos_printer.File(parts.path)
    except ValueError as exc:
        raise PrinterError(f"The receipt printer address {target!r} is not valid.") from exc
    raise PrinterError(f"The receipt printer address {target!r} is not valid "
                       "(tcp://host:9100, usb://VID:PID, serial:///dev/ttyUSB0, file:///dev/…).")


def encodable(text: str) -> bool:
    try:
        text.encode(CODE_PAGE)
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=4)
def _font(paper_mm: int, bold: bool) -> Any:
    size = _FONT_SIZE.get(paper_mm, 22)
    for name in FONT_NAMES[bold]:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    raise PrinterError("No monospaced font with Kazakh letters was found on this computer "
                       "(install DejaVu Sans Mono).")


def text_image(text: str, *, paper_mm: int = 80, bold: bool = False) -> Image.Image:
    """``text`` drawn black on white, one printer line high, the paper's width in dots."""
    font = _font(paper_mm, bold)
    width = DOTS.get(paper_mm, 576)
    height = int(font.size * 1.35)
    image = Image.new("1", (width, height), 1)
    ImageDraw.Draw(image).text((0, 2), text, font=font, fill=0)
    return image


def print_lines(printer: Escpos, lines: Iterable[PrintLine], *, paper_mm: int = 80,
                copy: bool = False, cut: bool = True) -> None:
    """Send the register's print form to ``printer``."""
    _fit_paper(printer, paper_mm)
    printer.charcode(CODE_PAGE)
    if copy:
        _line(printer, COPY_MARK.center(48 if paper_mm == 80 else 36), paper_mm, bold=True)
    for line in lines:
        if line.kind == "qr":
            if line.value:
                printer.set(align="center")
                printer.qr(line.value, native=True, size=6)
                printer.set(align="left")
        elif line.kind == "image":
            try:
                picture = Image.open(io.BytesIO(base64.b64decode(line.value, validate=True)))
            except (binascii.Error, ValueError, OSError):
                continue  # a broken logo must not stop the fiscal receipt
            printer.image(picture)
        else:
            _line(printer, line.value, paper_mm, bold=line.bold)
    if cut:
        printer.cut()


def _fit_paper(printer: Escpos, paper_mm: int) -> None:
    """The paper's width in this printer's profile (its own copy): python-escpos's default
    profile has none, and says so on stdout at every image it sends."""
    data = dict(printer.profile.profile_data)
    data["media"] = {"width": {"mm": paper_mm, "pixels": DOTS.get(paper_mm, 576)}}
    printer.profile.profile_data = data


def _line(printer: Escpos, text: str, paper_mm: int, *, bold: bool) -> None:
    if encodable(text):
        printer.set(bold=bold)
        printer.text(text + "\n")
        if bold:
            printer.set(bold=False)
    else:
        printer.image(text_image(text, paper_mm=paper_mm, bold=bold))


def print_receipt(target: str, lines: Iterable[PrintLine], *, paper_mm: int = 80,
                  copy: bool = False) -> None:
    """Open ``target``, print, close; PrinterError (with the printer named) on any failure."""
    printer = open_printer(target)
    try:
        printer.open()
        print_lines(printer, lines, paper_mm=paper_mm, copy=copy)
    except PrinterError:
        raise
    except Exception as exc:  # python-escpos raises OSError, socket errors, its own errors
        raise PrinterError(
            f"The receipt printer {target} did not print ({type(exc).__name__}): check that it "
            "is on, has paper and is connected. The receipt can be printed again from "
            "history.") from exc
    finally:
        with contextlib.suppress(Exception):  # closing a dead connection: nothing to add
            printer.close()
