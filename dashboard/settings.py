"""Every tunable of the dashboard in one table, each with a default and a sentence of help.

A value can be overridden with an environment variable ``TTDN_<NAME>`` (upper case), e.g.
``TTDN_MAX_UPLOAD_MB=500``. Nothing else in the dashboard hard-codes these numbers.
"""
from __future__ import annotations

from loaders.settings import Setting

# (name, default, help): each is overridden by the environment variable TTDN_<NAME>, read by the
# same Setting the loader's limits use.
_ROWS: tuple[tuple[str, int | str, str], ...] = (
    ("max_upload_mb", 200, "Largest upload accepted (all files of one upload together), in megabytes; `ttdn serve` "
                           "sets Streamlit's own cap on one file to the same value."),
    ("max_upload_files", 500, "Most files in one upload; the rest are refused, each with a message."),
    ("max_upload_unpacked_mb", 2000, "Most an uploaded .zip may expand to (all members together), in megabytes: "
                                     "a zip bomb is refused before anything is read."),
    ("max_upload_zip_members", 50000, "Most files inside one uploaded .zip."),
    ("upload_keep_hours", 24, "Uploads older than this are deleted from the data folder when a new one is saved."),
    ("uploads_in_memory", 4, "Uploaded corpora kept loaded at once (the least recently used is dropped first)."),
    ("data_dir", "", "The dashboard's own folder: uploads are saved under <data_dir>/uploads and nowhere else. "
                     "Empty means $XDG_DATA_HOME/ttdn, else ~/.local/share/ttdn."),
    ("latest_meetings", 15, "Rows in the Overview's latest-meetings table."),
    ("top_provinces", 20, "Bars in the ranked province chart."),
    ("top_terms", 60, "Terms in the word cloud and the term table."),
    ("kwic_rows", 200, "Most keyword-in-context sentences listed at once."),
    ("heatmap_rows", 30, "Most provinces shown as rows of a heatmap (the busiest first)."),
    ("top_countries", 20, "Bars in the partner-country chart (the most mentioned first)."),
    ("compare_max", 4, "Most provinces compared side by side."),
    ("article_rows", 5000, "Most rows shown in the Articles table (exports hold all rows)."),
    ("evidence_rows", 2000, "Most rows shown in the Delegations page's table of numbers, newest first "
                              "(exports hold all)."),
    ("duplicate_rows", 1000, "Most meetings shown in the Quality page's table of merged duplicates, the most "
                             "articles first (exports hold all)."),
    ("review_rows", 500, "Most items shown in the review queue at once (the export holds them all)."),
    ("cloud_width", 900, "Word cloud width in pixels."),
    ("cloud_height", 450, "Word cloud height in pixels."),
)
SETTINGS: dict[str, Setting] = {name: Setting(f"TTDN_{name.upper()}", default, help) for name, default, help in _ROWS}


def setting(name: str):
    """The value in force: ``TTDN_<NAME>`` from the environment, else the default (same type)."""
    return SETTINGS[name].value()


def settings_table() -> list[dict]:
    """Every setting with the value in force, its default and its help, for the quality page
    (values as text: numbers and folders share a column)."""
    return [{"setting": name, "current": str(setting(name)), "default": str(spec.default), "help": spec.help}
            for name, spec in SETTINGS.items()]
