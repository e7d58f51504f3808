"""``python -m pos_app.printing TARGET [--paper 80|58]`` (frozen: ``pos-app -m
pos_app.printing ...``): a test page on the ESC/POS receipt printer, to set one up.

The page has Russian (printer text), Kazakh letters (a raster line), bold and a QR code, so one
page shows that everything a fiscal receipt needs comes out. Exit 0 when printed; 1 with the
printer named and what to check when not.
"""

from __future__ import annotations

import argparse
import sys

from pos_app.fiscal.receipt import PrintLine
from pos_app.printing.escpos_print import PrinterError, print_receipt

TEST_PAGE = (
    PrintLine("text", "ТЕСТ ПРИНТЕРА / PRINTER TEST", True),
    PrintLine("text", "Кириллица: ИТОГО 1500.00"),
    PrintLine("text", "Қазақ әріптері: ә ғ қ ң ө ұ ү һ і"),
    PrintLine("qr", "https://consumer.oofd.kz/"),
    PrintLine("text", "OK"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pos-app -m pos_app.printing",
                                     description="Print a test page on the receipt printer.")
    parser.add_argument("target", help="tcp://host[:9100], usb://VID:PID, serial:///dev/…, "
                                       "file:///dev/usb/lp0")
    parser.add_argument("--paper", type=int, choices=(80, 58), default=80, help="paper width, mm")
    args = parser.parse_args(argv)
    try:
        print_receipt(args.target, TEST_PAGE, paper_mm=args.paper)
    except PrinterError as exc:
        print(f"pos-app: {exc}", file=sys.stderr)
        return 1
    print(f"printed a test page on {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
