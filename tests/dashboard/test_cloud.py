"""Word clouds: compound Vietnamese terms stay whole, diacritics survive, output is stable."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from dashboard import cloud

FREQS = {
    "thông tin đối ngoại": 40, "quảng bá hình ảnh": 22, "biển, đảo": 18, "xúc tiến đầu tư": 15,
    "người Việt Nam ở nước ngoài": 9, "Đắk Lắk": 7, "Thừa Thiên Huế": 6, "hội nghị": 12,
}
TEXT_RE = re.compile(r"<text[^>]*>([^<]*)</text>")


@pytest.fixture(scope="module")
def svg() -> str:
    return cloud.wordcloud_svg(FREQS, width=600, height=300)


@pytest.mark.parametrize("term", [
    pytest.param("thông tin đối ngoại", id="three-syllable compound kept as one term"),
    pytest.param("người Việt Nam ở nước ngoài", id="long compound with ở, ư, ớ kept whole"),
    pytest.param("Đắk Lắk", id="capital Đ and ắ intact"),
    pytest.param("biển, đảo", id="punctuation inside a term kept"),
])
def test_svg_keeps_compound_terms_intact(svg, term):
    assert term in TEXT_RE.findall(svg)


def test_svg_draws_each_term_once(svg):
    assert sorted(TEXT_RE.findall(svg)) == sorted(FREQS)


def test_png_is_a_valid_image_of_the_requested_size():
    image = Image.open(io.BytesIO(cloud.wordcloud_png(FREQS, width=600, height=300)))
    image.verify()
    assert image.format == "PNG" and image.size == (600, 300)


def test_same_counts_give_the_same_picture():
    assert cloud.wordcloud_png(FREQS, 400, 200) == cloud.wordcloud_png(FREQS, 400, 200)


@pytest.mark.parametrize("freqs", [
    pytest.param({}, id="no terms at all"),
    pytest.param({"": 3, "  ": 2, "hội nghị": 0}, id="only blank or zero-count terms"),
])
def test_empty_input_gives_a_blank_image_not_an_error(freqs):
    image = Image.open(io.BytesIO(cloud.wordcloud_png(freqs, 300, 150)))
    assert image.size == (300, 150)
    assert "<svg" in cloud.wordcloud_svg(freqs, 300, 150)


def test_colours_come_from_the_fixed_palette(svg):
    fills = set(re.findall(r"<text[^>]*fill:(#[0-9a-fA-F]{6})", svg))
    assert fills and fills <= {p.lower() for p in cloud.PALETTE}


def test_font_covers_vietnamese():
    from fontTools.ttLib import TTFont
    cmap = TTFont(cloud.font_path()).getBestCmap()
    letters = [chr(c) for c in range(0x1EA0, 0x1EFA)] + list("ăâđêôơưĂÂĐÊÔƠƯ")
    assert [ch for ch in letters if ord(ch) not in cmap] == []
