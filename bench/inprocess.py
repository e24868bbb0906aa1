"""In-process figures: screen switches, search keystrokes and memory over a long random walk.

    python -m bench.inprocess switch|search|rss [--quick]

Each kind runs in its own process (``python -m bench`` starts them) so that one cannot inflate the
memory or warm the caches of another; the figures are printed to stdout as ``name value unit``.

The kiosk is built as ``kiosk screenshots`` builds it: a windowed KioskApp, shown (offscreen) at
1920×1080, content loaded with ``store.load_now()``. Screens that do not exist yet (their module
fails to import) are left out with a note on stderr.

Navigation is driven from plain code, outside the event loop. Qt then never deletes the widgets a
screen drops with ``deleteLater()`` (deferred deletes wait for the event loop level they were
posted from), whereas in the real kiosk a tap's handler runs inside ``exec()`` and they are
deleted right after it. :func:`settle` therefore flushes deferred deletes explicitly after every
step, like the event loop would. A timed frame is the call plus :func:`paint_now` (the layouts the
call posted, then ``window.repaint()``), so the frame timed is the one the visitor sees.

With PySide6 6.12.0 on Python 3.11 these processes would abort after some hundred navigations
(see :func:`bench.common.shield_singletons`); :func:`qt_app` works around it and says so.
"""

from __future__ import annotations

import gc
import importlib
import os
import random
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.common import BUILD, DEMO, Figure, emit, kiosk_config, log, percentile, rss_mb, shield_singletons

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.app import KioskApp

#: typed one character (or one hanzi) at a time: initials, full pinyin, Chinese, codes
QUERIES = (
    "pwxk", "hp", "paiwuxuke", "huanjing", "排污", "危险废物", "wxfw", "fushe", "zaozhi", "环评",
    "哈尔滨", "yjya", "weixianfeiwu", "0001170012", "11230000mb1d", "变更", "fsaqxkz", "dianduqiye",
)


def keystrokes(queries: Sequence[str] = QUERIES) -> list[str]:
    """Every prefix of every query, in typing order."""
    return [query[:end] for query in queries for end in range(1, len(query) + 1)]


# -- kiosk in this process -------------------------------------------------------------------------
def qt_app() -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    from kiosk.widgets.pinyin_keyboard import prepare_environment

    prepare_environment()
    qapp = QApplication(sys.argv[:1])
    shield_singletons()
    # no Python Qt message handler here (it used to hide the offscreen plugin's propagateSizeHints lines):
    # a QQuickWidget's QML loader thread that logs would wait for the GIL held by the main thread waiting
    # for it, and the feedback screen (the Pinyin keyboard) would hang
    return qapp


def start_kiosk(data_dir: Path, content: Path) -> KioskApp:
    from kiosk.app import KioskApp

    qapp = qt_app()
    kiosk = KioskApp(kiosk_config(data_dir, content), qapp)
    kiosk.show()
    kiosk.store.load_now()  # loads the catalogue and builds the search index, in this thread
    if kiosk.store.catalog is None:
        raise RuntimeError(f"content not loaded: {kiosk.store.error}")
    settle()
    return kiosk


def settle() -> None:
    """Process pending events and the widgets waiting for deleteLater (see the module's doc)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def paint_now(window: QWidget) -> None:
    """Lay out what the last call changed, then paint the window synchronously.

    ``repaint()`` alone paints with the old geometry: screens that add or show widgets post
    LayoutRequest events, which the real event loop handles before it paints (the paint request is
    posted at low priority). Without this the frame timed would be a stale one and the real frame
    would follow, untimed, in the next ``processEvents``.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):  # a layout that changes size posts one to its parent
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    window.repaint()


