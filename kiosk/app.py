"""Composition root: builds the window, the navigator, the content store and the idle watcher."""

from __future__ import annotations

import importlib
import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import admin_settings, lockdown, ui
from kiosk.admin import AdminService
from kiosk.admin_gesture import TapGesture
from kiosk.brightness import Backlight, in_quiet_hours
from kiosk.config import Config
from kiosk.idle import IdleWatcher
from kiosk.kiosk_mode import write_mode
from kiosk.navigator import ATTRACT, HOME, Navigator
from kiosk.screens.base import Screen
from kiosk.shell import MainWindow
from kiosk.store import ContentStore
from kiosk.visitor_mode import VisitorMode

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
    "maintenance": ("maintenance", "MaintenanceScreen"),
    "quiet": ("quiet", "QuietScreen"),
    "admin_pin": ("admin_pin", "AdminPinScreen"),
    "admin": ("admin", "AdminScreen"),
}
#: screens that work before the content is loaded
EARLY_SCREENS = ("attract", "unavailable", "maintenance", "quiet", "admin_pin", "admin")
#: screens with nothing of a visitor's to forget: the idle countdown does not run on them
IDLE_FREE_SCREENS = ("attract", "unavailable", "maintenance", "quiet")
#: screens an administrator is on: maintenance mode and quiet hours leave them alone
ADMIN_SCREENS = ("admin_pin", "admin")
#: ``exit_requested`` statuses: systemd restarts the kiosk after EXIT_RESTART (and after a crash);
#: deploy/lobby-kiosk.service has RestartPreventExitStatus=EXIT_BY_ADMIN, so "exit" on the admin screen stays down
EXIT_RESTART = 75
EXIT_BY_ADMIN = 10
QUIET_CHECK_MS = 30_000


