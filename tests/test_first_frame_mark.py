"""The benchmark's first-frame mark (``KIOSK_FIRST_FRAME_MARK=1``, kiosk/runtime.py FirstFrameMark).

bench/bundle_bench.py times the real start path (the bundle, the ``kiosk`` console script) from the
outside: the kiosk prints ``time.time()`` at its window's first Paint event and exits at once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 180  # a safety net for a stuck child, never a measured duration


def test_the_mark_is_the_time_of_the_first_frame_and_the_kiosk_then_exits(tmp_path: Path,
                                                                          demo_cache: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo_cache, data_dir)
    env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")}
    env.update(QT_QPA_PLATFORM="offscreen", KIOSK_FIRST_FRAME_MARK="1")
    before = time.time()
    done = subprocess.run([sys.executable, "-m", "kiosk", "--windowed", "--data-dir", str(data_dir)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    after = time.time()
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert len(lines) == 1, done.stdout
    whole, _, decimals = lines[0].partition(".")
    assert whole.isdigit() and len(decimals) == 6, lines[0]
    assert before < float(lines[0]) < after
    log = (data_dir / "kiosk.log").read_text(encoding="utf-8")
    assert "kiosk running" in log  # the event loop was running: a real first frame, not an early exit
    assert "kiosk stopped" not in log  # it left at the mark, not through the normal stop
