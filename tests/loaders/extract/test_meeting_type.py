"""Meeting type: each cue group on its general wording, the calendar cues, and the fitted model."""
from datetime import date

import pytest

from loaders.extract.meeting_type import extract_meeting_type, feature_type, meeting_type_features
from loaders.types import CleanDoc


def doc(title, body="", url=None):
    return CleanDoc(title=title, dateline=None, body=body, byline=None, raw=f"{title or ''}\n{body}",
                    extras={"url": url})


CUES = [
    pytest.param("Hội nghị sơ kết 6 tháng đầu năm 2023", "", "so_ket", id="mid-year-review"),
    pytest.param("Giao ban quý III năm 2021", "", "so_ket", id="quarter-is-a-mid-period"),
    pytest.param("Tổng kết công tác năm 2019", "", "tong_ket", id="year-end-review"),
    pytest.param("Hội nghị đánh giá công tác thông tin đối ngoại năm 2021", "", "tong_ket", id="assessing-a-year"),
    pytest.param("Qua 10 năm thực hiện Chỉ thị 26", "", "tong_ket_multi_year", id="ten-years-of-implementation"),
    pytest.param("Thực hiện Chiến lược phát triển thông tin đối ngoại giai đoạn 2011 - 2020", "", "tong_ket_multi_year",
                 id="implementation-over-a-multi-year-period"),
    pytest.param("Lớp bồi dưỡng kỹ năng phát ngôn", "", "tap_huan", id="capacity-building-course"),
    pytest.param("Hội nghị báo cáo viên tháng 9", "", "thong_tin_thoi_su", id="reporters-conference"),
    pytest.param(None, "Hội nghị nhằm cung cấp thông tin và định hướng cho cán bộ lãnh đạo chủ chốt.",
                 "thong_tin_thoi_su", id="information-and-orientation-for-officials"),
    pytest.param("Hội nghị thông tin, truyền thông tại các xã biên giới", "", "thong_tin_thoi_su",
                 id="an-information-conference"),
    pytest.param("Hội nghị quán triệt Nghị quyết số 12", "", "trien_khai", id="studying-a-resolution"),
    pytest.param(None, "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh vừa ban hành Kế hoạch tuyên truyền năm 2024.",
                 "trien_khai_issued", id="the-committee-issues-a-plan"),
    pytest.param("Họp Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", "", "hop", id="a-plain-meeting"),
    pytest.param("Lễ trao giải cuộc thi ảnh", "", "khac", id="contest-and-award"),
    pytest.param("Đoàn công tác làm việc tại tỉnh", "", "khac_visit", id="working-visit"),
]


@pytest.mark.parametrize("title, body, group", CUES)
def test_cue_group_is_seen(title, body, group):
    assert meeting_type_features(doc(title, body)).get(group, 0) > 0


@pytest.mark.parametrize("url, group", [
    pytest.param("https://bao.vn/tap-huan-ky-nang-cho-can-bo.html", "tap_huan", id="training-in-the-url"),
    pytest.param("https://bao.vn/so-ket-6-thang-dau-nam.html", "so_ket", id="review-in-the-url"),
    pytest.param("https://bao.vn/nhung-ket-qua-cua-cong-tac-nam-2025.html", "tong_ket", id="a-years-results-in-the-url"),
])
def test_the_url_words_name_the_event_too(url, group):
    assert meeting_type_features(doc(None, "Sáng 2/3, tỉnh tổ chức hội nghị.", url)).get(group, 0) > 0


@pytest.mark.parametrize("title, group", [
    pytest.param("Họp báo phát động cuộc thi", "hop", id="a-press-conference-is-no-plain-meeting"),
    pytest.param("Nâng cao năng lực cạnh tranh của tỉnh", "tap_huan", id="competitiveness-is-no-training"),
])
def test_cue_group_is_not_seen(title, group):
    assert meeting_type_features(doc(title)).get(group, 0) == 0


