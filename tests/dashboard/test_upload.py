"""Uploads: which files are accepted (each refusal says why), the names they are saved under, the
only folder anything is written to, the opaque id in the URL, and a reload that keeps the upload."""
from __future__ import annotations

import io
import json
import os
import stat
import tempfile
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from dashboard import i18n, upload_store
from dashboard.components import upload

JSONL = "\n".join(json.dumps({"id": f"u{i}", "text": f"Bài số {i} của người dùng: Ban Chỉ đạo họp lần {i}."},
                             ensure_ascii=False) for i in range(3)).encode("utf-8")


def zip_bytes(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder (the setting the server reads)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("TTDN_DATA_DIR", str(folder))
    return folder


# ---------------------------------------------------------------- names from the browser

@pytest.mark.parametrize("name, expected", [
    pytest.param("bài 1.txt", "bài 1.txt", id="plain-vietnamese-name-kept"),
    pytest.param("../../etc/cron.d/x.txt", "x.txt", id="traversal-keeps-only-the-last-part"),
    pytest.param("..\\..\\Windows\\a.md", "a.md", id="backslash-traversal"),
    pytest.param("/etc/passwd.csv", "passwd.csv", id="absolute-posix-path"),
    pytest.param("C:\\Users\\x\\b.jsonl", "b.jsonl", id="absolute-windows-path"),
    pytest.param(".bashrc.txt", "bashrc.txt", id="no-hidden-files-the-loader-would-skip"),
    pytest.param("..", "upload", id="dot-dot-alone"),
    pytest.param("", "upload", id="empty-name"),
    pytest.param("a\x00b\nc.txt", "a_b_c.txt", id="control-characters"),
    pytest.param("<img src=x onerror=alert(1)>.html", "_img src_x onerror_alert(1)_.html", id="markup-in-a-name"),
    pytest.param("CON.txt", "_CON.txt", id="windows-device-name"),
    pytest.param("Tin.TXT", "Tin.txt", id="suffix-lower-cased"),
    pytest.param(unicodedata.normalize("NFD", "Hoà.txt"), "Hoà.txt", id="nfd-becomes-nfc"),
])
def test_safe_name(name, expected):
    assert upload_store.safe_name(name) == unicodedata.normalize("NFC", expected)


def test_a_long_name_is_cut_but_keeps_its_suffix():
    name = upload_store.safe_name("x" * 500 + ".jsonl")
    assert len(name) <= upload_store.MAX_NAME_CHARS and name.endswith(".jsonl")


# ---------------------------------------------------------------- what is accepted

@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".csv", ".zip"])
def test_every_input_type_the_readme_lists_is_accepted(suffix):
    data = zip_bytes({"a.txt": b"Tin"}) if suffix == ".zip" else b"id,text\n1,Tin\n"
    accepted, refused = upload_store.check([(f"tệp{suffix}", data)])
    assert refused == [] and [n for n, _ in accepted] == [f"tệp{suffix}"]


BOMB = zip_bytes({"big.txt": b"0" * (8 * 1024 * 1024)})  # 8 MB of zeros pack to a few kB


@pytest.mark.parametrize("env, name, data, reason", [
    pytest.param({}, "virus.exe", b"MZ", "type", id="unlisted-type"),
    pytest.param({}, "README", b"text", "type", id="no-suffix"),
    pytest.param({}, "empty.txt", b"", "empty", id="empty-file"),
    pytest.param({"TTDN_MAX_UPLOAD_MB": "1"}, "big.jsonl", b"x" * (2 * 1024 * 1024), "too_big", id="over-the-size-limit"),
    pytest.param({}, "fake.zip", b"PK not really", "not_zip", id="not-a-zip"),
    pytest.param({}, "bomb.zip", BOMB, "zip_ratio", id="zip-bomb-by-ratio"),
    pytest.param({"TTDN_MAX_UPLOAD_UNPACKED_MB": "1", "TTDN_MAX_COMPRESSION_RATIO": "100000"}, "bomb.zip", BOMB,
                 "zip_unpacked", id="zip-expanding-past-the-limit"),
    pytest.param({"TTDN_MAX_UPLOAD_ZIP_MEMBERS": "2"}, "many.zip",
                 zip_bytes({f"{i}.txt": b"Tin" for i in range(3)}), "zip_members", id="too-many-members"),
    pytest.param({}, "pictures.zip", zip_bytes({"a.png": b"\x89PNG", "b.exe": b"MZ"}), "zip_nothing",
                 id="zip-with-nothing-readable"),
])
def test_each_refused_file_says_why(monkeypatch, env, name, data, reason):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    accepted, refused = upload_store.check([(name, data)])
    assert accepted == []
    assert [(r.name, r.reason) for r in refused] == [(name, reason)]
    message = upload.refusal_text(refused[0], "vi")
    assert i18n.has(f"upload.refused.{reason}") and "{" not in message  # every placeholder filled


