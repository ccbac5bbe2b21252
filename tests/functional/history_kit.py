"""The history the functional and snapshot tests share: a seeded half year of the tests' daily
routine (with check-ins, a logged and a stopped session), the app told when "now" is, and small
readers of what a screen shows.

A module of its own, not a test module, so the tests that use it import it under one name and
pytest does not load a test file twice.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from builders import session_record, step_record
from functional.driving import advance, settle
from functional.sample_routines import make_test_app
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable

from coach.history.checkins import CheckIn
from coach.history.records import SessionRecord, StepRecord, stamp
from coach.history.store import HistoryStore
from coach.session.clock import FakeClock
from coach.tui.app import CoachApp
from coach.tui.widgets.text_line import TextLine

#: "Now" for every history test: a Thursday evening, in UTC so no machine's zone matters.
NOW = datetime(2026, 5, 14, 18, 0, tzinfo=UTC)
TODAY = NOW.date()

#: Days with a completed session of the daily routine: a five-day run in April, scattered days
#: before it, and three days in a row up to yesterday (the current streak).
DAYS = [
    *(date(2025, 11, d) for d in (20, 24)),
    *(date(2025, 12, d) for d in (1, 8, 15)),
    *(date(2026, 1, d) for d in (5, 12, 19, 26)),
    *(date(2026, 2, d) for d in (2, 9, 16, 23)),
    *(date(2026, 3, d) for d in (2, 9, 16, 23, 30)),
    *(date(2026, 4, d) for d in (6, 7, 8, 9, 10, 20, 27)),
    *(date(2026, 5, d) for d in (4, 11, 12, 13)),
]
TWICE = date(2026, 4, 20)  # a second session that day
LOGGED = date(2026, 5, 9)  # done away from coach and logged by hand
PARTIAL = date(2026, 5, 10)  # a session of `mixed` stopped half way, days ago
SKIPPED_ON = date(2026, 5, 12)  # the heel hold was skipped that day
_uids = iter(range(10**6))


def at(day: date, hour: int = 7, minute: int = 30) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def step(index: int, name: str, start: datetime, **fields: Any) -> StepRecord:
    values: dict[str, Any] = {"planned_s": 6.0, "actual_s": 6.0, **fields}
    ended = start + timedelta(seconds=values["actual_s"])
    return step_record(
        index=index, name=name, started_at=stamp(start), ended_at=stamp(ended), **values
    )


def daily_session(
    start: datetime, *, skipped: bool = False, minutes: float = 10.0
) -> SessionRecord:
    """A completed session of the tests' daily routine: a heel hold, then toe raises."""
    hold = step(1, "Heel hold", start, actual_s=2.5 if skipped else 6.0)
    if skipped:
        hold = step(1, "Heel hold", start, actual_s=2.5, status="skipped")
    raises = step(
        3, "Toe raise", start + timedelta(seconds=10), planned_s=None, reps=5, actual_s=14.5
    )
    return session("daily", "Daily test", start, minutes=minutes, steps=(hold, raises))


def session(
    routine_id: str,
    name: str,
    start: datetime,
    *,
    minutes: float = 10.0,
    status: str = "completed",
    source: str = "app",
    steps: tuple[StepRecord, ...] = (),
) -> SessionRecord:
    return session_record(
        uid=f"seed-{next(_uids)}",
        routine_id=routine_id,
        routine_name=name,
        source=source,
        status=status,
        started_at=stamp(start),
        ended_at=stamp(start + timedelta(minutes=minutes)),
        active_s=minutes * 60,
        paused_s=12.0 if status == "partial" else 0.0,
        steps=steps,
    )


def seeded_sessions() -> list[SessionRecord]:
    sessions = [
        daily_session(at(day), skipped=day == SKIPPED_ON, minutes=6 + day.toordinal() % 7)
        for day in DAYS
    ]
    # How the last few sessions felt: pain of 7 or more in the last two.
    said = {
        date(2026, 5, 4): ("easy", 1, None),
        date(2026, 5, 11): ("hard", 5, "calf tight"),
        date(2026, 5, 12): ("hard", 7, None),
        date(2026, 5, 13): ("right", 8, None),
    }
    sessions = [
        replace(s, checkin=CheckIn(*said[day], at(day, 8)))
        if (day := s.started.date()) in said
        else s
        for s in sessions
    ]
    sessions.append(daily_session(at(TWICE, 19), minutes=5))
    sessions.append(session("daily", "Daily test", at(LOGGED), source="logged"))
    stopped = step(5, "Heel hold", at(PARTIAL), planned_s=20.0, actual_s=20.0)
    sessions.append(
        session("mixed", "Mixed test", at(PARTIAL), minutes=1, status="partial", steps=(stopped,))
    )
    return sessions


def seed(sessions: list[SessionRecord] | None = None) -> None:
    """Write sessions into the test's data folder, as the app and `coach log` would have."""
    with HistoryStore.open() as store:
        store.add_sessions(seeded_sessions() if sessions is None else sessions)


def history_app(root: Path, **options: Any) -> CoachApp:
    """The tests' app, told that it is NOW unless `wall_clock` says otherwise."""
    return make_test_app(root, **{"wall_clock": lambda: NOW, **options})


def line(screen: object, selector: str) -> str:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return screen.query_one(selector, TextLine).text


def rows(table: DataTable[Any]) -> list[list[str]]:
    return [
        [cell.plain if isinstance(cell, Text) else str(cell) for cell in table.get_row_at(n)]
        for n in range(table.row_count)
    ]


async def open_screen(pilot: Pilot[object], key: str) -> None:
    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)


def footer_keys(app: CoachApp) -> dict[str, str]:
    """The keys the footer shows, with their descriptions."""
    return {
        key: active.binding.description
        for key, active in app.screen.active_bindings.items()
        if active.binding.show
    }


async def finish_the_daily_test(pilot: Pilot[object], clock: FakeClock) -> None:
    """From the daily test's session screen to Finished, every exercise done: the prepare
    skipped, the heel hold held its 6 s, the next prepare skipped, the toe raises confirmed."""
    await pilot.press("n")
    await advance(pilot, clock, 6.0)
    await pilot.press("n")
    await advance(pilot, clock, 12.0)
    await pilot.press("enter")
    await settle(pilot)
