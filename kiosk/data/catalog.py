"""The read API over the content cache: every screen's question, answered with frozen views.

One short, indexed query per call; the session is closed before the call returns, so the views
are detached plain objects. The views are in the catalogue's content language (:meth:`Catalog.set_language`):
in English, English where the content gives it and Chinese otherwise (:mod:`kiosk.data.english`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlalchemy.orm import Session, selectinload

from kiosk.data.cache import open_engine
from kiosk.data.english import Picker, check_language, has_chinese
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
    promised_label,
    window_label,
)
from kiosk.texts import QT_TRANSLATE_NOOP, Text


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
        #: the content language of the views: "zh", or "en" (English where the content gives it)
        self.language = "zh"
        self._department_names: dict[str, dict[str, str]] | None = None

    def close(self) -> None:
        self.engine.dispose()

    def set_language(self, language: str) -> None:
        """Give the views in ``language`` ("zh" or "en") from now on."""
        self.language = check_language(language)

    def in_language(self, language: str) -> Catalog:
        """This catalogue in ``language``, on the same database (close only the original).

        The printed guide (an official document) and what is sent to the office (staff names with a
        rating) stay Chinese whatever language the visitor reads: they ask ``in_language("zh")``.
        """
        if check_language(language) == self.language:
            return self
        other = Catalog(engine=self.engine)
        other.language = language
        return other

    def forget_cached(self) -> None:
        """The content changed in place: drop what was remembered between queries."""
        self._department_names = None

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def _pick(self) -> Picker:
        return Picker(self.language)

    def _dept_table(self, session: Session) -> dict[str, dict[str, str]]:
        """Department names by language (English where given, else the Chinese), remembered."""
        table = self._department_names
        if table is None:
            rows = session.execute(select(Department.code, Department.name, Department.en)).all()
            table = {
                "zh": {code: name for code, name, _ in rows},
                "en": {code: (en or {}).get("name") or name for code, name, en in rows},
            }
            self._department_names = table
        return table

    def _dept_names(self, session: Session) -> dict[str, str]:
        """Department names in the catalogue's language."""
        return self._dept_table(session)[self.language]

    # -- hall and commitments ----------------------------------------------------------------------
    def hall(self) -> HallView:
        with self._session() as session:
            hall = session.get(Hall, 1)
            revision = session.scalar(select(Meta.value).where(Meta.key == "revision")) or ""
            if hall is None:
                raise NotFound("hall")
            return _hall_view(hall, revision, self._pick())

    def commitments(self) -> list[CommitmentGroupView]:
        with self._session() as session:
            groups = session.scalars(
                select(CommitmentGroup).options(selectinload(CommitmentGroup.entries)).order_by(CommitmentGroup.seq)
            ).all()
            views = []
            for g in groups:
                pick = self._pick()
                name = pick.text(g.name, g.en, "group")
                entries = tuple(NamedText(pick.text(e.title, e.en, "title"), pick.text(e.text, e.en, "text"))
                                for e in g.entries)
                views.append(CommitmentGroupView(name, entries, pick.translated))
            return views

    # -- topics and departments --------------------------------------------------------------------
    def topics(self) -> list[TopicView]:
        with self._session() as session:
            counts = dict(session.execute(
                select(ItemTopic.topic_code, func.count()).group_by(ItemTopic.topic_code)
            ).all())
            views = []
            for t in session.scalars(select(Topic).order_by(Topic.seq)):
                pick = self._pick()
                views.append(TopicView(t.code, pick.text(t.name, t.en, "name"),
                                       pick.text(t.description, t.en, "description"), counts.get(t.code, 0),
                                       pick.translated))
            return views

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
            views = []
            for d in session.scalars(select(Department).order_by(Department.seq)):
                pick = self._pick()
                texts = {k: pick.text(getattr(d, k), d.en, k) for k in ("name", "duty", "location", "phone", "hours")}
                views.append(DepartmentView(code=d.code, item_count=items.get(d.code, 0),
                                            post_count=posts.get(d.code, 0), translated=pick.translated, **texts))
            return views

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
        """Only the columns a list row shows (the JSON columns of whole rows cost most of the time: in
        English only the English name is taken out of the item's ``en``, by SQLite)."""
        english = self.language == "en"
        columns = query.with_only_columns(
            Item.code, Item.name, Item.item_type, Item.department_code, Item.post_code, Item.visits, Item.online,
            Item.promised_limit, Item.promised_unit, func.json_extract(Item.en, "$.name") if english else Item.name,
        )
        with self._session() as session:
            names = self._dept_names(session)
            windows = dict(session.execute(select(Post.code, Post.window)).all())
            summaries = []
            for code, name, item_type, department, post, visits, online, limit, unit, en_name in session.execute(
                    columns):
                shown = (en_name or name) if english else name
                department_name = names.get(department, "")
                summaries.append(ItemSummary(
                    code=code, name=shown, item_type=item_type, department_name=department_name,
                    window=window_label(windows.get(post or "") or ""),
                    visits=visits, online=online, promised=promised_label(limit, unit),
                    translated=not english or not (has_chinese(shown) or has_chinese(department_name)),
                ))
            return summaries

    # -- one item ------------------------------------------------------------------------------------
    def item_guide(self, code: str) -> ItemGuide:
        with self._session() as session:
            item = session.scalar(
                select(Item).where(Item.code == code)
                .options(selectinload(Item.materials), selectinload(Item.steps))
            )
            if item is None:
                raise NotFound(code)
            hall_row = session.get(Hall, 1)
            post = self._post_view(session, item.post_code) if item.post_code else None
            dept = session.get(Department, item.department_code)
            topics = session.execute(
                select(Topic.name, Topic.en).join(ItemTopic, ItemTopic.topic_code == Topic.code)
                .where(ItemTopic.item_code == code).order_by(Topic.seq)
            ).all()
            pick = self._pick()
            en = item.en

            def own(key: str) -> str:
                """The item's own text field ``key`` in the catalogue's language."""
                return pick.text(getattr(item, key), en, key)

            def of_dept(key: str) -> str:
                return pick.text(getattr(dept, key), dept.en, key) if dept else ""

            def of_hall(key: str) -> str:
                # picked again: the hall's text counts only where the guide shows it
                return pick.text(getattr(hall_row, key), hall_row.en, key) if hall_row else ""

            if post is not None:
                pick.part(post.translated)
            department_name = of_dept("name")
            guide = ItemGuide(
                code=item.code, impl_code=item.impl_code, name=own("name"), item_type=item.item_type,
                department_code=item.department_code, department_name=department_name,
                topics=tuple(pick.text(name, topic_en, "name") for name, topic_en in topics),
                summary=own("summary"), body_name=own("body_name"),
                body_credit_code=item.body_credit_code, body_nature=own("body_nature"),
                handling_org=own("handling_org") or department_name,
                joint_departments=own("joint_departments"), level=own("level"),
                service_objects=pick.texts(item.service_objects, en, "service_objects"),
                basis=tuple(BasisView(*(pick.text(b[k], b.get("en"), k) for k in ("law", "articles", "text")))
                            for b in item.basis),
                conditions=own("conditions"), quantity_limit=own("quantity_limit"),
                intermediary=own("intermediary"), special_procedures=own("special_procedures"),
                materials=tuple(
                    MaterialView(m.seq + 1, pick.text(m.name, m.en, "name"), pick.text(m.source, m.en, "source"),
                                 m.originals, m.copies, m.medium, m.required, pick.text(m.condition, m.en, "condition"),
                                 pick.text(m.notes, m.en, "notes"), m.blank_form, m.sample)
                    for m in item.materials
                ),
                statutory_limit=item.statutory_limit, statutory_unit=item.statutory_unit,
                statutory_note=own("statutory_note"), promised_limit=item.promised_limit,
                promised_unit=item.promised_unit, promised_note=own("promised_note"),
                case_type=item.case_type, fee_charged=item.fee_charged,
                fee_standard=own("fee_standard"),
                fee_basis=own("fee_basis"), result_name=own("result_name"), result_sample=own("result_sample"),
                result_delivery=own("result_delivery"), online=item.online, online_url=item.online_url,
                appointment=item.appointment, payment=item.payment, express=item.express,
                channels=tuple(item.channels), visits=item.visits, post=post,
                location=own("location") or _post_place(post, self.language) or of_dept("location"),
                hours=own("hours") or (post.hours if post else "") or of_dept("hours") or of_hall("hours"),
                consult_phone=own("consult_phone") or (post.phone if post else "") or of_dept("phone")
                or of_hall("consult_phone"),
                complaint_phone=own("complaint_phone") or of_hall("complaint_phone"),
                rights=own("rights"),
                steps=tuple(StepView(s.seq + 1, pick.text(s.step, s.en, "step"), pick.text(s.post, s.en, "post"),
                                     pick.text(s.time, s.en, "time"), pick.text(s.description, s.en, "description"))
                            for s in item.steps),
                faq=tuple(NamedText(pick.text(f["q"], f.get("en"), "q"), pick.text(f["a"], f.get("en"), "a"))
                          for f in item.faq),
                keywords=pick.texts(item.keywords, en, "keywords", shown=False),
            )
            return replace(guide, translated=pick.translated)

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
        english = self.language == "en"
        query = (select(Form.key, Form.name, Form.kind, Form.item_code, Item.name, Form.material_name, Form.path,
                        Form.en, func.json_extract(Item.en, "$.name") if english else Item.name)
                 .join(Item, Item.code == Form.item_code).order_by(Item.seq, Form.seq))
        if code is not None:
            query = query.where(Form.item_code == code)
        with self._session() as session:
            rows = session.execute(query).all()
        if not english:
            return [FormView(*row[:7]) for row in rows]
        return [FormView(key, (en or {}).get("name") or name, kind, item_code, en_item or item_name,
                         (en or {}).get("material_name") or material, path)
                for key, name, kind, item_code, item_name, material, path, en, en_item in rows]

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
            return [_to_post_view(p, names, self._pick()) for p in rows]

    def post(self, code: str) -> PostDetail:
        with self._session() as session:
            view = self._post_view(session, code)
        return PostDetail(view, tuple(self.items_by_post(code)))

    def _post_view(self, session: Session, code: str) -> PostView:
        post = session.scalar(select(Post).where(Post.code == code).options(selectinload(Post.staff)))
        if post is None:
            raise NotFound(code)
        return _to_post_view(post, self._dept_names(session), self._pick())

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
            label = Text(QT_TRANSLATE_NOOP("VisitorTexts", "%1年%2月"), today.year, today.month)
        elif period == "year":
            months = [f"{today.year:04d}-{m:02d}" for m in range(1, 13)]
            label = Text(QT_TRANSLATE_NOOP("VisitorTexts", "%1年"), today.year)
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
            name = Picker(self.language).text(post.name, post.en, "name")
            if not post.window:
                return name
            return Text(QT_TRANSLATE_NOOP("VisitorTexts", "%1号窗口 %2"), post.window, name)

        ordered = sorted(by_department.items(), key=lambda kv: (dept_seq.get(kv[0], 999), kv[0]))
        no_department = QT_TRANSLATE_NOOP("VisitorTexts", "未注明部门")
        departments = [tally.row(code, names.get(code, code or no_department)) for code, tally in ordered]
        post_rows = [tally.row(code, post_name(code)) for code, tally in
                     sorted(by_post.items(), key=lambda kv: (_window_number(posts.get(kv[0])), kv[0]))]
        everyone = overall.row("", QT_TRANSLATE_NOOP("VisitorTexts", "全部"))
        return RatingResults(label, updated, everyone, departments, post_rows)

    # -- search feed -----------------------------------------------------------------------------------
    def search_entries(self) -> list[SearchEntry]:
        """Every item as the search index needs it: in Chinese with its English, whatever the language."""
        with self._session() as session:
            table = self._dept_table(session)
            names, en_names = table["zh"], table["en"]
            windows = dict(session.execute(select(Post.code, Post.window)).all())
            topic_names = {code: (name, (en or {}).get("name") or "")
                           for code, name, en in session.execute(select(Topic.code, Topic.name, Topic.en))}
            topics_of: dict[str, list[tuple[str, str]]] = {}
            for item_code, topic_code in session.execute(select(ItemTopic.item_code, ItemTopic.topic_code)):
                topics_of.setdefault(item_code, []).append(topic_names.get(topic_code, ("", "")))
            rows = session.execute(
                select(Item.code, Item.impl_code, Item.name, Item.department_code, Item.keywords,
                       Item.post_code, func.json_extract(Item.en, "$.name"),
                       func.json_extract(Item.en, "$.keywords")).order_by(Item.seq)
            ).all()
            entries = []
            for code, impl, name, dept, keywords, post, en_name, en_keywords in rows:
                topics = topics_of.get(code, [])
                en_department = en_names.get(dept, "")
                entries.append(SearchEntry(
                    code=code, impl_code=impl, name=name, department_name=names.get(dept, ""),
                    keywords=tuple(keywords or ()), topic_names=tuple(zh for zh, _ in topics),
                    window=window_label(windows.get(post) or ""), en_name=en_name or "",
                    en_department_name=en_department if en_department != names.get(dept, "") else "",
                    en_keywords=tuple(json.loads(en_keywords)) if en_keywords else (),
                    en_topic_names=tuple(en or zh for zh, en in topics) if any(en for _, en in topics) else (),
                ))
            return entries


