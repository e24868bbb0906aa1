"""One sync round of a kiosk (pull content, heartbeat, push; then feedback status, rating counts and
rated case numbers down) and the state an operator reads back.

Used by ``kiosk sync --once``, by the running kiosk's background worker and by tests. Nothing here
runs on the UI thread. In the embedded default (no office URL configured) the office is a SQLite
file next to the cache, created on first start and filled from the configured content file;
a changed content file is imported again (an import that changes nothing writes nothing).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from kiosk import __version__, admin_actions
from kiosk.crash_report import clear_marker, previous_crash
from kiosk.data.cache import CACHE_NAME, cache_meta, fingerprint
from kiosk.data.content_format import load_content
from kiosk.data.outbox import OUTBOX_NAME, LocalRecord, Outbox, OutboxEntry
from kiosk.data.records import content_records
from kiosk.kiosk_mode import read_mode
from sync.content import content_session, import_records
from sync.db import default_office_url, office_engine, upgrade
from sync.pull import PullReport, pull, pull_feedback_status, pull_rated_cases, pull_rating_summary
from sync.push import PushReport, push

log = logging.getLogger(__name__)
STATUS_NAME = "sync-status.json"
PRINTER_STATE_NAME = "printer-state.json"  # written by kiosk.print_service (which needs Qt: not imported here)


@dataclass
class SyncStatus:
    office: str = ""
    last_attempt: str = ""
    last_success: str = ""
    last_error: str = ""
    failures: int = 0
    content_revision: str = ""
    queue_depth: int = 0
    rejected: int = 0
    lines: list[str] = field(default_factory=list)

    def describe(self) -> str:
        rows = [
            ("office", self.office), ("last attempt", self.last_attempt or "never"),
            ("last success", self.last_success or "never"), ("last error", self.last_error or "none"),
            ("failures in a row", str(self.failures)), ("content revision", self.content_revision or "none"),
            ("records waiting", str(self.queue_depth)), ("records set aside", str(self.rejected)),
        ]
        return "\n".join(f"{name:>18}: {value}" for name, value in rows)


class SyncRunner:
    def __init__(self, data_dir: Path, *, office_url: str = "", content_file: Path | None = None,
                 kiosk_id: str = "") -> None:
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.embedded = not office_url
        self.office_url = office_url or default_office_url(data_dir)
        self.content_file = content_file
        self.kiosk_id = kiosk_id or socket.gethostname()
        self.cache = data_dir / CACHE_NAME
        self.outbox = Outbox(data_dir / OUTBOX_NAME)
        self._office: Engine | None = None
        self._upgraded = False

    @property
    def office(self) -> Engine:
        if self._office is None:
            self._office = office_engine(self.office_url)
        return self._office

    def close(self) -> None:
        if self._office is not None:
            self._office.dispose()
        self.outbox.close()

    # -- a round ----------------------------------------------------------------------------------------
    def once(self) -> tuple[PullReport, PushReport]:
        """Pull then push; records the outcome in the status file and re-raises a failure."""
        status = self.status()
        status.office = _safe_url(self.office_url)
        status.last_attempt = _now()
        try:
            if self.embedded:
                self._fill_embedded_office()
            pulled = pull(self.office, self.cache)
            if not self._heartbeat_waiting():  # one is enough: a kiosk offline for a day queues no pile
                crash = previous_crash(self.data_dir)
                actions = admin_actions.unreported(self.data_dir)
                self.outbox.add("heartbeat", self._heartbeat(status, crash, actions))
                # queued (durably) in the heartbeat: sent from the outbox, retried if need be
                if crash:
                    log.warning("reporting to the office: %s", crash)
                    clear_marker(self.data_dir)
                if actions:
                    admin_actions.mark_reported(self.data_dir, len(actions))
            pushed = push(self.outbox, self.office, self.kiosk_id)
            # after the push: what visitors left goes up even if these fail, and the status of
            # feedback sent just now comes straight back
            pull_feedback_status(self.office, self.cache)
            pull_rating_summary(self.office, self.cache)
            pull_rated_cases(self.office, self.cache)
        except Exception as exc:
            status.failures += 1
            status.last_error = f"{_now()} {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            status.queue_depth = self.outbox.depth()
            self._save(status)
            raise
        status.failures = 0
        status.last_success = _now()
        status.content_revision = str(pulled.revision)
        status.queue_depth = pushed.remaining
        status.rejected = len(self.outbox.rejected())
        status.lines = [pulled.line(), pushed.line()]
        self._save(status)
        return pulled, pushed

    def cache_usable(self) -> bool:
        return cache_meta(self.cache) is not None

    def backoff_seconds(self, interval: float) -> float:
        """After failures: 5 s, 10 s, 20 s … but never longer than the normal interval."""
        failures = self.status().failures
        return interval if failures == 0 else min(interval, 5.0 * 2 ** (failures - 1))

    # -- the embedded office ------------------------------------------------------------------------------
    def _fill_embedded_office(self) -> None:
        if not self._upgraded:
            upgrade(self.office)
            self._upgraded = True
        if self.content_file is None:
            return
        marker = self.data_dir / "embedded-import.json"
        wanted = fingerprint(self.content_file)
        try:
            done = json.loads(marker.read_text(encoding="utf-8")).get("fingerprint")
        except (OSError, ValueError):
            done = None
        if done == wanted:
            return
        content = load_content(self.content_file)
        with content_session(self.office) as session, session.begin():
            report = import_records(session, content_records(content), actor="kiosk (embedded office)",
                                    source=str(self.content_file))
        log.info("embedded office: imported %s (%d changes)", self.content_file,
                 len(report.inserted) + len(report.updated) + len(report.deleted))
        _write_json(marker, {"fingerprint": wanted, "file": str(self.content_file)})

    # -- status -----------------------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        try:
            raw = json.loads((self.data_dir / STATUS_NAME).read_text(encoding="utf-8"))
            return SyncStatus(**{k: v for k, v in raw.items() if k in SyncStatus.__dataclass_fields__})
        except (OSError, ValueError, TypeError):
            return SyncStatus(office=_safe_url(self.office_url))

    def _save(self, status: SyncStatus) -> None:
        _write_json(self.data_dir / STATUS_NAME, asdict(status))

    def _heartbeat_waiting(self) -> bool:
        """A heartbeat of an earlier round is still in the outbox (its send failed)."""
        with Session(self.outbox.engine) as session:
            waiting = session.scalar(
                select(func.count()).select_from(OutboxEntry).join(LocalRecord, LocalRecord.uuid == OutboxEntry.uuid)
                .where(LocalRecord.kind == "heartbeat", OutboxEntry.state == "pending"))
        return bool(waiting)

    def _heartbeat(self, status: SyncStatus, crash: str = "",
                   actions: list[dict[str, str]] | None = None) -> dict[str, object]:
        """``crash``: the previous run's crash (kiosk/crash_report.py), reported once in ``last_error``;
        ``actions``: the admin actions taken at the kiosk since the last heartbeat (kiosk/admin_actions.py)."""
        meta = cache_meta(self.cache) or {}
        last_error = " | ".join(part for part in (crash, status.last_error) if part)
        return {
            "version": __version__, "content_revision": int(meta.get("checkpoint") or 0),
            "queue_depth": self.outbox.depth(), "printer_state": printer_state(self.data_dir),
            "last_error": last_error, "mode": read_mode(self.data_dir),
            "admin_actions": json.dumps(actions or [], ensure_ascii=False),
        }


def printer_state(data_dir: Path) -> str:
    """The printer's state as the kiosk's print service last saw it (kiosk/print_service.py writes
    ``printer-state.json``): ok, printing, stopped, paper-out, offline, missing …; "none" without a printer."""
    try:
        state = json.loads((data_dir / PRINTER_STATE_NAME).read_text(encoding="utf-8")).get("state")
    except (OSError, ValueError, AttributeError):
        return "none"
    return state if isinstance(state, str) and state else "none"


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")


def _write_json(path: Path, data: object) -> None:
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(partial, path)
