"""The text of what `coach remind on` installs: a systemd user timer and service, crontab lines,
and a desktop entry. Pure functions of the plan and the command that runs coach."""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Mapping, Sequence

from coach.plan import DAY_NAMES, PlanEntry

TIMER = "coach-remind.timer"
SERVICE = "coach-remind.service"
DESKTOP = "coach.desktop"
#: Ends every crontab line coach adds, so `off` removes exactly those.
CRON_MARK = "# coach-remind"
#: Environment passed on to the reminder, so it reads the same folders and finds the bus.
PASSED_ON = (
    "COACH_CONFIG_DIR",
    "COACH_DATA_DIR",
    "COACH_CACHE_DIR",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
)
_SYSTEMD_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_PLAIN = re.compile(r"[A-Za-z0-9_@%+=:,./-]+")


def timed(entries: Sequence[PlanEntry]) -> list[PlanEntry]:
    """The entries a reminder comes round for: those with a time and at least one day."""
    return [e for e in entries if e.at is not None and e.days]


def on_calendar(entry: PlanEntry) -> str:
    """`Mon,Wed,Fri *-*-* 07:30:00`, or `*-*-* 07:30:00` every day (systemd.time(7))."""
    assert entry.at is not None
    clock = f"*-*-* {entry.at:%H:%M}:00"
    if len(entry.days) == len(DAY_NAMES):
        return clock
    return ",".join(_SYSTEMD_DAYS[d] for d in sorted(entry.days)) + " " + clock


def timer_text(entries: Sequence[PlanEntry]) -> str:
    lines = [
        "# Written by `coach remind on` from the schedule in coach's settings.yaml;",
        "# `coach remind on` rewrites it, `coach remind off` removes it.",
        "[Unit]",
        "Description=coach: reminders of the weekly plan",
        "",
        "[Timer]",
    ]
    for entry in timed(entries):
        lines.append(f"# {entry.routine}, {entry.days_text()} at {entry.at_text()}")
        lines.append(f"OnCalendar={on_calendar(entry)}")
    lines += [
        "# A reminder missed while the machine slept comes when it wakes.",
        "Persistent=true",
        f"Unit={SERVICE}",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ]
    return "\n".join(lines)


def service_text(command: Sequence[str], env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    lines = [
        "# Written by `coach remind on`; run by coach-remind.timer.",
        "[Unit]",
        "Description=coach: remind about the planned routine if it is not done yet",
        "",
        "[Service]",
        "Type=simple",
        *(f"Environment={_systemd_word(f'{k}={env[k]}')}" for k in PASSED_ON if env.get(k)),
        "ExecStart=" + " ".join(_systemd_word(word) for word in [*command, "remind", "fire"]),
        "",
    ]
    return "\n".join(lines)


def cron_lines(
    entries: Sequence[PlanEntry], command: Sequence[str], env: Mapping[str, str] | None = None
) -> list[str]:
    """One marked crontab line per timed entry. Cron starts jobs with almost no environment, so
    the folders and `XDG_RUNTIME_DIR` (where the session bus lives) are given on the line."""
    env = os.environ if env is None else env
    names = (*PASSED_ON, "XDG_RUNTIME_DIR")
    assigned = [f"{k}={shlex.quote(env[k])}" for k in names if env.get(k)]
    run = " ".join([*assigned, shlex.join([*command, "remind", "fire"])])
    lines = []
    for entry in timed(entries):
        assert entry.at is not None
        days = (
            "*" if len(entry.days) == 7 else ",".join(str((d + 1) % 7) for d in sorted(entry.days))
        )
        lines.append(f"{entry.at.minute} {entry.at.hour} * * {days} {run} {CRON_MARK}")
    return lines


def desktop_text(command: Sequence[str]) -> str:
    """A desktop entry, so notification servers can name and group coach's notifications."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=coach",
            "Comment=Guided foot and calf routines in the terminal",
            "Exec=" + " ".join(_desktop_word(word) for word in command),
            "Terminal=true",
            "Categories=Utility;",
            "",
        ]
    )


def _systemd_word(word: str) -> str:
    """One word of a systemd command line: quoted when needed, specifiers and `$` doubled."""
    word = word.replace("%", "%%").replace("$", "$$")
    if _PLAIN.fullmatch(word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _desktop_word(word: str) -> str:
    """One word of a desktop entry's Exec (Desktop Entry Specification, "The Exec key")."""
    word = word.replace("%", "%%")
    if _PLAIN.fullmatch(word):
        return word
    for char in ("\\", '"', "`", "$"):
        word = word.replace(char, "\\" + char)
    # The value is itself a string with escapes: each backslash is written twice more.
    return ('"' + word + '"').replace("\\", "\\\\")
