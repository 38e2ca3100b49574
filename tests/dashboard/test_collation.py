"""Vietnamese collation: letters first (Đ after D, ă â after a), tones second, case last."""
import pytest

from dashboard.queries.collation import sort_key, sorted_vi


@pytest.mark.parametrize("before, after", [
    pytest.param("Điện Biên", "Gia Lai", id="đ-is-a-letter-after-d-not-after-y-as-code-points-put-it"),
    pytest.param("Đà Nẵng", "Đắk Lắk", id="a-before-ă-tones-ignored-at-first-level"),
    pytest.param("Đắk Nông", "Điện Biên", id="đắk-near-đà-not-after-điện"),
    pytest.param("Hà Nam", "Hà Nội", id="space-then-letters"),
    pytest.param("Hà Nội", "Hải Dương", id="a-space-sorts-before-any-letter"),
    pytest.param("Cà Mau", "Cần Thơ", id="a-before-â"),
    pytest.param("Hoà Bình", "Hòa Bình", id="tone-placement-variants-tie-on-letters-and-tones-code-points-last"),
    pytest.param("Ma", "Mà", id="ngang-before-huyền-at-second-level"),
    pytest.param("Ấn Độ", "Úc", id="â-before-u-though-its-code-point-is-larger"),
])
def test_order(before, after):
    assert sort_key(before) < sort_key(after)


def test_provinces_sorted_like_a_vietnamese_index():
    names = ["Yên Bái", "Đồng Tháp", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Bắc Giang", "Bà Rịa - Vũng Tàu", "An Giang"]
    assert sorted_vi(names) == ["An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Đà Nẵng", "Đắk Lắk", "Điện Biên",
                                "Đồng Tháp", "Yên Bái"]


def test_missing_names_sort_last_and_nothing_raises():
    assert sorted_vi(["Huế", None, "An Giang"], key=lambda v: v) == ["An Giang", "Huế", None]


def test_tone_mark_placement_does_not_change_the_first_two_levels():
    assert sort_key("Hòa Bình").split("\x01")[:2] == sort_key("Hoà Bình").split("\x01")[:2]
