"""Sizes from millimetres, named colours and the stylesheet, for the visitor's mode.

Touch targets are specified in millimetres and turned into pixels through the configured screen
DPI, so a 21.5-inch and a 43-inch screen both get finger-sized buttons. Text sizes are pixels at
1080p (the issue's measure: body ≥ 24 px).

The visitor's mode (:class:`kiosk.visitor_mode.VisitorMode`) changes three things here:

* 长辈模式 (elderly): every text size ×1.5 (the big figures ×1.2), and never below the MIIT floors at the
  configured DPI (main headings ≥ 30 pt, body ≥ 18 pt, with pt = px × 72 / dpi); pixel sizes chosen in code follow
  :meth:`Metrics.px`; targets grow (:attr:`Metrics.target`); wrapped labels get a line pitch of
  :data:`ELDERLY_LINE_SPACING` × the font size (:func:`line_spacing`).
* high contrast: :data:`CONTRAST_PALETTE`, where every text colour is ≥ 7:1 on the backgrounds it is
  used on (the normal palette keeps every pair ≥ 4.5:1).
* both compose.

:data:`PALETTE` and :data:`TEXT` are read-only views of the *current* mode's colours and text sizes
(:func:`set_mode` switches them), so code that paints by hand (charts, faces, rows) follows the mode
without being told; the app rebuilds the screens after a switch.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from string import Template
from typing import TypeVar

from kiosk.config import ASSETS
from kiosk.visitor_mode import VisitorMode

#: Named colours of the visual language (see the README): calm, official, one deep blue.
#: Every text colour is ≥ 4.5:1 against the backgrounds it is used on (tests/test_accessibility.py).
BASE_PALETTE: dict[str, str] = {
    "ground": "#F4F6F9",
    "surface": "#FFFFFF",
    "ink": "#1B2430",
    "muted": "#4A5566",
    "line": "#D5DCE6",
    "blue": "#0B4F9C",
    "blue_dark": "#083B75",
    "blue_soft": "#E3EDF9",
    "accent": "#AD4E00",  # (was #C45A00: 4.4:1 on white, 3.8:1 on accent_soft)
    "accent_soft": "#FDEBD9",
    "accent_dark": "#9A4600",
    "ok": "#1E7B34",
    "header": "#0B4F9C",
    "header_ink": "#FFFFFF",
    "on_blue": "#FFFFFF",  # text on blue, blue_dark, accent and ok grounds
    "highlight": "#FFE8B0",  # the commitment on the attract screen (on the blue gradient)
    "scroll": "#9AA7B8",  # scroll bar handle
    "neutral_soft": "#D5DCE6",  # ground of a neutral tag (非必需)
}

#: High contrast: black on white, white on near-black blue; no muted grey below 7:1, dark borders.
CONTRAST_PALETTE: dict[str, str] = {
    "ground": "#FFFFFF",
    "surface": "#FFFFFF",
    "ink": "#000000",
    "muted": "#262626",
    "line": "#4D4D4D",
    "blue": "#002D66",
    "blue_dark": "#001B40",
    "blue_soft": "#E8F0FB",
    "accent": "#7A2E00",
    "accent_soft": "#FFF0E0",
    "accent_dark": "#5A2200",
    "ok": "#0A4F1C",
    "header": "#001B40",
    "header_ink": "#FFFFFF",
    "on_blue": "#FFFFFF",
    "highlight": "#FFE08A",
    "scroll": "#262626",
    "neutral_soft": "#E0E0E0",
}

#: Pixel sizes of text (at 1080p), from small print to the biggest figures (window number, receipt code).
BASE_TEXT: dict[str, int] = {"small": 24, "body": 28, "large": 34, "heading": 42, "title": 56, "display": 84,
                             "huge": 120}

#: 长辈模式: text and the pixel sizes chosen in code are this many times larger
ELDERLY_SCALE = 1.5
#: 长辈模式: the figures (window numbers, phone numbers, the receipt code, already 84–120 px) grow less: a
#: phone number cannot wrap and must still fit a portrait screen
ELDERLY_FIGURE_SCALE = 1.2
FIGURES = ("display", "huge")
#: 长辈模式: baseline-to-baseline distance of wrapped text, in font sizes (MIIT: ≥ 1.3)
ELDERLY_LINE_SPACING = 1.4
#: MIIT floors in the elderly mode, in points at the configured DPI
ELDERLY_HEADING_PT = 30.0
ELDERLY_BODY_PT = 18.0
#: floor of the normal mode, in pixels at 1080p (the browsing kiosk's rule: body text ≥ 24 px)
NORMAL_BODY_PX = 24


@dataclass(frozen=True)
class Metrics:
    """Converts millimetres, points and dp to pixels at the screen's DPI; ``scale`` is the mode's."""

    dpi: float
    scale: float = 1.0

    def mm(self, millimetres: float) -> int:
        return round(millimetres * self.dpi / 25.4)

    def px(self, pixels: float) -> int:
        """A pixel size chosen for the normal mode (a tile's height, a box's width), in this mode."""
        return round(pixels * self.scale)

    def pt(self, pixels: float) -> float:
        """Points (1/72 inch) of a length of ``pixels`` on this screen."""
        return pixels * 72 / self.dpi

    def dp(self, pixels: float) -> float:
        """Density-independent pixels (1/160 inch, Android's and MIIT's unit) of ``pixels``."""
        return pixels * 160 / self.dpi

    def px_for_pt(self, points: float) -> int:
        return math.ceil(points * self.dpi / 72)

    def px_for_dp(self, dp: float) -> int:
        return math.ceil(dp * self.dpi / 160)

    @property
    def target(self) -> int:
        """Smallest touch target: 15 mm, and never below 72 px; in the elderly mode a quarter more, and
        never below 60 dp (MIIT)."""
        base = max(self.mm(15), 72)
        if self.scale > 1:
            base = max(round(base * (1 + (self.scale - 1) / 2)), self.px_for_dp(60))
        return base


def scale_for(mode: VisitorMode) -> float:
    return ELDERLY_SCALE if mode.elderly else 1.0


def palette_for(mode: VisitorMode) -> dict[str, str]:
    return dict(CONTRAST_PALETTE if mode.contrast else BASE_PALETTE)


def text_sizes(metrics: Metrics, mode: VisitorMode) -> dict[str, int]:
    """Pixel size of each text style in ``mode`` at the screen's DPI (uses ``metrics.dpi`` only)."""
    if not mode.elderly:
        return dict(BASE_TEXT)
    sizes = {name: round(size * (ELDERLY_FIGURE_SCALE if name in FIGURES else ELDERLY_SCALE))
             for name, size in BASE_TEXT.items()}
    body_floor = metrics.px_for_pt(ELDERLY_BODY_PT)
    heading_floor = metrics.px_for_pt(ELDERLY_HEADING_PT)
    for name in ("small", "body", "large"):
        sizes[name] = max(sizes[name], body_floor)
    for name in ("heading", "title", "display", "huge"):
        sizes[name] = max(sizes[name], heading_floor)
    return sizes


