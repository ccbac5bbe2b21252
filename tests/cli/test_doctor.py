"""`coach doctor` names what works and what to fix, on a machine with or without sound."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import RunCoach


def test_silent_backend_and_broken_files_are_reported(
    coach: RunCoach, user_routines: Path, isolated_folders: Path
) -> None:
    (user_routines / "bad.yaml").write_text("name: Bad\nsteps: 3\n")
    (isolated_folders / "config" / "settings.yaml").write_text("volume: loud\n")
    result = coach("doctor", "--no-play")
    assert result.returncode == 1
    out = result.stdout
    assert "backend: silent" in out
    assert "settings.yaml:1:9: `volume` must be from 0 to 1" in out
    assert f"{user_routines / 'bad.yaml'}:2:8:" in out
    assert "coach edit bad" in out
    assert "Traceback" not in result.stderr


def test_sound_through_alsa_file_plugin_plays_every_cue(tmp_path: Path) -> None:
    """With ALSA's default device pointed at a file, every cue is played and captured."""
    home = tmp_path / "alsa-home"
    home.mkdir()
    capture = tmp_path / "capture.raw"
    (home / ".asoundrc").write_text(
        f'pcm.!default {{ type file; slave.pcm "null"; file "{capture}"; format "raw" }}\n'
    )
    env = {k: v for k, v in os.environ.items() if k != "COACH_AUDIO"}
    env["HOME"] = str(home)
    result = subprocess.run(
        [sys.executable, "-m", "coach", "doctor", "--gap", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "played 11 cues: prepare, start, countdown" in result.stdout, result.stdout
    assert capture.stat().st_size > 0
    assert "ALSA lib" not in result.stderr


def test_a_schedule_beside_daily_routine_wins_and_its_unknown_routines_are_named(
    coach: RunCoach, isolated_folders: Path
) -> None:
    settings = isolated_folders / "config" / "settings.yaml"
    settings.write_text(
        "daily_routine: foot-daily\nschedule:\n  - routine: foot-dayly\n  - routine: foot-daily\n"
    )
    result = coach("doctor", "--no-play")
    assert result.returncode == 1
    assert "both `schedule` and `daily_routine` are set: the schedule wins" in result.stdout
    assert (
        f"{settings}:3:14: no routine called 'foot-dayly' (did you mean \"foot-daily\"?)"
        in result.stdout
    )
    assert "Traceback" not in result.stderr


def test_a_theme_the_app_does_not_know_is_named_as_the_app_names_it(
    coach: RunCoach, isolated_folders: Path
) -> None:
    """Bug #11: doctor passed a theme the app then refused. It names the theme's place in the
    file, PATH:LINE:COL, as it names every other settings problem."""
    settings = isolated_folders / "config" / "settings.yaml"
    settings.write_text("volume: 50%\ntheme: nrod\n")
    result = coach("doctor", "--no-play")
    assert result.returncode == 1
    assert (
        f"  FIX   {settings}:2:8: there is no theme called 'nrod'"
        ' (did you mean "nord"?); the default is used'
    ) in result.stdout.splitlines()
    settings.write_text("theme: nord\n")
    assert "no theme called" not in coach("doctor", "--no-play").stdout


def test_reminders_are_reported_off_until_installed(coach: RunCoach) -> None:
    result = coach("doctor", "--no-play")
    lines = result.stdout.splitlines()
    assert "Reminders" in lines
    assert "  ·     off; `coach remind on` sets them up for the plan's times" in lines
