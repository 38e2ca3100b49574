"""A corpus we wrote whose every text field carries markup: if any of it ran, ``window.__pwned``
would be set (or a dialog would open, or a request would leave for PROBE_HOST).

The articles are ordinary TTĐN meeting reports (so they reach every table, the article view,
keyword-in-context and the report) with payloads in the title, the body, the URL and the file
names; one .txt file is named with markup and one empty file with markup in its name lands in
the ingest report with its reason.
"""
from __future__ import annotations

import json
from pathlib import Path

FLAG = "__pwned"
PROBE_HOST = "probe.invalid"  # a request to it would mean markup fetched something
SCRIPT = f"<script>window.{FLAG}=1</script>"
IMG = f'<img src="http://{PROBE_HOST}/x.png" onerror="window.{FLAG}=1">'
JS_LINK = f'<a href="javascript:window.{FLAG}=1">bấm vào đây</a>'
MD_LINK = f"[liên kết markdown](javascript:window.{FLAG}=1)"
MD_IMAGE = f"![ảnh](http://{PROBE_HOST}/md.png)"
PAYLOADS = (SCRIPT, IMG, JS_LINK, MD_LINK, MD_IMAGE)
SEARCH = f'<img src=x onerror="window.{FLAG}=1">'  # typed into the search box: lands in the filter sentence

PROVINCES = ("Nghệ An", "Hà Tĩnh", "Khánh Hòa")


def _article(i: int, province: str) -> dict:
    payload = PAYLOADS[i % len(PAYLOADS)]
    title = f"{province} sơ kết công tác thông tin đối ngoại 6 tháng đầu năm 2022 {payload}"
    body = (f"Ngày 20/7/2022, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh {province} tổ chức hội nghị sơ kết "
            f"công tác thông tin đối ngoại 6 tháng đầu năm 2022. {payload} "
            f"Trong 6 tháng, tỉnh đón {10 + i} đoàn khách quốc tế với {200 + i} lượt người. {' '.join(PAYLOADS)} "
            "Hội nghị đề ra nhiệm vụ tuyên truyền về biển đảo và quảng bá hình ảnh địa phương.")
    return {"id": f"hostile-{i}", "title": title, "text": f"{title}\n{body}",
            "url": f"javascript:window.{FLAG}=1" if i % 2 else f"https://example.vn/{i}"}


def write_corpus(folder: Path) -> Path:
    """The hostile corpus under ``folder``; returns the folder to serve."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [_article(i, PROVINCES[i % len(PROVINCES)]) for i in range(len(PAYLOADS) * 2)]
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                                           encoding="utf-8")
    (folder / f'bài <img src=x onerror="window.{FLAG}=1">.txt').write_text(
        _article(99, "Nghệ An")["text"], encoding="utf-8")
    (folder / f"<svg onload=window.{FLAG}=1>.txt").write_bytes(b"")  # empty: the report gives a reason
    return folder
