"""Two-way sync against a real office database: the embedded SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import copy
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from kiosk.data.catalog import Catalog, NotFound
from kiosk.data.content_format import load_content
from kiosk.data.records import content_records
from sync.content import audit_lines, content_session, current_records, import_records, next_revision
from sync.db import office_engine
from sync.export import write_export
from sync.office_models import ContentRecord, Rating
from sync.pull import pull
from sync.push import push
from sync.runner import SyncRunner
from tests.conftest import DEMO, MINI, load_yaml


def import_doc(url: str, doc: dict[str, Any] | Path, tmp_path: Path, actor: str = "tester") -> Any:
    if isinstance(doc, Path):
        path = doc
    else:
        import yaml

        path = tmp_path / f"content-{time.monotonic_ns()}.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    engine = office_engine(url)
    try:
        with content_session(engine) as session, session.begin():
            return import_records(session, content_records(load_content(path)), actor=actor, source=path.name)
    finally:
        engine.dispose()


def kiosk(tmp_path: Path, url: str, name: str = "kiosk") -> SyncRunner:
    return SyncRunner(tmp_path / name, office_url=url, kiosk_id=name)


def names(runner: SyncRunner) -> list[str]:
    catalog = Catalog(runner.cache)
    try:
        return [entry.name for entry in catalog.search_entries()]
    finally:
        catalog.close()


def test_import_is_idempotent_and_every_change_is_audited(office_url: str, tmp_path: Path) -> None:
    first = import_doc(office_url, DEMO, tmp_path, actor="张三")
    assert first.revision == 1 and len(first.inserted) > 40
    again = import_doc(office_url, DEMO, tmp_path)
    assert not again.changed and again.revision is None
    engine = office_engine(office_url)
    with Session(engine) as session:
        lines = audit_lines(session, 500)
        assert session.scalar(select(func.max(ContentRecord.revision))) == 1
    engine.dispose()
    assert any("张三" in line and "insert item 000117001001" in line for line in lines)


def test_dry_run_reports_without_writing(office_url: str, tmp_path: Path) -> None:
    import_doc(office_url, MINI, tmp_path)
    doc = copy.deepcopy(load_yaml(MINI))
    doc["items"][0]["name"] = "建设项目环境影响报告书审批（新）"
    path = tmp_path / "changed.yaml"
    import yaml

    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    engine = office_engine(office_url)
    with Session(engine) as session, session.begin():
        report = import_records(session, content_records(load_content(path)), actor="x", source="x",
                                dry_run=True)
    assert report.updated == [(("item", "000117001000"), ["name"])]
    with Session(engine) as session:
        assert "（新）" not in str(current_records(session)[("item", "000117001000")]["name"])
    engine.dispose()


def test_export_round_trip_is_lossless(office_url: str, tmp_path: Path) -> None:
    import_doc(office_url, DEMO, tmp_path)
    engine = office_engine(office_url)
    with Session(engine) as session:
        before = current_records(session)
    engine.dispose()
    exported = tmp_path / "export" / "content.yaml"
    exported.parent.mkdir()
    write_export(before, exported)
    assert content_records(load_content(exported)) == before
    assert not import_doc(office_url, exported, tmp_path).changed


def test_edit_add_delete_reach_the_kiosk_after_one_sync(office_url: str, tmp_path: Path) -> None:
    import_doc(office_url, MINI, tmp_path)
    runner = kiosk(tmp_path, office_url)
    pulled, _ = runner.once()
    assert pulled.full
    assert names(runner) == ["建设项目环境影响报告书审批", "环境信访事项受理"]

    doc = copy.deepcopy(load_yaml(MINI))
    doc["items"][0]["name"] = "建设项目环境影响报告书审批（修订）"
    added = copy.deepcopy(doc["items"][1])
    added.update(code="000117009000", name="环境信访复查申请")
    doc["items"] = [doc["items"][0], added]  # 环境信访事项受理 deleted
    import_doc(office_url, doc, tmp_path)
    pulled, _ = runner.once()
    assert not pulled.full and pulled.changes == 3
    assert names(runner) == ["建设项目环境影响报告书审批（修订）", "环境信访复查申请"]
    catalog = Catalog(runner.cache)
    with pytest.raises(NotFound):
        catalog.item_guide("000117002000")
    catalog.close()
    runner.close()


def test_concurrent_office_transactions_both_reach_the_kiosk(office_url: str, tmp_path: Path) -> None:
    """Two writers at once: the second waits for the first's revision lock, so neither is skipped."""
    import_doc(office_url, MINI, tmp_path)
    runner = kiosk(tmp_path, office_url)
    runner.once()
    engine = office_engine(office_url)
    slow = content_session(engine)
    slow.begin()
    first = next_revision(slow)
    slow.execute(text("UPDATE content_record SET body = :b, revision = :r WHERE kind = 'topic' AND key = 'xf'"),
                 {"b": '{"code": "xf", "name": "信访投诉（慢）", "description": "", "seq": 1}', "r": first})

    def fast_writer() -> None:
        doc = copy.deepcopy(load_yaml(MINI))
        doc["topics"][0]["name"] = "环评审批（快）"
        doc["topics"][1]["name"] = "信访投诉（慢）"
        import_doc(office_url, doc, tmp_path)

    writer = threading.Thread(target=fast_writer)
    writer.start()
    time.sleep(0.5)
    assert writer.is_alive(), "the second writer must wait for the first one's revision"
    assert pull(runner.office, runner.cache).changes == 0  # nothing committed yet (SQLite: one writer at a time)
    slow.commit()
    slow.close()
    writer.join(30)
    runner.once()
    catalog = Catalog(runner.cache)
    assert [t.name for t in catalog.topics()] == ["环评审批（快）", "信访投诉（慢）"]
    catalog.close()
    engine.dispose()
    runner.close()


