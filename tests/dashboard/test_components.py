"""The pure helpers of dashboard/components (formatting, links, highlighting) and the rule
that each component is the only writer of its session keys (uploads: test_upload.py)."""
from __future__ import annotations

import ast
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest

from dashboard import queries
from dashboard.components import article_view, filter_bar, notices, tables, term_controls, upload
from dashboard.filters import Filters

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


# ---------------------------------------------------------------- session keys

def _session_writes(path: Path) -> list[ast.AST]:
    """Subscripts assigned on ``st.session_state`` in ``path``: ``st.session_state[KEY] = ...``."""
    tree = ast.parse(path.read_text("utf-8"))
    targets = [t for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AugAssign))
               for t in (node.targets if isinstance(node, ast.Assign) else [node.target])]
    return [t for t in targets if isinstance(t, ast.Subscript) and ast.unparse(t.value) == "st.session_state"]


@pytest.mark.parametrize("path", sorted(DASHBOARD.rglob("*.py")), ids=lambda p: str(p.relative_to(DASHBOARD)))
def test_session_state_is_written_only_by_components_through_their_key_constants(path):
    writes = _session_writes(path)
    if path.parent.name != "components":
        assert not writes, "only a component writes session state (views and the cache layer read through it)"
    for target in writes:
        key = ast.unparse(target.slice)
        assert key[0].isupper() or key.startswith("KEYS["), f"{key}: keys are the module's own constants"


@pytest.mark.parametrize("module, keys", [
    pytest.param(filter_bar, [*filter_bar.KEYS.values(), filter_bar.SEEDED_KEY], id="filter-bar"),
    pytest.param(upload, [upload.UPLOAD_KEY], id="upload"),
    pytest.param(article_view, [article_view.DOC_KEY, article_view.SEEDED_DOC_KEY], id="article-view"),
    pytest.param(filter_bar, [*filter_bar.FIND_KEYS.values(), *filter_bar.PICK_FOUND_KEYS.values()],
                 id="filter-bar-picker-search"),
    pytest.param(term_controls, [term_controls.STOP_KEY, term_controls.SHOW_KEY, term_controls.PICK_KEY],
                 id="term-controls"),
])
def test_no_other_module_spells_a_components_key(module, keys):
    """Another module naming the key's string would be reading (or writing) it behind the owner's back."""
    owner = Path(module.__file__).resolve()
    for path in DASHBOARD.rglob("*.py"):
        if path.resolve() != owner:
            text = path.read_text("utf-8")
            assert not [k for k in keys if f'"{k}"' in text or f"'{k}'" in text], path


# ---------------------------------------------------------------- tables

def test_display_frame_formats_for_reading_and_leaves_the_input_alone():
    frame = pd.DataFrame({"date": pd.to_datetime(["2022-07-18", None]), "title": ["Sơ kết", None],
                          "meeting_type": pd.Categorical(["so_ket", "tong_ket"]), "themes": [["bien_dao"], []],
                          "period": ["2022H1", None], "field": ["delegations_in", "visitors_out"]})
    shown = tables.display_frame(frame, "vi")
    assert shown["date"].tolist() == ["18/07/2022", "–"]  # locale date, missing as a dash
    assert shown["title"].tolist() == ["Sơ kết", "–"]  # never "None"
    assert shown["meeting_type"].tolist() == ["Sơ kết", "Tổng kết"]
    assert shown["period"].tolist() == ["6 tháng đầu 2022", "–"]  # a reporting period keeps its length
    assert shown["themes"].tolist() == [["bien_dao"], []]  # list cells are not blanked
    assert frame["meeting_type"].tolist() == ["so_ket", "tong_ket"]  # exports keep the raw codes


def test_article_link_keeps_the_filters_and_names_the_article():
    link = tables.article_link("a03", Filters(provinces=("Nghệ An",), lang="en"))
    parsed = urlparse(link)
    assert parsed.path == "articles"
    assert parse_qs(parsed.query) == {"province": ["Nghệ An"], "lang": ["en"], "doc": ["a03"]}


