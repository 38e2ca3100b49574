"""The Streamlit dashboard: ``app.py`` routes, ``views/`` render, ``queries``/``charts`` compute.

``queries/`` (corpus + Filters -> small frames), ``charts/`` (frame -> plotly Figure),
``export``, ``cloud``, ``report``, ``filters``, ``i18n`` and ``settings`` never import streamlit,
so they are unit-tested without a running app. ``components/`` are the shared Streamlit pieces
(each owns its session keys); ``data`` is the only cache layer.
"""
