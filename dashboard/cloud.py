"""Word clouds of term frequencies, as PNG bytes or SVG text.

Terms come in already counted (loaders/terms.py keeps compounds such as "thông tin đối ngoại"
whole), so the cloud is drawn from frequencies and never re-tokenised. The font ships with
matplotlib (DejaVu Sans covers every Vietnamese letter) so nothing is fetched at run time;
layout and colours are fixed, so the same counts always give the same picture.
"""
from __future__ import annotations

import io
import logging
import os
import zlib
from functools import lru_cache

from wordcloud import WordCloud  # with the module (0.3 s, once per server at start), not on the first cloud

from loaders.textnorm import nfc

# Font subsetting for the SVG warns about a table it drops (FFTM: font-forge timestamps),
# harmless and not actionable, on every call.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

PALETTE = ("#1f4e79", "#2e75b6", "#c55a11", "#548235", "#7030a0", "#bf8f00", "#3a7d7c")
RANDOM_STATE = 20250701  # fixed layout: the picture only changes when the counts do
BACKGROUND = "white"
PREFER_HORIZONTAL = 1.0  # multi-word Vietnamese terms are unreadable when set vertically
RELATIVE_SCALING = 0.5  # size follows rank and frequency half-and-half: rare terms stay legible
MARGIN = 4
MAX_WORDS = 200
# Layout on a canvas DRAW_SCALE times smaller, words drawn DRAW_SCALE times larger (wordcloud's
# ``scale``): the same words, sizes and colours in a picture of the requested size, collisions
# checked on the coarser grid; 0.28 s -> 0.16 s for 60 terms at 900x450 here. Sizes it does not
# divide are laid out at full size.
DRAW_SCALE = 2
FONT_FILE = ("fonts", "ttf", "DejaVuSans.ttf")


@lru_cache(maxsize=1)
def font_path() -> str:
    """DejaVu Sans from matplotlib (a wordcloud dependency). Raises when it is missing rather than
    falling back to wordcloud's own font, which lacks Vietnamese letters (ạ, ế, ữ would show as boxes)."""
    import matplotlib
    path = os.path.join(matplotlib.get_data_path(), *FONT_FILE)
    if not os.path.exists(path):
        raise FileNotFoundError(f"word-cloud font not found: {path} (matplotlib ships DejaVu Sans there)")
    return path


def term_color(word: str, *_args, **_kwargs) -> str:
    """A palette colour chosen by the term itself, so a term keeps its colour across clouds."""
    return PALETTE[zlib.crc32(word.encode("utf-8")) % len(PALETTE)]


def _clean(freqs: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for term, n in (freqs or {}).items():
        term = nfc(str(term)).strip()
        if term and n and int(n) > 0:
            out[term] = out.get(term, 0) + int(n)
    return out


def _cloud(freqs: dict, width: int, height: int):
    terms = _clean(freqs)
    if not terms:
        return None
    scale = DRAW_SCALE if width % DRAW_SCALE == 0 and height % DRAW_SCALE == 0 else 1
    cloud = WordCloud(font_path=font_path(), width=width // scale, height=height // scale, scale=scale,
                      background_color=BACKGROUND, random_state=RANDOM_STATE, color_func=term_color,
                      prefer_horizontal=PREFER_HORIZONTAL, relative_scaling=RELATIVE_SCALING,
                      margin=max(MARGIN // scale, 1), max_words=MAX_WORDS)
    return cloud.generate_from_frequencies(terms)


def _blank_png(width: int, height: int) -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (width, height), BACKGROUND).save(buf, format="PNG")
    return buf.getvalue()


def wordcloud_png(freqs: dict[str, int], width: int = 900, height: int = 450) -> bytes:
    """PNG bytes of the cloud; a blank image when there are no terms (the page says why)."""
    cloud = _cloud(freqs, width, height)
    if cloud is None:
        return _blank_png(width, height)
    buf = io.BytesIO()
    # no optimize=True: the same pixels, 2% more bytes, and half a second less per cloud
    cloud.to_image().save(buf, format="PNG")
    return buf.getvalue()


def wordcloud_svg(freqs: dict[str, int], width: int = 900, height: int = 450) -> str:
    """SVG text of the cloud with the font subset embedded, so it renders the same anywhere."""
    cloud = _cloud(freqs, width, height)
    if cloud is None:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">'
                f'<rect width="100%" height="100%" style="fill:{BACKGROUND}"/></svg>')
    return cloud.to_svg(embed_font=True, optimize_embedded_font=True)
