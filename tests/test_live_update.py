"""Content changed in the office while a visitor reads: the screen refreshes in place, a deleted item
leaves a gentle note, and search learns the new names."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from kiosk.app import KioskApp
from kiosk.data.content_format import load_content
from kiosk.data.records import content_records
from kiosk.sync_worker import SyncWorker
from sync.content import content_session, import_records
from tests.conftest import DEMO, load_yaml


def office_edit(kiosk: KioskApp, tmp_path: Path, edit: Any) -> None:
    doc = copy.deepcopy(load_yaml(DEMO))
    edit(doc)
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    # the demo's photos are named relative to the content file
    (tmp_path / "photos").mkdir(exist_ok=True)
    for photo in (DEMO.parent / "photos").glob("*.png"):
        (tmp_path / "photos" / photo.name).write_bytes(photo.read_bytes())
    runner = kiosk.store.runner
    assert runner is not None
    with content_session(runner.office) as session, session.begin():
        import_records(session, content_records(load_content(path)), actor="科员", source=path.name)


def sync(kiosk: KioskApp) -> None:
    runner = kiosk.store.runner
    assert runner is not None
    worker = SyncWorker(runner, 60)
    worker.content_changed.connect(kiosk.store.content_updated)
    worker.run_once()  # the same round the background thread runs; its signals arrive here directly


def texts(kiosk: KioskApp) -> str:
    from PySide6.QtWidgets import QLabel

    screen = kiosk.navigator.current_screen()
    assert screen is not None
    return "\n".join(label.text() for label in screen.findChildren(QLabel) if label.isVisible())


def test_the_item_on_display_is_updated_in_place(qtbot: Any, kiosk: KioskApp, tmp_path: Path) -> None:
    kiosk.navigator.go("home")
    kiosk.navigator.go("item", "000117001002")
    assert "建设项目环境影响报告表审批" in texts(kiosk)

    def rename(doc: dict[str, Any]) -> None:
        doc["items"][1]["name"] = "建设项目环境影响报告表审批（2026年修订）"

    office_edit(kiosk, tmp_path, rename)
    sync(kiosk)
    assert kiosk.navigator.current == ("item", "000117001002")
    assert "建设项目环境影响报告表审批（2026年修订）" in texts(kiosk)
    qtbot.waitUntil(lambda: kiosk.store.search_index is not None and any(
        "2026年修订" in e.name for e in kiosk.store.search_index.search("hp").entries), timeout=10_000)


def test_an_item_deleted_while_read_leaves_a_gentle_note(qtbot: Any, kiosk: KioskApp, tmp_path: Path) -> None:
    kiosk.navigator.go("home")
    kiosk.navigator.go("item", "000117006000")

    def delete(doc: dict[str, Any]) -> None:
        doc["items"] = [item for item in doc["items"] if item["code"] != "000117006000"]

    office_edit(kiosk, tmp_path, delete)
    sync(kiosk)
    assert kiosk.navigator.current == ("item", "000117006000")
    assert "该事项已更新或下线" in texts(kiosk)
    kiosk.navigator.home()
    assert kiosk.navigator.current[0] == "home"
