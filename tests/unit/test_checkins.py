"""Check-ins: reading answers, keeping them per session, weekly figures, the pain alert."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from coach.history.checkins import (
    CheckIn,
    CheckInError,
    WeekCheckins,
    checkin_from_json,
    pain_persists,
    read_feeling,
    read_note,
    read_pain,
    weekly_checkins,
)
from coach.history.records import SessionRecord
from coach.history.store import HistoryStore
from coach.plain import ask_checkin

AT = datetime.fromisoformat("2026-03-04T08:00:00.000+01:00")


def checkin(
    feeling: str | None = None, pain: int | None = None, note: str | None = None
) -> CheckIn:
    return CheckIn(read_feeling(feeling), pain, note, AT)


def session(
    uid: str, day: str, routine: str = "feet", checkin: CheckIn | None = None
) -> SessionRecord:
    """A completed five-minute session on `day` (shared with the other check-in tests)."""
    return SessionRecord(
        uid=uid,
        routine_id=routine,
        routine_name=routine.title(),
        plan_hash=None,
        source="app",
        status="completed",
        started_at=f"{day}T07:30:00.000+01:00",
        ended_at=f"{day}T07:35:00.000+01:00",
        planned_s=300.0,
        active_s=300.0,
        paused_s=0.0,
        checkin=checkin,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7", 7), (0, 0), (10, 10), (" 3 ", 3), (None, None)],
)
def test_pain_reads_whole_numbers_from_0_to_10(value: object, expected: int | None) -> None:
    assert read_pain(value) == expected


@pytest.mark.parametrize("value", ["11", -1, "x", 2.5, True, ""])
def test_other_pain_values_are_refused_naming_the_range(value: object) -> None:
    with pytest.raises(CheckInError, match="whole number from 0 to 10"):
        read_pain(value)


def test_feeling_names_the_allowed_values() -> None:
    assert read_feeling("hard") == "hard"
    with pytest.raises(CheckInError, match="easy, right, hard"):
        read_feeling("awful")


def test_a_note_is_one_trimmed_line_and_blank_is_none() -> None:
    assert read_note("  calf\n tight ") == "calf tight"
    assert read_note("   ") is None
    assert read_note("calf\x1b[2J tight\x07") == "calf[2J tight"  # nothing for the terminal
    assert read_note("\x1b") is None


def test_json_round_trip_and_its_errors_name_the_place() -> None:
    given = CheckIn("right", None, "fine", AT)
    assert checkin_from_json(given.to_json()) == given
    assert given.to_json() == {
        "feeling": "right",
        "pain": None,
        "note": "fine",
        "at": "2026-03-04T08:00:00.000+01:00",
    }
    with pytest.raises(CheckInError, match=r"sessions\[2\].checkin: pain must"):
        checkin_from_json({**given.to_json(), "pain": 12}, "sessions[2].checkin")
    with pytest.raises(CheckInError, match="checkin.at: expected an ISO 8601 time"):
        checkin_from_json({**given.to_json(), "at": "2026-03-04T08:00:00"})


def test_the_store_keeps_one_check_in_per_session_and_replaces_it() -> None:
    with HistoryStore.in_memory() as store:
        first = store.begin_session(session("a", "2026-03-02"))
        second = store.begin_session(session("b", "2026-03-03", routine="calves"))
        store.set_checkin(first, checkin("hard", 5))
        store.set_checkin(first, checkin("right", 2, "better"))
        assert store.checkin_of(first) == checkin("right", 2, "better")
        assert store.checkin_of(second) is None
        with pytest.raises(KeyError):
            store.set_checkin(99, checkin("easy"))
        store.set_checkin(second, checkin("easy"))
        assert store.checkins_of([first, second, 99]) == {
            first: checkin("right", 2, "better"),
            second: checkin("easy"),
        }
        assert store.recent_checkins(5, routine="feet") == [checkin("right", 2, "better")]
        assert store.recent_checkins(5) == [checkin("right", 2, "better"), checkin("easy")]
        assert store.recent_checkins(1) == [checkin("easy")]
        assert [d for d, _ in store.dated_checkins()] == [date(2026, 3, 2), date(2026, 3, 3)]


def test_weekly_figures_are_twelve_monday_weeks_newest_last() -> None:
    today = date(2026, 3, 4)  # a Wednesday
    rows = [
        (date(2026, 3, 2), checkin("hard", 6)),
        (date(2026, 3, 3), checkin("right", 3)),
        (date(2026, 3, 4), checkin("easy")),
        (date(2026, 2, 24), checkin("hard")),
        (date(2025, 12, 1), checkin("hard", 9)),  # 14 weeks back: outside
    ]
    weeks = weekly_checkins(rows, today)
    assert len(weeks) == 12
    assert [w.week.weekday() for w in weeks] == [0] * 12
    assert weeks[-1] == WeekCheckins(date(2026, 3, 2), 3, 1, 4.5, 6)
    assert weeks[-2] == WeekCheckins(date(2026, 2, 23), 1, 1, None, None)
    assert weeks[0].week == date(2026, 3, 2) - timedelta(weeks=11)
    assert all(w.sessions == 0 for w in weeks[:-2])
    assert weeks[-1].to_json() == {
        "week": "2026-03-02",
        "sessions": 3,
        "hard": 1,
        "pain_mean": 4.5,
        "pain_max": 6,
    }


def test_weekly_figures_read_the_store_too() -> None:
    with HistoryStore.in_memory() as store:
        sid = store.begin_session(session("a", "2026-03-02"))
        store.set_checkin(sid, checkin("hard", 8))
        [week] = weekly_checkins(store, date(2026, 3, 8), weeks=1)
    assert week == WeekCheckins(date(2026, 3, 2), 1, 1, 8.0, 8)


@pytest.mark.parametrize(
    ("pains", "alert"),
    [
        ([7, 7], True),
        ([9, None, 8], True),  # a check-in without pain says nothing either way
        ([8, 6], False),
        ([6, 8], False),
        ([8], False),
        ([8, 9, 3], False),
    ],
)
def test_pain_persists_after_two_sessions_in_a_row_at_7_or_more(
    pains: list[int | None], alert: bool
) -> None:
    assert pain_persists([checkin(pain=p) for p in pains]) is alert


def answering(*lines: str | None) -> tuple[Callable[[str], str | None], list[str]]:
    asked: list[str] = []
    replies = iter(lines)

    def ask(prompt: str) -> str | None:
        asked.append(prompt)
        return next(replies)

    return ask, asked


def test_plain_questions_read_each_answer_and_ask_a_wrong_one_again() -> None:
    ask, asked = answering("hard", "3", "11", "4", "  calf  tight ")
    out = io.StringIO()
    assert ask_checkin(ask, out) == ("hard", 4, "calf tight")
    assert len(asked) == 5
    assert "Please type 1, 2 or 3" in out.getvalue()
    assert "from 0 to 10" in out.getvalue()


def test_plain_questions_all_skipped_or_ended_give_nothing() -> None:
    assert ask_checkin(answering("", "", "")[0], io.StringIO()) is None
    assert ask_checkin(answering("2", None)[0], io.StringIO()) is None  # Ctrl-D: no more
    assert ask_checkin(answering("", "0", "")[0], io.StringIO()) == (None, 0, None)
