"""Relevance and meeting type on short sentences written for these tests."""
import pytest

from loaders.extract.meeting_type import extract_meeting_type
from loaders.extract.relevance import extract_relevance
from loaders.types import CleanDoc


def doc(title, body="", url=None):
    return CleanDoc(title=title, dateline=None, body=body, byline=None, raw=f"{title or ''}\n{body}",
                    extras={"url": url})


RELEVANCE = [
    pytest.param("Sơ kết công tác thông tin đối ngoại 6 tháng đầu năm 2023",
                 "Sáng 12/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết.", True,
                 id="steering-committee-review"),
    pytest.param("Bồi dưỡng nghiệp vụ cho cán bộ",
                 "Ngày 3/5, Sở Thông tin và Truyền thông tổ chức lớp bồi dưỡng nghiệp vụ thông tin đối ngoại "
                 "cho cán bộ các sở, ngành.", True, id="training-on-ttdn-in-lede"),
    pytest.param("TẬP HUẤN THÔNG TIN ĐỐI NGOẠI NĂM 2020", "Hơn 100 học viên tham dự.", True,
                 id="upper-case-title"),
    pytest.param("Trao giải báo chí", "Tối 10/12, tại Hà Nội diễn ra Lễ trao Giải thưởng toàn quốc về thông tin "
                 "đối ngoại lần thứ X.", True, id="national-award-ceremony"),
    pytest.param(None, "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh ban hành Kế hoạch hoạt động năm 2024.", True,
                 id="plan-issued-by-the-steering-committee"),
    pytest.param("Kết quả công tác thông tin đối ngoại năm 2020",
                 "Năm 2020, các ngành đã bám sát nhiệm vụ được giao.", True, id="written-results-report"),
    pytest.param("Kế hoạch công tác năm 2024",
                 "UBND tỉnh vừa ban hành Kế hoạch số 12/KH-UBND về công tác thông tin đối ngoại năm 2024.", False,
                 id="plan-issued-by-peoples-committee"),
    pytest.param("Tổng kết công tác năm 2022",
                 "Liên hiệp các tổ chức hữu nghị tỉnh tổ chức hội nghị tổng kết công tác đối ngoại nhân dân năm "
                 "2022.", False, id="people-to-people-diplomacy"),
    pytest.param("Đoàn đại biểu tỉnh Savannakhet thăm tỉnh",
                 "Đoàn đại biểu tỉnh Savannakhet (Lào) thăm và làm việc tại tỉnh.", False,
                 id="foreign-delegation-visit"),
    pytest.param("Nâng cao hiệu quả công tác thông tin đối ngoại",
                 "PGS. TS. Nguyễn Văn An\nMột là, Ban Chỉ đạo công tác thông tin đối ngoại đã tổ chức nhiều hội nghị.",
                 False, id="opinion-piece-with-author-line"),
    pytest.param("Kỷ niệm 15 năm thành lập Sở Ngoại vụ",
                 "Sáng 5/3, Sở Ngoại vụ tổ chức lễ kỷ niệm 15 năm ngày thành lập.", False,
                 id="foreign-affairs-department-anniversary"),
    pytest.param("Ký kết chương trình phối hợp",
                 "Sở Thông tin và Truyền thông và Bộ đội Biên phòng tỉnh tổ chức lễ ký kết chương trình phối hợp.",
                 False, id="coordination-programme-signing"),
    pytest.param("Hội nghị báo cáo viên tháng 9",
                 "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên, thông tin tình hình Biển Đông.", False,
                 id="current-affairs-briefing-not-framed-as-ttdn"),
    pytest.param("Tập huấn nghiệp vụ đối ngoại",
                 "Ban Đối ngoại Trung ương tổ chức tập huấn nghiệp vụ đối ngoại Đảng cho các tỉnh ủy.", False,
                 id="party-external-affairs-training"),
    pytest.param("Kế hoạch thông tin đối ngoại năm 2025",
                 "Căn cứ Hướng dẫn của Ban Chỉ đạo công tác thông tin đối ngoại tỉnh, UBND huyện ban hành Kế hoạch "
                 "thực hiện năm 2025.", False, id="committee-cited-in-preamble-of-another-bodys-plan"),
    pytest.param(None, "Thường trực Ban Chỉ đạo công tác thông tin đối ngoại tỉnh vừa ban hành Hướng dẫn tuyên "
                 "truyền năm 2025.", True, id="guideline-issued-by-the-committee-itself"),
    pytest.param("Thành lập Ban Chỉ đạo công tác thông tin đối ngoại huyện",
                 "Huyện ủy vừa ban hành Quyết định thành lập Ban Chỉ đạo công tác thông tin đối ngoại huyện gồm 12 "
                 "thành viên.", False, id="decision-establishing-the-committee"),
    pytest.param("Họp Ban Chỉ đạo sau kiện toàn",
                 "Sáng 5/4, Ban Chỉ đạo tỉnh tổ chức hội nghị công bố quyết định kiện toàn Ban Chỉ đạo công tác "
                 "thông tin đối ngoại và triển khai nhiệm vụ năm 2024.", True,
                 id="meeting-that-announces-a-re-formation"),
    pytest.param("Kết quả công tác thông tin đối ngoại năm 2022",
                 "Năm qua, thành phố đã đón tiếp 45 đoàn khách quốc tế, các đoàn đại sứ đến thăm và làm việc.", True,
                 id="counted-receptions-in-a-results-report"),
    pytest.param("Triển lãm tư liệu về chủ quyền biển, đảo",
                 "Ngày 2/9, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh khai mạc triển lãm bản đồ và tư liệu.", True,
                 id="exhibition-opened-by-the-steering-committee-is-its-activity"),
]


