"""``kiosk config --check`` and ``kiosk config --show``.

:func:`kiosk.config.load_config` has already built (and validated) the effective configuration when
these run; here the layers are read again only to say where each setting comes from (default, a file,
a ``KIOSK_*`` variable, the command line), and ``--check`` adds the checks that need the file system.
Secrets are never printed: the password in ``office_url`` and any key whose name says it is one.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from dataclasses import fields
from pathlib import Path

from kiosk.config import KEYS, SYSTEM_CONFIG, Config, user_config_path

#: keys whose value is never printed (a PIN hash, passwords, tokens)
SECRET_WORDS = ("pin", "password", "secret", "token", "hash")
HIDDEN = "(hidden)"


def config_files(args: argparse.Namespace) -> list[Path]:
    """The files read, in the order they apply (as :func:`kiosk.config.load_config` reads them)."""
    files = [p for p in (SYSTEM_CONFIG, user_config_path()) if p.is_file()]
    if args.config is not None:
        files.append(args.config)
    return files


def sources(args: argparse.Namespace, environ: dict[str, str] | None = None) -> dict[str, str]:
    """Key → where its effective value comes from."""
    env = dict(os.environ) if environ is None else environ
    where = dict.fromkeys(KEYS, "default")
    for path in config_files(args):
        with path.open("rb") as handle:
            for key in tomllib.load(handle):
                where[key] = str(path)
    for key in KEYS:
        if f"KIOSK_{key.upper()}" in env:
            where[key] = f"environment KIOSK_{key.upper()}"
    command_line = {"data_dir": args.data_dir, "content_file": args.content,
                    "fullscreen": True if args.windowed else None, "orientation": True if args.portrait else None}
    for key, given in command_line.items():
        if given is not None:
            where[key] = "command line"
    return where


def shown(key: str, value: object) -> str:
    """The value as printed: TOML-like, secrets hidden."""
    if any(word in key for word in SECRET_WORDS):
        return HIDDEN if value else '""'
    if key == "office_url" and isinstance(value, str) and value:
        return f'"{hide_password(value)}"'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def hide_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL: hide whatever sits between "://user:" and "@"
        scheme, sep, rest = url.partition("://")
        credentials, at, host = rest.rpartition("@")
        if not (sep and at):
            return url
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"


def problems(config: Config, where: dict[str, str]) -> list[str]:
    """What :func:`load_config` cannot see: files and folders that must exist, a URL that must parse."""
    found: list[str] = []

    def problem(key: str, message: str) -> None:
        found.append(f"{where[key]}: key '{key}' {message}")

    if config.content_file and not config.content_path.is_file():
        problem("content_file", f"names a file that does not exist: {config.content_path}")
    if config.office_url:
        from sqlalchemy.engine import make_url

        try:
            url = make_url(config.office_url)
        except Exception as exc:
            problem("office_url", f"is not a database URL: {exc}")
        else:
            if url.get_backend_name() not in ("postgresql", "sqlite"):
                problem("office_url", f"must be a postgresql or sqlite URL, found {url.get_backend_name()!r}")
    if config.data_dir:
        path = config.data_path
        existing = next((p for p in (path, *path.parents) if p.exists()), None)
        if path.exists() and not path.is_dir():
            problem("data_dir", f"is not a folder: {path}")
        elif existing is not None and not os.access(existing, os.W_OK):
            problem("data_dir", f"cannot be written by this user: {existing}")
    return found


def check(config: Config, args: argparse.Namespace) -> int:
    where = sources(args)
    found = problems(config, where)
    if found:
        for line in found:
            print(f"kiosk: configuration error: {line}", file=sys.stderr)
        return 2
    files = config_files(args)
    print("configuration OK")
    print("files read: " + (", ".join(str(p) for p in files) if files else "none (defaults only)"))
    overridden = sorted(v for v in set(where.values()) if v.startswith("environment"))
    if overridden:
        print("environment: " + ", ".join(name.split(" ", 1)[1] for name in overridden))
    return 0


def show(config: Config, args: argparse.Namespace) -> int:
    where = sources(args)
    effective = {"data_dir": config.data_path, "content_file": config.content_path}
    for field in fields(Config):
        note = where[field.name]
        if field.name in effective and not getattr(config, field.name):
            note += f" ({effective[field.name]})"
        print(f"{field.name} = {shown(field.name, getattr(config, field.name))}  # {note}")
    return 0
