"""Corrections by hand: validation, files that never crash a load, atomic writes, merging another
session's file, applying before meeting grouping, and `ttdn export` with and without them."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from loaders import cli, corrections
from loaders.corrections import apply as apply_mod
from loaders.corrections import store as store_mod
from loaders.grouping import assign_meeting_ids
from loaders.pipeline import load_corpus
from loaders.schema import ARTICLE_COLUMNS, NUMBER_COLUMNS, Corpus, typed

# Two reports of one meeting (same province and day) and a third article: our own short texts.
TEXTS = {
    "bai1": "Sáng 18/7/2022, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Khánh Hòa tổ chức hội nghị sơ kết "
            "công tác 6 tháng đầu năm 2022. Trong 6 tháng, tỉnh đã đón tiếp 12 đoàn khách quốc tế.",
    "bai2": "Ngày 18/7/2022, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Khánh Hòa họp sơ kết 6 tháng đầu năm 2022 "
            "với sự tham dự của các sở, ngành.",
    "bai3": "Ngày 13/7/2022, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết công tác 6 tháng "
            "đầu năm 2022.",
}


def sha(doc_id: str) -> str:
    return corrections.content_sha(TEXTS[doc_id])


def fix(doc_id, field, action, new=None, **kw):
    return corrections.make(doc_id, sha(doc_id), field, action, new, who=kw.pop("who", "test"), **kw)


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "corpus"
    src.mkdir()
    for doc_id, text in TEXTS.items():
        (src / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return src


def hand_corpus() -> Corpus:
    """Three articles written as rows: bai1 and bai2 one meeting (same province and day)."""
    rows = [{"doc_id": d, "raw_text": t, "body": t, "relevant": True, "level": "province",
             "province": None if d == "bai3" else "Khánh Hòa", "meeting_date": None if d == "bai3" else "2022-07-18",
             "meeting_type": "so_ket", "delegations_in": 12 if d == "bai1" else None} for d, t in TEXTS.items()]
    numbers = [{"doc_id": "bai1", "field": "delegations_in", "value": 12, "approx": False,
                "sentence": "Trong 6 tháng, tỉnh đã đón tiếp 12 đoàn khách quốc tế."}]
    return Corpus(articles=typed(pd.DataFrame(rows), ARTICLE_COLUMNS),
                  numbers=typed(pd.DataFrame(numbers), NUMBER_COLUMNS))


def applied(*fixes) -> pd.DataFrame:
    result = corrections.apply_corrections(hand_corpus(), corrections.CorrectionSet(tuple(fixes)), assign_meeting_ids)
    return result.articles.set_index("doc_id")


# ---------------------------------------------------------------- validation

@pytest.mark.parametrize("field, raw, expected", [
    pytest.param("province", "quang ninh", "Quảng Ninh", id="province-unaccented-to-canonical"),
    pytest.param("province", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", id="province-with-unit-word"),
    pytest.param("meeting_date", "2018-07-10", "2018-07-10", id="iso-date"),
    pytest.param("delegations_in", 0, 0, id="zero-is-a-number-not-missing"),
    pytest.param("meeting_type", "tong_ket", "tong_ket", id="meeting-type-code"),
    pytest.param("relevant", False, False, id="relevant-false"),
    pytest.param("period", "2022h1", "2022H1", id="period-case-folded"),
    pytest.param("chairs", "Nguyễn Văn An; Lê Thị Bình", ["Nguyễn Văn An", "Lê Thị Bình"], id="names-split-on-semicolons"),
])
def test_valid_values_are_canonicalised(field, raw, expected):
    assert corrections.parse_value(field, raw) == (expected, None)


@pytest.mark.parametrize("field, raw", [
    pytest.param("province", "Atlantis", id="province-not-in-gazetteer"),
    pytest.param("province", "<script>alert(1)</script>", id="markup-is-no-province"),
    pytest.param("meeting_date", "1889-01-01", id="date-before-range"),
    pytest.param("meeting_date", "2999-01-01", id="date-after-range"),
    pytest.param("meeting_date", "18/07/2022", id="date-not-iso"),
    pytest.param("delegations_in", -1, id="negative-number"),
    pytest.param("delegations_in", 2.5, id="fraction"),
    pytest.param("delegations_in", True, id="bool-is-no-number"),
    pytest.param("delegations_in", "12", id="text-is-no-number"),
    pytest.param("meeting_type", "party", id="unknown-meeting-type"),
    pytest.param("relevant", "yes", id="relevant-must-be-bool"),
    pytest.param("period", "H1-2022", id="period-in-another-shape"),
    pytest.param("chairs", [], id="no-names"),
    pytest.param("level", "province", id="not-a-correctable-field"),
])
def test_invalid_values_are_refused_with_a_reason(field, raw):
    value, problem = corrections.parse_value(field, raw)
    assert value is None and problem


@pytest.mark.parametrize("change, reason", [
    pytest.param({"field": "meeting", "action": "set"}, "action", id="meeting-takes-split-or-merge"),
    pytest.param({"field": "province", "action": "merge"}, "action", id="values-take-set-clear-check"),
    pytest.param({"content_sha": "not hex!"}, "content_sha", id="digest-must-be-hex"),
    pytest.param({"id": "a b;rm -rf"}, "id", id="id-is-a-token"),
    pytest.param({"when": "yesterday"}, "when", id="when-is-iso"),
    pytest.param({"field": "meeting", "action": "merge", "new": "bai1"}, "merge", id="merge-with-itself"),
])
def test_malformed_records_are_refused(change, reason):
    record = {**fix("bai1", "province", "set", "Khánh Hòa").to_json(), **change}
    problem = corrections.records.from_json(record)
    assert isinstance(problem, str) and reason in problem


def test_free_text_is_kept_as_inert_plain_text():
    c = fix("bai1", "province", "set", "Khánh Hòa", note="<b>x</b>\x00\x1b[31m  ok", who="An\nB")
    assert c.note == "<b>x</b> [31m ok"  # control characters gone; markup stays text (views never render it)
    assert c.who == "An B"


# ---------------------------------------------------------------- files

@pytest.mark.parametrize("content, n_items, n_problems", [
    pytest.param(b"", 0, 0, id="empty-file"),
    pytest.param(b"{not json\n", 0, 1, id="not-json"),
    pytest.param(b"\xff\xfe\x00binary", 0, 1, id="not-utf8"),
    pytest.param(b'[1, 2]\n"text"\n', 0, 2, id="json-but-not-objects"),
    pytest.param(b"[" * 100_000 + b"\n", 0, 1, id="deeply-nested-json"),
], )
def test_corrupt_files_are_reported_and_ignored(tmp_path, content, n_items, n_problems):
    path = tmp_path / "x.corrections.jsonl"
    path.write_bytes(content)
    found = corrections.read_file(path)
    assert (len(found.items), len(found.problems)) == (n_items, n_problems)


def test_good_lines_survive_bad_ones(tmp_path):
    good = fix("bai1", "province", "set", "Quảng Ninh")
    path = tmp_path / "x.corrections.jsonl"
    path.write_text("garbage\n" + json.dumps(good.to_json(), ensure_ascii=False) + "\n" +
                    json.dumps({**good.to_json(), "new": "Atlantis", "id": "c-2"}) + "\n", encoding="utf-8")
    found = corrections.read_file(path)
    assert [c.id for c in found.items] == [good.id]
    assert [p.split(":")[0] for p in found.problems] == ["line 1", "line 3"]


def test_file_too_large_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("TTDN_MAX_CORRECTIONS_FILE_BYTES", "10")
    path = tmp_path / "x.corrections.jsonl"
    store_mod.write_file(path, [fix("bai1", "province", "set", "Quảng Ninh")])
    found = corrections.read_file(path)
    assert not found.items and "large" in found.problems[0]


def test_a_crash_while_writing_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "x.corrections.jsonl"
    store_mod.write_file(path, [fix("bai1", "province", "set", "Quảng Ninh")])
    before = path.read_bytes()

    def crash(*args):
        raise OSError("disk full")
    monkeypatch.setattr(store_mod.os, "replace", crash)
    with pytest.raises(OSError):
        store_mod.write_file(path, [])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


def test_writable_corpus_keeps_corrections_beside_itself(folder):
    assert corrections.corpus_store(folder).path == folder.parent / "corpus.corrections.jsonl"


def test_read_only_corpus_location_uses_the_data_dir(tmp_path, monkeypatch):
    """Decided on the store's writability test (tests run as root, who can write into a 0555 folder)."""
    monkeypatch.setenv("TTDN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(store_mod, "_writable", lambda path: False)
    shared = tmp_path / "shared" / "seeds"
    side = tmp_path / "shared" / "seeds.corrections.jsonl"
    store_mod.write_file(side, [fix("bai1", "province", "set", "Quảng Ninh")])
    store = corrections.corpus_store(shared)
    assert store.path.parent == tmp_path / "data" / "corrections" and store.seed == side
    assert store.path.name.startswith("seeds-") and store.path.name.endswith(".corrections.jsonl")
    assert len(store.load().items) == 1  # the file beside the share is read until the app writes its own
    store.update(lambda items: items + [fix("bai2", "province", "set", "Hà Nội")])
    assert len(corrections.read_file(store.path).items) == 2 and len(corrections.read_file(side).items) == 1


# ---------------------------------------------------------------- edits and sharing

def test_a_new_change_replaces_the_earlier_one_of_the_same_value():
    first, second = fix("bai3", "province", "set", "Quảng Ninh"), fix("bai3", "province", "set", "Hà Nội")
    items = corrections.with_added(corrections.with_added([], first), second)
    assert items == [second]


def test_undo_removes_one_correction():
    a, b = fix("bai3", "province", "set", "Quảng Ninh"), fix("bai1", "delegations_in", "set", 13)
    assert corrections.without([a, b], a.id) == [b]


@pytest.mark.parametrize("theirs, added, duplicates, conflicts", [
    pytest.param(("province", "set", "Quảng Ninh"), 0, 1, 0, id="same-change-is-a-duplicate"),
    pytest.param(("province", "set", "Hà Nội"), 1, 0, 1, id="other-value-is-a-conflict"),
    pytest.param(("meeting_date", "set", "2022-07-13"), 1, 0, 0, id="other-field-is-added"),
])
def test_merging_another_file_never_overwrites(theirs, added, duplicates, conflicts):
    mine = fix("bai3", "province", "set", "Quảng Ninh")
    items, summary = corrections.merged([mine], [fix("bai3", *theirs, who="colleague")])
    assert (summary.added, summary.duplicates, summary.conflicts) == (added, duplicates, conflicts)
    assert mine in items
    found = corrections.CorrectionSet(tuple(items))
    assert len(found.conflicts()) == conflicts
    assert (mine in found.active()) == (conflicts == 0)  # a conflicting value stays as extracted


def test_keeping_one_side_resolves_the_conflict():
    mine, theirs = fix("bai3", "province", "set", "Quảng Ninh"), fix("bai3", "province", "set", "Hà Nội")
    resolved = corrections.CorrectionSet(tuple(corrections.keeping([mine, theirs], theirs.id)))
    assert not resolved.conflicts() and resolved.active() == [theirs]


# ---------------------------------------------------------------- applying

@pytest.mark.parametrize("correction, column, expected", [
    pytest.param(("bai3", "province", "set", "Quảng Ninh"), "province_2025", "Quảng Ninh", id="province-and-its-2025-unit"),
    pytest.param(("bai3", "province", "set", "Hà Giang"), "province_2025", "Tuyên Quang", id="merged-province"),
    pytest.param(("bai3", "meeting_date", "set", "2022-07-13"), "meeting_date", pd.Timestamp("2022-07-13"), id="date"),
    pytest.param(("bai1", "delegations_in", "clear"), "delegations_in", pd.NA, id="clear-a-number"),
    pytest.param(("bai1", "meeting_type", "set", "hop"), "meeting_type", "hop", id="meeting-type"),
    pytest.param(("bai1", "relevant", "set", False), "relevant", False, id="not-relevant"),
    pytest.param(("bai1", "chairs", "set", ["Lê Văn C"]), "chairs", ["Lê Văn C"], id="chairs"),
])
def test_values_are_set_and_flagged(correction, column, expected):
    row = applied(fix(*correction)).loc[correction[0]]
    value = row[column]
    assert (value is pd.NA and expected is pd.NA) or value == expected
    assert row["corrected_fields"] == [correction[1]]


def test_corrected_count_replaces_the_number_row_and_keeps_its_sentence():
    c = corrections.apply_corrections(hand_corpus(), corrections.CorrectionSet((fix("bai1", "delegations_in", "set", 15),)),
                                      assign_meeting_ids)
    rows = c.numbers[c.numbers["doc_id"] == "bai1"]
    assert rows["value"].tolist() == [15] and "12 đoàn" in rows["sentence"].iloc[0]


def test_corrections_apply_before_grouping():
    """bai3 given bai1's province and day joins bai1's meeting: grouping sees the corrected values."""
    arts = applied(fix("bai3", "province", "set", "Khánh Hòa"), fix("bai3", "meeting_date", "set", "2022-07-18"))
    assert arts.loc["bai3", "meeting_id"] == arts.loc["bai1", "meeting_id"]


@pytest.mark.parametrize("change, together", [
    pytest.param(("bai2", "meeting", "split"), {"bai1": 1, "bai2": 1, "bai3": 1}, id="split-a-report-off"),
    pytest.param(("bai3", "meeting", "merge", "bai2"), {"bai1": 3, "bai2": 3, "bai3": 3}, id="merge-two-meetings"),
    pytest.param(("bai1", "meeting", "split"), {"bai1": 1, "bai2": 1, "bai3": 1}, id="split-the-anchor-off"),
])
def test_meetings_split_and_merged_by_hand(change, together):
    arts = applied(fix(*change))
    sizes = arts.groupby("meeting_id").size()
    assert {d: int(sizes[arts.loc[d, "meeting_id"]]) for d in TEXTS} == together
    assert arts.loc[change[0], "corrected_fields"] == ["meeting"]


def test_hand_made_meeting_ids_follow_the_grouping_rule():
    lone = typed(pd.DataFrame([{"doc_id": "bai2", "body": "x"}]), ARTICLE_COLUMNS)
    assert apply_mod.meeting_id("bai2") == assign_meeting_ids(lone).iloc[0]


@pytest.mark.parametrize("checked, holds", [
    pytest.param("Khánh Hòa", True, id="value-still-as-checked"),
    pytest.param("Hà Nội", False, id="value-changed-since-the-check"),
])
def test_a_check_holds_while_the_value_is_unchanged(checked, holds):
    arts = applied(fix("bai1", "province", "check", checked))
    assert arts.loc["bai1", "checked_fields"] == (["province"] if holds else [])
    assert arts.loc["bai1", "corrected_fields"] == []


def test_a_renamed_article_keeps_its_correction_and_a_changed_one_does_not():
    renamed = corrections.make("old-name", sha("bai3"), "province", "set", "Quảng Ninh")
    changed = corrections.make("bai1", "0" * 16, "province", "set", "Hà Nội")
    fixes = corrections.CorrectionSet((renamed, changed))
    arts = corrections.apply_corrections(hand_corpus(), fixes, assign_meeting_ids).articles.set_index("doc_id")
    assert arts.loc["bai3", "province"] == "Quảng Ninh" and arts.loc["bai1", "province"] == "Khánh Hòa"
    result = corrections.outcome(hand_corpus(), fixes)
    assert (len(result.applied), len(result.stale), len(result.missing)) == (1, 1, 0)


# ---------------------------------------------------------------- the loader and the CLI

def test_load_corpus_applies_the_file_beside_the_corpus(folder):
    store = corrections.corpus_store(folder)
    store.save([fix("bai3", "province", "set", "Quảng Ninh")])
    corrected = load_corpus(folder, cache_dir=False, workers=1).full_articles().set_index("doc_id")
    raw = load_corpus(folder, cache_dir=False, workers=1, corrections=False).full_articles().set_index("doc_id")
    assert corrected.loc["bai3", "province"] == "Quảng Ninh"
    assert pd.isna(raw.loc["bai3", "province"]) and raw.loc["bai3", "corrected_fields"] == []
    assert raw.loc["bai3", "raw_text"] == corrected.loc["bai3", "raw_text"]  # the text is never altered


@pytest.mark.parametrize("order", [
    pytest.param((None, False), id="corrected first, then the raw corpus from the same cache"),
    pytest.param((False, None), id="raw first, then the corrected corpus from the same cache"),
])
def test_the_corpus_cache_serves_raw_and_corrected_loads_apart(folder, tmp_path, order):
    corrections.corpus_store(folder).save([fix("bai3", "province", "set", "Quảng Ninh")])
    cache = tmp_path / "cache"
    province = {}
    for which in order:
        corpus = load_corpus(folder, cache_dir=cache, workers=1, corrections=which)
        province[which] = corpus.articles.set_index("doc_id").loc["bai3", "province"]
    assert province[None] == "Quảng Ninh" and pd.isna(province[False])


def test_a_corrupt_file_beside_the_corpus_never_stops_a_load(folder):
    corrections.corpus_store(folder).path.write_bytes(b"\x00\xff garbage")
    assert len(load_corpus(folder, cache_dir=False, workers=1).articles) == len(TEXTS)


@pytest.mark.parametrize("extra, province", [
    pytest.param([], "Quảng Ninh", id="corrections-beside-the-corpus"),
    pytest.param(["--no-corrections"], "", id="raw-extraction"),
])
def test_export_applies_corrections_unless_told_not_to(folder, tmp_path, capsys, extra, province):
    corrections.corpus_store(folder).save([fix("bai3", "province", "set", "Quảng Ninh")])
    out = tmp_path / "x.csv"
    assert cli.main(["export", str(folder), "--out", str(out), "--no-cache", "-q", *extra]) == 0
    table = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False).set_index("doc_id")
    assert table.loc["bai3", "province"] == province
    assert json.loads(table.loc["bai3", "corrected_fields"]) == (["province"] if province else [])
    assert ("applied 1 correction" in capsys.readouterr().err) == (not extra)


@pytest.mark.parametrize("field, new", [
    pytest.param("meeting_type", "tong_ket", id="another-type-is-another-meeting"),
    pytest.param("chairs", "Nguyễn Văn An", id="a-named-chair-on-one-side-only-keeps-them-together"),
])
def test_a_corrected_grouping_field_regroups_a_grouped_corpus(field, new):
    """Grouping reads meeting type and chairs too: a corpus already grouped is grouped again."""
    base = hand_corpus()
    base.articles["meeting_id"] = assign_meeting_ids(base.full_articles()).to_numpy()
    assert base.articles.set_index("doc_id").loc["bai1", "meeting_id"] == \
        base.articles.set_index("doc_id").loc["bai2", "meeting_id"]
    fixes = corrections.CorrectionSet((fix("bai2", field, "set", new),))
    arts = corrections.apply_corrections(base, fixes, assign_meeting_ids).articles.set_index("doc_id")
    together = arts.loc["bai1", "meeting_id"] == arts.loc["bai2", "meeting_id"]
    assert together is (field == "chairs"), "a chair named on one side only does not tell meetings apart"
