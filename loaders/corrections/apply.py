"""Corrections applied to a corpus on load: field values first, then meetings grouped, then
meetings split or merged by hand. The raw text and the evidence table are never altered: they
say what the article said; ``corrected_fields``/``checked_fields`` say which values a person set.

A correction finds its article by doc_id and content digest. Same id, other text: the article
changed since the correction was made, so it is *stale* and not applied. Unknown id, known text:
the article was renamed (another file name, another export), and the correction follows the text.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from .. import gazetteer
from ..corpus import WORKING_COLUMNS
from ..schema import COUNT_FIELDS, NUMBER_COLUMNS, Corpus, typed
from .records import MEETING, Correction, content_sha, plain
from .store import CorrectionSet

GROUPING_FIELDS = {"relevant", "province", "meeting_date", "meeting_type", "chairs"}  # what grouping reads


@dataclass(frozen=True)
class Outcome:
    """What became of a corrections file on one corpus (for the CLI, the quality page and the report)."""

    applied: tuple[Correction, ...] = ()
    stale: tuple[Correction, ...] = ()  # the article's text changed since
    missing: tuple[Correction, ...] = ()  # no article with that id or text
    conflicts: int = 0  # values with disagreeing corrections, left as extracted
    problems: tuple[str, ...] = ()


def apply_corrections(corpus: Corpus, fixes: CorrectionSet | None,
                      group: Callable[[pd.DataFrame], pd.Series]) -> Corpus:
    """``corpus`` with ``fixes`` applied and meetings grouped (``group`` is grouping.assign_meeting_ids).

    Without corrections a corpus that is already grouped comes back as it is."""
    active = list(fixes.active()) if fixes else []
    arts = corpus.articles
    if not active and len(arts) and arts["meeting_id"].notna().all():
        return corpus
    rows, _ = resolve(arts, active, corpus.raw_texts)
    arts = arts.copy()
    values = [(i, c) for i, c in rows if c.field != MEETING and c.action != "check"]
    by_hand = [(i, c) for i, c in rows if c.field == MEETING and c.action != "check"]
    for i, c in values:
        _set_value(arts, i, c)
    numbers = _renumbered(corpus.numbers, arts, values)
    if not arts["meeting_id"].notna().all() or any(c.field in GROUPING_FIELDS for _, c in values):
        arts["meeting_id"] = group(arts.assign(body=corpus.bodies(arts["doc_id"]).to_numpy()))  # grouping reads bodies
    arts["meeting_id"] = _regrouped_by_hand(arts, by_hand)
    arts["corrected_fields"] = _flags(len(arts), values + by_hand)
    arts["checked_fields"] = _flags(len(arts), [(i, c) for i, c in rows if c.action == "check" and _holds(arts, i, c)])
    return replace(corpus, articles=typed(arts, WORKING_COLUMNS), numbers=typed(numbers, NUMBER_COLUMNS))


def outcome(corpus: Corpus, fixes: CorrectionSet | None) -> Outcome:
    """How ``fixes`` fare on ``corpus`` (the raw or the corrected one: matching reads only ids and text)."""
    if fixes is None:
        return Outcome()
    rows, unmatched = resolve(corpus.articles, fixes.active(), corpus.raw_texts)
    return Outcome(applied=tuple(c for _, c in rows), stale=tuple(c for c, why in unmatched if why == "stale"),
                   missing=tuple(c for c, why in unmatched if why == "missing"),
                   conflicts=len(fixes.conflicts()), problems=fixes.problems)


def resolve(arts: pd.DataFrame, active: list[Correction],
            raw_texts: Callable[[pd.Series], pd.Series]) -> tuple[list[tuple[int, Correction]], list[tuple]]:
    """(row index, correction) for each correction that finds its article; (correction, why) for the rest.

    ``raw_texts`` gives the raw text of doc_ids (``Corpus.raw_texts``: the texts are kept out of ``arts``)."""
    if not active:
        return [], []
    shas = [content_sha(t) for t in raw_texts(arts["doc_id"]).fillna("")]
    by_id = {d: i for i, d in enumerate(arts["doc_id"].astype(str))}
    by_sha: dict[str, int] = {}
    for i, sha in enumerate(shas):
        by_sha.setdefault(sha, i)
    found, unmatched = [], []
    for c in active:
        row = by_id.get(c.doc_id)
        if row is not None and shas[row] == c.content_sha:
            found.append((row, c))
        elif row is not None:
            unmatched.append((c, "stale"))
        elif c.content_sha in by_sha:
            found.append((by_sha[c.content_sha], c))
        else:
            unmatched.append((c, "missing"))
    return found, unmatched


# ---------------------------------------------------------------- values

def _set_value(arts: pd.DataFrame, i: int, c: Correction) -> None:
    value: object = c.new if c.action == "set" else None
    if c.field == "meeting_date":
        value = pd.Timestamp(str(value)) if value else pd.NaT
    if c.field == "chairs":
        column = arts["chairs"].tolist()
        column[i] = [str(name) for name in value] if isinstance(value, list) else []
        arts["chairs"] = pd.Series(column, index=arts.index, dtype=object)
        return
    _assign(arts, i, c.field, value)
    if c.field == "province":
        name = value if isinstance(value, str) else None
        _assign(arts, i, "province_2025", gazetteer.province_2025(name))
        _assign(arts, i, "region", gazetteer.region_of(name))
        _assign(arts, i, "province_source", None)  # neither the text nor the outlet's address: a person


def _assign(arts: pd.DataFrame, i: int, column: str, value) -> None:
    series = arts[column]
    if value is None and isinstance(series.dtype, pd.CategoricalDtype):
        arts[column] = series.where(series.index != series.index[i])
        return
    arts.loc[arts.index[i], column] = pd.NA if value is None and str(series.dtype) in ("string", "Int64",
                                                                                       "boolean") else value


def _renumbered(numbers: pd.DataFrame, arts: pd.DataFrame, values: list[tuple[int, Correction]]) -> pd.DataFrame:
    """The numbers table with corrected counts: the old rows go, the new value keeps the old sentence."""
    counts = [(arts["doc_id"].iloc[i], c) for i, c in values if c.field in COUNT_FIELDS]
    if not counts:
        return numbers
    out = numbers
    added = []
    for doc_id, c in counts:
        mine = (out["doc_id"] == doc_id) & (out["field"] == c.field)
        sentence = out.loc[mine, "sentence"].dropna()
        out = out[~mine]
        if c.action == "set":
            added.append({"doc_id": doc_id, "field": c.field, "value": c.new, "approx": False,
                          "sentence": sentence.iloc[0] if len(sentence) else None})
    return pd.concat([out, pd.DataFrame(added, columns=list(NUMBER_COLUMNS))], ignore_index=True) if added else out


def _holds(arts: pd.DataFrame, i: int, c: Correction) -> bool:
    """A check holds while the value is still the one that was checked."""
    if c.field == MEETING:
        return True
    return plain(c.field, arts[c.field].iloc[i]) == c.new


def _flags(n: int, rows: list[tuple[int, Correction]]) -> list[list[str]]:
    out: list[list[str]] = [[] for _ in range(n)]
    for i, c in rows:
        if c.field not in out[i]:
            out[i].append(c.field)
    return out


# ---------------------------------------------------------------- meetings

def meeting_id(anchor: str) -> str:
    """The id grouping gives a meeting whose smallest doc_id is ``anchor`` (grouping.assign_meeting_ids)."""
    return "m" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:10]


def _regrouped_by_hand(arts: pd.DataFrame, rows: list[tuple[int, Correction]]) -> pd.Series:
    """Meeting ids after splits (an article becomes its own meeting) then merges (two meetings become one)."""
    ids = arts["meeting_id"].astype(str).tolist()
    if not rows:
        return pd.Series(ids, index=arts.index, dtype="string")
    doc_ids = arts["doc_id"].astype(str).tolist()
    row_of = {d: i for i, d in enumerate(doc_ids)}
    touched = set()
    for i, c in sorted(rows, key=lambda r: r[1].action != "split"):  # splits first
        if c.action == "split":
            touched.add(ids[i])
            ids[i] = f"split:{doc_ids[i]}"
        elif c.new in row_of:
            other = ids[row_of[str(c.new)]]
            touched.update({ids[i], other})
            ids = [other if m == ids[i] else m for m in ids]
    return pd.Series(_renamed(ids, doc_ids, touched), index=arts.index, dtype="string")


def _renamed(ids: list[str], doc_ids: list[str], touched: set[str]) -> list[str]:
    """Every meeting changed by hand gets the id of its smallest doc_id, as grouping names meetings."""
    anchors: dict[str, str] = {}
    for m, d in zip(ids, doc_ids, strict=True):
        anchors[m] = min(anchors.get(m, d), d)
    return [meeting_id(anchors[m]) if m in touched or m.startswith("split:") else m for m in ids]
