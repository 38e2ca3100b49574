"""assign_meeting_ids: articles reporting one meeting share an id, other articles do not.

Each case is a small articles table (the columns grouping reads) and the groups expected, as sets of
doc ids; texts are our own sentences.
"""
import numpy as np
import pandas as pd
import pytest

from loaders.grouping import ANCHOR_MODULUS, ShingleSets, assign_meeting_ids, is_near_duplicate, shingles
from loaders.schema import ARTICLE_COLUMNS, typed

REPORT = (
    "Chiều 18 tháng 7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết sáu tháng đầu năm. "
    "Đồng chí Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì hội nghị và phát biểu kết luận. Báo cáo cho biết các sở, "
    "ngành đã phối hợp chặt chẽ trong việc cung cấp thông tin cho báo chí trong nước và quốc tế. Nhiều tin bài "
    "về cảnh quan, con người và tiềm năng đầu tư của địa phương được đăng trên các kênh đối ngoại quốc gia. "
    "Trong sáu tháng cuối năm, Ban Chỉ đạo yêu cầu các thành viên tăng cường quảng bá hình ảnh địa phương, chủ "
    "động đấu tranh phản bác thông tin sai lệch và nâng cao chất lượng trang thông tin điện tử bằng tiếng Anh. "
    "Hội nghị cũng thống nhất kế hoạch tổ chức lớp tập huấn kỹ năng phát ngôn cho cán bộ cấp huyện vào tháng chín."
)
OTHER = (
    "Sáng nay, Sở Thông tin và Truyền thông khai giảng lớp bồi dưỡng nghiệp vụ cho phóng viên các cơ quan báo chí "
    "địa phương. Học viên được nghe giảng về kỹ năng viết tin, chụp ảnh và dựng video ngắn cho mạng xã hội. Lớp "
    "học kéo dài ba ngày với nhiều buổi thực hành tại cơ sở, giảng viên đến từ các trường đại học trong cả nước."
)
THIRD = (
    "Ngày hôm sau, đoàn công tác của tỉnh làm việc với các huyện miền núi về tiến độ xây dựng trường học, trạm y tế "
    "và đường giao thông nông thôn. Lãnh đạo tỉnh đề nghị các địa phương tháo gỡ vướng mắc về mặt bằng."
)
EXCERPT = REPORT[REPORT.index("Báo cáo cho biết"):REPORT.index("Hội nghị cũng")]


def row(doc_id, body="", relevant=True, province="Nghệ An", level="province", day="2022-07-18",
        mtype="so_ket", chairs=()):
    return {"doc_id": doc_id, "body": body, "relevant": relevant, "province": province, "level": level,
            "meeting_date": day, "meeting_type": mtype, "chairs": list(chairs)}


CASES = [
    pytest.param([row("a", REPORT, province="Nghệ An"), row("b", REPORT, province=None, day=None)],
                 [{"a", "b"}], id="re-post-whatever-the-extractors-made-of-it"),
    pytest.param([row("a", REPORT), row("b", EXCERPT, mtype="khac", day=None)],
                 [{"a", "b"}], id="excerpt-contained-in-its-full-report"),
    pytest.param([row("a", OTHER, chairs=["Trần Văn Minh"]), row("b", THIRD, chairs=["Trần Văn Minh", "Lê Hà"])],
                 [{"a", "b"}], id="two-outlets-same-day-same-chair"),
    pytest.param([row("a", OTHER, chairs=["Trần Văn Minh"]), row("b", THIRD)],
                 [{"a", "b"}], id="two-outlets-same-day-one-names-no-chair"),
    pytest.param([row("a", OTHER), row("b", THIRD, day="2022-07-19")],
                 [{"a"}, {"b"}], id="same-province-different-days"),
    pytest.param([row("a", OTHER, mtype="tap_huan"), row("b", THIRD, mtype="so_ket")],
                 [{"a"}, {"b"}], id="same-province-same-day-a-training-and-a-review"),
    pytest.param([row("a", OTHER, chairs=["Trần Văn Minh"]), row("b", THIRD, chairs=["Lê Thị Hạnh"])],
                 [{"a"}, {"b"}], id="same-day-different-chairs"),
    pytest.param([row("a", OTHER, province=None, level="central"), row("b", THIRD, province=None, level="central")],
                 [{"a", "b"}], id="central-level-same-day"),
    pytest.param([row("a", OTHER, province=None, level="central"), row("b", THIRD)],
                 [{"a"}, {"b"}], id="central-and-a-province-same-day"),
    pytest.param([row("a", OTHER, relevant=False), row("b", THIRD, relevant=False)],
                 [{"a"}, {"b"}], id="not-relevant-articles-are-not-meetings"),
    pytest.param([row("a", OTHER, day=None), row("b", THIRD, day=None)],
                 [{"a"}, {"b"}], id="undated-articles-are-not-grouped-by-key"),
    pytest.param([row("a", REPORT), row("b", REPORT[:120] + " " + THIRD, province="Hà Tĩnh")],
                 [{"a"}, {"b"}], id="a-shared-opening-sentence-is-no-excerpt"),
    pytest.param([row("a", REPORT), row("b", OTHER, mtype="tap_huan"), row("c", REPORT, province="Hà Tĩnh"),
                  row("d", EXCERPT, day=None)],
                 [{"a", "c", "d"}, {"b"}], id="a-report-its-re-post-and-its-excerpt"),
]


