"""Vietnamese numerals and the counts of a report, on short hand-written sentences."""
import unicodedata

import pytest

from loaders.extract.numbers import extract_counts
from loaders.extract.numerals import parse_vn_number
from loaders.types import CleanDoc


def doc(text: str) -> CleanDoc:
    return CleanDoc(title="Báo cáo kết quả", dateline=None, body=text, byline=None, raw=text)


@pytest.mark.parametrize("text, expected", [
    pytest.param("1.000", (1000, False), id="thousands-dot"),
    pytest.param("38.014", (38014, False), id="five-digit-thousands"),
    pytest.param("09", (9, False), id="leading-zero"),
    pytest.param("hơn 50", (50, True), id="hon-is-a-bound"),
    pytest.param("Gần 300", (300, True), id="gan-capitalised"),
    pytest.param("trên 120", (120, True), id="tren-is-a-bound"),
    pytest.param("khoảng 40", (40, True), id="khoang-is-a-bound"),
    pytest.param("một", (1, False), id="word-one"),
    pytest.param("mười", (10, False), id="word-ten"),
    pytest.param("mười lăm", (15, False), id="fifteen-lam"),
    pytest.param("hai mươi", (20, False), id="twenty"),
    pytest.param("hai mươi mốt", (21, False), id="twenty-one-mot"),
    pytest.param("ba mươi tư", (34, False), id="thirty-four-tu"),
    pytest.param("ba trăm", (300, False), id="three-hundred"),
    pytest.param("hai trăm linh năm", (205, False), id="linh-filler"),
    pytest.param("một nghìn hai trăm", (1200, False), id="thousand-nghin"),
    pytest.param("hai ngàn", (2000, False), id="thousand-ngan"),
    pytest.param("3 triệu", (3_000_000, False), id="digit-then-scale"),
    pytest.param("hàng trăm", None, id="vague-hang-tram"),
    pytest.param("nhiều", None, id="vague-nhieu"),
    pytest.param("1,5", None, id="decimal-is-not-a-count"),
    pytest.param("", None, id="empty"),
    pytest.param("tư", None, id="tu-alone-is-not-a-number"),
])
def test_parse_vn_number(text, expected):
    assert parse_vn_number(text) == expected


def values(text: str) -> dict:
    return {k: (f.value, f.approx) for k, f in extract_counts(doc(text)).items()}


