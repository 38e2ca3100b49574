"""The review queue (pure) and the correction loop headless (AppTest): correct a value in the
review queue and in the article view, see charts follow, undo it on the Data quality page, see
a conflicting pair from another session's file, and keep a corrupt file from breaking a page."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from dashboard import i18n
from dashboard.filters import Filters
from dashboard.queries import corrections as audit
from dashboard.queries import review
from loaders import corrections
from loaders.schema import ARTICLE_COLUMNS, typed


def with_rows(corpus, **changes):
    """The fixture corpus with some articles' values changed: {doc_id: {column: value}}."""
    rows = corpus.articles.to_dict("records")
    for row in rows:
        row.update(changes.get(row["doc_id"], {}))
    return replace(corpus, articles=typed(pd.DataFrame(rows), ARTICLE_COLUMNS))


def queue_reasons(corpus) -> dict[str, list[str]]:
    table = review.review_queue(corpus, Filters(relevant_only=False))
    return dict(zip(table["item"], table["reasons"], strict=True))


# ---------------------------------------------------------------- the queue

@pytest.mark.parametrize("changes, item, reason", [
    pytest.param({"a05": {"meeting_date": "2023-03-01"}}, "a05|meeting_date", "date_after_published",
                 id="meeting-after-its-report"),
    pytest.param({"a05": {"meeting_date": "2020-12-28"}}, "a05|meeting_date", "date_before_published",
                 id="meeting-two-years-before-its-report"),
    pytest.param({"a06": {"province": None, "province_2025": None}}, "a06|province", "no_province",
                 id="relevant-without-province"),
    pytest.param({"a06": {"meeting_date": None, "published": None}}, "a06|meeting_date", "no_date_at_all",
                 id="relevant-without-any-date"),
    pytest.param({"a06": {"meeting_type": None}}, "a06|meeting_type", "no_meeting_type", id="relevant-without-type"),
    pytest.param({"a06": {"province_source": "url"}}, "a06|province", "province_from_url", id="province-from-address"),
    pytest.param({"a02": {"delegations_in": 400}}, "a02|delegations_in", "number_outlier",
                 id="number-far-above-the-province-usual"),
    pytest.param({"a04": {"meeting_date": "2022-07-21"}}, "a04|meeting", "similarity_merge",
                 id="one-meeting-two-days"),
    pytest.param({"a04": {"meeting_type": "hop"}}, "a04|meeting_type", "readings_disagree",
                 id="reports-of-one-meeting-disagree"),
])
def test_signals_put_the_value_in_the_queue(corpus, changes, item, reason):
    assert reason in queue_reasons(with_rows(corpus, **changes)).get(item, [])


def test_plausible_values_stay_out_of_the_queue(corpus):
    # the fixture's one doubtful value: a07 is relevant and gives no meeting date
    assert set(queue_reasons(corpus)) == {"a07|meeting_date"}


def test_confidences_are_used_when_the_loader_gives_them(corpus):
    arts = corpus.articles.assign(meeting_type_p=[0.5 if d == "a01" else 0.99 for d in corpus.articles["doc_id"]])
    assert "low_confidence" in queue_reasons(replace(corpus, articles=arts))["a01|meeting_type"]
    evidence = corpus.evidence.assign(confidence=[0.2 if d == "a03" else 0.9 for d in corpus.evidence["doc_id"]])
    assert "low_confidence" in queue_reasons(replace(corpus, evidence=evidence))["a03|province"]


def test_ranked_by_doubt_and_settled_values_leave(corpus):
    doubtful = with_rows(corpus, a05={"meeting_date": "2023-03-01"}, a06={"province_source": "url"})
    table = review.review_queue(doubtful, Filters())
    assert table["score"].is_monotonic_decreasing
    assert table["item"].iloc[0] == "a05|meeting_date"  # a meeting after its own report is the likeliest misread
    checked = with_rows(doubtful, a05={"checked_fields": ["meeting_date"]})
    assert "a05|meeting_date" not in review.review_queue(checked, Filters())["item"].tolist()


DOUBTS = {"a05": {"meeting_date": "2023-03-01"}, "a06": {"province_source": "url", "meeting_type": None},
          "a02": {"delegations_in": 400}}


