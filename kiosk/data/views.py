"""Plain, frozen objects that screens receive from :mod:`kiosk.data.catalog`.

Screens never see ORM rows or sessions: what they hold cannot change under them or lazily hit
the database from the UI thread.

Views are in the catalogue's content language (:meth:`kiosk.data.catalog.Catalog.set_language`): in
English, every text the content gives in English is English and the rest stays Chinese (never empty).
A view of a whole thing says whether it is ``translated``: always in Chinese; in English only when no
Chinese text is left in it for want of English. Values of the format's fixed vocabularies (item types,
time-limit units, post types, media, channels …) stay Chinese in every language: screens compare them
and show them in the UI language (:func:`kiosk.i18n.visitor_text`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kiosk.texts import QT_TRANSLATE_NOOP, Duration, Text


def window_label(window: str) -> str:
    """"3号窗口" (a :class:`~kiosk.texts.Text`, translated where shown), "" without a window."""
    return Text(QT_TRANSLATE_NOOP("VisitorTexts", "%1号窗口"), window) if window else ""


def promised_label(limit: int, unit: str) -> str:
    """"15个工作日" (a :class:`~kiosk.texts.Duration`, shown with kiosk.i18n.visitor_text)."""
    return Duration(limit, unit)


@dataclass(frozen=True)
class NamedText:
    name: str
    text: str


@dataclass(frozen=True)
class HallView:
    department: str
    name: str
    address: str
    hours: str
    consult_phone: str
    complaint_phone: str
    portal_url: str
    complaint_channels: tuple[NamedText, ...]
    floors: tuple[NamedText, ...]
    demo: bool
    revision: str
    translated: bool = True


@dataclass(frozen=True)
class TopicView:
    code: str
    name: str
    description: str
    item_count: int
    translated: bool = True


@dataclass(frozen=True)
class DepartmentView:
    code: str
    name: str
    duty: str
    location: str
    phone: str
    hours: str
    item_count: int
    post_count: int
    translated: bool = True


@dataclass(frozen=True)
class ItemSummary:
    code: str
    name: str
    item_type: str
    department_name: str
    window: str  # "3号窗口", or "" when the item has no window in the hall
    visits: str
    online: bool
    promised: str  # "15个工作日"
    translated: bool = True


@dataclass(frozen=True)
class StaffView:
    name: str
    number: str
    role: str
    photo: str  # absolute path or ""


@dataclass(frozen=True)
class PostView:
    code: str
    department_code: str
    department_name: str
    post_type: str
    seq: int
    name: str
    work_items: str
    contact: str
    phone: str
    address: str
    url: str
    window: str
    floor: str
    hours: str
    staff: tuple[StaffView, ...]
    translated: bool = True

    @property
    def window_label(self) -> str:
        return window_label(self.window)


@dataclass(frozen=True)
class PostDetail:
    post: PostView
    items: tuple[ItemSummary, ...]

    @property
    def translated(self) -> bool:
        """The post and the names of its items are all in the view's language."""
        return self.post.translated and all(item.translated for item in self.items)


@dataclass(frozen=True)
class BasisView:
    law: str
    articles: str
    text: str


@dataclass(frozen=True)
class MaterialView:
    seq: int
    name: str
    source: str
    originals: int
    copies: int
    medium: str
    required: bool
    condition: str
    notes: str
    blank_form: str
    sample: str


@dataclass(frozen=True)
class FormView:
    """A PDF form (表格, blank) or sample text (示范文本) a visitor can preview, print or take away."""

    key: str  # the file's sha256: stable across syncs (one file attached to two items has one key)
    name: str  # e.g. "排污许可证申请表"
    kind: str  # "表格" (blank form) or "示范文本" (sample)
    item_code: str
    item_name: str
    material_name: str  # "" when attached to the item itself
    path: str  # absolute path of the PDF on this kiosk


@dataclass(frozen=True)
class StepView:
    seq: int
    step: str
    post: str
    time: str
    description: str


@dataclass(frozen=True)
class ItemGuide:
    """Everything a service guide shows for one item, defaults already resolved."""

    code: str
    impl_code: str
    name: str
    item_type: str
    department_code: str
    department_name: str
    topics: tuple[str, ...]
    summary: str
    body_name: str
    body_credit_code: str
    body_nature: str
    handling_org: str
    joint_departments: str
    level: str
    service_objects: tuple[str, ...]
    basis: tuple[BasisView, ...]
    conditions: str
    quantity_limit: str
    intermediary: str
    special_procedures: str
    materials: tuple[MaterialView, ...]
    statutory_limit: int
    statutory_unit: str
    statutory_note: str
    promised_limit: int
    promised_unit: str
    promised_note: str
    case_type: str
    fee_charged: bool
    fee_standard: str
    fee_basis: str
    result_name: str
    result_sample: str
    result_delivery: str
    online: bool
    online_url: str
    appointment: bool
    payment: bool
    express: bool
    channels: tuple[str, ...]
    visits: str
    post: PostView | None
    location: str
    hours: str
    consult_phone: str
    complaint_phone: str
    rights: str
    steps: tuple[StepView, ...]
    faq: tuple[NamedText, ...]
    keywords: tuple[str, ...]
    translated: bool = True


@dataclass(frozen=True)
class CommitmentGroupView:
    name: str
    entries: tuple[NamedText, ...]
    translated: bool = True


@dataclass(frozen=True)
class SearchEntry:
    """One item as the search index sees it: in Chinese, with the English the content gives (the index
    finds an item by either; :meth:`shown` gives the entry as an English list shows it)."""

    code: str
    impl_code: str
    name: str
    department_name: str
    keywords: tuple[str, ...]
    topic_names: tuple[str, ...]
    window: str
    en_name: str = ""
    en_department_name: str = ""
    en_keywords: tuple[str, ...] = ()
    en_topic_names: tuple[str, ...] = ()

    def shown(self, language: str) -> SearchEntry:
        """The entry with its English texts in place of the Chinese ones (where given) in English."""
        if language != "en" or not (self.en_name or self.en_department_name or self.en_keywords
                                    or self.en_topic_names):
            return self
        return replace(self, name=self.en_name or self.name,
                       department_name=self.en_department_name or self.department_name,
                       keywords=self.en_keywords or self.keywords, topic_names=self.en_topic_names or self.topic_names)


@dataclass(frozen=True)
class FeedbackStatusView:
    code: str
    status: str
    reply: str
    received_at: str
    replied_at: str
    closed_at: str
    due_date: str = ""


@dataclass(frozen=True)
class ResultRow:
    """Rating figures of one department or window post (or all of them) over a period."""

    code: str
    name: str
    total: int  # ratings counted; repeated presses are not
    per_level: tuple[int, int, int, int, int]  # counts of levels 1..5 (repeated presses not included)
    satisfaction: float | None  # levels 1–3 over total; None without ratings
    bad: int  # levels 4–5
    bad_answered: int  # of those, followed up by the office
    repeated: int  # repeated presses, shown apart

    @property
    def answered_share(self) -> float | None:
        return self.bad_answered / self.bad if self.bad else None


@dataclass(frozen=True)
class RatingResults:
    period_label: str  # "2026年11月" / "2026年"
    updated_at: str  # when the figures came from the office, "" = never
    overall: ResultRow
    departments: list[ResultRow]
    posts: list[ResultRow]
