"""The tile map: its layout (pure, from the centroids) and the figure (offline, a label and a
colour on every tile, legend, archipelagos, the filters and source printed under it)."""
from __future__ import annotations

import itertools

import pandas as pd
import pytest

from dashboard import charts, queries
from dashboard.charts.map import ZERO_COLOUR, tile_colour, tile_label
from dashboard.charts.tilegrid import row_columns, tile_layout, tile_rows
from dashboard.components.province_click import clicked_name, provinces_of
from dashboard.filters import Filters

SCHEMES = ["63", "34"]


@pytest.fixture(scope="module", params=SCHEMES)
def laid_out(request):
    places = queries.gazetteer(request.param)
    tiles = {t.name: t for t in tile_layout(places, request.param)}
    return request.param, places.set_index("name"), tiles


def test_every_province_gets_its_own_cell(laid_out):
    scheme, places, tiles = laid_out
    assert set(tiles) == set(places.index) and len(tiles) == int(scheme)
    cells = [(t.row, t.col) for t in tiles.values()]
    assert len(cells) == len(set(cells)), "no two provinces share a cell"
    assert min(t.col for t in tiles.values()) == 0 and min(t.row for t in tiles.values()) == 0


def test_north_south_order_is_kept(laid_out):
    _, places, tiles = laid_out
    for a, b in itertools.combinations(tiles, 2):
        if places.at[a, "lat"] > places.at[b, "lat"]:
            assert tiles[a].row <= tiles[b].row, f"{a} is north of {b}"


def test_west_east_order_within_a_row_and_rows_touch(laid_out):
    _, places, tiles = laid_out
    rows: dict[int, list[str]] = {}
    for t in tiles.values():
        rows.setdefault(t.row, []).append(t.name)
    assert sorted(rows) == list(range(len(rows))), "no empty row"
    spans = []
    for r in sorted(rows):
        by_col = sorted(rows[r], key=lambda n: tiles[n].col)
        assert by_col == sorted(rows[r], key=lambda n: (places.at[n, "lon"], n)), f"row {r} runs west to east"
        spans.append((tiles[by_col[0]].col, tiles[by_col[-1]].col))
    assert all(lo <= above_hi and hi >= above_lo for (above_lo, above_hi), (lo, hi)
               in zip(spans, spans[1:], strict=False)), \
        "each row touches the one above: the country is one piece"


@pytest.mark.parametrize("west, east", [
    pytest.param("Điện Biên", "Quảng Ninh", id="the far north-west lies west of the north-east coast"),
    pytest.param("Cà Mau", "TP. Hồ Chí Minh", id="the southern tip lies west of the city"),
    pytest.param("Kon Tum", "Bình Định", id="highlands west of the coast"),
])
def test_rough_east_west_shape(west, east):
    tiles = {t.name: t for t in tile_layout(queries.gazetteer("63"), "63")}
    assert tiles[west].col < tiles[east].col


@pytest.mark.parametrize("targets, expected", [
    pytest.param([0.2, 1.1, 2.0], [0, 1, 2], id="already apart"),
    pytest.param([1.0, 1.0, 1.0], [0, 1, 2], id="same longitude: spread, order kept"),
    pytest.param([0.0, 8.0], [3, 5], id="far apart: pulled together around their middle, one empty tile between"),
    pytest.param([], [], id="empty row"),
])
def test_row_columns(targets, expected):
    assert row_columns(targets) == expected


def test_tile_rows_drop_empty_bands():
    rows = tile_rows(pd.Series([23.0, 22.9, 10.0, 9.5]), rows=10)
    assert sorted(set(rows)) == list(range(len(set(rows))))
    assert list(rows) == sorted(rows)


@pytest.mark.parametrize("name, label", [
    pytest.param("Huế", "Huế", id="short name on one line"),
    pytest.param("Nghệ An", "Nghệ<br>An", id="two words on two lines, marks intact"),
    pytest.param("TP. Hồ Chí Minh", "TP.HCM", id="too long: its usual abbreviation"),
    pytest.param("Bà Rịa - Vũng Tàu", "BR-VT", id="abbreviation from the alias table"),
    pytest.param("Thừa Thiên Huế", "TT-Huế", id="three syllables"),
])
def test_tile_label(name, label):
    assert tile_label(name) == label


@pytest.mark.parametrize("scheme", SCHEMES)
def test_map_figure_is_offline_labelled_and_footed(corpus, scheme):
    table = queries.by_province(corpus, Filters(), scheme)
    fig = charts.province_tile_map(table, scheme, "vi", "meetings", "Bản đồ", "Câu bộ lọc.\nNguồn: thử.")
    assert {t.type for t in fig.data} == {"scatter"}, "no geo/mapbox trace: nothing fetched"
    tiles = fig.data[0]
    assert len(tiles.x) == int(scheme) and all(tiles.text), "a label on every tile"
    assert [row[0] for row in tiles.customdata].count("Nghệ An" if scheme == "63" else "Nghệ An") == 1
    assert len(fig.layout.shapes) == int(scheme)
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "Hoàng Sa" in notes and "Trường Sa" in notes
    assert "Câu bộ lọc." in notes and "Nguồn: thử." in notes, "the PNG carries the filters and the source"
    assert any(t.marker.showscale for t in fig.data), "a colour legend"
    assert fig.layout.yaxis.scaleanchor == "x", "tiles stay square"


def test_tile_colours_separate_none_from_few():
    assert tile_colour(0, 10) == ZERO_COLOUR
    assert tile_colour(1, 10) != tile_colour(10, 10) != ZERO_COLOUR


@pytest.mark.parametrize("state, name", [
    pytest.param({"selection": {"points": [{"x": 3, "y": 4, "customdata": ["Nghệ An", 3]}]}}, "Nghệ An", id="tile"),
    pytest.param({"selection": {"points": []}}, None, id="deselected"),
    pytest.param(None, None, id="no state yet"),
])
def test_clicked_name(state, name):
    assert clicked_name(state) == name


@pytest.mark.parametrize("name, scheme, offered, expected", [
    pytest.param("Nghệ An", "63", ["Hà Nội", "Nghệ An"], ["Nghệ An"], id="63: the province itself"),
    pytest.param("Cà Mau", "63", ["Hà Nội"], [], id="63: a province the corpus lacks is no filter"),
    pytest.param("Tuyên Quang", "34", ["Hà Giang", "Hà Nội", "Tuyên Quang"], ["Hà Giang", "Tuyên Quang"],
                 id="34: the provinces merged into the unit"),
])
def test_provinces_of_a_click(name, scheme, offered, expected):
    assert provinces_of(name, scheme, offered) == expected
