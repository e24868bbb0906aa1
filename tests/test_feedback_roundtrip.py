"""Feedback end to end: a visitor submits at one kiosk, the office replies, both kiosks show the reply for
the code, and neither keeps (or ever receives) the visitor's phone, name or text once the office has it."""

from __future__ import annotations

from pathlib import Path

from kiosk.data.catalog import Catalog
from kiosk.data.submissions import FeedbackInput, RatingDetails, RatingInput, Submissions
from sync.db import office_engine
from sync.feedback_admin import close_feedback, reply_feedback, start_feedback
from sync.runner import SyncRunner
from tests.conftest import MINI
from tests.test_sync import import_doc

SECRETS = ("13812345678", "王小五", "私密的投诉内容", "13900001111", "差评里的私密说明")


def _desk(runner: SyncRunner) -> tuple[Submissions, Catalog]:
    catalog = Catalog(runner.cache)
    return Submissions(runner.outbox, lambda: catalog), catalog


def _files_hold(folder: Path, secret: str) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_submit_reply_and_read_back_at_two_kiosks(office_url: str, tmp_path: Path) -> None:
    import_doc(office_url, MINI, tmp_path)
    sender = SyncRunner(tmp_path / "sender", office_url=office_url, kiosk_id="sender")
    other = SyncRunner(tmp_path / "other", office_url=office_url, kiosk_id="other")
    sender.once()
    other.once()
    desk, catalog = _desk(sender)
    receipt = desk.add_feedback(FeedbackInput("投诉", "私密的投诉内容：窗口推诿", ("post", "SP-W1"), "王小五",
                                              "138 1234 5678"))
    rating = desk.add_rating(RatingInput(5, "SP-W1"))
    desk.finish_rating(rating.uuid, RatingDetails(("推诿扯皮",), "差评里的私密说明", "13900001111"))
    # before the office has it: this kiosk answers from what it sent
    before = desk.lookup(receipt.code)
    assert before.found and before.status == "已受理" and before.note
    sender.once()
    catalog.close()

    engine = office_engine(office_url)
    start_feedback(engine, receipt.code, actor="科员甲")
    reply_feedback(engine, receipt.code, "已约谈窗口负责人，整改情况将电话回访。", actor="科员甲")
    engine.dispose()

    for runner in (sender, other):
        runner.once()
        desk, catalog = _desk(runner)
        answer = desk.lookup(receipt.code.lower())
        catalog.close()
        assert answer.found and answer.status == "已回复", runner.kiosk_id
        assert answer.reply == "已约谈窗口负责人，整改情况将电话回访。"
        assert answer.due_date == receipt.due_date.isoformat() and answer.replied_at and answer.submitted
    for runner in (sender, other):  # the sender stripped them on confirmation; the other never had them
        for secret in SECRETS:
            assert _files_hold(runner.data_dir, secret) == [], (runner.kiosk_id, secret)

    engine = office_engine(office_url)
    close_feedback(engine, receipt.code, actor="科长乙")
    engine.dispose()
    other.once()
    desk, catalog = _desk(other)
    assert desk.lookup(receipt.code).status == "已办结"
    catalog.close()
    sender.close()
    other.close()


def test_a_record_writing_office_only_columns_is_set_aside_and_blocks_nothing(office_url: str,
                                                                              tmp_path: Path) -> None:
    import_doc(office_url, MINI, tmp_path)
    runner = SyncRunner(tmp_path / "k", office_url=office_url, kiosk_id="k")
    bad = runner.outbox.add("rating", {"level": 1, "answer": "已整改"})  # only the office answers a rating
    good = runner.outbox.add("rating", {"level": 2, "post_code": "SP-W1"})
    _, pushed = runner.once()
    assert pushed.rejected == 1 and pushed.remaining == 0
    assert [uuid for uuid, _, reason in runner.outbox.rejected() if "answer" in reason] == [bad]
    assert good not in [uuid for uuid, _, _ in runner.outbox.rejected()]
    runner.close()
