"""Text from a corpus, a URL or a file name is shown as text wherever it lands: markdown captions
and headings, chart labels and hover text, table links, the HTML report and exported charts.
(The browser proof that nothing runs is tests/e2e/test_security.py.)"""
from __future__ import annotations

import json
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import charts, cloud, export, report_html
from dashboard.components import tables
from dashboard.components.text import MARKDOWN_SPECIALS, WORD_JOINER, md_literal
from dashboard.filters import Filters

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src="http://probe.invalid/x.png" onerror="window.__pwned=1">'
HOSTILE = [SCRIPT, IMG, "[bấm](javascript:alert(1))", "![ảnh](http://probe.invalid/p.png)", "<b>đậm</b> & co"]
RAW_MARKUP_RE = re.compile(r"<\s*(script|img|a|b|svg|iframe)\b", re.I)
OWN_COUNT_RE = re.compile(r"<b>[\d.,]+</b>")


# ---------------------------------------------------------------- markdown

def _unescaped_specials(text: str) -> list[str]:
    """Markdown marks in ``text`` not preceded by a backslash (an escaped backslash counts as text)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in MARKDOWN_SPECIALS:
            out.append(text[i])
        i += 1
    return out


@pytest.mark.parametrize("text", [
    pytest.param("[bấm vào](javascript:window.__pwned=1)", id="markdown-link"),
    pytest.param("![ảnh](http://probe.invalid/p.png)", id="markdown-image-would-fetch"),
    pytest.param(SCRIPT, id="script-tag"),
    pytest.param(IMG, id="img-onerror"),
    pytest.param("**đậm** _nghiêng_ ~~gạch~~ `mã`", id="emphasis-and-code"),
    pytest.param(":red[đỏ] :material/home: :smile:", id="streamlit-directives-and-emoji"),
    pytest.param("$x^2$ | a | b |", id="math-and-table"),
    pytest.param("dòng một\n# tiêu đề\n- mục", id="a-new-line-starting-a-heading-or-list"),
])
def test_md_literal_leaves_no_markdown_or_html(text):
    out = md_literal(text)
    assert "<" not in out and ">" not in out.replace("\\>", "")
    assert _unescaped_specials(out) == []
    assert "\n" not in out


@pytest.mark.parametrize("text", [
    pytest.param("xem http://probe.invalid/a", id="bare-url"),
    pytest.param("xem www.probe.invalid", id="www"),
    pytest.param("gửi ban@probe.invalid", id="email"),
])
def test_md_literal_breaks_gfm_autolinks(text):
    """GFM links bare addresses after resolving escapes: a word joiner inside the trigger stops it."""
    out = md_literal(text)
    assert WORD_JOINER in out
    assert out.replace(WORD_JOINER, "").replace("\\", "") == text  # reads as the same characters


def test_md_literal_keeps_plain_vietnamese_readable():
    assert md_literal("Nghệ An sơ kết 6 tháng") == "Nghệ An sơ kết 6 tháng"


@pytest.mark.parametrize("params", [
    pytest.param({"q": "[bấm](javascript:window.__pwned=1)"}, id="markdown-link-in-the-search"),
    pytest.param({"q": IMG}, id="html-in-the-search"),
])
def test_the_filter_sentence_quotes_the_search_as_text(run_page, params):
    at = run_page("overview", params=params)
    sentence = next(c.value for c in at.caption if c.value.startswith("Đang đếm"))
    assert md_literal(params["q"]) in sentence
    assert "](" not in sentence and "<img" not in sentence


def test_an_article_title_is_shown_as_text(run_page, corpus):
    hostile = corpus.articles.copy()
    hostile.loc[hostile["doc_id"] == "a11", "title"] = "Tin [bấm](javascript:alert(1)) xem http://probe.invalid"
    at = run_page("articles", params={"doc": "a11"}, corpus_=corpus.__class__(**{**corpus.__dict__,
                                                                                 "articles": hostile}))
    heading = next(m.value for m in at.markdown if m.value.startswith("####"))
    assert heading == "#### " + md_literal("Tin [bấm](javascript:alert(1)) xem http://probe.invalid")


# ---------------------------------------------------------------- charts

def _figure_strings(fig: go.Figure) -> str:
    """Every string of the figure as plotly.js will read it (JSON escapes decoded)."""
    return json.dumps(json.loads(fig.to_json()), ensure_ascii=False)


def _hostile_places() -> pd.DataFrame:
    return pd.DataFrame({"name": HOSTILE, "province": HOSTILE, "count": range(1, len(HOSTILE) + 1),
                         "lat": [21.0, 19.0, 16.0, 12.0, 10.5], "lon": [105.8, 105.5, 107.5, 109.0, 106.6]})


def _with_archipelago_owners(frame: pd.DataFrame) -> pd.DataFrame:
    """The tile map draws Hoàng Sa and Trường Sa beside these two: it is always given every province."""
    owners = pd.DataFrame({"name": ["Đà Nẵng", "Khánh Hòa"], "province": ["Đà Nẵng", "Khánh Hòa"],
                           "count": [0, 0], "lat": [16.05, 12.25], "lon": [108.2, 109.2]})
    return pd.concat([frame, owners], ignore_index=True)


@pytest.mark.parametrize("build", [
    pytest.param(lambda f: charts.ranked_bar(f, "name", "count", "vi", "t", "n"), id="ranked-bar"),
    pytest.param(lambda f: charts.heatmap(f.assign(theme=HOSTILE), "province", "theme", "count", "vi", "t"),
                 id="heatmap-rows-columns-hover"),
    pytest.param(lambda f: charts.province_tile_map(_with_archipelago_owners(f), "63", "vi", "meetings", "t"),
                 id="map-labels-and-hover"),
    pytest.param(lambda f: charts.compare_types(f.assign(meeting_type="so_ket"), "vi", "meetings"),
                 id="compare-by-type"),
    pytest.param(lambda f: charts.delegations(f.assign(delegations_in=1, delegations_out=2), "province", "vi", "t"),
                 id="delegations"),
])
def test_chart_labels_from_the_data_are_text_not_plotly_markup(build):
    # the map's own markup: each tile's count in bold under its name
    strings = OWN_COUNT_RE.sub("", _figure_strings(build(_hostile_places())))
    assert not RAW_MARKUP_RE.search(strings), "plotly would read these tags as markup"
    assert "&lt;script&gt;" in strings


# ---------------------------------------------------------------- tables, report, exports

@pytest.mark.parametrize("url, shown", [
    pytest.param("https://baonghean.vn/a", "https://baonghean.vn/a", id="web-link-kept"),
    pytest.param("javascript:window.__pwned=1", "–", id="script-link-dropped"),
    pytest.param(" JavaScript:alert(1)", "–", id="script-link-any-case"),
    pytest.param("data:text/html,<script>alert(1)</script>", "–", id="data-url-dropped"),
    pytest.param("file:///etc/passwd", "–", id="local-file-dropped"),
])
def test_table_link_columns_open_only_web_pages(url, shown):
    out = tables.display_frame(pd.DataFrame({"url": [url]}), "vi")
    assert out["url"].tolist() == [shown]


def test_html_report_shows_titles_filters_and_table_cells_as_text():
    table = pd.DataFrame({"title": HOSTILE, "source": HOSTILE})
    fig = charts.ranked_bar(_hostile_places(), "name", "count", "vi", "t", "n")
    page = report_html.html_report(SCRIPT, f"q={IMG}", [(SCRIPT, fig, table)]).decode("utf-8")
    body = page.split("</head>", 1)[1]  # past the inlined plotly.js
    assert "window.__pwned=1</script>" not in body
    charts_js = re.compile(r"<script[^>]*>(?:(?!</script>).)*?Plotly\.newPlot.*?</script>", re.S)  # plotly's own
    assert not RAW_MARKUP_RE.search(charts_js.sub("", body)), "the only tags are the report's own"
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body


def test_exported_chart_html_keeps_labels_inside_its_data():
    fig = charts.ranked_bar(_hostile_places(), "name", "count", "vi", SCRIPT, "n")
    page = export.figure_html(fig).decode("utf-8")
    assert "<script>window.__pwned" not in page and "<img src=\"http://probe" not in page


def test_word_cloud_svg_writes_terms_as_text():
    svg = cloud.wordcloud_svg({SCRIPT: 5, "thông tin": 3}, 300, 150)
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_filters_never_evaluate_what_the_url_holds():
    f = Filters.from_query_params({"q": "__import__('os').system('x')", "province": "<b>x</b>"})
    assert f.search == "__import__('os').system('x')" and f.provinces == ("<b>x</b>",)
