"""Hand-built histories for the report tests: sessions, steps with sides, skips and cramps.

Every figure the tests expect can be counted by hand from what these functions store.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from coach.cramps.diary import CrampDiary
from coach.cramps.records import CrampRecord
from coach.history.checkins import CheckIn
from coach.history.records import SessionRecord, StepRecord, stamp
from coach.history.store import HistoryStore

LONDON = ZoneInfo("Europe/London")
#: A Thursday: the default period runs from Monday 2024-05-06 to it, five weeks.
TODAY = date(2024, 6, 6)
NOW = datetime(2024, 6, 6, 18, 30, tzinfo=LONDON)
SCRIPT_NOTE = "<script>alert(1)</script>"
_uids = itertools.count()


def moment(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def step(
    start: datetime,
    index: int,
    name: str,
    side: str | None = None,
    *,
    planned: float | None = 30.0,
    actual: float = 30.0,
    status: str = "done",
) -> StepRecord:
    return StepRecord(
        index=index,
        name=name,
        side=side,
        set=1,
        sets=1,
        round=None,
        rounds=None,
        reps=None,
        planned_s=planned,
        actual_s=actual,
        status=status,  # type: ignore[arg-type]
        started_at=stamp(start),
        ended_at=stamp(start + timedelta(seconds=actual)),
    )


def session(
    start: datetime,
    steps: tuple[StepRecord, ...] = (),
    *,
    routine: str = "foot-daily",
    status: str = "completed",
    source: str = "app",
) -> SessionRecord:
    active = sum(s.actual_s for s in steps)
    return SessionRecord(
        uid=f"r{next(_uids)}",
        routine_id=routine,
        routine_name=routine.replace("-", " ").title(),
        plan_hash=None,
        source=source,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        started_at=stamp(start),
        ended_at=stamp(start + timedelta(seconds=active or 600)),
        planned_s=90.0,
        active_s=active,
        paused_s=0.0,
        steps=steps,
    )


def daily(start: datetime) -> tuple[StepRecord, ...]:
    """A whole session of three steps: one without sides, one on each side."""
    return (
        step(start, 1, "Ankle circles"),
        step(start, 3, "Calf stretch", "left"),
        step(start, 5, "Calf stretch", "right"),
    )


def cramp(at: datetime, context: str, note: str | None = None, **extra: object) -> CrampRecord:
    values: dict[str, object] = {
        "foot": "left",
        "where": "calf",
        "severity": 6,
        "duration": "under-1-min",
        **extra,
    }
    return CrampRecord(uid=f"c{next(_uids)}", at=stamp(at), context=context, note=note, **values)  # type: ignore[arg-type]


#: Check-ins by session day: (feeling, pain, note). Week of 6 May: pain 6 and 2, mean 4.0, one
#: hard; week of 20 May: no pain given; week of 3 June: pain 8, hard.
CHECKINS: dict[date, tuple[str | None, int | None, str | None]] = {
    date(2024, 5, 5): ("hard", 10, "outside the period"),
    date(2024, 5, 7): ("hard", 6, "calf tight & sore <b>after</b>"),
    date(2024, 5, 8): ("right", 2, None),
    date(2024, 5, 21): ("easy", None, "felt good"),
    date(2024, 6, 4): ("hard", 8, None),
}


def four_weeks(store: HistoryStore) -> None:
    """Four weeks and four days of use ending on TODAY:

    - a whole `foot-daily` session at 07:30 on every day from Mon 2024-05-06 to Thu 2024-06-06
      but the Sundays (12, 19, 26 May, 2 Jun): 32 days - 4 = 28 completed sessions;
    - on Tue 2024-05-14 a partial session too: Ankle circles done (20 of 30 s), the left calf
      stretch skipped after 5 s;
    - on Wed 2024-05-15 a logged session of another routine (`bedtime-calves`), no steps;
    - one session on 2024-05-05, the day before the period: outside every figure;
    - cramps: 2024-05-07 23:30 at night (note with a script tag), 2024-05-21 14:00 while
      standing, 2024-06-04 03:10 at night (right foot, 8/10, 1-10 min);
    - check-ins (see CHECKINS) on 4 sessions in the period and on 5 May's, outside it.
    """
    first = date(2024, 5, 6)
    sessions = [session(moment(date(2024, 5, 5), 9), daily(moment(date(2024, 5, 5), 9)))]
    for n in range((TODAY - first).days + 1):
        day = first + timedelta(days=n)
        if day.weekday() == 6:
            continue
        start = moment(day, 7, 30)
        sessions.append(session(start, daily(start)))
    partial_start = moment(date(2024, 5, 14), 20)
    sessions.append(
        session(
            partial_start,
            (
                step(partial_start, 1, "Ankle circles", actual=20.0),
                step(partial_start, 3, "Calf stretch", "left", actual=5.0, status="skipped"),
            ),
            status="partial",
        )
    )
    sessions.append(
        session(moment(date(2024, 5, 15), 21), routine="bedtime-calves", source="logged")
    )
    store.add_sessions(sessions)
    ids = dict(
        store.connection.execute(
            "SELECT day, id FROM sessions WHERE routine_id = 'foot-daily' AND status = 'completed'"
        )
    )
    for day, (feeling, pain, note) in CHECKINS.items():
        checkin = CheckIn(feeling, pain, note, moment(day, 8))  # type: ignore[arg-type]
        store.set_checkin(ids[day.isoformat()], checkin)
    CrampDiary(store).add_cramps(
        [
            cramp(moment(date(2024, 5, 7), 23, 30), "night", SCRIPT_NOTE),
            cramp(moment(date(2024, 5, 21), 14), "standing", "after a long walk", foot="both"),
            cramp(
                moment(date(2024, 6, 4), 3, 10),
                "night",
                None,
                foot="right",
                severity=8,
                duration="1-10-min",
            ),
        ]
    )


def daily_use(store: HistoryStore) -> None:
    """Four weeks and four days of a diligent user of the bundled `foot-daily`, to fill pages:
    every work segment of the real routine each day, a check-in after every session with a
    note every third day, and a cramp with a note every fourth day."""
    from coach.routine.catalog import Catalog
    from coach.routine.timeline import expand

    entry = Catalog.default().find("foot-daily")
    assert entry.routine is not None
    work = expand(entry.routine).work_segments
    first = date(2024, 5, 6)
    days = [first + timedelta(days=n) for n in range((TODAY - first).days + 1)]
    sessions = []
    for day in days:
        start = moment(day, 7, 30)
        steps = tuple(
            step(
                start,
                seg.index,
                seg.name,
                seg.side,
                planned=seg.duration_s,
                actual=seg.duration_s or 12.0,
                status="skipped" if (day.day + seg.index) % 23 == 0 else "done",
            )
            for seg in work
        )
        sessions.append(session(start, steps))
    store.add_sessions(sessions)
    ids = dict(store.connection.execute("SELECT day, id FROM sessions"))
    for n, day in enumerate(days):
        note = f"calves a little tight after a long day on my feet ({n})" if n % 3 == 0 else None
        feeling = ("easy", "right", "hard")[n % 3]
        store.set_checkin(ids[day.isoformat()], CheckIn(feeling, n % 6, note, moment(day, 8)))  # type: ignore[arg-type]
    CrampDiary(store).add_cramps(
        [
            cramp(moment(day, 2, 40), "night", "woke me up, eased after stretching the calf")
            for day in days[::4]
        ]
    )
