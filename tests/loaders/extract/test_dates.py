"""Datelines, meeting dates and reporting periods on short hand-written pages.

Every page here is invented for the test; each case says which reading rule it pins.
"""
import unicodedata
from datetime import date

import pytest

from loaders.extract.dates import extract_meeting_date, extract_period, extract_published
from loaders.types import CleanDoc


def page(raw: str, extras: dict | None = None, header: str = "") -> CleanDoc:
    """A CleanDoc the way a minimal cleaner builds it: first line title, the rest body."""
    lines = [ln for ln in raw.split("\n") if ln.strip()]
    return CleanDoc(title=lines[0] if lines else None, dateline=None, body="\n".join(lines[1:]),
                    byline=None, raw=raw, header=header, extras=extras or {})


EVENT = "Sáng 3/5, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị giao ban."


@pytest.mark.parametrize("raw, expected", [
    pytest.param(f"10:15, 03/05/2021\nTiêu đề bài viết về giao ban\n{EVENT}", date(2021, 5, 3), id="time-comma-date"),
    pytest.param(f"Tiêu đề bài viết\n03/05/2021 10:15 GMT+7\n{EVENT}", date(2021, 5, 3), id="date-time-gmt"),
    pytest.param(f"Tiêu đề\nThứ Hai 03/05/2021 , 10:15 (GMT+7)\n{EVENT}", date(2021, 5, 3), id="weekday-date-time"),
    pytest.param(f"Tiêu đề bài\n03-05-2021, 10:15\n{EVENT}", date(2021, 5, 3), id="dashed-date-time"),
    pytest.param(f"Tiêu đề bài\nCập nhật ngày: 03/05/2021 - 10:15\n{EVENT}", date(2021, 5, 3), id="labelled-update"),
    pytest.param(f"Tiêu đề bài\n03/05/2021 10h15\n{EVENT}", date(2021, 5, 3), id="hour-h-minutes"),
    pytest.param(f"Tiêu đề bài\n2021-05-03 10:15:00\n{EVENT}", date(2021, 5, 3), id="iso-date-time-line"),
    pytest.param(f"Tiêu đề bài\nNgày đăng: 03/05/2021\n{EVENT}", date(2021, 5, 3), id="labelled-date-only"),
    pytest.param(f"Tiêu đề bài\ncms-publish-date 03/05/2021 | 10:15 | cms-view-count: 12\n{EVENT}",
                 date(2021, 5, 3), id="cms-publish-date"),
    pytest.param(f"Tiêu đề bài\n(5/3/2021 9:05:10 AM)\n{EVENT}", date(2021, 5, 3), id="month-day-year-with-AM"),
    pytest.param("Tiêu đề bài\n(5/13/2021 9:05:10 PM)\nSáng 13/5, Sở tổ chức hội nghị.",
                 date(2021, 5, 13), id="month-day-year-second-over-12"),
    pytest.param(f"Thứ Ba, 18/05/2021 - 10:21 AM\nTiêu đề bài\n{EVENT}", date(2021, 5, 18),
                 id="day-over-12-with-AM-is-day-month-year"),
    pytest.param(f"Thứ Ba, 04/05/2021 - 10:21\nTiêu đề bài\n{EVENT}", date(2021, 5, 4),
                 id="weekday-date-dash-time"),
    pytest.param(f"Thứ Tư, 05/05/2021 - 08:30 Giao ban công tác tháng 5\n{EVENT}", date(2021, 5, 5),
                 id="dateline-glued-to-headline"),
    pytest.param(f"Giao ban thông tin đối ngoại (10:15 03/05/2021)\n{EVENT}", date(2021, 5, 3), id="clock-in-title"),
    pytest.param(f"Cổng thông tin\nThời gian: 03/05/2021 07:15\n{EVENT}", date(2021, 5, 3), id="labelled-time"),
    pytest.param(f"Menu\nSubmitted by Ban biên tập on 3 May 2021\n{EVENT}", date(2021, 5, 3), id="english-submitted"),
    pytest.param(f"Menu\nPosted on May 3, 2021\n{EVENT}", date(2021, 5, 3), id="english-month-day"),
    pytest.param(" date 2021-05-03 Phát biểu tại hội nghị, đồng chí Trưởng ban nhấn mạnh.", date(2021, 5, 3),
                 id="iso-date-tag"),
    pytest.param(" date 2021-05 Phát biểu tại hội nghị, đồng chí Trưởng ban nhấn mạnh.", None,
                 id="month-only-tag-is-no-date"),
    pytest.param("KẾ HOẠCH\nCông tác thông tin đối ngoại năm 2020\nTuyên Quang, ngày 06 tháng 01 năm 2020\nI. Mục đích",
                 date(2020, 1, 6), id="official-document-date"),
    pytest.param(f"Tiêu đề bài\n{EVENT}", None, id="no-dateline"),
])
def test_published_formats(raw, expected):
    found = extract_published(page(raw))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize("raw, expected", [
    pytest.param("25/01/2023 lúc 22:10 (GMT+7)\nBreaking News\nTập huấn thông tin đối ngoại năm 2022\n"
                 "Ngày 20/10, Ban Chỉ đạo tỉnh tổ chức hội nghị tập huấn năm 2022.", None,
                 id="clock-over-breaking-news"),
    pytest.param("Thứ Ba, 25/9/2018\nTiêu đề một bài phân tích dài\n12/10/2017 20:05' Gửi bài\n"
                 "Công tác thông tin đối ngoại có nhiều chuyển biến.", date(2017, 10, 12),
                 id="weekday-widget-then-timed-dateline"),
    pytest.param("Chào mừng kỷ niệm Ngày thành lập Đảng (03/02/1930 - 03/02/2024)\nThứ Hai, 20/05/2024 02:10\n"
                 "Tập huấn cho các tỉnh phía Nam\nNgày 18-4, Ban Chỉ đạo Trung ương tổ chức tập huấn năm 2016.",
                 None, id="banner-and-clock-years-after-the-event"),
    pytest.param("Thứ hai, 04/12/2023\nGiao ban công tác\nSáng nay (9/11), Ban Chỉ đạo tổ chức giao ban.", None,
                 id="today-mention-contradicts-header"),
    pytest.param("20/01/2023 09:00\nTổng kết công tác năm 2022\nSáng 19/1, Ban Chỉ đạo tổ chức hội nghị tổng kết "
                 "công tác thông tin đối ngoại năm 2022.", date(2023, 1, 20),
                 id="january-dateline-of-year-end-review-is-kept"),
    pytest.param("22/04/2020, 23:29\nBồi dưỡng nghiệp vụ\nTừ ngày 11 đến 13-10, Bộ tổ chức lớp bồi dưỡng.",
                 date(2020, 4, 22), id="late-repost-without-years-is-kept"),
    pytest.param("15/06/2023 08:00\nNhìn lại tập huấn\nNgày 12/3/2023, Sở tổ chức tập huấn thông tin đối ngoại.",
                 date(2023, 6, 15), id="same-year-feature-months-later-is-kept"),
    pytest.param("Tiêu đề\nSáng 12/3/2024 lúc 8:30, hội nghị tổng kết khai mạc tại hội trường tỉnh.", None,
                 id="timed-lede-sentence-is-not-a-dateline"),
    pytest.param("10:00, 03/05/1999\nTiêu đề\nSáng 3/5, hội nghị.", None, id="before-2000-is-implausible"),
    pytest.param("10:00, 03/05/2999\nTiêu đề\nSáng 3/5, hội nghị.", None, id="future-is-implausible"),
])
def test_published_clocks_and_widgets(raw, expected):
    found = extract_published(page(raw))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize("raw, expected", [
    pytest.param("QUYẾT ĐỊNH\nPhê duyệt Chương trình\nCăn cứ Luật Tổ chức chính quyền địa phương\nngày 19/6/2015;\n"
                 "Điều 1. Phê duyệt.", None, id="a-cited-laws-date-on-a-wrapped-line-is-no-dateline"),
    pytest.param("QUYẾT ĐỊNH\nPhê duyệt Chương trình\nĐiều 1. Phê duyệt.\nCHƯƠNG TRÌNH\n(kèm theo Quyết định số "
                 "2112/QĐ-UBND\nngày 17 tháng 10 năm 2014)", date(2014, 10, 17), id="an-annex-names-its-decisions-date"),
    pytest.param(" date 2025-06-08 Cuộc họp đầu tiên của Ban Chỉ đạo\nSáng 6/8, Ban Chỉ đạo tổ chức họp triển khai "
                 "nhiệm vụ sau khi được thành lập ngày 5/8.", date(2025, 8, 6),
                 id="a-tag-the-text-contradicts-is-read-day-month-swapped"),
    pytest.param(" date 2025-12-01 Lễ trao giải\nTối 12/12, Ban Chỉ đạo tổ chức Lễ trao giải.", date(2025, 12, 1),
                 id="an-event-days-after-its-tag-leaves-the-tag-alone"),
])
def test_published_read_against_the_text(raw, expected):
    found = extract_published(page(raw))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize("extras, expected", [
    pytest.param({"published": "2022-07-18"}, date(2022, 7, 18), id="iso-hint-wins"),
    pytest.param({"published": "2022-07-18T09:07:00"}, date(2022, 7, 18), id="iso-timestamp-hint"),
    pytest.param({"published": "2022-07"}, date(2021, 5, 3), id="month-only-hint-ignored"),
    pytest.param({"published": "18/07/2022"}, date(2022, 7, 18), id="day-month-year-hint"),
    pytest.param({"published": "Mon, 18 Jul 2022 09:07:00 +0700"}, date(2022, 7, 18), id="rfc-822-hint"),
    pytest.param({"published": None}, date(2021, 5, 3), id="empty-hint-ignored"),
])
def test_published_source_hint(extras, expected):
    found = extract_published(page(f"10:15, 03/05/2021\nTiêu đề\n{EVENT}", extras=extras))
    assert found.value == expected


