"""The CJK font of every printed document: WenQuanYi Zen Hei, embedded as a TrueType subset.

Never the built-in CID fonts (``STSong-Light``): they are not embedded, and printed through CUPS and
Ghostscript they come out as garbage. Registering the font parses the 16 MB collection (≈ 0.1–0.2 s),
so it is done once per process, on first use, from whichever thread gets there first.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Final

FONT_FILE: Final = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
#: the name documents use; pdffonts shows the embedded subset as a six-letter tag + ``WenQuanYiZenHei``
FONT: Final = "WQY"

_lock = threading.Lock()
_registered = False


class FontMissing(RuntimeError):
    """The CJK font file is not installed (Debian package ``fonts-wqy-zenhei``)."""


def register_cjk() -> str:
    """Register the embedded CJK font (idempotent, thread-safe); returns its name for styles."""
    global _registered
    if _registered:
        return FONT
    with _lock:
        if not _registered:
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            if not FONT_FILE.is_file():
                raise FontMissing(f"the CJK font {FONT_FILE} is missing: install the Debian package fonts-wqy-zenhei")
            pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
            # one face only: <b> and <i> in paragraphs map to it instead of failing
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            _registered = True
    return FONT
