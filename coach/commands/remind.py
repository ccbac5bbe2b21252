"""`coach remind on|off|status|fire`: reminders of the weekly plan at its planned times.

`on` installs a systemd user timer (or, with `--cron`, marked crontab lines) that runs
`coach remind fire` at each planned time; `fire` notifies only when something planned up to
now is not done yet, and acts on the button pressed.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import IO, TYPE_CHECKING

from coach.commands.common import say

if TYPE_CHECKING:
    from coach.commands.schedule import PlanReading
    from coach.history.store import HistoryStore
    from coach.plan import PlanEntry, Reminder
    from coach.remind.fire import Due
    from coach.remind.install import Places

DEFAULT_WAIT_S = 2 * 3600.0
OFFER_CRON = "`coach remind on --cron` adds the reminders to your crontab instead"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("remind", help="reminders at the plan's times (systemd timer or cron)")
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)

    on = actions.add_parser("on", help="install reminders for every planned routine with a time")
    on.add_argument("--dry-run", action="store_true", help="show the files and commands only")
    on.add_argument("--cron", action="store_true", help="use the crontab, not a systemd timer")
    on.set_defaults(handler=cmd_on)

    off = actions.add_parser("off", help="remove the reminders")
    off.set_defaults(handler=cmd_off)

    status = actions.add_parser("status", help="what is installed and when each next fires")
    status.add_argument("--json", action="store_true", help="print JSON for scripts")
    status.set_defaults(handler=cmd_status)

    fire = actions.add_parser(
        "fire", help="notify now if something planned up to now is not done (what timers run)"
    )
    fire.add_argument(
        "--wait",
        type=duration,
        default=DEFAULT_WAIT_S,
        metavar="TIME",
        help="how long a notification waits for an answer (default 2h; e.g. 30m, 90s)",
    )
    fire.set_defaults(handler=cmd_fire)


def duration(text: str) -> float:
    from coach.yamlfile import parse_duration_text

    seconds = parse_duration_text(text)
    if seconds is None or not 0 < seconds <= 7 * 24 * 3600:
        raise argparse.ArgumentTypeError(f"expected a duration like 2h, 30m or 90s, got {text!r}")
    return seconds


# -- on / off -----------------------------------------------------------------------------


def cmd_on(args: argparse.Namespace) -> int:
    from coach.commands.schedule import read_plan
    from coach.remind.install import Places, RemindError, coach_command
    from coach.remind.units import timed

    entries = timed(read_plan().plan)
    if not entries:
        say('nothing in the plan has a time (`at: "07:30"` in the schedule); no reminders to set')
        return 1
    places, command = Places.of(), coach_command()
    try:
        if args.cron:
            return _on_cron(args, entries, places, command)
        return _on_systemd(args, entries, places, command)
    except RemindError as exc:
        say(f"reminders are not on: {exc}")
        return 1


def _on_systemd(
    args: argparse.Namespace, entries: list[PlanEntry], places: Places, command: list[str]
) -> int:
    import shlex
    from contextlib import suppress

    from coach.remind.install import RemindError, install_systemd, remove_cron, systemd_plan

    plan = systemd_plan(entries, places, command)
    if args.dry_run:
        for path, text in plan.files:
            print(f"# {path}\n{text}")
        for line in plan.commands:
            print(f"$ {shlex.join(line)}")
        return 0
    try:
        install_systemd(plan, places)
    except RemindError as exc:
        say(f"reminders are not on: {exc}; {OFFER_CRON}")
        return 1
    with suppress(RemindError):
        remove_cron()  # switching from cron: one set of reminders, not two
    print(f"Reminders on: systemd user timer {places.timer}")
    _print_next(entries)
    return 0


def _on_cron(
    args: argparse.Namespace, entries: list[PlanEntry], places: Places, command: list[str]
) -> int:
    from coach.remind.install import desktop_plan, install_cron, remove_systemd
    from coach.remind.units import cron_lines
    from coach.text import plural

    if args.dry_run:
        for path, text in desktop_plan(places, command).files:
            print(f"# {path}\n{text}")
        print("# crontab lines (coach's own lines are replaced by these):")
        print("\n".join(cron_lines(entries, command)))
        return 0
    added = install_cron(entries, places, command)
    remove_systemd(places)
    print(f"Reminders on: {plural(len(added), 'line')} in your crontab")
    _print_next(entries)
    return 0


def cmd_off(args: argparse.Namespace) -> int:
    from coach.remind.install import Places, RemindError, remove_cron, remove_systemd

    places = Places.of()
    try:
        removed = [
            what
            for what, gone in (
                ("systemd timer", remove_systemd(places)),
                ("crontab lines", remove_cron()),
            )
            if gone
        ]
    except RemindError as exc:
        say(f"reminders could not be removed: {exc}")
        return 1
    places.desktop.unlink(missing_ok=True)
    if removed:
        print(f"Reminders off: removed the {' and the '.join(removed)}.")
    else:
        print("No reminders were installed.")
    return 0


# -- status -------------------------------------------------------------------------------


def cmd_status(args: argparse.Namespace) -> int:
    import json

    from coach.commands.schedule import read_plan
    from coach.plan import next_reminders
    from coach.remind.install import Places, installed
    from coach.remind.units import timed

    places = Places.of()
    entries = timed(read_plan().plan)
    how = installed(places)
    upcoming = next_reminders(entries, _now()) if how is not None else []
    if args.json:
        data = {
            "installed": how,
            "next": [{"routine": r.entry.routine, "at": r.at.isoformat()} for r in upcoming],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if how is None:
        print("Reminders are off; `coach remind on` sets them up for the plan's times.")
        return 0
    where = f"systemd user timer {places.timer}" if how == "systemd" else "your crontab"
    print(f"Reminders on: {where}")
    if not up_to_date(how, places, entries):
        print("The plan has changed since: `coach remind on` brings the reminders up to date.")
    _print_next(entries, upcoming)
    return 0


def up_to_date(how: str, places: Places, entries: list[PlanEntry]) -> bool:
    """Whether the installed reminders come at the plan's times (the command may differ)."""
    from coach.remind.install import RemindError, ours, read_crontab
    from coach.remind.units import cron_lines, timer_text

    try:
        if how == "systemd":
            return places.timer.read_text(encoding="utf-8") == timer_text(entries)
        table = read_crontab()
    except (OSError, RemindError):
        return True  # cannot tell: say nothing rather than something wrong
    installed = sorted(line.split()[:5] for line in table if ours(line))
    return installed == sorted(line.split()[:5] for line in cron_lines(entries, ["coach"]))


