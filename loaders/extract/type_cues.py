"""The meeting-type cues: how Vietnamese reports name each kind of TTĐN event (LABELING.md).

A cue group speaks for one type; its weight per place (title, event sentence, lede, URL) is fitted
(assets/meeting_type_weights.json). Patterns are general wording, never one article's title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .phrases import BCD_ISSUES, DOC_NAME, ISSUED_DOC, MEET, SPREAD


@dataclass(frozen=True)
class TypeCue:
    group: str
    pattern: re.Pattern
    unless: re.Pattern | None = None


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


# group -> the type it speaks for, in the order features are listed
GROUP_CLASS: dict[str, str] = {
    "khac": "khac", "khac_visit": "khac", "so_ket": "so_ket", "tong_ket": "tong_ket",
    "tong_ket_multi_year": "tong_ket", "tap_huan": "tap_huan", "thong_tin_thoi_su": "thong_tin_thoi_su",
    "trien_khai": "trien_khai", "trien_khai_issued": "trien_khai", "hop": "hop",
}
# a mid-period: six or nine months, a quarter, the first half, mid-term
PERIOD_MID = r"(?:(?:6|sáu|9|chín|06|09) tháng|quý (?:I|II|III|IV|1|2|3|4)\b|nửa đầu năm|giữa nhiệm kỳ)"

TEXT_CUES: tuple[TypeCue, ...] = (
    # an award, a contest, an exhibition, a festival: events that are no meeting
    TypeCue("khac", _re(r"giải thưởng[^;\n]{0,60}(?:thông tin đối ngoại|TTĐN)|trao giải|phát động giải|lễ phát động"
                        r"|cuộc thi|hội thi|triển lãm|liên hoan")),
    # a working visit, a workshop, a forum, an exchange of experience, a launch of a body
    TypeCue("khac_visit", _re(r"làm việc (?:tại|với)|đoàn công tác|khảo sát|kiểm tra|hội thảo|tọa đàm|toạ đàm"
                              r"|diễn đàn|ra mắt|trao đổi kinh nghiệm|gặp mặt")),
    TypeCue("so_ket", _re(r"sơ kết|" + PERIOD_MID)),
    # a year's review: "tổng kết", "đánh giá công tác năm 2021", "kết quả công tác ... năm"
    TypeCue("tong_ket", _re(r"tổng kết|(?:đánh giá|kết quả)[^;\n]{0,80}?năm \d{4}|hội nghị đánh giá năm"
                            r"|kết quả (?:công tác|thực hiện|hoạt động)")),
    # a multi-year review: "qua 10 năm thực hiện", "thực hiện Chiến lược ... giai đoạn 2011-2020"
    TypeCue("tong_ket_multi_year", _re(r"qua \d+ năm (?:thực hiện|triển khai)|(?:thực hiện|triển khai)[^;\n]{0,80}?"
                                       r"giai đoạn (?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}")),
    TypeCue("tap_huan", _re(r"tập huấn|bồi dưỡng|lớp học|đào tạo|khóa học|khoá học")),
    # a briefing: "hội nghị thông tin thời sự", "báo cáo viên", "cung cấp thông tin và định hướng"
    TypeCue("thong_tin_thoi_su", _re(r"(?:hội nghị|buổi|gặp mặt|cuộc họp)[^;\n]{0,30}?thông tin[^;\n]{0,40}?"
                                     r"(?:thời sự|tình hình)|báo cáo viên|^\W*thông tin (?:tình hình )?thời sự"
                                     r"|cung cấp thông tin[^;\n]{0,20}?định hướng|nói chuyện chuyên đề"
                                     r"|thông tin chuyên đề"
                                     r"|hội nghị thông tin(?!,? (?:và )?(?:tuyên truyền )?đối ngoại)")),
    # a launch: studying or rolling out a document, deploying the tasks of a period
    TypeCue("trien_khai", _re(SPREAD + r"[^;\n]{0,30}?" + DOC_NAME + r"|triển khai (?:thực hiện )?(?:nội dung )?"
                              r"(?:các )?(?:Kế hoạch|Hướng dẫn|Chương trình)|triển khai (?:nhiệm vụ|công tác)"
                              r"|ban hành (?:Kế hoạch|Hướng dẫn|Chương trình)")),
    # a guideline or plan the committee itself issues, with no meeting in the sentence (LABELING: trien_khai)
    TypeCue("trien_khai_issued", _re(BCD_ISSUES + r"\s+(?:các |bản )?" + ISSUED_DOC), unless=_re(MEET)),
    TypeCue("hop", _re(r"\bhọp\b(?! báo)|giao ban|phiên họp")),  # "họp báo" is a press conference
)
# the same groups in a URL's unaccented words
SLUG_CUES: tuple[TypeCue, ...] = (
    TypeCue("khac", re.compile(r"giai thuong|trao giai|phat dong|cuoc thi|trien lam")),
    TypeCue("khac_visit", re.compile(r"lam viec (?:tai|voi)|hoi thao|toa dam|dien dan|trao doi kinh nghiem")),
    TypeCue("so_ket", re.compile(r"so ket|6 thang|sau thang|9 thang")),
    TypeCue("tong_ket", re.compile(r"tong ket|(?:danh gia|ket qua).{0,80}nam \d{4}")),
    TypeCue("tap_huan", re.compile(r"tap huan|boi duong|dao tao")),
    TypeCue("thong_tin_thoi_su", re.compile(r"thoi su|bao cao vien")),
    TypeCue("trien_khai", re.compile(r"quan triet|trien khai|pho bien")),
    TypeCue("hop", re.compile(r"\bhop\b|giao ban")),
)
