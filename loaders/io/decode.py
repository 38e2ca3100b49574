"""Bytes -> text: which encoding a file is in, whether it is text at all, and NFC.

Order: byte-order mark, UTF-16 without mark, UTF-8, the charset a page declares, UTF-8 with a
few damaged bytes, windows-1258 (Vietnamese, combining tone marks), then charset-normalizer's best
guess if it reads as Latin-script text. A file none of these reads is skipped with the reason.
"""
from __future__ import annotations

import codecs
import unicodedata

from ..textnorm import nfc
from .units import Skip

BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures checked before any text sniffing: a PNG's many NUL bytes look like UTF-16.
BINARY_MAGIC = {
    b"%PDF": "PDF document", b"\x89PNG": "PNG image", b"GIF8": "GIF image", b"\xff\xd8\xff": "JPEG image",
    b"PK\x03\x04": "zip archive or Office document", b"\xd0\xcf\x11\xe0": "old Office document",
    b"\x1f\x8b": "gzip archive", b"RIFF": "RIFF media (WebP, WAV, AVI)", b"7z\xbc\xaf": "7-Zip archive",
    b"Rar!": "RAR archive", b"\x7fELF": "executable", b"wOFF": "web font", b"wOF2": "web font",
    b"OggS": "Ogg media", b"ID3": "MP3 audio",
}
SNIFF_BYTES = 8192
CONTROL_BYTES = set(range(0, 32)) - {9, 10, 11, 12, 13, 27}
MAX_CONTROL_SHARE = 0.05  # more control bytes than this in the first 8 KB: not text
# Letters only Vietnamese (of the Latin-script languages likely here) writes often.
VIETNAMESE_LETTERS = frozenset(
    ch for ch in map(chr, range(0xC0, 0x1EFA))
    if ch in "đĐ" or (len(unicodedata.normalize("NFD", ch)) > 1
                      and unicodedata.normalize("NFD", ch)[0] in "aeiouyAEIOUY")
)
MIN_VIETNAMESE_SHARE = 0.05  # share of letters with Vietnamese marks for a windows-1258 guess
MIN_LATIN_SHARE = 0.9  # a charset-normalizer guess must read as Latin-script text
UTF8_CHECK_BYTES = 1 << 20  # slices in which a big file's UTF-8 is validated
MAX_DAMAGED_SHARE = 1 / 20  # a few replaced bytes among many good characters: a damaged UTF-8 file


def _looks_binary(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in CONTROL_BYTES)
    return bool(head) and controls / len(head) > MAX_CONTROL_SHARE


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII-heavy text has NUL in every other byte."""
    head = data[:SNIFF_BYTES - SNIFF_BYTES % 2]
    half = len(head) // 2
    if half < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isalpha()]


def _looks_vietnamese(text: str) -> bool:
    letters = _letters(unicodedata.normalize("NFC", text))
    if not letters:
        return False
    odd = sum(1 for ch in text if "\x80" <= ch <= "\x9f" or ch in "‚ƒ„†‡ˆ‰‹Œ‘’“”•˜™›œŸ¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾")
    viet = sum(1 for ch in letters if ch in VIETNAMESE_LETTERS)
    return viet / len(letters) >= MIN_VIETNAMESE_SHARE and odd / max(len(text), 1) < 0.01


def _looks_latin_text(text: str) -> bool:
    letters = _letters(text)
    if len(letters) < 0.3 * max(1, len(text.strip())):
        return False
    latin = sum(1 for ch in letters if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"))
    return latin / len(letters) >= MIN_LATIN_SHARE


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(invalid bytes, valid non-ASCII characters) when read as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - replaced  # in C: fast on 50 MB
    bad = replaced - data.count(b"\xef\xbf\xbd")
    return bad, good



def _by_bom(data: bytes) -> tuple[str, str | None] | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return nfc(data.decode(encoding)), (None if encoding == "utf-8-sig" else encoding)
            except UnicodeDecodeError:
                raise Skip(f"invalid {encoding} text after its byte-order mark") from None
    return None


def _by_utf16_shape(data: bytes) -> tuple[str, str | None] | None:
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            return nfc(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            return None
    return None


def _by_utf8(data: bytes) -> tuple[str, str | None] | None:
    try:
        return nfc(data.decode("utf-8")), None
    except UnicodeDecodeError:
        return None


def _by_declared(data: bytes, declared: str | None) -> tuple[str, str | None] | None:
    if not declared:
        return None
    try:
        text = data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None
    return (nfc(text), declared.lower()) if _looks_latin_text(text) else None


def _by_damaged_utf8(data: bytes) -> tuple[str, str | None] | None:
    bad, good = _utf8_damage(data)
    if good and bad <= good * MAX_DAMAGED_SHARE:
        return nfc(data.decode("utf-8", errors="replace")), f"{bad} invalid UTF-8 byte(s) replaced"
    return None


def _by_windows_1258(data: bytes) -> tuple[str, str | None] | None:
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    return (nfc(text), "windows-1258") if _looks_vietnamese(text) else None


def _by_detector(data: bytes) -> tuple[str, str | None] | None:
    from charset_normalizer import from_bytes  # imported late: only odd files need it

    best = from_bytes(data).best()
    if best is not None and _looks_latin_text(str(best)):
        return nfc(str(best)), best.encoding
    return None


def _valid_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8, checked slice by slice (no decoded copy of a big file is kept)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), UTF8_CHECK_BYTES):
            decoder.decode(data[start:start + UTF8_CHECK_BYTES])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def is_plain_utf8(data: bytes) -> bool:
    """Whether ``decode_bytes`` reads ``data`` as UTF-8 with no note: no signature or byte-order
    mark, not binary, valid UTF-8. Such data can be decoded piece by piece (a JSONL line by line)."""
    if any(data.startswith(magic) for magic in BINARY_MAGIC) or any(data.startswith(bom) for bom, _ in BOMS):
        return False
    return not _sniff_utf16(data) and not _looks_binary(data) and _valid_utf8(data)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Text of ``data`` (NFC) and a note naming any non-UTF-8 encoding or repair; raises Skip."""
    kind = next((name for magic, name in BINARY_MAGIC.items() if data.startswith(magic)), None)
    if kind:
        raise Skip(f"binary file ({kind}), not text")
    found = _by_bom(data) or _by_utf16_shape(data)
    if found:
        return found
    if _looks_binary(data):
        raise Skip("binary file, not text")
    found = (_by_utf8(data) or _by_declared(data, declared) or _by_damaged_utf8(data)
             or _by_windows_1258(data) or _by_detector(data))
    if found:
        return found
    raise Skip("invalid UTF-8 and no other known encoding reads it as text")
