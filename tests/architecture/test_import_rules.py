"""The layout's import rules, checked on every module's imports (README "Layout and rules", ARCHITECTURE.md).

Each rule is (what it protects, the modules it binds, the imports they may not make). Imports are
read with ``ast`` (relative imports resolved), so a rule holds for every ``import`` and ``from``
statement, at module level or inside a function.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(*packages: str) -> dict[str, Path]:
    """{dotted name: path} of every .py file under the given package folders (or single modules)."""
    found: dict[str, Path] = {}
    for package in packages:
        target = ROOT / package.replace(".", "/")
        paths = [target.with_suffix(".py")] if target.with_suffix(".py").is_file() else sorted(target.rglob("*.py"))
        found.update({module_name(p): p for p in paths if "__pycache__" not in p.parts})
    return found


def imported(path: Path) -> set[str]:
    """Every module name ``path`` imports, relative imports resolved to absolute names."""
    return imports_of(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")


def imports_of(source: str, name: str, is_package: bool = False) -> set[str]:
    package = name if is_package else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            head = ".".join([*base, node.module] if node.module else base)
            out.add(head)
            out.update(f"{head}.{alias.name}" for alias in node.names)  # "from . import io" names a module
    return out


def forbidden(imports: set[str], prefixes: tuple[str, ...]) -> set[str]:
    return {m for m in imports if any(m == p or m.startswith(p + ".") for p in prefixes)}


# Pure dashboard modules: computation and rendering to bytes, testable without a running app.
PURE_DASHBOARD = ("dashboard.queries", "dashboard.charts", "dashboard.search", "dashboard.export", "dashboard.cloud",
                  "dashboard.report", "dashboard.report_html", "dashboard.labelled", "dashboard.filters",
                  "dashboard.i18n", "dashboard.settings", "dashboard.upload_store", "dashboard.components.text")

RULES = [
    pytest.param(("loaders",), ("streamlit", "dashboard", "tools"),
                 id="the loader is a library: no UI, no dashboard, no dev tools"),
    pytest.param(("loaders.extract",), ("loaders.io", "loaders.pipeline", "loaders.batch", "loaders.cli"),
                 id="extractors are pure: they never read files or drive the pipeline"),
    pytest.param(PURE_DASHBOARD, ("streamlit",),
                 id="queries, charts, exports and the word cloud never import streamlit"),
    pytest.param(("assets",), ("loaders", "dashboard", "tools", "streamlit"),
                 id="assets are data: the package holds no code that imports ours"),
    pytest.param(("dashboard.views",), ("loaders.extract", "loaders.io", "loaders.pipeline", "dashboard.data"),
                 id="pages are thin: they call queries and components, never the loader's internals or the cache"),
]


@pytest.mark.parametrize("packages,banned", RULES)
def test_import_rule(packages, banned):
    found = modules(*packages)
    assert found, f"no modules under {packages}: the rule names a package that moved"
    broken = {name: sorted(forbidden(imported(path), banned)) for name, path in found.items()}
    assert not {k: v for k, v in broken.items() if v}


# Code that may name the assets package: the one reader, and the cache fingerprint (it hashes the
# files' bytes so a changed asset invalidates cached extractions; it reads no data from them).
ASSET_OPENERS = {"loaders.assets", "loaders.io.cache"}


def test_only_assets_module_opens_assets():
    """assets/ is read through loaders/assets.py alone (paths from the package, cached readers)."""
    openers = {name for name, path in modules("loaders", "dashboard", "tools").items()
               if "importlib.resources" in imported(path) or '"assets"' in path.read_text(encoding="utf-8")}
    assert openers <= ASSET_OPENERS


@pytest.mark.parametrize("source,name,expected", [
    pytest.param("from ..types import CleanDoc", "loaders.extract.x", {"loaders.types", "loaders.types.CleanDoc"},
                 id="two dots climb out of the package"),
    pytest.param("from . import clean", "loaders.extract.x", {"loaders.extract", "loaders.extract.clean"},
                 id="one dot names a sibling module"),
    pytest.param("import streamlit as st", "dashboard.x", {"streamlit"}, id="plain import"),
    pytest.param("def f():\n    from loaders.io import cache", "loaders.extract.x", {"loaders.io", "loaders.io.cache"},
                 id="an import inside a function counts too"),
])
def test_imports_are_resolved(source, name, expected):
    assert imports_of(source, name) == expected
