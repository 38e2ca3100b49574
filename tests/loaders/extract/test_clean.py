"""clean_text: header / title / dateline / body / byline, conservative boilerplate removal.

Texts are short sentences written for these tests (no real article text in the project).
"""
import re
import unicodedata

import pytest

from loaders.extract.clean import clean_text
from loaders.extract.lines import is_table_row, patterns

TITLE = "Hội nghị sơ kết công tác thông tin đối ngoại 6 tháng đầu năm"
LEDE = "Sáng 18/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết công tác 6 tháng đầu năm."
PARA = "Trong 6 tháng, tỉnh đã đón tiếp 12 đoàn khách quốc tế đến thăm và làm việc tại địa phương."
END = "Hội nghị đề ra nhiệm vụ trọng tâm cho 6 tháng cuối năm."


def doc(*lines, title=None):
    return clean_text("\n".join(lines), title=title)


@pytest.mark.parametrize("lines,title,header,dateline", [
    pytest.param([TITLE, LEDE], TITLE, "", None, id="title on the first line"),
    pytest.param(["09:07, 18/07/2022", TITLE, LEDE], TITLE, "09:07, 18/07/2022", "09:07, 18/07/2022",
                 id="clock above the title is header and dateline"),
    pytest.param(["29/01/2023 lúc 23:51 (GMT+7)", "Breaking News", TITLE, LEDE], TITLE,
                 "29/01/2023 lúc 23:51 (GMT+7)\nBreaking News", "29/01/2023 lúc 23:51 (GMT+7)",
                 id="clock and banner above the title"),
    pytest.param(["Thứ Hai, 27/05/2024 01:33", "Logo", "Chuyên mục", TITLE, LEDE], TITLE,
                 "Thứ Hai, 27/05/2024 01:33\nLogo\nChuyên mục", "Thứ Hai, 27/05/2024 01:33",
                 id="weekday clock, logo and short menu word"),
    pytest.param([TITLE, "Cập nhật ngày: 09/05/2017 - 19:30", LEDE], TITLE, "", "Cập nhật ngày: 09/05/2017 - 19:30",
                 id="dateline under the title"),
    pytest.param([TITLE, "cms-publish-date 07/11/2018 | 09:38 | cms-view-count: 14389", LEDE], TITLE, "",
                 "cms-publish-date 07/11/2018 | 09:38 | cms-view-count: 14389", id="cms dateline with a view counter"),
    pytest.param([TITLE, "(11/29/2018 8:58:56 AM)", LEDE], TITLE, "", "(11/29/2018 8:58:56 AM)",
                 id="US-style date with seconds"),
    pytest.param([f"{TITLE} (19:24 21/08/2019)", LEDE], TITLE, "", "(19:24 21/08/2019)",
                 id="clock at the end of the title line moves to the dateline"),
    pytest.param([" date 2025-12-13 " + LEDE], None, "date 2025-12-13", "date 2025-12-13",
                 id="date tag glued to the first line"),
    pytest.param(["Chào mừng kỷ niệm ngày thành lập Đảng bộ tỉnh, nhiệt liệt chào mừng đại hội", TITLE, LEDE], TITLE,
                 "Chào mừng kỷ niệm ngày thành lập Đảng bộ tỉnh, nhiệt liệt chào mừng đại hội", None,
                 id="slogan banner above the title"),
    pytest.param([TITLE, LEDE, "22/11/2018 15:39", PARA], TITLE, "", "22/11/2018 15:39",
                 id="date-only line under the lede is still a dateline"),
    pytest.param([f"{TITLE} {LEDE}"], TITLE, "", None, id="a headline glued to its lede is split off"),
    pytest.param([" date 2025-06-08 Chính trị " + TITLE + " " + LEDE], "Chính trị " + TITLE, "date 2025-06-08",
                 "date 2025-06-08", id="date tag, section word, headline and lede on one line"),
    pytest.param([*(f"• Tỉnh thứ {i}" for i in range(12)), TITLE, LEDE], TITLE, "", None,
                 id="a site menu of bulleted items is dropped"),
])
def test_top_of_page(lines, title, header, dateline):
    d = doc(*lines)
    assert (d.title, d.header, d.dateline) == (title, header, dateline)
    assert d.body.splitlines()[0] == LEDE


