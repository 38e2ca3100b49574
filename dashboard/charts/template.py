"""The one look every chart shares: the plotly template, fixed colours, and layout helpers.

Importing this module registers the template, so every chart module imports it first.
Colours for meeting types and themes are fixed so the same thing has the same colour on
every page (theme colours come from assets/themes.json through i18n).
"""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .. import i18n

TEMPLATE_NAME = "ttdn"
FONT_FAMILY = "Noto Sans, DejaVu Sans, Segoe UI, Arial, sans-serif"
TYPE_COLOURS = {
    "so_ket": "#1f77b4", "tong_ket": "#d62728", "tap_huan": "#2ca02c", "thong_tin_thoi_su": "#9467bd",
    "hop": "#ff7f0e", "trien_khai": "#8c564b", "khac": "#7f7f7f", "none": "#c7c7c7",
}
FIELD_COLOURS = {"delegations_in": "#1f77b4", "delegations_out": "#d62728",
                 "visitors_in": "#6baed6", "visitors_out": "#fc9272"}
HALF_COLOURS = {"H1": "#4c78a8", "H2": "#f58518"}
SEQUENTIAL = "Blues"
# legend in rows at the foot of the figure (container coordinates: below the axis title whatever
# the tick labels do, and the margin grows to fit); beside the plot it ate half a laptop screen
LEGEND_BELOW = dict(orientation="h", yref="container", y=0, yanchor="bottom", x=0, xanchor="left", title_text="")


def _register_template() -> None:
    base = pio.templates["plotly_white"]
    template = go.layout.Template(base)
    template.layout.font = dict(family=FONT_FAMILY, size=14, color="#1f2933")
    template.layout.title = dict(font=dict(size=17), x=0, xanchor="left")
    # never above the plot: a wrapped legend there runs into the title
    template.layout.legend = LEGEND_BELOW
    template.layout.margin = dict(l=10, r=10, t=60, b=10)
    template.layout.hoverlabel = dict(font=dict(family=FONT_FAMILY, size=13))
    pio.templates[TEMPLATE_NAME] = template


_register_template()


def layout(fig: go.Figure, title: str, lang: str, **extra) -> go.Figure:
    """Apply the template, the title and the language's number separators (vi "1.234,5")."""
    fig.update_layout(template=TEMPLATE_NAME, title_text=title, separators=i18n.PLOTLY_SEPARATORS[lang], **extra)
    return fig


def integer_axis(fig: go.Figure, values, axis: str = "y") -> None:
    """Counts are whole numbers: no 0,5 ticks when the largest value is small."""
    top = pd.to_numeric(pd.Series(values), errors="coerce").max() if len(values) else 0
    if pd.notna(top) and top <= 8:
        (fig.update_yaxes if axis == "y" else fig.update_xaxes)(dtick=1, tick0=0)


def period_ticks(fig: go.Figure, buckets: list[str], lang: str) -> None:
    """Bars keep their codes on x (a click returns the code); the axis shows them in words."""
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=buckets, tickmode="array",
                     tickvals=buckets, ticktext=[i18n.period_label(b, lang) for b in buckets])


def count_title(unit: str, lang: str) -> str:
    """Axis title for counts of ``unit`` (meetings or articles)."""
    return i18n.t(f"chart.count_{unit}", lang)


def type_name(mtype: str, lang: str) -> str:
    """A meeting type code in words; "none" is the segment of articles whose type is unknown."""
    return i18n.meeting_type_label(None if mtype == "none" else mtype, lang)


def plain(text) -> str:
    """A label from the data shown as written: plotly reads "<b>", "<a href>" and "<br>" in any
    label, tick or hover text as markup, so "<" and "&" become entities it prints back as text."""
    return html.escape(str(text), quote=False)


def wrap(text, width: int) -> str:
    """Break a label into lines of at most ``width`` characters at spaces (plotly reads <br>),
    as few lines as that allows and of even length: "Xúc tiến đầu tư, / thương mại, du lịch".
    The label itself is ``plain``: only our own <br> is markup."""
    text = plain(text)
    if len(text) <= width:
        return text
    fewest = len(_greedy_lines(text, width))
    limit = -(-len(text) // fewest)  # the even share; widen until no extra line is needed
    while limit < width and len(_greedy_lines(text, limit)) > fewest:
        limit += 1
    return "<br>".join(_greedy_lines(text, limit))


def _greedy_lines(text: str, limit: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines
