"""A seeded monkey: random taps, swipes, long presses and hardware keys on every screen of a locked-down kiosk.

    python -m bench.monkey_bench [--events 10000] [--seed N]

Prints ``monkey_events_s VALUE s`` (the time for all the events), ``rss_mb_after_10k_taps`` (the process's
resident memory after them) and ``rss_growth_mb_10k_taps`` (that minus the resident memory after a warm-up
of :data:`WARMUP_EVENTS` events through every screen), and exits non-zero if any exception
reached ``sys.excepthook``, the window left full screen or changed its geometry, or another top-level
window (a popup, a dialog, a menu) showed. :class:`Monkey` is also the driver of ``tests/test_lockdown.py``.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.app import KioskApp

#: keys a hardware keyboard sends (the escape keys among them)
_KEY_NAMES = (
    "Key_A", "Key_B", "Key_H", "Key_P", "Key_Q", "Key_W", "Key_X", "Key_Z", "Key_0", "Key_1", "Key_5", "Key_9",
    "Key_Space", "Key_Backspace", "Key_Delete", "Key_Return", "Key_Enter", "Key_Tab", "Key_Backtab",
    "Key_Left", "Key_Right", "Key_Up", "Key_Down", "Key_Home", "Key_End", "Key_PageUp", "Key_PageDown",
    "Key_Escape", "Key_F1", "Key_F4", "Key_F5", "Key_F11", "Key_Menu", "Key_Meta", "Key_Super_L", "Key_Alt",
    "Key_Insert",
)


#: screens reached only through the admin PIN: the monkey never jumps there, and must never arrive there
PIN_PROTECTED = ("admin",)
#: events before the first memory reading: every screen built once, caches filled (not part of the growth)
WARMUP_EVENTS = 200


def screen_keys(kiosk: KioskApp) -> dict[str, Any]:
    """A sensible key for every screen (as ``kiosk screenshots`` opens them)."""
    from kiosk.app import SCREENS

    catalog = kiosk.store.catalog
    assert catalog is not None
    item = catalog.search_entries()[0].code
    post = next((p.code for p in catalog.posts() if p.staff), catalog.posts()[0].code)
    keys: dict[str, Any] = {name: None for name in SCREENS}
    keys.update({
        "items": ("topic", catalog.topics()[0].code), "item": item, "flow": item, "post": post,
        "rate_level": {"post_code": post}, "rate_details": {"uuid": "monkey", "level": 5},
        "rate_thanks": {"level": 1}, "unavailable": "monkey",
    })
    return keys


class Monkey:
    """Random visitor input on ``kiosk``'s window, from a seeded generator."""

    def __init__(self, kiosk: KioskApp, seed: int, *, long_press_ms: int = 200) -> None:
        from PySide6.QtCore import Qt

        self.kiosk = kiosk
        self.seed = seed
        self.random = random.Random(seed)
        self.long_press_ms = long_press_ms
        self.keys = screen_keys(kiosk)
        self.events = 0
        self.log: list[str] = []  # the last events, for a failure's message
        self._qt_keys = [getattr(Qt.Key, name) for name in _KEY_NAMES]
        self._modifiers = [Qt.KeyboardModifier.NoModifier] * 6 + [
            Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier,
            Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.MetaModifier,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ]

    # -- one event ----------------------------------------------------------------------------------
    def step(self) -> None:
        roll = self.random.random()
        if roll < 0.55:
            self.tap()
        elif roll < 0.75:
            self.swipe()
        elif roll < 0.80:
            self.long_press()
        else:
            self.key()
        self.events += 1
        _settle()

    def jump(self, name: str | None = None) -> None:
        """Go to a screen as if a visitor had found their way there."""
        from kiosk.app import SCREENS

        name = name or self.random.choice([n for n in SCREENS if n not in PIN_PROTECTED])
        self._note(f"jump {name}")
        self.kiosk.window.idle_overlay.hide()
        self.kiosk.navigator.go(name, self.keys.get(name))
        _settle()

    def _point(self) -> tuple[QWidget, Any]:
        from PySide6.QtCore import QPoint

        window = self.kiosk.window
        spot = QPoint(self.random.randrange(window.width()), self.random.randrange(window.height()))
        target = window.childAt(spot) or window
        return target, target.mapFrom(window, spot)

    def tap(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        target, pos = self._point()
        self._note(f"tap {_describe(target)} {pos.x()},{pos.y()}")
        QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        if _alive(target):
            QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)

    def swipe(self) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        target, pos = self._point()
        dx, dy = self.random.randint(-600, 600), self.random.randint(-600, 600)
        self._note(f"swipe {_describe(target)} {pos.x()},{pos.y()} by {dx},{dy}")
        QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        steps = self.random.randint(2, 6)
        for index in range(1, steps + 1):
            if not _alive(target):
                return
            QTest.mouseMove(target, pos + QPoint(dx * index // steps, dy * index // steps))
            _settle()
        if _alive(target):
            QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                               pos + QPoint(dx, dy))

    def long_press(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        target, pos = self._point()
        self._note(f"long press {_describe(target)} {pos.x()},{pos.y()}")
        QTest.mousePress(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        QTest.qWait(self.long_press_ms)  # the event loop runs: press-and-hold timers fire
        if _alive(target):
            QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)

    def key(self) -> None:
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        key = self.random.choice(self._qt_keys)
        modifiers = self.random.choice(self._modifiers)
        target = QApplication.focusWidget() or self.kiosk.window
        self._note(f"key {key.name} {modifiers!r} on {_describe(target)}")
        QTest.keyClick(target, key, modifiers)

    def _note(self, text: str) -> None:
        current = self.kiosk.navigator.current[0]
        self.log.append(f"#{self.events} [{current}] {text}")
        del self.log[:-20]


# -- checks ------------------------------------------------------------------------------------------
@contextmanager
def recorded_exceptions() -> Iterator[list[str]]:
    """Every exception that reaches ``sys.excepthook`` meanwhile (PySide6 slots and overrides), formatted."""
    seen: list[str] = []
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        seen.append("".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = hook
    try:
        yield seen
    finally:
        sys.excepthook = previous


def other_windows(window: QWidget) -> list[QWidget]:
    """Visible top-level widgets other than ``window`` (popups, dialogs, menus, tooltips)."""
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()]


def lock_fullscreen(kiosk: KioskApp) -> None:
    """Show the window as the kiosk does in service: frameless, on top, full screen."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = kiosk.window
    window.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
    screen = QApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    window.activateWindow()
    _settle()


def run(kiosk: KioskApp, events: int, seed: int, *, jump_every: int = 200,
        jumps: Callable[[int], str | None] | None = None, long_press_ms: int = 200) -> list[str]:
    """Drive ``events`` monkey events; return the problems found (exceptions, window state), empty if none."""
    window = kiosk.window
    geometry = window.geometry()
    monkey = Monkey(kiosk, seed, long_press_ms=long_press_ms)
    problems: list[str] = []
    protected: list[str] = []

    def arrived(name: str) -> None:
        if name in PIN_PROTECTED:
            protected.append(name)

    kiosk.navigator.screen_changed.connect(arrived)
    with recorded_exceptions() as seen:
        kiosk.navigator.reset()
        for index in range(events):
            if index and index % jump_every == 0:
                monkey.jump(jumps(index // jump_every) if jumps is not None else None)
            monkey.step()
            if seen:
                problems.append(f"seed {seed}: exception after event {index}; last events:\n  "
                                + "\n  ".join(monkey.log) + "\n" + "\n".join(seen))
                break
            if not window.isVisible() or not window.isFullScreen() or window.geometry() != geometry:
                problems.append(f"seed {seed}: window not full screen after event {index} "
                                f"({window.geometry()} vs {geometry}); last: {monkey.log[-1]}")
                break
            if protected:
                problems.append(f"seed {seed}: the {protected[0]} screen was reached without the PIN after event "
                                f"{index}; last events:\n  " + "\n  ".join(monkey.log))
                break
            extra = other_windows(window)
            if extra:
                problems.append(f"seed {seed}: a top-level window showed after event {index}: "
                                f"{[_describe(w) for w in extra]}; last: {monkey.log[-1]}")
                break
    kiosk.navigator.screen_changed.disconnect(arrived)
    return problems


def _settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def settled_rss_mb() -> float:
    """Resident memory (MB) once garbage is collected and Qt's deferred deletes are done: a stable reading."""
    from bench.common import rss_mb

    for _ in range(2):  # a deferred delete can free Python objects, whose collection can defer more
        gc.collect()
        _settle()
    return rss_mb()


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget)) and widget.isVisible()


