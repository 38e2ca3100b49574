"""The underthesea baseline and how far our word-cloud terms agree with it.

``baseline``: underthesea's ``word_tokenize`` alone over whole articles, one process: the speed a
reader knows from the library, and the yardstick of ``ratio_vs_baseline``.

``agreement``: the top-N word-cloud terms of the same texts segmented two ways, through the same
filters (loaders/extract/terms.py ``extract_terms(text, segment=...)``): our longest-match, and
underthesea given our domain phrases as fixed words (what the loader used before). The share of
our top N that is also in underthesea's top N is ``terms_agreement``.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from loaders.extract import segmenter, terms

TOP_TERMS = 200


def read_texts(path: Path, n: int, last: bool = True) -> list[str]:
    """``n`` texts of a JSONL, the last ones by default (the first were looked at while tuning)."""
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[-n:] if last else texts[:n]


def baseline(texts: list[str]) -> float:
    """Articles per second of underthesea's word_tokenize over whole texts (model loaded first)."""
    from underthesea import word_tokenize

    word_tokenize("khởi động mô hình")
    start = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    return len(texts) / (time.perf_counter() - start)


def _underthesea_line(line: str) -> list[str]:
    from underthesea import word_tokenize

    return word_tokenize(line, fixed_words=list(segmenter.domain_phrases()[0]))


def top(counts: Counter, n: int = TOP_TERMS) -> list[str]:
    return [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def agreement(texts: list[str], n: int = TOP_TERMS) -> dict[str, float]:
    """Top-``n`` overlap of our terms with underthesea's, and both segmenters' speed on ``texts``."""
    ours, ref = Counter(), Counter()
    start = time.perf_counter()
    for text in texts:
        ours.update(terms.extract_terms(text))
    ours_s = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts:
        ref.update(terms.extract_terms(text, segment=_underthesea_line))
    ref_s = time.perf_counter() - start
    mine, theirs = top(ours, n), top(ref, n)
    size = max(1, min(n, len(mine)))
    return {"terms_agreement": len(set(mine) & set(theirs)) / size,
            "terms_agreement_top20": len(set(mine[:20]) & set(theirs[:20])) / max(1, min(20, len(mine))),
            "terms_dps": len(texts) / ours_s, "terms_underthesea_dps": len(texts) / ref_s}
