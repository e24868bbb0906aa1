"""The read API over the content cache: every screen's question, answered with frozen views.

One short, indexed query per call; the session is closed before the call returns, so the views
are detached plain objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlalchemy.orm import Session, selectinload

from kiosk.data.cache import open_engine
from kiosk.data.models import (
    CommitmentGroup,
    Department,
    FeedbackStatus,
    Form,
    Hall,
    Item,
    ItemTopic,
    Meta,
    Post,
    RatedCase,
    RatingSummary,
    Topic,
)
from kiosk.data.views import (
    BasisView,
    CommitmentGroupView,
    DepartmentView,
    FeedbackStatusView,
    FormView,
    HallView,
    ItemGuide,
    ItemSummary,
    MaterialView,
    NamedText,
    PostDetail,
    PostView,
    RatingResults,
    ResultRow,
    SearchEntry,
    StaffView,
    StepView,
    TopicView,
)


class _Tally:
    def __init__(self) -> None:
        self.levels = [0, 0, 0, 0, 0]
        self.repeated = 0
        self.bad_answered = 0

    def add(self, level: int, repeated: bool, n: int, answered: int) -> None:
        if repeated:
            self.repeated += n
            return
        if 1 <= level <= 5:
            self.levels[level - 1] += n
        if level >= 4:
            self.bad_answered += answered

    def row(self, code: str, name: str) -> ResultRow:
        total = sum(self.levels)
        good = sum(self.levels[:3])
        levels = (self.levels[0], self.levels[1], self.levels[2], self.levels[3], self.levels[4])
        return ResultRow(code, name, total, levels, good / total if total else None, sum(self.levels[3:]),
                         self.bad_answered, self.repeated)


def _window_number(post: Post | None) -> tuple[int, str]:
    if post is None:
        return (10**6, "")
    digits = "".join(ch for ch in post.window if ch.isdigit())
    return (int(digits) if digits else 10**5, post.window)


class NotFound(LookupError):
    """The asked-for item, post or department is not (or no longer) in the content."""


class Catalog:
    """Read-only access to one cache file."""

    def __init__(self, cache_file: Path | None = None, *, engine: Engine | None = None) -> None:
        if engine is None:
            if cache_file is None:
                raise ValueError("Catalog needs a cache file or an engine")
            engine = open_engine(cache_file)
        self.engine = engine
        self._department_names: dict[str, str] | None = None

    def close(self) -> None:
        self.engine.dispose()

    def forget_cached(self) -> None:
        """The content changed in place: drop what was remembered between queries."""
        self._department_names = None

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def _dept_names(self, session: Session) -> dict[str, str]:
        if self._department_names is None:
            self._department_names = dict(session.execute(select(Department.code, Department.name)).all())
        return self._department_names

    # -- hall and commitments ----------------------------------------------------------------------
    def hall(self) -> HallView:
        with self._session() as session:
            hall = session.get(Hall, 1)
            revision = session.scalar(select(Meta.value).where(Meta.key == "revision")) or ""
            if hall is None:
                raise NotFound("hall")
            return HallView(
                department=hall.department, name=hall.name, address=hall.address, hours=hall.hours,
                consult_phone=hall.consult_phone, complaint_phone=hall.complaint_phone,
                portal_url=hall.portal_url,
                complaint_channels=tuple(NamedText(c["name"], c["contact"]) for c in hall.complaint_channels),
                floors=tuple(NamedText(f["name"], f["windows"]) for f in hall.floors),
                demo=hall.demo, revision=revision,
            )

    def commitments(self) -> list[CommitmentGroupView]:
        with self._session() as session:
            groups = session.scalars(
                select(CommitmentGroup).options(selectinload(CommitmentGroup.entries)).order_by(CommitmentGroup.seq)
            ).all()
            return [
                CommitmentGroupView(g.name, tuple(NamedText(e.title, e.text) for e in g.entries)) for g in groups
            ]

    # -- topics and departments --------------------------------------------------------------------
    def topics(self) -> list[TopicView]:
        with self._session() as session:
            counts = dict(session.execute(
                select(ItemTopic.topic_code, func.count()).group_by(ItemTopic.topic_code)
            ).all())
            return [
                TopicView(t.code, t.name, t.description, counts.get(t.code, 0))
                for t in session.scalars(select(Topic).order_by(Topic.seq))
            ]

    def topic(self, code: str) -> TopicView:
        for topic in self.topics():
            if topic.code == code:
                return topic
        raise NotFound(code)

    def departments(self) -> list[DepartmentView]:
        with self._session() as session:
            items = dict(session.execute(
                select(Item.department_code, func.count()).group_by(Item.department_code)
            ).all())
            posts = dict(session.execute(
                select(Post.department_code, func.count()).group_by(Post.department_code)
            ).all())
            return [
                DepartmentView(d.code, d.name, d.duty, d.location, d.phone, d.hours,
                               items.get(d.code, 0), posts.get(d.code, 0))
                for d in session.scalars(select(Department).order_by(Department.seq))
            ]

    def department(self, code: str) -> DepartmentView:
        for department in self.departments():
            if department.code == code:
                return department
        raise NotFound(code)

    # -- item lists ----------------------------------------------------------------------------------
    def items_by_topic(self, topic_code: str) -> list[ItemSummary]:
        query = (select(Item).join(ItemTopic, ItemTopic.item_code == Item.code)
                 .where(ItemTopic.topic_code == topic_code).order_by(Item.seq))
        return self._summaries(query)

    def items_by_department(self, department_code: str) -> list[ItemSummary]:
        return self._summaries(select(Item).where(Item.department_code == department_code).order_by(Item.seq))

    def items_by_post(self, post_code: str) -> list[ItemSummary]:
        return self._summaries(select(Item).where(Item.post_code == post_code).order_by(Item.seq))

    def items_by_codes(self, codes: Iterable[str]) -> list[ItemSummary]:
        """Summaries in the order given (search results); unknown codes are skipped."""
        wanted = list(codes)
        found = {s.code: s for s in self._summaries(select(Item).where(Item.code.in_(wanted)))}
        return [found[c] for c in wanted if c in found]

    def _summaries(self, query: Select[Any]) -> list[ItemSummary]:
        """Only the columns a list row shows (the JSON columns of whole rows cost most of the time)."""
        columns = query.with_only_columns(
            Item.code, Item.name, Item.item_type, Item.department_code, Item.post_code, Item.visits, Item.online,
            Item.promised_limit, Item.promised_unit,
        )
        with self._session() as session:
            names = self._dept_names(session)
            windows = dict(session.execute(select(Post.code, Post.window)).all())
            return [
                ItemSummary(
                    code=code, name=name, item_type=item_type, department_name=names.get(department, ""),
                    window=f"{windows[post]}号窗口" if post and windows.get(post) else "",
                    visits=visits, online=online, promised=f"{limit}个{unit}",
                )
                for code, name, item_type, department, post, visits, online, limit, unit in session.execute(columns)
            ]

    # -- one item ------------------------------------------------------------------------------------
    def item_guide(self, code: str) -> ItemGuide:
        with self._session() as session:
            item = session.scalar(
                select(Item).where(Item.code == code)
                .options(selectinload(Item.materials), selectinload(Item.steps))
            )
            if item is None:
                raise NotFound(code)
            hall = session.get(Hall, 1)
            post = self._post_view(session, item.post_code) if item.post_code else None
            dept = session.get(Department, item.department_code)
            topics = tuple(session.scalars(
                select(Topic.name).join(ItemTopic, ItemTopic.topic_code == Topic.code)
                .where(ItemTopic.item_code == code).order_by(Topic.seq)
            ))
            hall_hours = hall.hours if hall else ""
            location = item.location or _post_place(post) or (dept.location if dept else "")
            return ItemGuide(
                code=item.code, impl_code=item.impl_code, name=item.name, item_type=item.item_type,
                department_code=item.department_code, department_name=dept.name if dept else "",
                topics=topics, summary=item.summary, body_name=item.body_name,
                body_credit_code=item.body_credit_code, body_nature=item.body_nature,
                handling_org=item.handling_org or (dept.name if dept else ""),
                joint_departments=item.joint_departments, level=item.level,
                service_objects=tuple(item.service_objects),
                basis=tuple(BasisView(b["law"], b["articles"], b["text"]) for b in item.basis),
                conditions=item.conditions, quantity_limit=item.quantity_limit,
                intermediary=item.intermediary, special_procedures=item.special_procedures,
                materials=tuple(
                    MaterialView(m.seq + 1, m.name, m.source, m.originals, m.copies, m.medium, m.required,
                                 m.condition, m.notes, m.blank_form, m.sample)
                    for m in item.materials
                ),
                statutory_limit=item.statutory_limit, statutory_unit=item.statutory_unit,
                statutory_note=item.statutory_note, promised_limit=item.promised_limit,
                promised_unit=item.promised_unit, promised_note=item.promised_note,
                case_type=item.case_type, fee_charged=item.fee_charged, fee_standard=item.fee_standard,
                fee_basis=item.fee_basis, result_name=item.result_name, result_sample=item.result_sample,
                result_delivery=item.result_delivery, online=item.online, online_url=item.online_url,
                appointment=item.appointment, payment=item.payment, express=item.express,
                channels=tuple(item.channels), visits=item.visits, post=post, location=location,
                hours=item.hours or (post.hours if post else "") or (dept.hours if dept else "") or hall_hours,
                consult_phone=item.consult_phone or (post.phone if post else "") or (dept.phone if dept else "")
                or (hall.consult_phone if hall else ""),
                complaint_phone=item.complaint_phone or (hall.complaint_phone if hall else ""),
                rights=item.rights,
                steps=tuple(StepView(s.seq + 1, s.step, s.post, s.time, s.description) for s in item.steps),
                faq=tuple(NamedText(f["q"], f["a"]) for f in item.faq),
                keywords=tuple(item.keywords),
            )

    def find_item_guide(self, code: str) -> ItemGuide | None:
        """The guide, or None when the item is not (or no longer) in the content: screens show a note."""
        try:
            return self.item_guide(code)
        except NotFound:
            return None

    # -- forms (表格) and sample texts (示范文本) ----------------------------------------------------------
    def forms(self) -> list[FormView]:
        """Every form of every item, in the items' order (each item's own forms, then its materials')."""
        return self._forms(None)

    def forms_for_item(self, code: str) -> list[FormView]:
        """The forms of one item ([] for an unknown item or one without forms)."""
        return self._forms(code)

    def _forms(self, code: str | None) -> list[FormView]:
        query = (select(Form.key, Form.name, Form.kind, Form.item_code, Item.name, Form.material_name, Form.path)
                 .join(Item, Item.code == Form.item_code).order_by(Item.seq, Form.seq))
        if code is not None:
            query = query.where(Form.item_code == code)
        with self._session() as session:
            return [FormView(*row) for row in session.execute(query)]

    # -- posts -----------------------------------------------------------------------------------------
    def posts(self) -> list[PostView]:
        """Posts in the order of the departments' tables: department, then type, then 序号."""
        type_order = {"服务大厅": 0, "网络平台": 1, "窗口岗位": 2}
        with self._session() as session:
            dept_seq = dict(session.execute(select(Department.code, Department.seq)).all())
            rows = session.scalars(select(Post).options(selectinload(Post.staff))).all()
            names = self._dept_names(session)
            rows = sorted(rows, key=lambda p: (dept_seq.get(p.department_code, 0),
                                               type_order.get(p.post_type, 9), p.seq))
            return [_to_post_view(p, names) for p in rows]

    def post(self, code: str) -> PostDetail:
        with self._session() as session:
            view = self._post_view(session, code)
        return PostDetail(view, tuple(self.items_by_post(code)))

    def _post_view(self, session: Session, code: str) -> PostView:
        post = session.scalar(select(Post).where(Post.code == code).options(selectinload(Post.staff)))
        if post is None:
            raise NotFound(code)
        return _to_post_view(post, self._dept_names(session))

    # -- feedback ---------------------------------------------------------------------------------------------
    def feedback_status(self, code: str) -> FeedbackStatusView | None:
        """The office's status of a tracking code, as last synced (None: not known yet)."""
        with self._session() as session:
            row = session.get(FeedbackStatus, code)
            if row is None:
                return None
            return FeedbackStatusView(row.code, row.status, row.reply, row.received_at, row.replied_at,
                                      row.closed_at, row.due_date)

    # -- ratings ----------------------------------------------------------------------------------------------
    def case_rated(self, case_no: str) -> bool:
        """Whether the office has a rating for this case number (as of the last sync)."""
        with self._session() as session:
            return session.get(RatedCase, case_no) is not None

    def rating_results(self, period: str, today: date) -> RatingResults:
        """The public figures of this month (``period="month"``) or year (``"year"``), per department
        and window post, from the office's counts as last synced."""
        if period == "month":
            months = [f"{today.year:04d}-{today.month:02d}"]
            label = f"{today.year}年{today.month}月"
        elif period == "year":
            months = [f"{today.year:04d}-{m:02d}" for m in range(1, 13)]
            label = f"{today.year}年"
        else:
            raise ValueError(f"unknown period {period!r}")
        with self._session() as session:
            rows = session.execute(
                select(RatingSummary.department_code, RatingSummary.post_code, RatingSummary.level,
                       RatingSummary.repeated, func.sum(RatingSummary.n), func.sum(RatingSummary.answered))
                .where(RatingSummary.month.in_(months))
                .group_by(RatingSummary.department_code, RatingSummary.post_code, RatingSummary.level,
                          RatingSummary.repeated)
            ).all()
            updated = session.scalar(select(Meta.value).where(Meta.key == "rating_summary_at")) or ""
            names = self._dept_names(session)
            posts = {p.code: p for p in session.scalars(select(Post))}
            dept_seq = dict(session.execute(select(Department.code, Department.seq)).all())
        overall = _Tally()
        by_department: dict[str, _Tally] = {}
        by_post: dict[str, _Tally] = {}
        for department_code, post_code, level, repeated, n, answered in rows:
            department_code = department_code or (posts[post_code].department_code if post_code in posts else "")
            for tally in (overall, by_department.setdefault(department_code, _Tally()),
                          *((by_post.setdefault(post_code, _Tally()),) if post_code else ())):
                tally.add(int(level), bool(repeated), int(n or 0), int(answered or 0))

        def post_name(code: str) -> str:
            post = posts.get(code)
            if post is None:
                return code
            window = f"{post.window}号窗口 " if post.window else ""
            return f"{window}{post.name}"

        ordered = sorted(by_department.items(), key=lambda kv: (dept_seq.get(kv[0], 999), kv[0]))
        departments = [tally.row(code, names.get(code, code or "未注明部门")) for code, tally in ordered]
        post_rows = [tally.row(code, post_name(code)) for code, tally in
                     sorted(by_post.items(), key=lambda kv: (_window_number(posts.get(kv[0])), kv[0]))]
        return RatingResults(label, updated, overall.row("", "全部"), departments, post_rows)

    # -- search feed -----------------------------------------------------------------------------------
    def search_entries(self) -> list[SearchEntry]:
        with self._session() as session:
            names = self._dept_names(session)
            windows = dict(session.execute(select(Post.code, Post.window)).all())
            topic_names = dict(session.execute(select(Topic.code, Topic.name)).all())
            topics_of: dict[str, list[str]] = {}
            for item_code, topic_code in session.execute(select(ItemTopic.item_code, ItemTopic.topic_code)):
                topics_of.setdefault(item_code, []).append(topic_names.get(topic_code, ""))
            rows = session.execute(
                select(Item.code, Item.impl_code, Item.name, Item.department_code, Item.keywords,
                       Item.post_code).order_by(Item.seq)
            ).all()
            return [
                SearchEntry(
                    code=code, impl_code=impl, name=name, department_name=names.get(dept, ""),
                    keywords=tuple(keywords or ()), topic_names=tuple(topics_of.get(code, ())),
                    window=f"{windows[post]}号窗口" if post and windows.get(post) else "",
                )
                for code, impl, name, dept, keywords, post in rows
            ]


def _post_place(post: PostView | None) -> str:
    if post is None:
        return ""
    parts = [post.floor, post.address, post.window_label if post.window_label not in post.address else ""]
    return " ".join(p for p in parts if p)


def _to_post_view(post: Post, department_names: dict[str, str]) -> PostView:
    return PostView(
        code=post.code, department_code=post.department_code,
        department_name=department_names.get(post.department_code, ""), post_type=post.post_type,
        seq=post.seq, name=post.name, work_items=post.work_items, contact=post.contact, phone=post.phone,
        address=post.address, url=post.url, window=post.window, floor=post.floor, hours=post.hours,
        staff=tuple(StaffView(s.name, s.number, s.role, s.photo) for s in post.staff),
    )
