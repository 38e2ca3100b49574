"""A synthetic demo corpus: realistic-looking Vietnamese reports, generated, never scraped.

The dashboard needs something to show before a user brings their own articles. This module
writes ~800 articles from the project's own templates (assets/demo_templates.json): every
one of the 63 provinces, 2015-2025, every meeting type, central- and district-level events,
delegation figures, themes, the page furniture real scrapes carry (site clocks, datelines,
duplicated ledes, captions, widgets, bylines), near-topic articles that are not reports,
and the same meeting told twice (another outlet's wording, a near-verbatim re-post).

People are invented; outlets live under the reserved ``.invalid`` domain. Generation is a
pure function of the seed. ``demo_corpus`` pushes the records through the real loader, so
the demo exercises the extractors instead of bypassing them.
"""

import hashlib
import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path

from loaders.io.cache import default_cache_dir
from loaders.pipeline import load_corpus
from loaders.schema import Corpus
from loaders.types import RawRecord

from .base import DEFAULT_SEED, REPOST_SHARE, SECOND_OUTLET_SHARE, DemoArticle, seeded, templates
from .events import plan_events
from .page import repost, tell


def demo_articles(seed: int = DEFAULT_SEED, n: int | None = None) -> list[DemoArticle]:
    """Generated records with their expected answers; ``n`` keeps a random subset of that size."""
    tpl = templates()
    rng = seeded(seed, "articles")
    outlets = tpl["outlets"]
    articles: list[DemoArticle] = []
    for event in plan_events(seed):
        first_outlet = rng.randrange(len(outlets))
        article = tell(event, tpl, rng, outlets[first_outlet])
        articles.append(article)
        others = [o for i, o in enumerate(outlets) if i != first_outlet]
        if event.relevant and rng.random() < SECOND_OUTLET_SHARE:
            articles.append(tell(event, tpl, rng, rng.choice(others)))
        if event.relevant and rng.random() < REPOST_SHARE:
            articles.append(repost(article, tpl, rng, rng.choice(others)))
    rng.shuffle(articles)
    if n is not None:
        articles = articles[:n]
    width = max(4, len(str(len(articles))))
    return [DemoArticle(replace(a.record, doc_id=f"demo-{i:0{width}d}"), a.truth)
            for i, a in enumerate(articles, start=1)]


def demo_records(seed: int = DEFAULT_SEED, n: int | None = None) -> list[RawRecord]:
    """The demo corpus as raw records, exactly what a user's scrape would give the loader."""
    return [a.record for a in demo_articles(seed, n)]


# ---------------------------------------------------------------- loading

def _jsonl(records: list[RawRecord]) -> str:
    return "".join(json.dumps({"id": r.doc_id, "url": r.url, "text": r.text}, ensure_ascii=False) + "\n"
                   for r in records)


def _default_cache_dir() -> Path:
    # The loader's own resolution (env, ./.ttdn-cache, user dir); a temp dir when none is writable.
    return default_cache_dir() or Path(tempfile.gettempdir()) / "ttdn-demo"


def write_demo_jsonl(cache_dir: str | os.PathLike | None = None, seed: int = DEFAULT_SEED,
                     n: int | None = None) -> Path:
    """Write the demo records once (named by content hash, written atomically); return the path."""
    folder = Path(cache_dir) if cache_dir is not None else _default_cache_dir()
    payload = _jsonl(demo_records(seed, n))
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]
    path = folder / "demo" / f"demo-{seed}-{digest}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".jsonl", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    return path


def demo_corpus(cache_dir: str | os.PathLike | None = None, seed: int = DEFAULT_SEED,
                n: int | None = None) -> Corpus:
    """The demo corpus loaded through the real loader, flagged ``demo=True`` for the UI."""
    path = write_demo_jsonl(cache_dir, seed, n)
    corpus = load_corpus(path, cache_dir=cache_dir)
    corpus.demo = True
    return corpus
