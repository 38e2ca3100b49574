"""The Streamlit dashboard: ``app.py`` routes, ``views/`` render, ``queries``/``charts`` compute.

``queries.py`` (corpus + Filters -> small frames) and ``charts.py`` (frame -> plotly Figure)
never import streamlit, so they are unit-tested without a running app.
"""
