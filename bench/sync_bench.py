"""Sync figures against a real PostgreSQL office on loopback (a throwaway cluster started here).

- ``sync_initial_pull_s``: an empty kiosk pulls the 10,000-item catalogue (materials, steps, files)
- ``sync_incremental_pull_s``: then 100 items change in the office and the kiosk pulls them
- ``sync_push_s``: 10,000 queued ratings go to the office
- ``ui_max_stall_ms``: the longest gap of a 5 ms timer on the UI thread while the initial pull runs
  in the sync worker's thread (what a visitor would feel as a stutter)

Run: ``python -m bench.sync_bench [N]`` (one line per figure on stdout).
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from sqlalchemy.orm import Session

from bench.common import Figure, emit, log
from bench.synthetic import DEFAULT_ITEMS, content_file
from kiosk.data.content_format import load_content
from kiosk.data.outbox import LocalRecord, Outbox, OutboxEntry, now_iso
from kiosk.data.records import content_records
from sync.content import content_session, current_records, import_records
from sync.db import office_engine, upgrade
from sync.pull import pull
from sync.push import push


def _import(url: str, records: dict[tuple[str, str], dict[str, object]], actor: str) -> None:
    engine = office_engine(url)
    with content_session(engine) as session, session.begin():
        import_records(session, records, actor=actor, source="bench")  # type: ignore[arg-type]
    engine.dispose()


def _queue_ratings(outbox: Outbox, n: int) -> None:
    """Fill the outbox in one transaction (the set-up, not what is measured)."""
    stamp = now_iso()
    with Session(outbox.engine) as session, session.begin():
        for index in range(n):
            identity = str(uuid.uuid4())
            payload = {"level": 1 + index % 5, "post_code": f"P{index % 8}", "kiosk_time": stamp}
            session.add(LocalRecord(uuid=identity, kind="rating", payload=json.dumps(payload), created_at=stamp))
            session.add(OutboxEntry(uuid=identity, seq=index + 1))


def _stall_during(work: threading.Thread) -> float:
    """Start ``work`` and measure the longest gap between ticks of a 5 ms timer on this (the UI) thread."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if not work.is_alive():
            app.quit()

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    timer.start()
    work.start()
    last[0] = time.perf_counter()
    app.exec()
    timer.stop()
    return max(gaps) if gaps else 0.0


def main(argv: list[str]) -> int:
    from tests.pg import PgCluster

    n = int(argv[0]) if argv else DEFAULT_ITEMS
    records = content_records(load_content(content_file(n)))
    cluster = PgCluster()
    try:
        url = cluster.url("postgres")
        upgrade(url)
        log(f"importing {n} items into the office")
        _import(url, records, "bench")
        office = office_engine(url)
        with tempfile.TemporaryDirectory() as folder:
            cache = Path(folder) / "cache.sqlite"
            result: dict[str, float] = {}

            def initial() -> None:
                started = time.perf_counter()
                pull(office, cache)
                result["initial"] = time.perf_counter() - started

            stall = _stall_during(threading.Thread(target=initial))
            emit(Figure("sync_initial_pull_s", result["initial"], "s"))
            emit(Figure("ui_max_stall_ms", stall * 1000, "ms"))

            with Session(office) as session:
                current = current_records(session)
            items = [key for key in current if key[0] == "item"][:100]
            for key in items:
                current[key] = {**current[key], "summary": str(current[key].get("summary", "")) + "（已更新）"}
            _import(url, current, "bench")
            started = time.perf_counter()
            report = pull(office, cache)
            emit(Figure("sync_incremental_pull_s", time.perf_counter() - started, "s"))
            assert report.changes == 100, report

            outbox = Outbox(Path(folder) / "outbox.sqlite")
            _queue_ratings(outbox, 10_000)
            started = time.perf_counter()
            pushed = push(outbox, office, "bench-kiosk")
            emit(Figure("sync_push_s", time.perf_counter() - started, "s"))
            assert pushed.sent == 10_000 and pushed.remaining == 0, pushed
            outbox.close()
        office.dispose()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
