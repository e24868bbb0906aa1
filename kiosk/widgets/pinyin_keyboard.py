"""The Pinyin keyboard: Qt Virtual Keyboard's ``InputPanel`` inside our own window.

The keyboard types into whichever of our text widgets has the focus, through Qt's input method
(the virtual keyboard's platform input context). For that, the process needs, *before* the
QApplication is created (see :func:`prepare_environment`)::

    QT_IM_MODULE=qtvirtualkeyboard              # the virtual keyboard is Qt's input method
    QT_VIRTUALKEYBOARD_DESKTOP_DISABLE=1        # ...but never as a window of its own

The panel lives in a :class:`QQuickWidget`, which is slow to create (≈ 0.2–0.3 s): a screen makes one
:class:`PinyinKeyboard` and the Quick part is built after the screen is on display (or at once by
:meth:`PinyinKeyboard.ensure_loaded`).

What visitors type must not stay on the kiosk: fields for visitor text carry
``Qt.ImhSensitiveData`` (:func:`configure_field`), which switches the Pinyin plugin's learning user
dictionary off, and :func:`wipe_user_dictionary` clears the pending pre-edit and deletes the user
dictionary files (at idle and when a flow ends).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.config import ASSETS

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickItem
from kiosk.ui import PALETTE

log = logging.getLogger(__name__)

QML_FILE = ASSETS / "qml" / "pinyin_keyboard.qml"

#: what the process needs before the QApplication exists
ENVIRONMENT = {
    "QT_IM_MODULE": "qtvirtualkeyboard",
    "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": "1",
}


def prepare_environment(environ: dict[str, str] | None = None) -> None:
    """Set what the keyboard needs; call before ``QApplication(...)`` (later has no effect)."""
    target = os.environ if environ is None else environ
    for name, value in ENVIRONMENT.items():
        target[name] = value


def available() -> bool:
    """Whether Qt's input method is the virtual keyboard (else the panel can type nowhere)."""
    return os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard"


def user_dictionary_dir() -> Path:
    """Where the Pinyin plugin keeps what it learned: ``<config>/qtvirtualkeyboard/pinyin``.

    The plugin takes ``QStandardPaths::GenericConfigLocation`` (``$XDG_CONFIG_HOME`` or ``~/.config``).
    """
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    if not base:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "qtvirtualkeyboard" / "pinyin"


def clear_preedit() -> None:
    """Drop the keyboard's pending pre-edit (pinyin letters not yet turned into characters)."""
    if QGuiApplication.instance() is None:
        return
    QGuiApplication.inputMethod().reset()


def wipe_user_dictionary() -> None:
    """Forget what visitors typed: the pending pre-edit and the Pinyin user dictionary files."""
    clear_preedit()
    folder = user_dictionary_dir()
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        try:
            if path.is_dir():
                for inner in sorted(path.rglob("*"), reverse=True):
                    inner.rmdir() if inner.is_dir() else inner.unlink()
                path.rmdir()
            else:
                path.unlink()
        except OSError:
            log.warning("could not delete %s", path, exc_info=True)


def configure_field(field: QLineEdit | QPlainTextEdit, *, digits: bool = False) -> None:
    """A field the Pinyin keyboard types into; ``digits`` for phone numbers (a dial pad)."""
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
    hints = Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
    if digits:
        hints |= Qt.InputMethodHint.ImhDialableCharactersOnly
    field.setInputMethodHints(hints)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)


def _walk(item: object) -> Iterator[QQuickItem]:
    from PySide6.QtQuick import QQuickItem

    assert isinstance(item, QQuickItem)
    for child in item.childItems():
        yield child
        yield from _walk(child)