def groups(frame: pd.DataFrame) -> list[set[str]]:
    ids = assign_meeting_ids(typed(pd.DataFrame(frame), ARTICLE_COLUMNS))
    out: dict[str, set[str]] = {}
    for doc, meeting in zip(frame["doc_id"], ids, strict=True):
        out.setdefault(meeting, set()).add(doc)
    return sorted(out.values(), key=min)


@pytest.mark.parametrize("rows, expected", CASES)
def test_assign_meeting_ids(rows, expected):
    # typed(): relevant is a pandas "boolean" column, as in the pipeline (numpy booleans, not True)
    assert groups(pd.DataFrame(rows)) == expected


def test_meeting_id_is_stable_and_named_after_the_first_doc_id():
    frame = pd.DataFrame([row("b", OTHER), row("a", THIRD)])
    first = assign_meeting_ids(typed(frame, ARTICLE_COLUMNS))
    again = assign_meeting_ids(typed(frame.iloc[::-1].reset_index(drop=True), ARTICLE_COLUMNS))
    assert first.nunique() == 1 and set(first) == set(again)


@pytest.mark.parametrize("a, b, expected", [
    pytest.param(REPORT, REPORT.replace("sáu tháng", "6 tháng"), True, id="a-lightly-edited-copy"),
    pytest.param(REPORT, EXCERPT, True, id="an-excerpt"),
    pytest.param(REPORT, OTHER, False, id="another-article"),
    pytest.param(REPORT, REPORT[:150], False, id="a-headline-sized-piece-is-too-thin"),
])
def test_is_near_duplicate(a, b, expected):
    assert is_near_duplicate(shingles(a), shingles(b)) is expected


@pytest.mark.parametrize("batches", [
    pytest.param([[REPORT, OTHER, THIRD]], id="one batch"),
    pytest.param([[REPORT], [], [None, ""], [EXCERPT, OTHER]], id="batches, one empty, texts missing or empty"),
    pytest.param([], id="no texts at all"),
])
def test_shingle_sets_hold_each_texts_shingles_and_anchors_across_batches(batches):
    """An ingest builds the sets a slice of bodies at a time: each text must get its own shingles
    back, and the anchors must name the right text, whichever batch held it."""
    texts = [text for batch in batches for text in batch]
    sets = ShingleSets.of(batches)
    assert len(sets) == len(texts)
    for i, text in enumerate(texts):
        np.testing.assert_array_equal(sets[i], shingles(text or ""))
    hashes, docs = sets.anchors()
    expected = [(h, i) for i, text in enumerate(texts) for h in shingles(text or "").tolist() if h % ANCHOR_MODULUS == 0]
    assert list(zip(hashes.tolist(), docs.tolist(), strict=True)) == expected
