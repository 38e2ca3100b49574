"""The synthetic demo corpus: deterministic, complete, realistic enough to exercise the loader."""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

import pandas as pd
import pytest

from loaders.schema import MEETING_TYPES
from loaders.textnorm import fold
from tools import demo
from tools.demo.base import provinces

SMALL_N = 120  # enough articles for a share to mean something, few enough to stay fast
MIN_RECOVERED_SHARE = 0.85  # the demo must look like input the loader understands


@pytest.fixture(scope="module")
def articles():
    return demo.demo_articles()


def test_same_seed_gives_same_records():
    assert demo.demo_records(seed=7) == demo.demo_records(seed=7)


def test_other_seed_gives_other_records():
    assert [r.text for r in demo.demo_records(seed=7, n=20)] != [r.text for r in demo.demo_records(seed=8, n=20)]


def test_n_keeps_a_prefix_with_fresh_ids():
    small = demo.demo_records(n=15)
    assert [r.doc_id for r in small] == [f"demo-{i:04d}" for i in range(1, 16)]


@pytest.mark.parametrize("check, expected", [
    pytest.param(lambda arts: {a.truth["province"] for a in arts if a.truth["province"]},
                 lambda: set(provinces()), id="every one of the 63 provinces"),
    pytest.param(lambda arts: {a.truth["meeting_type"] for a in arts if a.truth["meeting_type"]},
                 lambda: set(MEETING_TYPES), id="every meeting type"),
    pytest.param(lambda arts: {int(a.truth["meeting_date"][:4]) for a in arts if a.truth["meeting_date"]},
                 lambda: set(range(2015, 2026)), id="every year 2015-2025"),
    pytest.param(lambda arts: {a.truth["level"] for a in arts if a.truth["relevant"]},
                 lambda: {"province", "central", "district"}, id="province, central and district events"),
])
def test_coverage(articles, check, expected):
    assert check(articles) == expected()


def test_size_makes_a_real_looking_but_fast_dashboard(articles):
    assert 600 <= len(articles) <= 900


@pytest.mark.parametrize("kind, low, high", [
    pytest.param("not relevant", 0.05, 0.25, id="near-topic negatives are present but a minority"),
    pytest.param("same meeting twice", 0.05, 0.25, id="dedupe has work: meetings told by two outlets"),
    pytest.param("with delegation figures", 0.15, 0.5, id="some reviews state delegations"),
])
def test_shares(articles, kind, low, high):
    relevant = [a for a in articles if a.truth["relevant"]]
    if kind == "not relevant":
        share = 1 - len(relevant) / len(articles)
    elif kind == "same meeting twice":
        keys = Counter((a.truth["province"], a.truth["meeting_date"], a.truth["meeting_type"]) for a in relevant)
        share = sum(1 for n in keys.values() if n > 1) / len(keys)
    else:
        share = sum(1 for a in relevant if a.truth["delegations_in"] or a.truth["delegations_out"]) / len(relevant)
    assert low <= share <= high, f"{kind}: {share:.2f}"


def test_urls_name_no_real_outlet(articles):
    hosts = {urlparse(a.record.url).hostname for a in articles}
    assert all(h.endswith(".invalid") for h in hosts), hosts


def _vn_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_stated_counts_are_in_the_text(articles):
    for a in articles:
        for field in ("delegations_in", "visitors_in", "delegations_out", "visitors_out"):
            if a.truth[field] is not None:
                assert re.search(rf"(?<![\d.]){re.escape(_vn_number(a.truth[field]))}(?![\d.])", a.record.text), \
                    (a.record.doc_id, field)


@pytest.mark.parametrize("meeting_type, months, phrase", [
    pytest.param("so_ket", {6, 7, 8}, "6 tháng đầu năm {year}", id="mid-year reviews in Jun-Aug name the half year"),
    pytest.param("tong_ket", {12, 1, 2}, "năm {period}", id="year-end reviews in Dec-Feb name the year reviewed"),
])
def test_review_timing_matches_its_words(articles, meeting_type, months, phrase):
    reviews = [a for a in articles if a.truth["meeting_type"] == meeting_type and a.truth["level"] == "province"]
    assert reviews
    for a in reviews:
        day = pd.Timestamp(a.truth["meeting_date"])
        assert day.month in months, a.record.doc_id
        expected = phrase.format(year=day.year, period=(a.truth["period"] or "")[:4])
        assert expected in a.record.text, (a.record.doc_id, expected)


def test_chairs_are_named_in_the_text(articles):
    for a in articles:
        for name in a.truth["chairs"]:
            assert name in a.record.text, (a.record.doc_id, name)


def test_loader_recovers_province_and_meeting_type():
    from loaders.pipeline import corpus_from_records
    sample = demo.demo_articles(n=SMALL_N)
    found = corpus_from_records([a.record for a in sample], workers=1).articles.set_index("doc_id")
    province_hits, type_hits = [], []
    for a in sample:
        row = found.loc[a.record.doc_id]
        if a.truth["relevant"]:
            type_hits.append(row["meeting_type"] == a.truth["meeting_type"])
        if a.truth["relevant"] and a.truth["level"] == "province":
            got = row["province"]
            province_hits.append(isinstance(got, str) and fold(got) == fold(a.truth["province"]))
    assert sum(province_hits) / len(province_hits) >= MIN_RECOVERED_SHARE
    assert sum(type_hits) / len(type_hits) >= MIN_RECOVERED_SHARE


def test_demo_corpus_goes_through_the_loader_and_is_flagged(tmp_path):
    corpus = demo.demo_corpus(cache_dir=tmp_path, n=12)
    assert corpus.demo is True
    assert sorted(corpus.articles["doc_id"]) == [f"demo-{i:04d}" for i in range(1, 13)]
    written = list((tmp_path / "demo").glob("demo-*.jsonl"))
    assert len(written) == 1
    demo.demo_corpus(cache_dir=tmp_path, n=12)  # second call reuses the written file
    assert list((tmp_path / "demo").glob("demo-*.jsonl")) == written


def test_demo_names_draw_on_the_loaders_surname_list():
    """One surname list: the demo's invented names start with a family name the loader recognises."""
    from loaders.assets import read_lines
    from tools.demo.base import common_surnames

    known = set(read_lines("vn_surnames.txt"))
    assert len(common_surnames()) >= 20 and set(common_surnames()) <= known
    assert all(name.isalpha() and len(name) > 1 for name in common_surnames())  # Kinh names, no "H'"/"Y"
