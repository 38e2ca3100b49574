"""Text normalisation every extractor relies on, including the fast paths (nothing to change)."""
import pytest

from loaders.textnorm import fold, fold_tones, nfc


@pytest.mark.parametrize("text, expected", [
    pytest.param("Hội nghị tổng kết", "Hội nghị tổng kết", id="already clean: returned as is"),
    pytest.param("a  b", "a b", id="double space"),
    pytest.param("a\t\tb", "a b", id="tabs"),
    pytest.param("a\u00a0b", "a b", id="no-break space"),
    pytest.param("a \u2003 b", "a b", id="em space inside a run"),
    pytest.param("a\u3000b", "a b", id="ideographic space"),
    pytest.param("a\u200bb", "ab", id="zero-width space removed"),
    pytest.param("\ufeffTiêu đề", "Tiêu đề", id="byte-order mark removed"),
    pytest.param("dòng 1\n\ndòng 2", "dòng 1\n\ndòng 2", id="line breaks kept"),
    pytest.param("Ho\u0300a", "Hòa", id="decomposed marks composed"),
    pytest.param("", "", id="empty"),
    pytest.param(None, "", id="None"),
])
def test_nfc(text, expected):
    assert nfc(text) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Hòa", "Hoà", id="o-grave before a"),
    pytest.param("Thủy", "Thuỷ", id="u-hook before y"),
    pytest.param("HÒA", "HOÀ", id="upper case"),
    pytest.param("Òa", "Oà", id="capitalised"),
    pytest.param("òA", "òA", id="mixed case pair is left alone"),
    pytest.param("hoà", "hoà", id="already new style"),
    pytest.param("Khánh Hòa, Thủy Nguyên", "Khánh Hoà, Thuỷ Nguyên", id="several"),
])
def test_fold_tones(text, expected):
    assert fold_tones(text) == expected


@pytest.mark.parametrize("a, b", [
    pytest.param("Khánh Hòa", "khánh  hoà", id="case, tones and spaces"),
    pytest.param(" Thủy\u00a0Nguyên ", "thuỷ nguyên", id="edges and odd spaces"),
])
def test_fold_makes_spellings_equal(a, b):
    assert fold(a) == fold(b)
