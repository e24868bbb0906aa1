"""Moves between screens and keeps the history for Back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget

from kiosk.screens.base import Screen

ScreenFactory = Callable[[], Screen]

ATTRACT = "attract"
HOME = "home"


class Navigator(QObject):
    """``go``, ``back``, ``home`` and ``reset`` over a stack of screens built on first use."""

    screen_changed = Signal(str)

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__(stack)
        self._stack = stack
        self._factories: dict[str, ScreenFactory] = {}
        self._screens: dict[str, Screen] = {}
        self._history: list[tuple[str, Any]] = []
        self.current: tuple[str, Any] = ("", None)

    def register(self, name: str, factory: ScreenFactory) -> None:
        self._factories[name] = factory

    def has(self, name: str) -> bool:
        return name in self._factories or name in self._screens

    def screen(self, name: str) -> Screen:
        if name not in self._screens:
            screen = self._factories[name]()
            screen.navigate.connect(self.go)
            screen.back_requested.connect(self.back)
            self._stack.addWidget(screen)
            self._screens[name] = screen
        return self._screens[name]

    def current_screen(self) -> Screen | None:
        widget = self._stack.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def go(self, name: str, key: Any = None) -> None:
        if not self.has(name):
            return  # a screen that is not ready yet (content still loading): stay put
        if name == HOME:  # home is a fresh start: Back from there never returns into a finished flow
            self.home()
            return
        if self.current[0] and self.current != (name, key):
            self._history.append(self.current)
            del self._history[:-50]
        self._show(name, key)

    def back(self) -> None:
        if not self._history:
            self.home()
            return
        name, key = self._history.pop()
        self._show(name, key)

    def home(self) -> None:
        self._history.clear()
        self._show(HOME if self.has(HOME) else ATTRACT, None)

    def reset(self) -> None:
        """Idle: clear every screen's visitor input and return to the attract screen."""
        for screen in self._screens.values():
            screen.reset()
        self._history.clear()
        self._show(ATTRACT, None)

    def refresh_all(self) -> None:
        """The content changed: every built screen refreshes, the one on display is shown again for its key
        (an item deleted meanwhile shows its gentle note instead of the guide)."""
        for screen in self._screens.values():
            screen.refresh()
        name, key = self.current
        if name and name in self._screens:
            self._screens[name].open(key)

    def rebuild(self, before_build: Callable[[], None] | None = None) -> None:
        """The visitor's mode changed (text size, colours, language): every built screen goes, and is built
        again in the new mode on its next visit; the one on display is rebuilt now and opened again with its
        key. The history stays, so Back still leads where it led.

        The old screens are deleted at once, not later: a new application stylesheet (``before_build``, run
        between the two) would otherwise polish every widget of them again — seconds after a long visit.
        So this must not run inside a screen's own event handler: a screen's switch defers the change to
        the event loop (kiosk/widgets/mode_buttons.py).
        """
        for screen in self._screens.values():
            self._stack.removeWidget(screen)
            shiboken6.delete(screen)
        self._screens.clear()
        if before_build is not None:
            before_build()
        name, key = self.current
        if name and self.has(name):
            self._show(name, key)

    @property
    def depth(self) -> int:
        return len(self._history)

    def _show(self, name: str, key: Any) -> None:
        screen = self.screen(name)
        screen.open(key)
        self.current = (name, key)
        self._stack.setCurrentWidget(screen)
        self.screen_changed.emit(name)
