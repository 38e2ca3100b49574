"""How an outlet tells an event: the fields filled into the templates, the sentences, the story's paragraphs."""

import random
from datetime import date, timedelta

from .base import (
    BARE_COMMITTEE_SHARE,
    COUNT_KEYS,
    FIELD_RE,
    FIRST_YEAR,
    LAST_YEAR,
    NO_CHAIR_SHARE,
    Event,
    fill,
    fmt_num,
    person_name,
    provinces,
)
from .events import meeting_day


def _when(rng: random.Random, day: date, with_year: bool) -> str:
    if with_year:
        return rng.choice((f"{rng.choice(('Sáng', 'Chiều'))} ngày {day.day:02d}/{day.month:02d}/{day.year}",
                           f"Ngày {day.day}/{day.month}/{day.year}"))
    part = rng.choice(("Sáng", "Chiều", "Ngày"))
    sep = rng.choice(("/", "/", "-"))
    month = f"{day.month:02d}" if rng.random() < 0.3 else str(day.month)
    return f"{part} {day.day}{sep}{month}"


def _place_fields(event: Event, tpl: dict, rng: random.Random) -> dict:
    """How the text names the committee and its place (province, city or district)."""
    if event.province is None:  # central level: the country is the place
        return {"unit": "cả nước", "party": "Trung ương", "subject": "cả nước", "place": "Việt Nam",
                "district": "", "prov_name": "Việt Nam", "bcd": "Ban Chỉ đạo công tác thông tin đối ngoại Trung ương",
                "bare": False, "ubnd": "Chính phủ", "ubnd_cap": "Chính phủ"}
    prov = event.province
    city = prov in tpl["cities_centrally_run"]
    unit, party = ("thành phố", "Thành ủy") if city else ("tỉnh", "Tỉnh ủy")
    in_text = "Thành phố Hồ Chí Minh" if prov == "TP. Hồ Chí Minh" and rng.random() < 0.5 else prov
    subject = in_text if in_text.startswith(("TP.", "Thành phố")) else f"{unit} {in_text}"
    place = prov
    if event.district:
        unit, party = "huyện", "Huyện ủy"
        subject = f"huyện {event.district}, {subject}"
        place = f"{event.district} ({prov})"
    bcd_named = f"Ban Chỉ đạo công tác thông tin đối ngoại {subject}"
    bcd = bcd_named if rng.random() >= BARE_COMMITTEE_SHARE else f"Ban Chỉ đạo công tác thông tin đối ngoại {unit}"
    ubnd = f"UBND {unit}"
    return {"unit": unit, "party": party, "subject": subject, "place": place, "district": event.district or "",
            "prov_name": in_text, "bcd": bcd, "bare": bcd != bcd_named, "ubnd": ubnd, "ubnd_cap": ubnd}


def _people_fields(event: Event, base: dict, tpl: dict, rng: random.Random) -> dict:
    out = {}
    for i, (name, title) in enumerate(event.chairs[:2]):
        key = "chair" if i == 0 else "cochair"
        out[key] = name
        out[f"{key}_title"] = fill(title["full"], base)
        short = fill(title["short"], base)
        out[f"{key}_short_cap"] = short[0].upper() + short[1:]
    speaker_title = rng.choice(tpl["chair_titles"]["speaker"])
    out["speaker"] = person_name(rng, tpl)
    out["speaker_title"] = speaker_title["full"]
    out["host"], out["host_title"] = (out.get("chair", ""), out.get("chair_title", ""))
    return out


def _document(tpl: dict, year: int, rng: random.Random) -> dict:
    """A document that existed and was current in ``year`` (the templates cover every demo year)."""
    return rng.choice([d for d in tpl["documents"] if d["from"] <= year <= d["to"]])


