"""A QR code painted with QPainter from the ``qrcode`` matrix (no image library round trip).

:func:`qr_matrix` is pure: it builds the matrix, proves the payload fits a QR code, and keeps
the four-module quiet zone. :class:`QrWidget` turns the matrix into a one-pixel-per-module
image straight from bytes and paints it scaled by a whole factor (square modules, no
smoothing), centred, never below :data:`MIN_MODULE_PX` pixels per module.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004 minimum)
MAX_VERSION = 40
# Q (25 %) survives a phone camera at arm's length; long payform links fall back to M (15 %).
PREFERRED_VERSION_AT_Q = 15
MIN_MODULE_PX = 3


class QrPayloadTooLong(ValueError):
    """The text does not fit a QR code at the required error correction."""


@dataclass(frozen=True, slots=True)
class QrMatrix:
    """Dark (True) and light modules, quiet zone included, row by row."""

    rows: tuple[tuple[bool, ...], ...]
    version: int
    error_correction: str  # "M" or "Q"
    border: int

    @property
    def size(self) -> int:
        """Modules per side, quiet zone included."""
        return len(self.rows)


def qr_matrix(data: str, *, max_version: int = MAX_VERSION, border: int = QUIET_ZONE) -> QrMatrix:
    """The QR matrix of ``data``: level Q if it fits in a moderate version, else level M.

    Raises :class:`QrPayloadTooLong` when ``data`` does not fit ``max_version`` at level M,
    and ``ValueError`` for an empty payload or a quiet zone under four modules.
    """
    if not data:
        raise ValueError("A QR code needs a payload.")
    if border < QUIET_ZONE:
        raise ValueError("The quiet zone must be at least four modules.")
    # Imported with the first code drawn, not with the till: ``qrcode`` brings Pillow (about
    # 30 ms of the services' start-up, which the first card payment waits for).
    import qrcode
    from qrcode.exceptions import DataOverflowError

    levels = {"M": qrcode.constants.ERROR_CORRECT_M, "Q": qrcode.constants.ERROR_CORRECT_Q}
    last: Exception | None = None
    for level, limit in (("Q", min(PREFERRED_VERSION_AT_Q, max_version)), ("M", max_version)):
        code = qrcode.QRCode(version=None, error_correction=levels[level], border=border)
        code.add_data(data.encode("utf-8"), optimize=0)
        try:
            code.make(fit=True)
        except (DataOverflowError, ValueError) as exc:
            last = exc
            continue
        if code.version is None or code.version > limit:
            continue
        rows = tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())
        return QrMatrix(rows, int(code.version), level, border)
    raise QrPayloadTooLong(
        f"The link is too long for a QR code ({len(data.encode('utf-8'))} bytes)."
    ) from last


class QrWidget(QWidget):
    """Paints a :class:`QrMatrix`; square, as large as its layout allows."""

    def __init__(self, parent: QWidget | None = None, *, minimum_px: int = 240) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self.matrix: QrMatrix | None = None
        self.payload = ""
        self._minimum_px = minimum_px
        self._image: QImage | None = None
        self._image_matrix: QrMatrix | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Payment QR code"))

    def set_payload(self, data: str) -> None:
        """Show ``data``; raises :class:`QrPayloadTooLong` (and shows nothing) if it cannot."""
        self.matrix = None
        self.payload = ""
        try:
            self.matrix = qr_matrix(data)
        finally:
            minimum = self._minimum_px
            if self.matrix is not None:
                minimum = max(minimum, self.matrix.size * MIN_MODULE_PX)
                self.payload = data
            self.setMinimumSize(minimum, minimum)
            self.update()

    def clear(self) -> None:
        self.matrix = None
        self.payload = ""
        self.update()

    def sizeHint(self) -> QSize:
        side = max(self._minimum_px, 420)
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def code_rect(self) -> QRect:
        """Where the code (quiet zone included) is painted, in whole-pixel modules."""
        if self.matrix is None:
            return QRect()
        n = self.matrix.size
        module = max(1, min(self.width(), self.height()) // n)
        side = module * n
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.matrix is None:
            return
        if self._image is None or self._image_matrix is not self.matrix:
            self._image, self._image_matrix = module_image(self.matrix), self.matrix
        painter = QPainter(self)
        try:
            # One module = one pixel of the image, scaled by a whole factor without smoothing:
            # every module becomes an exact square. One call per paint instead of one per module
            # also keeps clear of PySide6 6.12's None reference leak on void calls (Python 3.11).
            painter.drawImage(self.code_rect(), self._image)
        finally:
            painter.end()


def module_image(matrix: QrMatrix) -> QImage:
    """The matrix as an 8-bit grey image, one pixel per module (quiet zone included)."""
    n = matrix.size
    stride = (n + 3) // 4 * 4  # QImage scan lines are 32-bit aligned
    data = bytearray(b"\xff" * (stride * n))
    for y, row in enumerate(matrix.rows):
        base = y * stride
        for x, dark in enumerate(row):
            if dark:
                data[base + x] = 0
    return QImage(bytes(data), n, n, stride, QImage.Format.Format_Grayscale8).copy()