def stylesheet(metrics: Metrics, mode: VisitorMode | None = None) -> str:
    """The application stylesheet for ``mode`` (the default mode when None) at ``metrics.dpi``."""
    mode = mode or VisitorMode()
    sized = Metrics(metrics.dpi, scale_for(mode))
    sheets = [ASSETS / "style.qss", *sorted((ASSETS / "styles").glob("*.qss"))]
    template = Template("\n".join(p.read_text(encoding="utf-8") for p in sheets))
    values: dict[str, object] = {**palette_for(mode),
                                 **{f"text_{k}": v for k, v in text_sizes(sized, mode).items()}}
    values["target"] = sized.target
    # a wide target for the few buttons that are the one big action of a screen (home's search, 回到首页)
    values["target_large"] = sized.px(110)
    # narrowest key of the on-screen keyboard (the keys share a row's width; 15 mm and 60 dp at least)
    values["key_min"] = max(sized.mm(15), sized.px_for_dp(60))
    values["scrollbar"] = max(sized.mm(6), 22)
    return template.substitute(values)


_V = TypeVar("_V")


class _CurrentView(Mapping[str, _V]):
    """A read-only view of one of the current mode's tables (see :func:`set_mode`)."""

    def __init__(self, table: str) -> None:
        self._table = table

    def _dict(self) -> dict[str, _V]:
        table: dict[str, _V] = _state[self._table]  # type: ignore[assignment]
        return table

    def __getitem__(self, key: str) -> _V:
        return self._dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __repr__(self) -> str:
        return f"{self._table}({self._dict()!r})"


_current = Metrics(dpi=96.0)
_mode = VisitorMode()
_state: dict[str, dict[str, str] | dict[str, int]] = {"palette": dict(BASE_PALETTE), "text": dict(BASE_TEXT)}

#: the current mode's colours, by name
PALETTE: Mapping[str, str] = _CurrentView("palette")
#: the current mode's text sizes in pixels, by name
TEXT: Mapping[str, int] = _CurrentView("text")


def set_metrics(metrics: Metrics) -> None:
    """Set once by the app from the configured screen; screens read it with :func:`metrics`."""
    global _current
    _current = Metrics(metrics.dpi, scale_for(_mode))
    _state["text"] = text_sizes(_current, _mode)


def set_mode(mode: VisitorMode) -> None:
    """Switch :data:`PALETTE`, :data:`TEXT`, :func:`metrics` and :func:`line_spacing` to ``mode``."""
    global _mode, _current
    _mode = mode
    _current = Metrics(_current.dpi, scale_for(mode))
    _state["palette"] = palette_for(mode)
    _state["text"] = text_sizes(_current, mode)


def metrics() -> Metrics:
    return _current


def mode() -> VisitorMode:
    """The mode the current :data:`PALETTE`, :data:`TEXT` and :func:`metrics` are for."""
    return _mode


def line_spacing() -> float:
    """Wanted baseline-to-baseline distance of wrapped text in font sizes; 0: the font's own (≈ 1.17 for
    WenQuanYi Zen Hei)."""
    return ELDERLY_LINE_SPACING if _mode.elderly else 0.0
