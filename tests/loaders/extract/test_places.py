"""loaders.extract.places and loaders.gazetteer on short sentences written for these tests (no article text is copied here)."""
from __future__ import annotations

import unicodedata

import pytest

from loaders.extract.places import extract_place
from loaders.gazetteer import (
    canonical_province,
    province_2025,
    province_from_url,
    provinces,
    provinces_2025,
    region_of,
)
from loaders.schema import LEVELS, REGIONS
from loaders.types import CleanDoc


def doc(title: str | None, body: str) -> CleanDoc:
    return CleanDoc(title=title, dateline=None, body=body, byline=None, raw="\n".join(x for x in (title, body) if x))


def place(title, body, url=None):
    p = extract_place(doc(title, body), url)
    return (p.province.value if p.province else None, p.level.value if p.level else None, p.source)


@pytest.mark.parametrize("name, expected", [
    pytest.param("Thanh Hóa", "Thanh Hóa", id="canonical-name"),
    pytest.param("Thanh Hoá", "Thanh Hóa", id="new-style-tone-placement"),
    pytest.param("tỉnh Khánh Hoà", "Khánh Hòa", id="province-prefix-and-tone"),
    pytest.param(unicodedata.normalize("NFD", "Đắk Lắk"), "Đắk Lắk", id="nfd-input"),
    pytest.param("Thành phố Cần Thơ", "Cần Thơ", id="city-prefix"),
    pytest.param("TP HCM", "TP. Hồ Chí Minh", id="hcm-abbreviation"),
    pytest.param("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", id="hcm-full-name"),
    pytest.param("Huế", "Thừa Thiên Huế", id="hue-short-name"),
    pytest.param("Đắc Lắc", "Đắk Lắk", id="old-spelling"),
    pytest.param("BR-VT", "Bà Rịa - Vũng Tàu", id="brvt-abbreviation"),
    pytest.param("thanh hoa", "Thanh Hóa", id="unaccented"),
    pytest.param("HÀ NỘI", "Hà Nội", id="upper-case"),
    pytest.param("Hà Tây", None, id="a-province-abolished-in-2008-is-not-in-the-63"),
    pytest.param("Viêng Chăn", None, id="foreign-place"),
    pytest.param("tinh Quang Tri", "Quảng Trị", id="unaccented-prefix-through-vietnamadminunits"),
    pytest.param("John", None, id="short-package-keyword-inside-a-word"),
    pytest.param("", None, id="empty"),
    pytest.param(None, None, id="none"),
])
def test_canonical_province(name, expected):
    assert canonical_province(name) == expected


@pytest.mark.parametrize("name, new_unit, region", [
    pytest.param("Hà Giang", "Tuyên Quang", "Trung du và miền núi phía Bắc", id="merged-into-neighbour"),
    pytest.param("Bình Dương", "TP. Hồ Chí Minh", "Đông Nam Bộ", id="merged-into-hcm"),
    pytest.param("Thừa Thiên Huế", "Huế", "Bắc Trung Bộ và Duyên hải miền Trung", id="renamed-city"),
    pytest.param("Nghệ An", "Nghệ An", "Bắc Trung Bộ và Duyên hải miền Trung", id="unchanged"),
    pytest.param("Kon Tum", "Quảng Ngãi", "Tây Nguyên", id="highlands-into-coast"),
    pytest.param("Khánh Hoà", "Khánh Hòa", "Bắc Trung Bộ và Duyên hải miền Trung", id="tone-variant-input"),
    pytest.param(None, None, None, id="no-province"),
    pytest.param("Atlantis", None, None, id="unknown-name"),
])
def test_province_2025_and_region(name, new_unit, region):
    assert province_2025(name) == new_unit
    assert region_of(name) == region


