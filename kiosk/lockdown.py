"""Lockdown: nothing a visitor does on the touchscreen (or a hardware keyboard) steers the kiosk out of its job.

One event filter on the whole application (:func:`install`):

- keys that close, switch or leave windows do nothing: Escape, Alt+F4, Ctrl+Q/W, Alt+Tab, Meta/Super,
  the menu key, function keys, and every key chord with Ctrl, Alt or Meta (no copy/paste either: what one
  visitor copied never reaches the next one). Ordinary keys, Backspace, Delete, Enter, Tab and arrows
  with or without Shift reach the fields, as do the Pinyin keyboard's input-method events;
- no context menus (``ContextMenu`` eaten everywhere, text fields get ``Qt.NoContextMenu``);
- no tooltips or "What's this?" (``ToolTip``/``WhatsThis``/``QueryWhatsThis`` eaten);
- no drag-and-drop (``DragEnter``/``DragMove``/``Drop`` eaten; line edits never start a drag);
- no text selection that sticks: double and triple clicks on text fields are eaten, a finger dragged over
  a line edit does not select, and a selection (from Shift+arrows, a drag in a text area) is dropped on
  the next press and after each release, so no text is ever dragged;
- the window is never left minimised.

The window's close event is ignored by :class:`kiosk.shell.MainWindow` itself (unless ``allow_close``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

_Type = QEvent.Type
_Key = Qt.Key

#: eaten wherever they are sent
_EATEN = frozenset({
    _Type.ContextMenu, _Type.ToolTip, _Type.WhatsThis, _Type.QueryWhatsThis, _Type.WhatsThisClicked,
    _Type.EnterWhatsThisMode, _Type.DragEnter, _Type.DragMove, _Type.Drop, _Type.StatusTip,
})
_KEYS = frozenset({_Type.KeyPress, _Type.KeyRelease, _Type.ShortcutOverride, _Type.Shortcut})
_MOUSE = frozenset({_Type.MouseButtonPress, _Type.MouseButtonDblClick, _Type.MouseMove, _Type.MouseButtonRelease})
#: what is watched at all (one set lookup for every other event of the application)
_WATCHED = _EATEN | _KEYS | _MOUSE | {_Type.Show, _Type.WindowStateChange}

#: keys that do nothing even without a modifier
_BLOCKED_KEYS = frozenset({
    _Key.Key_Escape, _Key.Key_Meta, _Key.Key_Super_L, _Key.Key_Super_R, _Key.Key_Hyper_L, _Key.Key_Hyper_R,
    _Key.Key_Menu, _Key.Key_Help, _Key.Key_Context1, _Key.Key_Context2, _Key.Key_Context3,
    _Key.Key_Context4, _Key.Key_Close, _Key.Key_Back, _Key.Key_Forward, _Key.Key_Stop, _Key.Key_Refresh,
    _Key.Key_Exit, _Key.Key_Cancel, _Key.Key_Sleep, _Key.Key_Suspend, _Key.Key_PowerOff, _Key.Key_PowerDown,
    _Key.Key_Standby, _Key.Key_Hibernate, _Key.Key_LogOff, _Key.Key_WakeUp, _Key.Key_Launch0,
    _Key.Key_Launch1, _Key.Key_LaunchMail, _Key.Key_LaunchMedia, _Key.Key_Explorer, _Key.Key_Search,
    _Key.Key_HomePage, _Key.Key_OpenUrl, _Key.Key_Print, _Key.Key_SysReq, _Key.Key_ApplicationLeft,
    _Key.Key_ApplicationRight, _Key.Key_TaskPane, _Key.Key_TopMenu, _Key.Key_Open, _Key.Key_Save,
    _Key.Key_Find, _Key.Key_Copy, _Key.Key_Cut, _Key.Key_Paste, _Key.Key_Undo, _Key.Key_Redo,
}) | frozenset(Qt.Key(_Key.Key_F1.value + n) for n in range(35))
_CHORD = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
          | Qt.KeyboardModifier.MetaModifier)

_TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)


def blocked_key(event: QKeyEvent) -> bool:
    """Whether a visitor's key does nothing (see the module's doc)."""
    if event.modifiers() & _CHORD:
        return True
    return Qt.Key(event.key()) in _BLOCKED_KEYS


def _text_field(watched: QObject) -> QWidget | None:
    """The text field ``watched`` is, or whose viewport it is."""
    if isinstance(watched, _TEXT_FIELDS):
        return watched
    if isinstance(watched, QWidget):
        parent = watched.parentWidget()
        if isinstance(parent, (QPlainTextEdit, QTextEdit)) and parent.viewport() is watched:
            return parent
    return None


def configure_text_field(field: QWidget) -> None:
    """No context menu, no drag out of it."""
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    if isinstance(field, QLineEdit):
        field.setDragEnabled(False)
    elif isinstance(field, (QPlainTextEdit, QTextEdit)):
        field.viewport().setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        field.setAcceptDrops(False)


def _drop_selection(field: QWidget) -> None:
    if isinstance(field, QLineEdit):
        if field.hasSelectedText():
            field.deselect()
    elif isinstance(field, (QPlainTextEdit, QTextEdit)):
        cursor = field.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            field.setTextCursor(cursor)


class Lockdown(QObject):
    """The application-wide event filter (see the module's doc)."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        #: how many events were eaten (for tests and the heartbeat)
        self.eaten = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED:
            return False
        if kind in _EATEN:
            event.accept() if kind in (_Type.ContextMenu, _Type.QueryWhatsThis) else event.ignore()
            return self._eat()
        if kind in _KEYS:
            if isinstance(event, QKeyEvent) and blocked_key(event):
                event.accept()  # an accepted ShortcutOverride also keeps any shortcut from firing
                return self._eat()
            return False
        if kind == _Type.Show:
            if isinstance(watched, _TEXT_FIELDS):
                configure_text_field(watched)
            return False
        if kind == _Type.WindowStateChange:
            if watched is self.window and self.window.windowState() & Qt.WindowState.WindowMinimized:
                QTimer.singleShot(0, self._restore)
            return False
        field = _text_field(watched)
        if field is None:
            return False
        if kind == _Type.MouseButtonPress:  # a press on selected text would start a drag: no selection left
            _drop_selection(field)
            return False
        if kind == _Type.MouseButtonDblClick:  # double (and so triple) click: select a word, a line
            return self._eat()
        if kind == _Type.MouseMove:  # a finger dragged over a line edit selects; over a text area it scrolls
            return isinstance(field, QLineEdit) and self._eat()
        # release: whatever the press and move selected goes, once the field has handled the release
        QTimer.singleShot(0, field, lambda: _drop_selection(field))
        return False

    def _eat(self) -> bool:
        self.eaten += 1
        return True

    def _restore(self) -> None:
        state = self.window.windowState()
        if state & Qt.WindowState.WindowMinimized:
            self.window.setWindowState(state & ~Qt.WindowState.WindowMinimized)


def install(qapp: QApplication, window: QWidget) -> Lockdown:
    """Lock the kiosk down: one event filter on ``qapp``; the fields that exist already are configured."""
    lockdown = Lockdown(window, window)  # goes (and its filter with it) when the window goes
    qapp.installEventFilter(lockdown)
    for field in window.findChildren(QWidget):
        if isinstance(field, _TEXT_FIELDS):
            configure_text_field(field)
    return lockdown