def test_the_total_limit_refuses_the_files_past_it_and_keeps_the_rest(monkeypatch):
    monkeypatch.setenv("TTDN_MAX_UPLOAD_MB", "1")
    half = b"y" * (600 * 1024)
    accepted, refused = upload_store.check([("a.txt", half), ("b.txt", half), ("c.txt", b"small")])
    assert [n for n, _ in accepted] == ["a.txt", "c.txt"]
    assert [(r.name, r.reason) for r in refused] == [("b.txt", "over_total")]


def test_files_past_the_count_limit_are_refused_one_by_one(monkeypatch):
    monkeypatch.setenv("TTDN_MAX_UPLOAD_FILES", "2")
    accepted, refused = upload_store.check([(f"{i}.txt", b"Tin") for i in range(4)])
    assert len(accepted) == 2 and [r.reason for r in refused] == ["too_many", "too_many"]


@pytest.mark.parametrize("name", [
    pytest.param("[bấm](javascript:alert(1)).exe", id="markdown-link"),
    pytest.param("<img src=x onerror=alert(1)>.exe", id="html"),
    pytest.param("**đậm**.exe", id="emphasis"),
])
def test_a_refusal_shows_the_file_name_as_text(name):
    _, refused = upload_store.check([(name, b"MZ")])
    message = upload.refusal_text(refused[0], "en")
    assert "<img" not in message and "](" not in message and "**" not in message


# ---------------------------------------------------------------- where files go

def _every_file(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def test_a_saved_upload_is_written_only_inside_the_data_folder(data_dir, tmp_path, monkeypatch):
    other_tmp = tmp_path / "system-tmp"
    other_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(other_tmp))  # the old code wrote to the temp folder
    upload_id = upload_store.save([("../../../../evil.txt", b"Tin 1"), ("/abs/evil.txt", b"Tin 2"),
                                   ("a.jsonl", JSONL)])
    folder = data_dir / "uploads" / upload_id / "files"
    assert _every_file(tmp_path) == _every_file(folder)  # nothing anywhere else in the sandbox
    assert sorted(p.name for p in _every_file(folder)) == ["a.jsonl", "evil-2.txt", "evil.txt"]  # clashes kept apart
    assert not (tmp_path.parent / "evil.txt").exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_saved_files_are_private_to_the_server_user(data_dir):
    folder = upload_store.folder_of(upload_store.save([("a.txt", b"Tin")]))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "a.txt").stat().st_mode) == 0o600


def test_each_upload_gets_its_own_opaque_id():
    first, second = (upload_store.save([("a.txt", b"Tin")]) for _ in range(2))
    assert first != second
    assert all(upload_store.ID_RE.match(i) for i in (first, second))
    assert "a.txt" not in first and "/" not in first  # nothing of the content or a path in the id


@pytest.mark.parametrize("upload_id", [
    pytest.param("../../etc", id="traversal"),
    pytest.param("/etc/passwd", id="absolute-path"),
    pytest.param("", id="empty"),
    pytest.param(None, id="missing"),
    pytest.param("A" * 22, id="well-formed-but-unknown"),
    pytest.param("A" * 21 + "/", id="slash-in-the-shape"),
])
def test_an_id_from_a_url_never_reaches_a_path_it_should_not(upload_id):
    assert upload_store.folder_of(upload_id) is None


