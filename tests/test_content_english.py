"""English content: ``en:`` fields travel from the content file through the embedded office into the
cache, the catalogue shows them in English (Chinese where none is given, never empty, and says so),
the search finds items by their English names, and official output stays Chinese."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import KioskApp
from kiosk.data.catalog import Catalog
from kiosk.data.content_format import ContentError, load_content
from kiosk.data.records import content_records
from kiosk.data.search import SearchIndex
from kiosk.data.submissions import RatingInput, Submissions
from kiosk.screens.departments import DepartmentsScreen
from kiosk.screens.item_detail import ItemDetailScreen
from kiosk.screens.post_detail import PostDetailScreen
from kiosk.screens.search import SearchScreen
from sync.export import write_export
from sync.runner import SyncRunner
from tests.conftest import MINI, load_yaml

Writer = Callable[..., Path]
EIA = "000117001000"  # mini: given in English in full below
PETITION = "000117002000"  # mini: no English at all
FULL_DEMO = ("000217003000", "000217004000", "000217005000")  # demo items given in English in full


def english_mini() -> dict[str, Any]:
    """The mini fixture with English for the hall, the SP department and post, and the first item."""
    doc = copy.deepcopy(load_yaml(MINI))
    doc["hall"]["en"] = {"department": "Test Province Department of Ecology and Environment",
                         "name": "Public Service Hall", "hours": "Mon–Fri 8:30–17:00"}
    doc["topics"][0]["en"] = {"name": "Environmental impact assessment"}
    sp = doc["departments"][0]
    sp["en"] = {"name": "Approval Division", "location": "Ground floor"}
    post = doc["posts"][0]
    post["en"] = {"name": "EIA window", "floor": "Ground floor", "address": "Public Service Hall",
                  "phone": "0451-87113068 ext. 8001"}
    post["staff"][0]["en"] = {"name": "Zhang Li", "role": "Head of window"}
    item = doc["items"][0]
    item["en"] = {
        "name": "Approval of environmental impact reports",
        "keywords": ["EIA", "environmental impact assessment"],
        "limits": {"statutory": {"note": "Technical review time is not counted"}},
    }
    item["basis"][0]["en"] = {"law": "Environmental Impact Assessment Law", "articles": "Article 22",
                              "text": "A decision is made within sixty days of receipt"}
    item["materials"][0]["en"] = {"name": "Environmental impact report", "source": "Prepared by the applicant"}
    item["materials"][1]["en"] = {"name": "Project approval", "required": "For approved projects"}
    for step, (name, where) in zip(item["flow"], (("Apply", "Applicant"), ("Acceptance", "EIA window"),
                                                  ("Decision", "Approval Division")), strict=True):
        step["en"] = {"step": name, "post": where}
    item["flow"][0]["en"]["time"] = "Any time"
    item["flow"][1]["en"]["time"] = "1 working day"
    item["flow"][2]["en"]["time"] = "15 working days"
    return doc


@pytest.fixture
def english_catalog(write_content: Writer, tmp_path: Path) -> Iterator[Catalog]:
    """The English mini content, imported into the embedded office and pulled into a kiosk cache."""
    runner = SyncRunner(tmp_path / "kiosk", content_file=write_content(english_mini()), kiosk_id="test")
    runner.once()
    catalog = Catalog(runner.cache)
    yield catalog
    catalog.close()
    runner.close()


@pytest.fixture(scope="module")
def demo_catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    from tests.conftest import DEMO

    runner = SyncRunner(tmp_path_factory.mktemp("demo"), content_file=DEMO, kiosk_id="test")
    runner.once()
    catalog = Catalog(runner.cache)
    yield catalog
    catalog.close()
    runner.close()


# -- content file → office → cache → catalogue --------------------------------------------------------------
def test_english_travels_to_the_catalogue_and_chinese_stays_chinese(english_catalog: Catalog) -> None:
    catalog = english_catalog
    chinese = catalog.item_guide(EIA)
    assert chinese.name == "建设项目环境影响报告书审批" and chinese.translated
    assert [m.name for m in chinese.materials] == ["建设项目环境影响报告书", "项目核准文件"]

    catalog.set_language("en")
    guide = catalog.item_guide(EIA)
    assert guide.name == "Approval of environmental impact reports"
    assert guide.department_name == "Approval Division"
    assert guide.topics == ("Environmental impact assessment",)
    assert guide.basis[0].law == "Environmental Impact Assessment Law"
    assert guide.basis[0].text == "A decision is made within sixty days of receipt"
    assert [m.name for m in guide.materials] == ["Environmental impact report", "Project approval"]
    assert guide.materials[1].condition == "For approved projects"
    assert [(s.step, s.post, s.time) for s in guide.steps] == [
        ("Apply", "Applicant", "Any time"), ("Acceptance", "EIA window", "1 working day"),
        ("Decision", "Approval Division", "15 working days")]
    assert guide.statutory_note == "Technical review time is not counted"
    assert guide.post is not None and guide.post.name == "EIA window"
    assert guide.post.staff[0].name == "Zhang Li" and guide.post.staff[0].role == "Head of window"
    assert guide.consult_phone == "0451-87113068 ext. 8001"  # the post's phone, in English
    assert guide.location == "Public Service Hall"
    assert guide.hours == "Mon–Fri 8:30–17:00"  # the hall's, in English
    assert guide.translated  # every text shown on its page is English
    # the fixed vocabulary stays as the format spells it: screens translate it
    assert guide.item_type == "行政许可" and guide.statutory_unit == "自然日"

    assert catalog.hall().name == "Public Service Hall"
    [summary] = catalog.items_by_topic("hp")
    assert summary.name == "Approval of environmental impact reports" and summary.translated
    post = catalog.post("SP-W1")
    assert post.post.name == "EIA window" and post.translated

    catalog.set_language("zh")
    assert catalog.item_guide(EIA).name == "建设项目环境影响报告书审批"
    assert catalog.post("SP-W1").post.staff[0].name == "张丽"


def test_without_english_the_chinese_is_shown_and_marked_untranslated(english_catalog: Catalog) -> None:
    english_catalog.set_language("en")
    guide = english_catalog.item_guide(PETITION)
    assert guide.name == "环境信访事项受理"  # not empty: the Chinese, for want of English
    assert guide.department_name == "环境信访处"
    assert not guide.translated
    [summary] = english_catalog.items_by_department("XF")
    assert summary.name == "环境信访事项受理" and not summary.translated
    departments = {d.code: d for d in english_catalog.departments()}
    assert departments["SP"].name == "Approval Division" and departments["SP"].translated
    assert departments["XF"].name == "环境信访处" and not departments["XF"].translated
    # in Chinese everything counts as translated: the note never shows there
    english_catalog.set_language("zh")
    assert english_catalog.item_guide(PETITION).translated


def test_one_chinese_text_left_makes_a_guide_untranslated(write_content: Writer, tmp_path: Path) -> None:
    doc = english_mini()
    doc["items"][0]["materials"][0]["notes"] = "加盖公章"  # a Chinese note without English
    runner = SyncRunner(tmp_path / "kiosk", content_file=write_content(doc), kiosk_id="test")
    runner.once()
    catalog = Catalog(runner.cache)
    try:
        catalog.set_language("en")
        guide = catalog.item_guide(EIA)
        assert guide.materials[0].notes == "加盖公章"
        assert not guide.translated
    finally:
        catalog.close()
        runner.close()


def test_unknown_language_is_refused(english_catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="fr"):
        english_catalog.set_language("fr")


# -- the content file ------------------------------------------------------------------------------------
def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(path)
    return [str(p) for p in caught.value.problems]


def test_a_misspelt_or_untranslatable_english_field_is_an_error_naming_its_path(write_content: Writer) -> None:
    doc = english_mini()
    doc["items"][0]["en"]["nmae"] = "typo"
    doc["items"][0]["materials"][0]["en"]["medium"] = "paper"  # a choice: the kiosk translates those itself
    doc["items"][0]["en"]["fee"] = {"charged": True}
    doc["departments"][1]["en"] = "Petitions Division"  # not a mapping
    path = write_content(doc)
    found = problems_of(path)
    assert any("items[0] 建设项目环境影响报告书审批.en.nmae: no English can be given for 'nmae'" in p for p in found)
    assert any("items[0] 建设项目环境影响报告书审批.materials[0].en.medium" in p for p in found)
    assert any(".en.fee.charged" in p for p in found)
    assert any("departments[1].en: expected a mapping" in p for p in found)
    assert len(found) == 4
    # the line named is the line of the bad key
    line = int(next(p for p in found if ".en.nmae" in p).split(":")[1])
    assert "nmae" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_content_without_english_gives_the_same_records_as_before(write_content: Writer) -> None:
    """An office that imports its unchanged file after an upgrade writes nothing: no empty ``en`` appears."""
    records = content_records(load_content(MINI))

    def keys(value: Any) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        if isinstance(value, list):
            return {k for v in value for k in keys(v)}
        return set()

    assert "en" not in keys(records)


def test_export_gives_back_the_english(write_content: Writer, tmp_path: Path) -> None:
    """The office's export (kiosk-office export) keeps every English field: loading it gives the same records."""
    records = content_records(load_content(write_content(english_mini())))
    exported = tmp_path / "out" / "content.yaml"
    write_export(records, exported)
    again = content_records(load_content(exported))
    assert again == records
    item = load_yaml(exported)["items"][0]
    assert item["en"]["limits"] == {"statutory": {"note": "Technical review time is not counted"}}
    assert item["materials"][1]["en"]["required"] == "For approved projects"


