"""``kiosk --self-test``: build the kiosk offscreen, load the content, render every screen, exit 0.

A smoke test of an installation (or of the PyInstaller bundle): it runs what a start does — the
content loaded over the configured data folder (the embedded office migrated, the cache filled and
queried) — then shows each screen of :data:`kiosk.app.SCREENS` with a sensible key and paints it,
loads the Pinyin keyboard (Qt Virtual Keyboard's QML), a form page (QtPdf) and a printed guide
(reportlab with the CJK font). One line per check on stdout, then ``self-test OK``; on any failure a
line ``self-test FAILED: …`` on stderr and a non-zero exit status.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kiosk.config import Config

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import KioskApp


class SelfTestError(Exception):
    """A check failed; the message says which and why."""


def _keys(kiosk: KioskApp) -> dict[str, Any]:
    """The key each screen is opened with (as ``kiosk screenshots`` does); other screens get ``None``."""
    from kiosk.screenshots import longest_item

    catalog = kiosk.store.catalog
    assert catalog is not None
    posts = catalog.posts()
    post = next((p.code for p in posts if p.staff), posts[0].code) if posts else ""
    return {
        "items": ("topic", catalog.topics()[0].code),
        "item": longest_item(catalog),
        "flow": longest_item(catalog),
        "post": post,
        "rate_level": {"post_code": post},
        # a details page for no real rating (its uuid matches none): nothing is written
        "rate_details": {"uuid": "self-test", "level": 5},
        "rate_thanks": {"level": 5},
        "unavailable": "self-test",
    }


@contextmanager
def _collect_exceptions() -> Iterator[list[str]]:
    """Exceptions raised in Qt slots only reach ``sys.excepthook``: collect them as failures."""
    errors: list[str] = []
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        errors.append("".join(traceback.format_exception(kind, value, tb)).rstrip())

    sys.excepthook = hook
    try:
        yield errors
    finally:
        sys.excepthook = previous


def _settle(qapp: QApplication, rounds: int = 3) -> None:
    for _ in range(rounds):
        qapp.processEvents()


def _check(name: str, errors: list[str], action: Callable[[], str]) -> None:
    started = time.perf_counter()
    try:
        detail = action()
    except SelfTestError:
        raise
    except Exception as exc:
        raise SelfTestError(f"{name}: {type(exc).__name__}: {exc}\n{traceback.format_exc().rstrip()}") from exc
    if errors:
        raise SelfTestError(f"{name}: exception in a Qt slot:\n{errors[0]}")
    print(f"{name:<28} OK  {detail} ({(time.perf_counter() - started) * 1000:.0f} ms)", flush=True)


#: screens the kiosk itself puts in the attract screen's place (maintenance mode, quiet hours): a plain go()
#: to them is sent back at once, so the self-test renders them without navigating
SITUATIONAL_SCREENS = ("maintenance", "quiet")


def _render_alone(kiosk: KioskApp, qapp: QApplication, name: str) -> str:
    screen = kiosk.navigator.screen(name)
    screen.resize(kiosk.window.size())
    screen.open(None)
    _settle(qapp)
    image = screen.grab().toImage()
    if image.isNull() or image.width() < 100:
        raise SelfTestError(f"screen {name}: nothing rendered")
    return f"{image.width()}×{image.height()}, rendered on its own"


def _screen_check(kiosk: KioskApp, qapp: QApplication, name: str, key: Any) -> Callable[[], str]:
    def check() -> str:
        kiosk.window.idle_overlay.hide()
        if name in SITUATIONAL_SCREENS:  # shown only in maintenance mode or quiet hours: rendered on their own
            return _render_alone(kiosk, qapp, name)
        kiosk.navigator.go(name, key)
        _settle(qapp)
        if kiosk.navigator.current[0] != name:
            raise SelfTestError(f"screen {name}: not shown (the navigator stayed on {kiosk.navigator.current[0]!r})")
        screen = kiosk.navigator.current_screen()
        if screen is None:
            raise SelfTestError(f"screen {name}: no screen widget")
        keyboard = getattr(screen, "keyboard", None)
        extra = ""
        if keyboard is not None and hasattr(keyboard, "ensure_loaded"):
            if not keyboard.ensure_loaded():
                raise SelfTestError(f"screen {name}: the Pinyin keyboard did not load: {keyboard.error}")
            extra = ", Pinyin keyboard loaded"
        if name == "forms":
            extra = _form_preview(screen, qapp)
        image = kiosk.window.grab().toImage()
        if image.isNull() or image.width() < 100:
            raise SelfTestError(f"screen {name}: painting gave no image")
        return f"{image.width()}×{image.height()}{extra}"

    return check


def _form_preview(screen: Any, qapp: QApplication) -> str:
    """Open the first form's page through QtPdf (the plugin-free part of Qt that a bundle can miss)."""
    forms = list(screen.forms)
    if not forms:
        return ", no forms in the content"
    screen.select(forms[0])
    _settle(qapp)
    if screen.page_count <= 0:
        raise SelfTestError(f"screen forms: QtPdf could not open {forms[0].path}")
    return f", form page rendered by QtPdf ({screen.page_count} pages)"


