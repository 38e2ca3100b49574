"""Server-side cost of the dashboard's pages on a corpus, in its own process.

    python -m bench.pages PATH --cache DIR [--changes 50] [--seed 1] [--start-only]

Loads the corpus as the app does (``loaders.load_corpus(path, corrections=False)`` then
``data.prepare``: the search index and what the filters read; cache folder from TTDN_CACHE_DIR), then runs every
page headless with streamlit's AppTest: first with default filters (``first_ms``), then
``--changes`` times with random filters taken from the corpus's own filter options, each run a
fresh session reading its filters from the URL (``p50_ms``/``p95_ms``: the whole page run, filter
bar included). The word cloud and a free-text search are timed on their own. Prints one JSON object.
``--start-only``: only the load and ``data.prepare`` of the first server start after an ingest (what
earlier starts stored beside the snapshot removed first; the pages' run then maps what it stored).

Everything that knows the dashboard's entry points is in ``page_harness``, ``PageRunner`` and
``random_params`` (dashboard/app.py's router, dashboard/filters.py's URL names).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import shutil
import statistics
import time

from bench.memory import current_rss_mb, own_peak_rss_mb, tree_pss_mb
from bench.report import percentile

VIEWS = ["overview", "timeline", "provinces", "themes", "delegations", "articles", "quality", "review"]
SEARCHES = ["thông tin đối ngoại", "bien dao", "đoàn khách quốc tế"]  # a phrase, no diacritics, a count
TIMEOUT_S = 900


# bench/dashboard.py --profile puts a cProfile.Profile under "now": AppTest runs the page script in
# its own thread, so the harness enables the profiler there
PROFILER: dict = {}


def page_harness(view_name: str) -> None:
    """Runs inside AppTest: what app.py's router does for one page (filter bar, notices, the view)."""
    import importlib

    from bench import pages
    from dashboard import data, queries
    from dashboard.components import correction_notice, filter_bar, notices

    profiler = pages.PROFILER.get("now")
    if profiler is not None:
        profiler.enable()
    corpus = data.current_corpus()
    filters = filter_bar.render(queries.filter_options(corpus))
    notices.demo_banner(corpus, filters.lang)
    correction_notice.render(corpus, filters.lang)
    importlib.import_module(f"dashboard.views.{view_name}").render(corpus, filters)
    if profiler is not None:
        profiler.disable()


def use(corpus) -> None:
    """Serve ``corpus`` to every page run after this (what app.py and the views ask data.py for)."""
    from dashboard import data

    data.current_corpus = lambda: corpus
    data.current_store = lambda: None


def _components():
    """Streamlit's custom-component registry, discovered once per process as a server does at start
    (``Runtime`` does it once); a fresh AppTest scans every installed package's metadata on its first
    run (~0.24 s here), which no page run of a server pays."""
    if "manager" not in _COMPONENTS:
        from streamlit.components.v2.component_manager import BidiComponentManager

        manager = BidiComponentManager()
        manager.discover_and_register_components(start_file_watching=False)
        _COMPONENTS["manager"] = manager
    return _COMPONENTS["manager"]


_COMPONENTS: dict = {}


