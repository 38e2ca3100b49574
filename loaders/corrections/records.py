"""One correction: what an analyst changed, on which article, from what to what, who, when, why.

A correction is plain data (one JSON object per line of a corrections file) and is validated
field by field before it is used: a province must be one of the gazetteer's 63, a date must
fall in a plausible range, a number must be a non-negative integer, a meeting type one of
``schema.MEETING_TYPES``. Nothing in a correction is ever executed or rendered as markup.

An article is named by its ``doc_id`` and by ``content_sha`` (a digest of its raw text), so a
correction survives a re-ingest and a loader upgrade, and notices when the text itself changed.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone

import pandas as pd

from .. import gazetteer
from ..schema import COUNT_FIELDS, MEETING_TYPES

FORMAT_VERSION = 1
MEETING = "meeting"  # the pseudo-field of split/merge corrections
# field -> kind of value it holds
VALUE_FIELDS: dict[str, str] = {
    "relevant": "bool", "meeting_type": "type", "province": "province", "meeting_date": "date",
    "period": "period", "chairs": "names", **{name: "count" for name in COUNT_FIELDS},
}
FIELDS = (*VALUE_FIELDS, MEETING)
VALUE_ACTIONS = ("set", "clear", "check")
MEETING_ACTIONS = ("split", "merge", "check")
ACTIONS = ("set", "clear", "check", "split", "merge")

EARLIEST_DATE = date(1990, 1, 1)  # before any provincial TTĐN steering committee reported
LATEST_AHEAD = timedelta(days=366)  # a meeting is at most a year ahead of today (an announcement)
MAX_COUNT = 1_000_000  # no province receives a million delegations: a typo
MAX_NAMES, MAX_NAME_CHARS = 20, 120
MAX_ID_CHARS, MAX_WHO_CHARS, MAX_NOTE_CHARS = 300, 80, 1000
PERIOD_RE = re.compile(r"^(\d{4})(?:H[12]|Q[1-4]|M(?:1[0-2]|[1-9]))?$")
SHA_RE = re.compile(r"^[0-9a-f]{8,64}$")
ID_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
SHA_CHARS = 16


@dataclass(frozen=True)
class Correction:
    """One change to one value (or one meeting), as stored; values in their JSON form."""

    id: str
    doc_id: str
    content_sha: str
    field: str
    action: str
    old: object = None
    new: object = None
    who: str = ""
    when: str = ""
    note: str = ""

    @property
    def slot(self) -> tuple[str, str, str]:
        """What this correction speaks about: corrections of one slot compete; a check is its own slot."""
        return (self.doc_id, self.field, "check" if self.action == "check" else "change")

    @property
    def change(self) -> tuple[str, str]:
        """What it does, for telling agreement from conflict (two sessions making the same change agree)."""
        return (self.action, _canonical_json(self.new))

    def to_json(self) -> dict:
        return {"v": FORMAT_VERSION, **asdict(self)}


def content_sha(text) -> str:
    """Digest of an article's raw text (NFC, outer whitespace ignored): its identity across re-ingests."""
    norm = unicodedata.normalize("NFC", str(text or "")).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:SHA_CHARS]