@pytest.mark.parametrize("title, body, expected", RELEVANCE)
def test_relevance(title, body, expected):
    found = extract_relevance(doc(title, body))
    assert found.value is expected
    assert found.evidence  # the deciding sentence is always shown


ENGLISH_BODY = ("The Central Steering Committee for External Information held the award ceremony in Hanoi on "
                "Friday evening, honouring journalists, authors and photographers whose works introduced the "
                "country to readers abroad. More than one thousand entries in fifteen languages competed this "
                "year, the organisers said, and the jury selected the winners after two rounds.")


@pytest.mark.parametrize("url, expected", [
    pytest.param("https://bao.vn/giai-thuong-toan-quoc-ve-thong-tin-doi-ngoai-2024.html", True,
                 id="vietnamese-url-slug-names-the-award"),
])
def test_url_slug_is_weak_title_evidence(url, expected):
    assert extract_relevance(doc(None, "Phát biểu tại buổi lễ, Thủ tướng nhấn mạnh vai trò của báo chí.", url)).value \
        is expected


def test_foreign_language_page_is_not_relevant_even_with_a_telling_url():
    url = "https://bao.vn/en/giai-thuong-toan-quoc-ve-thong-tin-doi-ngoai-2024.html"
    assert extract_relevance(doc("National external information awards ceremony", ENGLISH_BODY, url)).value is False


def test_relevance_of_empty_document_is_a_negative_found():
    found = extract_relevance(doc(None, ""))
    assert found.value is False