def test_gazetteer_frames_for_the_dashboard():
    old, new = provinces(), provinces_2025()
    assert len(old) == 63 and len(new) == 34
    assert {"province", "lat", "lon", "province_2025", "region"} <= set(old.columns)
    assert old["lat"].dtype == "float64" and new["lon"].dtype == "float64"
    assert set(old["region"]) == set(REGIONS)
    assert set(old["province_2025"]) == set(new["province"])


@pytest.mark.parametrize("url, expected", [
    pytest.param("https://baokhanhhoa.vn/chinh-tri/abc", "Khánh Hòa", id="listed-provincial-paper"),
    pytest.param("https://beta.baoquangbinh.vn/x", "Quảng Bình", id="subdomain-of-listed-outlet"),
    pytest.param("https://baohatinh.vn/x", "Hà Tĩnh", id="bao-slug-pattern"),
    pytest.param("https://quangngaitv.vn/x", "Quảng Ngãi", id="slug-tv-pattern"),
    pytest.param("https://sotttt.camau.gov.vn/x", "Cà Mau", id="gov-portal-label"),
    pytest.param("https://quangninh.quangbinh.gov.vn/x", "Quảng Bình",
                 id="district-portal-label-nearest-suffix-wins"),
    pytest.param("http://ict-dongthap.gov.vn/Detail.aspx", "Đồng Tháp", id="hyphenated-label"),
    pytest.param("tinhdoanphutho.vn/x", "Phú Thọ", id="no-scheme"),
    pytest.param("https://nhandan.vn/x", None, id="national-paper"),
    pytest.param("https://baomoi.com/x", None, id="aggregator"),
    pytest.param("https://mic.gov.vn/x", None, id="ministry-portal"),
    pytest.param("https://kinhtedothi.vn/x", None, id="city-paper-whose-address-names-no-province"),
    pytest.param(None, None, id="no-url"),
    pytest.param("not a url", None, id="garbage"),
])
def test_province_from_url(url, expected):
    assert province_from_url(url) == expected


