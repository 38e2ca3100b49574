"""Vietnamese search, pure (no streamlit): one matcher for the search box, the pickers and the KWIC.

    keys      text -> search key: lower case, no diacritics (đ -> d), punctuation as one space,
              padded so a phrase matches whole syllables ("biển, đảo" -> " bien dao ")
    variants  spelling variants from assets/search_variants.txt (Campuchia = Cam-pu-chia)
    query     the query language: phrases (unquoted runs of words or "quoted"), OR, NOT, AND
    corpus    the corpus's index: all keys folded once per load (dashboard/data.py), one scan a phrase
    matcher   a query against one short text: a picker's label, the spans of a sentence to highlight
"""
from .corpus import SearchIndex, attach, carry, index_of
from .keys import search_key
from .matcher import match_spans, matches_text
from .query import Query, parse

__all__ = ["Query", "SearchIndex", "attach", "carry", "index_of", "match_spans", "matches_text", "parse", "search_key"]
