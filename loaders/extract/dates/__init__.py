"""Dates of a report: the article's own dateline, the day of the meeting, the period it reviews."""
from .meeting import extract_meeting_date
from .period import extract_period
from .published import extract_published

__all__ = ["extract_meeting_date", "extract_period", "extract_published"]