def test_demo_export_round_trips_with_its_english(demo_file: Path, tmp_path: Path) -> None:
    records = content_records(load_content(demo_file))
    exported = tmp_path / "demo-export.yaml"
    write_export(records, exported)
    assert content_records(load_content(exported)) == records


# -- the demo content --------------------------------------------------------------------------------------
def test_demo_names_everything_in_english_and_three_items_in_full(demo_catalog: Catalog) -> None:
    catalog = demo_catalog.in_language("en")
    assert catalog.hall().translated
    assert all(t.translated for t in catalog.topics())
    assert all(not _chinese(d.name) for d in catalog.departments())
    assert all(not _chinese(p.name) for p in catalog.posts())
    entries = catalog.search_entries()
    assert entries and all(e.en_name for e in entries)
    translated = {e.code for e in entries if catalog.item_guide(e.code).translated}
    assert translated == set(FULL_DEMO)  # the rest show the note


def _chinese(text: str) -> bool:
    from kiosk.data.english import has_chinese

    return has_chinese(text)


# -- search ----------------------------------------------------------------------------------------------------
def test_an_english_query_finds_the_item_by_its_english_name(english_catalog: Catalog) -> None:
    index = SearchIndex(english_catalog.search_entries())
    result = index.search("environmental impact reports", language="en")
    assert [e.code for e in result.entries] == [EIA]
    assert result.entries[0].name == "Approval of environmental impact reports"
    assert result.entries[0].department_name == "Approval Division"
    # in Chinese the same item comes back in Chinese; Chinese, pinyin and English keywords still work
    assert index.search("Environmental Impact").entries[0].name == "建设项目环境影响报告书审批"
    assert [e.code for e in index.search("eia").entries] == [EIA]
    assert index.search("hp", language="en").entries[0].code == EIA
    assert index.search("信访", language="en").entries[0].name == "环境信访事项受理"  # no English: Chinese


