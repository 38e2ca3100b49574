"""Corrections made by hand, as the audit shows them: counts for "N values corrected by hand",
the list with before/after and what became of each, and the conflicting pairs. Pure.

Counts come from the articles' ``corrected_fields``/``checked_fields`` (what is applied in the
corpus on screen), so a filtered chart can say how many of *its* values a person set.
"""
from __future__ import annotations

import json

import pandas as pd

from loaders.corrections import CorrectionSet, Outcome

from .. import i18n
from .prepared import prepared_of

LIST_COLUMNS = ["id", "when", "who", "doc_id", "field", "action", "before", "after", "note", "status"]
CONFLICT_COLUMNS = ["id", "slot", "who", "when", "doc_id", "field", "action", "after", "note"]


def correction_counts(articles: pd.DataFrame) -> dict[str, int]:
    """Values corrected and values checked by hand among ``articles`` (a meeting split or merge counts once)."""
    return {"corrected": int(articles["corrected_fields"].map(len).sum()) if len(articles) else 0,
            "checked": int(articles["checked_fields"].map(len).sum()) if len(articles) else 0}


def corrections_note(articles: pd.DataFrame, lang: str) -> str | None:
    """"N values corrected by hand (M checked)" for a chart, an export or a page; None when there are none."""
    return _note(correction_counts(articles), lang)


def corpus_corrections_note(corpus, lang: str) -> str | None:
    """``corrections_note`` of the whole corpus, its counts taken once per prepared corpus (every
    chart's export names them)."""
    return _note(prepared_of(corpus).once("correction_counts", lambda: correction_counts(corpus.articles)),
                 lang)


def _note(counts: dict[str, int], lang: str) -> str | None:
    if not counts["corrected"] and not counts["checked"]:
        return None
    return i18n.t("corrections.note", lang, n=i18n.fmt_int(counts["corrected"], lang),
                  m=i18n.fmt_int(counts["checked"], lang))


def methodology_sentence(articles: pd.DataFrame, lang: str) -> str:
    """The report's methodology line: how many values were corrected or checked (zero said as zero)."""
    counts = correction_counts(articles)
    return i18n.t("corrections.methodology", lang, n=i18n.fmt_int(counts["corrected"], lang),
                  m=i18n.fmt_int(counts["checked"], lang))


def _shown(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "–"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def corrections_table(fixes: CorrectionSet, result: Outcome) -> pd.DataFrame:
    """Every correction in the file with before/after and its status: applied, stale, missing or conflict."""
    status = {c.id: "applied" for c in result.applied}
    status.update({c.id: "stale" for c in result.stale})
    status.update({c.id: "missing" for c in result.missing})
    conflicted = {c.id for cs in fixes.conflicts().values() for c in cs}
    rows = [{"id": c.id, "when": c.when, "who": c.who, "doc_id": c.doc_id, "field": c.field, "action": c.action,
             "before": _shown(c.old), "after": _after(c), "note": c.note,
             "status": "conflict" if c.id in conflicted else status.get(c.id, "superseded")}
            for c in fixes.items]
    table = pd.DataFrame(rows, columns=LIST_COLUMNS)
    return table.sort_values(["when", "id"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def _after(c) -> str:
    if c.action == "clear":
        return "–"
    if c.action == "split":
        return "split"
    return _shown(c.new)


def conflicts_table(fixes: CorrectionSet) -> pd.DataFrame:
    """The corrections that disagree about one value, grouped by ``slot`` (doc_id|field)."""
    rows = [{"id": c.id, "slot": f"{c.doc_id}|{c.field}", "who": c.who, "when": c.when, "doc_id": c.doc_id,
             "field": c.field, "action": c.action, "after": _after(c), "note": c.note}
            for cs in fixes.conflicts().values() for c in cs]
    return pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
