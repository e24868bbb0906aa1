"""Configuration: layering, validation messages naming key and file, environment overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config


def test_defaults() -> None:
    config = load_config(None, layered=False, environ={})
    assert config.idle_seconds == 90
    assert config.screen_size == (1920, 1080)
    assert config.content_path.name == "demo.yaml"


def test_file_then_environment_then_command_line(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('idle_seconds = 120\norientation = "portrait"\n', encoding="utf-8")
    config = load_config(path, layered=False, environ={"KIOSK_IDLE_SECONDS": "45"})
    assert config.idle_seconds == 45
    assert config.screen_size == (1080, 1920)
    assert load_config(path, layered=False, environ={}, idle_seconds=30).idle_seconds == 30


@pytest.mark.parametrize(("text", "expected"), [
    ("idle_secs = 5\n", "unknown key 'idle_secs'"),
    ('idle_seconds = "ninety"\n', "key 'idle_seconds' must be int"),
    ("idle_seconds = 2\n", "key 'idle_seconds' must be between 10 and 3600"),
    ('orientation = "sideways"\n', "key 'orientation' must be one of landscape, portrait"),
    ("fullscreen = 1\n", "key 'fullscreen' must be bool"),
    ("idle_seconds = \n", "not valid TOML"),
])
def test_invalid_files_name_key_and_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, layered=False, environ={})
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


def test_invalid_environment_value_is_named() -> None:
    with pytest.raises(ConfigError, match=r"KIOSK_IDLE_SECONDS.*must be int"):
        load_config(None, layered=False, environ={"KIOSK_IDLE_SECONDS": "soon"})


def test_readme_documents_every_key_with_its_default() -> None:
    from dataclasses import fields
    from pathlib import Path

    from kiosk.config import KEYS, Config

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    defaults = Config()
    for field in fields(Config):
        value = getattr(defaults, field.name)
        shown = str(value).lower() if isinstance(value, bool) else (f'"{value}"' if isinstance(value, str) else value)
        assert f"| `{field.name}` | `{shown}` |" in readme, f"README lacks the row of {field.name}"
        assert field.name in KEYS


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("quiet_hours", "19:00-7:30", "HH:MM-HH:MM"),
    ("quiet_hours", "24:00-06:00", "HH:MM-HH:MM"),
    ("quiet_hours", "08:00-08:00", "same time"),
    ("quiet_style", "sleep", "clock, dim"),
    ("language", "fr", "zh, en"),
    ("brightness_quiet", 150, "between 0 and 100"),
    ("admin_pin_hash", "123456", "kiosk set-pin"),
])
def test_new_keys_are_checked_with_key_and_file_named(tmp_path: Path, key: str, value: object, expected: str) -> None:
    from kiosk.config import ConfigError, load_config

    path = tmp_path / "kiosk.toml"
    path.write_text(f"{key} = {value!r}\n".replace("'", '"'), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, layered=False, environ={})
    message = str(caught.value)
    assert str(path) in message and f"'{key}'" in message and expected in message
    assert "123456" not in message  # a PIN typed into the hash's place is not echoed


def test_quiet_hours_across_midnight_and_pin_hash_accepted(tmp_path: Path) -> None:
    from kiosk.config import load_config

    path = tmp_path / "kiosk.toml"
    stored = "scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g="
    path.write_text(f'quiet_hours = "19:00-07:30"\nadmin_pin_hash = "{stored}"\nlanguage = "en"\n', encoding="utf-8")
    config = load_config(path, layered=False, environ={"KIOSK_LANGUAGE": "zh"})
    assert (config.quiet_hours, config.admin_pin_hash, config.language) == ("19:00-07:30", stored, "zh")
