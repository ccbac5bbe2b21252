"""`coach hook bash|zsh|fish` and `coach nudge`: one line in a new shell when today's plan is
waiting, and nothing otherwise.

`nudge` runs in every new shell, so it starts on the command line's fast path and keeps a small
state file in the cache folder: today's planned routines (time, done or not) and when it last
nudged. While the day, the history, the settings and the routine folder are as they were when
it was written (their size and time of change), the state answers alone, with nothing but
`os` and `time` loaded; any change means reading the plan and the history again, once.
A nudge is printed when something planned up to now is not done and none was printed in the
last 3 hours.
"""

from __future__ import annotations

import os
import sys
import time

TYPE_CHECKING = False  # not `typing`'s: the usual path imports only os, sys and time
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

STATE = "nudge"
FORMAT = "coach-nudge 1"
QUIET_AFTER_NUDGE_S = 3 * 3600.0

#: (time of day as "HH:MM" or "" for any time, done, routine id): today's plan, in order.
Item = tuple[str, bool, str]

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


# -- where things are, without pathlib ---------------------------------------------------------


def folder(override: str, xdg: str, default: str, kind: str) -> str:
    """A coach folder as `coach.locations` finds it, without pathlib or platformdirs on
    Linux (they would double the time of a nudge); elsewhere through locations."""
    given = os.environ.get(override)
    if given:
        return os.path.expanduser(given)
    if sys.platform.startswith("linux"):
        base = os.environ.get(xdg, "").strip() or os.path.expanduser(default)
        return os.path.join(base, "coach")
    from coach import locations

    return str(getattr(locations, f"{kind}_dir")())


def state_path() -> str:
    return os.path.join(folder("COACH_CACHE_DIR", "XDG_CACHE_HOME", "~/.cache", "cache"), STATE)


def watched() -> list[str]:
    """What today's plan and its done-ness are read from: the history (and its write-ahead
    log), the settings, and the user's routine folder."""
    data = folder("COACH_DATA_DIR", "XDG_DATA_HOME", "~/.local/share", "data")
    config = folder("COACH_CONFIG_DIR", "XDG_CONFIG_HOME", "~/.config", "config")
    history = os.path.join(data, "history.db")
    routines = os.path.join(config, "routines")
    return [history, history + "-wal", os.path.join(config, "settings.yaml"), routines]


def state_key(now: float) -> str:
    """The day and each watched file as it is on disk, as one line: equal keys, same answer."""
    from coach import __version__

    parts = [__version__, time.strftime("%Y-%m-%d", time.localtime(now))]
    for path in watched():
        try:
            info = os.stat(path)
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}")
    return " ".join(parts)


# -- the state file ----------------------------------------------------------------------------


def read_state(path: str) -> tuple[str, float, list[Item]] | None:
    """(key, when it last nudged, today's items), or None when missing or not understood."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
        if len(lines) < 3 or lines[0] != FORMAT:
            return None
        items = []
        for line in lines[3:]:
            at, done, routine = line.split("\t", 2)
            items.append((at, done == "1", routine))
        return lines[1], float(lines[2]), items
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def write_state(path: str, key: str, nudged: float, items: Sequence[Item]) -> None:
    lines = [FORMAT, key, f"{nudged:.0f}"]
    lines += [f"{at}\t{'1' if done else '0'}\t{routine}" for at, done, routine in items]
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        os.replace(temporary, path)
    except OSError:
        pass  # without a state it reads the plan again next time: slower, not wrong


# -- the nudge --------------------------------------------------------------------------------


def nudge() -> int:
    """Print the nudge when due; always exit 0 (a shell's start must never look broken)."""
    path, now = state_path(), time.time()
    key, state = state_key(now), read_state(path)
    if state is not None and state[0] == key:
        fresh, items = False, state[2]
    else:
        fresh, items = True, read_items(now)
        key = state_key(now)  # as the files are after reading them (a first open may tidy)
    nudged = state[1] if state is not None else 0.0
    waiting = due(items, time.strftime("%H:%M", time.localtime(now)))
    told = bool(waiting) and now - nudged >= QUIET_AFTER_NUDGE_S
    if told:
        print(nudge_line(waiting))
        nudged = now
    if fresh or told:
        write_state(path, key, nudged, items)
    return 0


def due(items: Sequence[Item], clock: str) -> list[str]:
    """The routines not done whose time (`HH:MM`, or any time) has come by `clock`, each once."""
    return list(dict.fromkeys(r for at, done, r in items if not done and at <= clock))


def nudge_line(routines: Sequence[str]) -> str:
    named = ", ".join(routines[:-1]) + f" and {routines[-1]}" if len(routines) > 1 else routines[0]
    return f"coach: {named} not done yet today · type coach to start"


def read_items(now: float) -> list[Item]:
    """Today's plan against the history (the slow path: settings, YAML and SQLite)."""
    from datetime import datetime

    from coach.commands.schedule import read_plan, read_today

    today = datetime.fromtimestamp(now).astimezone().date()
    plan = read_today(read_plan(), today).items
    return [(item.entry.at_text() or "", item.done, item.entry.routine) for item in plan]
