"""What `coach remind on` writes: timer and service text, crontab lines and the desktop entry.
Every OnCalendar= value is checked by the real `systemd-analyze calendar`."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from datetime import time

import pytest

from coach.plan import PlanEntry
from coach.plan.entry import EVERY_DAY
from coach.remind.units import (
    CRON_MARK,
    cron_lines,
    desktop_text,
    on_calendar,
    service_text,
    timer_text,
)

MORNING = PlanEntry("foot-daily", EVERY_DAY, time(7, 30))
WEEKDAYS = PlanEntry("bedtime-calves", frozenset(range(5)), time(22, 0))
SUNDAY = PlanEntry("long", frozenset({6}), time(9, 5))
UNTIMED = PlanEntry("anytime", EVERY_DAY)
COMMAND = ["/opt/coach env/bin/coach"]


def analyze(value: str) -> str:
    """`systemd-analyze calendar VALUE`'s normalized form (fails the test if systemd refuses)."""
    assert shutil.which("systemd-analyze"), "systemd-analyze is missing: run make setup"
    done = subprocess.run(
        ["systemd-analyze", "calendar", value], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    normalized = [
        line.split(":", 1)[1].strip()
        for line in done.stdout.splitlines()
        if line.strip().startswith("Normalized form:")
    ]
    return normalized[0]


@pytest.mark.parametrize(
    ("entry", "value", "normalized"),
    [
        (MORNING, "*-*-* 07:30:00", "*-*-* 07:30:00"),
        (WEEKDAYS, "Mon,Tue,Wed,Thu,Fri *-*-* 22:00:00", "Mon..Fri *-*-* 22:00:00"),
        (SUNDAY, "Sun *-*-* 09:05:00", "Sun *-*-* 09:05:00"),
        (PlanEntry("x", frozenset({0, 2, 4}), time(0, 0)), "Mon,Wed,Fri *-*-* 00:00:00",
         "Mon,Wed,Fri *-*-* 00:00:00"),
    ],
)  # fmt: skip
def test_on_calendar_values_are_what_systemd_reads(
    entry: PlanEntry, value: str, normalized: str
) -> None:
    assert on_calendar(entry) == value
    assert analyze(value) == normalized


def test_the_timer_has_one_on_calendar_per_timed_entry_and_is_persistent() -> None:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    text = timer_text([MORNING, UNTIMED, WEEKDAYS])
    values = [line.split("=", 1)[1] for line in text.splitlines() if line.startswith("OnCalendar=")]
    assert values == ["*-*-* 07:30:00", "Mon,Tue,Wed,Thu,Fri *-*-* 22:00:00"]
    for value in values:
        analyze(value)
    parser.read_string(text)
    assert parser["Timer"]["Persistent"] == "true"
    assert parser["Timer"]["Unit"] == "coach-remind.service"
    assert parser["Install"]["WantedBy"] == "timers.target"


def test_the_service_runs_this_coach_by_its_absolute_path_with_its_folders() -> None:
    env = {"COACH_DATA_DIR": "/data/50% off", "PATH": "/usr/bin"}
    text = service_text(COMMAND, env)
    assert 'ExecStart="/opt/coach env/bin/coach" remind fire' in text.splitlines()
    assert 'Environment="COACH_DATA_DIR=/data/50%% off"' in text.splitlines()
    assert "PATH" not in text


def test_crontab_lines_are_marked_and_run_fire_at_the_planned_minutes() -> None:
    env = {"XDG_RUNTIME_DIR": "/run/user/1000", "COACH_CONFIG_DIR": "/c d"}
    lines = cron_lines([MORNING, UNTIMED, WEEKDAYS, SUNDAY], COMMAND, env)
    assert len(lines) == 3
    assert all(line.endswith(f" {CRON_MARK}") for line in lines)
    fields = [line.split(" ", 5) for line in lines]
    assert [f[:5] for f in fields] == [
        ["30", "7", "*", "*", "*"],
        ["0", "22", "*", "*", "1,2,3,4,5"],
        ["5", "9", "*", "*", "0"],
    ]
    command = shlex.split(fields[0][5].removesuffix(CRON_MARK))
    assert command == [
        "COACH_CONFIG_DIR=/c d",
        "XDG_RUNTIME_DIR=/run/user/1000",
        "/opt/coach env/bin/coach",
        "remind",
        "fire",
    ]


def test_the_desktop_entry_opens_coach_in_a_terminal() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(desktop_text(["coach"]))
    entry = parser["Desktop Entry"]
    assert (entry["Type"], entry["Name"], entry["Exec"], entry["Terminal"]) == (
        "Application",
        "coach",
        "coach",
        "true",
    )
    quoted = desktop_text(['/opt/a "b"/coach'])
    assert 'Exec="/opt/a \\\\"b\\\\"/coach"' in quoted.splitlines()