def test_with_links_adds_one_link_per_row(corpus):
    table = queries.latest_meetings(corpus, Filters(), 3)
    shown = tables.with_links(table, Filters(), "vi")
    assert shown["link"].tolist() == [f"articles?doc={d}" for d in table["doc_id"]]
    assert "link" not in table  # the exported frame stays as it was


@pytest.mark.parametrize("values, approx, lang, expected", [
    pytest.param([1234, 50], [False, True], "vi", ["1.234", "≈ 50"], id="vi-with-approx"),
    pytest.param([1234], [None], "en", ["1,234"], id="unknown-approx-is-exact"),
])
def test_approx_numbers(values, approx, lang, expected):
    assert tables.approx_numbers(pd.Series(values), pd.Series(approx, dtype="boolean"), lang) == expected


# ---------------------------------------------------------------- notices

@pytest.mark.parametrize("frame, column, expected", [
    pytest.param(pd.DataFrame(), None, True, id="no-rows"),
    pytest.param(pd.DataFrame({"count": [0, 0]}), "count", True, id="only-zeros-draw-nothing"),
    pytest.param(pd.DataFrame({"count": [0, 2]}), "count", False, id="one-non-zero"),
    pytest.param(pd.DataFrame({"count": [0]}), None, False, id="rows-without-a-value-column"),
])
def test_is_empty(frame, column, expected):
    assert notices.is_empty(frame, column) is expected


# ---------------------------------------------------------------- article view

@pytest.mark.parametrize("text, sentences, expected", [
    pytest.param("Hội nghị <b>sơ kết</b>. Tỉnh đón 12 đoàn.", ["Tỉnh đón 12 đoàn."],
                 "Hội nghị &lt;b&gt;sơ kết&lt;/b&gt;. <mark>Tỉnh đón 12 đoàn.</mark>", id="markup-escaped-evidence-marked"),
    pytest.param("<script>alert(1)</script>", ["<script>alert(1)</script>"],
                 "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>", id="a-script-sentence-stays-text"),
    pytest.param("Ban Chỉ đạo họp.", ["họp", ""], "Ban Chỉ đạo họp.", id="fragments-of-three-chars-are-not-marked"),
    pytest.param("Ban Chỉ đạo họp.", [float("nan"), None], "Ban Chỉ đạo họp.",
                 id="a-value-without-evidence-marks-nothing-and-does-not-crash"),
])
def test_highlight(text, sentences, expected):
    assert article_view.highlight(text, sentences) == expected


@pytest.mark.parametrize("url, expected", [
    pytest.param("https://baonghean.vn/a.html", True, id="https"),
    pytest.param("javascript:alert(1)", False, id="script-url"),
    pytest.param("file:///etc/passwd", False, id="local-file"),
    pytest.param(None, False, id="missing"),
])
def test_safe_url(url, expected):
    assert article_view.safe_url(url) is expected


def test_escape_markdown_keeps_a_title_plain():
    assert article_view.escape_markdown("Sơ kết *6 tháng* <b>") == "Sơ kết \\*6 tháng\\* &lt;b&gt;"


def test_facts_and_evidence_tables_are_in_the_ui_language(corpus):
    found = queries.article(corpus, "a01")
    facts = dict(article_view.facts_table(found["row"], "en").values.tolist())
    assert facts["Meeting date"] == "2021-07-10" and facts["Province"] == "Nghệ An"
    evidence = article_view.evidence_table(found, "vi")
    assert list(evidence.columns[:2]) == ["Trường", "Giá trị"]
    assert len(evidence) == len(found["evidence"]) + len(found["people"])


def test_page_controls_load_streamlits_emoji_table_when_imported():
    """The first non-ASCII option label makes Streamlit load its emoji table (0.1-0.15 s): importing
    the page controls (app.py does, as the server's first run starts) must have paid it already."""
    import subprocess
    import sys

    code = ("import sys; import dashboard.components.page_controls; "
            "print('streamlit.emojis' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "True"
