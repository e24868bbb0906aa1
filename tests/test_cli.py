"""The command line that operators, tests and benchmarks rely on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DEMO, MINI


def kiosk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          env=environment, timeout=120, check=False)


def test_search_prints_code_name_department(tmp_path: Path) -> None:
    done = kiosk("--data-dir", str(tmp_path), "--content", str(MINI), "search", "hp")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "000117001000\t建设项目环境影响报告书审批\t行政审批处"


def test_search_without_match_says_so(tmp_path: Path) -> None:
    done = kiosk("--data-dir", str(tmp_path), "--content", str(MINI), "search", "zzzzqqq")
    assert done.returncode == 1
    assert "没有找到" in done.stderr


def test_demo_search_by_initials(tmp_path: Path) -> None:
    done = kiosk("--data-dir", str(tmp_path), "search", "pwxk")
    assert done.returncode == 0, done.stderr
    assert "排污许可证核发" in done.stdout.splitlines()[0]


def test_check_content_reports_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace("format: 1", "format: 9"), encoding="utf-8")
    done = kiosk("check-content", str(bad))
    assert done.returncode == 1
    assert "bad.yaml:2: format: this kiosk reads format 1, the file says 9" in done.stderr
    assert kiosk("check-content", str(DEMO)).returncode == 0


def test_run_without_display_points_to_screenshots(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "kiosk", "--data-dir", str(tmp_path)], capture_output=True,
                          text=True, env=env, timeout=60, check=False)
    assert done.returncode == 2
    assert "no display" in done.stderr and "kiosk screenshots" in done.stderr


def test_bad_configuration_stops_with_the_key_named(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("idle_secnds = 3\n", encoding="utf-8")
    done = kiosk("--config", str(config), "search", "hp")
    assert done.returncode == 2
    assert "unknown key 'idle_secnds'" in done.stderr and str(config) in done.stderr
