"""Smoke run of an *installed* ttdn-dashboard, executed by a fresh virtualenv's own Python.

Run as ``VENV/bin/python -I smoke.py WORKDIR`` (isolated: the source checkout is not on the
path, so only what pip installed is tested). It checks, printing one JSON object on stdout:

  imports   every module of the installed packages imports (only declared dependencies are there)
  ingest    ``ttdn ingest`` loads an HTML page and a JSONL file, skips nothing
  html      the page's title comes through trafilatura (not a bare-text fallback)
  app       dashboard/app.py runs headless (AppTest) on that corpus without an exception
  versions  the installed version of every distribution, for the caller to compare

Exit status 0 only if every check passed. Our own sentences; no real article text.
"""
from __future__ import annotations

import importlib
import importlib.metadata
import json
import os
import pkgutil
import subprocess
import sys
import traceback
from pathlib import Path

PACKAGES = ("loaders", "assets", "tools", "dashboard")
NOT_IMPORTED = {"dashboard.app": "a Streamlit script, run below through AppTest instead"}
TITLE = "Hội nghị Ban Chỉ đạo công tác thông tin đối ngoại tỉnh"
SENTENCE = ("Sáng 18/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết "
            "công tác sáu tháng đầu năm và triển khai nhiệm vụ những tháng cuối năm.")
PAGE = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
        f"<nav>Trang chủ | Tin tức</nav><article><h1>{TITLE}</h1><p>{SENTENCE}</p>"
        "<p>Hội nghị đánh giá kết quả đạt được và chỉ ra những hạn chế cần khắc phục.</p></article>"
        "<footer>Bản quyền thuộc về tòa soạn</footer></body></html>")
APP_TIMEOUT_S = 120


def check_imports() -> list[str]:
    failures = []
    for name in PACKAGES:
        try:
            package = importlib.import_module(name)
        except Exception:
            failures.append(f"{name}: {traceback.format_exc(limit=1).strip().splitlines()[-1]}")
            continue
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            if info.name in NOT_IMPORTED:
                continue
            try:
                importlib.import_module(info.name)
            except Exception:
                failures.append(f"{info.name}: {traceback.format_exc(limit=1).strip().splitlines()[-1]}")
    return failures


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "page.html").write_text(PAGE, encoding="utf-8")
    line = {"id": "j1", "text": SENTENCE, "title": TITLE, "published": "2024-07-18"}
    (corpus / "lines.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return corpus


def check_ingest(corpus: Path, env: dict) -> dict:
    ttdn = Path(sys.executable).with_name("ttdn")
    run = subprocess.run([str(ttdn), "ingest", str(corpus), "--no-cache", "--quiet"], env=env,
                         capture_output=True, text=True, timeout=600)
    out = run.stdout + run.stderr
    return {"ok": run.returncode == 0 and "loaded 2 article(s)" in out and "skipped 0 item(s)" in out,
            "output": out[-1500:]}


def check_html_title(corpus: Path) -> dict:
    from loaders.io.readers import read_records

    records, rows = read_records(corpus / "page.html")
    title = records[0].title if records else None
    return {"ok": title == TITLE, "title": title, "report": rows}


def check_app(corpus: Path) -> dict:
    from streamlit.testing.v1 import AppTest

    import dashboard

    app = Path(dashboard.__file__).with_name("app.py")
    at = AppTest.from_file(str(app), default_timeout=APP_TIMEOUT_S)
    at.run()
    # a page's exception is caught by dashboard/components/errors.py and shown as an error id:
    # both kinds are failures here, and the server log's traceback is what explains them
    errors = [e.message for e in at.exception] + [e.value for e in at.error]
    titles = [t.value for t in at.title]
    return {"ok": not errors and bool(titles), "errors": errors, "titles": titles}


def main(workdir: str) -> int:
    root = Path(workdir)
    env = {**os.environ, "TTDN_CACHE_DIR": str(root / "cache")}
    os.environ.update(env)
    corpus = write_corpus(root)
    os.environ["TTDN_CORPUS"] = str(corpus)  # the app reads its corpus from here (dashboard/data.py)
    result: dict = {"imports": check_imports()}
    for name, check in (("ingest", lambda: check_ingest(corpus, env)), ("html", lambda: check_html_title(corpus)),
                        ("app", lambda: check_app(corpus))):
        try:
            result[name] = check()
        except Exception:
            result[name] = {"ok": False, "error": traceback.format_exc(limit=3)}
    result["versions"] = {d.metadata["Name"]: d.version for d in importlib.metadata.distributions()}
    print(json.dumps(result, ensure_ascii=False, default=str))
    ok = not result["imports"] and all(result[k]["ok"] for k in ("ingest", "html", "app"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
