"""The theme taxonomy, country gazetteer, stopwords and domain phrases are valid data."""
import re
import unicodedata

import pytest

from loaders.assets import read_csv, read_json, read_lines
from loaders.textnorm import fold

THEMES = read_json("themes.json")["themes"]
REQUIRED_THEMES = {"sea_islands", "countering_disinformation", "investment_trade_tourism", "local_image",
                   "social_media_cyberspace", "international_cooperation", "party_state_policy",
                   "overseas_vietnamese", "press_foreign_journalists", "staff_training", "border",
                   "rights_religion_ethnicity", "ttdn_awards"}


def test_required_themes_present_and_ids_unique():
    ids = [t["id"] for t in THEMES]
    assert len(ids) == len(set(ids))
    assert set(ids) >= REQUIRED_THEMES


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t["id"])
def test_theme_has_labels_colour_and_keywords(theme):
    assert theme["label_vi"].strip() and theme["label_en"].strip()
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", theme["colour"])
    assert theme["keywords"] and all(k.strip() for k in theme["keywords"])


def test_theme_colours_are_distinct():
    colours = [t["colour"].lower() for t in THEMES]
    assert len(colours) == len(set(colours))


def test_keyword_sets_are_disjoint_across_themes():
    owner = {}
    for theme in THEMES:
        for kw in theme["keywords"]:
            key = fold(kw)
            assert owner.setdefault(key, theme["id"]) == theme["id"], f"{kw!r} in {owner[key]} and {theme['id']}"


def test_no_keyword_hides_inside_another_themes_keyword():
    """A keyword contained in another theme's keyword would make one phrase count for two themes."""
    pairs = [(fold(k), t["id"]) for t in THEMES for k in t["keywords"]]
    for kw, theme in pairs:
        for other, other_theme in pairs:
            if theme != other_theme and kw != other:
                assert not re.search(r"(?<!\w)" + re.escape(kw) + r"(?!\w)", other), (kw, other)


COUNTRIES = read_csv("countries.csv")


def test_countries_have_all_columns_and_unique_names_and_codes():
    assert {"name_vi", "aliases", "name_en", "iso2"} <= set(COUNTRIES[0])
    for column in ("name_vi", "name_en", "iso2"):
        values = [row[column] for row in COUNTRIES]
        assert len(values) == len(set(values)), column
    assert all(re.fullmatch(r"[A-Z]{2}", row["iso2"]) for row in COUNTRIES)


def test_country_aliases_belong_to_one_country():
    owner = {}
    for row in COUNTRIES:
        for alias in row["aliases"].split("|"):
            assert owner.setdefault(alias, row["name_vi"]) == row["name_vi"], alias


def test_vietnam_itself_is_not_a_foreign_country():
    assert not any(row["iso2"] == "VN" for row in COUNTRIES)


STOPWORDS = read_lines("stopwords_vi.txt")
PHRASES = read_lines("domain_phrases.txt")


def test_stopwords_are_nfc_lower_case_and_unique():
    assert len(STOPWORDS) > 150
    assert len(STOPWORDS) == len(set(STOPWORDS))
    for word in STOPWORDS:
        assert unicodedata.is_normalized("NFC", word) and word == word.lower(), word


def test_domain_phrases_are_not_stopwords():
    canonical = {line.partition("=")[0].strip().lower() for line in PHRASES}
    assert "thông tin đối ngoại" in canonical
    assert not canonical & set(STOPWORDS)


def test_domain_phrases_are_nfc_unique_and_have_one_spelling_each():
    seen: dict[str, str] = {}
    for line in PHRASES:
        head, _, variants = line.partition("=")
        phrase = head.strip()
        assert phrase and unicodedata.is_normalized("NFC", line), line
        assert phrase == " ".join(phrase.split()), f"single spaces: {phrase!r}"
        for spelling in (phrase, *(v.strip() for v in variants.split("|") if v.strip())):
            key = spelling.lower()
            assert seen.setdefault(key, phrase) == phrase, f"{spelling!r} is a spelling of two phrases"
