"""Router only: page config, the shared sidebar (filters, upload), the demo banner, st.navigation.

Run: ``streamlit run dashboard/app.py [-- --corpus PATH]`` (no path: the demo corpus).
"""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root: make the
# package importable when the project is not pip-installed.
ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from dashboard import data, i18n, queries  # noqa: E402
from dashboard.components import correction_notice, errors, filter_bar, notices, upload  # noqa: E402
from dashboard.views import (  # noqa: E402
    articles,
    delegations,
    overview,
    provinces,
    quality,
    review,
    themes,
    timeline,
)

# The tab's icon is our own image, served by the app: a ":material/...:" page icon would make
# every page load fetch it from a Google font CDN (Streamlit draws favicons from there).
FAVICON = str(Path(__file__).resolve().parent / "icons" / "favicon.png")
# (module, url path, icon): url paths are ASCII so links can be shared and typed
# Material icons in the navigation ship with Streamlit's own font (no emoji font needed, nothing fetched).
PAGES = [
    (overview, "overview", ":material/dashboard:"),
    (timeline, "time", ":material/calendar_month:"),
    (provinces, "provinces", ":material/map:"),
    (themes, "themes", ":material/sell:"),
    (delegations, "delegations", ":material/flight:"),
    (articles, "articles", ":material/article:"),
    (quality, "quality", ":material/fact_check:"),
    (review, "review", ":material/rule:"),
]


def _page(view, corpus, filters):
    def run() -> None:
        view.render(corpus, filters)
    return run


def _redirect(target):
    """The root URL: Streamlit serves its default page at "/" only, so "/" forwards to /overview
    (keeping the query string) and /overview stays a shareable address."""
    def run() -> None:
        st.switch_page(target, query_params=st.query_params.to_dict())
    return run


def main() -> None:
    st.set_page_config(page_title="TTĐN — thông tin đối ngoại", page_icon=FAVICON, layout="wide")
    # a failure anywhere below shows the user an error id, and the log the traceback under it
    errors.shown_safely(_route, filter_bar.current_lang)


def _route() -> None:
    corpus = data.current_corpus()
    filters = filter_bar.render(queries.filter_options(corpus))
    lang = filters.lang
    upload.render(lang)
    notices.source_caption(data.current_source(), len(corpus.articles), lang)
    pages = [st.Page(_page(view, corpus, filters), title=i18n.t(f"nav.{path}", lang), icon=icon, url_path=path)
             for view, path, icon in PAGES]
    home = st.Page(_redirect(pages[0]), title=pages[0].title, url_path="home", default=True, visibility="hidden")
    navigation = st.navigation([home, *pages], position="top")
    notices.demo_banner(corpus, lang)
    correction_notice.render(corpus, lang)
    navigation.run()


main()
