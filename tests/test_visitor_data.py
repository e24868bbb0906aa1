"""The write side for visitors without the screens: codes, phones, texts, ratings and feedback records."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.data import tracking
from kiosk.data.outbox import Outbox
from kiosk.data.submissions import (
    FeedbackInput,
    InputInvalid,
    RatingDetails,
    RatingInput,
    Submissions,
)
from kiosk.data.visitor_rules import (
    VisitorSettings,
    add_working_days,
    case_no_problem,
    clean_text,
    mask_phone,
    text_length,
    valid_phone,
)

CST = timezone(timedelta(hours=8))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 10, 0, 0, tzinfo=CST)  # a Friday

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    box = Outbox(tmp_path / "outbox.sqlite")
    yield box
    box.close()


@pytest.fixture
def desk(outbox: Outbox, clock: Clock) -> Submissions:
    return Submissions(outbox, lambda: None, VisitorSettings(feedback_max_chars=20), clock=clock)


# -- tracking codes ---------------------------------------------------------------------------------------
def test_codes_use_the_unambiguous_alphabet_and_check_out() -> None:
    codes = {tracking.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert len(code) == 8 and set(code) <= set(tracking.ALPHABET)
        assert not set(code) & set("01OI")
        assert tracking.check(code) is None


def test_checksum_catches_every_single_typo_and_neighbour_swap() -> None:
    for _ in range(200):
        code = tracking.new_code()
        for position in range(8):
            for char in tracking.ALPHABET:
                if char != code[position]:
                    typo = code[:position] + char + code[position + 1:]
                    assert tracking.check(typo) == "编号有误，请核对后重新输入", (code, typo)
        for position in range(7):
            # Luhn mod N's one blind spot: the first and last characters of the alphabet swapped
            if code[position] != code[position + 1] and {code[position], code[position + 1]} != {"2", "Z"}:
                swapped = code[:position] + code[position + 1] + code[position] + code[position + 2:]
                assert tracking.check(swapped) is not None


def test_code_entry_is_forgiving_about_case_and_spacing_and_clear_about_the_rest() -> None:
    code = tracking.new_code()
    assert tracking.check(tracking.spaced(code).lower()) is None
    assert tracking.check("") == "请输入8位查询编号"
    assert "8位" in (tracking.check(code[:5]) or "")
    assert "没有“0”" in (tracking.check("0" + code[1:]) or "")


# -- rules -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phone", ["13812341234", "+86 138 1234 1234", "０４５１-８２３４５６７８", "0451-82345678",
                                   "82345678", "010-82345678-123"])
def test_valid_phones(phone: str) -> None:
    assert valid_phone(phone)


@pytest.mark.parametrize("phone", ["", "12812341234", "1381234123", "138123412345", "abc", "110", "0451-0234567"])
def test_invalid_phones(phone: str) -> None:
    assert not valid_phone(phone)


def test_phones_are_masked() -> None:
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("0451-82345678") == "0451-****5678"
    assert "8234" not in mask_phone("82345678")


def test_text_is_cleaned_of_control_characters_but_keeps_emoji_and_lines() -> None:
    assert clean_text("  好\x00的\x1b[31m\u202e\n\n\n\n谢谢👍🏽\r\n  ") == "好的[31m\n\n谢谢👍🏽"
    assert text_length("谢谢👍🏽") == 3


def test_working_days_skip_weekends() -> None:
    assert add_working_days(date(2026, 11, 27), 5) == date(2026, 12, 4)  # Fri → next Fri
    assert add_working_days(date(2026, 11, 28), 1) == date(2026, 11, 30)  # Sat → Mon


def test_case_numbers() -> None:
    assert case_no_problem("2026112700123") is None
    assert case_no_problem("") and case_no_problem("12") and case_no_problem("12345#7890")


# -- ratings ---------------------------------------------------------------------------------------------------
def _payloads(outbox: Outbox) -> list[dict[str, object]]:
    return [entry.payload for entry in outbox.recent("rating", 100)][::-1]


def test_a_rating_is_on_disk_when_add_returns_and_held_until_finished(desk: Submissions, outbox: Outbox,
                                                                       tmp_path: Path) -> None:
    receipt = desk.add_rating(RatingInput(4, "P1", case_no="2026-000123"))
    # another connection (another process after a power cut) sees it at once
    with sqlite3.connect(tmp_path / "outbox.sqlite") as other:
        (payload,) = other.execute("SELECT payload FROM local_record WHERE uuid = ?", (receipt.uuid,)).fetchone()
    assert json.loads(payload)["level"] == 4
    assert outbox.pending() == []  # held: the details may follow
    assert outbox.depth() == 1
    with pytest.raises(InputInvalid) as problem:
        desk.finish_rating(receipt.uuid, RatingDetails(("态度不好",), "", "12345"))
    assert problem.value.problems[0].field == "phone"
    desk.finish_rating(receipt.uuid, RatingDetails(("态度不好", "效率低"), "等了\x07很久", "13812341234"))
    (sent,) = outbox.pending()
    assert sent.payload["reasons"] == '["态度不好", "效率低"]'
    assert sent.payload["text"] == "等了很久" and sent.payload["phone"] == "13812341234"
    assert sent.payload["case_no"] == "2026-000123" and sent.payload["channel"] == "政务大厅自助终端"


def test_a_held_rating_is_sent_anyway_when_nobody_finishes_it(outbox: Outbox) -> None:
    uuid = outbox.add("rating", {"level": 1}, hold_seconds=-1)  # as if the hold had run out
    assert [p.uuid for p in outbox.pending()] == [uuid]


def test_a_case_number_is_rated_once(desk: Submissions) -> None:
    desk.add_rating(RatingInput(1, "P1", case_no="A-20261127-01"))
    assert desk.case_rated("a-20261127-01")
    with pytest.raises(InputInvalid) as problem:
        desk.add_rating(RatingInput(2, "P1", case_no="A-20261127-01"))
    assert problem.value.problems[0].message == "该办件已评价过，感谢您的参与"


def test_repeated_presses_are_kept_and_flagged(desk: Submissions, outbox: Outbox, clock: Clock) -> None:
    first = desk.add_rating(RatingInput(1, "P1"))
    clock.advance(2)
    second = desk.add_rating(RatingInput(1, "P1"))
    clock.advance(2)
    other_post = desk.add_rating(RatingInput(2, "P2"))
    clock.advance(30)
    later = desk.add_rating(RatingInput(1, "P1"))
    assert [first.repeated, second.repeated, other_post.repeated, later.repeated] == [False, True, False, True]
    # the fourth within a minute is a burst (rating_burst_count 4): flagged even for another post …
    clock.advance(120)
    assert desk.add_rating(RatingInput(3, "P3")).repeated is False  # … but after a quiet spell, not
    assert len(_payloads(outbox)) == 5


# -- feedback ----------------------------------------------------------------------------------------------------
def test_feedback_problems_are_named_by_field(desk: Submissions) -> None:
    def fields(**kwargs: object) -> list[str]:
        values: dict[str, object] = {"kind": "投诉", "text": "窗口人员态度不好"}
        values.update(kwargs)
        return [p.field for p in desk.check_feedback(FeedbackInput(**values))]  # type: ignore[arg-type]

    assert fields() == []
    assert fields(text="  \x00 ") == ["text"]
    assert fields(text="很" * 21) == ["text"]
    assert fields(text="很" * 20) == []
    assert fields(phone="12345") == ["phone"]
    assert fields(kind="闲聊") == ["kind"]
    assert fields(kind="举报", phone="12345", anonymous=True) == []  # anonymous: the phone is not kept


def test_feedback_gets_a_code_and_a_due_date_and_can_be_looked_up(desk: Submissions, outbox: Outbox) -> None:
    receipt = desk.add_feedback(FeedbackInput("举报", "有人插队😠", ("post", "P1"), "张三", "13812341234",
                                              anonymous=True))
    assert tracking.check(receipt.code) is None
    assert receipt.due_date == date(2026, 12, 4)
    (sent,) = outbox.pending()
    assert sent.payload["name"] is None and sent.payload["phone"] is None  # anonymous report
    assert sent.payload["text"] == "有人插队😠" and sent.payload["target"] == "post:P1"
    found = desk.lookup(tracking.spaced(receipt.code).lower())
    assert found.found and found.status == "已受理" and found.due_date == "2026-12-04"
    with pytest.raises(InputInvalid):
        desk.lookup(receipt.code[:-1] + ("2" if receipt.code[-1] != "2" else "3"))
    other = tracking.new_code()
    assert desk.lookup(other).found is False


def test_once_confirmed_the_kiosk_keeps_no_phone_name_or_text(desk: Submissions, outbox: Outbox,
                                                               tmp_path: Path) -> None:
    receipt = desk.add_feedback(FeedbackInput("投诉", "独特的投诉内容甲乙丙", None, "李四", "13912345678"))
    rating = desk.add_rating(RatingInput(5, "P1"))
    desk.finish_rating(rating.uuid, RatingDetails(("其他",), "另一段独特文字丁戊", "13700001111"))
    outbox.confirm([p.uuid for p in outbox.pending()])
    assert desk.lookup(receipt.code).found  # the code still answers
    outbox.close()
    for path in tmp_path.glob("outbox.sqlite*"):
        data = path.read_bytes()
        for secret in ("13912345678", "13700001111", "李四", "独特的投诉内容", "另一段独特文字"):
            assert secret.encode() not in data, (secret, path.name)
