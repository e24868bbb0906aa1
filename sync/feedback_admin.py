"""The office's handling of what visitors left: feedback (start → reply → close, with notes) and the
follow-up (回访) of bad ratings. Every step on feedback is recorded in ``feedback_action`` (who, when,
what) for review (检查和复核); the follow-up of a rating is kept on the rating itself.

Functions take an Engine and raise :class:`OfficeError` with a message for the operator when a step is
not possible (unknown code, empty reply, closed already …). Each step is one transaction that locks the
row first (PostgreSQL ``FOR UPDATE``, SQLite ``BEGIN IMMEDIATE``), so two people acting on the same
feedback at once are serialised and the second sees what the first did.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final

from sqlalchemy import ColumnElement, Engine, func, insert, select, update
from sqlalchemy.orm import Session

from kiosk.data.tracking import normalise
from kiosk.data.visitor_rules import BAD_LEVELS, FEEDBACK_KINDS, LEVEL_NAMES, STATUSES
from sync.office_models import Feedback, FeedbackAction, Rating

RECEIVED, IN_HAND, REPLIED, CLOSED = STATUSES
#: statuses in which feedback still waits for the office's answer (overdue after the promised date)
OPEN_STATUSES: Final = (RECEIVED, IN_HAND)
ACTION_NAMES: Final = {"start": "开始办理", "reply": "答复", "close": "办结", "note": "备注"}
#: a rating is named by a unique prefix of its uuid at least this long
UUID_PREFIX_MIN: Final = 8


class OfficeError(ValueError):
    """A step the office asked for is not possible; the message says why (for the operator)."""


@dataclass(frozen=True)
class FeedbackRow:
    code: str
    kind: str
    status: str
    received_at: datetime
    due_date: str
    days_late: int  # days past the promised date while still open; 0 otherwise
    target: str
    text: str


@dataclass(frozen=True)
class ActionRow:
    at: datetime
    actor: str
    action: str
    note: str


@dataclass(frozen=True)
class FeedbackDetails:
    row: FeedbackRow
    kiosk_id: str
    kiosk_time: str
    name: str
    phone: str
    reply: str
    replied_at: datetime | None
    closed_at: datetime | None
    actions: list[ActionRow]


def now_utc() -> datetime:
    return datetime.now(UTC)


def local_time(value: datetime | None) -> str:
    """An office timestamp (naive values are UTC) in this computer's time zone, to the minute."""
    if value is None:
        return ""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def _session(engine: Engine) -> Session:
    """A session whose transactions take the write lock at BEGIN on SQLite."""
    return Session(engine.execution_options(sqlite_begin="IMMEDIATE"))


def _days_late(status: str, due_date: str | None, today: date) -> int:
    if status not in OPEN_STATUSES or not due_date:
        return 0
    try:
        due = date.fromisoformat(due_date)
    except ValueError:
        return 0
    return max(0, (today - due).days)


def _row(feedback: Feedback, today: date) -> FeedbackRow:
    return FeedbackRow(feedback.code, feedback.kind, feedback.status, feedback.received_at, feedback.due_date or "",
                       _days_late(feedback.status, feedback.due_date, today), feedback.target or "", feedback.text)


def list_feedback(engine: Engine, *, today: date, overdue: bool = False, kind: str | None = None) -> list[FeedbackRow]:
    """All feedback, newest first; ``overdue``: only the open ones past their promised date, the latest
    first (most days late at the top)."""
    if kind is not None and kind not in FEEDBACK_KINDS:
        raise OfficeError(f"unknown kind {kind!r}: one of {', '.join(FEEDBACK_KINDS)}")
    query = select(Feedback)
    if kind is not None:
        query = query.where(Feedback.kind == kind)
    if overdue:
        query = (query.where(Feedback.status.in_(OPEN_STATUSES), Feedback.due_date < today.isoformat(),
                             Feedback.due_date != "")
                 .order_by(Feedback.due_date, Feedback.received_at))
    else:
        query = query.order_by(Feedback.received_at.desc(), Feedback.code)
    with Session(engine) as session:
        return [_row(feedback, today) for feedback in session.scalars(query)]


