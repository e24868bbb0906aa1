"""The content model: SQLAlchemy 2 typed ORM tables of the local content cache.

The same tables describe the content in the office database (issue 3 adds the office-only
tables in ``sync/``). Field names follow GB/T 39046's service-item data set; the comments give the
Chinese names. List-valued fields that are only ever shown, never queried, are kept as JSON.

What the content gives in English is kept beside the Chinese, as a JSON column ``en`` of the same
field names (an item's also holds the English of its nested fields under the item's column names,
``fee_standard``, ``body_name``…); the English of the entries of a JSON list column (basis, FAQ,
complaint channels, floors) is in each entry's own ``en``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: Bump when the cache tables change; a cache of another version is rebuilt.
SCHEMA_VERSION = 5


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Meta(Base):
    """Key/value facts about the cache: content revision, source, load time."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Hall(Base):
    """The hall itself: one row."""

    __tablename__ = "hall"
    id: Mapped[int] = mapped_column(primary_key=True)
    department: Mapped[str] = mapped_column(Text)  # 厅/局
    name: Mapped[str] = mapped_column(Text)  # 便民服务厅
    address: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(Text, default="")
    consult_phone: Mapped[str] = mapped_column(Text, default="")
    complaint_phone: Mapped[str] = mapped_column(Text, default="")
    portal_url: Mapped[str] = mapped_column(Text, default="")
    complaint_channels: Mapped[list[Any]] = mapped_column(default=list)  # [{name, contact}]
    floors: Mapped[list[Any]] = mapped_column(default=list)  # [{name, windows}]
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields


class CommitmentGroup(Base):
    __tablename__ = "commitment_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields
    entries: Mapped[list[Commitment]] = relationship(
        back_populates="group", order_by="Commitment.seq", cascade="all, delete-orphan"
    )


class Commitment(Base):
    __tablename__ = "commitment"
    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("commitment_group.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields
    group: Mapped[CommitmentGroup] = relationship(back_populates="entries")


class Department(Base):
    __tablename__ = "department"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    duty: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(Text, default="")
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields


class Topic(Base):
    __tablename__ = "topic"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields


class Post(Base):
    """A row of Attachment 3 (窗口岗位设置情况表)."""

    __tablename__ = "post"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    department_code: Mapped[str] = mapped_column(ForeignKey("department.code"), index=True)
    post_type: Mapped[str] = mapped_column(String(16))  # 服务大厅 / 网络平台 / 窗口岗位
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    work_items: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    window: Mapped[str] = mapped_column(Text, default="")
    floor: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(Text, default="")
    staff: Mapped[list[Staff]] = relationship(order_by="Staff.seq", cascade="all, delete-orphan")
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_code: Mapped[str] = mapped_column(ForeignKey("post.code"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    number: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    photo: Mapped[str] = mapped_column(Text, default="")  # absolute path, checked at load
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields


class Item(Base):
    """A service item (服务事项) with every GB/T 39046 element the kiosk shows."""

    __tablename__ = "item"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)  # 基本编码
    seq: Mapped[int] = mapped_column(Integer, index=True)
    impl_code: Mapped[str] = mapped_column(Text, default="")  # 实施编码
    name: Mapped[str] = mapped_column(Text)  # 事项名称
    item_type: Mapped[str] = mapped_column(Text)  # 事项类型
    department_code: Mapped[str] = mapped_column(ForeignKey("department.code"), index=True)
    post_code: Mapped[str | None] = mapped_column(ForeignKey("post.code"), index=True, default=None)
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    body_name: Mapped[str] = mapped_column(Text, default="")  # 实施主体
    body_credit_code: Mapped[str] = mapped_column(Text, default="")  # 统一社会信用代码
    body_nature: Mapped[str] = mapped_column(Text, default="")  # 实施主体性质
    handling_org: Mapped[str] = mapped_column(Text, default="")  # 承办机构
    joint_departments: Mapped[str] = mapped_column(Text, default="")  # 共同实施部门
    level: Mapped[str] = mapped_column(Text, default="")  # 行使层级
    service_objects: Mapped[list[Any]] = mapped_column(default=list)  # 服务对象
    basis: Mapped[list[Any]] = mapped_column(default=list)  # 设定依据 [{law, articles, text}]
    conditions: Mapped[str] = mapped_column(Text, default="")  # 受理条件
    quantity_limit: Mapped[str] = mapped_column(Text, default="")  # 数量限制
    intermediary: Mapped[str] = mapped_column(Text, default="")  # 中介服务
    special_procedures: Mapped[str] = mapped_column(Text, default="")  # 特别程序
    statutory_limit: Mapped[int] = mapped_column(Integer)  # 法定办结时限
    statutory_unit: Mapped[str] = mapped_column(Text)
    statutory_note: Mapped[str] = mapped_column(Text, default="")
    promised_limit: Mapped[int] = mapped_column(Integer)  # 承诺办结时限
    promised_unit: Mapped[str] = mapped_column(Text)
    promised_note: Mapped[str] = mapped_column(Text, default="")
    case_type: Mapped[str] = mapped_column(Text, default="")  # 办件类型
    fee_charged: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否收费
    fee_standard: Mapped[str] = mapped_column(Text, default="")
    fee_basis: Mapped[str] = mapped_column(Text, default="")
    result_name: Mapped[str] = mapped_column(Text, default="")  # 结果名称
    result_sample: Mapped[str] = mapped_column(Text, default="")
    result_delivery: Mapped[str] = mapped_column(Text, default="")  # 结果送达
    online: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否网办
    online_url: Mapped[str] = mapped_column(Text, default="")
    appointment: Mapped[bool] = mapped_column(Boolean, default=False)
    payment: Mapped[bool] = mapped_column(Boolean, default=False)
    express: Mapped[bool] = mapped_column(Boolean, default=False)
    channels: Mapped[list[Any]] = mapped_column(default=list)  # 办理形式
    visits: Mapped[str] = mapped_column(Text, default="")  # 到现场次数 0/1/2/多次
    location: Mapped[str] = mapped_column(Text, default="")  # 办理地点
    hours: Mapped[str] = mapped_column(Text, default="")  # 办理时间
    consult_phone: Mapped[str] = mapped_column(Text, default="")
    complaint_phone: Mapped[str] = mapped_column(Text, default="")
    rights: Mapped[str] = mapped_column(Text, default="")  # 申请人权利和义务
    faq: Mapped[list[Any]] = mapped_column(default=list)  # [{q, a}]
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields
    materials: Mapped[list[Material]] = relationship(
        order_by="Material.seq", cascade="all, delete-orphan"
    )
    steps: Mapped[list[FlowStep]] = relationship(order_by="FlowStep.seq", cascade="all, delete-orphan")
    forms: Mapped[list[Form]] = relationship(order_by="Form.seq", cascade="all, delete-orphan")


class ItemTopic(Base):
    __tablename__ = "item_topic"
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), primary_key=True)
    topic_code: Mapped[str] = mapped_column(ForeignKey("topic.code"), primary_key=True, index=True)


