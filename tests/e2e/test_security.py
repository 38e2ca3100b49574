"""The running server, seen from outside: nothing leaves the machine, markup in a corpus never
runs, an upload survives a reload, and the server refuses what it should (foreign pages, forged
uploads, other interfaces).

Run: ``.venv/bin/python -m pytest -m e2e tests/e2e/test_security.py``.
"""
from __future__ import annotations

import base64
import io
import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest
from hostile import FLAG, MD_LINK, PROBE_HOST, SCRIPT, SEARCH
from test_browser import LANG, download, open_page, page_paths, wait_ready

from dashboard import i18n
from tests.availability import require

pytestmark = pytest.mark.e2e

VIEWPORT = {"width": 1400, "height": 1000}
HARMLESS_SCHEMES = ("data", "blob", "about")  # in-page resources, never a network request


class Watch:
    """Every request, dialog and page error of a browser context."""

    def __init__(self, context):
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        context.on("request", lambda r: self.requests.append(r.url))
        context.on("page", self._attach)

    def _attach(self, page) -> None:
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def off_host(self, app_url: str) -> list[str]:
        host = urllib.parse.urlparse(app_url).netloc
        return [u for u in self.requests if urllib.parse.urlparse(u).scheme not in HARMLESS_SCHEMES
                and urllib.parse.urlparse(u).netloc != host and not u.startswith("file://")]


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="vi-VN")
    watch = Watch(context)
    page = context.new_page()
    yield page, watch
    context.close()


# ---------------------------------------------------------------- nothing leaves the machine

def test_a_page_tour_never_leaves_the_machine(watched, app_url):
    page, watch = watched
    for path in page_paths():
        open_page(page, app_url, path)
    open_page(page, app_url, "overview", lang="en")
    page.locator('[data-testid="stPopover"] button').first.click()  # an export menu: its icons, its buttons
    page.locator('[data-testid="stPopoverBody"]').first.wait_for()
    icons = page.evaluate("() => [...document.querySelectorAll('link[rel*=icon]')].map(l => l.href)")
    assert icons and all(href.startswith(app_url) for href in icons), icons
    assert watch.requests, "the recorder saw nothing: the check would pass vacuously"
    assert watch.off_host(app_url) == []


# ---------------------------------------------------------------- markup in a corpus stays text

def _assert_inert(page, watch, app_url, where: str) -> None:
    assert page.evaluate(f"() => window.{FLAG}") is None, f"{where}: a planted script ran"
    assert watch.dialogs == [], f"{where}: a dialog opened"
    assert page.locator('a[href^="javascript:" i], [onerror], [onload]').count() == 0, f"{where}: live markup"
    assert [u for u in watch.off_host(app_url) if PROBE_HOST in u] == [], f"{where}: markup fetched something"


def test_every_page_of_a_hostile_corpus_runs_nothing(watched, hostile_url):
    page, watch = watched
    for path in page_paths():
        open_page(page, hostile_url, path, relevant="0")
        _assert_inert(page, watch, hostile_url, path)
    open_page(page, hostile_url, "overview", q=SEARCH)
    _assert_inert(page, watch, hostile_url, "search")
    assert SEARCH in page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
    assert watch.off_host(hostile_url) == []


@pytest.mark.parametrize("doc_id, shown", [
    pytest.param("hostile-0", SCRIPT, id="script-in-title-and-body"),
    pytest.param("hostile-1", "onerror=", id="img-onerror"),
    pytest.param("hostile-2", "javascript:", id="javascript-link"),
    pytest.param("hostile-3", MD_LINK, id="markdown-link"),
    pytest.param("hostile-4", f"http://{PROBE_HOST}/md.png", id="markdown-image"),
    pytest.param(f'bài <img src=x onerror="window.{FLAG}=1">', "bài <img", id="markup-in-the-file-name"),
])
def test_the_article_view_shows_planted_markup_as_text(watched, hostile_url, doc_id, shown):
    page, watch = watched
    open_page(page, hostile_url, "articles", doc=doc_id, relevant="0")
    _assert_inert(page, watch, hostile_url, doc_id)
    picker = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"] input').first.input_value()
    text = page.locator('[data-testid="stMain"]').inner_text() + picker
    assert shown in text, f"{doc_id}: the planted text should read as written"


def test_exported_report_and_chart_run_nothing(watched, hostile_url, tmp_path):
    page, watch = watched
    open_page(page, hostile_url, "overview", relevant="0")
    with page.expect_download() as info:
        page.locator('[data-testid="stDownloadButton"] button').filter(
            has_text=i18n.t("export.report", LANG)).first.click()
    report = tmp_path / "report.html"
    info.value.save_as(report)
    open_page(page, hostile_url, "time", relevant="0")
    _name, chart = download(page, i18n.t("export.chart", LANG), i18n.t("export.html", LANG))
    (tmp_path / "chart.html").write_bytes(chart)
    for exported in (report, tmp_path / "chart.html"):
        page.goto(exported.as_uri())
        page.wait_for_load_state("load")
        _assert_inert(page, watch, hostile_url, exported.name)
    assert "<script>window" not in report.read_text(encoding="utf-8").split("</head>", 1)[1]


