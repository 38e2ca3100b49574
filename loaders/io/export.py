"""Write the articles table to .parquet, .csv or .jsonl (the `ttdn export` formats).

CSV and JSONL hold list columns as JSON arrays and dates as YYYY-MM-DD; CSV is UTF-8 with
BOM so spreadsheet programs show Vietnamese correctly. Writes are atomic.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from ..schema import DATE_COLUMNS, LIST_COLUMNS

EXPORT_DROP = ("body", "raw_text")  # the full texts stay in Parquet; flat files stay readable
FORMATS = (".parquet", ".csv", ".jsonl")


def flat_records(articles: pd.DataFrame, drop_text: bool = True) -> pd.DataFrame:
    """A copy with dates as ISO strings and list columns as JSON arrays (for CSV/JSONL)."""
    out = articles.drop(columns=[c for c in EXPORT_DROP if drop_text and c in articles], errors="ignore").copy()
    for col in DATE_COLUMNS:
        if col in out:
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype(object).where(out[col].notna(), None)
    return out


def _jsonable(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def write_articles(articles: pd.DataFrame, path: str | os.PathLike) -> Path:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"unsupported export format {suffix!r}: use one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=suffix, dir=path.parent)
    os.close(fd)
    try:
        if suffix == ".parquet":
            articles.to_parquet(tmp, index=False)
        elif suffix == ".csv":
            flat = flat_records(articles)
            for col in LIST_COLUMNS:
                flat[col] = [json.dumps(list(v), ensure_ascii=False) for v in flat[col]]
            flat.to_csv(tmp, index=False, encoding="utf-8-sig")
        else:
            flat = flat_records(articles)
            with open(tmp, "w", encoding="utf-8") as fh:
                for rec in flat.to_dict("records"):
                    rec = {k: (list(v) if k in LIST_COLUMNS else _jsonable(v)) for k, v in rec.items()}
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
