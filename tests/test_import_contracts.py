"""The import-linter contracts (pyproject.toml) name every part of the app, so that a new
module or ui folder cannot escape the layer rules by not being listed; and no modules import
each other, not even through ``TYPE_CHECKING`` imports (which the contracts leave out)."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import grimp

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


# -- no import circles, TYPE_CHECKING imports included ---------------------------------------
# The "No import circles" contract counts run-time imports only (a TYPE_CHECKING import is no
# circle when the program runs). Types that go both ways still tie two modules into one, so
# here grimp (import-linter's graph) builds the graph with those imports too: where a lower
# module needs something of a higher one, it names it by a Protocol instead of importing it.


def _graph_with_type_imports() -> grimp.ImportGraph:
    return grimp.build_graph("pos_app", exclude_type_checking_imports=False, cache_dir=None)


def _type_checking_imports() -> list[tuple[str, str]]:
    """(importer, imported module) of every ``if TYPE_CHECKING:`` import of pos_app, by ast."""
    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
               for p in (ROOT / "pos_app").rglob("*.py")}
    found = []
    for path in (ROOT / "pos_app").rglob("*.py"):
        importer = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)):
                continue
            for statement in node.body:
                if isinstance(statement, ast.Import):
                    found += [(importer, alias.name) for alias in statement.names]
                elif isinstance(statement, ast.ImportFrom) and statement.module:
                    # `from pos_app.x import y` imports pos_app.x.y when that is a module
                    found += [(importer, f"{statement.module}.{alias.name}"
                               if f"{statement.module}.{alias.name}" in modules
                               else statement.module) for alias in statement.names]
    return [(a, b) for a, b in found if b.startswith("pos_app.")]


def test_the_graph_holds_the_type_checking_imports() -> None:
    graph = _graph_with_type_imports()
    imports = _type_checking_imports()
    assert len(imports) > 50, imports  # else the ast walk above has stopped finding them
    missing = [(a, b) for a, b in imports if not graph.direct_import_exists(importer=a, imported=b)]
    assert not missing, f"grimp left out these TYPE_CHECKING imports: {missing}"


def test_no_import_circles_even_through_type_checking_imports() -> None:
    graph = _graph_with_type_imports()
    circles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                lines = [d["line_number"] for d in graph.get_import_details(
                    importer=importer, imported=imported)]
                circles.append(f"{importer} -> {imported} (line {lines}), back: {' -> '.join(back)}")
    assert not circles, "modules importing each other:\n" + "\n".join(circles)


def test_no_package_circles_even_through_type_checking_imports() -> None:
    """As the "No import circles" contract, at every depth, with the type-only imports."""
    graph = _graph_with_type_imports()
    packages = [m for m in sorted(graph.modules) if graph.find_children(m)]
    breakers = {p: sorted(b) for p in packages if (b := graph.nominate_cycle_breakers(p))}
    assert not breakers, f"packages whose parts import each other (break one of): {breakers}"
