"""Issue 7, headless (AppTest): the changed pages on the fixture corpus — page controls read from
the URL, ranking and heatmap totals agree, "—" vs 0, the rhythm matrix, partner countries, the
Overview's trend cards, dates typed in the filter bar."""
import base64
import dataclasses
import json

import numpy as np
import pytest

from dashboard import i18n


def specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def numbers(value) -> list:
    """A plotly array from its JSON: a plain list, or the binary form {dtype, bdata, shape}."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = [int(n) for n in str(value.get("shape", len(array))).split(",")]
        return array.reshape(shape).tolist()
    return value


def titled(at, key: str, **values) -> dict:
    """The chart whose title is the i18n string ``key`` (demo note aside)."""
    wanted = i18n.t(key, "vi", **values)
    def title(spec) -> str:  # a half-width chart wraps its title onto two lines
        return (spec["layout"].get("title") or {}).get("text", "").replace("<br>", " ")
    found = [s for s in specs(at) if title(s).startswith(wanted)]
    assert found, f"no chart titled {wanted!r}"
    return found[0]


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_provinces_ranking_and_heatmap_totals_agree(run_page):
    at = run_page("provinces")
    ranking = titled(at, "chart.ranked_provinces_meetings")["data"][0]
    ranked = dict(zip(ranking["y"], numbers(ranking["x"]), strict=False))
    heat = titled(at, "chart.province_year_meetings")["data"][0]
    rows = {name: sum(row) for name, row in zip(heat["y"], numbers(heat["z"]), strict=False)}
    assert ranked == rows  # every ranked province's row adds up to its bar
    assert i18n.t("provinces.heatmap_rule", "vi") in captions(at)


def test_provinces_scheme_and_comparison_ride_the_url(run_page):
    at = run_page("provinces", params={"scheme": "34", "compare34": "Nghệ An,Hà Nội,Atlantis"})
    assert at.session_state["pc_scheme"] == "34"
    assert at.multiselect(key="pc_compare34").value == ["Nghệ An", "Hà Nội"]  # an unknown name is dropped
    summary = at.dataframe[0].value.set_index("province")
    assert summary.at["Hà Nội", "delegations_in"] == "150"
    assert summary.at["Nghệ An", "visitors_out"] == "—"  # nobody reported it: a dash, not 0


def test_timeline_reads_its_grouping_from_the_url_and_shows_the_rhythm(run_page):
    at = run_page("timeline", params={"freq": "Y"})
    over = titled(at, "chart.over_time_meetings")
    assert over["layout"]["xaxis"]["tickvals"] == ["2021", "2022", "2023", "2024"]  # years, all of them
    rhythm = titled(at, "chart.rhythm")["data"][0]
    assert "Nghệ An" in rhythm["y"] and rhythm["zmax"] == 3.5
    assert any(s.value == i18n.t("rhythm.title", "vi") for s in at.subheader)
    assert "Tháng nhiều nhất" in captions(at)  # the month hint is read off the data


def test_timeline_titles_say_articles_when_counting_articles(run_page):
    at = run_page("timeline", params={"unit": "articles"})
    assert titled(at, "chart.over_time_articles")
    assert titled(at, "chart.month_profile_articles")


def test_delegations_dash_vs_zero_and_partner_countries(run_page, corpus, use_corpus):
    arts = corpus.articles.copy()
    arts["countries"] = [["Lào", "Campuchia"] if d == "a01" else [] for d in arts["doc_id"]]
    with_countries = type(corpus)(**{**corpus.__dict__, "articles": arts})
    at = run_page("delegations", params={"dgroup": "H"}, corpus_=with_countries)
    halves = titled(at, "chart.delegations_by_H")["data"][0]  # delegations received per half-year
    assert "—" in halves["text"]  # 2021H2: nobody reported, drawn as a dash
    partners = titled(at, "chart.partners_meetings")
    assert set(partners["data"][0]["y"]) == {"Lào", "Campuchia"}
    assert any(s.value == i18n.t("partners.title", "vi") for s in at.subheader)


def test_overview_trend_cards_and_dash(run_page):
    at = run_page("overview", params={"province": "Thừa Thiên Huế"})
    values = {m.label: m.value for m in at.metric}
    assert values[i18n.t("kpi.delegations_in", "vi")] == "—"  # not reported, not "0"
    at = run_page("overview")
    cards = [m for m in at.metric if m.label == i18n.t("kpi.meetings", "vi")]
    assert cards and cards[0].proto.chart_data  # a sparkline per year
    assert "so với 2022" in (cards[0].proto.delta_description or "")  # 2023, the last full year, against 2022


@pytest.mark.parametrize("typed, shown", [
    pytest.param("2022-01-01", "01/01/2022", id="iso-in-the-url-shown-as-a-vietnamese-date"),
])
def test_dates_from_the_url_land_in_the_text_boxes(run_page, typed, shown):
    at = run_page("overview", params={"from": typed})
    assert at.sidebar.text_input(key="f_from").value == shown
    at.sidebar.text_input(key="f_to").set_value("31/12/2022").run()  # Enter
    assert at.query_params["to"] in ("2022-12-31", ["2022-12-31"])


@pytest.mark.parametrize("limit, cut", [
    pytest.param("2", True, id="fewer-rows-than-figures: the newest shown, the cut said"),
    pytest.param("2000", False, id="every-figure-fits: no note"),
])
def test_delegations_table_of_numbers_shows_the_newest_and_says_so(run_page, corpus, monkeypatch, limit, cut):
    monkeypatch.setenv("TTDN_EVIDENCE_ROWS", limit)
    at = run_page("delegations")
    table = next(d for d in at.dataframe if "sentence" in d.value.columns)
    every = len(corpus.numbers)
    assert len(table.value) == (int(limit) if cut else every)
    note = i18n.t("cut.newest", "vi", n=limit, m=every, what=i18n.t("cut.numbers", "vi"))
    assert (note in captions(at)) is cut


@pytest.mark.parametrize("limit, cut", [
    pytest.param("1", True, id="fewer-rows-than-merged-meetings: the largest shown, the cut said"),
    pytest.param("1000", False, id="every-meeting-fits: no note"),
])
def test_quality_merged_duplicates_show_the_largest_and_say_so(run_page, corpus, monkeypatch, limit, cut):
    monkeypatch.setenv("TTDN_DUPLICATE_ROWS", limit)
    arts = corpus.articles.copy()  # a second merged meeting beside the fixture's m-a03 (a03, a04)
    arts["meeting_id"] = arts["meeting_id"].astype(object)
    arts.loc[arts["doc_id"].isin(["a05", "a09"]), "meeting_id"] = "m-a05"
    arts["meeting_id"] = arts["meeting_id"].astype(corpus.articles["meeting_id"].dtype)
    at = run_page("quality", corpus_=dataclasses.replace(corpus, articles=arts))
    table = next(d for d in at.dataframe if "titles" in d.value.columns)
    assert len(table.value) == (1 if cut else 2)
    note = i18n.t("cut.top", "vi", n=limit, m=2, what=i18n.t("cut.meetings", "vi"))
    assert (note in captions(at)) is cut