def test_demo_english_search(demo_catalog: Catalog) -> None:
    index = SearchIndex(demo_catalog.search_entries())
    first = index.search("monitoring data", language="en").entries[0]
    assert first.name == "Applying for environmental monitoring data"
    assert index.search("government information", language="en").entries[0].code == "000217005000"


# -- official output stays Chinese ----------------------------------------------------------------------------
def test_ratings_record_staff_names_in_chinese_whatever_the_language(tmp_path: Path, write_content: Writer) -> None:
    runner = SyncRunner(tmp_path / "kiosk", content_file=write_content(english_mini()), kiosk_id="test")
    runner.once()
    catalog = Catalog(runner.cache)
    try:
        catalog.set_language("en")
        desk = Submissions(runner.outbox, lambda: catalog)
        desk.add_rating(RatingInput(1, "SP-W1"))
        [entry] = runner.outbox.recent("rating", 1)
        assert entry.payload["staff"] == "张丽"
    finally:
        catalog.close()
        runner.close()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is needed")
def test_the_printed_guide_stays_chinese_in_english(english_catalog: Catalog, tmp_path: Path) -> None:
    import subprocess
    from datetime import datetime

    from kiosk.printing.guide_pdf import guide_pdf

    english_catalog.set_language("en")
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(guide_pdf(english_catalog, EIA, generated=datetime(2026, 3, 18, 9, 30)))
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "建设项目环境影响报告书审批" in text
    assert "Approval" not in text
    assert english_catalog.language == "en"  # the catalogue the screens use is left as it was


# -- screens ------------------------------------------------------------------------------------------------------
def english_kiosk(make_kiosk: Callable[..., KioskApp]) -> KioskApp:
    kiosk = make_kiosk()
    kiosk.store.mode.set_language("en")
    QApplication.processEvents()
    assert kiosk.store.catalog is not None and kiosk.store.catalog.language == "en"
    return kiosk


