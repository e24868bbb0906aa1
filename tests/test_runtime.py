"""The running kiosk process (kiosk/runtime.py): log file, crash exit and report, SIGTERM, systemd watchdog.

Every test runs the real ``kiosk`` command in a child process, offscreen, over a copy of the demo
cache: ``python -m tests.test_runtime MODE DATA_DIR`` registers a hook (:func:`kiosk.runtime.on_started`)
that does what MODE says once the content is ready, then calls ``kiosk.cli.main(["--windowed",
"--data-dir", DATA_DIR])`` — the same path as ``kiosk --windowed`` on a kiosk. Without a MODE the
tests run ``python -m kiosk`` itself. Modes:

* ``raise``: a slot raises ``RuntimeError`` (Qt hands it to ``sys.excepthook``);
* ``thread``: a background thread raises;
* ``segv``: a native crash (``faulthandler._sigsegv``);
* ``quit``: the event loop ends as soon as the content is ready (a clean "next start");
* ``rate``: a visitor rates a window post; ``rated`` is printed when the thanks screen shows;
* ``block``: a busy background thread spins from the start; a line ``block`` on stdin makes the GUI
  thread print ``blocking`` and wait for the next line (a hung UI), then print ``unblocked``.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 180  # a safety net for a stuck child, never a measured duration


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


def _data(tmp_path: Path, demo_cache: Path) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(demo_cache, data_dir)
    return data_dir


def _child(mode: str, data_dir: Path, tmp_path: Path, **env: str) -> subprocess.Popen[str]:
    command = ([sys.executable, "-m", "tests.test_runtime", mode, str(data_dir)] if mode else
               [sys.executable, "-m", "kiosk", "--windowed", "--data-dir", str(data_dir)])
    stderr = (tmp_path / f"stderr-{mode or 'kiosk'}.txt").open("w", encoding="utf-8")
    return subprocess.Popen(command, cwd=ROOT, env=_env(**env), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=stderr, text=True)


def _finish(child: subprocess.Popen[str], tmp_path: Path, mode: str = "") -> tuple[int, str, str]:
    out, _ = child.communicate(timeout=TIMEOUT)
    err = (tmp_path / f"stderr-{mode or 'kiosk'}.txt").read_text(encoding="utf-8")
    return child.returncode, out, err


def _read_until(stream: IO[str] | None, word: str) -> str:
    assert stream is not None
    for line in stream:
        if line.startswith(word):
            return line
    raise AssertionError(f"the child ended before printing {word!r}")


def _heartbeat_errors(data_dir: Path) -> list[str]:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from sync.db import default_office_url, office_engine
    from sync.office_models import Heartbeat

    engine = office_engine(default_office_url(data_dir))
    try:
        with Session(engine) as session:
            return [row or "" for row in session.scalars(select(Heartbeat.last_error))]
    finally:
        engine.dispose()


def _sync_once(data_dir: Path) -> None:
    """What the next start's first sync does (the content loader runs exactly this)."""
    from kiosk.config import ASSETS
    from sync.runner import SyncRunner

    runner = SyncRunner(data_dir, content_file=ASSETS / "content" / "demo.yaml", kiosk_id="test")
    try:
        runner.once()
    finally:
        runner.close()


# -- crashes ------------------------------------------------------------------------------------------------
def test_an_exception_in_a_slot_is_logged_exits_non_zero_and_is_reported_once(tmp_path: Path,
                                                                               demo_cache: Path) -> None:
    from kiosk.crash_report import CRASH_MARKER

    data_dir = _data(tmp_path, demo_cache)
    status, _out, err = _finish(_child("raise", data_dir, tmp_path, JOURNAL_STREAM="8:1234"), tmp_path, "raise")
    assert status == 70, err[-3000:]
    log = (data_dir / "kiosk.log").read_text(encoding="utf-8")
    assert "uncaught exception: the kiosk stops (exit status 70)" in log
    assert "Traceback (most recent call last)" in log
    assert "RuntimeError: test crash in a slot" in log
    assert "<3>RuntimeError: test crash in a slot" in err  # the journal has it too, as an error
    assert "<6>INFO kiosk.runtime: kiosk running" in err
    assert (data_dir / CRASH_MARKER).is_file()

    _sync_once(data_dir)
    _sync_once(data_dir)
    reported = [e for e in _heartbeat_errors(data_dir) if "previous run crashed" in e]
    assert len(reported) == 1, _heartbeat_errors(data_dir)
    assert "RuntimeError: test crash in a slot" in reported[0]
    assert not (data_dir / CRASH_MARKER).exists()


def test_an_exception_in_a_background_thread_stops_the_kiosk(tmp_path: Path, demo_cache: Path) -> None:
    data_dir = _data(tmp_path, demo_cache)
    status, _out, err = _finish(_child("thread", data_dir, tmp_path), tmp_path, "thread")
    assert status == 70, err[-3000:]
    log = (data_dir / "kiosk.log").read_text(encoding="utf-8")
    assert "uncaught exception in thread doomed" in log
    assert "ValueError: test crash in a thread" in log
    assert "in thread doomed: ValueError: test crash in a thread" in (data_dir / "last-crash.json").read_text()


