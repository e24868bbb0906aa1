"""The content cache: built once, rebuilt when the content or schema changes or the file is corrupt."""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.data.cache import CACHE_NAME, ensure_cache
from kiosk.data.catalog import Catalog, NotFound
from kiosk.data.content_format import ContentError
from tests.conftest import MINI, load_yaml

Writer = Callable[..., Path]


def names(cache: Path) -> list[str]:
    catalog = Catalog(cache)
    try:
        return [e.name for e in catalog.search_entries()]
    finally:
        catalog.close()


def test_first_start_builds_the_cache_and_the_attract_snapshot(tmp_path: Path) -> None:
    cache = ensure_cache(tmp_path, MINI)
    assert cache == tmp_path / CACHE_NAME
    assert names(cache) == ["建设项目环境影响报告书审批", "环境信访事项受理"]
    assert "测试省生态环境厅" in (tmp_path / "attract.json").read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.building*"))


def test_unchanged_content_is_not_rebuilt(tmp_path: Path) -> None:
    cache = ensure_cache(tmp_path, MINI)
    stamp = cache.stat().st_mtime_ns
    ensure_cache(tmp_path, MINI)
    assert cache.stat().st_mtime_ns == stamp


def test_changed_content_file_is_picked_up(tmp_path: Path, write_content: Writer) -> None:
    doc = copy.deepcopy(load_yaml(MINI))
    source = write_content(doc)
    ensure_cache(tmp_path / "d", source)
    doc["items"][1]["name"] = "环境信访事项受理（已更新）"
    write_content(doc)
    assert "环境信访事项受理（已更新）" in names(ensure_cache(tmp_path / "d", source))


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    cache = ensure_cache(tmp_path, MINI)
    cache.write_bytes(b"this is not a database" * 100)
    assert len(names(ensure_cache(tmp_path, MINI))) == 2


def test_other_schema_version_is_rebuilt(tmp_path: Path) -> None:
    cache = ensure_cache(tmp_path, MINI)
    with sqlite3.connect(cache) as connection:
        connection.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    ensure_cache(tmp_path, MINI)
    with sqlite3.connect(cache) as connection:
        assert connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] != "0"


def test_invalid_new_content_keeps_the_previous_good_cache(tmp_path: Path, write_content: Writer) -> None:
    doc = copy.deepcopy(load_yaml(MINI))
    source = write_content(doc)
    ensure_cache(tmp_path / "d", source)
    del doc["items"][0]["name"]
    write_content(doc)
    cache = ensure_cache(tmp_path / "d", source)
    assert "建设项目环境影响报告书审批" in names(cache)


def test_invalid_content_without_a_cache_raises_a_clear_error(tmp_path: Path, write_content: Writer) -> None:
    doc: dict[str, Any] = copy.deepcopy(load_yaml(MINI))
    del doc["hall"]
    with pytest.raises(ContentError, match="hall: required field is missing"):
        ensure_cache(tmp_path / "d", write_content(doc))


def test_leftover_of_an_interrupted_build_is_ignored(tmp_path: Path) -> None:
    (tmp_path / (CACHE_NAME + ".building")).write_bytes(b"half written")
    assert len(names(ensure_cache(tmp_path, MINI))) == 2


def test_guide_resolves_defaults_from_post_department_and_hall(tmp_path: Path) -> None:
    catalog = Catalog(ensure_cache(tmp_path, MINI))
    guide = catalog.item_guide("000117001000")
    assert guide.post is not None and guide.post.window == "3"
    assert guide.consult_phone == "0451-87113068转8001"  # the post's phone
    assert guide.complaint_phone == "0451-80000001"  # the hall's
    assert guide.hours == "周一至周五 8:30-17:00"
    assert "3号窗口" in guide.location and "一楼" in guide.location
    assert [m.name for m in guide.materials] == ["建设项目环境影响报告书", "项目核准文件"]
    assert guide.materials[1].condition == "已核准的项目"
    assert [s.step for s in guide.steps] == ["申请", "受理", "决定"]
    with pytest.raises(NotFound):
        catalog.item_guide("no-such-item")
    catalog.close()


def test_lists_by_topic_department_and_post(tmp_path: Path) -> None:
    catalog = Catalog(ensure_cache(tmp_path, MINI))
    assert [i.name for i in catalog.items_by_topic("xf")] == ["环境信访事项受理"]
    assert [i.window for i in catalog.items_by_department("SP")] == ["3号窗口"]
    assert catalog.post("SP-W1").items[0].code == "000117001000"
    topics = {t.code: t.item_count for t in catalog.topics()}
    assert topics == {"hp": 1, "xf": 1}
    assert [g.name for g in catalog.commitments()] == ["四零承诺"]
    catalog.close()
