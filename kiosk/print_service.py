"""Printing at the kiosk: PDFs to the configured CUPS queue, in the background, with a per-visit limit.

The only printing module that imports PySide6. How a document reaches the printer:

1. a worker thread builds the PDF (``PrintDocument.source``: bytes, a file, or a function such as
   ``render_guide`` that runs in that thread, never on the UI thread);
2. it asks CUPS for the queue's state (``lpstat -l -p QUEUE`` and ``lpstat -a QUEUE``): a missing
   queue, a stopped (disabled) or rejecting queue, and the ``printer-state-reasons`` CUPS knows
   (media-empty, media-jam, offline, door-open, toner-empty …) refuse the job before it is sent;
3. it submits the PDF unchanged with ``lp -d QUEUE -t TITLE FILE`` and follows the job
   (``lpstat -W not-completed -o QUEUE``) until it is done, the queue stops under it, or a timeout
   passes (the job is then cancelled, so that it does not come out later for the next visitor).

Why ``lp`` and not Qt painting onto a ``QPrinter``: painting would re-render each PDF page as an
image (a 40-page guide becomes slow and its text no longer text), while ``lp`` hands CUPS the PDF
itself and CUPS's own filters drive the printer. ``QPrinterInfo`` only knows idle/active/aborted and
not *why* a printer stopped (paper out, offline), which visitors and the operator need.

Every check writes the printer's state to ``DATA_DIR/printer-state.json`` (read by the sync
runner's heartbeat and by an operator): ``none`` (no printer configured), ``ok``, ``printing``,
``stopped``, ``rejecting``, ``offline``, ``paper-out``, ``jam``, ``error``, ``missing``, ``no-cups``.

A visit ends when the kiosk goes idle: :meth:`PrintService.new_visit` forgets the copies printed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from kiosk.texts import QT_TRANSLATE_NOOP  # (typed; pyside6-lupdate finds the name)

if TYPE_CHECKING:
    from kiosk.store import ContentStore

log = logging.getLogger(__name__)

PRINTER_STATE_NAME = "printer-state.json"
#: seconds a job may take from submission until CUPS reports it done
JOB_TIMEOUT = 180.0
#: seconds between two looks at a job in the queue
POLL_SECONDS = 0.4
#: seconds a job may wait in an idle queue (CUPS gave up on it) before it counts as failed
STUCK_SECONDS = 15.0
#: milliseconds between two background checks of the printer (for the operator and the heartbeat)
CHECK_INTERVAL_MS = 60_000


#: messages for visitors (kept in Chinese; shown with :func:`printer_message`)
_NO_PRINTER = QT_TRANSLATE_NOOP("PrintService", "本机没有连接打印机")
_PAUSED = QT_TRANSLATE_NOOP("PrintService", "打印机暂停服务")
_UNAVAILABLE = QT_TRANSLATE_NOOP("PrintService", "打印机暂时无法使用")
_FAULT = QT_TRANSLATE_NOOP("PrintService", "打印机出了故障，没有打印出来")
_PRINTED = QT_TRANSLATE_NOOP("PrintService", "已打印，请在出纸口取走")
_CANNOT_PRINT = QT_TRANSLATE_NOOP("PrintService", "这份材料暂时无法打印")
_TIMED_OUT = QT_TRANSLATE_NOOP("PrintService", "打印超时，没有完成")


def printer_message(message: str) -> str:
    """A message of this module for visitors in the UI language (messages are kept in Chinese, marked
    for translation, and translated where they are shown: the language may change meanwhile)."""
    return QCoreApplication.translate("PrintService", message)


# -- CUPS, without Qt ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class PrinterStatus:
    """What CUPS says about the queue: a keyword, whether a job can go, and why not."""

    state: str
    ready: bool
    #: for visitors, in Chinese ("" when ready; show it with :func:`printer_message`)
    message: str = ""
    #: for the operator (the queue, what CUPS said)
    reason: str = ""


class PrintError(Exception):
    def __init__(self, state: str, message: str, reason: str) -> None:
        super().__init__(reason)
        self.state = state
        self.message = message
        self.reason = reason


#: printer-state-reasons (without -error/-warning/-report) → (state keyword, message for visitors)
_REASONS: tuple[tuple[str, str, str], ...] = (
    ("media-empty", "paper-out", QT_TRANSLATE_NOOP("PrintService", "打印机缺纸")),
    ("media-needed", "paper-out", QT_TRANSLATE_NOOP("PrintService", "打印机缺纸")),
    ("input-tray-missing", "paper-out", QT_TRANSLATE_NOOP("PrintService", "打印机纸盒未放好")),
    ("media-jam", "jam", QT_TRANSLATE_NOOP("PrintService", "打印机卡纸")),
    ("offline", "offline", QT_TRANSLATE_NOOP("PrintService", "打印机没有联机")),
    ("shutdown", "offline", QT_TRANSLATE_NOOP("PrintService", "打印机已关机")),
    ("timed-out", "offline", QT_TRANSLATE_NOOP("PrintService", "打印机没有响应")),
    ("door-open", "error", QT_TRANSLATE_NOOP("PrintService", "打印机盖板没有合上")),
    ("cover-open", "error", QT_TRANSLATE_NOOP("PrintService", "打印机盖板没有合上")),
    ("toner-empty", "error", QT_TRANSLATE_NOOP("PrintService", "打印机墨粉用完了")),
    ("marker-supply-empty", "error", QT_TRANSLATE_NOOP("PrintService", "打印机墨粉用完了")),
    ("output-area-full", "error", QT_TRANSLATE_NOOP("PrintService", "打印机出纸口已满")),
)
_SUFFIX = re.compile(r"-(error|warning|report)$")


def _cups_env() -> dict[str, str]:
    # the C locale: lpstat's words are parsed (CUPS_SERVER and friends pass through)
    return {**os.environ, "LC_ALL": "C", "LANG": "C"}


def _run(args: list[str], timeout: float = 15.0) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False, env=_cups_env(),
                          stdin=subprocess.DEVNULL)


def parse_printer(queue: str, printer_text: str, accepting_text: str) -> PrinterStatus:
    """The state from ``lpstat -l -p QUEUE`` and ``lpstat -a QUEUE`` (C locale)."""
    first = printer_text.strip().splitlines()[0] if printer_text.strip() else ""
    reasons: list[str] = []
    detail = ""
    lines = printer_text.splitlines()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("Alerts:"):
            reasons = [r for r in re.split(r"[\s,]+", stripped[len("Alerts:"):]) if r and r != "none"]
        if index == 1 and line.startswith("\t") and ":" not in stripped:
            detail = stripped  # the message given with cupsdisable -r, or the backend's last message
    for raw in reasons:
        suffix = _SUFFIX.search(raw)
        base = _SUFFIX.sub("", raw)
        if suffix is not None and suffix.group(1) == "warning":
            continue  # e.g. media-low-warning: still prints
        for key, state, message in _REASONS:
            if base == key:
                reason = f"queue {queue}: {raw}" + (f" ({detail})" if detail else "")
                return PrinterStatus(state, False, message, reason)
    if " disabled" in first or "paused" in reasons:
        reason = f"queue {queue} is disabled (stopped)" + (f": {detail}" if detail else "")
        return PrinterStatus("stopped", False, _PAUSED, reason)
    if "not accepting" in accepting_text:
        return PrinterStatus("rejecting", False, _PAUSED, f"queue {queue} is not accepting jobs")
    if "now printing" in first:
        return PrinterStatus("printing", True, "", f"queue {queue} is printing")
    return PrinterStatus("ok", True, "", f"queue {queue} is idle" + (f" ({detail})" if detail else ""))


def query_printer(queue: str) -> PrinterStatus:
    """Ask CUPS about ``queue`` (blocking: call it from a worker thread)."""
    if not queue:
        return PrinterStatus("none", False, _NO_PRINTER, "no printer configured")
    try:
        printer = _run(["lpstat", "-l", "-p", queue])
        accepting = _run(["lpstat", "-a", queue])
    except FileNotFoundError:
        return PrinterStatus("no-cups", False, _UNAVAILABLE,
                             "lpstat not found: install the Debian package cups-client")
    except subprocess.TimeoutExpired:
        return PrinterStatus("no-cups", False, _UNAVAILABLE, "CUPS did not answer lpstat in time")
    said = (printer.stderr or printer.stdout).strip()
    if printer.returncode != 0 or not printer.stdout.strip():
        lowered = said.lower()
        if said and not any(w in lowered for w in ("invalid destination", "unknown destination", "no destinations")):
            return PrinterStatus("no-cups", False, _UNAVAILABLE, f"CUPS: {said}")
        return PrinterStatus("missing", False, _UNAVAILABLE,
                             f"CUPS has no queue named {queue!r}: {said or 'lpstat found nothing'}")
    return parse_printer(queue, printer.stdout, accepting.stdout)


def submit(queue: str, pdf: Path, title: str) -> str:
    """Hand the PDF to CUPS (``lp``); the job's id (``QUEUE-N``)."""
    try:
        done = _run(["lp", "-d", queue, "-t", title[:120] or "kiosk", "--", str(pdf)], timeout=60)
    except FileNotFoundError as exc:
        raise PrintError("no-cups", _UNAVAILABLE, "lp not found: install cups-client") from exc
    except subprocess.TimeoutExpired as exc:
        raise PrintError("error", _UNAVAILABLE, "CUPS did not take the job in time") from exc
    found = re.search(r"request id is (\S+)", done.stdout)
    if done.returncode != 0 or found is None:
        said = (done.stderr or done.stdout).strip()
        raise PrintError("error", _UNAVAILABLE, f"lp -d {queue} failed: {said}")
    return found.group(1)


