"""The office database: migrations on both backends, the SQLite pragmas, the kiosk role's least privilege."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, MetaData, Table, func, insert, inspect, select, text, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.pool import NullPool

from sync.db import (
    KIOSK_ROLE,
    alembic_config,
    create_kiosk_role,
    current_revision,
    default_office_url,
    head_revision,
    office_engine,
    script_directory,
    upgrade,
)
from sync.office_models import (
    FEEDBACK_RECEIVED,
    KIOSK_FEEDBACK_COLUMNS,
    KIOSK_RATING_COLUMNS,
    ContentHead,
    ContentRecord,
    Feedback,
    Heartbeat,
    OfficeBase,
    Rating,
    feedback_status_view,
)
from tests.pg import PgCluster

# The fixtures (also loaded from tests/conftest.py; loading twice is harmless).

OFFICE_TABLES = {"content_head", "content_record", "content_audit", "rating", "feedback", "feedback_action",
                 "heartbeat"}
VIEW_COLUMNS = ["code", "status", "reply", "received_at", "replied_at", "closed_at", "due_date"]
OFFICE_VIEWS = {"feedback_status": VIEW_COLUMNS,
                "rating_summary": ["month", "department_code", "post_code", "level", "repeated", "n", "answered"],
                "rated_case": ["case_no", "received_at"]}
REVISIONS = [script.revision for script in reversed(list(script_directory().walk_revisions()))]
KIOSK_TIME = "2024-05-06T07:08:09+08:00"


def _rating(uuid_: str, level: int = 5, **fields: Any) -> dict[str, Any]:
    return {"uuid": uuid_, "kiosk_id": "k1", "kiosk_time": KIOSK_TIME, "level": level, **fields}


def _feedback(uuid_: str, code: str, **fields: Any) -> dict[str, Any]:
    return {"uuid": uuid_, "code": code, "kiosk_id": "k1", "kiosk_time": KIOSK_TIME, "kind": "投诉",
            "text": "窗口人员态度不好", "name": "张三", "phone": "13800000000", **fields}


# -- schema ---------------------------------------------------------------------------------------


def test_models_declare_the_design_tables() -> None:
    assert set(OfficeBase.metadata.tables) == OFFICE_TABLES


def test_upgrade_creates_every_table_and_the_view(office_db: Engine) -> None:
    inspector = inspect(office_db)
    assert set(inspector.get_table_names()) == OFFICE_TABLES | {"alembic_version"}
    assert sorted(inspector.get_view_names()) == sorted(OFFICE_VIEWS)
    for view, columns in OFFICE_VIEWS.items():
        assert [column["name"] for column in inspector.get_columns(view)] == columns
    assert current_revision(office_db) == head_revision()
    with office_db.connect() as connection:
        assert connection.execute(select(ContentHead.id, ContentHead.revision)).all() == [(1, 0)]


def test_migrated_schema_is_what_the_models_declare(office_db: Engine) -> None:
    """Alembic autogenerate finds nothing to do: columns, types, nullability, defaults, indexes, uniques."""
    with office_db.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
        assert compare_metadata(context, OfficeBase.metadata) == []
    inspector = inspect(office_db)
    assert [index["name"] for index in inspector.get_indexes("content_record")] == ["ix_content_record_revision"]
    assert sorted(str(index["name"]) for index in inspector.get_indexes("rating")) == [
        "ix_rating_case_no", "ix_rating_kiosk_time"]
    checks = {table: [check["name"] for check in inspector.get_check_constraints(table)]
              for table in ("content_head", "rating", "feedback_action")}
    assert checks == {"content_head": ["ck_content_head_single"], "rating": ["ck_rating_level"],
                      "feedback_action": ["ck_feedback_action_action"]}
    assert [fk["name"] for fk in inspector.get_foreign_keys("feedback_action")] == [
        "fk_feedback_action_code_feedback"]


def test_defaults_and_constraints(office_db: Engine) -> None:
    with office_db.begin() as connection:
        connection.execute(insert(Rating).values(_rating("r1")))
        connection.execute(insert(Feedback).values(_feedback("f1", "FB-1")))
        connection.execute(insert(Heartbeat).values(uuid="h1", kiosk_id="k1", kiosk_time=KIOSK_TIME))
        connection.execute(insert(ContentRecord).values(kind="item", key="A1", revision=1, body="{}"))
        rating = connection.execute(select(Rating)).one()
        feedback = connection.execute(select(Feedback)).one()
        heartbeat = connection.execute(select(Heartbeat)).one()
        record = connection.execute(select(ContentRecord)).one()
    assert rating.repeated is False and isinstance(rating.received_at, datetime)
    assert feedback.status == FEEDBACK_RECEIVED and isinstance(feedback.received_at, datetime)
    assert isinstance(heartbeat.received_at, datetime)
    assert record.deleted is False and isinstance(record.changed_at, datetime)

    rejected = [
        insert(Rating).values(_rating("r0", level=0)),
        insert(Rating).values(_rating("r6", level=6)),
        insert(Rating).values(_rating("r1")),  # same uuid
        insert(Feedback).values(_feedback("f2", "FB-1")),  # same tracking code
        insert(ContentHead).values(id=2, revision=0),  # content_head holds one row
        insert(ContentRecord).values(kind="item", key="A1", revision=2, body="{}"),
    ]
    for statement in rejected:
        with pytest.raises(IntegrityError), office_db.begin() as connection:
            connection.execute(statement)


def test_feedback_status_view_shows_the_status_only(office_db: Engine) -> None:
    with office_db.begin() as connection:
        connection.execute(insert(Feedback).values(_feedback("f1", "FB-1", reply="已处理")))
        rows = connection.execute(select(feedback_status_view)).mappings().all()
    assert [(row["code"], row["status"], row["reply"]) for row in rows] == [("FB-1", FEEDBACK_RECEIVED, "已处理")]
    assert list(rows[0]) == VIEW_COLUMNS


def test_content_head_revision_serialises_writers(office_db: Engine) -> None:
    """The design's first statement of a content-writing transaction: bump and read the revision."""
    for expected in (1, 2):
        with office_db.begin() as connection:
            connection.execute(update(ContentHead).where(ContentHead.id == 1)
                               .values(revision=ContentHead.revision + 1))
            assert connection.execute(select(ContentHead.revision)).scalar_one() == expected


