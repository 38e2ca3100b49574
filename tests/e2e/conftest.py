"""A real server and a real Chromium for the browser tests (marker ``e2e``).

The app is started once per session on a free port against ../shared/corpus/seeds and
stopped at teardown. Chromium is Debian's /usr/bin/chromium driven by Playwright; nothing
is downloaded (no ``playwright install``). Missing pieces skip the tests with the reason.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_command(corpus: str | None, port: int) -> list[str]:
    """``ttdn serve`` when the CLI has it, else streamlit directly (same app, same flags)."""
    ttdn = Path(sys.executable).with_name("ttdn")
    cli = ROOT / "loaders" / "cli.py"
    if ttdn.exists() and cli.exists() and "serve" in cli.read_text(encoding="utf-8"):
        return [str(ttdn), "serve", *([corpus] if corpus else []), "--port", str(port)]
    return [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
            "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
            "--browser.gatherUsageStats", "false", "--", *(["--corpus", corpus] if corpus else [])]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def _corpus_choice() -> str | None:
    choice = os.environ.get(CORPUS_ENV, "")
    if choice == "demo":
        return None  # no path: the app builds the demo corpus
    return choice or str(SEEDS)


@contextmanager
def start_app(corpus: str | None, tmp_path_factory, extra_env: dict | None = None):
    """Start ``ttdn serve`` on ``corpus`` (a free port, its own cache and data folders); yield
    ``(url, data_dir, log_path)``; stop it at the end. Shared by every server the e2e tests need."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    data_dir = tmp_path_factory.mktemp("data")
    env = {**os.environ, "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none", "STREAMLIT_SERVER_RUN_ON_SAVE": "false",
           "TTDN_CACHE_DIR": str(tmp_path_factory.mktemp("cache")), "TTDN_DATA_DIR": str(data_dir),
           "PYTHONPATH": str(ROOT), **(extra_env or {})}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(_serve_command(corpus, port), cwd=ROOT, env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"app did not start; log tail:\n{log_path.read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)
        yield url, data_dir, log_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: install Debian's chromium package to run browser tests")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """The app on the e2e corpus: ``(url, data_dir, log_path)``."""
    require_chromium()
    corpus = _corpus_choice()
    if corpus == str(SEEDS) and not SEEDS.exists():
        pytest.skip("../shared/corpus/seeds is absent (a user's fresh clone): the e2e run needs that corpus")
    with start_app(corpus, tmp_path_factory) as server:
        yield server


@pytest.fixture(scope="session")
def app_url(app_server):
    return app_server[0]


@pytest.fixture(scope="session")
def hostile_url(app_url, tmp_path_factory):
    """A second server, on tests/e2e/hostile.py's corpus of planted markup (after ``app_url``: same skips)."""
    corpus = write_corpus(tmp_path_factory.mktemp("hostile") / "corpus")
    with start_app(str(corpus), tmp_path_factory) as (url, _data_dir, _log):
        yield url


@pytest.fixture(scope="session")
def browser(app_url):
    sync_api = pytest.importorskip("playwright.sync_api", reason="python playwright is not installed")
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

