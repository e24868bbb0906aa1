"""A rating is on disk before "谢谢您的评价" appears: kill -9 the kiosk the moment the thanks screen shows.

A child process (this module run as ``python -m tests.test_rating_durable DATA_DIR``) builds the real
kiosk over DATA_DIR offscreen, taps a window post and a good level with QTest, and SIGKILLs itself
from a slot on ``navigator.screen_changed`` as soon as "rate_thanks" becomes the current screen — no
chance to flush or close anything. The parent then opens the outbox file as a restarted kiosk would
and finds the rating there, released and pending for sending.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from kiosk.data.outbox import OUTBOX_NAME, Outbox

ROOT = Path(__file__).resolve().parent.parent
MARK = "tapping"  # printed by the child just before the taps


def test_the_rating_is_durable_before_the_thanks_screen(tmp_path: Path, demo_cache: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo_cache, data_dir)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "tests.test_rating_durable", str(data_dir)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=180)
    assert MARK in result.stdout, result.stderr[-3000:]
    assert result.returncode == -signal.SIGKILL, (result.returncode, result.stdout[-2000:], result.stderr[-3000:])
    post_code = result.stdout.split(MARK, 1)[1].split()[0]

    outbox = Outbox(data_dir / OUTBOX_NAME)
    try:
        ratings = [p for p in outbox.pending() if p.kind == "rating"]
    finally:
        outbox.close()
    assert len(ratings) == 1
    payload = ratings[0].payload
    assert payload["level"] == 1
    assert payload["post_code"] == post_code
    assert payload["department_code"]


def _child(data_dir: str) -> None:
    """The kiosk to be killed (see the module's doc)."""
    import json
    import tempfile

    screen_file = Path(tempfile.gettempdir()) / "kiosk-durable-offscreen.json"
    screen_file.write_text(json.dumps({"screens": [{"name": "kiosk", "x": 0, "y": 0, "width": 1920, "height": 1920,
                                                    "logicalDpi": 96}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_file}"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.app import KioskApp
    from kiosk.config import ASSETS, load_config

    qapp = QApplication(sys.argv[:1])
    config = load_config(None, layered=False, environ={}, content_file=str(ASSETS / "content" / "demo.yaml"),
                         fullscreen=False, data_dir=data_dir)
    kiosk = KioskApp(config, qapp)
    kiosk.show()
    kiosk.store.load_now()
    qapp.processEvents()

    def changed(name: str) -> None:
        if name == "rate_thanks":
            os.kill(os.getpid(), signal.SIGKILL)

    kiosk.navigator.screen_changed.connect(changed)
    kiosk.navigator.go("rate", None)
    for _ in range(5):
        qapp.processEvents()
    screen = kiosk.navigator.current_screen()
    button = screen.buttons[0]  # type: ignore[union-attr]
    print(MARK, button.code, flush=True)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    for _ in range(5):
        qapp.processEvents()
    level = kiosk.navigator.current_screen()
    face = level.faces.buttons[1]  # type: ignore[union-attr]
    QTest.mouseClick(face, Qt.MouseButton.LeftButton, pos=face.rect().center())
    for _ in range(5):
        qapp.processEvents()
    print("still alive on", kiosk.navigator.current[0], flush=True)
    sys.exit(3)


if __name__ == "__main__":
    _child(sys.argv[1])