# -- migrations -----------------------------------------------------------------------------------


def test_upgrade_twice_is_a_no_op(office_url: str) -> None:
    engine = office_engine(office_url)
    try:
        with engine.begin() as connection:
            connection.execute(update(ContentHead).values(revision=7))
            connection.execute(insert(Rating).values(_rating("r1")))
        upgrade(office_url)
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            assert connection.execute(select(ContentHead.id, ContentHead.revision)).all() == [(1, 7)]
            assert connection.execute(select(Rating.uuid)).scalars().all() == ["r1"]
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [
                head_revision()]
    finally:
        engine.dispose()


def _sample_value(table: str, column: Any) -> object:
    """A value for a column of any revision's table (extend when a revision adds a new type or check)."""
    overrides: dict[tuple[str, str], object] = {
        ("rating", "level"): 4,
        ("feedback_action", "action"): "note",
        ("feedback_action", "code"): "feedback.code 值",  # the feedback row's code (a foreign key)
    }
    if (table, column.name) in overrides:
        return overrides[table, column.name]
    python_type = column.type.python_type
    samples: dict[type, object] = {
        bool: True, int: 3, float: 1.5, str: f"{table}.{column.name} 值",
        datetime: datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC), date: date(2024, 5, 6),
    }
    for kind, value in samples.items():
        if issubclass(python_type, kind):
            return value
    raise NotImplementedError(f"no sample value for {table}.{column.name} ({column.type})")


def _reflect(connection: Connection) -> dict[str, Table]:
    metadata = MetaData()
    metadata.reflect(connection)
    return {name: table for name, table in metadata.tables.items() if name != "alembic_version"}


def _snapshot(connection: Connection, tables: dict[str, Table]) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    """Every row of every table, by primary key."""
    snapshot = {}
    for name, table in tables.items():
        key = [column.name for column in table.primary_key.columns]
        rows = connection.execute(select(table)).mappings().all()
        snapshot[name] = {tuple(row[column] for column in key): dict(row) for row in rows}
    return snapshot


