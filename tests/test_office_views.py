"""What the kiosks read of the office's ratings and feedback (the views feedback_status, rating_summary and
rated_case) and how a sync round brings it down: as the least-privileged kiosk role on PostgreSQL, and on
both backends through SyncRunner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session

from kiosk.data.cache import open_engine
from kiosk.data.content_format import load_content
from kiosk.data.models import FeedbackStatus, RatedCase, RatingSummary
from kiosk.data.records import content_records
from sync.content import content_session, import_records
from sync.db import KIOSK_ROLE, create_kiosk_role, office_engine
from sync.office_models import Feedback, Heartbeat, Rating, rated_case_view, rating_summary_view
from sync.runner import SyncRunner
from tests.conftest import MINI
from tests.pg import PgCluster

PASSWORD = "views test pw"


def _import_mini(engine: Engine) -> None:
    with content_session(engine) as session, session.begin():
        import_records(session, content_records(load_content(MINI)), actor="t", source="mini")


def _ratings(engine: Engine, rows: list[dict[str, Any]]) -> None:
    """Insert ratings (rows of one executemany must have the same keys: the missing ones are None)."""
    base = {"kiosk_id": "k1", "post_code": "SP-W1", "department_code": "SP", "repeated": False}
    keys = {key for row in rows for key in row} - set(base)
    with engine.begin() as connection:
        connection.execute(insert(Rating), [{**base, **dict.fromkeys(keys), **row} for row in rows])


SUMMARY_SET = [
    {"uuid": "a1", "kiosk_time": "2026-10-31T23:59:59.000+08:00", "level": 1},
    {"uuid": "a2", "kiosk_time": "2026-11-01T08:00:00.000+08:00", "level": 1, "case_no": "C-1"},
    {"uuid": "a3", "kiosk_time": "2026-11-01T08:00:01.000+08:00", "level": 1, "repeated": True},
    {"uuid": "a4", "kiosk_time": "2026-11-02T09:00:00.000+08:00", "level": 5, "case_no": "C-1"},  # case again
    {"uuid": "a5", "kiosk_time": "2026-11-03T09:00:00.000+08:00", "level": 5, "answered_at": datetime.now(UTC),
     "answer": "已回访", "answered_by": "李科长", "phone": "13800000000", "text": "太慢"},
    {"uuid": "a6", "kiosk_time": "2026-11-03T10:00:00.000+08:00", "level": 5, "post_code": "XF-W1",
     "department_code": "XF"},
]
# (month, department, post, level, repeated) → (n, answered), counted by hand from SUMMARY_SET
SUMMARY = {
    ("2026-10", "SP", "SP-W1", 1, False): (1, 0),
    ("2026-11", "SP", "SP-W1", 1, False): (1, 0),
    ("2026-11", "SP", "SP-W1", 1, True): (1, 0),
    ("2026-11", "SP", "SP-W1", 5, True): (1, 0),
    ("2026-11", "SP", "SP-W1", 5, False): (1, 1),
    ("2026-11", "XF", "XF-W1", 5, False): (1, 0),
}


def _summary(rows: Any) -> dict[tuple[Any, ...], tuple[int, int]]:
    return {(r.month, r.department_code, r.post_code, int(r.level), bool(r.repeated)): (int(r.n), int(r.answered))
            for r in rows}


def test_rating_summary_counts_repeats_and_cases_rated_again_apart(office_db: Engine) -> None:
    _ratings(office_db, SUMMARY_SET)
    with office_db.connect() as connection:
        assert _summary(connection.execute(select(rating_summary_view)).all()) == SUMMARY
        cases = connection.execute(select(rated_case_view.c.case_no)).scalars().all()
    assert sorted(cases) == ["C-1", "C-1"]


# -- the kiosk role (PostgreSQL) ----------------------------------------------------------------------


@pytest.fixture
def kiosk_office(pg_cluster: PgCluster, office_pg: str) -> Iterator[tuple[Engine, str]]:
    """(admin engine, the kiosk role's URL) of a fresh office at head with content and the kiosk role."""
    admin = office_engine(office_pg)
    try:
        create_kiosk_role(admin, PASSWORD)
        _import_mini(admin)
        database = make_url(office_pg).database
        assert database is not None
        yield admin, pg_cluster.url(database, user=KIOSK_ROLE, password=PASSWORD)
    finally:
        admin.dispose()


def test_the_kiosk_role_reads_the_views_but_no_visitor_data(kiosk_office: tuple[Engine, str]) -> None:
    admin, kiosk_url = kiosk_office
    _ratings(admin, SUMMARY_SET)
    with admin.begin() as connection:
        connection.execute(insert(Feedback).values(
            uuid="f1", code="AB3D7KQ9", kiosk_id="k1", kiosk_time="2026-11-03T09:00:00+08:00", kind="投诉",
            text="秘密内容", name="王五", phone="13912345678", due_date="2026-11-10"))
    kiosk = office_engine(kiosk_url)
    try:
        with kiosk.connect() as connection:
            assert _summary(connection.execute(select(rating_summary_view)).all()) == SUMMARY
            assert sorted(connection.execute(select(rated_case_view.c.case_no)).scalars()) == ["C-1", "C-1"]
            status = connection.execute(text("SELECT * FROM feedback_status")).mappings().one()
        assert dict(status) == {**status, "code": "AB3D7KQ9", "status": "已受理", "due_date": "2026-11-10"}
        assert "秘密内容" not in str(dict(status)) and "13912345678" not in str(dict(status))
        for statement in ("SELECT text FROM rating", "SELECT phone FROM rating", "SELECT answer FROM rating",
                          "SELECT case_no FROM rating", "SELECT text, name, phone FROM feedback",
                          "SELECT * FROM feedback_action", "UPDATE rating SET answer = 'x'",
                          "UPDATE feedback SET status = '已办结'"):
            with kiosk.connect() as connection, pytest.raises(ProgrammingError) as denied:
                connection.exec_driver_sql(statement)
            assert isinstance(denied.value.orig, psycopg.errors.InsufficientPrivilege), statement
    finally:
        kiosk.dispose()


def test_a_kiosk_syncs_as_the_kiosk_role_records_up_and_figures_down(kiosk_office: tuple[Engine, str],
                                                                     tmp_path: Path) -> None:
    admin, kiosk_url = kiosk_office
    runner = SyncRunner(tmp_path / "kiosk", office_url=kiosk_url, kiosk_id="k9")
    try:
        runner.once()
        runner.outbox.add("rating", {"level": 4, "post_code": "SP-W1", "department_code": "SP", "case_no": "C-77",
                                     "item_code": "000117001000", "staff": "张丽", "reasons": '["效率低"]',
                                     "text": "慢", "phone": "13812341234", "repeated": False,
                                     "channel": "政务大厅自助终端", "region_code": "230100",
                                     "kiosk_time": "2026-11-05T10:00:00.000+08:00"})
        runner.outbox.add("feedback", {"code": "AB3D7KQ9", "kind": "投诉", "target": "post:SP-W1", "text": "排队太久",
                                       "name": "", "phone": "", "due_date": "2026-11-12"})
        _, pushed = runner.once()
        assert pushed.sent == 2 + 1 and pushed.rejected == 0  # and a heartbeat
        with admin.begin() as connection:
            rating = connection.execute(select(Rating).where(Rating.case_no == "C-77")).one()
            assert (rating.kiosk_id, rating.channel, rating.region_code, rating.answered_at) == (
                "k9", "政务大厅自助终端", "230100", None)
            connection.execute(update(Feedback).where(Feedback.code == "AB3D7KQ9")
                               .values(status="已回复", reply="已处理"))
        runner.once()
        cache = open_engine(runner.cache)
        try:
            with Session(cache) as session:
                assert session.scalars(select(RatedCase.case_no)).all() == ["C-77"]
                summary = session.execute(select(RatingSummary.month, RatingSummary.post_code, RatingSummary.level,
                                                 RatingSummary.n)).all()
                status = session.scalars(select(FeedbackStatus)).one()
        finally:
            cache.dispose()
        assert [tuple(row) for row in summary] == [("2026-11", "SP-W1", 4, 1)]
        assert (status.code, status.status, status.reply, status.due_date) == ("AB3D7KQ9", "已回复", "已处理",
                                                                                "2026-11-12")
    finally:
        runner.close()


# -- sync rounds on both backends -----------------------------------------------------------------------


def _cache_cases(runner: SyncRunner) -> list[str]:
    cache = open_engine(runner.cache)
    try:
        with Session(cache) as session:
            return sorted(session.scalars(select(RatedCase.case_no)))
    finally:
        cache.dispose()


def test_rated_cases_come_down_incrementally_with_an_overlap(office_db: Engine, tmp_path: Path) -> None:
    """received_at is when the office transaction began: one committed later may carry an older stamp.
    The pull looks 10 minutes back from the newest stamp it has seen, not further."""
    _import_mini(office_db)
    newest = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    _ratings(office_db, [{"uuid": "c1", "kiosk_time": "2026-11-05T10:00:00+08:00", "level": 1, "case_no": "C-1",
                          "received_at": newest}])
    runner = SyncRunner(tmp_path / "kiosk", office_url=office_db.url.render_as_string(hide_password=False))
    try:
        runner.once()
        assert _cache_cases(runner) == ["C-1"]
        _ratings(office_db, [
            {"uuid": "c2", "kiosk_time": "2026-11-05T10:01:00+08:00", "level": 2, "case_no": "C-2",
             "received_at": newest - timedelta(minutes=5)},  # began before c1, committed after the pull
            {"uuid": "c3", "kiosk_time": "2026-11-05T10:02:00+08:00", "level": 2, "case_no": "C-3",
             "received_at": newest - timedelta(minutes=15)},  # beyond the overlap: the pull does not look there
        ])
        _ratings(office_db, [{"uuid": "c4", "kiosk_time": "2026-11-05T10:03:00+08:00", "level": 3, "case_no": "C-4"}])
        runner.once()
        assert _cache_cases(runner) == ["C-1", "C-2", "C-4"]
    finally:
        runner.close()


def test_a_round_queues_no_heartbeat_while_the_last_one_still_waits(office_db: Engine, tmp_path: Path) -> None:
    _import_mini(office_db)
    runner = SyncRunner(tmp_path / "kiosk", office_url=office_db.url.render_as_string(hide_password=False))
    try:
        runner.outbox.add("heartbeat", {"version": "0.0.9", "queue_depth": 0})  # a round whose send failed
        _, pushed = runner.once()
        assert pushed.sent == 1

        def heartbeats() -> int:
            with office_db.connect() as connection:
                return int(connection.execute(select(func.count()).select_from(Heartbeat)).scalar_one())

        assert heartbeats() == 1
        runner.once()
        assert heartbeats() == 2  # the queue was empty: this round's heartbeat went
    finally:
        runner.close()
