"""Composition root: builds the window, the navigator, the content store and the idle watcher."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import lockdown, ui
from kiosk.config import Config
from kiosk.idle import IdleWatcher
from kiosk.navigator import ATTRACT, HOME, Navigator
from kiosk.screens.base import Screen
from kiosk.shell import MainWindow
from kiosk.store import ContentStore

if TYPE_CHECKING:
    from kiosk.sync_worker import SyncWorker

log = logging.getLogger(__name__)

#: screen name → (module in kiosk.screens, class). Built on first visit.
SCREENS: dict[str, tuple[str, str]] = {
    "attract": ("attract", "AttractScreen"),
    "home": ("home", "HomeScreen"),
    "items": ("item_list", "ItemListScreen"),
    "departments": ("departments", "DepartmentsScreen"),
    "item": ("item_detail", "ItemDetailScreen"),
    "flow": ("flow", "FlowScreen"),
    "posts": ("posts", "PostsScreen"),
    "post": ("post_detail", "PostDetailScreen"),
    "commitments": ("commitments", "CommitmentsScreen"),
    "finder": ("finder", "FinderScreen"),
    "search": ("search", "SearchScreen"),
    "unavailable": ("unavailable", "UnavailableScreen"),
    "rate": ("rate_post", "RatePostScreen"),
    "rate_level": ("rate_level", "RateLevelScreen"),
    "rate_details": ("rate_details", "RateDetailsScreen"),
    "rate_thanks": ("rate_thanks", "RateThanksScreen"),
    "results": ("results", "ResultsScreen"),
    "feedback": ("feedback", "FeedbackScreen"),
    "feedback_query": ("feedback_query", "FeedbackQueryScreen"),
    "forms": ("forms", "FormsScreen"),
}
#: screens that work before the content is loaded
EARLY_SCREENS = ("attract", "unavailable")


class KioskApp(QObject):
    def __init__(self, config: Config, qapp: QApplication) -> None:
        super().__init__()
        self.config = config
        ui.set_metrics(ui.Metrics(config.dpi))
        # Qt's pixmap cache (styled backgrounds, glyphs) grows to 10 MB by default; a kiosk that runs for
        # months keeps it small (measured: most of the memory growth over 10,000 navigations)
        QPixmapCache.setCacheLimit(2048)
        sheet = ui.stylesheet(ui.metrics())
        if qapp.styleSheet() != sheet:  # setting it re-polishes every widget alive: only when it changes
            qapp.setStyleSheet(sheet)
        self.window = MainWindow()
        self.navigator = Navigator(self.window.stack)
        self.store = ContentStore(config.data_path, config.content_path, self, office_url=config.office_url,
                                  kiosk_id=config.kiosk_id, settings=config.visitor_settings())
        self.sync_worker: SyncWorker | None = None
        self.idle = IdleWatcher(config.idle_seconds, config.idle_countdown_seconds, self)
        qapp.installEventFilter(self.idle)
        self.lockdown = lockdown.install(qapp, self.window)  # no escape keys, menus, tooltips, drags for visitors

        footer, overlay = self.window.footer, self.window.idle_overlay
        footer.back.connect(self.navigator.back)
        footer.home.connect(self.navigator.home)
        self.navigator.screen_changed.connect(self._screen_changed)
        self.idle.warning.connect(overlay.show_count)
        self.idle.tick.connect(overlay.show_count)
        self.idle.cancelled.connect(overlay.hide)
        self.idle.expired.connect(self._expire)
        overlay.continue_requested.connect(self.idle.poke)
        overlay.finish_requested.connect(self._expire)
        self.store.ready.connect(self._content_ready)
        self.store.failed.connect(self._content_failed)
        self.store.changed.connect(self._content_changed)

        self._loading_started = False
        for name in EARLY_SCREENS:
            self._register(name)
        self.navigator.go(ATTRACT)

    def _register(self, name: str) -> None:
        module_name, class_name = SCREENS[name]

        def build() -> Screen:
            module = importlib.import_module(f"kiosk.screens.{module_name}")
            screen: Screen = getattr(module, class_name)(self.store)
            return screen

        self.navigator.register(name, build)

    def show(self) -> None:
        width, height = self.config.screen_size
        if self.config.fullscreen:
            self.window.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
            screen = QApplication.primaryScreen()
            if screen is not None:
                self.window.setGeometry(screen.geometry())
            self.window.showFullScreen()
        else:
            self.window.resize(width, height)
            self.window.show()
            self.window.resize(width, height)  # again: showing may have grown it to a passing minimum
        # the input method (the Pinyin keyboard) types into the focused widget of the active window; with
        # no window manager (cage, Xvfb, offscreen) nobody else activates ours
        self.window.activateWindow()

    def start(self) -> None:
        """Load the content once the first frame is on screen (its imports would only delay it)."""
        self._first_paint = _FirstPaint(self.window)
        self._first_paint.painted.connect(self._begin_loading)
        QTimer.singleShot(300, self._begin_loading)  # in case no paint arrives (hidden window)

    def _begin_loading(self) -> None:
        if not self._loading_started:
            self._loading_started = True
            self.store.load_async()

    # -- events ---------------------------------------------------------------------------------------
    def _content_ready(self) -> None:
        for name in SCREENS:
            if name not in EARLY_SCREENS:
                self._register(name)
        catalog = self.store.catalog
        if catalog is not None:
            hall = catalog.hall()
            self.window.header.set_hall(hall.department, hall.name, hall.demo)
        self.navigator.screen(ATTRACT).refresh()
        if self.store.printing is None:  # the printer's state is checked (in a thread) from now on
            from kiosk.print_service import PrintService

            self.store.printing = PrintService.from_config(self.config, self)
        self.navigator.screen(HOME)  # build it now so the first tap is instant
        # the search index (pinyin for every item) is built once home is ready, not while it is built
        QTimer.singleShot(0, self.store.build_index_async)
        # and the printing modules and font a little later, so the first print is as quick as the next
        QTimer.singleShot(3000, _warm_up_printing)
        if self._loading_started and self.store.runner is not None and self.sync_worker is None:
            from kiosk.sync_worker import SyncWorker

            self.sync_worker = SyncWorker(self.store.runner, self.config.sync_interval_seconds, self)
            self.sync_worker.content_changed.connect(self.store.content_updated)
            self.store.submitted.connect(self.sync_worker.nudge)
            self.sync_worker.start()

    def _content_changed(self) -> None:
        catalog = self.store.catalog
        if catalog is not None:
            hall = catalog.hall()
            self.window.header.set_hall(hall.department, hall.name, hall.demo)
        self.navigator.refresh_all()

    def _content_failed(self, message: str) -> None:
        self.navigator.go("unavailable", message)

    def _screen_changed(self, name: str) -> None:
        screen = self.navigator.current_screen()
        self.window.set_chrome(screen.chrome if screen is not None else True)
        self.window.footer.back_button.setEnabled(self.navigator.depth > 0 or name != HOME)
        self.idle.set_enabled(name not in EARLY_SCREENS)

    def _expire(self) -> None:
        from kiosk.widgets.pinyin_keyboard import wipe_user_dictionary

        self.window.idle_overlay.hide()
        self.idle.set_enabled(False)
        self.navigator.reset()  # every screen forgets what was typed and chosen on it
        wipe_user_dictionary()  # and the Pinyin keyboard what it learned from it
        if self.store.printing is not None:
            self.store.printing.new_visit()  # the next visitor may print their copies again


def _warm_up_printing() -> None:
    import threading

    def work() -> None:
        try:
            from kiosk.printing import warm_up

            warm_up()
        except Exception:  # a missing font is said when printing; the kiosk runs on without it
            log.warning("printing warm-up failed", exc_info=True)

    threading.Thread(target=work, name="printing-warm-up", daemon=True).start()


class _FirstPaint(QObject):
    """Emits ``painted`` once, after the watched widget's first paint has been handled."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False
