"""Printing at the kiosk: a real private CUPS scheduler with a cups-pdf queue (tests/conftest_cups.py).

What a visitor notices: the guide and the receipt come out of the printer; a stopped printer is said
plainly and the QR code is offered instead; without a printer the button offers the QR code; a
fourth copy of one document is refused kindly until the next visit; the screen keeps answering
while a long job is on its way. (cups-pdf turns each job into a PDF in the queue's folder; its text
passes through Ghostscript, which keeps ASCII searchable but not the Chinese, so the printout is
recognised by its item code or tracking code and its page count.)
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from kiosk.app import KioskApp
from kiosk.print_service import PrintDocument, parse_printer, service_for
from kiosk.screens.item_detail import ItemDetailScreen
from kiosk.widgets.print_button import PrintButton, PrintPanel
from sync.runner import printer_state
from tests.conftest import tap
from tests.conftest_cups import CupsQueue

CODE = "000117001001"  # 建设项目环境影响报告书审批, the longest demo guide
PORTAL = "https://zwfw.example.gov.cn/item/{code}"
JOB_WAIT_MS = 90_000  # CUPS and Ghostscript on a busy machine: generous, and never asserted on


def open_item(kiosk: KioskApp, code: str = CODE) -> ItemDetailScreen:
    kiosk.navigator.go("item", code)
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, ItemDetailScreen)
    screen.reveal()
    return screen


def panel_of(widget: QWidget) -> PrintPanel:
    panel = widget.window().findChild(PrintPanel)
    assert panel is not None, "no print panel was shown"
    return panel


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(data: bytes | Path) -> int:
    args = ["pdfinfo", str(data)] if isinstance(data, Path) else ["pdfinfo", "-"]
    out = subprocess.run(args, input=None if isinstance(data, Path) else data, capture_output=True,
                         check=True).stdout.decode()
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def same_page(printed: Path, original: Path, tmp_path: Path) -> bool:
    """Page 1 of both, rendered small in grey: nearly the same pixels (Ghostscript moves a few)."""
    from PIL import Image, ImageChops, ImageFilter, ImageStat

    images = []
    for pdf in (printed, original):
        subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-gray", "-png", str(pdf),
                        str(tmp_path / pdf.stem)], check=True)
        images.append(Image.open(next(tmp_path.glob(f"{pdf.stem}*.png"))).convert("L"))
    width, height = (min(a, b) for a, b in zip(images[0].size, images[1].size, strict=True))
    if max(images[0].size[0], images[1].size[0]) - width > 3:
        return False
    images = [image.crop((0, 0, width, height)).filter(ImageFilter.GaussianBlur(2)) for image in images]
    difference = ImageStat.Stat(ImageChops.difference(images[0], images[1])).mean[0]
    ink = 255 - ImageStat.Stat(images[1]).mean[0]
    return ink > 5 and difference < ink / 2


def decode_qr(widget: QWidget, tmp_path: Path) -> str:
    image = tmp_path / "qr.png"
    assert widget.grab().save(str(image))
    return subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True,
                          check=True).stdout.strip()


def wait_done(qtbot: Any, button: PrintButton) -> None:
    qtbot.waitUntil(lambda: button.job is not None and button.job.done, timeout=JOB_WAIT_MS)


def test_the_guide_printed_from_the_item_page_comes_out_of_the_printer(
        make_kiosk: Callable[..., KioskApp], cups_queue: CupsQueue, qtbot: Any, tmp_path: Path) -> None:
    kiosk = make_kiosk(printer=cups_queue.name, portal_item_url=PORTAL)
    screen = open_item(kiosk)
    button = screen.print_button
    assert button.text() == "打印办事指南"
    tap(qtbot, button)
    panel = panel_of(button)
    assert panel.isVisible() and panel.title.text() == "正在打印…"
    assert button.text() == "正在打印…"
    wait_done(qtbot, button)
    assert button.state == "done", button.job.reason if button.job else ""
    assert panel.title.text() == "已打印" and button.text() == "已打印"

    printed = cups_queue.pdfs()
    assert len(printed) == 1
    assert CODE in printed[0].name  # cups-pdf names the file after the job: "guide CODE"
    from kiosk.printing.guide_pdf import guide_pdf

    assert kiosk.store.catalog is not None
    original = tmp_path / "original.pdf"
    original.write_bytes(guide_pdf(kiosk.store.catalog, CODE, generated=datetime.now(), portal_item_url=PORTAL))
    assert pdf_pages(printed[0]) == pdf_pages(original) > 1
    assert same_page(printed[0], original, tmp_path)  # the printout looks like the guide
    assert printer_state(kiosk.config.data_path) in ("ok", "printing")


def test_a_feedback_receipt_is_printed(make_kiosk: Callable[..., KioskApp], cups_queue: CupsQueue,
                                       qtbot: Any) -> None:
    from kiosk.screens.feedback import FeedbackScreen

    kiosk = make_kiosk(printer=cups_queue.name)
    kiosk.navigator.go("home")
    kiosk.navigator.go("feedback")
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FeedbackScreen)
    screen.text.setPlainText("希望增加周末延时服务")
    tap(qtbot, screen.submit_button)
    assert screen.receipt is not None
    code = screen.receipt.code
    tap(qtbot, screen.print_button)
    wait_done(qtbot, screen.print_button)
    assert screen.print_button.state == "done", screen.print_button.job.reason if screen.print_button.job else ""
    printed = cups_queue.pdfs()
    assert len(printed) == 1
    assert code in pdf_text(printed[0])


def test_without_a_printer_the_receipt_screen_has_no_print_button(qtbot: Any, kiosk: KioskApp) -> None:
    from kiosk.screens.feedback import FeedbackScreen

    kiosk.navigator.go("home")
    kiosk.navigator.go("feedback")
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FeedbackScreen)
    screen.text.setPlainText("希望增加周末延时服务")
    tap(qtbot, screen.submit_button)
    assert screen.code_label.isVisible() and screen.qr_label.isVisible()  # the code and its QR are the receipt
    assert not screen.print_button.isVisible()


def test_a_stopped_printer_is_said_plainly_and_the_qr_code_offered(
        make_kiosk: Callable[..., KioskApp], cups_queue: CupsQueue, qtbot: Any, tmp_path: Path) -> None:
    kiosk = make_kiosk(printer=cups_queue.name, portal_item_url=PORTAL)
    cups_queue.disable("out of order")
    screen = open_item(kiosk)
    tap(qtbot, screen.print_button)
    wait_done(qtbot, screen.print_button)
    panel = panel_of(screen.print_button)
    assert screen.print_button.state == "failed"
    assert panel.isVisible() and panel.mode == "failed"
    assert panel.title.text() == "没能打印"
    assert "打印机暂停服务" in panel.message.text() and "扫描" in panel.message.text()
    assert panel.qr_shown
    assert decode_qr(panel.qr, tmp_path) == PORTAL.format(code=CODE)
    assert cups_queue.jobs_waiting() == [] and cups_queue.pdfs() == []  # nothing waits to come out later
    # the operator's state and the heartbeat know why
    assert printer_state(kiosk.config.data_path) == "stopped"
    # the failed copy does not count against the visitor's three
    assert service_for(kiosk.store).copies_left(f"guide:{CODE}") == 3


def test_a_missing_queue_is_reported_before_anything_is_sent(make_kiosk: Callable[..., KioskApp],
                                                             cups_server: Any, qtbot: Any) -> None:
    kiosk = make_kiosk(printer="NoSuchQueue", portal_item_url=PORTAL)
    screen = open_item(kiosk)
    tap(qtbot, screen.print_button)
    wait_done(qtbot, screen.print_button)
    panel = panel_of(screen.print_button)
    assert panel.mode == "failed" and panel.qr_shown
    assert "打印机暂时无法使用" in panel.message.text()
    assert printer_state(kiosk.config.data_path) == "missing"


def test_without_a_printer_the_button_offers_the_qr_code(make_kiosk: Callable[..., KioskApp], qtbot: Any,
                                                         tmp_path: Path) -> None:
    kiosk = make_kiosk(portal_item_url=PORTAL)
    screen = open_item(kiosk)
    button = screen.print_button
    assert button.isVisible() and button.isEnabled()
    assert button.text() == "扫码带走指南"
    tap(qtbot, button)
    panel = panel_of(button)
    assert panel.isVisible() and panel.mode == "qr" and panel.title.text() == "扫码带走"
    assert panel.qr_shown
    assert decode_qr(panel.qr, tmp_path) == PORTAL.format(code=CODE)
    assert button.job is None  # nothing was sent anywhere
    tap(qtbot, panel.close_button)
    assert not panel.isVisible()


def test_four_copies_of_one_document_are_refused_kindly_until_the_next_visit(
        make_kiosk: Callable[..., KioskApp], cups_queue: CupsQueue, qtbot: Any) -> None:
    kiosk = make_kiosk(printer=cups_queue.name, portal_item_url=PORTAL, print_limit_per_document=3)
    screen = open_item(kiosk)
    button = screen.print_button
    for copy in range(3):
        tap(qtbot, button)
        wait_done(qtbot, button)
        assert button.state == "done", f"copy {copy + 1}: {button.job.reason if button.job else ''}"
        panel = panel_of(button)
        tap(qtbot, panel.close_button)
    assert len(cups_queue.pdfs()) == 3
    tap(qtbot, button)  # the fourth
    assert panel.isVisible() and panel.mode == "limit"
    assert "已打印 3 份" in panel.message.text() and "扫码" in panel.message.text()
    assert panel.qr_shown
    assert len(cups_queue.pdfs()) == 3 and cups_queue.jobs_waiting() == []

    kiosk.idle.expired.emit()  # the visitor walked away: the kiosk resets to the attract screen
    assert not panel.isVisible()
    screen = open_item(kiosk)
    tap(qtbot, screen.print_button)
    wait_done(qtbot, screen.print_button)
    assert screen.print_button.state == "done"
    assert len(cups_queue.pdfs()) == 4


def forty_pages() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from kiosk.printing.fonts import register_cjk

    font = register_cjk()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for page in range(1, 41):
        canvas.setFont(font, 14)
        for line in range(40):
            canvas.drawString(60, 780 - line * 18, f"第 {page} 页 第 {line + 1} 行 排污许可证申请材料 page {page}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_the_screen_keeps_answering_while_a_forty_page_job_is_sent(
        make_kiosk: Callable[..., KioskApp], cups_queue: CupsQueue, qtbot: Any) -> None:
    kiosk = make_kiosk(printer=cups_queue.name)
    screen = open_item(kiosk)
    button = screen.print_button
    button.set_document(PrintDocument(key="forty", title="forty pages", source=forty_pages))
    seen_at_done: dict[str, int] = {}
    tapped: list[str] = []

    def tap_another() -> None:
        panel = panel_of(button)
        tap(qtbot, panel.close_button)  # "继续浏览": the visitor keeps reading while it prints
        tap(qtbot, screen.jump_buttons["materials"])
        tapped.append("materials")

    screen.jump_buttons["materials"].clicked.connect(lambda: tapped.append("handled"))
    tap(qtbot, button)
    job = button.job
    assert job is not None and not job.done
    job.finished.connect(lambda ok: seen_at_done.update(taps=len(tapped), ok=int(ok)))
    QTimer.singleShot(0, tap_another)
    qtbot.waitUntil(lambda: bool(seen_at_done), timeout=JOB_WAIT_MS)
    assert seen_at_done["ok"] == 1, job.reason
    # the tap, sent from a timer, was handled before the job was done: the event loop ran meanwhile
    assert seen_at_done["taps"] == 2
    printed = cups_queue.pdfs()
    assert len(printed) == 1 and pdf_pages(printed[0]) == 40


@pytest.mark.parametrize(("printer", "accepting", "state", "ready"), [
    ("printer Q is idle.  enabled since Fri Nov 27 10:40:50 2026\n\tForm mounted:\n\tAlerts: none\n",
     "Q accepting requests since Fri", "ok", True),
    ("printer Q now printing Q-3.  enabled since Fri\n\tForm mounted:\n\tAlerts: none\n",
     "Q accepting requests since Fri", "printing", True),
    ("printer Q disabled since Fri Nov 27 10:40:49 2026 -\n\tpaper jam test\n\tAlerts: paused\n",
     "Q accepting requests", "stopped", False),
    ("printer Q is idle.  enabled since Fri\n\tAlerts: media-empty-error\n", "Q accepting", "paper-out", False),
    ("printer Q is idle.  enabled since Fri\n\tAlerts: media-needed\n", "Q accepting", "paper-out", False),
    ("printer Q is idle.  enabled since Fri\n\tAlerts: offline-report\n", "Q accepting", "offline", False),
    ("printer Q is idle.  enabled since Fri\n\tAlerts: media-jam-error\n", "Q accepting", "jam", False),
    ("printer Q is idle.  enabled since Fri\n\tAlerts: toner-low-warning media-low-warning\n", "Q accepting",
     "ok", True),
    ("printer Q is idle.  enabled since Fri\n\tAlerts: none\n", "Q not accepting requests since Fri -",
     "rejecting", False),
])
def test_what_cups_says_about_the_printer(printer: str, accepting: str, state: str, ready: bool) -> None:
    status = parse_printer("Q", printer, accepting)
    assert (status.state, status.ready) == (state, ready)
    assert bool(status.message) != ready  # a visitor is told why, in Chinese, whenever it cannot print
