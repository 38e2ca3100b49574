"""Chairs and central officials on short sentences written for these tests."""
import unicodedata

import pytest

from loaders.extract.people import extract_people
from loaders.textnorm import fold
from loaders.types import CleanDoc


def doc(title, body=""):
    return CleanDoc(title=title, dateline=None, body=body, byline=None, raw=f"{title or ''}\n{body}")


def chairs(body, title="Hội nghị"):
    return [p.name for p in extract_people(doc(title, body)) if p.role == "chair"]


CHAIRS = [
    pytest.param("Đồng chí Trần Văn Bình, Phó Bí thư Tỉnh ủy, Trưởng ban Chỉ đạo chủ trì hội nghị.",
                 ["Trần Văn Bình"], id="honorific-then-titles"),
    pytest.param("Sáng 7/1, Phó Bí thư Thường trực Tỉnh ủy Gia Lai Rơ Mah Tuân – Trưởng Ban Chỉ đạo chủ trì hội nghị.",
                 ["Rơ Mah Tuân"], id="title-and-province-before-ethnic-name"),
    pytest.param("Phó Chủ tịch UBND tỉnh H’Yim Kđoh chủ trì hội nghị.", ["H’Yim Kđoh"], id="curly-apostrophe-name"),
    pytest.param("Phó Chủ tịch UBND tỉnh H'Yim Kđoh chủ trì hội nghị.", ["H'Yim Kđoh"], id="straight-apostrophe-name"),
    pytest.param("Phó Bí thư Tỉnh ủy Y Mửi chủ trì hội nghị.", ["Y Mửi"], id="one-letter-family-name"),
    pytest.param("Chủ trì hội nghị có các đồng chí: Lê Văn An, Phó Bí thư Tỉnh ủy; Đỗ Thị Hoa, Phó Chủ tịch UBND "
                 "tỉnh; Vũ Minh Khoa, Trưởng ban Tuyên giáo Tỉnh ủy.", ["Lê Văn An", "Đỗ Thị Hoa", "Vũ Minh Khoa"],
                 id="list-after-chu-tri"),
    pytest.param("Các đồng chí Nguyễn Văn Hải - Phó Bí thư Tỉnh ủy; Phạm Thị Lan - Phó Chủ tịch UBND tỉnh cùng "
                 "chủ trì hội nghị.", ["Nguyễn Văn Hải", "Phạm Thị Lan"], id="cung-chu-tri"),
    pytest.param("Đồng chí Đặng Văn Long, Phó trưởng Ban Tuyên giáo Trung ương và đồng chí Ngô Thị Hằng, Phó Bí thư "
                 "Thành ủy đồng chủ trì Hội nghị.", ["Đặng Văn Long", "Ngô Thị Hằng"], id="dong-chu-tri-with-va"),
    pytest.param("Phát biểu kết luận hội nghị, đồng chí Phạm Minh Tuấn, Phó Bí thư Thường trực Tỉnh ủy đề nghị các "
                 "ngành tiếp tục đổi mới.", ["Phạm Minh Tuấn"], id="concluding-speech-name-after"),
    pytest.param("Ông Nguyễn Khắc Hùng phát biểu kết luận cuộc họp.", ["Nguyễn Khắc Hùng"],
                 id="concluding-speech-name-before"),
    pytest.param("Kết luận hội nghị, Phó Chủ tịch UBND tỉnh Nguyễn Văn An yêu cầu các ngành tiếp tục.",
                 ["Nguyễn Văn An"], id="concluding-speech-title-first"),
    pytest.param("Hội nghị diễn ra dưới sự chủ trì của đồng chí Lê Văn Hòa, Phó Bí thư Tỉnh ủy.", ["Lê Văn Hòa"],
                 id="su-chu-tri-cua"),
    pytest.param("Chủ trì hội nghị là đồng chí Trần Thị Mai, Phó Chủ tịch UBND tỉnh.", ["Trần Thị Mai"],
                 id="chu-tri-la"),
    pytest.param("Hội nghị do đồng chí Phan Văn Mãi, Bí thư Tỉnh ủy chủ trì.", ["Phan Văn Mãi"], id="do-X-chu-tri"),
    pytest.param("Phát biểu chỉ đạo hội nghị, Trưởng Ban Chỉ đạo công tác thông tin đối ngoại Nguyễn Văn Nghĩa "
                 "đánh giá cao kết quả.", ["Nguyễn Văn Nghĩa"], id="directing-speech-by-head-of-committee"),
    pytest.param("Phát biểu chỉ đạo, Thủ tướng Chính phủ Phạm Văn Chính nhấn mạnh vai trò của báo chí.", [],
                 id="directing-speech-by-someone-else-is-not-chairing"),
    pytest.param("Ban Tuyên giáo Trung ương, Ban Chỉ đạo công tác thông tin đối ngoại chủ trì, phối hợp với Báo Nhân "
                 "Dân tổ chức lễ trao giải.", [], id="institutions-are-not-people"),
    pytest.param("Đồng chí Hà Văn Ký, Trưởng Ban Tuyên giáo Tỉnh ủy phát biểu khai mạc hội nghị.", [],
                 id="opening-speech-is-not-chairing"),
    pytest.param("Phát biểu bế mạc, đồng chí Hồ Văn Nam, Trưởng Ban Chỉ đạo đề nghị các ngành phối hợp chặt chẽ.",
                 ["Hồ Văn Nam"], id="the-closing-speech-concludes-the-meeting"),
    pytest.param("Dự và chỉ đạo hội nghị có đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy.", [],
                 id="attending-and-directing-is-not-chairing"),
]


@pytest.mark.parametrize("body, expected", CHAIRS)
def test_chairs(body, expected):
    assert chairs(body) == expected


def test_chair_title_is_kept_apart_from_the_name():
    person = extract_people(doc("Hội nghị", "Đồng chí Trần Văn Bình, Phó Bí thư Tỉnh ủy chủ trì hội nghị."))[0]
    assert person.name == "Trần Văn Bình"
    assert "Phó Bí thư Tỉnh ủy" in person.title
    assert "chủ trì" in person.evidence


@pytest.mark.parametrize("written", [
    pytest.param("Đồng chí Nguyễn Thị Thủy, Trưởng ban Tuyên giáo Tỉnh ủy chủ trì hội nghị.", id="old-tone-placement"),
    pytest.param("Đồng chí Nguyễn Thị Thuỷ, Trưởng ban Tuyên giáo Tỉnh ủy chủ trì hội nghị.", id="new-tone-placement"),
    pytest.param(unicodedata.normalize("NFD", "Đồng chí Nguyễn Thị Thủy, Trưởng ban Tuyên giáo Tỉnh ủy chủ trì hội nghị."),
                 id="decomposed-unicode"),
])
def test_chair_names_survive_tone_and_unicode_variants(written):
    names = chairs(written)
    assert [fold(n) for n in names] == [fold("Nguyễn Thị Thuỷ")]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)


def test_central_official_attending_is_not_a_chair():
    people = extract_people(doc("Hội nghị", "Tham dự hội nghị có đồng chí Lê Hải Bình, Phó trưởng Ban Tuyên giáo "
                                             "Trung ương. Đồng chí Trần Văn Bình, Phó Bí thư Tỉnh ủy chủ trì hội nghị."))
    roles = {p.name: p.role for p in people}
    assert roles == {"Lê Hải Bình": "central_official", "Trần Văn Bình": "chair"}

