#!/usr/bin/env python3
"""Free-text search at 100,000 articles: the index build (once per corpus load) and each query.

The bodies are ../shared/bench/news-2017-10k.jsonl (real news, mean 2.7 k characters) repeated to
the size asked for, or the synthetic demo records when that file is absent (shorter bodies).
Times are wall-clock from one run on a shared machine, so each query is also given as a ratio
to one plain C scan (``str.count``) over the same folded text: the ratio is what carries over.

usage: python scripts/bench_search.py [--articles 100000]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.search import SearchIndex, parse  # noqa: E402

NEWS = ROOT.parent / "shared" / "bench" / "news-2017-10k.jsonl"
QUERIES = ["bien dao", "biển, đảo", "Campuchia", "Lào OR Campuchia NOT Trung Quốc", '"thông tin đối ngoại"', "và"]


def texts(n: int) -> tuple[list[str], str]:
    if NEWS.exists():
        base = [json.loads(line)["text"] for line in NEWS.open(encoding="utf-8")]
        source = NEWS.name
    else:
        from tools.demo import demo_records
        base, source = [r.text for r in demo_records()], "demo records"
    return (base * (n // len(base) + 1))[:n], source


def best_of(runs: int, call) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--articles", type=int, default=100_000)
    n = args.parse_args(argv).articles
    bodies, source = texts(n)
    frame = pd.DataFrame({"title": [t.split("\n", 1)[0] for t in bodies],
                          "body": [t.split("\n", 1)[-1] for t in bodies]})
    print(f"{n:,} articles from {source}, {sum(map(len, bodies)) / 1e6:.0f} M characters; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    start = time.perf_counter()
    index = SearchIndex.build(frame)
    print(f"index built once per corpus load: {time.perf_counter() - start:.1f} s")
    scan = best_of(3, lambda: index.text.count("\x01"))
    print(f"one plain C scan of the folded text: {scan * 1000:.0f} ms")
    for text in QUERIES:
        query = parse(text)
        took = best_of(3, lambda q=query: index.mask(q))
        hits = int(index.mask(query).sum())
        print(f"{text!r:36} {hits:7,d} articles  {took * 1000:5.0f} ms  ({took / scan:.2f} x one scan)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
