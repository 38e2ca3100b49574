"""Raw scraped text -> CleanDoc: header | title | dateline | body | byline.

A scraped page is site furniture (clocks, banners, menus), the title, a dateline, the
article, an author line, then widgets and teasers. Extractors want the article; the
dateline and header are kept raw because *deciding* which date is the publication date is
the dates module's job, not ours. Cleaning is conservative: a line is removed only when a
pattern says it is furniture; losing a body sentence costs more than keeping some noise.
Furniture patterns are data (assets/boilerplate.txt); the structural rules are here.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..textnorm import nfc
from ..types import CleanDoc
from .layout import dateline_near_title, listing_label, listing_reason, split_top, take_top_meta
from .lines import (
    BYLINE_MAX_LINES,
    CAPTION_MAX_CHARS,
    CAPTION_RE,
    CELL_BAR_RE,
    MIN_PREFIX_DUP_CHARS,
    SENTENCE_END_RE,
    TEASER_MAX_CHARS,
    byline_text,
    furniture_cells,
    is_clock,
    is_paragraph,
    is_table_row,
    line_key,
    matches,
    patterns,
    same_line,
)
from .rawlines import split_lines


@dataclass
class Body:
    lines: list[str]
    captions: list[str]


def _is_caption_after_image(line: str) -> bool:
    return len(line) <= CAPTION_MAX_CHARS and (not SENTENCE_END_RE.search(line) or bool(CAPTION_RE.search(line)))


def _repeated_short(lines: list[str]) -> set[str]:
    """Keys of short lines without a final period that occur more than once: photo captions."""
    seen: dict[str, int] = {}
    for line in lines:
        text = CELL_BAR_RE.sub("", line)
        if len(text) <= CAPTION_MAX_CHARS and not text.endswith((".", "!", "?", "…", ":")):
            seen[line_key(text)] = seen.get(line_key(text), 0) + 1
    return {k for k, n in seen.items() if n > 1 and k}


def _has_longer_with_prefix(ordered: list[str], key: str) -> bool:
    i = bisect.bisect_right(ordered, key)
    return i < len(ordered) and ordered[i].startswith(key)


def clean_body(lines: list[str], title: str | None) -> Body:
    """Drop furniture, teaser blocks, duplicated lines and detectable photo captions."""
    p = patterns()
    repeated = _repeated_short(lines)
    kept: list[str] = []
    captions: list[str] = []
    seen: set[str] = {line_key(title)} if title else set()
    ordered: list[str] = []  # keys of kept lines, sorted: prefix lookups by bisection
    in_block = after_image = False
    for line in lines:
        if matches(line, p.block):
            in_block, after_image = True, False
            continue
        if in_block:
            if len(line) <= TEASER_MAX_CHARS and not is_paragraph(line) or matches(line, p.drop):
                continue
            in_block = False
        if matches(line, p.image):
            after_image = True
            continue
        if matches(line, p.drop) or matches(line, p.pagination) or is_table_row(line) or furniture_cells(line):
            continue
        text = CELL_BAR_RE.sub("", line).strip()
        key = line_key(text)
        if not key:
            continue
        was_after_image, after_image = after_image, False
        if was_after_image and _is_caption_after_image(text) or key in repeated or (
                len(text) <= CAPTION_MAX_CHARS and CAPTION_RE.search(line)):
            if key not in seen:
                captions.append(text)
            seen.add(key)
            continue
        if key in seen or (title and same_line(text, title)):
            continue
        if len(key) >= MIN_PREFIX_DUP_CHARS and _has_longer_with_prefix(ordered, key):
            continue  # a broken copy of an earlier line ("... Ngà" / "y thành lập ...")
        seen.add(key)
        bisect.insort(ordered, key)
        kept.append(text)
    return Body(lines=kept, captions=captions)



def split_byline(lines: list[str]) -> tuple[list[str], str | None]:
    """Take author/source lines off the end of the body."""
    found: list[str] = []
    while lines and len(found) < BYLINE_MAX_LINES:
        credit = byline_text(lines[-1])
        if credit is None:
            break
        found.insert(0, credit)
        lines = lines[:-1]
    if not lines:  # the whole "body" looked like credits: keep it as body instead
        return found, None
    return lines, "; ".join(found) or None



def clean_text(raw: str, title: str | None = None, extras: dict | None = None) -> CleanDoc:
    """Split a scraped article into header / title / dateline / body / byline (raw kept intact)."""
    raw = nfc(raw or "")
    title = nfc(title).strip() or None if title else None
    all_lines = split_lines(raw)
    listing = listing_reason(all_lines)
    label = listing_label(all_lines) if listing and not title else None
    # A listing's own name ('Tag: thông tin đối ngoại') is its title, not its first teaser.
    top = split_top(all_lines, label[1], index=label[0]) if label else split_top(all_lines, title)
    near = None if listing else dateline_near_title(all_lines, top)  # a listing has no dateline of its own
    rest, credits = take_top_meta(top.rest, top.dateline, listing=bool(listing))
    body = clean_body(rest, top.title)
    lines, byline = split_byline(body.lines)
    byline = byline or "; ".join(credits) or None
    extras = dict(extras or {})
    if body.captions:
        extras["captions"] = body.captions
    if near:
        extras["dateline_near_title"], extras["dateline_near_title_side"] = near
    clocks = [ln for ln in top.dateline if is_clock(ln)]
    if clocks:
        extras["site_clocks"] = clocks
    if listing:
        extras["listing_page"], extras["listing_reason"] = True, listing
    return CleanDoc(
        title=top.title,
        dateline="\n".join(top.dateline) or None,
        body="\n".join(lines),
        byline=byline,
        raw=raw,
        header="\n".join(top.header),
        extras=extras,
    )
