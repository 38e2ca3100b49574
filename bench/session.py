"""One dashboard session driven over Streamlit's websocket, as a browser drives it (for bench/load.py).

The session does what a user does (picks provinces, types a search, flips switches, moves between
pages, uploads its own corpus) and checks every page it gets against what it itself chose; the
wire format is in ``bench/protocol.py``.
"""
from __future__ import annotations

import asyncio
import json
import random
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import FileUploaderState, UploadedFileInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

from bench.protocol import LANG, Page, put_file, record
from dashboard import i18n
from dashboard.components.text import md_literal
from dashboard.filters import Filters, describe

PAGE_TIMEOUT = 300  # seconds for one page on a loaded two-core machine before it counts as a failure
SEARCHES = ("", "", "Hà Nội", "kinh tế", "thông tin đối ngoại", "bóng đá")  # "" twice: often no search
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class SessionReport:
    index: int
    page_seconds: list = field(default_factory=list)
    seconds_by_page: dict = field(default_factory=dict)  # url path -> page times there
    problems: list = field(default_factory=list)
    upload_id: str | None = None


class Session:
    """One simulated user: ``run(deadline)`` changes filters until ``deadline`` (time.monotonic())."""

    def __init__(self, url: str, index: int, seed: int = 8, upload_articles: int = 0):
        self.url, self.index, self.upload_articles = url, index, upload_articles
        self.rng = random.Random(seed * 1000 + index)
        self.report = SessionReport(index)
        self.states: dict[str, WidgetState] = {}  # key -> every widget's state, sent on every run (as browsers do)
        self.wanted = Filters(lang=LANG)
        self.last: Page = Page(0.0)
        self.page_path = "overview"
        self.source_line: str | None = None  # what the sidebar says the corpus is, first seen

    async def warm_up(self, timeout: float) -> SessionReport:
        """One page, waited for as long as a cold corpus takes: the server is ready after it."""
        async with self._connect() as ws:
            await self._run_page(ws, timeout=timeout)
        return self.report

    async def run(self, deadline: float) -> SessionReport:
        try:
            async with self._connect() as ws:
                await self._run_page(ws)
                if self.upload_articles:
                    await self._upload(ws)
                while time.monotonic() < deadline and not self.report.problems:
                    self._change_something()
                    await self._run_page(ws)
        except asyncio.TimeoutError:
            self._note([f"no answer within {PAGE_TIMEOUT} s"])
        except (OSError, ConnectionError) as exc:
            self._note([f"connection failed: {exc!r}"])
        return self.report

    def _connect(self):
        return connect(self.url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"],
                       max_size=None, open_timeout=60, ping_interval=None)

    async def _run_page(self, ws, timeout: float = PAGE_TIMEOUT, check: bool = True) -> Page:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.last.query or f"lang={LANG}"
        state.page_name = self.page_path
        state.page_script_hash = self.last.pages.get(self.page_path, "")
        state.widget_states.widgets.extend(self.states.values())
        self.states = {k: v for k, v in self.states.items() if not v.HasField("trigger_value")}  # a click is once
        page = Page(0.0, pages=self.last.pages, session_id=self.last.session_id, query=self.last.query)
        start = time.perf_counter()
        await ws.send(msg.SerializeToString())
        await asyncio.wait_for(self._read_until_finished(ws, page), timeout)
        page.seconds = time.perf_counter() - start
        self.last = page
        self._adopt(page)
        self.report.page_seconds.append(page.seconds)
        self.report.seconds_by_page.setdefault(self.page_path, []).append(page.seconds)
        self._note(page.problems + (self._check(page) if check else []))
        return page

    def _adopt(self, page: Page) -> None:
        """Keep what a browser keeps: a widget's value stays what the user made it, unless the app
        set it (``set_value``) or the widget is new (its first value is its default)."""
        self.states = {k: v for k, v in self.states.items() if k in page.shown_states or k == "upload_files"}
        for key, (state, set_by_app) in page.shown_states.items():
            if set_by_app or key not in self.states or self.states[key].id != state.id:
                self.states[key] = state

    def _note(self, problems: list[str]) -> None:
        self.report.problems += [f"session {self.index} {self.page_path}: {p}" for p in problems]

    @staticmethod
    async def _read_until_finished(ws, page: Page) -> None:
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            record(page, msg)
            if msg.WhichOneof("type") == "script_finished" and msg.script_finished in FINISHED:
                return

    # ------------------------------------------------------------ what a user does

    def _change_something(self) -> None:
        action = self.rng.choice(("provinces", "provinces", "search", "unit", "relevant", "page", "page"))
        widgets = self.last.widgets
        if action == "provinces" and "f_provinces" in widgets:
            options = list(widgets["f_provinces"].options)
            picked = tuple(self.rng.sample(options, k=min(len(options), self.rng.choice((0, 1, 1, 2)))))
            self._set("f_provinces", widgets["f_provinces"].id, string_array=list(picked))
            self.wanted = self.wanted.with_(provinces=picked)
        elif action == "search" and "f_search" in widgets:
            text = self.rng.choice(SEARCHES)
            self._set("f_search", widgets["f_search"].id, string=text)
            self.wanted = self.wanted.with_(search=text)
        elif action == "unit" and "f_unit" in widgets:
            unit = "articles" if self.wanted.unit == "meetings" else "meetings"
            self._set("f_unit", widgets["f_unit"].id, string=i18n.t(f"filters.unit_{unit}", LANG))
            self.wanted = self.wanted.with_(unit=unit)
        elif action == "relevant" and "f_relevant" in widgets:
            self._set("f_relevant", widgets["f_relevant"].id, boolean=not self.wanted.relevant_only)
            self.wanted = self.wanted.with_(relevant_only=not self.wanted.relevant_only)
        elif self.last.pages:
            self.page_path = self.rng.choice(sorted(self.last.pages))

    def _set(self, key: str, widget_id: str, string=None, string_array=None, boolean=None, trigger=False) -> None:
        state = WidgetState(id=widget_id)
        if string is not None:
            state.string_value = string
        elif string_array is not None:
            state.string_array_value.data.extend(string_array)
        elif boolean is not None:
            state.bool_value = boolean
        elif trigger:
            state.trigger_value = True
        self.states[key] = state

    async def _upload(self, ws) -> None:
        """Upload ``upload_articles`` articles of this session's own through the browser's route, load them."""
        rows = [{"id": f"s{self.index}-{k}",
                 "text": f"Bài tải lên {self.index}-{k}: Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Nghệ An "
                         f"họp lần thứ {k} của phiên {self.index}."} for k in range(self.upload_articles)]
        data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode("utf-8")
        name = f"session-{self.index}.jsonl"
        request = BackMsg()
        request.file_urls_request.request_id = f"upload-{self.index}"
        request.file_urls_request.file_names.append(name)
        request.file_urls_request.session_id = self.last.session_id
        await ws.send(request.SerializeToString())
        urls = await asyncio.wait_for(self._file_urls(ws), PAGE_TIMEOUT)
        await asyncio.to_thread(put_file, self.url, urls.upload_url, name, data)
        info = UploadedFileInfo(name=name, size=len(data), file_id=urls.file_id, file_urls=urls)
        uploader = WidgetState(id=self.last.widgets["upload_files"].id,
                               file_uploader_state_value=FileUploaderState(uploaded_file_info=[info]))
        self.states["upload_files"] = uploader
        page = await self._run_page(ws)
        if "upload_load" not in page.widgets:
            self.report.problems.append(f"session {self.index}: no load button after upload: {page.sidebar_text}")
            return
        self._set("upload_load", page.widgets["upload_load"].id, trigger=True)
        page = await self._run_page(ws, check=False)
        self.report.upload_id = dict(parse_qsl(page.query)).get("upload")
        self._note(self._check(page) if self.report.upload_id else ["the upload is not in the URL"])

    @staticmethod
    async def _file_urls(ws):
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            if msg.WhichOneof("type") == "file_urls_response":
                return msg.file_urls_response.file_urls[0]

    # ------------------------------------------------------------ checks

    def _check(self, page: Page) -> list[str]:
        """This session's own filters in its URL and its sentence; its own corpus in the sidebar."""
        params = dict(parse_qsl(page.query))
        shown = Filters.from_query_params(params)
        problems = []
        for name in ("provinces", "search", "unit", "relevant_only"):
            seen, chosen = getattr(shown, name), getattr(self.wanted, name)
            if seen != chosen:
                problems.append(f"URL {name}={seen!r}, this session chose {chosen!r}")
        sentence = md_literal(describe(shown))
        if not any(text.startswith(sentence) for text in page.main_text):
            problems.append(f"filter sentence is not this session's: wanted {sentence[:120]!r}")
        if params.get("upload") != self.report.upload_id:
            problems.append(f"URL names upload {params.get('upload')!r}, this session's is {self.report.upload_id!r}")
        problems += self._check_source(page)
        return problems

    def _check_source(self, page: Page) -> list[str]:
        prefix = i18n.t("sidebar.source", LANG, source="\0", n="").split("\0")[0]
        lines = [t for t in page.sidebar_text if t.startswith(prefix)]
        if not lines:
            return ["no corpus line in the sidebar"]
        if self.report.upload_id:
            wanted = i18n.t("sidebar.source", LANG, source="upload", n=i18n.fmt_int(self.upload_articles, LANG))
            return [] if lines[0] == wanted else [f"sidebar says {lines[0]!r}, this session uploaded {wanted!r}"]
        if "upload" in lines[0].split("·")[0]:
            return [f"a session that uploaded nothing sees an upload: {lines[0]!r}"]
        self.source_line = self.source_line or lines[0]
        return [] if lines[0] == self.source_line else [f"corpus changed under the session: {lines[0]!r}"]
