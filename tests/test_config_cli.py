"""``kiosk config --check`` and ``kiosk config --show``: problems name key and file, sources, secrets hidden."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith("KIOSK_") and name != "KIOSK_ASSETS":
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))  # no user file unless a test writes one


def _toml(tmp_path: Path, text: str, name: str = "kiosk.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "expected"), [
    ("idle_secs = 5\n", "unknown key 'idle_secs'"),
    ('idle_seconds = "ninety"\n', "key 'idle_seconds' must be int"),
    ("idle_seconds = 2\n", "key 'idle_seconds' must be between 10 and 3600"),
    ("print_limit_per_document = 1000\n", "key 'print_limit_per_document' must be between 1 and 100"),
    ('orientation = "sideways"\n', "key 'orientation' must be one of landscape, portrait"),
    ("fullscreen = 1\n", "key 'fullscreen' must be bool"),
    ("idle_seconds = \n", "not valid TOML"),
    ('content_file = "/nonexistent/content.yaml"\n', "key 'content_file' names a file that does not exist"),
    ('office_url = "mysql://kiosk@office/kiosk"\n', "key 'office_url' must be a postgresql or sqlite URL"),
    ('office_url = "not a url"\n', "key 'office_url' is not a database URL"),
])
def test_check_names_the_key_and_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
                                          expected: str) -> None:
    path = _toml(tmp_path, text)
    assert main(["config", "--check", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert str(path) in err


def test_check_names_an_invalid_environment_variable(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_SYNC_INTERVAL_SECONDS", "often")
    assert main(["config", "--check"]) == 2
    assert "environment KIOSK_SYNC_INTERVAL_SECONDS: key 'sync_interval_seconds' must be int" in capsys.readouterr().err


def test_check_ok_lists_the_files_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "xdg" / "lobby-kiosk").mkdir(parents=True)
    user = _toml(tmp_path / "xdg" / "lobby-kiosk", "idle_seconds = 60\n")  # the user file (XDG_CONFIG_HOME)
    explicit = _toml(tmp_path, 'kiosk_id = "hall-1"\n')
    assert main(["--config", str(explicit), "config", "--check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("configuration OK\n")
    assert f"files read: {user}, {explicit}" in out
    assert main(["config", "--check"]) == 0
    assert f"files read: {user}\n" in capsys.readouterr().out


def test_show_gives_each_setting_and_its_source_and_the_environment_wins(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = _toml(tmp_path, 'idle_seconds = 120\norientation = "portrait"\nprinter = "hall-printer"\n')
    monkeypatch.setenv("KIOSK_IDLE_SECONDS", "45")
    assert main(["--config", str(path), "--windowed", "config", "--show"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "idle_seconds = 45  # environment KIOSK_IDLE_SECONDS" in lines
    assert f'orientation = "portrait"  # {path}' in lines
    assert f'printer = "hall-printer"  # {path}' in lines
    assert "fullscreen = false  # command line" in lines
    assert "idle_countdown_seconds = 10  # default" in lines
    from kiosk.config import KEYS

    assert len(lines) == len(KEYS)


def test_show_hides_the_office_password(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = _toml(tmp_path, 'office_url = "postgresql+psycopg://kiosk:s3cret-pw@office.example/kiosk"\n')
    assert main(["--config", str(path), "config", "--show"]) == 0
    out = capsys.readouterr().out
    assert "s3cret-pw" not in out
    assert f'office_url = "postgresql+psycopg://kiosk:***@office.example/kiosk"  # {path}' in out
    monkeypatch.setenv("KIOSK_OFFICE_URL", "postgresql+psycopg://kiosk:env-pw@other/kiosk")
    assert main(["--config", str(path), "config", "--show"]) == 0
    out = capsys.readouterr().out
    assert "env-pw" not in out
    assert "kiosk:***@other/kiosk" in out and "# environment KIOSK_OFFICE_URL" in out


def test_secret_keys_are_never_shown() -> None:
    from kiosk.config_cli import HIDDEN, hide_password, shown

    assert shown("admin_pin_hash", "scrypt$16384$8$1$c2FsdA$aGFzaA") == HIDDEN
    assert shown("admin_pin_hash", "") == '""'
    assert hide_password("postgresql://kiosk:pw@host/db") == "postgresql://kiosk:***@host/db"


def test_the_command_in_a_real_process(tmp_path: Path) -> None:
    path = _toml(tmp_path, "idle_seconds = 1\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    result = subprocess.run([sys.executable, "-m", "kiosk", "config", "--check", "--config", str(path)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert f"{path}: key 'idle_seconds' must be between 10 and 3600" in result.stderr
    path.write_text("idle_seconds = 30\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kiosk", "config", "--check", "--config", str(path)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "configuration OK" in result.stdout
