"""Which terms the themes page hides: the corpus-defining ones by default, plus the user's own
stopwords, minus those the user shows again. Both lists ride the URL (``?stop=làm,lớn&show=tổ``).

Owns ``STOP_KEY`` and ``SHOW_KEY`` (the lists) and ``PICK_KEY`` (the multiselect that edits them):
the lists are written only by ``_changed`` (the multiselect's callback) and, on a first visit, from
the URL; the multiselect's value only here, before it is drawn.
"""
from __future__ import annotations

import streamlit as st

from .. import i18n
from ..queries.terms import term_key
from . import url_state

STOP_KEY, SHOW_KEY, PICK_KEY = "terms_stop", "terms_show", "terms_hidden"
STOP_PARAM, SHOW_PARAM = "stop", "show"
MAX_TERMS = 60  # a hidden-term list longer than this is not one a user typed


def _short(raw: str) -> list[str] | None:
    values = url_state.string_list(raw)
    return values[:MAX_TERMS]


def hidden_terms(defining: list[str], offered: list[str], share: float, lang: str) -> list[str]:
    """Draw the hidden-terms picker; return the terms to hide (readable form)."""
    if STOP_KEY not in st.session_state:  # a first visit: the lists come from the link
        st.session_state[STOP_KEY] = url_state.value(STOP_PARAM, [], _short)
        st.session_state[SHOW_KEY] = url_state.value(SHOW_PARAM, [], _short)
    shown = {term_key(t) for t in st.session_state[SHOW_KEY]}
    hidden = list(dict.fromkeys([*(t for t in defining if term_key(t) not in shown), *st.session_state[STOP_KEY]]))
    st.session_state[PICK_KEY] = hidden
    st.multiselect(i18n.t("terms.hidden", lang), list(dict.fromkeys([*defining, *hidden, *offered])), key=PICK_KEY,
                   accept_new_options=True, on_change=_changed, args=(defining,),
                   placeholder=i18n.t("terms.hidden_hint", lang), help=i18n.t("terms.hidden_help", lang))
    url_state.publish(STOP_PARAM, st.session_state[STOP_KEY], [])
    url_state.publish(SHOW_PARAM, st.session_state[SHOW_KEY], [])
    if defining:
        st.caption(i18n.t("terms.defining_note", lang, n=len(defining), share=i18n.fmt_pct(share, lang, 0),
                          terms=", ".join(defining)))
    return hidden


def _changed(defining: list[str]) -> None:
    """The multiselect changed: what it hides beyond the defaults is a stopword, what it no longer
    hides of the defaults is shown again."""
    picked = [str(t).strip() for t in st.session_state.get(PICK_KEY) or [] if str(t).strip()]
    keys = {term_key(t) for t in picked}
    default_keys = {term_key(t) for t in defining}
    st.session_state[STOP_KEY] = [t for t in picked if term_key(t) not in default_keys][:MAX_TERMS]
    st.session_state[SHOW_KEY] = [t for t in defining if term_key(t) not in keys]
