"""`make bench`: the loader and the dashboard at national scale, in one run, as ratios and a BENCH line.

    python -m bench.run [--out artifacts/bench] [--changes 50] [--quick | --tile N]

Steps (each measured in its own process, so a process's peak memory is its own):
  1. generated corpora of 1k / 10k / 100k articles (bench/corpus.py; reused while unchanged)
  2. underthesea's word_tokenize alone over 1k real articles (``baseline_dps``), and how far our
     word-cloud terms agree with it on the same texts (``terms_agreement``)
  3. cold ingest of the real 10k on an empty cache (``real_ingest_dps``, ``ratio_vs_baseline``,
     ``real_relevant``), then a warm one (``ingest_warm_dps``); the generated 10k cold, for context
  4. the generated 100k: cold ingest (only when its cache does not hold the current code's
     corpus), its first server start (which stores the search index and the term matrix beside
     the snapshot), then the dashboard's pages on it (a later start: they are mapped) and on the
     generated 10k (bench/pages.py)
The real articles come from ../shared/bench (TTDN_BENCH_NEWS overrides the file). ``--quick``
runs every step on 100 generated articles (what the test suite does: it proves the harness works,
it times nothing). ``--tile N`` stands the generated 10k tiled N times in for the 100k (every
article a cache hit: for a machine too loaded for a 100k cold ingest; BENCHMARKS.md says so).
Ends with a table and one line ``BENCH key=value ...``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench import segmentation
from bench.corpus import corpus_paths, write_corpora, write_tiled
from bench.report import bench_line, summary, table

ROOT = Path(__file__).resolve().parent.parent
REAL_NEWS = ROOT.parent / "shared" / "bench" / "news-2017-10k.jsonl"
SIZES = (1_000, 10_000, 100_000)
BASELINE_TEXTS = 1_000


def _python(*args: str) -> list[dict]:
    """Run ``python -m ...`` in a child process; its JSON lines."""
    proc = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    if proc.returncode:
        raise RuntimeError(f"{' '.join(args[:2])} failed:\n{proc.stderr[-3000:]}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def ingest(path: Path, cache: Path, runs: int, fresh: bool = True, relevant_out: Path | None = None) -> list[dict]:
    if fresh:
        shutil.rmtree(cache, ignore_errors=True)
    extra = ["--relevant-out", str(relevant_out)] if relevant_out else []
    return _python("bench.ingest", str(path), "--cache", str(cache), "--runs", str(runs), *extra)


def appended(src: Path, out: Path) -> Path:
    """A copy of ``src`` with one more article at the end (a new id, an edited copy of the first)."""
    copy = out / f"appended-{src.name}"
    lines = src.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    extra = {**first, "id": f"{first['id']}-appended", "text": first["text"] + "\nBài viết được cập nhật."}
    copy.write_text("\n".join([*lines, json.dumps(extra, ensure_ascii=False)]) + "\n", encoding="utf-8")
    return copy


def pages(path: Path, cache: Path, changes: int) -> dict:
    return _python("bench.pages", str(path), "--cache", str(cache), "--changes", str(changes))[0]


def first_start(path: Path, cache: Path) -> dict:
    """The first server start after an ingest: it derives the search index and the term matrix and
    stores them beside the snapshot; every later start (the pages' run) maps them."""
    return _python("bench.pages", str(path), "--cache", str(cache), "--start-only")[0]


def measure(out: Path, real: Path, sizes: tuple[int, ...], changes: int, baseline_texts: int) -> dict:
    data, caches = out / "data", out / "cache"
    paths = write_corpora(data, list(sizes))
    small, large = sizes[-2] if len(sizes) > 1 else sizes[0], sizes[-1]
    texts = segmentation.read_texts(real, baseline_texts)
    results: dict = {"baseline_dps": segmentation.baseline(texts), **segmentation.agreement(texts)}
    cold, warm = ingest(real, caches / "real", runs=2, relevant_out=out / "real-relevant.txt")
    results.update(real=cold, real_warm=warm, real_append=ingest(appended(real, out), caches / "real", 1, False)[0])
    # the large corpus keeps its cache between runs: its cold ingest is paid once per code version
    results["gen_large"] = ingest(paths[large][0], caches / "gen-large", runs=1, fresh=False)[0]
    results["start_large"] = first_start(paths[large][0], caches / "gen-large")
    results["pages_large"] = pages(paths[large][0], caches / "gen-large", changes)
    same = small == large  # --quick: one corpus stands for both sizes
    results["gen_small"] = results["gen_large"] if same else ingest(paths[small][0], caches / "gen-small", runs=1)[0]
    results["pages_small"] = results["pages_large"] if same else pages(paths[small][0], caches / "gen-small", changes)
    results["sizes"] = {"small": small, "large": large}
    return results


def measure_tiled(out: Path, real: Path, size: int, copies: int, changes: int, baseline_texts: int) -> dict:
    """As ``measure``, but the large corpus is the generated ``size`` tiled ``copies`` times
    (bench.corpus.write_tiled), ingested on the cache of the small one: no article is extracted
    again, so its ingest measures reading, assembly, grouping and the snapshot, not extraction."""
    data, caches = out / "data", out / "cache"
    small = write_corpora(data, [size])[size][0]
    large = write_tiled(small, copies)
    texts = segmentation.read_texts(real, baseline_texts)
    results: dict = {"baseline_dps": segmentation.baseline(texts), **segmentation.agreement(texts)}
    cold, warm = ingest(real, caches / "real", runs=2, relevant_out=out / "real-relevant.txt")
    results.update(real=cold, real_warm=warm, real_append=ingest(appended(real, out), caches / "real", 1, False)[0])
    results["gen_small"] = ingest(small, caches / "gen-tiled", runs=1)[0]
    results["pages_small"] = pages(small, caches / "gen-tiled", changes)
    results["gen_large"] = ingest(large, caches / "gen-tiled", runs=1, fresh=False)[0]
    results["start_large"] = first_start(large, caches / "gen-tiled")
    results["pages_large"] = pages(large, caches / "gen-tiled", changes)
    results["sizes"] = {"small": size, "large": size * copies, "tiled": copies}
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "bench")
    parser.add_argument("--changes", type=int, default=50, help="random filter changes per page")
    parser.add_argument("--quick", action="store_true",
                        help="100 generated articles, one change per page: proves the harness")
    parser.add_argument("--tile", type=int, default=0, metavar="N",
                        help="the large corpus is the generated 10k N times over on its cache (no 100k cold ingest)")
    args = parser.parse_args(argv)
    real = Path(os.environ.get("TTDN_BENCH_NEWS", REAL_NEWS))
    if args.quick:
        out = args.out / "quick"
        write_corpora(out / "data", [100])
        real = corpus_paths(out / "data", 100)[0]  # the generated articles stand in for the real ones
        results = measure(out, real, (100,), 1, 20)
    elif args.tile:
        results = measure_tiled(args.out, real, SIZES[1], args.tile, args.changes, BASELINE_TEXTS)
    else:
        results = measure(args.out, real, SIZES, args.changes, BASELINE_TEXTS)
    results["cores"] = os.cpu_count() or 1
    keys = summary(results)
    (args.out / ("quick.json" if args.quick else "last.json")).write_text(
        json.dumps({"summary": keys, "raw": results}, indent=1, default=str), encoding="utf-8")
    print(table(results, keys))
    print(bench_line(keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
