"""Imports go one way: nothing below ui/ imports PySide6; training stands alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pos_app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", ["domain", "epay", "fiscal", "store", "services", "training"])
def test_no_qt_below_ui(layer: str) -> None:
    for path in _modules(layer):
        assert not any(n.startswith("PySide6") for n in _imports(path)), path


def test_domain_imports_stdlib_only() -> None:
    for path in _modules("domain"):
        for name in _imports(path):
            assert name.split(".")[0] not in {"httpx", "keyring", "sqlite3", "platformdirs"}, (path, name)
            if name.startswith("pos_app"):
                assert name.startswith("pos_app.domain"), (path, name)


@pytest.mark.parametrize("layer, allowed", [
    ("epay", ("pos_app.domain", "pos_app.epay")),
    ("fiscal", ("pos_app.domain", "pos_app.fiscal")),
    ("store", ("pos_app.domain", "pos_app.store")),
    ("services", ("pos_app.domain", "pos_app.epay", "pos_app.fiscal", "pos_app.store",
                  "pos_app.services")),
    ("training", ("pos_app.training",)),
])
def test_layers_import_only_downwards(layer: str, allowed: tuple[str, ...]) -> None:
    for path in _modules(layer):
        for name in _imports(path):
            if name.startswith("pos_app"):
                assert name.startswith(allowed), (path, name)
