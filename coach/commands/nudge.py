"""`coach hook bash|zsh|fish` and `coach nudge`: one line in a new shell when today's plan is
waiting, and nothing otherwise.

`nudge` runs in every new shell, so it starts on the command line's fast path and first reads
one small stamp file in the cache folder: while the stamp says "quiet until" a moment still to
come (and the settings are older than the stamp), it stops there, having imported almost
nothing. Only otherwise does it read the plan and the history, and then it writes the stamp:
3 hours after a nudge, or until the next planned time when everything due is done.
"""

from __future__ import annotations

import os
import sys
import time

TYPE_CHECKING = False  # not `typing`'s: the quiet path imports only os, sys and time
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from datetime import datetime

    from coach.plan import PlannedItem

STAMP = "nudge"
QUIET_AFTER_NUDGE_S = 3 * 3600.0

HOOKS = {
    "bash": (
        "# coach: a one-line nudge in each new shell while today's plan is not done\n"
        "if command -v coach >/dev/null 2>&1; then coach nudge; fi\n"
    ),
    "zsh": (
        "# coach: a one-line nudge in each new shell while today's plan is not done\n"
        "if (( $+commands[coach] )); then coach nudge; fi\n"
    ),
    "fish": (
        "# coach: a one-line nudge in each new shell while today's plan is not done\n"
        "if status is-interactive; and type -q coach\n    coach nudge\nend\n"
    ),
}
RC_FILES = {"bash": "~/.bashrc", "zsh": "~/.zshrc", "fish": "~/.config/fish/config.fish"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "hook",
        help="print a snippet for your shell's rc file that runs `coach nudge` in new shells",
        epilog="e.g. coach hook bash >> ~/.bashrc",
    )
    p.add_argument("shell", choices=sorted(HOOKS), metavar="SHELL", help="bash, zsh or fish")
    p.set_defaults(handler=cmd_hook)

    p = sub.add_parser(
        "nudge", help="one line if something planned up to now is not done (at most every 3 h)"
    )
    p.set_defaults(handler=lambda _: nudge())


def cmd_hook(args: argparse.Namespace) -> int:
    print(f"# Add to {RC_FILES[args.shell]}:\n{HOOKS[args.shell]}", end="")
    return 0


def folder(override: str, xdg: str, default: str, kind: str) -> str:
    """A coach folder as `coach.locations` finds it, without pathlib or platformdirs on
    Linux (they would double the time of a quiet nudge); elsewhere through locations."""
    given = os.environ.get(override)
    if given:
        return os.path.expanduser(given)
    if sys.platform.startswith("linux"):
        base = os.environ.get(xdg, "").strip() or os.path.expanduser(default)
        return os.path.join(base, "coach")
    from coach import locations

    return str(getattr(locations, f"{kind}_dir")())


def stamp_path() -> str:
    return os.path.join(folder("COACH_CACHE_DIR", "XDG_CACHE_HOME", "~/.cache", "cache"), STAMP)


def settings_file() -> str:
    config = folder("COACH_CONFIG_DIR", "XDG_CONFIG_HOME", "~/.config", "config")
    return os.path.join(config, "settings.yaml")


def quiet(stamp: str, now: float) -> bool:
    """The stamp says to stay quiet until later, and the plan has not changed since."""
    try:
        with open(stamp, encoding="ascii") as handle:
            until = float(handle.read().split()[0])
        written = os.stat(stamp).st_mtime
    except (OSError, ValueError, IndexError):
        return False
    try:
        changed = os.stat(settings_file()).st_mtime
    except OSError:
        changed = 0.0
    return now < until and changed <= written


def nudge() -> int:
    """Print the nudge when due; always exit 0 (a shell's start must never look broken)."""
    stamp = stamp_path()
    if quiet(stamp, time.time()):
        return 0
    from datetime import datetime

    line, until = check(datetime.now().astimezone())
    if line:
        print(line)
    try:
        os.makedirs(os.path.dirname(stamp), exist_ok=True)
        with open(stamp, "w", encoding="ascii") as handle:
            handle.write(f"{until.timestamp():.0f}\n")
    except OSError:
        pass  # without a stamp it checks again next time: slower, not wrong
    return 0


def check(now: datetime) -> tuple[str, datetime]:
    """The nudge to print (empty for none) and until when to stay quiet."""
    from datetime import timedelta

    from coach.commands.schedule import read_plan, read_today
    from coach.plan import due

    items = read_today(read_plan(), now.date()).items
    pending = due(items, now.time())
    if pending:
        names = list(dict.fromkeys(item.entry.routine for item in pending))
        listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
        line = f"coach: {listed} not done yet today · type coach to start"
        return line, now + timedelta(seconds=QUIET_AFTER_NUDGE_S)
    return "", next_due(items, now)


def next_due(items: Sequence[PlannedItem], now: datetime) -> datetime:
    """When something of today's plan next comes due; else the start of tomorrow."""
    from datetime import datetime, timedelta

    from coach.plan import local_moment

    tomorrow = local_moment(now.date() + timedelta(days=1), datetime.min.time())
    later = [
        local_moment(now.date(), item.entry.at)
        for item in items
        if not item.done and item.entry.at is not None
    ]
    return min([moment for moment in later if moment > now] + [tomorrow])
