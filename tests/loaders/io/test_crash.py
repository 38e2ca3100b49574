"""An ingest killed with SIGKILL (no cleanup runs) leaves the previous cache loadable, and the next
run completes, reusing what the killed run finished (issue 8, point 7)."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from loaders import assemble, batch
from loaders.io.cache import ArticleStore
from loaders.pipeline import load_corpus

ROOT = Path(__file__).resolve().parents[3]
# The killed ingest: small batches, so it writes several cache segments before it is killed.
INGEST = """
import sys
import loaders.pipeline as pipeline
pipeline.BATCH_RECORDS = 8
pipeline.load_corpus(sys.argv[1], cache_dir=sys.argv[2], workers=1)
"""
TIMEOUT_S = 120


def line(i: int) -> dict:
    return {"id": f"r{i}", "text": f"Sáng {i % 28 + 1}/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Nghệ An "
                                   f"họp sơ kết, đón {i} đoàn khách quốc tế với {i * 7} lượt người."}


def write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


def segments(cache: Path) -> list[Path]:
    return list(cache.glob("*/articles/seg-*"))


def kill_when(cache: Path, src: Path, ready) -> None:
    """Start the ingest, SIGKILL it as soon as ``ready(cache)`` holds (it must not finish first)."""
    proc = subprocess.Popen([sys.executable, "-c", INGEST, str(src), str(cache)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + TIMEOUT_S
    while not ready(cache):
        assert proc.poll() is None, "the ingest finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


@pytest.fixture
def counts(monkeypatch):
    """Articles extracted and groupings run in this process."""
    seen = {"extracted": 0, "grouped": 0}
    real_chunk, real_group = batch.extract_chunk, assemble.assign_meeting_ids

    def chunk(items):
        seen["extracted"] += len(items)
        return real_chunk(items)

    def group(frame, sets=None):
        seen["grouped"] += 1
        return real_group(frame, sets)

    monkeypatch.setattr(batch, "extract_chunk", chunk)
    monkeypatch.setattr(assemble, "assign_meeting_ids", group)
    return seen


@pytest.mark.parametrize("moment", [
    pytest.param(lambda before: lambda c: len(segments(c)) >= before + 2, id="while extracting batches"),
    pytest.param(lambda before: lambda c: len(segments(c)) >= before, id="at the start"),
])
def test_sigkill_keeps_the_previous_cache_and_the_next_run_completes(tmp_path, counts, moment):
    cache = tmp_path / "cache"
    old = write(tmp_path / "old.jsonl", [line(i) for i in range(10)])
    before = load_corpus(old, cache_dir=cache, workers=1)
    new = write(tmp_path / "new.jsonl", [line(i) for i in range(200)])
    kill_when(cache, new, moment(len(segments(cache))))
    stored = len(ArticleStore(cache).index())  # what the killed run finished, and the old corpus

    counts.update(extracted=0, grouped=0)
    again = load_corpus(old, cache_dir=cache, workers=1)
    assert counts == {"extracted": 0, "grouped": 0}, "the previous snapshot still loads as it was"
    pd.testing.assert_frame_equal(before.articles, again.articles)

    done = load_corpus(new, cache_dir=cache, workers=1)
    assert counts["extracted"] == 200 - stored, "what the killed run stored is reused, the rest extracted"
    plain = load_corpus(new, cache_dir=False, workers=1)
    for name, table in plain.tables().items():
        pd.testing.assert_frame_equal(table, done.tables()[name], obj=name)
    assert not list(cache.rglob(".tmp-*")), "the dead writer's temporary files are gone"