class KioskApp(QObject):
    #: the kiosk wants the event loop to end with this status (restart or exit from the admin screen)
    exit_requested = Signal(int)

    def __init__(self, config: Config, qapp: QApplication) -> None:
        super().__init__()
        self.config = config
        ui.set_metrics(ui.Metrics(config.dpi))
        # every kiosk starts in the default mode (a mode lasts one visitor): sizes, colours, language
        start_mode = VisitorMode(language=config.language)
        ui.set_mode(start_mode)
        _install_language(start_mode.language)
        #: milliseconds the last switch of the visitor's mode took (restyle and rebuild of the screen shown)
        self.mode_switch_ms = 0.0
        # Qt's pixmap cache (styled backgrounds, glyphs) grows to 10 MB by default; a kiosk that runs for
        # months keeps it small (measured: most of the memory growth over 10,000 navigations)
        QPixmapCache.setCacheLimit(2048)
        sheet = ui.stylesheet(ui.metrics(), start_mode)
        if qapp.styleSheet() != sheet:  # setting it re-polishes every widget alive: only when it changes
            qapp.setStyleSheet(sheet)
        self.window = MainWindow()
        self.navigator = Navigator(self.window.stack)
        self.store = ContentStore(config.data_path, config.content_path, self, office_url=config.office_url,
                                  kiosk_id=config.kiosk_id, settings=config.visitor_settings(),
                                  language=config.language)
        self.sync_worker: SyncWorker | None = None
        self.idle = IdleWatcher(config.idle_seconds, config.idle_countdown_seconds, self)
        qapp.installEventFilter(self.idle)
        self.lockdown = lockdown.install(qapp, self.window)  # no escape keys, menus, tooltips, drags for visitors
        self.admin = AdminService(config.data_path, config.admin_pin_hash, self.store)
        self.store.admin = self.admin
        self.gesture = TapGesture(self)  # five taps on the department's name: the admin PIN pad
        self.gesture.watch(self.window.header.title)
        self.gesture.triggered.connect(self._admin_gesture)
        self.admin.maintenance_changed.connect(self._maintenance_changed)
        self.admin.sync_now_requested.connect(self._sync_now)
        self.admin.restart_requested.connect(lambda: self._end(EXIT_RESTART))
        self.admin.exit_requested.connect(lambda: self._end(EXIT_BY_ADMIN))
        self.backlight = Backlight()
        self._quiet_timer = QTimer(self, interval=QUIET_CHECK_MS)
        self._quiet_timer.timeout.connect(self._check_quiet)
        self._quiet_timer.start()
        self._mode_written = ""

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
        self.store.mode.changed.connect(self._mode_changed)

        self._loading_started = False
        for name in EARLY_SCREENS:
            self._register(name)
        self.navigator.go(ATTRACT)

    def _register(self, name: str) -> None:
        module_name, class_name = SCREENS[name]

        def build() -> Screen:
            module = importlib.import_module(f"kiosk.screens.{module_name}")
            extra = {"style": self.config.quiet_style} if name == "quiet" else {}
            screen: Screen = getattr(module, class_name)(self.store, **extra)
            target = getattr(screen, "admin_target", None)
            if isinstance(target, QWidget):
                self.gesture.watch(target)
            if name == "admin":  # new levels from the admin: apply them now, not at the next change of mode
                screen.brightness_changed.connect(self._reapply_brightness)  # type: ignore[attr-defined]
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
        self._apply_catalog_language()
        self._show_hall()
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
        self._apply_catalog_language()  # (a sync may have opened a new catalogue)
        self._show_hall()
        self.navigator.refresh_all()

    def _content_failed(self, message: str) -> None:
        self.navigator.go("unavailable", message)

    def _screen_changed(self, name: str) -> None:
        screen = self.navigator.current_screen()
        self.window.set_chrome(screen.chrome if screen is not None else True)
        self.window.footer.back_button.setEnabled(self.navigator.depth > 0 or name != HOME)
        self.idle.set_enabled(name not in IDLE_FREE_SCREENS)
        if name not in ADMIN_SCREENS:
            QTimer.singleShot(0, self._check_quiet)  # maintenance and quiet hours take the attract screen's place

    def _expire(self) -> None:
        from kiosk.widgets.pinyin_keyboard import wipe_user_dictionary

        self.window.idle_overlay.hide()
        self.idle.set_enabled(False)
        self.navigator.reset()  # every screen forgets what was typed and chosen on it
        self.store.mode.reset()  # large text, high contrast and English last one visitor
        wipe_user_dictionary()  # and the Pinyin keyboard what it learned from it
        if self.store.printing is not None:
            self.store.printing.new_visit()  # the next visitor may print their copies again
        speaker = getattr(self.store, "speaker", None)  # made on the first 朗读 tap (kiosk.speech.speaker_for)
        if speaker is not None:
            speaker.new_visitor()  # stop reading aloud; the configured volume for the next visitor


    # -- the visitor's mode: 长辈模式, high contrast, English ----------------------------------------------
    def _mode_changed(self, mode: VisitorMode) -> None:
        """Restyle, translate and rebuild for the visitor's new mode; the screen on display is rebuilt at
        once (same key, same history), the others when next visited."""
        started = time.perf_counter()
        ui.set_mode(mode)
        _install_language(mode.language)
        self._apply_catalog_language()

        def restyle() -> None:  # (between dropping the old screens and building the new one)
            qapp = QApplication.instance()
            sheet = ui.stylesheet(ui.metrics(), mode)
            if isinstance(qapp, QApplication) and qapp.styleSheet() != sheet:
                qapp.setStyleSheet(sheet)
            self.window.retranslate()

        self.navigator.rebuild(restyle)
        self._show_hall()
        factor = 2 if mode.elderly else 1  # more time to read and to tap
        self.idle.set_timing(self.config.idle_seconds * 1000 * factor, self.idle.tick_ms)
        self.mode_switch_ms = (time.perf_counter() - started) * 1000
        log.info("visitor mode %s applied in %.0f ms", mode, self.mode_switch_ms)

    def _apply_catalog_language(self) -> None:
        catalog = self.store.catalog
        set_language = getattr(catalog, "set_language", None)  # (Catalog.set_language: English content)
        if callable(set_language):
            set_language(self.store.mode.mode.language)

    def _show_hall(self) -> None:
        catalog = self.store.catalog
        if catalog is not None:
            hall = catalog.hall()
            self.window.header.set_hall(hall.department, hall.name, hall.demo)

    # -- the administrator's kiosk: PIN pad, maintenance, quiet hours, restart --------------------------
    def _admin_gesture(self) -> None:
        if self.navigator.current[0] not in ADMIN_SCREENS:
            log.info("admin gesture: PIN pad opened")
            self.navigator.go("admin_pin")

    def _maintenance_changed(self, on: bool) -> None:
        log.warning("maintenance mode %s", "on: visitors see the pause notice" if on else "off: service resumed")
        self._check_quiet()

    def _check_quiet(self) -> None:
        """Put the right screen in the attract screen's place: maintenance notice, quiet clock, or attract."""
        from datetime import datetime

        name = self.navigator.current[0]
        quiet = bool(self.config.quiet_hours) and in_quiet_hours(datetime.now(), self.config.quiet_hours)
        if name not in ADMIN_SCREENS:
            if self.admin.maintenance:
                if name != "maintenance":
                    self.navigator.go("maintenance")
            elif name == "maintenance":
                self.navigator.home()
            elif name == "attract" and quiet:
                self.navigator.go("quiet")
            elif name == "quiet" and not quiet:
                self.navigator.reset()
        name = self.navigator.current[0]
        mode = "maintenance" if self.admin.maintenance else "quiet" if name == "quiet" else "normal"
        if mode != self._mode_written:
            self._mode_written = mode
            write_mode(self.config.data_path, mode)
            if self.backlight.available:
                levels = admin_settings.load(self.config.data_path, self.config)
                self.backlight.set_percent(levels.brightness_quiet if mode == "quiet" else levels.brightness_day)

    def _reapply_brightness(self) -> None:
        self._mode_written = ""
        self._check_quiet()

    def _sync_now(self) -> None:
        if self.sync_worker is not None:
            self.sync_worker.nudge()

    def _end(self, status: int) -> None:
        log.warning("admin: %s", "restart" if status == EXIT_RESTART else "exit")
        self.window.allow_close = True
        self.exit_requested.emit(status)


def _install_language(language: str) -> None:
    """The Qt translation of the UI strings for ``language`` (kiosk/i18n.py; absent: Chinese stays)."""
    try:
        i18n = importlib.import_module("kiosk.i18n")
    except ImportError:
        return
    if not i18n.set_language(language):
        log.warning("no UI translation for %r: the UI stays Chinese", language)


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