@pytest.mark.parametrize("revision", REVISIONS)
def test_older_database_is_upgraded_in_place_data_kept(empty_office_url: str, revision: str) -> None:
    """A database made at any earlier revision, holding a row in every column of every table, keeps it all.

    (Starts from base, an empty database. With only one revision this is a smoke test; every later
    revision adds a case. A revision that transforms data on purpose adjusts the comparison below.)
    """
    engine = office_engine(empty_office_url)
    try:
        upgrade(engine, revision)
        assert current_revision(engine) == revision
        with engine.begin() as connection:
            connection.execute(text("UPDATE content_head SET revision = 41"))
            old_tables = _reflect(connection)
            for name, table in old_tables.items():
                if connection.execute(select(func.count()).select_from(table)).scalar_one() == 0:
                    connection.execute(insert(table).values(
                        {column.name: _sample_value(name, column) for column in table.columns}))
            before = _snapshot(connection, old_tables)
        assert all(before.values()), "every table holds a row"

        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            new_tables = _reflect(connection)
            assert set(old_tables) <= set(new_tables), "a table was dropped"
            after = _snapshot(connection, {name: new_tables[name] for name in old_tables})
        for name, rows in before.items():
            assert set(after[name]) == set(rows), f"rows of {name} lost or added"
            for key, row in rows.items():
                kept = {column: value for column, value in after[name][key].items() if column in row}
                assert kept == row, f"{name} {key} changed"
    finally:
        engine.dispose()


def test_downgrade_to_base_removes_everything(office_url: str) -> None:
    engine = office_engine(office_url)
    try:
        with engine.begin() as connection:
            config = alembic_config(engine.url)
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        inspector = inspect(engine)
        assert set(inspector.get_table_names()) <= {"alembic_version"}
        assert inspector.get_view_names() == []
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_concurrent_upgrades_of_a_new_database_both_succeed(empty_office_url: str) -> None:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            upgrade(empty_office_url)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    engine = office_engine(empty_office_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as connection:
            assert connection.execute(select(ContentHead.revision)).scalars().all() == [0]
    finally:
        engine.dispose()


# -- SQLite ---------------------------------------------------------------------------------------


def test_default_office_url(tmp_path: Path) -> None:
    assert default_office_url(tmp_path) == f"sqlite:///{tmp_path}/office.sqlite"


def test_sqlite_pragmas(office_sqlite: str) -> None:
    engine = office_engine(office_sqlite)
    try:
        with engine.connect() as connection:
            pragmas = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                       for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")}
    finally:
        engine.dispose()
    assert pragmas == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2, "busy_timeout": 10000}


def test_sqlite_ddl_is_transactional(office_sqlite: str) -> None:
    """A failed migration leaves nothing behind: DDL rolls back with its transaction."""
    engine = office_engine(office_sqlite)
    try:
        with engine.connect() as connection:
            connection.execute(text("CREATE TABLE scratch (a INTEGER)"))
            connection.execute(text("UPDATE content_head SET revision = 5"))
            connection.rollback()
        assert "scratch" not in inspect(engine).get_table_names()
        with engine.connect() as connection:
            assert connection.execute(select(ContentHead.revision)).scalar_one() == 0
    finally:
        engine.dispose()


def test_create_kiosk_role_is_for_postgresql_only(office_sqlite: str) -> None:
    engine = office_engine(office_sqlite)
    try:
        with pytest.raises(ValueError, match="PostgreSQL only"):
            create_kiosk_role(engine, "secret")
    finally:
        engine.dispose()


# -- the kiosk role (PostgreSQL) -------------------------------------------------------------------

KIOSK_PASSWORD = "Kiosk pw: 'quoted' %s \\ 中文"


class KioskOffice(NamedTuple):
    cluster: PgCluster
    database: str
    admin: Engine
    kiosk: Engine

    def kiosk_url(self, password: str) -> str:
        return self.cluster.url(self.database, user=KIOSK_ROLE, password=password)


@pytest.fixture(scope="module")
def kiosk_office(pg_cluster: PgCluster) -> Iterator[KioskOffice]:
    """An office database at head with the kiosk role and a row in each table; the admin's and the
    kiosk's engines. Denied statements change nothing; the allowed inserts use their own uuids."""
    database = f"kiosk_{uuid.uuid4().hex[:12]}"
    pg_cluster.create_database(database)
    admin = office_engine(pg_cluster.url(database))
    kiosk = office_engine(pg_cluster.url(database, user=KIOSK_ROLE, password=KIOSK_PASSWORD))
    try:
        upgrade(admin)
        create_kiosk_role(admin, KIOSK_PASSWORD)
        with admin.begin() as connection:
            connection.execute(update(ContentHead).values(revision=1))
            connection.execute(insert(ContentRecord).values(kind="item", key="A1", revision=1, body='{"a": 1}'))
            connection.execute(insert(Rating).values(_rating("r0", text="很好", phone="13900000000")))
            connection.execute(insert(Feedback).values(_feedback("f0", "FB-0")))
            connection.execute(insert(Heartbeat).values(uuid="h0", kiosk_id="k1", kiosk_time=KIOSK_TIME))
        yield KioskOffice(pg_cluster, database, admin, kiosk)
    finally:
        admin.dispose()
        kiosk.dispose()
        pg_cluster.drop_database(database)