def _describe(widget: QWidget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}{'#' + name if name else ''}"


# -- the benchmark --------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.monkey_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)

    from bench.common import BUILD, DEMO, Figure, emit, kiosk_config, log, shield_singletons
    from bench.synthetic import prepared_data_dir

    # a copy: the monkey submits ratings and feedback, the prepared data dir stays as the other groups want it
    data_dir = Path(tempfile.mkdtemp(prefix="monkey-", dir=BUILD)) / "data"
    shutil.copytree(prepared_data_dir(DEMO, "data-demo"), data_dir)
    # not bench.inprocess.start_kiosk: its Python Qt message handler deadlocks the feedback screen's QML
    # load (a loader thread logs a warning and waits for the GIL the main thread holds in setSource)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # as in the tests (tests/conftest_speech.py): no speech-dispatcher unless one is named. A tap on 朗读
    # would otherwise start the machine's own (libspeechd's autospawn), which without a sound device can
    # hang, and the speech thread waits for its answer holding the GIL: the whole kiosk stops
    if "SPEECHD_ADDRESS" not in os.environ:
        os.environ["SPEECHD_ADDRESS"] = f"unix_socket:{Path(tempfile.gettempdir()) / 'monkey-no-speechd.sock'}"
        os.environ["SPEECHD_CMD"] = shutil.which("false") or "/bin/false"
    from PySide6.QtWidgets import QApplication

    from kiosk import lockdown
    from kiosk.app import SCREENS, KioskApp
    from kiosk.widgets.pinyin_keyboard import prepare_environment

    prepare_environment()
    qapp = QApplication(sys.argv[:1])
    shield_singletons()  # 10,000 events outlive None's reference count otherwise (see bench.common)
    from dataclasses import replace

    from kiosk.admin_pin import hash_pin

    # a PIN is set: the pad is live, and the monkey must still never reach the admin screen
    pin = "".join(random.Random(seed).choice("0123456789") for _ in range(6))
    kiosk = KioskApp(replace(kiosk_config(data_dir, DEMO), admin_pin_hash=hash_pin(pin)), qapp)
    kiosk.show()
    kiosk.store.load_now()
    if kiosk.store.catalog is None:
        log(f"monkey: content not loaded: {kiosk.store.error}")
        return 1
    lockdown.install(qapp, kiosk.window)
    lock_fullscreen(kiosk)
    loaded_mb = settled_rss_mb()
    # the warm-up: another seed, a jump every few events so that every screen is built before the reading
    screens = [name for name in SCREENS if name not in PIN_PROTECTED]
    problems = run(kiosk, WARMUP_EVENTS, seed + 1, jump_every=max(1, WARMUP_EVENTS // len(screens)),
                   jumps=lambda index: screens[(index - 1) % len(screens)])
    warm_mb = settled_rss_mb()
    log(f"monkey: resident {loaded_mb:.1f} MB loaded, {warm_mb:.1f} MB after {WARMUP_EVENTS} warm-up events")
    log(f"monkey: {args.events} events, seed {seed} (data {data_dir.relative_to(BUILD)})")
    started = time.perf_counter()
    if not problems:
        problems = run(kiosk, args.events, seed)
    elapsed = time.perf_counter() - started
    after_mb = settled_rss_mb()
    shutil.rmtree(data_dir.parent, ignore_errors=True)
    if problems:
        for problem in problems:
            log(f"monkey: {problem}")
        return 1
    log(f"monkey: resident {after_mb:.1f} MB after {args.events} events ({after_mb - warm_mb:+.1f} MB)")
    emit(Figure("monkey_events_s", elapsed, "s"))
    if args.events == 10_000:  # the figures are named for it (the default); fewer events: the log line only
        emit(Figure("rss_mb_after_10k_taps", after_mb, "MB"))
        emit(Figure("rss_growth_mb_10k_taps", after_mb - warm_mb, "MB"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