def _fields(event: Event, tpl: dict, rng: random.Random, with_year: bool) -> dict:
    base = _place_fields(event, tpl, rng)
    base.update(y=event.day.year, X=event.review_year or event.day.year - 1,
                X1=(event.review_year or event.day.year - 1) + 1, when=_when(rng, event.day, with_year),
                attendees=rng.choice(("gần 100", "hơn 120", "150", "khoảng 200", "80", "hơn 250")),
                entries=rng.randint(60, 420), k=event.extras.get("k", rng.randint(2, 9)),
                side=event.extras.get("side", "Bắc"), n_prov=event.extras.get("n_prov", "28"),
                country=rng.choice(tpl["partner_countries"]))
    doc = _document(tpl, event.day.year, rng)
    base.update(doc_short=doc["short"], doc_full=doc["full"])
    neighbours = [c for c, provs in sorted(tpl["border"].items()) if event.province in provs]
    base["neighbour"] = rng.choice(neighbours) if neighbours else "các nước láng giềng"
    foreign = rng.choice(tpl["foreign_localities"])
    base["foreign"], base["foreign_country"] = foreign["name"], foreign["country"]
    issued = event.day - timedelta(days=rng.randint(2, 20))
    base["plan_year"] = event.day.year + 1 if event.day.month >= 10 else event.day.year  # plans precede their year
    base["doc_date"] = f"{issued.day:02d}/{issued.month:02d}/{issued.year}"
    base.update(_people_fields(event, base, tpl, rng))
    return base


def _chair_sentence(event: Event, fields: dict, tpl: dict, rng: random.Random) -> str | None:
    if not event.chairs:
        return None
    pool = tpl["cochair_sentences"] if len(event.chairs) > 1 else tpl["chair_sentences"]
    return fill(rng.choice(pool), fields)


def _theme_sentences(event: Event, fields: dict, tpl: dict, rng: random.Random, k: int) -> list[str]:
    allowed = []
    for _, theme in sorted(tpl["themes"].items()):
        need = theme.get("requires")
        if need == "coastal" and event.province not in tpl["coastal"]:
            continue
        if need == "border" and not any(event.province in p for p in tpl["border"].values()):
            continue
        allowed.append(theme)
    return [fill(rng.choice(t["sentences"]), fields) for t in rng.sample(allowed, min(k, len(allowed)))]


def _delegation_sentence(event: Event, fields: dict, tpl: dict, rng: random.Random, spec: dict) -> tuple[str, dict]:
    """A sentence with delegation figures and the counts it actually states."""
    counts = event.extras["counts"]
    template = rng.choice(tpl["delegations"])
    scope = fill(rng.choice(spec["scope"]), fields) if spec.get("scope") else "Thời gian qua"
    values = {**fields, "scope": scope, "scope_lower": scope[0].lower() + scope[1:],
              **{k: fmt_num(v) for k, v in counts.items()}}
    stated = {COUNT_KEYS[k]: counts[k] for k in FIELD_RE.findall(template) if k in COUNT_KEYS}
    return fill(template, values), stated


def _variant(spec: dict, rng: random.Random, fields: dict) -> tuple[str, str, list[str]]:
    """(title, lede, review sentences) for one telling of a meeting."""
    if "variants" in spec:
        v = rng.choice(spec["variants"])
        return v["title"], v["lede"], v.get("review", [])
    titles = spec["titles"]
    if fields.get("bare"):  # the lede will not name the place, so the title must
        titles = [t for t in titles if "{place}" in t or "{subject}" in t] or titles
    return rng.choice(titles), rng.choice(spec["ledes"]), spec["review"]


