"""Key terms for word clouds, on short sentences written for these tests."""
import pytest

from loaders.extract.terms import canonical_text, extract_terms, stopwords

TTDN = "thông tin đối ngoại"


@pytest.mark.parametrize("text", [
    pytest.param("Hội nghị tổng kết công tác thông tin đối ngoại năm 2023.", id="lower-case"),
    pytest.param("Thông tin đối ngoại góp phần quảng bá hình ảnh.", id="sentence-start-capital"),
    pytest.param("Ban Chỉ đạo công tác TTĐN tỉnh họp phiên thường kỳ.", id="abbreviation"),
])
def test_ttdn_is_one_term(text):
    terms = extract_terms(text)
    assert terms[TTDN] == 1
    assert "đối ngoại" not in terms and "thông tin" not in terms


def test_domain_phrase_variants_become_one_spelling():
    terms = extract_terms("Tuyên truyền về biển, đảo và bảo vệ chủ quyền biển - đảo.")
    assert terms["biển đảo"] == 2


@pytest.mark.parametrize("phrase", ["ban chỉ đạo", "không gian mạng", "xúc tiến đầu tư", "thế lực thù địch"])
def test_domain_phrases_are_kept_whole(phrase):
    assert extract_terms(f"Bài viết nhắc tới {phrase.capitalize()} nhiều lần.")[phrase] == 1


def test_stopwords_numbers_and_punctuation_are_dropped():
    terms = extract_terms("Ngày 15/3/2022, có 200 đại biểu và các đồng chí lãnh đạo dự hội nghị tại tỉnh.")
    assert not any(ch.isdigit() for t in terms for ch in t)
    assert not set(terms) & stopwords()
    assert all(len(t) > 1 and any(c.isalpha() for c in t) for t in terms)


def test_terms_are_lower_case_and_people_are_not_terms():
    terms = extract_terms("Đồng chí Nguyễn Văn Thông phát biểu về Biển Đông.")
    assert "biển đông" in terms
    assert all(t == t.lower() for t in terms)
    assert not any("thông" in t and "nguyễn" in t for t in terms)


def test_empty_text_gives_no_terms():
    assert extract_terms("") == {}
    assert extract_terms("   ") == {}


def test_canonical_text_rewrites_only_whole_phrases():
    assert canonical_text("BCĐ họp") == "ban chỉ đạo họp"
    assert canonical_text("TTĐNX") == "TTĐNX"