@pytest.mark.parametrize("first", [
    pytest.param("(ABC) - " + LEDE, id="agency tag in parentheses"),
    pytest.param("BHG - " + LEDE, id="bare agency tag"),
    pytest.param(LEDE, id="time lede 'Sáng 18/7,'"),
    pytest.param("Ngày 17/10/2019, Sở Thông tin và Truyền thông tổ chức hội nghị tập huấn cho cán bộ.", id="dated lede"),
    pytest.param("Sở Ngoại vụ tỉnh được thành lập theo quyết định của Thủ tướng Chính phủ năm 2004 với nhiều nhiệm vụ.",
                 id="a long sentence ending with a period"),
])
def test_a_lede_is_not_taken_for_a_title(first):
    d = doc(first, PARA)
    assert d.title is None
    assert d.body.splitlines()[0] == first


def test_an_all_caps_headline_may_end_with_a_period():
    caps = "TỈNH TỔ CHỨC HỘI NGHỊ TẬP HUẤN THÔNG TIN ĐỐI NGOẠI, BÁO CHÍ VÀ TRUYỀN THÔNG NĂM 2019."
    assert doc(caps, LEDE).title == caps


def test_a_dateline_with_a_time_is_not_taken_for_a_glued_lede():
    d = doc("Thông tin chỉ đạo điều hành Thứ 3, Ngày 25/04/2017, 16:30", TITLE, LEDE)
    assert d.title == TITLE


def test_a_short_bulleted_list_in_the_text_is_kept():
    # a menu is a long run of items; a list of three in the text is the text's own
    d = doc(TITLE, LEDE, "• Tập huấn", "• Giao ban", "• Sơ kết", END)
    assert d.body.splitlines()[1:4] == ["• Tập huấn", "• Giao ban", "• Sơ kết"]


def test_dates_under_a_teaser_block_are_the_teasers_not_the_dateline():
    d = doc(TITLE, LEDE, PARA, "Tin khác", "Sức sống nghệ thuật đường phố", "05/12/2025")
    assert d.dateline is None


def test_given_title_is_not_repeated_in_the_body():
    d = doc(TITLE, LEDE, PARA, title=TITLE)
    assert d.title == TITLE and TITLE not in d.body and d.body.startswith(LEDE)


def test_given_title_absent_from_text_keeps_all_text():
    d = doc(LEDE, PARA, title="Tiêu đề từ siêu dữ liệu của trang")
    assert d.body == f"{LEDE}\n{PARA}"


@pytest.mark.parametrize("noise", [
    pytest.param(["Loading..."], id="loading widget"),
    pytest.param(["Lượt xem: 341"], id="view counter"),
    pytest.param(["Tải ứng dụng Báo Điện Tử"], id="app download banner"),
    pytest.param(["![]() |"], id="markdown image marker"),
    pytest.param(["Skip to main content"], id="skip link"),
    pytest.param(["0", "162"], id="lone counters"),
    pytest.param(["Bạn không thể gửi bình luận liên tục. Xin hãy đợi", "60 giây nữa."], id="comment prompt"),
    pytest.param(["Giá vàng 9999 tr.đ/lượng", "Doji", "Tỷ giá ĐVT:đồng", "Loại Mua Bán"], id="gold and exchange widgets"),
    pytest.param(["Tin liên quan", "Tỉnh tổ chức hội thảo về biển đảo", "Khai mạc triển lãm ảnh đối ngoại"],
                 id="related-article teasers"),
    pytest.param(["Có thể quan tâm"], id="may-interest marker"),
    pytest.param(["Đi đến nguồn bài viết"], id="go-to-source link"),
    pytest.param(["Xem với cỡ chữ : A- A A+"], id="font size widget"),
    pytest.param(["20210125-l6.jpg"], id="bare image file name"),
    pytest.param([".", ";", "|"], id="punctuation-only lines"),
])
def test_boilerplate_lines_are_removed_and_text_kept(noise):
    d = doc(TITLE, LEDE, *noise, PARA, END)
    assert d.body == "\n".join([LEDE, PARA, END])


