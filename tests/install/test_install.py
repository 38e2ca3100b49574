"""The project installs and runs as a new user gets it: ``pip install .`` into a fresh virtualenv.

Two installs from PyPI (marker ``install``, a few minutes each on a warm pip cache):
- with the interpreter's own pip (``python -m venv``, no upgrade: 23.x on Python 3.11), the
  newest versions pip resolves; an HTML page must ingest (it did not when lxml_html_clean was
  left to an extra that old pip cannot match);
- with every dependency pinned to its declared lower bound (a constraints file built from
  pyproject.toml), so the bounds we state are versions that really run the app.
Each runs tests/install/smoke.py inside the new venv: imports, ``ttdn ingest``, one app page.
"""
from __future__ import annotations

import ensurepip
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMOKE = Path(__file__).with_name("smoke.py")
SOURCES = ("pyproject.toml", "README.md", "loaders", "dashboard", "assets", "tools")
INSTALL_TIMEOUT_S = 1800  # a cold pip cache downloads a few hundred MB
SMOKE_TIMEOUT_S = 900
LOWER_BOUND_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*>=\s*([0-9][0-9.]*)\s*$")

pytestmark = pytest.mark.install


def declared_dependencies() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


def lower_bounds() -> dict[str, str]:
    """{distribution: minimum version} of every runtime dependency; each must be 'name>=X'."""
    bounds = {}
    for spec in declared_dependencies():
        match = LOWER_BOUND_RE.match(spec)
        assert match, f"dependency {spec!r} is not a plain lower bound 'name>=version'"
        bounds[match.group(1)] = match.group(2)
    return bounds


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def same_version(installed: str, wanted: str) -> bool:
    """1.26 == 1.26.0 (trailing zeros do not count), as pip's ``==`` compares them."""
    def parts(v: str) -> list[int]:
        nums = [int(p) for p in re.findall(r"\d+", v.split("+")[0])]
        while nums and nums[-1] == 0:
            nums.pop()
        return nums
    return parts(installed) == parts(wanted)


def copy_sources(dest: Path) -> Path:
    """The files a wheel is built from, outside the checkout (an in-tree build leaves build/ behind)."""
    dest.mkdir(parents=True)
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def clean_env() -> dict[str, str]:
    """This process's environment without anything that would put the checkout on the path."""
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}


def fresh_venv(where: Path) -> Path:
    """A virtualenv with the interpreter's bundled pip, not upgraded; returns its python."""
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, env=clean_env(), timeout=300)
    return where / "bin" / "python"


def pip(python: Path, *args: str) -> subprocess.CompletedProcess:
    run = subprocess.run([str(python), "-m", "pip", *args], capture_output=True, text=True, env=clean_env(),
                         timeout=INSTALL_TIMEOUT_S)
    assert run.returncode == 0, f"pip {' '.join(args)} failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    return run


def smoke(python: Path, workdir: Path) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    script = shutil.copy(SMOKE, workdir / "smoke.py")
    run = subprocess.run([str(python), "-I", str(script), str(workdir)], capture_output=True, text=True,
                         cwd=workdir, env=clean_env(), timeout=SMOKE_TIMEOUT_S)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, f"smoke run printed no result (exit {run.returncode}):\n{run.stderr[-3000:]}"
    result = json.loads(lines[-1])
    result["returncode"] = run.returncode
    return result


def assert_smoke_passed(result: dict) -> None:
    assert result["imports"] == [], "modules that do not import in a plain install:\n" + "\n".join(result["imports"])
    for check in ("ingest", "html", "app"):
        assert result[check]["ok"], f"{check} failed: {json.dumps(result[check], ensure_ascii=False)[:3000]}"
    assert result["returncode"] == 0


def test_plain_install_with_the_interpreters_own_pip_ingests_html(tmp_path):
    python = fresh_venv(tmp_path / "venv")
    version = pip(python, "--version").stdout.split()[1]
    assert version == ensurepip.version(), "the venv's pip must be the bundled one, not upgraded"
    pip(python, "install", "--quiet", str(copy_sources(tmp_path / "src")))
    pip(python, "check")
    assert_smoke_passed(smoke(python, tmp_path / "work"))


def test_declared_lower_bounds_install_and_run(tmp_path):
    bounds = lower_bounds()
    constraints = tmp_path / "minimums.txt"
    constraints.write_text("".join(f"{name}=={version}\n" for name, version in bounds.items()), encoding="utf-8")
    python = fresh_venv(tmp_path / "venv")
    pip(python, "install", "--quiet", "-c", str(constraints), str(copy_sources(tmp_path / "src")))
    pip(python, "check")
    result = smoke(python, tmp_path / "work")
    installed = {normalized(name): version for name, version in result["versions"].items()}
    wrong = {name: (installed.get(normalized(name)), version) for name, version in bounds.items()
             if not same_version(installed.get(normalized(name), "?"), version)}
    assert not wrong, f"installed != declared minimum: {wrong}"
    assert_smoke_passed(result)
