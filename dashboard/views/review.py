"""Review: the extracted values most worth a human look, ranked; pick one to see its evidence sentence
highlighted in the text, the competing readings, and the controls to correct or check it."""
from __future__ import annotations

import streamlit as st

from .. import i18n
from ..components import correction_form, export_menu, notices, review_picker, tables
from ..components.article_view import highlight
from ..filters import Filters
from ..queries import review as review_queries
from ..settings import setting

QUEUE_ORDER = ["score", "reasons", "field", "value", "province", "date", "title", "doc_id"]


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.review", lang))
    notices.filter_sentence(f)
    st.caption(i18n.t("review.intro", lang))
    correction_form.show_message()
    # the rows on screen looked up, the whole queue ranked and counted; the downloads build it all on click
    shown, total = review_queries.review_page(corpus, f, setting("review_rows"))
    if not total:
        st.success(i18n.t("review.empty", lang), icon=":material/task_alt:")
        return
    st.dataframe(review_picker.display_queue(shown, lang), hide_index=True, column_order=QUEUE_ORDER,
                 column_config={**review_picker.queue_columns(lang), "title": tables.wide_text("title", lang, 320)})
    if total > len(shown):
        st.caption(i18n.t("review.cut", lang, n=i18n.fmt_int(len(shown), lang), total=i18n.fmt_int(total, lang)))
    export_menu.table_downloads(lambda: review_queries.review_queue(corpus, f), "review-queue", lang)
    picked = review_picker.render(shown, lang)
    if picked is not None:
        _item(corpus, shown[shown["item"] == picked].iloc[0].to_dict(), f)


def _item(corpus, item: dict, f: Filters) -> None:
    lang = f.lang
    doc_id, field = item["doc_id"], item["field"]
    st.subheader(i18n.t("review.item", lang, field=i18n.field_label(field, lang), doc=doc_id))
    st.caption(" · ".join(i18n.t(f"review.reason_{r}", lang) for r in item["reasons"]))
    left, right = st.columns([3, 2])
    with left:
        sentence = item.get("sentence")
        st.caption(i18n.t("review.evidence" if sentence else "review.no_evidence", lang))
        body = corpus.bodies([doc_id]).iloc[0]  # the texts live apart from the working frame
        text = highlight(body if isinstance(body, str) else "", [sentence or ""])
        st.html(f"<div style=\"{review_picker.TEXT_STYLE}\">{text}</div>")
    with right:
        readings = review_queries.competing_readings(corpus, doc_id, field)
        if not readings.empty:
            st.markdown(f"**{i18n.t('review.readings', lang)}**")
            st.dataframe(review_picker.display_readings(readings, lang), hide_index=True,
                         column_config=review_picker.reading_columns(lang))
        correction_form.who_input(lang)
        correction_form.render(corpus, doc_id, field, lang, place="review")
        st.markdown(f"[{i18n.t('review.open_article', lang)}]({tables.article_link(doc_id, f)})")
