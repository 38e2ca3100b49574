"""Memory of a process tree while it works: peak PSS of the process and all its children (Linux /proc).

PSS (proportional set size) counts a page shared by forked workers once in all, so the sum over
the tree is the memory the work really needs; RSS would count it once per process. Sampled on a
thread every ``interval`` seconds; the process's own peak RSS comes from getrusage (exact).
"""
from __future__ import annotations

import os
import resource
import threading
from pathlib import Path

KB = 1024
SAMPLE_S = 0.1


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out += [int(c) for c in task.read_text().split()]
        except OSError:  # the task ended while we looked
            continue
    return out


def tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_pss_mb(pid: int | None = None) -> float:
    return sum(pss_kb(p) for p in tree(pid or os.getpid())) / KB


def current_rss_mb(part: str = "VmRSS") -> float:
    """Resident set of this process now: all of it (VmRSS), or one part: ``RssAnon`` (the heap and
    Arrow's pool: only swap could take it back) or ``RssFile`` (mapped files' pages in memory,
    which the OS drops and reads again when memory runs short)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{part}:"):
            return int(line.split()[1]) / KB
    return 0.0


def own_peak_rss_mb() -> float:
    """Peak resident set of this process so far (getrusage reports KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / KB


class TreePeak:
    """``with TreePeak() as peak: ...`` then ``peak.mb``: the highest tree PSS seen meanwhile."""

    def __init__(self, interval: float = SAMPLE_S):
        self.interval = interval
        self.mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.mb = max(self.mb, tree_pss_mb())
            self._stop.wait(self.interval)

    def __enter__(self) -> "TreePeak":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.mb = max(self.mb, tree_pss_mb())
