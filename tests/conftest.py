"""Shared fixtures: a real kiosk window over a real SQLite cache, driven offscreen by qtbot taps."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from kiosk.app import KioskApp
from kiosk.config import ASSETS, load_config

# A 1920×1920 offscreen screen (read when pytest-qt creates the QApplication): both orientations fit,
# and taps that QScroller re-sends by screen position land where they were aimed (the default
# offscreen screen is only 800×800).
_SCREEN = Path(tempfile.gettempdir()) / "kiosk-test-offscreen.json"
_SCREEN.write_text(json.dumps({"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": 1920, "height": 1920,
                                            "logicalDpi": 96}]}), encoding="utf-8")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

# the Pinyin virtual keyboard lives inside our window (a QQuickWidget), never as a window of its own
os.environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] = "1"
os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"  # as kiosk.widgets.pinyin_keyboard.prepare_environment
# the keyboard's user dictionary (what visitors typed) goes under the test's own config folder
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="kiosk-test-config-"))

pytest_plugins = ["tests.conftest_pg", "tests.conftest_cups", "tests.conftest_speech"]

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


@pytest.fixture(scope="session")
def demo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo content's cache, built once per test session (each test gets a copy)."""
    from sync.runner import SyncRunner

    folder = tmp_path_factory.mktemp("demo-cache")
    runner = SyncRunner(folder, content_file=DEMO, kiosk_id="test")
    runner.once()
    runner.close()
    return folder


@pytest.fixture
def make_kiosk(qtbot: Any, tmp_path: Path, demo_cache: Path,
               english_qm: Path) -> Iterator[Callable[..., KioskApp]]:
    """Build a kiosk window on its own data folder, content loaded, shown at 1920×1080 offscreen (the
    English translation compiled: a visitor may switch to it on any kiosk)."""
    made: list[KioskApp] = []

    def make(content: Path = DEMO, **settings: Any) -> KioskApp:
        if "data_dir" not in settings:
            data_dir = tmp_path / f"data{len(made)}"
            if content == DEMO:
                shutil.copytree(demo_cache, data_dir)
            settings["data_dir"] = str(data_dir)
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
    # Python wrappers of QML items (the Pinyin keyboard's keys, found by tests) left in reference cycles
    # must go while the items exist: collected after the QQuickWidget is deleted, they crash the process.
    # Only then: a full collection over the test process's grown heap costs seconds, every test.
    from PySide6.QtQuickWidgets import QQuickWidget

    if any(kiosk.window.findChildren(QQuickWidget) for kiosk in made):
        gc.collect()
    for kiosk in made:
        kiosk.window.allow_close = True
        kiosk.idle.set_enabled(False)
        kiosk.window.close()
        kiosk.window.deleteLater()  # a live widget costs every later test (stylesheets re-polish it)
        if kiosk.store.catalog is not None:
            kiosk.store.catalog.close()
        if kiosk.store.runner is not None:
            kiosk.store.runner.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def kiosk(make_kiosk: Callable[..., KioskApp]) -> KioskApp:
    return make_kiosk()


@pytest.fixture(scope="session")
def english_qm() -> Path:
    """assets/i18n/kiosk_en.qm, compiled from the committed .ts as `make translations` does when it is
    missing or older than the .ts (into a temporary file first: test processes may run side by side)."""
    from kiosk import i18n

    ts, qm = i18n.I18N_DIR / "kiosk_en.ts", i18n.qm_path("en")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        partial = qm.with_name(f"{qm.name}.{os.getpid()}.part")
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(partial)], check=True, timeout=120)
        os.replace(partial, qm)
    return qm


@pytest.fixture
def english(english_qm: Path, qapp: QApplication) -> Iterator[None]:
    """The UI in English while the test runs (widgets built meanwhile come up in English), Chinese after."""
    from kiosk import i18n

    assert i18n.set_language("en"), "the English translation did not load"
    yield
    i18n.set_language("zh")


def tap(qtbot: Any, widget: QWidget, pos: QPoint | None = None) -> None:
    """A finger tap: press and release on the widget (its centre by default).

    Like a visitor, it first scrolls the page until the widget is in view; a widget that is still
    outside the window after that cannot be tapped and fails the test.
    """
    assert widget.isVisible(), f"{widget!r} is not visible, a visitor cannot tap it"
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 0)
        QApplication.processEvents()
    # a finger lands on the part of the widget that can be seen (a scrolled page may clip it)
    visible = widget.visibleRegion().boundingRect()
    spot = pos or (visible.center() if not visible.isEmpty() else widget.rect().center())
    window = widget.window()
    assert window.rect().contains(widget.mapTo(window, spot)), f"{widget!r} is outside the window"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=spot)


def find_button(root: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text (or tile title) contains ``text``."""
    for button in root.findChildren(QAbstractButton):
        if text in button.text() and button.isVisible():
            return button
    raise AssertionError(f"no visible button with text {text!r}")
