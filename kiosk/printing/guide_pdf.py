"""The printed service guide (办事指南): every element of an item, A4, in the 23 sections of the 2016
administrative-licensing standardisation guide, so the visitor leaves with the whole list (一次性告知).

Page one opens with the item's name, codes and type, the facts a visitor asks first (window, time
limits, fee, visits) beside the QR codes of the online application and the item's portal page, and
the 四零 commitments. Then come the 23 sections: 适用范围 … 申请材料 (a checklist with tick boxes) …
办理流程图 (a drawn diagram), and the FAQ. Every page has a header (department, item code) and a
footer ("第 X 页 / 共 Y 页", generation time, content revision). The CJK font is embedded as a
subset; long tables repeat their header row on every page.

Only reportlab: safe in a worker thread or a child process (build the bytes there, never on the UI
thread for a big item).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kiosk.data.views import CommitmentGroupView, FormView, HallView, ItemGuide, MaterialView, PostView
from kiosk.printing.flow_drawing import FlowBox, flow_rows
from kiosk.printing.fonts import register_cjk
from kiosk.printing.pdf_parts import (
    ACCENT,
    BLUE,
    BLUE_SOFT,
    INK,
    LINE,
    MUTED,
    QrCode,
    Run,
    TextBlock,
    TickBox,
    esc,
    make_styles,
    numbered_canvas,
)

if TYPE_CHECKING:
    from kiosk.data.catalog import Catalog

PAGE_W, PAGE_H = A4
MARGIN_X = 17 * mm
MARGIN_TOP = 21 * mm
MARGIN_BOTTOM = 19 * mm
WIDTH = PAGE_W - 2 * MARGIN_X
QR_SIZE = 27 * mm
#: the header row of the materials checklist (repeated on every page the table runs over)
MATERIAL_HEADERS = ("核对", "序号", "材料名称", "出具机构 / 来源", "原件", "复印件", "纸质/电子", "是否必需")
MATERIAL_WIDTHS = (9 * mm, 9 * mm, 56 * mm, 28 * mm, 10 * mm, 12 * mm, 19 * mm, 0.0)
#: the 23 sections, in order (chapter numbers are printed with them)
SECTIONS = (
    "适用范围", "项目信息", "事项审查类型", "审批依据", "受理机构", "决定机构", "审批数量", "申请条件",
    "申请材料", "申请材料提交", "办理基本流程", "办理方式", "办结时限", "收费依据及标准", "审批结果",
    "结果送达", "申请人权利和义务", "咨询途径", "监督投诉渠道", "办公地址和时间", "公开查询",
    "申请材料示范文本", "办理流程图",
)
_NUMERALS = "一二三四五六七八九十"
#: plain text styles: size and colour
TEXT_STYLES = {"body": (9.5, INK), "label": (9, MUTED), "muted": (8, MUTED), "cell": (8.5, INK),
               "blue": (9.5, BLUE)}


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三."""
    if n <= 10:
        return _NUMERALS[n - 1] if n < 10 else "十"
    tens, ones = divmod(n, 10)
    return f"{_NUMERALS[tens - 1] if tens > 1 else ''}十{_NUMERALS[ones - 1] if ones else ''}"


def limit_words(value: int, unit: str) -> str:
    return "当场办结" if value <= 0 else f"{value}个{unit}"


def portal_address(pattern: str, code: str) -> str:
    """The item's portal page from the configured pattern ("" when none is configured)."""
    return pattern.replace("{code}", code) if pattern.strip() else ""


def four_zero_line(commitments: Sequence[CommitmentGroupView]) -> str:
    """"四零承诺：服务受理零推诿 · …" from the hall's commitments ("" when the content has none)."""
    for group in commitments:
        if "四零" in group.name and group.entries:
            return f"{group.name}：" + "　·　".join(entry.name for entry in group.entries)
    return ""