@pytest.mark.parametrize("text, expected", [
    pytest.param("Năm qua, tỉnh đón tiếp 14 đoàn của các cơ quan đại diện nước ngoài đến thăm.",
                 {"delegations_in": (14, False)}, id="received-missions"),
    pytest.param("Tỉnh tổ chức đón, tiếp và làm việc với 62 đoàn/410 lượt người đến từ các nước.",
                 {"delegations_in": (62, False), "visitors_in": (410, False)}, id="slash-visitors-in"),
    pytest.param("Sở đã tổ chức đón tiếp 512 đoàn nước ngoài nghiên cứu, khảo sát.",
                 {"delegations_in": (512, False)}, id="foreign-qualifier"),
    pytest.param("Sở quản lý 140 đoàn có người nước ngoài vào hoạt động tại tỉnh.",
                 {"delegations_in": (140, False)}, id="managed-foreign-groups"),
    pytest.param("Thành phố đón 70 đoàn khách quốc tế với 540 lượt người.",
                 {"delegations_in": (70, False), "visitors_in": (540, False)}, id="with-visitors"),
    pytest.param("Tỉnh đã tiếp hơn 120 đoàn nước ngoài (khoảng 900 người).",
                 {"delegations_in": (120, True), "visitors_in": (900, True)}, id="approx-both"),
    pytest.param("Tỉnh đã cử 28 đoàn/190 lượt cán bộ, công chức đi công tác tại các nước.",
                 {"delegations_out": (28, False), "visitors_out": (190, False)}, id="slash-visitors-out"),
    pytest.param("Trong năm, tỉnh có 17 đoàn công tác, do lãnh đạo tỉnh dẫn đầu đến các nước.",
                 {"delegations_out": (17, False)}, id="led-to-other-countries"),
    pytest.param("Sở giải quyết cho 250 đoàn cán bộ của tỉnh xuất cảnh ra 19 quốc gia.",
                 {"delegations_out": (250, False)}, id="exit-permits"),
    pytest.param("Tỉnh cử ba mươi đoàn cán bộ đi công tác nước ngoài.", {"delegations_out": (30, False)},
                 id="number-words"),
    pytest.param("Tỉnh đã đón tiếp 20 đoàn khách quốc tế và cử 10 đoàn đi công tác nước ngoài.",
                 {"delegations_in": (20, False), "delegations_out": (10, False)}, id="in-and-out-in-one-sentence"),
    pytest.param("Tỉnh đã đón tiếp 09 đoàn nước ngoài.", {"delegations_in": (9, False)}, id="leading-zero"),
    pytest.param("Tỉnh đã đón tiếp 1.200 đoàn khách quốc tế.", {"delegations_in": (1200, False)}, id="thousands"),
    pytest.param("Tỉnh đón, tiếp 230 đoàn/1.527 lượt người nước ngoài.",
                 {"delegations_in": (230, False), "visitors_in": (1527, False)}, id="thousands-visitors"),
    pytest.param("Năm qua, huyện đón 12 đoàn với 95 lượt khách của các tỉnh Nam Lào đến thăm.",
                 {"delegations_in": (12, False), "visitors_in": (95, False)}, id="provinces-of-a-foreign-region"),
    pytest.param("Tỉnh tiếp 6 đoàn của các tỉnh Quảng Tây (Trung Quốc) sang trao đổi kinh nghiệm.",
                 {"delegations_in": (6, False)}, id="foreign-province-with-country-in-brackets"),
    pytest.param("Tỉnh cử 7 đoàn/52 lượt cán bộ sang làm việc tại tỉnh Chăm-pa-xắc (Lào).",
                 {"delegations_out": (7, False), "visitors_out": (52, False)}, id="sent-to-foreign-province"),
    pytest.param("Năm 2023, 4 đoàn lãnh đạo tỉnh đi Nhật Bản, Hàn Quốc xúc tiến đầu tư.",
                 {"delegations_out": (4, False)}, id="sent-to-named-countries"),
    pytest.param("Tỉnh đón 5 đoàn Nhật Bản sang thăm các khu công nghiệp.",
                 {"delegations_in": (5, False)}, id="country-before-movement-is-an-origin"),
    # sending is also permitting: "cho phép", "cấp phép", "phê duyệt", "giải quyết cho" ... abroad
    pytest.param("Sáu tháng qua, tỉnh cho phép 300 đoàn với 1.270 lượt người của các sở, ngành đi nước ngoài.",
                 {"delegations_out": (300, False), "visitors_out": (1270, False)}, id="permitted-to-go-abroad"),
    pytest.param("Năm 2022, Sở cấp phép cho 20 đoàn cán bộ ra nước ngoài công tác.", {"delegations_out": (20, False)},
                 id="licensed-to-go-abroad"),
    pytest.param("Trong năm, UBND tỉnh phê duyệt 45 đoàn đi công tác nước ngoài.", {"delegations_out": (45, False)},
                 id="approved-trips-abroad"),
    pytest.param("Năm qua, tỉnh tổ chức 59 đoàn cán bộ, doanh nghiệp đi nước ngoài xúc tiến thương mại.",
                 {"delegations_out": (59, False)}, id="organised-trips-abroad"),
    # receiving is also taking in and managing foreign groups that enter the province
    pytest.param("Năm qua, tỉnh đón tiếp 14 đoàn quốc tế.", {"delegations_in": (14, False)}, id="international-qualifier"),
    pytest.param("Năm 2021, Sở tiếp nhận 30 đoàn khách nước ngoài vào làm việc tại tỉnh.", {"delegations_in": (30, False)},
                 id="taken-in-to-work"),
    pytest.param("Trong 6 tháng, công an tỉnh quản lý 18 đoàn người nước ngoài vào công tác.",
                 {"delegations_in": (18, False)}, id="managed-entering-groups"),
])
def test_delegation_counts(text, expected):
    got = {k: v for k, v in values(text).items() if k.startswith(("delegations", "visitors"))}
    assert got == expected


