"""Make the resources the till reads at run time: compiled catalogues (.qm) and icon PNGs.

    python packaging/build_resources.py checkout        # in place, for a source checkout
    python packaging/build_resources.py catalogues      # in place, the catalogues only
    python packaging/build_resources.py stage DEST      # a shippable copy of resources/ in DEST

``checkout`` (``scripts/setup`` through ``scripts/i18n --build``) compiles
``resources/translations/pos_app_<lang>.ts`` next to themselves, each with a record of the
source's content (``pos_app_<lang>.qm.source``) that ``pos_app.ui.common.i18n`` compares, and
renders ``resources/icons/*.svg`` to ``resources/icons/png/``.

``stage`` is what every package is made from (``setup.py`` for the wheel and the sdist,
``build.spec`` for the PyInstaller bundle): ``resources/`` copied without the translation
sources and the build products lying in the checkout, then catalogues compiled and icons
rendered from the sources into the copy. A shipped app therefore has exactly one catalogue per
language and nothing it could (or would try to) compile at run time.

Needs PySide6 (``lrelease`` from PySide6-Essentials, Qt's offscreen platform for the icons):
the project's venv, or the build backend's isolated environment (``pyproject.toml``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
sys.path.insert(0, str(ROOT))
from pos_app.resources import SOURCE_RECORD, source_record  # noqa: E402 (no Qt there)

# Build products and sources that never ship (the .qm and PNGs are made afresh in the copy).
_NOT_SHIPPED = ("*.ts", "*.qm", f"*.qm{SOURCE_RECORD}", "png", "__pycache__")
_LRELEASE = ("import sys; from PySide6.scripts.pyside_tool import lrelease; "
             "sys.argv[0] = 'pyside6-lrelease'; lrelease()")


def compile_catalogues(sources: Path, out: Path, *, record: bool) -> list[Path]:
    """``pos_app_*.ts`` in ``sources`` → ``.qm`` in ``out`` (with the hash record if asked)."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in sorted(sources.glob("pos_app_*.ts")):
        qm = out / f"{ts.stem}.qm"
        done = subprocess.run([sys.executable, "-c", _LRELEASE, "-silent", str(ts),  # noqa: S603
                               "-qm", str(qm)], capture_output=True, text=True, check=False)
        if done.returncode != 0 or not qm.is_file():
            raise SystemExit(f"build_resources: lrelease failed for {ts.name}: "
                             f"{(done.stdout + done.stderr).strip()}")
        if record:
            qm.with_name(qm.name + SOURCE_RECORD).write_bytes(
                source_record(ts.read_bytes()).encode() + b"\n")
        made.append(qm)
    if not made:
        raise SystemExit(f"build_resources: no pos_app_*.ts in {sources}")
    return made


def render_icons(resources: Path) -> None:
    """``resources/icons/*.svg`` → ``resources/icons/png/`` (scripts/render_icons.py, offscreen)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "render_icons.py"),  # noqa: S603
                           "--resources", str(resources)],
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build_resources: rendering the icons failed: "
                         f"{(done.stdout + done.stderr).strip()}")


def catalogues() -> None:
    folder = RESOURCES / "translations"
    made = compile_catalogues(folder, folder, record=True)
    print(f"build_resources: {len(made)} catalogues in {folder.relative_to(ROOT)}")


def checkout() -> None:
    catalogues()
    render_icons(RESOURCES)


def stage(dest: Path, source: Path = RESOURCES) -> Path:
    """A complete, shippable ``resources`` folder at ``dest`` (replaced if it exists)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns(*_NOT_SHIPPED))
    compile_catalogues(source / "translations", dest / "translations", record=False)
    render_icons(dest)
    return dest


def main(argv: list[str]) -> int:
    if argv in (["checkout"], ["catalogues"]):
        (checkout if argv == ["checkout"] else catalogues)()
        return 0
    if argv[:1] == ["stage"] and len(argv) == 2:
        print(f"build_resources: staged {stage(Path(argv[1]).resolve())}")
        return 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