@pytest.mark.parametrize("n", [
    pytest.param(1, id="one-row-of-many"),
    pytest.param(3, id="a-cut-inside-one-article-s-items"),
    pytest.param(500, id="more-than-the-queue-holds: all of it"),
])
def test_review_page_is_the_head_of_the_whole_queue(corpus, n):
    doubtful = with_rows(corpus, **DOUBTS)
    queue = review.review_queue(doubtful, Filters(relevant_only=False))
    head, total = review.review_page(doubtful, Filters(relevant_only=False), n)
    assert total == len(queue) > 3
    # the same rows and values; only the value column's dtype is read from the rows shown
    pd.testing.assert_frame_equal(head.drop(columns="value"), queue.head(n).drop(columns="value"))
    assert head["value"].tolist() == queue["value"].head(n).astype(object).tolist()


@pytest.mark.parametrize("changes, f", [
    pytest.param({}, Filters(provinces=("Không có tỉnh này",)), id="no article passes the filters"),
    pytest.param({"a07": {"checked_fields": ["meeting_date"]}}, Filters(), id="its one doubtful value was checked"),
])
def test_review_page_of_an_empty_queue(corpus, changes, f):
    head, total = review.review_page(with_rows(corpus, **changes), f, 10)
    assert (total, list(head.columns)) == (0, review.QUEUE_COLUMNS)


@pytest.mark.parametrize("fixed, checked, expected", [
    pytest.param([[], []], [[], []], {}, id="nothing settled: no article listed"),
    pytest.param([["province"], []], [[], ["period", "meeting"]], {"d0": {"province"}, "d1": {"period", "meeting"}},
                 id="corrected and checked fields, each article its own"),
    pytest.param([["province"], []], [["province", "period"], []], {"d0": {"province", "period"}},
                 id="a field corrected and then checked is named once"),
])
def test_settled_fields(fixed, checked, expected):
    arts = pd.DataFrame({"doc_id": pd.array(["d0", "d1"], dtype="string"), "corrected_fields": fixed,
                         "checked_fields": checked})
    assert review.settled_fields(arts) == expected


@pytest.mark.parametrize("rows, expected", [
    pytest.param([(0, "province", "no_province", 0.8)], [(0, "province", 0.8, ["no_province"])], id="one row"),
    pytest.param([(0, "province", "province_from_url", 0.5), (0, "province", "no_province", 0.8)],
                 [(0, "province", 0.8, ["no_province", "province_from_url"])],
                 id="two reasons for one item: the best score, its reason first"),
    pytest.param([(1, "meeting_date", "low_confidence", 0.7), (1, "meeting_date", "low_confidence", 0.9)],
                 [(1, "meeting_date", 0.9, ["low_confidence"])], id="a reason said twice is listed once"),
    pytest.param([(2, "period", "readings_disagree", 0.6), (1, "period", "readings_disagree", 0.6),
                  (2, "meeting_type", "readings_disagree", 0.6)],
                 [(2, "period", 0.6, ["readings_disagree"]), (1, "period", 0.6, ["readings_disagree"]),
                  (2, "meeting_type", 0.6, ["readings_disagree"])],
                 id="equal scores keep the signals' order; one article's two fields are two items"),
])
def test_items_keep_each_item_once_with_its_best_score(rows, expected):
    table = review._items(pd.DataFrame(rows, columns=review.SIGNAL_COLUMNS))
    assert list(zip(table["row"], table["field"], table["score"], table["reasons"], strict=True)) == expected


@pytest.mark.parametrize("groups, values, expected", [
    pytest.param([0, 0, 1], [5, 6, 5], [2, 2, 1], id="two values in one group, one in the other"),
    pytest.param([0, 0, 0], [3, 3, 3], [1, 1, 1], id="a value repeated counts once"),
    pytest.param([-1, 0, 0], [1, 2, 2], [0, 1, 1], id="a row without a group counts nothing and gets 0"),
    pytest.param([0, 0, 1], [-1, 4, -1], [1, 1, 0], id="a value not read (-1) is not counted"),
    pytest.param([], [], [], id="no rows"),
])
def test_distinct_per_group(groups, values, expected):
    assert review.distinct_per_group(groups, values).tolist() == expected


def test_competing_readings_list_the_other_reports_of_the_meeting(corpus):
    readings = review.competing_readings(with_rows(corpus, a04={"meeting_type": "hop"}), "a04", "meeting_type")
    assert set(zip(readings["source"], readings["doc_id"], strict=True)) >= {("meeting", "a03")}