def test_kiosk_can_read_content(kiosk_office: KioskOffice) -> None:
    with kiosk_office.kiosk.connect() as connection:
        assert connection.execute(select(ContentHead.revision)).scalar_one() == 1
        assert connection.execute(select(ContentRecord.kind, ContentRecord.key, ContentRecord.body)).all() == [
            ("item", "A1", '{"a": 1}')]


def test_kiosk_can_read_feedback_status(kiosk_office: KioskOffice) -> None:
    with kiosk_office.kiosk.connect() as connection:
        rows = connection.execute(select(feedback_status_view).where(feedback_status_view.c.code == "FB-0")).all()
    assert [(row.code, row.status) for row in rows] == [("FB-0", FEEDBACK_RECEIVED)]


def test_kiosk_inserts_idempotently(kiosk_office: KioskOffice) -> None:
    """INSERT … ON CONFLICT (uuid) DO NOTHING: a re-send is a no-op, and INSERT privilege is enough."""
    sends = [
        (Rating, _rating("r-kiosk", level=2), _rating("r-kiosk", level=5)),
        (Feedback, _feedback("f-kiosk", "FB-K"), _feedback("f-kiosk", "FB-K", text="改过的")),
        (Heartbeat, {"uuid": "h-kiosk", "kiosk_id": "k1", "kiosk_time": KIOSK_TIME, "queue_depth": 1},
         {"uuid": "h-kiosk", "kiosk_id": "k1", "kiosk_time": KIOSK_TIME, "queue_depth": 9}),
    ]
    for model, first, resend in sends:
        for values, inserted in ((first, 1), (resend, 0)):
            statement = (postgresql.insert(model).values(values).on_conflict_do_nothing(index_elements=["uuid"])
                         .execution_options(preserve_rowcount=True))  # SQLAlchemy 2.1: else -1 for INSERT
            with kiosk_office.kiosk.begin() as connection:
                assert connection.execute(statement).rowcount == inserted
    with kiosk_office.admin.connect() as connection:
        assert connection.execute(select(Rating.level).where(Rating.uuid == "r-kiosk")).scalars().all() == [2]
        assert connection.execute(select(Feedback.text).where(Feedback.uuid == "f-kiosk")).scalars().all() == [
            "窗口人员态度不好"]
        assert connection.execute(select(Heartbeat.queue_depth).where(Heartbeat.uuid == "h-kiosk")).scalars().all(
        ) == [1]


_ROW = "(uuid, kiosk_id, kiosk_time, level) VALUES ('r-denied', 'k1', '2024-05-06', 3)"
DENIED = {
    "select feedback text": "SELECT text FROM feedback",
    "select feedback phone": "SELECT phone FROM feedback",
    "select feedback name": "SELECT name FROM feedback",
    "select feedback code": "SELECT code FROM feedback",
    "select rating": "SELECT * FROM rating",
    "select rating phone": "SELECT phone FROM rating",
    "select heartbeat": "SELECT * FROM heartbeat",
    "select content_audit": "SELECT * FROM content_audit",
    "select alembic_version": "SELECT * FROM alembic_version",
    "insert content_record": "INSERT INTO content_record (kind, key, revision, deleted, body) "
                             "VALUES ('item', 'X9', 9, false, '{}')",
    "update content_record": "UPDATE content_record SET body = ''",
    "delete content_record": "DELETE FROM content_record",
    "update content_head": "UPDATE content_head SET revision = revision + 1 WHERE id = 1",
    "insert content_audit": "INSERT INTO content_audit (actor, action, kind, key, revision) "
                            "VALUES ('kiosk', 'delete', 'item', 'A1', 9)",
    "next content_audit id": "SELECT nextval('content_audit_id_seq')",
    "update rating": "UPDATE rating SET level = 1",
    "update feedback status": "UPDATE feedback SET status = '已办结'",
    "update heartbeat": "UPDATE heartbeat SET last_error = 'x'",
    "delete rating": "DELETE FROM rating",
    "delete feedback": "DELETE FROM feedback",
    "delete heartbeat": "DELETE FROM heartbeat",
    "insert returning columns": f"INSERT INTO rating {_ROW} RETURNING *",
    "upsert": f"INSERT INTO rating {_ROW} ON CONFLICT (uuid) DO UPDATE SET level = excluded.level",
    "create table": "CREATE TABLE public.kiosk_own (a integer)",
    "select feedback_action": "SELECT * FROM feedback_action",
    "insert feedback_action": "INSERT INTO feedback_action (code, actor, action) VALUES ('FB-0', 'kiosk', 'close')",
    "insert a rating's follow-up": "INSERT INTO rating (uuid, kiosk_id, kiosk_time, level, answer, answered_by) "
                                   "VALUES ('r-answer', 'k1', '2024-05-06', 5, '已回访', 'kiosk')",
    "insert feedback already closed": "INSERT INTO feedback (uuid, code, kiosk_id, kiosk_time, kind, text, status) "
                                      "VALUES ('f-closed', 'FB-C', 'k1', '2024-05-06', '投诉', 'x', '已办结')",
    "insert feedback with a reply": "INSERT INTO feedback (uuid, code, kiosk_id, kiosk_time, kind, text, reply) "
                                    "VALUES ('f-reply', 'FB-R', 'k1', '2024-05-06', '投诉', 'x', '已处理')",
    "select rating text through no view": "SELECT text, phone FROM rating WHERE uuid = 'r0'",
    **{f"truncate {table}": f"TRUNCATE {table}" for table in sorted(OFFICE_TABLES | {"alembic_version"})},
}