def test_teaser_block_ends_at_the_next_real_paragraph():
    d = doc(TITLE, LEDE, "Xem thêm", "Tỉnh tổ chức hội thảo về biển đảo", PARA)
    assert d.body == f"{LEDE}\n{PARA}"


def test_furniture_words_inside_a_sentence_are_kept():
    line = "Giá vàng trong nước và tỷ giá được báo cáo viên nhắc tới khi thông tin tình hình kinh tế."
    assert line in doc(TITLE, LEDE, line).body


@pytest.mark.parametrize("lines,caption", [
    pytest.param([LEDE, "img", "Đồng chí Bí thư phát biểu tại hội nghị", PARA], "Đồng chí Bí thư phát biểu tại hội nghị",
                 id="short line after an image marker"),
    pytest.param([LEDE, "Quang cảnh hội nghị", PARA, "Quang cảnh hội nghị"], "Quang cảnh hội nghị",
                 id="repeated short line without a final period"),
    pytest.param([LEDE, "Các đại biểu dự hội nghị. (Ảnh: Thu Hà)", PARA], "Các đại biểu dự hội nghị. (Ảnh: Thu Hà)",
                 id="photo credit in parentheses"),
])
def test_photo_captions_leave_the_body_but_are_kept_in_extras(lines, caption):
    d = doc(TITLE, *lines)
    assert caption not in d.body and caption in d.extras["captions"]
    assert LEDE in d.body and PARA in d.body


def test_captions_without_a_marker_stay_in_the_body():
    line = "Đồng chí Trưởng ban phát biểu kết luận hội nghị."  # may name the chair: keep it
    assert line in doc(TITLE, LEDE, line, PARA).body


def test_duplicated_lede_and_broken_copies_are_dropped():
    d = doc(TITLE, LEDE, LEDE, LEDE[:40], PARA)
    assert d.body == f"{LEDE}\n{PARA}"


@pytest.mark.parametrize("tail,byline", [
    pytest.param(["N.T"], "N.T", id="initials"),
    pytest.param(["Nh.V"], "Nh.V", id="initials with a lowercase letter"),
    pytest.param(["Lê Hằng"], "Lê Hằng", id="author name"),
    pytest.param(["LÊ VĂN AN", ";", "."], "LÊ VĂN AN", id="capitalised name before stray punctuation"),
    pytest.param(["Tác giả bài viết: Tấn Quân"], "Tác giả bài viết: Tấn Quân", id="labelled author"),
    pytest.param(["Nguồn: Báo Đồng Nai"], "Nguồn: Báo Đồng Nai", id="source credit"),
    pytest.param(["Đào DoanNội dung:", "Giá vàng 9999"], "Đào Doan", id="name glued to a widget label"),
    pytest.param(["Minh Thư", "Bản in Quay lại", "Xem theo ngày:"], "Minh Thư", id="name before page tools"),
])
def test_byline_at_the_end(tail, byline):
    d = doc(TITLE, LEDE, PARA, *tail)
    assert d.byline == byline
    assert d.body == f"{LEDE}\n{PARA}"


@pytest.mark.parametrize("last", [
    pytest.param(END, id="a sentence"),
    pytest.param("Quang cảnh hội nghị", id="a lowercase caption"),
    pytest.param("Phát biểu khai mạc, ông Nguyễn Văn", id="a truncated last line"),
])
def test_text_lines_are_not_bylines(last):
    d = doc(TITLE, LEDE, PARA, last)
    assert d.byline is None and d.body.endswith(last)


def test_author_line_at_the_top():
    d = doc(TITLE, "• 28/07/2017 14:30", "• Châu Anh", LEDE, PARA)
    assert d.byline == "Châu Anh" and d.dateline == "• 28/07/2017 14:30" and d.body.startswith(LEDE)


def test_raw_is_kept_intact_and_nfc():
    raw = unicodedata.normalize("NFD", "\n".join([TITLE, LEDE, "Loading...", PARA]))
    d = clean_text(raw)
    assert d.raw == unicodedata.normalize("NFC", raw)
    assert d.title == TITLE


