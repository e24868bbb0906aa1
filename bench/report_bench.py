"""Report figure: ``report_pdf_s``, the office's PDF satisfaction report of a year of 200,000 ratings.

An embedded office (SQLite) holds the demo content and a year of synthetic ratings (levels weighted
towards good, 5 % repeated presses, a third with case numbers of which some are rated twice, reasons
and follow-ups on bad ones). The figure is one ``kiosk-office report --by post --out FILE.pdf`` run in
this process, start to written file, with the CJK font not yet loaded (as a fresh command finds it).
The office file is built once and kept under build/bench (its set-up is not measured).

Run: ``python -m bench.report_bench [N]`` (one line on stdout).
"""

from __future__ import annotations

import contextlib
import json
import random
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from bench.common import BUILD, DEMO, Figure, emit, log
from kiosk.data.content_format import load_content
from kiosk.data.records import content_records
from kiosk.data.visitor_rules import REASONS
from sync.content import content_session, import_records
from sync.db import office_engine, upgrade
from sync.office_cli import main as office_main
from sync.office_models import Rating

DEFAULT_RATINGS = 200_000
YEAR = 2025
LEVEL_WEIGHTS = (60, 20, 10, 6, 4)


def _ratings(n: int, posts: list[tuple[str, str]], items: list[str], seed: int = 4) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    start = datetime(YEAR, 1, 1)
    rows: list[dict[str, Any]] = []
    cases: list[str] = []
    for index in range(n):
        day = start + timedelta(days=rng.randrange(365))
        moment = day.replace(hour=rng.choice((8, 9, 9, 10, 10, 10, 11, 11, 13, 14, 14, 15, 15, 16, 17)),
                             minute=rng.randrange(60), second=rng.randrange(60))
        level = rng.choices(range(1, 6), LEVEL_WEIGHTS)[0]
        department, post = rng.choice(posts)
        case_no = None
        if rng.random() < 0.33:
            case_no = rng.choice(cases) if cases and rng.random() < 0.02 else f"2025{index:08d}"
            cases.append(case_no)
        bad = level >= 4
        answered = bad and rng.random() < 0.5
        rows.append({
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "kiosk_id": f"kiosk-{index % 4 + 1}",
            "kiosk_time": moment.strftime("%Y-%m-%dT%H:%M:%S.000+08:00"), "level": level,
            "department_code": department, "post_code": post, "item_code": rng.choice(items),
            "case_no": case_no, "staff": None, "repeated": rng.random() < 0.05,
            "reasons": json.dumps(rng.sample(REASONS, rng.randint(1, 2)), ensure_ascii=False) if bad else None,
            "text": "等待时间太长，窗口人员解释不清楚" if bad and rng.random() < 0.3 else None,
            "phone": "13812341234" if bad and rng.random() < 0.2 else None,
            "channel": "政务大厅自助终端", "region_code": "230100",
            "answer": "已电话回访并说明" if answered else None,
            "answered_at": datetime(YEAR + 1, 1, 5, tzinfo=UTC) if answered else None,
            "answered_by": "李科长" if answered else None,
        })
    return rows


def prepared_office(n: int) -> str:
    """URL of an office file with the demo content and ``n`` ratings of YEAR (built once)."""
    path = BUILD / f"report-office-{n}.sqlite"
    url = f"sqlite:///{path}"
    if path.exists():
        engine = office_engine(url)
        try:
            with engine.connect() as connection:
                if connection.execute(select(func.count()).select_from(Rating)).scalar_one() == n:
                    return url
        except Exception as exc:  # an older or broken file: build it again
            log(f"rebuilding {path.name}: {exc}")
        finally:
            engine.dispose()
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    upgrade(url)
    engine = office_engine(url)
    try:
        records = content_records(load_content(DEMO))
        with content_session(engine) as session, session.begin():
            import_records(session, records, actor="bench", source=DEMO.name)
        posts = sorted((str(body.get("department", "")), key) for (kind, key), body in records.items()
                       if kind == "post")
        items = sorted(key for kind, key in records if kind == "item")
        rows = _ratings(n, posts, items)
        with engine.begin() as connection:
            for chunk in range(0, n, 20_000):
                connection.execute(insert(Rating), rows[chunk:chunk + 20_000])
    finally:
        engine.dispose()
    log(f"built {path.name} ({n} ratings) in {time.perf_counter() - started:.1f} s")
    return url


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else DEFAULT_RATINGS
    url = prepared_office(n)
    out = BUILD / "report-year.pdf"
    started = time.perf_counter()
    with contextlib.redirect_stdout(sys.stderr):  # stdout carries the figure only
        code = office_main(["--db", url, "report", "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31", "--by",
                            "post", "--out", str(out)])
    elapsed = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"report failed with status {code}")
    log(f"{out} ({out.stat().st_size // 1024} KiB)")
    emit(Figure("report_pdf_s", elapsed, "s"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
