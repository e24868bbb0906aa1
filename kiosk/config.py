"""Configuration: defaults, then the system file, the user file, ``--config``, then ``KIOSK_*``.

Every key is declared once in :data:`KEYS` with its type, default and meaning (the README's
configuration table is written from it). An unknown key or a value of the wrong kind stops the
start with a message naming the key and the file.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.data.visitor_rules import VisitorSettings

ASSETS = Path(os.environ.get("KIOSK_ASSETS", Path(__file__).resolve().parent.parent / "assets"))
SYSTEM_CONFIG = Path("/etc/lobby-kiosk/kiosk.toml")


class ConfigError(Exception):
    """A configuration problem, said so that an operator can fix it."""


@dataclass(frozen=True)
class Config:
    data_dir: str = ""
    content_file: str = ""
    office_url: str = ""
    kiosk_id: str = ""
    sync_interval_seconds: int = 60
    idle_seconds: int = 90
    idle_countdown_seconds: int = 10
    orientation: str = "landscape"
    screen_diagonal_inch: float = 32.0
    fullscreen: bool = True
    thanks_seconds: int = 6
    rating_repeat_seconds: float = 5.0
    rating_burst_count: int = 4
    rating_burst_seconds: float = 60.0
    rating_channel: str = "政务大厅自助终端"
    region_code: str = ""
    feedback_max_chars: int = 500
    feedback_reply_working_days: int = 5
    printer: str = ""
    print_limit_per_document: int = 3
    portal_item_url: str = ""
    language: str = "zh"
    quiet_hours: str = ""
    quiet_style: str = "clock"
    brightness_day: int = 100
    brightness_quiet: int = 20
    speech_volume: int = 80
    admin_pin_hash: str = ""

    # -- derived --------------------------------------------------------------------------------------
    @property
    def screen_size(self) -> tuple[int, int]:
        return (1920, 1080) if self.orientation == "landscape" else (1080, 1920)

    @property
    def dpi(self) -> float:
        width, height = self.screen_size
        return math.hypot(width, height) / self.screen_diagonal_inch

    def visitor_settings(self) -> VisitorSettings:
        from kiosk.data.visitor_rules import VisitorSettings

        return VisitorSettings(
            feedback_max_chars=self.feedback_max_chars, feedback_reply_working_days=self.feedback_reply_working_days,
            rating_repeat_seconds=self.rating_repeat_seconds, rating_burst_count=self.rating_burst_count,
            rating_burst_seconds=self.rating_burst_seconds, thanks_seconds=self.thanks_seconds,
            channel=self.rating_channel, region_code=self.region_code,
        )

    @property
    def data_path(self) -> Path:
        if self.data_dir:
            return Path(self.data_dir).expanduser()
        from platformdirs import user_data_dir

        return Path(user_data_dir("lobby-kiosk", appauthor=False))

    @property
    def content_path(self) -> Path:
        return Path(self.content_file).expanduser() if self.content_file else ASSETS / "content" / "demo.yaml"


KEYS: dict[str, str] = {
    "data_dir": "folder of the content cache and the local records (default: the platform's user data folder)",
    "content_file": "content file loaded into the embedded office "
                    "(default: the demo content in assets/content/demo.yaml)",
    "office_url": "office database URL, e.g. postgresql+psycopg://kiosk:PW@office/kiosk (default: the embedded office "
                  "file office.sqlite in the data folder)",
    "kiosk_id": "this kiosk's name in the office's reports (default: the host name)",
    "sync_interval_seconds": "seconds between background syncs with the office",
    "idle_seconds": "seconds without a touch before the idle countdown appears",
    "idle_countdown_seconds": "length of the visible countdown before the kiosk resets to the attract screen",
    "orientation": "landscape (1920×1080) or portrait (1080×1920)",
    "screen_diagonal_inch": "diagonal of the touchscreen; sizes in millimetres are converted with it",
    "fullscreen": "fullscreen frameless window (false only for development)",
    "thanks_seconds": "seconds the thanks screen stays before the kiosk returns home by itself",
    "rating_repeat_seconds": "a rating for the same window post within this many seconds is kept but flagged "
                             "as a repeated press",
    "rating_burst_count": "this many ratings from the kiosk within rating_burst_seconds: the last ones are "
                          "flagged as repeated presses",
    "rating_burst_seconds": "the window of rating_burst_count",
    "rating_channel": "评价渠道 written into every rating record (GB/T 39046)",
    "region_code": "行政区划 code written into every rating record (empty: not sent)",
    "feedback_max_chars": "longest opinion or complaint text a visitor can submit, in characters",
    "feedback_reply_working_days": "promised reply time for feedback, in working days (weekends skipped)",
    "printer": "CUPS queue the kiosk prints to (empty: no printer; print buttons offer a QR code instead)",
    "print_limit_per_document": "copies of one document a visitor may print in one visit",
    "portal_item_url": "address of an item's page on the government service portal, {code} replaced by the item "
                       "code (empty: no portal QR code on the printed guide)",
    "language": "language a visitor starts in: zh (中文) or en (English); a visitor may switch, reset at idle",
    "quiet_hours": "outside office hours, e.g. \"19:00-07:30\" (may cross midnight): when idle the kiosk shows a "
                   "dark screen with a moving clock and dims the backlight; a touch wakes it (empty: never quiet)",
    "quiet_style": "what quiet hours show: clock (a dark screen with a clock that moves against burn-in) or dim "
                   "(a dark screen only)",
    "brightness_day": "backlight level in percent outside quiet hours (the admin screen may override it)",
    "brightness_quiet": "backlight level in percent during quiet hours (the admin screen may override it)",
    "speech_volume": "read-aloud volume in percent, restored for every visitor",
    "admin_pin_hash": "salted scrypt hash of the admin PIN, written by `kiosk set-pin` (the PIN itself is never "
                      "stored; empty: the admin screen cannot be opened)",
}

_CHOICES = {"orientation": ("landscape", "portrait"), "language": ("zh", "en"), "quiet_style": ("clock", "dim")}
_RANGES: dict[str, tuple[float, float]] = {
    "idle_seconds": (10, 3600), "idle_countdown_seconds": (3, 120), "screen_diagonal_inch": (7, 120),
    "sync_interval_seconds": (5, 86400), "thanks_seconds": (1, 60), "rating_repeat_seconds": (0, 3600),
    "rating_burst_count": (0, 1000), "rating_burst_seconds": (1, 3600), "feedback_max_chars": (10, 5000),
    "feedback_reply_working_days": (1, 60), "print_limit_per_document": (1, 100),
    "brightness_day": (1, 100), "brightness_quiet": (0, 100), "speech_volume": (0, 100),
}
#: keys whose text must match a pattern: (regular expression, what the value should look like)
_PATTERNS: dict[str, tuple[str, str]] = {
    "quiet_hours": (r"(?:(?:[01]\d|2[0-3]):[0-5]\d-(?:[01]\d|2[0-3]):[0-5]\d)?",
                    'empty or "HH:MM-HH:MM" (24-hour clock), e.g. "19:00-07:30"'),
    "admin_pin_hash": (r"(?:scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*)?",
                       "a hash written by `kiosk set-pin` (scrypt$N$r$p$salt$hash), never the PIN itself"),
}


def _coerce(key: str, value: Any, source: str) -> Any:
    kind = {f.name: f.type for f in fields(Config)}[key]
    expected_types: dict[str, type | tuple[type, ...]] = {
        "str": str, "int": int, "float": (int, float), "bool": bool,
    }
    expected = expected_types[str(kind)]
    if isinstance(value, str) and source.startswith("environment"):
        value = _from_env_text(key, value, str(kind), source)
    if (isinstance(value, bool) and kind != "bool") or not isinstance(value, expected):
        raise ConfigError(f"{source}: key '{key}' must be {kind}, found {value!r}")
    if kind == "float":
        value = float(value)  # type: ignore[arg-type]
    if key in _CHOICES and value not in _CHOICES[key]:
        raise ConfigError(f"{source}: key '{key}' must be one of {', '.join(_CHOICES[key])}, found {value!r}")
    if key in _PATTERNS and not re.fullmatch(_PATTERNS[key][0], value):
        shown = "(hidden)" if key == "admin_pin_hash" else repr(value)
        raise ConfigError(f"{source}: key '{key}' must be {_PATTERNS[key][1]}, found {shown}")
    if key == "admin_pin_hash" and value and not _valid_pin_hash(value):
        raise ConfigError(f"{source}: key 'admin_pin_hash' has scrypt settings this kiosk does not accept; "
                          "set the PIN again with `kiosk set-pin`")
    if key == "quiet_hours" and value and value[:5] == value[6:]:
        raise ConfigError(f"{source}: key 'quiet_hours' starts and ends at the same time, found {value!r}")
    if key in _RANGES:
        low, high = _RANGES[key]
        if not low <= value <= high:
            raise ConfigError(f"{source}: key '{key}' must be between {low:g} and {high:g}, found {value!r}")
    return value


def _valid_pin_hash(value: str) -> bool:
    from kiosk.admin_pin import valid_hash

    return valid_hash(value)


def _from_env_text(key: str, text: str, kind: str, source: str) -> Any:
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "bool":
            return {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}[text.lower()]
    except (ValueError, KeyError):
        raise ConfigError(f"{source}: key '{key}' must be {kind}, found {text!r}") from None
    return text


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key '{key}' (known keys: {', '.join(KEYS)})")
    return data


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("lobby-kiosk", appauthor=False)) / "kiosk.toml"


def load_config(explicit: Path | None = None, *, environ: dict[str, str] | None = None,
                layered: bool = True, **overrides: Any) -> Config:
    """Build the effective configuration. ``layered=False`` skips the system and user files (tests)."""
    env = os.environ if environ is None else environ
    config = Config()
    files = [p for p in (SYSTEM_CONFIG, user_config_path()) if layered and p.is_file()]
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
        files.append(explicit)
    for path in files:
        values = {k: _coerce(k, v, str(path)) for k, v in _read_file(path).items()}
        config = replace(config, **values)
    for key in KEYS:
        name = f"KIOSK_{key.upper()}"
        if name in env:
            config = replace(config, **{key: _coerce(key, env[name], f"environment {name}")})
    for key, value in overrides.items():
        if value is not None:
            config = replace(config, **{key: _coerce(key, value, "command line")})
    return config
