"""An unknown `daily_routine` in settings.yaml is reported where it is written and never
nagged about: #5 of the new-user walk, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import RunCoach

TYPO = """\
volume: 0.5
daily_routine: foot-dialy
"""


@pytest.fixture
def settings(isolated_folders: Path) -> Path:
    path = isolated_folders / "config" / "settings.yaml"
    path.write_text(TYPO)
    return path


def problem_line(settings: Path) -> str:
    return (
        f"{settings}:2:16: no routine called 'foot-dialy' (did you mean \"foot-daily\"?);"
        " `coach list` shows them all"
    )


def test_status_says_where_the_unknown_daily_routine_is_and_plans_nothing(
    coach: RunCoach, settings: Path
) -> None:
    """#5: `coach status` said "foot-dialy: not done yet today" and nothing else."""
    result = coach("status")
    assert result.stderr.splitlines() == [problem_line(settings)]
    assert result.stdout == (
        "nothing planned today. No streak running — finish a session to start one.\n"
    )
    assert json.loads(coach("status", "--json").stdout)["planned"] == []


def test_nudge_does_not_nag_for_a_routine_that_does_not_exist(
    coach: RunCoach, settings: Path
) -> None:
    """#5: `coach nudge` said "foot-dialy not done yet today" at every prompt, forever."""
    result = coach("nudge")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [problem_line(settings)]
    assert result.stdout == ""


def test_doctor_names_the_place_of_the_unknown_daily_routine(
    coach: RunCoach, settings: Path
) -> None:
    """#5: doctor's line had no PATH:LINE:COL, unlike the same typo under `schedule:`."""
    result = coach("doctor", "--no-play")
    assert result.returncode == 1
    assert f"FIX   {problem_line(settings)}" in result.stdout


def test_a_known_daily_routine_is_planned_as_before(coach: RunCoach, settings: Path) -> None:
    settings.write_text("daily_routine: foot-quick\n")
    result = coach("status")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        "foot-quick: not done yet today. No streak running — finish a session to start one.\n"
    )
