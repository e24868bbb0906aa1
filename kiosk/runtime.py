"""The running kiosk process: logging, crashes, signals and the systemd watchdog (``kiosk`` without a command).

* Logging goes to ``kiosk.log`` in the data folder (rotated: 5 files of 2 MB at most) and to stderr,
  which systemd hands to the journal.
* An uncaught exception — in Python code, in a Qt slot (PySide6 hands those to ``sys.excepthook``) or
  in a background thread — is logged with its traceback, ``last-crash.json`` is written, and the
  process exits with status 70 (``EX_SOFTWARE``) for systemd to restart it. faulthandler writes native
  crashes (and the SIGABRT systemd sends on a watchdog timeout) with every thread's stack to
  ``crash-native.log``; the next start copies that dump into the log and writes the crash marker.
  The next heartbeat reports the marker once (:mod:`kiosk.crash_report`, :mod:`sync.runner`).
* SIGTERM (``systemctl stop``), SIGINT and SIGHUP reach the Qt event loop through a wakeup fd (a
  socketpair watched by a QSocketNotifier): the loop ends between two events — never inside a
  visitor's outbox commit, which runs synchronously on the UI thread — the sync worker is stopped,
  the databases closed, and the process exits 0.
* With ``NOTIFY_SOCKET`` set (``Type=notify``) it sends ``READY=1`` once the first frame is painted;
  with ``WATCHDOG_USEC`` too (``WatchdogSec=``) it sends ``WATCHDOG=1`` every half interval from a
  QTimer on the GUI thread, so a hung UI stops the pings and a busy background thread does not.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.crash_report import write_marker

if TYPE_CHECKING:
    from kiosk.app import KioskApp
    from kiosk.config import Config

log = logging.getLogger(__name__)

LOG_NAME = "kiosk.log"
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 4  # kiosk.log and kiosk.log.1 … .4: 10 MB at most
NATIVE_CRASH_NAME = "crash-native.log"
EXIT_CRASH = 70  # EX_SOFTWARE
#: seconds after which READY=1 is sent even if no paint arrived (a hidden window, a platform without frames)
READY_FALLBACK_MS = 10_000
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)

_started_hooks: list[Callable[[KioskApp], None]] = []


def on_started(callback: Callable[[KioskApp], None]) -> None:
    """Call ``callback(kiosk)`` once the kiosk is shown, just before the event loop starts (tests)."""
    _started_hooks.append(callback)


# -- logging ------------------------------------------------------------------------------------------------
def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Log to ``DATA_DIR/kiosk.log`` (rotated) and to stderr (the journal under systemd)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOG_NAME
    root = logging.getLogger()
    for handler in root.handlers[:]:
        root.removeHandler(handler)
        handler.close()
    to_file = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                                   encoding="utf-8")
    to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"))
    to_stderr = logging.StreamHandler(sys.stderr)
    if os.environ.get("JOURNAL_STREAM"):  # stderr is the journal: it stamps lines itself and reads "<3>" levels
        to_stderr.setFormatter(_JournalFormatter("%(levelname)s %(name)s: %(message)s"))
    else:
        to_stderr.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(to_file)
    root.addHandler(to_stderr)
    root.setLevel(level)
    logging.captureWarnings(True)
    return path


class _JournalFormatter(logging.Formatter):
    """Each line prefixed with its syslog priority (``<3>`` error …), which journald turns into the level."""

    def format(self, record: logging.LogRecord) -> str:
        priority = 3 if record.levelno >= logging.ERROR else 4 if record.levelno >= logging.WARNING else \
            6 if record.levelno >= logging.INFO else 7
        return "\n".join(f"<{priority}>{line}" for line in super().format(record).splitlines())


def flush_logs() -> None:
    for handler in logging.getLogger().handlers:
        with contextlib.suppress(Exception):  # nothing sensible is left to do with a broken handler
            handler.flush()


# -- crashes ------------------------------------------------------------------------------------------------
class _GuiExit(QObject):
    """Ends the process from the GUI thread, between two events (asked from any thread)."""

    requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.requested.connect(self._exit, Qt.ConnectionType.QueuedConnection)

    def _exit(self) -> None:
        flush_logs()
        os._exit(EXIT_CRASH)


class CrashHandlers:
    """Installed once per process by :func:`install_crash_handlers`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.native_path = data_dir / NATIVE_CRASH_NAME
        self._native_file: IO[str] | None = None
        self._gui_exit: _GuiExit | None = None

    def install(self) -> None:
        self.collect_native_crash()
        self._native_file = self.native_path.open("w", encoding="utf-8")
        faulthandler.enable(self._native_file, all_threads=True)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def attach_gui(self) -> None:
        """Once the QApplication exists: a background thread's crash ends the process on the GUI thread."""
        self._gui_exit = _GuiExit()

    def collect_native_crash(self) -> None:
        """A dump left by faulthandler (the previous run died natively): log it, mark the crash."""
        try:
            text = self.native_path.read_text(encoding="utf-8", errors="replace")
            when = self.native_path.stat().st_mtime
        except OSError:
            return
        if not text.strip():
            return
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        what = next((line for line in lines if line.startswith("Fatal Python error")), lines[0])
        log.error("the previous run crashed (native crash, dump from %s):\n%s", self.native_path, text.rstrip())
        write_marker(self.data_dir, what, at=when)
        os.replace(self.native_path, self.native_path.with_name(NATIVE_CRASH_NAME + ".1"))

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """An exception nobody caught on the main thread (a Qt slot included): log, mark, exit 70."""
        try:
            log.critical("uncaught exception: the kiosk stops (exit status %d)", EXIT_CRASH,
                         exc_info=(exc_type, exc, tb))
            write_marker(self.data_dir, _describe(exc_type, exc))
        finally:
            flush_logs()
            os._exit(EXIT_CRASH)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        try:
            log.critical("uncaught exception in thread %s: the kiosk stops (exit status %d)", name, EXIT_CRASH,
                         exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback))
            write_marker(self.data_dir, f"in thread {name}: {_describe(args.exc_type, args.exc_value)}")
        finally:
            flush_logs()
            if self._gui_exit is not None and QCoreApplication.instance() is not None:
                self._gui_exit.requested.emit()  # between two events: never inside a visitor's commit
            else:
                os._exit(EXIT_CRASH)