def test_published_reads_cleaner_header():
    doc = CleanDoc(title="Tiêu đề", dateline="10:15, 03/05/2021", body=EVENT, byline=None,
                   raw=f"Tiêu đề\n{EVENT}", header="Trang chủ")
    assert extract_published(doc).value == date(2021, 5, 3)


def test_clock_rejected_in_every_part_of_the_page():
    clock = "25/01/2023 lúc 22:10 (GMT+7)"
    raw = f"{clock}\nBreaking News\nTập huấn thông tin đối ngoại\nNgày 20/10, Sở tổ chức tập huấn."
    doc = CleanDoc(title="Tập huấn thông tin đối ngoại", dateline=clock, body="Ngày 20/10, Sở tổ chức tập huấn.",
                   byline=None, raw=raw, header=f"{clock}\nBreaking News")
    assert extract_published(doc) is None


def test_published_nfd_input():
    raw = unicodedata.normalize("NFD", "Tiêu đề\nCập nhật ngày: 03/05/2021 - 10:15\n" + EVENT)
    assert extract_published(page(raw)).value == date(2021, 5, 3)


BODY = "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị."


@pytest.mark.parametrize("lede, published, expected", [
    pytest.param(f"Sáng 18-7, {BODY}", date(2022, 7, 18), date(2022, 7, 18), id="dash-day-month"),
    pytest.param(f"Ngày 8.7, {BODY}", date(2019, 7, 9), date(2019, 7, 8), id="dotted-day-month"),
    pytest.param(f"Chiều 15/1, {BODY}", date(2020, 1, 16), date(2020, 1, 15), id="slash-afternoon"),
    pytest.param(f"Chiều nay (11/10), {BODY}", date(2023, 10, 11), date(2023, 10, 11), id="this-afternoon"),
    pytest.param(f"Ngày 06/11/2018, {BODY}", None, date(2018, 11, 6), id="explicit-year"),
    pytest.param(f"Tối 5-11, {BODY}", date(2022, 11, 6), date(2022, 11, 5), id="evening"),
    pytest.param(f"Trong 2 ngày 14 và 15/9, {BODY}", date(2021, 9, 16), date(2021, 9, 14), id="two-days-first-day"),
    pytest.param(f"Từ ngày 11 đến 13-10, {BODY}", date(2019, 10, 20), date(2019, 10, 11), id="from-to-first-day"),
    pytest.param(f"Trong 3 ngày ( 23,24 và 26/10), {BODY}", date(2023, 10, 27), date(2023, 10, 23),
                 id="three-listed-days"),
    pytest.param(f"Vào lúc 7 giờ 30, ngày 8/5/2019, {BODY}", None, date(2019, 5, 8), id="clock-time-then-date"),
    pytest.param(f"Sáng ngày 2/6/2014, {BODY}", None, date(2014, 6, 2), id="morning-of-day"),
    pytest.param(f"Sáng ngày 15 tháng 3 năm 2024, {BODY}", None, date(2024, 3, 15), id="long-form"),
    pytest.param(f"Sáng thứ Ba (15/3), {BODY}", date(2022, 3, 15), date(2022, 3, 15), id="weekday-between"),
    pytest.param(f"Chiều hôm qua (14/3), {BODY}", date(2022, 3, 15), date(2022, 3, 14), id="yesterday-afternoon"),
    pytest.param("Hội nghị diễn ra sáng 14-3 tại hội trường tỉnh.", date(2022, 3, 15), date(2022, 3, 14),
                 id="lower-case-mid-sentence"),
    pytest.param(f"Ngày 28/12, {BODY}", date(2024, 1, 3), date(2023, 12, 28), id="new-year-28-12-dated-03-01"),
    pytest.param(f"Tối 12/12, {BODY}", date(2025, 12, 1), date(2025, 12, 12), id="few-days-after-a-tag-same-year"),
    pytest.param(f"Từ ngày 11 đến 13-10, {BODY}", date(2020, 4, 22), date(2019, 10, 11), id="repost-months-later"),
])
def test_meeting_date_with_dateline(lede, published, expected):
    found = extract_meeting_date(page(f"Tin hoạt động\n{lede}"), published)
    assert found is not None and found.value == expected
    assert found.evidence


