"""``kiosk set-pin``: the PIN's hash goes into the configuration file, the PIN itself nowhere."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk import set_pin_cli
from kiosk.admin_pin import valid_hash, verify_pin
from kiosk.config import SYSTEM_CONFIG, load_config

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = """# the kiosk of the east hall
kiosk_id = "east-1"
idle_seconds = 120   # elderly visitors read slowly

printer = "hall-printer"
"""


def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    return env


def set_pin(tmp_path: Path, path: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", "set-pin", "--config", str(path)], input=stdin,
                          cwd=ROOT, env=environment(tmp_path), capture_output=True, text=True, timeout=120)


def hash_line(text: str) -> str:
    [line] = [line for line in text.splitlines() if line.startswith("admin_pin_hash")]
    return line.split('"')[1]


def test_the_hash_is_written_the_pin_is_not_and_every_other_line_stays(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    path.chmod(0o640)
    done = set_pin(tmp_path, path, "482913\n")
    assert done.returncode == 0, done.stderr
    assert str(path) in done.stdout
    text = path.read_text(encoding="utf-8")
    assert "482913" not in text and "482913" not in done.stdout + done.stderr
    assert text.startswith(ORIGINAL)  # the comments, the blank line and the other keys as they were
    stored = hash_line(text)
    assert valid_hash(stored) and verify_pin("482913", stored) and not verify_pin("482914", stored)
    assert path.stat().st_mode & 0o777 == 0o640
    # and the kiosk reads it
    config = load_config(path, layered=False, environ={})
    assert config.admin_pin_hash == stored and config.kiosk_id == "east-1" and config.idle_seconds == 120


def test_a_new_pin_replaces_the_old_hash_in_its_place(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    assert set_pin(tmp_path, path, "1111\n").returncode == 0
    path.write_text(path.read_text(encoding="utf-8") + 'thanks_seconds = 8\n', encoding="utf-8")
    before = path.read_text(encoding="utf-8").splitlines()
    done = set_pin(tmp_path, path, "20250607\n")
    assert done.returncode == 0, done.stderr
    after = path.read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1 and after[changed[0]].startswith("admin_pin_hash = ")
    assert verify_pin("20250607", hash_line("\n".join(after)))
    assert not verify_pin("1111", hash_line("\n".join(after)))


def test_a_new_file_is_made_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "etc" / "kiosk.toml"
    done = set_pin(tmp_path, path, "9087\n")
    assert done.returncode == 0, done.stderr
    assert path.stat().st_mode & 0o777 == 0o600
    assert verify_pin("9087", hash_line(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("pin", ["12", "123456789", "12ab", ""])
def test_a_bad_pin_changes_nothing_and_is_not_repeated(tmp_path: Path, pin: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    done = set_pin(tmp_path, path, pin + "\n")
    assert done.returncode == 2
    assert "4–8 digits" in done.stderr or "empty" in done.stderr
    assert not pin or pin not in done.stderr + done.stdout
    assert path.read_text(encoding="utf-8") == ORIGINAL


def test_a_broken_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('kiosk_id = "east-1\n', encoding="utf-8")
    done = set_pin(tmp_path, path, "4321\n")
    assert done.returncode == 2
    assert "not valid TOML" in done.stderr
    assert path.read_text(encoding="utf-8") == 'kiosk_id = "east-1\n'


def test_at_a_terminal_the_pin_is_asked_twice_without_echo(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(ORIGINAL, encoding="utf-8")

    def at_terminal(first: str, second: str) -> tuple[int, str]:
        pid, fd = pty.fork()
        if pid == 0:  # the child: its controlling terminal is the pty, as an operator's shell would be
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "kiosk", "set-pin", "--config", str(path)],
                      environment(tmp_path))
        seen = b""

        def read_until(prompt: bytes) -> None:
            nonlocal seen
            deadline = time.monotonic() + 60
            while prompt not in seen and time.monotonic() < deadline:
                if select.select([fd], [], [], 1)[0]:
                    seen += os.read(fd, 1024)
            assert prompt in seen, seen

        read_until(b"New admin PIN")
        os.write(fd, first.encode() + b"\r")
        if second:
            read_until(b"again")
            os.write(fd, second.encode() + b"\r")
        try:
            while chunk := os.read(fd, 1024):
                seen += chunk
        except OSError:  # the child has ended: the pty is closed
            pass
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")

    code, shown = at_terminal("5566", "5567")
    assert code == 2 and "differ" in shown
    assert path.read_text(encoding="utf-8") == ORIGINAL
    code, shown = at_terminal("5566", "5566")
    assert code == 0, shown
    assert "5566" not in shown  # not echoed
    assert verify_pin("5566", hash_line(path.read_text(encoding="utf-8")))


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_as_root_the_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    os.chown(path, 0, 4321)  # as install.sh: root:kiosk 0640, so the kiosk user can read it
    path.chmod(0o640)
    assert set_pin(tmp_path, path, "7788\n").returncode == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (0, 4321, 0o640)


def test_the_file_is_the_system_one_for_root_and_the_users_otherwise(monkeypatch: pytest.MonkeyPatch,
                                                                       tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert set_pin_cli.target_file(tmp_path / "given.toml") == tmp_path / "given.toml"
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert set_pin_cli.target_file(None) == SYSTEM_CONFIG
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert set_pin_cli.target_file(None) == tmp_path / "xdg" / "lobby-kiosk" / "kiosk.toml"


def test_the_line_is_added_before_any_table_and_line_endings_are_kept() -> None:
    assert set_pin_cli.with_pin_hash('a = 1', "H") == 'a = 1\nadmin_pin_hash = "H"\n'
    assert set_pin_cli.with_pin_hash('a = 1\n[t]\nb = 2\n', "H") == 'a = 1\nadmin_pin_hash = "H"\n[t]\nb = 2\n'
    assert set_pin_cli.with_pin_hash('a = 1\r\nadmin_pin_hash = "old"\r\n', "H") == 'a = 1\r\nadmin_pin_hash = "H"\r\n'
    assert set_pin_cli.with_pin_hash("", "H") == 'admin_pin_hash = "H"\n'
