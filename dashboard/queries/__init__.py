"""Pure pandas: ``(corpus, Filters) -> small DataFrames`` for the views. No streamlit here.

Conventions every query keeps:
* the date that drives time filters and charts is ``date`` = meeting_date, or published when
  the meeting date is unknown (``date_source`` says which);
* "meetings" counts distinct ``meeting_id`` (an article without one is its own meeting),
  "articles" counts rows — ``Filters.unit`` picks which;
* sorting is deterministic: count descending, then name.

One module per concern; the names below are what views and the report call, so a page reads
``queries.over_time(corpus, f, freq)`` whichever module the query lives in.

    filtering    Filters applied to the corpus, the filter bar's options
    counting     meetings vs articles, grouped and ranked counts (shared helpers)
    periods      calendar buckets and reporting-period codes (shared helpers)
    overview     key figures, the latest meetings
    timeline     counts over time, the meetings behind a bar
    provinces    the gazetteer, counts per province, province × year, comparison
    themes       theme shares and trends, province × theme
    terms        term frequencies without corpus-defining terms, distinctive terms, term trends
    kwic         keyword in context: left · hit · right
    delegations  delegation and visitor numbers by province and period, their evidence
    partners     partner countries: linked to delegation figures, mentioned per province
    rhythm       the reporting rhythm: province × half-year of sơ kết / tổng kết
    collation    Vietnamese sort order: the one key every sort and picker uses
    articles     the article table, one article with its evidence
    quality      coverage, missing fields, merged duplicates, the ingest report
"""
from .articles import article, article_labels, article_titles, articles_table, evidence_rows, evidence_sentences
from .counting import count
from .delegations import (
    delegations_by_period,
    delegations_by_province,
    number_evidence,
    periods_outside,
    undivided_periods,
    visitors_by_period,
)
from .filtering import filter_articles, filter_options
from .kwic import keyword_in_context
from .overview import comparison_windows, key_figures, latest_meetings, meeting_count, yearly_trend
from .partners import country_totals, number_countries, partner_countries, province_countries
from .periods import FREQS, GRANULARITIES
from .provinces import active_provinces, by_province, compare_provinces, gazetteer, province_year
from .quality import coverage, duplicate_groups, ingest_report, merged_meetings, missing_place_or_date, report_summary
from .rhythm import rhythm_gaps, rhythm_matrix
from .terms import (
    cloud_frequencies,
    distinct_targets,
    distinctive_of,
    distinctive_terms,
    readable_terms,
    term_frequencies,
    term_matrix,
    term_overview,
    term_trend,
)
from .themes import province_theme, theme_shares, theme_trend
from .timeline import articles_vs_meetings, meetings_in_bucket, month_hint, month_profile, over_time, time_axis

__all__ = [
    "FREQS", "GRANULARITIES",
    "active_provinces", "article", "article_labels", "article_titles", "articles_table", "articles_vs_meetings",
    "by_province",
    "cloud_frequencies", "compare_provinces", "count", "coverage", "delegations_by_period", "distinct_targets",
    "distinctive_of", "distinctive_terms",
    "delegations_by_province", "duplicate_groups", "evidence_rows", "evidence_sentences", "filter_articles",
    "filter_options", "gazetteer", "ingest_report", "key_figures", "keyword_in_context", "latest_meetings",
    "meetings_in_bucket", "merged_meetings", "missing_place_or_date", "month_profile", "number_evidence", "over_time",
    "province_theme", "province_year", "readable_terms", "report_summary", "term_frequencies", "term_overview",
    "term_matrix", "term_trend", "theme_shares", "theme_trend", "undivided_periods", "visitors_by_period",
    "comparison_windows", "country_totals", "periods_outside", "meeting_count", "month_hint", "partner_countries",
    "number_countries", "province_countries", "rhythm_gaps", "rhythm_matrix", "time_axis", "yearly_trend",
]
