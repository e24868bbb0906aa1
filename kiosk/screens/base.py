"""The base of every screen: how it is opened, reset and how it asks to go elsewhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Screen(QWidget):
    """A full page of the kiosk.

    A screen never knows the others: it emits :attr:`navigate` with a screen name and a key, and
    the navigator does the rest. ``open`` fills the screen for a key; ``reset`` forgets everything
    a visitor typed or chose (called at idle).
    """

    #: (screen name, key) — e.g. ("item", "000117001000")
    navigate = Signal(str, object)
    #: the screen wants to go back one step
    back_requested = Signal()

    name = ""
    #: whether the shell's header and footer are shown with this screen
    chrome = True

    def open(self, key: Any = None) -> None:
        """Show the content for ``key``; called before the screen becomes visible."""

    def reset(self) -> None:
        """Forget all visitor input."""

    def refresh(self) -> None:
        """The content changed underneath; show the current version of what is displayed."""
