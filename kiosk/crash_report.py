"""The marker a crashed kiosk leaves in its data folder, reported once by the next start's heartbeat.

``last-crash.json`` holds when the crash happened and one line saying what it was
(``RuntimeError: …`` for a Python exception, the ``Fatal Python error: …`` line of a native crash).
It is written by :mod:`kiosk.runtime` (the exception hook, or the next start finding a native crash
dump in ``crash-native.log``) and read by :class:`sync.runner.SyncRunner` when it queues a heartbeat;
the marker is removed once that heartbeat is in the outbox (from where it is sent, retried if need
be). Nothing here needs Qt.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

CRASH_MARKER = "last-crash.json"


def write_marker(data_dir: Path, what: str, *, at: float | None = None) -> None:
    """Record a crash (atomically, fsynced: the process is about to end)."""
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(time.time() if at is None else at))
    data = json.dumps({"at": stamp, "what": " ".join(what.split())[:500], "pid": os.getpid()}, ensure_ascii=False)
    path = data_dir / CRASH_MARKER
    partial = path.with_suffix(".json.part")
    with partial.open("w", encoding="utf-8") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def previous_crash(data_dir: Path) -> str:
    """``previous run crashed at <time>: <what>``, or "" when the last run did not crash."""
    try:
        raw = json.loads((data_dir / CRASH_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    if not isinstance(raw, dict):
        return "previous run crashed (unreadable crash marker)"
    return f"previous run crashed at {raw.get('at', '?')}: {raw.get('what', '?')}"


def clear_marker(data_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (data_dir / CRASH_MARKER).unlink()
