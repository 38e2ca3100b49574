"""Server-side cost of every dashboard page at 10k and 100k articles, as ratios from one run.

    python -m bench.dashboard [--sizes 10000,100000] [--changes 30] [--base 300] [--profile PAGE]

Builds the corpora fast: ``--base`` demo articles (``tools.demo``) are ingested once through
``loaders.load_corpus`` (cached in ``--cache``), then their tables are tiled in memory with fresh
doc_ids and meeting_ids, dates shifted per copy and places drawn from other rows, so the big
corpora spread over provinces and years like the small one. Each corpus gets its search index
as ``dashboard/data.py`` gives it (``search.attach``).

Per page, headless (streamlit's AppTest, the corpus injected where the app asks
``data.current_corpus``): the first render with default filters, then ``--changes`` random
filter changes (p50/p95 of the whole page run, filter bar included); the word cloud (the term
query and the drawing), a free-text search (the articles page with ``q``). Prints a table with
the ratio 100k/10k per figure and one final line ``BENCH_DASHBOARD {json}``. ``--profile PAGE``
prints the top of a cProfile of that page's filter changes at the largest size.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import random
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from bench import pages
from bench.pages import random_params, run_page, use
from bench.report import percentile

VIEWS = ["overview", "timeline", "provinces", "themes", "delegations", "articles", "quality", "review"]
SEARCHES = ["thông tin đối ngoại", "bien dao", "đoàn khách quốc tế"]  # a phrase, no diacritics, a count
LOCATION = ["province", "province_2025", "region"]
DAY_STEP = 37  # days each copy's dates move back by, wrapped over SHIFT_SPAN: copies spread over years
SHIFT_SPAN = 6 * 365


# ---------------------------------------------------------------- corpora

def base_corpus(n: int, cache: str):
    """``n`` demo articles through the real loader (its parse cache in ``cache``)."""
    from loaders import load_corpus
    from tools.demo import write_demo_jsonl
    return load_corpus(write_demo_jsonl(cache, n=n), cache_dir=cache, corrections=False)


def _copy_articles(arts: pd.DataFrame, k: int) -> pd.DataFrame:
    out = arts.copy()
    suffix = f"~{k}"
    out["doc_id"] = out["doc_id"] + suffix
    out["meeting_id"] = out["meeting_id"] + suffix
    shift = pd.Timedelta(days=(k * DAY_STEP) % SHIFT_SPAN)
    for col in ("published", "meeting_date"):
        out[col] = out[col] - shift
    placed = arts[LOCATION].sample(frac=1.0, random_state=k).set_axis(out.index)
    for col in LOCATION:
        out[col] = placed[col]
    return out


def tiled(base, n: int):
    """A corpus of ``n`` articles made of copies of ``base`` (copy 0 is ``base`` itself)."""
    from loaders.schema import Corpus
    copies = -(-n // len(base.articles))
    # with the texts: the tiled corpus has no snapshot to read them from later
    whole = base.full_articles()
    arts = pd.concat([_copy_articles(whole, k) for k in range(copies)], ignore_index=True).head(n)
    kept = set(arts["doc_id"])
    tables = {}
    for name in ("evidence", "themes", "terms", "people", "numbers"):
        table = base.tables()[name]
        parts = [table.assign(doc_id=table["doc_id"] + f"~{k}") for k in range(copies)]
        whole = pd.concat(parts, ignore_index=True)
        tables[name] = whole[whole["doc_id"].isin(kept)].reset_index(drop=True)
    return Corpus(articles=arts, report=base.report, **tables)


def served(corpus):
    """What ``data.py`` adds to a loaded corpus before a page sees it."""
    from dashboard import data
    return data.prepare(corpus)


# ---------------------------------------------------------------- pages

def wordcloud_ms(corpus) -> float:
    """The Themes page's term query and cloud drawing with default filters (a warm call)."""
    from dashboard import cloud, queries
    from dashboard.filters import Filters
    from dashboard.settings import setting
    start = time.perf_counter()
    terms = queries.term_frequencies(corpus, Filters(), setting("top_terms"))
    cloud.wordcloud_png(queries.cloud_frequencies(terms), setting("cloud_width"), setting("cloud_height"))
    return (time.perf_counter() - start) * 1000