@pytest.mark.parametrize("text, expected", [
    pytest.param("a01|province", ("a01", "province"), id="doc-and-field"),
    pytest.param("x|y|meeting", ("x|y", "meeting"), id="a-bar-inside-the-doc-id"),
    pytest.param("nothing", None, id="no-separator"),
    pytest.param(None, None, id="absent"),
])
def test_item_keys_round_trip(text, expected):
    assert review.parse_item(text) == expected


def test_corrections_note_and_methodology_count_hand_values(corpus):
    marked = with_rows(corpus, a01={"corrected_fields": ["province", "meeting_date"]}, a02={"checked_fields": ["period"]})
    assert audit.correction_counts(marked.articles) == {"corrected": 2, "checked": 1}
    assert audit.corrections_note(corpus.articles, "en") is None
    assert "2 values corrected by hand, 1 checked" in audit.corrections_note(marked.articles, "en")
    assert "by hand: 0" in audit.methodology_sentence(corpus.articles, "en")  # zero is said, not left out


# ---------------------------------------------------------------- the loop, headless

def saved(store) -> list:
    return list(store.load().items)


def test_review_queue_corrects_a_meeting_date(run_page, corrections_store):
    at = run_page("review", params={"item": "a07|meeting_date"})
    at.date_input(key="fix-review-a07-meeting_date").set_value(date(2023, 6, 28))
    at.button(key="fix-review-a07-meeting_date-set").click().run()
    assert not at.exception
    (fix,) = saved(corrections_store)
    assert (fix.doc_id, fix.field, fix.new, fix.old) == ("a07", "meeting_date", "2023-06-28", None)
    assert "a07|meeting_date" not in [o for s in at.selectbox for o in s.options]  # it left the queue


def test_article_view_corrects_a_province_and_the_charts_follow(run_page, corrections_store):
    before = run_page("provinces").get("plotly_chart")[0].proto.spec
    at = run_page("articles", params={"doc": "a06"})
    at.selectbox(key="article_fix_field").set_value("province").run()
    at.selectbox(key="fix-article-a06-province").set_value("Quảng Bình")
    at.text_input(key="fix-article-a06-province-note").input("<script>alert(1)</script> tên tỉnh trong ảnh")
    at.button(key="fix-article-a06-province-set").click().run()
    assert not at.exception and at.success
    (fix,) = saved(corrections_store)
    assert (fix.new, fix.old) == ("Quảng Bình", "Hà Tĩnh")
    marked = i18n.t("fix.corrected_here", "vi", fields=i18n.field_label("province", "vi"))
    assert marked in [c.value for c in at.caption]  # the article view says which value a person set
    after = run_page("provinces").get("plotly_chart")[0].proto.spec
    assert "Quảng Bình" in json.dumps(json.loads(after), ensure_ascii=False) and after != before


def test_quality_page_lists_and_undoes_a_correction(run_page, corrections_store, corpus):
    fix = corrections.make("a06", corrections.content_sha(corpus.raw_texts(["a06"]).iloc[0]), "province", "set", "Quảng Bình",
                           old="Hà Tĩnh", who="An", note="<b>bold?</b>")
    corrections_store.save([fix])
    at = run_page("quality")
    listed = [df.value for df in at.dataframe if "before" in df.value.columns]
    assert listed and listed[0]["after"].tolist() == ["Quảng Bình"] and listed[0]["before"].tolist() == ["Hà Tĩnh"]
    assert all("<b>" not in m.value for m in at.markdown)  # the note is data in a table, never markup
    at.selectbox(key="corr-undo").set_value(fix.id)
    at.button(key="corr-undo-go").click().run()
    assert not at.exception and saved(corrections_store) == []


def test_every_page_says_how_many_values_were_corrected(run_app, corrections_store, corpus):
    corrections_store.save([corrections.make("a07", corrections.content_sha(""), "meeting_date", "set", "2023-06-28")])
    at = run_app()
    note = audit.corrections_note(typed(pd.DataFrame([{"corrected_fields": ["meeting_date"]}]), ARTICLE_COLUMNS), "vi")
    assert any(note in c.value for c in at.caption)


