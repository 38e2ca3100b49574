"""A real server and a real Chromium for the browser tests (marker ``e2e``).

The app is started once per session on a free port against ../shared/corpus/seeds and
stopped at teardown. Chromium is Debian's /usr/bin/chromium driven by Playwright; nothing
is downloaded (no ``playwright install``). A missing chromium or corpus skips the tests with the
reason on a developer's machine and fails them in CI (tests/availability.py).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright import sync_api

from bench.server import free_port, healthy, serve_argv
from tests.availability import require

sys.path.insert(0, str(Path(__file__).parent))  # the e2e helpers (hostile.py, test_browser.py) import by name

from hostile import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
# Quiet, offline Chromium: no sandbox (containers run as root), no GPU, no background traffic.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
STARTUP_SECONDS = 120  # first start builds the corpus cache
VIEWPORT = {"width": 1400, "height": 1000}
ARTIFACTS = ROOT / "artifacts"
# Corpus for the run: the seeds by default; TTDN_E2E_CORPUS=demo (or a path) for fuller screenshots.
CORPUS_ENV = "TTDN_E2E_CORPUS"





def _corpus_choice() -> str | None:
    choice = os.environ.get(CORPUS_ENV, "")
    if choice == "demo":
        return None  # no path: the app builds the demo corpus
    return choice or str(SEEDS)


class Server:
    """One app server on a free port, with its own cache and data folders (corrections and uploads
    never land in ~ or ../shared); ``restart`` stops it and starts it again on the same port and data."""

    def __init__(self, corpus: str | None, tmp_path_factory):
        self.corpus, self.port = corpus, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = tmp_path_factory.mktemp("data")
        self.log_path = tmp_path_factory.mktemp("server") / "server.log"
        self.env = {**os.environ, "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
                    "STREAMLIT_SERVER_RUN_ON_SAVE": "false", "TTDN_CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
                    "TTDN_DATA_DIR": str(self.data_dir), "PYTHONPATH": str(ROOT)}
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(serve_argv(self.corpus, self.port), cwd=ROOT, env=self.env, stdout=log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + STARTUP_SECONDS
        while not healthy(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"app did not start; log tail:\n{self.log_path.read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()


@contextmanager
def running(server: Server):
    """``server`` started for the block and stopped after it, whatever the block raised."""
    try:
        server.start()
        yield server
    finally:
        server.stop()


def _require_browser_and(corpus: str | None) -> None:
    require(CHROMIUM.exists(), "/usr/bin/chromium is absent: install Debian's chromium package to run browser tests")
    require(corpus != str(SEEDS) or SEEDS.exists(),
            "../shared/corpus/seeds is absent (a user's fresh clone): the e2e run needs that corpus")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """The app on the e2e corpus (``.url``, ``.data_dir``, ``.log_path``)."""
    corpus = _corpus_choice()
    _require_browser_and(corpus)
    with running(Server(corpus, tmp_path_factory)) as server:
        yield server


@pytest.fixture(scope="session")
def app_url(app_server):
    return app_server.url


@pytest.fixture
def seeds_copy_server(tmp_path_factory):
    """A server of its own on a writable copy of the seeds, so corrections are written beside the copy."""
    _require_browser_and(str(SEEDS))
    folder = tmp_path_factory.mktemp("corpus") / "seeds"
    shutil.copytree(SEEDS, folder)
    with running(Server(str(folder), tmp_path_factory)) as server:
        yield server



@pytest.fixture(scope="session")
def hostile_url(app_url, tmp_path_factory):
    """A second server, on tests/e2e/hostile.py's corpus of planted markup (after ``app_url``: same skips)."""
    corpus = write_corpus(tmp_path_factory.mktemp("hostile") / "corpus")
    with running(Server(str(corpus), tmp_path_factory)) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM.exists(), "/usr/bin/chromium is absent: install Debian's chromium package to run browser tests")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    choice = os.environ.get(CORPUS_ENV, "")
    # the seeds run writes artifacts/screenshots/<page>.png; other corpora get their own folder
    folder = ARTIFACTS / "screenshots" / (Path(choice).name if choice else "")
    folder.mkdir(parents=True, exist_ok=True)
    return folder

