"""The review queue: the extracted values most worth a human look, ranked, each with its evidence.

Every signal is a small function ``(articles, corpus) -> rows of (row, field, reason, score)`` (``row``:
the article's position in ``articles``)
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
from .counting import is_in, positions_in
from .filtering import filter_articles, filter_key
from .prepared import prepared_of, remembered_frame

QUEUE_COLUMNS = ["item", "doc_id", "field", "value", "reasons", "score", "sentence", "title", "province", "date",
                 "meeting_id"]
READING_COLUMNS = ["source", "doc_id", "value", "sentence"]
SIGNAL_COLUMNS = ["row", "field", "reason", "score"]
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
    table = _described(corpus, f, review_items(corpus, f))
    if len(table):  # typed as pandas reads the whole queue's cells (a queue of dates only exports as dates)
        table["value"] = table["value"].tolist()
        table["sentence"] = [s if isinstance(s, str) else None for s in table["sentence"].tolist()]
    return table


def review_page(corpus: Corpus, f: Filters, n: int) -> tuple[pd.DataFrame, int]:
    """The first ``n`` rows of ``review_queue`` and how many items the whole queue holds: only the
    rows shown are looked up (values, sentences, titles), the ranking covers every item."""
    items = review_items(corpus, f)
    return _described(corpus, f, items.head(n)), len(items)


def review_items(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Every item of the queue in its order, as ``row`` (the article's position in
    ``filter_articles(corpus, f, use_dates=False)``), ``field``, ``score`` and ``reasons``; ranked
    once per set of filters (a pick in the queue reruns the page with the same filters)."""
    key = ("review_items", filter_key(f, use_dates=False))
    return remembered_frame(corpus, key, lambda: _ranked_items(filter_articles(corpus, f, use_dates=False), corpus))


def _ranked_items(arts: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    frames = [fr for fr in (signal(arts, corpus) for signal in SIGNALS) if len(fr)]
    rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=SIGNAL_COLUMNS)
    rows = rows[_unsettled(corpus, arts, rows)]
    if rows.empty:
        return pd.DataFrame({"row": pd.Series(dtype=np.int64), "field": pd.Series(dtype=object),
                             "score": pd.Series(dtype=float), "reasons": pd.Series(dtype=object)})
    table = _items(rows)
    # score first, then the newest article, then its doc_id; equal items keep the order of their best score
    keys = pd.DataFrame({"score": table["score"], "date": arts["date"].to_numpy()[table["row"].to_numpy()],
                         "doc_id": arts["doc_id"].array.take(table["row"].to_numpy())})
    order = keys.sort_values(["score", "date", "doc_id"], ascending=[False, False, True], na_position="last",
                             kind="mergesort").index
    return table.take(order).reset_index(drop=True)


def _described(corpus: Corpus, f: Filters, items: pd.DataFrame) -> pd.DataFrame:
    """``items`` (rows of ``review_items``) with what the queue shows of each: its article's doc_id,
    value, evidence sentence, title, province, date and meeting."""
    if items.empty:
        return pd.DataFrame(columns=QUEUE_COLUMNS)
    arts = filter_articles(corpus, f, use_dates=False)
    info = arts.take(items["row"].drop_duplicates().to_numpy()).set_index("doc_id")
    doc_ids = arts["doc_id"].take(items["row"].to_numpy())
    table = pd.DataFrame({"doc_id": pd.array(doc_ids.tolist(), dtype="str"),
                          "field": pd.array(items["field"].tolist(), dtype="str"),
                          "score": items["score"].to_numpy(dtype=float), "reasons": items["reasons"].to_numpy()})
    table["value"] = pd.Series(_shown_values(info, table), dtype=object)  # values of every kind: dates, counts, text
    table["sentence"] = pd.array(evidence_sentences(corpus, table[["doc_id", "field"]]), dtype="str")
    for col in ("title", "province", "date", "meeting_id"):
        table[col] = table["doc_id"].map(info[col])
    table["item"] = [item_key(d, fld) for d, fld in zip(table["doc_id"], table["field"], strict=True)]
    return table[QUEUE_COLUMNS]


def _unsettled(corpus: Corpus, arts: pd.DataFrame, rows: pd.DataFrame) -> np.ndarray:
    """Which ``rows`` (row, field) a person has not yet corrected or checked (few articles have any)."""
    settled = corpus_settled(corpus)
    keep = np.ones(len(rows), dtype=bool)
    if not settled:
        return keep
    touched = np.flatnonzero(is_in(arts["doc_id"], list(settled)))
    doc_ids = dict(zip(touched.tolist(), arts["doc_id"].take(touched).tolist(), strict=True))
    positions = rows["row"].to_numpy()
    for at in np.flatnonzero(np.isin(positions, touched)):
        keep[at] = rows["field"].iat[at] not in settled[doc_ids[int(positions[at])]]
    return keep


def corpus_settled(corpus: Corpus) -> dict[str, set]:
    """``settled_fields`` of the whole corpus, once per prepared corpus (``data.py`` on load)."""
    p = prepared_of(corpus)
    return p.once("review_settled", lambda: settled_fields(p.frame))


def settled_fields(arts: pd.DataFrame) -> dict[str, set]:
    """doc_id -> the fields a person corrected or checked in it (only the articles with any)."""
    done = arts["corrected_fields"].to_numpy(), arts["checked_fields"].to_numpy()
    touched = [i for i, (fixed, checked) in enumerate(zip(*done, strict=True)) if len(fixed) or len(checked)]
    doc_ids = arts["doc_id"].take(touched).tolist()
    return {doc_id: {*done[0][i], *done[1][i]} for doc_id, i in zip(doc_ids, touched, strict=True)}


