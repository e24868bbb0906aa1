"""Public rating results (评价结果公示): this month or this year, per department and per window post.

For the whole hall and for each department and window post: the number of ratings, the share of
each level as a painted bar, 满意率 (非常满意 + 满意 + 基本满意 over all ratings) large, and how many
差评 the office has answered. Repeated presses (the same window rated again within seconds, or a
burst) are not counted and are shown apart in a small grey line. The figures are the office's, as
last synced ("数据更新于 …"). Key: ``None`` or ``"month"`` / ``"year"``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.data.visitor_rules import LEVELS
from kiosk.i18n import visitor_text
from kiosk.screens.base import Screen
from kiosk.screens.post_detail import wrapping
from kiosk.store import ContentStore
from kiosk.ui import metrics
from kiosk.widgets.bar_chart import LevelColumns, LevelLegend, StackedLevelBar, percent
from kiosk.widgets.common import ScrollPage, clear_layout, text_label

if TYPE_CHECKING:
    from kiosk.data.views import RatingResults, ResultRow

WORDS = tuple(word for _, word in LEVELS)
PERIODS = ("month", "year")


def satisfaction_text(value: float | None) -> str:
    """96.2%, 100%, 50% — or a dash without ratings."""
    if value is None:
        return "—"
    text = f"{value * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


def answered_text(row: ResultRow) -> str:
    """How many 差评 the office has answered, with the share."""
    if not row.bad:
        return QCoreApplication.translate("ResultsScreen", "无差评")
    share = row.bad_answered / row.bad
    return (QCoreApplication.translate("ResultsScreen", "差评 %1 次，已回复 %2 次（%3）").replace("%1", str(row.bad))
            .replace("%2", str(row.bad_answered)).replace("%3", percent(share)))


def repeated_text(row: ResultRow) -> str:
    if not row.repeated:
        return ""
    return QCoreApplication.translate("ResultsScreen", "另有重复点按 %1 次，未计入").replace("%1", str(row.repeated))


def count_text(row: ResultRow) -> str:
    return QCoreApplication.translate("ResultsScreen", "评价 %1 次").replace("%1", str(row.total))


def updated_text(stamp: str) -> str:
    """"2026-11-05 14:30" from the ISO stamp (as given when it cannot be read)."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return moment.strftime("%Y-%m-%d %H:%M")


