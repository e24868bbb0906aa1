"""Unit tests of the in-memory search index (kiosk/data/search.py): what a visitor types, what comes first."""

from __future__ import annotations

import pytest

from kiosk.data.search import SearchIndex, full_pinyin, initials, normalise
from kiosk.data.views import SearchEntry


def entry(code: str, name: str, *, keywords: tuple[str, ...] = (), department: str = "行政审批处",
          topics: tuple[str, ...] = (), impl: str = "", window: str = "1号窗口") -> SearchEntry:
    return SearchEntry(code=code, impl_code=impl, name=name, department_name=department, keywords=keywords,
                       topic_names=topics, window=window)


# A small catalogue shaped like the demo content (content order = the office's order).
ENTRIES = (
    entry("000117001001", "建设项目环境影响报告书审批", keywords=("环评", "环境影响评价", "环评审批"),
          topics=("环评审批",), impl="11230000MB0000001A000117001001"),
    entry("000117001002", "建设项目环境影响报告表审批", keywords=("环评", "环评报告表"), topics=("环评审批",)),
    entry("000117002001", "排污许可证核发（重点管理）", keywords=("排污许可", "排污证"), topics=("排污许可",),
          window="2号窗口"),
    entry("000117002002", "排污许可证变更、延续", keywords=("排污许可", "换证"), topics=("排污许可",),
          window="2号窗口"),
    entry("000217001000", "环境信访事项受理", keywords=("信访", "投诉"), department="环境信访处（信访办）",
          topics=("信访投诉",), window="5号窗口"),
    entry("000217002000", "环境违法行为举报受理", keywords=("举报", "12369"), department="环境信访处（信访办）",
          topics=("信访投诉",), window="5号窗口"),
    entry("000217003000", "环境监测数据申请", keywords=("监测数据",), department="黑龙江省生态环境监测中心",
          topics=("环境数据与信息公开",), window="7号窗口"),
    entry("000117003000", "危险废物经营许可证核发", keywords=("危险废物", "危废"), department="固体废物与化学品处",
          topics=("固体废物与危险废物",), window="3号窗口"),
)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(ENTRIES)


def names(index: SearchIndex, query: str, limit: int = 60) -> list[str]:
    return [e.name for e in index.search(query, limit=limit).entries]


# -- the four ways a visitor searches --------------------------------------------------------------------
def test_chinese_text_finds_names(index: SearchIndex) -> None:
    assert names(index, "排污许可") == ["排污许可证核发（重点管理）", "排污许可证变更、延续"]
    assert names(index, "举报") == ["环境违法行为举报受理"]


def test_item_code_finds_exactly_that_item_first(index: SearchIndex) -> None:
    assert names(index, "000117002001") == ["排污许可证核发（重点管理）"]
    assert names(index, "11230000MB0000001A000117001001") == ["建设项目环境影响报告书审批"]  # 实施编码
    # a code prefix lists the items under it, in the office's order
    assert names(index, "0002170") == ["环境信访事项受理", "环境违法行为举报受理", "环境监测数据申请"]


def test_full_pinyin(index: SearchIndex) -> None:
    assert names(index, "paiwuxuke") == ["排污许可证核发（重点管理）", "排污许可证变更、延续"]
    assert names(index, "huanping")[:2] == ["建设项目环境影响报告书审批", "建设项目环境影响报告表审批"]
    assert names(index, "weixianfeiwu") == ["危险废物经营许可证核发"]


def test_pinyin_initials(index: SearchIndex) -> None:
    assert names(index, "pwxk")[0] == "排污许可证核发（重点管理）"
    assert names(index, "pwxkzhf") == ["排污许可证核发（重点管理）"]
    # hp is not in any name's initials: it is the initials of the keyword 环评
    assert names(index, "hp") == ["建设项目环境影响报告书审批", "建设项目环境影响报告表审批"]


def test_department_and_topic_names(index: SearchIndex) -> None:
    assert names(index, "信访办") == ["环境信访事项受理", "环境违法行为举报受理"]
    assert names(index, "监测中心") == ["环境监测数据申请"]
    assert "危险废物经营许可证核发" in names(index, "固体废物与危险废物")


def test_query_is_normalised(index: SearchIndex) -> None:
    assert normalise(" ＰＷ ＸＫ\t") == "pwxk"
    assert names(index, "PWXK") == names(index, "pwxk")
    assert names(index, "ｐｗｘｋ") == names(index, "pwxk")  # full-width letters from an IME
    assert names(index, " 排污 许可 ") == names(index, "排污许可")


def test_spelling_helpers() -> None:
    assert full_pinyin("排污许可证") == "paiwuxukezheng"
    assert initials("排污许可证") == "pwxkz"
    assert initials("重点管理") == "zdgl"  # 重 in 重点 is zhong, not chong


# -- ranking ---------------------------------------------------------------------------------------------
def test_name_prefix_ranks_before_name_contains() -> None:
    index = SearchIndex((
        entry("1", "建设项目排污口设置审批"),
        entry("2", "排污许可证核发"),
    ))
    assert names(index, "排污") == ["排污许可证核发", "建设项目排污口设置审批"]


def test_keyword_exact_ranks_before_name_contains() -> None:
    index = SearchIndex((
        entry("1", "年度环评工作总结公开"),
        entry("2", "建设项目审批", keywords=("环评",)),
    ))
    assert names(index, "环评") == ["建设项目审批", "年度环评工作总结公开"]


def test_exact_code_ranks_first_even_after_name_matches() -> None:
    index = SearchIndex((
        entry("A1", "12369热线记录"),
        entry("12369", "举报受理"),
    ))
    assert names(index, "12369") == ["举报受理", "12369热线记录"]


def test_content_order_is_kept_within_a_tier() -> None:
    index = SearchIndex(tuple(entry(str(i), f"排污事项{n}") for i, n in enumerate("丙甲乙")))
    assert names(index, "排污") == ["排污事项丙", "排污事项甲", "排污事项乙"]


def test_each_item_appears_once(index: SearchIndex) -> None:
    codes = [e.code for e in index.search("h").entries]
    assert len(codes) == len(set(codes))


def test_segments_do_not_run_into_each_other() -> None:
    # "评审" spans the end of one keyword and the start of the next: it must not match
    index = SearchIndex((entry("1", "一个事项", keywords=("环评", "审批")),))
    assert names(index, "评审") == []
    assert names(index, "pingshen") == []


# -- empty, unknown and limited ----------------------------------------------------------------------------
def test_empty_and_unknown_queries(index: SearchIndex) -> None:
    assert index.search("").empty
    assert index.search("   ").empty
    unknown = index.search("xyzq")
    assert unknown.empty and not unknown.more and unknown.query == "xyzq"


def test_limit_and_more() -> None:
    index = SearchIndex(tuple(entry(str(i), f"环评事项{i}") for i in range(5)))
    exactly = index.search("环评", limit=5)
    assert len(exactly.entries) == 5 and not exactly.more
    over = index.search("环评", limit=4)
    assert len(over.entries) == 4 and over.more


# -- Latin letters in names and punctuation in codes -------------------------------------------------------
def test_latin_letters_in_a_name_count_in_its_initials() -> None:
    index = SearchIndex((entry("1", "AQI数据查询"), entry("2", "空气质量数据查询")))
    assert names(index, "aqisj") == ["AQI数据查询"]
    assert names(index, "aqishuju") == ["AQI数据查询"]


def test_codes_with_punctuation_are_found_without_it() -> None:
    index = SearchIndex((entry("SP-01", "某事项"),))
    assert names(index, "sp01") == ["某事项"]
