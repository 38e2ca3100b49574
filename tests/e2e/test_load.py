"""Many sessions at once, small: bench/load.py with 3 sessions for 10 seconds on the seeds corpus
(`make load` runs 20 sessions for 60 s on the 10k corpus). Also: the harness's own checks do
flag a page that shows another session's filters or upload, so a clean run means something."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from bench import load
from bench.protocol import Page
from bench.session import Session
from dashboard import i18n
from dashboard.components.text import md_literal
from dashboard.filters import Filters, describe

pytestmark = pytest.mark.e2e

MAX_RSS_MB = 3000  # the seeds corpus: anything near this is a leak, not data
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


def test_three_sessions_for_ten_seconds_see_only_their_own_state(app_server, tmp_path):
    """``app_server`` only for its skips (no chromium, no seeds): the harness starts its own server."""
    summary = load.run(SEEDS, sessions=3, seconds=10, uploads=1, cache_dir=tmp_path / "cache")
    assert summary["problems"] == 0, summary["problem_examples"]
    assert summary["uploading_sessions"] == 1
    assert summary["pages"] >= 3 * 2, "every session ran pages after its first"
    assert 0 < summary["server_rss_mb_peak"] < MAX_RSS_MB
    assert summary["page_seconds_p95"] > 0


def _page_showing(f: Filters, query: str, source: str) -> Page:
    return Page(0.1, query=query, main_text=[md_literal(describe(f)) + " …"],
                sidebar_text=[i18n.t("sidebar.source", "vi", source=source, n="5")])


@pytest.mark.parametrize("query, source, flagged", [
    pytest.param("province=Ngh%E1%BB%87+An", "corpus", False, id="own-filters"),
    pytest.param("province=H%C3%A0+N%E1%BB%99i", "corpus", True, id="another-sessions-province"),
    pytest.param("province=Ngh%E1%BB%87+An&q=x", "corpus", True, id="another-sessions-search"),
    pytest.param("province=Ngh%E1%BB%87+An&upload=AAAAAAAAAAAAAAAAAAAAAA", "corpus", True,
                 id="another-sessions-upload-in-the-url"),
    pytest.param("province=Ngh%E1%BB%87+An", "upload", True, id="another-sessions-upload-in-the-sidebar"),
])
def test_the_harness_flags_what_is_not_the_sessions_own(query, source, flagged):
    session = Session("http://127.0.0.1:1", 0)
    session.wanted = Filters(provinces=("Nghệ An",))
    shown = Filters.from_query_params(dict(parse_qsl(query)))
    problems = session._check(_page_showing(shown, query, source))
    assert bool(problems) is flagged, problems


@pytest.mark.parametrize("values, share, expected", [
    pytest.param([1.0, 2.0, 3.0, 4.0, 100.0], 0.95, 100.0, id="tail"),
    pytest.param([5.0], 0.95, 5.0, id="one-value"),
])
def test_percentile(values, share, expected):
    assert load.percentile(values, share) == expected


@pytest.mark.parametrize("samples, expected", [
    pytest.param([float(v) for v in range(1, 101)], [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], id="even-run"),
    pytest.param([7.0], [7] * 10, id="one-sample"),
    pytest.param([], [], id="no-samples"),
])
def test_rss_curve_by_tenth(samples, expected):
    assert load.by_tenth(samples) == expected
