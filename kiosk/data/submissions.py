"""What visitors leave at the kiosk: ratings and feedback, checked and written durably to the outbox.

Screens call these with plain values and get plain receipts back; every ``add_*`` has committed to
disk (``synchronous=FULL``) when it returns, so the thanks or the tracking code is only ever shown
for a record that survives a power cut. Nothing here waits on the network: the sync worker sends
the records later.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from kiosk.data import tracking
from kiosk.data.outbox import AlreadyRated, Outbox
from kiosk.data.visitor_rules import (
    ANONYMOUS_KINDS,
    FEEDBACK_KINDS,
    LEVEL_NAMES,
    NAME_MAX,
    REASONS,
    STATUSES,
    TARGET_KINDS,
    VisitorSettings,
    add_working_days,
    case_no_problem,
    clean_text,
    normalise_case_no,
    normalise_phone,
    text_length,
    valid_phone,
)
from kiosk.texts import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from kiosk.data.catalog import Catalog

#: a bad rating's details may follow its level; it is held back from sending at most this long
DETAILS_HOLD_SECONDS = 15 * 60
ALREADY_RATED = QT_TRANSLATE_NOOP("VisitorTexts", "该办件已评价过，感谢您的参与")
PHONE_PROBLEM = QT_TRANSLATE_NOOP("VisitorTexts", "电话号码格式不对：请输入11位手机号，或带区号的固定电话")


@dataclass(frozen=True)
class Problem:
    field: str  # "text" | "phone" | "name" | "kind" | "target" | "code" | "case_no" | "reasons" | "level"
    message: str  # for the visitor, in Chinese (marked for translation: show it with kiosk.i18n.visitor_text)


class InputInvalid(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class RatingInput:
    level: int
    post_code: str | None = None
    case_no: str | None = None
    item_code: str | None = None


@dataclass(frozen=True)
class RatingReceipt:
    uuid: str
    repeated: bool


@dataclass(frozen=True)
class RatingDetails:
    reasons: tuple[str, ...] = ()
    text: str = ""
    phone: str = ""


@dataclass(frozen=True)
class FeedbackInput:
    kind: str
    text: str
    target: tuple[str, str] | None = None
    name: str = ""
    phone: str = ""
    anonymous: bool = False


@dataclass(frozen=True)
class FeedbackReceipt:
    code: str
    due_date: date
    submitted_at: datetime


@dataclass(frozen=True)
class FeedbackLookup:
    code: str
    found: bool
    status: str = ""
    submitted: str = ""
    due_date: str = ""
    replied_at: str = ""
    closed_at: str = ""
    reply: str = ""
    note: str = ""
    steps: tuple[str, ...] = field(default=STATUSES)


class Submissions:
    """The kiosk's write side for visitors, over the outbox; reads the catalogue for context."""

    def __init__(self, outbox: Outbox, catalog: Callable[[], Catalog | None],
                 settings: VisitorSettings | None = None, *, clock: Callable[[], datetime] | None = None) -> None:
        self.outbox = outbox
        self._catalog = catalog
        self.settings = settings or VisitorSettings()
        self._clock = clock or (lambda: datetime.now().astimezone())

    # -- ratings -------------------------------------------------------------------------------------------
    def case_rated(self, case_no: str) -> bool:
        """Rated here before, or at any kiosk as far as the last sync knows."""
        value = normalise_case_no(case_no)
        if self.outbox.case_rated(value):
            return True
        catalog = self._catalog()
        return catalog is not None and catalog.case_rated(value)

    def add_rating(self, rating: RatingInput) -> RatingReceipt:
        """Commit a rating durably. Raises :class:`InputInvalid` for a bad level or case number and for a
        case number already rated. The record is held back until :meth:`finish_rating`."""
        if rating.level not in LEVEL_NAMES:
            raise InputInvalid([Problem("level", QT_TRANSLATE_NOOP("VisitorTexts", "请选择满意程度"))])
        case_no = None
        if rating.case_no:
            problem = case_no_problem(rating.case_no)
            if problem:
                raise InputInvalid([Problem("case_no", problem)])
            case_no = normalise_case_no(rating.case_no)
            if self.case_rated(case_no):
                raise InputInvalid([Problem("case_no", ALREADY_RATED)])
        now = self._clock()
        department, staff, post_code = self._context(rating.post_code, rating.item_code)
        repeated = self._repeated(post_code, now)
        payload: dict[str, object] = {
            "kiosk_time": now.isoformat(timespec="milliseconds"), "level": rating.level,
            "post_code": post_code, "department_code": department, "item_code": rating.item_code,
            "case_no": case_no, "staff": staff, "repeated": repeated,
            "channel": self.settings.channel, "region_code": self.settings.region_code or None,
        }
        try:
            uuid = self.outbox.add("rating", payload, hold_seconds=DETAILS_HOLD_SECONDS, case_no=case_no)
        except AlreadyRated:
            raise InputInvalid([Problem("case_no", ALREADY_RATED)]) from None
        return RatingReceipt(uuid, repeated)

    def check_rating_details(self, details: RatingDetails) -> list[Problem]:
        problems = []
        unknown = [r for r in details.reasons if r not in REASONS]
        if unknown:
            problems.append(Problem("reasons", Text(QT_TRANSLATE_NOOP("VisitorTexts", "未知的原因：%1"),
                                                    "、".join(unknown))))
        text = clean_text(details.text)
        if text_length(text) > self.settings.rating_text_max_chars:
            problems.append(Problem("text", Text(QT_TRANSLATE_NOOP("VisitorTexts", "说明最多%1字，现在是%2字"),
                                                 self.settings.rating_text_max_chars, text_length(text))))
        if details.phone.strip() and not valid_phone(details.phone):
            problems.append(Problem("phone", PHONE_PROBLEM))
        return problems

    def finish_rating(self, uuid: str, details: RatingDetails | None = None) -> None:
        """Add the details of a bad rating (if any) and release the record for sending. Idempotent."""
        extra: dict[str, object] = {}
        if details is not None:
            problems = self.check_rating_details(details)
            if problems:
                raise InputInvalid(problems)
            if details.reasons:
                extra["reasons"] = json.dumps(list(details.reasons), ensure_ascii=False)
            text = clean_text(details.text)
            if text:
                extra["text"] = text
            if details.phone.strip():
                extra["phone"] = normalise_phone(details.phone)
        self.outbox.release(uuid, extra)

    def _context(self, post_code: str | None, item_code: str | None) -> tuple[str | None, str | None, str | None]:
        """(department, staff on duty, post) as the content knows them (staff names in Chinese, as the
        office records them, whatever language the visitor reads)."""
        catalog = self._catalog()
        if catalog is None:
            return None, None, post_code
        catalog = catalog.in_language("zh")
        from kiosk.data.catalog import NotFound

        department = staff = None
        if post_code:
            try:
                post = catalog.post(post_code).post
            except NotFound:
                post = None
            if post is not None:
                department = post.department_code or None
                staff = "、".join(s.name for s in post.staff if s.name) or None
        if department is None and item_code:
            guide = catalog.find_item_guide(item_code)
            if guide is not None:
                department = guide.department_code or None
        return department, staff, post_code

    def _repeated(self, post_code: str | None, now: datetime) -> bool:
        """A press for the same post within the repeat interval, or one of a burst from this kiosk."""
        settings = self.settings
        recent = self.outbox.recent("rating", max(settings.rating_burst_count, 1))
        times = []
        for entry in recent:
            try:
                stamp = str(entry.payload.get("kiosk_time") or entry.created_at)
                times.append((datetime.fromisoformat(stamp), entry.payload.get("post_code")))
            except ValueError:
                continue
        for at, post in times:
            if post == post_code and timedelta(0) <= now - at <= timedelta(seconds=settings.rating_repeat_seconds):
                return True
        burst = timedelta(seconds=settings.rating_burst_seconds)
        earlier = sum(1 for at, _ in times if timedelta(0) <= now - at <= burst)
        return settings.rating_burst_count > 1 and earlier >= settings.rating_burst_count - 1

    # -- feedback --------------------------------------------------------------------------------------------
    def check_feedback(self, feedback: FeedbackInput) -> list[Problem]:
        problems: list[Problem] = []
        if feedback.kind not in FEEDBACK_KINDS:
            problems.append(Problem("kind", QT_TRANSLATE_NOOP("VisitorTexts",
                                                              "请选择类别：意见建议、投诉、举报或表扬")))
        if feedback.target is not None and (feedback.target[0] not in TARGET_KINDS or not feedback.target[1]):
            problems.append(Problem("target", QT_TRANSLATE_NOOP("VisitorTexts", "请重新选择反映的对象")))
        text = clean_text(feedback.text)
        limit = self.settings.feedback_max_chars
        if not text:
            problems.append(Problem("text", QT_TRANSLATE_NOOP("VisitorTexts", "请写下您的意见或情况")))
        elif text_length(text) > limit:
            problems.append(Problem("text", Text(QT_TRANSLATE_NOOP("VisitorTexts", "内容最多%1字，现在是%2字，请精简"),
                                                 limit, text_length(text))))
        if not self._anonymous(feedback):
            if len(clean_text(feedback.name)) > NAME_MAX:
                problems.append(Problem("name", Text(QT_TRANSLATE_NOOP("VisitorTexts", "姓名最多%1字"), NAME_MAX)))
            if feedback.phone.strip() and not valid_phone(feedback.phone):
                problems.append(Problem("phone", PHONE_PROBLEM))
        return problems

    def add_feedback(self, feedback: FeedbackInput) -> FeedbackReceipt:
        problems = self.check_feedback(feedback)
        if problems:
            raise InputInvalid(problems)
        now = self._clock()
        due = add_working_days(now.date(), self.settings.feedback_reply_working_days)
        anonymous = self._anonymous(feedback)
        name = "" if anonymous else clean_text(feedback.name)
        phone = "" if anonymous else normalise_phone(feedback.phone)
        target = f"{feedback.target[0]}:{feedback.target[1]}" if feedback.target else None
        while True:
            code = tracking.new_code()
            if self.outbox.find_feedback(code) is None:
                break
        self.outbox.add("feedback", {
            "kiosk_time": now.isoformat(timespec="milliseconds"), "code": code, "kind": feedback.kind,
            "target": target, "text": clean_text(feedback.text), "name": name or None, "phone": phone or None,
            "due_date": due.isoformat(),
        })
        return FeedbackReceipt(code, due, now)

    @staticmethod
    def _anonymous(feedback: FeedbackInput) -> bool:
        return feedback.anonymous and feedback.kind in ANONYMOUS_KINDS

    def lookup(self, code: str) -> FeedbackLookup:
        """Status of a tracking code: the office's word as last synced, else what this kiosk sent."""
        problem = tracking.check(code)
        if problem:
            raise InputInvalid([Problem("code", problem)])
        value = tracking.normalise(code)
        catalog = self._catalog()
        status = catalog.feedback_status(value) if catalog is not None else None
        if status is not None:
            return FeedbackLookup(value, True, status.status, status.received_at[:10], status.due_date,
                                  status.replied_at[:10], status.closed_at[:10], status.reply)
        local = self.outbox.find_feedback(value)
        if local is not None:
            note = "" if local.confirmed else QT_TRANSLATE_NOOP("VisitorTexts", "已在本机提交，正在送达受理部门")
            return FeedbackLookup(value, True, STATUSES[0], local.created_at[:10],
                                  str(local.payload.get("due_date") or ""), note=note)
        return FeedbackLookup(value, False, note=QT_TRANSLATE_NOOP(
            "VisitorTexts", "没有找到这个编号。刚在其他终端提交的，请稍后再查；仍查不到请咨询服务台"))
