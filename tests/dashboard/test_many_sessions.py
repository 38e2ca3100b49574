"""What 20 sessions at once on the 10k corpus found (bench/load.py), each pinned here:
concurrent loads in one server lost records, a missing period (pd.NA) broke the Overview, and the
settings table mixed numbers and text in one column."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from dashboard.queries import periods
from dashboard.settings import settings_table

ROOT = Path(__file__).resolve().parents[2]

# Three sessions upload at once into a server that has not segmented a word yet: each load must
# keep every record (underthesea's first use in a process is not thread-safe).
CONCURRENT_LOADS = textwrap.dedent("""
    import json, sys, threading, time
    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger
    from dashboard import data
    slow_load = FastCRFSequenceTagger.load
    def load_from_a_slow_disk(self, path):  # widens the window underthesea leaves open, so the race is sure
        time.sleep(1.0)
        slow_load(self, path)
    FastCRFSequenceTagger.load = load_from_a_slow_disk
    folders, counts = sys.argv[1:], {}
    def load(folder):  # what data.load_upload does, without its cache (each thread must parse)
        counts[folder] = len(data._load_serially(folder, cache_dir=False).articles)
    threads = [threading.Thread(target=load, args=(f,)) for f in folders]
    [t.start() for t in threads]
    [t.join() for t in threads]
    print(json.dumps(counts))
""")


def test_uploads_loaded_at_the_same_moment_keep_every_record(tmp_path):
    folders = []
    for i in range(4):
        folder = tmp_path / f"upload{i}"
        folder.mkdir()
        rows = [{"id": f"u{i}-{k}", "text": f"Bài {i}-{k}: Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Nghệ An "
                                            f"họp lần thứ {k} của phiên {i}."} for k in range(3)]
        (folder / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
        folders.append(str(folder))
    env = {"TTDN_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", CONCURRENT_LOADS, *folders], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=600, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {f: 3 for f in folders}  # before the lock: one of them had 0


@pytest.mark.parametrize("missing", [
    pytest.param(None, id="none"), pytest.param(float("nan"), id="nan"), pytest.param(pd.NA, id="pandas-na"),
])
def test_period_helpers_take_a_missing_period(missing):
    assert periods.period_parts(missing) is None
    assert periods.period_bucket(missing, "Y") is None
    assert periods.period_sort_key(missing) == periods.period_sort_key("not a period")


def test_a_string_column_with_missing_periods_buckets_without_raising():
    column = pd.Series(["2022H1", pd.NA, "2021"], dtype="string")
    buckets = column.map(lambda p: periods.period_bucket(p, "Y"))
    assert buckets.tolist()[::2] == ["2022", "2021"] and pd.isna(buckets.iloc[1])


def test_the_settings_table_is_one_type_per_column():
    pa.Table.from_pylist(settings_table())  # a mixed column makes Streamlit warn and re-type on every page
