"""``kiosk screenshots DIR``: render every screen offscreen to PNG files (for the README and review)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import Config
from kiosk.visitor_mode import VisitorMode

if TYPE_CHECKING:
    from kiosk.app import KioskApp
    from kiosk.data.catalog import Catalog


def longest_item(catalog: Catalog) -> str:
    """The demo item with the most to show (the worst case for the detail screen)."""

    def size(code: str) -> int:
        guide = catalog.item_guide(code)
        return (len(guide.materials) * 200 + len(guide.steps) * 100 + sum(len(b.text) for b in guide.basis)
                + len(guide.conditions))

    return max((entry.code for entry in catalog.search_entries()), key=size)


def _plan(kiosk: KioskApp) -> list[tuple[str, str, Any, Callable[[], None] | None]]:
    catalog = kiosk.store.catalog
    assert catalog is not None
    topic = catalog.topics()[0].code
    department = catalog.departments()[0].code
    item = longest_item(catalog)
    post = next((p.code for p in catalog.posts() if p.staff), catalog.posts()[0].code)

    def type_search() -> None:
        screen = kiosk.navigator.current_screen()
        if screen is not None and hasattr(screen, "set_query"):
            screen.set_query("hp")

    def load_keyboard() -> None:
        screen = kiosk.navigator.current_screen()
        keyboard = getattr(screen, "keyboard", None)
        if keyboard is not None:
            keyboard.ensure_loaded()  # the Pinyin panel is built after the screen shows: now, for the picture

    def show_idle() -> None:
        kiosk.window.idle_overlay.show_count(kiosk.config.idle_countdown_seconds)

    return [
        ("01-attract", "attract", None, None),
        ("02-home", "home", None, None),
        ("03-topic", "items", ("topic", topic), None),
        ("04-department", "items", ("department", department), None),
        ("05-departments", "departments", None, None),
        ("06-item-detail", "item", item, None),
        ("07-flow", "flow", item, None),
        ("08-posts", "posts", None, None),
        ("09-post", "post", post, None),
        ("10-commitments", "commitments", None, None),
        ("11-finder", "finder", None, None),
        ("12-search", "search", None, type_search),
        ("13-idle-countdown", "home", None, show_idle),
        ("14-rate", "rate", None, None),
        ("15-rate-level", "rate_level", {"post_code": post}, None),
        # a details page for no real rating (its uuid matches none): nothing is written
        ("16-rate-details", "rate_details", {"uuid": "screenshot", "level": 5}, None),
        ("17-rate-thanks", "rate_thanks", {"level": 1}, None),
        ("18-results", "results", None, None),
        ("19-feedback", "feedback", None, load_keyboard),
        ("20-feedback-query", "feedback_query", None, None),
        ("21-forms", "forms", None, None),
    ]


def mode_suffix(mode: VisitorMode) -> str:
    """File name suffix of a mode: "" for the default, else e.g. "-elderly-contrast-en"."""
    parts = [name for name, on in (("elderly", mode.elderly), ("contrast", mode.contrast)) if on]
    if mode.language != "zh":
        parts.append(mode.language)
    return "".join(f"-{part}" for part in parts)


def apply_mode(kiosk: KioskApp, mode: VisitorMode) -> None:
    """Switch a built kiosk to ``mode`` as a visitor's taps would."""
    state = kiosk.store.mode
    state.set_language(mode.language)
    state.set_elderly(mode.elderly)
    state.set_contrast(mode.contrast)


def render_all(config: Config, directory: Path, mode: VisitorMode | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kiosk.app import KioskApp
    from kiosk.widgets.pinyin_keyboard import prepare_environment

    prepare_environment()  # the Pinyin keyboard is Qt's input method: before the QApplication exists
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    kiosk = KioskApp(replace(config, fullscreen=False), qapp)
    kiosk.show()
    kiosk.store.load_now()
    qapp.processEvents()
    if kiosk.store.catalog is None:
        print(f"kiosk: cannot render screens: {kiosk.store.error}", file=sys.stderr)
        return 1
    directory.mkdir(parents=True, exist_ok=True)
    if mode is not None:
        apply_mode(kiosk, mode)
    suffix = mode_suffix(kiosk.store.mode.mode) + ("" if config.orientation == "landscape" else "-portrait")
    for filename, screen, key, action in _plan(kiosk):
        kiosk.window.idle_overlay.hide()
        kiosk.navigator.go(screen, key)
        if action is not None:
            action()
        for _ in range(3):
            qapp.processEvents()
        target = directory / f"{filename}{suffix}.png"
        kiosk.window.grab().save(str(target))
        print(target)
    kiosk.window.allow_close = True
    kiosk.window.close()
    return 0
