"""Tracking codes for feedback: 8 characters a visitor can copy and read aloud without mistakes.

The alphabet has no 0/O or 1/I, so nothing looks alike; seven random characters (32⁷ ≈ 3.4·10¹⁰
codes) are followed by a check character (Luhn mod 32), which catches every single wrong character
and every swap of two neighbours except "2"↔"Z" (Luhn's blind spot: the first and last characters
of the alphabet). What a visitor types is forgiving: lower case, spaces and dashes are accepted;
characters outside the alphabet (0, O, 1, I) are reported, not guessed.
"""

from __future__ import annotations

import secrets
from typing import Final

from kiosk.texts import QT_TRANSLATE_NOOP, Text

ALPHABET: Final = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH: Final = 8
_BASE = len(ALPHABET)
_VALUE = {char: index for index, char in enumerate(ALPHABET)}


def _check_char(body: str) -> str:
    """Luhn mod N over ``body``: the character that makes the whole code check out."""
    total = 0
    factor = 2
    for char in reversed(body):
        addend = factor * _VALUE[char]
        total += addend // _BASE + addend % _BASE
        factor = 1 if factor == 2 else 2
    return ALPHABET[(_BASE - total % _BASE) % _BASE]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH - 1))
    return body + _check_char(body)


def normalise(text: str) -> str:
    """Upper case, without spaces and dashes (as printed for reading: "AB3D 7KQ9")."""
    return "".join(char for char in text.upper() if char not in " -\u3000")


def check(text: str) -> str | None:
    """None when ``text`` is a well-formed code, else a message for the visitor."""
    code = normalise(text)
    if not code:
        return QT_TRANSLATE_NOOP("VisitorTexts", "请输入8位查询编号")
    if len(code) != LENGTH:
        return Text(QT_TRANSLATE_NOOP("VisitorTexts", "查询编号是8位，您输入了%1位，请核对"), len(code))
    wrong = sorted({char for char in code if char not in _VALUE})
    if wrong:
        return Text(QT_TRANSLATE_NOOP("VisitorTexts", "查询编号中没有“%1”，请核对（编号不含 0、O、1、I）"),
                    "、".join(wrong))
    if _check_char(code[:-1]) != code[-1]:
        return QT_TRANSLATE_NOOP("VisitorTexts", "编号有误，请核对后重新输入")
    return None


def spaced(code: str) -> str:
    """For reading aloud and copying: "AB3D 7KQ9"."""
    return f"{code[:4]} {code[4:]}"
