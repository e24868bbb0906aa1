"""Forms (表格) and sample texts (示范文本) in the content: validated, synced by hash, listed by the catalog."""

from __future__ import annotations

import copy
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.data.cache import files_dir
from kiosk.data.catalog import Catalog
from kiosk.data.content_format import ContentError, load_content
from kiosk.data.records import content_records
from sync.export import write_export
from sync.runner import SyncRunner
from tests.conftest import DEMO, MINI, load_yaml

Writer = Callable[..., Path]
FORMS = DEMO.parent / "forms"


def mini_with_forms(tmp_path: Path, forms: list[dict[str, Any]]) -> dict[str, Any]:
    doc = copy.deepcopy(load_yaml(MINI))
    shutil.copytree(FORMS, tmp_path / "forms")
    doc["items"][0]["forms"] = forms
    return doc


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(path)
    return [str(p) for p in caught.value.problems]


def test_item_forms_load_with_kind_defaulting_to_blank_form(tmp_path: Path, write_content: Writer) -> None:
    doc = mini_with_forms(tmp_path, [
        {"name": "排污许可证申请表", "file": "forms/paiwu-xukezheng-shenqingbiao.pdf"},
        {"name": "授权委托书（示范文本）", "kind": "示范文本", "file": "forms/shouquan-weituoshu-shifan.pdf"},
    ])
    content = load_content(write_content(doc))
    forms = content.items[0]["forms"]
    assert [(f["name"], f["kind"]) for f in forms] == [("排污许可证申请表", "表格"),
                                                       ("授权委托书（示范文本）", "示范文本")]
    assert Path(forms[0]["file"]).is_file()
    assert content.items[1]["forms"] == []


def test_a_form_without_name_or_of_an_unknown_kind_stops_the_load_naming_line_and_field(
        tmp_path: Path, write_content: Writer) -> None:
    doc = mini_with_forms(tmp_path, [
        {"file": "forms/paiwu-xukezheng-shenqingbiao.pdf"},
        {"name": "样表", "kind": "样表", "file": "forms/paiwu-xukezheng-shenqingbiao.pdf"},
    ])
    path = write_content(doc)
    messages = problems_of(path)
    assert len(messages) == 2
    assert all(m.startswith("content.yaml:") for m in messages)
    assert "forms[0].name: required field is missing or empty" in messages[0]
    assert "forms[1].kind: '样表' is not one of 表格, 示范文本" in messages[1]
    item_name = doc["items"][0]["name"]
    assert all(f"items[0] {item_name}" in m for m in messages)
    line = int(messages[1].split(":")[1])
    assert "kind: 样表" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_a_missing_or_non_pdf_form_file_is_a_warning_and_the_form_is_left_out(
        tmp_path: Path, write_content: Writer) -> None:
    doc = mini_with_forms(tmp_path, [
        {"name": "不存在的表", "file": "forms/nothing.pdf"},
        {"name": "不是PDF", "file": "forms/fake.pdf"},
        {"name": "Word 文件", "file": "forms/form.docx"},
        {"name": "排污许可证申请表", "file": "forms/paiwu-xukezheng-shenqingbiao.pdf"},
    ])
    (tmp_path / "forms" / "fake.pdf").write_text("<html>not a pdf</html>", encoding="utf-8")
    (tmp_path / "forms" / "form.docx").write_bytes(b"PK\x03\x04")
    content = load_content(write_content(doc))
    assert [f["name"] for f in content.items[0]["forms"]] == ["排污许可证申请表"]
    warnings = [str(w) for w in content.warnings]
    assert any("forms[0].file: file not found: forms/nothing.pdf" in w for w in warnings)
    assert any("forms[1].file: not a PDF file: forms/fake.pdf" in w for w in warnings)
    assert any("forms[2].file: a form must be a PDF file (.pdf)" in w for w in warnings)


@pytest.fixture
def synced(tmp_path: Path) -> Path:
    folder = tmp_path / "kiosk"
    runner = SyncRunner(folder, content_file=DEMO, kiosk_id="forms-test")
    runner.once()
    runner.close()
    return folder / "cache.sqlite"


def test_the_demo_forms_are_listed_and_their_files_are_in_the_cache_after_a_sync(synced: Path) -> None:
    catalog = Catalog(synced)
    try:
        forms = catalog.forms()
        names = {(f.name, f.kind) for f in forms}
        assert {("排污许可证申请表", "表格"), ("建设项目环境影响报告表审批申请表", "表格"),
                ("辐射安全许可证申请表", "表格")} <= names
        assert any(kind == "示范文本" for _, kind in names)
        folder = files_dir(synced)
        for form in forms:
            path = Path(form.path)
            assert path.parent == folder and path.is_file(), form
            assert hashlib.sha256(path.read_bytes()).hexdigest() == form.key
            assert path.read_bytes().startswith(b"%PDF-")
        paiwu = catalog.forms_for_item("000117002001")
        assert [(f.kind, f.material_name) for f in paiwu] == [("表格", "排污许可证申请表"),
                                                               ("示范文本", "排污许可证申请表")]
        assert all(f.item_name == "排污许可证核发（重点管理）" for f in paiwu)
        own = catalog.forms_for_item("000117001002")
        assert own[0].name == "建设项目环境影响报告表审批申请表" and own[0].material_name == ""
        assert catalog.forms_for_item("no-such-item") == []
        # the item page's materials know their forms too
        guide = catalog.item_guide("000117004000")
        assert guide.materials[0].blank_form == next(f.path for f in forms if f.name == "辐射安全许可证申请表")
    finally:
        catalog.close()


def test_forms_survive_the_office_export_round_trip(tmp_path: Path) -> None:
    records = content_records(load_content(DEMO))
    exported = tmp_path / "export" / "content.yaml"
    write_export(records, exported)
    again = content_records(load_content(exported))
    assert again == records
    assert (tmp_path / "export" / "files").is_dir()
