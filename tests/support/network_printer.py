"""A test "network printer": a loopback TCP server on a free port that records the ESC/POS
bytes it receives, and a decoder of those bytes back to text lines, raster images and QR
payloads (the commands python-escpos sends)."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from PIL import Image


class NetworkPrinter:
    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self.jobs: list[bytes] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self._sock.getsockname()[1]}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            data = bytearray()
            with conn:
                while chunk := conn.recv(65536):
                    data.extend(chunk)
            with self._lock:
                self.jobs.append(bytes(data))

    def wait_for_jobs(self, count: int = 1, timeout: float = 10.0) -> list[bytes]:
        """The jobs once ``count`` have come in (a job is complete when its connection
        closes, which may be just after the sender returned)."""
        deadline = time.monotonic() + timeout
        while len(self.jobs) < count and time.monotonic() < deadline:
            time.sleep(0.01)  # a plain server thread, not Qt
        assert len(self.jobs) >= count, f"the printer received {len(self.jobs)} of {count} jobs"
        return list(self.jobs)

    def close(self) -> None:
        self._sock.close()


@dataclass
class Decoded:
    items: list[tuple[str, Any, bool]] = field(default_factory=list)  # (kind, value, bold)
    code_page: int | None = None
    cut: bool = False

    def texts(self) -> list[str]:
        return [v for k, v, _b in self.items if k == "text"]

    def qrs(self) -> list[str]:
        return [v for k, v, _b in self.items if k == "qr"]


def decode(data: bytes) -> Decoded:
    """ESC/POS → items. Unknown commands raise, so a test notices what it cannot read."""
    out = Decoded()
    bold = False
    text = bytearray()
    i = 0

    def flush() -> None:
        if text:
            out.items.append(("text", text.decode("cp866"), bold))
            text.clear()

    while i < len(data):
        b = data[i]
        if b == 0x0A:
            flush()
            i += 1
        elif b == 0x1B:
            cmd = data[i + 1]
            if cmd == ord("@"):
                i += 2
            elif cmd == ord("t"):
                out.code_page = data[i + 2]
                i += 3
            elif cmd == ord("E"):
                flush()
                bold = data[i + 2] == 1
                i += 3
            elif cmd in (ord("a"), ord("d"), ord("!"), ord("-"), ord("M"), ord("{"), ord("G")):
                i += 3
            else:
                raise ValueError(f"unknown ESC {cmd:#x} at {i}")
        elif b == 0x1D:
            cmd = data[i + 1]
            if cmd == ord("V"):
                out.cut = True
                i += 3 if data[i + 2] in (0, 1, 48, 49) else 4
            elif cmd == ord("v") and data[i + 2] == ord("0"):
                x = data[i + 4] | data[i + 5] << 8
                y = data[i + 6] | data[i + 7] << 8
                raw = data[i + 8: i + 8 + x * y]
                image = Image.frombytes("1", (x * 8, y), bytes(255 - v for v in raw))
                out.items.append(("image", image, bold))
                i += 8 + x * y
            elif cmd == ord("(") and data[i + 2] == ord("k"):
                length = data[i + 3] | data[i + 4] << 8
                body = data[i + 5: i + 5 + length]
                if body[:3] == b"1P0":
                    out.items.append(("qr", body[3:].decode("utf-8"), False))
                i += 5 + length
            elif cmd in (ord("!"), ord("B"), ord("b")):
                i += 3
            else:
                raise ValueError(f"unknown GS {cmd:#x} at {i}")
        else:
            text.append(b)
            i += 1
    flush()
    return out


def render(decoded: Decoded, width: int = 576) -> Image.Image:
    """A picture of the paper: text drawn monospaced, raster images as sent, QR re-encoded."""
    import qrcode
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 19)
    bold_font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", 19)
    parts: list[Image.Image] = []
    for kind, value, bold in decoded.items:
        if kind == "text":
            line = Image.new("L", (width, 30), 255)
            ImageDraw.Draw(line).text((0, 2), value, font=bold_font if bold else font, fill=0)
            parts.append(line)
        elif kind == "image":
            parts.append(value.convert("L"))
        else:
            code = qrcode.make(value, border=2, box_size=6).convert("L")
            line = Image.new("L", (width, code.height), 255)
            line.paste(code, ((width - code.width) // 2, 0))
            parts.append(line)
    paper = Image.new("L", (width + 32, sum(p.height for p in parts) + 32), 255)
    y = 16
    for part in parts:
        paper.paste(part, (16, y))
        y += part.height
    return paper
