"""The public results at the kiosk and the office's report come from the same records and agree: the
hand-computed data set of tests/test_report.py, synced down to a kiosk, gives the report's figures plus
the two November ratings that lie outside the report's period."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from kiosk.data.catalog import Catalog
from kiosk.data.views import ResultRow
from sync.runner import SyncRunner
from tests.test_report import BY_DEPARTMENT, BY_POST, OVERALL, rated_office  # noqa: F401  (a fixture)

# r24 (2026-11-09) and r25 (2026-11-01) are in November but outside the report's 2–8 November; both are
# SP-W1, level 5, and r24 has been answered
EXTRA_SP_W1 = {"levels": [0, 0, 0, 0, 2], "bad": 2, "answered": 1}


Figures = tuple[list[int], int, int, int, int]  # per level, total, 差评, answered, repeated apart


def _add(report_row: tuple[Any, ...], extra: dict[str, Any] | None = None) -> Figures:
    _, levels, _total, _, bad, answered, repeated = report_row
    levels = list(levels)
    if extra:
        levels = [a + b for a, b in zip(levels, extra["levels"], strict=True)]
        bad += extra["bad"]
        answered += extra["answered"]
    return levels, sum(levels), bad, answered, repeated


def test_the_kiosks_monthly_figures_reconcile_with_the_report(rated_office: Engine,  # noqa: F811
                                                               tmp_path: Path) -> None:
    runner = SyncRunner(tmp_path / "kiosk", office_url=rated_office.url.render_as_string(hide_password=False),
                        kiosk_id="reader")
    runner.once()
    catalog = Catalog(runner.cache)
    results = catalog.rating_results("month", date(2026, 11, 27))
    catalog.close()
    runner.close()

    def figures(row: ResultRow) -> Figures:
        return (list(row.per_level), row.total, row.bad, row.bad_answered, row.repeated)

    assert figures(results.overall) == _add(OVERALL, EXTRA_SP_W1)
    departments = {row.code: row for row in results.departments}
    assert figures(departments["SP"]) == _add(BY_DEPARTMENT["SP"], EXTRA_SP_W1)
    assert figures(departments["XF"]) == _add(BY_DEPARTMENT["XF"])
    assert figures(departments[""]) == _add(BY_DEPARTMENT[""])
    posts = {row.code: row for row in results.posts}
    assert figures(posts["SP-W1"]) == _add(BY_POST["SP-W1"], EXTRA_SP_W1)
    assert figures(posts["XF-W1"]) == _add(BY_POST["XF-W1"])
    # 满意率 the same way as the report: levels 1–3 over the counted ratings
    assert results.overall.satisfaction == (6 + 4 + 3) / 19
