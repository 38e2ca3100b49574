"""Every test runs with its own app data folder: corrections a developer made in the dashboard
(kept in ~/.local/share/ttdn for read-only corpora such as ../shared) never reach a test."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_data_dir(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("TTDN_DATA_DIR", str(tmp_path_factory.mktemp("ttdn-data")))
    yield
    mp.undo()