@pytest.mark.parametrize("text", [
    pytest.param("Năm qua, tỉnh đã tiếp đón hàng trăm đoàn khách nước ngoài.", id="vague-hundreds"),
    pytest.param("Hội nghị được truyền hình trực tuyến đến 40 điểm cầu.", id="video-link-points"),
    pytest.param("Tham dự có đại biểu của 20 Ban Chỉ đạo các tỉnh.", id="committees"),
    pytest.param("Ban tổ chức nhận được 850 tác phẩm bằng 12 ngôn ngữ.", id="entries-languages"),
    pytest.param("Trang thông tin có 312.400 lượt truy cập.", id="website-visits"),
    pytest.param("Lượng khách du lịch đạt trên 2 triệu lượt khách.", id="tourists"),
    pytest.param("Thành phố gặp mặt 28 đại sứ, trưởng phái đoàn đại diện.", id="ambassadors"),
    pytest.param("Tỉnh phối hợp tổ chức 3 hội nghị, hội thảo quốc tế.", id="conferences"),
    pytest.param("Sở đã cử 5 đoàn cán bộ tham gia tập huấn tại Hà Nội.", id="domestic-training-trip"),
    pytest.param("Tỉnh đón 3 đoàn kiểm tra của Trung ương.", id="domestic-inspection"),
    pytest.param("Hội nghị lần thứ 4 có 6 đoàn thể chính trị - xã hội tham gia.", id="mass-organisations"),
    pytest.param("Tỷ lệ đạt 95%, tổng vốn 120 tỷ đồng.", id="percent-money"),
    pytest.param("Tỉnh đón 9 đoàn của các tỉnh bạn đến học tập kinh nghiệm.", id="domestic-provinces"),
    pytest.param("Cử 3 đoàn đi học tập kinh nghiệm tại các tỉnh phía Nam.", id="sent-within-the-country"),
    pytest.param("Tỉnh đón 2 triệu lượt khách quốc tế đến tham quan.", id="tourists-sightseeing"),
    pytest.param("Ngành du lịch đón 45.000 lượt khách quốc tế đến làm việc và nghỉ dưỡng.", id="tourism-sector"),
    pytest.param("Tỉnh có 800 lượt khách quốc tế đến làm việc.", id="visitors-without-reception-verb"),
    pytest.param("Sở hướng dẫn 20 lượt phóng viên nước ngoài tác nghiệp.", id="journalists-are-not-visitors"),
    pytest.param("Thành phố đón 600 lượt khách nước ngoài đến thăm quan phố cổ.", id="tham-quan-is-sightseeing"),
    # teams, troupes, contingents and groups: "đoàn" that are no delegations
    pytest.param("Năm nay có 32 đoàn đến từ 20 quốc gia tham gia hội thi hợp xướng quốc tế.", id="choirs-in-a-contest"),
    pytest.param("Giải đã thu hút 15 đoàn vận động viên đến từ các nước tham dự.", id="sports-teams"),
    pytest.param("Tỉnh đã đón 4 đoàn nghệ thuật quốc tế biểu diễn tại lễ hội.", id="art-troupes"),
    pytest.param("Hôm qua, 2 đoàn khách nước ngoài phải nhập viện do ngộ độc thực phẩm.", id="a-group-taken-ill"),
    pytest.param("Bộ đã đón tiếp và làm việc với hơn 50 đoàn thanh tra của các nước nhập khẩu.",
                 id="foreign-inspection-teams"),
    pytest.param("Năm qua, thành phố đón 3.000 đoàn khách du lịch quốc tế.", id="tourist-parties"),
    pytest.param("Trung bình mỗi năm, thành phố đón 200 đoàn khách quốc tế.", id="a-yearly-average"),
])
def test_not_delegations(text):
    assert not {k for k in values(text) if k.startswith(("delegations", "visitors"))}