def run_page(view: str, params: dict[str, str] | None = None) -> float:
    """Seconds of one fresh session's run of ``view`` with ``params`` in its URL."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(page_harness, args=(view,), default_timeout=TIMEOUT_S)
    if hasattr(at, "_bidi_component_manager"):  # AppTest keeps the registry it discovered here
        at._bidi_component_manager = _components()
    for key, value in (params or {}).items():
        at.query_params[key] = value
    start = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"{view} {params}: {at.exception[0].message}")
    return seconds


class PageRunner:
    """Runs one page on the loaded corpus with given URL parameters; returns seconds."""

    def __init__(self, corpus):
        use(corpus)
        self.corpus = corpus

    def run(self, view: str, params: dict[str, str] | None = None) -> float:
        return run_page(view, params)


def random_params(options: dict, rng: random.Random) -> dict[str, str]:
    """One random filter change, as URL parameters (the names dashboard/filters.py reads)."""
    params: dict[str, str] = {}
    pick = {"province": "provinces", "region": "regions", "level": "levels", "type": "meeting_types",
            "theme": "themes"}
    for param, key in rng.sample(sorted(pick.items()), rng.randint(1, 3)):
        values = options.get(key) or []
        if values:
            params[param] = ",".join(rng.sample(values, min(len(values), rng.randint(1, 3))))
    first, last = options.get("first"), options.get("last")
    if first and last and rng.random() < 0.5:
        a, b = sorted(rng.sample(range(first.year, last.year + 1), 2)) if last.year > first.year else (first.year,) * 2
        params["from"], params["to"] = f"{a}-01-01", f"{b}-12-31"
    if rng.random() < 0.3:
        params["unit"] = "articles"
    if rng.random() < 0.2:
        params["relevant"] = "0"
    return params


def _stats(times: list[float]) -> dict[str, float]:
    ms = [t * 1000 for t in times]
    return {"p50_ms": statistics.median(ms), "p95_ms": percentile(ms, 0.95), "n": len(ms)}


def wordcloud_ms(corpus) -> dict[str, float]:
    """The Themes page's term query and cloud drawing (first call reads the terms if they are lazy)."""
    from dashboard import cloud, queries
    from dashboard.filters import Filters
    from dashboard.settings import setting

    out = {}
    for label in ("wordcloud_first_ms", "wordcloud_ms"):
        start = time.perf_counter()
        first = queries.term_overview(corpus, Filters(), setting("top_terms"))  # as the Themes page does
        terms = queries.term_frequencies(corpus, Filters(), setting("top_terms"), first["hidden"])
        freqs = queries.cloud_frequencies(terms)
        cloud.wordcloud_png(freqs, setting("cloud_width"), setting("cloud_height"))
        out[label] = (time.perf_counter() - start) * 1000
    return out


def started(path: str, first: bool = False) -> tuple[object, dict]:
    """The corpus as a server start leaves it (loaded, then ``data.prepare``: the search index, the
    filters' arrays, term counts), and what that cost. ``first``: as the first start after an
    ingest, with nothing stored beside the snapshot yet (what an earlier start stored is removed)."""
    from dashboard import data
    from loaders import load_corpus

    start = time.perf_counter()
    corpus = load_corpus(path, corrections=False)  # as dashboard/data.py loads it
    if first:
        _forget_derived(corpus)
    out: dict = {"articles": len(corpus.articles), "load_s": time.perf_counter() - start,
                 "load_rss_mb": own_peak_rss_mb(), "load_pss_mb": tree_pss_mb()}
    start = time.perf_counter()
    data.prepare(corpus)
    out["prepare_s"] = time.perf_counter() - start
    out["prepared_rss_mb"] = own_peak_rss_mb()
    out["prepared_now_rss_mb"] = current_rss_mb()
    return corpus, out


def _forget_derived(corpus) -> None:
    """Remove the search index and term matrix earlier starts stored beside ``corpus``'s snapshot."""
    from dashboard.queries import term_store
    from dashboard.search import stored

    snapshot = corpus.snapshot_folder()
    for kind in (stored.KIND, term_store.KIND) if snapshot is not None else ():
        for folder in snapshot.glob(f"{kind}-*"):
            shutil.rmtree(folder)


def measure(path: str, changes: int, seed: int) -> dict:
    from dashboard import queries

    corpus, out = started(path)
    runner, rng = PageRunner(corpus), random.Random(seed)
    options = queries.filter_options(corpus)
    for view in VIEWS:  # what dashboard/app.py imports when the server starts
        importlib.import_module(f"dashboard.views.{view}")
    runner.run("overview")  # warm-up: imports and the chart template, paid once per server
    pages = {}
    for view in VIEWS:
        first = runner.run(view)
        pages[view] = {"first_ms": first * 1000,
                       **_stats([runner.run(view, random_params(options, rng)) for _ in range(changes)]),
                       "rss_after_mb": current_rss_mb()}
    out["pages"] = pages
    out["pages_peak_rss_mb"] = own_peak_rss_mb()
    out.update(wordcloud_ms(corpus))
    out["search_ms"] = statistics.median(runner.run("articles", {"q": q}) for q in SEARCHES) * 1000
    out["search_rss_mb"] = current_rss_mb()
    out["peak_rss_mb"] = own_peak_rss_mb()
    out["end_anon_mb"], out["end_file_mb"] = current_rss_mb("RssAnon"), current_rss_mb("RssFile")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--cache", required=True)
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start-only", action="store_true",
                        help="only load and prepare, as the first server start after an ingest does")
    args = parser.parse_args(argv)
    os.environ["TTDN_CACHE_DIR"] = args.cache
    result = started(args.path, first=True)[1] if args.start_only else measure(args.path, args.changes, args.seed)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
