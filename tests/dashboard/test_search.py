"""Vietnamese search: keys ignore case, diacritics and punctuation; the query language; spelling
variants; the corpus index agrees with matching each text on its own; highlight spans."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.search import SearchIndex, match_spans, matches_text, parse, search_key
from dashboard.search.keys import fold_many, key_with_offsets
from dashboard.search.signature import Signatures
from dashboard.search.variants import variant_groups, widen
from loaders.assets import read_lines

GROUPS = ((" campuchia ", " cam pu chia "), (" thong tin doi ngoai ", " ttdn "))


@pytest.mark.parametrize("text, key", [
    pytest.param("biển đảo", " bien dao ", id="marks dropped"),
    pytest.param("Biển, đảo!", " bien dao ", id="case and punctuation"),
    pytest.param("ĐẮK LẮK", " dak lak ", id="capital Đ is d"),
    pytest.param("Hoà Bình / Hòa Bình", " hoa binh hoa binh ", id="both tone placements"),
    pytest.param("Cam-pu-chia", " cam pu chia ", id="hyphens break words"),
    pytest.param("Nghe\u0323\u0302 An", " nghe an ", id="decomposed marks"),
    pytest.param("“TTĐN” – 2024…", " ttdn 2024 ", id="typographic punctuation"),
    pytest.param("", " ", id="empty"),
    pytest.param(None, " ", id="missing"),
])
def test_search_key(text, key):
    assert search_key(text) == key
    assert key_with_offsets(text or "")[0] == key, "the highlighter folds exactly as the search does"


def test_fold_many_keeps_texts_apart():
    assert fold_many(["a b", "", "c\x00d", "Đ"]) == [" a b ", " ", " c d ", " d "]


@pytest.mark.parametrize("query, expected", [
    pytest.param("bien dao", [(False, (" bien dao ",))], id="unaccented run is one phrase"),
    pytest.param("biển, đảo", [(False, (" bien dao ",))], id="punctuation inside a phrase"),
    pytest.param('"biển đảo" "Trường Sa"', [(False, (" bien dao ",)), (False, (" truong sa ",))],
                 id="two quoted phrases are both required"),
    pytest.param("biển đảo AND Trường Sa", [(False, (" bien dao ",)), (False, (" truong sa ",))], id="AND"),
    pytest.param("Lào OR Campuchia", [(False, (" lao ", " campuchia ", " cam pu chia "))], id="OR with variants"),
    pytest.param("biển NOT Trung Quốc", [(False, (" bien ",)), (True, (" trung quoc ",))], id="NOT"),
    pytest.param("biển -Trung Quốc", [(False, (" bien ",)), (True, (" trung quoc ",))], id="minus negates the run"),
    pytest.param("Cam-pu-chia", [(False, (" cam pu chia ", " campuchia "))], id="a hyphen inside a word is no minus"),
    pytest.param("biển và đảo", [(False, (" bien va dao ",))], id="lower-case và is a word"),
    pytest.param("TTĐN", [(False, (" ttdn ", " thong tin doi ngoai "))], id="abbreviation variant"),
    pytest.param("OR NOT", [], id="operators alone find nothing to look for"),
    pytest.param('"unclosed quote', [(False, (" unclosed quote ",))], id="an open quote still reads"),
])
def test_parse(query, expected):
    got = [(c.negated, tuple(k for p in c.phrases for k in p.keys)) for c in parse(query, GROUPS).clauses]
    assert got == expected


TEXTS = [
    "Tuyên truyền chủ quyền biển, đảo cho ngư dân.",  # 0
    "Hợp tác với Cam-pu-chia về biên giới.",  # 1
    "Đào tạo cán bộ làm công tác thông tin đối ngoại.",  # 2
    "Đoàn Campuchia thăm Trung Quốc.",  # 3
    "Biển đảo quê hương và TTĐN.",  # 4
    "",  # 5
]


@pytest.mark.parametrize("query, rows", [
    pytest.param("bien dao", [0, 4], id="bien dao finds biển, đảo and Biển đảo"),
    pytest.param("biển đảo", [0, 4], id="the hint's own example"),
    pytest.param("Campuchia", [1, 3], id="variant spelling Cam-pu-chia found"),
    pytest.param("cam pu chia", [1, 3], id="and the other way round"),
    pytest.param("Campuchia NOT Trung Quốc", [1], id="NOT removes"),
    pytest.param("biển đảo OR biên giới", [0, 1, 4], id="OR adds"),
    pytest.param('"biển đảo" "ngư dân"', [0], id="both phrases"),
    pytest.param("thông tin đối ngoại", [2, 4], id="abbreviation TTĐN"),
    pytest.param("dao", [0, 2, 4], id="diacritics ignored: đảo and đào alike"),
    pytest.param("bien da", [], id="whole syllables only in article search"),
    pytest.param("", [0, 1, 2, 3, 4, 5], id="empty query keeps all"),
])
def test_index_finds_the_articles(query, rows):
    frame = pd.DataFrame({"title": [""] * len(TEXTS), "body": TEXTS})
    index = SearchIndex.build(frame)
    q = parse(query, GROUPS)
    assert list(np.flatnonzero(index.mask(q))) == rows
    assert [i for i, t in enumerate(TEXTS) if matches_text(t, q)] == rows, "index and one-text matching agree"
    keep = np.array([i % 2 == 0 for i in range(len(TEXTS))])
    assert list(np.flatnonzero(index.mask(q, keep))) == [r for r in rows if r % 2 == 0]


@pytest.mark.parametrize("chunk", [
    pytest.param(1000, id="one chunk: every text in one string"),
    pytest.param(64, id="ten chunks, the last one short: a match never crosses or skips a chunk's edge"),
    pytest.param(8, id="the smallest chunk the signatures pack"),
])
def test_index_agrees_with_plain_matching_on_many_texts(chunk):
    """Signatures may let extra articles through, never keep one out: on generated texts with many
    shared words the index gives exactly what scanning each key gives, however the texts are chunked."""
    rng = np.random.default_rng(7)
    words = ["biển", "đảo", "đào", "tạo", "biên", "giới", "và", "Lào", "lao", "động", "Cam-pu-chia", "tin"]
    texts = [" ".join(rng.choice(words, size=rng.integers(0, 30))) for _ in range(600)]
    index = SearchIndex.build(pd.DataFrame({"title": "", "body": texts}), chunk=chunk)
    assert index.text == SearchIndex.build(pd.DataFrame({"title": "", "body": texts})).text, "chunks never change the text"
    for query in ["biển đảo", "lao động", "Campuchia", "đào OR biên giới", "tin NOT và", "giới biển đảo tin"]:
        q = parse(query)
        assert list(index.mask(q)) == [matches_text(t, q) for t in texts], query


def test_signatures_never_hide_an_article_with_the_phrase():
    from dashboard.search.keys import folded_bytes
    texts = ["a b c", "b c d", "x y", ""] * 4
    sig = Signatures.empty(len(texts))
    sig.add(folded_bytes(texts), 0)
    may = sig.candidates(folded_bytes(["b c"]))
    assert all(may[i] for i, t in enumerate(texts) if " b c " in f" {t} ")


@pytest.mark.parametrize("label, typed, found", [
    pytest.param("Nghệ An", "nghe an", True, id="unaccented"),
    pytest.param("Nghệ An", "nghe a", True, id="typing: the last word may be cut"),
    pytest.param("Nghệ An", "ngh", True, id="first letters"),
    pytest.param("Nghệ An", "an", True, id="second word"),
    pytest.param("Nghệ An", "he an", False, id="a word's middle is no start"),
    pytest.param("Thừa Thiên Huế", "thua thien", True, id="two words"),
    pytest.param("TP. Hồ Chí Minh", "tp hcm", True, id="picker finds an abbreviation variant"),
    pytest.param("Bà Rịa - Vũng Tàu", "vung tau", True, id="after a hyphen"),
])
def test_picker_matching_as_you_type(label, typed, found):
    assert matches_text(label, parse(typed), prefix=True) is found


@pytest.mark.parametrize("text, query, marked", [
    pytest.param("Chủ quyền biển, đảo được giữ vững.", "bien dao", ["biển, đảo"], id="punctuation inside the hit"),
    pytest.param("Biển đảo và Cam-pu-chia.", "biển đảo OR Campuchia", ["Biển đảo", "Cam-pu-chia"], id="two hits"),
    pytest.param("Hợp tác với Lào.", "Lào NOT Trung Quốc", ["Lào"], id="NOT phrases are not highlighted"),
    pytest.param("Không có gì.", "biển", [], id="no hit"),
])
def test_match_spans_mark_the_text_as_written(text, query, marked):
    assert [text[a:b] for a, b in match_spans(text, parse(query))] == marked


def test_variant_asset_groups_are_spellings_of_one_name_each():
    groups = variant_groups()
    members = [m for g in groups for m in g]
    assert len(members) == len(set(members)), "a spelling belongs to one group only"
    assert all(len(m.replace(" ", "")) > 2 for m in members), "short spellings would match everywhere"
    assert len(groups) == len([ln for ln in read_lines("search_variants.txt")]), "every line is a group of 2+"


def test_widen_swaps_each_variant_in_place():
    assert widen(" bien gioi campuchia ", GROUPS) == (" bien gioi campuchia ", " bien gioi cam pu chia ")
    assert widen(" bien ", GROUPS) == (" bien ",)


def test_a_corrected_copy_keeps_the_index_and_another_corpus_does_not():
    """Corrections change fields, not texts: the copy reuses the folded index; different rows never do."""
    from dataclasses import replace

    from dashboard import search
    from tests.dashboard.fixtures import fixture_corpus

    base = fixture_corpus()
    search.attach(base)
    corrected = replace(base, articles=base.articles.assign(relevant=True))
    search.carry(base, corrected)
    assert search.index_of(corrected) is search.index_of(base)
    other = replace(base, articles=base.articles.iloc[::-1].reset_index(drop=True))
    search.carry(base, other)
    assert search.index_of(other) is not search.index_of(base)
