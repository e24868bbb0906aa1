"""The "朗读" button of item pages, window-post pages and the rating screens, and what they read.

:class:`ReadAloudButton` asks its screen for the text when tapped (a callable, the screen's
``spoken_summary``) and has the kiosk's :class:`~kiosk.speech.Speaker` speak it: the button reads
"朗读" with a loudspeaker, "正在准备朗读…" while the speech engine is made (the first time only),
"停止" while it speaks (a tap stops it), and says why when speech is not available ("本机未安装语音
朗读" …) instead of doing nothing. Leaving the screen stops the speech (the button's hide event).

The icons are painted: no font on the kiosk has the 🔊 emoji, and a missing glyph would be a box.

:class:`SpokenSummary` writes the short texts that are read: an item (name, department, window,
promised time, fee, the materials), a window post (number, name, staff on duty, work items) and a
question with its choices (the rating screens).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHideEvent, QIcon, QPainter, QPainterPath, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.i18n import duration_text, visitor_text
from kiosk.speech import NOT_INSTALLED, PREPARING, READY, SPEAKING, STARTING, UNAVAILABLE, Speaker, speaker_for
from kiosk.ui import PALETTE, TEXT

if TYPE_CHECKING:
    from kiosk.data.views import ItemGuide, PostView
    from kiosk.store import ContentStore


def speaker_icon(colour: str, size: int, waves: int = 2) -> QIcon:
    """A loudspeaker with ``waves`` sound arcs (0: a muted speaker with a cross)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 24  # drawn on a 24-unit grid
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    body = QPainterPath()
    body.moveTo(1.5 * s, 8.5 * s)
    body.lineTo(6.5 * s, 8.5 * s)
    body.lineTo(12.5 * s, 3 * s)
    body.lineTo(12.5 * s, 21 * s)
    body.lineTo(6.5 * s, 15.5 * s)
    body.lineTo(1.5 * s, 15.5 * s)
    body.closeSubpath()
    painter.drawPath(body)
    pen = QPen(QColor(colour), max(1.5, 2.2 * s))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if waves:
        for index in range(waves):
            r = (4.5 + 4.5 * index) * s
            painter.drawArc(QRectF(12 * s - r, 12 * s - r, 2 * r, 2 * r), -55 * 16, 110 * 16)
    else:
        painter.drawLine(QPointF(15.5 * s, 9 * s), QPointF(21.5 * s, 15 * s))
        painter.drawLine(QPointF(21.5 * s, 9 * s), QPointF(15.5 * s, 15 * s))
    painter.end()
    return QIcon(pixmap)


def stop_icon(colour: str, size: int) -> QIcon:
    """A filled square (■)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    side = size * 0.62
    painter.drawRoundedRect(QRectF((size - side) / 2, (size - side) / 2, side, side), size * 0.08, size * 0.08)
    painter.end()
    return QIcon(pixmap)


class ReadAloudButton(QPushButton):
    """朗读 / 停止; says so when the kiosk cannot speak. ``summary`` gives the text to read."""

    def __init__(self, store: ContentStore, summary: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReadAloud")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.store = store
        self._summary = summary
        self._speaker: Speaker | None = None
        #: what the button shows: ready, preparing, speaking, unavailable
        self.shown = ""
        self.clicked.connect(self.toggle)
        self._show(READY)

    @property
    def speaker(self) -> Speaker:
        """The kiosk's speaker (made on the first tap, not before: the engine costs seconds)."""
        if self._speaker is None:
            self._speaker = speaker_for(self.store)
            self._speaker.state_changed.connect(self._state_changed)
        return self._speaker

    @property
    def mine(self) -> bool:
        """This button's text is the one the speaker is busy with."""
        return self._speaker is not None and self._speaker.owner is self and self._speaker.speaking

    def toggle(self) -> None:
        speaker = self.speaker
        if not speaker.available():
            self._show(UNAVAILABLE)
            return
        if self.mine:
            speaker.stop()
            self._show(READY)
            return
        speaker.speak(self._summary(), owner=self)
        self._state_changed(speaker.state)

    def stop(self) -> None:
        """Stop speaking this button's text (the screen is left)."""
        if self.mine and self._speaker is not None:
            self._speaker.stop()
        if self.shown != UNAVAILABLE:
            self._show(READY)

    def _state_changed(self, state: str) -> None:
        speaker = self._speaker
        if state == UNAVAILABLE:
            self._show(UNAVAILABLE)
        elif speaker is not None and speaker.owner is self and state in (PREPARING, STARTING, SPEAKING):
            self._show(PREPARING if state == PREPARING else SPEAKING)
        else:
            self._show(READY)

    def _show(self, state: str) -> None:
        colour = {SPEAKING: PALETTE["blue_dark"], UNAVAILABLE: PALETTE["muted"]}.get(state, PALETTE["blue"])
        size = TEXT["body"] if state in (PREPARING, UNAVAILABLE) else TEXT["large"]  # as the font (read_aloud.qss)
        if state == SPEAKING:
            self.setText(self.tr("停止"))
            self.setIcon(stop_icon(colour, size))
        elif state == PREPARING:
            self.setText(self.tr("正在准备\n朗读…"))
            self.setIcon(speaker_icon(colour, size, waves=1))
        elif state == UNAVAILABLE:
            speaker = self._speaker
            reason = speaker.reason if speaker is not None and speaker.reason else NOT_INSTALLED
            self.setText(QCoreApplication.translate("Speaker", reason))
            self.setIcon(speaker_icon(colour, size, waves=0))
        else:
            self.setText(self.tr("朗读"))
            self.setIcon(speaker_icon(colour, size))
        self.setIconSize(QSize(size, size))
        self.setEnabled(state != UNAVAILABLE)  # nothing a tap could do; the text says why
        if state != self.shown:
            self.shown = state
            self.setProperty("speechState", state)
            self.style().unpolish(self)
            self.style().polish(self)

    def showEvent(self, event: QShowEvent) -> None:
        # a speaker already known not to work (tapped on another page): say so before the tap
        existing = getattr(self.store, "speaker", None)
        if isinstance(existing, Speaker) and not existing.available():
            if self._speaker is None:
                self._speaker = existing
                existing.state_changed.connect(self._state_changed)
            self._show(UNAVAILABLE)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()  # the visitor left the page (its screen was hidden): the page is no longer read
        super().hideEvent(event)


