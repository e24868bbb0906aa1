"""``kiosk-office``: the office's command line over its database (PostgreSQL or the embedded file)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from kiosk.data.content_format import ContentError, ContentProblem, load_content
from kiosk.data.records import content_records
from sync.content import ImportReport, audit_lines, content_session, current_records, import_records
from sync.db import default_office_url, office_engine, upgrade


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk-office", description="office side of the lobby kiosk")
    parser.add_argument("--db", default=os.environ.get("KIOSK_OFFICE_DB", ""),
                        help="office database URL (default: the embedded file in the kiosk's data folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="create or upgrade the schema (and the kiosk role on PostgreSQL)")
    init.add_argument("--kiosk-password", default=os.environ.get("KIOSK_OFFICE_KIOSK_PASSWORD", ""),
                      help="password of the least-privilege 'kiosk' role (PostgreSQL)")
    load = commands.add_parser("import", help="import a content file (.yaml) or an Attachment-3 sheet (.xlsx)")
    load.add_argument("path", type=Path)
    load.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    load.add_argument("--department", help="department code of an Attachment-3 sheet")
    load.add_argument("--actor", default="", help="who makes the change (default: the login name)")
    export = commands.add_parser("export", help="write the current content to a content file")
    export.add_argument("path", type=Path)
    audit = commands.add_parser("audit", help="recent content changes: who, when, what")
    audit.add_argument("--limit", type=int, default=50)
    commands.add_parser("kiosks", help="each kiosk's last contact, version, revision, queue, printer, error")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = args.db or _default_url()
    try:
        engine = office_engine(url)
        return _COMMANDS[args.command](engine, args)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s): nothing was imported.", file=sys.stderr)
        return 1
    except OperationalError as exc:
        print(f"kiosk-office: cannot use the office database: {str(exc.orig or exc).splitlines()[0]}",
              file=sys.stderr)
        return 3
    except SQLAlchemyError as exc:
        print(f"kiosk-office: database error: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 3


def _default_url() -> str:
    from kiosk.config import load_config

    return default_office_url(load_config(None).data_path)


def _init(engine: Engine, args: argparse.Namespace) -> int:
    upgrade(engine)
    print(f"office database ready: {engine.url.render_as_string(hide_password=True)}")
    if engine.dialect.name == "postgresql":
        if not args.kiosk_password:
            print("kiosk role not changed: give --kiosk-password (or KIOSK_OFFICE_KIOSK_PASSWORD)",
                  file=sys.stderr)
        else:
            from sync.db import create_kiosk_role

            create_kiosk_role(engine, args.kiosk_password)
            print("role 'kiosk' ready: reads content and feedback status, inserts ratings, feedback, heartbeats")
    return 0


def _import(engine: Engine, args: argparse.Namespace) -> int:
    path: Path = args.path
    actor = args.actor or getpass.getuser()
    with content_session(engine) as session, session.begin():
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            report = _import_sheet(session, path, args.department, actor, args.dry_run)
        else:
            records = content_records(load_content(path))
            report = import_records(session, records, actor=actor, source=str(path), dry_run=args.dry_run)
    for line in report.lines():
        print(line)
    verb = "would change" if args.dry_run else "changed"
    total = len(report.inserted) + len(report.updated) + len(report.deleted)
    if not report.changed:
        print("nothing to change: the office already has this content")
    else:
        suffix = f" (revision {report.revision})" if report.revision else ""
        print(f"{verb} {total} record(s): {len(report.inserted)} new, {len(report.updated)} updated, "
              f"{len(report.deleted)} removed{suffix}")
    return 0


def _import_sheet(session: Session, path: Path, department: str | None, actor: str, dry_run: bool) -> ImportReport:
    from sync.attachment3 import read_attachment3

    if not department:
        raise ContentError([_problem(path, "--department CODE is required for an Attachment-3 sheet")])
    current = current_records(session)
    if ("department", department) not in current:
        raise ContentError([_problem(path, f"department {department!r} is not in the office content; "
                                           "import the content file first")])
    sheet = read_attachment3(path, department)
    records = {key: body for key, body in current.items() if key[0] != "post" or body["department"] != department}
    for post in sheet.posts:
        # the sheet has no staff, hours or floor plan: keep what the office already knows of the post
        known = current.get(("post", post["code"]), {})
        kept = {k: known[k] for k in SHEET_SILENT if known.get(k) and not post.get(k)}
        records[("post", post["code"])] = {**post, **kept}
    still_named = sorted(
        (body["post"], body["name"]) for (kind, _), body in current.items()
        if kind == "item" and body.get("post") and ("post", body["post"]) in current
        and ("post", body["post"]) not in records
    )
    if still_named:
        raise ContentError([_problem(path, f"post {post} would be removed but item {name} names it as its "
                                           "window; change the item first") for post, name in still_named])

    def owned(key: tuple[str, str], body: dict[str, object]) -> bool:
        return key[0] == "post" and body.get("department") == department

    return import_records(session, records, actor=actor, source=str(path), scope=owned, dry_run=dry_run)


#: post fields an Attachment-3 sheet does not carry (an import keeps them)
SHEET_SILENT = ("staff", "hours", "floor", "window")


def _problem(path: Path, message: str) -> ContentProblem:
    return ContentProblem(path.name, 0, "import", message)


def _export(engine: Engine, args: argparse.Namespace) -> int:
    from sync.export import write_export

    with Session(engine) as session:
        records = current_records(session)
    write_export(records, args.path)
    items = sum(1 for kind, _ in records if kind == "item")
    print(f"wrote {args.path} ({items} items)")
    return 0


def _audit(engine: Engine, args: argparse.Namespace) -> int:
    with Session(engine) as session:
        lines = audit_lines(session, args.limit)
    print("\n".join(lines) if lines else "no content changes recorded")
    return 0


def _kiosks(engine: Engine, args: argparse.Namespace) -> int:
    from sync.office_models import Heartbeat

    with Session(engine) as session:
        latest = (select(Heartbeat.kiosk_id, func.max(Heartbeat.received_at).label("at"))
                  .group_by(Heartbeat.kiosk_id).subquery())
        rows = session.execute(
            select(Heartbeat).join(latest, (Heartbeat.kiosk_id == latest.c.kiosk_id)
                                   & (Heartbeat.received_at == latest.c.at)).order_by(Heartbeat.kiosk_id)
        ).scalars().all()
    if not rows:
        print("no kiosk has reported yet")
        return 0
    print(f"{'kiosk':<16} {'last contact':<20} {'version':<8} {'revision':>8} {'queue':>6} {'printer':<10} last error")
    for row in rows:
        stamp = row.received_at.strftime("%Y-%m-%d %H:%M:%S") if row.received_at else ""
        print(f"{row.kiosk_id:<16} {stamp:<20} {row.version or '':<8} {row.content_revision or 0:>8} "
              f"{row.queue_depth or 0:>6} {row.printer_state or '':<10} {row.last_error or ''}")
    return 0


_COMMANDS = {"init": _init, "import": _import, "export": _export, "audit": _audit, "kiosks": _kiosks}


if __name__ == "__main__":
    raise SystemExit(main())
