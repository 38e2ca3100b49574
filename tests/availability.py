"""What a test does when something it needs is absent: in CI a failure, on a laptop a skip.

CI (``CI`` set to anything but empty/0/false, as .ci/run is started with CI=true) has chromium and
../shared by construction, so their absence there means a broken build, not a reason to pass.
A developer's fresh clone may lack them: the test skips and ``-ra`` prints the reason.
"""
from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def require(present: bool, reason: str) -> None:
    """Fail (in CI) or skip (elsewhere) with ``reason`` unless ``present``."""
    if present:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI=true: a missing prerequisite is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)
