"""Shared fixtures: a real kiosk window over a real SQLite cache, driven offscreen by qtbot taps."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.app import KioskApp
from kiosk.config import ASSETS, load_config

FIXTURES = Path(__file__).parent / "fixtures"
DEMO = ASSETS / "content" / "demo.yaml"
MINI = FIXTURES / "mini.yaml"


@pytest.fixture
def demo_file() -> Path:
    return DEMO


@pytest.fixture
def mini_file() -> Path:
    return MINI


def load_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


@pytest.fixture
def write_content(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    """Write a content document (a dict) to a YAML file and return its path."""

    def write(document: dict[str, Any], name: str = "content.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_kiosk(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., KioskApp]]:
    """Build a kiosk window on its own data folder, content loaded, shown at 1920×1080 offscreen."""
    made: list[KioskApp] = []

    def make(content: Path = DEMO, **settings: Any) -> KioskApp:
        settings.setdefault("data_dir", str(tmp_path / f"data{len(made)}"))
        config = load_config(None, layered=False, environ={}, content_file=str(content), fullscreen=False,
                             **settings)
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        kiosk = KioskApp(config, qapp)
        qtbot.addWidget(kiosk.window)
        kiosk.show()
        kiosk.store.load_now()
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.window.allow_close = True
        kiosk.idle.set_enabled(False)


@pytest.fixture
def kiosk(make_kiosk: Callable[..., KioskApp]) -> KioskApp:
    return make_kiosk()


def tap(qtbot: Any, widget: QWidget, pos: QPoint | None = None) -> None:
    """A finger tap: press and release on the widget (its centre by default)."""
    assert widget.isVisible(), f"{widget!r} is not visible, a visitor cannot tap it"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def find_button(root: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text (or tile title) contains ``text``."""
    for button in root.findChildren(QAbstractButton):
        if text in button.text() and button.isVisible():
            return button
    raise AssertionError(f"no visible button with text {text!r}")
