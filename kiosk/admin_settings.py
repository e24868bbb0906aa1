"""Settings the admin changes on the kiosk itself: ``DATA_DIR/admin-settings.json``. No Qt.

They override the configuration file (so an operator at the kiosk does not need a terminal) and
survive a restart. Only the backlight levels live here for now::

    {"brightness_day": 80, "brightness_quiet": 10}

A key missing from the file falls back to the configuration; an unreadable or damaged file is
logged and ignored (the configuration applies), never a reason not to start.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kiosk.atomic_file import write_atomic
from kiosk.brightness import DEFAULT_DAY, DEFAULT_QUIET, MIN_DAY

log = logging.getLogger(__name__)

SETTINGS_NAME = "admin-settings.json"


@dataclass(frozen=True)
class AdminSettings:
    brightness_day: int = DEFAULT_DAY
    brightness_quiet: int = DEFAULT_QUIET


def clamp_day(level: int) -> int:
    return max(MIN_DAY, min(100, int(level)))


def clamp_quiet(level: int) -> int:
    return max(0, min(100, int(level)))


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_NAME


def load(data_dir: Path, config: Any = None) -> AdminSettings:
    """The file's values over the configuration's (``config.brightness_day`` / ``brightness_quiet``)."""
    day = int(getattr(config, "brightness_day", DEFAULT_DAY))
    quiet = int(getattr(config, "brightness_quiet", DEFAULT_QUIET))
    path = settings_path(data_dir)
    raw: object = {}
    if path.exists():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("ignoring the admin settings %s: %s", path, exc)
    if isinstance(raw, dict):
        if isinstance(raw.get("brightness_day"), int) and not isinstance(raw["brightness_day"], bool):
            day = raw["brightness_day"]
        if isinstance(raw.get("brightness_quiet"), int) and not isinstance(raw["brightness_quiet"], bool):
            quiet = raw["brightness_quiet"]
    return AdminSettings(clamp_day(day), clamp_quiet(quiet))


def save(data_dir: Path, settings: AdminSettings) -> None:
    """Write the file atomically (temporary file, fsync, rename): a power cut leaves the old or the new one."""
    write_atomic(settings_path(data_dir), json.dumps(asdict(settings), ensure_ascii=False, indent=1) + "\n")
