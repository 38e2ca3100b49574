"""Text from a corpus, a URL or a file name, made inert for the places Streamlit reads as markdown.

Pure (no streamlit). ``st.markdown``, ``st.caption``, ``st.error`` and friends read markdown:
a title like "[bấm vào](javascript:...)", "![](http://x/p.png)" (a request leaving the machine),
"<img onerror=...>", ":red[...]" or "**" would format, link or fetch. ``md_literal`` makes
such text read exactly as written. Tables (``st.dataframe``) and widget labels show text as
text already and need nothing.
"""
from __future__ import annotations

import html
import re

# every ASCII punctuation mark markdown, Streamlit directives (":red[...]", ":material/...:") or
# math ("$") could read as syntax
MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()#+-.!|>~$:=^\"'")
# GFM turns bare "http://…", "www.…" and "name@host" into links after escapes are resolved, so a
# backslash cannot stop it: an invisible word joiner inside the trigger does
WORD_JOINER = "\u2060"
AUTOLINK_TRIGGER_RE = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=www)(?=\.)|(?=@)")


def md_literal(text) -> str:
    """``text`` escaped for markdown: HTML as entities the renderer decodes back to the same
    characters, a word joiner inside anything GFM would autolink, a backslash before each
    markdown mark, and line breaks as spaces (a new line starting with "#" or "-" would
    otherwise become a heading or a list)."""
    escaped = html.escape(" ".join(str(text).split("\n")), quote=False)
    escaped = AUTOLINK_TRIGGER_RE.sub(WORD_JOINER, escaped)
    return "".join("\\" + ch if ch in MARKDOWN_SPECIALS else ch for ch in escaped)
