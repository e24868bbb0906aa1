"""The local content cache: a SQLite file that is disposable and rebuilt when needed.

A rebuild writes a new file beside the old one and renames it into place, so a power cut in the
middle of a rebuild leaves the previous cache (or none) but never a half-written one. The cache
remembers a fingerprint of the content it was built from; a changed content file, another schema
version or a file SQLite cannot read all lead to a rebuild.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kiosk.data import snapshot
from kiosk.data.content_format import Content, load_content
from kiosk.data.models import (
    SCHEMA_VERSION,
    Base,
    CommitmentGroup,
    FeedbackStatus,
    Hall,
    Meta,
    RatedCase,
    RatingSummary,
)
from kiosk.data.records import Change, apply_changes, content_records

log = logging.getLogger(__name__)
CACHE_NAME = "cache.sqlite"


def open_engine(path: Path) -> Engine:
    """An engine on a cache file with the pragmas every connection needs."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # the cache is disposable; the outbox is not
        cursor.close()

    return engine


def fingerprint(content_file: Path) -> str:
    """Content revision for a file: its hash, so the same file always gives the same revision."""
    return hashlib.sha256(content_file.read_bytes()).hexdigest()[:16]


def cache_meta(path: Path) -> dict[str, str] | None:
    """The facts of a usable cache file, or None if it is missing, unreadable or of another schema."""
    if not path.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            rows = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error as exc:
        log.warning("content cache %s is unreadable (%s); it will be rebuilt", path, exc)
        return None
    if rows.get("schema_version") != str(SCHEMA_VERSION):
        return None
    return {str(k): str(v) for k, v in rows.items()}


def cache_fingerprint(path: Path) -> str | None:
    """The fingerprint of the content file a cache was built from (None: not built from a file)."""
    meta = cache_meta(path)
    return meta.get("fingerprint") or None if meta else None


def ensure_cache(data_dir: Path, content_file: Path) -> Path:
    """Return a cache file that holds ``content_file``; build it if missing, stale or corrupt.

    Raises :class:`kiosk.data.content_format.ContentError` if the content file is invalid and there
    is no earlier good cache to fall back to.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    cache = data_dir / CACHE_NAME
    wanted = fingerprint(content_file)
    if cache_fingerprint(cache) == wanted:
        return cache
    try:
        content = load_content(content_file)
    except Exception:
        if cache_fingerprint(cache) is not None:
            log.exception("content file %s is invalid; keeping the previous content", content_file)
            return cache
        raise
    for warning in content.warnings:
        log.warning("content: %s", warning)
    build_cache(cache, content, wanted)
    return cache


def build_cache(cache: Path, content: Content, revision: str) -> None:
    """Write ``content`` into a fresh cache file and atomically put it in place of ``cache``."""
    started = time.perf_counter()
    changes = [Change(kind, key, body) for (kind, key), body in content_records(content).items()]
    replace_cache(cache, changes, {"fingerprint": revision, "revision": revision, "source": str(content.source)})
    log.info("content cache built from %s in %.2f s (%d items)", content.source,
             time.perf_counter() - started, len(content.items))


def replace_cache(cache: Path, changes: Iterable[Change], meta: dict[str, str]) -> None:
    """Build a complete cache from ``changes`` beside ``cache``, then rename it into place."""
    partial = cache.with_name(cache.name + ".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    engine = open_engine(partial)
    try:
        Base.metadata.create_all(engine)
        with Session(engine) as session, session.begin():
            apply_changes(session, changes, files_dir(cache))
            _set_meta(session, {"schema_version": str(SCHEMA_VERSION),
                                "built_at": time.strftime("%Y-%m-%d %H:%M:%S"), **meta})
            info = _attract_info(session)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.exec_driver_sql("PRAGMA journal_mode=DELETE")
    finally:
        engine.dispose()
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    # the snapshot first: if we die before the rename, the next pull rebuilds and writes it again
    snapshot.write(cache.parent, info)
    for stale in (Path(f"{cache}-wal"), Path(f"{cache}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(partial, cache)


def apply_pull(engine: Engine, cache: Path, changes: list[Change], meta: dict[str, str]) -> set[str]:
    """Apply a batch of changes and the new checkpoint in one transaction: all of it or nothing."""
    with Session(engine) as session, session.begin():
        kinds = apply_changes(session, changes, files_dir(cache))
        _set_meta(session, meta)
        if kinds & {"hall", "commitments"}:
            # written before the commit: if we die between the two, the checkpoint has not moved
            # and the next pull applies the same changes and writes the snapshot again
            snapshot.write(cache.parent, _attract_info(session))
    return kinds


def replace_feedback_status(engine: Engine, rows: list[dict[str, str]]) -> None:
    """The office's status of every tracking code, swapped in one transaction."""
    with Session(engine) as session, session.begin():
        session.execute(delete(FeedbackStatus))
        session.add_all(FeedbackStatus(**row) for row in rows)


def replace_rating_summary(engine: Engine, rows: list[dict[str, Any]]) -> None:
    """The office's rating counts (keys as :class:`RatingSummary`'s columns), swapped in one transaction."""
    with Session(engine) as session, session.begin():
        session.execute(delete(RatingSummary))
        if rows:
            session.execute(insert(RatingSummary), [{**row, "department_code": row.get("department_code") or "",
                                                     "post_code": row.get("post_code") or ""} for row in rows])
        _set_meta(session, {"rating_summary_at": datetime.now().astimezone().isoformat(timespec="seconds")})


def add_rated_cases(engine: Engine, cases: list[tuple[str, str]]) -> None:
    """Remember case numbers rated anywhere: (case_no, office received_at ISO); repeats are harmless."""
    if not cases:
        return
    with Session(engine) as session, session.begin():
        statement = sqlite_insert(RatedCase).on_conflict_do_nothing(index_elements=["case_no"])
        session.execute(statement, [{"case_no": c, "received_at": at} for c, at in cases])


def rated_cases_checkpoint(engine: Engine) -> str:
    """The newest ``received_at`` among the rated case numbers pulled so far ("" before the first)."""
    with Session(engine) as session:
        return session.scalar(select(func.max(RatedCase.received_at))) or ""


def files_dir(cache: Path) -> Path:
    """Photos and forms of the content, by hash, next to the cache."""
    return cache.parent / "files"


def read_meta(engine: Engine) -> dict[str, str]:
    with Session(engine) as session:
        return {row.key: row.value for row in session.scalars(select(Meta))}


def _set_meta(session: Session, values: dict[str, str]) -> None:
    for key, value in values.items():
        session.merge(Meta(key=key, value=value))


def _attract_info(session: Session) -> snapshot.AttractInfo:
    hall = session.get(Hall, 1)
    first = session.scalars(select(CommitmentGroup).order_by(CommitmentGroup.seq).limit(1)).first()
    entries = first.entries if first else []
    english = hall.en if hall else {}
    return snapshot.AttractInfo(
        department=hall.department if hall else "", hall=hall.name if hall else "",
        commitments=[entry.title for entry in entries], demo=bool(hall and hall.demo),
        en=snapshot.english_of(english.get("department", ""), english.get("name", ""),
                               [(entry.title, entry.en.get("title", "")) for entry in entries]),
    )


def revision_of(engine: Engine) -> str:
    with Session(engine) as session:
        return session.scalar(select(Meta.value).where(Meta.key == "revision")) or ""
