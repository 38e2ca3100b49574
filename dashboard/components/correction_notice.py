"""The line every page shows when values were corrected by hand: "N values corrected by hand (M checked)",
pointing to the Data quality page that lists them. Writes no session state."""
from __future__ import annotations

import streamlit as st

from ..queries.corrections import corpus_corrections_note


def render(corpus, lang: str) -> None:
    note = corpus_corrections_note(corpus, lang)
    if note:
        st.caption(f":material/edit_note: {note}")
