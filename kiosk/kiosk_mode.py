"""What the kiosk is doing as a whole (normal, maintenance, quiet), for the office's heartbeat.

The app writes ``kiosk-mode.json`` in the data folder when the mode changes (rarely: an admin pausing the
service, quiet hours starting or ending); the sync runner, in its own thread, reads it into each heartbeat.
A file rather than shared state: ``kiosk sync --status`` and an operator's ``cat`` see it too. No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

MODE_NAME = "kiosk-mode.json"
MODES = ("normal", "maintenance", "quiet")


def write_mode(data_dir: Path, mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"unknown kiosk mode {mode!r}")
    path = data_dir / MODE_NAME
    partial = path.with_suffix(".json.part")
    with contextlib.suppress(OSError):  # a full disk costs the office one stale word, never the kiosk
        partial.write_text(json.dumps({"mode": mode}), encoding="utf-8")
        os.replace(partial, path)


def read_mode(data_dir: Path) -> str:
    try:
        mode = json.loads((data_dir / MODE_NAME).read_text(encoding="utf-8")).get("mode")
    except (OSError, ValueError, AttributeError):
        return "normal"
    return mode if mode in MODES else "normal"
