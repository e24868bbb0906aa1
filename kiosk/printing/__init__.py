"""Printed documents: the complete service guide, the feedback receipt, QR codes and the CJK font.

Pure reportlab (and qrcode for PNG images): nothing here imports Qt, so a guide can be built in a
worker thread, a child process or from the command line (``kiosk guide CODE --out FILE.pdf``).
"""


def warm_up() -> None:
    """Import the guide's modules and register the font (≈0.5 s), so that a visitor's first print costs
    what any print costs. The running kiosk calls this in a background thread a little after start."""
    from kiosk.printing import guide_pdf  # noqa: F401  (the import is the point)
    from kiosk.printing.fonts import register_cjk

    register_cjk()
