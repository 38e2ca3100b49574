"""Benchmark corpora: a national crawl of 1k / 10k / 100k generated articles, as one JSONL and as a folder.

Built on the demo generator (tools/demo: every province, 2015-2025, every meeting type, central and
district events, near-topic negatives, page furniture, second tellings and near-verbatim reposts),
with many demo "worlds" (one per seed) told one after another, plus general provincial news from
our own sentences (bench/filler.json) the way a real keyword crawl also collects it. Every article
is padded with those sentences to a length drawn from a log-normal fitted to the real articles in
../shared/bench (median 2.9 KB, mean 3.5 KB), so extraction sees real-like lengths.

Generation is a pure function of the seed; sizes are prefixes of one stream (the 10k are the first
10k of the 100k). Output goes to a folder outside git (artifacts/bench/data by default) and is
reused while the generator, its templates and the seed are unchanged.

    python -m bench.corpus --out artifacts/bench/data 1000 10000 100000
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import shutil
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from loaders.types import RawRecord
from tools.demo import demo_articles
from tools.demo.base import fill, provinces, seeded

BENCH_SEED = 20251001
FILLER = Path(__file__).with_name("filler.json")
GENERAL_SHARE = 0.35  # general provincial news a keyword crawl also picks up (never relevant)
GENERAL_REPOST_SHARE = 0.05  # a general story copied by another site
LENGTH_MEDIAN_BYTES = 2860  # log-normal fitted to ../shared/bench/news-2017-10k.jsonl
LENGTH_SIGMA = 0.61  # ... whose mean (3.5 KB) is exp(sigma^2 / 2) times the median
MAX_BYTES = 16_000
FILES_PER_FOLDER = 1000
STAMP = ".complete"

SIZE_NAMES = {1_000: "1k", 10_000: "10k", 100_000: "100k"}


def size_name(n: int) -> str:
    return SIZE_NAMES.get(n, str(n))


@lru_cache(maxsize=1)
def filler() -> dict:
    return json.loads(FILLER.read_text(encoding="utf-8"))


def _slots(rng: random.Random, province: str, year: int) -> dict:
    return {"province": province, "year": year, "month": rng.choice((3, 6, 9)),
            "pct": f"{rng.uniform(1.5, 12):.1f}".replace(".", ","), "pct2": rng.randint(40, 98),
            "n": f"{rng.randint(1_200, 98_000):,}".replace(",", "."), "n2": rng.randint(120, 950),
            "n3": rng.randint(12, 95)}


def _paragraphs(rng: random.Random, slots: dict, need: int) -> list[str]:
    """Filler paragraphs of two to four sentences, at least ``need`` UTF-8 bytes in all."""
    out: list[str] = []
    size = 0
    order: list[str] = []
    while size < need:
        if len(order) < 4:  # each sentence once per article, as long as there are enough
            order = rng.sample(filler()["sentences"], len(filler()["sentences"]))
        par = " ".join(fill(order.pop(), slots) for _ in range(rng.randint(2, 4)))
        out.append(par)
        size += len(par.encode("utf-8")) + 2
    return out


def target_bytes(rng: random.Random) -> int:
    return min(MAX_BYTES, int(rng.lognormvariate(math.log(LENGTH_MEDIAN_BYTES), LENGTH_SIGMA)))


def pad(text: str, rng: random.Random, slots: dict) -> str:
    """The article with filler paragraphs after its lede, up to a real-like length."""
    need = target_bytes(rng) - len(text.encode("utf-8"))
    if need <= 0:
        return text
    blocks = text.split("\n\n")
    lede = next((i for i, b in enumerate(blocks) if len(b) > 120), len(blocks) - 1)
    return "\n\n".join(blocks[:lede + 1] + _paragraphs(rng, slots, need) + blocks[lede + 1:])


def general_article(rng: random.Random, names: list[str]) -> RawRecord:
    """A general provincial news story (not a TTĐN report), with a dateline."""
    province, year = rng.choice(names), rng.randint(2015, 2025)
    slots = _slots(rng, province, year)
    title = fill(rng.choice(filler()["titles"]), slots)
    day, month, hour, minute = rng.randint(1, 28), rng.randint(1, 12), rng.randint(6, 21), rng.randint(0, 59)
    dateline = f"{day:02d}/{month:02d}/{year} {hour:02d}:{minute:02d}"
    body = _paragraphs(rng, slots, target_bytes(rng) - len(title.encode("utf-8")))
    url = f"https://tin-{rng.randint(1, 40)}.invalid/xa-hoi/{rng.randint(100000, 999999)}.html"
    return RawRecord(doc_id="", source="bench", text="\n\n".join([title, dateline, *body]) + "\n", url=url)


def _reports(seed: int) -> Iterator[RawRecord]:
    """The demo corpus of one world after another (each seed another set of events and people)."""
    world = 0
    while True:
        for article in demo_articles(seed=seed + world):
            yield article.record
        world += 1


def bench_records(n: int, seed: int = BENCH_SEED) -> Iterator[RawRecord]:
    """``n`` generated articles, ids bench-000001..., the same stream for any ``n``."""
    rng = seeded(seed, "bench")
    names = provinces()
    reports = _reports(seed)
    last_general: RawRecord | None = None
    for i in range(1, n + 1):
        if rng.random() < GENERAL_SHARE:
            if last_general is not None and rng.random() < GENERAL_REPOST_SHARE:
                credit = rng.choice(filler()["credits"])
                rec = replace(last_general, text=f"{last_general.text}\n{credit}\n")
            else:
                rec = last_general = general_article(rng, names)
        else:
            rec = next(reports)
            rec = replace(rec, text=pad(rec.text, rng, _slots(rng, rng.choice(names), 2020)))
        yield replace(rec, doc_id=f"bench-{i:06d}")


def generator_digest(seed: int) -> str:
    """What the output depends on: this module, the filler, the demo generator and its templates."""
    from loaders.assets import asset_path

    digest = hashlib.sha256(str(seed).encode())
    tools_demo = Path(__file__).resolve().parent.parent / "tools" / "demo"
    for path in sorted([Path(__file__), FILLER, asset_path("demo_templates.json"), *tools_demo.glob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------- writing

def _record_json(rec: RawRecord) -> str:
    return json.dumps({"id": rec.doc_id, "url": rec.url, "text": rec.text}, ensure_ascii=False) + "\n"


def corpus_paths(out: Path, n: int) -> tuple[Path, Path]:
    """(JSONL file, folder of .txt) of the generated corpus of size ``n``."""
    return out / f"gen-{size_name(n)}.jsonl", out / f"gen-{size_name(n)}"


def _is_current(out: Path, n: int, digest: str) -> bool:
    stamp = out / f"gen-{size_name(n)}{STAMP}"
    return stamp.is_file() and stamp.read_text() == digest and all(p.exists() for p in corpus_paths(out, n))


def write_corpora(out: Path, sizes: list[int], seed: int = BENCH_SEED) -> dict[int, tuple[Path, Path]]:
    """Write (or reuse) every size as JSONL and as a folder, in one pass over the largest stream.

    Each output is written under a temporary name and moved into place, then stamped with the
    generator digest: an interrupted run leaves nothing that looks complete.
    """
    out.mkdir(parents=True, exist_ok=True)
    digest = generator_digest(seed)
    todo = sorted(n for n in sizes if not _is_current(out, n, digest))
    if todo:
        tmp = {n: (out / f".tmp-{size_name(n)}.jsonl", out / f".tmp-{size_name(n)}") for n in todo}
        files = {n: tmp[n][0].open("w", encoding="utf-8") for n in todo}
        for folder in (t[1] for t in tmp.values()):
            shutil.rmtree(folder, ignore_errors=True)
        try:
            for i, rec in enumerate(bench_records(max(todo), seed)):
                for n in todo:
                    if i < n:
                        files[n].write(_record_json(rec))
                        _write_txt(tmp[n][1], i, rec)
        finally:
            for fh in files.values():
                fh.close()
        for n in todo:
            _publish(out, n, tmp[n], digest)
    return {n: corpus_paths(out, n) for n in sizes}


def write_tiled(src: Path, copies: int) -> Path:
    """``src`` (a JSONL) ``copies`` times over in one JSONL beside it, ids suffixed ``-t<k>``: a
    large corpus whose every article is a cache hit of ``src``'s (the article cache keys content,
    not ids), for measuring loading and pages at scale when a cold ingest of that size is too slow.
    Reused while ``src`` is unchanged."""
    out = src.with_name(f"{src.stem}-x{copies}.jsonl")
    stamp = out.with_name(out.name + STAMP)
    digest = hashlib.sha256(src.read_bytes()).hexdigest()[:16]
    if out.exists() and stamp.is_file() and stamp.read_text() == digest:
        return out
    tmp = out.with_name(f".tmp-{out.name}")
    lines = src.read_text(encoding="utf-8").splitlines()
    with tmp.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for line in lines:
                row = json.loads(line)
                fh.write(json.dumps({**row, "id": f"{row['id']}-t{k}"}, ensure_ascii=False) + "\n")
    os.replace(tmp, out)
    stamp.write_text(digest)
    return out


def _write_txt(folder: Path, i: int, rec: RawRecord) -> None:
    sub = folder / f"{i // FILES_PER_FOLDER:03d}"
    if i % FILES_PER_FOLDER == 0:
        sub.mkdir(parents=True, exist_ok=True)
    (sub / f"{rec.doc_id}.txt").write_text(rec.text, encoding="utf-8")


def _publish(out: Path, n: int, tmp: tuple[Path, Path], digest: str) -> None:
    jsonl, folder = corpus_paths(out, n)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp[0], jsonl)
    os.replace(tmp[1], folder)
    (out / f"gen-{size_name(n)}{STAMP}").write_text(digest)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write the generated benchmark corpora.")
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--out", type=Path, default=Path("artifacts/bench/data"))
    parser.add_argument("--seed", type=int, default=BENCH_SEED)
    args = parser.parse_args(argv)
    for n, (jsonl, folder) in write_corpora(args.out, args.sizes, args.seed).items():
        print(f"{n:>7} articles: {jsonl}  {folder}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
