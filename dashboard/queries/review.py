"""The review queue: the extracted values most worth a human look, ranked, each with its evidence.

Every signal is a small function ``(articles, corpus) -> rows of (doc_id, field, reason, score)``
with a score in [0, 1]. Confidences from the extractors are used when the loader provides them
(``<field>_p`` probability columns on the articles, a ``confidence`` column on the evidence);
rule-based signals work without them: implausible combinations of values, missing values a
relevant article should have, numbers far above the province's usual, and meetings whose
articles were merged only because their texts are alike. A value already corrected or checked
by hand leaves the queue.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from loaders.schema import COUNT_FIELDS, Corpus

from ..filters import Filters
from .counting import is_in
from .filtering import filter_articles

QUEUE_COLUMNS = ["item", "doc_id", "field", "value", "reasons", "score", "sentence", "title", "province", "date",
                 "meeting_id"]
READING_COLUMNS = ["source", "doc_id", "value", "sentence"]
MEETING = "meeting"
AFTER_PUBLISHED_DAYS = 2  # a report comes out after the meeting (a day's slack for time zones and late datelines)
BEFORE_PUBLISHED_DAYS = 60  # a meeting reported two months later is more likely a misread year or month
OUTLIER_RATIO = 3.0  # a number three times the province's usual (median of its other reports)
OUTLIER_MIN_HISTORY = 2  # the province's other reports needed before "usual" means anything
LOW_CONFIDENCE = 0.6  # an evidence confidence below this is worth a look
UNSURE_BAND = 0.35  # a probability within this of 0.5 is a coin toss
CONFIDENCE_FIELDS = ("relevant", "meeting_type", "province", "meeting_date", "period")
SIGNAL_SCORES = {
    "date_after_published": 0.95, "no_date_at_all": 0.8, "no_province": 0.8, "similarity_merge": 0.65,
    "readings_disagree": 0.6, "no_meeting_date": 0.55, "province_from_url": 0.5, "no_meeting_type": 0.5,
}
ITEM_SEP = "|"


def item_key(doc_id: str, field: str) -> str:
    """The queue item's id in the URL (``?item=doc|field``): plain text, parsed by splitting."""
    return f"{doc_id}{ITEM_SEP}{field}"


def parse_item(text: str | None) -> tuple[str, str] | None:
    if not text or ITEM_SEP not in text:
        return None
    doc_id, field = text.rsplit(ITEM_SEP, 1)
    return doc_id, field


