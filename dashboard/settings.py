"""Every tunable of the dashboard in one table, each with a default and a sentence of help.

A value can be overridden with an environment variable ``TTDN_<NAME>`` (upper case), e.g.
``TTDN_MAX_UPLOAD_MB=500``. Nothing else in the dashboard hard-codes these numbers.
"""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    default: int | str
    help: str


SETTINGS: dict[str, Setting] = {
    "max_upload_mb": Setting(200, "Largest upload accepted (all files together), in megabytes."),
    "latest_meetings": Setting(15, "Rows in the Overview's latest-meetings table."),
    "top_provinces": Setting(20, "Bars in the ranked province chart."),
    "top_terms": Setting(60, "Terms in the word cloud and the term table."),
    "kwic_rows": Setting(200, "Most keyword-in-context sentences listed at once."),
    "heatmap_rows": Setting(30, "Most provinces shown as rows of a heatmap (the busiest first)."),
    "compare_max": Setting(4, "Most provinces compared side by side."),
    "article_rows": Setting(5000, "Most rows shown in the Articles table (exports hold all rows)."),
    "cloud_width": Setting(900, "Word cloud width in pixels."),
    "cloud_height": Setting(450, "Word cloud height in pixels."),
}


def setting(name: str):
    """The value in force: ``TTDN_<NAME>`` from the environment, else the default (same type)."""
    spec = SETTINGS[name]
    raw = os.environ.get(f"TTDN_{name.upper()}")
    if raw is None:
        return spec.default
    if isinstance(spec.default, int):
        try:
            return int(raw)
        except ValueError:
            return spec.default
    return raw