CASES = [
    # (title, body, url, province, level, source)
    pytest.param("Hội nghị tổng kết", "Sáng 5/1, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Thanh Hoá tổ chức "
                 "hội nghị tổng kết năm.", None, "Thanh Hóa", "province", "text", id="organiser-with-new-tone-mark"),
    pytest.param("Tập huấn", unicodedata.normalize("NFD", "Sáng 5/1, UBND tỉnh Khánh Hoà tổ chức hội nghị tập huấn."),
                 None, "Khánh Hòa", "province", "text", id="nfd-body"),
    pytest.param("Họp Ban Chỉ đạo", "Chủ tịch HĐND tỉnh Gia Lai chủ trì cuộc họp. Tỉnh đã phối hợp với Tổng Lãnh sự "
                 "quán Nhật Bản tại TP. Hồ Chí Minh tổ chức hai hội thảo.", None, "Gia Lai", "province", "text",
                 id="consulate-seat-is-a-place-in-passing"),
    pytest.param("Giao ban quý", "Ban Chỉ đạo tỉnh Phú Yên tổ chức giao ban. Đoàn đã học tập kinh nghiệm tại tỉnh "
                 "Bình Định.", None, "Phú Yên", "province", "text", id="organiser-beats-visited-province"),
    pytest.param("Huyện Quảng Ninh tổ chức hội nghị", "Ban Tuyên giáo Huyện ủy Quảng Ninh tổ chức hội nghị cho đảng "
                 "viên huyện Quảng Ninh.", None, None, "district", None, id="district-named-like-a-province"),
    pytest.param("Huyện Quảng Ninh tổ chức hội nghị", "Ban Tuyên giáo Huyện ủy tổ chức hội nghị.",
                 "https://quangninh.quangbinh.gov.vn/x", "Quảng Bình", "district", "url",
                 id="district-event-keeps-url-province"),
    pytest.param("Tập huấn", "Ngày 3/3, quận Cầu Giấy, thành phố Hà Nội tổ chức tập huấn.", None, "Hà Nội",
                 "district", "text", id="district-event-keeps-text-province"),
    pytest.param("Hội nghị", "Ông Nguyễn Thái Bình, Trưởng Ban Tuyên giáo Tỉnh ủy, chủ trì hội nghị. Bà Trần Thị Hà "
                 "Nam phát biểu.", None, None, "province", None, id="person-names-holding-province-words"),
    pytest.param("Hội nghị", "Ông Nguyễn Hòa Bình dự hội nghị do UBND tỉnh Bắc Ninh tổ chức.", None, "Bắc Ninh",
                 "province", "text", id="person-name-beside-a-real-province"),
    pytest.param("Sơ kết", "Ban Chỉ đạo tỉnh tổ chức hội nghị sơ kết.", "https://baolongan.vn/abc", "Long An",
                 "province", "url", id="no-name-in-text-url-fallback"),
    pytest.param("Sơ kết", "Ban Chỉ đạo tỉnh tổ chức hội nghị sơ kết.", None, None, "province", None,
                 id="no-name-no-url-abstains"),
    pytest.param("Tập huấn", "Ngày 8/5, tại thành phố Đà Lạt, tỉnh Lâm Đồng, Ban Tuyên giáo Trung ương tổ chức hội "
                 "nghị tập huấn cho 20 tỉnh.", "https://baolamdong.vn/x", None, "central", None,
                 id="central-event-held-in-a-province"),
    pytest.param("Hội nghị toàn quốc", "Tại trụ sở Bộ Ngoại giao, Ban Chỉ đạo công tác thông tin đối ngoại tổ chức "
                 "Hội nghị toàn quốc triển khai kết luận.", None, None, "central", None,
                 id="unqualified-steering-committee-national-conference"),
    pytest.param("Làm việc", "Đoàn công tác Bộ Thông tin và Truyền thông làm việc với Sở Thông tin và Truyền thông "
                 "tỉnh Sóc Trăng.", None, None, "central", None, id="ministry-delegation-visits-a-province"),
    pytest.param("Hội nghị", "Đồng chí Lê Văn A, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Tuyên Quang chủ trì hội "
                 "nghị.", None, "Tuyên Quang", "province", "text", id="central-committee-member-chairs-provincial"),
    pytest.param("Học tập tư tưởng", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Tây Ninh tổ chức hội nghị về tư tưởng "
                 "Hồ Chí Minh.", None, "Tây Ninh", "province", "text", id="ho-chi-minh-youth-union-is-not-the-city"),
    pytest.param("Hội nghị", "Chủ tịch Hồ Chí Minh là tấm gương sáng. Ban Chỉ đạo tỉnh tổ chức hội nghị.", None, None,
                 "province", None, id="president-ho-chi-minh-is-not-the-city"),
    pytest.param("Hội nghị", "UBND TP.HCM tổ chức hội nghị tập huấn thông tin đối ngoại.", None, "TP. Hồ Chí Minh",
                 "province", "text", id="hcm-abbreviation-in-text"),
    pytest.param("Hội nghị", "Sở Ngoại vụ tỉnh Điện Biên tổ chức hội thảo về khu vực Châu Á - Thái Bình Dương.", None,
                 "Điện Biên", "province", "text", id="pacific-ocean-is-not-thai-binh-or-binh-duong"),
    pytest.param("Lào Cai: Sơ kết công tác thông tin đối ngoại", "Chiều 10/7, Ban Chỉ đạo tỉnh tổ chức hội nghị. Đoàn "
                 "đã sang thăm Lào và Vân Nam.", None, "Lào Cai", "province", "text", id="title-head-names-province"),
    pytest.param("BẮC GIANG TỔ CHỨC HỘI NGHỊ THÔNG TIN ĐỐI NGOẠI", "Ban Chỉ đạo tỉnh tổ chức hội nghị.", None,
                 "Bắc Giang", "province", "text", id="title-in-capitals"),
    pytest.param("Tập huấn", "(QBĐT) - Ngày 13/12, Sở Thông tin và Truyền thông tổ chức lớp tập huấn.", None,
                 "Quảng Bình", "province", "text", id="outlet-signature"),
    pytest.param("Sơ kết", "Sáng 9/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Sóc Trăng họp sơ kết 6 tháng. "
                 "Đại biểu tỉnh Bạc Liêu dự.", None, "Sóc Trăng", "province", "text", id="event-noun-used-as-verb"),
    pytest.param("Tổng kết", "Phó Bí thư Thường trực Thành ủy Hồ Văn B chủ trì hội nghị tổng kết.",
                 "https://danang.gov.vn/x", "Đà Nẵng", "province", "url", id="city-committee-then-a-person-name"),
    pytest.param("Tổng kết", "Ngày 2/1, Ban Thường vụ Thành ủy Buôn Ma Thuột tổ chức hội nghị.", None, None,
                 "district", None, id="committee-of-a-city-inside-a-province"),
    pytest.param("SJC Hà Nội | 70.100 | 72.100", "Sáng 10/8, UBND tỉnh Yên Bái tổ chức tập huấn.", None, "Yên Bái",
                 "province", "text", id="price-widget-line-is-not-a-title"),
    pytest.param("Hội nghị", "Theo chỉ đạo của Ban Chỉ đạo công tác thông tin đối ngoại Trung ương, Ban Tuyên giáo "
                 "Tỉnh ủy Bắc Kạn đã tổ chức hội nghị.", None, "Bắc Kạn", "province", "text",
                 id="central-instruction-followed-is-not-the-organiser"),
    pytest.param("Trao giải", "Sáng 4/3, Lễ trao Giải thưởng toàn quốc về thông tin đối ngoại được tổ chức tại "
                 "Hà Nội.", None, None, "central", None, id="national-award-is-central"),
    pytest.param("Tập huấn", "Ngày 13/12, Sở Thông tin và Truyền thông tổ chức tập huấn. Tỉnh Hòa Bình có 3 đoàn "
                 "trong diễn biến hòa bình.", None, "Hòa Bình", "province", "text",
                 id="lower-case-hoa-binh-is-peace"),
    pytest.param("Trao giải báo chí", "(Báo Hà Tĩnh) - Tối 5/12, tại Hà Nội, Ban Tuyên giáo Trung ương tổ chức lễ "
                 "trao giải báo chí.", "https://baohatinh.vn/x", None, "central", None,
                 id="outlet-tag-in-brackets-is-not-the-organiser"),
    pytest.param("Hội nghị", "(Baohatinh.vn) - Sáng 3/3, Cục Thông tin đối ngoại tổ chức hội nghị tại Hà Nội.", None,
                 None, "central", None, id="outlet-domain-tag-is-not-the-organiser"),
    pytest.param("Tập huấn", "BHG - Ngày 4/4, Ban Tuyên giáo Tỉnh ủy tổ chức tập huấn.", None, "Hà Giang",
                 "province", "text", id="capitals-tag-stays-a-weak-province-hint"),
]


@pytest.mark.parametrize("title, body, url, province, level, source", CASES)
def test_extract_place(title, body, url, province, level, source):
    assert place(title, body, url) == (province, level, source)


def test_extract_place_gives_evidence_and_known_level():
    p = extract_place(doc("Tập huấn", "Sáng 2/6, Sở Thông tin và Truyền thông Bình Phước tổ chức lớp bồi dưỡng."),
                      None)
    assert p.level.value in LEVELS
    assert "Bình Phước" in p.province.evidence


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty"),
    pytest.param("\n\n", id="blank-lines"),
    pytest.param("((((----))))", id="punctuation"),
    pytest.param("x" * 5000, id="long-token"),
])
def test_extract_place_never_raises(text):
    p = extract_place(doc(None, text), "::::")
    assert p.province is None