def job_waiting(queue: str, job_id: str) -> bool:
    """Whether the job is still in the queue (pending, held or printing)."""
    listing = _run(["lpstat", "-W", "not-completed", "-o", queue])
    return any(line.split()[:1] == [job_id] for line in listing.stdout.splitlines())


def job_failed(queue: str, job_id: str) -> str:
    """Why a finished job did not print ("" when it printed, as far as CUPS can tell)."""
    listing = _run(["lpstat", "-l", "-W", "completed", "-o", queue])
    mine = False
    for line in listing.stdout.splitlines():
        if not line.startswith(("\t", " ")):
            mine = line.split()[:1] == [job_id]
        elif mine and line.strip().startswith("Alerts:") and re.search(r"abort|cancel|with-errors", line):
            return line.strip()
    return ""


def cancel(job_id: str) -> None:
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        _run(["cancel", job_id])


def write_printer_state(data_dir: Path, printer: str, status: PrinterStatus) -> None:
    """``DATA_DIR/printer-state.json`` for the heartbeat and the operator (written atomically)."""
    record = {**asdict(status), "printer": printer, "checked": time.strftime("%Y-%m-%d %H:%M:%S")}
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        partial = data_dir / (PRINTER_STATE_NAME + ".part")
        partial.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, data_dir / PRINTER_STATE_NAME)
    except OSError:
        log.warning("could not write the printer state to %s", data_dir, exc_info=True)


