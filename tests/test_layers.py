"""The package's import graph runs one way (README: Development), read from the source with ast.

Each package (a folder under mtl_platform/, or a top-level module) may import only packages of
lower layers; a new arrow upwards, or a cycle, fails here with the importing module named."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "mtl_platform"
# From the top: a package imports only from the layers below its own.
LAYERS = [
    {"cli"},
    {"preflight", "inspection", "cluster"},
    {"analysis", "tune"},
    {"train"},
    {"serving"},
    {"models", "weighting"},
    {"data"},
    {"tasks"},
    {"tracking"},  # MLflow plumbing and the run directory's names: low, so that every layer can log
    {"config"},
]


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def imports() -> dict[tuple[str, str], list[str]]:
    """(importer package, imported package) -> the importing files."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name.startswith("mtl_platform.") and package_of(name) != package_of(module):
                    found.setdefault((package_of(module), package_of(name)), []).append(str(path.relative_to(PACKAGE)))
    return found


def test_every_package_has_a_layer():
    packages = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir() if p.suffix == ".py" or p.is_dir()}
    packages -= {"__init__", "__pycache__", "__main__"}
    assert packages == set().union(*LAYERS)


def test_imports_only_go_down():
    layer = {name: depth for depth, names in enumerate(LAYERS) for name in names}
    upwards = [
        f"{importer} -> {imported} ({', '.join(files)})"
        for (importer, imported), files in imports().items()
        if layer[imported] <= layer[importer]
    ]
    assert upwards == []