def test_extras_are_passed_through():
    d = clean_text(LEDE, extras={"published": "2022-07-18", "url": None})
    assert d.extras["published"] == "2022-07-18"


@pytest.mark.parametrize("raw", [
    pytest.param("", id="empty"),
    pytest.param("\n \n", id="blank lines"),
    pytest.param("Loading...\nTop\n0", id="furniture only"),
    pytest.param("x" * 20000, id="one huge line"),
    pytest.param("N.T", id="a lone byline-like line stays text"),
])
def test_odd_input_never_raises(raw):
    d = clean_text(raw)
    assert isinstance(d.body, str) and d.raw == raw


ORDINARY_LINES = [LEDE, PARA, END, TITLE, "Tham dự hội nghị có đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy.",
                  "Năm 2022, tỉnh đón 73 đoàn/527 lượt người nước ngoài."]


@pytest.mark.parametrize("section", ["drop", "block", "image", "banner", "clock", "listing", "pagination", "doctype", "motto"])
def test_boilerplate_asset_sections_are_valid_and_spare_ordinary_text(section):
    pats = getattr(patterns(), section)
    assert pats, f"assets/boilerplate.txt has no [{section}] patterns"
    for line in ORDINARY_LINES:
        hits = [p.pattern for p in pats if p.fullmatch(line)]
        assert not hits, f"[{section}] pattern(s) {hits} would delete an ordinary line: {line!r}"
    assert all(isinstance(p, re.Pattern) for p in pats)


def test_markdown_heading_marks_do_not_stay_in_the_title():
    assert doc("# " + TITLE, LEDE).title == TITLE


@pytest.mark.parametrize("line", [
    pytest.param("Khánh Hòa", id="a place tag under the title"),
    pytest.param("Quang Hòa", id="an unmarked name: kept, it costs nothing"),
])
def test_unmarked_short_lines_under_the_title_stay_in_the_body(line):
    d = doc(TITLE, line, LEDE, PARA)
    assert d.body.splitlines()[0] == line and d.byline is None


def test_headline_starting_with_an_outlet_word_is_a_title():
    title = "Đài Phát thanh và Truyền hình tỉnh tổ chức tập huấn công tác thông tin đối ngoại cho phóng viên"
    assert doc(title, LEDE).title == title


@pytest.mark.parametrize("given,expected", [
    pytest.param("Báo tỉnh", TITLE, id="site name absent from the text: the text's headline wins"),
    pytest.param(f"{TITLE} | Báo tỉnh", TITLE + " | Báo tỉnh", id="headline with the site name, found in the text"),
    pytest.param("Tỉnh tổ chức hội nghị sơ kết thông tin đối ngoại", "Tỉnh tổ chức hội nghị sơ kết thông tin đối ngoại",
                 id="a real headline from metadata is kept even if the text lacks it"),
])
def test_given_titles(given, expected):
    d = doc(TITLE, LEDE, title=given)
    assert d.title == expected and d.body.startswith(LEDE if TITLE in expected else TITLE)


# --- widgets and tables -------------------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    pytest.param("SJC Hà Nội | 58.039 | 60.039", True, id="gold price row with bars"),
    pytest.param("Nhẫn trơn 9999 | 57.139 | 58.439", True, id="a label holding a number is still a label"),
    pytest.param("USD 23.150 23.460", True, id="exchange row without bars"),
    pytest.param("EUR\t25.310,5\t26.120,0", True, id="tab-separated rate row"),
    pytest.param("Loại | Mua | Bán", True, id="widget header row"),
    pytest.param("VN-Index | 1.234,56 | +0,8%", True, id="index row with a percentage"),
    pytest.param("Đại biểu tham dự hội nghị. |", False, id="caption in an image-table cell"),
    pytest.param(f"{TITLE} | Báo tỉnh", False, id="headline with the site name"),
    pytest.param("Năm 2022, tỉnh đón 1.200 lượt khách và 35.000 người tham quan.", False,
                 id="a sentence with two big numbers"),
    pytest.param("Năm 2022 đón 73 đoàn | 527 lượt người", False, id="counts with words are text"),
])
def test_table_rows(line, expected):
    assert is_table_row(line) is expected