def open_screen(kiosk: KioskApp, name: str, key: object = None) -> Any:
    kiosk.navigator.go(name, key)
    QApplication.processEvents()
    return kiosk.navigator.current_screen()


def test_item_page_in_english_notes_chinese_details(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = english_kiosk(make_kiosk)
    screen = open_screen(kiosk, "item", "000217001000")  # English name only
    assert isinstance(screen, ItemDetailScreen)
    qtbot.waitUntil(lambda: screen.complete, timeout=2000)
    assert screen.title.text() == "Environmental petitions"
    assert screen.language_note.isVisible() and screen.language_note.text()
    assert screen.summary.isVisible() and screen.summary.text()  # the Chinese summary, not an empty field

    screen = open_screen(kiosk, "item", "000217004000")  # English in full
    qtbot.waitUntil(lambda: screen.complete, timeout=2000)
    assert screen.title.text() == "Environmental quality information"
    assert not screen.language_note.isVisible()
    assert screen.summary.text().startswith("Look up published information")


def test_item_page_in_chinese_has_no_note(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk()
    screen = open_screen(kiosk, "item", "000217001000")
    assert isinstance(screen, ItemDetailScreen)
    qtbot.waitUntil(lambda: screen.complete, timeout=2000)
    assert screen.title.text() == "环境信访事项受理"
    assert not screen.language_note.isVisible()


def test_post_page_and_department_list_in_english(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = english_kiosk(make_kiosk)
    screen = open_screen(kiosk, "post", "BG-W1")  # in English in full, and so is its one item
    assert isinstance(screen, PostDetailScreen)
    assert screen.name_label.text() == "General enquiries and government information window"
    assert not screen.language_note.isVisible()
    screen = open_screen(kiosk, "post", "XF-W1")
    assert screen.name_label.text() == "Environmental petitions reception window"
    assert screen.language_note.isVisible()

    screen = open_screen(kiosk, "departments")
    assert isinstance(screen, DepartmentsScreen)
    assert screen.cards[0].text() == "General Office"
    assert screen.language_note.isVisible()  # most departments' duties are Chinese only

    kiosk.store.mode.set_language("zh")
    QApplication.processEvents()
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, DepartmentsScreen)
    assert screen.cards[0].text() == "办公室"
    assert not screen.language_note.isVisible()


def test_search_screen_in_english_lists_english_names(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = english_kiosk(make_kiosk)
    qtbot.waitUntil(lambda: kiosk.store.search_index is not None, timeout=10_000)
    screen = open_screen(kiosk, "search")
    assert isinstance(screen, SearchScreen)
    screen.set_query("air quality")  # an English keyword of two items
    rows = [row for row in screen.result_rows() if row.isVisible()]
    assert [row.title_label.text() for row in rows] == ["Applying for environmental monitoring data",
                                                        "Environmental quality information"]


def test_attract_screen_in_english(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    """The attract screen reads a snapshot, not the catalogue: it carries the hall's English too."""
    from kiosk.screens.attract import AttractScreen

    kiosk = make_kiosk()
    screen = kiosk.navigator.screen("attract")
    assert isinstance(screen, AttractScreen)
    screen.refresh()
    assert screen.department.text() == "黑龙江省生态环境厅"
    kiosk.store.mode.set_language("en")
    QApplication.processEvents()
    screen = kiosk.navigator.screen("attract")
    screen.refresh()
    assert screen.department.text() == "Heilongjiang Department of Ecology and Environment"
    assert screen.hall.text() == "Public Service Hall"
    assert "Zero buck-passing" in screen.commitment.text()


def test_an_attachment3_sheet_keeps_the_posts_english(tmp_path: Path, write_content: Writer) -> None:
    """A department's 附件3 sheet carries no English: importing it keeps what the office had."""
    from tests.test_office_cli import office

    sheets = Path(__file__).parent / "fixtures" / "attachment3"
    db = f"sqlite:///{tmp_path / 'office.sqlite'}"
    assert office("--db", db, "init").returncode == 0
    assert office("--db", db, "import", str(write_content(english_mini()))).returncode == 0
    done = office("--db", db, "import", str(sheets / "approval_office.xlsx"), "--department", "SP")
    assert done.returncode == 0, done.stderr
    exported = tmp_path / "out.yaml"
    assert office("--db", db, "export", str(exported)).returncode == 0
    posts = {p["code"]: p for p in load_yaml(exported)["posts"]}
    assert posts["SP-W1"]["en"]["name"] == "EIA window"
    assert posts["SP-W1"]["staff"][0]["en"] == {"name": "Zhang Li", "role": "Head of window"}
