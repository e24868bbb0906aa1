"""kiosk-office and kiosk sync as an operator runs them (real processes, a real embedded office file)."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import MINI, load_yaml


def run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, env=env,
                          timeout=180, check=False)


def office(*args: str) -> subprocess.CompletedProcess[str]:
    return run("sync.office_cli", *args)


def test_office_commands_from_init_to_audit(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'office.sqlite'}"
    assert office("--db", db, "init").returncode == 0
    dry = office("--db", db, "import", str(MINI), "--dry-run", "--actor", "李科长")
    assert dry.returncode == 0 and "would change" in dry.stdout and "+ item 000117001000" in dry.stdout
    assert "nothing to change" not in dry.stdout
    first = office("--db", db, "import", str(MINI), "--actor", "李科长")
    assert first.returncode == 0 and "(revision 1)" in first.stdout
    again = office("--db", db, "import", str(MINI))
    assert "nothing to change" in again.stdout

    doc = copy.deepcopy(load_yaml(MINI))
    doc["items"][1]["limits"]["promised"]["value"] = 10
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    second = office("--db", db, "import", str(changed), "--actor", "王科员")
    assert "~ item 000117002000: promised_limit" in second.stdout and "(revision 2)" in second.stdout

    audit = office("--db", db, "audit").stdout
    assert "王科员  update item 000117002000 (promised_limit)" in audit
    assert "李科长  insert item 000117001000" in audit

    exported = tmp_path / "out" / "content.yaml"
    assert office("--db", db, "export", str(exported)).returncode == 0
    assert "nothing to change" in office("--db", db, "import", str(exported)).stdout


def test_a_broken_file_is_reported_and_nothing_is_imported(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'office.sqlite'}"
    office("--db", db, "init")
    doc = copy.deepcopy(load_yaml(MINI))
    del doc["items"][0]["materials"][0]["name"]
    doc["posts"][0]["type"] = "办事窗口"
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    done = office("--db", db, "import", str(broken))
    assert done.returncode == 1
    assert "materials[0].name: required field is missing" in done.stderr
    assert "'办事窗口' is not one of 服务大厅, 网络平台, 窗口岗位" in done.stderr
    assert "nothing was imported" in done.stderr
    assert "no content changes recorded" in office("--db", db, "audit").stdout


def test_a_dead_database_is_said_plainly(tmp_path: Path) -> None:
    done = office("--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "audit")
    assert done.returncode == 3 and "cannot use the office database" in done.stderr


def test_kiosk_sync_once_status_and_the_office_sees_the_kiosk(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'office.sqlite'}"
    office("--db", db, "init")
    office("--db", db, "import", str(MINI))
    env_args = ("--data-dir", str(tmp_path / "kiosk"))
    once = run("kiosk", *env_args, "sync", "--once", "--office", db)
    assert once.returncode == 0, once.stderr
    assert "full pull" in once.stdout and "push: 1 sent" in once.stdout
    status = run("kiosk", *env_args, "sync", "--status").stdout
    assert "last success" in status and "never" not in status.split("last success")[1].splitlines()[0]
    assert "printer: none" in status  # no printer configured: what the heartbeat says too
    kiosks = office("--db", db, "kiosks").stdout
    assert "kiosk" in kiosks and "0.1.0" in kiosks


def test_kiosk_sync_against_a_dead_office_fails_clearly_and_says_so_in_status(tmp_path: Path) -> None:
    env_args = ("--data-dir", str(tmp_path / "kiosk"))
    dead = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    done = run("kiosk", *env_args, "sync", "--once", "--office", dead)
    assert done.returncode == 1 and "OperationalError" in done.stderr
    status = run("kiosk", *env_args, "sync", "--status").stdout
    assert "OperationalError" in status and "failures in a row: 1" in status


def test_an_attachment3_sheet_updates_that_departments_posts_only(tmp_path: Path) -> None:
    sheets = Path(__file__).parent / "fixtures" / "attachment3"
    db = f"sqlite:///{tmp_path / 'office.sqlite'}"
    office("--db", db, "init")
    office("--db", db, "import", str(MINI))
    done = office("--db", db, "import", str(sheets / "approval_office.xlsx"), "--department", "SP")
    assert done.returncode == 0, done.stderr
    assert "+ post SP-W2" in done.stdout and "+ post SP-H1" in done.stdout and "~ post SP-W1" in done.stdout
    assert "XF-W1" not in done.stdout
    assert "nothing to change" in office("--db", db, "import", str(sheets / "approval_office.xlsx"),
                                         "--department", "SP").stdout
    exported = tmp_path / "out.yaml"
    office("--db", db, "export", str(exported))
    posts = {p["code"]: p for p in yaml.safe_load(exported.read_text(encoding="utf-8"))["posts"]}
    assert posts["SP-W1"]["name"] == "环评审批窗口" and posts["SP-W1"]["staff"][0]["name"] == "张丽"
    assert posts["XF-W1"]["name"] == "信访接待窗口"


def test_a_sheet_that_drops_a_post_still_in_use_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    db = f"sqlite:///{tmp_path / 'office.sqlite'}"
    office("--db", db, "init")
    office("--db", db, "import", str(MINI))
    book = Workbook()
    sheet = book.active
    sheet.append(["类型", "序号", "名称", "工作事项", "窗口联系人及联系方式", "地址（网址）"])
    sheet.append(["窗口岗位", 2, "排污许可窗口", "排污许可", "李明 0451-87113068转8002", "一楼2号窗口"])
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    done = office("--db", db, "import", str(path), "--department", "SP")
    assert done.returncode == 1
    assert "post SP-W1 would be removed but item 建设项目环境影响报告书审批 names it" in done.stderr
