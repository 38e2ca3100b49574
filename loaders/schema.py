"""The declared shape of every table the loader returns.

One place that says which columns exist and with which dtype; ``frame.py`` builds the
tables, ``typed()`` enforces the declaration, tests check it, the dashboard relies on it.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

LEVELS = ["province", "central", "district", "other"]
MEETING_TYPES = ["so_ket", "tong_ket", "tap_huan", "thong_tin_thoi_su", "hop", "trien_khai", "khac"]
REGIONS = [
    "Trung du và miền núi phía Bắc",
    "Đồng bằng sông Hồng",
    "Bắc Trung Bộ và Duyên hải miền Trung",
    "Tây Nguyên",
    "Đông Nam Bộ",
    "Đồng bằng sông Cửu Long",
]
COUNT_FIELDS = ["delegations_in", "visitors_in", "delegations_out", "visitors_out"]
OTHER_NUMBER_FIELDS = ["attendees", "fdi_projects"]
# Fields whose confidence the articles table carries as "<field>_p": a model's probability (relevant,
# meeting_type) or the deciding rule's measured precision (see loaders/extract/confidence.py). Every value's
# confidence is also in the evidence table.
CONFIDENCE_FIELDS = ["relevant", "meeting_type", "level", "province", "published", "meeting_date", "period"]

# name -> dtype. "list" marks an object column holding a Python list of strings.
Columns = Mapping[str, object]  # column name -> dtype ("list" marks a list-of-strings column)
ARTICLE_COLUMNS: dict[str, object] = {
    "doc_id": "string",
    "source": "string",
    "url": "string",
    "title": "string",
    "published": "datetime64[ns]",
    "meeting_date": "datetime64[ns]",
    "period": "string",
    "relevant": "boolean",
    "level": pd.CategoricalDtype(LEVELS),
    "province": "string",
    "province_2025": "string",
    "region": pd.CategoricalDtype(REGIONS),
    "province_source": pd.CategoricalDtype(["text", "url"]),
    "meeting_type": pd.CategoricalDtype(MEETING_TYPES),
    "chairs": "list",
    "central_officials": "list",
    "delegations_in": "Int64",
    "visitors_in": "Int64",
    "delegations_out": "Int64",
    "visitors_out": "Int64",
    "attendees": "Int64",
    "fdi_projects": "Int64",
    "themes": "list",
    "countries": "list",
    "meeting_id": "string",
    **{f"{name}_p": "Float64" for name in CONFIDENCE_FIELDS},
    # fields a person corrected or checked (loaders/corrections): empty lists for the raw extraction
    "corrected_fields": "list",
    "checked_fields": "list",
    "byline": "string",
    "body": "string",
    "raw_text": "string",
}
LIST_COLUMNS = [c for c, t in ARTICLE_COLUMNS.items() if t == "list"]
DATE_COLUMNS = [c for c, t in ARTICLE_COLUMNS.items() if t == "datetime64[ns]"]

# Long tables: one row per fact, each with the sentence it stands on.
EVIDENCE_COLUMNS: dict[str, object] = {
    "doc_id": "string", "field": "string", "value": "string", "sentence": "string",
    "confidence": "Float64",  # the model's probability, or the deciding rule's measured precision
    "rule": "string",  # which rule (or "model") decided: the key of its precision in assets/rule_precision.json
}
THEME_COLUMNS: dict[str, object] = {"doc_id": "string", "theme": "string", "keyword": "string", "sentence": "string"}
TERM_COLUMNS: dict[str, object] = {"doc_id": "string", "term": "string", "count": "Int64"}
PEOPLE_COLUMNS: dict[str, object] = {
    "doc_id": "string", "name": "string", "title": "string", "role": "string", "sentence": "string",
    "confidence": "Float64", "rule": "string",
}
NUMBER_COLUMNS: dict[str, object] = {
    "doc_id": "string", "field": "string", "value": "Int64", "approx": "boolean", "sentence": "string",
    "confidence": "Float64",
}
REPORT_COLUMNS: dict[str, object] = {
    "path": "string", "member": "string", "status": "string", "reason": "string", "records": "Int64",
}

LONG_TABLES: dict[str, dict[str, object]] = {
    "evidence": EVIDENCE_COLUMNS,
    "themes": THEME_COLUMNS,
    "terms": TERM_COLUMNS,
    "people": PEOPLE_COLUMNS,
    "numbers": NUMBER_COLUMNS,
    "report": REPORT_COLUMNS,
}


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, float) and pd.isna(value):
        return []
    if hasattr(value, "tolist"):
        value = value.tolist()
    return [str(v) for v in value]


def typed(frame: pd.DataFrame, columns: Columns) -> pd.DataFrame:
    """Return ``frame`` with exactly ``columns``, in order, cast to their declared dtypes."""
    frame = frame.copy()
    for name, dtype in columns.items():
        if name not in frame.columns:
            frame[name] = None
        if dtype == "list":
            frame[name] = pd.Series([_as_list(v) for v in frame[name]], index=frame.index, dtype=object)
        elif dtype == "datetime64[ns]":
            frame[name] = pd.to_datetime(frame[name], errors="coerce").astype("datetime64[ns]")
        elif dtype == "Int64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("Int64")
        elif dtype == "Float64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("Float64")
        elif dtype == "boolean":
            frame[name] = frame[name].astype("boolean")
        elif isinstance(dtype, pd.CategoricalDtype):
            values = frame[name].where(frame[name].isin(dtype.categories))
            frame[name] = values.astype(dtype)
        else:
            frame[name] = frame[name].astype(dtype)
    return frame[list(columns)].reset_index(drop=True)


def empty(columns: Columns) -> pd.DataFrame:
    return typed(pd.DataFrame(), columns)


# The Corpus class lives in loaders/corpus.py (working frame in memory, full texts and terms read
# when asked for); it is re-exported here, where every caller has always imported it from.
from .corpus import Corpus as Corpus  # noqa: E402  (corpus.py builds on the declarations above)