@pytest.mark.parametrize("widget", [
    pytest.param(["Giá vàng hôm nay", "SJC Hà Nội | 58.039 | 60.039", "Nhẫn trơn 9999 | 57.139 | 58.439",
                  "Đơn vị: nghìn đồng/lượng"], id="gold widget with its marker"),
    pytest.param(["SJC Hà Nội | 58.039 | 60.039"], id="a lone price row"),
    pytest.param(["USD 23.150 23.460", "EUR 25.310 26.120"], id="rate rows without bars"),
    pytest.param(["Đăng nhập  |  Tải ứng dụng"], id="a bar of furniture cells"),
])
def test_widget_rows_are_never_the_title(widget):
    d = doc("Thứ Hai, 27/05/2024 01:33", *widget, TITLE, LEDE, PARA)
    assert d.title == TITLE and d.body == f"{LEDE}\n{PARA}"


@pytest.mark.parametrize("widget", [
    pytest.param(["SJC Hà Nội | 58.039 | 60.039", "Nhẫn trơn 9999 | 57.139 | 58.439"], id="price rows"),
    pytest.param(["Loại | Mua | Bán", "USD | 23.150 | 23.460"], id="header and rate row"),
    pytest.param(["Trang 1 2 3 ... 14 Sau »"], id="page numbers"),
])
def test_widget_rows_leave_the_body(widget):
    d = doc(TITLE, LEDE, *widget, PARA)
    assert d.body == f"{LEDE}\n{PARA}"


# --- the dateline next to the headline ----------------------------------------------------------

CLOCK = "Thứ Bảy, 03/01/2026 00:14"
DATELINE = "18/07/2022 09:07"


@pytest.mark.parametrize("lines,near,side", [
    pytest.param([CLOCK, TITLE, DATELINE, LEDE], DATELINE, "after", id="clock above, dateline under the title"),
    pytest.param([CLOCK, "Thời sự", DATELINE, TITLE, LEDE], DATELINE, "before",
                 id="clock and menu above, dateline right over the title"),
    pytest.param([TITLE, "• Châu Anh", DATELINE, LEDE], DATELINE, "after", id="a credit between title and dateline"),
    pytest.param([f"{TITLE} (19:24 21/08/2019)", LEDE], "(19:24 21/08/2019)", "title", id="date on the title line"),
    pytest.param([TITLE, LEDE, DATELINE, PARA], DATELINE, "lede", id="date-only line under the sapo"),
    pytest.param([DATELINE, LEDE, PARA], DATELINE, "before", id="no headline: the line over the first paragraph"),
    pytest.param([CLOCK, TITLE, LEDE], CLOCK, "before",
                 id="a bare clock over the title is all there is (the dates module judges it)"),
    pytest.param(["Hôm nay: Thứ Hai, 27/05/2024", TITLE, LEDE], None, None, id="a clock labelled 'today' is no dateline"),
    pytest.param([CLOCK, "Thời sự", TITLE, LEDE], None, None, id="a menu between the clock and the title"),
    pytest.param([TITLE, PARA, LEDE, DATELINE], None, None, id="a date further down is not next to the title"),
])
def test_dateline_near_title(lines, near, side):
    d = doc(*lines)
    assert (d.extras.get("dateline_near_title"), d.extras.get("dateline_near_title_side")) == (near, side)


def test_clock_and_dateline_both_kept_in_page_order():
    d = doc(CLOCK, TITLE, DATELINE, LEDE)
    assert d.header == CLOCK and d.dateline == f"{CLOCK}\n{DATELINE}"


def test_a_labelled_clock_is_reported():
    d = doc("Hôm nay: Thứ Hai, 27/05/2024", TITLE, DATELINE, LEDE)
    assert d.extras["site_clocks"] == ["Hôm nay: Thứ Hai, 27/05/2024"]


# --- listing pages ------------------------------------------------------------------------------

