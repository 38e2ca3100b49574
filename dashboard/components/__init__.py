"""Streamlit building blocks shared by the pages. Each owns its session-state keys: they are
constants in its module, only that module writes them, and other code reads them through the
module's functions.

    filter_bar    the sidebar filters <-> URL; owns the f_* keys (current_lang() reads the language)
    upload        the upload box; owns the saved-upload key (uploaded_path() reads it)
    article_view  one article picked from a table or ?doc=; owns the picker's keys
    export_menu   a chart or table with its download buttons, the one-file report button
    tables        dataframes for reading: labels, locale dates, column widths, article links
    notices       the demo banner, the filter sentence, empty states, the corpus source line
"""