class _Guide:
    """Builds the story of one guide."""

    def __init__(self, guide: ItemGuide, hall: HallView, font: str, *, portal_url: str,
                 commitments: Sequence[CommitmentGroupView], posts: Mapping[str, PostView],
                 forms: Sequence[FormView]) -> None:
        self.g = guide
        self.hall = hall
        self.font = font
        self.s = make_styles(font)
        self.portal_url = portal_url
        self.commitments = commitments
        self.posts = posts
        self.forms = forms
        self.story: list[Flowable] = []
        self.section_no = 0

    # -- small builders -----------------------------------------------------------------------------
    def para(self, text: str, style: str = "body", indent: float = 0.0, space_before: float = 0.0) -> TextBlock:
        size, colour = TEXT_STYLES[style]
        return TextBlock([Run(text, size, colour)], self.font, indent, space_before)

    def heading(self, title: str) -> None:
        self.section_no += 1
        self.story.append(CondPageBreak(28 * mm))
        self.story.append(Paragraph(f"{chinese_number(self.section_no)}、{esc(title)}", self.s["h2"]))

    def text_or(self, text: str, fallback: str) -> None:
        self.story.append(self.para(text.strip() or fallback))

    def rows(self, rows: Sequence[tuple[str, str]], label_width: float = 32 * mm) -> None:
        """A two-column table of label and value; empty values are left out."""
        data = [[self.para(label, "label"), self.para(value)] for label, value in rows if value and value.strip()]
        if not data:
            return
        table = Table(data, colWidths=[label_width, WIDTH - label_width], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]))
        self.story.append(table)

    def post_text(self, post: str) -> str:
        """A flow step names its post by code (``SP-W1``) or in words; print words and the window."""
        view = self.posts.get(post)
        if view is None:
            return post
        return f"{view.name}（{view.window}号窗口）" if view.window else view.name

    def place(self) -> str:
        g = self.g
        place = g.location
        if g.post is not None and g.post.floor and g.post.floor not in place:
            place = f"{g.post.floor} {place}".strip()
        return place

    def window(self) -> str:
        post = self.g.post
        if post is not None and post.window:
            return f"{post.window}号窗口 {post.name}"
        if post is not None:
            return post.name
        return "网上办理" if self.g.online and not self.g.location else ""

    # -- page one -------------------------------------------------------------------------------------
    def title_block(self) -> None:
        g = self.g
        self.story.append(Paragraph(esc(f"{self.hall.department}　办事指南"), self.s["doc"]))
        self.story.append(Paragraph(esc(g.name), self.s["title"]))
        codes = [f"基本编码：{g.code}"]
        if g.impl_code:
            codes.append(f"实施编码：{g.impl_code}")
        codes.append(f"事项类型：{g.item_type}")
        if g.case_type:
            codes.append(f"办件类型：{g.case_type}")
        self.story.append(Paragraph(esc("　　".join(codes)), self.s["subtitle"]))
        self.story.append(Spacer(1, 3 * mm))

        visits = {"0": "0次（全程网办）", "1": "最多跑一次", "2": "2次", "多次": "多次"}.get(g.visits, "")
        facts = [
            ("办理窗口", self.window()),
            ("办理地点", self.place()),
            ("承诺时限", limit_words(g.promised_limit, g.promised_unit)),
            ("法定时限", limit_words(g.statutory_limit, g.statutory_unit)),
            ("收费", "收费：" + g.fee_standard if g.fee_charged else "不收费"),
            ("到现场次数", visits),
            ("网上办理", ("可以网上办理" + (f"：{g.online_url}" if g.online_url else "")) if g.online
             else "暂不支持网上办理"),
            ("咨询电话", g.consult_phone),
        ]
        fact_rows = [[self.para(k, "label"), self.para(v)] for k, v in facts if v]
        qr_cells = self.qr_cells()
        qr_width = len(qr_cells) * (QR_SIZE + 4 * mm)
        left_w = WIDTH - qr_width - 4 * mm
        facts_table = Table(fact_rows, colWidths=[20 * mm, left_w - 20 * mm - 6 * mm], hAlign="LEFT")
        facts_table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]))
        cells: list[Any] = [facts_table, *qr_cells]
        widths = [left_w + 4 * mm] + [QR_SIZE + 4 * mm] * len(qr_cells)
        box = Table([cells], colWidths=widths, hAlign="LEFT")
        box.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.8, BLUE),
            ("BACKGROUND", (0, 0), (-1, -1), colors.white),
            ("LEFTPADDING", (0, 0), (0, 0), 3 * mm),
            ("LEFTPADDING", (1, 0), (-1, 0), 2 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ]))
        self.story.append(box)
        line = four_zero_line(self.commitments)
        if line:
            band = Table([[self.para(line, "blue")]], colWidths=[WIDTH], hAlign="LEFT")
            band.setStyle(TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), self.font),
                ("BACKGROUND", (0, 0), (-1, -1), BLUE_SOFT),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.8 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * mm),
            ]))
            self.story += [Spacer(1, 2 * mm), band]

    def qr_cells(self) -> list[Table]:
        """The labelled QR codes: online application (when the item has one) and the portal page."""
        codes: list[tuple[str, str]] = []
        if self.g.online and self.g.online_url:
            codes.append(("扫码网上办理", self.g.online_url))
        if self.portal_url:
            codes.append(("扫码查看事项页面", self.portal_url))
        cells = []
        for label, url in codes:
            cell = Table([[QrCode(url, QR_SIZE)], [Paragraph(esc(label), self.s["qr"])]], colWidths=[QR_SIZE])
            cell.setStyle(TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), self.font),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]))
            cells.append(cell)
        return cells

    # -- the 23 sections --------------------------------------------------------------------------------
    def sections(self) -> None:
        g, hall = self.g, self.hall
        self.heading(SECTIONS[0])  # 适用范围
        scope = g.summary or f"申请办理“{g.name}”的服务对象。"
        self.rows([("适用范围", scope), ("服务对象", "、".join(g.service_objects)),
                   ("服务主题", "、".join(g.topics))])

        self.heading(SECTIONS[1])  # 项目信息
        self.rows([("事项名称", g.name), ("基本编码", g.code), ("实施编码", g.impl_code),
                   ("行使层级", g.level), ("中介服务", g.intermediary or "无")])

        self.heading(SECTIONS[2])  # 事项审查类型
        self.rows([("事项类型", g.item_type), ("办件类型", g.case_type),
                   ("审查方式", "前审后批（窗口受理，业务处室审查，依法作出决定）"
                    if g.item_type == "行政许可" else "")])

        self.heading(SECTIONS[3])  # 审批依据
        if not g.basis:
            self.story.append(self.para("无"))
        for index, basis in enumerate(g.basis, start=1):
            head = f"{index}. {basis.law}" + (f"　{basis.articles}" if basis.articles else "")
            self.story.append(self.para(head, "blue", space_before=2 if index > 1 else 0))
            if basis.text:
                self.story.append(self.para(basis.text, indent=4 * mm))

        self.heading(SECTIONS[4])  # 受理机构
        self.rows([("受理机构", g.handling_org), ("受理窗口", self.window()), ("受理地点", self.place())])

        self.heading(SECTIONS[5])  # 决定机构
        self.rows([("决定机构", g.body_name or g.department_name), ("统一社会信用代码", g.body_credit_code),
                   ("实施主体性质", g.body_nature), ("共同实施部门", g.joint_departments or "无")])

        self.heading(SECTIONS[6])  # 审批数量
        self.text_or(g.quantity_limit, "无数量限制。")

        self.heading(SECTIONS[7])  # 申请条件
        self.text_or(g.conditions, "无特别条件。")

        self.heading(SECTIONS[8])  # 申请材料
        self.materials()

        self.heading(SECTIONS[9])  # 申请材料提交
        ways = []
        if "窗口" in g.channels or g.post is not None:
            ways.append(f"窗口提交：{self.window() or '到便民服务厅'}提交纸质材料" + (f"（{self.place()}）"
                                                                         if self.place() else "") + "。")
        if g.online:
            ways.append("网上提交：登录" + (g.online_url or "政务服务网") + "在线申报，上传电子材料。")
        if g.express or "快递" in g.channels:
            ways.append("邮寄提交：可通过邮政快递寄送纸质材料。")
        ways.append("材料不齐全或者不符合法定形式的，窗口一次性告知需要补正的全部内容。")
        for way in ways:
            self.story.append(self.para(way))

        self.heading(SECTIONS[10])  # 办理基本流程
        self.steps_table()

        self.heading(SECTIONS[11])  # 办理方式
        yes, no = "支持", "不支持"
        self.rows([
            ("办理形式", "、".join(g.channels)),
            ("网上办理", "可以网上办理" if g.online else "暂不支持网上办理"),
            ("网上办理地址", g.online_url),
            ("预约办理", yes if g.appointment else no),
            ("网上支付", yes if g.payment else no),
            ("物流快递", yes if g.express else no),
            ("到现场次数", f"{g.visits} 次" if g.visits.isdigit() else g.visits),
        ])

        self.heading(SECTIONS[12])  # 办结时限
        self.rows([
            ("法定办结时限", limit_words(g.statutory_limit, g.statutory_unit)),
            ("法定时限说明", g.statutory_note),
            ("承诺办结时限", limit_words(g.promised_limit, g.promised_unit)),
            ("承诺时限说明", g.promised_note),
            ("特别程序", "不计入办结时限：" + g.special_procedures if g.special_procedures else ""),
        ])

        self.heading(SECTIONS[13])  # 收费依据及标准
        if g.fee_charged:
            self.rows([("收费标准", g.fee_standard), ("收费依据", g.fee_basis)])
        else:
            self.rows([("收费标准", "不收费"), ("依据", g.fee_basis)])

        self.heading(SECTIONS[14])  # 审批结果
        self.rows([("结果名称", g.result_name or "—"), ("结果样本", g.result_sample)])

        self.heading(SECTIONS[15])  # 结果送达
        self.text_or(g.result_delivery, "窗口领取。")

        self.heading(SECTIONS[16])  # 申请人权利和义务
        self.text_or(g.rights, "依照《中华人民共和国行政许可法》享有权利、履行义务。")

        self.heading(SECTIONS[17])  # 咨询途径
        self.rows([("咨询电话", g.consult_phone), ("现场咨询", " ".join(p for p in (self.window(), self.place()) if p)),
                   ("网站", hall.portal_url)])

        self.heading(SECTIONS[18])  # 监督投诉渠道
        complaints = [("监督投诉电话", g.complaint_phone)]
        complaints += [(c.name, c.text) for c in hall.complaint_channels
                       if c.text and c.text not in (g.complaint_phone, g.consult_phone)]
        self.rows(complaints, label_width=38 * mm)

        self.heading(SECTIONS[19])  # 办公地址和时间
        self.rows([("办公地址", self.place() or hall.address), ("办公时间", g.hours or hall.hours)])

        self.heading(SECTIONS[20])  # 公开查询
        query = [("事项页面", self.portal_url), ("网上办理", g.online_url if g.online else ""),
                 ("门户网站", hall.portal_url)]
        self.rows(query)
        self.story.append(self.para("办理进度和结果可在上述网站查询，也可拨打咨询电话或到窗口查询。", "muted"))

        self.heading(SECTIONS[21])  # 申请材料示范文本
        if self.forms:
            for form in self.forms:
                where = f"（申请材料“{form.material_name}”）" if form.material_name and \
                    form.material_name != form.name else ""
                self.story.append(self.para(f"【{form.kind}】{form.name}{where}"))
            self.story.append(self.para("可在本机“表格下载”中预览、打印或扫码带走，也可在窗口领取。", "muted"))
        else:
            self.story.append(self.para("本事项暂无空白表格和示范文本；如需填写样式，请到窗口咨询。"))

        self.heading(SECTIONS[22])  # 办理流程图
        if g.steps:
            boxes = [FlowBox(s.step, self.post_text(s.post) if s.post else "", s.time) for s in g.steps]
            self.story.append(self.para(f"共 {len(boxes)} 个步骤，从第 1 步开始，沿箭头办理。", "muted"))
            self.story.append(Spacer(1, 1.5 * mm))
            self.story += flow_rows(boxes, WIDTH, self.font)
        else:
            self.story.append(self.para("该事项暂未公布办理流程图，请到窗口或拨打咨询电话了解。"))

        if g.faq:
            self.story.append(CondPageBreak(28 * mm))
            self.story.append(Paragraph("附：常见问题", self.s["h2"]))
            for faq in g.faq:
                question = self.para("问：" + faq.name, "blue", space_before=3)
                question.keepWithNext = 1
                self.story.append(question)
                if faq.text:
                    self.story.append(self.para("答：" + faq.text))

    def materials(self) -> None:
        g, s = self.g, self.s
        if not g.materials:
            self.story.append(self.para("无需提交材料。"))
            return
        conditional = sum(1 for m in g.materials if not m.required)
        intro = f"共 {len(g.materials)} 项材料"
        if conditional:
            intro += f"，其中 {conditional} 项在满足条件时提交或可选"
        intro += "。请逐项核对后在“核对”栏打勾；窗口一次性告知全部补正内容。"
        self.story.append(self.para(intro, "muted"))
        self.story.append(Spacer(1, 1.5 * mm))
        widths = list(MATERIAL_WIDTHS)
        widths[-1] = WIDTH - sum(widths)
        data: list[list[Any]] = [[Paragraph(h, s["cellhead"]) for h in MATERIAL_HEADERS]]
        for m in g.materials:
            data.append([TickBox(), str(m.seq), self._material_name(m), self.para(m.source, "cell"),
                         str(m.originals) if m.originals else "—", str(m.copies) if m.copies else "—",
                         self.para(m.medium, "cell"), self._required(m)])
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("FONTSIZE", (0, 1), (-1, -1), 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), BLUE),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("ALIGN", (0, 1), (1, -1), "CENTER"),
            ("ALIGN", (4, 1), (5, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 1.3 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.3 * mm),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f7fa")]),
        ]))
        self.story.append(table)

    def _material_name(self, m: MaterialView) -> TextBlock:
        runs = [Run(m.name, 8.5, INK)]
        extras = [label for label, present in (("有空白表格", m.blank_form), ("有示范文本", m.sample)) if present]
        if extras:
            runs.append(Run(f"〔{'、'.join(extras)}〕", 7.5, BLUE))
        if m.notes:
            runs.append(Run(f"须知：{m.notes}", 7.5, MUTED))
        return TextBlock(runs, self.font)

    def _required(self, m: MaterialView) -> TextBlock:
        if m.required:
            return self.para("必需", "cell")
        if m.condition:
            return TextBlock([Run("满足条件时提交：", 8.5, ACCENT), Run(m.condition, 8.5, INK)], self.font)
        return self.para("非必需（可选）", "cell")

    def steps_table(self) -> None:
        g, s = self.g, self.s
        if not g.steps:
            self.story.append(self.para("该事项暂未公布办理流程，请到窗口或拨打咨询电话了解。"))
            return
        self.story.append(self.para("　＞　".join(step.step for step in g.steps), "body"))
        self.story.append(Spacer(1, 1.5 * mm))
        head = ["步骤", "环节", "负责岗位", "时限", "办理说明"]
        widths = [10 * mm, 22 * mm, 38 * mm, 30 * mm, WIDTH - 100 * mm]
        data: list[list[Any]] = [[Paragraph(h, s["cellhead"]) for h in head]]
        for step in g.steps:
            data.append([str(step.seq), self.para(step.step, "cell"), self.para(self.post_text(step.post), "cell"),
                         self.para(step.time, "cell"), self.para(step.description, "cell")])
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("FONTSIZE", (0, 1), (-1, -1), 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), BLUE),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ]))
        self.story.append(table)


