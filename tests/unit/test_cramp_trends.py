"""Cramp trends: weekly counts, the regular start, and the before-and-after comparison."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coach.cramps.trends import (
    Comparison,
    compare,
    cramp_trends,
    regular_start,
    weekly_counts,
)

TODAY = date(2024, 5, 15)  # a Wednesday


def days(start: date, *offsets: int) -> list[date]:
    return [start + timedelta(days=n) for n in offsets]


def test_weekly_counts_cover_12_monday_weeks_ending_with_this_one() -> None:
    cramps = [date(2024, 5, 13), date(2024, 5, 15), date(2024, 5, 12), date(2024, 2, 19)]
    sessions = [date(2024, 5, 14), date(2024, 5, 14), date(2024, 2, 25), date(2024, 2, 18)]
    weeks = weekly_counts(cramps, sessions, TODAY)
    assert len(weeks) == 12
    assert weeks[0].start == date(2024, 2, 26) and weeks[-1].start == date(2024, 5, 13)
    assert all(w.start.weekday() == 0 for w in weeks)
    assert (weeks[-1].cramps, weeks[-1].sessions) == (2, 2)
    assert (weeks[-2].cramps, weeks[-2].sessions) == (1, 0)  # Sunday 12 May
    # 19 and 25 February fall in the week before the first one shown.
    assert sum(w.cramps for w in weeks) == 3 and sum(w.sessions for w in weeks) == 2


def test_weekly_counts_of_nothing_are_zeros_and_no_weeks_is_empty() -> None:
    assert [(w.cramps, w.sessions) for w in weekly_counts([], [], TODAY)] == [(0, 0)] * 12
    assert weekly_counts([TODAY], [TODAY], TODAY, weeks=0) == []


START = date(2024, 3, 4)


@pytest.mark.parametrize(
    ("active", "expected"),
    [
        ([], None),
        (days(START, 0, 1, 2), None),  # only 3 days
        (days(START, 0, 2, 4, 7), None),  # 4 days, but spread over 8
        (days(START, 0, 2, 4, 6), START),  # 4 days within 7: the first of them
        (days(START, 0, 0, 1, 1, 2, 2), None),  # two sessions a day still count as one day
        (days(START, 0, 10, 12, 13, 15, 30), START + timedelta(days=10)),
        (days(START, 5, 3, 1, 0), START),  # any order
    ],
)
def test_regular_start_is_the_first_of_4_active_days_within_7(
    active: list[date], expected: date | None
) -> None:
    assert regular_start(active) == expected


def regular_from(start: date) -> list[date]:
    """Sessions on four days in a row from `start`, then every other day until TODAY."""
    sessions = days(start, 0, 1, 2, 3)
    day = start + timedelta(days=5)
    while day <= TODAY:
        sessions.append(day)
        day += timedelta(days=2)
    return sessions


def test_no_cramps_at_all() -> None:
    result = compare([], regular_from(date(2024, 1, 1)), TODAY)
    assert (result.state, result.recent, result.before) == ("no-cramps", 0, None)
    assert result.sentence() == "No cramps logged yet."


def test_no_regular_start_yet() -> None:
    result = compare([TODAY, TODAY - timedelta(days=27), TODAY - timedelta(days=28)], [], TODAY)
    assert (result.state, result.recent, result.regular_start) == ("not-regular-yet", 2, None)
    assert result.sentence() == (
        "2 cramps in the last 4 weeks. Once you have done a routine on 4 days within a week,"
        " coach can set this beside the 4 weeks before you started."
    )


@pytest.mark.parametrize(
    ("start_days_ago", "state"),
    [(26, "too-soon"), (27, "compared")],
)
def test_the_last_4_weeks_must_lie_wholly_after_the_regular_start(
    start_days_ago: int, state: str
) -> None:
    start = TODAY - timedelta(days=start_days_ago)
    cramps = [start - timedelta(days=40)]  # the diary began well before
    assert compare(cramps, regular_from(start), TODAY).state == state


def test_too_soon_says_when_there_will_be_enough_weeks() -> None:
    start = date(2024, 5, 1)
    result = compare([date(2024, 3, 1)], regular_from(start), TODAY)
    assert result.sentence() == (
        "0 cramps in the last 4 weeks. You started regularly on 1 May 2024; from 28 May 2024"
        " there will be 4 full weeks to set beside the 4 weeks before."
    )


@pytest.mark.parametrize(
    ("diary_days_before", "state"), [(27, "no-diary-before"), (28, "compared")]
)
def test_the_diary_must_cover_the_4_weeks_before_the_regular_start(
    diary_days_before: int, state: str
) -> None:
    start = date(2024, 3, 4)
    cramps = [start - timedelta(days=diary_days_before), TODAY]
    result = compare(cramps, regular_from(start), TODAY)
    assert result.state == state
    assert result.diary_start == start - timedelta(days=diary_days_before)


def test_an_early_session_counts_as_the_start_of_the_diary() -> None:
    start = date(2024, 3, 4)
    sessions = [start - timedelta(days=60), *regular_from(start)]
    result = compare([TODAY], sessions, TODAY)
    assert (result.state, result.before, result.recent) == ("compared", 0, 1)


def test_no_diary_before_is_said_plainly() -> None:
    result = compare([date(2024, 3, 1)], regular_from(date(2024, 3, 4)), TODAY)
    assert result.sentence() == (
        "0 cramps in the last 4 weeks. Your diary begins less than 4 weeks before you"
        " started regularly on 4 March 2024, so there is nothing to set it beside."
    )


def test_the_comparison_counts_each_period_exactly() -> None:
    start = date(2024, 3, 4)
    before = [
        start - timedelta(days=29),  # outside: 29 days before
        start - timedelta(days=28),  # first day of the 4 weeks before
        start - timedelta(days=10),
        start - timedelta(days=1),  # last day before
    ]
    between = [start, start + timedelta(days=20)]  # after the start, before the last 4 weeks
    recent = [TODAY - timedelta(days=27), TODAY]
    result = compare(before + between + recent, regular_from(start), TODAY)
    assert (result.state, result.before, result.recent) == ("compared", 3, 2)
    assert result.regular_start == start
    assert result.recent_per_week == 0.5 and result.before_per_week == 0.75
    assert result.sentence() == (
        "2 cramps in the last 4 weeks (0.5 a week), 3 in the 4 weeks before you started"
        " regularly on 4 March 2024 (0.8 a week)."
    )


def test_one_cramp_is_singular() -> None:
    assert compare([TODAY], [], TODAY).sentence().startswith("1 cramp in the last 4 weeks.")


def test_trends_as_json() -> None:
    trends = cramp_trends([TODAY], regular_from(date(2024, 5, 1)), TODAY)
    data = trends.to_json()
    assert len(data["weeks"]) == 12
    assert data["weeks"][-1] == {"start": "2024-05-13", "cramps": 1, "sessions": 1}
    assert data["comparison"] == {
        "state": "too-soon",
        "recent": 1,
        "recent_per_week": 0.25,
        "before": None,
        "before_per_week": None,
        "regular_start": "2024-05-01",
        "diary_start": "2024-05-01",
        "sentence": trends.comparison.sentence(),
    }


def test_a_comparison_without_before_has_no_weekly_average_before() -> None:
    assert Comparison("no-cramps", 0, None, None, None).before_per_week is None
