"""Sizes from millimetres and the stylesheet with named colours.

Touch targets are specified in millimetres and turned into pixels through the configured screen
DPI, so a 21.5-inch and a 43-inch screen both get finger-sized buttons. Text sizes are pixels at
1080p (the issue's measure: body ≥ 24 px).
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

from kiosk.config import ASSETS

#: Named colours of the visual language (see the README): calm, official, one deep blue.
PALETTE = {
    "ground": "#F4F6F9",
    "surface": "#FFFFFF",
    "ink": "#1B2430",
    "muted": "#4A5566",
    "line": "#D5DCE6",
    "blue": "#0B4F9C",
    "blue_dark": "#083B75",
    "blue_soft": "#E3EDF9",
    "accent": "#C45A00",
    "accent_soft": "#FDEBD9",
    "accent_dark": "#9A4600",
    "ok": "#1E7B34",
    "header": "#0B4F9C",
    "header_ink": "#FFFFFF",
}

#: Pixel sizes of text (at 1080p), from small print to the attract title.
TEXT = {"small": 24, "body": 28, "large": 34, "heading": 42, "title": 56, "display": 84}


@dataclass(frozen=True)
class Metrics:
    dpi: float

    def mm(self, millimetres: float) -> int:
        return round(millimetres * self.dpi / 25.4)

    @property
    def target(self) -> int:
        """Smallest touch target: 15 mm, and never below 72 px."""
        return max(self.mm(15), 72)


def stylesheet(metrics: Metrics) -> str:
    sheets = [ASSETS / "style.qss", *sorted((ASSETS / "styles").glob("*.qss"))]
    template = Template("\n".join(p.read_text(encoding="utf-8") for p in sheets))
    values: dict[str, object] = {**PALETTE, **{f"text_{k}": v for k, v in TEXT.items()}}
    values["target"] = metrics.target
    values["scrollbar"] = max(metrics.mm(6), 22)
    return template.substitute(values)


_current = Metrics(dpi=96.0)


def set_metrics(metrics: Metrics) -> None:
    """Set once by the app from the configured screen; screens read it with :func:`metrics`."""
    global _current
    _current = metrics


def metrics() -> Metrics:
    return _current