def paint_dirty() -> None:
    """Lay out, then paint only what changed, as the event loop's next frame would."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)


def available(name: str) -> bool:
    """Whether the screen ``name`` can be built (its module imports and has its class)."""
    from kiosk.app import SCREENS

    module_name, class_name = SCREENS[name]
    try:
        module = importlib.import_module(f"kiosk.screens.{module_name}")
        getattr(module, class_name)
    except Exception as exc:
        log(f"screen {name!r} (kiosk/screens/{module_name}.py) is not available: {type(exc).__name__}: {exc}")
        return False
    return True


def _ms(seconds: float) -> float:
    return seconds * 1000


# -- screen switch -----------------------------------------------------------------------------------
def bench_switch(switches: int, data_dir: Path, content: Path = DEMO) -> list[Figure]:
    """Tap → item detail painted (navigate + synchronous repaint), alternating two items."""
    from kiosk.screenshots import longest_item

    if not available("item"):
        log("skipping screen_switch_*: no item screen")
        return []
    kiosk = start_kiosk(data_dir, content)
    catalog = kiosk.store.catalog
    assert catalog is not None
    navigator, window = kiosk.navigator, kiosk.window
    longest = longest_item(catalog)
    other = next(e.code for e in catalog.search_entries() if e.code != longest)
    log(f"screen switch: longest item {longest}, other item {other}")
    navigator.go("home")
    settle()

    started = time.perf_counter()
    navigator.go("item", longest)  # the first open builds the screen (imports its module too)
    paint_now(window)
    first = time.perf_counter() - started
    settle()

    times: list[float] = []
    after: list[float] = []
    for index in range(switches):
        code = other if index % 2 == 0 else longest
        started = time.perf_counter()
        navigator.go("item", code)
        paint_now(window)
        times.append(time.perf_counter() - started)
        # what the event loop does next: the screen's deferred second step, deletes, the next paint
        started = time.perf_counter()
        for _ in range(3):
            settle()
        after.append(time.perf_counter() - started)
    longest_times = times[1::2]
    log(f"screen switch: p50 {_ms(percentile(times, 50)):.1f} ms, max {_ms(max(times)):.1f} ms; "
        f"to the longest item p95 {_ms(percentile(longest_times, 95)):.1f} ms; the event loop's work "
        f"after that first frame (not counted) p50 {_ms(percentile(after, 50)):.1f} ms, "
        f"p95 {_ms(percentile(after, 95)):.1f} ms")
    return [
        Figure("screen_switch_first_ms", _ms(first), "ms"),
        Figure("screen_switch_p95_ms", _ms(percentile(times, 95)), "ms"),
    ]


# -- search -------------------------------------------------------------------------------------------
def bench_search(rounds: int, data_dir: Path, content: Path) -> list[Figure]:
    """Index build and per-keystroke search at the synthetic catalogue's size, then via the screen."""
    from kiosk.data.cache import CACHE_NAME
    from kiosk.data.catalog import Catalog
    from kiosk.data.search import SearchIndex

    catalog = Catalog(data_dir / CACHE_NAME)
    entries = catalog.search_entries()
    started = time.perf_counter()
    index = SearchIndex(entries)
    build = time.perf_counter() - started
    catalog.close()
    log(f"search index: {len(index)} items built in {build:.2f} s")

    typed = keystrokes()
    times: list[float] = []
    worst: tuple[float, str] = (0.0, "")
    for _ in range(rounds):
        for query in typed:
            started = time.perf_counter()
            index.search(query)
            elapsed = time.perf_counter() - started
            times.append(elapsed)
            worst = max(worst, (elapsed, query))
    log(f"search: {len(times)} keystrokes, p50 {_ms(percentile(times, 50)):.2f} ms, "
        f"slowest {_ms(worst[0]):.2f} ms for {worst[1]!r}")
    figures = [Figure("search_index_build_s", build, "s"),
               Figure("search_keystroke_p95_ms", _ms(percentile(times, 95)), "ms")]
    del index
    figures += _search_screen(rounds, data_dir, content, typed)
    return figures


