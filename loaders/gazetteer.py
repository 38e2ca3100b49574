"""The gazetteer: the one place anyone asks about Vietnamese geography.

63 provinces before 1 July 2025 and the 34 units after the merger, their regions and centroids,
aliases and spelling variants, and the provinces named by outlets' web addresses. All facts are
data (assets/provinces.csv, provinces_2025.csv, province_aliases.csv, outlet_domains.csv); this
module only reads them through loaders.assets and answers questions about them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

import pandas as pd

from .assets import read_csv
from .textnorm import fold, fold_tones, strip_marks

PROVINCES_ASSET = "provinces.csv"
PROVINCES_2025_ASSET = "provinces_2025.csv"
ALIASES_ASSET = "province_aliases.csv"
DOMAINS_ASSET = "outlet_domains.csv"

# Alias kinds (see assets/province_aliases.csv): which ones are searched for in running text.
TEXT_KINDS = {"name", "abbr"}
CITY_KIND = "city"
BYLINE_KIND = "byline"

# "tỉnh Nghệ An", "TP. Huế": the unit word a canonical name may carry
PREFIX_RE = re.compile(r"^(?:tỉnh|thành phố|tp\.?|t\.p\.?)\s*")

# Outlet addresses: "bao<slug>.vn", "<slug>tv.vn", "truyenhinh<slug>.vn", "<x>.<slug>.gov.vn".
HOST_SUFFIX_LABELS = {"vn", "com", "net", "org", "gov", "edu", "dcs", "info", "int", "www"}
HOST_PREFIXES = ("bao", "truyenhinh", "tuyengiao", "tinhdoan", "dai", "btg", "ptth", "congan", "ict", "")
HOST_SUFFIXES = ("tv", "24h", "online", "news", "portal", "")
SHORT_SLUG = 5  # shorter slugs ("hue") must be a whole host label, never part of one


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



# ---------------------------------------------------------------- names as written in text

@lru_cache(maxsize=None)
def name_forms() -> dict[str, tuple[str, str]]:
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
def name_re() -> re.Pattern:
    names = sorted(name_forms(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


@lru_cache(maxsize=None)
def byline_aliases() -> dict[str, str]:
    return {fold(r["alias"]): r["province"] for r in read_csv(ALIASES_ASSET) if r["kind"] == BYLINE_KIND}

