"""Ten years of daily use: the history's stats queries and `coach stats` at that size.

Builds a history of about 4,000 sessions and 60,000 steps in a temporary folder (sessions in
Europe/London time, so offsets change with daylight saving as a real history's do), then times
each query the commands and screens run, and `coach stats` / `coach status` as fresh processes
next to `python -c pass` in the same run. Medians, so a busy moment does not decide a figure.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from coach.history import stats
from coach.history.records import SessionRecord, StepRecord, stamp
from coach.history.store import HistoryStore, history_path
from coach.history.streaks import streaks

YEARS = 10
SESSIONS = 4_000
STEPS_PER_SESSION = 16
QUERY_RUNS = 21
PROCESS_RUNS = 15
EXERCISES = (
    "Ankle circles",
    "Calf raise",
    "Calf stretch",
    "Toe curls",
    "Toe splay",
    "Marble pickup",
    "Soleus stretch",
    "Plantar fascia stretch",
)
LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 5, 14)


def history(count: int = SESSIONS, years: int = YEARS, seed: int = 7) -> list[SessionRecord]:
    """`count` sessions over `years` years: mostly one a day, some days off, some days two,
    a few partial or logged."""
    rng = random.Random(seed)
    days = years * 365
    sessions = []
    for n in range(count):
        day = TODAY - timedelta(days=days - n * days // count)
        start = datetime(day.year, day.month, day.day, rng.randint(6, 22), rng.randint(0, 59))
        start = start.replace(tzinfo=LONDON)
        logged = rng.random() < 0.03
        partial = not logged and rng.random() < 0.05
        steps = []
        moment = start
        for i in range(0 if logged else STEPS_PER_SESSION):
            if partial and i > 6:
                break
            planned = rng.choice((20.0, 30.0, 45.0, 60.0))
            actual = planned if rng.random() > 0.05 else planned / 3
            ended = moment + timedelta(seconds=actual)
            reps = rng.choice((None, 8, 10, 12))
            steps.append(
                StepRecord(
                    index=2 * i + 1,
                    name=EXERCISES[i % len(EXERCISES)],
                    side=rng.choice((None, "left", "right")),
                    set=1,
                    sets=2,
                    round=None,
                    rounds=None,
                    reps=reps,
                    planned_s=planned,
                    actual_s=actual,
                    status="done" if actual == planned else "skipped",
                    started_at=stamp(moment),
                    ended_at=stamp(ended),
                )
            )
            moment = ended + timedelta(seconds=5)
        active = sum(s.actual_s for s in steps) or 690.0
        sessions.append(
            SessionRecord(
                uid=f"s{n:05d}",
                routine_id=rng.choice(("foot-daily", "foot-daily", "foot-quick")),
                routine_name="Daily feet",
                plan_hash="0" * 64,
                source="logged" if logged else "app",
                status="partial" if partial else "completed",
                started_at=stamp(start),
                ended_at=stamp(moment),
                planned_s=690.0,
                active_s=active,
                paused_s=rng.choice((0.0, 0.0, 12.5)),
                steps=tuple(steps),
            )
        )
    return sessions


def median_ms(action: Callable[[], object], runs: int = QUERY_RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def process_ms(
    argv: list[str], env: dict[str, str], runs: int = PROCESS_RUNS, check: bool = False
) -> float:
    """The median of fresh processes, told nothing back (`check`: a failure stops the run)."""

    def run() -> None:
        subprocess.run(
            argv, check=check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )

    run()  # the first run fills the bytecode cache, as an installed coach's first run does
    return median_ms(run, runs)


def isolated_env(tmp: str) -> dict[str, str]:
    """coach's folders under `tmp`, for this process and for the children run with the result.

    Child processes get a bytecode cache of their own, as an installed coach has, even where
    the environment turns writing bytecode off.
    """
    folders = {
        "COACH_DATA_DIR": str(Path(tmp) / "data"),
        "COACH_CONFIG_DIR": str(Path(tmp) / "config"),
        "COACH_CACHE_DIR": str(Path(tmp) / "cache"),
        "COACH_AUDIO": "silent",
    }
    os.environ.update(folders)
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
    return env


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = isolated_env(tmp)
        sessions = history()
        steps = sum(len(s.steps) for s in sessions)
        started = time.perf_counter()
        with HistoryStore.open() as store:
            store.add_sessions(sessions)
        build_s = time.perf_counter() - started
        path = history_path()
        size = sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if os.path.isfile(p))

        with HistoryStore.open(create=False) as store:
            newest = store.sessions(limit=1)[0]
            assert newest.id is not None
            queries: list[tuple[str, Callable[[], object]]] = [
                ("open the history (checks included)", lambda: HistoryStore.open().close()),
                ("stats.summary (all of `coach stats`)", lambda: stats.summary(store, TODAY, 1)),
                (
                    "active days + streaks",
                    lambda: streaks(stats.active_days(store), TODAY, 1),
                ),
                ("exercise_totals", lambda: stats.exercise_totals(store)),
                (
                    "day_counts, one year (heatmap)",
                    lambda: stats.day_counts(store, TODAY - timedelta(days=365), TODAY),
                ),
                ("weekly_minutes, 52 weeks", lambda: stats.weekly_minutes(store, 52, TODAY)),
                ("today_status", lambda: stats.today_status(store, "foot-daily", TODAY)),
                ("history, newest 20 with steps", lambda: store.sessions(limit=20)),
                ("session_detail", lambda: store.session_detail(newest.id or 0)),
                (
                    "find_resumable",
                    lambda: store.find_resumable("foot-daily", "0" * 64, newest.started),
                ),
                ("every session with steps (export)", lambda: store.sessions(newest_first=False)),
            ]
            timed = [(name, median_ms(action)) for name, action in queries]

        python = [sys.executable]
        reference = process_ms([*python, "-c", "pass"], env)
        commands = [
            (
                "coach --version (start-up alone)",
                process_ms([*python, "-m", "coach", "--version"], env),
            ),
            ("coach stats", process_ms([*python, "-m", "coach", "stats"], env)),
            ("coach status", process_ms([*python, "-m", "coach", "status"], env)),
            ("coach history", process_ms([*python, "-m", "coach", "history"], env)),
        ]

    print(f"{len(sessions):,} sessions and {steps:,} steps over {YEARS} years:")
    print(f"stored in {build_s:.1f} s, {size / 1e6:.1f} MB on disk.\n")
    print(f"| query | median of {QUERY_RUNS} |")
    print("|---|---:|")
    for name, ms in timed:
        print(f"| {name} | {ms:.1f} ms |")
    print(f"\n| command, as a fresh process | median of {PROCESS_RUNS} | over `python -c pass` |")
    print("|---|---:|---:|")
    print(f"| `python -c pass` (reference) | {reference:.0f} ms | |")
    for name, ms in commands:
        print(f"| `{name}` | {ms:.0f} ms | +{ms - reference:.0f} ms |")


if __name__ == "__main__":
    main()
