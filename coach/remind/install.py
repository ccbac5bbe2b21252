"""Putting reminders in place and taking them away: systemd user units or crontab lines, and
the desktop entry. Every outside program is run by name from PATH (so tests can stand in for
`systemctl` and `crontab`), and what could not be done is raised as one plain sentence."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coach.files import write_atomic
from coach.plan import PlanEntry
from coach.remind.units import (
    CRON_MARK,
    DESKTOP,
    SERVICE,
    TIMER,
    cron_lines,
    desktop_text,
    service_text,
    timer_text,
)

Installed = Literal["systemd", "cron"]
SYSTEMCTL_ON = (
    ["systemctl", "--user", "daemon-reload"],
    ["systemctl", "--user", "enable", "--now", TIMER],
)
SYSTEMCTL_OFF = (
    ["systemctl", "--user", "disable", "--now", TIMER],
    ["systemctl", "--user", "daemon-reload"],
)


class RemindError(Exception):
    """Reminders could not be set up or removed; the message says why in one sentence."""


@dataclass(frozen=True)
class Places:
    """Where the files go: `$XDG_CONFIG_HOME/systemd/user` and `$XDG_DATA_HOME/applications`."""

    units: Path
    applications: Path

    @classmethod
    def of(cls, env: Mapping[str, str] | None = None) -> Places:
        env = os.environ if env is None else env
        home = Path(env.get("HOME") or Path.home())
        config = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else home / ".config"
        data = Path(env["XDG_DATA_HOME"]) if env.get("XDG_DATA_HOME") else home / ".local/share"
        return cls(config / "systemd" / "user", data / "applications")

    @property
    def timer(self) -> Path:
        return self.units / TIMER

    @property
    def service(self) -> Path:
        return self.units / SERVICE

    @property
    def desktop(self) -> Path:
        return self.applications / DESKTOP


def coach_command() -> list[str]:
    """This same coach by its absolute path: the `coach` script that is running, else this
    Python running the package."""
    script = Path(sys.argv[0])
    if script.name == "coach" and script.is_file():
        return [str(script.resolve())]
    return [str(Path(sys.executable).absolute()), "-m", "coach"]


def desktop_command(command: Sequence[str]) -> list[str]:
    """`coach` when the `coach` found on PATH is this one; else the absolute command."""
    found = shutil.which("coach")
    if found is not None and len(command) == 1 and Path(found).resolve() == Path(command[0]):
        return ["coach"]
    return list(command)


@dataclass(frozen=True)
class Plan:
    """What `remind on` would write and run, so `--dry-run` can show it and change nothing."""

    files: tuple[tuple[Path, str], ...]
    commands: tuple[list[str], ...]


def systemd_plan(entries: Sequence[PlanEntry], places: Places, command: Sequence[str]) -> Plan:
    files = (
        (places.timer, timer_text(entries)),
        (places.service, service_text(command)),
        (places.desktop, desktop_text(desktop_command(command))),
    )
    return Plan(files, SYSTEMCTL_ON)


def write_files(plan: Plan) -> None:
    for path, text in plan.files:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
        except OSError as exc:
            raise RemindError(f"cannot write {path}: {exc.strerror or exc}") from None


def run(command: list[str]) -> None:
    """Run an outside program; RemindError naming it and its first line of complaint."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise RemindError(f"{command[0]} is not installed") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RemindError(f"{shlex.join(command)} could not run: {exc}") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        reason = said[0] if said else f"exit status {done.returncode}"
        raise RemindError(f"`{shlex.join(command)}` failed: {reason}")


def install_systemd(plan: Plan, places: Places) -> None:
    """Write the units and the desktop entry, then reload and start the timer. When systemd
    refuses, the files are taken away again so nothing half-installed is left."""
    if shutil.which("systemctl") is None:
        raise RemindError("systemctl is not installed (no systemd user instance here)")
    # The desktop entry may be there for cron reminders already: then it stays.
    made = [places.timer, places.service] + ([] if places.desktop.exists() else [places.desktop])
    write_files(plan)
    try:
        for command in plan.commands:
            run(command)
    except RemindError:
        for path in made:
            path.unlink(missing_ok=True)
        raise


def remove_systemd(places: Places) -> bool:
    """Stop and remove the units (if they are there); whether there were any."""
    present = places.timer.exists() or places.service.exists()
    if present and shutil.which("systemctl") is not None:
        # Taking the files away matters most: a failing systemctl only delays the change.
        with contextlib.suppress(RemindError):
            run(SYSTEMCTL_OFF[0])
    for path in (places.timer, places.service):
        path.unlink(missing_ok=True)
    if present and shutil.which("systemctl") is not None:
        with contextlib.suppress(RemindError):
            run(SYSTEMCTL_OFF[1])
    return present


# -- cron ------------------------------------------------------------------------------------


def read_crontab() -> list[str]:
    """The user's crontab lines; none when there is no crontab yet."""
    try:
        done = subprocess.run(["crontab", "-l"], capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise RemindError("crontab is not installed (install cron)") from None
    if done.returncode != 0:
        if "no crontab" in done.stderr.lower():
            return []
        said = done.stderr.strip().splitlines()
        raise RemindError(f"`crontab -l` failed: {said[0] if said else done.returncode}")
    return done.stdout.splitlines()


def write_crontab(lines: list[str]) -> None:
    text = "".join(f"{line}\n" for line in lines)
    try:
        done = subprocess.run(
            ["crontab", "-"], input=text, capture_output=True, text=True, timeout=60
        )
    except FileNotFoundError:
        raise RemindError("crontab is not installed (install cron)") from None
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise RemindError(f"`crontab -` failed: {said[0] if said else done.returncode}")


def ours(line: str) -> bool:
    return line.rstrip().endswith(CRON_MARK)


def desktop_plan(places: Places, command: Sequence[str]) -> Plan:
    """Only the desktop entry: what `--cron` writes besides the crontab lines."""
    return Plan(((places.desktop, desktop_text(desktop_command(command))),), ())


def install_cron(entries: Sequence[PlanEntry], places: Places, command: Sequence[str]) -> list[str]:
    """Replace coach's marked lines in the crontab with the current plan's; the lines added."""
    lines = cron_lines(entries, command)
    kept = [line for line in read_crontab() if not ours(line)]
    write_crontab(kept + lines)
    write_files(desktop_plan(places, command))
    return lines


def remove_cron() -> bool:
    """Remove exactly coach's marked lines; whether there were any. Without a usable
    crontab there are none to remove."""
    if shutil.which("crontab") is None:
        return False
    current = read_crontab()
    kept = [line for line in current if not ours(line)]
    if len(kept) == len(current):
        return False
    write_crontab(kept)
    return True


def installed(places: Places) -> Installed | None:
    """How reminders are installed now, if at all."""
    if places.timer.exists():
        return "systemd"
    if shutil.which("crontab") is not None:
        try:
            if any(ours(line) for line in read_crontab()):
                return "cron"
        except RemindError:
            return None
    return None
