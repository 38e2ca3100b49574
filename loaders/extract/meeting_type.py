"""What kind of meeting a relevant article reports, from the event's own name.

The title, then the lede's event sentence, then the URL's words decide; a mid-year or year-end
period turns a plain "họp"/"giao ban" into a review. Labels: see schema.MEETING_TYPES.
"""
from __future__ import annotations

import re

from ..types import CleanDoc, Found
from .phrases import BCD_ISSUES, CAPTION_RE, ISSUED_DOC, MEET
from .segments import head_and_body, normalised, url_words

PERIOD_MID = r"(?:(?:6|sáu|9|chín|06|09) tháng|quý (?:I|II|III|IV|1|2|3|4)\b|nửa đầu năm|giữa nhiệm kỳ)"
# Ordered: the first type whose pattern matches a segment wins within that segment.
TYPE_RULES: tuple[tuple[str, re.Pattern, bool], ...] = (
    # (type, pattern, strong) -- weak cues (a plan launch, a plain meeting, a working visit) yield
    # to a strong cue found in a later segment, because titles like "Triển khai nhiệm vụ 6 tháng
    # cuối năm" or "Họp Ban Chỉ đạo" often name a review by its second half.
    ("khac", re.compile(r"giải thưởng[^;\n]{0,60}(?:thông tin đối ngoại|TTĐN)|trao giải|phát động giải|lễ phát động"
                        r"|cuộc thi|hội thi|triển lãm|liên hoan", re.I), True),
    ("so_ket", re.compile(r"sơ kết|" + PERIOD_MID, re.I), True),
    ("tong_ket", re.compile(r"tổng kết|(?:đánh giá|kết quả)[^;\n]{0,80}?năm \d{4}|hội nghị đánh giá năm"
                            r"|kết quả (?:công tác|thực hiện|hoạt động)|qua \d+ năm thực hiện"
                            r"|^[^:]{0,30}:?\s*thực hiện[^;\n]{0,80}giai đoạn \d{4}\s*[-–]\s*\d{4}", re.I), True),
    ("tap_huan", re.compile(r"tập huấn|bồi dưỡng|lớp học|đào tạo|khóa học", re.I), True),
    ("thong_tin_thoi_su", re.compile(r"(?:hội nghị|buổi|gặp mặt|cuộc họp)[^;\n]{0,30}?thông tin[^;\n]{0,40}?"
                                     r"(?:thời sự|tình hình)|báo cáo viên"
                                     r"|^\W*thông tin (?:tình hình )?thời sự", re.I), True),
    ("trien_khai", re.compile(r"quán triệt|nghiên cứu,? (?:học tập,? )?triển khai"
                              r"|triển khai (?:thực hiện )?(?:nội dung )?"
                              r"(?:các )?(?:Kết luận|Chiến lược|Nghị quyết|Chỉ thị|Kế hoạch|Đề án|Quyết định|Nghị định)"
                              r"|triển khai (?:nhiệm vụ|công tác)"
                              r"|ban hành (?:Kế hoạch|Hướng dẫn|Chương trình)", re.I), False),
    ("hop", re.compile(r"\bhọp\b|giao ban|phiên họp", re.I), False),
    ("khac", re.compile(r"làm việc (?:tại|với)|đoàn công tác|khảo sát|kiểm tra|hội thảo|tọa đàm|toạ đàm|diễn đàn"
                        r"|ra mắt", re.I), False),
)
# The label set is exhaustive: a relevant event that none of the rules names is 'khac' by definition.
RESIDUAL_TYPE = "khac"
SLUG_TYPE_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("khac", re.compile(r"giai thuong|trao giai|phat dong")),
    ("so_ket", re.compile(r"so ket|6 thang")),
    ("tong_ket", re.compile(r"tong ket")),
    ("tap_huan", re.compile(r"tap huan|boi duong")),
    ("thong_tin_thoi_su", re.compile(r"thoi su|bao cao vien")),
    ("trien_khai", re.compile(r"quan triet|trien khai")),
    ("hop", re.compile(r"\bhop\b|giao ban")),
)
# A guideline or plan issued by the committee itself is a launch (LABELING: trien_khai), even
# without a meeting; a meeting that also issues a document is named by its meeting noun instead.
BCD_ISSUED_DOC_RE = re.compile(BCD_ISSUES + r"\s+(?:các |bản )?" + ISSUED_DOC, re.I)
MEET_RE = re.compile(MEET, re.I)
EVENT_SENTENCE_RE = re.compile(MEET + r"|tổ chức|chủ trì|khai mạc|diễn ra|" + BCD_ISSUES, re.I)
EVENT_SCAN_CHARS = 1200


def _segment_type(text: str) -> tuple[str, bool] | None:
    if BCD_ISSUED_DOC_RE.search(text) and not MEET_RE.search(text):
        return "trien_khai", True
    for mtype, pattern, strong in TYPE_RULES:
        if pattern.search(text):
            return mtype, strong
    return None


def _name_segments(doc: CleanDoc) -> list[str]:
    """Where the event's own name is: title, headline lines, then the lede's event sentence
    (the first early non-headline sentence with a meeting noun or verb)."""
    title, head, _ = head_and_body(doc)
    segments = list(title)
    used = 0
    for sent in head:
        if used > EVENT_SCAN_CHARS:
            break
        used += len(sent) + 1
        if not CAPTION_RE.search(sent) and EVENT_SENTENCE_RE.search(sent):
            segments.append(sent)
            break
    return segments


def extract_meeting_type(doc: CleanDoc) -> Found | None:
    """so_ket | tong_ket | tap_huan | thong_tin_thoi_su | hop | trien_khai | khac, from the event's name."""
    doc = normalised(doc)
    segments = _name_segments(doc)
    found = [(seg, _segment_type(seg)) for seg in segments]
    for seg, hit in found:
        if hit and hit[1]:
            return Found(hit[0], seg[:400])
    for seg, hit in found:
        if hit:
            return Found(hit[0], seg[:400])
    slug = url_words(doc)
    for mtype, pattern in SLUG_TYPE_RULES:
        if pattern.search(slug):
            return Found(mtype, (doc.extras or {}).get("url") or slug)
    if segments:
        return Found(RESIDUAL_TYPE, segments[0][:400])
    return None
