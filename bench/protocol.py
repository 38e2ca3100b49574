"""Streamlit's websocket as a browser speaks it, for bench/session.py: what one script run sent
back (``Page``), the state a browser reports for each widget it shows, and the upload PUT.

The browser sends ``BackMsg.rerun_script`` with its URL's query string, the page and the state of
every widget, and reads ``ForwardMsg``s until ``script_finished``. Widgets are found by their keys
(Streamlit ends a keyed widget's id with "-<key>").
"""
from __future__ import annotations

import urllib.request
from dataclasses import dataclass, field

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from dashboard import i18n

LANG = "vi"
ROOT_MAIN, ROOT_SIDEBAR = 0, 1  # delta_path[0]: which container an element went to
ERROR_PREFIX = i18n.t("error.shown", LANG, id="").split(":")[0]


@dataclass
class Page:
    """What one script run sent back."""

    seconds: float
    widgets: dict = field(default_factory=dict)  # key -> element proto
    shown_states: dict = field(default_factory=dict)  # key -> (state a browser would adopt, set by the app?)
    query: str = ""
    main_text: list = field(default_factory=list)
    sidebar_text: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    pages: dict = field(default_factory=dict)  # url path -> page_script_hash
    session_id: str = ""
    file_urls: list = field(default_factory=list)


def browser_state(kind: str, proto) -> WidgetState | None:
    """The state a browser sends back for a widget it was just shown (every rendered widget
    reports its value on each run, touched or not); None for widgets that report nothing."""
    state = WidgetState(id=proto.id)
    if kind in ("radio", "selectbox"):
        if proto.HasField("raw_value"):
            state.string_value = proto.raw_value
        elif proto.HasField("default") and proto.options:
            state.string_value = proto.options[proto.default]
        else:
            return None
    elif kind == "multiselect":
        chosen = list(proto.raw_values) if proto.set_value else [proto.options[i] for i in proto.default]
        state.string_array_value.data.extend(chosen)
    elif kind in ("text_input", "checkbox"):
        value = proto.value if proto.set_value else proto.default
        if kind == "text_input":
            state.string_value = value
        else:
            state.bool_value = value
    elif kind == "date_input":
        state.string_array_value.data.extend(proto.value if proto.set_value else proto.default)
    else:
        return None
    return state


def record(page: Page, msg: ForwardMsg) -> None:
    """Note what ``msg`` tells about the page being built."""
    kind = msg.WhichOneof("type")
    if kind == "new_session":
        page.session_id = msg.new_session.initialize.session_id
    elif kind == "page_info_changed":
        page.query = msg.page_info_changed.query_string
    elif kind == "navigation":
        page.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages if p.url_pathname}
    elif kind == "file_urls_response":
        page.file_urls = list(msg.file_urls_response.file_urls)
    elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        _record_element(page, msg.delta.new_element, msg.metadata.delta_path[0] if msg.metadata.delta_path else 0)


def _record_element(page: Page, element, root: int) -> None:
    kind = element.WhichOneof("type")
    proto = getattr(element, kind)
    if kind == "exception":
        page.problems.append(f"exception on the page: {proto.type}: {proto.message[:200]}")
    element_id = getattr(proto, "id", "")
    if element_id:
        page.widgets[element_id.rsplit("-", 1)[-1]] = proto
        state = browser_state(kind, proto)
        if state is not None:
            page.shown_states[element_id.rsplit("-", 1)[-1]] = (state, bool(getattr(proto, "set_value", False)))
    text = getattr(proto, "body", "")
    if kind == "alert" and text.startswith(ERROR_PREFIX):
        page.problems.append(f"error shown: {text[:200]}")
    if kind in ("markdown", "alert") and text:
        (page.sidebar_text if root == ROOT_SIDEBAR else page.main_text).append(text)


def put_file(base_url: str, upload_url: str, name: str, data: bytes) -> None:
    """PUT one file as the browser does: multipart body, the XSRF cookie and the same token in a header."""
    with urllib.request.urlopen(base_url + "/_stcore/health", timeout=60) as resp:  # the route that sets it
        cookies = [c.split(";")[0] for c in resp.headers.get_all("Set-Cookie") or [] if c.startswith("_streamlit_xsrf")]
    if not cookies:
        raise OSError("the server set no XSRF cookie")
    cookie = cookies[0]
    token = cookie.split("=", 1)[1]
    boundary = "ttdnloadboundary"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    target = upload_url if upload_url.startswith("http") else base_url + upload_url
    request = urllib.request.Request(target, data=body, method="PUT", headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": cookie, "X-Xsrftoken": token})
    with urllib.request.urlopen(request, timeout=60) as resp:
        if resp.status >= 300:
            raise OSError(f"upload answered {resp.status}")
