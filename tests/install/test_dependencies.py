"""Every third-party module the runtime imports is a declared dependency, and nothing else is.

Fast and static (ast over the installed packages' sources); tests/install/test_install.py proves
the same by installing into an empty venv. A transitive dependency that happens to be present
(numpy through pandas, PIL through streamlit) is still undeclared: its provider may drop it.
"""
from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ("loaders", "dashboard", "tools")
FIRST_PARTY = {"loaders", "dashboard", "assets", "tools"}
# Declared but never imported by our code, each for a reason.
IMPORTED_BY_OTHERS = {
    "lxml-html-clean": "imported by jusText/trafilatura as lxml.html.clean; old pip misses lxml's extra",
    "underthesea": "a data dependency: loaders/extract/terms.py reads its word list, found with importlib",
}


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return {normalized(re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0]) for d in deps}


def imported_modules() -> dict[str, str]:
    """{top-level module: first file importing it} for absolute imports in the runtime packages."""
    found: dict[str, str] = {}
    for package in RUNTIME:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def third_party() -> dict[str, str]:
    return {m: f for m, f in imported_modules().items()
            if m not in sys.stdlib_module_names and m not in FIRST_PARTY and m != "__future__"}


@cache
def _providers() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()


def distributions_of(module: str) -> set[str]:
    return {normalized(d) for d in _providers().get(module, [])}


@pytest.mark.parametrize("module,where", sorted(third_party().items()))
def test_imported_module_comes_from_a_declared_dependency(module, where):
    providers = distributions_of(module)
    assert providers, f"{module} (imported in {where}) is not installed at all"
    assert providers & declared(), f"{module} (imported in {where}) comes from {providers}, not declared in pyproject"


def test_every_declared_dependency_is_used():
    used = {d for m in third_party() for d in distributions_of(m)}
    unused = declared() - used - set(IMPORTED_BY_OTHERS)
    assert not unused, f"declared but never imported (a dev tool among runtime dependencies?): {unused}"
