"""``kiosk --self-test``: every screen rendered over a fresh data folder, exit 0; a clear failure otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk import selftest
from kiosk.app import SCREENS
from kiosk.cli import _parser
from kiosk.config import ASSETS, load_config

ROOT = Path(__file__).resolve().parent.parent


def _command(data_dir: Path) -> list[str]:
    """``python -m kiosk --self-test`` once the command line has the flag, else the module's own entry."""
    if "--self-test" in _parser().format_help():
        return [sys.executable, "-m", "kiosk", "--self-test", "--data-dir", str(data_dir)]
    return [sys.executable, "-m", "kiosk.selftest", "--data-dir", str(data_dir)]


def test_self_test_in_a_child_process_renders_every_screen(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(_command(tmp_path / "data"), cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("self-test OK")
    for name in SCREENS:
        assert any(line.startswith(f"screen {name} ") and " OK " in line for line in lines), name
    assert any(line.startswith("content cache ") and "15 items" in line for line in lines)
    assert any("Pinyin keyboard loaded" in line for line in lines)
    assert any("rendered by QtPdf" in line for line in lines)
    assert (tmp_path / "data").is_dir()  # the cache was made where it was told
    assert "self-test FAILED" not in done.stderr


def test_self_test_in_process(qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(layered=False, data_dir=str(tmp_path), fullscreen=False)
    assert selftest.run(config) == 0
    out = capsys.readouterr().out
    assert "self-test OK" in out
    assert out.count("\nscreen ") == len(SCREENS)


def test_broken_content_fails_with_the_reason(qapp: QApplication, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("items: [this is: not: valid\n", encoding="utf-8")
    config = load_config(layered=False, data_dir=str(tmp_path / "data"), content_file=str(broken))
    assert selftest.run(config) == 1
    captured = capsys.readouterr()
    assert "self-test OK" not in captured.out
    assert "self-test FAILED: content: not loaded" in captured.err


def test_assets_without_the_keyboard_qml_fail_naming_the_screen(tmp_path: Path) -> None:
    """What a bundle without the virtual keyboard's QML looks like: the screen and the reason are named."""
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS, assets, ignore=shutil.ignore_patterns("qml"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "KIOSK_ASSETS": str(assets)}
    done = subprocess.run(_command(tmp_path / "data"), cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "self-test OK" not in done.stdout
    assert "self-test FAILED: screen rate_details: the Pinyin keyboard did not load" in done.stderr