def _search_screen(rounds: int, data_dir: Path, content: Path, typed: list[str]) -> list[Figure]:
    if not available("search"):
        log("skipping search_screen_keystroke_p95_ms: no search screen")
        return []
    kiosk = start_kiosk(data_dir, content)
    kiosk.navigator.go("search")
    settle()
    screen: Any = kiosk.navigator.screen("search")
    if not hasattr(screen, "set_query"):
        log("skipping search_screen_keystroke_p95_ms: the search screen has no set_query()")
        return []
    times: list[float] = []
    worst: tuple[float, str] = (0.0, "")
    for _ in range(rounds):
        for query in typed:
            started = time.perf_counter()
            screen.set_query(query)
            paint_now(kiosk.window)
            elapsed = time.perf_counter() - started
            times.append(elapsed)
            worst = max(worst, (elapsed, query))
            settle()
        screen.set_query("")
        settle()
    # For context only: window.repaint() repaints all of the 1920×1080 window (the on-screen keyboard
    # too); the event loop repaints only the regions a keystroke changed.
    dirty: list[float] = []
    for query in typed:
        started = time.perf_counter()
        screen.set_query(query)
        paint_dirty()
        dirty.append(time.perf_counter() - started)
        settle()
    screen.set_query("")
    settle()
    log(f"search screen: {len(times)} keystrokes, p50 {_ms(percentile(times, 50)):.1f} ms, "
        f"slowest {_ms(worst[0]):.1f} ms for {worst[1]!r}; painting only the changed regions instead of "
        f"the whole window: p50 {_ms(percentile(dirty, 50)):.1f} ms, p95 {_ms(percentile(dirty, 95)):.1f} ms")
    return [Figure("search_screen_keystroke_p95_ms", _ms(percentile(times, 95)), "ms")]


# -- memory -------------------------------------------------------------------------------------------
def _walk_steps(kiosk: KioskApp) -> list[tuple[str, float, Callable[[random.Random], None]]]:
    """(name, weight, step) for every screen that exists."""
    catalog = kiosk.store.catalog
    assert catalog is not None
    nav = kiosk.navigator
    topics = [t.code for t in catalog.topics()]
    departments = [d.code for d in catalog.departments()]
    items = [e.code for e in catalog.search_entries()]
    posts = [p.code for p in catalog.posts()]

    def search(rng: random.Random) -> None:
        nav.go("search")
        screen: Any = nav.screen("search")
        if hasattr(screen, "set_query"):
            query = rng.choice(QUERIES)
            screen.set_query(query[: rng.randint(1, len(query))])

    steps: list[tuple[str, str | None, float, Callable[[random.Random], None]]] = [
        ("home", "home", 3, lambda rng: nav.home()),
        ("items by topic", "items", 3, lambda rng: nav.go("items", ("topic", rng.choice(topics)))),
        ("items by department", "items", 2, lambda rng: nav.go("items", ("department", rng.choice(departments)))),
        ("departments", "departments", 1, lambda rng: nav.go("departments")),
        ("item", "item", 4, lambda rng: nav.go("item", rng.choice(items))),
        ("flow", "flow", 2, lambda rng: nav.go("flow", rng.choice(items))),
        ("posts", "posts", 1, lambda rng: nav.go("posts")),
        ("post", "post", 2, lambda rng: nav.go("post", rng.choice(posts))),
        ("commitments", "commitments", 1, lambda rng: nav.go("commitments")),
        ("finder", "finder", 1, lambda rng: nav.go("finder")),
        ("search", "search", 2, search),
        ("back", None, 3, lambda rng: nav.back()),
        ("reset", None, 0.2, lambda rng: nav.reset()),
    ]
    usable = [(name, weight, step) for name, screen, weight, step in steps if screen is None or available(screen)]
    log("random walk over: " + ", ".join(name for name, _, _ in usable))
    return usable


