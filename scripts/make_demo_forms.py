"""Generate the demo content's forms (表格) and sample texts (示范文本): assets/content/forms/*.pdf.

Run ``.venv/bin/python scripts/make_demo_forms.py``; the output is committed, so the demo needs no
build step. The PDFs are reproducible (reportlab's invariant mode: no dates, fixed ids), so running it
again changes no file and no SHA-256 the content refers to. Every value filled into a sample is
fictitious, like the rest of the demo content.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.printing.fonts import register_cjk  # noqa: E402

OUT = ROOT / "assets" / "content" / "forms"
WIDTH = A4[0] - 40 * mm
FILL = colors.HexColor("#1f4e8c")  # what a sample fills in, in blue ink


@dataclass(frozen=True)
class Field:
    label: str
    sample: str = ""
    wide: bool = False  # spans the whole row
    lines: int = 1  # height in lines, for long answers


@dataclass(frozen=True)
class Form:
    file: str
    title: str
    number: str  # the form's own number, top right
    sections: tuple[tuple[str, tuple[Field, ...]], ...]
    declaration: str
    signatures: tuple[str, ...] = ("申请单位（盖章）", "法定代表人（签字）")
    notes: tuple[str, ...] = ()
    sample: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("b", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
    return {
        "title": ParagraphStyle("t", parent=base, fontSize=18, leading=26, alignment=1),
        "number": ParagraphStyle("n", parent=base, fontSize=8.5, alignment=2, textColor=colors.HexColor("#444444")),
        "section": ParagraphStyle("s", parent=base, fontSize=10.5, leading=15),
        "label": ParagraphStyle("l", parent=base, fontSize=9.5, leading=13),
        "fill": ParagraphStyle("f", parent=base, fontSize=9.5, leading=13, textColor=FILL),
        "body": base,
        "note": ParagraphStyle("o", parent=base, fontSize=8.5, leading=12.5),
    }


def _rows(fields: tuple[Field, ...], styles: dict[str, ParagraphStyle],
          sample: bool) -> tuple[list[list[Any]], list[Any]]:
    """Two fields a row (label, answer, label, answer); a wide field takes a row of its own."""
    data: list[list[Any]] = []
    commands: list[Any] = []
    pending: list[Field] = []

    def answer(f: Field) -> Any:
        if f.sample.startswith("□"):  # the choices are part of the blank form
            return Paragraph(f.sample, styles["label"])
        return Paragraph(f.sample, styles["fill"]) if sample and f.sample else ""

    def flush() -> None:
        if not pending:
            return
        row: list[Any] = []
        for f in pending:
            row += [Paragraph(f.label, styles["label"]), answer(f)]
        while len(row) < 4:
            row += [""]
        if len(pending) == 1:
            commands.append(("SPAN", (1, len(data)), (3, len(data))))
        data.append(row)
        pending.clear()

    for f in fields:
        if f.wide or f.lines > 1:
            flush()
            data.append([Paragraph(f.label, styles["label"]), answer(f), "", ""])
            commands.append(("SPAN", (1, len(data) - 1), (3, len(data) - 1)))
            if f.lines > 1:
                commands.append(("MINROWHEIGHT", len(data) - 1, f.lines * 6.5 * mm))
        else:
            pending.append(f)
            if len(pending) == 2:
                flush()
    flush()
    return data, commands


def build(form: Form) -> bytes:
    font = register_cjk()
    styles = _styles(font)
    target = OUT / form.file

    def page(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        footer = f"{form.title}　第 {document.page} 页　（演示表格，非正式文本）"
        canvas.drawCentredString(A4[0] / 2, 10 * mm, footer)
        if form.sample:
            canvas.setFont(font, 64)
            canvas.setFillColor(colors.Color(0.85, 0.2, 0.2, alpha=0.12))
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, 0, "示 范 文 本")
        canvas.restoreState()

    document = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                                 topMargin=16 * mm, bottomMargin=18 * mm, title=form.title,
                                 author="黑龙江省生态环境厅（演示）", subject=form.title, creator="make_demo_forms.py",
                                 initialFontName=font, invariant=1)
    story: list[Any] = [Paragraph(form.number, styles["number"]), Spacer(1, 2 * mm),
                        Paragraph(form.title + ("<br/><font size='11'>（填写示范）</font>" if form.sample else ""),
                                  styles["title"]), Spacer(1, 4 * mm)]
    widths = [30 * mm, WIDTH / 2 - 30 * mm, 30 * mm, WIDTH / 2 - 30 * mm]
    for title, fields in form.sections:
        data, commands = _rows(fields, styles, form.sample)
        data.insert(0, [Paragraph(title, styles["section"]), "", "", ""])
        shifted: list[Any] = []
        for command in commands:
            if command[0] == "MINROWHEIGHT":
                continue
            name, (c0, r0), (c1, r1) = command
            shifted.append((name, (c0, r0 + 1), (c1, r1 + 1)))
        heights: list[float | None] = [None] * len(data)
        for command in commands:
            if command[0] == "MINROWHEIGHT":
                heights[command[1] + 1] = command[2]
        table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("GRID", (0, 0), (-1, -1), 0.7, colors.black),
            ("SPAN", (0, 0), (3, 0)),
            ("BACKGROUND", (0, 0), (3, 0), colors.HexColor("#e8e8e8")),
            ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#f6f6f6")),
            *[("BACKGROUND", (2, r), (2, r), colors.HexColor("#f6f6f6")) for r in range(1, len(data))
              if not any(c[0] == "SPAN" and c[1][1] == r for c in shifted)],
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2 * mm),
            *shifted,
        ]))
        story += [table, Spacer(1, 3 * mm)]
    date = "2026 年 3 月 18 日" if form.sample else "年" + "&nbsp;" * 10 + "月" + "&nbsp;" * 10 + "日"
    signs = Table([[Paragraph(f"{s}：", styles["body"]) for s in form.signatures]],
                  colWidths=[(WIDTH - 6 * mm) / len(form.signatures)] * len(form.signatures),
                  rowHeights=[14 * mm], style=[("FONTNAME", (0, 0), (-1, -1), font),
                                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                               ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    signature_rows: list[list[Any]] = [
        [Paragraph(form.declaration, styles["body"])], [signs],
        [Paragraph(f"<para alignment='right'>{date}</para>", styles["fill" if form.sample else "body"])],
    ]
    box = Table(signature_rows, colWidths=[WIDTH])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("BOX", (0, 0), (-1, -1), 0.7, colors.black),
                             ("TOPPADDING", (0, 0), (-1, -1), 3 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                             ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm)]))
    story.append(KeepTogether([box]))
    if form.notes:
        notes = [Paragraph("填表说明", styles["section"])]
        notes += [Paragraph(f"{i}. {note}", styles["note"]) for i, note in enumerate(form.notes, start=1)]
        story += [Spacer(1, 4 * mm), KeepTogether(notes)]
    document.build(story, onFirstPage=page, onLaterPages=page)
    return target.read_bytes()


UNIT = (
    Field("单位名称", "黑龙江省示范化工有限公司（演示）", wide=True),
    Field("统一社会信用代码", "91230000MA1DEMO01X"),
    Field("法定代表人", "王示范"),
    Field("注册地址", "哈尔滨市示范区示范路1号（演示）", wide=True),
    Field("联系人", "李演示"),
    Field("联系电话", "0451-80000000"),
)

PAIWU = (
    ("一、排污单位基本情况", (
        *UNIT,
        Field("生产经营场所地址", "哈尔滨市示范工业园区6号（演示）", wide=True),
        Field("行业类别", "C2614 有机化学原料制造"),
        Field("管理类别", "重点管理"),
        Field("投产日期", "2019年6月"),
        Field("所在园区", "示范工业园区"),
        Field("中心经度", "126°38′12″"),
        Field("中心纬度", "45°45′36″"),
    )),
    ("二、主要产品及产能", (
        Field("主要生产单元、工艺及设施", "合成单元：反应釜4台；精馏单元：精馏塔2座；罐区：储罐6座", lines=3),
        Field("主要产品及产能", "醋酸乙酯 5万吨/年", wide=True),
    )),
    ("三、排污口及许可排放量", (
        Field("废气主要排放口", "DA001 工艺废气排放口（RTO焚烧炉）", wide=True),
        Field("废水排放去向", "进入园区污水处理厂", wide=True),
        Field("申请许可排放量", "挥发性有机物 12.6 吨/年；化学需氧量 8.4 吨/年；氨氮 0.9 吨/年", lines=2),
        Field("环评批复文号", "黑环审〔2018〕000号（演示）"),
        Field("自行监测方案", "已编制，见附件"),
    )),
)
PAIWU_NOTES = (
    "本表为演示表格，格式参照《排污许可管理条例》规定的申请事项编制；正式申请请通过全国排污许可证管理信息平台填报。",
    "排污单位应当对申请材料的真实性、合法性、完整性负责。",
    "申请许可排放量应当附计算过程，不得超过环境影响评价文件及其批复确定的排放量。",
)

FORMS = (
    Form("paiwu-xukezheng-shenqingbiao.pdf", "排污许可证申请表", "表格编号：PW-01（演示）", PAIWU,
         "本单位承诺：所填内容及所附材料真实、准确、完整，如有虚假，愿意承担相应的法律责任。",
         notes=PAIWU_NOTES),
    Form("paiwu-xukezheng-shenqingbiao-shifan.pdf", "排污许可证申请表", "表格编号：PW-01（演示）", PAIWU,
         "本单位承诺：所填内容及所附材料真实、准确、完整，如有虚假，愿意承担相应的法律责任。",
         notes=PAIWU_NOTES, sample=True),
    Form("huanping-baogaobiao-shenqingbiao.pdf", "建设项目环境影响报告表审批申请表", "表格编号：HP-02（演示）", (
        ("一、建设单位", UNIT),
        ("二、建设项目", (
            Field("项目名称", "", wide=True),
            Field("建设地点", "", wide=True),
            Field("建设性质", "□新建　□改建　□扩建　□技术改造", wide=True),
            Field("行业类别", ""),
            Field("总投资（万元）", ""),
            Field("环保投资（万元）", ""),
            Field("占地面积（㎡）", ""),
            Field("建设内容及规模", "", lines=3),
            Field("项目审批、核准或备案文号", "", wide=True),
        )),
        ("三、环境影响报告表编制", (
            Field("编制单位", "", wide=True),
            Field("编制主持人", ""),
            Field("职业资格证书编号", ""),
            Field("主要环境影响及措施", "", lines=3),
        )),
    ), "我单位申请对上述建设项目环境影响报告表进行审批，并承诺所提交材料真实、有效。",
        notes=("报告表（报批稿）纸质版一份、电子版一份，与本表一并提交；网上申报的上传签章后的扫描件。",
               "建设性质在对应方框内打“√”。")),
    Form("fushe-xukezheng-shenqingbiao.pdf", "辐射安全许可证申请表", "表格编号：FS-01（演示）", (
        ("一、申请单位", (*UNIT, Field("辐射安全负责人", ""), Field("联系电话", ""))),
        ("二、申请种类和范围", (
            Field("申请类别", "□新申请　□重新申请　□延续　□变更", wide=True),
            Field("使用放射源", "□Ⅰ类　□Ⅱ类　□Ⅲ类　□Ⅳ类　□Ⅴ类", wide=True),
            Field("使用射线装置", "□Ⅰ类　□Ⅱ类　□Ⅲ类", wide=True),
            Field("非密封放射性物质工作场所", "□甲级　□乙级　□丙级", wide=True),
        )),
        ("三、辐射工作场所与人员", (
            Field("工作场所地址", "", wide=True),
            Field("辐射工作人员数", ""),
            Field("持证上岗人数", ""),
            Field("环评文件批复文号", "", wide=True),
            Field("放射源和射线装置明细", "（见附表）", lines=3),
        )),
    ), "本单位承诺：遵守《放射性同位素与射线装置安全和防护条例》，所填内容真实，并对辐射安全工作负主体责任。",
        notes=("申请类别和种类范围在对应方框内打“√”。",
               "放射源和射线装置明细按核素（型号）、类别、数量、活度（电压/电流）和用途逐项填写附表。")),
    Form("shouquan-weituoshu-shifan.pdf", "授权委托书", "示范文本（演示）", (
        ("委托人", (
            Field("单位名称", "黑龙江省示范化工有限公司（演示）", wide=True),
            Field("法定代表人", "王示范"),
            Field("统一社会信用代码", "91230000MA1DEMO01X"),
        )),
        ("受托人", (
            Field("姓名", "李演示"),
            Field("身份证号码", "230100********0000"),
            Field("工作单位及职务", "黑龙江省示范化工有限公司　环保专员", wide=True),
            Field("联系电话", "0451-80000000"),
            Field("委托期限", "2026年3月18日至2026年6月30日"),
        )),
        ("委托事项和权限", (
            Field("委托事项", "代为办理“建设项目环境影响报告书审批”的申请、材料提交、补正和批复文件领取", lines=2),
            Field("委托权限", "一般授权：不得代为撤回申请、放弃听证等权利", wide=True),
        )),
    ), "委托人确认以上委托内容；受托人在委托权限内所作的行为，委托人予以承认。",
        signatures=("委托人（盖章）", "法定代表人（签字）", "受托人（签字）"), sample=True,
        notes=("本示范文本中的单位、人员和号码均为虚构，仅供参考填写格式。", "受托人办理时须出示本人身份证件原件。")),
)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for form in FORMS:
        data = build(form)
        print(f"{OUT.relative_to(ROOT) / form.file}  {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