def _guide_check(kiosk: KioskApp) -> Callable[[], str]:
    def check() -> str:
        from kiosk.printing.guide_pdf import guide_pdf
        from kiosk.screenshots import longest_item

        catalog = kiosk.store.catalog
        assert catalog is not None
        data = guide_pdf(catalog, longest_item(catalog), generated=datetime.now(),
                         portal_item_url=kiosk.config.portal_item_url)
        if not data.startswith(b"%PDF"):
            raise SelfTestError("printed guide: reportlab did not produce a PDF")
        return f"{len(data)} bytes of PDF"

    return check


def _cache_check(kiosk: KioskApp) -> Callable[[], str]:
    def check() -> str:
        catalog = kiosk.store.catalog
        if catalog is None:
            raise SelfTestError(f"content: not loaded: {kiosk.store.error}")
        entries = catalog.search_entries()
        if not entries:
            raise SelfTestError("content cache: the catalogue has no items")
        if kiosk.store.search_index is None:
            raise SelfTestError("content cache: the search index was not built")
        return (f"{len(entries)} items, {len(catalog.departments())} departments, {len(catalog.posts())} posts, "
                f"{len(catalog.topics())} topics in {kiosk.config.data_path}")

    return check


def run(config: Config) -> int:
    """Run every check; 0 when all passed, 1 (and the reason on stderr) at the first failure."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    kiosk: KioskApp | None = None
    with _collect_exceptions() as errors:
        try:
            from PySide6.QtWidgets import QApplication

            from kiosk.app import SCREENS, KioskApp
            from kiosk.widgets.pinyin_keyboard import prepare_environment

            prepare_environment()  # the Pinyin keyboard is Qt's input method: before the QApplication exists
            existing = QApplication.instance()
            qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
            print(f"{'Qt':<28} OK  {qapp.platformName()} platform", flush=True)
            kiosk = KioskApp(replace(config, fullscreen=False), qapp)
            kiosk.show()
            _settle(qapp)
            kiosk.store.load_now()  # the embedded office migrated, the cache synced and opened, the index built
            _settle(qapp)
            _check("content cache", errors, _cache_check(kiosk))
            keys = _keys(kiosk)
            for name in SCREENS:
                _check(f"screen {name}", errors, _screen_check(kiosk, qapp, name, keys.get(name)))
            _check("printed guide", errors, _guide_check(kiosk))
        except SelfTestError as exc:
            print(f"self-test FAILED: {exc}", file=sys.stderr, flush=True)
            return 1
        except Exception as exc:
            print(f"self-test FAILED: {type(exc).__name__}: {exc}\n{traceback.format_exc().rstrip()}",
                  file=sys.stderr, flush=True)
            return 1
        finally:
            if kiosk is not None:
                _close(kiosk)
    print(f"self-test OK ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


def _close(kiosk: KioskApp) -> None:
    from PySide6.QtWidgets import QApplication

    kiosk.idle.set_enabled(False)
    kiosk.window.allow_close = True
    kiosk.window.close()
    kiosk.store.wait(5)
    if kiosk.store.catalog is not None:
        kiosk.store.catalog.close()
    if kiosk.store.runner is not None:
        kiosk.store.runner.close()
    qapp = QApplication.instance()
    if qapp is not None:
        qapp.processEvents()


def main(argv: list[str] | None = None) -> int:
    """``python -m kiosk.selftest [--data-dir DIR] [--content FILE]`` (until ``kiosk --self-test`` exists)."""
    import argparse

    from kiosk.config import ConfigError, load_config

    parser = argparse.ArgumentParser(prog="python -m kiosk.selftest")
    parser.add_argument("--config")
    parser.add_argument("--data-dir")
    parser.add_argument("--content")
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config, data_dir=args.data_dir, content_file=args.content)
    except ConfigError as exc:
        print(f"self-test FAILED: configuration error: {exc}", file=sys.stderr)
        return 2
    return run(config)


if __name__ == "__main__":
    raise SystemExit(main())
