"""bench/dashboard.py in miniature: 30 demo articles tiled to 60 and 120, one filter change per page,
in its own process (the harness points dashboard.data at its corpus). Nothing is timed against a
target: the test proves every page runs under the harness and the summary line is complete."""
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.dashboard import VIEWS

ROOT = Path(__file__).resolve().parents[2]
SUMMARY_KEYS = {"sizes", "filter_p50_ms", "filter_p95_ms", "first_render_ms", "wordcloud_ms", "search_ms",
                "page_cost_growth"}


def test_every_page_runs_under_the_dashboard_bench_and_the_summary_is_complete(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "bench.dashboard", "--sizes", "60,120", "--changes", "1",
                           "--base", "30", "--cache", str(tmp_path / "cache")], cwd=ROOT, capture_output=True,
                          text=True, timeout=1200, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = [x for x in proc.stdout.splitlines() if x.startswith("BENCH_DASHBOARD ")][-1]
    summary = json.loads(line.split(" ", 1)[1])
    assert set(summary) >= SUMMARY_KEYS
    assert summary["sizes"] == [60, 120]
    assert all(summary[k] > 0 for k in SUMMARY_KEYS - {"sizes"})
    shown = {row.split()[0] for row in proc.stdout.splitlines() if row.split() and row.split()[0] in VIEWS}
    assert shown == set(VIEWS), "a row per page in the table"
