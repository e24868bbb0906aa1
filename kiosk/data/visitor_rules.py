"""Rules for what visitors type and choose: rating levels and reasons, feedback kinds, phones, dates.

Pure functions and constants (no Qt, no database), shared by the screens, the records they write and
the office's reports. The Chinese words and messages are what is stored; screens show them translated
(they are marked for translation, see kiosk/texts.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from kiosk.texts import QT_TRANSLATE_NOOP

#: GB/T 39734's five levels, codes 1–5 (the bottom two are 差评).
LEVELS: Final[tuple[tuple[int, str], ...]] = (
    (1, QT_TRANSLATE_NOOP("VisitorTexts", "非常满意")),
    (2, QT_TRANSLATE_NOOP("VisitorTexts", "满意")),
    (3, QT_TRANSLATE_NOOP("VisitorTexts", "基本满意")),
    (4, QT_TRANSLATE_NOOP("VisitorTexts", "不满意")),
    (5, QT_TRANSLATE_NOOP("VisitorTexts", "非常不满意")),
)
LEVEL_NAMES: Final[dict[int, str]] = dict(LEVELS)
GOOD_LEVELS: Final = (1, 2, 3)
BAD_LEVELS: Final = (4, 5)
REASONS: Final[tuple[str, ...]] = (
    QT_TRANSLATE_NOOP("VisitorTexts", "推诿扯皮"),
    QT_TRANSLATE_NOOP("VisitorTexts", "态度不好"),
    QT_TRANSLATE_NOOP("VisitorTexts", "效率低"),
    QT_TRANSLATE_NOOP("VisitorTexts", "一次性告知不到位"),
    QT_TRANSLATE_NOOP("VisitorTexts", "材料反复提交"),
    QT_TRANSLATE_NOOP("VisitorTexts", "收费问题"),
    QT_TRANSLATE_NOOP("VisitorTexts", "其他"),
)
FEEDBACK_KINDS: Final[tuple[str, ...]] = (
    QT_TRANSLATE_NOOP("VisitorTexts", "意见建议"),
    QT_TRANSLATE_NOOP("VisitorTexts", "投诉"),
    QT_TRANSLATE_NOOP("VisitorTexts", "举报"),
    QT_TRANSLATE_NOOP("VisitorTexts", "表扬"),
)
#: kinds for which the visitor may stay anonymous (name and phone are then not kept at all)
ANONYMOUS_KINDS: Final[tuple[str, ...]] = ("举报",)
STATUSES: Final[tuple[str, ...]] = (
    QT_TRANSLATE_NOOP("VisitorTexts", "已受理"),
    QT_TRANSLATE_NOOP("VisitorTexts", "处理中"),
    QT_TRANSLATE_NOOP("VisitorTexts", "已回复"),
    QT_TRANSLATE_NOOP("VisitorTexts", "已办结"),
)
TARGET_KINDS: Final[tuple[str, ...]] = ("department", "post", "item")
NAME_MAX: Final = 30

_MOBILE = re.compile(r"1[3-9]\d{9}")
# area code 0xx or 0xxx (a separator optional), a 7–8 digit number not starting with 0 or 1, optional extension
_LANDLINE = re.compile(r"(?:0\d{2,3}[- ]?)?[2-9]\d{6,7}(?:-\d{1,6})?")
_CASE_NO = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{4,38}[0-9A-Za-z]")


def normalise_phone(text: str) -> str:
    """Digits and the area-code/extension dash only; full-width digits made ASCII; +86 dropped."""
    value = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if value.startswith("+86"):
        value = value[3:]
    elif value.startswith("0086"):
        value = value[4:]
    return value


def valid_phone(text: str) -> bool:
    """A mainland mobile (11 digits, 1[3-9]…) or landline (area code optional, extension optional)."""
    value = normalise_phone(text)
    return bool(_MOBILE.fullmatch(value) or _LANDLINE.fullmatch(value))


def mask_phone(text: str) -> str:
    """138****1234 for a mobile; landlines keep the area code and the last four digits."""
    value = normalise_phone(text)
    if not value:
        return ""
    if _MOBILE.fullmatch(value):
        return f"{value[:3]}****{value[-4:]}"
    digits = value.replace("-", "")
    if len(digits) <= 4:
        return "*" * len(digits)
    head = value.split("-")[0] if "-" in value and value.startswith("0") else ""
    shown_head = head if head and len(head) < len(digits) - 4 else ""
    hidden = len(digits) - len(shown_head) - 4
    return f"{shown_head}{'-' if shown_head else ''}{'*' * hidden}{digits[-4:]}"


def clean_text(text: str) -> str:
    """Visitor text as it is kept: control and format characters removed (newlines and the zero-width
    joiner of emoji sequences kept), Windows line ends unified, blanks at both ends trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char == "\n" or char == "\u200d" or char == "\ufe0f":
            kept.append(char)
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(char)
    return re.sub(r"\n{3,}", "\n\n", "".join(kept)).strip()


def text_length(text: str) -> int:
    """Length as the visitor sees it: an emoji with its modifiers counts once."""
    return sum(1 for char in text if unicodedata.category(char) not in ("Mn", "Me", "Sk")
               and char not in ("\u200d", "\ufe0f") and not 0x1F3FB <= ord(char) <= 0x1F3FF)


def case_no_problem(text: str) -> str | None:
    """None when ``text`` can be a case number (办件编号) from a receipt, else what is wrong with it."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return QT_TRANSLATE_NOOP("VisitorTexts", "请输入回执上的办件编号")
    if len(value) < 6:
        return QT_TRANSLATE_NOOP("VisitorTexts", "办件编号太短，请核对回执")
    if len(value) > 40:
        return QT_TRANSLATE_NOOP("VisitorTexts", "办件编号太长，请核对回执")
    if not _CASE_NO.fullmatch(value):
        return QT_TRANSLATE_NOOP("VisitorTexts", "办件编号只含数字、字母和短横线，请核对回执")
    return None


def normalise_case_no(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().upper()


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start``; weekends are skipped (public holidays are not
    known to the kiosk: the office's own deadline rules apply to those)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


@dataclass(frozen=True)
class VisitorSettings:
    feedback_max_chars: int = 500
    feedback_reply_working_days: int = 5
    rating_repeat_seconds: float = 5.0
    rating_burst_count: int = 4
    rating_burst_seconds: float = 60.0
    rating_text_max_chars: int = 200
    thanks_seconds: int = 6
    channel: str = "政务大厅自助终端"
    region_code: str = ""
