"""A parsed ``Query`` against one short text: a picker's label, or a sentence to highlight.
(A whole corpus is matched through its ``corpus.SearchIndex``.)

Keys are padded (" bien dao "), so a phrase key matches whole syllables with a plain substring
test. A picker matches as the user types: its last word may be the start of a syllable
("nghe a" finds Nghệ An).
"""
from __future__ import annotations

from .keys import key_with_offsets, search_key
from .query import Query


def matches_text(text: str, query: Query, prefix: bool = False) -> bool:
    """Does one text (a picker's label) satisfy ``query``? ``prefix``: the query's keys may end
    inside a syllable, as they do while the user is still typing."""
    key = search_key(text)
    for clause in query.clauses:
        hit = any((k.rstrip() if prefix else k) in key for p in clause.phrases for k in p.keys)
        if hit == clause.negated:
            return False
    return True


def match_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of every hit of a phrase the query looks for, left to right,
    overlaps merged: what a keyword-in-context row highlights."""
    key, origin = key_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for needle in dict.fromkeys(query.positive_keys):
        start = key.find(needle)
        while start != -1:
            first, last = start + 1, start + len(needle) - 2  # the needle's letters, not its padding
            spans.append((origin[first], origin[last] + 1))
            start = key.find(needle, start + 1)
    return _merged(sorted(spans))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
