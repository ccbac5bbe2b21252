"""The history screens' data and words, from stores in memory on fixed dates: no Textual."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import builders
import pytest

from coach.history.database import HistoryUnavailable
from coach.history.recorder import Recorder, plan_hash
from coach.history.records import SessionRecord, StepRecord, stamp
from coach.history.stats import ExerciseTotal, Stats
from coach.history.store import HistoryStore, Resumable
from coach.routine.model import ExerciseStep, Routine
from coach.routine.timeline import expand
from coach.session.clock import FakeClock
from coach.session.engine import SessionEngine
from coach.tui.history_access import HistoryAccess, read
from coach.tui.history_view import (
    EMPTY_HISTORY,
    HomeHistory,
    bar,
    detail_lines,
    find_offer,
    heatmap_grid,
    home_lines,
    offer_for,
    planned,
    read_home,
    session_cells,
    step_cells,
    week_label,
    where,
)
from coach.tui.stats_view import figures
from coach.tui.streak_view import StreakNow, read_streak, streak_result

NOW = datetime(2024, 5, 15, 18, 0, tzinfo=UTC)  # a Wednesday
TODAY = NOW.date()
_uids = iter(range(10**6))


def exercise(name: str, duration: float | None = 10.0, **extra: Any) -> ExerciseStep:
    fields: dict[str, Any] = {
        "exercise_id": None,
        "instructions": (),
        "caution": None,
        "duration": duration,
        "reps": None,
        "tempo": (),
        "sides": "none",
        "sets": 1,
        "switch": 1.0,
        "prepare": 2.0,
        "rest": 0.0,
    }
    fields.update(extra)
    return ExerciseStep(name=name, **fields)


# 0 prepare Hold | 1 work Hold | 2 prepare Raise | 3 work Raise 1 | 4 rest | 5 work Raise 2
# 6 prepare Pick | 7 work Pick (reps, own pace)
FEET = Routine(
    id="feet",
    name="Feet",
    steps=(
        exercise("Hold"),
        exercise("Raise", 5.0, sets=2, rest=3.0),
        exercise("Pick", None, reps=10),
    ),
)


def step_record(**fields: Any) -> StepRecord:
    return builders.step_record(**{"started_at": stamp(NOW), "ended_at": stamp(NOW), **fields})


def record(
    day: date,
    *,
    status: str = "completed",
    source: str = "app",
    routine: str = "feet",
    steps: tuple[StepRecord, ...] = (),
    active_s: float = 600.0,
) -> SessionRecord:
    start = datetime(day.year, day.month, day.day, 7, 30, tzinfo=UTC)
    return SessionRecord(
        uid=f"u{next(_uids)}",
        routine_id=routine,
        routine_name=routine.capitalize(),
        plan_hash=None,
        source=source,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        started_at=stamp(start),
        ended_at=stamp(start + timedelta(seconds=active_s)),
        planned_s=660.0,
        active_s=active_s,
        paused_s=0.0,
        steps=steps,
    )


@pytest.fixture
def store() -> HistoryStore:
    return HistoryStore.in_memory()


def access(now: datetime = NOW, rest_days: int = 0, daily: str = "feet") -> HistoryAccess:
    return HistoryAccess(wall_clock=lambda: now, rest_days_per_week=rest_days, daily_routine=daily)


def stopped_session(store: HistoryStore, wall: datetime, after_s: float) -> int:
    """Play FEET on a fake clock into the store for `after_s` seconds, then stop it."""
    timeline = expand(FEET)
    clock = FakeClock()
    recorder = Recorder(timeline, store=store, wall_clock=lambda: wall)
    engine = SessionEngine(timeline, clock)
    for event in engine.start():
        recorder(event)
    clock.advance(after_s)
    for event in [*engine.poll(), *engine.stop()]:
        recorder(event)
    assert recorder.session_id is not None
    return recorder.session_id


# -- heatmap -------------------------------------------------------------------------------


def test_heatmap_columns_are_weeks_ending_with_todays() -> None:
    grid = heatmap_grid({TODAY: 1, date(2024, 5, 13): 2, date(2024, 5, 6): 5}, TODAY, 3)
    assert grid.first == date(2024, 4, 29)  # the Monday two weeks before this one
    assert grid.day(2, 2) == TODAY
    assert [grid.shade(2, weekday) for weekday in range(7)] == [2, 0, 1, None, None, None, None]
    assert grid.shade(1, 0) == 3  # five sessions shade as three or more
    assert grid.shade(0, 6) == 0


@pytest.mark.parametrize(
    ("today", "weeks", "labels"),
    [
        # 2024-04-29 is a Monday whose week holds May 1st: May is labelled there, April not.
        (date(2024, 5, 15), 3, "May   "),
        # From 2024-03-18: April starts in the third column; March fits before it.
        (date(2024, 5, 15), 9, "Mar Apr     May   "),
        # A month that starts in the last column has no room for its name.
        (date(2024, 8, 1), 1, "  "),
    ],
)
def test_month_labels_sit_over_the_week_each_month_begins(
    today: date, weeks: int, labels: str
) -> None:
    assert heatmap_grid({}, today, weeks).month_labels(2) == labels


# -- bars ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "top", "width", "drawn"),
    [
        (0.0, 10.0, 8, ""),
        (10.0, 0.0, 8, ""),
        (10.0, 10.0, 0, ""),
        (10.0, 10.0, 4, "████"),
        (5.0, 10.0, 4, "██"),
        (1.0, 10.0, 4, "▍"),  # 3.2 eighths of a cell
        (0.001, 10.0, 4, "▏"),  # never less than a sliver
        (12.0, 10.0, 4, "████"),  # past the top stays at full width
        (7.0, 10.0, 3, "██▏"),  # 16.8 eighths: two cells and an eighth
    ],
)
def test_bars_are_drawn_to_an_eighth_of_a_cell(
    value: float, top: float, width: int, drawn: str
) -> None:
    assert bar(value, top, width) == drawn


def test_week_label_is_day_and_month() -> None:
    assert week_label(date(2024, 9, 2)) == "2 Sep"


# -- home and finished ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("home", "lines"),
    [
        (HomeHistory(False, False, 0, heatmap_grid({}, TODAY, 1)), (EMPTY_HISTORY, "")),
        (HomeHistory(True, True, 4, heatmap_grid({}, TODAY, 1)), ("✓ Done today", "4-day streak")),
        (
            HomeHistory(True, False, 1, heatmap_grid({}, TODAY, 1)),
            ("○ Not done yet today", "1-day streak"),
        ),
        (
            HomeHistory(True, False, 0, heatmap_grid({}, TODAY, 1)),
            ("○ Not done yet today", "No streak running — finish a session to start one."),
        ),
    ],
)
def test_home_lines(home: HomeHistory, lines: tuple[str, str]) -> None:
    assert home_lines(home) == lines


@pytest.mark.parametrize(
    ("now", "result"),
    [
        (StreakNow(False, False, 0), ""),
        (StreakNow(True, True, 3), "3-day streak — done today"),
        (StreakNow(True, True, 0), "Done today."),  # never "No streak running — … — done today"
        (StreakNow(True, False, 2), "2-day streak — finish a session today to grow it"),
        (StreakNow(True, False, 0), "No streak running — finish a session to start one."),
        (
            StreakNow(True, False, 4, ("bedtime-calves",)),
            "4-day streak — still planned today: bedtime-calves",
        ),
        (StreakNow(True, False, 0, ("a", "b")), "Still planned today: a, b."),
    ],
)
def test_streak_result(now: StreakNow, result: str) -> None:
    assert streak_result(now) == result


def test_read_home_counts_today_for_the_daily_routine_only(store: HistoryStore) -> None:
    store.add_sessions(
        [
            record(TODAY - timedelta(days=2)),
            record(TODAY - timedelta(days=1)),
            record(TODAY, routine="other"),
            record(TODAY - timedelta(days=1), status="partial"),
        ]
    )
    home = read_home(store, access())
    assert (home.has_sessions, home.done_today, home.streak) == (True, False, 3)
    assert home.heatmap.weeks == 12 and home.heatmap.counts[TODAY] == 1
    assert read_home(store, access(daily="other")).done_today


def test_read_home_on_an_empty_history(store: HistoryStore) -> None:
    home = read_home(store, access(), [FEET])
    assert (home.has_sessions, home.done_today, home.streak, home.resume) == (
        False,
        False,
        0,
        None,
    )


def test_rest_days_keep_the_streak(store: HistoryStore) -> None:
    # Monday and Tuesday of this week; Wednesday is today, pending.
    store.add_sessions([record(date(2024, 5, 10)), record(date(2024, 5, 14))])
    assert read_streak(store, access()).streak == 1
    assert read_streak(store, access(rest_days=3)).streak == 2


def test_read_streak_after_a_session_today(store: HistoryStore) -> None:
    store.add_sessions([record(TODAY - timedelta(days=1)), record(TODAY, routine="other")])
    assert read_streak(store, access()) == StreakNow(True, True, 2)


# -- resuming ------------------------------------------------------------------------------


def test_the_offer_counts_work_steps() -> None:
    timeline = expand(FEET)
    found = Resumable(session_id=7, start_index=4, started_at="", ended_at="")
    offer = offer_for(FEET, timeline, found)
    assert offer is not None
    assert (offer.session_id, offer.start_index, offer.step, offer.steps) == (7, 4, 3, 4)
    assert offer.label == "Resume Feet (step 3 of 4)"
    done = Resumable(7, len(timeline.segments), "", "")
    assert offer_for(FEET, timeline, done) is None


def test_a_fresh_stopped_session_is_offered(store: HistoryStore) -> None:
    session_id = stopped_session(store, NOW - timedelta(hours=1), 2 + 10 + 1)  # Hold done
    offer = find_offer(store, [FEET], NOW)
    assert offer is not None
    assert (offer.session_id, offer.start_index, offer.label) == (
        session_id,
        2,
        "Resume Feet (step 2 of 4)",
    )


@pytest.mark.parametrize(
    ("stopped_ago", "routines", "offered"),
    [
        (timedelta(hours=11, minutes=59), [FEET], True),
        (timedelta(hours=12, minutes=1), [FEET], False),
        (timedelta(hours=1), [], False),  # the routine is gone from the shelf
    ],
)
def test_offers_only_what_can_go_on(
    store: HistoryStore, stopped_ago: timedelta, routines: list[Routine], offered: bool
) -> None:
    stopped_session(store, NOW - stopped_ago - timedelta(seconds=13), 13)
    assert (find_offer(store, routines, NOW) is not None) is offered


def test_a_changed_routine_is_not_offered(store: HistoryStore) -> None:
    stopped_session(store, NOW - timedelta(hours=1), 13)
    changed = Routine(id="feet", name="Feet", steps=(exercise("Hold", 20.0),))
    assert plan_hash(expand(changed)) != plan_hash(expand(FEET))
    assert find_offer(store, [changed], NOW) is None


def test_a_session_completed_since_is_not_offered(store: HistoryStore) -> None:
    stopped_session(store, NOW - timedelta(hours=11), 13)  # at 07:00
    store.add_sessions([record(TODAY)])  # at 07:30, done in full
    assert find_offer(store, [FEET], NOW) is None


# -- history rows --------------------------------------------------------------------------


def test_session_cells() -> None:
    steps = (step_record(), step_record(index=3, status="skipped"), step_record(index=5))
    assert session_cells(record(TODAY, steps=steps, active_s=754.6)) == (
        "2024-05-15 07:30",
        "Feet",
        "completed",
        "12:35",
        "2",
        "1",
    )
    assert session_cells(record(TODAY, status="partial", steps=steps[:1]))[2:] == (
        "partial",
        "10:00",
        "1",
        "",
    )
    assert session_cells(record(TODAY, source="logged"))[2:] == ("logged", "10:00", "—", "—")


@pytest.mark.parametrize(
    ("fields", "plan", "place"),
    [
        ({}, "0:30", ""),
        ({"planned_s": None, "reps": 12}, "12 reps", ""),
        ({"planned_s": None}, "own pace", ""),
        ({"planned_s": 42.0, "reps": 6}, "6 reps · 0:42", ""),
        ({"side": "left", "set": 2, "sets": 3}, "0:30", "left, set 2/3"),
        ({"set": 1, "sets": 1, "round": 2, "rounds": 2}, "0:30", "round 2/2"),
    ],
)
def test_planned_and_where(fields: dict[str, Any], plan: str, place: str) -> None:
    step = step_record(**fields)
    assert (planned(step), where(step)) == (plan, place)


def test_step_cells_set_planned_against_actual() -> None:
    assert step_cells(step_record(actual_s=12.7, status="skipped")) == (
        "Hold",
        "",
        "0:30",
        "0:13",
        "✗ skipped",
    )


def test_detail_lines() -> None:
    steps = (step_record(), step_record(index=3, status="skipped"))
    heading, numbers = detail_lines(record(TODAY, steps=steps))
    assert heading == "Feet · Wed 2024-05-15 07:30 · completed"
    assert numbers == "Active 10:00 · planned 11:00 · 1 step done, 1 skipped"
    _, logged = detail_lines(record(TODAY, source="logged"))
    assert logged.endswith("logged by hand: no steps recorded")


# -- stats ---------------------------------------------------------------------------------


def stats(**fields: Any) -> Stats:
    values: dict[str, Any] = {
        "current_streak": 1,
        "longest_streak": 12,
        "sessions_completed": 45,
        "sessions_played": 50,
        "sessions_played_completed": 45,
        "total_active_s": 3 * 3600 + 300,
        "days_active": 1040,
        "this_week_min": 42.4,
        "last_week_min": 30.0,
        "completion_rate": 0.9,
        "exercises": (ExerciseTotal("Hold", 3, 0, 90.0),),
        "rest_days_per_week": 0,
    }
    values.update(fields)
    return Stats(**values)


def test_figures() -> None:
    assert figures(stats()) == [
        ("Current streak", "1 day"),
        ("Longest streak", "12 days"),
        ("Days active", "1,040"),
        ("Completion rate", "90% of 50 played"),
        ("This week", "42 min"),
        ("Total time", "3 h 5 min"),
    ]
    assert dict(figures(stats(completion_rate=None, sessions_played=0)))["Completion rate"] == "—"


# -- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BrokenAccess(HistoryAccess):
    def open(self) -> HistoryStore:
        raise HistoryUnavailable("the data folder is read-only")


def test_a_history_that_cannot_be_read_is_a_problem_to_show_not_a_crash() -> None:
    result = read(BrokenAccess(), lambda store: store.count_sessions())
    assert result.value is None
    assert result.problem == "History is not available: the data folder is read-only"


def test_a_missing_history_reads_as_empty_and_is_not_created() -> None:
    from coach.history.store import history_path

    result = read(access(), lambda store: store.count_sessions())
    assert (result.value, result.problem) == (0, "")
    assert not history_path().exists()


def test_a_naive_wall_clock_is_taken_as_local_time() -> None:
    naive = datetime(2024, 5, 15, 23, 30)
    assert HistoryAccess(wall_clock=lambda: naive).now() == naive.astimezone()


def test_the_view_modules_do_not_import_textual() -> None:
    code = (
        "import sys, coach.tui.history_view, coach.tui.stats_view\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