@pytest.mark.parametrize("text, expected", [
    pytest.param("Các sở đã tiếp 860 lượt khách nước ngoài đến làm việc.", (860, False), id="received-for-work"),
    pytest.param("Thành phố đón hơn 300 lượt người nước ngoài đến thăm, làm việc.", (300, True),
                 id="received-approx"),
    pytest.param("Năm qua, tỉnh đón tiếp 1.250 lượt khách quốc tế đến thăm và làm việc; ngành du lịch đón "
                 "3 triệu lượt khách.", (1250, False), id="official-guests-beside-tourists"),
])
def test_visitors_without_delegation_count(text, expected):
    got = values(text)
    assert got.get("visitors_in") == expected
    assert "delegations_in" not in got


@pytest.mark.parametrize("text, field, expected", [
    pytest.param("Hội nghị có gần 300 đại biểu tham dự.", "attendees", (300, True), id="attendees-approx"),
    pytest.param("Tham gia lớp tập huấn có 100 học viên.", "attendees", (100, False), id="trainees"),
    pytest.param("Hội nghị có sự tham gia của hơn 1.000 đại biểu.", "attendees", (1000, True), id="thousand-attendees"),
    pytest.param("Tỉnh đã thu hút 09 dự án đầu tư nước ngoài.", "fdi_projects", (9, False), id="fdi-projects"),
    pytest.param("Vốn đầu tư trực tiếp nước ngoài (FDI) vào tỉnh đạt 540 dự án.", "fdi_projects", (540, False),
                 id="fdi-sentence"),
])
def test_other_counts(text, field, expected):
    got = values(text)
    assert got.get(field) == expected
    assert not {k for k in got if k.startswith("delegations")}


def test_a_count_needs_a_reporting_statement():
    # "in a reporting period": a period, a running total or a past tense around it
    plain = CleanDoc(title="Tin tức", dateline=None, body="Tỉnh đón 5 đoàn Nhật Bản.", byline=None, raw="")
    dated = CleanDoc(title="Tin tức", dateline=None, body="Năm 2023, tỉnh đón 5 đoàn Nhật Bản.", byline=None, raw="")
    assert "delegations_in" not in extract_counts(plain)
    assert extract_counts(dated)["delegations_in"].value == 5


def test_counts_in_a_results_paragraph_that_also_names_attendees_and_projects():
    text = ("Năm qua, tỉnh đã đón tiếp 45 đoàn khách quốc tế với 320 lượt người, cử 12 đoàn đi công tác nước ngoài, "
            "thu hút 9 dự án đầu tư nước ngoài. Hội nghị có 200 đại biểu tham dự.")
    assert values(text) == {"delegations_in": (45, False), "visitors_in": (320, False),
                            "delegations_out": (12, False), "fdi_projects": (9, False), "attendees": (200, False)}


def test_nfd_input_and_evidence():
    text = unicodedata.normalize("NFD", "Năm qua, tỉnh đã đón tiếp 14 đoàn khách quốc tế đến thăm; cử 6 đoàn đi nước ngoài.")
    counts = extract_counts(doc(text))
    assert counts["delegations_in"].value == 14
    assert counts["delegations_out"].value == 6
    assert "14 đoàn" in counts["delegations_in"].evidence
    assert "6 đoàn" in counts["delegations_out"].evidence


def test_evidence_not_cut_after_city_abbreviation():
    text = "Năm qua, TP. Cần Thơ đã đón tiếp 40 đoàn khách quốc tế đến thăm."
    assert extract_counts(doc(text))["delegations_in"].evidence.startswith("Năm qua, TP. Cần Thơ")
