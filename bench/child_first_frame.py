"""Child process of the start-up benchmarks: start like the real kiosk, print ``time.time()`` at a mark.

    python bench/child_first_frame.py kiosk DATA_DIR CONTENT   # first Paint of the attract screen
    python bench/child_first_frame.py bare                     # first Paint of a bare QWidget
    python bench/child_first_frame.py home DATA_DIR CONTENT    # store ready, home shown and painted
    python bench/child_first_frame.py ready DATA_DIR CONTENT   # store ready (content loaded)

The parent records ``time.time()`` just before starting this script, so the difference is the whole
start: interpreter, imports, window, first frame. The kiosk modes repeat ``kiosk.cli`` ``_run``
step by step (QApplication, KioskApp, show, start, exec) and only add one event filter or one
slot to see the moment. This script imports nothing from ``bench`` so that it pays for exactly what
the kiosk pays for. The mark is the *start* of the first Paint event of the watched widget (its
children and the flush to the screen follow within the same frame), the same for kiosk and bare.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

if sys.argv[1:2] != ["bare"]:
    # the console script ``kiosk`` imports kiosk.cli (argparse, config, …) first
    import kiosk.cli  # noqa: F401


def _done(stamp: float) -> None:
    """Report the mark and leave at once (the loader thread may still be importing)."""
    sys.stdout.write(f"{stamp:.6f}\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            _done(time.time())
        return False


def bare() -> int:
    qapp = QApplication(sys.argv[:1])
    widget = QWidget()
    widget.resize(1920, 1080)  # the kiosk's window size (landscape)
    spy = FirstPaint()
    widget.installEventFilter(spy)
    widget.show()
    return qapp.exec()


def run_kiosk(mode: str, data_dir: str, content: str) -> int:
    from kiosk.config import load_config

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = load_config(None, layered=False, environ={}, data_dir=data_dir, content_file=content,
                         fullscreen=False)
    # from here on: kiosk.cli._run
    from kiosk.app import KioskApp
    from kiosk.navigator import HOME
    from kiosk.widgets.pinyin_keyboard import prepare_environment

    prepare_environment()
    qapp = QApplication(sys.argv[:1])
    app = KioskApp(config, qapp)
    spy = FirstPaint()
    if mode == "kiosk":
        app.navigator.screen("attract").installEventFilter(spy)
    elif mode == "ready":
        app.store.ready.connect(lambda: _done(time.time()))
    elif mode == "home":
        def home_ready() -> None:
            # connected after KioskApp's own slot, which has built the home screen by now
            app.navigator.go(HOME)
            for _ in range(3):  # the layouts the event loop would do before painting
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            app.window.repaint()
            _done(time.time())

        app.store.ready.connect(home_ready)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    app.show()
    app.start()
    return qapp.exec()


def main(argv: list[str]) -> int:
    if argv[:1] == ["bare"]:
        return bare()
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    return run_kiosk(*argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