def test_push_is_idempotent_and_an_invalid_record_is_set_aside(office_url: str, tmp_path: Path) -> None:
    import_doc(office_url, MINI, tmp_path)
    runner = kiosk(tmp_path, office_url)
    good = runner.outbox.add("rating", {"level": 1, "post_code": "SP-W1"})
    bad = runner.outbox.add("rating", {"level": 7, "post_code": "SP-W1"})
    after = runner.outbox.add("rating", {"level": 4, "post_code": "XF-W1"})
    engine = office_engine(office_url)
    report = push(runner.outbox, engine, "kiosk")
    assert (report.sent, report.rejected, report.remaining) == (2, 1, 0)
    assert [r[0] for r in runner.outbox.rejected()] == [bad]
    # a resend (say, the kiosk died after the office committed but before it noted it) changes nothing
    from kiosk.data.outbox import OutboxEntry

    with Session(runner.outbox.engine) as session, session.begin():
        for uuid in (good, after):
            session.add(OutboxEntry(uuid=uuid, seq=100 + len(uuid), state="pending"))
    push(runner.outbox, engine, "kiosk")
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Rating)) == 2
        assert sorted(session.scalars(select(Rating.level))) == [1, 4]
    engine.dispose()
    runner.close()


def test_office_down_the_kiosk_keeps_its_records_and_catches_up(office_pg: str, tmp_path: Path) -> None:
    import_doc(office_pg, MINI, tmp_path)
    runner = kiosk(tmp_path, office_pg)
    runner.once()
    for level in (1, 2, 3):
        runner.outbox.add("rating", {"level": level})
    dead = office_pg.replace(office_pg.split("@")[1].split("/")[0], f"127.0.0.1:{_closed_port()}")
    offline = SyncRunner(runner.data_dir, office_url=dead, kiosk_id="kiosk")
    with pytest.raises(OperationalError):
        offline.once()
    status = offline.status()
    assert status.failures == 1 and "OperationalError" in status.last_error
    assert offline.outbox.depth() == 3
    assert names(offline)  # the cache still serves
    assert offline.backoff_seconds(60) == 5.0
    offline.close()
    runner.once()  # the office is back
    engine = office_engine(office_pg)
    with Session(engine) as session:
        assert sorted(session.scalars(select(Rating.level))) == [1, 2, 3]
    engine.dispose()
    assert runner.outbox.depth() == 0
    runner.close()


def test_corrupt_cache_is_rebuilt_and_the_outbox_is_intact(office_url: str, tmp_path: Path) -> None:
    import_doc(office_url, MINI, tmp_path)
    runner = kiosk(tmp_path, office_url)
    runner.once()
    runner.outbox.add("rating", {"level": 2})
    runner.cache.write_bytes(b"garbage" * 1000)
    pulled, pushed = runner.once()
    assert pulled.full
    assert names(runner) == ["建设项目环境影响报告书审批", "环境信访事项受理"]
    assert pushed.sent == 2  # the rating and this round's heartbeat
    runner.close()


def test_the_kiosk_role_can_sync_and_nothing_more(office_pg: str, tmp_path: Path) -> None:
    from sync.db import create_kiosk_role

    import_doc(office_pg, MINI, tmp_path)
    engine = office_engine(office_pg)
    create_kiosk_role(engine, "kiosk-secret")
    engine.dispose()
    host_and_db = office_pg.split("@", 1)[1]
    as_kiosk = f"postgresql+psycopg://kiosk:kiosk-secret@{host_and_db}"
    runner = kiosk(tmp_path, as_kiosk)
    runner.outbox.add("rating", {"level": 5, "post_code": "SP-W1"})
    pulled, pushed = runner.once()
    assert pulled.full and pushed.sent == 2 and pushed.rejected == 0
    assert names(runner) == ["建设项目环境影响报告书审批", "环境信访事项受理"]
    runner.close()


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_feedback_status_flows_down_by_code_only(office_url: str, tmp_path: Path) -> None:
    from sync.office_models import Feedback

    import_doc(office_url, MINI, tmp_path)
    sender = kiosk(tmp_path, office_url, "sender")
    sender.outbox.add("feedback", {"code": "K7M2Q9XA", "kind": "投诉", "text": "窗口工作人员态度不好，私密内容",
                                   "name": "王五", "phone": "13812345678"})
    sender.once()
    engine = office_engine(office_url)
    with Session(engine) as session, session.begin():
        row = session.scalars(select(Feedback).where(Feedback.code == "K7M2Q9XA")).one()
        assert row.phone == "13812345678" and row.kiosk_id == "sender"
        row.status = "已回复"
        row.reply = "已约谈相关工作人员并整改。"
    engine.dispose()
    other = kiosk(tmp_path, office_url, "other")
    for runner in (sender, other):
        runner.once()
        catalog = Catalog(runner.cache)
        status = catalog.feedback_status("K7M2Q9XA")
        catalog.close()
        assert status is not None and status.status == "已回复" and "整改" in status.reply
    cache_bytes = other.cache.read_bytes()
    for private in ("13812345678", "王五", "私密内容"):
        assert private.encode() not in cache_bytes
    assert not (other.data_dir / "outbox.sqlite").read_bytes().count("私密内容".encode())
    sender.close()
    other.close()
