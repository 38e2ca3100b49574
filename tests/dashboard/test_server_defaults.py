"""Server defaults: local only unless asked, XSRF and CORS on, no tracebacks for users (an error id
instead, the traceback in the log), Streamlit's upload cap equal to ours, the favicon our own file.
(The running server is checked in a browser by tests/e2e/test_security.py.)"""
from __future__ import annotations

import ast
import logging
import re
from pathlib import Path

import pytest

from dashboard.settings import SETTINGS, setting
from loaders import cli

ROOT = Path(__file__).resolve().parents[2]


def options(argv: list[str]) -> dict[str, list[str]]:
    """``--name value`` pairs of a streamlit command line (repeated options keep every value)."""
    found: dict[str, list[str]] = {}
    for flag, value in zip(argv, argv[1:], strict=False):
        if flag.startswith("--") and not value.startswith("--"):
            found.setdefault(flag[2:], []).append(value)
    return found


@pytest.mark.parametrize("option, value", [
    pytest.param("server.address", "127.0.0.1", id="local-only-by-default"),
    pytest.param("server.enableXsrfProtection", "true", id="xsrf-on-whatever-the-config-files-say"),
    pytest.param("server.enableCORS", "true", id="cors-on"),
    pytest.param("client.showErrorDetails", "none", id="no-tracebacks-in-the-browser"),
    pytest.param("global.developmentMode", "false", id="not-a-dev-server"),
    pytest.param("browser.gatherUsageStats", "false", id="no-telemetry-request"),
    pytest.param("server.fileWatcherType", "none", id="no-file-watching"),
    pytest.param("server.headless", "true", id="opens-no-browser"),
])
def test_serve_passes_the_safe_server_options(option, value):
    argv, _ = cli.serve_command(None)
    assert options(argv).get(option) == [value]


def test_a_local_server_only_answers_to_local_host_names():
    argv, _ = cli.serve_command(None)
    assert sorted(options(argv)["server.allowedHosts"]) == sorted(cli.LOOPBACK_HOSTS)


def test_listening_on_every_interface_is_an_explicit_choice():
    args = cli.build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
    argv, _ = cli.serve_command(None, host="0.0.0.0")
    assert options(argv)["server.address"] == ["0.0.0.0"]
    assert "server.allowedHosts" not in options(argv)  # names of a shared server are the operator's to set


def test_make_run_serves_locally():
    run = re.search(r"^run:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert run and "ttdn serve" in run.group(1)
    assert "--host" not in run.group(1) and "0.0.0.0" not in run.group(1)


@pytest.mark.parametrize("env", [pytest.param(None, id="default"), pytest.param("37", id="overridden")])
def test_streamlits_upload_cap_follows_the_dashboards_upload_limit(monkeypatch, env):
    if env:
        monkeypatch.setenv("TTDN_MAX_UPLOAD_MB", env)
    else:
        monkeypatch.delenv("TTDN_MAX_UPLOAD_MB", raising=False)
    argv, _ = cli.serve_command(None)
    assert SETTINGS["max_upload_mb"].name == cli.UPLOAD_MB_VARIABLE
    assert options(argv)["server.maxUploadSize"] == [str(setting("max_upload_mb"))]


def test_page_config_names_our_own_image():
    tree = ast.parse((ROOT / "dashboard" / "app.py").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == "st.set_page_config"]
    icon = next(k.value for k in calls[0].keywords if k.arg == "page_icon")
    assert ast.unparse(icon) == "FAVICON", "a ':material/...:' or emoji icon is fetched or drawn by the browser"
    favicon = ROOT / "dashboard" / "icons" / "favicon.png"
    assert favicon.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


# ---------------------------------------------------------------- a failing page

class Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def test_a_failing_page_shows_an_error_id_and_logs_the_traceback(run_app, monkeypatch):
    from dashboard.components import errors
    from dashboard.views import overview

    def broken(corpus, filters):
        raise RuntimeError("secret detail /srv/data/x.jsonl")

    monkeypatch.setattr(overview, "render", broken)
    handler = Records()
    errors.LOG.addHandler(handler)
    try:
        at = run_app()  # asserts there is no exception element on the page
    finally:
        errors.LOG.removeHandler(handler)
    shown = [e.value for e in at.error]
    error_id = re.search(r"\b([0-9a-f]{8})\b", shown[0]).group(1)
    assert "secret detail" not in " ".join(shown) and "Traceback" not in " ".join(shown)
    logged = [r for r in handler.records if error_id in r.getMessage()]
    assert logged and logged[0].exc_info and "secret detail" in str(logged[0].exc_info[1])


def test_streamlits_own_control_flow_is_not_caught(run_app, monkeypatch):
    """st.stop() inside a page is Streamlit's, not an error: no error id appears."""
    import streamlit as st

    from dashboard.views import overview

    monkeypatch.setattr(overview, "render", lambda corpus, filters: st.stop())
    at = run_app()
    assert not at.error