# -- documents and jobs -------------------------------------------------------------------------------
Source = Callable[[], bytes] | bytes | Path


@dataclass(frozen=True)
class PrintDocument:
    """Something a visitor can print, and what to offer when it cannot be printed."""

    #: the per-visit limit counts copies by this key, e.g. "guide:000117001000"
    key: str
    #: the job's title in CUPS
    title: str
    #: the PDF: bytes, a file, or a function that builds it (called in a worker thread)
    source: Source
    #: what the QR code offered instead encodes ("" = no QR code)
    qr_text: str = ""
    #: the line under the QR code
    qr_caption: str = ""
    #: shown large when printing is not possible, e.g. a tracking code (may go with the QR code)
    keep_text: str = ""


class PrintJob(QObject):
    """One copy on its way; ``changed`` on every step, ``finished(ok)`` once (always on the UI thread)."""

    changed = Signal()
    finished = Signal(bool)
    _progress = Signal(str, str, str)

    RENDERING, SENDING, PRINTING, DONE, FAILED = "rendering", "sending", "printing", "done", "failed"

    def __init__(self, document: PrintDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.state = self.RENDERING
        self.message = ""
        self.reason = ""
        self.job_id = ""
        self.pages = 0
        self._progress.connect(self._apply, Qt.ConnectionType.QueuedConnection)

    @property
    def done(self) -> bool:
        return self.state in (self.DONE, self.FAILED)

    def _apply(self, state: str, message: str, reason: str) -> None:
        if self.done:
            return
        self.state, self.message, self.reason = state, message, reason
        self.changed.emit()
        if self.done:
            self.finished.emit(state == self.DONE)


class PrintService(QObject):
    """The kiosk's printer: state checks, jobs in worker threads, copies counted per visit."""

    #: the printer's state changed (a :class:`PrinterStatus`), on the UI thread
    status_changed = Signal(object)
    _checked = Signal(object)

    def __init__(self, printer: str, limit: int, data_dir: Path | None = None, parent: QObject | None = None, *,
                 portal_item_url: str = "", job_timeout: float = JOB_TIMEOUT,
                 check_interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.printer = printer.strip()
        self.limit = max(1, limit)
        self.data_dir = data_dir
        self.portal_item_url = portal_item_url
        self.job_timeout = job_timeout
        self.status = PrinterStatus("none" if not self.printer else "unknown", False, "", "not checked yet")
        self._copies: dict[str, int] = {}
        self._jobs: list[PrintJob] = []
        self._lock = threading.Lock()
        self._checking = False
        self._checked.connect(self._set_status, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check_async)
        if self.printer:
            self._timer.start()
        self.check_async()

    @classmethod
    def from_config(cls, config: Any, parent: QObject | None = None) -> PrintService:
        """From a :class:`kiosk.config.Config` (printer, print_limit_per_document, portal_item_url, data_path)."""
        return cls(config.printer, config.print_limit_per_document, config.data_path, parent,
                   portal_item_url=config.portal_item_url)

    # -- what screens ask ------------------------------------------------------------------------------
    @property
    def configured(self) -> bool:
        return bool(self.printer)

    def copies_printed(self, key: str) -> int:
        return self._copies.get(key, 0)

    def copies_left(self, key: str) -> int:
        return max(0, self.limit - self._copies.get(key, 0))

    def item_url(self, code: str) -> str:
        """The item's page on the portal ("" when no pattern is configured)."""
        pattern = self.portal_item_url
        return pattern.replace("{code}", code) if pattern and code else ""

    def new_visit(self) -> None:
        """A new visitor (the kiosk went idle): everyone may print their copies again."""
        self._copies.clear()

    def print_document(self, document: PrintDocument) -> PrintJob:
        """Start printing one copy in the background (the caller checks :attr:`configured` and
        :meth:`copies_left` first: a job beyond the limit fails at once with a kind message)."""
        job = PrintJob(document, self)
        if not self.configured:
            job._apply(PrintJob.FAILED, _NO_PRINTER, "no printer configured")
            return job
        if self.copies_left(document.key) <= 0:
            job._apply(PrintJob.FAILED, self.limit_message(), f"per-visit limit {self.limit} reached")
            return job
        self._copies[document.key] = self._copies.get(document.key, 0) + 1
        self._jobs.append(job)
        job.finished.connect(lambda ok, j=job: self._job_finished(j, ok))
        threading.Thread(target=self._work, args=(job,), name="print-job", daemon=True).start()
        return job

    def limit_message(self) -> str:
        return self.tr("这份材料本次已打印 %n 份。为节约用纸，请扫码带走电子版，需要更多请到服务台。", "", self.limit)

    @property
    def busy(self) -> bool:
        return any(not job.done for job in self._jobs)

    # -- checks ----------------------------------------------------------------------------------------
    def check_async(self) -> None:
        """Look at the printer in a worker thread (the result arrives as :attr:`status_changed`)."""
        with self._lock:
            if self._checking:
                return
            self._checking = True
        threading.Thread(target=self._check, name="printer-check", daemon=True).start()

    def _check(self) -> None:
        try:
            self._record(query_printer(self.printer))
        finally:
            with self._lock:
                self._checking = False

    def _record(self, status: PrinterStatus) -> None:
        """From a worker thread: remember the state (file now, attribute on the UI thread)."""
        if self.data_dir is not None:
            write_printer_state(self.data_dir, self.printer, status)
        self._checked.emit(status)

    def _set_status(self, status: PrinterStatus) -> None:
        changed = status != self.status
        self.status = status
        if changed:
            if not status.ready and status.state != "none":
                log.warning("printer: %s (%s)", status.state, status.reason)
            self.status_changed.emit(status)

    # -- the worker ------------------------------------------------------------------------------------
    def _work(self, job: PrintJob) -> None:
        document = job.document
        path: Path | None = None
        try:
            data = _pdf_bytes(document.source)
            status = query_printer(self.printer)
            self._record(status)
            if not status.ready:
                raise PrintError(status.state, status.message, status.reason)
            job._progress.emit(PrintJob.SENDING, "", "")
            handle, name = tempfile.mkstemp(prefix="kiosk-print-", suffix=".pdf")
            path = Path(name)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            job_id = submit(self.printer, path, document.title)
            job.job_id = job_id
            job._progress.emit(PrintJob.PRINTING, "", f"CUPS job {job_id}")
            self._follow(job_id)
            self._record(PrinterStatus("ok", True, "", f"queue {self.printer}: job {job_id} printed"))
            job._progress.emit(PrintJob.DONE, _PRINTED, f"CUPS job {job_id} completed")
        except PrintError as exc:
            log.warning("printing %r failed: %s", document.title, exc.reason)
            job._progress.emit(PrintJob.FAILED, exc.message, exc.reason)
        except Exception as exc:  # a broken document must not take the kiosk down
            log.exception("printing %r failed", document.title)
            job._progress.emit(PrintJob.FAILED, _CANNOT_PRINT, f"{type(exc).__name__}: {exc}")
        finally:
            if path is not None:
                with contextlib.suppress(OSError):
                    path.unlink()

    def _follow(self, job_id: str) -> None:
        """Wait (in the worker) until CUPS is done with the job; raise when it will not be."""
        deadline = time.monotonic() + self.job_timeout
        idle_since: float | None = None
        while job_waiting(self.printer, job_id):
            status = query_printer(self.printer)
            # the queue idle while our job waits in it: CUPS gave up on it (e.g. "Filter failed")
            idle_since = (idle_since or time.monotonic()) if status.state == "ok" else None
            if idle_since is not None and time.monotonic() - idle_since > STUCK_SECONDS:
                cancel(job_id)
                raise PrintError("error", _FAULT,
                                 f"job {job_id} waits in the idle queue {self.printer} ({status.reason}); cancelled")
            if not status.ready:
                cancel(job_id)  # a stopped job would come out later, for the next visitor
                self._record(status)
                raise PrintError(status.state, status.message, f"{status.reason}; job {job_id} cancelled")
            if time.monotonic() > deadline:
                cancel(job_id)
                raise PrintError("error", _TIMED_OUT,
                                 f"job {job_id} not done after {self.job_timeout:.0f} s; cancelled")
            time.sleep(POLL_SECONDS)
        why = job_failed(self.printer, job_id)
        if why:
            raise PrintError("error", _FAULT, f"job {job_id}: {why}")

    def _job_finished(self, job: PrintJob, ok: bool) -> None:
        if not ok and job.document.key in self._copies:  # a copy that did not come out is not counted
            self._copies[job.document.key] = max(0, self._copies[job.document.key] - 1)
        with contextlib.suppress(ValueError):
            self._jobs.remove(job)
        if not ok:
            self.check_async()


def _pdf_bytes(source: Source) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, Path):
        return source.read_bytes()
    data = source()
    if not data.startswith(b"%PDF"):
        raise ValueError("the document is not a PDF")
    return data


def service_for(store: ContentStore) -> PrintService:
    """The kiosk's print service, kept on the content store.

    The app may set ``store.printing`` itself (``PrintService.from_config``); otherwise it is made on
    first use from the app's configuration (the store's parent) or, with none, without a printer.
    """
    existing = getattr(store, "printing", None)
    if isinstance(existing, PrintService):
        return existing
    config = getattr(store.parent(), "config", None)
    if config is not None and hasattr(config, "printer"):
        service = PrintService.from_config(config, store)
    else:
        service = PrintService("", 3, store.data_dir, store)
    store.printing = service  # type: ignore[attr-defined]
    return service