class Material(Base):
    __tablename__ = "material"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, default="")  # 出具机构
    originals: Mapped[int] = mapped_column(Integer, default=0)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    medium: Mapped[str] = mapped_column(Text, default="纸质")
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    condition: Mapped[str] = mapped_column(Text, default="")  # needed only when …
    notes: Mapped[str] = mapped_column(Text, default="")
    blank_form: Mapped[str] = mapped_column(Text, default="")
    sample: Mapped[str] = mapped_column(Text, default="")
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields


class Form(Base):
    """A PDF form (表格, blank) or sample text (示范文本) of an item: attached to the item itself or to
    one of its materials (``material_name``; the material's ``blank_form``/``sample``)."""

    __tablename__ = "form"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # item forms first, then the materials' in their order
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)  # 表格 / 示范文本
    material_name: Mapped[str] = mapped_column(Text, default="")
    key: Mapped[str] = mapped_column(Text)  # the file's sha256
    path: Mapped[str] = mapped_column(Text)  # absolute path on this kiosk
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields


class FlowStep(Base):
    __tablename__ = "flow_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("item.code"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(Text)
    post: Mapped[str] = mapped_column(Text, default="")
    time: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    en: Mapped[dict[str, Any]] = mapped_column(default=dict)  # English of the shown fields


class FeedbackStatus(Base):
    """What the office says about a piece of feedback, by tracking code only: never who sent it or what
    it said (that stays in the office and, until confirmed, in the sending kiosk's outbox)."""

    __tablename__ = "feedback_status"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(Text)
    reply: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[str] = mapped_column(Text, default="")
    replied_at: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[str] = mapped_column(Text, default="")  # promised reply date, YYYY-MM-DD


class RatingSummary(Base):
    """The office's rating counts of every kiosk, by month, department, window post, level and whether
    the press was a repeat (for the public results screen; no record-level data reaches a kiosk)."""

    __tablename__ = "rating_summary"
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM, the rating kiosk's local time
    department_code: Mapped[str] = mapped_column(Text, default="")
    post_code: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[int] = mapped_column(Integer)
    repeated: Mapped[bool] = mapped_column(Boolean, default=False)
    n: Mapped[int] = mapped_column(Integer)
    answered: Mapped[int] = mapped_column(Integer, default=0)  # of these, followed up by the office


class RatedCase(Base):
    """Case numbers (办件编号) already rated at any kiosk: a case is rated once."""

    __tablename__ = "rated_case"
    case_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[str] = mapped_column(Text, default="")
