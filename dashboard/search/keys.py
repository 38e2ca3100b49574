"""Search keys: what a text and a query are compared as.

Case, diacritics and punctuation are ignored ("Biển, đảo" = "bien dao"), tone placement too
(Hòa/Hoà both fold to "hoa"). A key is ASCII, its words separated by one space and padded with
one space at each end, so " dao " finds the syllable "đảo" and never the inside of "daotao".

Folding a corpus goes through one lookup table over code points with numpy, a few passes over
the whole text in C instead of a Python step per letter (100,000 bodies fold in seconds).
Letters outside Latin scripts (Chinese, Cyrillic) become word breaks: the corpus is Vietnamese.
"""
from __future__ import annotations

import unicodedata

import numpy as np

TABLE_SIZE = 0x110000  # every code point: one lookup per letter, no range test (1 MB)
LATIN_END = 0x1F00  # past Latin Extended Additional (every Vietnamese letter) all is a word break
SPACE, SEPARATOR, DROP = 32, 0, 255  # word break, end of one text, a combining mark (belongs to its letter)
CHUNK_TEXTS = 1000  # texts folded per numpy pass: its hashing arrays take ~35 bytes per character (~120 MB)


def _fold_table() -> np.ndarray:
    """Code point -> ASCII byte: letters and digits to their unmarked lower case, all else a space."""
    table = np.full(TABLE_SIZE, SPACE, dtype=np.uint8)
    for cp in range(LATIN_END):
        if unicodedata.combining(chr(cp)):
            table[cp] = DROP
            continue
        base = unicodedata.normalize("NFD", chr(cp))[0].lower()
        if base.isascii() and base.isalnum():
            table[cp] = ord(base)
    for letter in "đĐð":
        table[ord(letter)] = ord("d")
    table[SEPARATOR] = SEPARATOR
    return table


FOLD_TABLE = _fold_table()


def folded_bytes(texts: list[str]) -> np.ndarray:
    """The texts folded as one ASCII byte array: each text's words separated by one space, texts
    separated by a 0 byte (no leading spaces; a text may end in one)."""
    codes = np.frombuffer("\x00".join(t.replace("\x00", " ") for t in texts).encode("utf-32-le"), dtype=np.uint32)
    out = FOLD_TABLE[codes]
    out = out[out != DROP]
    space = out == SPACE
    after_break = np.ones(len(out), dtype=bool)  # the first byte follows the start
    after_break[1:] = space[:-1] | (out[:-1] == SEPARATOR)
    return out[~(space & after_break)]  # one space per break, none at the start of a text


def keys_of_bytes(folded: np.ndarray) -> list[str]:
    """The padded key of each text in a ``folded_bytes`` array."""
    return [f" {core.rstrip()} " if core.strip() else " " for core in folded.tobytes().decode("ascii").split("\x00")]


def fold_many(texts: list[str]) -> list[str]:
    """``search_key`` of each text, computed a chunk of texts at a time."""
    keys: list[str] = []
    for start in range(0, len(texts), CHUNK_TEXTS):
        keys += keys_of_bytes(folded_bytes([t if isinstance(t, str) else "" for t in texts[start:start + CHUNK_TEXTS]]))
    return keys


def search_key(text: str | None) -> str:
    """" bien dao " for "Biển, đảo!": lower case, no marks, every run of non-letters one space, padded."""
    return fold_many([text or ""])[0]


def key_with_offsets(text: str) -> tuple[str, list[int]]:
    """``search_key(text)`` and, for each of its characters, the index in ``text`` it came from,
    so a match found in the key can be highlighted in the text as written."""
    chars, origin = [" "], [0]
    for i, ch in enumerate(text or ""):
        cp = ord(ch)
        byte = int(FOLD_TABLE[cp])
        if byte == DROP:
            continue
        if byte in (SPACE, SEPARATOR):
            if chars[-1] != " ":
                chars.append(" ")
                origin.append(i)
            continue
        chars.append(chr(byte))
        origin.append(i)
    if chars[-1] != " ":
        chars.append(" ")
        origin.append(len(text or ""))
    return "".join(chars), origin
