"""The benchmark's numbers: the BENCH keys from the raw measurements, a table, the BENCH line."""
from __future__ import annotations


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` 0.95: p95) of ``values``; NaN when there are none."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


TARGETS = {  # key: (comparison, target) as the issue states them
    "ratio_vs_baseline": (">=", 5.0),
    "terms_agreement": (">=", 0.90),
    "ingest_warm_dps": (">=", 20_000),
    "load_100k_s": ("<=", 1.5),
    "peak_rss_mb": ("<=", 1_000),
    "filter_p95_ms": ("<=", 200),
    "first_render_ms": ("<=", 1_000),
    "wordcloud_ms": ("<=", 500),
    "page_cost_growth": ("<=", 3.0),
    "search_ms": ("<=", 300),
}


def _worst(pages: dict, key: str) -> tuple[str, float]:
    view = max(pages, key=lambda v: pages[v][key])
    return view, pages[view][key]


def summary(r: dict) -> dict[str, float | int | str]:
    """The BENCH keys (the issue's list, then a few for context)."""
    small, large = r["pages_small"]["pages"], r["pages_large"]["pages"]
    growth = max(large[v]["p50_ms"] / max(small[v]["p50_ms"], 1e-9) for v in large)
    _, p50 = _worst(large, "p50_ms")
    worst_view, p95 = _worst(large, "p95_ms")
    first_view, first = _worst(large, "first_ms")
    return {
        "baseline_dps": r["baseline_dps"], "ratio_vs_baseline": r["real"]["dps"] / r["baseline_dps"],
        "real_relevant": r["real"]["relevant"], "real_ingest_dps": r["real"]["dps"],
        "terms_agreement": r["terms_agreement"], "ingest_warm_dps": r["real_warm"]["dps"],
        "load_100k_s": r["pages_large"]["load_s"], "peak_rss_mb": r["pages_large"]["peak_rss_mb"],
        "filter_p50_ms": p50, "filter_p95_ms": p95, "filter_worst_page": worst_view,
        "first_render_ms": first, "first_render_worst_page": first_view,
        "wordcloud_ms": r["pages_large"]["wordcloud_ms"], "page_cost_growth": growth,
        "search_ms": r["pages_large"]["search_ms"], "hold_rss_mb": r["pages_large"]["prepared_rss_mb"],
        # the pages' process is a server start that maps the search index and the term matrix
        # stored beside the snapshot; the first start after an ingest derived and stored them
        "prepare_100k_s": r["pages_large"]["prepare_s"],
        "first_prepare_100k_s": r["start_large"]["prepare_s"],
        "first_start_rss_mb": r["start_large"]["prepared_rss_mb"],
        # what the server holds after every page ran: its own memory, and mapped files' pages
        "end_anon_mb": r["pages_large"]["end_anon_mb"], "end_file_mb": r["pages_large"]["end_file_mb"],
        "ingest_peak_pss_mb": max(r["real"]["tree_pss_mb"], r["gen_large"]["tree_pss_mb"]),
        "gen_ingest_dps": r["gen_small"]["dps"], "terms_agreement_top20": r["terms_agreement_top20"],
        "terms_speedup": r["terms_dps"] / r["terms_underthesea_dps"],
        "append_one_s": r["real_append"]["seconds"], "append_one_extracted": r["real_append"]["extracted"],
        "articles_large": r["pages_large"]["articles"], "cores": r["cores"],
    }


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.0f}"
    return str(value)


def verdict(key: str, value) -> str:
    if key not in TARGETS:
        return ""
    op, target = TARGETS[key]
    ok = value >= target if op == ">=" else value <= target
    return f"{'holds' if ok else 'MISSED'} ({op} {_fmt(target)})"


def table(r: dict, keys: dict) -> str:
    lines = [f"{'key':<26}{'value':>12}  target", "-" * 60]
    lines += [f"{k:<26}{_fmt(v):>12}  {verdict(k, v)}" for k, v in keys.items()]
    lines += ["", f"{'page':<13}{'first ms':>10}{'p50 ms':>9}{'p95 ms':>9}   (at {r['sizes']['large']} articles;"
              f" p50 at {r['sizes']['small']})"]
    small = r["pages_small"]["pages"]
    for view, p in r["pages_large"]["pages"].items():
        lines.append(f"{view:<13}{p['first_ms']:>10.0f}{p['p50_ms']:>9.0f}{p['p95_ms']:>9.0f}"
                     f"   {small[view]['p50_ms']:>7.0f}")
    return "\n".join(lines)


def bench_line(keys: dict) -> str:
    return "BENCH " + " ".join(f"{k}={_fmt(v)}" for k, v in keys.items())
