"""Streak rules on fixed dates: pending today, planned rest days per Monday-Sunday week."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.history.streaks import Streaks, streaks

TODAY = date(2024, 5, 15)  # a Wednesday


def ago(*days: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in days]


@pytest.mark.parametrize(
    ("why", "days", "rest", "expected"),
    [
        ("nothing yet", [], 0, Streaks(0, 0)),
        ("today only", ago(0), 0, Streaks(1, 1)),
        ("yesterday only: today is pending", ago(1), 0, Streaks(1, 1)),
        ("two days ago only: yesterday broke it", ago(2), 0, Streaks(0, 1)),
        ("five days up to today", ago(0, 1, 2, 3, 4), 0, Streaks(5, 5)),
        ("five days up to yesterday", ago(1, 2, 3, 4, 5), 0, Streaks(5, 5)),
        ("a gap: longest is the older run", ago(0, 1, 3, 4, 5, 6), 0, Streaks(2, 4)),
        # Week of Mon 13 to Sun 19 May; 10 and 11 May are the Friday and Saturday before.
        ("a rest day on Tuesday is forgiven", ago(0, 2, 3, 4, 5), 1, Streaks(5, 5)),
        ("the same gap breaks it without rest days", ago(0, 2, 3, 4, 5), 0, Streaks(1, 4)),
        ("a second missed day in a week breaks it", ago(0, 3, 4, 5, 6), 1, Streaks(1, 4)),
        (
            "two rest days in a week are forgiven with two allowed",
            ago(0, 3, 4, 5),
            2,
            Streaks(4, 4),
        ),
        # Missed Sun 12 (week of 6 May) and Mon 13 (week of 13 May): one in each week.
        ("rest days are counted per week", ago(1, 4, 5, 6, 7), 1, Streaks(5, 5)),
        ("yesterday a rest day, today pending", ago(2, 3, 4), 1, Streaks(3, 3)),
        (
            "a session dated tomorrow (a trip east) counts",
            [TODAY + timedelta(days=1), TODAY],
            0,
            Streaks(2, 2),
        ),
    ],
)
def test_streaks(why: str, days: list[date], rest: int, expected: Streaks) -> None:
    assert streaks(days, TODAY, rest) == expected, why


def test_duplicate_days_count_once() -> None:
    assert streaks(ago(0, 0, 1, 1), TODAY) == Streaks(2, 2)


def naive_current(days: set[date], today: date) -> int:
    """Consecutive days back from today (or from yesterday while today is pending)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


day_sets = st.sets(st.integers(min_value=0, max_value=60).map(lambda n: TODAY - timedelta(days=n)))


@given(day_sets)
def test_without_rest_days_the_current_streak_is_the_consecutive_days(days: set[date]) -> None:
    result = streaks(days, TODAY)
    assert result.current == naive_current(days, TODAY)
    assert result.current <= result.longest <= len(days)


@given(day_sets, st.integers(min_value=0, max_value=5))
def test_allowing_more_rest_days_never_shortens_a_streak(days: set[date], rest: int) -> None:
    fewer, more = streaks(days, TODAY, rest), streaks(days, TODAY, rest + 1)
    assert fewer.current <= more.current
    assert fewer.longest <= more.longest