def bench_rss(first: int, total: int, data_dir: Path, content: Path = DEMO, seed: int = 1) -> list[Figure]:
    """RSS after ``first`` navigations of a seeded random walk, and its growth up to ``total``."""
    kiosk = start_kiosk(data_dir, content)
    steps = _walk_steps(kiosk)
    names = [name for name, _, _ in steps]
    weights = [weight for _, weight, _ in steps]
    actions = {name: step for name, _, step in steps}
    rng = random.Random(seed)
    at_first = 0.0
    started = time.perf_counter()
    for count in range(1, total + 1):
        name = rng.choices(names, weights)[0]
        actions[name](rng)
        settle()
        if count == first:
            gc.collect()  # cyclic garbage not yet collected is not a leak
            at_first = rss_mb()
            log(f"rss after {count} navigations: {at_first:.1f} MB ({time.perf_counter() - started:.0f} s)")
        elif count % 2000 == 0 and count != total:
            log(f"rss after {count} navigations: {rss_mb():.1f} MB ({time.perf_counter() - started:.0f} s)")
    if total <= first:
        return [Figure("rss_mb", at_first, "MB")]
    gc.collect()
    at_total = rss_mb()
    log(f"rss after {total} navigations: {at_total:.1f} MB")
    return [Figure("rss_mb", at_first, "MB"), Figure("rss_growth_mb", at_total - at_first, "MB")]


def _data_dir(content: Path, name: str) -> Path:
    """The data dir ``python -m bench`` prepared; prepared here only when run on its own."""
    from bench.synthetic import prepared_data_dir
    from kiosk.data.cache import CACHE_NAME

    data_dir = BUILD / name
    return data_dir if (data_dir / CACHE_NAME).is_file() else prepared_data_dir(content, name)


# -- rating ---------------------------------------------------------------------------------------------
def bench_rating(taps: int, data_dir: Path, content: Path = DEMO) -> list[Figure]:
    """Tap on a face → the rating committed to the outbox file (``synchronous=FULL``: on the disk).

    The tap goes through Qt (a real mouse press and release on the face button); the clock stops
    when ``Submissions.add_rating`` returns inside the screen's handler, i.e. when the record is
    durable. Ratings after the first few are flagged as repeated presses; that does not change the
    work done.
    """
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    if not available("rate_level"):
        log("skipping rating_commit_*: no rating screen")
        return []
    work = data_dir.parent / f"{data_dir.name}-rating"
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(data_dir, work, ignore=shutil.ignore_patterns("outbox.sqlite*"))
    kiosk = start_kiosk(work, content)
    submissions = kiosk.store.submissions
    catalog = kiosk.store.catalog
    assert submissions is not None and catalog is not None
    post = catalog.posts()[0].code
    committed: list[float] = []
    original = submissions.add_rating

    def timed_add_rating(*args: Any, **kwargs: Any) -> Any:
        receipt = original(*args, **kwargs)
        committed.append(time.perf_counter())
        return receipt

    submissions.add_rating = timed_add_rating  # type: ignore[method-assign]
    times: list[float] = []
    for index in range(taps):
        kiosk.navigator.go("rate_level", {"post_code": post})
        paint_now(kiosk.window)
        screen = kiosk.navigator.current_screen()
        button = screen.faces.buttons[1 + index % 3]  # type: ignore[union-attr]
        centre = QPoint(button.width() // 2, button.height() // 2)
        started = time.perf_counter()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        if len(committed) != index + 1:
            raise RuntimeError("the tap did not commit a rating")
        times.append(committed[-1] - started)
        settle()
    log(f"rating commit: p50 {_ms(percentile(times, 50)):.1f} ms, max {_ms(max(times)):.1f} ms over {taps} taps")
    return [Figure("rating_commit_p95_ms", _ms(percentile(times, 95)), "ms")]


def main(argv: list[str]) -> int:
    from bench.synthetic import DEFAULT_ITEMS, content_file

    if not argv or argv[0] not in ("switch", "search", "rss", "rating"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, quick = argv[0], "--quick" in argv
    figures: list[Figure]
    if kind == "switch":
        figures = bench_switch(60 if quick else 200, _data_dir(DEMO, "data-demo"))
    elif kind == "rating":
        figures = bench_rating(50 if quick else 300, _data_dir(DEMO, "data-demo"))
    elif kind == "search":
        content = content_file(DEFAULT_ITEMS)
        figures = bench_search(1 if quick else 3, _data_dir(content, f"data-synthetic-{DEFAULT_ITEMS}"), content)
    else:  # --quick: only the RSS after 1,000 navigations, no growth figure
        figures = bench_rss(1000, 1000 if quick else 10_000, _data_dir(DEMO, "data-demo"))
    for figure in figures:
        emit(figure)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
