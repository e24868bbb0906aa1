"""Where the screens get their data: the catalogue and the search index, loaded off the UI thread.

The attract screen is painted before this module's heavy imports (SQLAlchemy, pypinyin) happen:
:meth:`ContentStore.load_async` runs them in a worker thread and announces each stage with a
signal, which Qt delivers on the UI thread.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.visitor_mode import ModeState

if TYPE_CHECKING:
    from kiosk.admin import AdminService
    from kiosk.data.catalog import Catalog
    from kiosk.data.search import SearchIndex
    from kiosk.data.submissions import Submissions
    from kiosk.data.visitor_rules import VisitorSettings
    from kiosk.print_service import PrintService
    from sync.runner import SyncRunner

log = logging.getLogger(__name__)


class ContentStore(QObject):
    """Holds the catalogue (``ready``) and, a little later, the search index (``search_ready``)."""

    ready = Signal()
    search_ready = Signal()
    failed = Signal(str)
    #: the content was updated by a sync; screens on display should show the new version
    changed = Signal()
    #: a visitor has just left a rating or feedback (the sync worker sends it now)
    submitted = Signal()

    def __init__(self, data_dir: Path, content_file: Path, parent: QObject | None = None, *,
                 office_url: str = "", kiosk_id: str = "", settings: VisitorSettings | None = None,
                 language: str = "zh") -> None:
        super().__init__(parent)
        #: the visitor's mode (elderly, high contrast, language); reset at idle by the app
        self.mode = ModeState(language, self)
        self.data_dir = data_dir
        self.content_file = content_file
        self.office_url = office_url
        self.kiosk_id = kiosk_id
        self.catalog: Catalog | None = None
        self.search_index: SearchIndex | None = None
        self.runner: SyncRunner | None = None
        self.submissions: Submissions | None = None
        #: the kiosk's printer (made by the app once the content is ready)
        self.printing: PrintService | None = None
        #: PIN, maintenance mode, admin actions (made by the app; screens of the admin reach it here)
        self.admin: AdminService | None = None
        self._settings = settings
        self.error = ""
        self._thread: threading.Thread | None = None
        self._index_now = False

    def load_async(self) -> None:
        self._thread = threading.Thread(target=self._load, name="content-loader", daemon=True)
        self._thread.start()

    def load_now(self) -> None:
        """Load in the calling thread, search index included (command line tools and tests)."""
        self._index_now = True
        self._load()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _load(self) -> None:
        try:
            from kiosk.data.catalog import Catalog
            from kiosk.data.submissions import Submissions
            from sync.runner import SyncRunner

            self.runner = SyncRunner(self.data_dir, office_url=self.office_url, content_file=self.content_file,
                                     kiosk_id=self.kiosk_id)
            try:
                self.runner.once()
            except Exception:
                if not self.runner.cache_usable():
                    raise
                log.warning("sync at start failed; showing the content cached before", exc_info=True)
            self.catalog = Catalog(self.runner.cache)
            self.submissions = Submissions(self.runner.outbox, lambda: self.catalog, self._settings)
        except Exception as exc:
            from kiosk.data.content_format import ContentError

            if isinstance(exc, ContentError):
                self.error = f"内容文件有误 / content file problems:\n{exc}"
            else:
                log.exception("loading the content failed")
                self.error = f"{type(exc).__name__}: {exc}"
            log.error("content not available: %s", self.error)
            self.failed.emit(self.error)
            return
        self.ready.emit()
        if self._index_now:
            self._build_index()

    @property
    def settings(self) -> VisitorSettings:
        if self._settings is None:
            from kiosk.data.visitor_rules import VisitorSettings

            self._settings = VisitorSettings()
        return self._settings

    def record_submitted(self) -> None:
        """A screen has committed a visitor's rating or feedback: have it sent soon."""
        self.submitted.emit()

    def build_index_async(self) -> None:
        """Build the search index in a worker thread (the app calls this once home is on screen)."""
        if self.search_index is None:
            threading.Thread(target=self._build_index, name="search-index", daemon=True).start()

    def _build_index(self) -> None:
        try:
            from kiosk.data.search import SearchIndex

            assert self.catalog is not None
            self.search_index = SearchIndex(self.catalog.search_entries())
        except Exception:
            log.exception("building the search index failed")
            return
        self.search_ready.emit()

    def content_updated(self, cache_replaced: bool) -> None:
        """Called (on the UI thread) after a sync changed the cache: reopen, re-index, tell the screens."""
        from kiosk.data.catalog import Catalog

        if self.catalog is None or self.runner is None:
            return
        if cache_replaced:
            old = self.catalog
            self.catalog = Catalog(self.runner.cache)  # the old engine still points at the replaced file
            self.catalog.set_language(old.language)  # the visitor reads on in the language chosen
            old.close()
        else:
            self.catalog.forget_cached()
        self.changed.emit()
        threading.Thread(target=self._build_index, name="search-index", daemon=True).start()
