"""Connecting to the office database, migrating it (Alembic, run in code) and the kiosk role.

The office database is PostgreSQL (``postgresql+psycopg://user:pw@host:port/db``) or an embedded SQLite
file (:func:`default_office_url`); the same code serves both.

SQLite connections get ``foreign_keys=ON``, ``journal_mode=WAL``, ``synchronous=FULL`` (every commit is
synced: ratings and feedback are rare and precious) and ``busy_timeout=10000``. SQLAlchemy, not the
sqlite3 module, emits BEGIN, so every transaction, DDL included, is a real one (the migrations are
all-or-nothing). The execution option ``sqlite_begin="IMMEDIATE"`` on a connection makes its
transactions take the write lock at BEGIN (a transaction that reads before it writes then cannot fail
with "database is locked" at its first write); :func:`upgrade` uses it.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import ConnectionPoolEntry

from sync.office_models import KIOSK_FEEDBACK_COLUMNS, KIOSK_RATING_COLUMNS

if TYPE_CHECKING:
    import psycopg

#: The Alembic script directory (inside the package, so it ships with it).
MIGRATIONS: Final = Path(__file__).resolve().parent / "migrations"
#: The PostgreSQL role the kiosks log in as.
KIOSK_ROLE: Final = "kiosk"
#: pg_advisory_xact_lock key serialising upgrade() and create_kiosk_role() of concurrent callers.
_LOCK_KEY: Final = 0x6B696F736B6F6666  # "kioskoff"
_SQLITE_BEGIN_MODES: Final = frozenset({"DEFERRED", "IMMEDIATE", "EXCLUSIVE"})
_SQLITE_PRAGMAS: Final = (
    "PRAGMA busy_timeout=10000",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=FULL",
)


def default_office_url(data_dir: Path) -> str:
    """The URL of the embedded office database: ``office.sqlite`` in ``data_dir``."""
    return f"sqlite:///{Path(data_dir).expanduser().absolute() / 'office.sqlite'}"


def _sqlite_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    dbapi_connection.isolation_level = None  # the sqlite3 module emits no BEGIN; _sqlite_begin does
    cursor = dbapi_connection.cursor()
    try:
        for pragma in _SQLITE_PRAGMAS:
            cursor.execute(pragma)
        _use_wal(cursor)
    finally:
        cursor.close()


def _use_wal(cursor: Any) -> None:
    """Switch to WAL (a setting of the file, kept once made). The switch needs a lock that SQLite does
    not wait for, so two processes opening a new office file at once retry instead of failing."""
    deadline = time.monotonic() + 10
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(connection: Connection) -> None:
    options = connection.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return
    mode = str(options.get("sqlite_begin", "DEFERRED")).upper()
    if mode not in _SQLITE_BEGIN_MODES:
        raise ValueError(f"sqlite_begin must be one of {sorted(_SQLITE_BEGIN_MODES)}, not {mode!r}")
    connection.exec_driver_sql(f"BEGIN {mode}")


def office_engine(url: str | URL, **kwargs: Any) -> Engine:
    """An engine on the office database (SQLite: with the pragmas and transaction handling above)."""
    sa_url = make_url(url)
    engine = create_engine(sa_url, **kwargs)
    if sa_url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def alembic_config(url: str | URL | None = None) -> Config:
    """An Alembic Config of the office migrations, built in code (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url is not None:
        rendered = url if isinstance(url, str) else url.render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", rendered.replace("%", "%%"))  # ConfigParser interpolation
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision of the migrations."""
    head = script_directory().get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {MIGRATIONS}")
    return head


def upgrade(url_or_engine: str | URL | Engine, revision: str = "head") -> None:
    """Migrate the office database to ``revision`` (Alembic ``upgrade``), in one transaction.

    An older database is upgraded in place; one at ``revision`` is left alone. Concurrent callers are
    serialised (PostgreSQL: an advisory lock; SQLite: BEGIN IMMEDIATE).
    """
    engine = url_or_engine if isinstance(url_or_engine, Engine) else office_engine(url_or_engine)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                connection.execution_options(sqlite_begin="IMMEDIATE")
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
                config = alembic_config(engine.url)
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
    finally:
        if engine is not url_or_engine:
            engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The revision the office database is at (None: no schema yet)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def create_kiosk_role(engine: Engine, password: str) -> None:
    """Create (or update) the PostgreSQL login role ``kiosk`` with least privilege; idempotent.

    The kiosk may read content_head, content_record and the views feedback_status, rating_summary and
    rated_case, and insert into rating and feedback (only the columns a kiosk fills:
    :data:`~sync.office_models.KIOSK_RATING_COLUMNS`, :data:`~sync.office_models.KIOSK_FEEDBACK_COLUMNS`;
    status, reply and follow-up are the office's) and heartbeat; nothing else. Idempotent sends are
    ``INSERT … ON CONFLICT (uuid) DO NOTHING`` (without RETURNING, which needs SELECT): PostgreSQL
    requires SELECT on the conflict target's columns for that, so the kiosk also gets ``SELECT (uuid)``
    on those three tables — random ids, none of the rows' content. Run it after :func:`upgrade` (a
    revision that recreates a table or view drops its grants).
    The password is sent to the server already hashed (SCRAM or MD5, per ``password_encryption``).
    """
    if engine.dialect.name != "postgresql":
        raise ValueError(f"the kiosk role exists on PostgreSQL only, not on {engine.dialect.name}")
    if not password:
        raise ValueError("the kiosk role needs a password")
    from psycopg import sql

    role = sql.Identifier(KIOSK_ROLE)
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        raw = cast("psycopg.Connection[Any]", connection.connection.driver_connection)
        hashed = raw.pgconn.encrypt_password(password.encode(), KIOSK_ROLE.encode()).decode()
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": KIOSK_ROLE})
        verb = "ALTER" if exists.first() is not None else "CREATE"
        statements = [
            sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(hashed)),
            sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {}").format(role),
            sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {}").format(role),
            sql.SQL("REVOKE CREATE ON SCHEMA public FROM PUBLIC, {}").format(role),
            sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(role),
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                sql.Identifier(raw.info.dbname), role
            ),
            sql.SQL("GRANT SELECT ON content_head, content_record, feedback_status, rating_summary, rated_case "
                    "TO {}").format(role),
            sql.SQL("GRANT INSERT ({}), SELECT (uuid) ON rating TO {}").format(
                sql.SQL(", ").join(map(sql.Identifier, KIOSK_RATING_COLUMNS)), role),
            sql.SQL("GRANT INSERT ({}), SELECT (uuid) ON feedback TO {}").format(
                sql.SQL(", ").join(map(sql.Identifier, KIOSK_FEEDBACK_COLUMNS)), role),
            sql.SQL("GRANT INSERT, SELECT (uuid) ON heartbeat TO {}").format(role),
        ]
        with raw.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