class SpokenSummary(QObject):
    """The texts read aloud, in the UI language (the office's content as the content gives it)."""

    def item(self, g: ItemGuide) -> str:
        """Name, department, window, promised time, fee, the number of materials and their names."""
        parts = [self.sentence(g.name)]
        if g.department_name:
            parts.append(self.tr("办理部门：%1。").replace("%1", g.department_name))
        post = g.post
        if post is not None and post.window:
            where = visitor_text(post.window_label)
            if post.name:
                where = self.tr("%1，%2").replace("%1", where).replace("%2", post.name)
            parts.append(self.tr("办理窗口：%1。").replace("%1", where))
        elif g.online and not g.location:
            parts.append(self.tr("网上办理。"))
        if g.promised_limit > 0:
            parts.append(self.tr("承诺办结时限：%1。").replace("%1", duration_text(g.promised_limit, g.promised_unit)))
        else:
            parts.append(self.tr("当场办结。"))
        if g.fee_charged:
            parts.append(self.tr("收费：%1。").replace("%1", g.fee_standard) if g.fee_standard.strip()
                         else self.tr("收费。"))
        else:
            parts.append(self.tr("不收费。"))
        if g.materials:
            names = self.tr("；").join(self.tr("%1，%2").replace("%1", str(m.seq)).replace("%2", m.name)
                                      for m in g.materials)
            parts.append(self.tr("需要提交 %n 项材料：", "", len(g.materials)) + self.sentence(names))
        else:
            parts.append(self.tr("无需提交材料。"))
        return " ".join(parts)

    def post(self, post: PostView) -> str:
        """Window number, name, department, staff on duty, work items."""
        head = " ".join(p for p in (visitor_text(post.window_label), post.name) if p)
        parts = [self.sentence(head)]
        if post.department_name:
            parts.append(self.tr("所属部门：%1。").replace("%1", post.department_name))
        if post.staff:
            names = self.tr("、").join(person.name for person in post.staff)
            parts.append(self.tr("值班人员：%1。").replace("%1", names))
        if post.work_items.strip():
            parts.append(self.tr("工作事项：%1").replace("%1", self.sentence(post.work_items)))
        return " ".join(parts)

    def question(self, lines: Iterable[str], choices: Iterable[str]) -> str:
        """The question (and what is rated) and the choices a visitor can tap."""
        parts = [self.sentence(line) for line in lines if line.strip()]
        named = [c.strip() for c in choices if c.strip()]
        if named:
            parts.append(self.tr("可以选择：%1").replace("%1", self.sentence(self.tr("；").join(named))))
        return " ".join(parts)

    def sentence(self, text: str) -> str:
        """``text`` ended with a full stop (a pause when read) unless it ends with punctuation already."""
        text = " ".join(text.split())
        if not text or text[-1] in "。！？.!?；;：:":
            return text
        return text + self.tr("。")
