"""A small corpus written by hand for the dashboard tests (no real article text).

Built straight from typed rows (loaders.schema.typed) so the dashboard tests do not depend on
how well the extractors do today; ``pipeline_corpus`` runs a few records through the real
orchestrator as well, to prove the pages render whatever the loader produces.
"""
from __future__ import annotations

import pandas as pd

from loaders.schema import (
    ARTICLE_COLUMNS,
    EVIDENCE_COLUMNS,
    NUMBER_COLUMNS,
    PEOPLE_COLUMNS,
    REPORT_COLUMNS,
    TERM_COLUMNS,
    THEME_COLUMNS,
    Corpus,
    typed,
)
from loaders.types import RawRecord

NB = "Đồng bằng sông Hồng"
BTB = "Bắc Trung Bộ và Duyên hải miền Trung"


def _article(doc_id, province, p2025, region, mdate, published, mtype, period, themes, *, relevant=True,
             level="province", meeting_id=None, title=None, body=None, url=None, **numbers):
    return {
        "doc_id": doc_id, "source": f"fixture/{doc_id}.txt", "url": url or f"https://example.vn/{doc_id}",
        "title": title or f"Hội nghị {doc_id} tại {province or 'Trung ương'}",
        "published": published, "meeting_date": mdate, "period": period, "relevant": relevant,
        "level": level, "province": province, "province_2025": p2025, "region": region,
        "province_source": "text" if province else None, "meeting_type": mtype,
        "chairs": ["Nguyễn Văn An"] if relevant else [], "central_officials": [], "themes": themes,
        "countries": [], "meeting_id": meeting_id or (f"m-{doc_id}" if relevant else None),
        "byline": None, "body": body or f"Ban Chỉ đạo tổ chức hội nghị {doc_id}. Tỉnh đón 12 đoàn khách quốc tế.",
        "raw_text": body or "", **numbers,
    }


ARTICLES = [
    _article("a01", "Nghệ An", "Nghệ An", BTB, "2021-07-10", "2021-07-11", "so_ket", "2021H1", ["bien_dao"],
             delegations_in=12, visitors_in=300),
    _article("a02", "Nghệ An", "Nghệ An", BTB, "2022-01-15", "2022-01-16", "tong_ket", "2021", ["quang_ba"],
             delegations_in=30, delegations_out=5),
    _article("a03", "Nghệ An", "Nghệ An", BTB, "2022-07-20", "2022-07-20", "so_ket", "2022H1",
             ["bien_dao", "quang_ba"], delegations_in=20),
    # a re-post of a03: same meeting, same numbers — must not count twice
    _article("a04", "Nghệ An", "Nghệ An", BTB, "2022-07-20", "2022-07-21", "so_ket", "2022H1", ["bien_dao"],
             meeting_id="m-a03", delegations_in=20),
    _article("a05", "Hà Nội", "Hà Nội", NB, "2022-12-28", "2022-12-29", "tong_ket", "2022", ["quang_ba"],
             delegations_in=150, delegations_out=40),
    _article("a06", "Hà Tĩnh", "Hà Tĩnh", BTB, "2023-03-02", "2023-03-03", "tap_huan", None, ["bao_chi"]),
    _article("a07", "Hà Tĩnh", "Hà Tĩnh", BTB, None, "2023-06-30", "so_ket", None, ["bien_dao"],
             delegations_out=3),
    _article("a08", None, None, None, "2023-08-15", "2023-08-15", "thong_tin_thoi_su", None, ["bao_chi"],
             level="central"),
    _article("a09", "Hà Nội", "Hà Nội", NB, "2023-12-20", None, "hop", None, []),
    _article("a10", "Hà Nội", "Hà Nội", NB, None, None, None, None, [], relevant=False,
             title="Đoàn đại biểu nước ngoài thăm Hà Nội"),
    _article("a11", "Thừa Thiên Huế", "Huế", BTB, "2024-07-05", "2024-07-06", "so_ket", "2024H1", ["quang_ba"],
             title="Sơ kết <script>alert('x')</script> công tác", body="Nội dung <b>in đậm</b> & <script>alert(1)</script>. "
             "Tỉnh đón 7 đoàn khách quốc tế."),
]

NUMBERS = [
    (a["doc_id"], field, a[field], False, f"Câu chứng cứ số {a[field]} của bài {a['doc_id']}.")
    for a in ARTICLES for field in ("delegations_in", "visitors_in", "delegations_out", "visitors_out")
    if a.get(field) is not None
]


def fixture_corpus() -> Corpus:
    articles = typed(pd.DataFrame(ARTICLES), ARTICLE_COLUMNS)
    evidence = [{"doc_id": a["doc_id"], "field": "province", "value": a["province"],
                 "sentence": a["body"].split(". ")[0]} for a in ARTICLES if a["province"]]
    themes = [{"doc_id": a["doc_id"], "theme": t, "keyword": t.replace("_", " "),
               "sentence": f"Câu về chủ đề {t} trong {a['doc_id']}."} for a in ARTICLES for t in a["themes"]]
    terms = [{"doc_id": a["doc_id"], "term": term, "count": n} for a in ARTICLES
             for term, n in (("thông_tin", 5), ("đối_ngoại", 4), (a["doc_id"], 1))]
    people = [{"doc_id": a["doc_id"], "name": "Nguyễn Văn An", "title": "Phó Bí thư", "role": "chair",
               "sentence": "Đồng chí Nguyễn Văn An chủ trì hội nghị."} for a in ARTICLES if a["relevant"]]
    numbers = [dict(zip(("doc_id", "field", "value", "approx", "sentence"), row, strict=False)) for row in NUMBERS]
    report = [{"path": "fixture/bad.bin", "member": None, "status": "skipped", "reason": "not text", "records": 0},
              {"path": "fixture/", "member": None, "status": "ok", "reason": None, "records": len(ARTICLES)}]
    return Corpus(
        articles=articles,
        evidence=typed(pd.DataFrame(evidence), EVIDENCE_COLUMNS),
        themes=typed(pd.DataFrame(themes), THEME_COLUMNS),
        terms=typed(pd.DataFrame(terms), TERM_COLUMNS),
        people=typed(pd.DataFrame(people), PEOPLE_COLUMNS),
        numbers=typed(pd.DataFrame(numbers), NUMBER_COLUMNS),
        report=typed(pd.DataFrame(report), REPORT_COLUMNS),
        demo=False,
    )


PIPELINE_RECORDS = [
    RawRecord("p1", "mem/p1.txt", "Nghệ An sơ kết công tác thông tin đối ngoại 6 tháng đầu năm 2022\n"
              "Ngày 20/7/2022, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Nghệ An tổ chức hội nghị sơ kết. "
              "Trong 6 tháng, tỉnh đón 20 đoàn khách quốc tế với 350 lượt người."),
    RawRecord("p2", "mem/p2.txt", "Hà Tĩnh tập huấn công tác thông tin đối ngoại năm 2023\n"
              "Sáng 2/3/2023, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Hà Tĩnh tổ chức lớp tập huấn."),
]


def pipeline_corpus() -> Corpus:
    from loaders.pipeline import corpus_from_records
    return corpus_from_records(PIPELINE_RECORDS, workers=1)
