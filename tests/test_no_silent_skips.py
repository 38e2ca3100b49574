"""Breakage must not turn into skips: missing prerequisites fail in CI, and no test hides an import.

- tests/availability.require: under CI=true a missing chromium or ../shared fails the run; on a
  developer's machine it skips, and pytest's -ra prints the reason.
- Outside that helper, a skip in the tests needs a listed reason (a mode CI does not run), and
  the runtime code catches no ImportError (a broken import must fail, not remove a feature).
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP_CALLS = {"skip", "importorskip", "skipif"}
# test file -> why its own skip is not hiding breakage (or who is removing it).
ALLOWED_SKIPS = {
    "tests/availability.py": "the one place that decides skip (locally) versus fail (CI)",
    "tests/e2e/test_browser.py": "demo-only export marks, checked by `make screenshots` (TTDN_E2E_CORPUS=demo)",
    "tests/e2e/test_report_grade.py": "screenshots at every size and language are a tool for people to look at "
                                      "(`make screenshots`), not a check",
}
# runtime file -> who removes its `except ImportError` (the parallel-development fallbacks of issue 8).
ALLOWED_IMPORT_FALLBACKS: dict[str, str] = {}  # none left: every runtime import fails loudly
PROBE = '''
from tests.availability import require

def test_needs_a_thing():
    require(False, "the thing is absent")
'''


def run_probe(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess:
    (tmp_path / "test_probe.py").write_text(PROBE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(ROOT)
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "--rootdir",
                           str(tmp_path), str(tmp_path / "test_probe.py")],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)


@pytest.mark.parametrize("ci,outcome", [
    pytest.param("true", "1 failed", id="CI=true: a missing prerequisite fails"),
    pytest.param("1", "1 failed", id="CI=1 counts as CI"),
    pytest.param(None, "1 skipped", id="a developer's machine: skip"),
    pytest.param("false", "1 skipped", id="CI=false is not CI"),
])
def test_missing_prerequisite_fails_in_ci_and_skips_elsewhere(tmp_path, ci, outcome):
    run = run_probe(tmp_path, ci)
    assert outcome in run.stdout, run.stdout
    assert "the thing is absent" in run.stdout  # the reason is printed either way


def _calls(path: Path, names: set[str]) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in names and getattr(node.value, "id", None) == "pytest":
            lines.append(node.lineno)
    return lines


def test_no_test_skips_outside_the_listed_places():
    found = {str(p.relative_to(ROOT)): _calls(p, SKIP_CALLS) for p in sorted((ROOT / "tests").rglob("*.py"))}
    unexpected = {f: lines for f, lines in found.items() if lines and f not in ALLOWED_SKIPS}
    assert not unexpected, f"skips that may hide breakage (use tests.availability.require, or fail): {unexpected}"


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(getattr(k, "id", None) in {"ImportError", "ModuleNotFoundError"} for k in kinds)


def test_runtime_code_never_catches_import_errors():
    found = {}
    for package in ("loaders", "dashboard", "tools"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            lines = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.ExceptHandler) and _catches_import_error(n)]
            if lines:
                found[str(path.relative_to(ROOT))] = lines
    unexpected = {f: lines for f, lines in found.items() if f not in ALLOWED_IMPORT_FALLBACKS}
    assert not unexpected, f"`except ImportError` turns a broken install into a missing feature: {unexpected}"
