"""The QR matrix as a pure function: fits or refuses, quiet zone kept, decodable."""

from __future__ import annotations

import pytest

from pos_app.ui.common.qr_painter import QUIET_ZONE, QrPayloadTooLong, qr_matrix

LINK = "https://testepay.homebank.kz/api/redirect/invoice-link/498331aa-b69f-41ec-b9f5-8e1c3d6b5db1"


def test_short_link_gets_level_q_and_a_small_version() -> None:
    m = qr_matrix(LINK)
    assert m.error_correction == "Q"
    assert m.version <= 10
    assert m.size == 17 + 4 * m.version + 2 * QUIET_ZONE
    assert all(len(row) == m.size for row in m.rows)


def test_quiet_zone_is_white_on_every_side() -> None:
    m = qr_matrix(LINK)
    b = m.border
    assert b >= 4
    for i in range(b):
        assert not any(m.rows[i]) and not any(m.rows[-1 - i])
        assert not any(row[i] for row in m.rows) and not any(row[-1 - i] for row in m.rows)
    # The finder pattern starts right after the quiet zone.
    assert m.rows[b][b] and m.rows[b][b + 6] and m.rows[b + 6][b]


def test_long_payload_falls_back_to_level_m() -> None:
    m = qr_matrix("https://epay.homebank.kz/payform/?params=" + "A" * 900)
    assert m.error_correction == "M"


def test_payload_too_long_is_refused_clearly() -> None:
    with pytest.raises(QrPayloadTooLong, match="too long"):
        qr_matrix("x" * 3000)
    with pytest.raises(QrPayloadTooLong):
        qr_matrix(LINK * 4, max_version=5)


def test_empty_payload_and_thin_quiet_zone_are_refused() -> None:
    with pytest.raises(ValueError):
        qr_matrix("")
    with pytest.raises(ValueError):
        qr_matrix(LINK, border=2)


def test_matrix_decodes_back_to_the_payload() -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    m = qr_matrix(LINK)
    scale = 4
    rows = b"".join(
        bytes(0 if dark else 255 for dark in row for _ in range(scale)) * scale for row in m.rows
    )
    side = m.size * scale
    image = memoryview(rows).cast("B", (side, side))
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [r.text for r in found] == [LINK]
