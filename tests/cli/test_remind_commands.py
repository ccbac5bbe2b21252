"""`coach remind on|off|status` as a user runs them, with `systemctl` and `crontab` replaced by
recording stand-ins on PATH; the written OnCalendar= values are checked by systemd-analyze."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLAN = """\
schedule:
  - routine: foot-daily
    days: daily
    at: 07:30
  - routine: bedtime-calves
    days: [mon, wed, fri]
    at: "22:00"
  - routine: foot-quick
"""

STAND_IN = """\
#!{python}
import json, os, sys
name = os.path.basename(sys.argv[0])
folder = os.path.dirname(os.path.abspath(sys.argv[0]))
with open(os.path.join(folder, name + ".log"), "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if name == "systemctl":
    fail = os.environ.get("FAKE_SYSTEMCTL_FAIL")
    if fail:
        print(fail, file=sys.stderr)
        sys.exit(1)
if name == "crontab":
    table = os.path.join(folder, "crontab.txt")
    if sys.argv[1:] == ["-l"]:
        if not os.path.exists(table):
            print("no crontab for tester", file=sys.stderr)
            sys.exit(1)
        sys.stdout.write(open(table).read())
    elif sys.argv[1:] == ["-"]:
        open(table, "w").write(sys.stdin.read())
"""


class Machine:
    """A user's machine: their folders, a PATH with stand-ins, and `coach` to run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.bin = root / "stand-ins"
        self.bin.mkdir()
        self.config_home = root / "xdg-config"
        self.data_home = root / "xdg-data"
        (root / "config" / "settings.yaml").write_text(PLAN)
        self.env = {
            **os.environ,
            "XDG_CONFIG_HOME": str(self.config_home),
            "XDG_DATA_HOME": str(self.data_home),
            "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}",
        }

    def stand_in(self, name: str) -> None:
        path = self.bin / name
        path.write_text(STAND_IN.format(python=sys.executable))
        path.chmod(0o755)

    def calls(self, name: str) -> list[list[str]]:
        log = self.bin / f"{name}.log"
        if not log.exists():
            return []
        return [json.loads(line) for line in log.read_text().splitlines()]

    def crontab(self) -> list[str]:
        table = self.bin / "crontab.txt"
        return table.read_text().splitlines() if table.exists() else []

    def coach(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "coach", *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={**self.env, **env},
        )

    @property
    def units(self) -> Path:
        return self.config_home / "systemd" / "user"

    @property
    def desktop(self) -> Path:
        return self.data_home / "applications" / "coach.desktop"


@pytest.fixture
def machine(isolated_folders: Path) -> Machine:
    """With a stand-in `crontab` always, so no test reads or writes the real one."""
    machine = Machine(isolated_folders)
    machine.stand_in("crontab")
    return machine


def on_calendar(timer: Path) -> list[str]:
    return [
        line.removeprefix("OnCalendar=")
        for line in timer.read_text().splitlines()
        if line.startswith("OnCalendar=")
    ]


def test_on_writes_the_units_and_starts_the_timer(machine: Machine) -> None:
    machine.stand_in("systemctl")
    result = machine.coach("remind", "on")
    assert result.returncode == 0, result.stderr
    assert machine.calls("systemctl") == [
        ["--user", "daemon-reload"],
        ["--user", "enable", "--now", "coach-remind.timer"],
    ]
    values = on_calendar(machine.units / "coach-remind.timer")
    assert values == ["*-*-* 07:30:00", "Mon,Wed,Fri *-*-* 22:00:00"]
    for value in values:
        check = subprocess.run(["systemd-analyze", "calendar", value], capture_output=True)
        assert check.returncode == 0, check.stderr
    service = (machine.units / "coach-remind.service").read_text()
    assert f"ExecStart={sys.executable} -m coach remind fire" in service.splitlines()
    assert "Terminal=true" in machine.desktop.read_text().splitlines()
    assert "Reminders on: systemd user timer" in result.stdout


def test_on_again_after_the_plan_changed_rewrites_the_timer(machine: Machine) -> None:
    machine.stand_in("systemctl")
    assert machine.coach("remind", "on").returncode == 0
    (machine.root / "config" / "settings.yaml").write_text(
        "schedule:\n  - routine: foot-daily\n    days: weekends\n    at: '09:15'\n"
    )
    status = machine.coach("remind", "status")
    assert "The plan has changed since" in status.stdout
    assert machine.coach("remind", "on").returncode == 0
    assert on_calendar(machine.units / "coach-remind.timer") == ["Sat,Sun *-*-* 09:15:00"]


def test_dry_run_prints_files_and_commands_and_changes_nothing(machine: Machine) -> None:
    machine.stand_in("systemctl")
    result = machine.coach("remind", "on", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert f"# {machine.units / 'coach-remind.timer'}" in result.stdout
    assert "OnCalendar=Mon,Wed,Fri *-*-* 22:00:00" in result.stdout
    assert "$ systemctl --user enable --now coach-remind.timer" in result.stdout
    assert machine.calls("systemctl") == []
    assert not machine.units.exists() and not machine.desktop.exists()


@pytest.mark.parametrize(
    ("fail", "reason"),
    [
        ("Failed to connect to bus: No medium found", "Failed to connect to bus: No medium found"),
        (None, "systemctl is not installed"),
    ],
)
def test_without_a_user_systemd_it_is_one_line_offering_cron(
    machine: Machine, fail: str | None, reason: str
) -> None:
    """Nothing half-installed is left. Bug: a refused `remind on` left coach.desktop behind."""
    env = {}
    if fail is not None:
        machine.stand_in("systemctl")
        env["FAKE_SYSTEMCTL_FAIL"] = fail
    else:
        env["PATH"] = f"{machine.bin}{os.pathsep}{Path(sys.executable).parent}"
    result = machine.coach("remind", "on", **env)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert reason in line
    assert line.endswith("`coach remind on --cron` adds the reminders to your crontab instead")
    assert not (machine.units / "coach-remind.timer").exists()
    assert not (machine.units / "coach-remind.service").exists()
    assert not machine.desktop.exists()


def test_cron_adds_marked_lines_and_off_removes_exactly_those(machine: Machine) -> None:
    (machine.bin / "crontab.txt").write_text("0 3 * * * backup.sh\n")
    result = machine.coach("remind", "on", "--cron")
    assert result.returncode == 0, result.stderr
    table = machine.crontab()
    assert table[0] == "0 3 * * * backup.sh"
    assert [line.split()[:5] for line in table[1:]] == [
        ["30", "7", "*", "*", "*"],
        ["0", "22", "*", "*", "1,3,5"],
    ]
    assert all(line.endswith("# coach-remind") for line in table[1:])
    status = json.loads(machine.coach("remind", "status", "--json").stdout)
    assert status["installed"] == "cron"
    assert [n["routine"] for n in status["next"]] in (
        ["foot-daily", "bedtime-calves"],
        ["bedtime-calves", "foot-daily"],
    )
    assert "The plan has changed" not in machine.coach("remind", "status").stdout
    (machine.root / "config" / "settings.yaml").write_text(PLAN.replace("07:30", "08:00"))
    assert "The plan has changed since" in machine.coach("remind", "status").stdout
    # Again: replaced, not added twice.
    assert machine.coach("remind", "on", "--cron").returncode == 0
    assert len(machine.crontab()) == 3
    off = machine.coach("remind", "off")
    assert off.returncode == 0, off.stderr
    assert machine.crontab() == ["0 3 * * * backup.sh"]
    assert not machine.desktop.exists()


def test_off_disables_and_removes_the_units_and_status_says_so(machine: Machine) -> None:
    machine.stand_in("systemctl")
    assert machine.coach("remind", "on").returncode == 0
    status = json.loads(machine.coach("remind", "status", "--json").stdout)
    assert status["installed"] == "systemd"
    assert [n["routine"] for n in status["next"]][0] in ("foot-daily", "bedtime-calves")
    for reminder in status["next"]:
        assert reminder["at"][10] == "T" and reminder["at"][-6] in "+-"  # ISO 8601, offset
    off = machine.coach("remind", "off")
    assert (off.returncode, off.stdout) == (0, "Reminders off: removed the systemd timer.\n")
    assert machine.calls("systemctl")[-2:] == [
        ["--user", "disable", "--now", "coach-remind.timer"],
        ["--user", "daemon-reload"],
    ]
    assert not machine.units.joinpath("coach-remind.timer").exists()
    assert not machine.desktop.exists()
    assert json.loads(machine.coach("remind", "status", "--json").stdout) == {
        "installed": None,
        "next": [],
    }


def test_a_plan_without_times_has_nothing_to_remind(machine: Machine) -> None:
    (machine.root / "config" / "settings.yaml").write_text("schedule:\n  - routine: foot-daily\n")
    result = machine.coach("remind", "on")
    assert result.returncode == 1
    assert result.stderr.startswith("coach: nothing in the plan has a time")


def test_doctor_says_when_installed_reminders_cannot_be_shown(machine: Machine) -> None:
    machine.stand_in("systemctl")
    assert machine.coach("remind", "on").returncode == 0
    empty = machine.root / "runtime"
    empty.mkdir()
    result = machine.coach(
        "doctor", "--no-play", DBUS_SESSION_BUS_ADDRESS="", XDG_RUNTIME_DIR=str(empty)
    )
    lines = result.stdout.splitlines()
    assert "  ok    on (systemd user timer)" in lines
    assert any(
        line.startswith("  FIX   reminders cannot be shown: no D-Bus session bus") for line in lines
    )
    assert result.returncode == 1
