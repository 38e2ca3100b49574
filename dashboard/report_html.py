"""The one-file HTML report: header, sections (heading, chart, table), methodology, the evidence
of each number and the sources, with plotly.js inlined once so it opens offline and can be mailed.

Pure (no streamlit). User text (titles, article snippets, URLs) is escaped wherever it lands.
"""
from __future__ import annotations

import html
from datetime import date, datetime, timezone
from urllib.parse import urlparse

import pandas as pd

from .export import flat_frame, safe_filename

DEMO_BANNER = ("DỮ LIỆU MẪU (DEMO DATA): các bài viết là dữ liệu tổng hợp, không phải tin thật / "
               "synthetic articles, not real news.")
SAFE_URL_SCHEMES = ("http", "https")  # a source link is only ever a web address
REPORT_CSS = """
body{font-family:"DejaVu Sans","Segoe UI",Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#1f2937}
header{border-bottom:2px solid #1f4e79;margin-bottom:1.5rem}
h1{color:#1f4e79;margin-bottom:.3rem} h2{color:#1f4e79;margin-top:2rem}
.meta{color:#4b5563;font-size:.9rem;margin:.2rem 0}
.demo{background:#fff3cd;border:1px solid #e0b100;padding:.6rem 1rem;font-weight:bold;margin:1rem 0}
table{border-collapse:collapse;font-size:.85rem;margin:1rem 0;width:100%}
th,td{border:1px solid #d1d5db;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f7}
ol.sources li{margin:.2rem 0;font-size:.85rem} ol.sources a{color:#1f4e79;word-break:break-all}
"""


def _table_html(df: pd.DataFrame) -> str:
    flat = flat_frame(df, "joined")
    return flat.to_html(index=False, escape=True, na_rep="", border=0)


def _figure_div(fig) -> str:
    """The chart without its own title: the section heading above it already says what it is."""
    import plotly.graph_objects as go
    import plotly.io as pio
    fig = go.Figure(fig).update_layout(title_text=None, margin_t=30)
    return pio.to_html(fig, include_plotlyjs=False, full_html=False, config={"displaylogo": False})


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs
    # "</script" inside the bundle would end the tag early; the escaped form means the same to JS.
    return get_plotlyjs().replace("</script", "<\\/script")


def html_report(title: str, filters_sentence: str, sections, demo: bool = False,
                generated: datetime | None = None, sources: pd.DataFrame | None = None, lang: str = "vi",
                labels: dict | None = None) -> bytes:
    """One self-contained HTML file: header, then per section a heading, its chart and its table,
    then the sources as links (``sources``: title, url).

    ``sections`` is a list of (heading, Figure | None, DataFrame | None); the methodology and the
    evidence of each number come as sections too (``report.sections``). ``labels`` holds the
    few fixed words (generated, demo, sources) in the UI language.
    """
    esc = html.escape
    labels = {"generated": "Tạo lúc / Generated", "demo": DEMO_BANNER, "sources": "Nguồn / Sources", **(labels or {})}
    when = (generated or datetime.now(timezone.utc).astimezone()).strftime("%Y-%m-%d %H:%M")
    has_figures = any(fig is not None for _, fig, _ in sections)
    parts = [
        "<!DOCTYPE html>", f'<html lang="{esc(lang)}">', "<head>", '<meta charset="utf-8">',
        f"<title>{esc(title)}</title>", f"<style>{REPORT_CSS}</style>",
    ]
    if has_figures:
        parts.append(f'<script type="text/javascript">{_plotly_js()}</script>')
    parts += ["</head>", "<body>", "<header>", f"<h1>{esc(title)}</h1>",
              f'<p class="meta">{esc(labels["generated"])}: {esc(when)}</p>',
              f'<p class="meta">{esc(filters_sentence)}</p>']
    if demo:
        parts.append(f'<p class="demo">{esc(labels["demo"])}</p>')
    parts.append("</header>")
    for heading, fig, table in sections:
        parts.append(f"<section><h2>{esc(str(heading))}</h2>")
        if fig is not None:
            parts.append(_figure_div(fig))
        if table is not None:
            parts.append(_table_html(table))
        parts.append("</section>")
    if sources is not None and len(sources):
        parts.append(_sources_html(sources, labels["sources"]))
    parts += ["</body>", "</html>"]
    return "\n".join(parts).encode("utf-8")


def _sources_html(sources: pd.DataFrame, heading: str) -> str:
    """A numbered list of the articles behind the report; only web addresses become links."""
    esc = html.escape
    items = []
    for title, url in zip(sources["title"], sources["url"], strict=False):
        text = esc(str(title)) if isinstance(title, str) and title else esc(str(url or ""))
        if isinstance(url, str) and urlparse(url).scheme in SAFE_URL_SCHEMES:
            items.append(f'<li>{text} — <a href="{esc(url, quote=True)}">{esc(url)}</a></li>')
        else:
            items.append(f"<li>{text}</li>")
    return f'<section><h2>{esc(heading)}</h2><ol class="sources">' + "".join(items) + "</ol></section>"


def report_filename(title: str, day: date | None = None) -> str:
    return f"{safe_filename(title)}-{(day or date.today()).isoformat()}.html"
