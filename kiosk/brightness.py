"""The screen's backlight and the brightness schedule: a day level, and a lower one in quiet hours.

No Qt. :class:`Backlight` drives the kernel's backlight interface (``/sys/class/backlight/NAME/``
with ``max_brightness`` and ``brightness``); many kiosk screens (HDMI monitors, most touch panels
over USB) have none, and then :attr:`Backlight.available` is False and quiet hours are shown by
darkening the picture instead.

Quiet hours are ``""`` (never quiet) or ``"HH:MM-HH:MM"`` on the 24-hour clock; the span may cross
midnight (``"19:00-07:30"``): it starts at the first time (included) and ends at the second
(excluded).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, time
from pathlib import Path

log = logging.getLogger(__name__)

BACKLIGHT_ROOT = Path("/sys/class/backlight")
#: the levels without configuration or admin setting (kiosk/config.py has the same defaults)
DEFAULT_DAY = 100
DEFAULT_QUIET = 20
#: the lowest day level the admin can set: a black screen in opening hours looks broken
MIN_DAY = 10

_SPAN = re.compile(r"(\d{2}):(\d{2})-(\d{2}):(\d{2})")


def parse_quiet_hours(text: str) -> tuple[time, time] | None:
    """``"19:00-07:30"`` → (19:00, 07:30); ``""`` → None. A malformed span raises ValueError saying why."""
    text = text.strip()
    if not text:
        return None
    match = _SPAN.fullmatch(text)
    if match is None:
        raise ValueError(f'quiet hours must be "HH:MM-HH:MM" on the 24-hour clock, e.g. "19:00-07:30"; '
                         f"found {text!r}")
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    for hour, minute in ((h1, m1), (h2, m2)):
        if hour > 23 or minute > 59:
            raise ValueError(f"quiet hours {text!r}: {hour:02d}:{minute:02d} is not a time of day "
                             "(hours 00–23, minutes 00–59)")
    start, end = time(h1, m1), time(h2, m2)
    if start == end:
        raise ValueError(f"quiet hours {text!r} start and end at the same time (for no quiet hours leave it empty)")
    return start, end


def in_quiet_hours(now: datetime, quiet_hours: str) -> bool:
    """Whether ``now`` falls in the quiet span (start included, end excluded; may cross midnight)."""
    span = parse_quiet_hours(quiet_hours)
    if span is None:
        return False
    start, end = span
    clock = now.time()
    if start < end:
        return start <= clock < end
    return clock >= start or clock < end  # across midnight


def brightness_for(now: datetime, quiet_hours: str, day: int, quiet: int) -> int:
    """The backlight level in percent for ``now``: ``quiet`` in quiet hours, ``day`` otherwise (0–100)."""
    level = quiet if in_quiet_hours(now, quiet_hours) else day
    return max(0, min(100, int(level)))


class Backlight:
    """The first backlight device the kernel offers (``available`` is False without one)."""

    def __init__(self, root: Path = BACKLIGHT_ROOT) -> None:
        self.device: Path | None = None
        self.maximum = 0
        try:
            candidates = sorted(root.iterdir()) if root.is_dir() else []
        except OSError:
            candidates = []
        for folder in candidates:
            try:
                maximum = int((folder / "max_brightness").read_text(encoding="ascii").strip())
            except (OSError, ValueError):
                continue
            if maximum > 0 and (folder / "brightness").exists():
                self.device, self.maximum = folder, maximum
                break

    @property
    def available(self) -> bool:
        return self.device is not None

    @property
    def name(self) -> str:
        return self.device.name if self.device is not None else ""

    def percent(self) -> int | None:
        """The level now, in percent (None without a backlight or when it cannot be read)."""
        if self.device is None:
            return None
        try:
            raw = int((self.device / "brightness").read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None
        return round(raw * 100 / self.maximum)

    def set_percent(self, percent: int) -> bool:
        """Set the level (0–100, clamped); False without a backlight or when the kernel refuses the write
        (the kiosk user needs write access to the file, e.g. through a udev rule)."""
        if self.device is None:
            return False
        percent = max(0, min(100, int(percent)))
        raw = round(percent * self.maximum / 100)
        try:
            (self.device / "brightness").write_text(str(raw), encoding="ascii")
        except OSError as exc:
            log.warning("could not set the backlight %s to %d%%: %s", self.device, percent, exc)
            return False
        return True
