"""The content file loader: every problem named with file, line and field; never a traceback."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.data.content_format import ContentError, load_content
from tests.conftest import MINI, load_yaml

Writer = Callable[..., Path]


def mini() -> dict[str, Any]:
    return copy.deepcopy(load_yaml(MINI))


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(path)
    return [str(p) for p in caught.value.problems]


def test_mini_fixture_loads_with_defaults_filled() -> None:
    content = load_content(MINI)
    item = content.items[0]
    assert item["name"] == "建设项目环境影响报告书审批"
    assert item["materials"][1]["required"] is False
    assert item["materials"][1]["condition"] == "已核准的项目"
    assert item["materials"][0]["medium"] == "纸质和电子"
    assert item["fee_charged"] is False
    assert content.posts[0]["staff"][0]["number"] == "HJ-0301"


def test_missing_required_field_names_item_field_and_line(write_content: Writer) -> None:
    doc = mini()
    del doc["items"][1]["limits"]
    (message,) = problems_of(write_content(doc))
    assert "items[1] 环境信访事项受理.limits" in message
    assert "required" in message
    assert message.startswith("content.yaml:")
    line = int(message.split(":")[1])
    source = write_content(doc).read_text(encoding="utf-8").splitlines()
    assert "环境信访事项受理" in "\n".join(source[line - 3: line + 1])


def test_every_problem_is_reported_at_once(write_content: Writer) -> None:
    doc = mini()
    del doc["items"][0]["materials"][0]["name"]
    doc["items"][0]["department"] = "NOPE"
    doc["posts"][0]["type"] = "办公室"
    doc["items"][1]["limits"]["promised"]["unit"] = "月"
    found = problems_of(write_content(doc))
    assert len(found) == 4
    joined = "\n".join(found)
    assert "materials[0].name: required field is missing" in joined
    assert "no department has code 'NOPE'" in joined
    assert "'办公室' is not one of 服务大厅, 网络平台, 窗口岗位" in joined
    assert "limits.promised.unit" in joined


def test_duplicates_are_named(write_content: Writer) -> None:
    doc = mini()
    doc["items"][1]["code"] = doc["items"][0]["code"]
    doc["posts"][1]["department"] = "SP"
    doc["posts"][1]["seq"] = 1
    joined = "\n".join(problems_of(write_content(doc)))
    assert "duplicate code '000117001000'" in joined
    assert "序号 1 is used twice for 窗口岗位 of department SP" in joined


def test_broken_photo_is_a_warning_and_the_rest_loads(write_content: Writer) -> None:
    doc = mini()
    doc["posts"][0]["staff"][0]["photo"] = "photos/nobody.png"
    content = load_content(write_content(doc))
    assert content.posts[0]["staff"][0]["photo"] == ""
    assert any("photos/nobody.png" in str(w) for w in content.warnings)


def test_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format: 1\nhall:\n  department: [未闭合\n  name: x\n", encoding="utf-8")
    (message,) = problems_of(path)
    assert message.startswith("broken.yaml:")
    assert int(message.split(":")[1]) >= 3


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("format: 1\nhall: 环境厅\n".encode("gbk"))
    assert "not UTF-8" in problems_of(path)[0]
    assert "cannot read" in problems_of(tmp_path / "none.yaml")[0]


def test_full_width_digits_and_control_characters_are_cleaned(write_content: Writer) -> None:
    doc = mini()
    doc["posts"][0]["seq"] = "２"
    doc["items"][0]["name"] = "建设项目\x07环境影响报告书审批"
    content = load_content(write_content(doc))
    assert content.posts[0]["seq"] == 2
    assert content.items[0]["name"] == "建设项目环境影响报告书审批"


def test_conditional_material_and_charged_fee_need_their_text(write_content: Writer) -> None:
    doc = mini()
    doc["items"][0]["fee"] = {"charged": True}
    doc["items"][0]["materials"][0]["required"] = 3
    joined = "\n".join(problems_of(write_content(doc)))
    assert "fee.standard: required field is missing" in joined
    assert "materials[0].required: expected true, false or the condition text" in joined


def test_the_demo_content_is_valid(demo_file: Path) -> None:
    content = load_content(demo_file)
    assert content.demo is True
    assert len(content.items) >= 10
    assert len(content.departments) >= 4
    assert len(content.posts) >= 8
    assert {p["type"] for p in content.posts} == {"服务大厅", "网络平台", "窗口岗位"}
    assert content.warnings == []


scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.text(max_size=30),
                    st.floats(allow_nan=True))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(max_size=12), inner, max_size=4), max_leaves=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.lists(st.sampled_from(["items", "posts", "hall", "departments", 0, 1, "materials", "limits",
                                      "basis", "staff", "flow", "promised", "name", "code", "seq"]),
                     min_size=1, max_size=4), value=values)
def test_any_mangled_document_gives_messages_not_tracebacks(write_content: Writer, path: list[Any],
                                                            value: Any) -> None:
    doc: Any = mini()
    target = doc
    for step in path[:-1]:
        try:
            target = target[step]
        except (KeyError, IndexError, TypeError):
            break
    with contextlib.suppress(TypeError, IndexError):
        target[path[-1]] = value
    file = write_content(doc)
    try:
        load_content(file)
    except ContentError as exc:
        assert exc.problems
        assert all(p.file == "content.yaml" and p.message for p in exc.problems)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_text_file_gives_messages_not_tracebacks(tmp_path: Path, text: str) -> None:
    path = tmp_path / "random.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_content(path)
    except ContentError as exc:
        assert exc.problems
