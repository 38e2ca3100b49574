"""Where an article's activity happens: its province (63 pre-2025 units) and level.

The province is the one whose committee or body runs the activity, not every place the text
names. Signals, strongest first: the organiser of the event (the subject of "tổ chức",
"chủ trì", "làm việc"), the head of the title ("Hưng Yên: Triển khai ..."), the lede, titles
of officials ("Chủ tịch HĐND tỉnh Khánh Hòa"), other mentions, the outlet's signature
("(QBĐT) -") and last the outlet's address (source "url"). Central bodies' events get level
"central" and no province, even when held in a province.

The gazetteer is data (assets/provinces.csv, province_aliases.csv, outlet_domains.csv,
place_context.json); this module only reads it through loaders.assets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

import pandas as pd

from .assets import read_csv, read_json
from .evidence import CleanDoc, Found
from .textnorm import fold, fold_tones, nfc, sentence_of, split_sentences, strip_marks

PROVINCES_ASSET = "provinces.csv"
PROVINCES_2025_ASSET = "provinces_2025.csv"
ALIASES_ASSET = "province_aliases.csv"
DOMAINS_ASSET = "outlet_domains.csv"
CONTEXT_ASSET = "place_context.json"

# Alias kinds (see assets/province_aliases.csv): which ones are searched for in running text.
TEXT_KINDS = {"name", "abbr"}
CITY_KIND = "city"
BYLINE_KIND = "byline"

# Signal weights. An organiser mention outweighs any number of passing mentions.
W_ORGANISER = 10.0
W_TITLE_HEAD = 8.0
W_TITLE = 4.0
W_LEAD_CLASSIFIED = 3.0
W_LEAD = 2.0
W_BODY_CLASSIFIED = 1.5
W_BODY = 1.0
W_BYLINE = 2.5
BODY_CAP = 4.0  # many passing mentions in a long body must not beat the lede
VENUE_FACTOR = 0.5  # "tại X": where, not who
LIST_FACTOR = 0.3  # "Hà Nội, Hải Phòng, Quảng Ninh ...": an enumeration names no one in particular
LIST_MIN = 3
MIN_TEXT_SCORE = 2.0  # below this, a provincial outlet's address is the better answer
LEAD_CHARS = 600
ORGANISER_SCAN_CHARS = 1500
HEADLINE_LINES = 8
HEADLINE_MAX_CHARS = 200

# "tỉnh Nghệ An", "TP. Huế": the unit word a canonical name may carry
PREFIX_RE = re.compile(r"^(?:tỉnh|thành phố|tp\.?|t\.p\.?)\s*")
# Words right before a name that make it a province ("tỉnh Nghệ An") or a district that
# happens to share a province's name ("huyện Quảng Ninh" is in Quảng Bình).
PROVINCE_BEFORE_RE = re.compile(
    r"(?i:(?<!\w)(?:tỉnh|tỉnh ủy|tỉnh uỷ|thành phố|thành ủy|thành uỷ|tp\.?|t\.p\.?|thủ đô))\s*$")
CITY_BEFORE_RE = re.compile(r"(?i:(?<!\w)(?:thành phố|tp\.?|t\.p\.?))\s*$")
DISTRICT_BEFORE_RE = re.compile(
    r"(?i:(?<!\w)(?:huyện|quận|thị xã|thị trấn|xã|phường|huyện ủy|huyện uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ))\s*$")
VENUE_BEFORE_RE = re.compile(r"(?<!\w)(?:tại|Tại|ở)\s+(?:\S+\s+){0,2}$")
FOREIGN_SEAT_BEFORE_RE = re.compile(
    r"(?i:(?:lãnh sự quán|đại sứ quán|tổng lãnh sự|cơ quan đại diện|văn phòng đại diện|trụ sở)[^.;\n]{0,60}"
    r"(?<!\w)tại\s+(?:\S+\s+){0,2})$")
BYLINE_RE = re.compile(r"^\s*\(?\s*([^\s()\-–—:][^()\n]{0,24}?)\s*\)?\s*[-–—]")
# An outlet's tag opening the lede ("(Báo Quảng Ngãi) -", "(Baoquangngai.vn) -", "QBĐT -", "TTXVN -"):
# who wrote it, not who organises. Blanked before organiser detection; _byline_province still
# reads it as a weak hint.
LEAD_TAG_RE = re.compile(
    r"^\s*(?:\([^()\n]{1,40}\)|[\w.-]+\.(?:vn|com|net|org)|(?-i:[A-ZĐ][A-ZĐ0-9.&]{1,11}))\s*[-–—]+\s*")
# A line in capitals ("AN GIANG TỔ CHỨC HỘI NGHỊ"): searched in title case.
CAPS_LINE_MIN_LETTERS = 8

# Organiser verbs: the clause before them names who runs the event.
ORGANISER_VERB_RE = re.compile(
    r"(?<![\w])(?<!các )(?<!những )(?:tổ chức(?=\s+(?:(?i:hội nghị|hội thảo|lễ|lớp|buổi|cuộc|chương trình|họp|"
    r"tập huấn|bồi dưỡng|giao ban|sơ kết|tổng kết|triển lãm|hội|đoàn|trực tuyến|phát động|kỷ niệm|"
    r"gặp mặt|tọa đàm|toạ đàm|cuộc thi|thành công|nhiều|các|tại|[\"“]))|\s*[.;]|\s*$)"
    r"|chủ trì|phối hợp(?: với| tổ chức)|(?:có buổi )?làm việc (?:với|tại)|tiến hành họp"
    # The event itself used as a verb: "Ban Chỉ đạo ... tỉnh Long An họp sơ kết ...".
    r"|(?:họp|tổng kết|sơ kết|giao ban|tập huấn|triển khai|quán triệt|bồi dưỡng|phát động|ban hành)(?!\w))")
# Comma-chunks of an organiser clause that name a venue or the authority being followed.
VENUE_CHUNK_RE = re.compile(r"(?:^|,)\s*(?:tại|Tại)\s[^,]*(?:,\s*(?:tỉnh|thành phố|TP\.?)\s[^,]*)?")
AUTHORITY_CHUNK_RE = re.compile(r"(?:^|(?<=[,.:]))\s*(?:Theo|Thực hiện|Căn cứ|Quán triệt|Được sự)\s[^,]*,")
# Events that are national by name: a national award or a national conference.
NATIONAL_EVENT_RE = re.compile(
    r"(?i:(?:giải thưởng|hội nghị|lễ trao giải)(?: trực tuyến)? toàn quốc|giải thưởng quốc gia)")
NATIONAL_SCOPE_RE = re.compile(
    r"(?i:toàn quốc|cả nước|các tỉnh, thành phố|các tỉnh, thành|\d+ tỉnh, thành|63 tỉnh|\d+ tỉnh)")

VN_UPPER = "A-ZĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"

# Level markers inside an organiser clause. Central: central bodies and ministries.
CENTRAL_MARK_RE = re.compile(
    r"(?i:trung ương)|T\.Ư|(?<!\w)(?:TƯ|TW)(?!\w)|Bộ (?:Ngoại giao|Thông tin|TT&TT|TT-TT|TTTT|Văn hóa|Văn hoá|"
    r"Công an|Quốc phòng|Công Thương|Kế hoạch)|Cục Thông tin đối ngoại|Vụ Thông tin [Bb]áo chí|Thủ tướng|"
    r"Chính phủ|Quốc hội")
DISTRICT_MARK_RE = re.compile(
    r"(?i:(?<!\w)(?:huyện|quận|thị xã|huyện ủy|huyện uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ)(?!\w))")
PROVINCE_MARK_RE = re.compile(r"(?i:(?<!\w)(?:tỉnh|tỉnh ủy|tỉnh uỷ|tỉnh đoàn)(?!\w))")
CITY_MARK_RE = re.compile(r"(?i:(?<!\w)(?:thành phố|thành ủy|thành uỷ|tp\.?)(?!\w))\s*")
WEAK_PROVINCE_MARK_RE = re.compile(
    r"(?<!\w)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Ban Chỉ đạo|Ban chỉ đạo|BCĐ|"
    r"Ban Tuyên giáo|Ban Thường vụ|Liên hiệp)(?!\w)")
# Departments (Sở) exist only at province level.
DEPARTMENT_MARK_RE = re.compile(rf"(?<!\w)Sở (?=[{VN_UPPER}])")
WEAK = "weak"
# Central titles held by provincial leaders, and document numbers ("57-KL/TW"): not central bodies.
NOT_CENTRAL_RE = re.compile(
    r"(?i:(?:ủy|uỷ) viên (?:dự khuyết )?(?:ban chấp hành |bch )?(?:trung ương|tư|t\.ư|tw)(?: đảng)?|"
    r"uvtw|đại biểu quốc hội|đoàn đại biểu quốc hội)|\S*/(?:TW|TƯ|T\.Ư)\S*")
CAPITAL_WORD_RE = re.compile(rf"[{VN_UPPER}]\w*")

# Outlet addresses: "bao<slug>.vn", "<slug>tv.vn", "truyenhinh<slug>.vn", "<x>.<slug>.gov.vn".
HOST_SUFFIX_LABELS = {"vn", "com", "net", "org", "gov", "edu", "dcs", "info", "int", "www"}
HOST_PREFIXES = ("bao", "truyenhinh", "tuyengiao", "tinhdoan", "dai", "btg", "ptth", "congan", "ict", "")
HOST_SUFFIXES = ("tv", "24h", "online", "news", "portal", "")
SHORT_SLUG = 5  # shorter slugs ("hue") must be a whole host label, never part of one


@dataclass(frozen=True)
class Place:
    province: Found | None
    level: Found | None
    source: str | None  # "text" | "url" | None


@dataclass(frozen=True)
class Mention:
    province: str
    start: int
    end: int
    classified: bool  # preceded by tỉnh / thành phố / TP. ...
    weight_factor: float  # venue / enumeration discounts


# ---------------------------------------------------------------- gazetteer look-ups

@lru_cache(maxsize=None)
def _province_rows() -> tuple[dict, ...]:
    return read_csv(PROVINCES_ASSET)


@lru_cache(maxsize=None)
def _by_name() -> dict[str, dict]:
    return {fold(r["province"]): r for r in _province_rows()}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", strip_marks(text))


@lru_cache(maxsize=None)
def _lookup() -> dict[str, str]:
    """fold(name or alias) and its unaccented slug -> canonical province."""
    table: dict[str, str] = {}
    for row in _province_rows():
        for key in (row["province"], row["key"]):
            table.setdefault(fold(key), row["province"])
            table.setdefault(_slug(key), row["province"])
    for row in read_csv(ALIASES_ASSET):
        table.setdefault(fold(row["alias"]), row["province"])
        table.setdefault(_slug(row["alias"]), row["province"])
    return table


def canonical_province(name: str | None) -> str | None:
    """Canonical 63-list name for a province name, alias or spelling variant; None if unknown.

    Tolerates tone placement, case, NFD, "tỉnh"/"Thành phố"/"TP" prefixes and unaccented
    spellings; unusual forms go through vietnamadminunits' own parser (offline part only).
    """
    if not name or not str(name).strip():
        return None
    key = fold(str(name)).strip(" .,;:")
    table = _lookup()
    for candidate in (key, PREFIX_RE.sub("", key)):
        for form in (candidate, _slug(candidate)):
            if form and form in table:
                return table[form]
    return _parse_with_package(key)


@lru_cache(maxsize=256)
def _parse_with_package(key: str) -> str | None:
    # The package matches keywords inside the whole string; only trust it on short inputs.
    if len(key.split()) > 6:
        return None
    try:
        from vietnamadminunits import parse_address
        unit = parse_address(key, mode="LEGACY", level=1)
    except Exception:  # noqa: BLE001 - a library failure must not break extraction
        return None
    code = getattr(unit, "province_code", None)
    row = next((r for r in _province_rows() if r["code"] == code), None)
    # Its short keywords ("hn") hide inside unrelated words ("John"): the name itself must be there.
    if row is None or _slug(row["province"]) not in _slug(key) and _slug(row["key"]) not in _slug(key):
        return None
    return row["province"]


def province_2025(province: str | None) -> str | None:
    """The unit a pre-2025 province became on 1 July 2025 ("Hà Giang" -> "Tuyên Quang")."""
    canon = canonical_province(province)
    return _by_name()[fold(canon)]["province_2025"] if canon else None


def region_of(province: str | None) -> str | None:
    """Socio-economic region (one of schema.REGIONS) of a pre-2025 province."""
    canon = canonical_province(province)
    return _by_name()[fold(canon)]["region"] if canon else None


def provinces() -> pd.DataFrame:
    """The 63 pre-2025 provinces: province, code, key, lat, lon, province_2025, region."""
    frame = pd.DataFrame(list(_province_rows()))
    return frame.astype({"lat": "float64", "lon": "float64"})


def provinces_2025() -> pd.DataFrame:
    """The 34 units after the 2025 merger: province, code, key, lat, lon."""
    frame = pd.DataFrame(list(read_csv(PROVINCES_2025_ASSET)))
    return frame.astype({"lat": "float64", "lon": "float64"})


# ---------------------------------------------------------------- outlet addresses

@lru_cache(maxsize=None)
def _domain_table() -> tuple[tuple[str, str], ...]:
    rows = [(r["domain"].strip().lower().lstrip("*."), r["province"]) for r in read_csv(DOMAINS_ASSET)]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@lru_cache(maxsize=None)
def _host_slugs() -> dict[str, str]:
    """Unaccented, spaceless province names as they appear in hosts: 'quangbinh' -> Quảng Bình."""
    slugs = {_slug(r["province"]): r["province"] for r in _province_rows()}
    for row in read_csv(ALIASES_ASSET):
        if row["kind"] in TEXT_KINDS | {CITY_KIND}:
            slugs.setdefault(_slug(row["alias"]), row["province"])
    return slugs


def _label_province(label: str) -> str | None:
    slugs = _host_slugs()
    for part in reversed(label.split("-")):
        if part in slugs:
            return slugs[part]
        for prefix in HOST_PREFIXES:
            for suffix in HOST_SUFFIXES:
                if not (prefix or suffix) or not part.startswith(prefix) or not part.endswith(suffix):
                    continue
                core = part[len(prefix):len(part) - len(suffix)]
                if len(core) >= SHORT_SLUG and core in slugs:
                    return slugs[core]
    return None


def province_from_url(url: str | None) -> str | None:
    """The province an outlet's address names (baokhanhhoa.vn, quangbinh.gov.vn, ...), else None.

    For nested portals the label nearest the public suffix wins: quangninh.quangbinh.gov.vn
    is a district portal of Quảng Bình.
    """
    if not url or not str(url).strip():
        return None
    text = str(url).strip()
    host = (urlparse(text if "://" in text else f"http://{text}").hostname or "").lower()
    if not host:
        return None
    for domain, province in _domain_table():
        if host == domain or host.endswith("." + domain):
            return province
    labels = [lb for lb in host.split(".") if lb]
    while labels and labels[-1] in HOST_SUFFIX_LABELS:
        labels.pop()
    for label in reversed(labels):
        found = _label_province(label)
        if found:
            return found
    return None


# ---------------------------------------------------------------- finding names in text

@lru_cache(maxsize=None)
def _context() -> dict:
    return read_json(CONTEXT_ASSET)


@lru_cache(maxsize=None)
def _name_forms() -> dict[str, tuple[str, str]]:
    """Searchable form (tone-folded, case kept) -> (province, kind)."""
    forms: dict[str, tuple[str, str]] = {}
    for row in _province_rows():
        forms[fold_tones(row["province"])] = (row["province"], "name")
    for row in read_csv(ALIASES_ASSET):
        if row["kind"] in TEXT_KINDS or row["kind"] == CITY_KIND:
            forms.setdefault(fold_tones(row["alias"]), (row["province"], row["kind"]))
    # "Tp.HCM", "Tp. Hồ Chí Minh": the city abbreviation is written in either case.
    for form, value in list(forms.items()):
        if form.startswith("TP"):
            forms.setdefault("Tp" + form[2:], value)
    return forms


@lru_cache(maxsize=None)
def _name_re() -> re.Pattern:
    names = sorted(_name_forms(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


@lru_cache(maxsize=None)
def _trap_re() -> re.Pattern:
    traps = sorted((fold_tones(nfc(t)) for t in _context()["traps"]), key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in traps))


@lru_cache(maxsize=None)
def _byline_aliases() -> dict[str, str]:
    return {fold(r["alias"]): r["province"] for r in read_csv(ALIASES_ASSET) if r["kind"] == BYLINE_KIND}


def _searchable(text: str) -> str:
    """NFC, canonical tones, traps blanked, lines in capitals turned to title case.

    Same length as nfc(text) so that positions point into the evidence text.
    """
    text = fold_tones(nfc(text))
    text = _trap_re().sub(lambda m: " " * len(m.group(0)), text)
    lines = []
    for line in text.split("\n"):
        if _is_widget_line(line):
            line = " " * len(line)
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= CAPS_LINE_MIN_LETTERS and all(c.isupper() for c in letters):
            line = line.title()
        lines.append(line)
    return "\n".join(lines)


def _is_widget_line(line: str) -> bool:
    """A price or rate table row ('SJC Hà Nội | 76.066 | 78.066'): page furniture, not the article."""
    return line.count("|") >= 2 and any(c.isdigit() for c in line)


def _previous_word(text: str, start: int) -> str:
    head = text[max(0, start - 40):start]
    if not head.endswith(" "):
        return ""
    words = head.rstrip().split(" ")
    return words[-1] if words else ""


def _is_person_context(text: str, start: int) -> bool:
    """'Nguyễn Thái Bình', 'Thị Huế', 'ông Hà Nam': a person, not a province."""
    ctx = _context()
    before = _previous_word(text, start)
    if before in ctx["person_words_before"]:
        return True
    head = text[max(0, start - 20):start].rstrip()
    return any(head == h or head.endswith(" " + h) for h in ctx["honorifics"])


def _mentions(text: str) -> tuple[list[Mention], set[str]]:
    """Province mentions in ``text`` (searchable form), and provinces also used as district names."""
    found: list[Mention] = []
    district_named: set[str] = set()
    forms = _name_forms()
    for m in _name_re().finditer(text):
        province, kind = forms[m.group(1)]
        before = text[max(0, m.start() - 30):m.start()]
        if DISTRICT_BEFORE_RE.search(before):
            district_named.add(province)
            continue
        classified = bool(PROVINCE_BEFORE_RE.search(before)) or kind == "abbr" or "." in m.group(1)
        if kind == CITY_KIND and not CITY_BEFORE_RE.search(before):
            continue
        if not classified and _is_person_context(text, m.start()):
            continue
        factor = 1.0
        wide = text[max(0, m.start() - 120):m.start()]
        if FOREIGN_SEAT_BEFORE_RE.search(wide):
            factor = 0.0
        elif VENUE_BEFORE_RE.search(before):
            factor = VENUE_FACTOR
        found.append(Mention(province, m.start(), m.end(), classified, factor))
    # A name used for a district in this text is ambiguous unless "tỉnh X" says otherwise.
    found = [x for x in found if x.province not in district_named or x.classified]
    return _discount_lists(text, found), district_named


def _discount_lists(text: str, found: list[Mention]) -> list[Mention]:
    out = []
    for mention in found:
        left = max(text.rfind(".", 0, mention.start), text.rfind("\n", 0, mention.start))
        right_candidates = [i for i in (text.find(".", mention.end), text.find("\n", mention.end)) if i >= 0]
        right = min(right_candidates) if right_candidates else len(text)
        same = {x.province for x in found if left < x.start and x.end <= right}
        if len(same) >= LIST_MIN:
            mention = Mention(mention.province, mention.start, mention.end, mention.classified,
                              mention.weight_factor * LIST_FACTOR)
        out.append(mention)
    return out


# ---------------------------------------------------------------- organiser and level

@dataclass(frozen=True)
class Organiser:
    level: str
    clause: str  # the subject clause (searchable text)
    start: int  # offset of the clause in the searchable text
    sentence: str


def _strip_venues(clause: str) -> str:
    """Blank comma-chunks that say where ('tại Nha Trang, tỉnh Khánh Hòa') or on whose instruction
    ('Thực hiện chỉ đạo của Ban Tuyên giáo Trung ương,'): neither is who organises."""
    return _blank(VENUE_CHUNK_RE, _blank(AUTHORITY_CHUNK_RE, clause))


def _clause_level(clause: str) -> str | None:
    """Level of the organisation named in a subject clause.

    The earliest explicit marker decides ("Ban Tuyên giáo Huyện ủy ..." is a district,
    "Ban Chỉ đạo ... Trung ương" central). A clause naming only an unqualified body
    ("Ban Chỉ đạo công tác thông tin đối ngoại", "UBND") is "weak": the caller looks further.
    """
    masked = _blank(NOT_CENTRAL_RE, _strip_venues(clause))
    marks: list[tuple[int, str]] = [(m.start(), "central") for m in NATIONAL_EVENT_RE.finditer(masked)]
    masked = _blank(NATIONAL_SCOPE_RE, masked)
    for regex, level in ((CENTRAL_MARK_RE, "central"), (DISTRICT_MARK_RE, "district"),
                         (PROVINCE_MARK_RE, "province"), (DEPARTMENT_MARK_RE, "province")):
        marks += [(m.start(), level) for m in regex.finditer(masked)]
    for m in CITY_MARK_RE.finditer(masked):
        marks.append((m.start(), _city_level(masked[m.end():])))
    mentions, _ = _mentions(masked)
    marks += [(x.start, "province") for x in mentions]
    if marks:
        return min(marks)[1]
    return WEAK if WEAK_PROVINCE_MARK_RE.search(masked) else None


def _blank(regex: re.Pattern, text: str) -> str:
    return regex.sub(lambda m: " " * len(m.group(0)), text)


def _level_text(text: str) -> str:
    """Searchable text with central titles of local leaders and national-scope phrases blanked:
    "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy" is provincial, "61 tỉnh, thành phố" is not."""
    return _blank(NATIONAL_SCOPE_RE, _blank(NOT_CENTRAL_RE, _searchable(text)))


def _weak_level(tail: str, doc: CleanDoc) -> str:
    """An unqualified organiser: national scope or a central-only lede makes it central."""
    if NATIONAL_SCOPE_RE.search(tail[:160]):
        return "central"
    lead = _level_text(doc.lead)
    if PROVINCE_MARK_RE.search(lead) or DEPARTMENT_MARK_RE.search(lead) or not CENTRAL_MARK_RE.search(lead):
        return "province"
    return "central"


def _city_level(after: str) -> str:
    """'thành phố Hà Nội' is a province; 'thành phố Nha Trang' a district-level city; bare: province.

    'Thành ủy Hồ Ngọc Hoa' is a bare committee followed by a person's name.
    """
    word = CAPITAL_WORD_RE.match(after)
    if not word or word.group(0) in _context()["person_words_before"] or _name_re().match(after):
        return "province"
    return "district"


def _headlines(doc: CleanDoc) -> list[str]:
    lines = [doc.title or ""] + (doc.body or "").split("\n")[:HEADLINE_LINES]
    return [ln.strip() for ln in lines
            if ln.strip() and len(ln.strip()) <= HEADLINE_MAX_CHARS and not _is_widget_line(ln)]


def _find_organiser(doc: CleanDoc) -> Organiser | None:
    """The first sentence (title, then lede) whose organiser verb has a subject with a level.

    A weak subject ("Ban Chỉ đạo ... tổ chức") is kept only if no later sentence in the lede
    names the organiser explicitly ("Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì").
    """
    weak: Organiser | None = None
    texts = _headlines(doc)[:1] + split_sentences((doc.body or "")[:ORGANISER_SCAN_CHARS])
    for sentence in texts:
        text = _blank(LEAD_TAG_RE, _searchable(sentence))
        for verb in ORGANISER_VERB_RE.finditer(text):
            start = max(text.rfind(";", 0, verb.start()), text.rfind("|", 0, verb.start())) + 1
            clause = text[start:verb.start()]
            level = _clause_level(clause)
            if level == WEAK and weak is None:
                weak = Organiser(_weak_level(text[verb.end():], doc), clause, start, sentence)
            elif level and level != WEAK:
                return Organiser(level, clause, start, sentence)
    return weak


def _fallback_level(doc: CleanDoc, has_province_mention: bool) -> Found:
    """No organiser found: provincial wording wins, then central bodies, else 'other'."""
    lead = nfc(doc.lead)
    masked = _level_text(lead)
    province_mark = PROVINCE_MARK_RE.search(masked)
    if has_province_mention or province_mark:
        return Found("province", sentence_of(lead, province_mark.start()) if province_mark else "")
    for regex, level in ((CENTRAL_MARK_RE, "central"), (DISTRICT_MARK_RE, "district")):
        mark = regex.search(masked)
        if mark:
            return Found(level, sentence_of(lead, mark.start()))
    return Found("other", "")


# ---------------------------------------------------------------- scoring provinces

def _score_mentions(scores: dict, evidence: dict, text: str, raw: str, classified_w: float, bare_w: float,
                    cap: float | None = None) -> None:
    mentions, _ = _mentions(text)
    added: dict[str, float] = {}
    for x in mentions:
        weight = (classified_w if x.classified else bare_w) * x.weight_factor
        if cap is not None and added.get(x.province, 0.0) + weight > cap:
            weight = max(0.0, cap - added.get(x.province, 0.0))
        if weight <= 0:
            continue
        added[x.province] = added.get(x.province, 0.0) + weight
        scores[x.province] = scores.get(x.province, 0.0) + weight
        evidence.setdefault(x.province, sentence_of(nfc(raw), x.start, x.end))


def _title_head(line: str) -> tuple[str, int] | None:
    """'Hưng Yên: Triển khai ...', 'Đắk Lắk tập huấn ...': the province leading a headline."""
    text = _searchable(line)
    mentions, _ = _mentions(text)
    for x in mentions:
        head = text[:x.start].strip()
        if head and not re.fullmatch(r"(?i:tỉnh|thành phố|tp\.?)", head):
            continue
        rest = text[x.end:]
        if re.match(r"\s*[:\-–—]", rest) or rest.strip()[:1].islower() or not rest.strip():
            return x.province, x.start
    return None


def _byline_province(doc: CleanDoc) -> tuple[str, str] | None:
    """An outlet's signature at the head of a paragraph: '(QBĐT) -', 'BHG -', '(kontumtv.vn) –'."""
    lines = [doc.byline or ""] + (doc.body or "").split("\n")[:HEADLINE_LINES + 4]
    for line in lines:
        m = BYLINE_RE.match(line)
        if not m:
            continue
        token = m.group(1).strip()
        province = _byline_aliases().get(fold(token))
        if province is None and re.fullmatch(r"[\w.-]+\.(?:vn|com|net|org)(?:\.vn)?", token.lower()):
            province = province_from_url(token)
        if province:
            return province, line.strip()
    return None


