"""A 4-week report over ten years of history: `coach report` in each format, beyond start-up.

Reuses the ten-year history of `bench_history` (about 4,000 sessions and 60,000 steps) and adds
a cramp diary of one cramp every four days. Times the report's figures and each renderer in
this process, then `coach report -o FILE` as a fresh process for each format next to
`coach --version` (start-up alone). Medians, so a busy moment does not decide a figure.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench_history import LONDON, TODAY, history, isolated_env, median_ms, process_ms

from coach.cramps.diary import CrampDiary
from coach.cramps.records import new_cramp
from coach.history.store import HistoryStore
from coach.report.documents import make_report, render
from coach.report.figures import default_period
from coach.routine.catalog import Catalog
from coach.settings import Settings

QUERY_RUNS = 11
PROCESS_RUNS = 11
#: The budget the issue sets: the report beyond start-up.
BUDGET_MS = 1000.0


def cramps(days: int = 3650) -> list[object]:
    start = datetime(TODAY.year, TODAY.month, TODAY.day, 3, 10, tzinfo=LONDON)
    return [
        new_cramp(start - timedelta(days=n), note=f"cramp {n}", context="night")
        for n in range(0, days, 4)
    ]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = isolated_env(tmp)
        sessions = history()
        with HistoryStore.open() as store:
            store.add_sessions(sessions)
            CrampDiary(store).add_cramps(cramps())  # type: ignore[arg-type]

        now = datetime(TODAY.year, TODAY.month, TODAY.day, 20, 0, tzinfo=LONDON)
        period = default_period(TODAY)
        catalog, settings = Catalog.default(), Settings()
        with HistoryStore.open(create=False) as store:
            report = make_report(store, period, now, settings, catalog)
            timed = [
                (
                    "figures (every query of the report)",
                    median_ms(
                        lambda: make_report(store, period, now, settings, catalog), QUERY_RUNS
                    ),
                ),
                *(
                    (f"draw {fmt}", median_ms(lambda fmt=fmt: render(report, fmt), QUERY_RUNS))
                    for fmt in ("md", "html", "pdf")
                ),
            ]

        python = [sys.executable, "-m", "coach"]
        # The history's newest day is TODAY; ask for the same 4 weeks by date.
        dates = ["--from", period.start.isoformat(), "--to", period.end.isoformat()]
        start_up = process_ms([*python, "--version"], env, PROCESS_RUNS, check=True)
        out = Path(tmp) / "report"
        commands = [
            (
                fmt,
                process_ms(
                    [*python, "report", *dates, "-o", f"{out}.{fmt}"], env, PROCESS_RUNS, check=True
                ),
            )
            for fmt in ("md", "html", "pdf")
        ]

    steps = sum(len(s.steps) for s in sessions)
    print(f"A 4-week report over {len(sessions):,} sessions, {steps:,} steps and")
    print(f"{len(cramps()):,} cramps (ten years), {time.strftime('%Y-%m-%d')}:\n")
    print(f"| in one process | median of {QUERY_RUNS} |")
    print("|---|---:|")
    for name, ms in timed:
        print(f"| {name} | {ms:.0f} ms |")
    print("\n| command, as a fresh process | median | beyond start-up | within 1 s |")
    print("|---|---:|---:|---|")
    print(f"| `coach --version` (start-up alone) | {start_up:.0f} ms | | |")
    for fmt, ms in commands:
        beyond = ms - start_up
        ok = "yes" if beyond < BUDGET_MS else "NO"
        print(f"| `coach report -o report.{fmt}` | {ms:.0f} ms | +{beyond:.0f} ms | {ok} |")


if __name__ == "__main__":
    main()
