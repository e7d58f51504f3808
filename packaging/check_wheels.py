"""Do binary wheels exist for the shop PCs we cannot run here? (issue 13 §4)

    python packaging/check_wheels.py                      # Windows x64, macOS arm64 and x86_64
    python packaging/check_wheels.py win_amd64 --download DIR    # and keep the wheels

For each target platform, ``pip download --only-binary=:all: --platform TAG --python-version
3.11 --implementation cp`` of the runtime dependencies (``pyproject.toml``) plus the ``bundle``
extra (PyInstaller), into a temporary folder: it fails when any requirement has no wheel for
that platform, and prints the wheels it chose. PyPI serves no separate metadata for the Qt
wheels, so they are fetched whole (~250 MB per platform; a few seconds each here).

pip evaluates environment markers for the machine it runs on, not for ``--platform``; so the
requirements that only the target needs (``pywin32-ctypes`` for keyring and PyInstaller on
Windows, ``pefile``; ``macholib`` on macOS) are found here by evaluating the markers of the
dependency tree (as installed in this venv) for the target, and given to pip explicitly.
Linux-only ones that pip adds anyway (SecretStorage, jeepney) are harmless extras.

``lzstring`` (the payform codec) is published as an sdist only; it is pure Python, so its
wheel is built here (``pip wheel``), checked to be universal (``py3-none-any``) and offered to
pip with ``--find-links``, as a build machine's pip would build it from the sdist.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PYTHON = "3.11"
TARGETS = {
    "win_amd64": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                  "platform_machine": "AMD64"},
    # PySide6 6.11 ships macOS wheels for 13 (Ventura) and newer only (universal2).
    "macosx_13_0_arm64": {"sys_platform": "darwin", "platform_system": "Darwin",
                          "os_name": "posix", "platform_machine": "arm64"},
    "macosx_13_0_x86_64": {"sys_platform": "darwin", "platform_system": "Darwin",
                           "os_name": "posix", "platform_machine": "x86_64"},
}
EXTRA = "bundle"
# Pure-Python projects that publish only an sdist: their wheel is built here and must be
# universal (py3-none-any), which proves it installs on every target as it is.
PURE_SDIST_ONLY = {"lzstring"}
_UNIVERSAL = re.compile(r"-py(?:2\.)?py3-none-any\.whl$|-py3-none-any\.whl$")


def direct_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in
            [*project["dependencies"], *project["optional-dependencies"][EXTRA]]]


def _environment(platform: str, extra: str = "") -> dict[str, str]:
    return {**TARGETS[platform], "python_version": PYTHON, "python_full_version": f"{PYTHON}.0",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "extra": extra}


def _applies(req: Requirement, platform: str, extra: str = "") -> bool:
    return req.marker is None or req.marker.evaluate(_environment(platform, extra))


def target_requirements(platform: str) -> list[str]:
    """The direct requirements and every dependency whose marker holds on ``platform`` (walked
    through the installed distributions' metadata; one not installed here is given to pip,
    which resolves what it needs)."""
    wanted: dict[str, Requirement] = {}
    todo = list(direct_requirements())
    while todo:
        req = todo.pop()
        key = re.sub(r"[-_.]+", "-", req.name).lower()
        if key in wanted or not _applies(req, platform):
            continue
        wanted[key] = req
        try:
            requires = metadata.requires(req.name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [r for r in map(Requirement, requires) if _applies(r, platform)]
    return sorted(f"{r.name}{r.specifier}" for r in wanted.values())


def universal_wheels(wheelhouse: Path) -> None:
    """Build the wheels of :data:`PURE_SDIST_ONLY` into ``wheelhouse``; each must be universal."""
    pins = [str(r) for r in direct_requirements() if r.name in PURE_SDIST_ONLY]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",  # noqa: S603
                    "--disable-pip-version-check", "-w", str(wheelhouse), *pins],
                   check=True, capture_output=True)
    for wheel in wheelhouse.glob("*.whl"):
        if not _UNIVERSAL.search(wheel.name):
            raise RuntimeError(f"{wheel.name} is not a universal wheel: it needs a build "
                               "on each target")


def resolve(platform: str, wheelhouse: Path, download: Path | None = None,
            ) -> list[dict[str, str]]:
    """``pip download`` for ``platform``: [{name, version, file}] of the wheels it chose; raises
    when one is missing. ``wheelhouse`` holds the universal wheels of :data:`PURE_SDIST_ONLY`;
    ``download`` keeps the wheels (else they go to a temporary folder)."""
    requirements = target_requirements(platform)
    with tempfile.TemporaryDirectory() as tmp:
        dest = download or Path(tmp)
        dest.mkdir(parents=True, exist_ok=True)
        before = set(dest.glob("*.whl"))
        command = [sys.executable, "-m", "pip", "download", "-q", "--dest", str(dest),
                   "--only-binary=:all:", "--platform", platform, "--python-version", PYTHON,
                   "--implementation", "cp", "--disable-pip-version-check",
                   "--find-links", str(wheelhouse), *requirements]
        done = subprocess.run(command, capture_output=True, text=True, check=False,  # noqa: S603
                              env={**os.environ, "PIP_NO_INPUT": "1"})
        if done.returncode != 0:
            raise RuntimeError(f"{platform}: no complete set of wheels:\n{done.stderr[-4000:]}")
        files = sorted(set(dest.glob("*.whl")) - before if download else dest.glob("*.whl"))
    wheels = []
    for path in files:
        name, version = path.name.split("-")[:2]
        wheels.append({"name": name, "version": version, "file": path.name})
    return wheels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("platforms", nargs="*", metavar="PLATFORM",
                        help=f"any of {', '.join(TARGETS)} (default: all)")
    parser.add_argument("--download", type=Path, help="keep the wheels in this folder")
    args = parser.parse_args(argv)
    if unknown := set(args.platforms) - set(TARGETS):
        parser.error(f"unknown platform {', '.join(sorted(unknown))}")
    failed = 0
    with tempfile.TemporaryDirectory() as wheelhouse:
        universal_wheels(Path(wheelhouse))
        for platform in args.platforms or list(TARGETS):
            try:
                chosen = resolve(platform, Path(wheelhouse), args.download)
            except (RuntimeError, subprocess.CalledProcessError) as exc:
                print(exc, file=sys.stderr)
                failed += 1
                continue
            print(f"{platform}: {len(chosen)} wheels")
            for item in chosen:
                print(f"  {item['file']}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