TEASERS = ["Tỉnh sơ kết công tác thông tin đối ngoại 6 tháng đầu năm", "05/07/2021",
           "Tập huấn nghiệp vụ thông tin đối ngoại cho cán bộ cơ sở", "12/10/2020",
           "Hội nghị tổng kết công tác thông tin đối ngoại năm 2019", "15/01/2020"]


@pytest.mark.parametrize("lines,reason", [
    pytest.param(["Thẻ: thông tin đối ngoại", *TEASERS], "listing label", id="tag label and dated headlines"),
    pytest.param(["Trang chủ > Tag: thông tin đối ngoại", *TEASERS], "listing label", id="label after a breadcrumb"),
    pytest.param(["Chủ đề: Thông tin đối ngoại", 'Các bài viết gắn thẻ "thông tin đối ngoại"'], "listing label",
                 id="label with no report text at all"),
    pytest.param([CLOCK, *TEASERS, TEASERS[0], "02/02/2019"], "dated headlines",
                 id="four dated headlines, no label"),
    pytest.param(["Báo tỉnh", TEASERS[0], TEASERS[1], TEASERS[2], TEASERS[3], "Trang 1 2 3 Sau »"], "page numbers",
                 id="two dated headlines and page numbers"),
])
def test_listing_pages_are_flagged_with_a_reason(lines, reason):
    d = doc(*lines)
    assert d.extras.get("listing_page") is True and reason in d.extras["listing_reason"]


@pytest.mark.parametrize("lines", [
    pytest.param([TITLE, DATELINE, LEDE, PARA], id="a report with its own headline and dateline"),
    pytest.param(["Chuyên mục: Thời sự", TITLE, DATELINE, LEDE, PARA], id="a section breadcrumb over a report"),
    pytest.param([TITLE, LEDE, PARA, "Tin liên quan", *TEASERS], id="related teasers under a report"),
    pytest.param([TITLE, DATELINE, LEDE, PARA, *TEASERS], id="unmarked teasers after the report text"),
    pytest.param([TITLE, LEDE, PARA, "Tags: thông tin đối ngoại, Nghệ An"], id="tags at the end of a report"),
])
def test_reports_are_not_listings(lines):
    assert "listing_page" not in doc(*lines).extras


def test_a_listing_is_titled_by_its_label_and_keeps_teaser_dates_out_of_the_dateline():
    d = doc("Trang chủ > Tag: thông tin đối ngoại", *TEASERS)
    assert d.title == "Tag: thông tin đối ngoại" and d.dateline is None
    assert "dateline_near_title" not in d.extras and TEASERS[1] in d.body


# --- short headlines and official documents -----------------------------------------------------

@pytest.mark.parametrize("lines,title", [
    pytest.param(["Sơ kết công tác", LEDE], "Sơ kết công tác", id="short headline sharing a phrase with the lede"),
    pytest.param([CLOCK, "Sơ kết công tác", DATELINE, LEDE], "Sơ kết công tác", id="clock above, dateline between"),
    pytest.param(["Thời sự", LEDE], None, id="a menu word unrelated to the lede"),
    pytest.param(["Chính trị", "Sơ kết công tác", LEDE], None, id="a run of short lines is a menu"),
    pytest.param(["Tin tức:", LEDE], None, id="a label ending with a colon"),
    pytest.param(["Hội nghị", "Tin hoạt động", LEDE], None, id="the short line is not the first text line"),
])
def test_short_first_line_over_a_dated_lede(lines, title):
    d = doc(*lines, PARA)
    assert d.title == title and d.body.startswith(LEDE)


def test_official_document_title_keeps_its_kind_and_skips_the_motto():
    d = doc("ỦY BAN NHÂN DÂN TỈNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Tỉnh A, ngày 14 tháng 3 năm 2024", "KẾ HOẠCH", "Hoạt động thông tin đối ngoại của tỉnh năm 2024", PARA)
    assert d.title == "KẾ HOẠCH Hoạt động thông tin đối ngoại của tỉnh năm 2024"
    assert d.dateline == "Tỉnh A, ngày 14 tháng 3 năm 2024"
