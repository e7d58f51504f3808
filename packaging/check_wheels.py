"""Do binary wheels exist for the shop PCs we cannot run here? (issue 13 §4)

    python packaging/check_wheels.py                       # Windows x64, macOS arm64 and x86_64
    python packaging/check_wheels.py win_amd64 --download DIR   # also fetch them (pip download)

For each target platform pip resolves the runtime dependencies (``pyproject.toml``) plus the
``bundle`` extra (PyInstaller) with ``--only-binary=:all: --platform TAG --python-version 3.11
--implementation cp``, exactly as ``pip download`` would, but as ``pip install --dry-run
--report``: the resolver reads only the wheels' metadata (PEP 658), so the ~700 MB of Qt wheels
are not fetched (``--download`` fetches them). It fails when any requirement has no wheel for
that platform, and prints every chosen wheel.

pip evaluates environment markers for the machine it runs on, not for ``--platform``; so the
requirements that only the target needs (``pywin32-ctypes`` for keyring and PyInstaller on
Windows, ``pefile``, ``macholib`` on macOS) are found here by evaluating the markers of the
dependency tree (as installed in this venv) for the target, and given to pip explicitly.
Linux-only ones that pip adds anyway (SecretStorage, jeepney) are harmless extras.

``lzstring`` (the payform codec) is published as an sdist only; it is pure Python, so its
wheel is built here (``pip wheel``), checked to be universal (``py3-none-any``) and offered to
the resolver with ``--find-links``, as a build machine's pip would build it from the sdist.
"""

from __future__ import annotations

import argparse
import json
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


def resolve(platform: str, download: Path | None = None) -> list[dict[str, str]]:
    """pip's choice of wheels for ``platform``: [{name, version, url}]; raises on failure."""
    requirements = target_requirements(platform)
    with tempfile.TemporaryDirectory() as tmp:
        wheelhouse = Path(tmp) / "wheelhouse"
        universal_wheels(wheelhouse)
        common = ["--only-binary=:all:", "--platform", platform, "--python-version", PYTHON,
                  "--implementation", "cp", "--disable-pip-version-check",
                  "--find-links", str(wheelhouse)]
        report = Path(tmp) / "report.json"
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
                   "--target", str(Path(tmp) / "target"), "--report", str(report), "-q",
                   *common, *requirements]
        done = subprocess.run(command, capture_output=True, text=True, check=False,  # noqa: S603
                              env={**os.environ, "PIP_NO_INPUT": "1"})
        if done.returncode != 0:
            raise RuntimeError(f"{platform}: no complete set of wheels:\n{done.stderr[-4000:]}")
        install = json.loads(report.read_text(encoding="utf-8"))["install"]
        if download is not None:
            subprocess.run([sys.executable, "-m", "pip", "download", "-q",  # noqa: S603
                            "--dest", str(download), *common, *requirements], check=True)
    return [{"name": item["metadata"]["name"], "version": item["metadata"]["version"],
             "url": item["download_info"]["url"]} for item in install]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("platforms", nargs="*", metavar="PLATFORM",
                        help=f"any of {', '.join(TARGETS)} (default: all)")
    parser.add_argument("--download", type=Path, help="also pip download the wheels here")
    args = parser.parse_args(argv)
    if unknown := set(args.platforms) - set(TARGETS):
        parser.error(f"unknown platform {', '.join(sorted(unknown))}")
    failed = 0
    for platform in args.platforms or list(TARGETS):
        try:
            chosen = resolve(platform, args.download)
        except (RuntimeError, subprocess.CalledProcessError) as exc:
            print(exc, file=sys.stderr)
            failed += 1
            continue
        print(f"{platform}: {len(chosen)} wheels")
        for item in chosen:
            print(f"  {item['name']} {item['version']}  {item['url'].rsplit('/', 1)[-1]}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
