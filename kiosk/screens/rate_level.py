"""Rating, step 2: five large faces with their words; one tap rates.

Key: ``{"post_code": ..., "case_no": ..., "item_code": ...}`` (any may be None). The tap commits the
rating durably (``store.submissions.add_rating``). A good level (非常满意, 满意, 基本满意) is finished
at once and the thanks screen follows; a bad one (不满意, 非常不满意) goes on to the optional reasons,
where the visitor can also skip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.data.visitor_rules import BAD_LEVELS, LEVELS
from kiosk.i18n import visitor_text
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.widgets.common import text_label
from kiosk.widgets.faces import FaceRow
from kiosk.widgets.read_aloud import ReadAloudButton, SpokenSummary


class RateLevelScreen(Screen):
    name = "rate_level"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.key: dict[str, Any] = {}
        self._busy = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 28, 48, 32)
        outer.setSpacing(20)
        self.rated_label = text_label("", "RateWhat", content=True)  # may name a window post
        outer.addWidget(self.rated_label)
        self.question = text_label(self.tr("您对这次服务满意吗？"), "RateQuestion")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.question)
        self.faces = FaceRow(LEVELS)
        self.faces.chosen.connect(self.choose)
        outer.addWidget(self.faces, 1)
        self.message = text_label("", "RateMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        outer.addWidget(self.message)
        note_row = QHBoxLayout()
        self.note = text_label(self.tr("点按一个表情即完成评价。评价不记名，工作人员看不到您的选择。"), "RateNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note_row.addWidget(self.note, 1)
        self.read_aloud = ReadAloudButton(store, self.spoken_summary)
        note_row.addWidget(self.read_aloud, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(note_row)

    # -- screen API --------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        self.key = dict(key) if isinstance(key, dict) else {}
        self._busy = False
        self.message.hide()
        self.rated_label.setText(self._what())

    def reset(self) -> None:
        self.key = {}
        self._busy = False
        self.message.hide()

    def spoken_summary(self) -> str:
        """What 朗读 reads: what is rated, the question, the five choices."""
        words = [button.word for button in self.faces.buttons.values()]
        return SpokenSummary().question([self.rated_label.text(), self.question.text(), self.note.text()], words)

    def _what(self) -> str:
        """What is being rated, in words: the window and its name, the case number, or the hall."""
        parts = []
        post_code = self.key.get("post_code")
        catalog = self.store.catalog
        if post_code and catalog is not None:
            from kiosk.data.catalog import NotFound

            try:
                post = catalog.post(post_code).post
            except NotFound:
                post = None
            if post is not None:
                parts.append(f"{visitor_text(post.window_label)} {post.name}".strip())
        case_no = self.key.get("case_no")
        if case_no:
            parts.append(self.tr("办件编号 %1").replace("%1", case_no))
        if not parts:
            return self.tr("您正在评价：本大厅的服务")
        return self.tr("您正在评价：") + self.tr("　").join(parts)

    # -- the tap -------------------------------------------------------------------------------------------
    def choose(self, level: int) -> None:
        if self._busy:  # a second finger on another face while the first tap is handled
            return
        submissions = self.store.submissions
        if submissions is None:
            self._say(self.tr("暂时无法评价，请稍后再试"))
            return
        from kiosk.data.submissions import InputInvalid, RatingInput

        self._busy = True
        try:
            receipt = submissions.add_rating(RatingInput(level, self.key.get("post_code"), self.key.get("case_no"),
                                                         self.key.get("item_code")))
        except InputInvalid as invalid:
            self._busy = False
            self._say(self.tr("；").join(visitor_text(p.message) for p in invalid.problems))
            return
        if level in BAD_LEVELS:
            self.navigate.emit("rate_details", {"uuid": receipt.uuid, "level": level, "repeated": receipt.repeated})
            return
        submissions.finish_rating(receipt.uuid)
        self.store.record_submitted()
        self.navigate.emit("rate_thanks", {"level": level, "repeated": receipt.repeated})

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.faces.set_vertical(self.width() < self.height())
