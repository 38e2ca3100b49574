"""Measure each rule's precision on the labelled articles: the confidence of values rules decide.

For every labelled article the loader's own per-article map runs; each evidence row says which field,
which value and which rule. A row is *right* when its value equals the gold label (the accepted
alternative in ``gold.alt`` counts; a province the text does not name may be the outlet's). The
table written to assets/rule_precision.json counts, per field and rule, how often it fired and how
often it was right; loaders/extract/confidence.py turns that into a smoothed precision.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from loaders.article import extract_article
from loaders.extract.confidence import RULE_PRECISION_ASSET
from loaders.textnorm import fold

COUNT_FIELDS = ("delegations_in", "visitors_in", "delegations_out", "visitors_out")
MEASURED = ("relevant", "level", "province", "published", "meeting_date", "period", *COUNT_FIELDS)
MIN_NAME_CHARS = 4  # score.py's chair match ignores names this short


def _alternatives(gold: dict, field: str) -> list:
    values = [gold.get(field)]
    if field in (gold.get("alt") or {}):
        values.append(gold["alt"][field])
    if field == "province" and gold.get("province") is None:
        values.append(gold.get("province_from_url"))
    return values


def _same(field: str, value: str, wanted) -> bool:
    if wanted is None:
        return False
    if field == "relevant":
        return value == str(bool(wanted))
    if field in COUNT_FIELDS:
        return value == str(int(wanted))
    if field in ("published", "meeting_date"):
        return value[:10] == str(wanted)[:10]
    return fold(value) == fold(str(wanted))


def _chair_right(name: str, gold_chairs: Sequence[str]) -> bool:
    """score.py's chair match: one name contained in the other, both long enough."""
    mine = fold(name)
    return len(mine) >= MIN_NAME_CHARS and any(
        mine in fold(g) or fold(g) in mine for g in gold_chairs if len(fold(g)) >= MIN_NAME_CHARS)


def measure(examples) -> dict[str, dict[str, dict[str, int]]]:
    """field -> rule -> {"fired", "right"} over the labelled examples (tools.fit.Example)."""
    table: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: {"fired": 0, "right": 0}))
    for example in examples:
        rows = extract_article(example.record)
        for row in rows["evidence"]:
            if row["field"] not in MEASURED or not row.get("rule") or row["rule"] == "model":
                continue
            cell = table[row["field"]][row["rule"]]
            cell["fired"] += 1
            wanted = _alternatives(example.gold, row["field"])
            cell["right"] += any(_same(row["field"], row["value"], w) for w in wanted)
        if example.gold.get("relevant") is not True:
            continue
        for person in rows["people"]:
            if person["role"] == "chair":
                cell = table["chair"][person.get("rule") or "unnamed"]
                cell["fired"] += 1
                cell["right"] += _chair_right(person["name"], example.gold.get("chairs") or [])
    return {field: dict(sorted(rules.items())) for field, rules in sorted(table.items())}


def rule_precision_asset(examples, sources: dict[str, str]) -> dict:
    return {"_about": "How often each rule's answer matched the gold labels, per field (fired, right); "
                      "written by tools/fit.py (make fit), read by loaders/extract/confidence.py. Do not edit by hand.",
            "asset": RULE_PRECISION_ASSET, "fitted_on": sources, "records": len(examples),
            "rules": measure(examples)}
