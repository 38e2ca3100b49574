"""The ttdn command: ingest report, export formats, serve command line."""
import json
import re
import sys

import pandas as pd
import pytest

from loaders import cli
from loaders.schema import LIST_COLUMNS

ARTICLE = """Hội nghị sơ kết công tác thông tin đối ngoại 6 tháng đầu năm 2022
18/07/2022 09:07
Sáng 18/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Khánh Hòa tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2022.
Đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo chủ trì hội nghị.
Trong 6 tháng, tỉnh đã đón tiếp 12 đoàn khách quốc tế đến thăm và làm việc.
Lê Hằng
"""
OTHER = "Ngày 8/7, một đoàn khách quốc tế đến thăm tỉnh Hưng Yên và làm việc với lãnh đạo tỉnh."
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture
def tiny(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "bai1.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "bai2.txt").write_text(OTHER, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    return src


def export(tiny, tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    assert cli.main(["export", str(tiny), "--out", str(out), "--cache-dir", str(tmp_path / "c"), "-q"]) == 0
    return out


def read_flat(path):
    if path.suffix == ".jsonl":
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False).to_dict("records")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_flat_exports_have_json_lists_and_iso_dates(tiny, tmp_path, suffix):
    rows = read_flat(export(tiny, tmp_path, suffix))
    assert sorted(r["doc_id"] for r in rows) == ["bai1", "bai2"]  # one row per input article
    for row in rows:
        for col in LIST_COLUMNS:
            value = json.loads(row[col]) if suffix == ".csv" else row[col]
            assert isinstance(value, list), col
        for col in ("published", "meeting_date"):
            assert row[col] in (None, "") or ISO_DATE.match(row[col]), (col, row[col])
    first = next(r for r in rows if r["doc_id"] == "bai1")
    assert first["published"] == "2022-07-18"
    assert "body" not in first and "raw_text" not in first  # full texts stay in Parquet


def test_parquet_export_keeps_types(tiny, tmp_path):
    frame = pd.read_parquet(export(tiny, tmp_path, ".parquet"))
    assert sorted(frame["doc_id"]) == ["bai1", "bai2"]
    assert str(frame["published"].dtype).startswith("datetime64")
    assert "raw_text" in frame.columns


def test_export_rejects_an_unknown_format_before_loading(tiny, tmp_path, capsys):
    assert cli.main(["export", str(tiny), "--out", str(tmp_path / "x.xlsx")]) == cli.EXIT_USAGE
    assert ".parquet" in capsys.readouterr().err


def test_ingest_prints_loaded_and_skipped_with_reasons(tiny, tmp_path, capsys):
    assert cli.main(["ingest", str(tiny), "--cache-dir", str(tmp_path / "c"), "-q"]) == 0
    out = capsys.readouterr().out
    assert "loaded 2 article(s)" in out and "skipped 1 item(s)" in out
    assert re.search(r"skipped .*empty\.txt: empty file", out)


def test_ingest_of_nothing_usable_exits_nonzero(tmp_path, capsys):
    (tmp_path / "e.txt").write_bytes(b"")
    assert cli.main(["ingest", str(tmp_path), "--no-cache", "-q"]) == cli.EXIT_NOTHING_LOADED


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit) as exc:
        cli.main(["ingest", str(tmp_path / "nope")])
    assert exc.value.code == 2


@pytest.mark.parametrize("args,host,port,corpus", [
    pytest.param([], "127.0.0.1", "8501", None, id="no path: demo corpus, local only"),
    pytest.param(["{src}", "--port", "9000"], "127.0.0.1", "9000", "{src}", id="path and port"),
    pytest.param(["{src}", "--host", "0.0.0.0"], "0.0.0.0", "8501", "{src}", id="explicit host"),
])
def test_serve_runs_streamlit_on_the_installed_app(tiny, monkeypatch, args, host, port, corpus):
    seen = {}
    monkeypatch.setattr(cli.os, "execvpe", lambda file, argv, env: seen.update(argv=argv, env=env))
    monkeypatch.delenv("TTDN_CORPUS", raising=False)
    assert cli.main(["serve", *[a.format(src=tiny) for a in args]]) == 0
    argv, env = seen["argv"], seen["env"]
    assert argv[:4] == [sys.executable, "-m", "streamlit", "run"] and argv[4].endswith("dashboard/app.py")
    opts = dict(zip(argv[5::2], argv[6::2], strict=False))  # the corpus path after "--" has no pair
    assert opts["--server.address"] == host and opts["--server.port"] == port
    assert opts["--server.headless"] == "true" and opts["--browser.gatherUsageStats"] == "false"
    if corpus:
        expected = str(tiny.resolve())
        assert argv[-3:] == ["--", "--corpus", expected] and env["TTDN_CORPUS"] == expected
    else:
        assert "--corpus" not in argv and "TTDN_CORPUS" not in env