@pytest.mark.parametrize("statement", list(DENIED.values()), ids=list(DENIED))
def test_kiosk_is_denied(kiosk_office: KioskOffice, statement: str) -> None:
    with kiosk_office.kiosk.connect() as connection, pytest.raises(ProgrammingError) as denied:
        connection.exec_driver_sql(statement)
    assert isinstance(denied.value.orig, psycopg.errors.InsufficientPrivilege), denied.value.orig


def test_kiosk_role_is_unprivileged(kiosk_office: KioskOffice) -> None:
    with kiosk_office.admin.connect() as connection:
        role = connection.execute(text(
            "SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls "
            "FROM pg_roles WHERE rolname = :role"), {"role": KIOSK_ROLE}).one()
    assert tuple(role) == (True, False, False, False, False, False)


def test_create_kiosk_role_is_idempotent_and_changes_the_password(kiosk_office: KioskOffice) -> None:
    def can_log_in(password: str) -> bool:
        engine = office_engine(kiosk_office.kiosk_url(password), poolclass=NullPool)
        try:
            with engine.connect() as connection:
                connection.execute(select(ContentHead.revision)).scalar_one()
            return True
        except OperationalError as error:
            assert "password authentication failed" in str(error)
            return False
        finally:
            engine.dispose()

    try:
        create_kiosk_role(kiosk_office.admin, KIOSK_PASSWORD)
        assert can_log_in(KIOSK_PASSWORD)
        create_kiosk_role(kiosk_office.admin, "another password")
        assert not can_log_in(KIOSK_PASSWORD)
        assert can_log_in("another password")
    finally:
        create_kiosk_role(kiosk_office.admin, KIOSK_PASSWORD)
    assert can_log_in(KIOSK_PASSWORD)
    with kiosk_office.admin.connect() as connection:
        grants = connection.execute(text(
            "SELECT table_name, '', privilege_type FROM information_schema.role_table_grants WHERE grantee = :role "
            "UNION SELECT table_name, column_name, privilege_type FROM information_schema.column_privileges "
            "WHERE grantee = :role AND (table_name, privilege_type) NOT IN "
            "(SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = :role) "
            "ORDER BY 1, 2, 3"), {"role": KIOSK_ROLE}).all()
    assert [tuple(grant) for grant in grants] == sorted([
        ("content_head", "", "SELECT"), ("content_record", "", "SELECT"),
        *(("feedback", column, "INSERT") for column in KIOSK_FEEDBACK_COLUMNS), ("feedback", "uuid", "SELECT"),
        ("feedback_status", "", "SELECT"), ("heartbeat", "", "INSERT"), ("heartbeat", "uuid", "SELECT"),
        ("rated_case", "", "SELECT"),
        *(("rating", column, "INSERT") for column in KIOSK_RATING_COLUMNS), ("rating", "uuid", "SELECT"),
        ("rating_summary", "", "SELECT")])


def test_kiosk_reads_no_more_than_the_ids_it_needs_for_on_conflict(kiosk_office: KioskOffice) -> None:
    """``ON CONFLICT (uuid)`` needs SELECT on uuid; that is all the kiosk sees of ratings, feedback, heartbeats."""
    with kiosk_office.kiosk.connect() as connection:
        for table in ("rating", "feedback", "heartbeat"):
            rows = connection.execute(text(f"SELECT uuid FROM {table} WHERE uuid = :id"), {"id": f"{table[0]}0"})
            assert rows.scalars().all() == [f"{table[0]}0"]
