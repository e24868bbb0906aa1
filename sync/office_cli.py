"""``kiosk-office``: the office's command line over its database (PostgreSQL or the embedded file)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from kiosk.data.content_format import ContentError, ContentProblem, load_content
from kiosk.data.records import content_records
from kiosk.data.visitor_rules import FEEDBACK_KINDS
from sync.content import ImportReport, audit_lines, content_session, current_records, import_records
from sync.db import default_office_url, office_engine, upgrade
from sync.feedback_admin import OfficeError


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
    kiosks = commands.add_parser("kiosks", help="each kiosk's last contact, version, mode, revision, queue, printer, "
                                                "error")
    kiosks.add_argument("--actions", action="store_true",
                        help="list the admin actions the kiosks reported (PIN attempts, sync now, maintenance, …)")

    feedback = commands.add_parser("feedback", help="visitors' feedback: list, show, start, reply, close, note")
    steps = feedback.add_subparsers(dest="action", required=True)
    listing = steps.add_parser("list", help="all feedback, newest first")
    listing.add_argument("--overdue", action="store_true",
                         help="only open feedback past its promised reply date, the latest first")
    listing.add_argument("--kind", choices=FEEDBACK_KINDS, help="only this kind")
    show = steps.add_parser("show", help="everything about one piece of feedback, with its history")
    show.add_argument("code", help="tracking code")
    for name, what in (("start", "start handling it (→ 处理中)"), ("close", "close it (→ 已办结)")):
        step = steps.add_parser(name, help=what)
        step.add_argument("code", help="tracking code")
        _actor_option(step)
    reply = steps.add_parser("reply", help="answer it (→ 已回复); the kiosk shows the reply for the code")
    reply.add_argument("code", help="tracking code")
    reply.add_argument("text", help="the reply, as the visitor will read it")
    _actor_option(reply)
    note = steps.add_parser("note", help="an internal note (not shown at the kiosk); the status stays")
    note.add_argument("code", help="tracking code")
    note.add_argument("text")
    _actor_option(note)

    ratings = commands.add_parser("ratings", help="ratings: list, answer (follow-up of a bad rating), export")
    rating_steps = ratings.add_subparsers(dest="action", required=True)
    rating_list = rating_steps.add_parser("list", help="ratings in kiosk-time order")
    rating_list.add_argument("--bad", action="store_true", help="only 差评 (不满意, 非常不满意)")
    _period_options(rating_list, required=False)
    rating_list.add_argument("--limit", type=int, default=500, help="list at most this many (default 500)")
    answer = rating_steps.add_parser("answer", help="record the follow-up (回访) of a bad rating")
    answer.add_argument("uuid", help="the rating's uuid (or its first 8 or more characters)")
    answer.add_argument("text", help="what the follow-up found and answered")
    _actor_option(answer)
    export = rating_steps.add_parser("export", help="raw rating records as CSV (UTF-8 with BOM) for other systems")
    _period_options(export, required=True)
    export.add_argument("--out", type=Path, required=True, help="FILE.csv")
    export.add_argument("--with-phone", action="store_true", help="include the visitors' call-back numbers")

    report = commands.add_parser("report", help="satisfaction report of a period as XLSX or PDF")
    _period_options(report, required=True)
    report.add_argument("--by", choices=("department", "post", "item"), default="department",
                        help="group by department (default), window post or item")
    report.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.pdf")
    return parser


def _actor_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", default="", help="who does this (default: the login name)")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _period_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--from", dest="start", type=_date, required=required, metavar="DATE",
                        help="first day (YYYY-MM-DD, the kiosk's local date; included)")
    parser.add_argument("--to", dest="end", type=_date, required=required, metavar="DATE",
                        help="last day (included)")


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
    except OfficeError as exc:
        print(f"kiosk-office: {exc}", file=sys.stderr)
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
            print("role 'kiosk' ready: reads content, feedback status and rating counts, "
                  "inserts ratings, feedback, heartbeats")
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


#: post fields an Attachment-3 sheet does not carry (an import keeps them; "en": the post's English)
SHEET_SILENT = ("staff", "hours", "floor", "window", "en")


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
    if args.actions:
        return _admin_actions(engine)
    print(f"{'kiosk':<16} {'last contact':<20} {'version':<8} {'mode':<12} {'revision':>8} {'queue':>6} "
          f"{'printer':<10} last error")
    for row in rows:
        stamp = row.received_at.strftime("%Y-%m-%d %H:%M:%S") if row.received_at else ""
        print(f"{row.kiosk_id:<16} {stamp:<20} {row.version or '':<8} {row.mode or 'normal':<12} "
              f"{row.content_revision or 0:>8} {row.queue_depth or 0:>6} {row.printer_state or '':<10} "
              f"{row.last_error or ''}")
    return 0


def _admin_actions(engine: Engine) -> int:
    """Every admin action the kiosks reported, oldest first (each heartbeat carries those since the last)."""
    import json

    from sync.office_models import Heartbeat

    with Session(engine) as session:
        beats = session.execute(select(Heartbeat.kiosk_id, Heartbeat.admin_actions)
                                .where(Heartbeat.admin_actions.is_not(None), Heartbeat.admin_actions != "[]")
                                .order_by(Heartbeat.received_at)).all()
    lines = []
    for kiosk_id, text in beats:
        try:
            actions = json.loads(text or "[]")
        except ValueError:
            actions = [{"at": "?", "action": "unreadable", "detail": (text or "")[:80]}]
        for action in actions if isinstance(actions, list) else []:
            if isinstance(action, dict):
                lines.append(f"{action.get('at', '?'):<20} {kiosk_id:<16} {action.get('action', '?'):<16} "
                             f"{action.get('detail', '')}")
    print("\n".join(lines) if lines else "no admin actions reported")
    return 0


def _who(args: argparse.Namespace) -> str:
    return str(args.actor or getpass.getuser())


def _feedback(engine: Engine, args: argparse.Namespace) -> int:
    from sync import feedback_admin as admin

    today = date.today()
    if args.action == "list":
        rows = admin.list_feedback(engine, today=today, overdue=args.overdue, kind=args.kind)
        if not rows:
            print("no overdue feedback" if args.overdue else "no feedback")
            return 0
        for row in rows:
            late = f"{row.days_late} 天逾期" if row.days_late else ""
            excerpt = row.text.replace("\n", " ")
            excerpt = excerpt if len(excerpt) <= 30 else excerpt[:29] + "…"
            print(f"{row.code}  {row.kind:<4}  {row.status}  {admin.local_time(row.received_at)}  "
                  f"答复期限 {row.due_date or '—':<10}  {late:<8}  {row.target or '—'}  {excerpt}")
        print(f"{len(rows)} item(s)")
        return 0
    if args.action == "show":
        details = admin.show_feedback(engine, args.code, today=today)
        row = details.row
        lines = [
            ("编号", row.code), ("类别", row.kind), ("状态", row.status),
            ("对象", row.target or "—"), ("提交", f"{admin.local_time(row.received_at)}（终端 {details.kiosk_id}，"
                                                  f"终端时间 {details.kiosk_time}）"),
            ("答复期限", (row.due_date or "—") + (f"（已逾期 {row.days_late} 天）" if row.days_late else "")),
            ("姓名", details.name or "—"), ("电话", details.phone or "—"), ("内容", row.text),
            ("答复", details.reply or "—"), ("答复时间", admin.local_time(details.replied_at) or "—"),
            ("办结时间", admin.local_time(details.closed_at) or "—"),
        ]
        for label, value in lines:
            print(f"{label}：{value}")
        print("处理记录：" if details.actions else "处理记录：（无）")
        for action in details.actions:
            note = f"  {action.note}" if action.note else ""
            print(f"  {admin.local_time(action.at)}  {action.actor}  "
                  f"{admin.ACTION_NAMES.get(action.action, action.action)}{note}")
        return 0
    if args.action == "start":
        code = admin.start_feedback(engine, args.code, actor=_who(args))
        print(f"{code}: 处理中")
    elif args.action == "reply":
        code = admin.reply_feedback(engine, args.code, args.text, actor=_who(args))
        print(f"{code}: 已回复 (the kiosks show the reply after their next sync)")
    elif args.action == "close":
        code = admin.close_feedback(engine, args.code, actor=_who(args))
        print(f"{code}: 已办结")
    else:
        code = admin.note_feedback(engine, args.code, args.text, actor=_who(args))
        print(f"{code}: note recorded")
    return 0


def _ratings(engine: Engine, args: argparse.Namespace) -> int:
    from sync import feedback_admin as admin

    if args.action == "list":
        rows, total = admin.list_ratings(engine, bad=args.bad, start=args.start, end=args.end,
                                         limit=max(0, args.limit))
        for row in rows:
            where = " ".join(part for part in (row.department_code, row.post_code, row.item_code) if part) or "—"
            extra = [f"原因 {'、'.join(row.reasons)}" if row.reasons else "", f"“{row.text}”" if row.text else "",
                     f"电话 {row.phone}" if row.phone else "", f"办件 {row.case_no}" if row.case_no else "",
                     "重复按键" if row.repeated else ""]
            state = ""
            if row.level >= 4:
                state = (f"已回访 {admin.local_time(row.answered_at)} {row.answered_by}" if row.answered_at
                         else "未回访")
            print(f"{row.uuid}  {row.kiosk_time[:19]}  {row.level} {row.level_name}  {where}  "
                  f"{'  '.join(part for part in extra if part)}  {state}".rstrip())
        shown = f"{len(rows)} of {total}" if total > len(rows) else str(total)
        print(f"{shown} rating(s)" + (" (raise --limit to see more)" if total > len(rows) else ""))
        return 0
    if args.action == "answer":
        rating = admin.answer_rating(engine, args.uuid, args.text, actor=_who(args))
        print(f"{rating.uuid}: 已回访 ({rating.answered_by}, {admin.local_time(rating.answered_at)})")
        return 0
    from sync.ratings_export import export_ratings

    rows_written = export_ratings(engine, args.start, args.end, args.out, with_phone=args.with_phone)
    print(f"wrote {args.out} ({rows_written} ratings)")
    return 0


def _report(engine: Engine, args: argparse.Namespace) -> int:
    from sync.report import percent, write_report

    report = write_report(engine, args.start, args.end, args.by, args.out)
    overall = report.overall
    print(f"wrote {args.out}: {report.period}, {len(report.groups)} {report.by_label} group(s), "
          f"{overall.total} ratings counted, 满意率 {percent(overall.satisfaction)}, {overall.bad} 差评 "
          f"({overall.bad_answered} answered), {overall.repeated} repeated presses apart")
    return 0


_COMMANDS = {"init": _init, "import": _import, "export": _export, "audit": _audit, "kiosks": _kiosks,
             "feedback": _feedback, "ratings": _ratings, "report": _report}


if __name__ == "__main__":
    raise SystemExit(main())