def test_a_native_crash_is_dumped_and_the_next_start_reports_it(tmp_path: Path, demo_cache: Path) -> None:
    from kiosk.crash_report import CRASH_MARKER

    data_dir = _data(tmp_path, demo_cache)
    status, _out, err = _finish(_child("segv", data_dir, tmp_path), tmp_path, "segv")
    assert status == -signal.SIGSEGV, err[-3000:]
    dump = (data_dir / "crash-native.log").read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in dump
    assert "_sigsegv" in dump or "Current thread" in dump

    status, _out, err = _finish(_child("quit", data_dir, tmp_path), tmp_path, "quit")  # the next start
    assert status == 0, err[-3000:]
    log = (data_dir / "kiosk.log").read_text(encoding="utf-8")
    assert "the previous run crashed (native crash" in log
    assert (data_dir / "crash-native.log").read_text(encoding="utf-8") == ""  # the old dump moved to .1
    assert "Segmentation fault" in (data_dir / "crash-native.log.1").read_text(encoding="utf-8")
    assert not (data_dir / CRASH_MARKER).exists()  # the start's own sync reported it
    reported = [e for e in _heartbeat_errors(data_dir) if "previous run crashed" in e]
    assert len(reported) == 1
    assert "Fatal Python error: Segmentation fault" in reported[0]


# -- SIGTERM --------------------------------------------------------------------------------------------------
def test_sigterm_exits_cleanly_and_says_so(tmp_path: Path, demo_cache: Path) -> None:
    data_dir = _data(tmp_path, demo_cache)
    folder = tempfile.mkdtemp(prefix="kiosk-notify-")
    address = os.path.join(folder, "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        sock.settimeout(TIMEOUT)
        child = _child("", data_dir, tmp_path, NOTIFY_SOCKET=address)  # the real `python -m kiosk`
        try:
            assert sock.recv(256).startswith(b"READY=1")  # the first frame is on screen
        finally:
            child.send_signal(signal.SIGTERM)
        status, _out, err = _finish(child, tmp_path)
        assert status == 0, err[-3000:]
        assert sock.recv(256) == b"STOPPING=1"
    shutil.rmtree(folder)
    log = (data_dir / "kiosk.log").read_text(encoding="utf-8")
    assert "SIGTERM received: stopping" in log
    assert "kiosk stopped (SIGTERM), exit status 0" in log
    assert "Traceback" not in log
    assert not (data_dir / "last-crash.json").exists()


def test_sigterm_right_after_a_rating_keeps_the_rating(tmp_path: Path, demo_cache: Path) -> None:
    from kiosk.data.outbox import OUTBOX_NAME, Outbox

    data_dir = _data(tmp_path, demo_cache)
    child = _child("rate", data_dir, tmp_path)
    try:
        post_code = _read_until(child.stdout, "rated").split()[1]
    finally:
        child.send_signal(signal.SIGTERM)
    status, _out, err = _finish(child, tmp_path, "rate")
    assert status == 0, err[-3000:]
    assert "SIGTERM received: stopping" in (data_dir / "kiosk.log").read_text(encoding="utf-8")
    outbox = Outbox(data_dir / OUTBOX_NAME)
    try:
        ratings = outbox.recent("rating", 10)  # sent already or still waiting: either way kept
    finally:
        outbox.close()
    assert len(ratings) == 1
    assert ratings[0].payload["post_code"] == post_code
    assert ratings[0].payload["level"] == 1


# -- systemd watchdog -----------------------------------------------------------------------------------------
def test_watchdog_pings_come_from_the_gui_thread(tmp_path: Path, demo_cache: Path) -> None:
    data_dir = _data(tmp_path, demo_cache)
    name = f"kiosk-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)  # an abstract socket, as NOTIFY_SOCKET="@…"
        sock.settimeout(TIMEOUT)
        child = _child("block", data_dir, tmp_path, NOTIFY_SOCKET="@" + name, WATCHDOG_USEC="1000000")
        assert child.stdin is not None
        try:
            messages = [sock.recv(256)]
            while messages.count(b"WATCHDOG=1") < 4:  # with a busy background thread spinning all along
                messages.append(sock.recv(256))
            assert any(m.startswith(b"READY=1") for m in messages), messages
            assert "busy" in _read_until(child.stdout, "busy")

            child.stdin.write("block\n")
            child.stdin.flush()
            _read_until(child.stdout, "blocking")  # every ping sent before this is already in the socket
            sock.setblocking(False)
            while True:
                try:
                    sock.recv(256)
                except BlockingIOError:
                    break
            # the UI thread is blocked: no ping in three watchdog half-intervals
            sock.settimeout(1.5)
            try:
                late = sock.recv(256)
            except TimeoutError:
                late = b""
            assert late == b"", "a ping arrived while the GUI thread was blocked"

            child.stdin.write("go\n")
            child.stdin.flush()
            _read_until(child.stdout, "unblocked")
            sock.settimeout(TIMEOUT)
            assert sock.recv(256) == b"WATCHDOG=1"  # alive again
        finally:
            child.send_signal(signal.SIGTERM)
            status, _out, err = _finish(child, tmp_path, "block")
    assert status == 0, err[-3000:]


def test_notify_address_and_interval() -> None:
    from kiosk.runtime import notify_address, watchdog_interval_ms

    assert notify_address({}) == ""
    assert notify_address({"NOTIFY_SOCKET": "@name"}) == "\0name"
    assert notify_address({"NOTIFY_SOCKET": "/run/systemd/notify"}) == "/run/systemd/notify"
    assert notify_address({"NOTIFY_SOCKET": "vsock:2:1234"}) == ""  # not supported: no notifications
    env = {"NOTIFY_SOCKET": "@n", "WATCHDOG_USEC": "20000000"}
    assert watchdog_interval_ms(env) == 10_000
    assert watchdog_interval_ms({**env, "WATCHDOG_PID": str(os.getpid())}) == 10_000
    assert watchdog_interval_ms({**env, "WATCHDOG_PID": str(os.getppid())}) == 10_000  # cage runs the kiosk
    others = {os.getpid(), os.getppid()}
    other = next(pid for pid in range(2, 10**6) if pid not in others)
    assert watchdog_interval_ms({**env, "WATCHDOG_PID": str(other)}) == 0  # meant for another process
    assert watchdog_interval_ms({"WATCHDOG_USEC": "20000000"}) == 0


def test_the_log_file_rotates(tmp_path: Path) -> None:
    import logging

    from kiosk import runtime

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        path = runtime.setup_logging(tmp_path)
        for handler in root.handlers:
            if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
                root.removeHandler(handler)  # keep the test's output quiet
        line = "x" * 1000
        for _ in range(12_000):  # ≈ 12 MB written, at most 5 × 2 MB kept
            logging.getLogger("test").info(line)
    finally:
        for handler in root.handlers[:]:
            root.removeHandler(handler)
            handler.close()
        root.handlers[:], root.level = saved[0], saved[1]
    files = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("kiosk.log"))
    assert files == ["kiosk.log", "kiosk.log.1", "kiosk.log.2", "kiosk.log.3", "kiosk.log.4"]
    assert all(p.stat().st_size <= runtime.LOG_MAX_BYTES for p in tmp_path.iterdir())
    assert path == tmp_path / "kiosk.log"


