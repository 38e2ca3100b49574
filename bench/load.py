"""Many sessions at once: N sessions change filters for D seconds on one local server.

    python -m bench.load [--sessions 20] [--seconds 60] [--uploads 4] [--corpus PATH]

Starts its own ``ttdn serve`` on a free port of 127.0.0.1 (its own data folder; the parse cache
is shared with ``ttdn ingest`` unless ``--cache-dir`` says otherwise), waits for the first page,
then runs every session at once and stops the server at the end: bounded, local, no browser.
Each session speaks Streamlit's own websocket protocol as a browser does (``bench/session.py``):
it picks provinces, types a search, flips the unit and relevant-only switches, moves between
pages; ``--uploads`` of them first upload a corpus of their own through the real upload route.

Checked on every page a session sees: no exception or error id; its URL and its filter sentence
hold its own filters; an uploading session sees its own upload (its own article count), the
others never see an upload. Reported: pages, page time p50/p95/max, peak RSS of the server.
Exit status 1 when any check failed or the peak RSS passed ``--max-rss-mb``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.report import percentile
from bench.server import free_port, healthy, serve_argv
from bench.session import Session, SessionReport

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "news-2017-10k.jsonl"
STARTUP_SECONDS = 900  # a cold 10k corpus is parsed on the first page (later runs read the cache)
STOP_SECONDS = 20




def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its descendants (the loader's worker processes), in MB."""
    total, stack = 0.0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")) / 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


class Server:
    """``ttdn serve CORPUS`` on a free local port, stopped (by its own handle) on exit."""

    def __init__(self, corpus: Path, data_dir: Path, cache_dir: Path | None):
        self.url = f"http://127.0.0.1:{free_port()}"
        env = {**os.environ, "TTDN_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
        if cache_dir:
            env["TTDN_CACHE_DIR"] = str(cache_dir)
        self.log = data_dir / "server.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                serve_argv(str(corpus), int(self.url.rsplit(":", 1)[1])),
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_healthy(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not healthy(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{self.log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=STOP_SECONDS)


class RssSampler(threading.Thread):
    """Samples the server's RSS every ``every`` seconds until stopped; keeps the peak."""

    def __init__(self, pid: int, every: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak, self.samples = pid, every, 0.0, []
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(self.every):
            value = rss_mb(self.pid)
            self.samples.append(value)
            self.peak = max(self.peak, value)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)



async def _run_sessions(url: str, sessions: int, seconds: float, uploads: int, seed: int) -> list[SessionReport]:
    deadline = time.monotonic() + seconds
    tasks = [Session(url, index, seed=seed, upload_articles=(index + 2 if index < uploads else 0)).run(deadline)
             for index in range(sessions)]
    return list(await asyncio.gather(*tasks))


def run_async(make_coroutine):
    """``asyncio.run`` in a thread of its own: the caller may already run an event loop (a test
    process driving a browser through Playwright's sync API does)."""
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["value"] = asyncio.run(make_coroutine())
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="bench-load")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def by_tenth(samples: list[float]) -> list[int]:
    """The last sample of each tenth of the run, in MB."""
    return [round(samples[max(0, (k * len(samples)) // 10 - 1)]) for k in range(1, 11)] if samples else []


def per_page_p95(reports: list[SessionReport]) -> dict[str, float]:
    """p95 page time on each page (where the time goes), slowest first."""
    by_page: dict[str, list[float]] = {}
    for report in reports:
        for path, times in report.seconds_by_page.items():
            by_page.setdefault(path, []).extend(times)
    p95 = {path: round(percentile(times, 0.95), 2) for path, times in by_page.items()}
    return dict(sorted(p95.items(), key=lambda kv: -kv[1]))


def summarise(reports: list[SessionReport], sampler: RssSampler, start_rss: float, seconds: float) -> dict:
    times = [t for r in reports for t in r.page_seconds]
    problems = [p for r in reports for p in r.problems]
    return {
        "sessions": len(reports), "seconds": seconds, "uploading_sessions": sum(1 for r in reports if r.upload_id),
        "pages": len(times), "pages_per_second": round(len(times) / seconds, 2) if seconds else None,
        "page_seconds_p50": round(statistics.median(times), 3) if times else None,
        "page_seconds_p95": round(percentile(times, 0.95), 3), "page_seconds_max": round(max(times, default=0), 3),
        "page_seconds_p95_by_page": per_page_p95(reports),
        "server_rss_mb_after_warmup": round(start_rss), "server_rss_mb_peak": round(sampler.peak),
        "server_rss_mb_end": round(sampler.samples[-1]) if sampler.samples else None,
        # the curve, not just its top: RSS at the end of each tenth of the run (bounded = levels off)
        "server_rss_mb_by_tenth": by_tenth(sampler.samples),
        "problems": len(problems), "problem_examples": problems[:10],
    }


def run(corpus: Path, sessions: int, seconds: float, uploads: int = 0, cache_dir: Path | None = None,
        seed: int = 8, keep_log: Path | None = None) -> dict:
    """Start the server, warm it up with one session, run the sessions, stop; return the summary
    (the server's log, which holds the traceback behind any error id, is copied to ``keep_log``)."""
    with tempfile.TemporaryDirectory(prefix="ttdn-load-") as tmp:
        server = Server(corpus, Path(tmp), cache_dir)
        try:
            server.wait_healthy(STARTUP_SECONDS)
            warm = run_async(lambda: Session(server.url, -1, seed=seed).warm_up(STARTUP_SECONDS))
            if warm.problems:
                raise RuntimeError(f"warm-up failed: {warm.problems[:3]}")
            sampler = RssSampler(server.proc.pid)
            start_rss = rss_mb(server.proc.pid)
            sampler.start()
            try:
                reports = run_async(lambda: _run_sessions(server.url, sessions, seconds, uploads, seed))
            finally:
                sampler.stop()
        finally:
            server.stop()
            if keep_log:
                keep_log.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(server.log, keep_log)
    return summarise(reports, sampler, start_rss, seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--uploads", type=int, default=4, help="sessions that first upload a corpus of their own")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cache-dir", type=Path, default=None, help="parse cache (default: the loader's)")
    parser.add_argument("--max-rss-mb", type=float, default=4096, help="fail when the server's peak RSS passes this")
    parser.add_argument("--json", type=Path, default=None, help="also write the summary here")
    parser.add_argument("--log", type=Path, default=ROOT / "artifacts" / "load-server.log",
                        help="where the server's log is kept (tracebacks behind error ids)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"bench.load: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    summary = run(args.corpus, args.sessions, args.seconds, args.uploads, args.cache_dir, keep_log=args.log)
    summary["max_rss_mb"] = args.max_rss_mb
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if summary["problems"] or summary["server_rss_mb_peak"] > args.max_rss_mb else 0


if __name__ == "__main__":
    raise SystemExit(main())
