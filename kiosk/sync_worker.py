"""The running kiosk's background sync: a thread that syncs every N seconds and at once when nudged.

The UI thread never runs a sync step; it only hears the outcome through signals (delivered on the
UI thread by Qt). Failures are retried with backoff; the visitor keeps browsing the cache.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from sync.runner import SyncRunner

log = logging.getLogger(__name__)


class SyncWorker(QObject):
    #: the content changed; True when the cache file was replaced by a full pull
    content_changed = Signal(bool)
    #: one round finished: (ok, one line for the operator)
    finished = Signal(bool, str)

    def __init__(self, runner: SyncRunner, interval_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.interval = interval_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="office-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def nudge(self) -> None:
        """Sync now (a visitor has just submitted something)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.runner.backoff_seconds(self.interval))
            self._wake.clear()
            if self._stop.is_set():
                break
            self.run_once()

    def run_once(self) -> None:
        try:
            pulled, pushed = self.runner.once()
        except Exception as exc:
            log.warning("sync failed: %s: %s", type(exc).__name__, exc)
            self.finished.emit(False, f"{type(exc).__name__}: {exc}")
            return
        if pulled.changes:
            self.content_changed.emit(pulled.full)
        self.finished.emit(True, f"{pulled.line()}; {pushed.line()}")