def _text_province(doc: CleanDoc, organiser: Organiser | None) -> tuple[str, str, float] | None:
    """Best-supported province named by the text, with its evidence sentence and score."""
    scores: dict[str, float] = {}
    evidence: dict[str, str] = {}
    if organiser is not None:
        clause = _strip_venues(organiser.clause)
        _score_mentions(scores, evidence, clause, organiser.sentence, W_ORGANISER, W_ORGANISER)
        for province in list(evidence):
            evidence[province] = organiser.sentence
    for i, line in enumerate(_headlines(doc)):
        head = _title_head(line)
        if head:
            scores[head[0]] = scores.get(head[0], 0.0) + (W_TITLE_HEAD if i == 0 else W_TITLE)
            evidence.setdefault(head[0], line)
    title = doc.title or ""
    _score_mentions(scores, evidence, _searchable(title), title, W_TITLE, W_TITLE, cap=W_TITLE)
    body = doc.body or ""
    lead, rest = body[:LEAD_CHARS], body[LEAD_CHARS:]
    _score_mentions(scores, evidence, _searchable(lead), lead, W_LEAD_CLASSIFIED, W_LEAD, cap=2 * W_LEAD_CLASSIFIED)
    _score_mentions(scores, evidence, _searchable(rest), rest, W_BODY_CLASSIFIED, W_BODY, cap=BODY_CAP)
    byline = _byline_province(doc)
    if byline:
        scores[byline[0]] = scores.get(byline[0], 0.0) + W_BYLINE
        evidence.setdefault(byline[0], byline[1])
    if not scores:
        return None
    order = {p: i for i, p in enumerate(evidence)}
    best = max(scores, key=lambda p: (scores[p], -order.get(p, 0)))
    if scores[best] <= 0:
        return None
    return best, evidence.get(best, ""), scores[best]


def extract_place(doc: CleanDoc, url: str | None) -> Place:
    """Province (Found or None), level (Found) and where the province came from ("text"/"url")."""
    organiser = _find_organiser(doc)
    text_choice = _text_province(doc, organiser)
    if organiser is not None:
        level = Found(organiser.level, organiser.sentence)
    else:
        level = _fallback_level(doc, text_choice is not None)
    if level.value == "central":
        return Place(None, level, None)
    from_url = province_from_url(url)
    if text_choice and (text_choice[2] >= MIN_TEXT_SCORE or not from_url or text_choice[0] == from_url):
        return Place(Found(text_choice[0], text_choice[1]), level, "text")
    if from_url:
        return Place(Found(from_url, str(url)), level, "url")
    if text_choice:
        return Place(Found(text_choice[0], text_choice[1]), level, "text")
    return Place(None, level, None)