def test_conflicting_pair_from_another_session_is_shown_and_resolved(run_page, corrections_store, corpus):
    sha = corrections.content_sha(corpus.raw_texts(["a06"]).iloc[0])
    mine = corrections.make("a06", sha, "province", "set", "Quảng Bình", who="An")
    theirs = corrections.make("a06", sha, "province", "set", "Nghệ An", who="Bình")
    items, summary = corrections.merged([mine], [theirs])
    assert summary.conflicts == 1
    corrections_store.save(items)
    at = run_page("quality")
    assert any("xung đột" in w.value or "khác nhau" in w.value for w in at.warning)
    assert {f"corr-keep-{mine.id}", f"corr-keep-{theirs.id}"} <= {b.key for b in at.button}
    at.button(key=f"corr-keep-{theirs.id}").click().run()
    assert saved(corrections_store) == [theirs]


def test_a_corrupt_corrections_file_is_reported_not_fatal(run_page, corrections_store):
    corrections_store.path.write_bytes(b'{"id": "c-1", "doc_id": "a06"}\n\xff\xfe garbage\n')
    for view in ("quality", "review", "overview"):
        run_page(view)  # run_page asserts there is no exception
    at = run_page("quality")
    assert any("Bỏ qua" in w.value for w in at.warning)


def test_check_mark_is_saved_without_changing_the_value(run_page, corrections_store):
    at = run_page("review", params={"item": "a07|meeting_date"})
    at.button(key="fix-review-a07-meeting_date-check").click().run()
    (fix,) = saved(corrections_store)
    assert (fix.action, fix.new) == ("check", None)  # "not reported" was checked: the value stays missing


def test_split_a_report_off_its_meeting(run_page, corrections_store):
    at = run_page("articles", params={"doc": "a04"})
    at.selectbox(key="article_fix_field").set_value("meeting").run()
    at.button(key="fix-article-a04-meeting-split").click().run()
    (fix,) = saved(corrections_store)
    assert (fix.field, fix.action, fix.old) == ("meeting", "split", ["a03"])
    figures = {m.label: m.value for m in run_page("overview").metric}
    assert figures["Hội nghị"] == "10"  # a03 and a04 count as two meetings now (9 before)


def test_exported_corrections_file_is_one_valid_line_per_correction(corrections_store, corpus):
    sha = corrections.content_sha("")
    items = [corrections.make("a07", sha, "meeting_date", "set", "2023-06-28")]
    lines = corrections.to_jsonl(items).decode("utf-8").splitlines()
    assert [json.loads(x)["new"] for x in lines] == ["2023-06-28"]
    assert corrections.parse_bytes(corrections.to_jsonl(items)).items == tuple(items)


def test_report_states_hand_corrections_in_its_methodology(corpus):
    from dashboard.report import sections
    heading, fig, table = sections(corpus, Filters(lang="en"))[-1]
    assert heading == "Methodology" and fig is None
    rows = dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))
    assert "corrected by hand: 0" in rows["Hand corrections"]


EVIDENCE = pd.DataFrame({"doc_id": ["a1", "a1", "a1", "a2"], "field": ["meeting_date", "meeting_date", "province", "province"],
                         "sentence": [None, "Sáng 15/3, hội nghị ...", "tỉnh Nghệ An tổ chức", "tại Huế"]})
NUMBERS = pd.DataFrame({"doc_id": ["a1", "a1"], "field": ["delegations_in", "delegations_in"],
                        "sentence": ["đón 12 đoàn khách quốc tế", "đón 12 đoàn (nhắc lại)"]})


@pytest.mark.parametrize("doc_id, field, expected", [
    pytest.param("a1", "meeting_date", "Sáng 15/3, hội nghị ...", id="the first evidence row with a sentence"),
    pytest.param("a2", "province", "tại Huế", id="another article's own row, not the first article's"),
    pytest.param("a1", "delegations_in", "đón 12 đoàn khách quốc tế", id="a number: the numbers table, first row"),
    pytest.param("a1", "chairs", None, id="a field neither table holds: None"),
    pytest.param("no-such-article", "province", None, id="an article neither table knows: None"),
])
def test_evidence_sentences_read_evidence_then_numbers(corpus, doc_id, field, expected):
    tables = replace(corpus, evidence=EVIDENCE.astype("string"), numbers=NUMBERS.astype("string"))
    items = pd.DataFrame({"doc_id": [doc_id, "a1"], "field": [field, "province"]})
    assert review.evidence_sentences(tables, items) == [expected, "tỉnh Nghệ An tổ chức"]


def test_evidence_sentences_of_no_items(corpus):
    assert review.evidence_sentences(corpus, pd.DataFrame({"doc_id": [], "field": []})) == []
