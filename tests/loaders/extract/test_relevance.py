"""Relevance: each cue on the general pattern it stands for, and the fitted model on short articles.

The cue tables show what a cue family sees (and what it must not see) in sentences written for
these tests; the decision tables check the model with its shipped weights on short articles of
each kind LABELING.md names, clear cases only (close calls are the model's to weigh).
"""
import pytest

from loaders.extract import relevance
from loaders.extract.relevance import extract_relevance, relevance_features
from loaders.types import CleanDoc


def doc(title, body="", url=None, extras=None):
    return CleanDoc(title=title, dateline=None, body=body, byline=None, raw=f"{title or ''}\n{body}",
                    extras={"url": url, **(extras or {})})


FAMILY_SEEN = [
    # the committee acting, whatever the event
    pytest.param(None, "Sáng 12/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết.",
                 "committee", id="committee-organises"),
    pytest.param(None, "Năm qua, Ban Chỉ đạo công tác thông tin đối ngoại thành phố đã kịp thời định hướng báo chí.",
                 "committee", id="committee-as-subject-of-what-was-done"),
    pytest.param(None, "Trưởng Ban Chỉ đạo công tác thông tin đối ngoại có buổi gặp mặt các trưởng cơ quan đại diện.",
                 "committee", id="committee-head-meets"),
    pytest.param(None, "Thường trực Ban Chỉ đạo công tác thông tin đối ngoại tỉnh vừa ban hành Hướng dẫn tuyên truyền.",
                 "committee", id="committee-issues-its-own-guideline"),
    # an event on TTĐN
    pytest.param("Bồi dưỡng nghiệp vụ", "Sở Thông tin và Truyền thông tổ chức lớp bồi dưỡng nghiệp vụ thông tin đối "
                 "ngoại cho cán bộ các sở, ngành.", "event_on_ttdn", id="training-on-ttdn-by-another-body"),
    pytest.param(None, "Sáng 24/11, Đảng ủy Khối tổ chức phổ biến, quán triệt Kết luận số 57-KL/TW của Bộ Chính trị "
                 "về công tác thông tin đối ngoại trong tình hình mới.", "event_on_ttdn",
                 id="dissemination-of-a-document-on-ttdn"),
    pytest.param(None, "Phát biểu chỉ đạo, Thủ tướng nhấn mạnh công tác thông tin đối ngoại có vai trò quan trọng.",
                 "event_on_ttdn", id="a-directing-speech-is-given-at-an-event"),
    pytest.param(None, "Sở Ngoại vụ tổ chức hội nghị tập huấn về xây dựng hình ảnh tỉnh trên môi trường quốc tế.",
                 "event_on_ttdn", id="training-on-promoting-the-image-abroad"),
    pytest.param("Trao giải báo chí", "Tối 10/12 diễn ra Lễ trao Giải thưởng toàn quốc về thông tin đối ngoại.",
                 "event_on_ttdn", id="national-award"),
    # results of TTĐN work
    pytest.param("Kết quả công tác thông tin đối ngoại năm 2018", "Năm 2018, các ngành bám sát nhiệm vụ được giao.",
                 "period_results", id="results-of-a-named-year"),
    pytest.param("Công tác thông tin đối ngoại đạt nhiều kết quả tích cực", "", "results",
                 id="results-without-a-period"),
    # near-topic pages
    pytest.param(None, "UBND tỉnh vừa ban hành Kế hoạch số 12/KH-UBND về công tác thông tin đối ngoại năm 2024.",
                 "document", id="peoples-committee-plan"),
    pytest.param(None, "Ngày 22-11, Huyện ủy có Kế hoạch số 242-KH/HU về tổ chức các hoạt động thông tin đối ngoại.",
                 "document", id="district-party-committee-plan"),
    pytest.param(None, "Điều 1. Phê duyệt Chương trình hành động về thông tin đối ngoại của tỉnh.", "document",
                 id="article-of-a-legal-document"),
    pytest.param(None, "Huyện ủy vừa ban hành Quyết định kiện toàn Ban Chỉ đạo công tác thông tin đối ngoại huyện.",
                 "document", id="decision-re-forming-the-committee"),
    pytest.param("Đoàn đại biểu tỉnh Savannakhet thăm tỉnh", "Đoàn đại biểu tỉnh Savannakhet (Lào) thăm và làm việc "
                 "tại tỉnh, trao đổi kinh nghiệm công tác đối ngoại.", "foreign_affairs",
                 id="one-foreign-delegations-visit"),
    pytest.param(None, "Liên hiệp các tổ chức hữu nghị tỉnh tổ chức hội nghị tổng kết công tác đối ngoại nhân dân.",
                 "foreign_affairs", id="people-to-people-diplomacy-event"),
    pytest.param(None, "Sở Thông tin và Truyền thông và Bộ đội Biên phòng tổ chức lễ ký kết chương trình phối hợp "
                 "tuyên truyền đối ngoại.", "foreign_affairs", id="coordination-signing"),
    pytest.param("Bàn về thông tin đối ngoại", "PGS. TS. Nguyễn Văn An\nMột là, cần đổi mới tư duy.", "essay",
                 id="essay-author-line-and-enumerated-points"),
]


