"""Themes and countries on short sentences written for these tests."""
import pytest

from loaders.extract.countries import extract_countries
from loaders.extract.themes import extract_themes, themes
from loaders.types import CleanDoc


def doc(body, title=None):
    return CleanDoc(title=title, dateline=None, body=body, byline=None, raw=body)


THEME_CASES = [
    pytest.param("Hội nghị thông tin về tình hình Biển Đông.", "sea_islands", "biển đông", id="capitalised-keyword"),
    pytest.param("Tuyên truyền về biển, đảo của Tổ quốc.", "sea_islands", "biển, đảo", id="biển-comma-đảo"),
    pytest.param("Cảnh giác với âm mưu diễn biến hoà bình.", "countering_disinformation", "diễn biến hòa bình",
                 id="new-tone-placement-matches-old-keyword"),
    pytest.param("Đẩy mạnh xúc tiến đầu tư vào tỉnh.", "investment_trade_tourism", "xúc tiến đầu tư", id="investment"),
    pytest.param("Phản bác thông tin sai lệch trên không gian mạng.", "social_media_cyberspace", "không gian mạng",
                 id="cyberspace"),
    pytest.param("Vận động kiều bào hướng về quê hương.", "overseas_vietnamese", "kiều bào", id="overseas"),
    pytest.param("Kỹ năng cung cấp thông tin cho báo chí.", "press_foreign_journalists",
                 "cung cấp thông tin cho báo chí", id="press"),
    pytest.param("Bảo vệ an ninh tuyến biên giới.", "border", "biên giới", id="border"),
    pytest.param("Bảo đảm quyền con người và tự do tôn giáo.", "rights_religion_ethnicity", "quyền con người",
                 id="rights"),
    pytest.param("Giải thưởng toàn quốc về thông tin đối ngoại nhận 900 tác phẩm.", "ttdn_awards",
                 "giải thưởng toàn quốc về thông tin đối ngoại", id="award-longest-keyword-wins"),
    pytest.param("Lễ trao Giải thưởng toàn quốc về thông tin đối ngoại.", "ttdn_awards", "trao giải",
                 id="award-first-keyword-in-the-sentence"),
]


@pytest.mark.parametrize("text, theme, keyword", THEME_CASES)
def test_theme_hit(text, theme, keyword):
    hits = {h.theme: h for h in extract_themes(doc(text))}
    assert theme in hits
    assert hits[theme].keyword == keyword
    assert hits[theme].sentence == text


def test_one_hit_per_theme_with_the_first_sentence():
    text = "Câu đầu nói về Biển Đông. Câu sau lại nói về Hoàng Sa và biển đảo."
    hits = [h for h in extract_themes(doc(text)) if h.theme == "sea_islands"]
    assert len(hits) == 1
    assert hits[0].sentence == "Câu đầu nói về Biển Đông."


@pytest.mark.parametrize("text, theme", [
    pytest.param("Thiết kế hệ thống biên giới hạn dữ liệu.", "social_media_cyberspace", id="no-keyword-no-theme"),
    pytest.param("Đội tuyển zalora thắng giải.", "social_media_cyberspace", id="zalo-inside-a-longer-word"),
])
def test_keywords_match_whole_words_only(text, theme):
    assert theme not in {h.theme for h in extract_themes(doc(text))}


def test_every_theme_is_known_to_the_catalogue():
    ids = {t.id for t in themes()}
    hits = extract_themes(doc("Biển Đông, biên giới, kiều bào, tập huấn, mạng xã hội, tôn giáo."))
    assert {h.theme for h in hits} <= ids


COUNTRY_CASES = [
    pytest.param("Hợp tác với Lào và Campuchia.", ["Lào", "Campuchia"], id="two-countries-in-order"),
    pytest.param("Quan hệ Việt Nam, Lào, Campuchia.", ["Lào", "Campuchia"], id="comma-separated-list"),
    pytest.param("Chiến tranh thương mại Mỹ - Trung và quan hệ với Hoa Kỳ.", ["Hoa Kỳ"], id="alias-folds-to-one-name"),
    pytest.param("Đoàn công tác thăm thành phố Mỹ Tho.", [], id="my-tho-is-a-city"),
    pytest.param("Khai trương cửa khẩu tại Lào Cai.", [], id="lao-cai-is-a-province"),
    pytest.param("Đồng chí Nguyễn Minh Đức phát biểu.", [], id="duc-in-a-personal-name"),
    pytest.param("Học viên học tiếng Anh và tiếng Nga.", [], id="languages-are-not-countries"),
    pytest.param("Quan hệ với CHLB Đức và Liên bang Nga.", ["Đức", "Nga"], id="formal-names"),
    pytest.param("Đoàn đại biểu nước Cộng hòa Dân chủ Nhân dân Lào.", ["Lào"], id="lao-after-its-formal-name"),
    pytest.param("Thị trường châu Mỹ và Mỹ Latinh.", [], id="continents-are-not-the-usa"),
    pytest.param("Hội thảo với Nhật Bản, Hàn Quốc và Ấn Độ.", ["Nhật Bản", "Hàn Quốc", "Ấn Độ"], id="multi-syllable"),
]


@pytest.mark.parametrize("text, expected", COUNTRY_CASES)
def test_countries(text, expected):
    assert extract_countries(doc(text)) == expected
