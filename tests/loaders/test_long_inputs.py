"""Long texts cost time in proportion to their length: no extractor scan is quadratic.

Each case times a text and one four times longer (CPU time of this process, best of a few
runs, so other work on a shared machine inflates neither much) and compares the two: linear work grows ~4x, a scan per match
over the whole text ~16x. A ratio, never a wall-clock bound (timings here are noisy).
Three shapes once blew up: a name searched for its preceding word over the whole text before
it (countries), a province-list discount rescanning the sentence per mention (places), chair
phrases in a sentence without full stops (people).
"""
from __future__ import annotations

import time

import pytest

from loaders.article import extract_article
from loaders.extract.countries import countries_in
from loaders.extract.mentions import find_mentions
from loaders.extract.people import extract_people
from loaders.types import CleanDoc, RawRecord

GROWTH = 4
MAX_RATIO = 8.0  # linear: ~4; quadratic: ~16
RUNS = 3


def repeated(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def best_time(work, text: str) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.process_time()
        work(text)
        best = min(best, time.process_time() - start)
    return best


def people_of(text: str):
    return extract_people(CleanDoc(title=None, dateline=None, body=text, byline=None, raw=text))


def whole_article(text: str):
    return extract_article(RawRecord(doc_id="long", source="long.txt", text=text))


# small sizes: long enough that the work, not the timer, is measured (cheap scans get more text)
@pytest.mark.parametrize("work,unit,chars", [
    pytest.param(countries_in, "Lào Cai ", 8000, id="countries: one-syllable names glued to capitalised words"),
    pytest.param(find_mentions, "UBND thành phố Huế, tỉnh Khánh Hòa, ", 16000,
                 id="places: province mentions in one sentence"),
    pytest.param(people_of, "Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh chủ trì, ", 4000,
                 id="people: chair phrases in a sentence without full stops"),
    pytest.param(whole_article, "ban chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị ", 4000,
                 id="every extractor: words without punctuation"),
    pytest.param(whole_article, "Ngày 18/7/2024, 1.000 đại biểu của 12 đoàn từ Lào; ", 4000,
                 id="every extractor: dates, numbers and countries"),
])
def test_time_grows_linearly_with_length(work, unit, chars):
    work(repeated(unit, 200))  # warm caches and lazy imports outside the timing
    small = best_time(work, repeated(unit, chars))
    big = best_time(work, repeated(unit, chars * GROWTH))
    assert big / max(small, 1e-4) < MAX_RATIO, f"{GROWTH}x the text took {big / small:.1f}x the time"