def render_guide(guide: ItemGuide, hall: HallView, *, revision: str, generated: datetime,
                 portal_item_url: str = "", commitments: Sequence[CommitmentGroupView] = (),
                 posts: Mapping[str, PostView] | None = None, forms: Sequence[FormView] = ()) -> bytes:
    """The complete guide of ``guide`` as A4 PDF bytes.

    ``portal_item_url`` is the configured pattern (``{code}`` is filled in; "" = no portal QR code).
    ``commitments`` (for the 四零 line), ``posts`` (to print flow steps' posts by name) and ``forms``
    (section 22) come from the catalog; :func:`guide_pdf` gathers them all.
    """
    font = register_cjk()
    builder = _Guide(guide, hall, font, portal_url=portal_address(portal_item_url, guide.code),
                     commitments=commitments, posts=posts or {}, forms=forms)
    builder.title_block()
    builder.sections()
    stamp = generated.strftime("%Y-%m-%d %H:%M")
    header_left = f"{hall.department}　{hall.name}".strip()
    header_right = f"办事指南　{guide.name}　事项编码 {guide.code}"
    footer_left = f"打印时间 {stamp}　内容版本 {revision or '—'}"

    def decorate(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(MUTED)
        top = PAGE_H - 12 * mm
        canvas.drawString(MARGIN_X, top, header_left)
        right = header_right
        while canvas.stringWidth(right, font, 8) > WIDTH * 0.62 and len(right) > 10:
            right = right[:-2]  # a very long item name: cut rather than run into the department
        canvas.drawRightString(PAGE_W - MARGIN_X, top, right if right == header_right else right + "…")
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 2 * mm, PAGE_W - MARGIN_X, top - 2 * mm)
        bottom = 10 * mm
        canvas.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
        canvas.drawString(MARGIN_X, bottom, footer_left)
        canvas.setFillColor(colors.black)
        canvas.setFont(font, 9)
        canvas.drawRightString(PAGE_W - MARGIN_X, bottom, f"第 {page} 页 / 共 {pages} 页")
        canvas.restoreState()

    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"办事指南：{guide.name}", author=hall.department,
        subject=f"{guide.code} {guide.name}", creator="lobby-kiosk", initialFontName=font, initialFontSize=9.5,
        lang="zh-CN",
    )
    document.build(builder.story, canvasmaker=numbered_canvas(decorate))
    return out.getvalue()


def guide_pdf(catalog: Catalog, code: str, *, generated: datetime, portal_item_url: str = "") -> bytes:
    """The guide of item ``code`` with everything the catalog knows (hall, 四零 commitments, post names,
    forms, content revision). Raises :class:`kiosk.data.catalog.NotFound` for an unknown code.

    The guide is an official document: always in Chinese, whatever language the visitor reads."""
    catalog = catalog.in_language("zh")
    guide = catalog.item_guide(code)
    hall = catalog.hall()
    posts = {p.code: p for p in catalog.posts()}
    return render_guide(guide, hall, revision=hall.revision, generated=generated, portal_item_url=portal_item_url,
                        commitments=catalog.commitments(), posts=posts, forms=catalog.forms_for_item(code))
