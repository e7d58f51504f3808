"""Build steps for the resources the till reads at run time (issue 13); the rest of the
project's metadata is in ``pyproject.toml``.

* wheel (``pip install .``, ``pipx``, ``python -m build --wheel``): ``build_py`` stages the
  top-level ``resources/`` into the package as ``pos_app/_resources`` with the ``.qm``
  catalogues compiled and the icon PNGs rendered (``packaging/build_resources.py``), without
  the ``.ts`` sources; ``pos_app.resources`` finds it there. An editable install
  (``pip install -e .``) uses the checkout's ``resources/`` instead (``scripts/setup``).
* sdist: ``resources/`` with its sources plus the compiled catalogues (and their source
  hashes) and the rendered PNGs, so an unpacked sdist runs like a set-up checkout.

Both need PySide6 (``lrelease``, Qt's offscreen platform): ``[build-system] requires``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

sys.path.insert(0, str(Path(__file__).resolve().parent / "packaging"))
import build_resources


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            build_resources.stage(Path(self.build_lib) / "pos_app" / "_resources")


class SdistWithResources(sdist):
    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        resources = Path(base_dir) / "resources"
        translations = resources / "translations"
        build_resources.compile_catalogues(translations, translations, record=True)
        build_resources.render_icons(resources)


setup(cmdclass={"build_py": BuildPyWithResources, "sdist": SdistWithResources})
