"""`coach nudge` in a new shell and `coach hook`: one line while something planned up to now
is not done, then quiet for 3 hours (a stamp in the cache folder), or until the next planned
time once all is done; and the quiet path loads almost nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from coach import locations
from coach.commands.nudge import folder, state_path
from tests.cli.conftest import RunCoach

LINE = "coach: foot-daily not done yet today · type coach to start\n"


@pytest.fixture
def settings(isolated_folders: Path) -> Path:
    path = isolated_folders / "config" / "settings.yaml"
    path.write_text("schedule:\n  - routine: foot-daily\n    at: '00:00'\n")
    return path


def nudged_at(seconds: float) -> None:
    """Pretend the last nudge was printed at `seconds` since the epoch."""
    path = Path(state_path())
    lines = path.read_text().splitlines()
    lines[2] = f"{seconds:.0f}"
    path.write_text("\n".join(lines) + "\n")


def test_a_nudge_then_quiet_for_three_hours(coach: RunCoach, settings: Path) -> None:
    first = coach("nudge")
    assert (first.returncode, first.stdout, first.stderr) == (0, LINE, "")
    second = coach("nudge")
    assert (second.returncode, second.stdout) == (0, "")
    nudged_at(time.time() - 3 * 3600 + 60)  # not quite three hours ago
    assert coach("nudge").stdout == ""
    nudged_at(time.time() - 3 * 3600 - 1)
    assert coach("nudge").stdout == LINE


def test_done_means_quiet_and_a_later_time_nudges_once_it_comes(
    coach: RunCoach, settings: Path
) -> None:
    settings.write_text(
        "schedule:\n  - routine: foot-daily\n    at: '00:00'\n"
        "  - routine: foot-quick\n    at: '23:59'\n"
    )
    assert coach("nudge").stdout == LINE
    assert coach("log", "foot-daily").returncode == 0
    nudged_at(0)  # long ago: only what is due decides now
    result = coach("nudge")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    lines = Path(state_path()).read_text().splitlines()
    assert lines[3:] == ["00:00\t1\tfoot-daily", "23:59\t0\tfoot-quick"]


def test_a_changed_plan_is_read_again_at_once(coach: RunCoach, settings: Path) -> None:
    settings.write_text("schedule: []\n")
    assert coach("nudge").stdout == ""
    settings.write_text("schedule:\n  - routine: foot-daily\n")
    assert coach("nudge").stdout == LINE


def test_a_new_day_reads_the_plan_again(coach: RunCoach, settings: Path) -> None:
    assert coach("nudge").stdout == LINE
    path = Path(state_path())
    lines = path.read_text().splitlines()
    lines[1] = lines[1].replace(date.today().isoformat(), "2000-01-01")
    lines[3:] = ["00:00\t1\tfoot-daily"]  # what yesterday's state said
    path.write_text("\n".join(lines) + "\n")
    nudged_at(0)
    assert coach("nudge").stdout == LINE


def test_a_bad_plan_is_one_line_each_on_stderr_and_the_rest_is_used(
    coach: RunCoach, settings: Path
) -> None:
    settings.write_text(
        "schedule:\n  - routine: foot-daly\n  - routine: foot-daily\n    days: [mon, nope]\n"
        "    at: '00:00'\n"
    )
    result = coach("nudge")
    assert result.stderr.splitlines()[0].startswith(f"{settings}:2:14: no routine called")
    assert result.stderr.splitlines()[1].startswith(f"{settings}:4:17: ")
    assert len(result.stderr.splitlines()) == 2
    if date.today().weekday() == 0:
        assert result.stdout == LINE


@pytest.mark.parametrize("nudge_again", [False, True])
def test_with_nothing_changed_the_nudge_loads_almost_nothing(
    coach: RunCoach, settings: Path, nudge_again: bool
) -> None:
    """What makes a nudge fast enough for every new shell: while the day, the history and the
    settings are as they were, no argparse, pathlib, YAML or SQLite, even to nudge again."""
    assert coach("nudge").stdout == LINE
    if nudge_again:
        nudged_at(0)
    code = (
        "import sys\nfrom coach.cli import main\nmain(['nudge'])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.startswith(LINE) == nudge_again
    loaded = set(done.stdout.splitlines()[-1].split())
    assert "coach.commands.nudge" in loaded
    assert not loaded & {"argparse", "pathlib", "typing", "yaml", "sqlite3", "datetime"}


@pytest.mark.parametrize(
    ("env", "kind"),
    [
        ({"COACH_CACHE_DIR": "/tmp/x"}, "cache"),
        ({"XDG_CACHE_HOME": "/tmp/xdg-cache"}, "cache"),
        ({}, "cache"),
        ({"XDG_CONFIG_HOME": "/tmp/xdg-config"}, "config"),
        ({}, "config"),
    ],
)
def test_the_quiet_paths_folders_are_where_locations_puts_them(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], kind: str
) -> None:
    for name in ("COACH_CACHE_DIR", "COACH_CONFIG_DIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    override, xdg, default = {
        "cache": ("COACH_CACHE_DIR", "XDG_CACHE_HOME", "~/.cache"),
        "config": ("COACH_CONFIG_DIR", "XDG_CONFIG_HOME", "~/.config"),
    }[kind]
    expected = getattr(locations, f"{kind}_dir")()
    assert Path(folder(override, xdg, default, kind)) == expected


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_hook_prints_a_snippet_that_runs_the_nudge(coach: RunCoach, shell: str) -> None:
    result = coach("hook", shell)
    assert result.returncode == 0
    assert "coach nudge" in result.stdout
    assert result.stdout.startswith("# Add to ~/")


def test_the_bash_hook_runs_in_bash(coach: RunCoach, settings: Path, tmp_path: Path) -> None:
    rc = tmp_path / "bashrc"
    rc.write_text(coach("hook", "bash").stdout)
    shim = tmp_path / "bin"
    shim.mkdir()
    (shim / "coach").write_text(f'#!/bin/sh\nexec {sys.executable} -m coach "$@"\n')
    (shim / "coach").chmod(0o755)
    env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "--rcfile", str(rc), "-i", "-c", "true"], capture_output=True, text=True, env=env
    )
    assert done.stdout == LINE


def test_without_coach_on_path_the_hook_is_silent(coach: RunCoach, tmp_path: Path) -> None:
    rc = tmp_path / "bashrc"
    rc.write_text(coach("hook", "bash").stdout)
    done = subprocess.run(
        ["bash", "--norc", "-c", f"source {rc}"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_the_nudge_watches_the_files_coach_really_uses() -> None:
    from coach.commands.nudge import watched
    from coach.history.store import history_path
    from coach.settings import settings_path

    history, wal, settings, routines = map(Path, watched())
    assert (history, settings) == (history_path(), settings_path())
    assert wal == history.with_name(history.name + "-wal")
    assert routines == locations.user_routines_dir()
