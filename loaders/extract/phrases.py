"""The phrases TTĐN reports are written in (Vietnamese, matched case-insensitively on NFC text).

Regex pieces shared by the relevance and meeting-type extractors: the name of the work (TTĐN),
of the committee (Ban Chỉ đạo), of meetings, of an organiser's act, and of foreign parties.
"""
from __future__ import annotations

import re

from ..assets import read_csv
from .countries import country_aliases

FOREIGN_REGIONS_ASSET = "foreign_regions.csv"

TTDN = r"(?:thông tin(?:,| và)? (?:tuyên truyền )?đối ngoại|TTĐN|tuyên truyền đối ngoại)"
BCD = r"(?:Ban Chỉ đạo|BCĐ)(?: Trung ương về)?(?: công tác)? (?:thông tin đối ngoại|TTĐN)"
MEET = (r"(?:hội nghị|hội thảo|tọa đàm|toạ đàm|tập huấn|bồi dưỡng|sơ kết|tổng kết|giao ban|cuộc họp|\bhọp"
        r"|lớp (?:tập huấn|bồi dưỡng|học)|khóa (?:tập huấn|bồi dưỡng|học)|lễ trao|lễ phát động|trao giải)")
# An organiser's act, as opposed to a mere mention of the committee ("hệ thống tổ chức của Ban Chỉ đạo").
# Issuing a document counts only when the committee itself issues it (BCD_ISSUES below).
ACT = (r"(?:tổ chức (?:các |một )?(?:hội nghị|hội thảo|lễ|lớp|buổi|cuộc|khóa|tập huấn|giao ban|họp)|chủ trì|\bhọp\b"
       r"|giao ban|hội nghị|tập huấn|sơ kết|tổng kết|phát động|trao giải|làm việc|kiểm tra|khảo sát"
       r"|khai mạc|triển lãm|cuộc thi|gặp mặt|giao nhiệm vụ)")
# Bodies that issue documents. The issuer of "ban hành" is the closest one before it, so "Kế hoạch
# của Ban Chỉ đạo ..., UBND tỉnh ban hành Kế hoạch" is a People's Committee plan. Case-sensitive:
# "cơ sở" is no department.
ISSUER = (r"(?-i:UBND|Ủy ban|Uỷ ban|HĐND|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Quận ủy|Quận uỷ"
          r"|Đảng ủy|Đảng uỷ|Ban Thường vụ|Ban Tuyên giáo|Ban Bí thư|Bộ Chính trị|Chính phủ|Thủ tướng"
          r"|Chủ tịch|\bSở\b|\bBộ\b)")
BCD_ISSUES = BCD + r"(?:(?!" + ISSUER + r")[^;\n]){0,80}?\bban hành"
# Spreading a document: "quán triệt", "phổ biến", "học tập, triển khai" (a dissemination meeting's verbs).
SPREAD = r"(?:quán triệt|phổ biến|học tập|nghiên cứu|triển khai|tuyên truyền)"
# A Party or State document by its kind: "Kết luận số 57-KL/TW", "Chỉ thị 12", "Chiến lược ...".
DOC_NAME = r"(?:Kết luận|Nghị quyết|Chỉ thị|Chiến lược|Quy định|Đề án|Nghị định|Quyết định)"
ISSUED_DOC = r"(?:Kế hoạch|Hướng dẫn|Chương trình|Quy chế|Chỉ thị|Công văn|Đề cương|Định hướng)"
# The committee as the object of a decision that forms or re-forms it: no activity of the committee.
BCD_FORMED = r"(?:kiện toàn|thành lập|củng cố|bổ sung|điều chỉnh|thay đổi)(?: thành viên| nhân sự)?(?: của)? " + BCD


def _foreign_ref() -> str:
    """A foreign party: 'nước ngoài', a diplomatic mission, a country or a foreign region (from assets/)."""
    names = set(country_aliases()) | {row["region"] for row in read_csv(FOREIGN_REGIONS_ASSET)}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return r"(?:nước ngoài|đại sứ|Đại sứ|tổng lãnh sự|(?<!\w)(?:" + alternation + r")(?!\w))"


FOREIGN_REF = _foreign_ref()
CAPTION_RE = re.compile(r"(?:Nguồn|Ảnh)\s*:", re.I)