def new_id() -> str:
    return "c-" + uuid.uuid4().hex[:12]


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def plain(field: str, value) -> object:
    """An article cell as the JSON value a correction stores (dates as ISO, lists as lists, NA as None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    kind = VALUE_FIELDS.get(field)
    if kind == "date":
        stamp = pd.Timestamp(value)
        return None if pd.isna(stamp) else stamp.date().isoformat()
    if kind == "names" or isinstance(value, (list, tuple)) or hasattr(value, "tolist") and not isinstance(value, str):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return [str(v) for v in items] if isinstance(items, list) else items
    if kind == "count":
        return int(value)
    if kind == "bool":
        return bool(value)
    return str(value)


# ---------------------------------------------------------------- values

def parse_value(field: str, raw) -> tuple[object, str | None]:
    """(the value in canonical JSON form, None) or (None, the reason it is refused)."""
    kind = VALUE_FIELDS.get(field)
    if kind is None:
        return None, f"unknown field {field!r}"
    return _PARSERS[kind](raw)


def _parse_bool(raw) -> tuple[object, str | None]:
    return (raw, None) if isinstance(raw, bool) else (None, "relevant must be true or false")


def _parse_type(raw) -> tuple[object, str | None]:
    return (raw, None) if raw in MEETING_TYPES else (None, f"meeting type must be one of {', '.join(MEETING_TYPES)}")


def _parse_province(raw) -> tuple[object, str | None]:
    name = gazetteer.canonical_province(raw) if isinstance(raw, str) and len(raw) <= MAX_NAME_CHARS else None
    return (name, None) if name else (None, "province must be one of the 63 provinces of the gazetteer")


def _parse_date(raw) -> tuple[object, str | None]:
    try:
        day = date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        day = None
    if day is None:
        return None, "date must be written YYYY-MM-DD"
    if not EARLIEST_DATE <= day <= date.today() + LATEST_AHEAD:
        return None, f"date must fall between {EARLIEST_DATE.isoformat()} and a year from today"
    return day.isoformat(), None


def _parse_period(raw) -> tuple[object, str | None]:
    text = raw.strip().upper() if isinstance(raw, str) else ""
    match = PERIOD_RE.match(text)
    if not match or not EARLIEST_DATE.year <= int(match.group(1)) <= date.today().year + 1:
        return None, "period must look like 2022, 2022H1, 2022Q3 or 2022M9"
    return text, None


def _parse_names(raw) -> tuple[object, str | None]:
    if isinstance(raw, str):
        raw = [part for part in re.split(r"[;\n]", raw)]
    if not isinstance(raw, list) or not all(isinstance(n, str) for n in raw):
        return None, "chairs must be a list of names"
    names = [clean_text(n) for n in raw if clean_text(n)]
    if not names or len(names) > MAX_NAMES or any(len(n) > MAX_NAME_CHARS for n in names):
        return None, f"chairs must be 1 to {MAX_NAMES} names of at most {MAX_NAME_CHARS} characters"
    return names, None


def _parse_count(raw) -> tuple[object, str | None]:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= MAX_COUNT:
        return None, f"a number must be a whole number from 0 to {MAX_COUNT:,}"
    return raw, None


_PARSERS = {"bool": _parse_bool, "type": _parse_type, "province": _parse_province, "date": _parse_date,
            "period": _parse_period, "names": _parse_names, "count": _parse_count}


def clean_text(text: str) -> str:
    """NFC, control characters dropped, whitespace collapsed: free text as inert plain text."""
    text = unicodedata.normalize("NFC", str(text))
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())


def _canonical_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# ---------------------------------------------------------------- whole corrections

def make(doc_id: str, sha: str, field: str, action: str, new=None, *, old=None, who: str = "", note: str = "",
         when: str | None = None, id: str | None = None) -> Correction:
    """A validated correction (raises ValueError with the reason when it is not one)."""
    found = from_json({"id": id or new_id(), "doc_id": doc_id, "content_sha": sha, "field": field,
                       "action": action, "old": old, "new": new, "who": who, "when": when or now_iso(),
                       "note": note})
    if isinstance(found, str):
        raise ValueError(found)
    return found


def from_json(obj) -> Correction | str:
    """The correction a parsed JSON line holds, or the reason it is refused."""
    if not isinstance(obj, dict):
        return "not a JSON object"
    problem = _identity_problem(obj)
    if problem:
        return problem
    field, action = obj["field"], obj["action"]
    new, problem = _new_value(field, action, obj.get("new"), obj["doc_id"])
    if problem:
        return problem
    who, note = obj.get("who") or "", obj.get("note") or ""
    if not isinstance(who, str) or not isinstance(note, str):
        return "who and note must be text"
    when = obj.get("when")
    if not isinstance(when, str) or _parse_when(when) is None:
        return "when must be an ISO date-time"
    return Correction(id=obj["id"], doc_id=clean_text(obj["doc_id"]), content_sha=obj["content_sha"], field=field,
                      action=action, old=_old_value(obj.get("old")), new=new,
                      who=clean_text(who)[:MAX_WHO_CHARS], when=when, note=clean_text(note)[:MAX_NOTE_CHARS])


def _identity_problem(obj: dict) -> str | None:
    if not isinstance(obj.get("id"), str) or not ID_RE.match(obj["id"]):
        return "id must be a short token"
    doc_id = obj.get("doc_id")
    if not isinstance(doc_id, str) or not clean_text(doc_id) or len(doc_id) > MAX_ID_CHARS:
        return "doc_id must be text"
    if not isinstance(obj.get("content_sha"), str) or not SHA_RE.match(obj["content_sha"]):
        return "content_sha must be a hex digest"
    if obj.get("field") not in FIELDS:
        return f"field must be one of {', '.join(FIELDS)}"
    allowed = MEETING_ACTIONS if obj["field"] == MEETING else VALUE_ACTIONS
    if obj.get("action") not in allowed:
        return f"action on {obj['field']} must be one of {', '.join(allowed)}"
    return None


def _new_value(field: str, action: str, raw, doc_id: str) -> tuple[object, str | None]:
    if action in ("clear", "split"):
        return None, None
    if action == "merge":
        ok = isinstance(raw, str) and clean_text(raw) and len(raw) <= MAX_ID_CHARS and clean_text(raw) != doc_id
        return (clean_text(raw), None) if ok else (None, "merge needs the doc_id of another article")
    if field == MEETING:  # a check of the grouping holds no value
        return None, None
    if action == "check" and raw is None:
        return None, None  # "not reported" can be checked too
    return parse_value(field, raw)


def _old_value(raw):
    """The value before the change, kept for the audit only: plain JSON scalars or short lists, else nothing."""
    if raw is None or isinstance(raw, (bool, int, float)):
        return raw
    if isinstance(raw, str):
        return clean_text(raw)[:MAX_NOTE_CHARS]
    if isinstance(raw, list) and len(raw) <= MAX_NAMES * 5 and all(isinstance(v, str) for v in raw):
        return [clean_text(v)[:MAX_NAME_CHARS] for v in raw]
    return None


def _parse_when(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