@pytest.mark.parametrize("raw, expected", [
    pytest.param("Tổng kết năm 2019\nChiều 15/1, Ban Chỉ đạo tổ chức Hội nghị tổng kết công tác thông tin đối ngoại "
                 "năm 2019 và triển khai nhiệm vụ năm 2020.", date(2020, 1, 15), id="year-end-review-in-january"),
    pytest.param("Đánh giá công tác\nSáng 10/3, Ban Chỉ đạo tổ chức Hội nghị đánh giá công tác năm 2021, triển khai "
                 "nhiệm vụ năm 2022.", date(2022, 3, 10), id="review-x-deploy-x-plus-1"),
    pytest.param("Tổng kết\nSáng 27/12, Sở tổ chức Hội nghị tổng kết công tác năm 2024.", date(2024, 12, 27),
                 id="year-end-review-in-december"),
    pytest.param("Sơ kết\nNgày 13-7, Ban Chỉ đạo tổ chức Hội nghị sơ kết 6 tháng đầu năm; triển khai nhiệm vụ "
                 "6 tháng cuối năm 2022.", date(2022, 7, 13), id="mid-year-review"),
    pytest.param("Đắk Nông tập huấn công tác thông tin đối ngoại năm 2022\nNgày 25/10, Ban Chỉ đạo tỉnh tổ chức "
                 "hội nghị tập huấn.", date(2022, 10, 25), id="year-named-in-title"),
    pytest.param("Sơ kết giai đoạn\nNgày 2/6, Hội nghị sơ kết công tác giai đoạn 2013 - 2015 được tổ chức.",
                 date(2015, 6, 2), id="mid-term-review-of-a-span"),
    pytest.param("Tập huấn\nTrong 2 ngày 14 và 15/9, Ủy ban nhân dân tỉnh tổ chức hội nghị tập huấn.", None,
                 id="no-year-anywhere-abstains"),
    pytest.param("Tập huấn năm 2016\nVừa qua, Ban Chỉ đạo tổ chức tập huấn năm 2016.", None,
                 id="vua-qua-has-no-day"),
    pytest.param("Hội nghị\nThực hiện Kế hoạch số 12/KH-UBND ngày 20/01/2021 của UBND tỉnh, Sở đã chuẩn bị tài liệu.",
                 None, id="document-date-is-not-a-meeting"),
    pytest.param("Hội nghị\nTriển khai Kết luận số 57-KL/TW, ngày 15/6/2023 của Bộ Chính trị. Ngày 9/8/2023, Sở "
                 "tổ chức hội nghị.", date(2023, 8, 9), id="document-date-skipped-for-event-date"),
    pytest.param("Huyện triển khai kết luận\nTrong 3 ngày (23, 24 và 26/10), Huyện ủy tổ chức Hội nghị nghiên cứu "
                 "Kết luận số 57 ngày 15/6/2023 của Bộ Chính trị.", date(2023, 10, 23),
                 id="year-from-the-document-it-deploys"),
    pytest.param("Giải thưởng năm 2017\nChiều 14.6, Ban Tuyên giáo tổ chức lễ trao giải thưởng năm 2017. "
                 "Số tác phẩm tăng so với năm 2016.", None, id="award-edition-year-is-not-the-event-year"),
    pytest.param("Gặp mặt đầu xuân\nNgày 18-2, thành phố tổ chức gặp mặt. Năm 2010, thành phố đã đạt nhiều thành tựu.",
                 date(2011, 2, 18), id="early-year-meeting-recounting-last-year"),
    pytest.param("Triển khai kế hoạch\nSáng 20/2, Ban Chỉ đạo tổ chức hội nghị triển khai Kế hoạch công tác "
                 "thông tin đối ngoại năm 2024.", date(2024, 2, 20), id="plan-year-capitalised-ke-hoach"),
    pytest.param("Triển khai nhiệm vụ\nSáng 9/1, Sở họp, Triển khai Nhiệm vụ năm 2023 của ngành.", date(2023, 1, 9),
                 id="plan-year-any-case"),
])
def test_meeting_year_from_text(raw, expected):
    found = extract_meeting_date(page(raw), None)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize("raw", [
    pytest.param("Hội nghị\nNgày 20/01/2021, UBND tỉnh ban hành Kế hoạch số 10/KH-UBND.", id="issue-date-no-event"),
    pytest.param("Kỷ niệm\nSở được thành lập ngày 17/3/2004 theo Quyết định của Thủ tướng.", id="founding-date"),
    pytest.param("Hội nghị\nHội nghị sơ kết công tác 6 tháng đầu năm 2018.", id="no-day-stated"),
])
def test_meeting_date_abstains(raw):
    assert extract_meeting_date(page(raw), date(2021, 1, 25)) is None


