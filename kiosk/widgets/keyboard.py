"""The on-screen keyboard for search: letters (for pinyin and initials) and digits (for codes).

No hardware keyboard is assumed. Keys emit signals; the screen decides what they do to its field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


class OnScreenKeyboard(QWidget):
    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for row, letters in enumerate(ROWS):
            offset = {2: 1, 3: 2}.get(row, 0)  # stagger like a real keyboard (in half keys)
            for column, letter in enumerate(letters):
                key = self._key(letter.upper() if letter.isalpha() else letter)
                key.clicked.connect(lambda _=False, ch=letter: self.typed.emit(ch))
                grid.addWidget(key, row, column * 2 + offset, 1, 2)
                self.keys[letter] = key
        delete = self._key(self.tr("删除"))
        delete.clicked.connect(self.backspace)
        grid.addWidget(delete, 3, 16, 1, 4)
        self.keys["backspace"] = delete
        clear = self._key(self.tr("清空"))
        clear.clicked.connect(self.cleared)
        grid.addWidget(clear, 3, 0, 1, 2)
        self.keys["clear"] = clear

    def _key(self, label: str) -> QPushButton:
        key = QPushButton(label)
        key.setObjectName("Key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setAutoRepeat(False)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return key
