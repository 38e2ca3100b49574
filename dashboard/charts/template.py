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
UNDATED = "undated"  # queries.periods.UNDATED: the bucket of undated items, last on every time axis
UNDATED_COLOUR = "#bcc3cb"
MAX_TICK_LABELS = 14  # labels on a time axis before they are spaced out (fits a half-width chart at 1280 px)
# tick steps in each bucket unit, calendar-aligned (12 months = every January)
NICE_STEPS = {"M": (1, 2, 3, 6, 12, 24, 36, 60, 120), "Q": (1, 2, 4, 8, 12, 20, 40), "H": (1, 2, 4, 6, 10, 20),
              "Y": (1, 2, 5, 10, 20, 50)}
SHORT_DAY = {"vi": "%d/%m", "en": "%m-%d"}  # a partial bucket's last (or first) day on an axis label
PARTIAL_PATTERN = dict(shape="/", fgcolor="rgba(255,255,255,0.75)", size=6)
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
    _use_template(fig)
    fig.update_layout(title_text=title, separators=i18n.PLOTLY_SEPARATORS[lang], **extra)
    return fig


def _use_template(fig: go.Figure) -> None:
    """Give ``fig`` our registered template as it is, the way plotly hands a new figure its default
    template: ``update_layout(template=name)`` deep-copied and re-validated the whole template for
    every chart (about 30 ms each, most of a page's drawing time). Not the process-wide default:
    streamlit sets that to its own on import."""
    fig.layout._validate = False  # plotly's own switch for an already validated template
    try:
        fig.layout.template = pio.templates[TEMPLATE_NAME]
    finally:
        fig.layout._validate = fig._validate


def integer_axis(fig: go.Figure, values, axis: str = "y") -> None:
    """Counts are whole numbers: no 0,5 ticks when the largest value is small."""
    top = pd.to_numeric(pd.Series(values), errors="coerce").max() if len(values) else 0
    if pd.notna(top) and top <= 8:
        (fig.update_yaxes if axis == "y" else fig.update_xaxes)(dtick=1, tick0=0)


def period_ticks(fig: go.Figure, buckets: list[str], lang: str, partial: dict | None = None,
                 max_labels: int = MAX_TICK_LABELS) -> None:
    """Bars keep their codes on x (a click returns the code); the axis shows them in words.

    Adaptive spacing: at most about ``max_labels`` labels, on calendar-aligned buckets (every
    January at a 12-month step), so ten years of months never print 126 labels into a black band.
    A partly covered first/last bucket (``partial``: bucket -> ("from"|"to", day)) and the
    undated bucket are always labelled, their neighbours giving way."""
    partial = partial or {}
    crowded = len(buckets) > max_labels
    # on a spaced-out axis only the undated bucket forces its label: a partial bucket keeps its hatching
    # and hover, and is named only when it falls on a regular label (two forced labels side by side
    # would overprint)
    always = [b for b in buckets if b == UNDATED or (b in partial and not crowded)]
    shown = labelled_buckets(buckets, max_labels, always=always)
    # spaced out to a year or more: the year alone says where a label sits ("2016", not "T1/2016")
    yearly = len(shown) < len(buckets) and all(b == UNDATED or _ordinal(b) % _per_year(b) == 0
                                               for b in shown if b not in partial)
    texts = [tick_text(b, lang, partial.get(b), yearly) for b in shown]
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=buckets, tickmode="array",
                     tickvals=shown, ticktext=texts,
                     tickangle=0 if sum(len(t) for t in texts) <= 90 else -30, automargin=True)


def tick_text(bucket: str, lang: str, mark=None, yearly: bool = False) -> str:
    """A time-axis label: the bucket in words (its year alone on a spaced-out axis), and for a
    partly covered bucket up to (or from) which day, as dd/mm: "2025 (đến 30/06)"."""
    aligned = bucket != UNDATED and _ordinal(bucket) % _per_year(bucket) == 0
    label = bucket.partition("-")[0] if yearly and aligned else i18n.period_label(bucket, lang)
    if not mark:
        return label
    kind, day = mark
    return i18n.t(f"period.partial_{kind}", lang, label=label, date=day.strftime(SHORT_DAY[lang]))


def labelled_buckets(buckets: list[str], max_labels: int, always: list[str] | None = None) -> list[str]:
    """The buckets that get a tick label: every ``step``-th calendar position (the smallest nice
    step leaving at most ``max_labels``), plus ``always``; a regular label closer than half a step
    to an ``always`` one is dropped so the two never overprint."""
    always = always or []
    dated = [b for b in buckets if b != UNDATED]
    if len(buckets) <= max_labels:
        return list(buckets)
    ordinals = {b: _ordinal(b) for b in dated}
    freq = _freq_of(dated[0]) if dated else "Y"
    step = next((s for s in NICE_STEPS[freq] if len(dated) / s <= max_labels), NICE_STEPS[freq][-1])
    regular = [b for b in dated if ordinals[b] % step == 0]
    position = {b: i for i, b in enumerate(buckets)}
    # the undated label is long ("Không rõ ngày"): it needs a step and a half of room, others half a step
    room = {a: 1.5 * step if a == UNDATED else step / 2 for a in always}
    keep = [b for b in regular if all(abs(position[b] - position[a]) >= room[a] for a in always if a != b)]
    return sorted(set(keep) | set(always), key=lambda b: position[b])


def _freq_of(bucket: str) -> str:
    if "-Q" in bucket:
        return "Q"
    if "-H" in bucket:
        return "H"
    return "M" if "-" in bucket else "Y"


def _per_year(bucket: str) -> int:
    return {"M": 12, "Q": 4, "H": 2, "Y": 1}[_freq_of(bucket)]


def _ordinal(bucket: str) -> int:
    """A bucket's position on the calendar in its own unit (months since year 0, quarters, …)."""
    year, _, rest = bucket.partition("-")
    n = int(rest.lstrip("QH")) if rest else 1
    return int(year) * _per_year(bucket) + n - 1


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