def _post_place(post: PostView | None, language: str = "zh") -> str:
    if post is None:
        return ""
    if language == "en":
        # an English address says the floor and window itself ("Window 7, Public Service Hall, ground
        # floor"); the composed "7号窗口" label would stay Chinese inside a plain text
        return post.address or post.floor
    parts = [post.floor, post.address, post.window_label if post.window_label not in post.address else ""]
    return " ".join(p for p in parts if p)


def _to_post_view(post: Post, department_names: dict[str, str], pick: Picker) -> PostView:
    en = post.en
    department_name = department_names.get(post.department_code, "")
    if pick.english and has_chinese(department_name):
        pick.part(False)
    texts = {k: pick.text(getattr(post, k), en, k)
             for k in ("name", "work_items", "contact", "phone", "address", "floor", "hours")}
    staff = tuple(StaffView(pick.text(s.name, s.en, "name"), s.number, pick.text(s.role, s.en, "role"), s.photo)
                  for s in post.staff)
    return PostView(
        code=post.code, department_code=post.department_code, department_name=department_name,
        post_type=post.post_type, seq=post.seq, url=post.url, window=post.window, staff=staff,
        translated=pick.translated, **texts,
    )


def _hall_view(hall: Hall, revision: str, pick: Picker) -> HallView:
    def entries(rows: list[Any], key: str, value: str) -> tuple[NamedText, ...]:
        return tuple(NamedText(pick.text(r[key], r.get("en"), key), pick.text(r[value], r.get("en"), value))
                     for r in rows)

    en = hall.en
    return HallView(
        department=pick.text(hall.department, en, "department"), name=pick.text(hall.name, en, "name"),
        address=pick.text(hall.address, en, "address"), hours=pick.text(hall.hours, en, "hours"),
        consult_phone=pick.text(hall.consult_phone, en, "consult_phone"),
        complaint_phone=pick.text(hall.complaint_phone, en, "complaint_phone"), portal_url=hall.portal_url,
        complaint_channels=entries(hall.complaint_channels, "name", "contact"),
        floors=entries(hall.floors, "name", "windows"),
        demo=hall.demo, revision=revision, translated=pick.translated,
    )
