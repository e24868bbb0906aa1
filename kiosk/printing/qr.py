"""QR codes: a PNG for screens (``QPixmap.loadFromData``) and the module matrix for vector PDFs."""

from __future__ import annotations

import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M


def _code(text: str, border: int, box: int = 1) -> qrcode.QRCode:
    if not text:
        raise ValueError("a QR code needs some text")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box, border=border)
    code.add_data(text)
    code.make(fit=True)
    return code


def qr_matrix(text: str, border: int = 0) -> list[list[bool]]:
    """The dark (True) and light modules, row by row, with ``border`` light modules around."""
    return [list(row) for row in _code(text, border).get_matrix()]


def qr_png(text: str, box: int = 8, border: int = 4) -> bytes:
    """A black-on-white PNG of ``text``: ``box`` pixels per module, the standard 4-module quiet zone."""
    image = _code(text, border, box).make_image(fill_color="black", back_color="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
