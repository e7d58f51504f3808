"""Where the read-only resources (host page, icons, translations, style) are.

* PyInstaller bundle: ``resources`` inside the bundle (``sys._MEIPASS``);
* installed wheel (``pip install``/``pipx``): ``pos_app/_resources``, made by the build backend
  from the top-level ``resources/`` with the catalogues compiled and the icons rendered
  (``setup.py``, ``packaging/build_resources.py``);
* source checkout and editable install: ``<repo>/resources``.

No Qt here, so services and the CLI may use it.
"""

from __future__ import annotations

import sys
import zlib
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# Beside a catalogue compiled in a checkout: what its source was (``pos_app.ui.common.i18n``).
SOURCE_RECORD = ".source"


@cache
def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources"] if bundle else []
    candidates += [_PACKAGE / "_resources", _PACKAGE.parent / "resources"]
    for path in candidates:
        if (path / "checkout.html").is_file():
            return path
    raise FileNotFoundError("the application's resources folder is missing")


def resource(name: str) -> Path:
    return resources_dir() / name


def source_record(source: bytes) -> str:
    """What a compiled catalogue records of its ``.ts`` source: size and CRC-32 of the content.

    Not file times (a copy or a checkout changes them); not hashlib, whose OpenSSL loading
    costs the first paint milliseconds (zlib is loaded by then). Enough to tell an edit.
    """
    return f"{len(source)} {zlib.crc32(source):08x}"
