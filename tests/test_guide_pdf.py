"""The printed guide and the feedback receipt, read back the way a printer or a phone would: the text
with pdftotext, the fonts with pdffonts, the QR codes rendered with pdftoppm and decoded with zbarimg."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.cli import main as kiosk_main
from kiosk.data.cache import build_cache
from kiosk.data.catalog import Catalog
from kiosk.data.content_format import load_content
from kiosk.printing.guide_pdf import MATERIAL_HEADERS, guide_pdf, limit_words
from kiosk.printing.receipt_pdf import render_receipt
from tests.conftest import DEMO, load_yaml

PORTAL = "https://zwfw.example.gov.cn/item/{code}"
GENERATED = datetime(2026, 3, 18, 9, 30)
DEMO_CODES = [item["code"] for item in load_content(DEMO).items]

pytestmark = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm", "zbarimg")),
                                reason="poppler-utils and zbar-tools are needed")


def flat(text: str) -> str:
    """Text without any whitespace: long names wrap, and the PDF's line breaks fall anywhere."""
    return re.sub(r"\s+", "", text)


def pdftotext(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def page_count(pdf: Path) -> int:
    return pdftotext(pdf).count("\f")


def qr_codes(pdf: Path, page: int = 1) -> set[str]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(prefix)], check=True)
    result = subprocess.run(["zbarimg", "--raw", "-q", f"{prefix}.png"], capture_output=True, text=True, check=False)
    return {line for line in result.stdout.splitlines() if line}


def embedded_fonts(pdf: Path) -> list[str]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return [line for line in lines[2:] if line.strip()]


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    folder = tmp_path_factory.mktemp("guide-cache")
    cache = folder / "cache.sqlite"
    build_cache(cache, load_content(DEMO), "test-rev")
    catalog = Catalog(cache)
    yield catalog
    catalog.close()


@pytest.mark.parametrize("code", DEMO_CODES)
def test_every_demo_guide_lists_all_materials_basis_and_limits_in_an_embedded_cjk_font(
        catalog: Catalog, code: str, tmp_path: Path) -> None:
    pdf = tmp_path / f"{code}.pdf"
    pdf.write_bytes(guide_pdf(catalog, code, generated=GENERATED, portal_item_url=PORTAL))
    guide = catalog.item_guide(code)
    text = flat(pdftotext(pdf))
    assert flat(guide.name) in text and code in text
    for material in guide.materials:
        assert flat(material.name) in text, material.name
    for basis in guide.basis:
        assert flat(basis.law) in text, basis.law
        if basis.articles:
            assert flat(basis.articles) in text
    assert flat("法定办结时限" + limit_words(guide.statutory_limit, guide.statutory_unit)) in text
    assert flat("承诺办结时限" + limit_words(guide.promised_limit, guide.promised_unit)) in text
    for step in guide.steps:
        assert flat(step.step) in text
    assert "四零承诺" in text and "服务结果零投诉" in text
    pages = page_count(pdf)
    for page in range(1, pages + 1):
        assert f"第{page}页/共{pages}页" in text
    assert "内容版本test-rev" in text and "2026-03-1809:30" in text

    fonts = embedded_fonts(pdf)
    assert fonts, "no font at all"
    for line in fonts:
        name, *_rest = line.split()
        assert re.fullmatch(r"[A-Z]{6}\+WenQuanYiZenHei(-\d+)?", name), line
        assert " yes yes " in line, f"not an embedded subset: {line}"

    decoded = qr_codes(pdf)
    assert PORTAL.replace("{code}", code) in decoded
    if guide.online and guide.online_url:
        assert guide.online_url in decoded


def test_without_a_portal_pattern_only_the_online_address_is_coded(catalog: Catalog, tmp_path: Path) -> None:
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(guide_pdf(catalog, "000117001001", generated=GENERATED))
    assert qr_codes(pdf) == {catalog.item_guide("000117001001").online_url}
    assert "扫码网上办理" in pdftotext(pdf, 1)


def test_a_300_material_item_paginates_with_the_header_row_on_every_page_of_the_table(
        tmp_path: Path, write_content: Callable[..., Path]) -> None:
    document = load_yaml(DEMO)
    shutil.copytree(DEMO.parent / "forms", tmp_path / "forms")
    item = copy.deepcopy(document["items"][0])
    item.update(code="999000000300", name="压力测试事项（三百项材料）")
    base = item["materials"]
    item["materials"] = [{**base[i % len(base)], "name": f"第{i + 1}号材料{base[i % len(base)]['name']}"}
                         for i in range(300)]
    document["items"].append(item)
    cache = tmp_path / "data" / "cache.sqlite"
    cache.parent.mkdir()
    build_cache(cache, load_content(write_content(document)), "stress")
    catalog = Catalog(cache)
    try:
        pdf = tmp_path / "stress.pdf"
        pdf.write_bytes(guide_pdf(catalog, "999000000300", generated=GENERATED, portal_item_url=PORTAL))
    finally:
        catalog.close()
    pages = page_count(pdf)
    assert pages > 10
    table_pages = []
    for page in range(1, pages + 1):
        text = flat(pdftotext(pdf, page))
        assert text.endswith(f"第{page}页/共{pages}页") or f"第{page}页/共{pages}页" in text
        if re.search(r"第\d+号材料", text):
            table_pages.append(page)
            for header in MATERIAL_HEADERS:
                assert flat(header) in text, f"page {page} lacks the header {header}"
    assert len(table_pages) > 8
    assert table_pages == list(range(table_pages[0], table_pages[-1] + 1))
    everything = flat(pdftotext(pdf))
    assert "第1号材料" in everything and "第300号材料" in everything
    # no heading left alone at the foot of a page: a section title always has its content below it
    for page in range(1, pages + 1):
        lines = [line.strip() for line in pdftotext(pdf, page).splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith("打印时间") and "页 / 共" not in line]
        assert not re.fullmatch(r"[一二三四五六七八九十]+、\S+", body[-1]), f"orphaned heading on page {page}"


def test_the_receipt_has_the_code_the_reply_date_and_a_qr_code_of_it(catalog: Catalog, tmp_path: Path) -> None:
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(render_receipt("K7QM4X2P", date(2026, 4, 1), GENERATED, catalog.hall(),
                                   query_url="https://sthj.example.gov.cn/fk?code={code}"))
    text = pdftotext(pdf)
    assert "K7QM4X2P" in text
    assert "2026年4月1日前答复" in flat(text)
    assert "查询办理情况" in text
    assert {"K7QM4X2P", "https://sthj.example.gov.cn/fk?code=K7QM4X2P"} == qr_codes(pdf)
    assert all("WenQuanYiZenHei" in line for line in embedded_fonts(pdf))


def test_kiosk_guide_writes_the_pdf_and_names_an_unknown_code(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "guide.pdf"
    data = str(tmp_path / "data")
    assert kiosk_main(["--data-dir", data, "guide", "000117004000", "--out", str(out)]) == 0
    assert "辐射安全许可证核发" in flat(pdftotext(out))
    assert "辐射安全许可证申请表" in flat(pdftotext(out))  # its blank form, in section 22
    assert kiosk_main(["--data-dir", data, "guide", "123456", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "no item has the code '123456'" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
