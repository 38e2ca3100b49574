"""`make bench` in miniature: 100 generated articles through every step of the harness, in the
processes it uses, ending in a BENCH line with every key the issue asks for. Nothing is timed
against a target here (the machine is shared): the test proves the harness runs and reports."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import bench_records, corpus_paths, write_corpora
from bench.report import TARGETS

ROOT = Path(__file__).resolve().parents[2]
ISSUE_KEYS = ["baseline_dps", "ratio_vs_baseline", "real_relevant", "terms_agreement", "ingest_warm_dps",
              "load_100k_s", "peak_rss_mb", "filter_p50_ms", "filter_p95_ms", "first_render_ms", "wordcloud_ms",
              "page_cost_growth"]


@pytest.fixture(scope="module")
def quick(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    proc = subprocess.run([sys.executable, "-m", "bench.run", "--quick", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1800,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, proc.stdout


def test_the_bench_line_has_every_key_of_the_issue(quick):
    _, stdout = quick
    line = [x for x in stdout.splitlines() if x.startswith("BENCH ")][-1]
    values = dict(kv.split("=", 1) for kv in line.split()[1:])
    assert set(ISSUE_KEYS) <= set(values)
    assert all(float(values[k]) >= 0 for k in ISSUE_KEYS)
    assert int(values["real_relevant"]) > 0, "the generated reports are found relevant"


def test_the_table_states_each_target(quick):
    out, stdout = quick
    assert all(key in stdout for key in TARGETS)
    saved = json.loads((out / "quick.json").read_text(encoding="utf-8"))
    assert set(saved["raw"]["pages_large"]["pages"]) >= {"overview", "themes", "quality"}


def test_generated_corpora_are_deterministic_prefixes_written_both_ways(tmp_path):
    a = [r.text for r in bench_records(30)]
    assert a == [r.text for r in bench_records(30)], "same seed, same articles"
    assert a[:10] == [r.text for r in bench_records(10)], "a smaller corpus is a prefix of a larger one"
    paths = write_corpora(tmp_path, [10, 30])
    jsonl, folder = corpus_paths(tmp_path, 30)
    assert paths[30] == (jsonl, folder)
    lines = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [x["text"] for x in lines] == a
    assert sorted(p.stem for p in folder.rglob("*.txt")) == [x["id"] for x in lines]
