"""The import-linter contracts (pyproject.toml) name every part of the app, so that a new
module or ui folder cannot escape the layer rules by not being listed."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Leaf helpers that every layer may use; they import nothing of the app's layers.
UNLAYERED = {"pos_app.resources", "pos_app.logsetup", "pos_app.training"}


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["importlinter"]["contracts"])


def _layer_names(name_start: str) -> set[str]:
    contract = next(c for c in _contracts() if str(c["name"]).startswith(name_start))
    names: set[str] = set()
    for layer in contract["layers"]:  # type: ignore[union-attr]
        names.update(re.findall(r"pos_app(?:\.\w+)+", str(layer)))
    return names


def _children(package: Path, dotted: str) -> set[str]:
    found = set()
    for child in package.iterdir():
        if child.name.startswith(("_", ".")):
            continue
        if child.is_dir() and (child / "__init__.py").exists():
            found.add(f"{dotted}.{child.name}")
        elif child.suffix == ".py":
            found.add(f"{dotted}.{child.stem}")
    return found


def test_every_top_level_part_is_in_the_layers() -> None:
    listed = _layer_names("Layers:")
    missing = _children(ROOT / "pos_app", "pos_app") - listed - UNLAYERED
    assert not missing, f"add these to the Layers contract in pyproject.toml: {sorted(missing)}"


def test_every_ui_folder_is_in_the_ui_layers() -> None:
    listed = _layer_names("ui:")
    missing = _children(ROOT / "pos_app" / "ui", "pos_app.ui") - listed
    assert not missing, f"add these to the ui contract in pyproject.toml: {sorted(missing)}"


def test_the_helpers_left_out_import_no_layer() -> None:
    for name in UNLAYERED - {"pos_app.training"}:  # training has its own contract
        source = (ROOT / Path(*name.split("."))).with_suffix(".py").read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) pos_app\.", source, re.M), name
