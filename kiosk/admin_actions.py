"""What was done on the hidden admin screen, kept on the kiosk and reported to the office.

Each action is one JSON line ``{"at": "YYYY-MM-DD HH:MM:SS", "action": ..., "detail": ...}`` appended
to ``DATA_DIR/admin-actions.jsonl`` (flushed and fsynced: an action just before a power cut is kept)
and logged. The sync runner sends the lines not yet reported in its heartbeat: :func:`unreported`
gives them, :func:`mark_reported` moves past them once the office has them.

The file is bounded: past :data:`MAX_LINES` lines it is cut to the last :data:`KEEP_LINES`. The
reported mark (``admin-actions.reported``) counts lines since the file was first written and also
how many were cut, and :func:`mark_reported` counts from where the last :func:`unreported` began:
a cut in between (the UI thread records while the sync thread reports) marks no line wrongly.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.atomic_file import write_atomic

log = logging.getLogger("kiosk.admin")

ACTIONS_NAME = "admin-actions.jsonl"
REPORTED_NAME = "admin-actions.reported"
MAX_LINES = 2000
KEEP_LINES = 1000

_lock = threading.Lock()
#: data folder → where (counted since the file began) the last :func:`unreported` started
_given: dict[str, int] = {}


def actions_path(data_dir: Path) -> Path:
    return data_dir / ACTIONS_NAME


def _lines(data_dir: Path) -> list[bytes]:
    try:
        data = actions_path(data_dir).read_bytes()
    except FileNotFoundError:
        return []
    return [line for line in data.split(b"\n") if line.strip()]


def _mark(data_dir: Path) -> tuple[int, int]:
    """(lines reported since the file began, lines cut from its start since then)."""
    try:
        data = json.loads((data_dir / REPORTED_NAME).read_text(encoding="utf-8"))
        return int(data["reported"]), int(data["cut"])
    except FileNotFoundError:
        return 0, 0
    except (OSError, ValueError, TypeError, KeyError):
        log.warning("%s is unreadable; reporting every admin action kept", data_dir / REPORTED_NAME)
        return 0, 0


def _save_mark(data_dir: Path, reported: int, cut: int) -> None:
    write_atomic(data_dir / REPORTED_NAME, json.dumps({"reported": reported, "cut": cut}).encode("utf-8"))


def record(data_dir: Path, action: str, detail: str = "") -> None:
    """Append one action (durably) and log it."""
    entry = {"at": datetime.now().strftime("%Y-%m-%d %H:%M:%S"), "action": action, "detail": detail}
    line = json.dumps(entry, ensure_ascii=False).encode("utf-8") + b"\n"
    log.info("admin action: %s%s", action, f" ({detail})" if detail else "")
    with _lock:
        data_dir.mkdir(parents=True, exist_ok=True)
        path = actions_path(data_dir)
        with path.open("ab") as out:
            if out.tell() > 0 and not _ends_with_newline(path):
                line = b"\n" + line  # the last write was cut short (power loss): never glue onto it
            elif out.tell() == 0 and (data_dir / REPORTED_NAME).exists():
                _save_mark(data_dir, 0, 0)  # a new file (the old one was removed): nothing of it is reported
            out.write(line)
            out.flush()
            os.fsync(out.fileno())
        _bound(data_dir)


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def _bound(data_dir: Path) -> None:
    lines = _lines(data_dir)
    if len(lines) <= MAX_LINES:
        return
    removed = len(lines) - KEEP_LINES
    reported, cut = _mark(data_dir)
    write_atomic(actions_path(data_dir), b"\n".join(lines[removed:]) + b"\n")
    _save_mark(data_dir, reported, cut + removed)
    log.info("admin actions: kept the last %d, %d older ones removed", KEEP_LINES, removed)


def unreported(data_dir: Path) -> list[dict[str, Any]]:
    """The actions not yet reported, oldest first (a line that is not JSON is given as its text)."""
    with _lock:
        lines = _lines(data_dir)
        reported, cut = _mark(data_dir)
        start = max(reported, cut)  # lines cut before they were reported are gone
        _given[str(data_dir.resolve())] = start
    entries: list[dict[str, Any]] = []
    for line in lines[start - cut:]:
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        if not isinstance(entry, dict):
            entry = {"at": "", "action": "unreadable", "detail": line.decode("utf-8", "replace")[:200]}
        entries.append(entry)
    return entries


def mark_reported(data_dir: Path, count: int) -> None:
    """The first ``count`` entries the last :func:`unreported` gave have reached the office."""
    if count <= 0:
        return
    with _lock:
        total = len(_lines(data_dir))
        reported, cut = _mark(data_dir)
        start = _given.pop(str(data_dir.resolve()), max(reported, cut))
        _save_mark(data_dir, max(reported, min(start + count, cut + total)), cut)