def meeting_story(event: Event, tpl: dict, rng: random.Random, with_year: bool):
    """(title, paragraphs, counts stated, fields) for a relevant province/district meeting."""
    fields = _fields(event, tpl, rng, with_year)
    spec = tpl["meetings"][event.kind]
    title, lede, review = _variant(spec, rng, fields)
    if event.district:
        title = tpl["district"]["titles"].get(event.kind, title)
    lede_par = " ".join(x for x in (fill(lede, fields), _chair_sentence(event, fields, tpl, rng)) if x)
    paragraphs = [lede_par]
    if rng.random() < 0.5:
        paragraphs.append("Dự hội nghị có các thành viên Ban Chỉ đạo, Tổ giúp việc và đại diện lãnh đạo "
                          "các sở, ban, ngành, địa phương.")
    body = [fill(s, fields) for s in rng.sample(review, min(len(review), rng.randint(1, 2)))]
    k_themes = 3 if event.kind in ("so_ket", "tong_ket") else rng.randint(0, 1)
    body += _theme_sentences(event, fields, tpl, rng, rng.randint(1, k_themes) if k_themes else 0)
    stated: dict = {}
    if "counts" in event.extras:
        sentence, stated = _delegation_sentence(event, fields, tpl, rng, spec)
        body.insert(rng.randint(1, len(body)), sentence)
    if event.kind in ("so_ket", "tong_ket") and rng.random() < 0.5:
        body.append(rng.choice(tpl["limitations"]))
    body.append(fill(rng.choice(spec["outlook"]), fields))
    paragraphs += _group(body, rng)
    if event.chairs and event.kind not in NO_CHAIR_SHARE and rng.random() < 0.6:
        paragraphs.append(fill(rng.choice(tpl["closings"]), fields))
    return fill(title, fields), paragraphs, stated, fields


def central_story(event: Event, tpl: dict, rng: random.Random, with_year: bool):
    fields = _fields(event, tpl, rng, with_year)
    title, lede, _ = _variant(tpl["central"][event.kind], rng, fields)
    paragraphs = [fill(lede, fields)]
    if event.chairs:
        paragraphs[0] += f" {fields['chair_short_cap']} {fields['chair']} chủ trì hội nghị."
    body = rng.sample(tpl["central"]["review"], 2) + _theme_sentences(event, fields, tpl, rng, 2)
    paragraphs += _group(body, rng)
    return fill(title, fields), paragraphs, {}, fields


def negative_story(event: Event, tpl: dict, rng: random.Random, with_year: bool):
    fields = _fields(event, tpl, rng, with_year)
    if event.kind in ("foreign_visit",):
        fields["country"] = fields["foreign_country"]
    spec = tpl["negatives"][event.kind]
    paragraphs = [fill(rng.choice(spec["ledes"]), fields)]
    if event.kind == "tag_page":
        paragraphs += _tag_listing(tpl, rng)
    else:
        paragraphs += _group([fill(s, fields) for s in spec["body"]], rng)
    return fill(rng.choice(spec["titles"]), fields), paragraphs, {}, fields


def _tag_listing(tpl: dict, rng: random.Random) -> list[str]:
    """A listing page: a handful of headlines with dates, no report of its own."""
    names = provinces()
    lines = []
    for _ in range(rng.randint(4, 7)):
        kind = rng.choice(("so_ket", "tong_ket", "tap_huan"))
        day, reviewed = meeting_day(rng, kind, rng.randint(FIRST_YEAR + 1, LAST_YEAR - 1))
        fields = {"place": rng.choice(names), "y": day.year, "X": reviewed, "X1": (reviewed or 0) + 1,
                  "subject": "", "unit": "tỉnh", "bcd": "Ban Chỉ đạo công tác thông tin đối ngoại"}
        title = rng.choice([t for t in tpl["meetings"][kind]["titles"] if "{place}" in t])
        lines.append(f"{fill(title, fields)}\n{day.day:02d}/{day.month:02d}/{day.year}")
    return lines


def _group(sentences: list[str], rng: random.Random) -> list[str]:
    """Sentences into paragraphs of one to three."""
    out, i = [], 0
    while i < len(sentences):
        n = rng.randint(1, 3)
        out.append(" ".join(sentences[i:i + n]))
        i += n
    return out