def test_a_symlink_posing_as_an_upload_is_refused(data_dir, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (upload_store.uploads_root() / ("B" * 22)).symlink_to(outside)
    assert upload_store.folder_of("B" * 22) is None


def test_a_symlinked_files_folder_is_refused(data_dir, tmp_path):
    upload_id = upload_store.save([("a.txt", b"Tin")])
    files = upload_store.folder_of(upload_id)
    for f in files.iterdir():
        f.unlink()
    files.rmdir()
    files.symlink_to(tmp_path)
    assert upload_store.folder_of(upload_id) is None


def test_loading_an_upload_caches_it_beside_its_files_not_in_the_shared_cache(data_dir, tmp_path, monkeypatch):
    from dashboard import data
    shared = tmp_path / "shared-cache"
    monkeypatch.setenv("TTDN_CACHE_DIR", str(shared))
    upload_id = upload_store.save([("a.jsonl", JSONL)])
    corpus = data.load_upload.__wrapped__(str(upload_store.folder_of(upload_id)))
    assert len(corpus.articles) == 3
    assert _every_file(shared) == set()
    assert _every_file(data_dir / "uploads" / upload_id / "cache"), "the parse cache went beside the files"


def test_old_uploads_are_pruned_when_a_new_one_is_saved(monkeypatch):
    monkeypatch.setenv("TTDN_UPLOAD_KEEP_HOURS", "1")
    old = upload_store.save([("a.txt", b"Tin")])
    two_hours_ago = time.time() - 7200
    os.utime(upload_store.folder_of(old).parent, (two_hours_ago, two_hours_ago))
    new = upload_store.save([("b.txt", b"Tin")])
    assert upload_store.folder_of(old) is None and upload_store.folder_of(new) is not None


# ---------------------------------------------------------------- in the app: the id in the URL survives a reload

def upload_harness() -> None:
    """What app.py does with an upload: the corpus it picks, the box, and the source line."""
    from dashboard import data
    from dashboard.components import notices, upload

    corpus = data.current_corpus()
    upload.render("en")
    notices.source_caption(data.current_source(), len(corpus.articles), "en")


@pytest.fixture
def configured_corpus(tmp_path, monkeypatch):
    folder = tmp_path / "configured"
    folder.mkdir()
    (folder / "one.txt").write_text("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Nghệ An họp.", encoding="utf-8")
    monkeypatch.setenv("TTDN_CORPUS", str(folder))
    monkeypatch.setenv("TTDN_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def _source_line(at) -> str:
    return " ".join(c.value for c in at.sidebar.caption)


def _app(params: dict | None = None):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(upload_harness, default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def test_an_upload_is_loaded_named_in_the_url_and_kept_after_a_reload(configured_corpus):
    at = _app()
    assert "· 1 articles" in _source_line(at)
    at.sidebar.get("file_uploader")[0].set_value([("tải lên.jsonl", JSONL, "application/json")]).run()
    at.sidebar.button(key=upload.LOAD_KEY).click().run()
    assert not at.exception
    upload_id = at.query_params[upload.UPLOAD_PARAM]
    if isinstance(upload_id, list):  # AppTest before Streamlit 1.65 gives each URL value as a list
        (upload_id,) = upload_id
    assert upload_store.folder_of(upload_id) is not None
    assert "upload · 3 articles" in _source_line(at)
    reloaded = _app({upload.UPLOAD_PARAM: upload_id})  # a fresh session: only the URL carries the upload
    assert "upload · 3 articles" in _source_line(reloaded)
    reloaded.sidebar.button(key=upload.BACK_KEY).click().run()
    assert "· 1 articles" in _source_line(reloaded) and upload.UPLOAD_PARAM not in reloaded.query_params


@pytest.mark.parametrize("upload_id", [
    pytest.param("../../etc", id="a-path-in-the-url"),
    pytest.param("C" * 22, id="an-expired-upload"),
])
def test_an_unknown_upload_in_the_url_falls_back_with_a_notice(configured_corpus, upload_id):
    at = _app({upload.UPLOAD_PARAM: upload_id})
    assert "· 1 articles" in _source_line(at)
    assert any(w.value == i18n.t("upload.gone", "en") for w in at.sidebar.warning)
    assert upload.UPLOAD_PARAM not in at.query_params


def test_a_refused_file_is_named_in_the_box(configured_corpus):
    at = _app()
    at.sidebar.get("file_uploader")[0].set_value([("fake.zip", b"PK not a zip", "application/zip")]).run()
    assert [e.value for e in at.sidebar.error] == [upload.refusal_text(upload_store.Refusal("fake.zip", "not_zip"), "en")]
    assert upload.LOAD_KEY not in [b.key for b in at.sidebar.button]  # nothing left to load