@pytest.mark.parametrize("title, body, family", FAMILY_SEEN)
def test_cue_family_is_seen(title, body, family):
    assert relevance_features(doc(title, body)).get(family, 0) > 0


FAMILY_NOT_SEEN = [
    pytest.param(None, "Huyện ủy đề nghị các đơn vị tiếp tục tổ chức quán triệt Kết luận số 16-KL/TW về thông tin "
                 "đối ngoại.", "event_on_ttdn", id="a-plan-asking-for-a-dissemination-is-no-event"),
    pytest.param(None, "Năm qua, thành phố đã đón tiếp 45 đoàn khách quốc tế đến thăm và làm việc.", "foreign_affairs",
                 id="counted-receptions-are-statistics-not-a-visit"),
    pytest.param(None, "Hoạt động ngoại giao Nhà nước, đối ngoại của Đảng và đối ngoại nhân dân được phối hợp chặt "
                 "chẽ.", "foreign_affairs", id="the-three-pillars-formula-is-no-people-diplomacy-event"),
    pytest.param("Kế hoạch hoạt động thông tin đối ngoại năm 2021",
                 "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh vừa ban hành Kế hoạch hoạt động thông tin đối ngoại "
                 "năm 2021.", "document", id="the-committees-own-plan-is-its-activity"),
    pytest.param("Tổng kết công tác", "Phát biểu tại hội nghị, đồng chí Bí thư nêu: một là, cần đổi mới.", "essay",
                 id="an-enumeration-inside-a-quoted-speech"),
    pytest.param("Công tác thông tin đối ngoại năm 2020", "Huyện tổ chức các hoạt động thông tin đối ngoại năm 2020.",
                 "period_results", id="a-year-named-without-results"),
]


@pytest.mark.parametrize("title, body, family", FAMILY_NOT_SEEN)
def test_cue_family_is_not_seen(title, body, family):
    assert relevance_features(doc(title, body)).get(family, 0) == 0


def test_a_page_that_never_names_the_topic_has_only_page_cues():
    # every sign of a report needs the words of external information; a general-news page is read no further
    page = doc("Đội tuyển bóng bàn giành huy chương", "Đoàn vận động viên tỉnh thăm và làm việc tại Lào.",
               url="https://bao.vn/tag/the-thao")
    assert relevance_features(page) == {"listing_url": 1.0}


def test_a_cue_deep_in_the_body_counts_less_than_in_the_lede():
    filler = "Các đại biểu thảo luận nhiều nội dung quan trọng của địa phương trong thời gian tới. " * 12
    lede = relevance_features(doc(None, "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị."))
    deep = relevance_features(doc(None, filler + "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị."))
    assert deep["committee"] == relevance.BODY_FACTOR < lede["committee"] == relevance.HEAD_FACTOR


def test_density_counts_ttdn_mentions_up_to_a_cap():
    once = relevance_features(doc(None, "Bàn về thông tin đối ngoại."))["ttdn_density"]
    often = relevance_features(doc(None, "thông tin đối ngoại. " * 20))["ttdn_density"]
    assert 0 < once < often == 1.0