@pytest.mark.parametrize("raw, expected", [
    pytest.param("Tin\nSáng 10/3, Ban Chỉ đạo tổ chức toạ đàm về thông tin đối ngoại năm 2021.", date(2021, 3, 10),
                 id="new-style-tone-toa"),
    pytest.param("Tin\nSáng 10/3, Ban Chỉ đạo tổ chức tọa đàm về thông tin đối ngoại năm 2021.", date(2021, 3, 10),
                 id="old-style-tone-toa"),
    pytest.param(unicodedata.normalize("NFD", "Tin\nChiều 15/1, Ban Chỉ đạo tổ chức Hội nghị tổng kết năm 2019."),
                 date(2020, 1, 15), id="nfd-input"),
])
def test_meeting_date_spelling_variants(raw, expected):
    assert extract_meeting_date(page(raw), None).value == expected


@pytest.mark.parametrize("raw, meeting, expected", [
    pytest.param("Họp\nSáng 18-7, Ban Chỉ đạo họp về kết quả hoạt động 6 tháng đầu năm 2022.", date(2022, 7, 18),
                 "2022H1", id="first-half"),
    pytest.param("Sơ kết\nNgày 8.7, Ban Chỉ đạo tổ chức hội nghị sơ kết công tác 6 tháng đầu năm, triển khai "
                 "nhiệm vụ 6 tháng cuối năm 2019.", date(2019, 7, 8), "2019H1", id="half-year-from-later-half"),
    pytest.param("Giao ban\nSáng 28-7, Ban Chỉ đạo tổ chức giao ban sơ kết công tác 6 tháng đầu năm.",
                 date(2017, 7, 28), "2017H1", id="half-year-from-meeting-date"),
    pytest.param("Tổng kết\nSáng 7/1, Ban Chỉ đạo tổ chức Hội nghị tổng kết công tác thông tin đối ngoại năm 2015.",
                 date(2016, 1, 7), "2015", id="year-end-review"),
    pytest.param("Sơ kết\nNgày 20/10, Ban Chỉ đạo tổ chức sơ kết 9 tháng đầu năm 2022.", date(2022, 10, 20),
                 "2022M9", id="nine-months"),
    pytest.param("Sơ kết\nNgày 12/10, Ban Chỉ đạo đánh giá kết quả quý III/2022.", date(2022, 10, 12), "2022Q3",
                 id="quarter"),
    pytest.param("Sơ kết\nNgày 2/6, Hội nghị sơ kết công tác giai đoạn 2013 - 2015 được tổ chức.", date(2015, 6, 2),
                 None, id="multi-year-span-has-no-period"),
    pytest.param("Tập huấn năm 2022\nNgày 25/10, Ban Chỉ đạo tổ chức tập huấn. Tại hội nghị, báo cáo viên thông tin "
                 "tình hình 9 tháng đầu năm 2022.", date(2022, 10, 25), None, id="training-has-no-period"),
    pytest.param("Trao giải năm 2017\nChiều 14/6, Ban Tuyên giáo tổ chức lễ trao giải thưởng năm 2017.",
                 date(2018, 6, 14), None, id="award-ceremony-has-no-period"),
    pytest.param("Giao ban Ban Chỉ đạo năm 2019\nNgày 16/12, Ban Chỉ đạo tổ chức hội nghị giao ban công tác năm 2019.",
                 date(2019, 12, 16), "2019", id="a-meeting-on-a-year-held-as-it-ends-reviews-it"),
    pytest.param("Họp báo năm 2019\nSáng 27/11, Ban Chỉ đạo tổ chức họp báo phát động giải thưởng năm 2019.",
                 date(2019, 11, 27), None, id="a-press-conference-reviews-nothing"),
    pytest.param("Lễ tổng kết và trao giải Cuộc thi viết năm 2022\nChiều 28/10, Ban Chỉ đạo tổ chức lễ tổng kết cuộc "
                 "thi năm 2022.", date(2022, 10, 28), None, id="a-contests-closing-has-no-period"),
    pytest.param("Hội nghị thông tin thời sự\nSáng 18/6, báo cáo viên đã thông tin tình hình từ đầu năm 2024.",
                 date(2024, 6, 18), None, id="a-speaker-is-no-report-and-since-is-no-review"),
])
def test_period(raw, meeting, expected):
    found = extract_period(page(raw), meeting, None)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize("raw, extras, expected", [
    pytest.param("Thứ Hai, 27/05/2024 01:33\nTiêu đề bài viết\n12/07/2017 09:10\n" + EVENT,
                 {"dateline_near_title": "12/07/2017 09:10", "dateline_near_title_side": "after"},
                 date(2017, 7, 12), id="line-under-the-title-beats-the-masthead-clock"),
    pytest.param("Tiêu đề bài viết\n" + EVENT, {"listing_page": True, "listing_reason": "tag page"},
                 None, id="a-listing-page-has-no-dateline"),
    pytest.param("27/05/2024 01:33\nTiêu đề bài viết\n03/05/2021 10:15\n" + EVENT,
                 {"site_clocks": ["27/05/2024 01:33"]}, date(2021, 5, 3), id="a-line-the-cleaner-calls-a-site-clock-is-skipped"),
])
def test_published_uses_the_cleaners_layout_signals(raw, extras, expected):
    found = extract_published(page(raw, extras=extras))
    assert (found.value if found else None) == expected