def test_the_title_names_the_event_more_surely_than_the_rest_of_the_lede():
    seen = meeting_type_features(doc("Hội nghị tập huấn", "Tiếp theo là nội dung khác. Các đại biểu sơ kết 6 tháng."))
    assert seen["tap_huan"] > seen["so_ket"]


@pytest.mark.parametrize("title, held, period, feature", [
    pytest.param("Giao ban Ban Chỉ đạo công tác thông tin đối ngoại năm 2019", date(2019, 12, 16), None,
                 "tong_ket:year_turn", id="giao-ban-on-a-year-held-in-december"),
    pytest.param("Họp Ban Chỉ đạo về công tác năm 2019", date(2020, 1, 10), None, "tong_ket:year_turn",
                 id="meeting-on-last-year-held-in-january"),
    pytest.param("Hội nghị", None, "2021", "tong_ket:annual_period", id="a-reviewed-year"),
    pytest.param("Hội nghị", None, "2022H1", "so_ket:mid_period", id="a-reviewed-half-year"),
])
def test_calendar_cues(title, held, period, feature):
    assert meeting_type_features(doc(title), held, period)[feature] == 1.0


def test_no_year_turn_for_a_meeting_held_mid_year():
    assert "tong_ket:year_turn" not in meeting_type_features(doc("Giao ban công tác năm 2019"), date(2019, 6, 5))


def test_a_review_named_in_the_title_leaves_no_plain_meeting():
    # "hop" is the residual meeting type (LABELING.md): a review named up front is not a plain meeting
    assert "hop" not in meeting_type_features(doc("Họp sơ kết 6 tháng đầu năm"))
    assert "hop" in meeting_type_features(doc("Họp Ban Chỉ đạo"))


def test_every_feature_speaks_for_a_type():
    from loaders.extract.meeting_type import FEATURES, TYPES
    assert {feature_type(f) for f in FEATURES} == set(TYPES)


TYPES = [
    pytest.param("Hội nghị sơ kết 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2023",
                 "Sáng 12/7, Ban Chỉ đạo tổ chức hội nghị sơ kết.", None, "so_ket",
                 id="mid-year-review-with-deployment"),
    pytest.param("Hội nghị tổng kết công tác thông tin đối ngoại năm 2019", "Sáng 10/1, Ban Chỉ đạo tổ chức hội nghị "
                 "tổng kết công tác năm 2019, triển khai nhiệm vụ năm 2020.", date(2020, 1, 10), "tong_ket",
                 id="year-end-review-with-deployment"),
    pytest.param("Hội nghị tập huấn công tác thông tin đối ngoại năm 2022", "Ngày 3/5, Sở tổ chức hội nghị tập huấn.",
                 None, "tap_huan", id="training"),
    pytest.param("Hội nghị thông tin tình hình thời sự năm 2018", "Ngày 6/11, Ban Tuyên giáo tổ chức hội nghị thông "
                 "tin thời sự cho báo cáo viên.", None, "thong_tin_thoi_su", id="current-affairs-briefing"),
    pytest.param("Hội nghị nghiên cứu, triển khai Kết luận số 57 của Bộ Chính trị", "Sáng 24/11, Đảng ủy Khối tổ "
                 "chức hội nghị quán triệt Kết luận số 57-KL/TW.", None, "trien_khai", id="conclusion-deployment"),
    pytest.param("Lễ trao Giải thưởng toàn quốc về thông tin đối ngoại lần thứ IX", "Tối 10/12 diễn ra lễ trao giải.",
                 None, "khac", id="award-ceremony"),
    pytest.param("Họp Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", "Sáng 6/8, Ban Chỉ đạo tổ chức họp triển khai "
                 "một số nhiệm vụ.", None, "hop", id="plain-committee-meeting"),
]


@pytest.mark.parametrize("title, body, held, expected", TYPES)
def test_meeting_type(title, body, held, expected):
    found = extract_meeting_type(doc(title, body), held)
    assert found is not None and found.value == expected
    assert 0 < found.confidence <= 1 and found.evidence


def test_meeting_type_abstains_on_an_empty_document():
    assert extract_meeting_type(doc(None, "")) is None