TYPES = [
    pytest.param("Hội nghị sơ kết 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2023", "", "so_ket",
                 id="mid-year-review-with-deployment"),
    pytest.param("Ban Chỉ đạo giao ban 6 tháng đầu năm 2021", "", "so_ket", id="six-month-giao-ban"),
    pytest.param("Họp Ban Chỉ đạo công tác thông tin đối ngoại tỉnh",
                 "Sáng 18-7, ông Lê Văn Tâm chủ trì họp Ban Chỉ đạo về kết quả hoạt động 6 tháng đầu năm 2022.",
                 "so_ket", id="plain-meeting-title-but-lede-reviews-six-months"),
    pytest.param("Triển khai công tác thông tin đối ngoại linh hoạt, hiệu quả",
                 "Sáng 15/3, Ban Chỉ đạo tổ chức Hội nghị đánh giá công tác thông tin đối ngoại năm 2021, triển "
                 "khai nhiệm vụ năm 2022.", "tong_ket", id="year-review-named-in-lede-not-title"),
    pytest.param("Hội nghị tổng kết công tác thông tin đối ngoại năm 2019", "", "tong_ket", id="year-end-review"),
    pytest.param("Hội nghị tập huấn công tác thông tin đối ngoại năm 2022", "", "tap_huan", id="training"),
    pytest.param(None, "Sở Thông tin và Truyền thông tổ chức lớp bồi dưỡng kỹ năng thông tin đối ngoại.", "tap_huan",
                 id="course-in-lede"),
    pytest.param("Hội nghị thông tin tình hình thời sự và hoạt động đối ngoại năm 2018", "", "thong_tin_thoi_su",
                 id="current-affairs-briefing"),
    pytest.param("Giao ban Ban Chỉ đạo công tác thông tin đối ngoại các tỉnh phía Bắc", "", "hop",
                 id="giao-ban-without-period"),
    pytest.param("Hội nghị nghiên cứu, triển khai Kết luận số 57 của Bộ Chính trị", "", "trien_khai",
                 id="conclusion-deployment"),
    pytest.param("Lễ trao Giải thưởng toàn quốc về thông tin đối ngoại lần thứ IX", "", "khac", id="award-ceremony"),
    pytest.param("Cục Thông tin đối ngoại làm việc tại tỉnh", "", "khac", id="working-visit"),
    pytest.param("Hội thảo khoa học về thông tin đối ngoại trong kỷ nguyên số", "", "khac", id="scientific-workshop"),
    pytest.param("Tập huấn và tọa đàm về thông tin đối ngoại", "", "tap_huan", id="strong-cue-beats-weak-cue"),
    pytest.param(None, "Ban Chỉ đạo công tác thông tin đối ngoại thành phố ban hành Kế hoạch tuyên truyền kỷ niệm "
                 "50 năm.", "trien_khai", id="plan-issued-by-the-committee-without-a-meeting"),
    pytest.param("Hướng dẫn công tác thông tin đối ngoại năm 2024",
                 "Ngày 5/1, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh ban hành Hướng dẫn số 01-HD/BCĐ.",
                 "trien_khai", id="guideline-named-in-the-issue-sentence"),
    pytest.param("Tin hoạt động", "Sáng 10/1, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị tổng "
                 "kết năm 2023 và ban hành Kế hoạch năm 2024.", "tong_ket", id="meeting-noun-beats-an-issued-plan"),
]


@pytest.mark.parametrize("title, body, expected", TYPES)
def test_meeting_type(title, body, expected):
    found = extract_meeting_type(doc(title, body))
    assert found is not None and found.value == expected


def test_meeting_type_of_an_unnamed_relevant_event_is_the_residual_class():
    found = extract_meeting_type(doc("Thông tin đối ngoại năm nay", "Bài viết điểm lại vai trò của báo chí."))
    assert found.value == "khac"
    assert found.evidence == "Thông tin đối ngoại năm nay"


def test_meeting_type_abstains_on_an_empty_document():
    assert extract_meeting_type(doc(None, "")) is None


def test_listing_page_flagged_by_the_cleaner_is_not_a_report():
    # a tag page's teasers can name a steering-committee review; the page itself reports nothing
    page = CleanDoc(title="Thẻ: thông tin đối ngoại",
                    dateline=None,
                    body="Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết\n12/07/2023",
                    byline=None, raw="", extras={"listing_page": True, "listing_reason": "tag label and dated teasers"})
    found = extract_relevance(page)
    assert found.value is False and "tag label" in found.evidence