class ResultCard(QFrame):
    """One department or window post: name and count, the level bar, 满意率, 差评 answered, repeats."""

    def __init__(self, row: ResultRow, *, landscape: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultCard")
        self.row = row
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 18, 24, 18)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(8)
        self.name_label = wrapping(text_label(visitor_text(row.name), "ResultName", content=True))
        self.count_label = text_label(count_text(row), "ResultCount", wrap=False)
        self.bar = StackedLevelBar()
        self.bar.set_counts(row.per_level, WORDS)
        self.satisfaction_label = text_label(satisfaction_text(row.satisfaction), "ResultRate", wrap=False)
        self.satisfaction_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.satisfaction_caption = text_label(self.tr("满意率"), "ResultRateCaption", wrap=False)
        self.satisfaction_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.answered_label = wrapping(text_label(answered_text(row), "ResultAnswered"))
        self.repeated_label = wrapping(text_label(repeated_text(row), "ResultRepeated"))
        self.repeated_label.setVisible(bool(row.repeated))
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.name_label)
        names.addWidget(self.count_label)
        rate = QVBoxLayout()
        rate.setSpacing(0)
        rate.addWidget(self.satisfaction_label)
        rate.addWidget(self.satisfaction_caption)
        if landscape:
            # name | bar (answered and repeats under it) | 满意率
            names_box = QWidget()
            names_box.setLayout(names)
            names_box.setFixedWidth(metrics().px(430))
            grid.addWidget(names_box, 0, 0, 2, 1, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(self.bar, 0, 1, Qt.AlignmentFlag.AlignBottom)
            under = QVBoxLayout()
            under.setSpacing(0)
            under.addWidget(self.answered_label)
            under.addWidget(self.repeated_label)
            grid.addLayout(under, 1, 1)
            grid.addLayout(rate, 0, 2, 2, 1)
            grid.setColumnStretch(1, 1)
        else:
            grid.addLayout(names, 0, 0)
            grid.addLayout(rate, 0, 1)
            grid.addWidget(self.bar, 1, 0, 1, 2)
            grid.addWidget(self.answered_label, 2, 0, 1, 2)
            grid.addWidget(self.repeated_label, 3, 0, 1, 2)
            grid.setColumnStretch(0, 1)


class OverallCard(QFrame):
    """The whole hall: 满意率 very large, the count, the five levels as columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultOverall")
        self.layout_box = QHBoxLayout(self)
        self.layout_box.setContentsMargins(32, 24, 32, 24)
        self.layout_box.setSpacing(40)
        figures = QVBoxLayout()
        figures.setSpacing(6)
        figures.addWidget(text_label(self.tr("总体满意率"), "ResultOverallCaption", wrap=False))
        self.satisfaction_label = text_label("", "ResultOverallRate", wrap=False)
        figures.addWidget(self.satisfaction_label)
        self.count_label = text_label("", "ResultOverallCount", wrap=False)
        figures.addWidget(self.count_label)
        self.answered_label = wrapping(text_label("", "ResultAnswered"))
        figures.addWidget(self.answered_label)
        self.repeated_label = wrapping(text_label("", "ResultRepeated"))
        figures.addWidget(self.repeated_label)
        figures.addStretch(1)
        self.figures = QWidget()
        self.figures.setLayout(figures)
        self.figures.setMinimumWidth(metrics().px(470))
        self.layout_box.addWidget(self.figures)
        self.columns = LevelColumns()
        self.layout_box.addWidget(self.columns, 1)

    def show_row(self, row: ResultRow) -> None:
        self.row = row
        self.satisfaction_label.setText(satisfaction_text(row.satisfaction))
        self.count_label.setText(self.tr("共 %1 次评价").replace("%1", str(row.total)))
        self.answered_label.setText(answered_text(row))
        self.repeated_label.setText(repeated_text(row))
        self.repeated_label.setVisible(bool(row.repeated))
        self.columns.set_counts(row.per_level, WORDS)

    def set_landscape(self, landscape: bool) -> None:
        self.layout_box.setDirection(QHBoxLayout.Direction.LeftToRight if landscape
                                     else QHBoxLayout.Direction.TopToBottom)


class ResultsScreen(Screen):
    name = "results"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.period = "month"
        self.results: RatingResults | None = None
        self.department_cards: dict[str, ResultCard] = {}
        self.post_cards: dict[str, ResultCard] = {}
        self._landscape = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        header = QHBoxLayout()
        header.setContentsMargins(40, 24, 40, 8)
        header.setSpacing(24)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        titles.addWidget(text_label(self.tr("评价结果公示"), "ScreenTitle"))
        self.period_label = text_label("", "ResultPeriod")
        titles.addWidget(self.period_label)
        header.addLayout(titles, 1)
        self.period_buttons: dict[str, QPushButton] = {}
        self.period_group = QButtonGroup(self)
        self.period_group.setExclusive(True)
        toggle = QHBoxLayout()
        toggle.setSpacing(0)
        for period, text in (("month", self.tr("本月")), ("year", self.tr("本年"))):
            button = QPushButton(text)
            button.setObjectName("PeriodButton")
            button.setProperty("side", "left" if period == "month" else "right")
            button.setCheckable(True)
            button.setMinimumWidth(metrics().px(170))
            button.clicked.connect(lambda _=False, p=period: self.show_period(p))
            self.period_group.addButton(button)
            toggle.addWidget(button)
            self.period_buttons[period] = button
        header.addLayout(toggle)
        outer.addLayout(header)

        self.page = ScrollPage(spacing=16, margins=40)
        outer.addWidget(self.page, 1)
        column = self.page.column
        self.overall = OverallCard()
        column.addWidget(self.overall)
        self.legend = LevelLegend()
        self.legend.set_counts((0, 0, 0, 0, 0), WORDS)
        column.addWidget(self.legend)
        self.departments_title = text_label(self.tr("各部门"), "SectionTitle")
        column.addWidget(self.departments_title)
        self.department_list = QVBoxLayout()
        self.department_list.setSpacing(12)
        column.addLayout(self.department_list)
        self.posts_title = text_label(self.tr("各窗口"), "SectionTitle")
        column.addWidget(self.posts_title)
        self.post_list = QVBoxLayout()
        self.post_list.setSpacing(12)
        column.addLayout(self.post_list)
        self.empty = wrapping(text_label("", "Empty"))
        self.empty.hide()
        column.addWidget(self.empty)
        column.addWidget(wrapping(text_label(self.tr(
            "满意率 =（非常满意 + 满意 + 基本满意）÷ 评价次数。同一窗口在几秒内被连续评价等重复点按，"
            "单独列出，不计入评价次数和满意率。差评（不满意、非常不满意）由相关部门核实、整改并回复。"),
            "ResultFootnote")))
        column.addStretch(1)

    # -- screen API --------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        self.show_period(key if key in PERIODS else "month")
        self.page.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        if self.results is not None:
            self.show_period(self.period)

    def reset(self) -> None:
        self.period = "month"

    # -- content -------------------------------------------------------------------------------------------
    def show_period(self, period: str) -> None:
        self.period = period
        self.period_buttons[period].setChecked(True)
        catalog = self.store.catalog
        if catalog is None:
            return
        self.results = catalog.rating_results(period, date.today())
        self._show(self.results)

    def _show(self, results: RatingResults) -> None:
        updated = updated_text(results.updated_at)
        self.period_label.setText(
            visitor_text(results.period_label) + self.tr("　·　")
            + (self.tr("数据更新于 %1").replace("%1", updated) if updated else self.tr("尚未收到办公室的汇总数据")))
        self.overall.show_row(results.overall)
        self.overall.set_landscape(self._landscape)
        self.department_cards = self._fill(self.department_list, results.departments)
        self.post_cards = self._fill(self.post_list, results.posts)
        self.departments_title.setVisible(bool(results.departments))
        self.posts_title.setVisible(bool(results.posts))
        nothing = not results.overall.total and not results.overall.repeated
        self.empty.setText(self.tr("%1还没有评价。").replace("%1", visitor_text(results.period_label)))
        self.empty.setVisible(nothing)

    def _fill(self, layout: QVBoxLayout, rows: list[ResultRow]) -> dict[str, ResultCard]:
        clear_layout(layout)
        cards: dict[str, ResultCard] = {}
        for row in rows:
            card = ResultCard(row, landscape=self._landscape)
            layout.addWidget(card)
            cards[row.code] = card
        return cards

    def shown_texts(self, card: ResultCard | OverallCard) -> dict[str, str]:
        """The figures a visitor reads on a card (for tests and review)."""
        labels: dict[str, QLabel] = {"count": card.count_label, "satisfaction": card.satisfaction_label,
                                     "answered": card.answered_label, "repeated": card.repeated_label}
        return {key: "" if label.isHidden() else label.text() for key, label in labels.items()}

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            if self.results is not None:
                self._show(self.results)