def _now() -> datetime:
    from coach.history import local_now

    return local_now()


def _print_next(entries: list[PlanEntry], upcoming: list[Reminder] | None = None) -> None:
    from coach.plan import next_reminders

    for reminder in upcoming if upcoming is not None else next_reminders(entries, _now()):
        print(f"  next {reminder.at:%a %d %b %H:%M}  {reminder.entry.routine}")


# -- fire ---------------------------------------------------------------------------------


def cmd_fire(args: argparse.Namespace) -> int:
    from coach.commands.schedule import read_plan
    from coach.remind.fire import RealSleeper, remind
    from coach.remind.notify import DBusNotifier, NoBus

    reading = read_plan()
    if due_now(reading) is None:
        return 0
    if another_reminder_waits():
        return 0  # it checks the plan again once it is answered
    try:
        notifier = DBusNotifier()
    except NoBus as exc:
        say(str(exc))
        return 1
    try:
        remind(
            lambda: due_now(reading),
            notifier,
            RealSleeper(),
            wait_s=args.wait,
            snooze_s=reading.settings.remind_snooze,
            start=lambda due: start_in_terminal(reading, due),
            done=log_done,
        )
    except (NoBus, StartFailed) as exc:
        say(str(exc))
        return 1
    finally:
        notifier.disconnect()
    return 0


#: The reminder lock's file, open for as long as this process runs.
_HELD: list[IO[str]] = []


def another_reminder_waits() -> bool:
    """Whether another `coach remind fire` is waiting for an answer; if not, this one takes
    the lock in the cache folder until it ends. Cron, unlike a systemd timer, starts a job while
    the last one still runs: this keeps one reminder on screen, not two."""
    import fcntl

    from coach import locations

    try:
        handle = open(locations.cache_dir(create=True) / "remind-fire.lock", "a")  # noqa: SIM115
    except OSError:
        return False  # no lock to be had: a reminder twice is better than none
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return True
    _HELD.append(handle)
    return False


class StartFailed(Exception):
    """The terminal for "Start" could not be opened."""


def due_now(reading: PlanReading, now: datetime | None = None) -> Due | None:
    """The first planned routine not done whose time has come, with its name, length and the
    streak; None when everything planned up to now is done."""
    from coach.commands.schedule import planned_routine, read_today
    from coach.plan import due
    from coach.remind.fire import Due
    from coach.routine.timeline import expand

    now = now or _now()
    today = read_today(reading, now.date())
    items, streak = today.items, today.streak
    pending = due(items, now.time())
    if not pending:
        return None
    entry = pending[0].entry
    routine = planned_routine(entry.routine)
    name = routine.name if routine is not None else entry.routine
    length = expand(routine).total_s if routine is not None else 0.0
    return Due(entry.routine, name, length, entry.at, streak)


def start_in_terminal(reading: PlanReading, due: Due) -> None:
    import os

    from coach.remind.install import coach_command
    from coach.remind.launch import NoTerminal, open_terminal, terminal_command

    try:
        argv = terminal_command(
            [*coach_command(), "run", due.routine], reading.settings.terminal, os.environ
        )
        open_terminal(argv)
    except NoTerminal as exc:
        raise StartFailed(str(exc)) from None


def log_done(due: Due) -> None:
    """Record the routine as `coach log` would, with the source `reminder`."""
    from datetime import timedelta

    from coach.commands.common import with_history
    from coach.commands.schedule import planned_routine
    from coach.history.recorder import done_elsewhere
    from coach.routine.timeline import expand

    routine = planned_routine(due.routine)
    if routine is None:
        say(f"{due.routine} cannot be loaded, so it cannot be logged; `coach validate` says why")
        return
    timeline = expand(routine)
    now = _now()
    record = done_elsewhere(timeline, now - timedelta(seconds=timeline.total_s), now, "reminder")

    def add(store: HistoryStore) -> int:
        store.begin_session(record)
        print(f"Logged {timeline.routine_id} ({timeline.name}) from the reminder.")
        return 0

    with_history(add, create=True)