def review_queue(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """One row per (article, field) worth a look, most worth it first; reasons joined, the best score kept."""
    arts = filter_articles(corpus, f, use_dates=False)
    frames = [signal(arts, corpus) for signal in SIGNALS]
    rows = pd.concat([fr for fr in frames if len(fr)], ignore_index=True) if any(len(fr) for fr in frames) else None
    if rows is None:
        return pd.DataFrame(columns=QUEUE_COLUMNS)
    settled = _settled(arts)
    rows = rows[[(d, fld) not in settled for d, fld in zip(rows["doc_id"], rows["field"], strict=True)]]
    if rows.empty:
        return pd.DataFrame(columns=QUEUE_COLUMNS)
    table = _items(rows)
    info = arts.set_index("doc_id")
    table["value"] = _shown_values(info, table)
    table["sentence"] = evidence_sentences(corpus, table[["doc_id", "field"]])
    for col in ("title", "province", "date", "meeting_id"):
        table[col] = table["doc_id"].map(info[col])
    table["item"] = [item_key(d, fld) for d, fld in zip(table["doc_id"], table["field"], strict=True)]
    table = table.sort_values(["score", "date", "doc_id"], ascending=[False, False, True], na_position="last",
                              kind="mergesort")
    return table[QUEUE_COLUMNS].reset_index(drop=True)


def _settled(arts: pd.DataFrame) -> set[tuple[str, str]]:
    """(doc_id, field) pairs a person already corrected or checked."""
    return {(d, fld) for d, done in zip(arts["doc_id"], arts["corrected_fields"] + arts["checked_fields"], strict=True)
            for fld in done}


def _items(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (doc_id, field) in order of its best score: that score and its reasons, each once,
    best first (one pass over the rows: a per-group aggregation costs seconds at 80k items)."""
    ranked = rows.sort_values("score", ascending=False, kind="mergesort")
    best: dict[tuple[str, str], float] = {}
    reasons: dict[tuple[str, str], list[str]] = {}
    for doc_id, field, reason, score in zip(ranked["doc_id"], ranked["field"], ranked["reason"], ranked["score"],
                                            strict=True):
        best.setdefault((doc_id, field), score)
        said = reasons.setdefault((doc_id, field), [])
        if reason not in said:
            said.append(reason)
    return pd.DataFrame({"doc_id": [k[0] for k in best], "field": [k[1] for k in best],
                         "score": list(best.values()), "reasons": list(reasons.values())})


def _shown_values(info: pd.DataFrame, table: pd.DataFrame) -> list:
    """The current value of each (doc_id, field) item (``info``: the articles by doc_id), None when unset."""
    positions = info.index.get_indexer(table["doc_id"])
    out: list = [None] * len(table)
    for field, rows in table.groupby("field", sort=False).indices.items():
        column = "meeting_id" if field == MEETING else field
        if column not in info.columns:
            continue
        cells = info[column].array  # its elements are what ``info.at`` gives, cell by cell
        for row in rows:
            value = cells[positions[row]]
            missing = value is None or value is pd.NA or (not isinstance(value, list) and pd.isna(value))
            out[row] = None if missing and field != MEETING else value
    return out


def _rows(arts: pd.DataFrame, mask: pd.Series, field: str, reason: str, score=None) -> pd.DataFrame:
    """Queue rows for the articles where ``mask`` holds (``score``: one per article, else the reason's)."""
    keep = mask.fillna(False).astype(bool).to_numpy()
    scores = np.full(int(keep.sum()), SIGNAL_SCORES[reason]) if score is None else np.asarray(score, float)[keep]
    return pd.DataFrame({"doc_id": arts["doc_id"].to_numpy()[keep], "field": field, "reason": reason,
                         "score": scores})


# ---------------------------------------------------------------- signals

def _relevant(arts: pd.DataFrame) -> pd.Series:
    return arts["relevant"].fillna(False).astype(bool)


def dates_implausible(arts: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """A meeting after its own report, or long before it (a misread year or month)."""
    gap = (arts["published"] - arts["meeting_date"]).dt.days
    after = gap < -AFTER_PUBLISHED_DAYS
    before = gap > BEFORE_PUBLISHED_DAYS
    score = 0.6 + 0.3 * (gap.clip(upper=730) / 730)
    return pd.concat([_rows(arts, after, "meeting_date", "date_after_published"),
                      _rows(arts, before, "meeting_date", "date_before_published", score)], ignore_index=True)


def missing_in_relevant(arts: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """A relevant article should say where (unless it is central-level), when and what kind of meeting."""
    rel = _relevant(arts)
    central = arts["level"].astype("string") == "central"
    return pd.concat([
        _rows(arts, rel & arts["province"].isna() & ~central.fillna(False), "province", "no_province"),
        _rows(arts, rel & arts["meeting_date"].isna() & arts["published"].isna(), "meeting_date", "no_date_at_all"),
        _rows(arts, rel & arts["meeting_date"].isna() & arts["published"].notna(), "meeting_date", "no_meeting_date"),
        _rows(arts, rel & arts["meeting_type"].isna(), "meeting_type", "no_meeting_type"),
        _rows(arts, rel & (arts["province_source"].astype("string") == "url"), "province", "province_from_url"),
    ], ignore_index=True)


def numbers_far_above_usual(arts: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """A count three times (or more) the median of the same province's other reports of it."""
    out = []
    for field in COUNT_FIELDS:
        table = arts[["doc_id", "province", field]].dropna()
        for _, group in table.groupby("province"):
            if len(group) <= OUTLIER_MIN_HISTORY:
                continue
            values = group[field].to_numpy(dtype=float)
            usual = _median_of_others(values)
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = np.where(usual > 0, values / usual, np.where(values > 0, math.inf, 0.0))
            flagged = ratio >= OUTLIER_RATIO
            for doc_id, r in zip(group["doc_id"].to_numpy()[flagged], ratio[flagged], strict=True):
                score = 0.55 + 0.35 * min(1.0, math.log10(r) / 2) if math.isfinite(r) else 0.9
                out.append({"doc_id": doc_id, "field": field, "reason": "number_outlier", "score": score})
    return pd.DataFrame(out, columns=["doc_id", "field", "reason", "score"])


def _median_of_others(values: np.ndarray) -> np.ndarray:
    """For each value, the median of all the other values (one sort, not one median per value:
    a province's history holds thousands of reports at a national scale)."""
    order = np.argsort(values, kind="stable")
    ranked, n = values[order], len(values)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)

    def kth_of_others(k: int) -> np.ndarray:  # the k-th smallest once the value itself is taken out
        return np.where(k < rank, ranked[k], ranked[min(k + 1, n - 1)])

    if (n - 1) % 2:
        return kth_of_others((n - 1) // 2)
    return (kth_of_others((n - 1) // 2 - 1) + kth_of_others((n - 1) // 2)) / 2


def meetings_merged_by_similarity(arts: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Articles in one meeting whose province or day differ (or are unknown): only their texts joined them."""
    keyed = arts.assign(_key=arts["province"].fillna("?").astype(str) + "|" +
                        arts["meeting_date"].dt.strftime("%Y-%m-%d").fillna("?"))
    sizes = keyed.groupby("meeting_id")["doc_id"].transform("size")
    keys = keyed.groupby("meeting_id")["_key"].transform("nunique")
    unknown = keyed["_key"].str.contains("?", regex=False)
    return _rows(keyed, (sizes > 1) & ((keys > 1) | unknown), MEETING, "similarity_merge")


def readings_disagree(arts: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Reports of one meeting that read its type, day or numbers differently."""
    out = []
    multi = arts[arts.groupby("meeting_id")["doc_id"].transform("size") > 1]
    for field in ("meeting_type", "meeting_date", *COUNT_FIELDS):
        present = multi[field].notna()
        values = pd.Series(multi.loc[present, field].astype(str).to_numpy(), index=multi.loc[present, "meeting_id"])
        distinct = multi["meeting_id"].map(values.groupby(level=0).nunique()).fillna(0)
        out.append(_rows(multi, (distinct > 1) & present, field, "readings_disagree"))
    return pd.concat(out, ignore_index=True)


def low_confidence(arts: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Probabilities near 0.5 (``<field>_p`` columns) and evidence rows of low ``confidence``, when present."""
    out = []
    for field in CONFIDENCE_FIELDS:
        column = f"{field}_p"
        if column in arts.columns:
            p = pd.to_numeric(arts[column], errors="coerce")
            unsure = (p - 0.5).abs() < UNSURE_BAND
            out.append(_rows(arts, unsure, field, "low_confidence", 0.5 + 0.5 * (1 - 2 * (p - 0.5).abs())))
    ev = corpus.evidence
    if "confidence" in ev.columns:
        conf = pd.to_numeric(ev["confidence"], errors="coerce")
        low = ev[(conf < LOW_CONFIDENCE) & is_in(ev["doc_id"], arts["doc_id"])]
        out.append(pd.DataFrame({"doc_id": low["doc_id"].to_numpy(), "field": low["field"].to_numpy(),
                                 "reason": "low_confidence", "score": (1 - conf[low.index]).to_numpy()}))
    frames = [fr for fr in out if len(fr)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["doc_id", "field", "reason",
                                                                                      "score"])


SIGNALS = (dates_implausible, missing_in_relevant, numbers_far_above_usual, meetings_merged_by_similarity,
           readings_disagree, low_confidence)


# ---------------------------------------------------------------- one item

def evidence_sentences(corpus: Corpus, items: pd.DataFrame) -> list[str | None]:
    """For every (doc_id, field) row of ``items``: the sentence its value was read from (the first
    evidence row, else for numbers the numbers table's), or None. One lookup per table, whatever the
    number of items (the queue holds tens of thousands at a national scale)."""
    found = pd.Series(None, index=pd.MultiIndex.from_frame(items[["doc_id", "field"]]), dtype=object)
    for table in (corpus.evidence, corpus.numbers):
        rows = table.loc[is_in(table["doc_id"], items["doc_id"]), ["doc_id", "field", "sentence"]]
        first = rows.dropna(subset=["sentence"]).drop_duplicates(["doc_id", "field"]).set_index(["doc_id", "field"])
        looked_up = first["sentence"].astype(object).reindex(found.index)
        found = found.where(found.notna(), looked_up)
    return [None if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) else str(value)
            for value in found.tolist()]


def competing_readings(corpus: Corpus, doc_id: str, field: str) -> pd.DataFrame:
    """Other values the texts offer for this value: other sentences of this article, and the other
    reports of the same meeting. Columns: source ("this article" / "same meeting"), doc_id, value, sentence."""
    arts = corpus.articles
    rows = []
    for table in (corpus.evidence, corpus.numbers):
        mine = table[(table["doc_id"] == doc_id) & (table["field"] == field)]
        rows += [{"source": "this", "doc_id": doc_id, "value": str(v), "sentence": s}
                 for v, s in zip(mine["value"], mine["sentence"], strict=True)]
    meeting = arts.loc[arts["doc_id"] == doc_id, "meeting_id"]
    if field in arts.columns and len(meeting) and pd.notna(meeting.iloc[0]):
        others = arts[(arts["meeting_id"] == meeting.iloc[0]) & (arts["doc_id"] != doc_id)]
        sentences = evidence_sentences(corpus, pd.DataFrame({"doc_id": others["doc_id"].to_numpy(), "field": field}))
        for other, value, sentence in zip(others["doc_id"], others[field], sentences, strict=True):
            shown = "–" if value is None or (not isinstance(value, list) and pd.isna(value)) else str(value)
            rows.append({"source": "meeting", "doc_id": other, "value": shown, "sentence": sentence})
    table = pd.DataFrame(rows, columns=READING_COLUMNS)
    return table if table["value"].nunique() > 1 or (table["source"] == "meeting").any() else table.iloc[0:0]
