"""`coach history`, `stats`, `status`, `log`, `export` and `import`: the history from the shell.

Reading commands never create the history file; a damaged file is moved aside (with a message
on stderr) and the command goes on with a fresh, empty history.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from coach.commands.common import positive_int, say

if TYPE_CHECKING:
    from coach.history.records import SessionRecord
    from coach.history.store import HistoryStore

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
        help="one line for shell prompts: is today's routine done? (exit 0 if done, 1 if not)",
    )
    p.add_argument(
        "--short", action="store_true", help="just a mark and the streak: '✓ 12' or '✗ 12'"
    )
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("log", help="record a session done away from coach, so streaks stay true")
    p.add_argument("routine", metavar="ROUTINE", help="a routine id or a path to a .yaml file")
    p.add_argument(
        "--at",
        metavar="TIME",
        help="when it started: 2024-05-01T07:30, 07:30, 'yesterday 07:30' or 'yesterday'",
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


def with_history(body: Callable[[HistoryStore], int], *, create: bool = False) -> int:
    """Run `body` on the user's history; a clear message and exit 1 when it cannot be used.

    Damage found only while reading (the file's header looked fine) is handled like damage
    found on opening: the file is moved aside and `body` runs once more on a fresh history.
    """
    import sqlite3

    from coach.history.database import HistoryUnavailable, is_damage
    from coach.history.store import HistoryStore

    try:
        store = HistoryStore.open(create=create)
    except HistoryUnavailable as exc:
        say(f"history is not available: {exc}")
        return 1
    for notice in store.notices:
        say(notice)
    try:
        try:
            return body(store)
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            store.recover(exc)
            say(store.notices[-1])
            return body(store)
    except BrokenPipeError:
        raise  # the reader of our output left: not a problem with the history
    except (sqlite3.Error, OSError, HistoryUnavailable) as exc:
        say(f"history could not be used: {exc}")
        return 1
    finally:
        store.close()


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
            print("No sessions yet." if args.routine is None else f"No {args.routine} sessions.")
            return 0
        print_table(sessions)
        total = store.count_sessions(args.routine)
        if total > len(sessions):
            print(f"\n{len(sessions)} of {total} sessions shown; --limit N shows more.")
        return 0

    return with_history(show)


def print_table(sessions: list[SessionRecord]) -> None:
    from coach import text

    rows = [("id", "started", "routine", "status", "time", "steps")]
    for s in sessions:
        done = sum(step.status == "done" for step in s.steps)
        skipped = len(s.steps) - done
        steps = "logged" if s.source == "logged" else f"{done} done"
        if skipped:
            steps += f", {skipped} skipped"
        started = s.started.strftime("%Y-%m-%d %H:%M")
        rows.append((str(s.id), started, s.routine_id, s.status, text.length(s.active_s), steps))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        cells[0] = row[0].rjust(widths[0])
        print("  ".join(cells).rstrip())


# -- stats and status ----------------------------------------------------------------------


def cmd_stats(args: argparse.Namespace) -> int:
    def show(store: HistoryStore) -> int:
        import json

        from coach import text
        from coach.cramps.diary import CrampDiary
        from coach.history.records import local_now
        from coach.history.stats import summary
        from coach.settings import load_settings

        settings = load_settings()
        today = local_now().date()
        stats = summary(store, today, settings.rest_days_per_week)
        diary = CrampDiary(store)
        if args.json:
            data = {**stats.to_json(), "cramps": diary.trends(today).to_json()}
            print(json.dumps(data, indent=2, ensure_ascii=False))
            return 0
        played = stats.sessions_played
        rate = (
            "no session played in coach yet"
            if stats.completion_rate is None
            else f"{stats.completion_rate:.0%} of {played} session{'s' if played != 1 else ''}"
        )
        lines = [
            ("Current streak", _days(stats.current_streak)),
            ("Longest streak", _days(stats.longest_streak)),
            ("Days active", str(stats.days_active)),
            ("Sessions completed", str(stats.sessions_completed)),
            ("Total active time", text.length(stats.total_active_s)),
            ("This week", f"{stats.this_week_min:.0f} min"),
            ("Last week", f"{stats.last_week_min:.0f} min"),
            ("Completion rate", rate),
        ]
        if stats.rest_days_per_week:
            lines.append(("Rest days allowed", f"{stats.rest_days_per_week} a week"))
        for label, value in lines:
            print(f"{label:<20}{value}")
        if stats.exercises:
            width = max(len("Exercise"), *(len(e.name) for e in stats.exercises))
            print(f"\n{'Exercise':<{width}}  {'sets':>6}  {'reps':>7}  time")
            for e in stats.exercises:
                print(f"{e.name:<{width}}  {e.sets:>6}  {e.reps:>7}  {text.length(e.seconds)}")
        if diary.count():
            import textwrap

            print(f"\n{textwrap.fill(diary.trends(today).comparison.sentence(), width=76)}")
        return 0

    return with_history(show)


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def cmd_status(args: argparse.Namespace) -> int:
    def show(store: HistoryStore) -> int:
        from coach.history.records import local_now
        from coach.history.stats import active_days, today_status
        from coach.history.streaks import streaks
        from coach.settings import load_settings

        settings = load_settings()
        today = local_now().date()
        done = today_status(store, settings.daily_routine, today)
        streak = streaks(active_days(store), today, settings.rest_days_per_week).current
        if args.short:
            print(f"{status_mark(done)} {streak}")
        else:
            state = "done today" if done else "not done yet today"
            print(f"{settings.daily_routine}: {state}, {streak}-day streak")
        return 0 if done else 1

    return with_history(show)


def status_mark(done: bool) -> str:
    """✓ or ✗; `+` or `-` where the output cannot show them (an ASCII-only terminal)."""
    mark = "✓" if done else "✗"
    try:
        mark.encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "+" if done else "-"
    return mark


# -- log -----------------------------------------------------------------------------------


def cmd_log(args: argparse.Namespace) -> int:
    import uuid
    from datetime import timedelta

    from coach.commands.routines import load_entry
    from coach.history.recorder import plan_hash
    from coach.history.records import SessionRecord, local_now, stamp
    from coach.history.when import WhenError, parse_when
    from coach.routine.catalog import Catalog
    from coach.routine.timeline import expand

    entry = load_entry(Catalog.default(), args.routine)
    assert entry.routine is not None
    timeline = expand(entry.routine)
    planned = timedelta(seconds=timeline.total_s)
    now = local_now()
    if args.at is None:
        started = now - planned  # just finished it
    else:
        try:
            started = parse_when(args.at, now)
        except WhenError as exc:
            say(f"--at: {exc}")
            return 2
    record = SessionRecord(
        uid=uuid.uuid4().hex,
        routine_id=timeline.routine_id,
        routine_name=timeline.name,
        plan_hash=plan_hash(timeline),
        source="logged",
        status="completed",
        started_at=stamp(started),
        ended_at=stamp(min(started + planned, now)),
        planned_s=timeline.total_s,
        active_s=timeline.total_s,  # done away from coach: taken as done as planned
        paused_s=0.0,
    )

    def add(store: HistoryStore) -> int:
        store.begin_session(record)
        when = started.strftime("%Y-%m-%d %H:%M")
        print(f"Logged {timeline.routine_id} ({timeline.name}) at {when}.")
        return 0

    return with_history(add, create=True)


# -- export and import ---------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    def write(store: HistoryStore) -> int:
        from coach.cramps.diary import CrampDiary
        from coach.transfer import export_csv, export_json

        sessions = store.sessions(newest_first=False)
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
        try:
            write_atomically(args.output, export)
        except BrokenPipeError:
            raise
        except OSError as exc:
            say(f"cannot write {args.output}: {exc.strerror or exc}")
            return 1
        what = f"{len(sessions)} session{'s' if len(sessions) != 1 else ''}"
        if cramps:
            what += f" and {len(cramps)} cramp{'s' if len(cramps) != 1 else ''}"
        print(f"Exported {what} to {args.output}.", file=sys.stderr)
        return 0

    return with_history(write)


def write_atomically(path: Path, fill: Callable[[TextIO], None]) -> None:
    """Write the export where the person asked, never half-written and never clobbering.

    `-` is standard output. A device or pipe (/dev/stdout, a FIFO) is written in place. A
    regular file, or a new path, is written to a temporary file and renamed over it, keeping
    the old file's permissions (a read-only file is refused); a symbolic link's target is the
    file replaced, so the link stays a link.
    """
    import errno
    import os
    import stat
    import tempfile

    if str(path) == "-":
        fill(sys.stdout)
        return
    try:
        info: os.stat_result | None = path.stat()  # follows links: what is written to
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(path, "w", encoding="utf-8", newline="") as out:
            fill(out)
        return
    target = Path(os.path.realpath(path))
    if info is not None and not info.st_mode & 0o222:
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    if info is not None:
        mode = stat.S_IMODE(info.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as out:
            fill(out)
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


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
        cramps = CrampDiary(store).add_cramps(data.cramps)
        steps = sum(len(s.steps) for s in added)
        known = len(sessions) - len(added)
        print(
            f"Imported {len(added)} session{'s' if len(added) != 1 else ''}"
            f" ({steps} step{'s' if steps != 1 else ''}) from {args.file};"
            f" {known} {'was' if known == 1 else 'were'} already in the history."
        )
        if data.cramps:
            known = len(data.cramps) - len(cramps)
            print(
                f"Imported {len(cramps)} cramp{'s' if len(cramps) != 1 else ''};"
                f" {known} {'was' if known == 1 else 'were'} already in the diary."
            )
        return 0

    return with_history(add, create=True)
