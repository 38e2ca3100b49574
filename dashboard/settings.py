"""Every tunable of the dashboard in one table, each with a default and a sentence of help.

A value can be overridden with an environment variable ``TTDN_<NAME>`` (upper case), e.g.
``TTDN_MAX_UPLOAD_MB=500``. Nothing else in the dashboard hard-codes these numbers.
"""
from __future__ import annotations

from loaders.settings import Setting

# (name, default, help): each is overridden by the environment variable TTDN_<NAME>, read by the
# same Setting the loader's limits use.
_ROWS: tuple[tuple[str, int | str, str], ...] = (
    ("max_upload_mb", 200, "Largest upload accepted (all files together), in megabytes."),
    ("latest_meetings", 15, "Rows in the Overview's latest-meetings table."),
    ("top_provinces", 20, "Bars in the ranked province chart."),
    ("top_terms", 60, "Terms in the word cloud and the term table."),
    ("kwic_rows", 200, "Most keyword-in-context sentences listed at once."),
    ("heatmap_rows", 30, "Most provinces shown as rows of a heatmap (the busiest first)."),
    ("top_countries", 20, "Bars in the partner-country chart (the most mentioned first)."),
    ("compare_max", 4, "Most provinces compared side by side."),
    ("article_rows", 5000, "Most rows shown in the Articles table (exports hold all rows)."),
    ("review_rows", 500, "Most items shown in the review queue at once (the export holds them all)."),
    ("cloud_width", 900, "Word cloud width in pixels."),
    ("cloud_height", 450, "Word cloud height in pixels."),
)
SETTINGS: dict[str, Setting] = {name: Setting(f"TTDN_{name.upper()}", default, help) for name, default, help in _ROWS}


def setting(name: str):
    """The value in force: ``TTDN_<NAME>`` from the environment, else the default (same type)."""
    return SETTINGS[name].value()


def settings_table() -> list[dict]:
    """Every setting with the value in force, its default and its help, for the quality page."""
    return [{"setting": name, "current": setting(name), "default": spec.default, "help": spec.help}
            for name, spec in SETTINGS.items()]
