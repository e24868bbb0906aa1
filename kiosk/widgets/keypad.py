"""A large digit keypad for numbers typed on the touchscreen: case numbers (办件编号), phone numbers.

Keys 1–9 in the telephone order, then 清空 · 0 · 删除. With ``letters=True`` a key "ABC" shows a
block of the letters A–Z under the digits (case numbers of some systems carry letters); with
``extra="-"`` an extra key types that character (landline numbers). Keys emit signals; the screen
decides what they do, or :meth:`DigitKeypad.attach` wires them to a ``QLineEdit`` directly.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui import metrics

DIGIT_ROWS = ("123", "456", "789")
LETTER_ROWS = ("ABCDEFG", "HIJKLMN", "OPQRSTU", "VWXYZ")


class DigitKeypad(QWidget):
    """Digits (and optionally letters); ``typed(str)``, ``backspace()``, ``cleared()``."""

    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None, *, letters: bool = False, extra: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("Keypad")
        self.keys: dict[str, QPushButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        grid = QGridLayout()
        grid.setSpacing(10)
        for row, digits in enumerate(DIGIT_ROWS):
            for col, digit in enumerate(digits):
                grid.addWidget(self._char_key(digit), row, col)
        clear = self._key(self.tr("清空"), "clear")
        clear.setProperty("role", "edit")
        clear.clicked.connect(self.cleared)
        grid.addWidget(clear, 3, 0)
        grid.addWidget(self._char_key("0"), 3, 1)
        delete = self._key(self.tr("删除"), "backspace")
        delete.setProperty("role", "edit")
        delete.clicked.connect(self.backspace)
        grid.addWidget(delete, 3, 2)
        next_row = 4
        if extra or letters:
            if extra:
                for offset, char in enumerate(extra[:2]):
                    grid.addWidget(self._char_key(char), next_row, offset)
            if letters:
                toggle = self._key(self.tr("ABC 字母"), "letters")
                toggle.setCheckable(True)
                toggle.setProperty("role", "edit")
                toggle.toggled.connect(self.show_letters)
                grid.addWidget(toggle, next_row, 1 if extra else 0, 1, 3 - (1 if extra else 0))
        column.addLayout(grid)

        self.letters_panel = QWidget()
        self.letters_panel.setObjectName("KeypadLetters")
        letter_grid = QGridLayout(self.letters_panel)
        letter_grid.setContentsMargins(0, 0, 0, 0)
        letter_grid.setSpacing(8)
        if letters:
            for row, chars in enumerate(LETTER_ROWS):
                for col, char in enumerate(chars):
                    letter_grid.addWidget(self._char_key(char), row, col)
        self.letters_panel.hide()
        column.addWidget(self.letters_panel)
        column.addStretch(1)

    def _key(self, label: str, name: str) -> QPushButton:
        key = QPushButton(label)
        key.setObjectName("PadKey")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setAutoRepeat(False)
        key.setMinimumHeight(max(metrics().target, 84))
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.keys[name] = key
        return key

    def _char_key(self, char: str) -> QPushButton:
        key = self._key(char, char)
        key.clicked.connect(lambda _=False, ch=char: self.typed.emit(ch))
        return key

    def show_letters(self, shown: bool) -> None:
        self.letters_panel.setVisible(shown)
        toggle = self.keys.get("letters")
        if toggle is not None and toggle.isChecked() != shown:
            toggle.setChecked(shown)

    def reset(self) -> None:
        """Back to digits only (the letters hidden)."""
        self.show_letters(False)

    def attach(self, field: QLineEdit, max_length: int = 0) -> None:
        """Type into ``field``: characters at the end (up to ``max_length``), delete the last, clear."""

        def add(char: str) -> None:
            if not max_length or len(field.text()) < max_length:
                field.setText(field.text() + char)

        self.typed.connect(add)
        self.backspace.connect(lambda: field.setText(field.text()[:-1]))
        self.cleared.connect(field.clear)