def _find(session: Session, code: str, *, lock: bool = False) -> Feedback:
    wanted = normalise(code)
    if not wanted:
        raise OfficeError("give the tracking code of the feedback")
    query = select(Feedback).where(Feedback.code == wanted)
    if lock:
        query = query.with_for_update()
    feedback = session.scalar(query)
    if feedback is None:
        raise OfficeError(f"no feedback with tracking code {wanted}")
    return feedback


def show_feedback(engine: Engine, code: str, *, today: date) -> FeedbackDetails:
    with Session(engine) as session:
        feedback = _find(session, code)
        actions = [ActionRow(a.at, a.actor, a.action, a.note or "") for a in session.scalars(
            select(FeedbackAction).where(FeedbackAction.code == feedback.code)
            .order_by(FeedbackAction.at, FeedbackAction.id))]
        return FeedbackDetails(_row(feedback, today), feedback.kiosk_id, feedback.kiosk_time, feedback.name or "",
                               feedback.phone or "", feedback.reply or "", feedback.replied_at, feedback.closed_at,
                               actions)


def _record(session: Session, code: str, actor: str, action: str, note: str | None, at: datetime) -> None:
    session.execute(insert(FeedbackAction).values(code=code, at=at, actor=actor, action=action, note=note))


def _actor(actor: str) -> str:
    cleaned = actor.strip()
    if not cleaned:
        raise OfficeError("say who does this (--actor NAME)")
    return cleaned


def start_feedback(engine: Engine, code: str, *, actor: str) -> str:
    """已受理 → 处理中. Returns the tracking code."""
    who = _actor(actor)
    with _session(engine) as session, session.begin():
        feedback = _find(session, code, lock=True)
        if feedback.status != RECEIVED:
            raise OfficeError(f"{feedback.code} is {feedback.status} already: only {RECEIVED} feedback can be started")
        feedback.status = IN_HAND
        _record(session, feedback.code, who, "start", None, now_utc())
        return feedback.code


def reply_feedback(engine: Engine, code: str, text: str, *, actor: str) -> str:
    """The office's answer (→ 已回复; the kiosk shows it for the code). A reply may be corrected while the
    feedback is not closed; every version stays in the history."""
    who = _actor(actor)
    answer = text.strip()
    if not answer:
        raise OfficeError("the reply is empty: write what the visitor will read at the kiosk")
    with _session(engine) as session, session.begin():
        feedback = _find(session, code, lock=True)
        if feedback.status == CLOSED:
            raise OfficeError(f"{feedback.code} was closed on {local_time(feedback.closed_at)}: it takes no reply")
        at = now_utc()
        feedback.status = REPLIED
        feedback.reply = answer
        feedback.replied_at = at
        _record(session, feedback.code, who, "reply", answer, at)
        return feedback.code


def close_feedback(engine: Engine, code: str, *, actor: str, note: str = "") -> str:
    """→ 已办结 (from any open state; a 表扬 needs no reply)."""
    who = _actor(actor)
    with _session(engine) as session, session.begin():
        feedback = _find(session, code, lock=True)
        if feedback.status == CLOSED:
            raise OfficeError(f"{feedback.code} was closed already on {local_time(feedback.closed_at)}")
        at = now_utc()
        feedback.status = CLOSED
        feedback.closed_at = at
        _record(session, feedback.code, who, "close", note.strip() or None, at)
        return feedback.code


def note_feedback(engine: Engine, code: str, text: str, *, actor: str) -> str:
    """An internal note (not shown at the kiosk), e.g. a phone call made; the status does not change."""
    who = _actor(actor)
    note = text.strip()
    if not note:
        raise OfficeError("the note is empty")
    with _session(engine) as session, session.begin():
        feedback = _find(session, code, lock=True)
        _record(session, feedback.code, who, "note", note, now_utc())
        return feedback.code


# -- ratings ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingRow:
    uuid: str
    kiosk_id: str
    kiosk_time: str
    level: int
    department_code: str
    post_code: str
    item_code: str
    case_no: str
    reasons: list[str]
    text: str
    phone: str
    repeated: bool
    answer: str
    answered_at: datetime | None
    answered_by: str

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.level, str(self.level))


