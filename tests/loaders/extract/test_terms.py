"""Key terms for word clouds, on short sentences written for these tests."""
import pytest

from loaders.extract.segmenter import canonical_text, lexicon, segment_line
from loaders.extract.terms import extract_terms, stopwords, terms_of_tokens, written_form

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


@pytest.mark.parametrize("written, term", [
    pytest.param("ban chỉ đạo", "Ban Chỉ đạo", id="a body's name takes its capitals"),
    pytest.param("không gian mạng", "không gian mạng", id="a common phrase stays lower case"),
    pytest.param("Xúc tiến đầu tư", "xúc tiến đầu tư", id="capital of the sentence dropped"),
    pytest.param("tổ giúp việc", "Tổ giúp việc", id="issue 7: a compound the dictionary lacks"),
    pytest.param("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ", id="issue 7: kept whole before another body"),
    pytest.param("BCĐ", "Ban Chỉ đạo", id="abbreviation spelled out"),
    pytest.param("Kết luận số 57-KL/TW", "Kết luận 57", id="a document number is part of the phrase"),
])
def test_domain_phrases_are_kept_whole_in_their_written_case(written, term):
    assert extract_terms(f"Bài viết nhắc tới {written} nhiều lần.")[term] == 1


@pytest.mark.parametrize("text, absent", [
    pytest.param("Các đơn vị bám sát tình hình.", {"bám", "sát"}, id="issue 7: no fragments of bám sát"),
    pytest.param("Tỉnh làm tốt việc lớn.", {"làm", "lớn", "tốt"}, id="issue 7: lone function syllables"),
    pytest.param("Phó Chủ tịch tỉnh dự họp.", {"Phó", "Phó Chủ tịch", "Chủ tịch"}, id="titles are not topics"),
    pytest.param("Kết quả so với cùng kỳ cho rằng sau đó tăng.", {"so với", "cho rằng", "sau đó"},
                 id="function compounds"),
])
def test_fragments_and_function_words_are_not_terms(text, absent):
    assert not set(extract_terms(text)) & absent


@pytest.mark.parametrize("text, term", [
    pytest.param("Đoàn đã sang thăm Biển Đông và Việt Nam.", "Biển Đông", id="every syllable capitalised"),
    pytest.param("Đoàn đã sang thăm Biển Đông và Việt Nam.", "Việt Nam", id="unknown name: capital run is one word"),
    pytest.param("Văn bản của Chính phủ được ban hành.", "Chính phủ", id="capital mid-sentence is a name"),
    pytest.param("Chính phủ ban hành văn bản mới.", "chính phủ", id="capital at the sentence start is not"),
    pytest.param("Hợp tác với ASEAN được mở rộng.", "ASEAN", id="an abbreviation stays in capitals"),
    pytest.param("HỘI NGHỊ TỔNG KẾT NĂM.", "tổng kết", id="a word in an all-caps headline is lowered"),
])
def test_proper_nouns_keep_their_written_case(text, term):
    assert term in extract_terms(text)


def test_stopwords_numbers_and_punctuation_are_dropped():
    terms = extract_terms("Ngày 15/3/2022, có 200 đại biểu và các đồng chí lãnh đạo dự hội nghị tại tỉnh.")
    assert not any(ch.isdigit() for t in terms for ch in t)
    assert not set(terms) & stopwords()
    assert all(len(t) > 1 and any(c.isalpha() for c in t) for t in terms)


def test_people_are_not_terms():
    terms = extract_terms("Đồng chí Nguyễn Văn Thông phát biểu về Biển Đông.")
    assert "Biển Đông" in terms
    assert not any("Thông" in t or "Nguyễn" in t for t in terms)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "2023 - 2024"])
def test_text_without_words_gives_no_terms(text):
    assert extract_terms(text) == {}


@pytest.mark.parametrize("line, words", [
    pytest.param("hội nghị tổng kết", ["hội nghị", "tổng kết"], id="longest dictionary words"),
    pytest.param("tại Đà Nẵng, hôm qua", ["tại", "Đà Nẵng", ",", "hôm qua"], id="punctuation ends a word"),
    pytest.param("xem https://a.vn/x-y.html nhé", ["xem", "https://a.vn/x-y.html", "nhé"], id="a URL is one token"),
])
def test_segment_line(line, words):
    assert segment_line(line) == words


@pytest.mark.parametrize("word, at_start, shown", [
    pytest.param("Hội nghị", True, "hội nghị", id="sentence capital"),
    pytest.param("Hội nghị", False, "Hội nghị", id="capital mid-sentence"),
    pytest.param("Hà Nội", True, "Hà Nội", id="capital on a later syllable"),
    pytest.param("TTĐN", False, TTDN, id="domain abbreviation"),
    pytest.param("UBND", False, "UBND", id="unknown abbreviation"),
])
def test_written_form(word, at_start, shown):
    assert written_form(word, at_start) == shown


def test_any_segmenter_goes_through_the_same_filters():
    # the benchmark compares segmenters this way: same tokens in, same terms out
    tokens = ["Hội nghị", "bám", "sát", "Biển Đông", ",", "không gian mạng"]
    assert list(terms_of_tokens(tokens)) == ["Biển Đông", "không gian mạng"]
    assert extract_terms("x", segment=lambda line: tokens) == {"Biển Đông": 1, "không gian mạng": 1}


def test_the_lexicon_is_underthesea_word_list_plus_domain_phrases():
    entries, prefixes = lexicon()
    assert len(entries) > 50_000, "underthesea's word list is installed and read"
    assert entries["thông tin đối ngoại"] == TTDN and entries["hội nghị"] == ""
    assert prefixes["thông tin"] >= 4


def test_canonical_text_rewrites_only_whole_phrases():
    assert canonical_text("BCĐ họp") == "Ban Chỉ đạo họp"
    assert canonical_text("TTĐNX") == "TTĐNX"