class PinyinKeyboard(QWidget):
    """The virtual keyboard panel, centred at the bottom of a screen, as wide as its height allows."""

    #: the Quick part is built and ready to type
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinyinKeyboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.quick: object | None = None  # a QQuickWidget once loaded (imported lazily)
        self.error = ""
        self._ratio = 0.0  # panel height / width
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("键盘准备中…"))
        self.placeholder.setObjectName("PinyinKeyboardNote")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._column.addWidget(self.placeholder)

    # -- building ------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.quick is None and not self.error:
            QTimer.singleShot(0, self, self.ensure_loaded)  # the screen is drawn first, the keyboard right after

    def ensure_loaded(self) -> bool:
        """Build the Quick panel now (if not yet); False if it cannot work here (see :attr:`error`)."""
        if self.quick is not None:
            return True
        if self.error:
            return False
        if not available():
            self._fail("QT_IM_MODULE is not 'qtvirtualkeyboard': the virtual keyboard cannot type")
            return False
        from PySide6.QtQuickWidgets import QQuickWidget

        quick = QQuickWidget(self)
        quick.setObjectName("PinyinPanel")
        quick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap on a key never takes the focus from the field
        quick.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        quick.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        quick.setClearColor(QColor(PALETTE["ground"]))
        quick.setSource(QUrl.fromLocalFile(str(QML_FILE)))
        if quick.status() != QQuickWidget.Status.Ready or quick.rootObject() is None:
            errors = "; ".join(e.toString() for e in quick.errors()) or f"status {quick.status()}"
            quick.deleteLater()
            self._fail(errors)
            return False
        self.quick = quick
        self.placeholder.hide()
        self._column.addWidget(quick)
        root = quick.rootObject()
        # the panel's height follows its width (and the candidate row's style): fit again when it changes
        root.panelHeightChanged.connect(self._fit_later)  # type: ignore[attr-defined]  # a QML property
        self._fit()
        self.loaded.emit()
        return True

    def _fail(self, message: str) -> None:
        self.error = message
        log.error("the Pinyin keyboard is not available: %s", message)
        self.placeholder.setText(self.tr("屏幕键盘暂不可用，请联系工作人员"))

    # -- size ----------------------------------------------------------------------------------------
    def panel_width_for(self, width: int, height: int) -> int:
        """The widest panel that fits ``width`` × ``height`` (its height grows with its width)."""
        return int(min(width, height / (self._ratio or 0.4)))

    def height_for_width(self, width: int) -> int:
        """The panel's height at full ``width`` (an estimate until it is loaded)."""
        return int(width * (self._ratio or 0.36))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit_later(self) -> None:
        QTimer.singleShot(0, self, self._fit)  # not from inside the panel's own layout pass

    def _fit(self) -> None:
        root = self._root()
        if root is None:
            return
        panel_width = float(root.property("panelWidth") or 0.0)
        panel_height = float(root.property("panelHeight") or 0.0)
        if panel_width > 0 and panel_height > 0:
            self._ratio = panel_height / panel_width
        wanted = float(self.panel_width_for(self.width(), self.height()))
        if abs(wanted - panel_width) >= 1:
            root.setProperty("panelWidth", wanted)

    def _root(self) -> QQuickItem | None:
        if self.quick is None:
            return None
        from PySide6.QtQuickWidgets import QQuickWidget

        assert isinstance(self.quick, QQuickWidget)
        return self.quick.rootObject()

    # -- state, and what tests tap ---------------------------------------------------------------------
    def preedit(self) -> str:
        """The pinyin typed but not yet chosen (e.g. "ni hao")."""
        root = self._root()
        return str(root.property("preedit") or "") if root is not None else ""

    def keyboard_locale(self) -> str:
        root = self._root()
        return str(root.property("locale") or "") if root is not None else ""

    def clear_preedit(self) -> None:
        clear_preedit()

    def _point(self, item: object) -> QPoint:
        from PySide6.QtQuick import QQuickItem

        assert isinstance(item, QQuickItem)
        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        return QPoint(round(centre.x()), round(centre.y()))

    def settle(self) -> None:
        """Lay the panel out now: Quick positions its keys when it renders, which a hidden or offscreen
        window may not have done yet after a layout change (e.g. the dial pad for a phone field)."""
        from PySide6.QtQuickWidgets import QQuickWidget

        if isinstance(self.quick, QQuickWidget):
            QGuiApplication.processEvents()
            self.quick.grabFramebuffer()

    def key_point(self, text: str = "", *, key: int = 0) -> QPoint | None:
        """Where (in :attr:`quick`'s coordinates) the visible key with this label or key code is."""
        root = self._root()
        if root is None:
            return None
        self.settle()
        for item in _walk(root):
            meta = item.metaObject()  # type: ignore[attr-defined]
            if meta.indexOfProperty("key") < 0 or meta.indexOfProperty("text") < 0:
                continue
            if not item.isVisible() or not item.property("enabled"):  # type: ignore[attr-defined]
                continue
            if (text and item.property("text") == text) or (key and item.property("key") == key):  # type: ignore[attr-defined]
                return self._point(item)
        return None

    def candidates(self) -> list[str]:
        """The words offered for the pinyin typed so far, in the order shown."""
        return [str(t.property("text")) for t in self._candidate_texts()]

    def candidate_point(self, word: str) -> QPoint | None:
        """Where the candidate ``word`` is shown (it must be in view)."""
        self.settle()
        view = self._candidate_view()
        for text in self._candidate_texts():
            if text.property("text") == word:  # type: ignore[attr-defined]
                # across from the word, in the middle of the candidate row (a word's text item may be
                # taller than the row, and its centre then lies on the keys below)
                return QPoint(self._point(text).x(), self._point(view).y())
        return None

    def _candidate_view(self) -> QQuickItem | None:
        root = self._root()
        if root is None:
            return None
        for item in _walk(root):
            if item.objectName() == "wordCandidateView":  # type: ignore[attr-defined]
                return item
        return None

    def _candidate_texts(self) -> list[QQuickItem]:
        view = self._candidate_view()
        if view is None:
            return []
        texts = []
        for item in _walk(view):
            meta = item.metaObject()  # type: ignore[attr-defined]
            if meta.className().startswith("QQuickText") and item.isVisible() and item.property("text"):  # type: ignore[attr-defined]
                texts.append(item)
        texts.sort(key=lambda t: self._point(t).x())
        return texts