def measure(corpus, changes: int, seed: int) -> dict:
    """Every figure of one corpus, in milliseconds."""
    from dashboard import queries
    use(corpus)
    rng = random.Random(seed)
    options = queries.filter_options(corpus)
    run_page("overview")  # warm-up: imports, the chart template; paid once per server
    out: dict = {}
    for view in VIEWS:
        first = run_page(view) * 1000
        times = [run_page(view, random_params(options, rng)) * 1000 for _ in range(changes)]
        out[view] = {"first": first, "p50": statistics.median(times), "p95": percentile(times, 0.95)}
        print(f"  {view:12s} first {first:8.0f}  p50 {out[view]['p50']:8.0f}  p95 {out[view]['p95']:8.0f}",
              flush=True)
    wordcloud_ms(corpus)
    out["wordcloud"] = statistics.median(wordcloud_ms(corpus) for _ in range(3))
    out["search"] = statistics.median(run_page("articles", {"q": q}) * 1000 for q in SEARCHES)
    return out


def profile(corpus, view: str, changes: int, seed: int, top: int = 30) -> str:
    from dashboard import queries
    use(corpus)
    rng = random.Random(seed)
    options = queries.filter_options(corpus)
    run_page(view)
    prof = pages.PROFILER["now"] = cProfile.Profile()
    try:
        for _ in range(changes):
            run_page(view, random_params(options, rng))
    finally:
        del pages.PROFILER["now"]
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


# ---------------------------------------------------------------- report

def rows_of(results: dict[int, dict]) -> list[tuple[str, list[float]]]:
    sizes = sorted(results)
    rows = []
    for view in VIEWS:
        for stat in ("first", "p50", "p95"):
            rows.append((f"{view} {stat}", [results[s][view][stat] for s in sizes]))
    rows += [(name, [results[s][name] for s in sizes]) for name in ("wordcloud", "search")]
    return rows


def table(results: dict[int, dict]) -> str:
    sizes = sorted(results)
    head = f"{'ms':22s}" + "".join(f"{s:>10d}" for s in sizes) + ("  ratio" if len(sizes) > 1 else "")
    lines = [head]
    for name, values in rows_of(results):
        ratio = f"  {values[-1] / values[0]:5.2f}" if len(sizes) > 1 and values[0] else ""
        lines.append(f"{name:22s}" + "".join(f"{v:10.0f}" for v in values) + ratio)
    return "\n".join(lines)


def summary(results: dict[int, dict]) -> dict:
    sizes = sorted(results)
    big = results[sizes[-1]]
    out = {"sizes": sizes, "filter_p50_ms": max(big[v]["p50"] for v in VIEWS),
           "filter_p95_ms": max(big[v]["p95"] for v in VIEWS),
           "first_render_ms": max(big[v]["first"] for v in VIEWS),
           "wordcloud_ms": big["wordcloud"], "search_ms": big["search"]}
    if len(sizes) > 1:
        small = results[sizes[0]]
        out["page_cost_growth"] = max(big[v]["p50"] / small[v]["p50"] for v in VIEWS)
    return {k: (round(v, 2) if isinstance(v, float) else v) for k, v in out.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--base", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "ttdn-bench-dashboard"))
    parser.add_argument("--profile", choices=VIEWS)
    args = parser.parse_args(argv)
    from streamlit import logger
    logger.set_log_level("error")  # bare-mode warnings, one per AppTest run
    base = base_corpus(args.base, args.cache)
    results: dict[int, dict] = {}
    for size in sorted(int(s) for s in args.sizes.split(",")):
        start = time.perf_counter()
        corpus = served(tiled(base, size))
        print(f"{size} articles: built and indexed in {time.perf_counter() - start:.1f} s", flush=True)
        results[size] = measure(corpus, args.changes, args.seed)
        if args.profile and size == max(int(s) for s in args.sizes.split(",")):
            print(profile(corpus, args.profile, min(args.changes, 10), args.seed))
        del corpus
    print(table(results))
    print("BENCH_DASHBOARD " + json.dumps(summary(results)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
