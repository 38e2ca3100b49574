from pathlib import Path

import pytest

from dashboard import data
from dashboard.components import upload
from dashboard.settings import SETTINGS, setting


@pytest.mark.parametrize("argv, expected", [
    pytest.param(["--corpus", "data/x"], "data/x", id="separate-value"),
    pytest.param(["--corpus=data/y.jsonl"], "data/y.jsonl", id="equals-form"),
    pytest.param(["--other", "1"], None, id="absent"),
    pytest.param(["--corpus"], None, id="flag-without-value"),
])
def test_corpus_path_from_argv(argv, expected):
    assert data.corpus_path_from_argv(argv) == expected


class FakeUpload:
    """What st.file_uploader hands back: a name and the bytes."""

    def __init__(self, name: str, payload: bytes):
        self.name, self._payload, self.size = name, payload, len(payload)

    def getvalue(self) -> bytes:
        return self._payload


def test_save_upload_keeps_allowed_files_under_their_base_name():
    folder = Path(upload.save_upload([FakeUpload("../../etc/a.txt", b"Tin 1"), FakeUpload("b.exe", b"MZ"),
                                    FakeUpload("c.zip", b"not a zip")]))
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]  # path stripped, .exe and fake zip dropped


def test_same_upload_maps_to_the_same_folder():
    files = [FakeUpload("a.jsonl", b'{"id": "1", "text": "x"}\n')]
    assert upload.save_upload(files) == upload.save_upload(files)


def test_settings_have_help_and_env_override(monkeypatch):
    assert all(spec.help for spec in SETTINGS.values())
    monkeypatch.setenv("TTDN_MAX_UPLOAD_MB", "5")
    assert setting("max_upload_mb") == 5
    monkeypatch.setenv("TTDN_MAX_UPLOAD_MB", "lots")
    assert setting("max_upload_mb") == SETTINGS["max_upload_mb"].default  # unparsable -> default