def _items(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (row, field) in order of its best score: that score and its reasons, each once,
    best first (array work over codes: a per-group aggregation costs seconds at 80k items)."""
    ranked = rows.sort_values("score", ascending=False, kind="mergesort")
    fields, field_names = pd.factorize(ranked["field"], use_na_sentinel=False)
    reasons, reason_names = pd.factorize(ranked["reason"], use_na_sentinel=False)
    item = ranked["row"].to_numpy(dtype=np.int64) * len(field_names) + fields
    once = ~pd.Series(item * len(reason_names) + reasons).duplicated().to_numpy()  # a reason said once per item
    item, reasons, scores = item[once], reasons[once], ranked["score"].to_numpy(dtype=float)[once]
    group, _ = pd.factorize(item)  # items numbered in order of their best score
    first = ~pd.Series(group).duplicated().to_numpy()
    names = np.asarray(reason_names, dtype=object)[reasons[np.argsort(group, kind="stable")]].tolist()
    ends = np.cumsum(np.bincount(group)).tolist()
    said = [names[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]
    return pd.DataFrame({"row": item[first] // len(field_names),
                         "field": np.asarray(field_names, dtype=object)[item[first] % len(field_names)],
                         "score": scores[first], "reasons": pd.Series(said, dtype=object)})


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
    return pd.DataFrame({"row": arts.index.to_numpy()[keep], "field": field, "reason": reason, "score": scores})


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
            for row, r in zip(group.index.to_numpy()[flagged], ratio[flagged], strict=True):
                score = 0.55 + 0.35 * min(1.0, math.log10(r) / 2) if math.isfinite(r) else 0.9
                out.append({"row": row, "field": field, "reason": "number_outlier", "score": score})
    return pd.DataFrame(out, columns=SIGNAL_COLUMNS)


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
    meeting, multi = _meetings(arts)
    province = pd.factorize(arts["province"])[0]  # -1: unknown
    day, days = pd.factorize(arts["meeting_date"].dt.normalize())
    place_and_day = (province + 1) * (len(days) + 1) + (day + 1)
    unknown = (province < 0) | (day < 0)
    keys = distinct_per_group(np.where(multi, meeting, -1), place_and_day)
    return _rows(arts, pd.Series(multi & ((keys > 1) | unknown)), MEETING, "similarity_merge")


def readings_disagree(arts: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Reports of one meeting that read its type, day or numbers differently."""
    out = []
    meeting, multi = _meetings(arts)
    groups = np.where(multi, meeting, -1)
    for field in ("meeting_type", "meeting_date", *COUNT_FIELDS):
        values = pd.factorize(arts[field])[0]  # -1: not read
        distinct = distinct_per_group(groups, values)
        out.append(_rows(arts, pd.Series(multi & (distinct > 1) & (values >= 0)), field, "readings_disagree"))
    return pd.concat(out, ignore_index=True)


def _meetings(arts: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each article's meeting as a code (-1: none) and whether that meeting has other articles here."""
    meeting = pd.factorize(arts["meeting_id"])[0]
    sizes = np.bincount(meeting[meeting >= 0], minlength=1)
    return meeting, (meeting >= 0) & (sizes[np.maximum(meeting, 0)] > 1)


def distinct_per_group(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    """For each row, how many distinct ``values`` its group holds (codes; -1 in ``groups``: no group, 0;
    -1 in ``values``: not counted). A groupby's nunique over codes, without building the groups."""
    groups, values = np.asarray(groups, dtype=np.int64), np.asarray(values, dtype=np.int64)
    counted = (groups >= 0) & (values >= 0)
    out = np.zeros(len(groups), dtype=np.int64)
    if not counted.any():
        return out
    pairs = np.unique(groups[counted] * (int(values.max()) + 1) + values[counted])
    per_group = np.bincount(pairs // (int(values.max()) + 1), minlength=int(groups.max()) + 1)
    has_group = groups >= 0
    out[has_group] = per_group[groups[has_group]]
    return out


def low_confidence(arts: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Probabilities near 0.5 (``<field>_p`` columns) and evidence rows of low ``confidence``, when present."""
    out = []
    for field in CONFIDENCE_FIELDS:
        column = f"{field}_p"
        if column in arts.columns:
            p = pd.to_numeric(arts[column], errors="coerce")
            unsure = (p - 0.5).abs() < UNSURE_BAND
            out.append(_rows(arts, unsure, field, "low_confidence", 0.5 + 0.5 * (1 - 2 * (p - 0.5).abs())))
    if "confidence" in corpus.evidence.columns:
        low = low_evidence(corpus)
        low = low[is_in(low["doc_id"], arts["doc_id"])]
        rows = positions_in(pd.Index(arts["doc_id"]), low["doc_id"])
        out.append(pd.DataFrame({"row": arts.index.to_numpy()[rows], "field": low["field"].to_numpy(),
                                 "reason": "low_confidence", "score": low["score"].to_numpy()}))
    frames = [fr for fr in out if len(fr)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=SIGNAL_COLUMNS)


def low_evidence(corpus: Corpus) -> pd.DataFrame:
    """Evidence rows of low confidence with their score (doc_id, field, score), once per prepared
    corpus (``data.py`` on load); empty when the evidence has no confidence."""
    if "confidence" not in corpus.evidence.columns:
        return pd.DataFrame(columns=["doc_id", "field", "score"])
    return prepared_of(corpus).once("review_low_evidence", lambda: _low_evidence(corpus.evidence))


def _low_evidence(ev: pd.DataFrame) -> pd.DataFrame:
    """Evidence rows whose confidence is low, with their score."""
    conf = pd.to_numeric(ev["confidence"], errors="coerce")
    low = conf < LOW_CONFIDENCE
    return pd.DataFrame({"doc_id": ev["doc_id"][low], "field": ev["field"][low], "score": (1 - conf[low])})


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
