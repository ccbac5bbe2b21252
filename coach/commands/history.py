"""`coach history`, `stats`, `status`, `log`, `export` and `import`: the history from the shell.

Reading commands never create the history file; a damaged file is moved aside (with a message
on stderr) and the command goes on with a fresh, empty history.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from coach import text
from coach.commands.common import positive_int, print_table, say, with_history, wrapped

if TYPE_CHECKING:
    from coach.history.checkins import WeekCheckins
    from coach.history.records import SessionRecord
    from coach.history.store import HistoryStore
    from coach.plan import WeekAdherence

DEFAULT_LIMIT = 20


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("history", help="past sessions, newest first")
    p.add_argument("--json", action="store_true", help="print JSON for scripts (every session)")
    p.add_argument(
        "--limit",
        type=positive_int,
        metavar="N",
        help=f"at most N sessions (default {DEFAULT_LIMIT})",
    )
    p.add_argument("--routine", metavar="ID", help="only sessions of this routine")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("stats", help="streaks, totals and time per exercise")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser(
        "status",
        help="is today's plan done? one line for shell prompts (exit 0 if done, 1 if not)",
    )
    p.add_argument(
        "--short", action="store_true", help="just a mark and the streak: '✓ 12' or '✗ 12'"
    )
    p.add_argument("--json", action="store_true", help="today's plan as JSON for scripts")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("log", help="record a session done away from coach, so streaks stay true")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a path to a .yaml file")
    p.add_argument(
        "--at",
        metavar="TIME",
        help="when it started: 2024-05-01T07:30, 07:30, 'yesterday 07:30' or 'yesterday'",
    )
    p.add_argument(
        "--again",
        action="store_true",
        help="record it even if a session of this routine is already recorded at that time",
    )
    p.set_defaults(handler=cmd_log)

    p = sub.add_parser(
        "export",
        help="write the whole history as JSON (sessions and cramps) or CSV (sessions only)",
    )
    p.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json (default) holds sessions and the cramp diary; csv holds sessions only",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: standard output")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "import", help="add sessions and cramps from an exported file (never removes any)"
    )
    p.add_argument("file", type=Path, metavar="FILE", help="a JSON or CSV file from coach export")
    p.set_defaults(handler=cmd_import)


# -- history -------------------------------------------------------------------------------


def cmd_history(args: argparse.Namespace) -> int:
    def show(store: HistoryStore) -> int:
        import json

        limit = args.limit if args.limit is not None or args.json else DEFAULT_LIMIT
        sessions = store.sessions(limit=limit, routine=args.routine)
        if args.json:
            print(json.dumps([s.to_json() for s in sessions], indent=2, ensure_ascii=False))
            return 0
        if not sessions:
            if args.routine is None:
                print("No sessions yet.")
                return 0
            unknown = unknown_routine(args.routine)
            if unknown:
                say(unknown)
                return 1
            print(f"No {args.routine} sessions.")
            return 0
        print_sessions(sessions)
        total = store.count_sessions(args.routine)
        if total > len(sessions):
            print(f"\n{len(sessions)} of {total} sessions shown; --limit N shows more.")
        return 0

    return with_history(show)


def unknown_routine(routine_id: str) -> str:
    """Why `routine_id` names no routine at all (with a suggestion); empty when it does.

    Asked only when the history holds none of its sessions: a routine deleted since keeps
    its past sessions, and they are listed.
    """
    from coach.routine.catalog import Catalog, UnknownRoutine

    try:
        Catalog.default().find(routine_id)
    except UnknownRoutine as exc:
        return str(exc)
    return ""


def print_sessions(sessions: list[SessionRecord]) -> None:

    rows = [("id", "started", "routine", "status", "time", "steps", "check-in")]
    for s in sessions:
        done = sum(step.status == "done" for step in s.steps)
        skipped = len(s.steps) - done
        steps = "logged" if s.source == "logged" else f"{done} done"
        if skipped:
            steps += f", {skipped} skipped"
        started = s.started.strftime("%Y-%m-%d %H:%M")
        time = text.recorded(s.active_s)
        said = s.checkin.brief() if s.checkin else ""
        rows.append((str(s.id), started, s.routine_id, s.status, time, steps, said))
    print_table(rows, right={0})


# -- stats and status ----------------------------------------------------------------------


def cmd_stats(args: argparse.Namespace) -> int:
    from coach.commands.schedule import read_plan

    reading = read_plan()

    def show(store: HistoryStore) -> int:
        import json

        from coach.cramps.diary import CrampDiary
        from coach.history import local_now
        from coach.history.checkins import pain_alert, weekly_checkins
        from coach.plan.tracking import adherence, plan_summary

        today = local_now().date()
        stats = plan_summary(store, reading.schedule, today, reading.settings.rest_days_per_week)
        weeks = adherence(store, reading.plan, today)
        diary = CrampDiary(store)
        felt = weekly_checkins(store, today)
        if args.json:
            data = {
                **stats.to_json(),
                "adherence": [week.to_json() for week in weeks],
                "cramps": diary.trends(today).to_json(),
                "checkins": [week.to_json() for week in felt],
            }
            print(json.dumps(data, indent=2, ensure_ascii=False))
            return 0
        played = stats.sessions_played
        rate = (
            "no session played in coach yet"
            if stats.completion_rate is None
            else f"{stats.completion_rate:.0%} of {text.plural(played, 'session')} played in coach"
        )
        logged = stats.sessions_completed - stats.sessions_played_completed
        completed = str(stats.sessions_completed) + (f" ({logged} logged)" if logged else "")
        lines = [
            ("Current streak", text.plural(stats.current_streak, "day")),
            ("Longest streak", text.plural(stats.longest_streak, "day")),
            ("Days active", str(stats.days_active)),
            ("Sessions completed", completed),
            ("Total active time", text.total(stats.total_active_s)),
            ("This week", text.total(stats.this_week_min * 60)),
            ("Last week", text.total(stats.last_week_min * 60)),
            ("Completion rate", rate),
        ]
        if stats.rest_days_per_week:
            lines.append(("Rest days allowed", f"{stats.rest_days_per_week} a week"))
        for label, value in lines:
            print(f"{label:<20}{value}")
        if stats.exercises:
            print()
            rows = [("Exercise", "sets", "reps", "time")]
            for e in stats.exercises:
                reps = str(e.reps) if e.reps else "—"  # a timed hold has no reps
                time = text.recorded(e.seconds)
                rows.append((e.name, str(e.sets), reps, time))
            print_table(rows, right={1, 2, 3})
        print_adherence(weeks)
        if diary.count():
            print(f"\n{wrapped(diary.trends(today).comparison.sentence())}")
        print_checkins(felt, pain_alert(store))
        return 0

    return with_history(show)


def print_adherence(weeks: list[WeekAdherence], shown: int = 4) -> None:
    """The last few weeks of the plan: planned sessions completed, e.g. `5 of 7 (71%)`."""
    from coach.plan.progress import adherence_text

    recent = [week for week in weeks[-shown:] if week.planned]
    if not recent:
        return
    print("\nPlan adherence (planned sessions completed)")
    for week in recent:
        print(f"  week of {week.week.isoformat()}  {adherence_text(week)}")


def print_checkins(weeks: list[WeekCheckins], alert: bool) -> None:
    """How sessions felt, the weeks with check-ins only; the calm word while pain stays high."""
    from coach.history.checkins import PAIN_ADVICE

    said = [week for week in weeks if week.sessions]
    if said:
        print("\nHow it felt (weeks with check-ins)")
        rows = [("week of", "sessions", "hard", "pain mean", "max")]
        for week in said:
            mean = "-" if week.pain_mean is None else f"{week.pain_mean:.1f}"
            most = "-" if week.pain_max is None else str(week.pain_max)
            rows.append((week.week.isoformat(), str(week.sessions), str(week.hard), mean, most))
        print_table(rows, right={1, 2, 3})
    if alert:
        print(f"\n{wrapped(PAIN_ADVICE)}")


def cmd_status(args: argparse.Namespace) -> int:
    from coach.commands.schedule import cmd_status as status

    return status(args)


# -- log -----------------------------------------------------------------------------------


def cmd_log(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from coach.commands.routines import load_entry
    from coach.history import local_now
    from coach.history.recorder import done_elsewhere
    from coach.history.when import WhenError, parse_when
    from coach.routine.catalog import Catalog
    from coach.routine.timeline import expand

    entry = load_entry(Catalog.default(), args.routine)
    assert entry.routine is not None
    timeline = expand(entry.routine)
    now = local_now()
    if args.at is None:
        started = now - timedelta(seconds=timeline.total_s)  # just finished it
    else:
        try:
            started = parse_when(args.at, now)
        except WhenError as exc:
            say(f"--at: {exc}")
            return 2
    record = done_elsewhere(timeline, started, now)

    def add(store: HistoryStore) -> int:
        from coach.history.records import parse_stamp

        twin = store.session_overlapping(timeline.routine_id, started, timeline.total_s)
        if twin is not None and not args.again:
            at = parse_stamp(twin.started_at).astimezone().strftime("%Y-%m-%d %H:%M")
            say(
                f"{timeline.routine_id} is already recorded at {at} ({twin.source}), so nothing"
                " was logged; add --again to record another session anyway"
            )
            return 1
        store.begin_session(record)
        when = started.strftime("%Y-%m-%d %H:%M")
        print(f"Logged {timeline.routine_id} ({timeline.name}) at {when}.")
        return 0

    return with_history(add, create=True)


# -- export and import ---------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    def write(store: HistoryStore) -> int:
        from coach.commands.output import save_output
        from coach.cramps.diary import CrampDiary
        from coach.transfer import export_csv, export_json

        # In the order they were recorded (their ids), which an import into an empty history
        # gives back; a session logged afterwards for an earlier time keeps its later place.
        sessions = sorted(store.sessions(newest_first=False), key=lambda s: s.id or 0)
        csv = args.format == "csv"
        cramps = [] if csv else CrampDiary(store).cramps(newest_first=False)

        def export(out: TextIO) -> None:
            if csv:
                export_csv(sessions, out)
            else:
                export_json(sessions, out, cramps)

        if args.output is None:
            export(sys.stdout)
            return 0
        if not save_output(args.output, export):
            return 1
        what = text.plural(len(sessions), "session")
        if cramps:
            what += f" and {text.plural(len(cramps), 'cramp')}"
        print(f"Exported {what} to {args.output}.", file=sys.stderr)
        return 0

    return with_history(write)


def cmd_import(args: argparse.Namespace) -> int:
    from coach.transfer import TransferError, read_history

    try:
        data = read_history(args.file)
    except TransferError as exc:
        for problem in exc.problems[:20]:
            print(problem, file=sys.stderr)
        if len(exc.problems) > 20:
            print(f"... and {len(exc.problems) - 20} more problems", file=sys.stderr)
        say(f"nothing was imported from {args.file}")
        return 1

    sessions = data.sessions

    def add(store: HistoryStore) -> int:
        from coach.cramps.diary import CrampDiary

        added = store.add_sessions(sessions)
        joined = store.checkins_added
        cramps = CrampDiary(store).add_cramps(data.cramps)
        steps = sum(len(s.steps) for s in added)
        known = len(sessions) - len(added)
        print(
            f"Imported {text.plural(len(added), 'session')}"
            f" ({text.plural(steps, 'step')}) from {args.file};"
            f" {known} {'was' if known == 1 else 'were'} already in the history."
        )
        if joined:
            print(
                f"Added {text.plural(joined, 'check-in')} to sessions that were already in the"
                " history without one."
            )
        if data.cramps:
            known = len(data.cramps) - len(cramps)
            print(
                f"Imported {text.plural(len(cramps), 'cramp')};"
                f" {known} {'was' if known == 1 else 'were'} already in the diary."
            )
        return 0

    return with_history(add, create=True)
