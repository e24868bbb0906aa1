"""``kiosk set-pin``: set the admin PIN, i.e. write ``admin_pin_hash`` into a configuration file.

The PIN is asked twice without echo, or read as one line from standard input when that is not a
terminal (``echo 123456 | kiosk set-pin --config kiosk.toml``). Only its salted hash is written.
The file is the ``--config`` file, else the system file when run as root, else the user's file.
Every other line of the file stays as it is; the file is replaced atomically, with its mode (and,
as root, its owner and group: the system file is ``root:kiosk 0640``) kept; a new file is 0600.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import stat
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import TextIO

from kiosk.admin_pin import PIN_RULE, hash_pin, valid_pin, verify_pin
from kiosk.config import SYSTEM_CONFIG, user_config_path

KEY = "admin_pin_hash"
_KEY_LINE = re.compile(rf"^\s*{KEY}\s*=")
_TABLE_LINE = re.compile(r"^\s*\[")
NEW_FILE_MODE = 0o600


class PinError(Exception):
    """The PIN could not be read or is not acceptable (the message never contains it)."""


def target_file(explicit: Path | None) -> Path:
    if explicit is not None:
        return explicit
    return SYSTEM_CONFIG if os.geteuid() == 0 else user_config_path()


def read_pin(stdin: TextIO) -> str:
    """Twice without echo at a terminal; one line from a pipe."""
    if stdin.isatty():
        first = getpass.getpass(f"New admin PIN ({PIN_RULE}): ")
        reason = valid_pin(first)
        if reason:
            raise PinError(reason)
        if getpass.getpass("The same PIN again: ") != first:
            raise PinError("the two PINs differ; nothing was changed")
        return first
    pin = stdin.readline().strip()
    reason = valid_pin(pin)
    if reason:
        raise PinError(reason)
    return pin


def with_pin_hash(text: str, pin_hash: str) -> str:
    """``text`` with its ``admin_pin_hash`` line replaced, or one added (before any table, where a top-level
    key must be); every other line unchanged."""
    line = f'{KEY} = "{pin_hash}"'
    lines = text.splitlines(keepends=True)
    for index, old in enumerate(lines):
        if _KEY_LINE.match(old):
            ending = old[len(old.rstrip("\r\n")):] or "\n"
            lines[index] = line + ending
            return "".join(lines)
    at = next((i for i, old in enumerate(lines) if _TABLE_LINE.match(old)), len(lines))
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    lines.insert(at, line + "\n")
    return "".join(lines)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` (temporary file, fsync, rename), keeping its mode and owner."""
    try:
        old = path.stat()
    except FileNotFoundError:
        old = None
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fchmod(out.fileno(), stat.S_IMODE(old.st_mode) if old is not None else NEW_FILE_MODE)
            if old is not None and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(PermissionError):  # only root may give a file away; others keep theirs
                    os.fchown(out.fileno(), old.st_uid, old.st_gid)
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # the rename itself is durable once the folder is synced
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def run(config_file: Path | None, stdin: TextIO | None = None) -> int:
    path = target_file(config_file)
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        tomllib.loads(text)
    except OSError as exc:
        print(f"kiosk set-pin: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        print(f"kiosk set-pin: {path} is not valid TOML ({exc}); fix it first, nothing was changed",
              file=sys.stderr)
        return 2
    try:
        pin = read_pin(stdin if stdin is not None else sys.stdin)
    except PinError as exc:
        print(f"kiosk set-pin: {exc}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("\nkiosk set-pin: cancelled, nothing was changed", file=sys.stderr)
        return 1
    pin_hash = hash_pin(pin)
    new_text = with_pin_hash(text, pin_hash)
    written = tomllib.loads(new_text).get(KEY)
    if not (isinstance(written, str) and verify_pin(pin, written)):  # never leave a file that locks the admin out
        print(f"kiosk set-pin: could not place {KEY} in {path}; nothing was changed", file=sys.stderr)
        return 1
    try:
        write_atomic(path, new_text)
    except OSError as exc:
        print(f"kiosk set-pin: cannot write {path}: {exc.strerror or exc}"
              + (" (the system file needs root: sudo kiosk set-pin)" if path == SYSTEM_CONFIG else ""),
              file=sys.stderr)
        return 2
    print(f"admin PIN set: {KEY} written to {path}")
    print("restart the kiosk to use it (systemctl restart lobby-kiosk)")
    return 0
