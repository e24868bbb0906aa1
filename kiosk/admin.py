"""The hidden admin's side of the kiosk, as the screens reach it: ``store.admin``.

The screens never act on the app themselves: they ask this object, which records the action
(:mod:`kiosk.admin_actions`) and emits a signal; the app decides what a restart or an exit means.
Maintenance mode is kept in ``DATA_DIR/maintenance.json`` so that a restart (or a crash) leaves a
kiosk that was taken out of service out of service.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk import admin_actions
from kiosk.admin_pin import PinGuard
from kiosk.atomic_file import write_atomic

log = logging.getLogger("kiosk.admin")

MAINTENANCE_NAME = "maintenance.json"
LOG_NAME = "kiosk.log"  # as kiosk.runtime.LOG_NAME (not imported: that module pulls in the whole runtime)
#: the most of the log files read for the admin's log view
LOG_TAIL_BYTES = 256 * 1024


class AdminService(QObject):
    """PIN guard, action record, maintenance mode and the requests the admin screen makes."""

    #: maintenance mode was switched (True: out of service)
    maintenance_changed = Signal(bool)
    sync_now_requested = Signal()
    restart_requested = Signal()
    exit_requested = Signal()

    def __init__(self, data_dir: Path, pin_hash: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.pin_guard = PinGuard(data_dir, pin_hash)
        self._maintenance = self._load_maintenance()

    def record(self, action: str, detail: str = "") -> None:
        admin_actions.record(self.data_dir, action, detail)

    # -- maintenance --------------------------------------------------------------------------------------
    @property
    def maintenance(self) -> bool:
        return self._maintenance

    def set_maintenance(self, on: bool) -> None:
        """Switch maintenance mode (kept across restarts); ``maintenance_changed`` when it changes."""
        changed = on != self._maintenance
        self._maintenance = on
        self._save_maintenance(on)
        self.record("maintenance-on" if on else "maintenance-off")
        if changed:
            self.maintenance_changed.emit(on)

    def _load_maintenance(self) -> bool:
        path = self.data_dir / MAINTENANCE_NAME
        try:
            return bool(json.loads(path.read_text(encoding="utf-8")).get("maintenance", False))
        except FileNotFoundError:
            return False
        except (OSError, ValueError, AttributeError):
            log.warning("%s is unreadable; the kiosk starts in service", path)
            return False

    def _save_maintenance(self, on: bool) -> None:
        text = json.dumps({"maintenance": on, "since": datetime.now().strftime("%Y-%m-%d %H:%M:%S")})
        write_atomic(self.data_dir / MAINTENANCE_NAME, text)

    # -- requests the app carries out ---------------------------------------------------------------------
    def request_sync_now(self) -> None:
        self.record("sync-now")
        self.sync_now_requested.emit()

    def request_restart(self) -> None:
        self.record("restart")
        self.restart_requested.emit()

    def request_exit(self) -> None:
        self.record("exit")
        self.exit_requested.emit()

    # -- log ------------------------------------------------------------------------------------------------
    def log_tail(self, lines: int = 80) -> list[str]:
        """The last ``lines`` lines of the kiosk's log (from ``kiosk.log.1`` too when ``kiosk.log`` was
        just rotated), reading at most :data:`LOG_TAIL_BYTES` in all."""
        if lines <= 0:
            return []
        found: list[str] = []
        budget = LOG_TAIL_BYTES
        for name in (LOG_NAME, LOG_NAME + ".1"):
            if len(found) >= lines or budget <= 0:
                break
            text, budget = _tail_text(self.data_dir / name, budget)
            found = text.splitlines() + found
        return found[-lines:]


def _tail_text(path: Path, budget: int) -> tuple[str, int]:
    """The end of ``path`` (at most ``budget`` bytes, starting on a whole line) and the budget left."""
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            start = max(0, size - budget)
            handle.seek(start)
            data = handle.read(size - start)
    except OSError:
        return "", budget
    if start > 0:  # the first line read is cut: drop it
        newline = data.find(b"\n")
        data = data[newline + 1:] if newline >= 0 else b""
    return data.decode("utf-8", "replace"), budget - (size - start)