REPORTS = [
    pytest.param("Sơ kết công tác thông tin đối ngoại 6 tháng đầu năm 2023",
                 "Sáng 12/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết công tác thông tin "
                 "đối ngoại 6 tháng đầu năm. Đồng chí Trưởng ban chủ trì hội nghị.", id="steering-committee-review"),
    pytest.param("Tập huấn công tác thông tin đối ngoại năm 2022",
                 "Ngày 3/5, Sở Thông tin và Truyền thông tổ chức hội nghị tập huấn công tác thông tin đối ngoại cho "
                 "cán bộ các sở, ngành. Hơn 100 học viên tham dự lớp tập huấn.", id="training-by-another-body"),
    pytest.param("Kết quả công tác thông tin đối ngoại năm 2020",
                 "Năm 2020, công tác thông tin đối ngoại của tỉnh đạt nhiều kết quả. Ban Chỉ đạo công tác thông tin "
                 "đối ngoại tỉnh đã kịp thời định hướng thông tin.", id="written-results-report-without-a-meeting"),
    pytest.param("Tập huấn kỹ năng thông tin đối ngoại trên mạng xã hội",
                 "Ngày 12/9, Trung tâm Công nghệ thông tin và Truyền thông tỉnh tổ chức lớp tập huấn kỹ năng thông tin "
                 "đối ngoại trên mạng xã hội cho cán bộ các sở, ngành.", id="training-by-a-provincial-it-centre"),
    pytest.param(None, "Tại hội nghị, các đại biểu thảo luận về kết quả công tác thông tin đối ngoại 6 tháng đầu năm "
                 "2023. Ban Chỉ đạo công tác thông tin đối ngoại tỉnh đã chủ động định hướng báo chí, cung cấp thông "
                 "tin cho phóng viên nước ngoài.", id="an-excerpt-starting-mid-article"),
    pytest.param("Hội nghị quán triệt Kết luận số 57-KL/TW",
                 "Sáng 24/11, Đảng ủy Khối tổ chức hội nghị phổ biến, quán triệt Kết luận số 57-KL/TW của Bộ Chính "
                 "trị về tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại.",
                 id="dissemination-of-the-politburo-conclusion"),
]
NOT_REPORTS = [
    pytest.param("Kế hoạch công tác năm 2024",
                 "UBND tỉnh vừa ban hành Kế hoạch số 12/KH-UBND về công tác thông tin đối ngoại năm 2024.",
                 id="plan-issued-by-peoples-committee"),
    pytest.param("Đoàn đại biểu tỉnh Savannakhet thăm tỉnh",
                 "Chiều 5/3, đoàn đại biểu tỉnh Savannakhet (Lào) thăm và làm việc tại tỉnh. Hai bên hội đàm về hợp "
                 "tác kinh tế.", id="foreign-delegation-visit"),
    pytest.param("Tổng kết công tác đối ngoại nhân dân năm 2022",
                 "Liên hiệp các tổ chức hữu nghị tỉnh tổ chức hội nghị tổng kết công tác đối ngoại nhân dân năm 2022.",
                 id="people-to-people-diplomacy-review"),
    pytest.param("Giá vàng hôm nay", "Giá vàng trong nước tăng nhẹ trong phiên sáng nay.", id="unrelated-news"),
]


@pytest.mark.parametrize("title, body", REPORTS)
def test_reports_are_relevant(title, body):
    found = extract_relevance(doc(title, body))
    assert found.value is True and 0.5 <= found.confidence <= 1 and found.evidence


@pytest.mark.parametrize("title, body", NOT_REPORTS)
def test_near_topic_pages_are_not_relevant(title, body):
    found = extract_relevance(doc(title, body))
    assert found.value is False and 0.5 <= found.confidence <= 1 and found.evidence


ENGLISH_BODY = ("The Central Steering Committee for External Information held the award ceremony in Hanoi on "
                "Friday evening, honouring journalists, authors and photographers whose works introduced the "
                "country to readers abroad. More than one thousand entries in fifteen languages competed this "
                "year, the organisers said, and the jury selected the winners after two rounds.")


@pytest.mark.parametrize("page, rule", [
    pytest.param(doc("National external information awards ceremony", ENGLISH_BODY,
                     "https://bao.vn/en/giai-thuong-toan-quoc-ve-thong-tin-doi-ngoai-2024.html"), "foreign_language",
                 id="foreign-language-page-whatever-its-url"),
    pytest.param(doc("Thẻ: thông tin đối ngoại",
                     "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết\n12/07/2023",
                     extras={"listing_page": True, "listing_reason": "tag label and dated teasers"}), "listing_page",
                 id="a-tag-page-whose-teasers-name-a-review"),
])
def test_pages_that_are_no_report_by_definition(page, rule):
    found = extract_relevance(page)
    assert found.value is False and found.rule == rule and found.confidence is None


def test_relevance_of_an_empty_document_is_a_negative_found():
    assert extract_relevance(doc(None, "")).value is False
