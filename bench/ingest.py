"""One ingest in its own process, measured: ``python -m bench.ingest PATH --cache DIR [--runs 2]``.

Prints one JSON line per run: articles, relevant, seconds, articles per second, the peak PSS of
the process tree (the workers included) and the process's own peak RSS. The first run on an empty
cache folder is the cold ingest, a second one the warm ingest. Loading goes through
``loaders.load_corpus`` exactly as ``dashboard/data.py`` calls it (the cache folder comes from
``TTDN_CACHE_DIR``), and the big lazily read parts are not touched: only what a page needs first.
"""
from __future__ import annotations

import argparse
import json
import os
import time

from bench.memory import TreePeak, own_peak_rss_mb


def measure(path: str, workers: int | None = None, relevant_out: str | None = None) -> dict:
    from loaders import load_corpus

    extracted = [0]

    def count(n: int) -> None:
        extracted[0] += n

    with TreePeak() as peak:
        start = time.perf_counter()
        corpus = load_corpus(path, workers=workers, progress=count, corrections=False)
        seconds = time.perf_counter() - start
    n = len(corpus.articles)
    if relevant_out:
        write_relevant(corpus, relevant_out)
    return {"articles": n, "relevant": int(corpus.articles["relevant"].fillna(False).astype(bool).sum()),
            "seconds": seconds, "dps": n / seconds if seconds else 0.0, "tree_pss_mb": peak.mb,
            "rss_mb": own_peak_rss_mb(), "rebuilt": int((corpus.report["status"] == "rebuilt").sum()),
            "extracted": extracted[0]}


def write_relevant(corpus, path: str) -> None:
    """The articles called relevant, with the sentence that decided it: to be read, not counted."""
    arts = corpus.articles[corpus.articles["relevant"].fillna(False).astype(bool)]
    ev = corpus.evidence[corpus.evidence["field"] == "relevant"].drop_duplicates("doc_id").set_index("doc_id")
    with open(path, "w", encoding="utf-8") as fh:
        for doc_id, title, mtype in zip(arts["doc_id"], arts["title"], arts["meeting_type"], strict=True):
            sentence = ev["sentence"].get(doc_id, "") if len(ev) else ""
            fh.write(f"{doc_id}\t{mtype}\t{title}\n\t{sentence}\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--cache", required=True, help="cache folder (TTDN_CACHE_DIR of the run)")
    parser.add_argument("--runs", type=int, default=1, help="1: cold (or warm on a filled cache); 2: then warm")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--relevant-out", default=None, help="write the relevant articles' titles here")
    args = parser.parse_args(argv)
    os.environ["TTDN_CACHE_DIR"] = args.cache
    for _ in range(args.runs):
        print(json.dumps(measure(args.path, args.workers, args.relevant_out)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