# -- the child ------------------------------------------------------------------------------------------------
def _main(mode: str, data_dir: str) -> int:
    import faulthandler
    import threading

    from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Slot
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk import runtime
    from kiosk.app import KioskApp
    from kiosk.cli import main

    class Actions(QObject):
        def __init__(self, kiosk: KioskApp) -> None:
            super().__init__(kiosk)
            self.kiosk = kiosk
            kiosk.store.ready.connect(self.ready)  # queued: runs on the GUI thread after the app's own slot

        @Slot()
        def ready(self) -> None:
            if mode == "raise":
                QTimer.singleShot(0, self, self.explode)
            elif mode == "thread":
                threading.Thread(target=_explode_in_thread, name="doomed").start()
            elif mode == "segv":
                faulthandler._sigsegv()  # type: ignore[attr-defined]
            elif mode == "quit":
                app = QApplication.instance()
                assert app is not None
                app.exit(0)
            elif mode == "rate":
                self.rate()

        @Slot()
        def explode(self) -> None:
            raise RuntimeError("test crash in a slot")

        def rate(self) -> None:
            app = QApplication.instance()
            assert app is not None
            navigator = self.kiosk.navigator
            navigator.screen_changed.connect(self.changed)
            navigator.go("rate", None)
            app.processEvents()
            button = navigator.current_screen().buttons[0]  # type: ignore[union-attr]
            self.post_code = button.code
            QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
            app.processEvents()
            face = navigator.current_screen().faces.buttons[1]  # type: ignore[union-attr]
            QTest.mouseClick(face, Qt.MouseButton.LeftButton, pos=face.rect().center())

        @Slot(str)
        def changed(self, name: str) -> None:
            if name == "rate_thanks":
                print("rated", self.post_code, flush=True)

    class Blocker(QObject):
        def __init__(self, parent: QObject) -> None:
            super().__init__(parent)
            self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)
            self.notifier.activated.connect(self.line)

        @Slot()
        def line(self) -> None:
            if sys.stdin.readline().strip() == "block":
                print("blocking", flush=True)
                sys.stdin.readline()  # the GUI thread hangs here until the parent says go
                print("unblocked", flush=True)

    def started(kiosk: KioskApp) -> None:
        Actions(kiosk)
        if mode == "block":
            Blocker(kiosk)
            threading.Thread(target=_spin, name="busy", daemon=True).start()
            print("busy", flush=True)

    runtime.on_started(started)
    return main(["--windowed", "--data-dir", data_dir])


def _explode_in_thread() -> None:
    raise ValueError("test crash in a thread")


def _spin() -> None:
    while True:  # a background thread that never rests (it shares the GIL with the GUI thread)
        sum(range(10_000))


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1], sys.argv[2]))