# ---------------------------------------------------------------- uploads

def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"0" * (30 * 1024 * 1024))
    return buf.getvalue()


UPLOAD_ROWS = [{"id": f"up{i}", "text": f"Bài tải lên {i}: Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Nghệ An họp."}
               for i in range(3)]
UPLOADS = [
    {"name": "../../tải lên.jsonl", "mimeType": "application/json",
     "buffer": "\n".join(json.dumps(r, ensure_ascii=False) for r in UPLOAD_ROWS).encode("utf-8")},
    {"name": "[bấm](javascript:x).zip", "mimeType": "application/zip", "buffer": b"PK not a zip"},
    {"name": "bomb.zip", "mimeType": "application/zip", "buffer": _zip_bomb()},
]


def _source_line(page) -> str:
    return page.locator('[data-testid="stSidebar"] [data-testid="stCaptionContainer"]').last.inner_text()


def test_an_upload_refuses_bad_files_and_survives_a_reload(watched, app_server):
    page, watch = watched
    app_url, data_dir = app_server.url, app_server.data_dir
    open_page(page, app_url, "overview")
    page.locator('[data-testid="stSidebar"] [data-testid="stExpander"] summary').filter(
        has_text=i18n.t("upload.title", LANG)).click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(UPLOADS)
    load = page.get_by_role("button", name=i18n.t("upload.load", LANG))
    load.wait_for(timeout=60_000)
    wait_ready(page)
    alerts = page.locator('[data-testid="stSidebar"] [data-testid="stAlert"]').all_inner_texts()
    assert any("[bấm](javascript:x).zip" in a and "zip" in a for a in alerts), alerts  # the name, as text
    assert any(a.count("bomb.zip") == 1 for a in alerts), alerts
    load.click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('upload')", timeout=60_000)
    wait_ready(page)
    upload_id = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["upload"][0]
    expected = i18n.t("sidebar.source", LANG, source="upload", n=i18n.fmt_int(len(UPLOAD_ROWS), LANG))
    assert _source_line(page) == expected
    page.reload()
    wait_ready(page)
    assert _source_line(page) == expected, "a reload keeps the upload (its id is in the URL)"
    page.get_by_role("link", name=i18n.t("nav.time", LANG)).click()
    page.wait_for_url(f"**/time?*upload={upload_id}*", timeout=60_000)
    wait_ready(page)
    assert _source_line(page) == expected
    saved = [p.relative_to(data_dir).as_posix() for p in Path(data_dir).rglob("*") if p.is_file()]
    assert [p for p in saved if "/files/" in p] == [f"uploads/{upload_id}/files/tải lên.jsonl"]  # the name rebuilt
    assert all(p.startswith(f"uploads/{upload_id}/") for p in saved), saved  # its parse cache beside it
    assert watch.off_host(app_url) == []


# ---------------------------------------------------------------- what the server refuses

def test_an_upload_without_the_pages_xsrf_token_is_refused(app_url):
    request = urllib.request.Request(f"{app_url}/_stcore/upload_file/some-session/some-file", data=b"x", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def _handshake(port: int, host: str, origin: str | None = None) -> str:
    """The status line a websocket upgrade to the app gets for these Host and Origin headers."""
    lines = ["GET /_stcore/stream HTTP/1.1", f"Host: {host}", "Upgrade: websocket", "Connection: Upgrade",
             f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}", "Sec-WebSocket-Version: 13",
             "Sec-WebSocket-Protocol: streamlit", *([f"Origin: {origin}"] if origin else [])]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        return s.recv(200).split(b"\r\n")[0].decode()


@pytest.mark.parametrize("host, origin, opens", [
    pytest.param("127.0.0.1", "http://127.0.0.1", True, id="the-app-itself"),
    pytest.param("localhost", None, True, id="localhost-name"),
    pytest.param("127.0.0.1", "http://evil.example", False, id="another-site-in-the-browser"),
    pytest.param("evil.example", "http://evil.example", False, id="dns-rebinding"),
])
def test_only_the_app_itself_opens_its_websocket(app_url, host, origin, opens):
    port = urllib.parse.urlparse(app_url).port
    status = _handshake(port, f"{host}:{port}", origin and f"{origin}:{port}")
    assert (" 101 " in status) is opens, status


def _listening_addresses(port: int) -> list[str]:
    """Local addresses with a LISTEN socket on ``port``, read from /proc/net/tcp{,6} (Linux)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.append(address)
    return found


def test_the_server_listens_on_loopback_only(app_url):
    require(Path("/proc/net/tcp").exists(), "reads the socket table from /proc/net/tcp (Linux only)")
    addresses = _listening_addresses(urllib.parse.urlparse(app_url).port)
    assert addresses == ["0100007F"], addresses  # 127.0.0.1, little-endian hex; no 0.0.0.0, no ::