def reasons_of(raw: str | None) -> list[str]:
    """``rating.reasons`` (a JSON list as text) as a list; tolerant of older or odd values."""
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except ValueError:
        return [raw]
    if isinstance(value, list):
        return [str(reason) for reason in value]
    return [str(value)]


def _rating_row(rating: Rating) -> RatingRow:
    return RatingRow(rating.uuid, rating.kiosk_id, rating.kiosk_time, rating.level, rating.department_code or "",
                     rating.post_code or "", rating.item_code or "", rating.case_no or "", reasons_of(rating.reasons),
                     rating.text or "", rating.phone or "", bool(rating.repeated), rating.answer or "",
                     rating.answered_at, rating.answered_by or "")


def kiosk_day_range(start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    """Conditions on ``rating.kiosk_time`` for the days start..end (inclusive), by the kiosk's own date."""
    conditions: list[ColumnElement[bool]] = []
    if start is not None:
        conditions.append(Rating.kiosk_time >= start.isoformat())
    if end is not None:
        conditions.append(Rating.kiosk_time < day_after(end))
    if start is not None and end is not None and start > end:
        raise OfficeError(f"--from {start} is after --to {end}")
    return conditions


def day_after(day: date) -> str:
    return date.fromordinal(day.toordinal() + 1).isoformat()


def list_ratings(engine: Engine, *, bad: bool = False, start: date | None = None, end: date | None = None,
                 limit: int | None = None) -> tuple[list[RatingRow], int]:
    """Ratings in kiosk-time order (``bad``: levels 4–5 only) and how many there are in all."""
    conditions = kiosk_day_range(start, end)
    if bad:
        conditions.append(Rating.level.in_(BAD_LEVELS))
    with Session(engine) as session:
        total = session.scalar(select(func.count()).select_from(Rating).where(*conditions)) or 0
        query = select(Rating).where(*conditions).order_by(Rating.kiosk_time, Rating.uuid)
        if limit is not None:
            query = query.limit(limit)
        return [_rating_row(rating) for rating in session.scalars(query)], int(total)


def _find_rating(session: Session, uuid: str) -> Rating:
    """The rating of this uuid, or of the one uuid starting with it (at least UUID_PREFIX_MIN characters)."""
    wanted = uuid.strip()
    if not wanted:
        raise OfficeError("give the rating's uuid")
    exact = session.scalar(select(Rating).where(Rating.uuid == wanted).with_for_update())
    if exact is not None:
        return exact
    if len(wanted) < UUID_PREFIX_MIN:
        raise OfficeError(f"no rating with uuid {wanted} (give the uuid, or at least its first {UUID_PREFIX_MIN} "
                          "characters)")
    escaped = wanted.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    found = session.scalars(select(Rating).where(Rating.uuid.like(escaped + "%", escape="\\"))
                            .with_for_update().limit(2)).all()
    if not found:
        raise OfficeError(f"no rating with uuid {wanted}")
    if len(found) > 1:
        raise OfficeError(f"more than one rating starts with {wanted}: give more of the uuid")
    return found[0]


def answer_rating(engine: Engine, uuid: str, text: str, *, actor: str) -> RatingRow:
    """Record the follow-up (回访) of a bad rating: what was found and answered, who, when. Once."""
    who = _actor(actor)
    answer = text.strip()
    if not answer:
        raise OfficeError("the answer is empty: write what the follow-up found and answered")
    with _session(engine) as session, session.begin():
        rating = _find_rating(session, uuid)
        if rating.level not in BAD_LEVELS:
            raise OfficeError(f"rating {rating.uuid} is {LEVEL_NAMES.get(rating.level, rating.level)}: only 差评 "
                              "(不满意, 非常不满意) are followed up")
        if rating.answered_at is not None:
            raise OfficeError(f"rating {rating.uuid} was answered already on {local_time(rating.answered_at)} "
                              f"by {rating.answered_by}")
        session.execute(update(Rating).where(Rating.uuid == rating.uuid)
                        .values(answer=answer, answered_at=now_utc(), answered_by=who))
        session.flush()
        session.refresh(rating)
        return _rating_row(rating)
