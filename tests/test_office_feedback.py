"""The office handles feedback and bad ratings with kiosk-office: each step, its audit trail, the overdue
list and the clear refusals, on both backends (the commands run in-process against a real database)."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select
from sqlalchemy.engine import Engine

from kiosk.data.tracking import new_code, spaced
from sync.db import office_engine
from sync.office_cli import main as office_main
from sync.office_models import Feedback, FeedbackAction, Rating, feedback_status_view


@pytest.fixture
def office(office_url: str) -> Iterator[Engine]:
    engine = office_engine(office_url)
    try:
        yield engine
    finally:
        engine.dispose()


class Cli:
    def __init__(self, engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
        self.url = engine.url.render_as_string(hide_password=False)
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = office_main(["--db", self.url, *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(office: Engine, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(office, capsys)


def add_feedback(engine: Engine, *, kind: str = "投诉", due: date | None = None, status: str | None = None,
                 text: str = "3号窗口让我跑了三趟", received: datetime | None = None) -> str:
    code = new_code()
    values: dict[str, Any] = {
        "uuid": f"f-{code}", "code": code, "kiosk_id": "k1", "kiosk_time": "2026-11-20T10:00:00.000+08:00",
        "kind": kind, "target": "post:SP-W1", "text": text, "name": "王五", "phone": "13912345678",
        "due_date": (due or date.today() + timedelta(days=5)).isoformat(),
    }
    if status is not None:
        values["status"] = status
    if received is not None:
        values["received_at"] = received
    with engine.begin() as connection:
        connection.execute(insert(Feedback).values(values))
    return code


def test_start_reply_close_each_recorded_with_who_and_when(office: Engine, cli: Cli) -> None:
    code = add_feedback(office)
    before = datetime.now(UTC) - timedelta(seconds=5)

    assert cli("feedback", "start", code, "--actor", "李科长") == (0, f"{code}: 处理中\n", "")
    reply = "已约谈窗口负责人，材料一次告知。"
    done, out, _ = cli("feedback", "reply", spaced(code).lower(), reply, "--actor", "王科员")
    assert done == 0 and out.startswith(f"{code}: 已回复")
    assert cli("feedback", "close", code, "--actor", "李科长")[:2] == (0, f"{code}: 已办结\n")

    with office.connect() as connection:
        feedback = connection.execute(select(Feedback).where(Feedback.code == code)).one()
        actions = connection.execute(select(FeedbackAction.actor, FeedbackAction.action, FeedbackAction.note,
                                            FeedbackAction.at)
                                     .where(FeedbackAction.code == code).order_by(FeedbackAction.id)).all()
        status = connection.execute(select(feedback_status_view).where(feedback_status_view.c.code == code)).one()
    assert feedback.status == "已办结" and feedback.reply == "已约谈窗口负责人，材料一次告知。"
    assert feedback.replied_at is not None and feedback.closed_at is not None
    assert [(a.actor, a.action, a.note) for a in actions] == [
        ("李科长", "start", None), ("王科员", "reply", "已约谈窗口负责人，材料一次告知。"), ("李科长", "close", None)]
    for action in actions:
        at = action.at if action.at.tzinfo else action.at.replace(tzinfo=UTC)
        assert before <= at <= datetime.now(UTC) + timedelta(seconds=5)
    assert (status.status, status.reply, status.due_date) == ("已办结", feedback.reply, feedback.due_date)

    done, out, _ = cli("feedback", "show", code)
    assert done == 0
    assert f"编号：{code}" in out and "状态：已办结" in out and "电话：13912345678" in out
    assert "内容：3号窗口让我跑了三趟" in out and "答复：已约谈窗口负责人，材料一次告知。" in out
    history = out.split("处理记录：")[1].strip().splitlines()
    assert [line.split()[2:4] for line in history] == [["李科长", "开始办理"], ["王科员", "答复"], ["李科长", "办结"]]


def test_the_actor_defaults_to_the_login_name_and_notes_keep_the_status(office: Engine, cli: Cli) -> None:
    code = add_feedback(office, kind="表扬")
    assert cli("feedback", "note", code, "已电话致谢")[0] == 0
    assert cli("feedback", "close", code)[0] == 0  # praise needs no reply
    _, out, _ = cli("feedback", "show", code)
    assert f"{getpass.getuser()}  备注  已电话致谢" in out and f"{getpass.getuser()}  办结" in out
    assert "答复：—" in out


REFUSALS = [
    (("feedback", "show", "ZZZZZZZZ"), "no feedback with tracking code ZZZZZZZZ"),
    (("feedback", "reply", "{code}", "   "), "the reply is empty"),
    (("feedback", "start", "{closed}"), "is 已办结 already: only 已受理 feedback can be started"),
    (("feedback", "close", "{closed}"), "was closed already on"),
    (("feedback", "reply", "{closed}", "迟到的答复"), "it takes no reply"),
    (("feedback", "note", "{code}", ""), "the note is empty"),
    (("feedback", "start", "{code}", "--actor", " "), "say who does this"),
]


@pytest.mark.parametrize(("args", "message"), REFUSALS, ids=[" ".join(a[:2]) + f" {i}" for i, (a, _) in
                                                           enumerate(REFUSALS)])
def test_impossible_steps_are_refused_clearly_and_change_nothing(office: Engine, cli: Cli, args: tuple[str, ...],
                                                                 message: str) -> None:
    code = add_feedback(office)
    closed = add_feedback(office)
    assert cli("feedback", "close", closed, "--actor", "李科长")[0] == 0
    with office.connect() as connection:
        before = connection.execute(select(Feedback.code, Feedback.status, Feedback.reply)).all()
        actions_before = len(connection.execute(select(FeedbackAction.id)).all())
    done, out, err = cli(*(arg.format(code=code, closed=closed) for arg in args))
    assert done == 1 and out == "" and message in err and err.startswith("kiosk-office: ")
    with office.connect() as connection:
        assert connection.execute(select(Feedback.code, Feedback.status, Feedback.reply)).all() == before
        assert len(connection.execute(select(FeedbackAction.id)).all()) == actions_before


def test_starting_twice_is_refused(office: Engine, cli: Cli) -> None:
    code = add_feedback(office)
    assert cli("feedback", "start", code)[0] == 0
    done, _, err = cli("feedback", "start", code)
    assert done == 1 and f"{code} is 处理中 already" in err


def test_a_reply_can_be_corrected_until_closed_and_both_versions_stay(office: Engine, cli: Cli) -> None:
    code = add_feedback(office)
    cli("feedback", "reply", code, "第一版答复", "--actor", "甲")
    cli("feedback", "reply", code, "更正后的答复", "--actor", "乙")
    with office.connect() as connection:
        assert connection.execute(select(Feedback.reply).where(Feedback.code == code)).scalar_one() == "更正后的答复"
        notes = connection.execute(select(FeedbackAction.note).where(FeedbackAction.action == "reply")
                                   .order_by(FeedbackAction.id)).scalars().all()
    assert notes == ["第一版答复", "更正后的答复"]


def test_overdue_lists_the_open_ones_past_their_date_latest_first(office: Engine, cli: Cli) -> None:
    today = date.today()
    three = add_feedback(office, due=today - timedelta(days=3), status="处理中", text="三天")
    ten = add_feedback(office, due=today - timedelta(days=10), text="十天")
    add_feedback(office, due=today - timedelta(days=20), status="已回复", text="答复了")
    add_feedback(office, due=today - timedelta(days=30), status="已办结", text="办结了")
    add_feedback(office, due=today, text="今天到期")
    add_feedback(office, due=today + timedelta(days=1), text="明天到期")
    praise = add_feedback(office, kind="表扬", due=today - timedelta(days=1), text="表扬")

    done, out, _ = cli("feedback", "list", "--overdue")
    lines = out.splitlines()
    assert done == 0 and lines[-1] == "3 item(s)"
    assert [line.split()[0] for line in lines[:-1]] == [ten, three, praise]
    assert "10 天逾期" in lines[0] and "3 天逾期" in lines[1] and "1 天逾期" in lines[2]

    _, out, _ = cli("feedback", "list", "--overdue", "--kind", "投诉")
    assert [line.split()[0] for line in out.splitlines()[:-1]] == [ten, three]
    _, out, _ = cli("feedback", "list")
    assert out.splitlines()[-1] == "7 item(s)"
    _, out, _ = cli("feedback", "list", "--kind", "举报")
    assert out == "no feedback\n"
    _, out, _ = cli("feedback", "show", ten)
    assert f"答复期限：{(today - timedelta(days=10)).isoformat()}（已逾期 10 天）" in out

    cli("feedback", "reply", ten, "已处理")
    _, out, _ = cli("feedback", "list", "--overdue", "--kind", "投诉")
    assert [line.split()[0] for line in out.splitlines()[:-1]] == [three]


def test_the_whole_list_is_newest_first(office: Engine, cli: Cli) -> None:
    old = add_feedback(office, received=datetime(2026, 1, 5, 8, 0, tzinfo=UTC))
    new = add_feedback(office, received=datetime(2026, 3, 5, 8, 0, tzinfo=UTC))
    _, out, _ = cli("feedback", "list")
    assert [line.split()[0] for line in out.splitlines()[:-1]] == [new, old]


def _rating(engine: Engine, uuid: str, level: int, **fields: Any) -> None:
    with engine.begin() as connection:
        connection.execute(insert(Rating).values({"uuid": uuid, "kiosk_id": "k1", "level": level, "post_code": "SP-W1",
                                                  "kiosk_time": "2026-11-20T10:00:00.000+08:00", **fields}))


def test_a_bad_rating_is_answered_once_and_listed_with_its_follow_up(office: Engine, cli: Cli) -> None:
    bad = "6f1c2d3e-1111-4000-8000-000000000001"
    _rating(office, bad, 5, reasons='["态度不好", "其他"]', text="窗口没人", phone="13812341234")
    _rating(office, "6f1c2d3e-0000-4000-8000-000000000002", 1)
    _rating(office, "9a9a9a9a-0000-4000-8000-000000000003", 4, kiosk_time="2026-12-01T10:00:00.000+08:00")

    done, out, _ = cli("ratings", "list", "--bad", "--from", "2026-11-01", "--to", "2026-11-30")
    assert done == 0 and out.splitlines()[-1] == "1 rating(s)"
    assert bad in out and "原因 态度不好、其他" in out and "“窗口没人”" in out and "电话 13812341234" in out
    assert out.splitlines()[0].endswith("未回访")

    done, out, _ = cli("ratings", "answer", bad[:13], "已回访，向当事人致歉", "--actor", "李科长")
    assert done == 0 and out.startswith(f"{bad}: 已回访 (李科长, ")
    with office.connect() as connection:
        row = connection.execute(select(Rating.answer, Rating.answered_by, Rating.answered_at)
                                 .where(Rating.uuid == bad)).one()
    assert row.answer == "已回访，向当事人致歉" and row.answered_by == "李科长" and row.answered_at is not None
    _, out, _ = cli("ratings", "list", "--bad")
    assert "已回访" in out.splitlines()[0] and "李科长" in out.splitlines()[0]
    assert out.splitlines()[-1] == "2 rating(s)"

    refusals = [
        (("ratings", "answer", bad, "再来一次"), "was answered already on"),
        (("ratings", "answer", "6f1c2d3e-0000-4000-8000-000000000002", "好评"), "only 差评"),
        (("ratings", "answer", "6f1c2d3e", "x"), "more than one rating starts with 6f1c2d3e"),
        (("ratings", "answer", "abc", "x"), "no rating with uuid abc"),
        (("ratings", "answer", "9a9a9a9a", " "), "the answer is empty"),
        (("ratings", "list", "--from", "2026-12-01", "--to", "2026-11-01"), "--from 2026-12-01 is after --to"),
    ]
    for args, message in refusals:
        done, _, err = cli(*args)
        assert done == 1 and message in err, (args, err)


def test_ratings_list_is_limited_and_says_how_many_there_are(office: Engine, cli: Cli) -> None:
    for index in range(5):
        _rating(office, f"r-{index}", 1 + index % 5)
    _, out, _ = cli("ratings", "list", "--limit", "2")
    assert out.splitlines()[-1] == "2 of 5 rating(s) (raise --limit to see more)"
