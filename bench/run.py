"""Speed of the loader, reported as ratios from one run (never as timed tests).

    python -m bench.run [--n 600]

Measures on the generated demo articles (so it needs no real data):
- parallel speed-up: extraction with all cores vs one core;
- cache: a cached reload vs a cold ingest of the same files;
- where the time goes: each extractor's share of one-core extraction time.
Absolute seconds are printed for context only; compare ratios across commits.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import tempfile
import time
from pathlib import Path

from loaders import load_corpus
from loaders.batch import default_workers, extract_records
from tools.demo import demo_records

STAGES = ("clean", "dates", "places", "meetings", "numbers", "themes", "terms", "dedupe")


def timed(fn, *args, **kwargs) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def write_jsonl(records, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({"id": r.doc_id, "text": r.text, "url": r.url}, ensure_ascii=False) + "\n")


def stage_shares(records) -> dict[str, float]:
    prof = cProfile.Profile()
    prof.enable()
    extract_records(records, workers=1)
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(v[3] for k, v in stats.stats.items() if k[2] == "_extract_chunk") or 1e-9
    shares = {}
    for stage in STAGES:
        cum = max((v[3] for k, v in stats.stats.items() if k[0].endswith(f"loaders/{stage}.py")), default=0.0)
        shares[stage] = cum / total
    return shares


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600, help="number of demo articles to generate")
    args = parser.parse_args(argv)
    records = demo_records(n=args.n)
    workers = default_workers()
    one = timed(extract_records, records, workers=1)
    many = timed(extract_records, records, workers=workers)
    with tempfile.TemporaryDirectory() as tmp:
        src, cache = Path(tmp) / "demo.jsonl", Path(tmp) / "cache"
        write_jsonl(records, src)
        cold = timed(load_corpus, src, cache_dir=cache)
        warm = timed(load_corpus, src, cache_dir=cache)
    print(f"articles: {len(records)}, cores: {workers}")
    print(f"parallel speed-up ({workers} workers vs 1): {one / many:.2f}x   "
          f"(one core: {len(records) / one:.0f} articles/s)")
    print(f"cached reload vs cold ingest:        {cold / warm:.1f}x faster   (cold {cold:.1f}s, cached {warm:.2f}s)")
    print("share of one-core extraction time by stage (cumulative, may overlap):")
    for stage, share in sorted(stage_shares(records[:200]).items(), key=lambda kv: -kv[1]):
        print(f"  {stage:9s} {share:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
