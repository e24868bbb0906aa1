"""The ``kiosk`` command: run the kiosk, search from a terminal, render screenshots, check content."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Config, ConfigError, load_config

if TYPE_CHECKING:
    from sync.runner import SyncRunner


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="便民服务厅 touchscreen kiosk")
    parser.add_argument("--config", type=Path, help="configuration file (TOML)")
    parser.add_argument("--data-dir", help="folder for the content cache and local records")
    parser.add_argument("--content", help="content file to load (default: the demo content)")
    parser.add_argument("--windowed", action="store_true", help="a normal window instead of fullscreen")
    parser.add_argument("--portrait", action="store_true", help="portrait orientation (1080×1920)")
    parser.add_argument("--self-test", action="store_true",
                        help="build the kiosk offscreen, render every screen, open the cache, exit 0 if all is well")
    commands = parser.add_subparsers(dest="command")
    search = commands.add_parser("search", help="print the ranked matches for a query")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20)
    shots = commands.add_parser("screenshots", help="render every screen offscreen to PNG files")
    shots.add_argument("directory", type=Path)
    shots.add_argument("--mode", action="append", choices=("elderly", "contrast"), default=[],
                       help="render in 长辈模式 (large text) or high contrast; give both for both")
    shots.add_argument("--lang", choices=("zh", "en"), default=None, help="UI language (default: the configured one)")
    guide = commands.add_parser("guide", help="write the printed service guide (办事指南) of an item as PDF")
    guide.add_argument("code", help="the item's 基本编码, e.g. 000117001001")
    guide.add_argument("--out", type=Path, required=True, help="PDF file to write")
    check = commands.add_parser("check-content", help="validate a content file and report every problem")
    check.add_argument("file", type=Path)
    sync = commands.add_parser("sync", help="sync with the office database")
    mode = sync.add_mutually_exclusive_group(required=True)
    mode.add_argument("--once", action="store_true", help="run one full sync and print what it did")
    mode.add_argument("--status", action="store_true", help="show the sync state")
    sync.add_argument("--office", help="office database URL (overrides office_url)")
    config = commands.add_parser("config", help="validate or show the effective configuration")
    what = config.add_mutually_exclusive_group(required=True)
    what.add_argument("--check", action="store_true", help="validate it: exit 0 if usable, 2 with the problem")
    what.add_argument("--show", action="store_true", help="print every setting and where it comes from")
    config.add_argument("--config", dest="config_file", type=Path, help="configuration file (TOML)")
    set_pin = commands.add_parser("set-pin", help="set the admin PIN (its hash is written into the configuration)")
    set_pin.add_argument("--config", dest="config_file", type=Path,
                         help="configuration file to write (default: the system file as root, else the user's)")
    # the read-aloud engine's own process (kiosk/speech_worker.py), started by the kiosk: not for people
    commands.add_parser("speech-worker", help=argparse.SUPPRESS)
    return parser


def _config(args: argparse.Namespace) -> Config:
    return load_config(
        args.config, data_dir=args.data_dir, content_file=args.content,
        fullscreen=False if args.windowed else None,
        orientation="portrait" if args.portrait else None,
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "speech-worker":  # no configuration, no app: it starts on a visitor's tap
        from kiosk.speech_worker import main as speech_worker

        return speech_worker()
    if getattr(args, "config_file", None) is not None:
        args.config = args.config_file
    if args.command == "set-pin":  # before the configuration is loaded: the file may not exist yet
        from kiosk.set_pin_cli import run as set_pin

        return set_pin(args.config)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        config = _config(args)
    except ConfigError as exc:
        print(f"kiosk: configuration error: {exc}", file=sys.stderr)
        return 2
    if args.command == "config":
        from kiosk.config_cli import check, show

        return check(config, args) if args.check else show(config, args)
    if args.self_test and args.command is None:
        from kiosk import selftest

        logging.getLogger().setLevel(logging.WARNING)  # its checks print to stdout; stderr is for problems
        return selftest.run(config)
    if args.command == "search":
        return _search(config, args.query, args.limit)
    if args.command == "screenshots":
        from kiosk.screenshots import render_all
        from kiosk.visitor_mode import VisitorMode

        mode = VisitorMode(elderly="elderly" in args.mode, contrast="contrast" in args.mode,
                           language=args.lang or config.language)
        return render_all(config, args.directory, mode)
    if args.command == "check-content":
        return _check_content(args.file)
    if args.command == "guide":
        return _guide(config, args.code, args.out)
    if args.command == "sync":
        return _sync(config, once=args.once, office=args.office)
    return _run(config)


def _runner(config: Config, office: str | None = None) -> SyncRunner:
    from sync.runner import SyncRunner

    return SyncRunner(config.data_path, office_url=office or config.office_url, content_file=config.content_path,
                      kiosk_id=config.kiosk_id)


def _sync(config: Config, *, once: bool, office: str | None) -> int:
    runner = _runner(config, office)
    try:
        if once:
            try:
                pulled, pushed = runner.once()
            except Exception as exc:
                print(f"kiosk sync: failed: {type(exc).__name__}: {exc}", file=sys.stderr)
                return 1
            print(pulled.line())
            print(pushed.line())
            return 0
        from sync.runner import printer_state

        print(runner.status().describe())
        print(f"{'printer':>18}: {printer_state(runner.data_dir)}")
        return 0
    finally:
        runner.close()


def _search(config: Config, query: str, limit: int) -> int:
    from kiosk.data.catalog import Catalog
    from kiosk.data.search import SearchIndex

    runner = _runner(config)
    try:
        runner.once()
    except Exception as exc:
        if not runner.cache_usable():
            print(f"kiosk: no content to search: {exc}", file=sys.stderr)
            return 1
        print(f"kiosk: searching the content cached before (sync failed: {exc})", file=sys.stderr)
    catalog = Catalog(runner.cache)
    result = SearchIndex(catalog.search_entries()).search(query, limit=limit)
    if result.empty:
        print(f"没有找到与“{query}”相关的事项 (no match)", file=sys.stderr)
        return 1
    for entry in result.entries:
        print(f"{entry.code}\t{entry.name}\t{entry.department_name}")
    if result.more:
        print(f"… more than {limit} matches", file=sys.stderr)
    return 0


def _guide(config: Config, code: str, out: Path) -> int:
    from datetime import datetime

    from kiosk.data.catalog import Catalog
    from kiosk.printing.guide_pdf import guide_pdf

    runner = _runner(config)
    try:
        runner.once()
    except Exception as exc:
        if not runner.cache_usable():
            print(f"kiosk: no content: {exc}", file=sys.stderr)
            return 1
        print(f"kiosk: using the content cached before (sync failed: {exc})", file=sys.stderr)
    catalog = Catalog(runner.cache)
    try:
        if catalog.find_item_guide(code) is None:
            print(f"kiosk guide: no item has the code {code!r} (see `kiosk search WORD` for codes)", file=sys.stderr)
            return 1
        data = guide_pdf(catalog, code, generated=datetime.now(), portal_item_url=config.portal_item_url)
    finally:
        catalog.close()
        runner.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    partial.write_bytes(data)
    partial.replace(out)
    print(f"{out}: {len(data)} bytes")
    return 0


def _check_content(path: Path) -> int:
    from kiosk.data.content_format import ContentError, load_content

    try:
        content = load_content(path)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s); the file was not loaded.", file=sys.stderr)
        return 1
    for warning in content.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{path}: OK — {len(content.items)} items, {len(content.departments)} departments, "
          f"{len(content.posts)} posts, {len(content.topics)} topics")
    return 0


def _run(config: Config) -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")):
        print("kiosk: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
              "  Run it on the kiosk's screen, under Xvfb (xvfb-run -a kiosk --windowed),\n"
              "  or render every screen to PNG files instead:  kiosk screenshots DIR",
              file=sys.stderr)
        return 2
    from kiosk import runtime

    return runtime.run(config)


if __name__ == "__main__":
    raise SystemExit(main())
