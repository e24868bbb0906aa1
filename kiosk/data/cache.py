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
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session

from kiosk.data import snapshot
from kiosk.data.content_format import Content, load_content
from kiosk.data.models import (
    SCHEMA_VERSION,
    Base,
    Commitment,
    CommitmentGroup,
    Department,
    FlowStep,
    Hall,
    Item,
    ItemTopic,
    Material,
    Meta,
    Post,
    Staff,
    Topic,
)

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


def cache_fingerprint(path: Path) -> str | None:
    """The fingerprint a cache file was built from, or None if it is missing, foreign or unreadable."""
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
    return rows.get("fingerprint")


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
    partial = cache.with_name(cache.name + ".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    engine = open_engine(partial)
    try:
        Base.metadata.create_all(engine)
        with Session(engine) as session, session.begin():
            _fill(session, content, revision)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.exec_driver_sql("PRAGMA journal_mode=DELETE")
    finally:
        engine.dispose()
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    for stale in (Path(f"{cache}-wal"), Path(f"{cache}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(partial, cache)
    snapshot.write(cache.parent, snapshot.from_content(content))
    log.info("content cache built from %s in %.2f s (%d items)", content.source,
             time.perf_counter() - started, len(content.items))


def _fill(session: Session, content: Content, revision: str) -> None:
    hall = content.hall
    session.add(Hall(id=1, demo=content.demo, **hall))
    for gseq, group in enumerate(content.commitments):
        session.add(CommitmentGroup(seq=gseq, name=group["group"], entries=[
            Commitment(seq=i, title=e["title"], text=e["text"]) for i, e in enumerate(group["items"])
        ]))
    for seq, d in enumerate(content.departments):
        session.add(Department(seq=seq, **d))
    for seq, t in enumerate(content.topics):
        session.add(Topic(seq=seq, **t))
    session.flush()
    for p in content.posts:
        session.add(Post(
            code=p["code"], department_code=p["department"], post_type=p["type"], seq=p["seq"],
            name=p["name"], work_items=p["work_items"], contact=p["contact"], phone=p["phone"],
            address=p["address"], url=p["url"], window=p["window"], floor=p["floor"], hours=p["hours"],
            staff=[Staff(seq=i, **s) for i, s in enumerate(p["staff"])],
        ))
    session.flush()
    skip = {"code", "department", "post", "topics", "type", "body", "materials", "flow"}
    for seq, it in enumerate(content.items):
        fields = {k: v for k, v in it.items() if k not in skip}
        session.add(Item(
            code=it["code"], seq=seq, item_type=it["type"], department_code=it["department"],
            post_code=it["post"] or None, body_name=it["body"]["name"],
            body_credit_code=it["body"]["credit_code"], body_nature=it["body"]["nature"],
            materials=[Material(seq=i, **m) for i, m in enumerate(it["materials"])],
            steps=[FlowStep(seq=i, **s) for i, s in enumerate(it["flow"])],
            **fields,
        ))
        session.add_all(ItemTopic(item_code=it["code"], topic_code=t) for t in dict.fromkeys(it["topics"]))
    session.add_all([
        Meta(key="schema_version", value=str(SCHEMA_VERSION)),
        Meta(key="fingerprint", value=revision),
        Meta(key="revision", value=revision),
        Meta(key="source", value=str(content.source)),
        Meta(key="built_at", value=time.strftime("%Y-%m-%d %H:%M:%S")),
    ])


def revision_of(engine: Engine) -> str:
    with Session(engine) as session:
        return session.scalar(select(Meta.value).where(Meta.key == "revision")) or ""