def _describe(exc_type: type[BaseException], exc: BaseException | None) -> str:
    text = str(exc) if exc is not None else ""
    first = text.splitlines()[0] if text.strip() else ""
    return f"{exc_type.__name__}: {first}" if first else exc_type.__name__


def install_crash_handlers(data_dir: Path) -> CrashHandlers:
    handlers = CrashHandlers(data_dir)
    handlers.install()
    return handlers


# -- signals ------------------------------------------------------------------------------------------------
class SignalWatcher(QObject):
    """Delivers SIGTERM/SIGINT/SIGHUP to the Qt event loop as ``received(signum)``.

    Python runs its signal handlers only between bytecodes, and a Qt loop waiting for events runs
    none: the C-level handler writes the signal number to a socketpair (``signal.set_wakeup_fd``),
    whose read end wakes a QSocketNotifier in the loop. Made on the main thread, after the QApplication.
    """

    received = Signal(int)

    def __init__(self, signals: tuple[signal.Signals, ...] = STOP_SIGNALS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._signals = signals
        for signum in signals:
            signal.signal(signum, _python_handler)

    def _wake(self) -> None:
        try:
            data = self._read.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for signum in data:
            self.received.emit(signum)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for signum in self._signals:
            signal.signal(signum, signal.SIG_DFL)
        self._read.close()
        self._write.close()


def _python_handler(signum: int, _frame: object) -> None:
    """Nothing to do here: the wakeup fd carries the signal to the event loop."""


# -- systemd ------------------------------------------------------------------------------------------------
def notify_address(environ: Mapping[str, str] | None = None) -> str:
    """``NOTIFY_SOCKET`` as a socket address ('@name' is an abstract socket), "" when not set or unusable."""
    address = (os.environ if environ is None else environ).get("NOTIFY_SOCKET", "")
    if address.startswith("@"):
        return "\0" + address[1:]
    return address if address.startswith("/") else ""


def sd_notify(state: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send one notification (``READY=1``, ``WATCHDOG=1``, ``STOPPING=1``, ``STATUS=…``) to systemd."""
    address = notify_address(environ)
    if not address:
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
        try:
            sock.sendto(state.encode("utf-8"), address)
        except OSError as exc:
            log.warning("systemd notification %r not sent: %s", state, exc)
            return False
    return True


def watchdog_interval_ms(environ: Mapping[str, str] | None = None) -> int:
    """Half of ``WATCHDOG_USEC`` in milliseconds (0: no watchdog for this process)."""
    env = os.environ if environ is None else environ
    if not notify_address(env):
        return 0
    try:
        usec = int(env.get("WATCHDOG_USEC", "0"))
        pid = int(env.get("WATCHDOG_PID", "0") or 0)
    except ValueError:
        return 0
    # WATCHDOG_PID names the service's main process: this one, or cage when cage runs the kiosk
    if usec <= 0 or (pid and pid not in (os.getpid(), os.getppid())):
        return 0
    return max(1, usec // 2000)


class SystemdNotifier(QObject):
    """``READY=1`` after the first paint of ``window``; ``WATCHDOG=1`` from a GUI-thread timer."""

    def __init__(self, window: QWidget, environ: Mapping[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._environ = dict(os.environ if environ is None else environ)
        self.enabled = bool(notify_address(self._environ))
        self.interval_ms = watchdog_interval_ms(self._environ)
        self._ready_sent = False
        self._window = window
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.ping)
        if self.enabled:
            window.installEventFilter(self)
            QTimer.singleShot(READY_FALLBACK_MS, self, self.ready)
        if self.interval_ms:
            self._timer.start(self.interval_ms)
            log.info("systemd watchdog: WATCHDOG=1 every %d ms from the GUI thread", self.interval_ms)

    def notify(self, state: str) -> bool:
        return self.enabled and sd_notify(state, self._environ)

    def ping(self) -> None:
        self.notify("WATCHDOG=1")

    def ready(self) -> None:
        if not self._ready_sent:
            self._ready_sent = True
            self._window.removeEventFilter(self)
            if self.notify("READY=1\nSTATUS=showing the kiosk"):
                log.info("told systemd the kiosk is ready")

    def stopping(self) -> None:
        self._timer.stop()
        self.notify("STOPPING=1")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._ready_sent:
            QTimer.singleShot(0, self, self.ready)  # after this first frame has been painted
        return False


# -- the run ------------------------------------------------------------------------------------------------
#: set to 1 by the start-up benchmark only (bench/bundle_bench.py), never in service
FIRST_FRAME_MARK = "KIOSK_FIRST_FRAME_MARK"


class FirstFrameMark(QObject):
    """At the window's first Paint event: print ``time.time()`` on stdout and end the process at once.

    Exists for the benchmark only: with ``KIOSK_FIRST_FRAME_MARK=1`` the real start path (bundle or
    console script) reports its first frame, which bench/bundle_bench.py times from the outside.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            sys.stdout.write(f"{time.time():.6f}\n")
            sys.stdout.flush()
            os._exit(0)
        return False


def run(config: Config) -> int:
    """Run the kiosk until SIGTERM (exit 0) or a crash (exit 70); what ``kiosk`` does without a command."""
    from PySide6.QtWidgets import QApplication

    from kiosk import __version__

    data_dir = config.data_path
    log_path = setup_logging(data_dir)
    crash = install_crash_handlers(data_dir)
    log.info("kiosk %s starting (pid %d, data folder %s, log %s)", __version__, os.getpid(), data_dir, log_path)

    from kiosk.app import EXIT_RESTART, KioskApp
    from kiosk.widgets.pinyin_keyboard import prepare_environment

    prepare_environment()  # the Pinyin keyboard is Qt's input method: before the QApplication exists
    qapp = QApplication(sys.argv[:1])
    crash.attach_gui()
    signals = SignalWatcher()
    stop_signal: list[int] = []
    kiosk = KioskApp(config, qapp)
    systemd = SystemdNotifier(kiosk.window)
    if os.environ.get(FIRST_FRAME_MARK) == "1":  # the benchmark's mark (FirstFrameMark), not for service
        kiosk.window.installEventFilter(FirstFrameMark(kiosk.window))

    def stop(signum: int) -> None:
        if stop_signal:
            return
        stop_signal.append(signum)
        log.info("%s received: stopping", signal.Signals(signum).name)
        systemd.stopping()
        qapp.exit(0)  # not quit(): the kiosk's window refuses to close

    signals.received.connect(stop)
    kiosk.exit_requested.connect(qapp.exit)  # restart or exit from the admin screen
    kiosk.show()
    kiosk.start()
    for hook in _started_hooks:
        hook(kiosk)
    log.info("kiosk running")
    status = qapp.exec()
    shutdown(kiosk)
    signals.close()
    log.info("kiosk stopped (%s), exit status %d",
             signal.Signals(stop_signal[0]).name if stop_signal else "event loop ended", status)
    flush_logs()
    if status == EXIT_RESTART and not os.environ.get("INVOCATION_ID"):
        restart_in_place()  # under systemd (INVOCATION_ID set) the unit's Restart=always starts it again
    return status


def restart_in_place() -> None:
    """Replace this process with a fresh kiosk, same arguments (the admin's 重启程序 outside systemd)."""
    log.info("restarting in place: %s", " ".join(sys.argv))
    flush_logs()
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: the executable is the kiosk itself
        os.execv(sys.executable, sys.argv)
    os.execv(sys.executable, [sys.executable, "-m", "kiosk", *sys.argv[1:]])


def shutdown(kiosk: KioskApp) -> None:
    """After the event loop: stop the background work and close the databases (nothing is mid-commit)."""
    kiosk.idle.set_enabled(False)
    if kiosk.sync_worker is not None:
        kiosk.sync_worker.stop()
    kiosk.store.wait(10)
    if kiosk.store.catalog is not None:
        kiosk.store.catalog.close()
    if kiosk.store.runner is not None:
        kiosk.store.runner.close()

