"""Counts stated in a report: foreign delegations received and sent, attendees, FDI projects.

Every count is a number written in the text (digits or Vietnamese number words) next to the
noun it counts; delegation counts are read by delegations.py. Vague quantities ("hàng trăm
đoàn") are not counts and give nothing.
"""
from __future__ import annotations

import re

from ..textnorm import fold_tones, nfc, sentence_of
from ..types import CleanDoc, Found
from .delegations import clause_after, clause_before, delegation_counts, number_of
from .numerals import QNUM

# --- visitors stated without a delegation count -------------------------------------------------

# "đã tiếp 1.024 lượt khách quốc tế đến thăm và làm việc": official reception of foreign guests.
# Tourists are counted with the same words, so the verb must sit right before the number and the
# clause must give an official purpose (làm việc / thăm) and no tourism word.
VISITORS_RE = re.compile(
    rf"(?<![\w/.,-]){QNUM}\s+(?:lượt\s+)?(?:khách|người|chuyên gia)\s+(?:quốc tế|nước ngoài)\b")
RECEPTION_BEFORE_RE = re.compile(r"\b(?:đón tiếp|tiếp đón|đón|tiếp)\s*(?:,\s*)?(?:và làm việc với\s+)?$")
OFFICIAL_PURPOSE_RE = re.compile(r"làm việc|\bthăm\b(?!\s+quan)\s*(?:và|,|;|$|tỉnh|thành phố|địa phương)")
TOURISM_RE = re.compile(r"du lịch|du khách|tham quan|thăm quan|lưu trú|nghỉ dưỡng|triệu lượt")

# --- other counts -----------------------------------------------------------------------------

ATTENDEE_NOUNS = r"(?:đại biểu|học viên|báo cáo viên|tuyên truyền viên|cán bộ|đồng chí|người|phóng viên)"
ATTENDEES_RE = re.compile(rf"(?<![\w/.,-]){QNUM}(?:/\d+)?\s+(?:lượt\s+)?{ATTENDEE_NOUNS}\b")
ATTENDANCE_CUE_RE = re.compile(r"(?i)tham dự|tham gia|\bdự\b|có mặt|với sự|\bgồm\b|\bcho\b")
FDI_RE = re.compile(
    rf"(?<![\w/.,-]){QNUM}\s+dự án\s+(?:có\s+)?(?:sử dụng\s+)?(?:vốn\s+)?(?:đầu tư\s+)?(?:trực tiếp\s+)?"
    r"(?:nước ngoài|FDI)"
)
FDI_SENTENCE_RE = re.compile(r"FDI|đầu tư trực tiếp nước ngoài")
FDI_COUNT_RE = re.compile(rf"(?<![\w/.,-]){QNUM}\s+dự án\b")
# "45 đoàn khách quốc tế với 320 lượt người": the people of a delegation count just before
PEOPLE_OF_DELEGATIONS_RE = re.compile(r"\bđoàn\b[^.;:]*$")
PEOPLE_OF_DELEGATIONS_CHARS = 40
LEAD_CHARS = 4000  # counts of a report sit in its first screens; later text is mostly boilerplate


def _visitors_without_delegations(text: str) -> Found | None:
    """Foreign guests received for official work, counted in people only ("tiếp 1.024 lượt khách
    quốc tế đến thăm và làm việc"); tourists and sightseers are not visitors."""
    for m in VISITORS_RE.finditer(text):
        if not RECEPTION_BEFORE_RE.search(text[max(0, m.start() - 40):m.start()]):
            continue
        number = number_of(m)
        if number is None:
            continue
        clause = clause_before(text, m.start()) + text[m.start():m.end()] + clause_after(text, m.end())
        if TOURISM_RE.search(clause) or not OFFICIAL_PURPOSE_RE.search(clause_after(text, m.end())):
            continue
        return Found(number[0], sentence_of(text, m.start(), m.end()), number[1], rule="visitors_received")
    return None


def _attendees(text: str) -> Found | None:
    for m in ATTENDEES_RE.finditer(text):
        if PEOPLE_OF_DELEGATIONS_RE.search(text[max(0, m.start() - PEOPLE_OF_DELEGATIONS_CHARS):m.start()]):
            continue  # "85 đoàn với 600 lượt người": people of delegations, not attendees
        number = number_of(m)
        if number is None:
            continue
        sentence = sentence_of(text, m.start(), m.end())
        if ATTENDANCE_CUE_RE.search(sentence):
            return Found(number[0], sentence, number[1], rule="attendees")
    return None


def _fdi_projects(text: str) -> Found | None:
    m = FDI_RE.search(text)
    if m is None:
        # "... vốn đầu tư trực tiếp nước ngoài (FDI) tại tỉnh với 704 dự án"
        for candidate in FDI_COUNT_RE.finditer(text):
            sentence = sentence_of(text, candidate.start(), candidate.end())
            if FDI_SENTENCE_RE.search(sentence) and "ODA" not in sentence:
                m = candidate
                break
    if m is None:
        return None
    number = number_of(m)
    if number is None:
        return None
    return Found(number[0], sentence_of(text, m.start(), m.end()), number[1], rule="fdi_projects")


def extract_counts(doc: CleanDoc) -> dict[str, Found]:
    """delegations_in/out, visitors_in/out, attendees, fdi_projects: only the keys the text states."""
    text = fold_tones(nfc(doc.full or doc.raw))[:LEAD_CHARS]
    counts = delegation_counts(text)
    if "visitors_in" not in counts and "delegations_in" not in counts:
        visitors = _visitors_without_delegations(text)
        if visitors:
            counts["visitors_in"] = visitors
    attendees = _attendees(text)
    if attendees:
        counts["attendees"] = attendees
    fdi = _fdi_projects(text)
    if fdi:
        counts["fdi_projects"] = fdi
    return counts
